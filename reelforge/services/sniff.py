"""What a file is, judged by its bytes (never its name): the upload formats PROTOCOL.md accepts.

Our own signature checks decide; ``puremagic`` names what a refused file looks like
(an ELF binary called ``clip.mp4`` is refused as "ELF executable", not "bad mp4").
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ACCEPTED", "HEAD_BYTES", "Format", "describe", "is_utf8_text", "sniff"]

HEAD_BYTES = 4096
ACCEPTED = ["mp4", "mov", "avi", "webm", "mkv", "jpg", "png", "gif", "webp", "mp3", "wav", "m4a", "aac", "txt"]


@dataclass(frozen=True)
class Format:
    ext: str
    mime: str
    kind: str       # video | image | audio | text


_FORMATS = {f.ext: f for f in [
    Format("mp4", "video/mp4", "video"), Format("mov", "video/quicktime", "video"),
    Format("avi", "video/x-msvideo", "video"), Format("webm", "video/webm", "video"),
    Format("mkv", "video/x-matroska", "video"), Format("jpg", "image/jpeg", "image"),
    Format("png", "image/png", "image"), Format("gif", "image/gif", "image"),
    Format("webp", "image/webp", "image"), Format("mp3", "audio/mpeg", "audio"),
    Format("wav", "audio/wav", "audio"), Format("m4a", "audio/mp4", "audio"),
    Format("aac", "audio/aac", "audio"), Format("txt", "text/plain", "text"),
]}
_QUICKTIME_ATOMS = (b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")
_AUDIO_BRANDS = (b"M4A ", b"M4B ", b"M4P ")


def _iso_bmff(head: bytes) -> str | None:
    if len(head) >= 12 and head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand == b"qt  ":
            return "mov"
        return "m4a" if brand in _AUDIO_BRANDS else "mp4"
    if len(head) >= 8 and head[4:8] in _QUICKTIME_ATOMS:
        return "mov"
    return None


def _riff(head: bytes) -> str | None:
    if head[:4] != b"RIFF" or len(head) < 12:
        return None
    return {b"AVI ": "avi", b"WAVE": "wav", b"WEBP": "webp"}.get(head[8:12])


def _mpeg_audio(head: bytes) -> str | None:
    if head[:3] == b"ID3":
        return "mp3"
    if head[:4] == b"ADIF":
        return "aac"
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        layer = (head[1] >> 1) & 0b11
        if layer == 0 and head[1] & 0xF6 == 0xF0:    # ADTS: sync 0xFFF, layer 00
            return "aac"
        if layer != 0 and (head[1] >> 3) & 0b11 != 0b01:  # MPEG audio, a valid version
            return "mp3"
    return None


def is_utf8_text(data: bytes, *, truncated: bool) -> bool:
    """UTF-8 without NULs or stray control characters (a cut multi-byte tail is fine if truncated)."""
    if not data:
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if not truncated or exc.start < len(data) - 3:
            return False
        text = data[: exc.start].decode("utf-8")
    return not any(ord(ch) < 32 and ch not in "\t\n\r\f" for ch in text)


def sniff(head: bytes, *, complete: bool = False) -> Format | None:
    """The accepted format ``head`` (the file's first bytes) shows, or None.

    ``complete`` says ``head`` is the whole file (decides a truncated UTF-8 tail).
    """
    ext = (_iso_bmff(head) or _riff(head)
           or ("mkv" if head[:4] == b"\x1a\x45\xdf\xa3" else None)
           or ("jpg" if head[:3] == b"\xff\xd8\xff" else None)
           or ("png" if head[:8] == b"\x89PNG\r\n\x1a\n" else None)
           or ("gif" if head[:6] in (b"GIF87a", b"GIF89a") else None)
           or _mpeg_audio(head))
    if ext == "mkv" and b"webm" in head[:64]:
        ext = "webm"
    if ext is None and is_utf8_text(head.removeprefix(b"\xef\xbb\xbf"), truncated=not complete):
        ext = "txt"
    return _FORMATS[ext] if ext else None


def describe(head: bytes) -> str:
    """A human name for what ``head`` looks like (for refusals)."""
    import puremagic

    try:
        matches = puremagic.magic_string(head)
    except puremagic.PureError:
        return "unknown content"
    return matches[0].name if matches else "unknown content"
