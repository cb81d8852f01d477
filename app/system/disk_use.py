"""How much the audio store holds and how much room the disk has left, measured at most every
few minutes: walking a province's store takes a while, and the status board and /metrics ask often."""

from __future__ import annotations

import os
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REMEASURE_AFTER_S = 300.0


@dataclass(frozen=True)
class DiskUse:
    """The audio store's size and its disk's free space, in bytes."""

    store_bytes: int
    store_files: int
    free_bytes: int
    total_bytes: int
    measured_at: float  # time.time()


def _walk(root: Path) -> tuple[int, int]:
    size = files = 0
    stack = [root]
    while stack:
        try:
            entries = list(os.scandir(stack.pop()))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif entry.is_file(follow_symlinks=False):
                    size += entry.stat(follow_symlinks=False).st_size
                    files += 1
            except FileNotFoundError:  # deleted while we looked
                continue
    return size, files


def measure(root: Path) -> DiskUse:
    """Walk the store now."""
    size, files = _walk(root)
    probe = root if root.exists() else root.parent
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    usage = shutil.disk_usage(probe)
    return DiskUse(size, files, usage.free, usage.total, time.time())


_cache: dict[str, DiskUse] = {}
_lock = threading.Lock()


def current(root: Path, *, max_age_s: float = REMEASURE_AFTER_S) -> DiskUse:
    """The last measure of `root` if recent enough, else a new one."""
    name = str(root.resolve())
    with _lock:
        known = _cache.get(name)
        if known is not None and time.time() - known.measured_at < max_age_s:
            return known
        fresh = measure(root)
        _cache[name] = fresh
        return fresh


def forget() -> None:
    """Measure again next time (after a clean-up or a restore)."""
    with _lock:
        _cache.clear()
