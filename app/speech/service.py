"""The spoken form of scripts, with each station's own abbreviations."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.audit import service as audit
from app.errors import Unprocessable
from app.models import Station, User
from app.speech.exceptions import ListenTooLong
from audio.speech_text import DEFAULT_ABBREVIATIONS, to_spoken

MAX_ABBREVIATION = 32


# "Nghe thử" (listen) synthesizes at most this many written characters: a passage, heard in seconds.
LISTEN_MAX_CHARS = 2_000


def check_listen_length(text: str) -> None:
    """Refuse a listen request whose text is longer than a passage (the message says the limit)."""
    if len(text) > LISTEN_MAX_CHARS:
        raise ListenTooLong(len(text), LISTEN_MAX_CHARS)


def spoken(text: str, station: Station | None) -> str:
    return to_spoken(text, station.abbreviations if station else None)


def effective_abbreviations(station: Station) -> dict[str, str]:
    merged = dict(DEFAULT_ABBREVIATIONS)
    merged.update(station.abbreviations or {})
    return {k: v for k, v in sorted(merged.items()) if v}


def set_abbreviations(session: Session, station: Station, entries: dict[str, str], *, actor: User | None) -> None:
    """Add or change a station's abbreviations (an empty value switches one off)."""
    for key, value in entries.items():
        if not key.strip() or len(key) > MAX_ABBREVIATION or any(c.isspace() for c in key.strip()):
            raise Unprocessable(
                f"Chữ viết tắt “{key}” không hợp lệ: tối đa {MAX_ABBREVIATION} ký tự, không có khoảng trắng.",
                detail_en=f"Invalid abbreviation {key!r}: at most {MAX_ABBREVIATION} characters, no spaces.",
            )
        if len(value) > 200:
            raise Unprocessable(f"Cách đọc của “{key}” quá dài (tối đa 200 ký tự).",
                                detail_en="The spoken words are too long (200 characters at most).")
    updated = dict(station.abbreviations or {})
    updated.update({k.strip(): v.strip() for k, v in entries.items()})
    station.abbreviations = updated
    session.flush()
    audit.record(session, "edit", actor=actor, actor_name="cli", entity_type="station", entity_id=station.id,
                 station_id=station.id, changes={"abbreviations": entries})


def remove_abbreviation(session: Session, station: Station, key: str, *, actor: User | None) -> bool:
    updated = dict(station.abbreviations or {})
    if key not in updated:
        return False
    del updated[key]
    station.abbreviations = updated
    session.flush()
    audit.record(session, "edit", actor=actor, actor_name="cli", entity_type="station",
                 entity_id=station.id, station_id=station.id, changes={"abbreviations": {key: None}})
    return True
