"""Programmes as the API and the pages show them."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from fastapi.responses import FileResponse, Response

from app.models import Programme, Station
from app.programmes.schemas import ProgrammeRead
from app.speech.audio import storage

MEDIA_TYPES = {".mp3": "audio/mpeg", ".opus": "audio/ogg", ".ogg": "audio/ogg", ".wav": "audio/wav",
               ".json": "application/json", ".m3u8": "audio/x-mpegurl"}


def stored_type(key: str) -> tuple[str, str]:
    """The file suffix and media type of a stored file, from its key."""
    suffix = "." + key.rsplit(".", 1)[1] if "." in key else ""
    return suffix, MEDIA_TYPES.get(suffix, "application/octet-stream")


def _download_name(programme: Programme, suffix: str) -> str:
    return f"{programme.air_date:%Y-%m-%d}-{programme.slot_name}-{programme.id}{suffix}"


def audio_download(programme: Programme) -> FileResponse:
    """The rendered programme file, named for people who copy it to a cluster by hand."""
    assert programme.audio_key is not None
    suffix, media_type = stored_type(programme.audio_key)
    return FileResponse(storage().path(programme.audio_key), media_type=media_type,
                        filename=_download_name(programme, suffix))


def playlist_download(programme: Programme) -> Response:
    """The programme's M3U8 playlist as a download."""
    assert programme.playlist_key is not None
    return Response(storage().path(programme.playlist_key).read_bytes(), media_type=MEDIA_TYPES[".m3u8"],
                    headers={"Content-Disposition": f'attachment; filename="{_download_name(programme, ".m3u8")}"'})


def to_read(programme: Programme, station: Station) -> ProgrammeRead:
    return ProgrammeRead.model_validate({
        "id": programme.id, "station_id": programme.station_id, "slot_name": programme.slot_name,
        "air_date": programme.air_date, "area_id": programme.area_key or None,
        "starts_at": programme.starts_at,
        "starts_at_local": programme.starts_at.astimezone(ZoneInfo(station.timezone)),
        "duration_ms": programme.duration_ms, "status": programme.status.value,
        "is_emergency": programme.is_emergency, "version": programme.version,
        "fill_ms": sum(i["duration_ms"] for i in programme.items if i.get("kind") == "script"),
        "items": programme.items,
        "audio_url": f"/api/v1/programmes/{programme.id}/audio" if programme.audio_key else None,
        "audio_sha256": programme.audio_key.split(".", 1)[0] if programme.audio_key else None,
        "audio_size": programme.audio_size, "audio_duration_ms": programme.audio_duration_ms,
        "playlist_url": (f"/api/v1/programmes/{programme.id}/playlist.m3u8"
                         if programme.playlist_key else None),
        "render_error": programme.render_error,
    })
