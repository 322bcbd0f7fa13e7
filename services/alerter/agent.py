"""Faust adapter for delivery: alerts topic -> each configured webhook receiver."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import mode

from schemas.alert import Alert
from services.common.codec import DecodeError, decode

if TYPE_CHECKING:
    from services.runtime import Runtime


def register(rt: Runtime) -> None:
    @rt.app.agent(rt.alerts, name="deliver-alerts")
    async def deliver_alerts(stream: Any) -> None:
        async for record in stream.events():
            await handle_alert(rt, record.message, record.value)

    deliverer = rt.deliverer

    @rt.app.service
    class DeliveryService(mode.Service):  # type: ignore[misc]
        """Starts the per-receiver delivery workers with the app and stops them with it."""

        async def on_start(self) -> None:
            await deliverer.start()

        async def on_stop(self) -> None:
            await deliverer.stop()


async def handle_alert(rt: Runtime, message: Any, value: bytes | None) -> None:
    try:
        alert = decode(value, Alert)
    except DecodeError as exc:
        await rt.dead_letter("alert", str(exc), value, message)
        return
    await rt.deliverer.submit(alert)
