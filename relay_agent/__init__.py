"""Loa reference relay agent: syncs a relay point's programmes, caches them, plays them on time.

Standard library and httpx only: it runs on a small box next to the amplifier with nothing else
of Loa installed, so it must never import `app/`, `audio/` or `scheduler/`.
"""

__version__ = "0.1.0"
