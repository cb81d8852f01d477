"""Offline synthesis speed: raw eSpeak NG vs Loa's cached, loudness-matched synthesis."""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from audio.config import AudioSettings
from audio.storage import LocalStorage
from audio.tts.engine import VoiceSettings
from audio.tts.espeak import espeak_library
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


def main() -> None:
    print(
        f"machine: {platform.platform()} | {platform.processor() or '?'} | "
        f"{os.cpu_count()} CPUs | Python {sys.version.split()[0]}"
    )
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
    main()
