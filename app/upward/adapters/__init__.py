"""How a day's summary is written for a platform: one module per format, all the same Protocol.

A province whose platform wants its own format adds one module here with a class that has
`name`, `content_type` and `encode(summary) -> bytes`, and one line in `ADAPTERS`; it is chosen
with `LOA_UPWARD_ADAPTER=<name>`.
"""

from __future__ import annotations

from typing import Protocol

from app.upward.adapters.json_adapter import JsonAdapter
from app.upward.summary import DaySummary


class UpwardAdapter(Protocol):
    name: str
    content_type: str

    def encode(self, summary: DaySummary) -> bytes: ...


ADAPTERS: dict[str, UpwardAdapter] = {JsonAdapter.name: JsonAdapter()}


def adapter(name: str) -> UpwardAdapter:
    """The adapter called `name`; an unknown name is a setting to fix, said plainly."""
    try:
        return ADAPTERS[name]
    except KeyError:
        raise ValueError(f"LOA_UPWARD_ADAPTER={name!r} is not one of {sorted(ADAPTERS)}") from None
