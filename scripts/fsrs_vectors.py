#!/usr/bin/env python3
"""Generate reference vectors from the Python `fsrs` package (the FSRS reference scheduler).

Usage: pip install fsrs==6.3.2 && python3 scripts/fsrs_vectors.py > tests/data/fsrs_vectors.json

Each vector is one card's life: a desired retention, a maximum interval and a list of reviews, each
with the rating, when it happened, and what the reference scheduler produced (stability, difficulty,
state, step and the wait until the card is due). tests/fsrs_reference.rs replays them through our
scheduler. Fuzzing is off so intervals are deterministic.
"""
import json
from importlib.metadata import version
import sys
from datetime import datetime, timedelta, timezone

import fsrs
from fsrs import Card, Rating, Scheduler

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)

# (name, retention, max interval, [(rating, when)]) where `when` is "due" (review exactly when due),
# a number of days after the previous review, or "+Nm" minutes after the previous review.
SEQUENCES = [
    ("good on time", 0.9, 36500, [(3, "due")] * 8),
    ("easy start", 0.9, 36500, [(4, "due")] * 6),
    ("again then good", 0.9, 36500, [(1, "due"), (3, "due"), (3, "due"), (3, "due"), (3, "due")]),
    ("hard steps", 0.9, 36500, [(2, "due"), (2, "due"), (3, "due"), (3, "due"), (2, "due"), (3, "due")]),
    ("lapse after review", 0.9, 36500, [(3, "due"), (3, "due"), (3, "due"), (1, "due"), (3, "due"), (3, "due")]),
    ("two lapses", 0.9, 36500, [(4, "due"), (1, "due"), (1, "due"), (3, "due"), (1, "due"), (3, "due"), (3, "due")]),
    ("late reviews", 0.9, 36500, [(3, "due"), (3, "due"), (3, 20), (3, 60), (3, 200)]),
    ("early reviews", 0.9, 36500, [(3, "due"), (3, "due"), (3, 1), (3, 2), (4, 3)]),
    ("same-day repeats", 0.9, 36500, [(3, "due"), (3, "+1m"), (3, "+5m"), (1, "+30m"), (3, "+2m"), (3, "due")]),
    ("retention 0.80", 0.8, 36500, [(3, "due")] * 7),
    ("retention 0.97", 0.97, 36500, [(3, "due")] * 7),
    ("retention 0.70 mixed", 0.7, 36500, [(3, "due"), (4, "due"), (2, "due"), (3, "due"), (1, "due"), (3, "due")]),
    ("max interval 30", 0.9, 30, [(4, "due")] * 8),
    ("max interval 7 mixed", 0.9, 7, [(3, "due"), (3, "due"), (4, "due"), (2, "due"), (3, "due")]),
    ("all hard", 0.9, 36500, [(2, "due")] * 8),
    ("all again then easy", 0.9, 36500, [(1, "due"), (1, "due"), (1, "due"), (4, "due"), (4, "due"), (4, "due")]),
    ("easy then again", 0.9, 36500, [(4, "due"), (4, "due"), (1, "due"), (2, "due"), (3, "due")]),
    ("relearning hard", 0.9, 36500, [(4, "due"), (1, "due"), (2, "due"), (2, "due"), (3, "due"), (3, "due")]),
    ("long gap after lapse", 0.9, 36500, [(3, "due"), (3, "due"), (1, "due"), (3, "due"), (3, 400)]),
    ("good hard easy cycle", 0.9, 36500, [(3, "due"), (3, "due"), (2, "due"), (4, "due"), (3, "due"), (2, "due"), (4, "due")]),
    ("learning again loops", 0.9, 36500, [(3, "due"), (1, "due"), (3, "due"), (1, "due"), (3, "due"), (3, "due")]),
    ("review next day each time", 0.9, 36500, [(4, "due"), (3, 1), (3, 1), (3, 1), (3, 1)]),
    # The crate caps stability at 36,500 days (the reference does not), so runs stop short of that.
    ("retention 0.85 long run", 0.85, 36500, [(3, "due")] * 8),
    ("late lapse", 0.9, 36500, [(4, "due"), (4, "due"), (1, 90), (3, "due"), (3, "due")]),
]

STATE = {fsrs.State.Learning: "learning", fsrs.State.Review: "review", fsrs.State.Relearning: "relearning"}


def main() -> None:
    vectors = []
    for name, retention, max_ivl, steps in SEQUENCES:
        scheduler = Scheduler(desired_retention=retention, maximum_interval=max_ivl, enable_fuzzing=False)
        card = Card(due=T0)
        now = T0
        reviews = []
        for i, (rating, when) in enumerate(steps):
            if i > 0:
                if when == "due":
                    now = card.due
                elif isinstance(when, str) and when.startswith("+"):
                    now = now + timedelta(minutes=int(when[1:-1]))
                else:
                    now = now + timedelta(days=when)
            card, _ = scheduler.review_card(card, Rating(rating), review_datetime=now)
            reviews.append({
                "at_ms": int(now.timestamp() * 1000),
                "rating": rating,
                "stability": card.stability,
                "difficulty": card.difficulty,
                "state": STATE[card.state],
                "step": card.step,
                "wait_ms": int((card.due - now).total_seconds() * 1000),
            })
        vectors.append({"name": name, "desired_retention": retention, "maximum_interval": max_ivl, "reviews": reviews})
    json.dump({"generator": f"python fsrs {version('fsrs')}", "vectors": vectors}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
