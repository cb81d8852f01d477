"""The words of the abbreviations page (merged into MESSAGES)."""

from __future__ import annotations

ABBREVIATION_MESSAGES: dict[str, tuple[str, str]] = {
    "nav_abbreviations": ("Chữ viết tắt", "Abbreviations"),
    "abbr_intro": ("Loa đọc các chữ viết tắt này thành lời khi dựng chương trình. Chữ viết tắt riêng của đài "
                   "được dùng thay cho cách đọc có sẵn.",
                   "Loa reads these abbreviations out when it renders a programme. The station's own "
                   "abbreviations are used instead of the built-in readings."),
    "abbr_read_only": ("Bạn chỉ xem được trang này; Trưởng ban biên tập hoặc quản trị viên thêm, sửa chữ viết tắt.",
                       "You can read this page; the editor or an admin adds and changes abbreviations."),
    "abbr_form_add": ("Thêm chữ viết tắt của đài", "Add a station abbreviation"),
    "abbr_form_edit": ("Sửa cách đọc “{abbr}”", "Change how “{abbr}” is read"),
    "abbr_key": ("Chữ viết tắt", "Abbreviation"),
    "abbr_key_hint": ("Viết đúng chữ hoa, chữ thường như trong văn bản, không có khoảng trắng (ví dụ: KDC, Đ/c).",
                      "Exactly as written, capitals included, no spaces (e.g. KDC, Đ/c)."),
    "abbr_reading": ("Cách đọc", "Read as"),
    "abbr_reading_hint": ("Những lời loa sẽ đọc, ví dụ: khu dân cư.", "The words the speaker says, e.g. khu dân cư."),
    "abbr_overrides": ("Thay cho cách đọc có sẵn: {reading}", "Overrides the built-in reading: {reading}"),
    "abbr_save": ("Lưu chữ viết tắt", "Save abbreviation"),
    "abbr_cancel_edit": ("Thôi sửa", "Cancel"),
    "abbr_preview_title": ("Thử một câu", "Try a sentence"),
    "abbr_preview_hint": ("Gõ một câu có chữ viết tắt để xem (và nghe) loa sẽ đọc thế nào với thay đổi này, "
                          "trước khi lưu.",
                          "Type a sentence with the abbreviation to see (and hear) how it will be read with "
                          "this change, before saving."),
    "abbr_sentence": ("Câu thử", "Sentence"),
    "abbr_sentence_default": ("Họp KDC số 3 lúc 19h30 tại nhà văn hóa.", "Họp KDC số 3 lúc 19h30 tại nhà văn hóa."),
    "abbr_now": ("Hiện nay đọc là", "Read now as"),
    "abbr_after": ("Sau khi lưu sẽ đọc là", "After saving, read as"),
    "abbr_search": ("Tìm chữ viết tắt hoặc cách đọc", "Search abbreviations or readings"),
    "abbr_search_button": ("Tìm", "Search"),
    "abbr_search_clear": ("Xem tất cả", "Show all"),
    "abbr_found": ("Kết quả cho “{query}”", "Results for “{query}”"),
    "abbr_own_title": ("Chữ viết tắt của đài ({shown}/{total})", "The station's own ({shown}/{total})"),
    "abbr_built_in_title": ("Chữ viết tắt có sẵn ({shown}/{total})", "Built-in abbreviations ({shown}/{total})"),
    "abbr_none_own": ("Đài chưa có chữ viết tắt riêng.", "The station has no abbreviations of its own yet."),
    "abbr_none_found": ("Không tìm thấy.", "Nothing found."),
    "abbr_more": ("Còn {n} chữ nữa: tìm ở ô trên, hoặc", "{n} more: search above, or"),
    "abbr_show_every": ("xem tất cả chữ có sẵn", "list every built-in one"),
    "abbr_off": ("(đọc nguyên văn)", "(read as written)"),
    "abbr_context": ("tùy câu", "depends on the sentence"),
    "abbr_document": ("trong số hiệu văn bản", "inside document numbers"),
    "abbr_station_reads": ("đài đọc: {reading}", "station reads: {reading}"),
    "abbr_built_in_was": ("có sẵn: {reading}", "built-in: {reading}"),
    "abbr_new": ("mới", "new"),
    "abbr_edit": ("Sửa", "Edit"),
    "abbr_edit_label": ("Sửa {abbr}", "Edit {abbr}"),
    "abbr_override": ("Đọc khác", "Read differently"),
    "abbr_override_label": ("Đọc {abbr} theo cách khác", "Read {abbr} differently"),
    "abbr_remove": ("Xóa", "Remove"),
    "abbr_restore": ("Khôi phục cách đọc có sẵn", "Restore the built-in reading"),
    "abbr_remove_label": ("Xóa {abbr}", "Remove {abbr}"),
    "abbr_confirm_remove": ("Xóa chữ viết tắt “{abbr}” của đài?", "Remove the station's abbreviation “{abbr}”?"),
    "abbr_confirm_restore": ("Bỏ cách đọc riêng của đài, đọc “{abbr}” theo cách có sẵn: {reading}?",
                             "Drop the station's reading and read “{abbr}” the built-in way: {reading}?"),
    "abbr_saved": ("Đã lưu chữ viết tắt “{abbr}”: áp dụng từ lần dựng chương trình tới.",
                   "Saved “{abbr}”: it applies from the next render."),
    "abbr_removed": ("Đã xóa chữ viết tắt “{abbr}”.", "Removed “{abbr}”."),
    "abbr_restored": ("Đã khôi phục cách đọc có sẵn của “{abbr}”.", "“{abbr}” is read the built-in way again."),
    "abbr_rerender": ("{scripts} tin bài sẽ được đọc lại, {programmes} chương trình chưa khóa sẽ được dựng lại; "
                      "chương trình đã khóa hoặc đang phát giữ nguyên.",
                      "{scripts} script(s) will be spoken again and {programmes} programme(s) not yet locked "
                      "rendered again; locked and on-air programmes stay as they are."),
    "abbr_later": ("Chương trình đã khóa (30 phút trước giờ phát) hoặc đang phát không đổi; thay đổi áp dụng "
                   "cho các chương trình sau.",
                   "Locked programmes (30 minutes before air) and the one on air do not change; the change "
                   "applies to the programmes after them."),
    "abbr_see_list": ("Chữ viết tắt loa đọc", "Abbreviations the speaker reads"),
    "spoken_text": ("Lời đọc", "Spoken text"),
}
