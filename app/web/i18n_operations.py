"""The words of the programme, relay-board and admin pages added with issue 10 (merged into MESSAGES)."""

from __future__ import annotations

OPERATIONS_MESSAGES: dict[str, tuple[str, str]] = {
    # emergencies on air
    "emergency_on_air": ("Tin khẩn cấp đang phát", "Emergency bulletins on air"),
    # admin
    "err_no_area": ("Không có khu phố này trong đài.", "No such area in this station."),
    "err_no_relay": ("Không có cụm loa này.", "No such relay point."),
    "err_own_role": ("Không thể tự bỏ quyền quản trị của mình; hãy nhờ một quản trị viên khác.",
                     "You cannot remove your own admin role: ask another admin."),
    "change_role": ("Đổi vai trò", "Change role"),
    # faults
    "fault_resolve": ("Đã khắc phục", "Mark fixed"),
    "fault_resolution_note": ("Đã làm gì", "What was done"),
    "fault_resolution_placeholder": ("Ví dụ: đã thay cầu chì âm ly", "e.g. replaced the amplifier fuse"),
    "err_resolution_note": ("Hãy ghi đã khắc phục thế nào (ví dụ: đã thay loa).",
                            "Say what was done to fix it (e.g. replaced the speaker)."),
    "err_no_fault": ("Không có báo lỗi này.", "No such fault report."),
    "err_no_item": ("Chương trình không có mục này.", "The programme has no such item."),
    "download_short": ("tải", "download"),
    "download_item": ("Tải tệp “{title}”", "Download “{title}”"),
    "download_cue": ("Tải bảng mục (cue sheet, JSON)", "Download the cue sheet (JSON)"),
    "msg_fault_resolved": ("Đã đóng báo lỗi của cụm loa “{relay}”.", "Closed the fault of “{relay}”."),
}
