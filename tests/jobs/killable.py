"""Run one queued job in this process and say on stdout how far it got, so a test can SIGKILL
it at a known point: ``python -m tests.jobs.killable DATABASE_URL JOB_ID PAUSE``.

Each progress note prints ``progress <fraction>``; each step of the final write prints
``checkpoint <name>`` and then waits PAUSE seconds, so a kill sent on seeing it lands inside
the open transaction that writes the job's results.
"""

from __future__ import annotations

import functools
import os
import sys
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

HEARTBEAT_SECONDS = 0.2
# Where the results are being written: (module, function) pairs, in the order they run.
WRITE_STEPS = (
    ("app.bank.recluster", "_write_groups"),
    ("app.bank.recluster", "refresh_demand_figures"),
    ("app.bank.recluster", "refresh_match_figures"),
    ("app.datasets.imports", "refresh_matches"),
    ("app.datasets.service", "refresh_match_figures"),
    ("app.bank.jobs", "_record_success"),
)


def _announcing(name: str, pause: float, original: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(original)
    def step(*args: Any, **kwargs: Any) -> Any:
        print(f"checkpoint {name}", flush=True)
        time.sleep(pause)
        return original(*args, **kwargs)

    return step


def main(database_url: str, job_id: int, pause: float) -> int:
    """Run the job; the exit code says whether it succeeded."""
    import importlib

    from app import create_app
    from app.bank.jobs import run_job
    from config import TestingConfig

    app = create_app(TestingConfig(database_url=database_url))
    app.config["JOB_HEARTBEAT_SECONDS"] = HEARTBEAT_SECONDS
    for module_name, function in WRITE_STEPS:
        module = importlib.import_module(module_name)
        name = f"{module_name.rsplit('.', 1)[1]}.{function}"
        setattr(module, function, _announcing(name, pause, getattr(module, function)))
    print("ready", flush=True)
    status = run_job(
        app, job_id, forward=lambda fraction, _note: print(f"progress {fraction:.3f}", flush=True)
    )
    print(f"finished {status.value}", flush=True)
    return 0 if status.value == "succeeded" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3])))
