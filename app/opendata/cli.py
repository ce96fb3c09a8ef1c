"""`flask export --out DIR`: write the bank's open data files and their data package."""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from app.core.opendata import open_exports
from app.db import get_session
from app.opendata.files import PACKAGE, package_descriptor


@click.command("export")
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="The folder to write the files into (made if missing).",
)
@with_appcontext
def export_command(out_dir: Path) -> None:
    """Write every open data file and datapackage.json, as the open-data page serves them."""
    out_dir.mkdir(parents=True, exist_ok=True)
    # Links in the files name the public address, as they would when downloaded from the site.
    with current_app.test_request_context(base_url=current_app.config["PUBLIC_URL"]):
        session = get_session()
        for export in open_exports():
            records = export.freshness(session).count
            path = out_dir / export.name
            with (
                path.open("w", encoding="utf-8", newline="") as handle,
                click.progressbar(length=records + 1, label=export.name.ljust(16)) as bar,
            ):
                for chunk in export.stream(session):
                    handle.write(chunk)
                    bar.update(1)
        descriptor = package_descriptor(session, lambda name: name)
        (out_dir / PACKAGE).write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    click.echo(f"Wrote {len(open_exports())} files and {PACKAGE} to {out_dir}.")
