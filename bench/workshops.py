"""Workshop speed: the results page with its value × gap 2×2, the results API and the
facilitator's live "N have scored" request, for 60 participants scoring 40 items.

The bank is built fresh into ``bench/results/workshops.sqlite3``: one facilitator, 60 members
from six sectors, 40 public questions, and two workshops with the same table and scores — one
revealed (for the results), one still scoring (for the live count). Server time is measured
around each request through the Flask test client, after warm-up, as median and p95.

Run alone: ``python -m bench.workshops [--quick]``.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from bench.common import Row, print_table, timed_config, timings

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PARTICIPANTS = 60
ITEMS = 40
TARGET_RESULTS_MS = 100.0
TARGET_PROGRESS_MS = 20.0
FACILITATOR = "facilitator@bench.example.org"
PASSWORD = "bench password 1"


def build_bank(path: Path) -> tuple[int, int]:
    """A migrated SQLite bank with the two workshops; returns (revealed id, scoring id)."""
    from alembic import command
    from sqlalchemy import insert, select

    from app import create_app
    from app.auth.service import hash_password
    from app.db import new_session
    from app.workshops.rules import criterion_slugs, default_weights
    from config import TestingConfig
    from models import (
        Organisation,
        Question,
        Role,
        Sector,
        User,
        Workshop,
        WorkshopItem,
        WorkshopParticipant,
        WorkshopPhase,
        WorkshopScore,
        utcnow,
    )
    from tests.conftest import alembic_config

    path.unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    command.upgrade(alembic_config(url), "head")
    app = create_app(TestingConfig(database_url=url))
    pick = random.Random(0)
    with app.app_context(), new_session(app) as session:
        organisations = [Organisation(name=f"Bench {s.value}", sector=s) for s in Sector]
        session.add_all(organisations)
        session.flush()
        facilitator = User(
            email=FACILITATOR,
            password_hash=hash_password(PASSWORD),
            display_name="Fiona",
            organisation_id=organisations[0].id,
            role=Role.FACILITATOR,
        )
        members = [
            User(
                email=f"member{n}@bench.example.org",
                password_hash="-",
                display_name=f"Member {n}",
                organisation_id=organisations[n % len(organisations)].id,
            )
            for n in range(PARTICIPANTS)
        ]
        session.add_all([facilitator, *members])
        session.flush()
        questions = [
            Question(
                text=f"Question {n}: how many households in the area wait for help with {n}?",
                action="Plan our services around the answer.",
                action_type_slug="understand-need",
                population_groups=[],
                author_id=members[n % PARTICIPANTS].id,
                organisation_id=members[n % PARTICIPANTS].organisation_id,
            )
            for n in range(ITEMS)
        ]
        session.add_all(questions)
        session.flush()
        ids = []
        for phase in (WorkshopPhase.REVEAL, WorkshopPhase.SCORING):
            workshop = Workshop(
                title=f"Bench workshop ({phase.value})",
                facilitator=facilitator,
                phase=phase,
                weights=default_weights(),
                join_code=f"BENCH{len(ids)}",
                items=[WorkshopItem(question=q, position=n) for n, q in enumerate(questions)],
                participants=[
                    WorkshopParticipant(
                        user=m,
                        display_name=m.display_name,
                        sector=organisations[n % len(organisations)].sector,
                        scored_at=utcnow(),
                    )
                    for n, m in enumerate(members)
                ],
            )
            session.add(workshop)
            session.flush()
            rows = []
            for place in workshop.participants:
                budget = workshop.dots
                for item in workshop.items:
                    dots = min(budget, pick.choice((0, 0, 0, 1, 2)))
                    budget -= dots
                    scores = {
                        slug: None if pick.random() < 0.05 else pick.randint(1, 5)
                        for slug in criterion_slugs()
                    }
                    rows.append(
                        {
                            "item_id": item.id,
                            "participant_id": place.id,
                            "dots": dots,
                            "comment": "",
                            **scores,
                        }
                    )
            session.execute(insert(WorkshopScore), rows)
            ids.append(workshop.id)
        session.commit()
        assert session.scalar(select(Workshop.id).where(Workshop.id == ids[0])) is not None
    return ids[0], ids[1]


def run(quick: bool) -> list[Row]:
    """Time the results page (with the 2×2), the results API and the live progress request."""
    from app import create_app

    RESULTS.mkdir(parents=True, exist_ok=True)
    revealed, scoring = build_bank(RESULTS / "workshops.sqlite3")
    config = timed_config(f"sqlite:///{RESULTS / 'workshops.sqlite3'}")
    config.WTF_CSRF_ENABLED = False
    app = create_app(config)
    client = app.test_client()
    login = client.post("/auth/login", data={"email": FACILITATOR, "password": PASSWORD})
    if login.status_code != 302:
        raise RuntimeError(f"the facilitator could not log in ({login.status_code})")
    size = f"{PARTICIPANTS} × {ITEMS}"
    requests = [
        ("results page with 2×2", f"/workshops/{revealed}/results", {}, TARGET_RESULTS_MS, 200),
        ("results API", f"/api/v1/workshops/{revealed}/results", {}, TARGET_RESULTS_MS, 200),
        (
            "live progress",
            f"/workshops/{scoring}/progress",
            {"HX-Request": "true"},
            TARGET_PROGRESS_MS,
            200,
        ),
    ]
    rows = []
    repeats = 10 if quick else 30
    for name, url, headers, target, status in requests:

        def call(url: str = url, headers: dict[str, str] = headers, status: int = status) -> None:
            response = client.get(url, headers=headers)
            if response.status_code != status:
                raise RuntimeError(f"{url} answered {response.status_code}")
            page = url.endswith("/results") and not url.startswith("/api/")
            if page and b"quadrant-svg" not in response.data:
                raise RuntimeError("the results page has no 2×2")

        median, p95 = timings(call, repeats, warmup=3)
        rows.append(
            Row(
                benchmark=f"workshops @ {size}",
                metric=f"{name} median ms (p95)",
                value=f"{median:.1f} ({p95:.1f})",
                target=f"<= {target:.0f}",
                met="yes" if median <= target else "no",
            )
        )
    return rows


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    print_table(run(parser.parse_args().quick))


if __name__ == "__main__":
    main()
