"""Offline neural speech: an installed Piper/VITS voice run on the CPU with piper-tts.

Loaded voices are kept per model file (path, size and mtime), so a voice that is replaced or
removed is noticed on the next sentence. One lock per voice: an ONNX session is shared.
"""

from __future__ import annotations

import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audio.config import AudioSettings, get_audio_settings
from audio.ffmpeg import resample_pcm
from audio.pcm import Pcm
from audio.tts.engine import EngineUnavailable, SynthesisFailed, VoiceSettings
from audio.tts.voices import VoiceInvalid, VoiceNotInstalled, VoiceStore

# The station's words-per-minute setting is eSpeak's scale; 150 is a voice's natural pace.
_NATURAL_RATE = 150


@dataclass
class _Loaded:
    stamp: tuple[int, int]
    voice: Any
    lock: threading.Lock


def _load(model: Path, config: Path) -> Any:
    try:
        from piper import PiperVoice
    except ImportError as exc:  # pragma: no cover - piper-tts is a dependency
        raise EngineUnavailable(
            "Chưa cài gói piper-tts cho giọng nơ-ron.", "piper-tts is not installed."
        ) from exc
    with tempfile.TemporaryDirectory(prefix="loa-piper-") as scratch:
        return PiperVoice.load(model, config_path=config, download_dir=scratch)


def _speak(voice: Any, text: str, length_scale: float) -> bytes:
    from piper import SynthesisConfig

    config = SynthesisConfig(length_scale=length_scale)
    return b"".join(chunk.audio_int16_bytes for chunk in voice.synthesize(text, syn_config=config))


def check_voice(model: Path, config: Path) -> int:
    """Load a voice and speak one word; return its sample rate or raise `VoiceInvalid`."""
    try:
        voice = _load(model, config)
        samples = _speak(voice, "a", 1.0)
    except EngineUnavailable:
        raise
    except Exception as exc:  # onnxruntime and piper raise many kinds for a bad model
        raise VoiceInvalid(
            f"Không nạp được giọng Piper/VITS từ {model.name}: {exc}.",
            f"{model.name} does not load as a Piper/VITS voice: {exc}.",
        ) from exc
    if not samples:
        raise VoiceInvalid(
            f"Giọng {model.name} không tạo ra âm thanh.", f"Voice {model.name} produced no audio."
        )
    return int(voice.config.sample_rate)


class NeuralEngine:
    """Installed Piper voices; `VoiceSettings.neural_voice` names the voice."""

    name = "neural"

    def __init__(self, store: VoiceStore | None = None, settings: AudioSettings | None = None) -> None:
        self.settings = settings or get_audio_settings()
        self.store = store or VoiceStore(self.settings.voices_dir)
        self._loaded: dict[str, _Loaded] = {}
        self._lock = threading.Lock()

    def cache_identity(self, voice: VoiceSettings) -> str:
        """The voice's model (by hash) and the pace change the audio."""
        name = voice.neural_voice or ""
        try:
            digest = self.store.get(name).model_sha256[:16]
        except VoiceNotInstalled:
            digest = "missing"
        return f"neural/{name}/{digest}/{voice.rate}"

    def _voice(self, name: str) -> _Loaded:
        model = self.store.model_path(name)
        try:
            stat = model.stat()
        except OSError as exc:
            raise EngineUnavailable(
                f"Giọng nơ-ron '{name}' không có tệp mô hình ({exc.strerror}).",
                f"Neural voice '{name}' has no model file ({exc.strerror}).",
            ) from exc
        stamp = (stat.st_size, stat.st_mtime_ns)
        with self._lock:
            loaded = self._loaded.get(name)
            if loaded is None or loaded.stamp != stamp:
                try:
                    voice = _load(model, self.store.config_path(name))
                except EngineUnavailable:
                    raise
                except Exception as exc:
                    raise EngineUnavailable(
                        f"Không nạp được giọng nơ-ron '{name}': {exc}.", f"Cannot load neural voice '{name}': {exc}."
                    ) from exc
                loaded = _Loaded(stamp, voice, threading.Lock())
                self._loaded[name] = loaded
            return loaded

    def synthesize(self, text: str, voice: VoiceSettings, sample_rate: int) -> Pcm:
        """Speak `text` with the installed voice as mono PCM at `sample_rate`."""
        if not voice.neural_voice:
            raise EngineUnavailable(
                "Đài chưa chọn giọng nơ-ron.", "The station has not chosen a neural voice."
            )
        if not text.strip():
            return Pcm(b"", sample_rate)
        loaded = self._voice(voice.neural_voice)
        length_scale = min(2.0, max(0.5, _NATURAL_RATE / max(1, voice.rate)))
        with loaded.lock:
            try:
                samples = _speak(loaded.voice, text, length_scale)
            except Exception as exc:
                raise SynthesisFailed(
                    f"Giọng nơ-ron lỗi: {exc}.", f"The neural voice failed: {exc}."
                ) from exc
        rate = int(loaded.voice.config.sample_rate)
        return Pcm(resample_pcm(samples, rate, sample_rate, self.settings), sample_rate)
