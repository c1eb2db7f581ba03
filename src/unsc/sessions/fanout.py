"""The event fan-out: every open event stream of a session wakes when the session changes.

Storage publishes ``(session id, version)`` after each committed command, from any thread; the
PostgreSQL backend also publishes what other workers commit (LISTEN/NOTIFY), the SQLite backend what
other processes commit (it watches the event table). Streams wait without a thread.

>>> import asyncio
>>> hub = Hub()
>>> async def demo():
...     waiting = asyncio.create_task(hub.wait("s1", 1, timeout=5))
...     await asyncio.sleep(0)
...     hub.publish("s1", 2)
...     return await waiting
>>> asyncio.run(demo())
2
"""

from __future__ import annotations

import asyncio
import threading

__all__ = ["Hub"]


class Hub:
    """Who waits for which session, and the newest version heard of each."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiters: dict[str, set[tuple[asyncio.AbstractEventLoop, asyncio.Event]]] = {}
        self._latest: dict[str, int] = {}

    def latest(self, sid: str) -> int | None:
        """The newest version of the session this process has heard of (``None``: none yet)."""
        return self._latest.get(sid)

    def publish(self, sid: str, version: int) -> None:
        """The session is now at ``version``: wake everyone waiting on an older one (thread-safe)."""
        with self._lock:
            if version <= self._latest.get(sid, 0):
                return
            self._latest[sid] = version
            waiting = list(self._waiters.get(sid, ()))
        for loop, event in waiting:
            try:
                loop.call_soon_threadsafe(event.set)
            except RuntimeError:  # that event loop has closed
                with self._lock:
                    self._waiters.get(sid, set()).discard((loop, event))

    def forget(self, sid: str) -> None:
        """The session is gone: wake its streams (they find it missing)."""
        with self._lock:
            self._latest[sid] = self._latest.get(sid, 0) + 10**9
            waiting = list(self._waiters.get(sid, ()))
        for loop, event in waiting:
            loop.call_soon_threadsafe(event.set)

    async def wait(self, sid: str, seen: int, timeout: float) -> int | None:
        """Wait until the session is newer than ``seen`` or ``timeout`` seconds pass; the newest version known."""
        key = (asyncio.get_running_loop(), asyncio.Event())
        with self._lock:
            if self._latest.get(sid, 0) > seen:
                return self._latest[sid]
            self._waiters.setdefault(sid, set()).add(key)
        try:
            await asyncio.wait_for(key[1].wait(), timeout)
        except TimeoutError:
            pass
        finally:
            with self._lock:
                waiting = self._waiters.get(sid)
                if waiting is not None:
                    waiting.discard(key)
                    if not waiting:
                        del self._waiters[sid]
        return self._latest.get(sid)

    def streams(self) -> int:
        """How many waits are in progress (open event streams between two changes)."""
        with self._lock:
            return sum(len(w) for w in self._waiters.values())
