"""Benchmark: spoken-form lines per second over the seed corpus, against a plain split/lower pass.

Also measures sea-g2p's normalizer (the library evaluated first) on the same corpus and on the
hand-reviewed case set, so the choice of a rule-based normalizer can be re-checked.
Run: /work/main/.venv/bin/python -m bench.bench_speech_text
"""

from __future__ import annotations

import os
import platform
import re
import time
from collections.abc import Callable
from pathlib import Path

from audio.speech_text import to_spoken

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "audio" / "fixtures"
REPEATS = 5


def machine() -> str:
    return (f"{platform.platform()} | cpu: {platform.processor() or 'unknown'} x{os.cpu_count()}"
            f" | Python {platform.python_version()}")


def lines_per_second(lines: list[str], convert: Callable[[str], object]) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for line in lines:
            convert(line)
        best = min(best, time.perf_counter() - start)
    return len(lines) / best


def baseline(line: str) -> object:
    return " ".join(line.lower().split())


def loose(text: str) -> str:
    """Lowercase, no punctuation, single spaces: forgives sea-g2p its lowercasing."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower().replace("uỷ", "ủy")).split())


def case_set() -> list[tuple[str, str]]:
    text = (FIXTURES / "spoken_cases.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return [(text, expected) for _, text, expected in rows]


def main() -> None:
    lines = (FIXTURES / "seed_corpus.txt").read_text(encoding="utf-8").splitlines()
    print(f"machine: {machine()}")
    print(f"corpus: {len(lines)} lines of seed directives, best of {REPEATS} runs")
    base = lines_per_second(lines, baseline)
    ours = lines_per_second(lines, to_spoken)
    print(f"baseline str.lower/split: {base:12,.0f} lines/s")
    print(f"audio.speech_text:        {ours:12,.0f} lines/s"
          f"  (baseline is {base / ours:.0f}x faster)")
    cases = case_set()
    exact = sum(to_spoken(t) == e for t, e in cases)
    print(f"audio.speech_text exact match: {exact}/{len(cases)} = {exact / len(cases):.1%}")
    try:
        from sea_g2p import Normalizer
    except ImportError:
        print("sea-g2p not installed: comparison skipped")
        return
    sea = Normalizer("vi")
    sea_speed = lines_per_second(lines, sea.normalize)
    sea_exact = sum(sea.normalize(t) == e for t, e in cases)
    sea_loose = sum(loose(str(sea.normalize(t))) == loose(e) for t, e in cases)
    our_loose = sum(loose(to_spoken(t)) == loose(e) for t, e in cases)
    print(f"sea-g2p Normalizer:       {sea_speed:12,.0f} lines/s")
    print(f"sea-g2p exact match: {sea_exact}/{len(cases)}; ignoring case and punctuation: "
          f"{sea_loose}/{len(cases)} = {sea_loose / len(cases):.1%}"
          f" (ours: {our_loose}/{len(cases)})")


if __name__ == "__main__":
    main()
