from __future__ import annotations

from pathlib import Path

import pytest

from audio import recordings
from audio.config import AudioSettings
from audio.ffmpeg import measure_loudness, run_ffmpeg
from audio.recordings import (
    CorruptAudio,
    EmptyUpload,
    NotAudio,
    RecordingTooLong,
    SilentAudio,
    UploadTooLarge,
    ingest_recording,
)
from audio.storage import LocalStorage
from tests.audio.conftest import ToneMaker


@pytest.mark.parametrize("name", ["talk.mp3", "talk.wav", "talk.m4a", "talk.ogg"])
def test_upload_is_stored_with_a_loudness_matched_copy(
    make_tone: ToneMaker, settings: AudioSettings, storage: LocalStorage, name: str
) -> None:
    upload = make_tone(name, 4.0, volume_db=-10)
    result = ingest_recording(upload, storage, settings)
    assert storage.path(result.original_key).read_bytes() == upload.read_bytes()
    assert result.duration_ms == pytest.approx(4000, abs=60)
    assert result.original_loudness_lufs < -25
    matched = measure_loudness(storage.path(result.normalized_key))
    assert matched.integrated_lufs == pytest.approx(settings.loudness_target_lufs, abs=1.0)
    assert matched.true_peak_dbtp <= settings.true_peak_dbtp


def test_text_renamed_mp3_is_not_audio(
    tmp_path: Path, settings: AudioSettings, storage: LocalStorage
) -> None:
    fake = tmp_path / "ban-tin.mp3"
    fake.write_text("Thông báo lịch tiêm chủng tháng 3\n" * 50, encoding="utf-8")
    with pytest.raises(NotAudio) as caught:
        ingest_recording(fake, storage, settings)
    assert "MP3" in caught.value.message_vi
    assert "MP3" in caught.value.message_en


def test_zero_byte_upload(tmp_path: Path, settings: AudioSettings, storage: LocalStorage) -> None:
    empty = tmp_path / "empty.wav"
    empty.touch()
    with pytest.raises(EmptyUpload):
        ingest_recording(empty, storage, settings)


def test_truncated_mp3_is_corrupt(
    make_tone: ToneMaker, settings: AudioSettings, storage: LocalStorage
) -> None:
    whole = make_tone("whole.mp3", 10.0)
    cut = whole.with_name("cut.mp3")
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 3])
    with pytest.raises(CorruptAudio):
        ingest_recording(cut, storage, settings)
    assert not any(storage.root.rglob("*.mp3"))


def test_silent_recording(
    make_tone: ToneMaker, settings: AudioSettings, storage: LocalStorage
) -> None:
    with pytest.raises(SilentAudio):
        ingest_recording(make_tone("quiet.wav", 3.0, volume_db=None), storage, settings)


def test_two_hour_file_is_refused_from_the_header_without_decoding_it(
    tmp_path: Path, settings: AudioSettings, storage: LocalStorage, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ten seconds of 8 kbps MP3 frames, repeated: a real 2-hour MP3 of ~7 MB, made in ms.
    piece = tmp_path / "piece.mp3"
    run_ffmpeg(
        [
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            "anullsrc=r=8000:cl=mono:d=10",
            "-b:a",
            "8k",
            "-write_xing",
            "0",
            "-id3v2_version",
            "0",
            "-y",
            str(piece),
        ]
    )
    long_file = tmp_path / "two-hours.mp3"
    long_file.write_bytes(piece.read_bytes() * 720)
    decoded: list[Path] = []

    def decode_spy(source: Path, *args: object, **kwargs: object) -> object:
        decoded.append(source)
        return real_decode(source, *args, **kwargs)

    real_decode = recordings.decode_to_pcm
    monkeypatch.setattr(recordings, "decode_to_pcm", decode_spy)
    with pytest.raises(RecordingTooLong) as caught:
        ingest_recording(long_file, storage, settings)
    assert decoded == []  # refused from the header: the two hours are never decoded
    assert "2:0" in caught.value.message_vi  # estimated from the bit rate


def test_oversized_upload(
    make_tone: ToneMaker, settings: AudioSettings, storage: LocalStorage
) -> None:
    small_limit = settings.model_copy(update={"max_upload_bytes": 10_000})
    with pytest.raises(UploadTooLarge):
        ingest_recording(make_tone("big.wav", 3.0), storage, small_limit)
