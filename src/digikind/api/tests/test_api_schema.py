"""Schemathesis over the API's whole OpenAPI schema: for generated requests to every
operation, with a read-and-write token, no server error and every documented answer matches
the schema. Examples are few per operation so the suite stays quick."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from digikind.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
# Generated files are not policies; the upload is tested in test_api_policy_checks.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def secret(db, settings_fixture):
    from digikind.api import services
    from digikind.gaps import services as gaps
    from digikind.orgs import services as orgs
    from digikind.register import services as register

    organisation = orgs.create_organisation("Schema Club")
    register.create_channel(
        organisation,
        {"platform": "whatsapp", "account_name": "Club phone", "purpose": "service_delivery"},
        by=None,
    )
    gaps.create_action(
        organisation, {"topic": "training", "title": "Train", "owner": "A"}, gap_key="", by=None
    )
    return services.create_token(organisation, "Schemathesis", "write", by=None)[1]


@pytest.fixture(autouse=True)
def keep_the_test_database_open():
    """Django's test client stops each request closing the database connection; calling the
    WSGI application directly must do the same, or the test's transaction is lost."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def settings_fixture(settings):
    settings.API_REQUESTS_PER_MINUTE = 100_000
    return settings


@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_matches_its_schema(case, secret):
    # Uncompressed: the WSGI call hands back the bytes as sent, and gzip is the transport's
    # business (every HTTP client undoes it), not the schema's.
    headers = {"Authorization": f"Bearer {secret}", "Accept-Encoding": "identity"}
    case.call_and_validate(headers=headers, checks=CHECKS)
