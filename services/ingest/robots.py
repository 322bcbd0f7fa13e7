"""robots.txt decisions (RFC 9309), pure: from the answer to /robots.txt to "may we fetch this".

Applied to article pages, which the ingester discovers; not to the feeds themselves, which an
operator configured by hand (as every feed reader does).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.robotparser import RobotFileParser

MAX_ROBOTS_BYTES = 512_000  # RFC 9309: parse at least the first 500 KiB
UNREACHABLE_TTL_S = 300.0  # a server error is asked again sooner than a real answer
MAX_CRAWL_DELAY_S = 60.0  # a longer Crawl-delay would stall the feed: capped, not ignored


@dataclass(frozen=True)
class RobotsRules:
    """What one origin's robots.txt allows. `parser` is None for allow-all or disallow-all."""

    allow_all: bool = False
    disallow_all: bool = False
    parser: RobotFileParser | None = None
    reason: str = "robots.txt"
    # Crawl-delay per user-agent group, read here: the standard library keeps whole seconds only.
    delays: dict[str, float] = field(default_factory=dict)


def crawl_delays(text: str) -> dict[str, float]:
    """{agent (lower case, "*" for all): Crawl-delay seconds} from robots.txt text."""
    delays: dict[str, float] = {}
    agents: list[str] = []
    in_rules = False  # a rule after user-agent lines closes the group's agent list
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        name, sep, value = line.partition(":")
        if not sep:
            continue
        name, value = name.strip().lower(), value.strip()
        if name == "user-agent":
            if in_rules:
                agents, in_rules = [], False
            agents.append(value.lower())
        elif agents:
            in_rules = True
            if name == "crawl-delay":
                try:
                    delay = float(value)
                except ValueError:
                    continue
                for agent in agents:
                    delays.setdefault(agent, delay)
    return delays


def rules_from_response(status: int | None, body: bytes | None) -> RobotsRules:
    """RFC 9309 section 2.3.1: 2xx parse; 4xx (none there) allow all; 5xx or no answer: disallow
    everything for now ("unreachable"). Redirects are followed by the HTTP client."""
    if status is None:
        return RobotsRules(disallow_all=True, reason="robots.txt unreachable")
    if 200 <= status < 300:
        text = (body or b"")[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        parser = RobotFileParser()
        parser.parse(text.splitlines())
        return RobotsRules(parser=parser, delays=crawl_delays(text))
    if 400 <= status < 500:
        return RobotsRules(allow_all=True, reason=f"no robots.txt (HTTP {status})")
    return RobotsRules(disallow_all=True, reason=f"robots.txt unreachable (HTTP {status})")


def ttl(rules: RobotsRules, normal_ttl_s: float) -> float:
    """How long to keep `rules` before asking the server again."""
    return min(normal_ttl_s, UNREACHABLE_TTL_S) if rules.disallow_all else normal_ttl_s


def allowed(rules: RobotsRules, user_agent: str, url: str) -> bool:
    if rules.disallow_all:
        return False
    if rules.allow_all or rules.parser is None:
        return True
    return bool(rules.parser.can_fetch(user_agent, url))


def crawl_delay(rules: RobotsRules, user_agent: str) -> float | None:
    """Crawl-delay in seconds (capped) of the group for `user_agent`, else of `*`; matched as
    the standard library matches groups: the agent's name within the user agent's first word."""
    token = user_agent.split("/", 1)[0].lower()
    named = [d for agent, d in rules.delays.items() if agent != "*" and agent in token]
    delay = named[0] if named else rules.delays.get("*")
    if delay is None or delay < 0:
        return None
    return min(delay, MAX_CRAWL_DELAY_S)
