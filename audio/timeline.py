"""Place a programme's items on a sample-exact timeline that fills the slot exactly."""

from __future__ import annotations

from dataclasses import dataclass

from audio.programme import ItemFailure, ProgrammeItem, SilenceItem

GAP_TITLE = "Khoảng lặng"


@dataclass(frozen=True)
class Placement:
    """An item and the span of output samples it occupies."""

    item: ProgrammeItem
    start: int
    span: int
    implicit_gap: bool = False
    overlap_cut: bool = False


def _samples(milliseconds: int, rate: int) -> int:
    return round(milliseconds * rate / 1000)


def _ms(samples: int, rate: int) -> int:
    return round(samples * 1000 / rate)


def place_items(
    items: list[ProgrammeItem], slot_length_ms: int, rate: int, quantum: int
) -> tuple[list[Placement], list[ItemFailure], int]:
    """Spans covering [0, total) exactly, boundaries on multiples of `quantum` samples.

    Uncovered time becomes silence; an item overlapping the next is cut at the next
    one's start; items outside the slot are left out and reported. Returns the
    placements, the failures and the total sample count.
    """
    total = _samples(slot_length_ms, rate)
    failures: list[ItemFailure] = []
    ordered = sorted(enumerate(items), key=lambda pair: (pair[1].offset_ms, pair[0]))
    raw: list[tuple[ProgrammeItem, int, int]] = []
    for _index, item in ordered:
        start = _samples(item.offset_ms, rate)
        if start >= total:
            failures.append(_outside(item))
            continue
        raw.append((item, start, min(total, start + _samples(item.duration_ms, rate))))

    def snap(point: int) -> int:
        return total if point >= total else min(total, round(point / quantum) * quantum)

    placements: list[Placement] = []
    cursor = 0
    for position, (item, start, end) in enumerate(raw):
        next_start = raw[position + 1][1] if position + 1 < len(raw) else total
        overlap = end > next_start
        begin = max(cursor, snap(start))
        finish = snap(min(end, next_start))
        if finish <= begin:
            if not isinstance(item, SilenceItem):
                failures.append(_too_short(item))
            continue
        if begin > cursor:
            placements.append(_gap(cursor, begin - cursor, rate))
        placements.append(Placement(item, begin, finish - begin, overlap_cut=overlap))
        cursor = finish
    if cursor < total:
        placements.append(_gap(cursor, total - cursor, rate))
    return placements, failures, total


def _gap(start: int, span: int, rate: int) -> Placement:
    gap = SilenceItem(
        ref=f"gap@{_ms(start, rate)}",
        title=GAP_TITLE,
        offset_ms=_ms(start, rate),
        duration_ms=max(1, _ms(span, rate)),
    )
    return Placement(gap, start, span, implicit_gap=True)


def _outside(item: ProgrammeItem) -> ItemFailure:
    return ItemFailure(
        ref=item.ref,
        title=item.title,
        reason_vi="Mục bắt đầu sau khi khung giờ đã hết; không phát.",
        reason_en="The item starts after the end of the slot; left out.",
        replaced_by="nothing",
    )


def _too_short(item: ProgrammeItem) -> ItemFailure:
    return ItemFailure(
        ref=item.ref,
        title=item.title,
        reason_vi="Mục không còn chỗ trong khung giờ (bị mục trước chồng lên); không phát.",
        reason_en="No room left for the item in the slot (overlapped by the previous one); left out.",
        replaced_by="nothing",
    )
