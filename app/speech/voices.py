"""The installation's local neural voices: listed for admins, removed only when no station uses one."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import access
from app.audit import service as audit
from app.errors import Conflict, NotFound, Unprocessable
from app.models import Station, User
from app.speech.audio import voice_store
from audio.tts.voices import InstalledVoice, VoiceInvalid, VoiceNotInstalled, find_voice_files


def list_voices() -> list[InstalledVoice]:
    """Every installed voice with its language, sample rate, licence and attribution."""
    return voice_store().list()


def add_voice(session: Session, folder: Path, *, name: str | None, actor: User) -> InstalledVoice:
    """Install the voice whose files are in `folder` (installation admin); it must load and speak."""
    access.require_installation_admin(actor)
    try:
        voice = voice_store().add(find_voice_files(folder), name=name or None)
    except VoiceInvalid as exc:
        raise Unprocessable(exc.message_vi, detail_en=exc.message_en) from exc
    audit.record(session, "create", actor=actor, entity_type="voice", entity_id=None, station_id=None,
                 changes={"voice": voice.name, "licence": voice.licence, "attribution": voice.attribution})
    return voice


def remove_voice(session: Session, name: str, *, actor: User) -> InstalledVoice:
    """Uninstall a voice (installation admin); refused while a station speaks with it."""
    access.require_installation_admin(actor)
    users = list(session.scalars(select(Station.name).where(Station.neural_voice == name).order_by(Station.id)))
    if users:
        names = ", ".join(users)
        raise Conflict(f"Giọng '{name}' đang được đài {names} dùng: chọn giọng khác cho đài trước.",
                       detail_en=f"Voice '{name}' is used by station {names}: choose another voice there first.")
    try:
        voice = voice_store().remove(name)
    except VoiceNotInstalled as exc:
        raise NotFound(exc.message_vi, detail_en=exc.message_en) from exc
    audit.record(session, "delete", actor=actor, entity_type="voice", entity_id=None, station_id=None,
                 changes={"voice": name, "licence": voice.licence})
    return voice
