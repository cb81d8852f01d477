"""The `loa speak-text` command: spoken form of stdin, one output line per input line."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import BinaryIO, TextIO

from audio.speech_text.abbreviations import merged_abbreviations
from audio.speech_text.normalize import normalize_line

NOT_UTF8_MESSAGE = (
    "Lỗi: đầu vào không phải văn bản UTF-8 (byte {offset}); hãy lưu tệp ở dạng UTF-8. "
    "(Error: input is not UTF-8 text (byte {offset}); save the file as UTF-8.)"
)


def speak_text_command(
    stdin: TextIO | BinaryIO,
    stdout: TextIO,
    abbreviations: Mapping[str, str] | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Write the spoken form of stdin to stdout line by line; return 0, or 1 on bad input.

    Pass `sys.stdin.buffer` so that undecodable bytes are reported instead of raising.
    """
    errors = stderr if stderr is not None else sys.stderr
    raw = stdin.read()
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            errors.write(NOT_UTF8_MESSAGE.format(offset=exc.start) + "\n")
            return 1
    else:
        text = raw.removeprefix("\ufeff")
    table = merged_abbreviations(abbreviations)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # a final newline ends the last line; it does not start a new one
    for line in lines:
        stdout.write(normalize_line(line, table) + "\n")
    return 0
