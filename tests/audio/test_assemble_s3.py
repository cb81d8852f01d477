"""The renderer's own tests, run again with the audio in S3 (moto's server on loopback)."""

from __future__ import annotations

import pytest

from audio.s3storage import S3Storage
from audio.storage import Storage
from tests.audio.test_assemble import (  # noqa: F401  (collected here with the S3 `storage` below)
    material,
    test_changing_one_script_resynthesizes_and_reencodes_only_it,
    test_programme_is_exactly_the_slot_and_cue_sheets_agree_with_the_files,
)


@pytest.fixture
def storage(s3_storage: S3Storage) -> Storage:
    return s3_storage


def test_the_files_are_in_the_bucket_not_on_local_disk(storage: Storage, material: tuple[str, str]) -> None:  # noqa: F811
    assert isinstance(storage, S3Storage)
    assert set(material) <= set(storage.keys())
    on_disk = {p.name for p in storage.root.rglob("*") if p.is_file() and "s3-cache" not in p.parts}
    assert not on_disk & set(material)
