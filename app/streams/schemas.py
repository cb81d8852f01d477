from __future__ import annotations

from app.schemas import Schema


class MountRead(Schema):
    area_id: int
    area_name: str
    mount: str
    listen_url: str | None
    m3u_url: str
    on_icecast: bool | None  # None: Icecast did not answer
    listeners: int | None
    state: str | None  # the feeder's, when it runs in this process: on_air, connecting, off
    carrying: str | None  # "programme:12:3", "emergency:4", "idle:carrier", "idle:off"
    error: str | None


class StreamsRead(Schema):
    enabled: bool
    how_to_enable: str | None
    idle: str
    mounts: list[MountRead]
