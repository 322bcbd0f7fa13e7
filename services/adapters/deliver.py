"""Faust adapter for delivery: the per-receiver consumers run as a service of the app.

Delivery deliberately does not use a Faust agent: an agent acks a record when the handler
returns, and a delivery that is still retrying must not be acked. Each receiver's consumer
commits its own offsets once deliveries finish (see `delivery.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import mode

if TYPE_CHECKING:
    from services.runtime import Runtime


def register(rt: Runtime) -> None:
    deliverer = rt.deliverer
    if not deliverer.receivers:
        return

    @rt.app.service
    class DeliveryService(mode.Service):
        """Starts the receivers' consumers with the app and stops them with it."""

        async def on_start(self) -> None:
            await deliverer.start()

        async def on_stop(self) -> None:
            await deliverer.stop()
