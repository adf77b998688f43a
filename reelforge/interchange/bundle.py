"""Project bundles: a draft and every media file it uses, as one zip that moves between machines.

Layout: ``project.json`` (``{"format": "reelforge-bundle", "version": 1, "draft": ...}``, each ``src``
rewritten to ``media/<n>-<name>``) and the files under ``media/``. Packing stores media as they are
(they are compressed already) and the JSON deflated.

A bundle someone sends is untrusted input, so :func:`open_bundle` reads it defensively: names must be
plain relative paths under ``media/`` (no ``..``, no absolute or drive paths, no links, no duplicates),
the entry count is bounded, and every entry is streamed out with its bytes counted against a total
limit and against its own compressed size (a zip bomb is refused however its header lies).
Unsafe structure is :class:`UnsupportedMedia` (4001); too many bytes is :class:`MediaTooLarge` (4002).
"""

from __future__ import annotations

import json
import shutil
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from reelforge.draft import Draft
from reelforge.errors import DraftInvalid, MediaTooLarge, UnsupportedMedia

__all__ = ["BUNDLE_FORMAT", "BundleLimits", "OpenedBundle", "is_bundle", "open_bundle", "pack_bundle"]

BUNDLE_FORMAT = "reelforge-bundle"
MANIFEST = "project.json"
MEDIA_DIR = "media"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class BundleLimits:
    total_bytes: int = 2 * 1024**3       # everything unpacked
    max_entries: int = 500
    max_ratio: int = 100                 # unpacked / packed, per entry (media barely compress; JSON ~10x)
    ratio_floor_bytes: int = 1 << 20     # entries smaller than this may compress as well as they like
    manifest_bytes: int = 20 * 1024**2


@dataclass
class OpenedBundle:
    draft: Draft          # src values are paths under ``folder`` (``media/...``)
    folder: Path          # where the media were written
    media: list[Path]     # the files, in the order the draft first uses them
    name: str


def is_bundle(head: bytes) -> bool:
    """Whether a file's first bytes are a zip's (a bundle is the only zip reelforge accepts)."""
    return head[:4] == b"PK\x03\x04"


def pack_bundle(draft: Draft, locate: Callable[[str], Path], out: Path, name: str = "project") -> Path:
    """Write ``draft`` and the files its ``src`` values name (``locate`` finds each) to the zip ``out``."""
    renamed: dict[str, str] = {}
    files: list[tuple[Path, str]] = []
    for src in draft.media_refs():
        if src in renamed:
            continue
        path = locate(src)
        safe = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in path.name)[-80:] or "file"
        renamed[src] = f"{MEDIA_DIR}/{len(files) + 1}-{safe}"
        files.append((path, renamed[src]))
    wire = draft.to_wire()
    for track in wire.get("t", []):
        for segment in track.get("sg", []):
            if segment.get("src") in renamed:
                segment["src"] = renamed[segment["src"]]
    manifest = {"format": BUNDLE_FORMAT, "version": 1, "name": name, "draft": wire}
    partial = out.with_name(out.name + ".partial")
    try:
        with zipfile.ZipFile(partial, "w") as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2), zipfile.ZIP_DEFLATED)
            for path, arcname in files:
                archive.write(path, arcname, zipfile.ZIP_STORED)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return out


def _safe_name(info: zipfile.ZipInfo) -> str:
    name = info.filename
    pure = PurePosixPath(name)
    mode = info.external_attr >> 16
    if ("\\" in name or name.startswith("/") or ":" in name or any(p in ("..", "") for p in pure.parts)
            or stat.S_ISLNK(mode) or info.flag_bits & 0x1):
        raise UnsupportedMedia(f"bundle: unsafe entry {name[:200]!r} (a path outside the bundle, a link, or encrypted)",
                               data={"entry": name[:200]})
    if name != MANIFEST and (len(pure.parts) != 2 or pure.parts[0] != MEDIA_DIR):
        raise UnsupportedMedia(f"bundle: unexpected entry {name[:200]!r} (only {MANIFEST} and {MEDIA_DIR}/...)",
                               data={"entry": name[:200]})
    return name


def _copy_counted(archive: zipfile.ZipFile, info: zipfile.ZipInfo, out: Path, budget: int,
                  limits: BundleLimits) -> int:
    """Stream one entry to ``out``; refuse once it passes the budget or its ratio (headers can lie)."""
    allowed = max(limits.ratio_floor_bytes, info.compress_size * limits.max_ratio)
    written = 0
    with archive.open(info) as source, out.open("wb") as sink:
        while chunk := source.read(_CHUNK):
            written += len(chunk)
            if written > budget:
                raise MediaTooLarge(f"bundle: unpacks to more than {limits.total_bytes // 1024**2} MB",
                                    data={"limit_bytes": limits.total_bytes})
            if written > allowed:
                raise MediaTooLarge(f"bundle: {info.filename[:200]!r} unpacks more than {limits.max_ratio}x its "
                                    "packed size (a zip bomb?)", data={"entry": info.filename[:200]})
            sink.write(chunk)
    return written


def open_bundle(path: Path, folder: Path, limits: BundleLimits = BundleLimits()) -> OpenedBundle:
    """Unpack a bundle into ``folder`` (which it creates) and read its draft; see the module's rules."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnsupportedMedia("bundle: not a readable zip file") from exc
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if len(infos) > limits.max_entries:
            raise UnsupportedMedia(f"bundle: more than {limits.max_entries} files")
        names = [_safe_name(info) for info in infos]
        if len(set(names)) != len(names):
            raise UnsupportedMedia("bundle: the same name twice")
        if MANIFEST not in names:
            raise UnsupportedMedia(f"bundle: no {MANIFEST} (make one with `reelforge pack`)")
        folder.mkdir(parents=True, exist_ok=True)
        budget = limits.total_bytes
        try:
            manifest_info = archive.getinfo(MANIFEST)
            if manifest_info.file_size > limits.manifest_bytes:
                raise MediaTooLarge(f"bundle: {MANIFEST} is larger than {limits.manifest_bytes // 1024**2} MB")
            budget -= _copy_counted(archive, manifest_info, folder / MANIFEST, min(budget, limits.manifest_bytes),
                                    limits)
            (folder / MEDIA_DIR).mkdir(exist_ok=True)
            for info, name in zip(infos, names, strict=True):
                if name != MANIFEST:
                    budget -= _copy_counted(archive, info, folder / name, budget, limits)
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except zipfile.BadZipFile as exc:
            shutil.rmtree(folder, ignore_errors=True)
            raise UnsupportedMedia(f"bundle: a damaged entry ({exc})") from exc
        except (ValueError, UnicodeDecodeError) as exc:
            shutil.rmtree(folder, ignore_errors=True)
            raise DraftInvalid("", f"bundle: {MANIFEST} is not valid JSON") from exc
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT or not isinstance(
            manifest.get("draft"), dict):
        raise UnsupportedMedia(f"bundle: {MANIFEST} is not a reelforge project")
    draft = Draft.from_wire(manifest["draft"])
    present = set(names)
    media: list[Path] = []
    for src in draft.media_refs():
        if src not in present:
            raise DraftInvalid("", f"bundle: the draft uses {src[:200]!r}, which the bundle does not hold")
        if folder / src not in media:
            media.append(folder / src)
    return OpenedBundle(draft=draft, folder=folder, media=media, name=str(manifest.get("name") or "project"))
