"""The words of the relay-window parts of the pages (tiếp sóng; merged into MESSAGES)."""

from __future__ import annotations

RELAY_MESSAGES: dict[str, tuple[str, str]] = {
    "relay_runs": ("Tiếp sóng", "Relays"),
    "relay_from": ("nguồn", "source"),
    "relay_in_slot": ("trong khung giờ", "inside a slot"),
    "relay_check_none": ("chưa kiểm tra nguồn (kiểm tra 10 phút và 1 phút trước giờ)",
                         "source not checked yet (checked 10 and 1 minutes before)"),
    "relay_check_ok": ("nguồn đạt kiểm tra", "source passed its check"),
    "relay_on_fallback": ("nguồn không đạt kiểm tra: phát dự phòng", "source failed its check: fallback plays"),
    "relay_fallback_programme": ("chương trình của đài", "the station's own programme"),
    "relay_fallback_recording": ("bản ghi dự phòng", "the fallback recording"),
    "relay_fallback_filler": ("nhạc đệm", "filler"),
    "relay_fallback_is": ("dự phòng", "fallback"),
    "relay_recording_done": ("đã ghi lại {minutes} phút", "recorded {minutes} min"),
    "relay_recording_recording": ("đang ghi lại", "recording"),
    "relay_recording_failed": ("không ghi lại được", "recording failed"),
}
