"""Faust's aiokafka transport with a configurable consumer fetch wait, and acks that only
count for records a stream really processed.

Faust 0.15 builds the worker's consumer with `fetch_max_wait_ms=1500`, and no setting changes
it. Apache Kafka answers a waiting fetch as soon as a record arrives, so there the value only
bounds how often an idle worker polls. Tansu, the embedded broker, holds every fetch that finds
nothing new for the full wait: a live article then waited up to 1.5 s to be read and its event
up to 1.5 s more (articles topic, then events topic), which put p50 article -> alert at ~1 s
even when idle. With a short wait the idle worker polls more often (a few dozen small requests
a second) and each hop costs at most the wait.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from faust.transport.drivers import aiokafka as _driver

from services.common.logging import get_logger

log = get_logger(__name__)

DEFAULT_FETCH_MAX_WAIT_MS = 20


class _ConsumerThread(_driver.AIOKafkaConsumerThread):
    def _create_worker_consumer(self, transport: Any) -> Any:
        consumer = super()._create_worker_consumer(transport)
        # Read by AIOKafkaConsumer.start() when it builds its Fetcher.
        consumer._fetch_max_wait_ms = transport.fetch_max_wait_ms
        return consumer

    async def on_thread_stop(self) -> None:
        """Stop the consumer even when its broker has gone.

        aiokafka's fetcher cancels its fetch task on close and awaits it; a task cancelled in
        its retry sleep after a failed fetch re-raises that CancelledError, which ends the
        consumer thread before it reports its shutdown, and Faust then waits its full 60 s
        shutdown timeout on a SIGTERM. That cancel belongs to the close, not to this task.
        """
        try:
            await super().on_thread_stop()
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is not None and task.cancelling():
                raise
            log.warning("consumer closed with a fetch still retrying (broker unreachable?)")
            client = getattr(self._consumer, "_client", None)
            if client is not None:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(client.close(), timeout=5)


class _Consumer(_driver.Consumer):
    def _new_consumer_thread(self) -> Any:
        return _ConsumerThread(self, loop=self.loop, beacon=self.beacon)

    def ack(self, message: Any) -> bool:
        """Count an ack toward the commit only while flow is active and the record belongs to
        the current generation; a record acked otherwise was skipped, not processed."""
        app = self.app
        generation = getattr(message, "generation_id", None)
        if app.flow_control.is_active() and generation in (None, app.consumer_generation_id):
            return bool(super().ack(message))
        message.acked = True  # done for wait_empty(); not committable, so it is read again
        self._unacked_messages.discard(message)
        return False


class ShortFetchTransport(_driver.Transport):
    """Assign before the app starts: `app.transport = ShortFetchTransport.for_app(app)`."""

    Consumer = _Consumer

    def __init__(self, *args: Any, fetch_max_wait_ms: int = DEFAULT_FETCH_MAX_WAIT_MS,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fetch_max_wait_ms = fetch_max_wait_ms

    @classmethod
    def for_app(cls, app: Any,
                fetch_max_wait_ms: int = DEFAULT_FETCH_MAX_WAIT_MS) -> ShortFetchTransport:
        return cls(app.conf.broker_consumer, app, fetch_max_wait_ms=fetch_max_wait_ms)
