"""The relay schedule as plain values: parsed from the server's JSON, merged, queried by time."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from relay_agent.errors import ServerError

# Programmes that ended but were never played stay this long so the agent can still report them.
KEEP_UNREPORTED = timedelta(days=2)


@dataclass(frozen=True)
class AudioFile:
    """One content-addressed audio file the relay must hold."""

    url: str
    sha256: str
    size_bytes: int

    @property
    def suffix(self) -> str:
        """The file's type from its URL (".mp3", ".opus", …), so players and people recognize it."""
        name = self.url.rsplit("/", 1)[-1].split("?", 1)[0]
        suffix = "." + name.rsplit(".", 1)[1].lower() if "." in name else ""
        return suffix if suffix in (".mp3", ".opus", ".ogg", ".wav") else ".mp3"


@dataclass(frozen=True)
class Programme:
    """One slot's programme for this relay point."""

    id: int
    slot: str
    starts_at: datetime
    starts_at_local: str
    duration_ms: int
    status: str
    version: int
    audio: AudioFile | None

    @property
    def ends_at(self) -> datetime:
        """When the programme's slot ends."""
        return self.starts_at + timedelta(milliseconds=self.duration_ms)

    @property
    def key(self) -> str:
        """Local bookkeeping key: a re-rendered programme is still the same slot to play once."""
        return f"programme:{self.id}"


@dataclass(frozen=True)
class Emergency:
    """An emergency bulletin that interrupts whatever plays."""

    id: int
    title: str
    issued_at: datetime
    expires_at: datetime
    duration_ms: int
    audio: AudioFile
    after: str  # "resume" or "skip"

    @property
    def key(self) -> str:
        """Local bookkeeping key."""
        return f"emergency:{self.id}"


@dataclass(frozen=True)
class Relay:
    """A relay window's run (tiếp sóng): the live stream through Loa from start to end, or the
    cached fallback file when `live_url` is None or the stream drops."""

    id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    live_url: str | None
    fallback: AudioFile | None
    fallback_duration_ms: int
    # "programme": the area's own programme plays when one is due (the file otherwise)
    fallback_kind: str = "filler"

    @property
    def key(self) -> str:
        """Local bookkeeping key."""
        return f"relay:{self.id}"


@dataclass(frozen=True)
class Schedule:
    """What the server said the relay should play, plus the ETag it came with."""

    relay_point_id: int
    relay_point_name: str
    area_name: str
    station_name: str
    timezone: str
    generated_at: datetime
    poll_seconds: float
    programmes: tuple[Programme, ...]
    emergency: Emergency | None
    etag: str | None
    relays: tuple[Relay, ...] = ()

    def due_relay(self, now: datetime) -> Relay | None:
        """The relay run on air at `now`, if any."""
        return next((r for r in self.relays if r.starts_at <= now < r.ends_at), None)

    def due_programme(self, now: datetime) -> Programme | None:
        """The programme whose slot contains `now`, if any (the earliest when they overlap)."""
        for programme in self.programmes:
            if programme.starts_at <= now < programme.ends_at:
                return programme
        return None

    def next_programme(self, now: datetime) -> Programme | None:
        """The first programme starting after `now`."""
        upcoming = [p for p in self.programmes if p.starts_at > now]
        return min(upcoming, key=lambda p: p.starts_at) if upcoming else None

    def audio_files(self, now: datetime) -> list[AudioFile]:
        """Files to hold, most urgent first: the live emergency, then programmes by start time."""
        files: list[AudioFile] = []
        if self.emergency is not None and now < self.emergency.expires_at:
            files.append(self.emergency.audio)
        for programme in self.programmes:
            if programme.audio is not None and programme.ends_at > now:
                files.append(programme.audio)
        for relay in self.relays:
            if relay.fallback is not None and relay.ends_at > now and relay.fallback not in files:
                files.append(relay.fallback)
        return files


def _time(value: Any, field: str) -> datetime:
    if not isinstance(value, str):
        raise _bad(field)
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise _bad(field) from error
    if parsed.tzinfo is None:
        raise _bad(field)
    return parsed


def _bad(field: str) -> ServerError:
    return ServerError(
        f"Lịch từ máy chủ bị sai ở trường {field}", f"malformed schedule field {field}"
    )


def _audio(item: Mapping[str, Any], where: str) -> AudioFile | None:
    url, sha256, size = item.get("audio_url"), item.get("sha256"), item.get("size_bytes")
    if url is None:
        return None
    if not isinstance(url, str) or not isinstance(sha256, str) or len(sha256) != 64:
        raise _bad(f"{where}.audio_url/sha256")
    if not isinstance(size, int) or size < 0:
        raise _bad(f"{where}.size_bytes")
    return AudioFile(url=url, sha256=sha256.lower(), size_bytes=size)


def parse_schedule(body: Mapping[str, Any], etag: str | None) -> Schedule:
    """Turn the JSON of `GET /api/v1/relay/schedule` into a Schedule, or raise ServerError."""
    try:
        relay, station = body["relay_point"], body["station"]
        programmes = tuple(
            sorted(
                (
                    Programme(
                        id=int(item["id"]),
                        slot=str(item.get("slot", "")),
                        starts_at=_time(item["starts_at"], "starts_at"),
                        starts_at_local=str(item.get("starts_at_local", "")),
                        duration_ms=int(item["duration_ms"]),
                        status=str(item.get("status", "")),
                        version=int(item.get("version", 0)),
                        audio=_audio(item, f"programmes[{item['id']}]"),
                    )
                    for item in body["programmes"]
                ),
                key=lambda p: p.starts_at,
            )
        )
        emergency = None
        if body.get("emergency") is not None:
            raw_emergency = body["emergency"]
            audio = _audio(raw_emergency, "emergency")
            if audio is None:
                raise _bad("emergency.audio_url")
            emergency = Emergency(
                id=int(raw_emergency["id"]),
                title=str(raw_emergency.get("title", "")),
                issued_at=_time(raw_emergency["issued_at"], "emergency.issued_at"),
                expires_at=_time(raw_emergency["expires_at"], "emergency.expires_at"),
                duration_ms=int(raw_emergency["duration_ms"]),
                audio=audio,
                after="skip" if raw_emergency.get("after") == "skip" else "resume",
            )
        relays = tuple(
            sorted(
                (
                    Relay(
                        id=int(item["id"]),
                        title=str(item.get("title", "")),
                        starts_at=_time(item["starts_at"], "relays.starts_at"),
                        ends_at=_time(item["ends_at"], "relays.ends_at"),
                        live_url=str(item["live_url"]) if item.get("live_url") else None,
                        fallback=_audio(
                            {
                                "audio_url": item.get("fallback_audio_url"),
                                "sha256": item.get("fallback_sha256"),
                                "size_bytes": item.get("fallback_size_bytes"),
                            },
                            f"relays[{item['id']}].fallback",
                        ),
                        fallback_duration_ms=int(item.get("fallback_duration_ms") or 0),
                        fallback_kind=str(item.get("fallback_kind") or "filler"),
                    )
                    for item in body.get("relays") or ()
                ),
                key=lambda r: r.starts_at,
            )
        )
        return Schedule(
            relays=relays,
            relay_point_id=int(relay.get("id", 0)),
            relay_point_name=str(relay.get("name", "")),
            area_name=str(relay.get("area_name", "")),
            station_name=str(station.get("name", "")),
            timezone=str(station.get("timezone", "Asia/Ho_Chi_Minh")),
            generated_at=_time(body["generated_at"], "generated_at"),
            poll_seconds=float(body.get("poll_seconds", 30)),
            programmes=programmes,
            emergency=emergency,
            etag=etag,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        if isinstance(error, ServerError):
            raise
        raise ServerError(
            f"Lịch từ máy chủ không đúng định dạng: {error!r}", f"malformed schedule: {error!r}"
        ) from error


def merge_schedule(
    old: Schedule | None, new: Schedule, now: datetime, is_done: Callable[[str], bool]
) -> Schedule:
    """Take the server's new schedule, keeping old programmes that ended unreported.

    The server lists only programmes that have not ended; one that ended while the agent was
    busy or switched off must stay until the agent has written its as-run (even a failed one).
    """
    if old is None:
        return new
    new_ids = {p.id for p in new.programmes}
    kept = [
        p
        for p in old.programmes
        if p.id not in new_ids
        and p.ends_at <= now
        and p.ends_at > now - KEEP_UNREPORTED
        and not is_done(p.key)
    ]
    if not kept:
        return new
    merged = sorted([*kept, *new.programmes], key=lambda p: p.starts_at)
    return replace(new, programmes=tuple(merged))


def _audio_json(audio: AudioFile | None) -> dict[str, Any]:
    if audio is None:
        return {"audio_url": None, "sha256": None, "size_bytes": None}
    return {"audio_url": audio.url, "sha256": audio.sha256, "size_bytes": audio.size_bytes}


def schedule_to_json(schedule: Schedule) -> dict[str, Any]:
    """The schedule back in the server's JSON shape, so a saved copy parses like a fresh one."""
    emergency = schedule.emergency
    return {
        "relay_point": {
            "id": schedule.relay_point_id,
            "name": schedule.relay_point_name,
            "area_name": schedule.area_name,
        },
        "station": {"name": schedule.station_name, "timezone": schedule.timezone},
        "generated_at": schedule.generated_at.isoformat(),
        "poll_seconds": schedule.poll_seconds,
        "programmes": [
            {
                "id": p.id,
                "slot": p.slot,
                "starts_at": p.starts_at.isoformat(),
                "starts_at_local": p.starts_at_local,
                "duration_ms": p.duration_ms,
                "status": p.status,
                "version": p.version,
                **_audio_json(p.audio),
            }
            for p in schedule.programmes
        ],
        "relays": [
            {
                "id": r.id,
                "title": r.title,
                "starts_at": r.starts_at.isoformat(),
                "ends_at": r.ends_at.isoformat(),
                "live_url": r.live_url,
                "fallback_audio_url": r.fallback.url if r.fallback else None,
                "fallback_sha256": r.fallback.sha256 if r.fallback else None,
                "fallback_size_bytes": r.fallback.size_bytes if r.fallback else None,
                "fallback_duration_ms": r.fallback_duration_ms,
                "fallback_kind": r.fallback_kind,
            }
            for r in schedule.relays
        ],
        "emergency": None
        if emergency is None
        else {
            "id": emergency.id,
            "title": emergency.title,
            "issued_at": emergency.issued_at.isoformat(),
            "expires_at": emergency.expires_at.isoformat(),
            "duration_ms": emergency.duration_ms,
            "after": emergency.after,
            **_audio_json(emergency.audio),
        },
    }
