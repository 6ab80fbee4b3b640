"""Explicit fault-injection points for the crash-safety tests.

`fault_point("after-request-row")` does nothing unless the environment names that step:
CPC_DESK_FAULT=after-request-row kills the process there with SIGKILL (as a power cut would), and
CPC_DESK_FAULT=after-request-row:3 on the third time the step is reached. Steps are named where the
code reaches them; the tests name the same strings. Reading one environment variable is all it costs.
"""

import os
import signal

ENV = "CPC_DESK_FAULT"
_hits: dict[str, int] = {}


def fault_point(step: str) -> None:
    wanted = os.environ.get(ENV)
    if not wanted:
        return
    name, _, nth = wanted.partition(":")
    if name != step:
        return
    _hits[step] = _hits.get(step, 0) + 1
    if _hits[step] >= (int(nth) if nth.isdigit() else 1):
        if hasattr(signal, "SIGKILL"):
            os.kill(os.getpid(), signal.SIGKILL)
        # Windows has no SIGKILL: end at once all the same, no cleanup, no flush (as a power cut would)
        os._exit(137)
