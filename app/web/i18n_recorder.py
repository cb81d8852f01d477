"""The words of the browser recorder in the script editor (issue 12; merged into MESSAGES)."""

from __future__ import annotations

RECORDER_MESSAGES: dict[str, tuple[str, str]] = {
    "rec_title": ("Ghi âm giọng đọc ngay trên trang", "Record your voice here"),
    "rec_hint": ("Đọc tin bài vào micrô của điện thoại hoặc máy tính. Nghe lại, ghi lại nếu chưa ưng, rồi "
                 "bấm “Giữ bản ghi này”. Máy chủ tự cắt khoảng lặng đầu và cuối, giảm tiếng ồn nền và chỉnh "
                 "độ to; tối đa {minutes} phút.",
                 "Read the script into your phone's or computer's microphone. Listen, record again if you "
                 "like, then choose “Keep this recording”. The server trims the silence at both ends, "
                 "reduces steady background noise and sets the loudness; at most {minutes} minutes."),
    "rec_start": ("Ghi âm", "Record"),
    "rec_stop": ("Dừng", "Stop"),
    "rec_again": ("Ghi lại", "Record again"),
    "rec_keep": ("Giữ bản ghi này", "Keep this recording"),
    "rec_recording": ("Đang ghi… {time}", "Recording… {time}"),
    "rec_recorded": ("Đã ghi {time}. Hãy nghe lại trước khi giữ.", "Recorded {time}. Listen before keeping it."),
    "rec_sending": ("Đang gửi bản ghi lên máy chủ…", "Sending the recording to the server…"),
    "rec_failed": ("Không gửi được bản ghi: mất kết nối với máy chủ. Bản ghi vẫn còn ở đây, hãy thử lại.",
                   "The recording could not be sent: no connection to the server. It is still here; try again."),
    "rec_no_mic": ("Không mở được micrô: hãy cho phép trang dùng micrô (biểu tượng ổ khóa cạnh địa chỉ), "
                   "hoặc chọn tệp ghi âm bên dưới.",
                   "The microphone could not be opened: allow this page to use it (the padlock next to the "
                   "address), or choose an audio file below."),
    "rec_limit": ("Đã dừng ở {minutes} phút, giới hạn của một bản ghi.",
                  "Stopped at {minutes} minutes, the limit of one recording."),
    "rec_voice_name": ("Ghi âm giọng đọc", "Voice recording"),
    "msg_voice_kept": ("Đã giữ bản ghi giọng đọc ({length}): cắt {lead} giây lặng ở đầu, {tail} giây ở cuối{noise}. "
                       "Bấm “Lưu” hoặc “Lưu và gửi duyệt” để lưu tin bài cùng bản ghi.",
                       "Voice recording kept ({length}): {lead} s of silence trimmed at the start, {tail} s at "
                       "the end{noise}. Choose “Save” or “Save and submit” to keep the script with it."),
    "msg_voice_denoised": ("; đã giảm tiếng ồn nền", "; background noise reduced"),
    "recording_changes_review": ("Thay hoặc bỏ bản ghi của tin đã duyệt sẽ gửi tin bài đi duyệt lại.",
                                 "Replacing or removing the recording of an approved script sends it back "
                                 "for approval."),
}
