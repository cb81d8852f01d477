"""Recurring announcements: the dates an RFC 5545 rule gives inside a script's air window.

A script's rule says only *how* it repeats (``FREQ=WEEKLY;BYDAY=MO,TH``); *from when until
when* is its air window and *how many times at most* its airings target, so the rule may not
carry DTSTART, UNTIL or COUNT of its own. The script airs once on each date the rule gives
(one due airing per occurrence); ``python-dateutil``'s ``rrule`` does the calendar work.
"""

from __future__ import annotations

from datetime import date, datetime, time

from dateutil.rrule import rrulestr

ALLOWED_PARTS = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY"}
ALLOWED_FREQ = {"DAILY", "WEEKLY", "MONTHLY"}
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MAX_OCCURRENCES = 3660  # ten years of days: more than any air window needs


class InvalidRule(ValueError):
    """A rule Loa does not take; the message says what to write instead (Vietnamese, English)."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(f"{vi} ({en})")
        self.vi, self.en = vi, en


def normalize(rule: str) -> str:
    """The rule in one canonical spelling (upper case, parts in a fixed order), or InvalidRule."""
    text = rule.strip().upper().removeprefix("RRULE:")
    parts: dict[str, str] = {}
    for piece in filter(None, text.split(";")):
        key, sep, value = piece.partition("=")
        if not sep or not value:
            raise InvalidRule(f"Phần “{piece}” của quy tắc lặp phải có dạng TÊN=GIÁ_TRỊ.",
                              f"rule part {piece!r} must read NAME=VALUE")
        if key not in ALLOWED_PARTS:
            raise InvalidRule(
                f"Quy tắc lặp không nhận “{key}”: ngày đầu, ngày cuối là khoảng thời gian phát của tin "
                f"và số lần tối đa là số lần phát; chỉ dùng FREQ, INTERVAL, BYDAY, BYMONTHDAY.",
                f"{key} is not taken: the air window and airings target bound a rule; "
                f"use FREQ, INTERVAL, BYDAY, BYMONTHDAY only")
        parts[key] = value
    freq = parts.get("FREQ")
    if freq not in ALLOWED_FREQ:
        raise InvalidRule("Quy tắc lặp cần FREQ=DAILY, WEEKLY hoặc MONTHLY.",
                          "a rule needs FREQ=DAILY, WEEKLY or MONTHLY")
    if "INTERVAL" in parts and not (parts["INTERVAL"].isdigit() and 1 <= int(parts["INTERVAL"]) <= 366):
        raise InvalidRule("INTERVAL phải là số từ 1 đến 366.", "INTERVAL must be a number from 1 to 366")
    if "BYDAY" in parts:
        days = parts["BYDAY"].split(",")
        if not days or any(d not in WEEKDAYS for d in days):
            raise InvalidRule("BYDAY chỉ gồm các thứ MO,TU,WE,TH,FR,SA,SU, cách nhau bằng dấu phẩy.",
                              "BYDAY lists weekdays MO,TU,WE,TH,FR,SA,SU separated by commas")
        parts["BYDAY"] = ",".join(d for d in WEEKDAYS if d in days)
    if "BYMONTHDAY" in parts:
        days = parts["BYMONTHDAY"].split(",")
        if not all(d.lstrip("-").isdigit() and 1 <= abs(int(d)) <= 31 for d in days):
            raise InvalidRule("BYMONTHDAY là ngày trong tháng, từ 1 đến 31 (hoặc -1 cho ngày cuối tháng).",
                              "BYMONTHDAY is a day of the month, 1 to 31 (-1 for the last day)")
    return ";".join(f"{k}={parts[k]}" for k in ("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY") if k in parts)


def occurrences(rule: str, first: date, last: date) -> list[date]:
    """The dates ``rule`` gives from ``first`` to ``last`` (both included), in order."""
    if last < first:
        return []
    start = datetime.combine(first, time())
    until = datetime.combine(last, time())
    rr = rrulestr(normalize(rule), dtstart=start)
    out: list[date] = []
    for moment in rr.xafter(start, count=MAX_OCCURRENCES, inc=True):
        if moment > until:
            break
        out.append(moment.date())
    return out


def describe(rule: str, lang: str = "vi") -> str:
    """A short human reading of the rule: 'hằng ngày', 'thứ Hai, thứ Năm hằng tuần', …"""
    parts = dict(p.split("=", 1) for p in normalize(rule).split(";"))
    every = int(parts.get("INTERVAL", "1"))
    names_vi = dict(zip(WEEKDAYS, ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy",
                                   "Chủ nhật"), strict=True))
    names_en = dict(zip(WEEKDAYS, ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), strict=True))
    days = parts.get("BYDAY", "")
    monthdays = parts.get("BYMONTHDAY", "")
    freq = parts["FREQ"]
    if lang != "vi":
        unit = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month"}[freq]
        text = f"every {every} {unit}s" if every > 1 else f"every {unit}"
        if days:
            text += " on " + ", ".join(names_en[d] for d in days.split(","))
        if monthdays:
            text += " on day " + monthdays
        return text
    unit = {"DAILY": "ngày", "WEEKLY": "tuần", "MONTHLY": "tháng"}[freq]
    text = f"{every} {unit} một lần" if every > 1 else f"hằng {unit}"
    if days:
        text = ", ".join(names_vi[d] for d in days.split(",")) + " " + text
    if monthdays:
        text = f"ngày {monthdays} " + text
    return text
