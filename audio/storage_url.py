"""`LOA_STORAGE_URL` → a `Storage`: `file:///path` (local disk) or `s3://bucket/prefix?endpoint=…`.

S3 credentials come from the standard AWS sources (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY,
AWS_PROFILE, an instance role): never from the URL, which is shown in logs and on pages.
Query parameters of an s3:// URL:
  endpoint         the store's address for Loa (MinIO, Garage, Ceph); empty = AWS
  region           signing region (default us-east-1; Garage wants its own, e.g. "garage")
  public_endpoint  the address relay points reach the store at, if not `endpoint`
                   (presigned URLs are signed for it)
  addressing       "path" (default when an endpoint is given) or "virtual"
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from audio.config import AudioSettings
from audio.storage import LocalStorage, Storage

_S3_OPTIONS = {"endpoint", "region", "public_endpoint", "addressing"}


class BadStorageUrl(ValueError):
    """LOA_STORAGE_URL cannot be understood; the message says what to write instead."""


def open_storage(url: str | None, local_dir: Path, *, cache_bytes: int = 2 * 1024**3) -> Storage:
    """The storage `url` names; None or "" means local disk at `local_dir` (today's default).

    `local_dir` also holds the renderer's and the speech cache's indexes, temporary files
    and (for S3) the bounded cache of downloaded objects."""
    if not url:
        return LocalStorage(local_dir)
    parts = urlsplit(url)
    if parts.scheme == "file":
        if parts.netloc not in ("", "localhost") or not parts.path:
            raise BadStorageUrl(f"LOA_STORAGE_URL {url!r}: write file:///absolute/path")
        return LocalStorage(Path(unquote(parts.path)))
    if parts.scheme == "s3":
        return _s3(url, local_dir, cache_bytes)
    raise BadStorageUrl(f"LOA_STORAGE_URL {url!r}: use file:///path or s3://bucket/prefix?endpoint=http://host:9000")


def storage_for(settings: AudioSettings) -> Storage:
    """The store `settings.storage_url` names, with `settings.audio_dir` as its local folder."""
    return open_storage(settings.storage_url, settings.audio_dir, cache_bytes=settings.storage_cache_mb * 1024**2)


def _s3(url: str, local_dir: Path, cache_bytes: int) -> Storage:
    try:
        import boto3
        from botocore.config import Config
    except ImportError as exc:
        raise BadStorageUrl("LOA_STORAGE_URL is s3://…: install the S3 client with pip install 'loa[s3]'") from exc

    from audio.s3storage import S3Storage

    parts = urlsplit(url)
    if not parts.netloc or parts.username or parts.password:
        raise BadStorageUrl(
            f"LOA_STORAGE_URL {parts.scheme}://{parts.hostname or ''}…: write s3://bucket/prefix; "
            "credentials go in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, not in the URL")
    query = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    unknown = set(query) - _S3_OPTIONS
    if unknown:
        raise BadStorageUrl(f"LOA_STORAGE_URL: unknown option(s) {sorted(unknown)}; known: {sorted(_S3_OPTIONS)}")
    endpoint = query.get("endpoint") or None
    addressing = query.get("addressing", "path" if endpoint else "auto")
    if addressing not in ("path", "virtual", "auto"):
        raise BadStorageUrl("LOA_STORAGE_URL: addressing is path or virtual")
    config = Config(
        s3={"addressing_style": addressing}, signature_version="s3v4",
        retries={"mode": "standard", "max_attempts": 4}, connect_timeout=5, read_timeout=60,
        # Only the checksums S3 requires: stores other than AWS (older MinIO, Garage, Ceph)
        # refuse the newer default ones. Content-MD5 is sent and checked by every store.
        request_checksum_calculation="when_required", response_checksum_validation="when_required",
    )
    region = query.get("region") or "us-east-1"
    session = boto3.session.Session()
    client = session.client("s3", endpoint_url=endpoint, region_name=region, config=config)
    public = query.get("public_endpoint") or None
    signer = session.client("s3", endpoint_url=public, region_name=region, config=config) if public else None
    return S3Storage(client, parts.netloc, unquote(parts.path), local_dir, cache_bytes=cache_bytes,
                     signing_client=signer)
