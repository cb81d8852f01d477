"""Fixed items inside a slot (a relay window, tiếp sóng): they air at their own offset for their
own length, and the rest of the programme is laid out in the parts around them.

Layout (decision): the opening starts the first part and the closing ends the last; each part
is laid out like a slot of its own (``layout.layout``: gaps, scripts, filler, silence), so every
item keeps its exact offset and the programme still totals the slot length. A relay at the
slot's start leaves no room for the opening (the relay opens the programme); a part shorter than
its announcements is cut as a short slot is. Scripts go, in rule order, into the first part with
room for them; one that fits no part is left out (``does_not_fit``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from scheduler.layout import layout
from scheduler.model import Candidate, Filler, FixedItem, ItemKind, PlanSettings, ProgrammeItem


@dataclass(frozen=True, slots=True)
class Part:
    """The time between two fixed items (or a fixed item and the slot's edge)."""

    start_ms: int
    length_ms: int
    settings: PlanSettings  # the slot's, without the opening (not first) or closing (not last)

    @property
    def room_ms(self) -> int:
        """Time for scripts and filler: as ``plan_programme`` counts it for a whole slot."""
        s = self.settings
        return self.length_ms - s.opening_ms - s.closing_ms - s.gap_ms


def for_area(fixed: Sequence[FixedItem], area_id: int | None, length_ms: int) -> list[FixedItem]:
    """The fixed items of this area's programme, by offset; one that overlaps an earlier one or
    does not lie inside the slot is left out (the application refuses those already)."""
    kept: list[FixedItem] = []
    for item in sorted(fixed, key=lambda f: (f.offset_ms, f.end_ms, f.relay_id or 0, f.title)):
        if not item.reaches(area_id) or item.duration_ms <= 0 or item.offset_ms < 0 or item.end_ms > length_ms:
            continue
        if kept and item.offset_ms < kept[-1].end_ms:
            continue
        kept.append(item)
    return kept


def parts(length_ms: int, fixed: Sequence[FixedItem], settings: PlanSettings) -> list[Part]:
    """The parts around `fixed` (sorted, not overlapping): one more than there are fixed items."""
    edges = [0]
    for item in fixed:
        edges += [item.offset_ms, item.end_ms]
    edges.append(length_ms)
    found = []
    last = len(fixed)
    for n in range(last + 1):
        start, end = edges[2 * n], edges[2 * n + 1]
        part_settings = replace(settings, opening_ms=settings.opening_ms if n == 0 else 0,
                                closing_ms=settings.closing_ms if n == last else 0)
        found.append(Part(start, end - start, part_settings))
    return found


def first_fit(ordered: Sequence[Candidate], parts_: Sequence[Part],
              gap_ms: int) -> tuple[list[list[Candidate]], list[int]]:
    """Each candidate, in the given (rule) order, into the first part it still fits; answers the
    candidates per part and the room each part has left."""
    left = [p.room_ms for p in parts_]
    chosen: list[list[Candidate]] = [[] for _ in parts_]
    for c in ordered:
        cost = c.duration_ms + gap_ms
        for n, room in enumerate(left):
            if cost <= room:
                chosen[n].append(c)
                left[n] -= cost
                break
    return chosen, left


def assemble(parts_: Sequence[Part], fixed: Sequence[FixedItem],
             laid_out: Sequence[Sequence[ProgrammeItem]]) -> tuple[ProgrammeItem, ...]:
    """The parts' items moved to their offsets, with the fixed items between them."""
    items: list[ProgrammeItem] = []
    for n, part in enumerate(parts_):
        items += [replace(i, start_ms=i.start_ms + part.start_ms) for i in laid_out[n]]
        if n < len(fixed):
            f = fixed[n]
            items.append(ProgrammeItem(ItemKind.relay, f.offset_ms, f.duration_ms, f.title, relay_id=f.relay_id))
    return tuple(items)


def lay_out_part(part: Part, scripts: Sequence[Candidate],
                 fillers: Sequence[tuple[Filler, int]]) -> tuple[ProgrammeItem, ...]:
    return layout(part.length_ms, scripts, fillers, part.settings) if part.length_ms > 0 else ()
