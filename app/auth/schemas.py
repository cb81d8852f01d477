from __future__ import annotations

from pydantic import Field

from app.fields import Line, Password
from app.schemas import Schema


class Token(Schema):
    access_token: str
    token_type: str = "bearer"


class PasswordChange(Schema):
    current_password: Line = Field(max_length=200)
    new_password: Password
