"""Emergency bulletins (khẩn cấp): spoken at once, fetched by relays on their next poll."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from app import access
from app.audit import service as audit
from app.models import (
    Emergency,
    Priority,
    Programme,
    ProgrammeStatus,
    Recording,
    Script,
    ScriptStatus,
    Station,
    User,
)
from app.programmes import inputs, off_air, service
from app.programmes.schemas import EmergencyCreate, EmergencyRead
from app.scripts import service as scripts
from app.speech.audio import audio_settings, storage, synthesize_for
from app.speech.exceptions import SpeechFailed
from app.stations import service as stations
from app.streams import supervisor as streams
from audio.alert import alert_tone
from audio.errors import AudioError
from audio.ffmpeg import encode_pcm
from audio.pcm import from_wav_bytes, silence
from scheduler import Candidate, plan_emergency
from scheduler import Priority as PlanPriority

RECORDING_ENGINE = "recording"  # the emergency airs a recording: no speech engine spoke it
ALERT_MS = 3000
GAP_MS = 1500


def cancel(session: Session, emergency_id: int, *, user: User) -> Emergency:
    """Stop a bulletin for good: relay points playing it stop at their next poll, its script is
    withdrawn, and no programme plays it again (locked ones included)."""
    return stop(session, access.get_for(session, Emergency, emergency_id, user), user=user)


def stop(session: Session, emergency: Emergency, *, user: User) -> Emergency:
    """`cancel` of a bulletin the caller has already found (a province's bulletin sent down is
    stopped by its sender, who is no user of the ward's station)."""
    if emergency.cancelled_at is None:
        streams.decide_after_commit(session)
        now = datetime.now(UTC)
        off_air.stop_emergency(session, emergency, now)
        session.flush()
        audit.record(session, "cancel_emergency", actor=user, entity_type="emergency", entity_id=emergency.id,
                     station_id=emergency.station_id)
        script = session.get(Script, emergency.script_id)
        if script is not None and script.status == ScriptStatus.approved:
            scripts.withdraw(session, script, user=user)  # takes it off the air everywhere
        elif script is not None:
            off_air.take_off_air(session, script, now=now)
    return emergency


def _speak(station: Station, script: Script) -> tuple[bytes, int, str, str | None]:
    """The script's text spoken now: its samples, length, engine and a fallback note."""
    spoken = inputs.spoken_body(station, script)
    try:
        speech = synthesize_for(station, spoken)
    except AudioError as exc:
        raise SpeechFailed(exc.message_vi, detail_en=exc.message_en) from exc
    pcm = from_wav_bytes(storage().read_bytes(speech.audio_key))
    script.speech_key, script.speech_duration_ms = speech.audio_key, speech.duration_ms
    script.speech_hash, script.speech_engine = inputs.speech_hash(station, spoken), speech.engine
    return pcm.samples, speech.duration_ms, speech.engine, speech.fallback_reason_vi if speech.fell_back else None


def _recorded(recording: Recording) -> tuple[bytes, int, str, str | None]:
    """A recording aired as it is (its loudness-matched WAV): nothing is spoken."""
    pcm = from_wav_bytes(storage().read_bytes(recording.audio_key))
    return pcm.samples, recording.duration_ms, RECORDING_ENGINE, None


def issue(session: Session, data: EmergencyCreate, *, user: User, station: Station | None = None,
          recording_id: int | None = None) -> EmergencyRead:
    """Create the bulletin, speak it (or take its recording: `recording_id`, a recording of the
    station), and publish it to the relay points of its areas (of `station` when a province
    sends it down; the user's own station otherwise)."""
    now = datetime.now(UTC)
    script = scripts.create_emergency(session, title=data.title.strip(), body=data.body.strip(),
                                      topic=data.topic, area_ids=data.area_ids, author=user, now=now,
                                      station=station, recording_id=recording_id)
    station = stations.get(session, script.station_id, with_children=True)
    today = script.air_from

    recording = session.get(Recording, recording_id) if recording_id is not None else None
    if recording is not None and recording.station_id == station.id:
        samples, duration_ms, engine, note = _recorded(recording)
    else:
        samples, duration_ms, engine, note = _speak(station, script)
    rate = audio_settings().sample_rate
    plan = plan_emergency(
        Candidate(id=script.id, title=script.title, topic=data.topic, priority=PlanPriority.emergency,
                  duration_ms=duration_ms, air_from=today, air_until=today, approved_at=now),
        station=station.name, local_date=today, alert_ms=ALERT_MS, gap_ms=GAP_MS,
    )
    audio = alert_tone(rate, ALERT_MS) + silence(GAP_MS, rate) + samples
    with tempfile.TemporaryDirectory(dir=audio_settings().data_dir) as tmp:
        target = Path(tmp) / "emergency.mp3"
        encode_pcm(audio, rate, target, fmt="mp3", bitrate_kbps=station.audio_bitrate_kbps,
                   settings=audio_settings())
        key = storage().put_file(target, suffix=".mp3")
        size = target.stat().st_size
    programme = Programme(
        station_id=station.id, slot_id=None, slot_name="emergency", air_date=today, area_key=0,
        starts_at=now, duration_ms=plan.length_ms, status=ProgrammeStatus.locked, is_emergency=True,
        items=service._items_json(plan, {script.id: Priority.emergency.value}), explanation=[],
        plan_hash="", audio_key=key,
        audio_size=size, audio_duration_ms=plan.length_ms,
        rendered_at=now, locked_at=now,
    )
    session.add(programme)
    session.flush()
    emergency = Emergency(station_id=station.id, script_id=script.id, programme_id=programme.id,
                          area_ids=sorted(data.area_ids), issued_by_id=user.id, issued_at=now,
                          expires_at=now + timedelta(minutes=data.minutes), after=data.after)
    session.add(emergency)
    session.flush()
    streams.decide_after_commit(session)
    audit.record(session, "emergency", actor=user, entity_type="script", entity_id=script.id,
                 station_id=station.id, changes={"title": script.title, "areas": sorted(data.area_ids),
                                                 "minutes": data.minutes, "engine": engine})
    # It also leads the next regular programme: re-plan today and tomorrow now.
    service.plan_days(session, station, today, 2, now=now)
    return EmergencyRead(
        id=emergency.id, script_id=script.id, programme_id=programme.id, area_ids=emergency.area_ids,
        issued_at=emergency.issued_at, expires_at=emergency.expires_at, after=emergency.after,
        engine=engine, note=note,
    )
