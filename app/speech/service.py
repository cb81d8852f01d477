"""The spoken form of scripts, with each station's own abbreviations."""

from __future__ import annotations

from collections.abc import Mapping

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


def set_abbreviations(session: Session, station: Station, entries: dict[str, str], *,
                      actor: User | None) -> dict[str, int]:
    """Add or change a station's abbreviations (an empty value switches one off); answers how many
    scripts are spoken again and programmes rendered again."""
    for key, value in entries.items():
        if not key.strip() or len(key) > MAX_ABBREVIATION or any(c.isspace() for c in key.strip()):
            raise Unprocessable(
                f"Chữ viết tắt “{key}” không hợp lệ: tối đa {MAX_ABBREVIATION} ký tự, không có khoảng trắng.",
                detail_en=f"Invalid abbreviation {key!r}: at most {MAX_ABBREVIATION} characters, no spaces.",
            )
        if len(value) > 200:
            raise Unprocessable(f"Cách đọc của “{key}” quá dài (tối đa 200 ký tự).",
                                detail_en="The spoken words are too long (200 characters at most).")
    before = dict(station.abbreviations or {})
    updated = {**before, **{k.strip(): v.strip() for k, v in entries.items()}}
    station.abbreviations = updated
    session.flush()
    return _changed(session, station, before, {k.strip(): v.strip() for k, v in entries.items()}, actor=actor)


def _changed(session: Session, station: Station, before: dict[str, str], entries: Mapping[str, str | None], *,
             actor: User | None) -> dict[str, int]:
    """Audit the change (before, after, the built-in reading it overrides) and have the scripts
    that now read differently spoken again and their programmes not yet locked rendered again."""
    from app.programmes.respeak import after_abbreviations_changed

    effect = after_abbreviations_changed(session, station, before)
    audit.record(session, "edit", actor=actor, actor_name="cli", entity_type="station", entity_id=station.id,
                 station_id=station.id, changes={
                     "abbreviations": entries,
                     "before": {k: before.get(k) for k in entries},
                     "built_in": {k: DEFAULT_ABBREVIATIONS.get(k) for k in entries},
                     **effect})
    return effect


def remove_abbreviation(session: Session, station: Station, key: str, *,
                        actor: User | None) -> dict[str, int] | None:
    """Remove one of the station's own abbreviations (a built-in one it overrode reads again);
    None when the station has no such entry."""
    before = dict(station.abbreviations or {})
    if key not in before:
        return None
    station.abbreviations = {k: v for k, v in before.items() if k != key}
    session.flush()
    return _changed(session, station, before, {key: None}, actor=actor)
