"""The editorial rules: who may air in a slot, in which order, and how topics alternate.

Spreading repeats (decision): a non-emergency script that already aired *today* (any slot),
or aired in *this slot yesterday*, is a "repeat". Repeats stay eligible but rank after every
fresh script of the same priority level, and the knapsack weighs them at half; so they air only
when fresh material of their level runs out, and they are left out (``aired_today_spread`` /
``same_slot_yesterday``) when there is enough. Emergencies are never held back: they lead every
programme until their airings are done.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from scheduler.model import PRIORITY_RANK, Candidate, Priority
from scheduler.reasons import Reason

MAX_TOPIC_RUN = 2

OrderKey = tuple[int, bool, date, int, datetime, int]


def ineligibility(
    c: Candidate,
    *,
    local_date: date,
    slot_name: str,
    area_id: int | None,
    room_ms: int,
    gap_ms: int,
) -> Reason | None:
    """The first hard rule ``c`` breaks for this slot, or None when it may air.

    ``room_ms`` is the time between the announcements minus one gap; a script costs its
    duration plus one gap. With ``area_id`` None (whole station) a script aimed at some areas
    only is not eligible: ``plan_slot`` plans per area for those.
    """
    if local_date < c.air_from:
        return Reason.not_yet
    if local_date > c.air_until:
        return Reason.expired
    if c.airings_done >= c.airings_target:
        return Reason.airings_done
    if c.occurrences is not None:
        if local_date not in c.occurrences:
            return Reason.not_an_occurrence
        if any(a.local_date == local_date for a in c.previous_airings):
            return Reason.occurrence_aired
    if c.allowed_slots and slot_name not in c.allowed_slots:
        return Reason.slot_not_allowed
    if c.target_areas and (area_id is None or area_id not in c.target_areas):
        return Reason.area_not_targeted
    if c.duration_ms + gap_ms > room_ms:
        return Reason.too_long
    return None


def repeat_reason(c: Candidate, *, local_date: date, slot_name: str) -> Reason | None:
    """Why ``c`` counts as a repeat here (see the module docstring), or None when fresh."""
    if c.priority is Priority.emergency or c.occurrences is not None:
        return None  # an emergency leads; a recurring script's occurrence is due, not a repeat
    yesterday = local_date - timedelta(days=1)
    if any(a.local_date == local_date for a in c.previous_airings):
        return Reason.aired_today_spread
    if any(a.local_date == yesterday and a.slot_name == slot_name for a in c.previous_airings):
        return Reason.same_slot_yesterday
    return None


def order_key(c: Candidate, is_repeat: bool, local_date: date | None = None) -> OrderKey:
    """Airing order: level, fresh before repeat, window ending soonest, fewest airings, oldest
    approval, then id so that equal scripts still order the same way every time. A recurring
    script's window for today's occurrence ends today: it goes first among its level."""
    due = local_date if c.occurrences is not None and local_date is not None else c.air_until
    return (
        PRIORITY_RANK[c.priority],
        is_repeat,
        due,
        c.airings_done,
        c.approved_at,
        c.id,
    )


def knapsack_weight(c: Candidate, is_repeat: bool) -> int:
    """How much one second of ``c`` is worth when the knapsack chooses the last items."""
    base = {Priority.emergency: 8, Priority.priority: 4, Priority.normal: 2}[c.priority]
    return base // 2 if is_repeat else base


def _would_make_run(placed: Sequence[Candidate], topic: str) -> bool:
    tail = placed[-MAX_TOPIC_RUN:]
    return len(tail) == MAX_TOPIC_RUN and all(p.topic == topic for p in tail)


def avoid_topic_runs(ordered: Sequence[Candidate]) -> tuple[list[Candidate], set[int]]:
    """Reorder so no more than two items of one topic follow each other, moving items only
    within their priority level; returns the new order and the ids of items moved down.

    When a level has nothing else to offer, the run is allowed (the rule yields to priority).
    """
    remaining = list(ordered)
    result: list[Candidate] = []
    moved: set[int] = set()
    while remaining:
        level = remaining[0].priority
        pick = 0
        for idx, c in enumerate(remaining):
            if c.priority is not level:
                break
            if not _would_make_run(result, c.topic):
                pick = idx
                break
        moved.update(c.id for c in remaining[:pick])
        result.append(remaining.pop(pick))
    return result, moved
