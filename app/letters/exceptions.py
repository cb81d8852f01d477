from __future__ import annotations

from app.errors import LoaError, PayloadTooLarge, Unprocessable


class UnsupportedLetter(LoaError):
    status_code = 415

    def __init__(self, filename: str) -> None:
        super().__init__(
            f"Tệp “{filename}” không phải .docx hoặc .pdf. Hãy tải văn bản ở dạng Word (.docx) hoặc PDF; "
            "tệp .doc cũ hãy mở bằng Word rồi lưu thành .docx.",
            detail_en="Only .docx and .pdf letters are read: save an old .doc as .docx first.",
        )


class LetterTooLarge(PayloadTooLarge):
    def __init__(self, limit: int) -> None:
        super().__init__(
            f"Tệp văn bản lớn hơn {limit // 1_000_000} MB. Hãy tải bản nhỏ hơn (văn bản thường chỉ vài trăm kB).",
            detail_en=f"The letter is over {limit // 1_000_000} MB: upload a smaller file.",
        )


class UnreadableLetter(Unprocessable):
    """A file that is not the document it says it is: damaged, encrypted, or empty."""


class ScannedLetter(Unprocessable):
    def __init__(self, pages: int) -> None:
        super().__init__(
            f"Tệp PDF ({pages} trang) không có chữ, chỉ có hình ảnh (bản scan), nên không đọc được nội dung. "
            "Hãy xin bản .docx hoặc PDF gốc có chữ, hoặc gõ lại nội dung vào tin bài.",
            detail_en=f"The PDF ({pages} pages) holds images only (a scan), no text to read: ask for the "
            ".docx or a text PDF, or type the text into a new script.",
        )
