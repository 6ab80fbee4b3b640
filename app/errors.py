"""Typed exceptions raised by the services; the UI and CLI turn them into plain words."""


class CpcDeskError(Exception):
    """Base of every error the services raise on purpose; its str() is safe to show to staff."""


class ValidationError(CpcDeskError):
    """A value given by a person is missing or malformed; names the field and the problem."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def __reduce__(self) -> tuple[type["ValidationError"], tuple[str, str]]:
        # A worker process hands its error back pickled; the default would call __init__ with one argument.
        return (type(self), (self.field, self.message))


class ValidationErrors(CpcDeskError):
    """Several fields at once (a form, a CSV row)."""

    def __init__(self, errors: list[ValidationError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors

    def __reduce__(self) -> tuple[type["ValidationErrors"], tuple[list[ValidationError]]]:
        return (type(self), (self.errors,))


class PermissionDenied(CpcDeskError):
    """The signed-in staff user's role does not allow the operation."""


class NotFound(CpcDeskError):
    """A member, request or certificate that was asked for does not exist."""


class ConflictError(CpcDeskError):
    """Someone else changed the record since it was read (optimistic locking)."""


class DatabaseTooNew(CpcDeskError):
    """The database was made by a newer version of CPC Desk."""


class SecretStoreUnavailable(CpcDeskError):
    """No secure keyring backend, and the user has not chosen a session-only secret."""
