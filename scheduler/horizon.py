"""Plan many slot instances in a row, carrying airings forward from one slot to the next.

Planning seven days ahead, the database only knows past airings; without carrying the plan's
own airings forward every slot of the week would pick the same scripts. ``plan_horizon`` counts
a script as aired once per slot instance it is placed in (in any area's variant) and records
the slot as a past airing, so later slots spread repeats and stop at ``airings_target``.

Each slot is given only the candidates whose air window contains its date and that still have
airings left: the others could only be explained as ``not_yet``/``expired``/``airings_done``,
and listing thousands of those in every programme of a year would cost memory for nothing.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from scheduler.model import Candidate, Filler, PastAiring, PlanSettings, Programme, SlotRequest
from scheduler.plan import plan_slot
from scheduler.slots import SlotInstance


def request_for(instance: SlotInstance, station: str) -> SlotRequest:
    """The planner's view of a slot instance."""
    return SlotRequest(
        station=station,
        slot_name=instance.slot.name,
        local_date=instance.local_date,
        local_time=instance.slot.start,
        length_ms=instance.length_ms,
    )


def plan_horizon(
    requests: Sequence[SlotRequest],
    candidates: Sequence[Candidate],
    fillers: Sequence[Filler],
    settings: PlanSettings,
    areas: Sequence[int] = (),
) -> list[tuple[SlotRequest, dict[int | None, Programme]]]:
    """Plan ``requests`` in local date/time order, each with ``plan_slot``; see module doc."""
    ordered = sorted(requests, key=lambda r: (r.local_date, r.local_time, r.slot_name))
    waiting = sorted(candidates, key=lambda c: (c.air_from, c.id))
    starts = [c.air_from for c in waiting]
    active: dict[int, Candidate] = {}
    admitted = 0
    results: list[tuple[SlotRequest, dict[int | None, Programme]]] = []
    for req in ordered:
        upto = bisect.bisect_right(starts, req.local_date)
        for c in waiting[admitted:upto]:
            # A duplicate id keeps its first entry; plan_slot would refuse the second anyway.
            active.setdefault(c.id, c)
        admitted = max(admitted, upto)
        for cid in [k for k, c in active.items()
                    if c.air_until < req.local_date or c.airings_done >= c.airings_target]:
            del active[cid]
        todays = [active[k] for k in sorted(active)]
        plan = plan_slot(req, todays, fillers, settings, areas)
        results.append((req, plan))

        aired: set[int] = set()
        for programme in plan.values():
            aired.update(programme.script_ids)
        keep_from = req.local_date - timedelta(days=1)  # spreading looks back one day only
        for cid in sorted(aired):
            c = active[cid]
            recent = tuple(a for a in c.previous_airings if a.local_date >= keep_from)
            active[cid] = replace(
                c,
                airings_done=c.airings_done + 1,
                previous_airings=(*recent, PastAiring(req.local_date, req.slot_name)),
            )
    return results
