"""The OpenAPI document, made to say what the application answers.

FastAPI documents its own 422 body (`HTTPValidationError`), but Loa answers every error in
one shape (`ErrorBody`, app/errors.py); and some answers come from the framework for any route
(a body that is not JSON, a body too large, no or a bad token). Routes list their own errors
in `responses=`; this adds the ones every route of a kind can give."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

ERROR_REF = "#/components/schemas/ErrorBody"
_FASTAPI_422 = "#/components/schemas/HTTPValidationError"
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")

_COMMON: dict[str, str] = {
    "400": "InvalidBody: the body is not JSON or form data in UTF-8",
    "401": "NotAuthenticated: no token, or an expired or revoked one",
    "413": "PayloadTooLarge: the body is larger than the server accepts",
    "422": "ValidationError: a field is missing or invalid; detail names it",
    "503": "ServerBusy: the server is at capacity; retry after Retry-After seconds",
    "507": "StorageFull: the server's disk is full; nothing sent was wrong",
}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": ERROR_REF}}}}


def _document(method: str, operation: dict[str, Any]) -> None:
    responses: dict[str, Any] = operation.setdefault("responses", {})
    applies = {
        "503": True,
        "507": method != "get",
        "400": "requestBody" in operation,
        "413": "requestBody" in operation,
        "401": bool(operation.get("security")),
        "422": "requestBody" in operation or bool(operation.get("parameters")) or "422" in responses,
    }
    for status, needed in applies.items():
        if not needed:
            continue
        entry = responses.get(status)
        if entry is None:
            responses[status] = _error(_COMMON[status])
        elif status == "422":  # FastAPI's own entry, with its body schema: ours replaces it
            responses[status] = _error(_COMMON[status])


def document(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document of `app`, with the common errors and the one error shape."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, summary=app.summary,
                         description=app.description, routes=app.routes)
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    if "ErrorBody" not in components:
        from app.errors import ErrorBody

        components["ErrorBody"] = ErrorBody.model_json_schema(ref_template="#/components/schemas/{model}")
    for path_item in schema.get("paths", {}).values():
        for method in _METHODS:
            if method in path_item:
                _document(method, path_item[method])
    if _FASTAPI_422 not in str(schema["paths"]):  # every 422 now names ErrorBody
        components.pop("HTTPValidationError", None)
        components.pop("ValidationError", None)
    app.openapi_schema = schema
    return schema


def install_openapi(app: FastAPI) -> None:
    app.openapi = lambda: document(app)  # type: ignore[method-assign]
