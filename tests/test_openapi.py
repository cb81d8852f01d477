"""The OpenAPI document says what the application answers: clients generated from it must work."""

from __future__ import annotations

import pytest

from tests.fixtures.builders import auth

METHODS = ("get", "post", "put", "patch", "delete")


@pytest.fixture
def document(client):
    return client.get("/openapi.json").json()


def _operations(document):
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                yield f"{method.upper()} {path}", item[method]


def test_every_error_answer_is_documented_in_the_one_error_shape(document):
    assert "HTTPValidationError" not in document["components"]["schemas"]
    for name, operation in _operations(document):
        for status, answer in operation["responses"].items():
            if status.startswith(("4", "5")):
                schema = answer["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorBody"}, (name, status)


def test_every_operation_with_a_body_documents_what_a_bad_body_gets(document):
    for name, operation in _operations(document):
        if "requestBody" in operation:
            assert {"400", "413", "422"} <= set(operation["responses"]), name
        if operation.get("security"):
            assert "401" in operation["responses"], name


def test_the_422_body_is_what_the_document_says(client, world, document):
    r = client.post("/api/v1/scripts", headers=auth(world.users["officer"]), json={"title": ""})
    assert r.status_code == 422
    shape = document["components"]["schemas"]["ErrorBody"]
    assert set(r.json()) <= set(shape["properties"])
    assert set(shape["required"]) <= set(r.json())


@pytest.mark.parametrize(("method", "path", "allowed"), [
    ("OPTIONS", "/api/v1/scripts", "GET, POST"),
    ("DELETE", "/api/v1/scripts/1", "GET, PATCH"),
    ("PUT", "/api/v1/users/1", "GET, PATCH"),
])
def test_405_names_every_method_the_path_takes(client, method, path, allowed):
    r = client.request(method, path)
    assert r.status_code == 405
    assert r.headers["allow"] == allowed
    assert r.json()["error"] == "MethodNotAllowed"


def test_ids_are_documented_with_their_bounds(document):
    from app.fields import MAX_ID

    for name, operation in _operations(document):
        for parameter in operation.get("parameters", []):
            if parameter["name"].endswith("_id") and parameter["in"] == "path":
                schema = parameter["schema"]
                assert (schema["minimum"], schema["maximum"]) == (1, MAX_ID), name
