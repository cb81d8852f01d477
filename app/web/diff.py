"""What changed in a script since the editor last reviewed it (approved or rejected), for people.

Removed and added words are `<del>` and `<ins>`, struck through and underlined (not told apart by
colour alone), each with a hidden word for screen readers, which do not announce the elements.
Values are shown as people know them: area and slot names, dates, the recording and its length.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Area, Recording, Script, Slot, Topic
from app.scripts import service as script_service
from app.web.i18n import translate
from app.web.render import duration

# The order people read a script in; the window and the recording are one line each.
FIELDS = ("title", "body", "topic", "source_ref", "priority", "window", "airings_target", "slots", "area_ids",
          "recording")
LABELS = {"title": "field_title", "body": "field_body", "topic": "field_topic", "source_ref": "field_source",
          "priority": "field_priority", "window": "air_window", "airings_target": "field_airings",
          "slots": "field_slots", "area_ids": "field_areas", "recording": "field_recording"}


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    shown: Markup


@dataclass(frozen=True)
class Review:
    """The last review's verdict and revision, and what changed since."""

    verdict: str  # "approved" or "rejected"
    revision: int | None
    changes: list[FieldChange]


def _removed(text: str, lang: str) -> str:
    return f'<del><span class="visually-hidden">{escape(translate("diff_removed", lang))} </span>{escape(text)}</del>'


def _added(text: str, lang: str) -> str:
    return f'<ins><span class="visually-hidden">{escape(translate("diff_added", lang))} </span>{escape(text)}</ins>'


def word_diff(before: str, after: str, lang: str = "vi") -> Markup:
    """The text with removed words struck through and added words underlined, HTML-escaped."""
    old, new = (before.split(" ") if before else []), (after.split(" ") if after else [])
    parts: list[str] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(str(escape(" ".join(old[a1:a2]))))
            continue
        if a2 > a1:
            parts.append(_removed(" ".join(old[a1:a2]), lang))
        if b2 > b1:
            parts.append(_added(" ".join(new[b1:b2]), lang))
    return Markup(" ".join(parts))


def list_diff(before: list[str], after: list[str], lang: str, empty: str) -> Markup:
    """Names kept, removed and added; an empty list reads as what it means ("every area")."""
    old, new = before or [empty], after or [empty]
    parts = [str(escape(n)) if n in new else _removed(n, lang) for n in old]
    parts += [_added(n, lang) for n in new if n not in old]
    return Markup(", ".join(parts))


def _swap(before: str, after: str, lang: str) -> Markup:
    return Markup(f"{_removed(before, lang)} → {_added(after, lang)}")


class _Names:
    """Display names for one station's codes and ids, looked up once."""

    def __init__(self, session: Session, script: Script, lang: str) -> None:
        sid = script.station_id
        self.session, self.lang = session, lang
        self.areas = {a.id: a.name for a in session.scalars(select(Area).where(Area.station_id == sid))}
        self.slots = {s.name: s.label or s.name for s in session.scalars(select(Slot).where(Slot.station_id == sid))}
        self.topics = {t.code: t.name for t in session.scalars(select(Topic).where(Topic.station_id == sid))}

    def day(self, iso: str) -> str:
        y, m, d = iso.split("-")
        return f"{d}/{m}/{y}"

    def recording(self, snap: dict[str, Any]) -> str:
        rid = snap.get("recording_id")
        if rid is None:
            return translate("recording_none", self.lang)
        recording = self.session.get(Recording, rid)
        if recording is None:
            return translate("recording_gone", self.lang, id=rid)
        return f"{recording.title} ({duration(recording.duration_ms)})"


def _changes(old: dict[str, Any], new: dict[str, Any], names: _Names) -> list[FieldChange]:
    lang = names.lang
    shown: dict[str, Callable[[], Markup]] = {
        "title": lambda: word_diff(old.get("title") or "", new["title"], lang),
        "body": lambda: word_diff(old.get("body") or "", new["body"], lang),
        "source_ref": lambda: word_diff(old.get("source_ref") or "", new["source_ref"], lang),
        "topic": lambda: _swap(names.topics.get(old.get("topic", ""), str(old.get("topic"))),
                               names.topics.get(new["topic"], new["topic"]), lang),
        "priority": lambda: _swap(translate(f"prio_{old.get('priority')}", lang),
                                  translate(f"prio_{new['priority']}", lang), lang),
        "window": lambda: _swap(f"{names.day(old['air_from'])} – {names.day(old['air_until'])}",
                                f"{names.day(new['air_from'])} – {names.day(new['air_until'])}", lang),
        "airings_target": lambda: _swap(str(old.get("airings_target")), str(new["airings_target"]), lang),
        "slots": lambda: list_diff([names.slots.get(s, s) for s in old.get("slots", [])],
                                   [names.slots.get(s, s) for s in new["slots"]], lang,
                                   translate("any_slot", lang)),
        "area_ids": lambda: list_diff([names.areas.get(a, str(a)) for a in old.get("area_ids", [])],
                                      [names.areas.get(a, str(a)) for a in new["area_ids"]], lang,
                                      translate("all_areas", lang)),
        "recording": lambda: _swap(names.recording(old), names.recording(new), lang),
    }
    differs = {
        "window": (old.get("air_from"), old.get("air_until")) != (new["air_from"], new["air_until"]),
        # snapshots from before recordings were hashed have no hash: compare the id alone then
        "recording": (old.get("recording_id"), old.get("recording_sha256", new["recording_sha256"]))
        != (new["recording_id"], new["recording_sha256"]),
    }
    return [FieldChange(f, LABELS[f], shown[f]()) for f in FIELDS
            if differs.get(f, old.get(f) != new.get(f))]


def changes_since_review(session: Session, script: Script, lang: str) -> Review | None:
    """What differs from the version the editor last saw; None when no editor has seen it yet."""
    if script.rejected_snapshot:
        verdict, seen = "rejected", script.rejected_snapshot
    elif script.approved_snapshot:
        verdict, seen = "approved", script.approved_snapshot
    else:
        return None
    now = script_service.snapshot(session, script)
    return Review(verdict, seen.get("revision"), _changes(seen, now, _Names(session, script, lang)))
