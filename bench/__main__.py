"""Run every `bench/bench_*.py` benchmark's `main()` in turn: `python -m bench`."""

from __future__ import annotations

import importlib
from pathlib import Path


def main() -> None:
    """Run all benchmarks, one after the other."""
    for path in sorted(Path(__file__).resolve().parent.glob("bench_*.py")):
        print(f"== bench.{path.stem} ==", flush=True)
        importlib.import_module(f"bench.{path.stem}").main()
        print(flush=True)


if __name__ == "__main__":
    main()
