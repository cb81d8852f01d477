"""MP3 frame surgery: join per-item MP3 files into one gapless programme without re-encoding.

Every item is encoded once, on its own, by ffmpeg's libmp3lame (CBR, no ID3 tag). Its
first frame is the "Info" frame (LAME tag: encoder delay 576, padding), then the audio
frames. A fresh encode starts with an empty bit reservoir, so any prefix of an item's
audio frames decodes on its own. Item i's audio appears `DECODER_SKIP` samples after
the start of its first frame; placing its frames at stream position `offset` puts its
audio at `offset` in the decoded programme once the programme's own LAME tag tells the
decoder to skip the first `DECODER_SKIP` samples. Keeping `span / frame_samples` frames
of every item but the last lays the items end to end exactly; the last item keeps all
its frames and the programme tag's padding trims the end to the slot length.

The price: the last `DECODER_SKIP` samples of an item's span are played from the next
item's priming frame (silence), so callers leave that tail silent (`TAIL_GUARD_SAMPLES`).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from audio.errors import AudioError

ENCODER_DELAY = 576
# ffmpeg skips the LAME encoder delay plus the decoder's own 529-sample delay.
DECODER_SKIP = ENCODER_DELAY + 529
# Silence kept at the end of each item's span (a little over DECODER_SKIP).
TAIL_GUARD_SAMPLES = DECODER_SKIP + 47

_BITRATES = {
    1: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}
_TAG_CRC_SPAN = 190  # ffmpeg computes the LAME tag CRC over the first 190 bytes


class BadMp3(AudioError):
    message_vi = "Tệp MP3 của mục không đúng định dạng mong đợi."
    message_en = "An item's MP3 file is not in the expected form."


@dataclass(frozen=True)
class Mp3Frames:
    """An ffmpeg/LAME MP3 file cut into its Info frame and audio frames."""

    info_frame: bytes
    audio: bytes
    frame_ends: tuple[int, ...]  # end offset of each audio frame inside `audio`
    frame_samples: int
    sample_rate: int
    delay: int
    padding: int

    @property
    def frame_count(self) -> int:
        return len(self.frame_ends)

    @property
    def sample_count(self) -> int:
        """Samples a decoder outputs for this file alone."""
        return self.frame_count * self.frame_samples - self.delay - self.padding

    def prefix(self, frames: int) -> bytes:
        """The first `frames` audio frames."""
        if frames <= 0:
            return b""
        return self.audio[: self.frame_ends[min(frames, self.frame_count) - 1]]


def frame_samples_for(sample_rate: int) -> int:
    """Samples per MP3 frame: 1152 for MPEG-1 rates (32 kHz and up), else 576."""
    return 1152 if sample_rate >= 32000 else 576


def _frames(data: bytes) -> Iterator[tuple[int, int, int, int]]:
    """(offset, length, samples per frame, sample rate) of each frame."""
    position = 0
    read_header = struct.Struct(">I").unpack_from
    # A frame's shape depends only on the header bits above bit 9 (padding included): an
    # item's thousands of frames share two or three of them.
    shapes: dict[int, tuple[int, int, int]] = {}
    while position + 4 <= len(data):
        (header,) = read_header(data, position)
        shape = shapes.get(header >> 9)
        if shape is None:
            shape = shapes[header >> 9] = _frame_shape(header, position)
        length, samples, rate = shape
        yield position, length, samples, rate
        position += length
    if position != len(data):
        raise BadMp3("Tệp MP3 bị cắt cụt.", "The MP3 file is truncated.")


def _frame_shape(header: int, position: int) -> tuple[int, int, int]:
    """(length in bytes, samples, sample rate) of the frame with this header."""
    version = (header >> 19) & 3
    layer = (header >> 17) & 3
    if header >> 21 != 0x7FF or version == 1 or layer != 1:
        raise BadMp3(f"Khung MP3 hỏng ở byte {position}.", f"Bad MP3 frame at byte {position}.")
    bitrate = _BITRATES[1 if version == 3 else 2][(header >> 12) & 15]
    rate_index = (header >> 10) & 3
    if bitrate == 0 or rate_index == 3:
        raise BadMp3(f"Khung MP3 hỏng ở byte {position}.", f"Bad MP3 frame at byte {position}.")
    rate = _RATES[version][rate_index]
    samples = 1152 if version == 3 else 576
    return (samples // 8) * bitrate * 1000 // rate + ((header >> 9) & 1), samples, rate


def _tag_offsets(info: bytes) -> tuple[int, int]:
    """Offsets of the Xing/Info tag and of the LAME extension inside the Info frame."""
    for start in (13, 21, 36):  # after the side info of MPEG-2 mono, MPEG-1 mono, stereo
        if info[start : start + 4] in (b"Info", b"Xing"):
            flags = int.from_bytes(info[start + 4 : start + 8], "big")
            lame = start + 8 + 4 * bool(flags & 1) + 4 * bool(flags & 2)
            lame += 100 * bool(flags & 4) + 4 * bool(flags & 8)
            if flags & 7 == 7 and len(info) >= lame + 36:
                return start, lame
    raise BadMp3("Thiếu thẻ LAME trong tệp MP3.", "The MP3 file has no LAME tag.")


def parse_mp3(data: bytes) -> Mp3Frames:
    """Cut an MP3 written by ffmpeg (no ID3 tag, with its LAME Info frame) into frames."""
    frames = list(_frames(data))
    if len(frames) < 2:
        raise BadMp3("Tệp MP3 không có khung âm thanh.", "The MP3 file has no audio frames.")
    first_offset, first_length, samples, rate = frames[0]
    info = data[first_offset : first_offset + first_length]
    _xing, lame = _tag_offsets(info)
    packed = int.from_bytes(info[lame + 21 : lame + 24], "big")
    start = first_offset + first_length
    ends = tuple(offset + length - start for offset, length, _s, _r in frames[1:])
    return Mp3Frames(
        info_frame=info,
        audio=data[start:],
        frame_ends=ends,
        frame_samples=samples,
        sample_rate=rate,
        delay=packed >> 12,
        padding=packed & 0xFFF,
    )


def _crc16(data: bytes, crc: int = 0) -> int:
    # CRC-16/ARC, as LAME and ffmpeg use for the tag.
    for byte in data:
        crc = _CRC_TABLE[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc


def _make_table() -> tuple[int, ...]:
    table = []
    for value in range(256):
        crc = value
        for _bit in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


_CRC_TABLE = _make_table()


def crc16(data: bytes, crc: int = 0) -> int:
    """CRC-16/ARC of `data` (the checksum of a LAME tag), continuing from `crc`.

    Short inputs go byte by byte; long ones (item MP3s) are folded in numpy: the CRC is
    linear, so the CRCs of adjacent blocks of `size` bytes combine as
    `shift(crc_a) ^ crc_b`, where `shift` feeds `size` zero bytes (two 256-entry tables).
    Leading zero bytes leave a zero-initialized CRC unchanged, so an odd block count is
    padded in front with an empty block.
    """
    if len(data) < 4096:
        return _crc16(data, crc)
    table = np.asarray(_CRC_TABLE, dtype=np.uint16)
    blocks = table[np.frombuffer(data, dtype=np.uint8)]
    level = 0
    while len(blocks) > 1:
        if len(blocks) % 2:
            blocks = np.concatenate((np.zeros(1, dtype=np.uint16), blocks))
        low, high = _shift_tables(level)
        first, second = blocks[0::2], blocks[1::2]
        blocks = low[first & 0xFF] ^ high[first >> 8] ^ second
        level += 1
    return crc16_combine(crc, int(blocks[0]), len(data))


@lru_cache(maxsize=64)
def _shift_tables(level: int) -> tuple[np.ndarray, np.ndarray]:
    """Tables of the linear map "feed 2**level zero bytes" for a state's low and high byte."""
    operator = _zero_operator(1 << level)
    low = [_gf2_apply(operator, value) for value in range(256)]
    high = [_gf2_apply(operator, value << 8) for value in range(256)]
    return np.asarray(low, dtype=np.uint16), np.asarray(high, dtype=np.uint16)


def _zero_operator(length: int) -> list[int]:
    """Columns of the linear map on the 16-bit state that feeds `length` zero bytes."""
    result = [1 << bit for bit in range(16)]
    operator = [_CRC_TABLE[(1 << bit) & 0xFF] ^ ((1 << bit) >> 8) for bit in range(16)]
    while length:
        if length & 1:
            result = [_gf2_apply(operator, column) for column in result]
        operator = [_gf2_apply(operator, column) for column in operator]
        length >>= 1
    return result


def _gf2_apply(matrix: list[int], vector: int) -> int:
    total = 0
    column = 0
    while vector:
        if vector & 1:
            total ^= matrix[column]
        vector >>= 1
        column += 1
    return total


def crc16_combine(crc_a: int, crc_b: int, length_b: int) -> int:
    """CRC of A+B from the CRCs of A and B, in O(log len(B)) (zlib's crc32_combine method)."""
    # One zero byte is a linear map on the 16-bit state; square it up to len(B) bytes.
    operator = [_CRC_TABLE[(1 << bit) & 0xFF] ^ ((1 << bit) >> 8) for bit in range(16)]
    state = crc_a
    while length_b:
        if length_b & 1:
            state = _gf2_apply(operator, state)
        operator = [_gf2_apply(operator, column) for column in operator]
        length_b >>= 1
    return state ^ crc_b


@dataclass(frozen=True)
class SplicePart:
    """The first `count` audio frames of an item (None: all) and their CRC if known."""

    frames: Mp3Frames
    count: int | None = None
    crc: int | None = None

    @property
    def frame_count(self) -> int:
        return self.frames.frame_count if self.count is None else self.count

    def body(self) -> bytes:
        return self.frames.prefix(self.frame_count)


def splice(parts: list[SplicePart], total_samples: int) -> Iterator[bytes]:
    """Chunks of one gapless MP3: each part's frames laid end to end, trimmed to `total_samples`.

    Every part must come from the same encoder settings (rate, bitrate, channels).
    """
    if not parts:
        raise ValueError("nothing to splice")
    first = parts[0].frames
    for part in parts:
        if (part.frames.sample_rate, part.frames.frame_samples) != (
            first.sample_rate,
            first.frame_samples,
        ):
            raise BadMp3("Các mục không cùng định dạng MP3.", "Items differ in MP3 format.")
    bodies = [part.body() for part in parts]
    frames = sum(part.frame_count for part in parts)
    padding = frames * first.frame_samples - ENCODER_DELAY - total_samples
    if not 0 <= padding < 4096:
        raise BadMp3(
            f"Không ghép được: thừa {padding} mẫu ở cuối.",
            f"Cannot splice: {padding} samples of end padding.",
        )
    audio_bytes = sum(len(body) for body in bodies)
    info = bytearray(first.info_frame)
    xing, lame = _tag_offsets(bytes(info))
    total_bytes = len(info) + audio_bytes
    struct.pack_into(">II", info, xing + 8, frames, total_bytes)
    toc = xing + 16
    info[toc : toc + 100] = bytes(min(255, i * 256 // 100) for i in range(100))
    info[lame + 21 : lame + 24] = ((ENCODER_DELAY << 12) | padding).to_bytes(3, "big")
    struct.pack_into(">I", info, lame + 24, total_bytes)
    music_crc = 0
    for part, body in zip(parts, bodies, strict=True):
        crc = part.crc if part.crc is not None else crc16(body)
        music_crc = crc16_combine(music_crc, crc, len(body))
    struct.pack_into(">H", info, lame + 28, music_crc)
    struct.pack_into(">H", info, lame + 30, 0)
    span = bytes(info[:_TAG_CRC_SPAN]).ljust(_TAG_CRC_SPAN, b"\0")
    struct.pack_into(">H", info, lame + 30, _crc16(span))
    yield bytes(info)
    yield from bodies
