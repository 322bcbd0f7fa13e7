"""Configuration from the environment (COUNTERCLAIM_*), validated once at start."""

from __future__ import annotations

import re
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit, urlunsplit

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict, SettingsError

ENV_PREFIX = "COUNTERCLAIM_"


class PayloadFormat(StrEnum):
    NATIVE = "native"
    CLOUDEVENTS = "cloudevents"
    ALERTMANAGER = "alertmanager"


class WebhookReceiver(BaseModel):
    """One webhook subscriber."""

    model_config = ConfigDict(frozen=True)

    url: AnyHttpUrl
    name: str | None = None
    secret: str | None = Field(default=None, repr=False)
    timeout_s: float = Field(default=5.0, gt=0, le=120)
    format: PayloadFormat = PayloadFormat.NATIVE
    updates: bool = Field(default=True, description="False: only the first version of an alert")
    max_attempts: int = Field(default=6, ge=1, le=50)
    deadline_s: float = Field(default=120.0, gt=0)
    backoff_base_s: float = Field(default=0.5, gt=0, description="First retry waits up to this")
    backoff_max_s: float = Field(default=30.0, gt=0, description="Cap on one backoff wait")
    max_in_flight: int = Field(
        default=8, ge=1, le=256, description="Alert versions being delivered at once"
    )
    backfill: bool = Field(
        default=True,
        description="A receiver new to this app first gets the alerts still on the topic",
    )

    @property
    def label(self) -> str:
        """What metrics, logs and dead letters call this receiver: its name, else its URL
        without user info, query string or fragment, where tokens usually travel."""
        return self.name or redacted_url(str(self.url))


def redacted_url(url: str) -> str:
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


class Settings(BaseSettings):
    """Every setting, read from COUNTERCLAIM_* variables once, by the composition root."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, frozen=True, extra="ignore")

    kafka_bootstrap: str = Field(
        default="127.0.0.1:9092", description="host:port[,host:port...] of the Kafka brokers"
    )
    app_id: str = Field(default="counterclaim", pattern=r"^[A-Za-z0-9._-]+$")
    topic_articles: str = "counterclaim.articles"
    topic_events: str = "counterclaim.events"
    topic_alerts: str = "counterclaim.alerts"
    topic_dead_letters: str = "counterclaim.dead-letters"
    partitions: int = Field(default=3, ge=1, le=1024)
    replication_factor: int = Field(default=1, ge=1, le=16)
    correlation_window_days: int = Field(default=7, ge=0, le=365)
    retention_days: int = Field(
        default=60, ge=1, le=3650, description="Incidents older than this (event time) are pruned"
    )
    state_claimants: bool = Field(
        default=False, description="Also alert when a state's claim is denied by another state"
    )
    webhook_urls: Annotated[list[AnyHttpUrl], NoDecode] = Field(default_factory=list)
    webhooks: list[WebhookReceiver] = Field(default_factory=list)
    metrics_host: str = "0.0.0.0"
    metrics_port: int = Field(default=9108, ge=0, le=65535)
    web_port: int = Field(default=6066, ge=0, le=65535)
    data_dir: str | None = Field(
        default=None,
        description="Faust's data directory; default <temp dir>/counterclaim/<app_id>, never the"
                    " working directory (state lives in Kafka, the store is memory)",
    )
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    log_format: Literal["auto", "json", "console"] = "auto"
    feeds: str | None = Field(
        default=None, description="`counterclaim ingest`: path of the feeds file (YAML)"
    )
    broker_session_timeout_s: float = Field(default=10.0, gt=0)
    broker_heartbeat_interval_s: float = Field(default=2.0, gt=0)
    broker_rebalance_timeout_s: float = Field(default=10.0, gt=0)
    # Bounds that keep every record well under the broker's 1 MB message limit.
    max_article_bytes: int = Field(
        default=262_144, ge=1_024, le=900_000,
        description="Larger article records are dead-lettered (clipped) without being read",
    )
    max_state_bytes: int = Field(
        default=600_000, ge=10_000, le=900_000,
        description="Correlation state per country, as JSON: oldest statements go first",
    )
    max_state_events: int = Field(default=2_000, ge=10, le=100_000)
    event_time_tolerance_days: int = Field(
        default=1, ge=0, le=30,
        description="Articles and events dated later than their record time plus this are clamped",
    )
    stuck_after_s: float = Field(
        default=180.0, ge=5,
        description="/healthz fails after this long in recovery or rebalance without progress",
    )

    @field_validator("webhook_urls", mode="before")
    @classmethod
    def _split_urls(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("kafka_bootstrap")
    @classmethod
    def _bootstrap_hosts(cls, value: str) -> str:
        hosts = [h.strip().removeprefix("kafka://") for h in value.split(",") if h.strip()]
        if not hosts:
            raise ValueError("must name at least one host:port")
        for host in hosts:
            name, _, port = host.rpartition(":")
            if not name or not port.isdigit():
                raise ValueError(f"{host!r} is not host:port")
        return ",".join(hosts)

    @property
    def receivers(self) -> list[WebhookReceiver]:
        """Every configured receiver: the detailed list plus the plain URLs."""
        return [*self.webhooks, *(WebhookReceiver(url=url) for url in self.webhook_urls)]

    @property
    def faust_broker(self) -> str:
        return ";".join(f"kafka://{h}" for h in self.kafka_bootstrap.split(","))

    @property
    def faust_datadir(self) -> str:
        """Faust makes '<app_id>-data' in the working directory unless told otherwise; a
        checkout that ran the tests was left with dozens of them."""
        return self.data_dir or default_datadir(self.app_id)


def default_datadir(app_id: str) -> str:
    """Where a Faust app of ours keeps its (empty: the store is memory) data directory."""
    return str(Path(tempfile.gettempdir()) / "counterclaim" / app_id)


class ConfigError(Exception):
    """Invalid configuration, with a message that names the environment variable."""


def load_settings(**overrides: object) -> Settings:
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = [f"{variable(err['loc'])}: {err['msg']}" for err in exc.errors()]
        raise ConfigError("invalid configuration: " + "; ".join(problems)) from exc
    except SettingsError as exc:  # a value pydantic-settings could not even parse (bad JSON)
        field = re.search(r'field "(\w+)"', str(exc))
        name = f"{ENV_PREFIX}{field.group(1).upper()}" if field else "a COUNTERCLAIM_ variable"
        cause = exc.__cause__
        why = f"not valid JSON ({cause})" if isinstance(cause, ValueError) else str(exc)
        raise ConfigError(f"invalid configuration: {name}: {why}") from exc


def variable(loc: tuple[int | str, ...]) -> str:
    """('webhooks', 0, 'url') -> COUNTERCLAIM_WEBHOOKS[0].url: the variable, then the place
    inside its JSON value."""
    if not loc:
        return f"{ENV_PREFIX}?"
    name = f"{ENV_PREFIX}{str(loc[0]).upper()}"
    for part in loc[1:]:
        name += f"[{part}]" if isinstance(part, int) else f".{part}"
    return name
