"""Relay points download programmes whose audio is in S3 (moto's server on loopback), both ways
the admin can choose: through Loa (proxy) or straight from the store (presigned redirect)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
import pytest

from relay_agent.agent import Agent
from tests.fixtures.s3 import CREDENTIALS, S3Server
from tests.relays.live import CuttingProxy
from tests.relays.test_end_to_end import Live, agents, make_agent, now_clock, open_live  # noqa: F401

pytestmark = pytest.mark.slow


@dataclass
class S3Live:
    live: Live
    s3: S3Server
    bucket: str
    store_proxy: CuttingProxy  # the store's address for relay points


@pytest.fixture(scope="module")
def s3_live(tmp_path_factory: pytest.TempPathFactory, s3_server: S3Server) -> Iterator[S3Live]:
    bucket = s3_server.new_bucket()
    # Relay points reach the store through a proxy that can cut a download; presigned URLs are
    # signed for its address, as for a public name in front of MinIO.
    store_proxy = CuttingProxy(int(urlsplit(s3_server.endpoint).port or 0), audio_marker=f"/{bucket}/")
    env = {"LOA_STORAGE_URL": s3_server.storage_url(bucket) + f"&public_endpoint={store_proxy.url}", **CREDENTIALS}
    try:
        with open_live(tmp_path_factory.mktemp("relay-s3"), env) as live:
            yield S3Live(live, s3_server, bucket, store_proxy)
    finally:
        store_proxy.close()


def _synced_audio(agent: Agent) -> tuple[str, bytes]:
    """Sync; the programme's audio URL and the file the agent cached (checked against its sha256)."""
    assert agent.sync_once().ok
    programme = agent.syncer.schedule.programmes[0]  # type: ignore[union-attr]
    assert programme.audio is not None
    assert agent.cache.is_valid(programme.audio)
    data = agent.cache.path_for(programme.audio.sha256, programme.audio.suffix).read_bytes()
    assert hashlib.sha256(data).hexdigest() == programme.audio.sha256
    return programme.audio.url, data


def test_the_rendered_audio_is_in_the_bucket_not_on_disk(s3_live: S3Live) -> None:
    names = [o["Key"] for o in s3_live.s3.client().list_objects_v2(Bucket=s3_live.bucket)["Contents"]]
    assert any(name.endswith(".mp3") for name in names)
    assert all(name.startswith("audio/") for name in names)
    audio_dir = s3_live.live.server.data_dir / "audio"
    assert [p.name for p in audio_dir.rglob("*.mp3") if "s3-cache" not in p.parts] == []


def test_proxy_mode_streams_through_loa_and_resumes_a_cut_download(s3_live: S3Live, agents: list[Agent]) -> None:  # noqa: F811
    live = s3_live.live
    _, token = live.relay("Khu 1", "Cụm loa S3 qua Loa")
    clock = now_clock()
    agent = make_agent(live, agents, token, clock, name="s3-proxy", server=live.proxy.url)
    live.proxy.cut_next_audio_after(150_000)
    assert not agent.sync_once().ok
    clock.advance(agent.next_poll_delay())
    url, data = _synced_audio(agent)
    assert len(data) > 150_000
    audio_gets = [r for r in live.proxy.requests if "/relay/audio/" in r]
    assert "range=bytes=" in audio_gets[-1]
    answer = httpx.get(live.server.url + url, headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200
    assert answer.headers["ETag"] == f'"{url.rsplit("/", 1)[1].split(".")[0]}"'
    assert not [r for r in s3_live.store_proxy.requests if "X-Amz-Signature" in r]  # never from the store


def test_presigned_mode_redirects_to_the_store_without_the_token_and_resumes(
    s3_live: S3Live, agents: list[Agent]  # noqa: F811
) -> None:
    live, store = s3_live.live, s3_live.store_proxy
    _, token = live.relay("Khu 2", "Cụm loa S3 trực tiếp")
    _, other_token = live.relay("Khu 6", "Cụm loa Khu 6")
    live.server.stop()
    live.server.env["LOA_RELAY_DOWNLOADS"] = "presigned"
    live.server.start()
    try:
        schedule = httpx.get(live.server.url + "/api/v1/relay/schedule",
                             headers={"Authorization": f"Bearer {token}"}).json()
        url = schedule["programmes"][0]["audio_url"]
        assert url.startswith("/api/v1/relay/audio/")  # the schedule is the same in both modes
        answer = httpx.get(live.server.url + url, headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 302
        assert answer.headers["Location"].startswith(f"{store.url}/{s3_live.bucket}/audio/")
        assert "X-Amz-Signature=" in answer.headers["Location"]

        clock = now_clock()
        agent = make_agent(live, agents, token, clock, name="s3-presigned", server=live.proxy.url)
        store.cut_next_audio_after(150_000)
        assert not agent.sync_once().ok
        clock.advance(agent.next_poll_delay())
        _, data = _synced_audio(agent)
        from_store = [r for r in store.requests if f"/{s3_live.bucket}/" in r]
        assert len(from_store) == 2
        assert "range=bytes=" not in from_store[0]
        resumed_at = int(from_store[1].rsplit("range=bytes=", 1)[1].rstrip("-"))
        assert 0 < resumed_at < 150_000 < len(data)
        assert store.authorized == []  # the relay's token went to Loa only
        assert len([r for r in live.proxy.requests if "/relay/audio/" in r]) >= 2

        other = httpx.get(live.server.url + "/api/v1/relay/schedule",
                          headers={"Authorization": f"Bearer {other_token}"}).json()
        assert other["programmes"][0]["audio_url"] != url  # Khu 6 hears its own programme
        refused = httpx.get(live.server.url + url, headers={"Authorization": f"Bearer {other_token}"})
        assert refused.status_code == 403  # checked before any URL is signed
    finally:
        live.server.stop()
        live.server.env.pop("LOA_RELAY_DOWNLOADS")
        live.server.start()
