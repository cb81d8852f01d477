"""An announcer's take: denoised, trimmed, loudness-matched; refused when silent, distorted or too long.

The takes are made by code: syllable-like tone bursts over steady white noise, with quiet
stretches before, between and after. Every figure is measured on the stored file with ffmpeg.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from audio.config import AudioSettings
from audio.ffmpeg import decode_to_pcm, measure_loudness, probe, run_ffmpeg
from audio.pcm import rms_dbfs
from audio.recordings import NotAudio, RecordingTooLong, SilentAudio, ingest_recording
from audio.storage import LocalStorage
from audio.voice import ClippedRecording, NoVoice
from tests.fixtures.audio_files import voice_like_wav

# 1.5 s before the first word, two phrases with a 1 s pause, 2 s after the last word.
TAKE = [(1.5, False), (3.0, True), (1.0, False), (2.0, True), (2.0, False)]
SPEECH_S = 6.0  # from the first word to the last


def _level(path: Path, start: float, end: float, rate: int = 22050) -> float:
    """RMS level (dBFS) of a stretch of a file, decoded by ffmpeg."""
    samples, _ = decode_to_pcm(path, rate)
    return rms_dbfs(samples[2 * round(start * rate): 2 * round(end * rate)])


@pytest.mark.parametrize("container", ["wav", "webm", "ogg", "m4a", "mp3"])
def test_a_noisy_take_is_trimmed_denoised_and_matched(tmp_path, settings, storage, container):
    take = voice_like_wav(tmp_path / "take.wav", TAKE, noise_dbfs=-45.0)
    if container != "wav":  # what browsers send: WebM/Opus (Chromium), Ogg/Opus (Firefox), MP4/AAC (Safari)
        codec = {"webm": "libopus", "ogg": "libopus", "m4a": "aac", "mp3": "libmp3lame"}[container]
        encoded = tmp_path / f"take.{container}"
        run_ffmpeg(["-v", "error", "-i", str(take), "-c:a", codec, "-y", str(encoded)])
        take = encoded
    result = ingest_recording(take, storage, settings, voice=True)
    stored = storage.path(result.normalized_key)

    # The silence around the speech is gone, with a short margin kept on each side.
    length = probe(stored).duration_seconds
    assert length == pytest.approx(SPEECH_S + 0.5, abs=0.1), "0.2 s kept before, 0.3 s after"
    assert result.duration_ms == pytest.approx(1000 * length, abs=25)
    assert result.voice is not None
    assert result.voice.lead_trimmed_ms == pytest.approx(1300, abs=80)
    assert result.voice.tail_trimmed_ms == pytest.approx(1700, abs=80)

    # The pause between the phrases: the noise stands at least 15 dB further below the voice.
    lead = result.voice.lead_trimmed_ms / 1000
    pause_before = _level(take, 4.6, 5.4) - _level(take, 2.0, 4.0)
    pause_after = _level(stored, 4.6 - lead, 5.4 - lead) - _level(stored, 2.0 - lead, 4.0 - lead)
    assert pause_after < pause_before - 15, (pause_before, pause_after)

    # Loudness like any item: -16 LUFS, true peak under -1.5 dBTP.
    loudness = measure_loudness(stored)
    assert loudness.integrated_lufs == pytest.approx(settings.loudness_target_lufs, abs=0.7)
    assert loudness.true_peak_dbtp <= settings.true_peak_dbtp + 0.3


def test_a_clean_take_is_trimmed_and_not_filtered_for_noise(tmp_path, settings, storage):
    take = voice_like_wav(tmp_path / "take.wav", TAKE, noise_dbfs=None)
    result = ingest_recording(take, storage, settings, voice=True)
    assert result.voice is not None
    assert not result.voice.noise_reduced
    assert probe(storage.path(result.normalized_key)).duration_seconds == pytest.approx(SPEECH_S + 0.5, abs=0.1)


def test_digital_silence_after_the_take_does_not_count_as_the_room(tmp_path, settings, storage):
    """A browser pads with zeros when the microphone stops delivering: the room's noise before the
    first word is still trimmed, measured against the noise, not against the zeros."""
    take = voice_like_wav(tmp_path / "take.wav", [(1.5, False), (3.0, True), (1.5, False)], noise_dbfs=-50.0)
    padded = tmp_path / "padded.wav"
    run_ffmpeg(["-v", "error", "-i", str(take), "-af", "apad=pad_dur=1.5", "-y", str(padded)])
    result = ingest_recording(padded, storage, settings, voice=True)
    assert result.voice is not None
    assert result.voice.lead_trimmed_ms == pytest.approx(1300, abs=80)
    assert result.duration_ms == pytest.approx(3500, abs=100)


def test_an_uploaded_file_is_not_trimmed(tmp_path, settings, storage):
    """Only a voice take is cleaned: an uploaded programme keeps its own pauses and music."""
    take = voice_like_wav(tmp_path / "take.wav", TAKE, noise_dbfs=-45.0)
    result = ingest_recording(take, storage, settings)
    assert result.voice is None
    assert probe(storage.path(result.normalized_key)).duration_seconds == pytest.approx(9.5, abs=0.02)


def test_a_silent_take_is_refused(tmp_path, settings, storage):
    take = voice_like_wav(tmp_path / "take.wav", [(5.0, False)], noise_dbfs=None)
    with pytest.raises(SilentAudio, match="im lặng"):
        ingest_recording(take, storage, settings, voice=True)


def test_a_take_of_only_steady_noise_is_refused(tmp_path, settings, storage):
    take = voice_like_wav(tmp_path / "take.wav", [(5.0, False)], noise_dbfs=-35.0)
    with pytest.raises(NoVoice, match="không nghe thấy lời đọc"):
        ingest_recording(take, storage, settings, voice=True)


def test_a_take_distorted_throughout_is_refused_with_how_long(tmp_path, settings, storage):
    take = voice_like_wav(tmp_path / "take.wav", TAKE, noise_dbfs=-45.0, gain=8.0)
    with pytest.raises(ClippedRecording) as refused:
        ingest_recording(take, storage, settings, voice=True)
    assert "vỡ tiếng" in refused.value.message_vi
    assert "giây" in refused.value.message_vi
    assert "microphone further away" in refused.value.message_en


def test_one_loud_peak_is_not_distortion(tmp_path, settings, storage):
    """A take that touches full scale for a syllable or two still airs."""
    take = voice_like_wav(tmp_path / "take.wav", [(1.0, False), (0.25, True), (3.0, False)],
                          noise_dbfs=-45.0, gain=8.0)
    quiet = voice_like_wav(tmp_path / "rest.wav", TAKE, noise_dbfs=-45.0, seed=2)
    joined = tmp_path / "joined.wav"
    run_ffmpeg(["-v", "error", "-i", str(take), "-i", str(quiet), "-filter_complex",
                "[0:a][1:a]concat=n=2:v=0:a=1", "-y", str(joined)])
    assert ingest_recording(joined, storage, settings, voice=True).voice is not None


def test_a_take_over_the_voice_limit_is_refused(tmp_path, storage):
    settings = AudioSettings(data_dir=tmp_path / "data", max_voice_recording_seconds=5)
    take = voice_like_wav(tmp_path / "take.wav", TAKE)
    with pytest.raises(RecordingTooLong, match="0:00:05"):
        ingest_recording(take, storage, settings, voice=True)
    # A browser's WebM does not say how long it is: the decode stops just past the limit.
    webm = tmp_path / "take.webm"
    done = run_ffmpeg(["-v", "error", "-i", str(take), "-c:a", "libopus", "-f", "webm", "pipe:1"])
    webm.write_bytes(done.stdout)
    with pytest.raises(RecordingTooLong, match="0:00:05"):
        ingest_recording(webm, storage, settings, voice=True)


def test_the_voice_limit_is_ten_minutes_by_default():
    assert AudioSettings().max_voice_recording_seconds == 600


def test_not_audio_is_refused(tmp_path, settings, storage: LocalStorage):
    fake = tmp_path / "take.webm"
    fake.write_text("this is not a recording")
    with pytest.raises(NotAudio, match="không phải âm thanh"):
        ingest_recording(fake, storage, settings, voice=True)
