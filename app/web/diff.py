"""What changed in a script since its last approved version."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from app.models import Script
from app.scripts import service as script_service


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any


def changes_since_approval(script: Script) -> list[FieldChange] | None:
    """The fields that differ from `approved_snapshot`; None when it was never approved."""
    if not script.approved_snapshot:
        return None
    now = script_service.to_read(script).model_dump(mode="json")
    return [FieldChange(name, script.approved_snapshot.get(name), now.get(name))
            for name in script_service.SNAPSHOT_FIELDS
            if script.approved_snapshot.get(name) != now.get(name)]


def word_diff(before: str, after: str) -> Markup:
    """The text with removed words struck through and added words marked, HTML-escaped."""
    old, new = before.split(" "), after.split(" ")
    parts: list[str] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(str(escape(" ".join(old[a1:a2]))))
            continue
        if a2 > a1:
            parts.append(f"<del>{escape(' '.join(old[a1:a2]))}</del>")
        if b2 > b1:
            parts.append(f"<ins>{escape(' '.join(new[b1:b2]))}</ins>")
    return Markup(" ".join(parts))
