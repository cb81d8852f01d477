from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fixtures.icecast import Icecast, icecast_binary, running_icecast


@pytest.fixture
def icecast() -> Iterator[Icecast]:
    """A fresh Icecast on a free loopback port (never the system service)."""
    if icecast_binary() is None:
        pytest.fail("icecast2 is not installed: make test installs it, or run "
                    "`sudo DEBIAN_FRONTEND=noninteractive apt-get install -y icecast2`")
    with running_icecast() as server:
        yield server
