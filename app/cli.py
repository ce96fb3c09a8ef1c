"""Command-line tasks: ``flask seed-demo``, ``flask users create|token``, ``flask insight ...``."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from sqlalchemy.orm import Session

from app.auth.service import (
    NewOrganisation,
    find_organisation_by_name,
    find_user_by_email,
    register_user,
)
from app.auth.tokens import (
    DEFAULT_LIFETIME,
    LIFETIMES,
    create_api_token,
    is_live,
    list_tokens,
    revoke_token,
)
from app.bank.heartbeat import Progress
from app.core.errors import ServiceError
from app.core.web import this_app
from app.db import new_session
from app.opendata.cli import export_command
from models import Job, JobStatus, Organisation, Role, Sector, User

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
        except ServiceError as error:
            raise click.ClickException(error.message) from None
        click.echo(f"Created {user.email} ({user.role.value}) in {user.organisation.name}.")


def _read_password() -> str:
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < 10:
        raise click.ClickException("The password must have at least 10 characters.")
    return password


def _member(session: Session, email: str) -> User:
    user = find_user_by_email(session, email)
    if user is None:
        raise click.ClickException(f"No account with the email {email}.")
    return user


@users_cli.command("token")
@click.argument("email")
@click.option("--name", default="", help="What the token is for (shown in the list).")
@click.option(
    "--lifetime",
    type=click.Choice(list(LIFETIMES)),
    default=DEFAULT_LIFETIME,
    show_default=True,
    help="Days until it expires, or never.",
)
def issue_token(email: str, name: str, lifetime: str) -> None:
    """Print a new personal API token for the account (shown once; stored hashed)."""
    with new_session() as session:
        try:
            issued = create_api_token(session, _member(session, email), name, lifetime)
        except ServiceError as error:
            raise click.ClickException(error.message) from None
        click.echo(issued.secret)


@users_cli.command("tokens")
@click.argument("email")
def list_tokens_command(email: str) -> None:
    """List the account's API tokens: id, name, prefix, state, last use."""
    with new_session() as session:
        for token in list_tokens(session, _member(session, email)):
            state = "live" if is_live(token) else "revoked" if token.revoked_at else "expired"
            used = token.last_used_at.date().isoformat() if token.last_used_at else "never used"
            click.echo(f"{token.id}\t{token.name}\t{token.prefix}…\t{state}\t{used}")


@users_cli.command("revoke-token")
@click.argument("email")
@click.argument("token_id", type=int)
def revoke_token_command(email: str, token_id: int) -> None:
    """Revoke one of the account's API tokens."""
    with new_session() as session:
        try:
            token = revoke_token(session, _member(session, email), token_id)
        except ServiceError as error:
            raise click.ClickException(error.message) from None
        click.echo(f"Revoked token {token.id} ({token.name}).")


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
        f"{report.notifications} notifications, "
        f"{report.workshops} workshops."
    )
    if report.questions or report.datasets:
        _embed_pending()
        from app.bank.recluster import run_recluster

        with new_session() as session:
            try:
                run = run_recluster(session)
            except ServiceError as error:  # a run under way will group them
                click.echo(f"Not grouped now: {error.message}")
                return
        click.echo(f"Grouped the questions: {run.message}")


insight_cli = AppGroup("insight", help="Embeddings and question groups.")


def _batch_threads() -> None:
    # A command-line batch has the machine to itself: two ONNX threads embed ~1.7x faster than
    # the one a served worker uses (see bench/results). Set before the embedder is created.
    os.environ.setdefault("QB_EMBED_THREADS", "2")


@insight_cli.command("prepare")
def prepare_command() -> None:
    """Load (and on first use export) the model, embed whatever is not embedded yet, and store
    the dataset matches if they are not stored yet (a database just upgraded)."""
    from sqlalchemy import func, select

    from app.bank.embeddings import embedder
    from models import Match

    _batch_threads()
    model = embedder()
    model.load()
    click.echo(f"Model ready: {model!r}.")
    with new_session() as session:
        stored = session.scalar(select(func.count()).select_from(Match))
    if _embed_pending() or not stored:
        _rematch()


@insight_cli.command("reembed")
def reembed_command() -> None:
    """Recompute embeddings whose model differs from the configured one (recorded as a job)."""
    _batch_threads()
    from app.bank.reembed import run_reembed

    with new_session() as session:
        job = _run_in_foreground(session, run_reembed, "Embedding")
    click.echo(job.message)
    if job.status is not JobStatus.SUCCEEDED:
        raise SystemExit(1)


@insight_cli.command("rematch")
def rematch_command() -> None:
    """Score every live group against every live dataset again and store the matches."""
    _rematch()


def _rematch() -> None:
    from app.bank.matchstore import refresh_all

    with new_session() as session:
        refresh_all(session)
        session.commit()
    click.echo("Dataset matches stored for every live group.")


def _embed_pending() -> int:
    """Embed what is not embedded with the configured model; returns how many rows."""
    from app.bank.embeddings import count_pending, embed_pending

    _batch_threads()
    with new_session() as session:
        total = count_pending(session)
        if not total:
            click.echo("Every question and dataset is embedded with the configured model.")
            return 0
        with click.progressbar(length=total, label="Embedding") as bar:
            done = embed_pending(session, progress=bar.update)
    click.echo(f"Embedded {done} questions and datasets.")
    return done


@insight_cli.command("recluster")
def recluster_command() -> None:
    """Re-group every visible question now, keeping group identities stable."""
    from app.bank.recluster import run_recluster

    with new_session() as session:
        run = _run_in_foreground(session, run_recluster, "Re-clustering")
    figures = run.result
    click.echo(
        f"Run {run.id} {run.status.value}: {figures.get('n_clusters', 0)} groups from "
        f"{figures.get('n_questions', 0)} questions ({figures.get('n_unassigned', 0)} not "
        f"grouped). {run.message}"
    )
    if run.status is not JobStatus.SUCCEEDED:
        raise SystemExit(1)


def _run_in_foreground(
    session: Session, run: Callable[[Session, Progress], Job], label: str
) -> Job:
    """Run a job here with a progress bar; the finished job.

    :raise click.ClickException: one of its kind is already under way.
    """
    with click.progressbar(length=100, label=label) as bar:
        done = 0

        def progress(fraction: float, _message: str) -> None:
            nonlocal done
            bar.update(int(fraction * 100) - done)
            done = int(fraction * 100)

        try:
            return run(session, progress)
        except ServiceError as error:
            raise click.ClickException(error.message) from None


@insight_cli.command("cluster")
@click.argument("input_csv", type=click.Path(path_type=Path))
@click.option("--text-column", required=True, help="The column holding the question text.")
@click.option("--output", "output_csv", required=True, type=click.Path(path_type=Path))
@click.option(
    "--max-rows",
    type=click.IntRange(min=1),
    default=None,
    help="Refuse a file with more data rows (default: CLUSTER_CSV_MAX_ROWS).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=None,
    help="Refuse a larger file, in bytes (default: CLUSTER_CSV_MAX_BYTES).",
)
def cluster_csv_command(
    input_csv: Path, text_column: str, output_csv: Path, max_rows: int | None, max_bytes: int | None
) -> None:
    """Group the questions in any CSV file, writing cluster columns; the database is untouched.

    The file is streamed; progress goes to standard error.
    """
    from app.bank.embeddings import embedder
    from app.insight.csvtool import (
        CsvLimits,
        CsvTooLarge,
        CsvToolError,
        cluster_survey,
        survey_csv,
    )

    config = current_app.config
    limits = CsvLimits(
        max_rows=max_rows or config["CLUSTER_CSV_MAX_ROWS"],
        max_bytes=max_bytes or config["CLUSTER_CSV_MAX_BYTES"],
    )
    _batch_threads()
    try:
        survey = survey_csv(input_csv, text_column, limits)
        with click.progressbar(
            length=survey.filled, label=f"Embedding {survey.filled} texts", file=sys.stderr
        ) as bar:
            summary = cluster_survey(survey, output_csv, embedder(), progress=bar.update)
    except CsvTooLarge as error:
        setting = f"--max-{error.limit} or CLUSTER_CSV_MAX_{error.limit.upper()}"
        raise click.ClickException(f"{error} with {setting}") from None
    except CsvToolError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"{summary} Written to {output_csv}.")


@insight_cli.command("feedback-export")
@click.option("--out", "out_file", required=True, type=click.Path(path_type=Path))
def feedback_export_command(out_file: Path) -> None:
    """Write members' "not relevant" match feedback as CSV for the bench (no user identities)."""
    from app.bank.matching import feedback_export
    from app.core.csvfile import SafeWriter

    with new_session() as session:
        rows = feedback_export(session)
    with out_file.open("w", newline="", encoding="utf-8") as handle:
        writer = SafeWriter(handle)
        writer.writerow(["cluster_id", "dataset_id", "reason", "created_at"])
        writer.writerows(rows)
    click.echo(f"Wrote {len(rows)} feedback rows to {out_file}.")


jobs_cli = AppGroup("jobs", help="Background jobs: the worker, and running one job here.")


@jobs_cli.command("worker")
@click.option("--burst", is_flag=True, help="Stop once the queue is empty.")
def worker_command(burst: bool) -> None:
    """Run an RQ worker for the app's job queue on REDIS_URL (what `make worker` starts)."""
    from flask import current_app
    from redis import Redis
    from rq import Worker

    config = current_app.config
    if not config["REDIS_URL"]:
        raise click.ClickException("Set REDIS_URL (for example redis://127.0.0.1:6379/0).")
    connection = Redis.from_url(config["REDIS_URL"])
    Worker([config["JOB_QUEUE"]], connection=connection).work(burst=burst)


@jobs_cli.command("run")
@click.argument("job_id", type=int)
def run_job_command(job_id: int) -> None:
    """Run one queued job here, in the foreground (it may have been recorded elsewhere)."""
    from app.bank.jobs import run_job

    status = run_job(this_app(), job_id)
    click.echo(f"Job {job_id}: {status.value}.")
    if status is not JobStatus.SUCCEEDED:
        raise SystemExit(1)


def register_commands(app: Flask) -> None:
    """Attach the commands to the app's CLI."""
    app.cli.add_command(users_cli)
    app.cli.add_command(jobs_cli)
    app.cli.add_command(seed_demo_command)
    app.cli.add_command(insight_cli)
    app.cli.add_command(export_command)
