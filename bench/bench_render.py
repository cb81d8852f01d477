"""Programme rendering speed: cold and warm renders of a 30-minute programme against the floor.

Floor (same run): the raw engine (eSpeak NG via ctypes, no normalization) speaking the same
text, plus one ffmpeg MP3 encode of 30 minutes of audio with the same settings.
"""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from audio.assemble import ProgrammeRenderer
from audio.config import AudioSettings
from audio.ffmpeg import run_ffmpeg
from audio.programme import ProgrammeSpec
from audio.speech_text import to_spoken
from audio.storage import LocalStorage
from audio.tts.engine import VoiceSettings
from audio.tts.espeak import espeak_library

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "audio" / "fixtures" / "seed_corpus.txt"
SLOT_MS = 1_800_000
SCRIPTS = 35
WORDS_PER_SCRIPT = 110  # ~45 s of speech at 150 words per minute
BITRATE = 48


def scripts() -> list[str]:
    """About 35 scripts of seed text in spoken form, each different."""
    words = " ".join(
        line.strip("*-# ") for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()
    ).split()
    texts = []
    for number in range(SCRIPTS):
        chunk = words[number * WORDS_PER_SCRIPT : (number + 1) * WORDS_PER_SCRIPT]
        texts.append(to_spoken(" ".join(chunk)))
    return texts


def spec(texts: list[str]) -> ProgrammeSpec:
    """Opening, the scripts with 1 s gaps, closing: a full 30-minute slot."""
    span = (SLOT_MS - 20_000) // len(texts)
    items: list[dict[str, object]] = [
        {
            "kind": "speech",
            "ref": "opening",
            "title": "Mở đầu",
            "offset_ms": 0,
            "duration_ms": 9000,
            "text": "Đây là Đài truyền thanh phường Hà Tu. Bây giờ là sáu giờ ba mươi phút.",
        },
    ]
    for number, text in enumerate(texts):
        items.append(
            {
                "kind": "speech",
                "ref": f"script:{number}",
                "title": f"Tin bài {number + 1}",
                "offset_ms": 10_000 + number * span,
                "duration_ms": span - 1000,
                "text": text,
            }
        )
    items.append(
        {
            "kind": "speech",
            "ref": "closing",
            "title": "Kết thúc",
            "offset_ms": SLOT_MS - 9000,
            "duration_ms": 9000,
            "text": "Chương trình phát thanh của phường Hà Tu đến đây là hết.",
        }
    )
    return ProgrammeSpec.model_validate(
        {
            "title": "Đài truyền thanh phường Hà Tu — Buổi sáng",
            "slot_length_ms": SLOT_MS,
            "items": items,
            "output": {"bitrate_kbps": BITRATE},
        }
    )


def floor_seconds(texts: list[str]) -> tuple[float, float, float]:
    """Raw engine on the same text, and one MP3 encode of 30 minutes: (synth, encode, audio s)."""
    library = espeak_library()
    voice = VoiceSettings()
    started = time.perf_counter()
    pcm = b"".join(library.speak(text, voice) for text in texts)
    synth = time.perf_counter() - started
    audio = len(pcm) / 2 / library.sample_rate
    total = SLOT_MS * library.sample_rate // 1000 * 2
    pcm = (pcm + b"\0" * max(0, total - len(pcm)))[:total]
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        run_ffmpeg(
            [
                "-v",
                "error",
                "-f",
                "s16le",
                "-ar",
                str(library.sample_rate),
                "-ac",
                "1",
                "-i",
                "pipe:0",
                "-c:a",
                "libmp3lame",
                "-b:a",
                f"{BITRATE}k",
                "-f",
                "mp3",
                "-y",
                f"{folder}/floor.mp3",
            ],
            input_bytes=pcm,
        )
        encode = time.perf_counter() - started
    return synth, encode, audio


def child(data_dir: str) -> None:
    """Cold render in this process (run as a child so its peak memory is its own)."""
    settings = AudioSettings(data_dir=Path(data_dir), espeak_backend="library")
    renderer = ProgrammeRenderer(LocalStorage(settings.audio_dir), settings=settings)
    started = time.perf_counter()
    renderer.render(spec(scripts()))
    print(f"{time.perf_counter() - started:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")


def main() -> None:
    """Print the floor, cold and warm render times, ratios and peak memory."""
    print(
        f"machine: {platform.platform()} | {platform.processor() or '?'} | "
        f"{os.cpu_count()} CPUs | Python {sys.version.split()[0]}"
    )
    texts = scripts()
    synth, encode, speech_seconds = floor_seconds(texts)
    floor = synth + encode
    print(f"{len(texts)} scripts, {speech_seconds:.0f} s of raw speech in a {SLOT_MS // 60000}-minute slot")
    print(f"floor: raw eSpeak NG {synth:.2f} s + one MP3 encode of 30 min {encode:.2f} s = {floor:.2f} s")
    with tempfile.TemporaryDirectory() as folder:
        settings = AudioSettings(data_dir=Path(folder), espeak_backend="library")
        renderer = ProgrammeRenderer(LocalStorage(settings.audio_dir), settings=settings)
        started = time.perf_counter()
        first = renderer.render(spec(texts))
        cold = time.perf_counter() - started
        changed = list(texts)
        changed[17] = changed[17] + " Bản tin này vừa được sửa lại."
        encodes = renderer.encode_count
        started = time.perf_counter()
        renderer.render(spec(changed))
        warm = time.perf_counter() - started
        warm_encodes = renderer.encode_count - encodes
    print(f"cold render: {cold:.2f} s = {cold / floor:.2f}x the floor (goal <= 1.5x)")
    print(
        f"warm re-render, one script changed: {warm:.2f} s = {warm / cold:.2f}x cold (goal <= 0.25x), "
        f"{warm_encodes} encode(s)"
    )
    print(f"programme: {first.programme.size_bytes / 1e6:.1f} MB, {len(first.items)} item files")
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(
            [sys.executable, "-m", "bench.bench_render", "--child", folder],
            capture_output=True,
            text=True,
            check=True,
        )
        child_time, child_rss = done.stdout.split()
        ffmpeg_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        f"peak memory of a cold render in a child process: {int(child_rss) / 1024:.0f} MB "
        f"(goal < 300 MB; largest ffmpeg or child: {ffmpeg_rss / 1024:.0f} MB; "
        f"child render {float(child_time):.2f} s)"
    )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
    else:
        main()
