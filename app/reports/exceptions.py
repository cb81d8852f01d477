from __future__ import annotations

from app.errors import Unprocessable

MAX_DAYS = 3 * 366


class BadPeriod(Unprocessable):
    """A report period that cannot be read or is too long."""

    def __init__(self, detail: str, *, detail_en: str) -> None:
        super().__init__(detail, detail_en=detail_en)


def reversed_period() -> BadPeriod:
    return BadPeriod("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc: hãy đổi lại hai ngày.",
                     detail_en="The first day must be on or before the last day: swap the two dates.")


def too_long() -> BadPeriod:
    return BadPeriod(f"Kỳ báo cáo dài quá {MAX_DAYS} ngày: hãy chọn kỳ ngắn hơn (tối đa 3 năm).",
                     detail_en=f"The period is longer than {MAX_DAYS} days: choose at most 3 years.")


def unreadable(value: str) -> BadPeriod:
    return BadPeriod(f"Không đọc được kỳ báo cáo «{value[:40]}»: dùng dạng 2026-11 (tháng), 2026-Q4 (quý), "
                     "2026 (năm) hoặc chọn từ ngày – đến ngày (YYYY-MM-DD).",
                     detail_en=f"Cannot read the period '{value[:40]}': use 2026-11 (month), 2026-Q4 (quarter), "
                     "2026 (year) or a from/to pair of dates (YYYY-MM-DD).")
