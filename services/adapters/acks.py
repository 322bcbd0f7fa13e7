"""A record is done only when everything it produced is acknowledged by the broker.

Faust acks a record when its handler returns and commits the offset soon after. Its commit
flushes the producer but neither waits for the table's buffered changelog writes nor fails on
a send that failed, so a crash could commit an input whose alert or state update never
reached the broker. The adapters therefore read with manual acks (`stream.noack()`), wait for
every derived record's acknowledgement themselves, and ack the input only after that.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from services.common.logging import get_logger

log = get_logger(__name__)

ACK_TIMEOUT_S = 30.0
ATTEMPTS = 5  # of publishing what one record produced, before it becomes a dead letter
FIRST_PAUSE_S = 0.2
MAX_PAUSE_S = 10.0


class NotAcknowledged(Exception):
    """A derived record the broker did not confirm (an error, or no answer in time)."""


async def acknowledged(sends: Sequence[Awaitable[Any]], what: str,
                       timeout_s: float = ACK_TIMEOUT_S) -> None:
    """Wait for every send's acknowledgement; raise NotAcknowledged for the first failure.

    `asyncio.wait`, not `wait_for`: a send that is late must not be cancelled (Faust resolves
    its future later, and a cancelled one turns that into an error in Faust's callback).
    """
    if not sends:
        return
    futures = [asyncio.ensure_future(s) for s in sends]
    done, pending = await asyncio.wait(futures, timeout=timeout_s)
    if pending:
        raise NotAcknowledged(f"{what}: {len(pending)} send(s) not acknowledged in {timeout_s:g}s")
    for future in done:
        exc = future.exception()
        if exc is not None:
            raise NotAcknowledged(f"{what}: {type(exc).__name__}: {exc}") from exc


async def with_retries(publish: Callable[[], Awaitable[None]], what: str,
                       attempts: int | None = ATTEMPTS,
                       sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> str | None:
    """Run `publish` until it succeeds: None, or after `attempts` failures the last error.

    `attempts=None` retries for ever: for the dead letter, the last place a record can go.
    Repeating a publish is safe: ids are deterministic and every consumer deduplicates.
    """
    pause = FIRST_PAUSE_S
    failures = 0
    while True:
        try:
            await publish()
            return None
        except NotAcknowledged as exc:
            error = str(exc)
        except Exception as exc:  # a send refused at once (too large, producer stopped...)
            error = f"{what}: {type(exc).__name__}: {exc}"
        failures += 1
        if attempts is not None and failures >= attempts:
            return error
        log.warning("publish failed; retrying", what=what, attempt=failures, error=error[:300],
                    pause_s=round(pause, 2))
        await sleep(pause)
        pause = min(pause * 2, MAX_PAUSE_S)
