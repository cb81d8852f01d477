from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, UploadFile

from app.deps import require_roles
from app.errors import Forbidden, NotAuthenticated, PayloadTooLarge, responses
from app.letters import service
from app.letters.exceptions import ScannedLetter, UnreadableLetter, UnsupportedLetter
from app.letters.schemas import LetterDraft
from app.models import Role, User
from app.text import upload_filename

router = APIRouter(prefix="/api/v1", tags=["letters"])
Author = Annotated[User, Depends(require_roles(Role.officer, Role.editor))]


# The path ends in /letters on purpose: the body size limit (app/limits.py) lets uploads through there.
@router.post("/letters", response_model=LetterDraft,
             responses=responses(NotAuthenticated, Forbidden, UnsupportedLetter, UnreadableLetter,
                                 ScannedLetter, PayloadTooLarge))
def read_letter(user: Author,  # noqa: ARG001 -- only authors may use it
                file: Annotated[UploadFile, File(description=".docx or .pdf official letter, at most 10 MB")],
                ) -> LetterDraft:
    """Read an official letter (.docx or .pdf) into a script draft: title, body, number and date.
    Nothing is saved: post the draft to /api/v1/scripts with a topic."""
    return service.read_upload(upload_filename(file.filename), file.file)
