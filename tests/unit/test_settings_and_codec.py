"""Configuration fails early naming the variable; bad records raise clear decode errors."""

from __future__ import annotations

import pytest

from schemas.article import Article
from services.common.codec import DecodeError, decode, decode_article, encode
from services.common.settings import ConfigError, load_settings


def test_defaults_and_comma_separated_webhooks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNTERCLAIM_WEBHOOK_URLS", "http://a.example/x, http://b.example/y")
    monkeypatch.setenv("COUNTERCLAIM_KAFKA_BOOTSTRAP", "kafka://k1:9092,k2:9093")
    s = load_settings()
    assert [str(r.url) for r in s.receivers] == ["http://a.example/x", "http://b.example/y"]
    assert s.kafka_bootstrap == "k1:9092,k2:9093"
    assert s.faust_broker == "kafka://k1:9092;kafka://k2:9093"
    assert s.correlation_window_days == 7


@pytest.mark.parametrize(
    ("var", "value"),
    [
        ("COUNTERCLAIM_CORRELATION_WINDOW_DAYS", "-1"),
        ("COUNTERCLAIM_KAFKA_BOOTSTRAP", "no-port"),
        ("COUNTERCLAIM_WEBHOOK_URLS", "not a url"),
        ("COUNTERCLAIM_PARTITIONS", "zero"),
    ],
)
def test_invalid_configuration_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, var: str, value: str
) -> None:
    monkeypatch.setenv(var, value)
    with pytest.raises(ConfigError) as err:
        load_settings()
    assert var in str(err.value)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [(None, "empty"), (b"{", "not JSON"), (b"[1]", "JSON object"), (b'{"id": "x"}', "body")],
)
def test_decode_errors_say_what_is_wrong(raw: bytes | None, fragment: str) -> None:
    with pytest.raises(DecodeError) as err:
        decode_article(raw)
    assert fragment in str(err.value)


def test_encode_decode_round_trip() -> None:
    a = Article(id="x", body="text", source="S")
    assert decode(encode(a), Article) == a
