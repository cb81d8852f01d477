from __future__ import annotations

import io
from pathlib import Path

import pytest

from audio.config import AudioSettings
from audio.ffmpeg import measure_loudness, probe
from audio.pcm import Pcm, from_wav_bytes
from audio.storage import LocalStorage
from audio.tts.engine import VoiceSettings
from audio.tts.espeak import EspeakEngine
from audio.tts.google import GttsEngine
from audio.tts.say import say_command
from audio.tts.service import SpeechService
from tests.audio.fake_gtts import fake_gtts_server

SCRIPT = (
    "Ủy ban nhân dân phường Hà Tu thông báo. "
    "Từ ngày hai mươi hai tháng một, các khu phố ra quân tổng vệ sinh môi trường. "
    "Đề nghị bà con tham gia đầy đủ."
)


class CountingEspeak(EspeakEngine):
    """eSpeak NG that counts what it is asked to say."""

    def __init__(self, settings: AudioSettings) -> None:
        super().__init__(settings)
        self.calls: list[str] = []

    def synthesize(self, text: str, voice: VoiceSettings, sample_rate: int) -> Pcm:
        self.calls.append(text)
        return super().synthesize(text, voice, sample_rate)


def make_service(
    settings: AudioSettings, storage: LocalStorage
) -> tuple[SpeechService, CountingEspeak]:
    espeak = CountingEspeak(settings)
    return SpeechService(
        storage, settings, {"espeak": espeak, "gtts": GttsEngine(settings)}
    ), espeak


def test_same_text_is_never_synthesized_twice(
    settings: AudioSettings, storage: LocalStorage
) -> None:
    service, espeak = make_service(settings, storage)
    first = service.synthesize(SCRIPT)
    assert len(espeak.calls) == 3
    second = service.synthesize(SCRIPT)
    assert len(espeak.calls) == 3
    assert second.audio_key == first.audio_key
    assert second.synthesized_count == 0


def test_changing_one_sentence_resynthesizes_only_that_one(
    settings: AudioSettings, storage: LocalStorage
) -> None:
    service, espeak = make_service(settings, storage)
    service.synthesize(SCRIPT)
    edited = SCRIPT.replace("đầy đủ", "đông đủ")
    result = service.synthesize(edited)
    assert espeak.calls[3:] == ["Đề nghị bà con tham gia đông đủ."]
    assert result.synthesized_count == 1


def test_voice_change_is_a_different_cache_entry(
    settings: AudioSettings, storage: LocalStorage
) -> None:
    service, espeak = make_service(settings, storage)
    service.synthesize(SCRIPT)
    service.synthesize(SCRIPT, voice=VoiceSettings(voice="vi-VN-x-south"))
    assert len(espeak.calls) == 6


def test_script_duration_is_exact_and_sentences_are_matched_in_loudness(
    settings: AudioSettings, storage: LocalStorage
) -> None:
    service, _ = make_service(settings, storage)
    result = service.synthesize(SCRIPT)
    pcm = from_wav_bytes(storage.read_bytes(result.audio_key))
    assert pcm.frame_count == result.frame_count
    pause = settings.sample_rate * settings.sentence_pause_ms // 1000
    assert result.frame_count == sum(s.frame_count for s in result.sentences) + 2 * pause
    for sentence in result.sentences:
        loudness = measure_loudness(storage.path(sentence.audio_key))
        assert loudness.integrated_lufs == pytest.approx(settings.loudness_target_lufs, abs=1.0)
        assert loudness.true_peak_dbtp <= settings.true_peak_dbtp


def test_failing_online_engine_falls_back_and_says_so(
    settings: AudioSettings, storage: LocalStorage
) -> None:
    with fake_gtts_server("error") as url:
        online = settings.model_copy(update={"gtts_base_url": url})
        service, espeak = make_service(online, storage)
        result = service.synthesize(SCRIPT, engine="gtts")
    assert result.engine == "espeak"
    assert result.requested_engine == "gtts"
    assert result.fell_back
    assert result.fallback_reason_vi
    assert "eSpeak" in result.fallback_reason_vi
    assert len(espeak.calls) == 3


def test_hanging_online_engine_costs_one_timeout_per_script(
    settings: AudioSettings, storage: LocalStorage
) -> None:
    with fake_gtts_server("hang") as url:
        online = settings.model_copy(update={"gtts_base_url": url})
        service, _ = make_service(online, storage)
        result = service.synthesize(SCRIPT, engine="gtts")
    assert result.fell_back
    assert "1" in (result.fallback_reason_en or "")
    assert len(result.sentences) == 3


def test_working_online_engine_is_used_and_recorded(
    settings: AudioSettings, storage: LocalStorage, make_tone: object
) -> None:
    mp3 = make_tone("answer.mp3", 1.5).read_bytes()  # type: ignore[operator]
    with fake_gtts_server("audio", mp3) as url:
        online = settings.model_copy(update={"gtts_base_url": url})
        service, espeak = make_service(online, storage)
        result = service.synthesize(SCRIPT, engine="gtts")
    assert result.engine == "gtts"
    assert not result.fell_back
    assert espeak.calls == []


def test_say_writes_a_playable_mp3_and_names_the_engine(
    settings: AudioSettings, tmp_path: Path
) -> None:
    output = tmp_path / "out" / "bản tin.mp3"
    err = io.StringIO()
    assert say_command(SCRIPT, output, engine="espeak", settings=settings, stderr=err) == 0
    info = probe(output)
    assert info.codec == "mp3"
    assert info.channels == 1
    assert info.duration_seconds is not None
    assert info.duration_seconds > 5
    assert "eSpeak NG" in err.getvalue()
    assert [p.name for p in output.parent.iterdir()] == ["bản tin.mp3"]


def test_say_refuses_an_unknown_output_type(settings: AudioSettings, tmp_path: Path) -> None:
    err = io.StringIO()
    assert say_command(SCRIPT, tmp_path / "out.txt", settings=settings, stderr=err) == 2
    assert ".mp3" in err.getvalue()
