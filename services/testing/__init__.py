"""Helpers that start real processes (broker, worker, webhook receiver) for tests and the demo."""
