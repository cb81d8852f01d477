"""The base of every API schema."""

from __future__ import annotations

from functools import cache
from typing import Any, get_args

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError


@cache
def _takes_bool(annotation: Any) -> bool:
    """Whether a field's type accepts true/false (bool, or any type that is not a number)."""
    if annotation is bool:
        return True
    if annotation in (int, float):
        return False
    args = get_args(annotation)
    return not args or any(_takes_bool(a) for a in args if not isinstance(a, str) and a is not type(None))


class Schema(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    @field_validator("*", mode="before")
    @classmethod
    def _true_is_no_number(cls, value: Any, info: ValidationInfo) -> Any:
        # pydantic would take true for 1 and false for 0 in a number field
        if isinstance(value, bool) and info.field_name:
            annotation: Any = cls.model_fields[info.field_name].annotation
            if not _takes_bool(annotation):
                raise PydanticCustomError("number_not_bool",
                                          "hãy gửi một số, không phải true/false (a number, not true/false)")
        return value
