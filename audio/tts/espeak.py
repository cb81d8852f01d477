"""Offline speech with eSpeak NG: the system `espeak-ng` binary, else the wheel's library.

The library is driven through ctypes in synchronous mode with a callback that collects
samples. eSpeak keeps global state and is not thread-safe, so every call holds one lock.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from audio.config import AudioSettings, get_audio_settings
from audio.ffmpeg import resample_pcm
from audio.pcm import Pcm, from_wav_bytes
from audio.tts.engine import EngineUnavailable, SynthesisFailed, VoiceSettings

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_POS_CHARACTER = 1
_ESPEAK_CHARS_UTF8 = 1
_ESPEAK_RATE = 1
_ESPEAK_VOLUME = 2
_ESPEAK_PITCH = 3
_ESPEAK_WORDGAP = 7
# eSpeak's default amplitude (100) hard-clips loud vowels at 0 dBFS; synthesize quieter and
# let loudness matching bring the level up without the distortion.
_VOLUME = 60
_BUFFER_MS = 1000

_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)


class _EspeakLibrary:
    """The process-wide eSpeak NG library (initialized once, used under a lock)."""

    lock = threading.Lock()

    def __init__(self) -> None:
        try:
            import espeakng_loader

            self.lib = ctypes.CDLL(str(espeakng_loader.get_library_path()))
            data_path = str(espeakng_loader.get_data_path()).encode()
        except (ImportError, OSError) as exc:
            raise EngineUnavailable(
                f"Không nạp được thư viện eSpeak NG: {exc}.", f"Cannot load eSpeak NG: {exc}."
            ) from exc
        lib = self.lib
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_SetSynthCallback.argtypes = [_CALLBACK]
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetVoiceByName.restype = ctypes.c_int
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_SetParameter.restype = ctypes.c_int
        lib.espeak_Synth.argtypes = [
            ctypes.c_void_p,
            ctypes.c_size_t,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.POINTER(ctypes.c_uint),
            ctypes.c_void_p,
        ]
        lib.espeak_Synth.restype = ctypes.c_int
        self.sample_rate = lib.espeak_Initialize(
            _AUDIO_OUTPUT_SYNCHRONOUS, _BUFFER_MS, data_path, 0
        )
        if self.sample_rate <= 0:
            raise EngineUnavailable("Không khởi động được eSpeak NG.", "eSpeak NG did not start.")
        self._chunks: list[bytes] = []
        self._callback = _CALLBACK(self._collect)  # kept referenced: C holds the pointer
        lib.espeak_SetSynthCallback(self._callback)

    def _collect(self, wav: ctypes._Pointer[ctypes.c_short], count: int, _events: int) -> int:
        if count > 0:
            self._chunks.append(ctypes.string_at(wav, count * 2))
        return 0

    def speak(self, text: str, voice: VoiceSettings) -> bytes:
        """Synthesize `text`; return s16le samples at `self.sample_rate`."""
        encoded = text.encode("utf-8")
        with self.lock:
            if self.lib.espeak_SetVoiceByName(voice.voice.encode()) != 0:
                raise SynthesisFailed(
                    f"eSpeak NG không có giọng '{voice.voice}'.",
                    f"eSpeak NG has no voice '{voice.voice}'.",
                )
            self.lib.espeak_SetParameter(_ESPEAK_RATE, voice.rate, 0)
            self.lib.espeak_SetParameter(_ESPEAK_PITCH, voice.pitch, 0)
            self.lib.espeak_SetParameter(_ESPEAK_VOLUME, _VOLUME, 0)
            self.lib.espeak_SetParameter(_ESPEAK_WORDGAP, voice.word_gap, 0)
            self._chunks = []
            status = self.lib.espeak_Synth(
                encoded, len(encoded) + 1, 0, _POS_CHARACTER, 0, _ESPEAK_CHARS_UTF8, None, None
            )
            samples = b"".join(self._chunks)
            self._chunks = []
        if status != 0:
            raise SynthesisFailed(
                f"eSpeak NG báo lỗi {status}.", f"eSpeak NG returned error {status}."
            )
        return samples


_library: _EspeakLibrary | None = None
_library_lock = threading.Lock()


def espeak_library() -> _EspeakLibrary:
    """The shared eSpeak NG library instance (loaded on first use)."""
    global _library
    with _library_lock:
        if _library is None:
            _library = _EspeakLibrary()
        return _library


def find_espeak_binary(settings: AudioSettings) -> str | None:
    """The configured or system `espeak-ng` binary, if any."""
    if settings.espeak_path:
        return shutil.which(settings.espeak_path)
    return shutil.which("espeak-ng")


class EspeakEngine:
    """eSpeak NG, offline: Vietnamese voices `vi`, `vi-VN-x-central`, `vi-VN-x-south`."""

    name = "espeak"

    def __init__(self, settings: AudioSettings | None = None) -> None:
        self.settings = settings or get_audio_settings()
        backend = self.settings.espeak_backend
        binary = find_espeak_binary(self.settings) if backend != "library" else None
        if backend == "binary" and binary is None:
            raise EngineUnavailable(
                "Không tìm thấy chương trình espeak-ng.", "The espeak-ng binary was not found."
            )
        self.binary = binary
        self.backend = "binary" if binary else "library"

    def cache_identity(self, voice: VoiceSettings) -> str:
        """Voice, rate, pitch and word gap change eSpeak's audio."""
        # No gap keeps the key it had before word gaps existed, so old cache entries stay valid.
        gap = f"/g{voice.word_gap}" if voice.word_gap else ""
        return f"espeak/{voice.voice}/{voice.rate}/{voice.pitch}/v{_VOLUME}{gap}"

    def synthesize(self, text: str, voice: VoiceSettings, sample_rate: int) -> Pcm:
        """Speak `text` as mono PCM at `sample_rate`."""
        if not text.strip():
            return Pcm(b"", sample_rate)
        if self.binary is not None:
            pcm = self._run_binary(self.binary, text, voice)
        else:
            library = espeak_library()
            pcm = Pcm(library.speak(text, voice), library.sample_rate)
        samples = resample_pcm(pcm.samples, pcm.sample_rate, sample_rate, self.settings)
        return Pcm(samples, sample_rate)

    def _run_binary(self, binary: str, text: str, voice: VoiceSettings) -> Pcm:
        with tempfile.TemporaryDirectory(prefix="loa-espeak-") as folder:
            wav = Path(folder) / "speech.wav"
            command = [
                binary,
                "-v",
                voice.voice,
                "-s",
                str(voice.rate),
                "-p",
                str(voice.pitch),
                "-g",
                str(voice.word_gap),
                "-a",
                str(_VOLUME * 2),
                "-w",
                str(wav),
                "--",
                text,
            ]
            try:
                subprocess.run(
                    command,
                    capture_output=True,
                    check=True,
                    timeout=120,
                    env={**os.environ, "LC_ALL": "C.UTF-8"},
                )
            except (OSError, subprocess.SubprocessError) as exc:
                raise SynthesisFailed(
                    f"espeak-ng không chạy được: {exc}.", f"espeak-ng failed: {exc}."
                ) from exc
            return from_wav_bytes(wav.read_bytes())
