"""The programme's cue sheet (JSON) and extended M3U8 playlist, built from what was stored."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from audio.programme import ItemFailure, OutputSettings, RenderedItem, StoredAudio

CUE_VERSION = 1


def cue_sheet_json(
    *,
    title: str,
    slot_length_ms: int,
    output: OutputSettings,
    programme: StoredAudio,
    items: list[RenderedItem],
    failures: list[ItemFailure],
) -> bytes:
    """The cue sheet: programme file, every item's offset, duration, file, sha256 and size."""
    document: dict[str, Any] = {
        "version": CUE_VERSION,
        "title": title,
        "slot_length_ms": slot_length_ms,
        "format": output.model_dump(),
        "programme": _audio(programme),
        "items": [
            {
                "index": item.index,
                "ref": item.ref,
                "kind": item.kind,
                "title": item.title,
                "offset_ms": item.offset_ms,
                "duration_ms": item.duration_ms,
                **{f"file_{name}": value for name, value in _audio(item.audio).items()},
                "cut_ms": item.cut_ms,
                "replaced": item.replaced,
            }
            for item in items
        ],
        "failures": [failure.model_dump() for failure in failures],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def _audio(audio: StoredAudio) -> dict[str, Any]:
    return {
        "key": audio.key,
        "sha256": audio.sha256,
        "size_bytes": audio.size_bytes,
        "duration_ms": audio.duration_ms,
        "sample_count": audio.sample_count,
        "sample_rate": audio.sample_rate,
    }


def _clean(title: str) -> str:
    # A title is one M3U line: no line breaks; the comma after the duration is the separator.
    return " ".join(title.split())


def m3u8_playlist(title: str, items: list[RenderedItem], url_for: Callable[[str], str]) -> bytes:
    """Extended M3U (UTF-8): one `#EXTINF:<seconds>,<title>` entry per item file."""
    return m3u8_entries(title, [(item.audio.duration_seconds, item.title, url_for(item.audio.key))
                                for item in items])


def m3u8_entries(title: str, entries: Iterable[tuple[float, str, str]]) -> bytes:
    """Extended M3U (UTF-8) from (seconds, label, URL) entries, in playing order."""
    lines = ["#EXTM3U", f"#PLAYLIST:{_clean(title)}"]
    for seconds, label, url in entries:
        lines.append(f"#EXTINF:{seconds:.3f},{_clean(label)}")
        lines.append(url)
    return ("\n".join(lines) + "\n").encode("utf-8")
