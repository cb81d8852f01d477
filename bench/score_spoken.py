"""Score the spoken form on one test set, the way the lead scores the blind sets.

Run: .venv/bin/python -m bench.score_spoken tests/audio/fixtures/spoken_blind_v7.tsv [--show-misses]

A set is a TSV of category, written, spoken (alternatives separated by " | ") and an optional note; lines
starting with "#" are comments. Both sides are lower-cased, "-" and punctuation become spaces, whitespace is
collapsed, and the reading is right when it equals any alternative exactly. Prints the rate overall and per
category, and with --show-misses every miss (written / expected / got).
(bench_speech_text.py scores 3-column sets without alternatives, exact or loosely: a different rule.)
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from audio.speech_text import to_spoken

_PUNCTUATION = re.compile(r"[^\w\s]|_")


def comparable(text: str) -> str:
    """Lower-case, '-' and punctuation to spaces, whitespace collapsed."""
    return " ".join(_PUNCTUATION.sub(" ", text.lower()).split())


@dataclass(frozen=True)
class Case:
    category: str
    written: str
    alternatives: tuple[str, ...]


def read_set(path: Path) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if parts[:3] == ["category", "written", "spoken"]:
            continue  # a header row
        cases.append(Case(parts[0], parts[1], tuple(a.strip() for a in parts[2].split(" | "))))
    return cases


def is_right(case: Case, spoken: str) -> bool:
    got = comparable(spoken)
    return any(got == comparable(alternative) for alternative in case.alternatives)


def score(cases: list[Case], convert: Callable[[str], str] = to_spoken,
          ) -> tuple[Counter[str], Counter[str], list[tuple[Case, str]]]:
    """Per category: rows, rows read right, and the misses with what `convert` read."""
    total, right, misses = Counter[str](), Counter[str](), []
    for case in cases:
        spoken = convert(case.written)
        total[case.category] += 1
        if is_right(case, spoken):
            right[case.category] += 1
        else:
            misses.append((case, spoken))
    return total, right, misses


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv if not a.startswith("--")]
    if not paths:
        print(__doc__)
        return 2
    for path in paths:
        total, right, misses = score(read_set(path))
        n, k = sum(total.values()), sum(right.values())
        print(f"{path.name}: {k}/{n} = {k / n:.1%} exact")
        for category in sorted(total):
            share = right[category] / total[category]
            print(f"  {category:24s} {right[category]:4d}/{total[category]:<4d} {share:.0%}")
        if "--show-misses" in argv:
            for case, spoken in misses:
                print(f"\n[{case.category}] {case.written}\n  expected: {' | '.join(case.alternatives)}"
                      f"\n  got:      {comparable(spoken)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
