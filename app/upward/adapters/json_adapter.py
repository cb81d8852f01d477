"""The default format: the summary as JSON, the same field names as the upward API."""

from __future__ import annotations

from app.upward.summary import DaySummary


class JsonAdapter:
    name = "json"
    content_type = "application/json"

    def encode(self, summary: DaySummary) -> bytes:
        return summary.model_dump_json().encode()
