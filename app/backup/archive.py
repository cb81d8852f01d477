"""The backup archive: one uncompressed tar (the audio is MP3 and WAV already; compressing it
costs CPU and saves nothing) holding `database/…`, `audio/…` and, last, `manifest.json` with the
size and sha256 of every other member. Reading checks every checksum before anything is used."""

from __future__ import annotations

import hashlib
import io
import json
import re
import tarfile
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

FORMAT = "loa-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
_CHUNK = 1024 * 1024
# A member's name: "database/<file>" or "audio/<safe parts>", nothing that could leave the target.
_SAFE_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")


class ArchiveError(Exception):
    """The archive cannot be restored; `message_vi` / `message_en` say why."""

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_vi, self.message_en = message_vi, message_en


@dataclass(frozen=True)
class Entry:
    path: str
    size: int
    sha256: str


@dataclass
class Manifest:
    loa_version: str
    alembic_revision: str | None
    created_at: str
    database: dict[str, str]  # {"kind": "sqlite" | "postgresql", "path": "database/…"}
    files: list[Entry] = field(default_factory=list)
    format: str = FORMAT
    format_version: int = FORMAT_VERSION

    @property
    def total_bytes(self) -> int:
        return sum(e.size for e in self.files)

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1).encode("utf-8")

    @staticmethod
    def from_json(data: bytes) -> Manifest:
        try:
            raw: dict[str, Any] = json.loads(data)
            if raw.get("format") != FORMAT:
                raise ValueError("format")
            files = [Entry(str(f["path"]), int(f["size"]), str(f["sha256"])) for f in raw.pop("files")]
            return Manifest(**raw, files=files)
        except (ValueError, TypeError, KeyError) as exc:
            raise ArchiveError("Tệp manifest.json của bản sao lưu bị hỏng.",
                               "The backup's manifest.json is damaged.") from exc


def is_safe_member_name(name: str) -> bool:
    """Under database/ or audio/, made of plain names (no absolute path, no '..')."""
    parts = PurePosixPath(name).parts
    return len(parts) >= 2 and parts[0] in ("database", "audio") and all(_SAFE_PART.match(p) for p in parts[1:])


def check_member_name(name: str) -> str:
    """Refuse absolute paths, '..', and anything outside database/ and audio/."""
    if not is_safe_member_name(name):
        raise ArchiveError(f"Bản sao lưu chứa một tệp lạ: {name!r}.", f"The backup holds an unexpected file: {name!r}.")
    return name


class _Hashing:
    """A reader that hashes what passes through it (tarfile reads exactly the member's size)."""

    def __init__(self, source: IO[bytes]) -> None:
        self.source, self.digest, self.size = source, hashlib.sha256(), 0

    def read(self, size: int = -1) -> bytes:
        data = self.source.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


class Writer:
    """Adds files, hashing them as they are written, then the manifest."""

    def __init__(self, target: IO[bytes]) -> None:
        self.tar = tarfile.open(fileobj=target, mode="w|", format=tarfile.PAX_FORMAT)
        self.entries: list[Entry] = []

    def add(self, name: str, source: Path) -> Entry:
        check_member_name(name)
        info = tarfile.TarInfo(name)
        with source.open("rb") as handle:
            info.size = Path(source).stat().st_size
            info.mode = 0o644
            hashing = _Hashing(handle)
            self.tar.addfile(info, hashing)
        entry = Entry(name, info.size, hashing.digest.hexdigest())
        self.entries.append(entry)
        return entry

    def finish(self, manifest: Manifest) -> None:
        manifest.files = list(self.entries)
        body = manifest.to_json()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mode = len(body), 0o644
        self.tar.addfile(info, io.BytesIO(body))
        self.tar.close()


def read_manifest(archive: Path) -> Manifest:
    """The manifest of `archive` (a first pass over the tar: it is the last member)."""
    try:
        with tarfile.open(archive, mode="r:") as tar:
            try:
                member = tar.getmember(MANIFEST)
            except KeyError as exc:
                raise ArchiveError("Đây không phải bản sao lưu của Loa (không có manifest.json).",
                                   "This is not a Loa backup (no manifest.json).") from exc
            handle = tar.extractfile(member)
            assert handle is not None
            return Manifest.from_json(handle.read())
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise ArchiveError(f"Không đọc được tệp sao lưu: {exc}.", f"Cannot read the backup file: {exc}.") from exc


def extract_verified(archive: Path, manifest: Manifest, staging: Path) -> list[tuple[Entry, Path]]:
    """Write every member named by the manifest under `staging`, checking its size and sha256;
    raises ArchiveError at the first file that differs, is missing, or was not in the manifest."""
    expected = {e.path: e for e in manifest.files}
    seen: set[str] = set()
    extracted: list[tuple[Entry, Path]] = []
    try:
        with tarfile.open(archive, mode="r:") as tar:
            for member in tar:
                if member.name == MANIFEST:
                    continue
                entry = expected.get(check_member_name(member.name))
                if entry is None or not member.isfile() or member.name in seen:
                    raise ArchiveError(f"Tệp {member.name} không có trong manifest.",
                                       f"{member.name} is not in the manifest.")
                source = tar.extractfile(member)
                assert source is not None
                target = staging / member.name
                target.parent.mkdir(parents=True, exist_ok=True)
                digest, size = hashlib.sha256(), 0
                with target.open("wb") as out:
                    for chunk in iter(lambda s=source: s.read(_CHUNK), b""):  # type: ignore[misc]
                        digest.update(chunk)
                        size += len(chunk)
                        out.write(chunk)
                if size != entry.size or digest.hexdigest() != entry.sha256:
                    raise ArchiveError(
                        f"Bản sao lưu bị hỏng: tệp {member.name} không khớp mã kiểm tra sha256. Không khôi phục gì.",
                        f"The backup is damaged: {member.name} does not match its sha256. Nothing was restored.")
                seen.add(member.name)
                extracted.append((entry, target))
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise ArchiveError(f"Bản sao lưu bị hỏng hoặc không đầy đủ: {exc}.",
                           f"The backup is damaged or incomplete: {exc}.") from exc
    missing = sorted(set(expected) - seen)
    if missing:
        raise ArchiveError(f"Bản sao lưu thiếu {len(missing)} tệp (vd. {missing[0]}).",
                           f"The backup lacks {len(missing)} files (e.g. {missing[0]}).")
    return extracted
