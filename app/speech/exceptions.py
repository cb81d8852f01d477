from app.errors import Unprocessable


class SpeechFailed(Unprocessable):
    """Speech could not be produced: the detail says why."""


class ListenTooLong(Unprocessable):
    """"Nghe thử" speaks a passage, not a whole script: synthesis time grows with the text."""

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(
            f"Nghe thử đọc tối đa {_vi(limit)} ký tự một lần; văn bản này có {_vi(length)} ký tự. "
            "Hãy chọn một đoạn ngắn hơn để nghe thử (cả tin bài vẫn được đọc đầy đủ khi dựng chương trình).",
            detail_en=f"Listen speaks at most {limit:,} characters at a time; this text has {length:,}. "
                      "Pick a shorter passage to listen to (the whole script is still spoken when the programme "
                      "is rendered).",
        )


def _vi(number: int) -> str:
    """A count the Vietnamese way: "2.000"."""
    return f"{number:,}".replace(",", ".")
