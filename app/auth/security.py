"""Password hashing, access tokens and relay tokens."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from functools import lru_cache

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.config import get_settings

_ALGORITHM = "HS256"


@lru_cache
def _hasher() -> PasswordHasher:
    settings = get_settings()
    return PasswordHasher(time_cost=settings.password_time_cost,
                          memory_cost=settings.password_memory_kib)


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@lru_cache
def _dummy_hash() -> str:
    return hash_password("loa-dummy-password")


def burn_verification_time(password: str) -> None:
    """Verify against a dummy hash, so an unknown user costs as long as a wrong password."""
    verify_password(password, _dummy_hash())


def create_access_token(user_id: int, epoch: int, *, now: datetime | None = None) -> str:
    """A bearer token for this user, valid until it expires or the user's session epoch moves on."""
    settings = get_settings()
    issued = now or datetime.now(UTC)
    payload = {
        "sub": str(user_id),
        "ep": epoch,
        "iat": int(issued.timestamp()),
        "exp": int((issued + timedelta(minutes=settings.access_token_minutes)).timestamp()),
    }
    return jwt.encode(payload, settings.secret_key, algorithm=_ALGORITHM)


def decode_access_token(token: str) -> tuple[int, int] | None:
    """The user id and session epoch in a valid, unexpired token, else None."""
    try:
        payload = jwt.decode(token, get_settings().secret_key, algorithms=[_ALGORITHM])
        epoch = payload["ep"]
        if not isinstance(epoch, int):
            return None
        return int(payload["sub"]), epoch
    except (jwt.PyJWTError, KeyError, ValueError, TypeError):
        return None


def new_relay_token() -> str:
    return "loa_relay_" + secrets.token_urlsafe(32)


def hash_relay_token(token: str) -> str:
    """Relay tokens are long random strings: one SHA-256 is enough, and lookups stay O(1)."""
    return hashlib.sha256(token.encode()).hexdigest()


def generate_password() -> str:
    return secrets.token_urlsafe(12)
