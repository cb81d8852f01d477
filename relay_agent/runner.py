"""The real loop: sync in a background thread, play in the calling thread, until told to stop."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from relay_agent.agent import Agent

log = logging.getLogger("relay_agent.runner")


def run_agent(agent: Agent, stop: threading.Event, tick_seconds: float = 1.0) -> None:
    """Run `agent` until `stop` is set, then stop playback and flush the outbox once."""
    log.info(
        "Khởi động cụm loa: máy chủ %s, bộ nhớ đệm %s, trình phát %s (agent starting)",
        agent.config.server,
        agent.config.cache_dir,
        agent.player.name,
    )
    # Downloads can take minutes on a slow line; playback must never wait for them.
    syncing = threading.Thread(
        target=_sync_loop, args=(agent, stop, tick_seconds), name="relay-sync", daemon=True
    )
    syncing.start()
    try:
        while not stop.is_set():
            try:
                delay = agent.play_tick()
            except Exception:  # the loop must outlive any bug: silence is the worst outcome
                log.exception("Lỗi khi điều khiển phát (playback step failed)")
                delay = tick_seconds
            stop.wait(min(max(delay, 0.01), tick_seconds))
    finally:
        stop.set()
        agent.stop_playback()
        syncing.join(timeout=agent.config.timeout_seconds + 5)
        _final_delivery(agent)
        log.info("Đã dừng cụm loa (agent stopped)")


def _sync_loop(agent: Agent, stop: threading.Event, tick_seconds: float) -> None:
    while not stop.is_set():
        if agent.poll_due():
            try:
                agent.sync_once()
            except Exception:
                log.exception("Lỗi khi đồng bộ (sync step failed)")
                agent.next_poll_at = agent.clock.now() + timedelta(seconds=30)
        stop.wait(tick_seconds)


def _final_delivery(agent: Agent) -> None:
    try:
        agent.store.deliver(agent.client.post)
    except Exception as error:  # best effort: the outbox keeps it for the next start
        log.info("Chưa gửi được hết nhật ký, sẽ gửi lần sau (outbox kept): %s", error)
