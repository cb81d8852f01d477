"""Installed local neural voices (Piper/VITS in ONNX form) in Loa's data directory.

A voice is installed from files the station already has — the ONNX model, its Piper JSON
config and its licence/attribution text — and is checked by loading it and speaking a word.
Nothing is ever downloaded. Each voice lives in `<root>/<name>/` as `model.onnx`,
`model.onnx.json`, the licence files as given, and `voice.json` (what Loa shows about it).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from audio.errors import AudioError

MODEL_FILE = "model.onnx"
CONFIG_FILE = "model.onnx.json"
INFO_FILE = "voice.json"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_LICENCE_NAMES = re.compile(r"^(model_card|licen[cs]e|copying|attribution|readme|notice)", re.IGNORECASE)
_LICENCE_SUFFIXES = {"", ".txt", ".md"}
# Known licence names as they appear in Piper model cards and licence files.
_LICENCE_PATTERNS = [
    (re.compile(r"\bCC[- ]?BY[- ]?SA[- ]?4\.0\b", re.IGNORECASE), "CC BY-SA 4.0"),
    (re.compile(r"\bCC[- ]?BY[- ]?4\.0\b|Creative Commons Attribution 4\.0", re.IGNORECASE), "CC BY 4.0"),
    (re.compile(r"\bCC0\b|public domain", re.IGNORECASE), "CC0"),
    (re.compile(r"\bMIT\b"), "MIT"),
    (re.compile(r"\bApache[- ]?(License[, ]*)?(Version )?2\.0\b", re.IGNORECASE), "Apache-2.0"),
]
_MAX_ATTRIBUTION = 600


class VoiceInvalid(AudioError):
    message_vi = "Giọng đọc không hợp lệ."
    message_en = "The voice is not valid."


class VoiceNotInstalled(AudioError):
    message_vi = "Chưa cài giọng đọc này."
    message_en = "This voice is not installed."


@dataclass(frozen=True)
class VoiceFiles:
    """The files of one voice as the station has them."""

    model: Path
    config: Path
    licences: tuple[Path, ...]


@dataclass(frozen=True)
class InstalledVoice:
    """What Loa shows about an installed voice, wherever the voice is named."""

    name: str
    language: str
    sample_rate: int
    licence: str
    attribution: str
    model_sha256: str
    model_bytes: int

    @property
    def label(self) -> str:
        """The voice's name with the credit its licence asks for."""
        return f"{self.name} ({self.licence}; {self.attribution})"


def find_voice_files(*paths: Path) -> VoiceFiles:
    """The model, config and licence files among `paths` (a voice directory or its files)."""
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            raise VoiceInvalid(f"Không tìm thấy '{path}'.", f"'{path}' does not exist.")
    models = [f for f in files if f.suffix == ".onnx"]
    if len(models) != 1:
        found = ", ".join(f.name for f in models) or "none"
        raise VoiceInvalid(
            f"Cần đúng một tệp mô hình .onnx (tìm thấy: {found}).",
            f"Exactly one .onnx model file is needed (found: {found}).",
        )
    model = models[0]
    configs = [f for f in files if f.name in (f"{model.name}.json", "config.json")]
    if not configs:
        sibling = model.with_name(f"{model.name}.json")
        configs = [sibling] if sibling.is_file() else []
    if not configs:
        raise VoiceInvalid(
            f"Thiếu tệp cấu hình {model.name}.json của giọng đọc.",
            f"The voice's config file {model.name}.json is missing.",
        )
    licences = tuple(
        f for f in files if _LICENCE_NAMES.match(f.name) and f.suffix.lower() in _LICENCE_SUFFIXES
    )
    if not licences:
        raise VoiceInvalid(
            "Thiếu tệp giấy phép/ghi công (LICENSE, MODEL_CARD hoặc ATTRIBUTION) của giọng đọc.",
            "The voice's licence/attribution file (LICENSE, MODEL_CARD or ATTRIBUTION) is missing.",
        )
    return VoiceFiles(model, configs[0], licences)


def read_piper_config(path: Path) -> dict[str, object]:
    """The Piper JSON config, checked for what synthesis needs."""
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise VoiceInvalid(
            f"Tệp cấu hình {path.name} không đọc được: {exc}.", f"Cannot read config {path.name}: {exc}."
        ) from exc
    audio = config.get("audio") if isinstance(config, dict) else None
    if (
        not isinstance(audio, dict)
        or not isinstance(audio.get("sample_rate"), int)
        or not isinstance(config.get("phoneme_id_map"), dict)
    ):
        raise VoiceInvalid(
            f"{path.name} không phải cấu hình giọng Piper/VITS (thiếu audio.sample_rate hoặc phoneme_id_map).",
            f"{path.name} is not a Piper/VITS voice config (no audio.sample_rate or phoneme_id_map).",
        )
    return dict(config)


def _language(config: dict[str, object]) -> str:
    language = config.get("language")
    if isinstance(language, dict) and isinstance(language.get("code"), str):
        return str(language["code"])
    espeak = config.get("espeak")
    if isinstance(espeak, dict) and isinstance(espeak.get("voice"), str):
        return str(espeak["voice"])
    return "?"


def _licence_and_attribution(texts: Sequence[str]) -> tuple[str, str]:
    joined = "\n".join(texts)
    names: list[str] = []
    for pattern, name in _LICENCE_PATTERNS:
        if pattern.search(joined) and name not in names and not (name == "CC BY 4.0" and "CC BY-SA 4.0" in names):
            names.append(name)
    lines = [line.strip(" #*-\t") for line in joined.splitlines()]
    attribution = " · ".join(line for line in lines if line)
    if len(attribution) > _MAX_ATTRIBUTION:
        attribution = attribution[: _MAX_ATTRIBUTION - 1] + "…"
    return (", ".join(names) or "see attribution"), attribution


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class VoiceStore:
    """The voices installed under `root` (Loa's `data/voices`)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def list(self) -> list[InstalledVoice]:
        """Every installed voice, by name."""
        if not self.root.is_dir():
            return []
        voices = []
        for folder in sorted(self.root.iterdir()):
            info = folder / INFO_FILE
            if folder.is_dir() and info.is_file():
                try:
                    voices.append(InstalledVoice(**json.loads(info.read_text(encoding="utf-8"))))
                except (ValueError, TypeError):
                    continue
        return voices

    def get(self, name: str) -> InstalledVoice:
        """The installed voice called `name`."""
        for voice in self.list():
            if voice.name == name:
                return voice
        raise VoiceNotInstalled(f"Chưa cài giọng đọc '{name}'.", f"Voice '{name}' is not installed.")

    def model_path(self, name: str) -> Path:
        return self.root / name / MODEL_FILE

    def config_path(self, name: str) -> Path:
        return self.root / name / CONFIG_FILE

    def add(
        self,
        files: VoiceFiles,
        *,
        name: str | None = None,
        licence: str | None = None,
        attribution: str | None = None,
        replace: bool = False,
    ) -> InstalledVoice:
        """Check that `files` load and speak as a Piper voice, then install them as `name`."""
        name = name or files.model.name.removesuffix(".onnx")
        if not _NAME.match(name):
            raise VoiceInvalid(
                f"Tên giọng '{name}' không hợp lệ: chỉ chữ, số, '_', '-', '.' (tối đa 64 ký tự).",
                f"Invalid voice name '{name}': letters, digits, '_', '-', '.' only (64 at most).",
            )
        target = self.root / name
        if target.exists() and not replace:
            raise VoiceInvalid(
                f"Giọng '{name}' đã được cài; gỡ nó trước hoặc chọn tên khác.",
                f"Voice '{name}' is already installed; remove it first or choose another name.",
            )
        config = read_piper_config(files.config)
        texts = [p.read_text(encoding="utf-8", errors="replace") for p in files.licences]
        found_licence, found_attribution = _licence_and_attribution(texts)
        self.root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".adding-{name}-", dir=self.root))
        try:
            shutil.copyfile(files.model, staging / MODEL_FILE)
            shutil.copyfile(files.config, staging / CONFIG_FILE)
            for path in files.licences:
                shutil.copyfile(path, staging / path.name)
            from audio.tts.neural import check_voice

            sample_rate = check_voice(staging / MODEL_FILE, staging / CONFIG_FILE)
            voice = InstalledVoice(
                name=name,
                language=_language(config),
                sample_rate=sample_rate,
                licence=licence or found_licence,
                attribution=attribution or found_attribution,
                model_sha256=_sha256(staging / MODEL_FILE),
                model_bytes=(staging / MODEL_FILE).stat().st_size,
            )
            (staging / INFO_FILE).write_text(json.dumps(asdict(voice), ensure_ascii=False, indent=1), "utf-8")
            if target.exists():
                shutil.rmtree(target)
            staging.rename(target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return voice

    def remove(self, name: str) -> InstalledVoice:
        """Uninstall `name` (its files are deleted)."""
        voice = self.get(name)
        shutil.rmtree(self.root / voice.name)
        return voice
