"""A text-message syntax a bulletin asks listeners to send ("soạn tin DK GIA gửi 8079"), read so it can be typed."""

from __future__ import annotations

import re

from audio.speech_text.codes import spell_letters
from audio.speech_text.conventions import LOAN_WORDS
from audio.speech_text.numbers import read_digits
from audio.speech_text.pre_number_passes import capital_syllable

# The words of the message after "soạn tin" / "nhắn tin" up to "gửi" and a short service number (three to five
# digits): each capital code spelled with its letter names (DK "dê ca", S1), a capital word that is a syllable said
# as a word (GIA "gia"), the service number digit by digit like any number to dial (tám không bảy chín).
_SMS = re.compile(
    r"(?P<head>\b(?:[Ss]oạn|[Nn]hắn)(?: tin)?(?: nhắn)?:? )(?P<words>[A-ZĐ0-9]{1,10}(?: [A-ZĐ0-9]{1,10}){0,4})"
    r"(?P<send> (?:gửi|gởi)(?: đến| tới)?(?: tổng đài| số)? )(?P<number>\d{3,5})(?![\d.,]\d|\w)"
)
_SYLLABLE = re.compile(capital_syllable("AEIOUY"))  # a message is typed without marks


def _word(token: str) -> str:
    if token.isdigit():
        return read_digits(token)
    if token in LOAN_WORDS:  # "VNEID", "SMS": a name with a settled reading
        return LOAN_WORDS[token]
    if len(token) >= 3 and _SYLLABLE.fullmatch(token):
        return token.lower()
    return spell_letters(token)


def read_sms_syntax(text: str) -> str:
    """Spell the message of "soạn tin … gửi NNNN" and read its service number digit by digit."""
    if "tin" not in text and "oạn" not in text:
        return text
    return _SMS.sub(lambda m: m["head"] + " ".join(_word(t) for t in m["words"].split()) + m["send"]
                    + read_digits(m["number"]), text)
