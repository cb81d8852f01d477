"""The installation's local neural voices: listed for admins, removed only when no station uses one."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import access
from app.audit import service as audit
from app.errors import Conflict, NotFound
from app.models import Station, User
from app.speech.audio import voice_store
from audio.tts.voices import InstalledVoice, VoiceNotInstalled


def list_voices() -> list[InstalledVoice]:
    """Every installed voice with its language, sample rate, licence and attribution."""
    return voice_store().list()


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
