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

# the relay windows page (app/web/routes_relay_windows.py)
RELAY_MESSAGES |= {
    "nav_relay_windows": ("Tiếp sóng", "Relay windows"),
    "rw_intro": ("Lịch tiếp sóng đài cấp trên: nguồn được kiểm tra 10 phút và 1 phút trước giờ; nguồn hỏng thì "
                 "phát phương án dự phòng, không bao giờ im lặng.",
                 "When the higher-level station is relayed: the source is checked 10 and 1 minutes before; "
                 "a failing source gives way to the fallback, never to dead air."),
    "rw_sources": ("Nguồn tiếp sóng", "Relay sources"),
    "rw_add_source": ("Đăng ký nguồn tiếp sóng", "Register a relay source"),
    "rw_source_name": ("Tên nguồn (ví dụ: Đài PT-TH tỉnh)", "Source name (e.g. the province's radio)"),
    "rw_source_url": ("Địa chỉ luồng (HTTP MP3/AAC hoặc HLS .m3u8)", "Stream address (HTTP MP3/AAC or HLS .m3u8)"),
    "rw_source_format": ("Định dạng", "Format"),
    "rw_no_sources": ("Chưa có nguồn tiếp sóng: quản trị viên đăng ký nguồn (tên, địa chỉ luồng) trước.",
                      "No relay source yet: an administrator registers one (name, stream URL) first."),
    "rw_last_check": ("kiểm tra lần cuối", "last checked"),
    "rw_windows": ("Lịch tiếp sóng", "Relay windows"),
    "rw_every_area": ("mọi khu phố", "every area"),
    "rw_own_slot": ("khung giờ riêng", "its own slot"),
    "rw_new": ("Đặt lịch tiếp sóng", "Schedule a relay window"),
    "rw_source": ("Nguồn", "Source"),
    "rw_start": ("Bắt đầu", "Start"),
    "rw_end": ("Kết thúc", "End"),
    "rw_weekdays": ("Lặp lại các thứ", "Repeat on"),
    "rw_date": ("Hoặc một ngày", "Or one date"),
    "rw_areas": ("Khu phố", "Areas"),
    "rw_areas_hint": ("Không chọn khu nào: mọi khu phố.", "None chosen: every area."),
    "rw_placement": ("Vị trí", "Placement"),
    "rw_slot": ("Khung giờ (khi tiếp sóng trong khung giờ)", "Slot (for a relay inside a slot)"),
    "rw_fallback": ("Phương án dự phòng", "Fallback"),
    "rw_fallback_hint": ("Phát khi nguồn không đạt kiểm tra hoặc mất giữa chừng.",
                         "Plays when the source fails its check or drops mid-window."),
    "rw_schedule": ("Đặt lịch", "Schedule"),
    "rw_confirm_delete": ("Xóa lịch tiếp sóng này và các lần phát sắp tới?",
                          "Remove this relay window and its coming runs?"),
    "msg_relay_window_added": ("Đã đặt lịch tiếp sóng “{title}”.", "Relay window “{title}” scheduled."),
    "msg_relay_window_deleted": ("Đã xóa lịch tiếp sóng “{title}”.", "Relay window “{title}” removed."),
    "err_no_relay_window": ("Không có lịch tiếp sóng này (có thể vừa bị xóa).",
                            "No such relay window (it may have just been removed)."),
}
