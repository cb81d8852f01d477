"""Mount names and listening URLs of the areas' live streams."""

from __future__ import annotations

import re
from urllib.parse import quote

from app.config import Settings
from app.text import fold


def slug(text: str) -> str:
    """'Khu phố 1' → 'khu-pho-1' (ASCII, for a URL a receiver's keypad can type)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:60] or "khu"


def mount_paths(station_id: int, areas: list[tuple[int, str]]) -> dict[int, str]:
    """Each area's mount, unique across stations: '/1-khu-1.mp3'; two names with the same slug
    are told apart by the area's id."""
    by_slug: dict[str, list[int]] = {}
    for area_id, name in areas:
        by_slug.setdefault(slug(name), []).append(area_id)
    paths: dict[int, str] = {}
    for area_id, name in areas:
        base = slug(name)
        paths[area_id] = f"/{station_id}-{base}.mp3" if len(by_slug[base]) == 1 else \
            f"/{station_id}-{base}-{area_id}.mp3"
    return paths


def source_url(settings: Settings, mount: str) -> str:
    """Where the feeder connects as Icecast's source (the password stays on the server)."""
    base = (settings.icecast_url or "").rstrip("/")
    host = base.split("://", 1)[-1]
    password = quote(settings.icecast_source_password or "", safe="")
    return f"icecast://source:{password}@{host}{mount}"


def listen_url(settings: Settings, mount: str) -> str:
    """Where residents and receivers listen."""
    return f"{(settings.icecast_public_url or settings.icecast_url or '').rstrip('/')}{mount}"
