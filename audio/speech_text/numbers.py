"""Vietnamese readings of numbers: cardinals, decimals, digits, Roman numerals, ordinals."""

from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
# Scales of a thousand; "tỷ" repeats for numbers beyond 10^12 ("nghìn tỷ").
SCALES = ("", "nghìn", "triệu", "tỷ")

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def read_digits(digits: str) -> str:
    """Read a string of digits one by one: "0912" -> "không chín một hai"."""
    return " ".join(DIGITS[int(d)] for d in digits if d.isdigit())


def _read_below_hundred(n: int, after_hundreds: bool) -> str:
    """Read 0..99; after_hundreds adds "linh" for 1..9 (northern standard)."""
    tens, units = divmod(n, 10)
    if tens == 0:
        if units == 0:
            return ""
        return f"linh {DIGITS[units]}" if after_hundreds else DIGITS[units]
    words = ["mười" if tens == 1 else f"{DIGITS[tens]} mươi"]
    if units == 1 and tens > 1:
        words.append("mốt")
    elif units == 4 and tens > 1:
        words.append("tư")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(DIGITS[units])
    return " ".join(words)


def _read_group(n: int, full: bool) -> str:
    """Read 0..999; full reads "không trăm" for a group that follows a higher one."""
    hundreds, rest = divmod(n, 100)
    if hundreds == 0 and not full:
        return _read_below_hundred(rest, after_hundreds=False)
    head = f"{DIGITS[hundreds]} trăm"
    tail = _read_below_hundred(rest, after_hundreds=True)
    return f"{head} {tail}" if tail else head


def read_cardinal(n: int) -> str:
    """Read a non-negative integer: 2024 -> "hai nghìn không trăm hai mươi tư"."""
    if n == 0:
        return "không"
    return _read_scaled(n, leading_full=False)


def _read_scaled(n: int, leading_full: bool) -> str:
    """Read n in groups of three; beyond 999 tỷ the "tỷ" scale repeats ("nghìn tỷ")."""
    if n >= 10**12:
        high, low = divmod(n, 10**9)
        head = f"{_read_scaled(high, leading_full)} tỷ"
        return f"{head} {_read_scaled(low, leading_full=True)}" if low else head
    groups: list[int] = []
    while n:
        n, group = divmod(n, 1000)
        groups.append(group)
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        is_leading = index == len(groups) - 1
        words.append(_read_group(group, full=leading_full or not is_leading))
        if SCALES[index]:
            words.append(SCALES[index])
    return " ".join(words)


def read_integer_text(digits: str) -> str:
    """Read digits as a cardinal, ignoring leading zeros and thousands dots ("06" -> "sáu")."""
    return read_cardinal(int(digits.replace(".", "")))


def read_decimal(integer_part: str, fraction: str) -> str:
    """Read a decimal written with a comma: ("11", "03") -> "mười một phẩy không ba"."""
    head = read_cardinal(int(integer_part.replace(".", "") or "0"))
    if len(fraction) > 3:
        tail = read_digits(fraction)
    else:
        # Each leading zero is "không", the rest a number (1,110 = một phẩy một trăm mười; 0,025 = không
        # phẩy không hai mươi lăm).
        zeros = len(fraction) - len(fraction.lstrip("0"))
        rest = fraction[zeros:]
        tail = " ".join(["không"] * zeros + ([read_cardinal(int(rest))] if rest else []))
    return f"{head} phẩy {tail}"


def roman_to_int(roman: str) -> int | None:
    """Value of a well-formed Roman numeral (I..MMMCMXCIX), else None."""
    if not roman or any(ch not in ROMAN_VALUES for ch in roman):
        return None
    total = 0
    for index, ch in enumerate(roman):
        value = ROMAN_VALUES[ch]
        following = ROMAN_VALUES[roman[index + 1]] if index + 1 < len(roman) else 0
        total += -value if value < following else value
    return total if 0 < total < 4000 and int_to_roman(total) == roman else None


def int_to_roman(n: int) -> str:
    """Canonical Roman form, used to reject malformed numerals such as "IIII"."""
    pairs = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for value, symbol in pairs:
        count, n = divmod(n, value)
        out.append(symbol * count)
    return "".join(out)


def read_ordinal(n: int) -> str:
    """Word after "thứ": 1 -> "nhất", 4 -> "tư", otherwise the cardinal."""
    if n == 1:
        return "nhất"
    if n == 4:
        return "tư"
    return read_cardinal(n)
