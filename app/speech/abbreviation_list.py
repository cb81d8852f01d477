"""The abbreviations a station's speech reads, as the abbreviations page lists, searches and checks them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.models import Station
from app.speech.service import MAX_ABBREVIATION
from app.text import fold
from audio.speech_text import DEFAULT_ABBREVIATIONS
from audio.speech_text.abbreviations import CONTEXT_ABBREVIATIONS, DOCUMENT_TYPES

MAX_READING = 200
# A written abbreviation: letters and digits, with the joiners bulletins use (GD&ĐT, Đ/c, CT-XH, TM.).
_KEY = re.compile(r"[^\W_][\w&/.\-']*", re.UNICODE)
# Words a speaker can say: letters, digits, spaces and light punctuation.
_READING = re.compile(r"[\w\s,.\-'()/]+", re.UNICODE)


@dataclass(frozen=True)
class Row:
    key: str
    reading: str  # what the station's speech says now ("" = read as written)
    built_in: str | None  # the built-in reading it has or overrides
    own: bool  # the station's own entry (a new one, or one overriding a built-in reading)
    note: str = ""  # "context": two readings chosen by the sentence; "document": inside document numbers


def built_in_reading(key: str) -> str | None:
    """The built-in reading of an abbreviation (both readings when the sentence chooses)."""
    if key in CONTEXT_ABBREVIATIONS:
        _pattern, first, other = CONTEXT_ABBREVIATIONS[key]
        return f"{other} / {first}"
    if key in DEFAULT_ABBREVIATIONS:
        return DEFAULT_ABBREVIATIONS[key]
    return None


def _note(key: str) -> str:
    return "context" if key in CONTEXT_ABBREVIATIONS else ""


def own_rows(station: Station) -> list[Row]:
    """The station's own abbreviations, each with the built-in reading it overrides (if any)."""
    return [Row(key, value, built_in_reading(key), True, _note(key))
            for key, value in sorted((station.abbreviations or {}).items(), key=lambda kv: kv[0].casefold())]


def built_in_rows(station: Station) -> list[Row]:
    """Every built-in abbreviation; the ones the station overrides say so."""
    own = station.abbreviations or {}
    rows = [Row(key, own.get(key, value), built_in_reading(key), key in own, _note(key))
            for key, value in DEFAULT_ABBREVIATIONS.items()]
    rows += [Row(key, value, value, False, "document") for key, value in DOCUMENT_TYPES.items()
             if key not in DEFAULT_ABBREVIATIONS]
    return sorted(rows, key=lambda r: (r.key.casefold(), r.key))


def matches(row: Row, query: str) -> bool:
    """Whether a search (abbreviation or reading, any case, with or without accents) finds the row."""
    wanted = fold(query.strip())
    return not wanted or any(wanted in fold(text) for text in (row.key, row.reading, row.built_in or ""))


@dataclass(frozen=True)
class Problem:
    field: str  # "key" or "reading"
    vi: str
    en: str


def check(station: Station, key: str, reading: str, *, editing: bool) -> Problem | None:
    """What is wrong with a station entry typed on the page, or None. Adding a key the station has
    already is a duplicate; a reading equal to the built-in one overrides nothing."""
    own = station.abbreviations or {}
    if not key:
        return Problem("key", "Chưa nhập chữ viết tắt.", "Type the abbreviation.")
    if len(key) > MAX_ABBREVIATION:
        return Problem("key", f"Chữ viết tắt dài quá: tối đa {MAX_ABBREVIATION} ký tự.",
                       f"The abbreviation is too long: {MAX_ABBREVIATION} characters at most.")
    if any(c.isspace() for c in key):
        return Problem("key", "Chữ viết tắt không được có khoảng trắng (ví dụ: KDC, Đ/c, GD&ĐT).",
                       "No spaces in an abbreviation (e.g. KDC, Đ/c, GD&ĐT).")
    if not _KEY.fullmatch(key):
        return Problem("key", "Chữ viết tắt có ký tự không hợp lệ: chỉ dùng chữ, số và & / - . '",
                       "Invalid characters in the abbreviation: use letters, digits and & / - . ' only.")
    if not editing and key in own:
        return Problem("key", f"Đài đã có chữ viết tắt “{key}”: hãy sửa nó trong danh sách bên dưới.",
                       f"The station already has “{key}”: edit it in the list below.")
    if not reading:
        return Problem("reading", "Chưa nhập cách đọc.", "Type how it is read.")
    if len(reading) > MAX_READING:
        return Problem("reading", f"Cách đọc dài quá: tối đa {MAX_READING} ký tự.",
                       f"The reading is too long: {MAX_READING} characters at most.")
    if not _READING.fullmatch(reading) or not any(c.isalpha() for c in reading):
        return Problem("reading", "Cách đọc có ký tự không đọc được: chỉ dùng chữ, số, dấu cách và , . - ' ( ) /",
                       "The reading has characters a speaker cannot say: use letters, digits, spaces and "
                       ", . - ' ( ) / only.")
    if DEFAULT_ABBREVIATIONS.get(key) == reading and key not in CONTEXT_ABBREVIATIONS:
        return Problem("reading", "Cách đọc này giống hệt cách đọc có sẵn: không cần thêm "
                       "(muốn dùng lại cách đọc có sẵn thì bấm “Khôi phục”).",
                       "This is the built-in reading already: nothing to add (to go back to it, use “Restore”).")
    return None
