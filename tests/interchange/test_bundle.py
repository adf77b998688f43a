"""Project bundles: a draft and its media as one zip; an untrusted zip is read with limits and refused clearly."""

from __future__ import annotations

import io
import json
import stat
import zipfile
from pathlib import Path

import pytest

from reelforge.draft import Draft
from reelforge.errors import DraftInvalid, MediaTooLarge, UnsupportedMedia
from reelforge.interchange.bundle import BundleLimits, is_bundle, open_bundle, pack_bundle

MANIFEST = {"format": "reelforge-bundle", "version": 1, "name": "p",
            "draft": {"v": 1, "t": [{"id": "v1", "tt": 0, "sg": [{"id": "s1", "src": "media/1-a.mp4", "d": 1000}]}]}}


def _zip(path: Path, entries: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def test_pack_then_open_gives_the_draft_back_with_its_files(tmp_path: Path) -> None:
    (tmp_path / "a clip.mp4").write_bytes(b"A" * 1000)
    (tmp_path / "song.wav").write_bytes(b"S" * 500)
    draft = Draft.from_wire({"v": 1, "t": [
        {"id": "v1", "tt": 0, "sg": [{"id": "s1", "src": "a clip.mp4", "d": 1000},
                                     {"id": "s2", "src": "a clip.mp4", "s": 1000, "d": 1000}]},
        {"id": "a1", "tt": 1, "sg": [{"id": "m1", "src": "song.wav", "d": 2000, "m": {"vol": 0.35}}]}]})
    out = pack_bundle(draft, lambda src: tmp_path / src, tmp_path / "project.zip", name="demo")
    assert is_bundle(out.read_bytes()[:4])
    opened = open_bundle(out, tmp_path / "unpacked")
    srcs = [s.src for t in opened.draft.tracks for s in t.segments]
    assert srcs == ["media/1-a_clip.mp4", "media/1-a_clip.mp4", "media/2-song.wav"]
    assert [p.read_bytes() for p in opened.media] == [b"A" * 1000, b"S" * 500]
    assert opened.draft.tracks[1].segments[0].meta.volume == 0.35 and opened.name == "demo"


@pytest.mark.parametrize("name", ["../evil.mp4", "/etc/evil.mp4", "media/../../evil.mp4", "media\\..\\evil.mp4",
                                  "C:/evil.mp4", "other/evil.mp4", "media/sub/evil.mp4"])
def test_paths_outside_the_bundle_are_refused_as_4001(tmp_path: Path, name: str) -> None:
    bundle = _zip(tmp_path / "b.zip", {"project.json": json.dumps(MANIFEST).encode(), name: b"x"})
    with pytest.raises(UnsupportedMedia) as caught:
        open_bundle(bundle, tmp_path / "out")
    assert caught.value.code == 4001
    assert not (tmp_path / "evil.mp4").exists() and not (tmp_path.parent / "evil.mp4").exists()


def test_a_link_entry_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("project.json", json.dumps(MANIFEST))
        link = zipfile.ZipInfo("media/1-a.mp4")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    (tmp_path / "b.zip").write_bytes(buffer.getvalue())
    with pytest.raises(UnsupportedMedia, match="link"):
        open_bundle(tmp_path / "b.zip", tmp_path / "out")


def test_a_zip_bomb_is_refused_as_4002_whatever_its_header_says(tmp_path: Path) -> None:
    bomb = _zip(tmp_path / "bomb.zip", {"project.json": json.dumps(MANIFEST).encode(),
                                        "media/1-a.mp4": b"\0" * (20 * 1024 * 1024)})
    assert bomb.stat().st_size < 100_000
    with pytest.raises(MediaTooLarge) as caught:
        open_bundle(bomb, tmp_path / "out")
    assert caught.value.code == 4002 and "zip bomb" in caught.value.message
    assert not (tmp_path / "out").exists()  # nothing is left behind


def test_a_bundle_over_the_total_limit_is_4002(tmp_path: Path) -> None:
    big = _zip(tmp_path / "big.zip", {"project.json": json.dumps(MANIFEST).encode(),
                                      "media/1-a.mp4": bytes(range(256)) * 8192}, compression=zipfile.ZIP_STORED)
    with pytest.raises(MediaTooLarge, match="more than"):
        open_bundle(big, tmp_path / "out", BundleLimits(total_bytes=1024 * 1024))


@pytest.mark.parametrize(("entries", "error", "words"), [
    ({"media/1-a.mp4": b"x"}, UnsupportedMedia, "no project.json"),
    ({"project.json": b'{"format": "something-else"}'}, UnsupportedMedia, "not a reelforge project"),
    ({"project.json": b"{not json"}, DraftInvalid, "not valid JSON"),
    ({"project.json": json.dumps(MANIFEST).encode()}, DraftInvalid, "does not hold"),
])
def test_a_bundle_that_is_not_a_project_says_why(tmp_path: Path, entries: dict[str, bytes],
                                                  error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        open_bundle(_zip(tmp_path / "b.zip", entries), tmp_path / "out")


def test_too_many_entries_or_not_a_zip_at_all(tmp_path: Path) -> None:
    many = _zip(tmp_path / "many.zip", {"project.json": b"{}", **{f"media/{i}.mp4": b"x" for i in range(20)}})
    with pytest.raises(UnsupportedMedia, match="more than 10 files"):
        open_bundle(many, tmp_path / "out", BundleLimits(max_entries=10))
    (tmp_path / "fake.zip").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(UnsupportedMedia, match="not a readable zip"):
        open_bundle(tmp_path / "fake.zip", tmp_path / "out2")
