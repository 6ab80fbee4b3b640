"""A job's exception reaches the screen as the object itself; the sentence and the log come from it."""

import logging
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.errors import ValidationError, ValidationErrors
from ui.common import workers
from ui.common.error_sentence import error_sentence
from ui.common.field_errors import field_errors


def run(qtbot: QtBot, job: Any) -> BaseException:
    caught: list[BaseException] = []
    workers.start(job, on_finished=lambda _r: pytest.fail("the job should fail"), on_failed=caught.append)
    qtbot.waitUntil(lambda: bool(caught), timeout=10_000)
    return caught[0]


def test_validation_errors_arrive_as_the_exception_with_every_field(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    raised = ValidationErrors([ValidationError("City", "is required"), ValidationError("Email address", "x")])

    def job(_p: Any, _c: Any) -> None:
        raise raised

    with caplog.at_level(logging.ERROR, logger="ui.common.workers"):
        exc = run(qtbot, job)
    assert exc is raised
    assert [e.field for e in field_errors(exc)] == ["City", "Email address"]
    assert error_sentence(exc) == "City: is required; Email address: x"
    assert caplog.records == []  # raised on purpose: shown, not logged


def test_an_unexpected_exception_is_logged_and_named_in_a_sentence(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    def job(_p: Any, _c: Any) -> None:
        raise KeyError("recipient")

    with caplog.at_level(logging.ERROR, logger="ui.common.workers"):
        exc = run(qtbot, job)
    assert isinstance(exc, KeyError) and field_errors(exc) == []
    assert error_sentence(exc).startswith("Something went wrong (KeyError: 'recipient').")
    assert [r.exc_info[0] for r in caplog.records if r.exc_info] == [KeyError]
