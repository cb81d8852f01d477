"""Each mount's state for staff: Icecast's view (listeners) and the feeder's (what it carries)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.config import get_settings
from app.models import Station
from app.streams import icecast, service, supervisor
from app.streams.mounts import listen_url
from app.streams.schemas import MountRead, StreamsRead

HOW_TO_ENABLE_VI = ("Luồng phát trực tuyến đang tắt. Cài Icecast (sudo apt-get install icecast2), rồi chạy "
                    "Loa với LOA_ICECAST_URL=http://127.0.0.1:8000 và LOA_ICECAST_SOURCE_PASSWORD=<mật khẩu "
                    "source của Icecast>; nếu người nghe vào Icecast qua địa chỉ khác, đặt thêm "
                    "LOA_ICECAST_PUBLIC_URL.")
HOW_TO_ENABLE_EN = ("The live streams are off. Install Icecast (sudo apt-get install icecast2), then run Loa "
                    "with LOA_ICECAST_URL=http://127.0.0.1:8000 and LOA_ICECAST_SOURCE_PASSWORD=<Icecast's "
                    "source password>; set LOA_ICECAST_PUBLIC_URL too if listeners reach Icecast at "
                    "another address.")


def m3u_path(station_id: int, area_id: int) -> str:
    return f"/stations/{station_id}/areas/{area_id}/live.m3u"


def station_streams(session: Session, station: Station, *, english: bool = False) -> StreamsRead:
    """The station's mounts with their listeners and state (Icecast asked once, 2 s at most)."""
    settings = get_settings()
    mounts = service.area_mounts(session, station.id)
    enabled = settings.streams_enabled
    stats = icecast.mount_stats(settings) if enabled else None
    feeders = running.statuses() if (running := supervisor.running()) is not None else {}
    rows = []
    for m in mounts:
        feeder = feeders.get(m.mount)
        stat = stats.get(m.mount) if stats is not None else None
        rows.append(MountRead(
            area_id=m.area_id, area_name=m.area_name, mount=m.mount,
            listen_url=listen_url(settings, m.mount) if enabled else None,
            m3u_url=m3u_path(station.id, m.area_id),
            on_icecast=None if stats is None else stat is not None,
            listeners=stat.listeners if stat is not None else (0 if stats is not None else None),
            state=feeder.state if feeder else None, carrying=feeder.key if feeder else None,
            error=feeder.error if feeder else None,
        ))
    how = None if enabled else (HOW_TO_ENABLE_EN if english else HOW_TO_ENABLE_VI)
    return StreamsRead(enabled=enabled, how_to_enable=how, idle=station.stream_idle, mounts=rows)
