"""A shorter interpreter thread switch interval while threads hand work to each other.

CPython lets a thread that holds the interpreter run for the switch interval (5 ms by default) before
another thread that wants it gets a turn. A helper thread that only passes data along (the outbox's
sending thread, the render pool's threads that feed the worker processes) then waits up to that long
each time, while the other side of the hand-over sits idle. `prompt_handover` lowers the interval while
such work runs; blocks may nest and overlap across threads, and the interval in force before the
first one is restored after the last.
"""

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_users = 0
_saved = 0.0


@contextmanager
def prompt_handover(interval_s: float) -> Iterator[None]:
    """Inside the block the switch interval is at most `interval_s` seconds."""
    global _users, _saved
    with _lock:
        if _users == 0:
            _saved = sys.getswitchinterval()
        _users += 1
        sys.setswitchinterval(min(sys.getswitchinterval(), interval_s))
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0:
                sys.setswitchinterval(_saved)
