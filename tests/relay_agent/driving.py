"""Drive a relay agent on a fake clock, event to event, without sleeping."""

from __future__ import annotations

from datetime import datetime

from relay_agent.agent import Agent
from relay_agent.clock import FakeClock


def drive(agent: Agent, clock: FakeClock, until: datetime) -> None:
    """Run the agent's loop on the fake clock until `until`, jumping from event to event."""
    while True:
        if agent.poll_due():
            agent.sync_once()
        wake = agent.play_tick()
        left = (until - clock.now()).total_seconds()
        if left <= 0:
            return
        to_poll = (agent.next_poll_at - clock.now()).total_seconds()
        clock.advance(max(min(wake, to_poll, left), 0.001))
