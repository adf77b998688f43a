"""One error tree for all of reelforge.

Every error knows its protocol ``code`` and HTTP ``status``; the API turns any of
them into the protocol envelope ``{"code", "message", "data"}`` with one handler,
and the CLI turns them into a one-line message and an exit code.

    ReelforgeError                      code 500, HTTP 500
    ├── InvalidInput                    code 400, HTTP 400 (names the field)
    │   ├── DraftInvalid                code 400, HTTP 400 (JSON path of the first fault)
    │   └── MissingClientId             code 400, HTTP 400
    ├── AuthError                       code 1001, HTTP 401
    ├── SessionNotFound                 code 1002, HTTP 404 (also: someone else's)
    ├── NotFound                        code 404, HTTP 404 (renders, media, jobs)
    ├── LinkInvalid                     code 403, HTTP 403 (a download link tampered with or expired)
    ├── InsufficientCredits             code 2001, HTTP 402
    ├── ExportForbidden                 code 402, HTTP 402
    ├── UnsupportedMedia                code 4001, HTTP 415
    ├── MediaTooLarge                   code 4002, HTTP 413
    ├── RateLimited                     code 429, HTTP 429 (Retry-After)
    ├── MediaMissing                    code 400, HTTP 400 (a source file that is not there)
    ├── RenderFailed                    code 500, HTTP 500 (ffmpeg's exit and stderr tail)
    ├── GenerationFailed                code 500, HTTP 500
    ├── Cancelled                       code 499, HTTP 409
    └── BackendUnavailable              code 503, HTTP 503 (a model or extra not installed)
        └── ModelUnavailable            code 503, HTTP 503 (no worker of the fleet serves the model)
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AuthError",
    "BackendUnavailable",
    "Cancelled",
    "DraftInvalid",
    "ExportForbidden",
    "GenerationFailed",
    "InsufficientCredits",
    "InvalidInput",
    "LinkInvalid",
    "MediaMissing",
    "MediaTooLarge",
    "MissingClientId",
    "ModelUnavailable",
    "NotFound",
    "RateLimited",
    "ReelforgeError",
    "RenderFailed",
    "SessionNotFound",
    "UnsupportedMedia",
]


class ReelforgeError(Exception):
    """Base of every error reelforge raises on purpose."""

    code: int = 500
    status: int = 500
    default_message: str = "internal error"

    def __init__(self, message: str | None = None, *, data: dict[str, Any] | None = None) -> None:
        self.message = message or self.default_message
        self.data = data
        super().__init__(self.message)

    def envelope(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "data": self.data}


class InvalidInput(ReelforgeError):
    code = 400
    status = 400
    default_message = "invalid input"

    def __init__(self, message: str | None = None, *, field: str | None = None,
                 data: dict[str, Any] | None = None) -> None:
        self.field = field
        if field is not None:
            data = {"field": field, **(data or {})}
        super().__init__(message, data=data)


class DraftInvalid(InvalidInput):
    """A draft refused by validation: ``path`` is the JSON path of the first fault."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}" if path else reason, field=path or None,
                         data={"path": path, "reason": reason})


class MissingClientId(InvalidInput):
    default_message = "missing X-Client-Id header"


class AuthError(ReelforgeError):
    code = 1001
    status = 401
    default_message = "token missing, invalid or expired"


class SessionNotFound(ReelforgeError):
    code = 1002
    status = 404
    default_message = "session not found"


class NotFound(ReelforgeError):
    code = 404
    status = 404
    default_message = "not found"


class LinkInvalid(ReelforgeError):
    code = 403
    status = 403
    default_message = "download link invalid or expired"


class InsufficientCredits(ReelforgeError):
    code = 2001
    status = 402
    default_message = "not enough credits"


class ExportForbidden(ReelforgeError):
    code = 402
    status = 402
    default_message = "export refused"


class UnsupportedMedia(ReelforgeError):
    code = 4001
    status = 415
    default_message = "unsupported file type"


class MediaTooLarge(ReelforgeError):
    code = 4002
    status = 413
    default_message = "file too large"


class RateLimited(ReelforgeError):
    code = 429
    status = 429
    default_message = "rate limited"

    def __init__(self, message: str | None = None, *, retry_after: int = 30) -> None:
        self.retry_after = retry_after
        super().__init__(message, data={"retry_after": retry_after})


class MediaMissing(ReelforgeError):
    code = 400
    status = 400
    default_message = "media file not found"


class RenderFailed(ReelforgeError):
    code = 500
    status = 500
    default_message = "render failed"


class GenerationFailed(ReelforgeError):
    code = 500
    status = 500
    default_message = "generation failed"


class Cancelled(ReelforgeError):
    code = 499
    status = 409
    default_message = "cancelled"


class BackendUnavailable(ReelforgeError):
    code = 503
    status = 503
    default_message = "backend unavailable"


class ModelUnavailable(BackendUnavailable):
    """A generation asked for a model no running worker serves: refused now rather than queued forever."""

    default_message = "no worker serves this model"
