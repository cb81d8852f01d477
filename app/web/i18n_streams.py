"""The words of the live-stream parts of the pages (app/streams; merged into MESSAGES)."""

from __future__ import annotations

from app.streams.status import HOW_TO_ENABLE_EN, HOW_TO_ENABLE_VI

STREAM_MESSAGES: dict[str, tuple[str, str]] = {
    "live_title": ("Nghe trực tiếp", "Listen live"),
    "live_listen_areas": ("Nghe trực tiếp loa của khu phố:", "Listen live to an area's loudspeakers:"),
    "live_intro": ("Phát đúng những gì loa của {area} đang phát: chương trình theo giờ, bản tin khẩn cấp ngay khi có.",
                   "Plays what the loudspeakers of {area} play: the programmes on time, emergency bulletins at once."),
    "live_receivers": ("Máy thu IP/4G và ứng dụng nghe đài: dùng địa chỉ",
                       "IP/4G receivers and radio apps: use the address"),
    "live_m3u": ("Tệp danh sách phát (.m3u)", "Playlist file (.m3u)"),
    "live_off": ("Đài chưa bật phát trực tuyến.", "This station has no live stream yet."),
    "streams_how_to_enable": (HOW_TO_ENABLE_VI, HOW_TO_ENABLE_EN),
    "streams_title": ("Phát trực tuyến (Icecast)", "Live streams (Icecast)"),
    "streams_mount": ("Điểm phát", "Mount"),
    "streams_listeners": ("Người nghe", "Listeners"),
    "streams_state": ("Trạng thái", "State"),
    "streams_carrying": ("Đang phát", "Carrying"),
    "streams_carrying_programme": ("chương trình", "programme"),
    "streams_carrying_emergency": ("bản tin khẩn cấp", "emergency bulletin"),
    "streams_carrying_idle": ("ngoài giờ phát", "outside slots"),
    "streams_carrying_relay": ("tiếp sóng", "relay"),
    "streams_state_on_air": ("đang phát", "on air"),
    "streams_state_connecting": ("đang kết nối", "connecting"),
    "streams_state_off": ("tắt ngoài giờ", "off outside slots"),
    "streams_state_stopped": ("đã dừng", "stopped"),
    "streams_state_unknown": ("chạy ở tiến trình khác", "fed by another process"),
    "streams_on_icecast": ("có trên Icecast", "on Icecast"),
    "streams_not_on_icecast": ("không có trên Icecast", "not on Icecast"),
    "streams_icecast_down": ("Icecast không trả lời", "Icecast does not answer"),
    "field_stream_idle": ("Luồng trực tuyến ngoài giờ phát", "The live stream outside slots"),
    "stream_idle_carrier": ("giữ sóng lặng (máy thu không bị ngắt)", "a quiet carrier (receivers stay connected)"),
    "stream_idle_off": ("tắt", "off"),
}
