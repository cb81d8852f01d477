"""Telephone numbers written in groups that the general digit-string rule does not take: a five-digit area
code ("02888 865 154"), a one-digit group ("0203 3 835 123"), an area code in parentheses ("(02838) 291 555")
the country code "+84" ("+84 912 345 678") and a 1800/1900 number in groups ("1900 545413").

A run of digit groups separated by spaces, dots or hyphens is a telephone number when it starts with 0 (or "(0…)") and
holds as many digits as a Vietnamese number has: 10 or 11 (a mobile has 10, a landline with its area code
10 or 11). After "+84" the 0 of the area code is dropped, so 9 or 10 digits follow. Anything else ("05 10
2024", "0 5") is left to the other rules. The number is read digit by digit in its written groups, a comma
between groups; "+84" is "cộng tám bốn" (the country code dialled digit by digit, like the rest).
"""

from __future__ import annotations

import re

from audio.speech_text.codes import read_groups
from audio.speech_text.passes import CLOSE, OPEN

_GROUPS = r"(?:(?:\.\s?|\s|-)\d{1,8}){%d,4}"
_SPACED = re.compile(
    r"(?<![\w.,+/-])(?:"
    rf"(?P<cc>\(\+84\)|\+84)(?P<intl>(?:[ .-]?\(0\))?[ .-]?\d{{1,10}}{_GROUPS % 0})"
    # "(+84-28) 38 653 050", "(+84 24) 3825 1234": country and area code together in parentheses
    rf"|\(\+84[ .-]?(?P<cc_area>\d{{1,3}})\)(?P<cc_rest>[ .-]?\d{{1,8}}{_GROUPS % 0})"
    rf"|(?P<area>\(0\d{{1,4}}\)[ .-]?\d{{1,8}}{_GROUPS % 0})"
    rf"|(?P<plain>0\d{{2,4}}{_GROUPS % 1})"
    # "1900 545413", "1800.1091", "1900 6868 99": a toll-free or shared-cost number in written groups
    r"|(?<![Nn]ăm )(?P<toll>1[89]00(?:[ .]\d{2,6}){1,3})"
    r")(?=[^\d.,]|[.,](?!\d)|$)"
)
_DIGIT = re.compile(r"\d")
# "0236.3822.115 - 0905 123 456": a dash between two numbers offers a choice, not a range.
_BETWEEN_PHONES = re.compile(rf"{CLOSE}\s*[-–—]\s*{OPEN}")


def wrap(spoken: str) -> str:
    return f"{OPEN}{spoken}{CLOSE}"


def _phone(match: re.Match[str]) -> str:
    if match["cc_area"]:
        body = f'{match["cc_area"]} {match["cc_rest"]}'
        if len(_DIGIT.findall(body)) in (9, 10):
            return wrap(f"cộng tám bốn, {read_groups(body)}")
        return match[0]
    if match["cc"]:
        body = match["intl"].replace("(0)", "")
        if len(_DIGIT.findall(body)) in (9, 10):
            return wrap(f"cộng tám bốn, {read_groups(body)}")
        return match[0]
    if match["toll"]:
        return wrap(read_groups(match[0])) if 8 <= len(_DIGIT.findall(match[0])) <= 10 else match[0]
    if len(_DIGIT.findall(match[0])) in (10, 11):
        return wrap(read_groups(match[0]))
    return match[0]


def read_spaced_phones(text: str) -> str:
    """Read the telephone numbers in `text` (see the module's note), each marked as a spoken item. Run before
    any other item is marked: a dash between two marked items is then one between two telephone numbers."""
    if "0" not in text and "+84" not in text:
        return text
    text = _SPACED.sub(_phone, text)
    return _BETWEEN_PHONES.sub(f"{CLOSE}, {OPEN}", text) if OPEN in text else text
