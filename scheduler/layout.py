"""Lay chosen scripts and filler out into programme items that total exactly the slot length.

Layout (decision): ``opening, gap, script, gap, script, …, gap, filler, …, gap, [silence],
closing``. The opening starts at 0 and the closing ends exactly at the slot end. Time the
scripts leave is filled with filler (the last one cut and faded out); a remainder too small for
another piece of filler (under ``gap + min_filler_cut``) is spread over the gaps, so no dead air
longer than that; a larger remainder (no filler left) becomes one ``silence`` item just before
the closing. If the announcements and one gap alone exceed the slot, the closing is kept whole
when it fits and the opening is cut (faded out); if the closing alone exceeds it, the closing
is cut and there is no opening.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from scheduler.model import Candidate, Filler, ItemKind, PlanSettings, ProgrammeItem


@dataclass(frozen=True, slots=True)
class _Piece:
    kind: ItemKind
    duration_ms: int
    title: str = ""
    script_id: int | None = None
    filler_id: int | None = None
    source_duration_ms: int | None = None
    fade_out_ms: int = 0
    provisional: bool = False


def filler_rotation(local_date: date, slot_name: str) -> int:
    """A stable start index seed so different slots open the filler pool at different places
    (``hash()`` of a str changes between processes, crc32 does not)."""
    return local_date.toordinal() * 7919 + zlib.crc32(slot_name.encode("utf-8"))


def choose_fillers(
    fillers: Sequence[Filler], room_ms: int, settings: PlanSettings, rotation: int
) -> list[tuple[Filler, int]]:
    """Filler pieces (filler, played ms) for ``room_ms``; each piece also costs one gap."""
    by_id: dict[int, Filler] = {}
    for f in sorted(fillers, key=lambda f: (f.id, f.title, f.duration_ms, f.cuttable, f.provisional)):
        if f.duration_ms > 0:
            by_id.setdefault(f.id, f)
    pool = [by_id[k] for k in sorted(by_id)]
    if not pool:
        return []
    start = rotation % len(pool)
    order = pool[start:] + pool[:start]
    chosen: list[tuple[Filler, int]] = []
    # A small pool is played round again rather than leaving dead air.
    while True:
        placed_before = len(chosen)
        for f in order:
            usable = room_ms - settings.gap_ms
            if usable < settings.min_filler_cut_ms:
                return chosen
            if f.duration_ms <= usable:
                chosen.append((f, f.duration_ms))
                room_ms -= settings.gap_ms + f.duration_ms
            elif f.cuttable:
                chosen.append((f, usable))
                return chosen
        if len(chosen) == placed_before:
            return chosen


def _truncated(length_ms: int, s: PlanSettings) -> list[_Piece]:
    closing = min(s.closing_ms, length_ms)
    opening = min(s.opening_ms, length_ms - closing)
    pieces: list[_Piece] = []
    if opening > 0:
        cut = opening < s.opening_ms
        pieces.append(_Piece(
            ItemKind.opening, opening, source_duration_ms=s.opening_ms,
            fade_out_ms=min(s.fade_out_ms, opening) if cut else 0,
        ))
    rest = length_ms - opening - closing
    if rest > 0:
        pieces.append(_Piece(ItemKind.silence, rest))
    if closing > 0:
        cut = closing < s.closing_ms
        pieces.append(_Piece(
            ItemKind.closing, closing, source_duration_ms=s.closing_ms,
            fade_out_ms=min(s.fade_out_ms, closing) if cut else 0,
        ))
    return pieces


def layout(
    length_ms: int,
    scripts: Sequence[Candidate],
    fillers: Sequence[tuple[Filler, int]],
    settings: PlanSettings,
) -> tuple[ProgrammeItem, ...]:
    """Items with offsets for the given scripts and filler pieces, summing to ``length_ms``."""
    s = settings
    if length_ms < s.opening_ms + s.closing_ms + s.gap_ms:
        return _offsets(_truncated(length_ms, s), s.announcements_provisional)
    middle = [
        _Piece(ItemKind.script, c.duration_ms, c.title, script_id=c.id, provisional=c.provisional)
        for c in scripts
    ]
    for f, played in fillers:
        cut = played < f.duration_ms
        middle.append(_Piece(
            ItemKind.filler, played, f.title, filler_id=f.id,
            source_duration_ms=f.duration_ms,
            fade_out_ms=min(s.fade_out_ms, played) if cut else 0,
            provisional=f.provisional,
        ))
    gaps = [s.gap_ms] * (len(middle) + 1)
    residual = (
        length_ms - s.opening_ms - s.closing_ms - sum(gaps) - sum(p.duration_ms for p in middle)
    )
    if residual < 0:
        raise ValueError("scripts and filler exceed the slot")  # callers keep within room
    silence = 0
    if residual <= s.gap_ms + s.min_filler_cut_ms:
        share, extra = divmod(residual, len(gaps))
        # The leftover milliseconds go to the last gaps, nearest the closing.
        gaps = [g + share + (1 if i >= len(gaps) - extra else 0) for i, g in enumerate(gaps)]
    else:
        silence = residual

    pieces = [_Piece(ItemKind.opening, s.opening_ms, provisional=s.announcements_provisional)]
    for gap, piece in zip(gaps, middle, strict=False):
        pieces += [_Piece(ItemKind.gap, gap), piece]
    if gaps[-1] > 0:
        pieces.append(_Piece(ItemKind.gap, gaps[-1]))
    if silence:
        pieces.append(_Piece(ItemKind.silence, silence))
    pieces.append(_Piece(ItemKind.closing, s.closing_ms, provisional=s.announcements_provisional))
    return _offsets([p for p in pieces if p.duration_ms > 0 or p.kind is ItemKind.script],
                    s.announcements_provisional)


def _offsets(
    pieces: Sequence[_Piece], announcements_provisional: bool
) -> tuple[ProgrammeItem, ...]:
    items: list[ProgrammeItem] = []
    t = 0
    for p in pieces:
        provisional = p.provisional or (
            announcements_provisional and p.kind in (ItemKind.opening, ItemKind.closing)
        )
        items.append(ProgrammeItem(
            kind=p.kind, start_ms=t, duration_ms=p.duration_ms, title=p.title,
            script_id=p.script_id, filler_id=p.filler_id,
            source_duration_ms=p.source_duration_ms, fade_out_ms=p.fade_out_ms,
            provisional=provisional,
        ))
        t += p.duration_ms
    return tuple(items)
