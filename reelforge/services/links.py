"""Signed, expiring download links: they work without the bearer token, so they carry an HMAC.

itsdangerous signs ``{"k": kind, "id": id}`` with the server key and a timestamp; a link
that was altered or is older than ``signed_url_ttl_s`` is refused (403).
"""

from __future__ import annotations

from itsdangerous import BadSignature, URLSafeTimedSerializer

from reelforge.errors import LinkInvalid

__all__ = ["LinkSigner"]


class LinkSigner:
    def __init__(self, secret: str, ttl_s: int, public_url: str) -> None:
        self._serializer = URLSafeTimedSerializer(secret, salt="reelforge-download")
        self.ttl_s = ttl_s
        self.public_url = public_url.rstrip("/")

    def url(self, kind: str, object_id: str) -> str:
        """An absolute URL downloading the ``kind`` ("render" | "media") object ``object_id``."""
        token = self._serializer.dumps({"k": kind, "id": object_id})
        return f"{self.public_url}/api/download/{token}"

    def open(self, token: str) -> tuple[str, str]:
        """``(kind, id)`` of a link's token; raises :class:`LinkInvalid` if altered or expired."""
        try:
            claims = self._serializer.loads(token, max_age=self.ttl_s)
        except BadSignature as exc:  # SignatureExpired is a BadSignature too
            raise LinkInvalid() from exc
        if not isinstance(claims, dict) or not isinstance(claims.get("k"), str) or not isinstance(claims.get("id"), str):
            raise LinkInvalid()
        return claims["k"], claims["id"]
