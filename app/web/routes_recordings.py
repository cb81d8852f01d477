"""Recordings from the browser: attach one to a script instead of speech, and the filler music pool."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/app", include_in_schema=False)
