from __future__ import annotations

from pathlib import Path

import pytest

from audio.ffmpeg import (
    UnplayableAudio,
    configure_pydub,
    decode_to_pcm,
    encode_pcm,
    measure_loudness,
    probe,
)
from audio.pcm import Pcm
from tests.audio.conftest import ToneMaker


@pytest.mark.parametrize("name", ["tone.mp3", "tone.wav", "tone.m4a", "tone.ogg"])
def test_probe_reads_duration_of_common_upload_formats(make_tone: ToneMaker, name: str) -> None:
    info = probe(make_tone(name, 2.0))
    assert info.duration_seconds == pytest.approx(2.0, abs=0.1)
    assert info.sample_rate > 0


def test_decode_gives_exact_mono_pcm_at_requested_rate(make_tone: ToneMaker) -> None:
    samples, _ = decode_to_pcm(make_tone("tone.wav", 2.0), 22050)
    assert Pcm(samples, 22050).frame_count == 44100


def test_probe_refuses_text(tmp_path: Path) -> None:
    fake = tmp_path / "notes.mp3"
    fake.write_text("Kính gửi Ban biên tập đài truyền thanh", encoding="utf-8")
    with pytest.raises(UnplayableAudio):
        probe(fake)


def test_measure_loudness_of_a_known_tone(make_tone: ToneMaker) -> None:
    # lavfi's sine peaks at -18 dBFS; -2 dB more gives a -20 dBFS peak, which reads -23 LUFS
    # (-3 dB from peak to RMS of a sine, K-weighting is flat at 1 kHz).
    loudness = measure_loudness(make_tone("tone.wav", 3.0, frequency=1000, volume_db=-2))
    assert loudness.integrated_lufs == pytest.approx(-23.0, abs=0.3)


def test_mp3_and_opus_encodes_decode_to_same_length(make_tone: ToneMaker, tmp_path: Path) -> None:
    samples, _ = decode_to_pcm(make_tone("tone.wav", 3.0), 22050)
    for fmt, name in (("mp3", "out.mp3"), ("opus", "out.ogg")):
        encode_pcm(samples, 22050, tmp_path / name, fmt=fmt, bitrate_kbps=32)  # type: ignore[arg-type]
        assert probe(tmp_path / name).duration_seconds == pytest.approx(3.0, abs=0.1)


def test_pydub_uses_loas_ffmpeg_without_ffprobe(make_tone: ToneMaker) -> None:
    from pydub import AudioSegment

    configure_pydub()
    segment = AudioSegment.from_file(make_tone("tone.mp3", 2.0), format="mp3", codec="mp3")
    assert len(segment) == pytest.approx(2000, abs=100)
