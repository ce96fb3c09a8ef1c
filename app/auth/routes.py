"""Account pages."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from app.auth import bp
from app.auth.forms import NEW_ORGANISATION, LoginForm, RegistrationForm
from app.auth.service import (
    AccountError,
    NewOrganisation,
    authenticate,
    create_api_token,
    register_user,
)
from app.db import get_session
from app.extensions import limiter
from models import Organisation, Sector


def _safe_next(target: str | None) -> str:
    """Only same-site relative paths are followed after login."""
    if target and urlsplit(target).netloc == "" and target.startswith("/") and "//" not in target:
        return target
    return url_for("main.index")


def _organisation_choices() -> list[tuple[int, str]]:
    rows = get_session().execute(select(Organisation.id, Organisation.name).order_by("name"))
    return [(row.id, row.name) for row in rows]


@bp.get("/register")
def register() -> str | Response:
    """The registration form."""
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = RegistrationForm()
    form.set_organisation_choices(_organisation_choices())
    return render_template("auth/register.html", form=form)


@bp.post("/register")
@limiter.limit("10 per hour", methods=["POST"])
def register_post() -> tuple[str, int] | Response:
    """Create the account, log the member in, and go home."""
    form = RegistrationForm()
    form.set_organisation_choices(_organisation_choices())
    if form.validate_on_submit():
        adding = form.organisation_id.data == NEW_ORGANISATION
        try:
            user = register_user(
                get_session(),
                email=form.email.data,
                password=form.password.data,
                display_name=form.display_name.data,
                organisation_id=None if adding else int(form.organisation_id.data),
                new_organisation=NewOrganisation(
                    name=form.new_organisation_name.data,
                    sector=Sector(form.new_organisation_sector.data),
                    region=form.new_organisation_region.data or "",
                    website=form.new_organisation_website.data or None,
                )
                if adding
                else None,
            )
        except AccountError as error:
            get_session().rollback()
            getattr(form, error.field).errors.append(error.message)
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


@bp.post("/login")
@limiter.limit("10 per minute; 50 per hour", methods=["POST"])
def login_post() -> tuple[str, int] | Response:
    """Check the credentials; on success go where the member was heading."""
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(get_session(), form.email.data, form.password.data)
        if user is not None:
            session.clear()
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
        form.password.errors.append("The email or password is not right.")
    return render_template("auth/login.html", form=form), 422


@bp.post("/logout")
def logout() -> Response:
    """End the session."""
    logout_user()
    flash("You are logged out.", "info")
    return redirect(url_for("main.index"))


def _account_page(**context: str) -> str:
    """The account page with the questions the member supports and asked."""
    # Imported here: the questions blueprint reuses this module's _safe_next at import time.
    from app.questions.service import member_questions

    my_questions = member_questions(get_session(), current_user._get_current_object())
    return render_template("auth/account.html", my_questions=my_questions, **context)


@bp.get("/account")
@login_required
def account() -> str:
    """The member's own page, with news of the questions they support."""
    return _account_page()


@bp.post("/account/token")
@login_required
@limiter.limit("10 per hour")
def new_token() -> str:
    """Issue a personal API token and show it once."""
    token = create_api_token(get_session(), current_user._get_current_object())
    return _account_page(new_token=token)
