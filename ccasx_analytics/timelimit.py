"""The running task's time limit, extended by work that learns its own size.

A worker process runs each file under a fixed limit (``build/pool.py``); reading a scanned
issue costs seconds per page, which only the reader knows once it has opened the file.
``extend(seconds)`` asks for more time: the pool installs a handler in each worker that
moves both its own alarm and the parent's deadline.  Outside a pool it does nothing.
"""
from __future__ import annotations

from collections.abc import Callable

_handler: Callable[[float], None] | None = None


def install(handler: Callable[[float], None] | None) -> None:
    """Set (or clear, with None) what ``extend`` calls; done by the worker pool."""
    global _handler
    _handler = handler


def extend(seconds: float) -> None:
    """Add ``seconds`` to the current task's time limit (no-op outside a worker)."""
    if _handler is not None and seconds > 0:
        _handler(seconds)
