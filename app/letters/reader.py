"""Find what a script needs in the text of a Vietnamese official letter (văn bản hành chính).

The header of such a letter (Nghị định 30/2020/NĐ-CP) holds, in this order or side by side: the
issuing body, the national motto, "Số: 15/KH-UBND", the place and date ("Hà Tu, ngày 12 tháng 3
năm 2025"), and either "V/v …" (a công văn's subject) or the kind of document in capitals (KẾ
HOẠCH, THÔNG BÁO, …) followed by its subject. The body follows; "Nơi nhận:" starts the footer.
Nothing here reads files: it takes the letter's lines, so it is tested with plain text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

NUMBER = re.compile(r"^\s*S[ốô]\s*(?:hiệu)?\s*[:.]?\s*(\d+[\w\s/.\-–]*?[/\-–]\s*[\w\-–/.]+)", re.IGNORECASE)
DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
SUBJECT = re.compile(r"^\s*V/v\s*[:.]?\s*(.+)", re.IGNORECASE)
KINDS = ("KẾ HOẠCH", "THÔNG BÁO", "QUYẾT ĐỊNH", "CHỈ THỊ", "HƯỚNG DẪN", "BÁO CÁO", "TỜ TRÌNH",
         "CÔNG VĂN", "NGHỊ QUYẾT", "THƯ NGỎ", "LỜI KÊU GỌI", "CÔNG ĐIỆN")
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
         "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "ĐỘC LẬP – TỰ DO – HẠNH PHÚC", "ĐẢNG CỘNG SẢN VIỆT NAM")
FOOTER = re.compile(r"^\s*(Nơi nhận|TM\.|KT\.|TL\.|TUQ\.)", re.IGNORECASE)
HEADER_SCAN = 25  # the header lies within the first lines; later dates and numbers are the body's


@dataclass(frozen=True)
class LetterFields:
    """What was found; None (or "") where the letter does not say it."""

    title: str
    body: str
    number: str | None
    issued_on: date | None
    subject: str | None
    kind: str | None
    notes: list[str] = field(default_factory=list)

    @property
    def source_ref(self) -> str:
        """'Số 15/KH-UBND ngày 12/03/2025', as the script's source field reads."""
        parts = []
        if self.kind and self.kind != "CÔNG VĂN":
            parts.append(self.kind.capitalize())
        elif self.subject is not None:
            parts.append("Công văn")
        if self.number:
            parts.append(f"số {self.number}")
        if self.issued_on:
            parts.append(f"ngày {self.issued_on:%d/%m/%Y}")
        return " ".join(parts)[:300] if (self.number or self.issued_on) else ""


def clean_lines(text_lines: list[str]) -> list[str]:
    """NFC, one space between words, no blank lines, no stray underline rules."""
    out = []
    for raw in text_lines:
        for line in unicodedata.normalize("NFC", raw).splitlines():
            line = re.sub(r"[ \t\u00a0]+", " ", line.replace("**", "")).strip()
            if line and not re.fullmatch(r"[-_=*.–—\s]+", line):
                out.append(line)
    return out


def _addressee(line: str) -> bool:
    return line.lstrip("-+–• ").lower().startswith("kính gửi")


def _is_motto(line: str) -> bool:
    upper = line.upper().replace("  ", " ")
    return any(upper.startswith(m) for m in MOTTO)


def _number(lines: list[str]) -> tuple[str | None, int | None]:
    for i, line in enumerate(lines[:HEADER_SCAN]):
        m = NUMBER.match(line)
        if m:
            number = re.sub(r"\s+", "", m.group(1)).replace("–", "-").rstrip(".,;")
            return number, i
    return None, None


def _date(lines: list[str]) -> tuple[date | None, int | None, list[str]]:
    notes: list[str] = []
    candidates = [(i, m) for i, line in enumerate(lines[:HEADER_SCAN]) if (m := DATE.search(line))]
    # the place-and-date line: "Hà Tu, ngày …" comes before any date the text cites
    def dated_line_first(c: tuple[int, re.Match[str]]) -> tuple[bool, int]:
        line = lines[c[0]].lower()
        return ", ngày" not in line and not line.startswith("ngày"), c[0]

    candidates.sort(key=dated_line_first)
    for i, m in candidates:
        day, month, year = (int(g) for g in m.groups())
        try:
            return date(year, month, day), i, notes
        except ValueError:
            notes.append(f"Ngày “{m.group(0)}” không có thật; hãy nhập ngày của văn bản.")
    return None, None, notes


def _continuation(lines: list[str], start: int, stop_words: tuple[str, ...] = ()) -> tuple[str, int]:
    """A header phrase that goes on over the next lines (they begin in lower case)."""
    text, j = lines[start], start + 1
    while j < len(lines) and j < start + 4:
        nxt = lines[j]
        if not nxt[:1].islower() or DATE.search(nxt) or nxt.lower().startswith(stop_words):
            break
        text, j = f"{text} {nxt}", j + 1
    return text, j


def _subject(lines: list[str]) -> tuple[str | None, int | None]:
    for i, line in enumerate(lines[:HEADER_SCAN]):
        m = SUBJECT.match(line)
        if m:
            first = lines[:]
            first[i] = m.group(1).strip()
            text, end = _continuation(first, i, ("kính gửi",))
            return text.strip(" .:"), end - 1
    return None, None


def _kind(lines: list[str]) -> tuple[str | None, str | None, int | None]:
    for i, line in enumerate(lines[:HEADER_SCAN]):
        upper = line.upper()
        inline = next((k for k in KINDS if line.startswith(k + " ") and line[len(k) + 1:][:1].islower()), None)
        if inline is not None:  # "HƯỚNG DẪN tuyên truyền …" on one line
            text, end = _continuation(lines, i, ("kính gửi", "căn cứ", "thực hiện"))
            return inline, text[len(inline) + 1:], end - 1
        if line == upper and upper.strip(" .:") in KINDS:
            if i + 1 < len(lines) and not lines[i + 1].lower().startswith("kính gửi"):
                text, end = _continuation(lines, i + 1, ("kính gửi", "căn cứ", "thực hiện"))
                return upper.strip(" .:"), text, end - 1
            return upper.strip(" .:"), None, i
    return None, None, None


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def read_letter(text_lines: list[str], max_body: int) -> LetterFields:
    """The letter's title, body, number, date and subject, with notes for what is missing."""
    lines = clean_lines(text_lines)
    number, n_at = _number(lines)
    issued_on, d_at, notes = _date(lines)
    subject, s_at = _subject(lines)
    kind, kind_subject, k_at = _kind(lines)
    if subject:
        title = _sentence_case(subject)
    elif kind and kind_subject:
        title = f"{kind.capitalize()} {kind_subject[:1].lower()}{kind_subject[1:]}"
    else:
        title = ""
    header_end = max((i for i in (n_at, d_at, s_at, k_at) if i is not None), default=-1)
    start = header_end + 1
    # the addressees ("Kính gửi: …" and its dashed list) are for the paper, not for the listeners
    in_addressees = False
    while start < len(lines):
        line = lines[start]
        if _addressee(line):
            in_addressees = True
        elif not (_is_motto(line) or (in_addressees and line.startswith(("-", "+", "–"))
                                      and line.rstrip().endswith((";", ".", ",")) and len(line) < 160)):
            break
        start += 1
    body_lines = []
    for line in lines[start:]:
        if FOOTER.match(line):
            break
        body_lines.append(line)
    body = "\n\n".join(body_lines)
    if len(body) > max_body:
        cut = body.rfind("\n\n", 0, max_body)
        body = body[:cut if cut > 0 else max_body]
        notes.append(f"Văn bản dài hơn {max_body} ký tự: chỉ lấy phần đầu; hãy rút gọn thành tin bài.")
    if not title:
        first = body_lines[0] if body_lines else ""
        title = first[:120].rsplit(" ", 1)[0] if len(first) > 120 else first
        notes.append("Không thấy trích yếu (V/v …) của văn bản: tiêu đề lấy từ câu đầu, hãy sửa lại.")
    if number is None:
        notes.append("Không thấy số văn bản (“Số: …”).")
    if issued_on is None:
        notes.append("Không thấy ngày ban hành (“…, ngày … tháng … năm …”).")
    return LetterFields(title=title[:300], body=body, number=number, issued_on=issued_on, subject=subject,
                        kind=kind or ("CÔNG VĂN" if subject else None), notes=notes)
