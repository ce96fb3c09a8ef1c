"""Command-line tasks: ``flask seed-demo``, ``flask users create|token``, ``flask insight ...``."""

from __future__ import annotations

import sys

import click
from flask import Flask
from flask.cli import AppGroup

from app.auth.service import (
    AccountError,
    NewOrganisation,
    create_api_token,
    find_organisation_by_name,
    find_user_by_email,
    register_user,
)
from app.db import new_session
from models import Organisation, Role, Sector

users_cli = AppGroup("users", help="Manage member accounts.")


@users_cli.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice([role.value for role in Role]), default=Role.MEMBER.value)
@click.option("--name", "display_name", default=None, help="Display name (default: the email).")
@click.option(
    "--organisation",
    default="Question Bank",
    show_default=True,
    help="Organisation name; created (sector 'other') if it does not exist.",
)
def create_user(email: str, role: str, display_name: str | None, organisation: str) -> None:
    """Create an account; the password is read from standard input."""
    password = _read_password()
    with new_session() as session:
        existing = find_organisation_by_name(session, organisation)
        try:
            user = register_user(
                session,
                email=email,
                password=password,
                display_name=display_name or email.split("@")[0],
                organisation_id=existing.id if existing else None,
                new_organisation=None
                if existing
                else NewOrganisation(name=organisation, sector=Sector.OTHER),
                role=Role(role),
            )
        except AccountError as error:
            raise click.ClickException(error.message) from None
        click.echo(f"Created {user.email} ({user.role.value}) in {user.organisation.name}.")


def _read_password() -> str:
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < 10:
        raise click.ClickException("The password must have at least 10 characters.")
    return password


@users_cli.command("token")
@click.argument("email")
def issue_token(email: str) -> None:
    """Print a new personal API token for the account (shown once; stored hashed)."""
    with new_session() as session:
        user = find_user_by_email(session, email)
        if user is None:
            raise click.ClickException(f"No account with the email {email}.")
        click.echo(create_api_token(session, user))


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Only load when the bank has no organisations.")
def seed_demo_command(if_empty: bool) -> None:
    """Load the demo organisations, members, questions and datasets (safe to run twice)."""
    from sqlalchemy import func, select

    from app.demo.seed import seed_demo

    with new_session() as session:
        if if_empty and session.scalar(select(func.count()).select_from(Organisation)):
            click.echo("The bank already has data: demo data not loaded.")
            return
        report = seed_demo(session)
    click.echo(
        f"Demo data: added {report.organisations} organisations, {report.users} members, "
        f"{report.questions} questions, {report.supports} supports, {report.datasets} datasets, "
        f"{report.pledges} pledges, {report.partnerships} partnerships, "
        f"{report.workshops} workshops."
    )


def register_commands(app: Flask) -> None:
    """Attach the commands to the app's CLI."""
    app.cli.add_command(users_cli)
    app.cli.add_command(seed_demo_command)
