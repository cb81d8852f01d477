"""Report periods: a month, a quarter, a year or any range of local days, with its Vietnamese name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from app.reports.exceptions import MAX_DAYS, reversed_period, too_long, unreadable

ROMAN = ("I", "II", "III", "IV")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class Period:
    """Local days `first`..`last`, both included; `kind` is month, quarter, year or custom."""

    first: date
    last: date
    kind: str = "custom"

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def code(self) -> str:
        """What the period chooser sends back: 2026-11, 2026-Q4, 2026, or empty for a range."""
        if self.kind == "month":
            return f"{self.first:%Y-%m}"
        if self.kind == "quarter":
            return f"{self.first.year}-Q{(self.first.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(self.first.year)
        return ""

    def label(self, lang: str = "vi") -> str:
        """`Tháng 11/2026`, `Quý IV/2026`, `Năm 2026` or `Từ 01/11/2026 đến 15/11/2026`."""
        if self.kind == "month":
            return f"Tháng {self.first:%m/%Y}" if lang == "vi" else f"{self.first:%B %Y}"
        if self.kind == "quarter":
            q = (self.first.month - 1) // 3
            return f"Quý {ROMAN[q]}/{self.first.year}" if lang == "vi" else f"Q{q + 1} {self.first.year}"
        if self.kind == "year":
            return f"Năm {self.first.year}" if lang == "vi" else str(self.first.year)
        if self.kind == "day":
            return f"Ngày {self.first:%d/%m/%Y}" if lang == "vi" else f"{self.first:%d/%m/%Y}"
        if lang == "vi":
            return f"Từ {self.first:%d/%m/%Y} đến {self.last:%d/%m/%Y}"
        return f"{self.first:%d/%m/%Y} to {self.last:%d/%m/%Y}"

    def months(self) -> list[tuple[int, int]]:
        """Every (year, month) the period touches, in order: the points of the monthly line."""
        out, y, m = [], self.first.year, self.first.month
        while (y, m) <= (self.last.year, self.last.month):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


def month(year: int, month_no: int) -> Period:
    first = date(year, month_no, 1)
    nxt = date(year + 1, 1, 1) if month_no == 12 else date(year, month_no + 1, 1)
    return Period(first, nxt - timedelta(days=1), "month")


def quarter(year: int, q: int) -> Period:
    first = date(year, 3 * (q - 1) + 1, 1)
    last = month(year, 3 * q).last
    return Period(first, last, "quarter")


def year(y: int) -> Period:
    return Period(date(y, 1, 1), date(y, 12, 31), "year")


def custom(first: date, last: date) -> Period:
    """A range of days, refused when reversed or longer than three years."""
    if first > last:
        raise reversed_period()
    period = Period(first, last, "custom")
    if period.days > MAX_DAYS:
        raise too_long()
    return period


def parse(code: str) -> Period:
    """A period from its code: `2026-11`, `2026-Q4` or `2026`."""
    text = code.strip()
    try:
        if m := _MONTH.match(text):
            return month(int(m[1]), int(m[2]))
        if m := _QUARTER.match(text):
            return quarter(int(m[1]), int(m[2]))
        if m := _YEAR.match(text):
            return year(int(m[1]))
    except ValueError:  # month 13, year 0
        pass
    raise unreadable(code)


def parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise unreadable(value) from None


def choose(code: str | None, first: str | None, last: str | None, today: date) -> Period:
    """The period a page or command asks for: a code, else a from/to pair, else this month."""
    if first or last:
        if not (first and last):
            raise unreadable(first or last or "")
        return custom(parse_day(first), parse_day(last))
    if code:
        return parse(code)
    return month(today.year, today.month)
