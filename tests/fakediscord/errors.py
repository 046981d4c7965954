"""Discord's JSON error answers, raised by REST handlers and turned into responses by the server."""

from __future__ import annotations

from typing import Any

# Discord JSON error codes used by the fake server.
UNKNOWN_CHANNEL = 10003
UNKNOWN_GUILD = 10004
UNKNOWN_MEMBER = 10007
UNKNOWN_MESSAGE = 10008
UNKNOWN_USER = 10013
UNKNOWN_WEBHOOK = 10015
UNKNOWN_INTERACTION = 10062
UNKNOWN_COMMAND = 10063
MISSING_ACCESS = 50001
CANNOT_EDIT_OTHERS_MESSAGE = 50005
EMPTY_MESSAGE = 50006
CANNOT_DM_USER = 50007
MISSING_PERMISSIONS = 50013
INVALID_FORM_BODY = 50035
ALREADY_ACKNOWLEDGED = 40060


class ApiError(Exception):
    """An error answer Discord would give: HTTP status plus the JSON error body."""

    def __init__(
        self, status: int, code: int, message: str, errors: dict[str, Any] | None = None
    ) -> None:
        super().__init__(f"{status} {code} {message}")
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors

    def body(self) -> dict[str, Any]:
        """The JSON body Discord sends with this error."""
        data: dict[str, Any] = {"message": self.message, "code": self.code}
        if self.errors:
            data["errors"] = self.errors
        return data


def not_found(code: int, what: str) -> ApiError:
    """A 404 such as ``Unknown Channel``."""
    return ApiError(404, code, f"Unknown {what}")


def forbidden(code: int = MISSING_PERMISSIONS, message: str = "Missing Permissions") -> ApiError:
    """A 403 such as ``Missing Permissions``."""
    return ApiError(403, code, message)


class FormErrors:
    """Collects field errors into Discord's nested ``Invalid Form Body`` shape."""

    def __init__(self) -> None:
        self.errors: dict[str, Any] = {}

    def add(self, path: list[str | int], code: str, message: str) -> None:
        """Record an error for the field at ``path`` (e.g. ``["embeds", 0, "title"]``)."""
        node = self.errors
        for part in path:
            node = node.setdefault(str(part), {})
        node.setdefault("_errors", []).append({"code": code, "message": message})

    def too_long(self, path: list[str | int], limit: int) -> None:
        """Record a value longer than Discord allows."""
        self.add(path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")

    def raise_if_any(self) -> None:
        """Raise a 400 ``Invalid Form Body`` if any error was recorded."""
        if self.errors:
            raise ApiError(400, INVALID_FORM_BODY, "Invalid Form Body", self.errors)
