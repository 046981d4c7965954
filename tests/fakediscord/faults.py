"""Injected REST failures: a route answers an error a number of times, then recovers."""

from __future__ import annotations

from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any


@dataclass
class Fault:
    """One injected failure rule; ``hits`` counts the requests it answered."""

    method: str
    path: str
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)
    times: int | None = 1
    hits: int = 0

    def matches(self, method: str, path: str) -> bool:
        """Whether this still-active rule applies to a request (``path`` without ``/api/v10``)."""
        if self.exhausted:
            return False
        return (self.method == "*" or self.method.upper() == method.upper()) and fnmatchcase(
            path, self.path
        )

    @property
    def exhausted(self) -> bool:
        """True once the rule has answered ``times`` requests."""
        return self.times is not None and self.hits >= self.times


def error_fault(
    method: str, path: str, *, status: int, code: int, message: str, times: int | None
) -> Fault:
    """A rule answering a Discord JSON error such as 403 Missing Permissions."""
    return Fault(method, path, status, {"message": message, "code": code}, times=times)


def rate_limit_fault(
    method: str, path: str, *, retry_after: float, times: int | None, is_global: bool
) -> Fault:
    """A 429 rule with the headers and body discord.py needs to wait and retry.

    discord.py only honours a 429 that carries a ``Via`` header (otherwise it assumes a
    Cloudflare ban and raises), and it sleeps for the body's ``retry_after``.
    """
    headers = {
        "Via": "1.1 google",
        "Retry-After": f"{retry_after:.3f}",
        "X-RateLimit-Limit": "5",
        "X-RateLimit-Remaining": "0",
        "X-RateLimit-Reset-After": f"{retry_after:.3f}",
        "X-RateLimit-Bucket": "fakebucket",
        "X-RateLimit-Scope": "global" if is_global else "user",
    }
    if is_global:
        headers["X-RateLimit-Global"] = "true"
    body = {
        "message": "You are being rate limited.",
        "retry_after": retry_after,
        "global": is_global,
        "code": 0,
    }
    return Fault(method, path, 429, body, headers, times)
