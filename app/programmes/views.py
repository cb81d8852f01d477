"""Programmes as the API and the pages show them."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from fastapi.responses import FileResponse, Response

from app.models import Programme, Station
from app.programmes.labels import item_label
from app.programmes.schemas import ProgrammeRead
from app.speech.audio import storage
from audio.cue import m3u8_entries

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


@dataclass(frozen=True)
class ItemFile:
    """One rendered item's own file, as the cue sheet names it."""

    index: int  # its place in the programme's items
    key: str
    seconds: float
    label: str

    @property
    def file_name(self) -> str:
        """The name it is served under, beside its programme: `3.mp3` for the fourth item."""
        return f"{self.index}{stored_type(self.key)[0]}"


def _cue(programme: Programme) -> dict[str, object]:
    assert programme.cue_key is not None
    cue: dict[str, object] = json.loads(storage().read_bytes(programme.cue_key))
    return cue


def item_files(programme: Programme) -> list[ItemFile]:
    """The programme's per-item files in playing order, labelled in Vietnamese; none before rendering."""
    if not programme.cue_key:
        return []
    out = []
    for entry in _cue(programme)["items"]:  # type: ignore[attr-defined]
        # "item:3" is the programme's fourth item (the renderer leaves out what cannot be placed)
        index = int(str(entry["ref"]).removeprefix("item:"))
        source = programme.items[index] if index < len(programme.items) else entry
        out.append(ItemFile(index=index, key=str(entry["file_key"]),
                            seconds=int(entry["file_sample_count"]) / int(entry["file_sample_rate"]),
                            label=item_label(source)))
    return out


def playlist_download(programme: Programme, url_for: Callable[[ItemFile], str]) -> Response:
    """The programme's M3U8 playlist, each entry a URL the client that asked for it can fetch."""
    title = str(_cue(programme).get("title", ""))
    body = m3u8_entries(title, ((f.seconds, f.label, url_for(f)) for f in item_files(programme)))
    return Response(body, media_type=MEDIA_TYPES[".m3u8"],
                    headers={"Content-Disposition": f'attachment; filename="{_download_name(programme, ".m3u8")}"'})


_ITEM_NAME = re.compile(r"^(\d{1,4})\.[a-z0-9]{2,5}$")


def item_file(programme: Programme, file_name: str) -> ItemFile | None:
    """The item file served as `file_name` (`3.mp3`), or None."""
    match = _ITEM_NAME.match(file_name)
    if match is None:
        return None
    return next((f for f in item_files(programme) if f.file_name == file_name), None)


def item_download(programme: Programme, item: ItemFile) -> FileResponse:
    """One item's file, named for people who copy it by hand."""
    suffix, media_type = stored_type(item.key)
    return FileResponse(storage().path(item.key), media_type=media_type,
                        filename=_download_name(programme, f"-{item.index:02d}{suffix}"))


def cue_download(programme: Programme) -> FileResponse:
    """The programme's cue sheet (JSON): every item's offset, duration, file and checksum."""
    assert programme.cue_key is not None
    return FileResponse(storage().path(programme.cue_key), media_type=MEDIA_TYPES[".json"],
                        filename=_download_name(programme, "-cue.json"))


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
                         if programme.cue_key else None),
        "cue_url": f"/api/v1/programmes/{programme.id}/cue.json" if programme.cue_key else None,
        "render_error": programme.render_error,
    })
