from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import OAuth2PasswordRequestForm

from app.auth import service
from app.auth.exceptions import InvalidCredentials, TooManyLoginAttempts
from app.auth.schemas import PasswordChange, Token
from app.auth.security import create_access_token
from app.deps import CurrentUser, OrganisationWrites, SessionDep
from app.errors import responses
from app.users.schemas import UserRead

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])


def client_address(request: Request) -> str:
    return request.client.host if request.client else ""


@router.post("/token", response_model=Token, responses=responses(InvalidCredentials, TooManyLoginAttempts))
def login(
    request: Request,
    session: SessionDep,
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
) -> Token:
    """Sign in with username and password; answers a bearer token."""
    user = service.login_or_raise(session, form.username, form.password, client_address(request))
    return Token(access_token=create_access_token(user.id, user.session_epoch))


@router.get("/me", response_model=UserRead)
def me(user: CurrentUser) -> UserRead:
    """The signed-in user."""
    return UserRead.model_validate(user)


@router.post("/password", status_code=204, responses=responses(InvalidCredentials),
             dependencies=[OrganisationWrites])  # one's own password, whatever one's account
def change_password(body: PasswordChange, session: SessionDep, user: CurrentUser) -> Response:
    """Change the signed-in user's password."""
    service.change_password(session, user, body.current_password, body.new_password)
    return Response(status_code=204)
