"""Account pages: register, log in and out, the account page, API tokens, and the member's
control of their data (download it all, delete the account)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from app.auth import bp
from app.auth.forms import (
    DeleteAccountForm,
    LoginForm,
    PasswordForm,
    RegistrationForm,
    TokenForm,
)
from app.auth.service import (
    LOGIN_LIMIT_PER_ACCOUNT,
    LOGIN_LIMIT_PER_ADDRESS,
    authenticate,
    change_password,
    choose_organisation,
    delete_account,
    end_sessions,
    normalise_email,
    register_user,
)
from app.auth.tokens import (
    IssuedToken,
    create_api_token,
    is_live,
    list_tokens,
    revoke_api_tokens,
    revoke_token,
)
from app.bank.index import question_index
from app.bank.personal import led_partnerships, organisation_successor, personal_data
from app.core.errors import Refused
from app.core.web import (
    account_sections,
    json_attachment,
    login_required,
    member,
    put_errors,
    safe_next,
    viewer,
)
from app.db import get_session
from app.extensions import limiter
from models import Organisation


def _registration_form() -> RegistrationForm:
    form = RegistrationForm()
    rows = get_session().execute(select(Organisation.id, Organisation.name).order_by("name"))
    form.set_organisation_choices([(row.id, row.name) for row in rows])
    return form


@bp.get("/register")
def register() -> str | Response:
    """The registration form."""
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    return render_template("auth/register.html", form=_registration_form())


@bp.post("/register")
@limiter.limit("10 per hour", methods=["POST"])
def register_post() -> tuple[str, int] | Response:
    """Create the account, log the member in, and go home."""
    form = _registration_form()
    if form.validate_on_submit():
        try:
            organisation_id, new_organisation = choose_organisation(
                form.organisation_id.data or "",
                form.new_organisation_name.data or "",
                form.new_organisation_sector.data or "",
                form.new_organisation_region.data or "",
                form.new_organisation_website.data or None,
            )
            user = register_user(
                get_session(),
                email=form.email.data or "",
                password=form.password.data or "",
                display_name=form.display_name.data or "",
                organisation_id=organisation_id,
                new_organisation=new_organisation,
            )
        except Refused as error:
            put_errors(form, error)
        else:
            login_user(user)
            flash(f"Welcome, {user.display_name}. Your account is ready.", "success")
            return redirect(url_for("main.index"))
    return render_template("auth/register.html", form=form), 422


@bp.get("/login")
def login() -> str | Response:
    """The login form."""
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    return render_template("auth/login.html", form=LoginForm())


def _login_key() -> str:
    """Failed logins are counted per account as well as per address."""
    return "login:" + normalise_email(str(request.form.get("email", "")))[:254]


def _failed(response: Response) -> bool:
    return response.status_code != 302


@bp.post("/login")
# Only failures count: guessing one account's password is slowed down wherever it comes from,
# and the members behind one proxy are not locked out together by somebody else's typos.
@limiter.limit(LOGIN_LIMIT_PER_ACCOUNT, key_func=_login_key, deduct_when=_failed)
@limiter.limit(LOGIN_LIMIT_PER_ADDRESS, deduct_when=_failed)
def login_post() -> tuple[str, int] | Response:
    """Check the credentials; on success go where the member was heading."""
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(get_session(), form.email.data or "", form.password.data or "")
        if user is not None:
            session.clear()
            login_user(user)
            return redirect(safe_next(request.args.get("next")))
        form.password.errors = [*form.password.errors, "The email or password is not right."]
    return render_template("auth/login.html", form=form), 422


@bp.post("/logout")
def logout() -> Response:
    """End the session — and every other session of the member, on every device."""
    user = viewer()
    if user is not None:
        end_sessions(get_session(), user)
    logout_user()
    flash("You are logged out everywhere.", "info")
    return redirect(url_for("main.index"))


def _account_page(
    issued: IssuedToken | None = None,
    token_form: TokenForm | None = None,
    password_form: PasswordForm | None = None,
) -> str:
    """The account page, with the sections other features add (the questions, for one)."""
    user = member()
    tokens = list_tokens(get_session(), user)
    return render_template(
        "auth/account.html",
        sections=account_sections(get_session(), user),
        tokens=tokens,
        live_tokens=sum(1 for token in tokens if is_live(token)),
        is_live=is_live,
        issued=issued,
        token_form=token_form or TokenForm(formdata=None),
        password_form=password_form or PasswordForm(formdata=None),
    )


@bp.get("/account")
@login_required
def account() -> str:
    """The member's own page, with news of the questions they support."""
    return _account_page()


@bp.post("/account/token")
@login_required
@limiter.limit("10 per hour")
def new_token() -> str | tuple[str, int]:
    """Issue a personal API token and show it once."""
    form = TokenForm()
    if form.validate_on_submit():
        try:
            issued = create_api_token(
                get_session(), member(), form.name.data or "", form.lifetime.data or ""
            )
        except Refused as error:
            put_errors(form, error)
        else:
            return _account_page(issued=issued)
    return _account_page(token_form=form), 422


@bp.post("/account/tokens/<int:token_id>/revoke")
@login_required
def revoke_one_token(token_id: int) -> Response:
    """Revoke one API token."""
    token = revoke_token(get_session(), member(), token_id)
    flash(f"Revoked the token “{token.name}”.", "success")
    return redirect(url_for("auth.account"))


@bp.post("/account/tokens/revoke")
@login_required
def revoke_tokens() -> Response:
    """Revoke every API token of the member: scripts using them stop working at once."""
    count = revoke_api_tokens(get_session(), member())
    flash(f"Revoked {count} API token{'s' if count != 1 else ''}.", "success")
    return redirect(url_for("auth.account"))


@bp.post("/account/password")
@login_required
def password() -> str | tuple[str, int] | Response:
    """Change the password; other sessions end, this one goes on."""
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            user = change_password(
                get_session(),
                member(),
                form.current.data or "",
                form.new.data or "",
                form.repeated.data or "",
            )
        except Refused as error:
            put_errors(form, error)
        else:
            login_user(user)  # this browser carries the new session version
            flash("Your password is changed. Other devices are signed out.", "success")
            return redirect(url_for("auth.account"))
    return _account_page(password_form=form), 422


@bp.get("/account/export")
@login_required
def export_data() -> Response:
    """Everything the bank holds about the member, as one JSON file to download."""
    user = member()
    return json_attachment(
        personal_data(get_session(), user), f"question-bank-my-data-{user.id}.json"
    )


def _delete_page(form: DeleteAccountForm) -> str:
    user = member()
    return render_template(
        "auth/delete.html",
        form=form,
        handovers=led_partnerships(get_session(), user),
        successor=organisation_successor(get_session(), user),
    )


@bp.get("/account/delete")
@login_required
def delete() -> str:
    """What deleting the account does, the choice for the questions, and the confirmation."""
    return _delete_page(DeleteAccountForm(formdata=None))


@bp.post("/account/delete")
@login_required
@limiter.limit("10 per hour")
def delete_post() -> str | tuple[str, int] | Response:
    """Delete the account once the password is confirmed; nothing changes otherwise."""
    form = DeleteAccountForm()
    status = 422
    if form.validate_on_submit():
        try:
            removed = delete_account(
                get_session(), member(), form.password.data or "", form.questions.data == "keep"
            )
        except Refused as error:
            put_errors(form, error)
            status = error.status
        else:
            question_index().forget(removed)
            logout_user()
            flash("Your account is deleted. Thank you for what you gave the bank.", "info")
            return redirect(url_for("main.index"))
    return _delete_page(form), status
