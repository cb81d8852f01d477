"""0/1 knapsack on quantised durations that can never overrun the real capacity."""

from __future__ import annotations

from collections.abc import Sequence

# Bound on capacity cells: with more, the unit grows (fill gets coarser, speed stays bounded).
MAX_CELLS = 2400


def best_subset(
    costs_ms: Sequence[int], weights: Sequence[int], capacity_ms: int, unit_ms: int
) -> list[int]:
    """Indices (ascending) of the subset with the greatest weighted fill within ``capacity_ms``.

    Costs are rounded *up* to whole units and the capacity *down*, so the real total of the
    chosen costs never exceeds ``capacity_ms``. Ties go to the subset of earlier indices
    (callers pass candidates in rule order), which keeps the result deterministic.
    """
    if capacity_ms <= 0 or not costs_ms:
        return []
    unit = max(unit_ms, 1, -(-capacity_ms // MAX_CELLS))
    cap = capacity_ms // unit
    n = len(costs_ms)
    units = [max(1, -(-c // unit)) for c in costs_ms]
    # Fill dominates; the order bonus (at most n*(n+1)/2 in total) only breaks ties.
    scale = n * (n + 1) // 2 + 1
    values = [u * w * scale + (n - i) for i, (u, w) in enumerate(zip(units, weights, strict=True))]

    best = [0] * (cap + 1)
    keep: list[bytearray | None] = []
    for w, v in zip(units, values, strict=True):
        if w > cap:
            keep.append(None)
            continue
        row: bytearray = bytearray(cap + 1)
        for c in range(cap, w - 1, -1):
            candidate = best[c - w] + v
            if candidate > best[c]:
                best[c] = candidate
                row[c] = 1
        keep.append(row)

    chosen: list[int] = []
    c = cap
    for i in range(n - 1, -1, -1):
        taken = keep[i]
        if taken is not None and taken[c]:
            chosen.append(i)
            c -= units[i]
    return sorted(chosen)
