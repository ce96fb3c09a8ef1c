"""Helpers the match tests share: the food group with datasets that match it."""

from __future__ import annotations

from typing import Any

from flask import Flask

from tests.web.test_clusters_common import add_dataset

REFERRALS = (
    "Food bank referrals and Universal Credit waits",
    "Monthly counts of food bank referrals by reason, including waiting for a first "
    "Universal Credit payment, for every food bank in our network.",
)
PARCELS = (
    "Food parcels handed out after benefit delays",
    "Weekly food parcels given by food banks to families waiting for Universal Credit, "
    "with the reason for referral.",
)


def food_datasets(app: Flask, **fields: Any) -> tuple[int, int]:
    """Two datasets matching the food group; returns their ids."""
    first = add_dataset(app, *REFERRALS, keywords=["food banks", "universal credit"], **fields)
    second = add_dataset(app, *PARCELS, keywords=["food banks", "food parcels"])
    return first, second
