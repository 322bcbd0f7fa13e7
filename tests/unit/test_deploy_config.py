"""deploy/ and docker-compose.yml, checked without Docker: promtool on the Prometheus config and
rules, and parsing of the dashboard, compose file, Alertmanager and Grafana provisioning, with
every metric they name compared to what the service registers."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from services.common.metrics import Metrics, exposed_names
from services.common.settings import Settings
from services.common.topics import planned_topics
from services.ingest.metrics import IngestMetrics

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
PROM = DEPLOY / "prometheus"
DASHBOARD = DEPLOY / "grafana" / "dashboards" / "counterclaim.json"
COMPOSE = ROOT / "docker-compose.yml"

METRIC = re.compile(r"\b(counterclaim_[a-z0-9_]+)\b")
BY = re.compile(r"\b(?:by|without)\s*\(([^)]*)\)")
# Labels Prometheus adds to every scraped series, plus histogram buckets.
TARGET_LABELS = {"instance", "job", "le"}


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text())


def _promtool() -> str:
    found = shutil.which("promtool")
    assert found, "promtool is missing: run scripts/setup.sh (Debian package prometheus)"
    return found


@pytest.fixture(scope="module")
def known() -> dict[str, frozenset[str]]:
    return {**exposed_names(Metrics.create()), **exposed_names(IngestMetrics.create())}


def _rules() -> list[dict[str, Any]]:
    return [rule for group in _yaml(PROM / "rules.yml")["groups"] for rule in group["rules"]]


def _panels(panels: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for panel in panels:
        found.append(panel)
        found.extend(_panels(panel.get("panels", [])))
    return found


def _dashboard() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DASHBOARD.read_text())
    return data


def _dashboard_exprs() -> list[str]:
    dash = _dashboard()
    exprs = [t["expr"] for p in _panels(dash["panels"]) for t in p.get("targets", [])]
    for var in dash["templating"]["list"]:
        if var["type"] == "query":
            query = var["query"]
            exprs.append(query["query"] if isinstance(query, dict) else query)
    return exprs


def _check_expr(expr: str, known: dict[str, frozenset[str]]) -> list[str]:
    """Problems with one PromQL expression: unknown metrics, grouping by unknown labels."""
    names = set(METRIC.findall(expr))
    problems = [f"{name} is not a metric the service exposes" for name in names - set(known)]
    labels = set(TARGET_LABELS)
    for name in names & set(known):
        labels |= known[name]
    for group in BY.findall(expr):
        for label in (part.strip() for part in group.split(",")):
            if label and label not in labels:
                problems.append(f"groups by {label!r}, which none of {sorted(names)} has")
    return problems


# --- Prometheus -----------------------------------------------------------------------------

def test_promtool_checks_the_scrape_config_and_its_rules() -> None:
    result = subprocess.run([_promtool(), "check", "config", str(PROM / "prometheus.yml")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout + result.stderr
    assert f"{len(_rules())} rules found" in result.stdout + result.stderr


def test_promtool_unit_tests_of_the_rules_pass() -> None:
    result = subprocess.run([_promtool(), "test", "rules", "rules_test.yml"], cwd=PROM,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout + result.stderr


def test_promtool_rule_tests_would_catch_a_broken_rule(tmp_path: Path) -> None:
    """The unit tests are not vacuous: loosening every threshold makes them fail."""
    rules = (PROM / "rules.yml").read_text()
    broken = re.sub(r"> (\d+)", lambda m: f"> {int(m.group(1)) + 100000}", rules)
    assert broken != rules
    (tmp_path / "rules.yml").write_text(broken)
    shutil.copy(PROM / "rules_test.yml", tmp_path / "rules_test.yml")
    result = subprocess.run([_promtool(), "test", "rules", "rules_test.yml"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "FAILED" in result.stdout + result.stderr


def test_every_alerting_rule_has_a_firing_and_a_quiet_unit_test() -> None:
    tests = _yaml(PROM / "rules_test.yml")["tests"]
    firing: set[str] = set()
    quiet: set[str] = set()
    for case in tests:
        for check in case.get("alert_rule_test", []):
            (firing if check.get("exp_alerts") else quiet).add(check["alertname"])
    alerts = {rule["alert"] for rule in _rules() if "alert" in rule}
    assert alerts, "rules.yml has no alerting rules"
    assert alerts - firing == set(), "rules never shown firing"
    assert alerts - quiet == set(), "rules never shown staying quiet"
    assert firing | quiet <= alerts, "tests name alerts that do not exist"


def test_rules_cover_the_operational_alerts_and_are_routable() -> None:
    rules = {rule["alert"]: rule for rule in _rules()}
    exprs = " ".join(rule["expr"] for rule in rules.values())
    for metric in ("counterclaim_articles_consumed_total", "counterclaim_dead_letters_total",
                   "counterclaim_webhook_failures_total", "counterclaim_consumer_lag"):
        assert metric in exprs, f"no rule watches {metric}"
    for name, rule in rules.items():
        assert rule["labels"]["service"] == "counterclaim", name
        assert rule["labels"]["severity"] in {"warning", "critical"}, name
        assert rule["annotations"]["summary"] and rule["annotations"]["description"], name


def test_rules_name_only_metrics_and_labels_the_service_has(known) -> None:
    problems = {rule["alert"]: _check_expr(rule["expr"], known) for rule in _rules()}
    assert {k: v for k, v in problems.items() if v} == {}
    assert all(METRIC.search(rule["expr"]) or "up{" in rule["expr"] for rule in _rules())


def test_scrape_config_targets_the_compose_worker() -> None:
    config = _yaml(PROM / "prometheus.yml")
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    job = jobs["counterclaim"]
    targets = [t for sc in job["static_configs"] for t in sc["targets"]]
    worker = _yaml(COMPOSE)["services"]["worker"]
    port = worker["environment"]["COUNTERCLAIM_METRICS_PORT"]
    assert targets == [f"worker:{port}"]
    assert job.get("metrics_path", "/metrics") == "/metrics"
    assert config["rule_files"] == ["rules.yml"]
    # `up{job="counterclaim"}` in the rules refers to this job.
    assert 'job="counterclaim"' in (PROM / "rules.yml").read_text()
    am = config["alerting"]["alertmanagers"][0]["static_configs"][0]["targets"]
    assert am == ["alertmanager:9093"]


# --- Grafana --------------------------------------------------------------------------------

def test_dashboard_names_only_metrics_and_labels_the_service_has(known) -> None:
    exprs = _dashboard_exprs()
    assert len(exprs) >= 15
    problems = {expr: _check_expr(expr, known) for expr in exprs}
    assert {k: v for k, v in problems.items() if v} == {}


def test_dashboard_shows_throughput_latency_alerts_webhooks_and_lag() -> None:
    exprs = "\n".join(_dashboard_exprs())
    for needle in ("rate(counterclaim_articles_consumed_total",
                   "histogram_quantile(0.95, sum by (le) "
                   "(rate(counterclaim_processing_latency_seconds_bucket",
                   "histogram_quantile(0.99", "histogram_quantile(0.50",
                   "counterclaim_alerts_raised_total", "counterclaim_alerts_updated_total",
                   "counterclaim_webhook_deliveries_total", "counterclaim_webhook_failures_total",
                   "counterclaim_webhook_latency_seconds_bucket", "counterclaim_consumer_lag",
                   "counterclaim_dead_letters_total", "counterclaim_events_total"):
        assert needle in exprs, needle


def test_dashboard_is_well_formed_for_provisioning() -> None:
    dash = _dashboard()
    assert dash["uid"] and dash["title"] and isinstance(dash["schemaVersion"], int)
    panels = _panels(dash["panels"])
    ids = [p["id"] for p in panels]
    assert len(ids) == len(set(ids)), "panel ids must be unique"
    ds_uid = _yaml(DEPLOY / "grafana/provisioning/datasources/prometheus.yml")["datasources"][0][
        "uid"]
    variables = {v["name"]: v for v in dash["templating"]["list"]}
    assert variables["datasource"]["current"]["value"] == ds_uid
    for panel in panels:
        if panel["type"] == "row":
            continue
        grid = panel["gridPos"]
        assert grid["x"] >= 0 and grid["x"] + grid["w"] <= 24, panel["title"]
        assert panel["datasource"]["uid"] == "${datasource}", panel["title"]
        assert panel["targets"], panel["title"]
        ref_ids = [t["refId"] for t in panel["targets"]]
        assert len(ref_ids) == len(set(ref_ids)), panel["title"]


def test_grafana_provisioning_points_at_the_dashboard_and_prometheus() -> None:
    compose = _yaml(COMPOSE)["services"]
    provider = _yaml(DEPLOY / "grafana/provisioning/dashboards/counterclaim.yml")["providers"][0]
    mounts = dict(v.rsplit(":", 1)[0].split(":", 1) for v in compose["grafana"]["volumes"]
                  if v.startswith("./"))
    assert mounts["./deploy/grafana/dashboards"] == provider["options"]["path"]
    assert mounts["./deploy/grafana/provisioning"] == "/etc/grafana/provisioning"
    home = compose["grafana"]["environment"]["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"]
    assert home == f"{provider['options']['path']}/{DASHBOARD.name}"
    datasource = _yaml(DEPLOY / "grafana/provisioning/datasources/prometheus.yml")
    assert datasource["datasources"][0]["url"] == "http://prometheus:9090"


# --- Alertmanager ---------------------------------------------------------------------------

def test_alertmanager_routes_every_rule_to_a_defined_receiver() -> None:
    config = _yaml(DEPLOY / "alertmanager/alertmanager.yml")
    receivers = {r["name"]: r for r in config["receivers"]}
    route = config["route"]
    assert route["receiver"] in receivers
    routes = route["routes"]
    for sub in routes:
        assert sub["receiver"] in receivers
    for rule in _rules():
        labels = rule["labels"]
        matched = [
            sub for sub in routes
            if all(_matches(m, labels) for m in sub["matchers"])
        ]
        assert matched, f"{rule['alert']} reaches no specific route"
        if labels["severity"] == "critical":
            assert matched[0]["receiver"] == "counterclaim-oncall", rule["alert"]
    hooks = [c["url"] for r in receivers.values() for c in r.get("webhook_configs", [])]
    services = _yaml(COMPOSE)["services"]
    assert all(url.startswith("http://webhook-receiver:8080/") for url in hooks)
    assert "8080" in " ".join(services["webhook-receiver"]["command"])


def _matches(matcher: str, labels: dict[str, str]) -> bool:
    found = re.fullmatch(r'(\w+)="([^"]*)"', matcher)
    assert found is not None, matcher
    name, value = found.groups()
    return labels.get(name) == value


# --- docker compose and the image -----------------------------------------------------------

def test_compose_has_the_whole_stack() -> None:
    services = _yaml(COMPOSE)["services"]
    assert {"kafka", "kafka-init", "worker", "prometheus", "grafana", "alertmanager",
            "webhook-receiver"} <= set(services)
    kafka = services["kafka"]
    assert kafka["image"].startswith("apache/kafka:")
    env = kafka["environment"]
    assert env["KAFKA_PROCESS_ROLES"] == "broker,controller"  # KRaft, no ZooKeeper
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"] == "1@kafka:9093"
    assert "PLAINTEXT://kafka:9092" in env["KAFKA_ADVERTISED_LISTENERS"]
    assert len(env["CLUSTER_ID"]) == 22  # a base64 UUID, as kafka-storage format wants
    assert not any("zookeeper" in name for name in services)


def test_compose_worker_is_built_from_the_dockerfile_and_configured() -> None:
    services = _yaml(COMPOSE)["services"]
    worker = services["worker"]
    assert worker["build"] == {"context": ".", "dockerfile": "deploy/Dockerfile"}
    assert (ROOT / worker["build"]["dockerfile"]).is_file()
    assert worker["depends_on"]["kafka-init"]["condition"] == "service_completed_successfully"
    env = worker["environment"]
    assert env["COUNTERCLAIM_KAFKA_BOOTSTRAP"] == "kafka:9092"
    assert "/healthz" in " ".join(worker["healthcheck"]["test"])  # liveness that detects stuck
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    healthcheck = next(line for line in dockerfile.splitlines() if "urlopen" in line)
    assert "/healthz" in healthcheck
    assert services["webhook-receiver"]["image"] == worker["image"]


def test_compose_worker_environment_is_valid_settings(monkeypatch) -> None:
    env = _yaml(COMPOSE)["services"]["worker"]["environment"]
    for key in [k for k in os.environ if k.startswith("COUNTERCLAIM_")]:
        monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(key, str(value))
    settings = Settings()
    assert settings.kafka_bootstrap == "kafka:9092"
    assert settings.metrics_host == "0.0.0.0" and settings.metrics_port == 9108
    assert [r.label for r in settings.receivers] == ["sample"]
    assert str(settings.receivers[0].url).startswith("http://webhook-receiver:8080/")


def test_compose_topic_init_creates_exactly_the_worker_topics(tmp_path: Path, monkeypatch) -> None:
    """Run kafka-init's script with a stand-in kafka-topics.sh that records its arguments."""
    services = _yaml(COMPOSE)["services"]
    init = services["kafka-init"]
    script = init["command"][0].replace("$$", "$")
    record = tmp_path / "calls.txt"
    fake = tmp_path / "kafka-topics.sh"
    fake.write_text(f'#!/bin/sh\necho "$@" >> {record}\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    script = script.replace("/opt/kafka/bin/kafka-topics.sh", str(fake))
    env = {k: str(v) for k, v in init["environment"].items()}
    result = subprocess.run(["/bin/sh", "-c", script], env={"PATH": "/usr/bin:/bin", **env},
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    created: dict[str, list[str]] = {}
    for line in record.read_text().splitlines():
        args = line.split()
        if "--create" in args:
            created[args[args.index("--topic") + 1]] = args
    for key in [k for k in os.environ if k.startswith("COUNTERCLAIM_")]:
        monkeypatch.delenv(key)
    for key, value in services["worker"]["environment"].items():
        monkeypatch.setenv(key, str(value))
    wanted = planned_topics(Settings())
    assert set(created) == set(wanted)
    partitions = services["worker"]["environment"]["COUNTERCLAIM_PARTITIONS"]
    for topic, configs in wanted.items():
        args = created[topic]
        assert args[args.index("--partitions") + 1] == partitions
        for key, value in configs.items():
            assert f"{key}={value}" in args, topic


def test_compose_mounts_exist_and_ports_are_unique() -> None:
    services = _yaml(COMPOSE)["services"]
    published: list[str] = []
    for name, service in services.items():
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0]
            if source.startswith("./"):
                assert (ROOT / source).exists(), f"{name}: {source} does not exist"
        published += [str(p).split(":")[0] for p in service.get("ports", [])]
        for dep in service.get("depends_on", []):
            assert dep in services, f"{name} depends on unknown {dep}"
    assert len(published) == len(set(published)), published


def test_dockerfile_installs_the_package_and_runs_the_worker() -> None:
    text = (DEPLOY / "Dockerfile").read_text()
    instructions = [line.split(None, 1) for line in text.splitlines()
                    if line and not line.startswith(("#", " ")) and line.split()]
    entry = [json.loads(rest) for op, rest in instructions if op == "ENTRYPOINT"]
    cmd = [json.loads(rest) for op, rest in instructions if op == "CMD"]
    assert entry[-1] + cmd[-1] == ["counterclaim", "worker"]
    assert "pip install ." in text
    for op, rest in instructions:
        if op == "COPY" and not rest.startswith("--from"):
            for source in rest.split()[:-1]:
                assert (ROOT / source).exists(), source
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text()
    assert "!services/**" in ignore and "!schemas/**" in ignore
