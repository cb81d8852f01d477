from __future__ import annotations

from pydantic import Field

from app.schemas import Schema


class Token(Schema):
    access_token: str
    token_type: str = "bearer"


class PasswordChange(Schema):
    current_password: str
    new_password: str = Field(min_length=1, max_length=200)
