"""The sentence staff see for an exception a worker handed back (the exception object itself travels to the
screen, so a form can mark the fields a ValidationErrors names; this is for everything else)."""

from PySide6.QtCore import QCoreApplication

from app.errors import CpcDeskError


def error_sentence(exc: BaseException) -> str:
    """Our own errors say what went wrong in words already; anything else is named, never a traceback."""
    if isinstance(exc, CpcDeskError):
        return str(exc)
    return QCoreApplication.translate("Errors", "Something went wrong: {0}: {1}").format(
        type(exc).__name__, exc
    )
