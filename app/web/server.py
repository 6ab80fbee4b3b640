"""Running the verification service under uvicorn, stopping cleanly on Ctrl-C and SIGTERM."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

from app.desk import Desk
from app.web.service import ServiceOptions, build_app

log = logging.getLogger("cpc_desk.web")


class _Server(uvicorn.Server):
    """uvicorn's server, but a signal only asks it to finish (open requests complete, then it returns
    normally); uvicorn's own handling would raise the signal again after shutting down."""

    @contextmanager
    def capture_signals(self) -> Iterator[None]:
        import signal

        previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
        for sig in previous:
            signal.signal(sig, self.handle_exit)
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def serve(
    desk: Desk,
    host: str,
    port: int,
    *,
    options: ServiceOptions | None = None,
    forwarded_allow_ips: str | None = None,
    on_started: Any = None,
) -> None:
    """Serve until Ctrl-C or SIGTERM. Behind the College's web server, `forwarded_allow_ips` names it, so
    the client address (and with it the rate limit) is the real client's."""
    config = uvicorn.Config(
        build_app(desk, options),
        host=host,
        port=port,
        access_log=False,  # its line holds the query string, and with it the code: ours does not
        log_config=None,  # the one log (app.log) is already configured
        proxy_headers=forwarded_allow_ips is not None,
        forwarded_allow_ips=forwarded_allow_ips,
        server_header=False,
        timeout_graceful_shutdown=10,
    )
    server = _Server(config)
    log.info("verification service on http://%s:%d", host, port)
    if on_started is not None:
        on_started()
    server.run()
    log.info("verification service stopped")
