"""The fast CRC-16/ARC of item MP3s gives the same checksum as the byte-by-byte one."""

from __future__ import annotations

import random

from audio.mp3frames import _crc16, crc16, crc16_combine


def test_fast_crc_matches_byte_by_byte_crc_at_every_length() -> None:
    chooser = random.Random(15)
    for length in (0, 1, 4095, 4096, 4097, 9999, 65536, 65537, 200_003):
        data = chooser.randbytes(length)
        for start in (0, 0xBEEF):
            assert crc16(data, start) == _crc16(data, start), (length, start)


def test_known_check_value_and_combination() -> None:
    assert crc16(b"123456789") == 0xBB3D  # the catalogue check value of CRC-16/ARC
    data = random.Random(7).randbytes(50_000)
    assert crc16_combine(crc16(data[:12_345]), crc16(data[12_345:]), 50_000 - 12_345) == crc16(data)
