"""Run one function over many inputs in child processes, each call under a time limit.

Why not ``concurrent.futures.ProcessPoolExecutor``: one worker that segfaults breaks the
whole executor, and a call stuck in C code cannot be stopped.  Here every worker is a
long-lived child process fed one task at a time over a pipe; the parent kills a worker
that overruns its deadline or dies, records that task as failed, and starts a fresh
worker for the rest.  A bad file therefore costs only its own result.

Why not a library: loky has no per-call time limit, and a worker that dies breaks its
whole executor.  pebble's ``ProcessPool`` (per-task timeout, ``ProcessExpired`` for a dead
worker) comes closest; measured against this module (pebble 5.2.3, forkserver, 2 workers,
tasks that return, raise, spin in Python, block the alarm and sleep, segfault, ``_exit``,
and return an unpicklable value):

* the same outcome for the first five kinds and ``_exit``: one failed task each, with the
  same plain reasons, and the other tasks finish;
* an unpicklable result kills pebble's worker with a traceback on stderr and is reported
  as "exited unexpectedly (exit code 1)"; here it is "the result could not be passed back
  (…)" and the worker lives on;
* called from a script without an ``if __name__ == "__main__":`` guard, pebble's
  replacement workers (started from its manager thread) re-run the script and every task
  fails with ``BrokenProcessPool``; here ``_main_script_hidden`` wraps every start;
* a call stuck where the alarm cannot reach it is stopped after the limit by pebble, after
  the limit plus ``KILL_GRACE_S`` here (the alarm ends ordinary overruns without killing
  the worker, so a warm process is kept);
* size: a 35-line adapter over pebble's 2,700 lines and three parent threads, against
  174 lines of code (docstrings and comments aside) here.

So this module stays: fewer moving parts, one more guarantee, and every guarantee is
exercised by the hostile-file tests.

Workers come from the ``forkserver`` start method (safe with threads in the parent, and
cheap: the server has already imported the parsing stack once, see ``preload.py``).
"""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

# Extra seconds the parent grants beyond the limit before killing: the in-worker alarm
# normally ends an overrunning call itself, keeping the worker alive.
KILL_GRACE_S = 3.0
_PRELOAD = ["ccasx_analytics.build.preload"]


@dataclass(frozen=True)
class Outcome:
    """What became of one task: ``value`` when ok, otherwise a plain-words ``reason``."""

    index: int
    ok: bool
    value: Any = None
    reason: str = ""
    seconds: float = 0.0


class _TimeLimit(BaseException):
    """Raised inside a worker by the alarm; BaseException so library code cannot swallow it."""


def _on_alarm(signum, frame):
    raise _TimeLimit()


_EXTEND = "extend"  # the tag of a worker's request for more time (see timelimit.py)


def _extender(conn: Connection, limit: list[float]) -> Callable[[float], None]:
    """What ``timelimit.extend`` does in a worker: move its alarm, tell the parent."""

    def extend(seconds: float) -> None:
        if not limit[0]:
            return  # no limit to extend
        limit[0] += seconds
        remaining = signal.getitimer(signal.ITIMER_REAL)[0]
        signal.setitimer(signal.ITIMER_REAL, remaining + seconds)
        conn.send((_EXTEND, seconds))

    return extend


def _worker_main(conn: Connection, fn: Callable[[Any], Any], timeout: float | None) -> None:
    from .. import timelimit

    # The parent handles Ctrl-C and tells workers to stop; a worker must not die mid-send.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGALRM, _on_alarm)
    limit = [0.0]  # this task's limit, as extended
    timelimit.install(_extender(conn, limit))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if msg is None:
            return
        index, payload = msg
        t0 = time.perf_counter()
        limit[0] = timeout or 0.0
        try:
            if timeout:
                signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                value = fn(payload)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            result = (index, True, value, "")
        except _TimeLimit:
            result = (index, False, None, _timeout_reason(limit[0]))
        except Exception as exc:  # any bug in one file's processing stays with that file
            result = (index, False, None, f"the parser crashed ({type(exc).__name__}: {exc})")
        try:
            conn.send((*result, time.perf_counter() - t0))
        except (EOFError, OSError, BrokenPipeError):
            return
        except Exception as exc:  # the result could not be pickled
            conn.send((index, False, None, f"the result could not be passed back ({exc})", 0.0))


def _timeout_reason(timeout: float | None) -> str:
    return f"took longer than the per-file time limit of {timeout:g} s (a hang or an oversized file)"


def _context() -> mp.context.BaseContext:
    methods = mp.get_all_start_methods()
    if "forkserver" in methods:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return mp.get_context("spawn")


@contextmanager
def _main_script_hidden() -> Iterator[None]:
    """Start processes without making them re-run the main script.

    forkserver/spawn children normally import ``__main__`` again, so a script that calls
    ``build()`` without an ``if __name__ == "__main__":`` guard would recurse.  Workers only
    run package code, so the main script is kept out of what they are told to prepare.
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if path is None:
        yield
        return
    del main.__file__
    try:
        yield
    finally:
        main.__file__ = path


class _Worker:
    def __init__(self, ctx, fn, timeout):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, fn, timeout), daemon=True)
        with _main_script_hidden():
            self.proc.start()
        child.close()
        self.index: int | None = None
        self.deadline = float("inf")
        self.limit = 0.0  # this task's time limit, as extended by the worker
        self.started = 0.0

    def give(self, index: int, payload: Any, timeout: float | None) -> None:
        self.index = index
        self.started = time.monotonic()
        self.limit = timeout or 0.0
        self.deadline = self.started + (timeout + KILL_GRACE_S if timeout else float("inf"))
        self.conn.send((index, payload))

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(2)
        self.conn.close()


def run(
    fn: Callable[[Any], Any],
    payloads: Sequence[Any],
    *,
    workers: int,
    timeout: float | None,
    order: Sequence[int] | None = None,
) -> Iterator[Outcome]:
    """Yield one Outcome per payload, as they finish (``Outcome.index`` says which).

    ``fn`` must be importable by name (a module-level function).  ``order`` is the order in
    which payloads are handed out (e.g. largest first, to balance the workers); results do
    not depend on it.
    """
    if not payloads:
        return
    queue = deque(order if order is not None else range(len(payloads)))
    ctx = _context()
    n = max(1, min(workers, len(payloads)))
    pool: list[_Worker] = []
    try:
        pool = [_Worker(ctx, fn, timeout) for _ in range(n)]
        for w in pool:
            if queue:
                i = queue.popleft()
                w.give(i, payloads[i], timeout)
        while any(w.index is not None for w in pool):
            busy = [w for w in pool if w.index is not None]
            now = time.monotonic()
            wait_s = max(0.0, min(w.deadline for w in busy) - now)
            ready = wait([x for w in busy for x in (w.conn, w.proc.sentinel)], timeout=min(wait_s, 3600))
            for w in list(busy):
                outcome = None
                if w.conn in ready:
                    try:
                        msg = w.conn.recv()
                        if msg[0] == _EXTEND:  # the file turned out to need more time
                            w.deadline += msg[1]
                            w.limit += msg[1]
                            continue
                        index, ok, value, reason, seconds = msg
                        outcome = Outcome(index, ok, value, reason, seconds)
                    except (EOFError, OSError):
                        outcome = None  # died while sending: treated below as a dead worker
                if outcome is None and (w.proc.sentinel in ready or w.conn in ready):
                    w.proc.join(1)
                    outcome = Outcome(w.index, False, reason=_death_reason(w.proc.exitcode),
                                      seconds=time.monotonic() - w.started)
                if outcome is None and time.monotonic() >= w.deadline:
                    outcome = Outcome(w.index, False, reason=_timeout_reason(w.limit),
                                      seconds=time.monotonic() - w.started)
                if outcome is None:
                    continue
                w.index = None
                if not w.proc.is_alive() or time.monotonic() >= w.deadline:
                    # dead or stuck: replace the worker so the next file gets a clean process
                    w.kill()
                    pool[pool.index(w)] = w = _Worker(ctx, fn, timeout)
                yield outcome
                if queue:
                    i = queue.popleft()
                    w.give(i, payloads[i], timeout)
    finally:
        for w in pool:
            if w.index is not None:
                w.kill()
            else:
                w.stop()


def _death_reason(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return f"the parser process died ({name}) while reading this file"
    return f"the parser process exited unexpectedly (exit code {exitcode}) while reading this file"


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)
