"""The sentence staff see for an exception a worker handed back (the exception object itself travels to the
screen, so a form can mark the fields a ValidationErrors names; this is for everything else)."""

from app.errors import CpcDeskError
from app.i18n import translate


def error_sentence(exc: BaseException) -> str:
    """Our own errors say what went wrong in words already; anything else is named, never a traceback."""
    if isinstance(exc, CpcDeskError):
        return str(exc)
    # A full disk, a database gone or refusing: the same sentence the command line says.
    from app.failures import describe

    failure = describe(exc)
    if failure is not None:
        return failure.sentence
    # A fault of ours: what it says (secrets blanked) and where the details are, never a traceback.
    from app.log import current_log_path, redact

    detail = redact(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
    text = translate("Errors", "Something went wrong ({0}).").format(detail)
    where = current_log_path()
    if where is not None:
        text += " " + translate("Errors", "The details are in {0}.").format(where)
    return text
