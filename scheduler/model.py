"""Plain values the planner takes and returns (no database, no ``app`` imports)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime, time

from scheduler.reasons import Reason


class Priority(enum.StrEnum):
    """The three levels of Thông tư 39/2020/TT-BTTTT (same values as ``app``'s enum)."""

    normal = "normal"
    priority = "priority"
    emergency = "emergency"


# Lower rank airs first.
PRIORITY_RANK: dict[Priority, int] = {
    Priority.emergency: 0,
    Priority.priority: 1,
    Priority.normal: 2,
}


class ItemKind(enum.StrEnum):
    """What one programme item is."""

    opening = "opening"
    script = "script"
    gap = "gap"
    filler = "filler"
    silence = "silence"
    closing = "closing"
    alert = "alert"
    relay = "relay"  # a relay window (tiếp sóng) inside the slot: a fixed item of known length


@dataclass(frozen=True, slots=True)
class PastAiring:
    """A past (or already planned) airing of a script: local date and slot name."""

    local_date: date
    slot_name: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """An approved script the planner may place.

    ``allowed_slots`` empty means any slot; ``target_areas`` empty means every area.
    ``provisional`` marks ``duration_ms`` as an estimate from the text, not real audio.
    ``occurrences`` (a recurring script, see ``scheduler.recurrence``) are the only dates it
    may air, once each; None means any date of its air window.
    """

    id: int
    title: str
    topic: str
    priority: Priority
    duration_ms: int
    air_from: date
    air_until: date
    approved_at: datetime
    airings_target: int = 1
    airings_done: int = 0
    provisional: bool = False
    allowed_slots: frozenset[str] = frozenset()
    target_areas: frozenset[int] = frozenset()
    previous_airings: tuple[PastAiring, ...] = ()
    occurrences: frozenset[date] | None = None


@dataclass(frozen=True, slots=True)
class Filler:
    """A filler recording (music, evergreen item); ``cuttable`` ones may be faded out early."""

    id: int
    title: str
    duration_ms: int
    cuttable: bool = True
    provisional: bool = False


@dataclass(frozen=True, slots=True)
class PlanSettings:
    """Station-level knobs of the planner."""

    opening_ms: int
    closing_ms: int
    gap_ms: int = 1500
    fade_out_ms: int = 3000
    # A cut filler shorter than this is not worth playing; the time goes to the gaps instead.
    min_filler_cut_ms: int = 2000
    announcements_provisional: bool = False
    # The knapsack works in units of this many ms (costs rounded up, capacity down: never
    # overruns) over at most this many candidates after the greedy pass.
    knapsack_unit_ms: int = 500
    knapsack_max_candidates: int = 80


@dataclass(frozen=True, slots=True)
class FixedItem:
    """An item that must air at ``offset_ms`` from the slot start for ``duration_ms``, whatever
    else is planned: a relay window inside the slot. ``target_areas`` empty means every area."""

    offset_ms: int
    duration_ms: int
    title: str
    relay_id: int | None = None
    target_areas: frozenset[int] = frozenset()

    @property
    def end_ms(self) -> int:
        return self.offset_ms + self.duration_ms

    def reaches(self, area_id: int | None) -> bool:
        """Whether the item airs in the programme of this area (None: the whole station's)."""
        return not self.target_areas or (area_id is not None and area_id in self.target_areas)


@dataclass(frozen=True, slots=True)
class SlotRequest:
    """The slot instance being planned: station, local date and time, slot name, length, and
    the fixed items (relay windows) it must hold."""

    station: str
    slot_name: str
    local_date: date
    local_time: time
    length_ms: int
    fixed: tuple[FixedItem, ...] = ()


@dataclass(frozen=True, slots=True)
class ProgrammeItem:
    """One item of a programme, at ``start_ms`` from the slot start, playing ``duration_ms``.

    A cut filler has ``source_duration_ms`` > ``duration_ms`` and ``fade_out_ms`` > 0; a
    truncated announcement (slot shorter than the announcements) likewise.
    """

    kind: ItemKind
    start_ms: int
    duration_ms: int
    title: str = ""
    script_id: int | None = None
    filler_id: int | None = None
    source_duration_ms: int | None = None
    fade_out_ms: int = 0
    provisional: bool = False
    relay_id: int | None = None

    @property
    def end_ms(self) -> int:
        """Offset of the item's end from the slot start."""
        return self.start_ms + self.duration_ms

    @property
    def is_cut(self) -> bool:
        """True when the item plays shorter than its source audio."""
        return self.source_duration_ms is not None and self.source_duration_ms > self.duration_ms


@dataclass(frozen=True, slots=True)
class Decision:
    """Why one candidate was placed, moved or left out; ``position`` indexes ``items``."""

    candidate_id: int
    reason: Reason
    position: int | None = None

    @property
    def code(self) -> str:
        """The machine-readable reason code, e.g. ``expired``."""
        return self.reason.value

    @property
    def message_vi(self) -> str:
        """The explanation in Vietnamese."""
        return self.reason.message_vi

    @property
    def message_en(self) -> str:
        """The explanation in English."""
        return self.reason.message_en


@dataclass(frozen=True, slots=True)
class Programme:
    """A planned slot: items covering exactly ``length_ms``, plus the explanation.

    ``area_ids`` lists the areas this programme serves; empty means the whole station.
    """

    station: str
    slot_name: str
    local_date: date
    length_ms: int
    items: tuple[ProgrammeItem, ...]
    decisions: tuple[Decision, ...]
    provisional: bool
    area_ids: tuple[int, ...] = field(default=())

    @property
    def total_ms(self) -> int:
        """Sum of item durations (equals ``length_ms`` for a regular programme)."""
        return sum(i.duration_ms for i in self.items)

    @property
    def script_ids(self) -> tuple[int, ...]:
        """Placed scripts in airing order."""
        return tuple(i.script_id for i in self.items if i.script_id is not None)

    @property
    def content_ms(self) -> int:
        """Time taken by scripts (the fill an editor cares about)."""
        return sum(i.duration_ms for i in self.items if i.kind is ItemKind.script)

    def decision_for(self, candidate_id: int) -> Decision | None:
        """The explanation for one candidate, if it was given to the planner."""
        for d in self.decisions:
            if d.candidate_id == candidate_id:
                return d
        return None
