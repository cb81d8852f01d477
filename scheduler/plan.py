"""The pure planner: a slot, its candidates and filler in; programmes with explanations out.

Selection: eligible scripts are taken greedily in rule order (``rules.order_key``) while they
fit; at the first one that does not, a priority-weighted knapsack chooses among the remaining
candidates (at most ``knapsack_max_candidates`` of them, in rule order) for the time left, and
a last exact pass adds any candidate that still fits. Nothing reads the clock, and every
ordering ends in the script id, so the same inputs always give the same plan whatever order
they come in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from scheduler import fixed_items, rules
from scheduler.knapsack import best_subset
from scheduler.layout import choose_fillers, filler_rotation, layout
from scheduler.model import (
    Candidate,
    Decision,
    Filler,
    FixedItem,
    ItemKind,
    PlanSettings,
    Programme,
    ProgrammeItem,
    SlotRequest,
)
from scheduler.reasons import Reason


@dataclass(frozen=True, slots=True)
class _Ranked:
    candidate: Candidate
    repeat: Reason | None
    key: rules.OrderKey


def _full_key(c: Candidate) -> tuple[object, ...]:
    # Breaks ties between duplicate ids so the kept one never depends on input order.
    return (rules.order_key(c, False), c.duration_ms, c.title, c.topic, c.provisional)


def _dedupe(candidates: Sequence[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    kept: dict[int, Candidate] = {}
    dropped: list[Candidate] = []
    for c in sorted(candidates, key=_full_key):
        if c.id in kept:
            dropped.append(c)
        else:
            kept[c.id] = c
    return [kept[k] for k in sorted(kept)], dropped


def _select(ranked: list[_Ranked], room_ms: int, s: PlanSettings) -> tuple[list[_Ranked], int]:
    """Greedy in rule order, then knapsack over the rest, then an exact top-up pass."""
    chosen: list[_Ranked] = []
    cut = len(ranked)
    for i, r in enumerate(ranked):
        cost = r.candidate.duration_ms + s.gap_ms
        if cost > room_ms:
            cut = i
            break
        chosen.append(r)
        room_ms -= cost
    rest = [r for r in ranked[cut:] if r.candidate.duration_ms + s.gap_ms <= room_ms]
    pool = rest[: s.knapsack_max_candidates]
    picked = best_subset(
        [r.candidate.duration_ms + s.gap_ms for r in pool],
        [rules.knapsack_weight(r.candidate, r.repeat is not None) for r in pool],
        room_ms,
        s.knapsack_unit_ms,
    )
    for i in picked:
        chosen.append(pool[i])
        room_ms -= pool[i].candidate.duration_ms + s.gap_ms
    taken = {pool[i].candidate.id for i in picked}
    # Quantisation may leave room for one more: fill it exactly, still in rule order.
    for r in rest:
        cost = r.candidate.duration_ms + s.gap_ms
        if r.candidate.id not in taken and cost <= room_ms:
            chosen.append(r)
            room_ms -= cost
    return sorted(chosen, key=lambda r: r.key), room_ms


def plan_programme(
    request: SlotRequest,
    candidates: Sequence[Candidate],
    fillers: Sequence[Filler],
    settings: PlanSettings,
    *,
    area_id: int | None = None,
) -> Programme:
    """Plan one slot instance for one area (None: the whole station)."""
    s = settings
    room_ms = request.length_ms - s.opening_ms - s.closing_ms - s.gap_ms
    unique, duplicates = _dedupe(candidates)
    fixed = fixed_items.for_area(request.fixed, area_id, request.length_ms)
    if fixed:
        return _plan_around_fixed(request, unique, duplicates, fillers, s, area_id, fixed)
    ranked, reasons = _rank(request, unique, area_id, room_ms, s.gap_ms)

    chosen, left_ms = _select(ranked, max(room_ms, 0), s) if room_ms > 0 else ([], 0)
    ordered, moved = rules.avoid_topic_runs([r.candidate for r in chosen])
    repeats = {r.candidate.id for r in ranked if r.repeat is not None}
    chosen_ids = {c.id for c in ordered}
    for r in ranked:
        cid = r.candidate.id
        if cid in moved and cid in chosen_ids:
            reasons[cid] = Reason.topic_run
        elif cid in chosen_ids:
            reasons[cid] = Reason.repeat_placed_late if cid in repeats else Reason.placed
        else:
            reasons[cid] = r.repeat or Reason.does_not_fit

    pieces = choose_fillers(
        fillers, left_ms, s, filler_rotation(request.local_date, request.slot_name)
    ) if room_ms > 0 else []
    items = layout(request.length_ms, ordered, pieces, s)
    position = {it.script_id: n for n, it in enumerate(items) if it.script_id is not None}
    decisions = [Decision(c.id, reasons[c.id], position[c.id]) for c in ordered]
    decisions += [Decision(c.id, reasons[c.id]) for c in unique if c.id not in chosen_ids]
    decisions += [Decision(c.id, Reason.duplicate) for c in duplicates]
    return Programme(
        station=request.station,
        slot_name=request.slot_name,
        local_date=request.local_date,
        length_ms=request.length_ms,
        items=items,
        decisions=tuple(decisions),
        provisional=any(it.provisional for it in items),
        area_ids=() if area_id is None else (area_id,),
    )


def _rank(request: SlotRequest, unique: Sequence[Candidate], area_id: int | None, room_ms: int,
          gap_ms: int) -> tuple[list[_Ranked], dict[int, Reason]]:
    reasons: dict[int, Reason] = {}
    ranked: list[_Ranked] = []
    for c in unique:
        bad = rules.ineligibility(c, local_date=request.local_date, slot_name=request.slot_name,
                                  area_id=area_id, room_ms=room_ms, gap_ms=gap_ms)
        if bad is not None:
            reasons[c.id] = bad
            continue
        repeat = rules.repeat_reason(c, local_date=request.local_date, slot_name=request.slot_name)
        ranked.append(_Ranked(c, repeat, rules.order_key(c, repeat is not None, request.local_date)))
    ranked.sort(key=lambda r: r.key)
    return ranked, reasons


def _plan_around_fixed(request: SlotRequest, unique: Sequence[Candidate], duplicates: Sequence[Candidate],
                       fillers: Sequence[Filler], s: PlanSettings, area_id: int | None,
                       fixed: Sequence[FixedItem]) -> Programme:
    """A slot holding relay windows: see ``scheduler.fixed_items``. Scripts are taken in rule
    order into the first part with room (no knapsack: the parts are usually one or two)."""
    parts = fixed_items.parts(request.length_ms, fixed, s)
    ranked, reasons = _rank(request, unique, area_id, max(p.room_ms for p in parts), s.gap_ms)
    per_part, left = fixed_items.first_fit([r.candidate for r in ranked], parts, s.gap_ms)
    repeats = {r.candidate.id: r.repeat for r in ranked if r.repeat is not None}
    rotation = filler_rotation(request.local_date, request.slot_name)
    laid_out = []
    chosen_ids: set[int] = set()
    for n, (part, chosen) in enumerate(zip(parts, per_part, strict=True)):
        ordered, moved = rules.avoid_topic_runs(chosen)
        for c in ordered:
            chosen_ids.add(c.id)
            reasons[c.id] = (Reason.topic_run if c.id in moved
                             else Reason.repeat_placed_late if c.id in repeats else Reason.placed)
        pieces = choose_fillers(fillers, left[n], part.settings, rotation + n) if part.room_ms > 0 else []
        laid_out.append(fixed_items.lay_out_part(part, ordered, pieces))
    for r in ranked:
        if r.candidate.id not in chosen_ids:
            reasons[r.candidate.id] = r.repeat or Reason.does_not_fit
    items = fixed_items.assemble(parts, fixed, laid_out)
    position = {it.script_id: n for n, it in enumerate(items) if it.script_id is not None}
    decisions = [Decision(i.script_id, reasons[i.script_id], position[i.script_id])
                 for i in items if i.script_id is not None]
    decisions += [Decision(c.id, reasons[c.id]) for c in unique if c.id not in chosen_ids]
    decisions += [Decision(c.id, Reason.duplicate) for c in duplicates]
    return Programme(
        station=request.station, slot_name=request.slot_name, local_date=request.local_date,
        length_ms=request.length_ms, items=items, decisions=tuple(decisions),
        provisional=any(it.provisional for it in items), area_ids=() if area_id is None else (area_id,),
    )


def plan_slot(
    request: SlotRequest,
    candidates: Sequence[Candidate],
    fillers: Sequence[Filler],
    settings: PlanSettings,
    areas: Sequence[int] = (),
) -> dict[int | None, Programme]:
    """Plan a slot instance for a station and its areas.

    Returns ``{None: programme}`` when one programme serves every area (no candidate aims at
    some areas only, or every area's plan came out the same). Otherwise returns one entry per
    area; areas whose plans are identical (items and explanation) share one ``Programme``
    object, whose ``area_ids`` lists them.
    """
    area_list = sorted(set(areas))
    if not area_list or not (any(c.target_areas for c in candidates)
                             or any(f.target_areas for f in request.fixed)):
        return {None: plan_programme(request, candidates, fillers, settings)}
    Signature = tuple[tuple[ProgrammeItem, ...], tuple[Decision, ...]]
    groups: dict[Signature, list[int]] = {}
    first: dict[Signature, Programme] = {}
    for a in area_list:
        p = plan_programme(request, candidates, fillers, settings, area_id=a)
        sig: Signature = (p.items, p.decisions)
        groups.setdefault(sig, []).append(a)
        first.setdefault(sig, p)
    if len(groups) == 1:
        (sig,) = groups
        return {None: replace(first[sig], area_ids=())}
    result: dict[int | None, Programme] = {}
    for sig, members in groups.items():
        shared = replace(first[sig], area_ids=tuple(members))
        for a in members:
            result[a] = shared
    return result


def distinct_programmes(plan: Mapping[int | None, Programme]) -> list[Programme]:
    """The distinct programmes of a ``plan_slot`` result (one row each in a database)."""
    seen: dict[int, Programme] = {}
    for p in plan.values():
        seen.setdefault(id(p), p)
    return sorted(seen.values(), key=lambda p: p.area_ids)


def plan_emergency(
    bulletin: Candidate,
    *,
    station: str,
    local_date: date,
    alert_ms: int = 3000,
    gap_ms: int = 1500,
    repeat: int = 1,
) -> Programme:
    """An immediate emergency programme: an alert tone, then the bulletin (``repeat`` times).

    No opening, closing or filler: it interrupts, so it is only as long as its content
    (``length_ms`` equals the total). The audio side renders the ``alert`` item as a tone.
    """
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    items: list[ProgrammeItem] = []
    t = 0
    if alert_ms > 0:
        items.append(ProgrammeItem(ItemKind.alert, t, alert_ms, "Báo động / Alert"))
        t += alert_ms
    first_position = None
    for n in range(repeat):
        if items and gap_ms > 0:
            items.append(ProgrammeItem(ItemKind.gap, t, gap_ms))
            t += gap_ms
        if n == 0:
            first_position = len(items)
        items.append(ProgrammeItem(
            ItemKind.script, t, bulletin.duration_ms, bulletin.title,
            script_id=bulletin.id, provisional=bulletin.provisional,
        ))
        t += bulletin.duration_ms
    return Programme(
        station=station,
        slot_name="emergency",
        local_date=local_date,
        length_ms=t,
        items=tuple(items),
        decisions=(Decision(bulletin.id, Reason.placed, first_position),),
        provisional=bulletin.provisional,
        area_ids=tuple(sorted(bulletin.target_areas)),
    )
