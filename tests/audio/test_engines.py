from __future__ import annotations

import pytest

from audio.config import AudioSettings
from audio.pcm import rms_dbfs
from audio.tts.engine import SynthesisFailed, VoiceSettings
from audio.tts.espeak import EspeakEngine
from audio.tts.google import GttsEngine
from tests.audio.conftest import ToneMaker
from tests.audio.fake_gtts import fake_gtts_server

SENTENCE = "Xin chào bà con khu phố, hôm nay là ngày hai mươi hai tháng một."


@pytest.mark.parametrize("voice", ["vi", "vi-VN-x-central", "vi-VN-x-south"])
def test_espeak_speaks_vietnamese_in_each_region(settings: AudioSettings, voice: str) -> None:
    pcm = EspeakEngine(settings).synthesize(SENTENCE, VoiceSettings(voice=voice), 22050)
    assert 2.5 < pcm.duration_seconds < 10  # fourteen syllables, not a beep
    assert rms_dbfs(pcm.samples) > -35  # speech, not silence


def test_espeak_rate_changes_speed(settings: AudioSettings) -> None:
    engine = EspeakEngine(settings)
    slow = engine.synthesize(SENTENCE, VoiceSettings(rate=110), 22050)
    fast = engine.synthesize(SENTENCE, VoiceSettings(rate=250), 22050)
    assert fast.duration_seconds < 0.7 * slow.duration_seconds


def test_espeak_resamples_to_requested_rate(settings: AudioSettings) -> None:
    pcm = EspeakEngine(settings).synthesize(SENTENCE, VoiceSettings(), 24000)
    assert pcm.sample_rate == 24000
    assert pcm.duration_seconds > 2.5


def test_espeak_unknown_voice_is_a_named_error(settings: AudioSettings) -> None:
    with pytest.raises(SynthesisFailed):
        EspeakEngine(settings).synthesize(SENTENCE, VoiceSettings(voice="xx-nowhere"), 22050)


def test_gtts_decodes_the_servers_mp3(settings: AudioSettings, make_tone: ToneMaker) -> None:
    mp3 = make_tone("answer.mp3", 2.0).read_bytes()
    with fake_gtts_server("audio", mp3) as url:
        engine = GttsEngine(settings.model_copy(update={"gtts_base_url": url}))
        pcm = engine.synthesize(SENTENCE, VoiceSettings(), 22050)
    assert pcm.duration_seconds == pytest.approx(2.0, abs=0.1)


def test_gtts_server_error_is_a_synthesis_failure(settings: AudioSettings) -> None:
    with fake_gtts_server("error") as url:
        engine = GttsEngine(settings.model_copy(update={"gtts_base_url": url}))
        with pytest.raises(SynthesisFailed):
            engine.synthesize(SENTENCE, VoiceSettings(), 22050)


def test_gtts_gives_up_on_a_silent_server_within_the_timeout(settings: AudioSettings,
                                                             make_tone: ToneMaker) -> None:
    # The server answers with good audio after 30 s: an engine that waited would succeed. Either
    # Loa's own deadline or the HTTP read time-out (the same figure) may fire first.
    mp3 = make_tone("late.mp3", 1.0).read_bytes()
    with fake_gtts_server("hang", mp3) as url:
        engine = GttsEngine(settings.model_copy(update={"gtts_base_url": url, "gtts_timeout_seconds": 2.0}))
        with pytest.raises(SynthesisFailed):
            engine.synthesize(SENTENCE, VoiceSettings(), 22050)
