"""The applications API is described in the OpenAPI schema without warnings."""

import pytest
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from rest_framework.routers import DefaultRouter

from oipa.assistance.api import ApplicationViewSet


@pytest.fixture
def schema():
    router = DefaultRouter()
    router.register("applications", ApplicationViewSet, basename="application")
    GENERATOR_STATS.reset()
    generated = SchemaGenerator(patterns=router.urls).get_schema(request=None, public=True)
    yield generated
    GENERATOR_STATS.reset()


def test_the_schema_is_valid_and_generated_without_warnings(schema):
    validate_schema(schema)
    assert not GENERATOR_STATS._warn_cache
    assert not GENERATOR_STATS._error_cache


def test_every_action_is_in_the_schema(schema):
    paths = schema["paths"]
    assert set(paths["/applications/"]) == {"get", "post"}
    assert set(paths["/applications/{code}/"]) == {"get", "patch"}
    for action in ("submit", "accept", "decline", "request_info", "conclude", "close", "reopen"):
        assert "post" in paths[f"/applications/{{code}}/{action}/"]
    assert set(paths["/applications/{code}/files/"]) == {"get", "post"}
    upload = paths["/applications/{code}/files/"]["post"]["requestBody"]["content"]
    assert "multipart/form-data" in upload


def test_the_create_operation_documents_the_idempotency_key(schema):
    parameters = schema["paths"]["/applications/"]["post"]["parameters"]
    assert {"in": "header", "name": "Idempotency-Key"}.items() <= parameters[0].items()
