"""An upload cannot make the server decode hours of audio, or decode many files at once."""

from __future__ import annotations

import json
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

import pytest

from audio.config import AudioSettings
from audio.ffmpeg import AudioTooDemanding
from audio.recordings import DecoderBusy, RecordingTooLong, decode_slot, ingest_recording
from audio.storage import LocalStorage
from tests.audio.conftest import ToneMaker
from tests.fixtures.audio_files import hidden_length_flac

ROOT = Path(__file__).resolve().parents[2]

# Runs in a fresh interpreter so that its peak memory is this upload's alone.
_INGEST_AND_MEASURE = """
import json, resource, sys
from pathlib import Path
from audio.config import AudioSettings
from audio.recordings import ingest_recording
from audio.storage import LocalStorage
settings = AudioSettings(data_dir=Path(sys.argv[2]), max_recording_seconds=60)
try:
    ingest_recording(Path(sys.argv[1]), LocalStorage(settings.audio_dir), settings)
    refused = None
except Exception as exc:
    refused = [type(exc).__name__, exc.message_vi]
# VmHWM, not ru_maxrss: the latter starts from the forking test process's size.
status = dict(line.split(":", 1) for line in open("/proc/self/status"))
print(json.dumps({"refused": refused,
                  "server_mib": int(status["VmHWM"].split()[0]) / 1024,
                  "ffmpeg_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def test_hours_hidden_behind_a_header_are_refused_without_being_held_in_memory(tmp_path: Path) -> None:
    # Three hours at 22050 Hz would be 476 MB of PCM; the old decode held it all (~950 MiB peak).
    upload = hidden_length_flac(tmp_path / "im-lang.flac", hours=3)
    assert upload.stat().st_size < 2_000_000
    done = subprocess.run([sys.executable, "-c", _INGEST_AND_MEASURE, str(upload), str(tmp_path / "data")],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=True)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["refused"] is not None
    name, message = seen["refused"]
    assert name == "RecordingTooLong"
    assert "dài hơn 0:01:00" in message
    assert seen["server_mib"] < 250, seen
    assert seen["ffmpeg_mib"] < 250, seen


def test_a_recording_just_within_the_limit_is_kept_whole(
    make_tone: ToneMaker, settings: AudioSettings, storage: LocalStorage
) -> None:
    limited = settings.model_copy(update={"max_recording_seconds": 5.0})
    result = ingest_recording(make_tone("vua-du.flac", 5.0), storage, limited)
    assert result.duration_ms == pytest.approx(5000, abs=60)
    with pytest.raises(RecordingTooLong):
        ingest_recording(make_tone("qua-dai.flac", 7.0), storage, limited)


def test_ffmpeg_runs_under_the_memory_limit(
    make_tone: ToneMaker, settings: AudioSettings, storage: LocalStorage
) -> None:
    # No ffmpeg can start in 24 MiB of address space: the refusal proves the limit is applied.
    starved = settings.model_copy(update={"decode_memory_limit_mb": 24})
    with pytest.raises(AudioTooDemanding) as caught:
        ingest_recording(make_tone("bai-hat.wav", 2.0), storage, starved)
    assert "bộ nhớ" in caught.value.message_vi
    assert not any(storage.root.rglob("*.wav"))


def test_uploads_beyond_the_decode_slots_are_turned_away(
    make_tone: ToneMaker, settings: AudioSettings, storage: LocalStorage
) -> None:
    few = settings.model_copy(update={"max_concurrent_decodes": 2, "decode_wait_seconds": 0})
    upload = make_tone("tin.wav", 2.0)
    with ExitStack() as busy:
        for _ in range(2):
            busy.enter_context(decode_slot(few))
        with pytest.raises(DecoderBusy) as caught:
            ingest_recording(upload, storage, few)
        assert "tải lên lại" in caught.value.message_vi
    assert ingest_recording(upload, storage, few).duration_ms == pytest.approx(2000, abs=60)
