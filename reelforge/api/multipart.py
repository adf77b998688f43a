"""Receiving multipart uploads as a stream: each file goes to disk as it arrives, never into memory.

The size limit is enforced while streaming (the request stops at the first byte over
it) and the first bytes are sniffed as soon as they arrive, so a 200 MB executable is
refused after 4 KB, not after 200 MB.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from reelforge.errors import InvalidInput, MediaTooLarge
from reelforge.interchange.bundle import is_bundle
from reelforge.services.sniff import HEAD_BYTES, sniff
from reelforge.services.uploads import refuse_type

__all__ = ["ReceivedFile", "receive_files"]

MAX_FILES = 20


@dataclass
class ReceivedFile:
    name: str
    path: Path
    size: int = 0
    head: bytes = b""


@dataclass
class _State:
    dest: Path
    limit: int
    files: list[ReceivedFile] = field(default_factory=list)
    header_field: bytes = b""
    header_value: bytes = b""
    headers: dict[bytes, bytes] = field(default_factory=dict)
    current: ReceivedFile | None = None
    handle: IO[bytes] | None = None
    sniffed: bool = False


def _parser(state: _State, boundary: bytes) -> MultipartParser:
    def on_part_begin() -> None:
        state.headers.clear()

    def on_header_field(data: bytes, start: int, end: int) -> None:
        state.header_field += data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        state.header_value += data[start:end]

    def on_header_end() -> None:
        state.headers[state.header_field.lower()] = state.header_value
        state.header_field, state.header_value = b"", b""

    def on_headers_finished() -> None:
        _, options = parse_options_header(state.headers.get(b"content-disposition", b""))
        if b"filename" not in options:
            state.current = None  # a plain form field: ignored
            return
        if len(state.files) >= MAX_FILES:
            raise InvalidInput(f"files: at most {MAX_FILES} files per upload", field="files")
        fd, name = tempfile.mkstemp(dir=state.dest, suffix=".upload")
        state.handle = os.fdopen(fd, "wb")
        state.current = ReceivedFile(name=options[b"filename"].decode("utf-8", "replace"), path=Path(name))
        state.files.append(state.current)
        state.sniffed = False

    def on_part_data(data: bytes, start: int, end: int) -> None:
        current, handle = state.current, state.handle
        if current is None or handle is None:
            return
        chunk = data[start:end]
        current.size += len(chunk)
        if current.size > state.limit:
            raise MediaTooLarge(f"{current.name}: larger than {state.limit} bytes",
                                data={"limit_bytes": state.limit, "name": current.name})
        if len(current.head) < HEAD_BYTES:
            current.head += chunk[: HEAD_BYTES - len(current.head)]
        if not state.sniffed and len(current.head) >= HEAD_BYTES:
            state.sniffed = True
            if sniff(current.head) is None and not is_bundle(current.head):  # a bundle restores a project
                raise refuse_type(current.head, current.name)
        handle.write(chunk)  # local disk, page cache: no thread hop per chunk

    def on_part_end() -> None:
        if state.handle is not None:
            state.handle.close()
            state.handle = None
        state.current = None

    callbacks = {"on_part_begin": on_part_begin, "on_header_field": on_header_field,
                 "on_header_value": on_header_value, "on_header_end": on_header_end,
                 "on_headers_finished": on_headers_finished, "on_part_data": on_part_data,
                 "on_part_end": on_part_end}
    return MultipartParser(boundary, callbacks)  # type: ignore[arg-type]


async def receive_files(content_type: str, body: AsyncIterator[bytes], dest: Path, limit_bytes: int) -> list[ReceivedFile]:
    """Stream a ``multipart/form-data`` body into files under ``dest``; the caller removes them."""
    _, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if not boundary:
        raise InvalidInput("files: multipart body without a boundary", field="files")
    state = _State(dest=dest, limit=limit_bytes)
    parser = _parser(state, boundary)
    try:
        async for chunk in body:
            parser.write(chunk)
        parser.finalize()
    except MultipartParseError as exc:
        for received in state.files:
            received.path.unlink(missing_ok=True)
        raise InvalidInput("files: malformed multipart body", field="files") from exc
    except BaseException:
        for received in state.files:
            received.path.unlink(missing_ok=True)
        raise
    finally:
        if state.handle is not None:
            state.handle.close()
    if not state.files:
        raise InvalidInput("files: no file in the upload", field="files")
    return state.files
