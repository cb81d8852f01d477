from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field

from app.schemas import Schema


class AuditEventRead(Schema):
    id: int
    at: datetime
    actor_id: int | None
    actor_name: str
    action: str
    entity_type: str
    entity_id: int | None
    station_id: int | None
    client_address: str = Field(default="", description="where a failed sign-in came from (admins only)")
    changes: dict[str, Any]
