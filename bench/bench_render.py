"""Programme rendering speed: cold and warm renders of a 30-minute programme against the floor.

Floor (same run, same parallelism): the renderer's number of worker threads, each taking the
next script, speaking it with the raw engine (eSpeak NG via ctypes under its lock, no
normalization) in the voice the renderer uses (the configured rate and word gap: at 150 wpm
without gaps the floor's items held a quarter silence, which LAME encodes at half the cost,
while the renderer's are full of speech) and encoding that item's whole span with one ffmpeg MP3 encode at the same
bitrate. That is the least work that yields the same item files, done the way the renderer
schedules it (up to `workers` ffmpeg processes at once on this machine's cores).

Every measurement runs in a fresh Python process (`python -m bench.bench_render --child ...`):
its wall time, CPU time (user + sys of itself and of its ffmpeg children, from getrusage), peak
memory of the process (VmHWM, which starts afresh at exec, unlike an inherited ru_maxrss) and
of its largest ffmpeg child. Cold and warm renders alternate with the floor so that load from
other processes falls on both; the ratio uses each one's median.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from audio.assemble import ProgrammeRenderer
from audio.config import AudioSettings
from audio.ffmpeg import run_ffmpeg
from audio.programme import ProgrammeSpec, SpeechItem
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


def _encode_floor(pcm: bytes, sample_rate: int, target: str) -> None:
    run_ffmpeg(
        ["-v", "error", "-f", "s16le", "-ar", str(sample_rate), "-ac", "1", "-i", "pipe:0"]
        + ["-c:a", "libmp3lame", "-b:a", f"{BITRATE}k", "-f", "mp3", "-y", target],
        input_bytes=pcm,
    )


def floor(folder: str) -> dict[str, float]:
    """Raw engine + one encode per item, on `workers` threads like the renderer."""
    library = espeak_library()
    settings = AudioSettings()
    voice = VoiceSettings(
        settings.tts_voice, settings.tts_rate, settings.tts_pitch, word_gap=settings.tts_word_gap
    )
    workers = (os.cpu_count() or 1) + 1  # ProgrammeRenderer's default
    programme = spec(scripts())
    rate = library.sample_rate
    speech_samples = 0
    lock = threading.Lock()

    def one(number: int, text: str, span_ms: int) -> None:
        nonlocal speech_samples
        pcm = library.speak(text, voice)
        with lock:
            speech_samples += len(pcm) // 2
        total = span_ms * rate // 1000 * 2
        pcm = (pcm + b"\0" * max(0, total - len(pcm)))[:total]
        _encode_floor(pcm, rate, f"{folder}/floor-{number}.mp3")

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [
            pool.submit(one, number, item.text, item.duration_ms)
            for number, item in enumerate(programme.items)
            if isinstance(item, SpeechItem)
        ]
        for future in futures:
            future.result()
    wall = time.perf_counter() - started
    return {"wall": wall, "speech_s": speech_samples / rate, "workers": workers}


def cold(folder: str) -> dict[str, float]:
    """Cold render of the programme into an empty data folder."""
    settings = AudioSettings(data_dir=Path(folder), espeak_backend="library")
    renderer = ProgrammeRenderer(LocalStorage(settings.audio_dir), settings=settings)
    started = time.perf_counter()
    result = renderer.render(spec(scripts()))
    wall = time.perf_counter() - started
    return {
        "wall": wall,
        "size_mb": result.programme.size_bytes / 1e6,
        "items": len(result.items),
        "encodes": renderer.encode_count,
    }


def warm(folder: str) -> dict[str, float]:
    """Re-render with one script changed, over the folder a cold render filled."""
    settings = AudioSettings(data_dir=Path(folder), espeak_backend="library")
    renderer = ProgrammeRenderer(LocalStorage(settings.audio_dir), settings=settings)
    changed = scripts()
    changed[17] = changed[17] + " Bản tin này vừa được sửa lại."
    started = time.perf_counter()
    renderer.render(spec(changed))
    wall = time.perf_counter() - started
    return {"wall": wall, "encodes": renderer.encode_count}


def _peak_kb() -> int:
    """This process's own peak resident memory (VmHWM resets at exec; ru_maxrss may not)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(kind: str, folder: str) -> None:
    """Run one measurement in this fresh process and print it as JSON."""
    result: dict[str, float] = {"cold": cold, "warm": warm, "floor": floor}[kind](folder)
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    result["cpu"] = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
    result["cpu_ffmpeg"] = kids.ru_utime + kids.ru_stime
    result["peak_mb"] = _peak_kb() / 1024
    result["ffmpeg_peak_mb"] = kids.ru_maxrss / 1024
    print(json.dumps(result))


def _run(kind: str, folder: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_render", "--child", kind, folder],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def main() -> None:
    """Print machine info, then floor, cold and warm renders (fresh processes), ratios, memory."""
    rounds = int(os.environ.get("LOA_BENCH_ROUNDS", "3"))
    print(
        f"machine: {platform.platform()} | {platform.processor() or '?'} | "
        f"{os.cpu_count()} CPUs | Python {sys.version.split()[0]} | load {_load()}"
    )
    floors, colds, warms = [], [], []
    for _round in range(rounds):
        with tempfile.TemporaryDirectory() as folder:
            floors.append(_run("floor", folder))
        with tempfile.TemporaryDirectory() as folder:
            colds.append(_run("cold", folder))
            warms.append(_run("warm", folder))
    print(f"load after: {_load()}")

    def median(rows: list[dict[str, float]], key: str) -> float:
        return statistics.median(row[key] for row in rows)

    def line(name: str, rows: list[dict[str, float]]) -> str:
        walls = ", ".join(f"{row['wall']:.2f}" for row in rows)
        return (
            f"{name}: wall {median(rows, 'wall'):.2f} s (runs {walls}), "
            f"CPU {median(rows, 'cpu'):.2f} s (ffmpeg {median(rows, 'cpu_ffmpeg'):.2f} s)"
        )

    first = floors[0]
    print(
        f"{len(scripts())} scripts, {first['speech_s']:.0f} s of raw speech in a "
        f"{SLOT_MS // 60000}-minute slot; {int(first['workers'])} workers"
    )
    print(line("floor (raw eSpeak + one encode per item, same parallelism)", floors))
    print(line("cold render", colds))
    print(line("warm re-render, one script changed", warms))
    floor_wall, cold_wall = median(floors, "wall"), median(colds, "wall")
    print(
        f"cold render = {cold_wall / floor_wall:.2f}x the floor in wall time (goal <= 1.5x), "
        f"{median(colds, 'cpu') / median(floors, 'cpu'):.2f}x in CPU time"
    )
    print(
        f"warm re-render = {median(warms, 'wall') / cold_wall:.2f}x cold (goal <= 0.25x), "
        f"{int(warms[0]['encodes'])} encode(s)"
    )
    print(f"programme: {colds[0]['size_mb']:.1f} MB, {int(colds[0]['items'])} item files")
    print(
        f"peak memory of a cold render (fresh process, VmHWM): {max(r['peak_mb'] for r in colds):.0f} MB "
        f"(goal < 300 MB); largest ffmpeg child {max(r['ffmpeg_peak_mb'] for r in colds):.0f} MB, "
        f"up to {int(first['workers'])} at once"
    )


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        main()
