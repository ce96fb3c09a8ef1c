"""One of the writers in test_sqlite_writers.py: a process that posts questions and supports
through the API into a shared SQLite file, and prints what it did as JSON.

Usage: ``python -m tests.db.sqlite_writer URL TOKEN GO_FILE COUNT``. It waits for GO_FILE to
exist, so both writers start writing at the same moment once each has loaded the model.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from app import create_app
from app.bank.embeddings import embedder
from config import TestingConfig

QUESTION = {
    "action": "Show the council where advice services are needed most this winter.",
    "action_type": "target-resources",
    "themes": ["energy", "debt"],
    "confirm": True,
}


def main(url: str, token: str, go_file: str, count: int) -> None:
    """Post ``count`` questions, supporting each one posted before it by the other writer."""
    app = create_app(TestingConfig(database_url=url))
    with app.app_context():
        embedder().load()
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    pid = os.getpid()
    while not Path(go_file).exists():
        time.sleep(0.01)
    statuses: dict[str, int] = {}
    errors: list[str] = []
    posted = 0
    for n in range(count):
        body = {**QUESTION, "text": f"How many households in area {n} of writer {pid} owe rent?"}
        answers = [client.post("/api/v1/questions", json=body, headers=headers)]
        posted += answers[0].status_code == 201
        listed = client.get("/api/v1/questions?per_page=5", headers=headers).get_json()
        for item in listed["items"]:
            if item["id"] != answers[0].get_json().get("id"):
                answers.append(
                    client.post(f"/api/v1/questions/{item['id']}/support", headers=headers)
                )
        for answer in answers:
            statuses[str(answer.status_code)] = statuses.get(str(answer.status_code), 0) + 1
            if answer.status_code >= 500:
                errors.append(answer.get_data(as_text=True)[:300])
    print(json.dumps({"posted": posted, "statuses": statuses, "errors": errors}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
