"""Filter-graph text: escaping, colours and times."""

from __future__ import annotations

import subprocess

import pytest

from reelforge.ffmpeg import ffmpeg_exe
from reelforge.render._syntax import ffmpeg_color, option_value, seconds


@pytest.mark.parametrize(("css", "expected"), [
    ("#ffffff", "0xffffff@1.000"), ("#FfA", "0xffffaa@1.000"), ("#00000080", "0x000000@0.502"),
    ("white", "0xffffff@1.000"), ("Red", "0xff3b30@1.000"), (None, "0xffffff@1.000"),
    ("red:box=1", "0xffffff@1.000"), ("#12345", "0xffffff@1.000"), ("0xff0000'", "0xffffff@1.000"),
])
def test_colours_are_normalised_and_anything_else_falls_back(css: str | None, expected: str) -> None:
    assert ffmpeg_color(css) == expected


def test_seconds_are_exact_to_the_millisecond() -> None:
    assert [seconds(v) for v in (0, 1500, 33, 30000, 1001)] == ["0", "1.5", "0.033", "30", "1.001"]


def test_plain_values_stay_readable() -> None:
    assert option_value("(w-text_w)/2") == "(w-text_w)/2"
    assert option_value("if(lt(t,1),0,1)") == r"if(lt(t\,1)\,0\,1)"


@pytest.mark.parametrize("value", ["it's: [x],y;z\\w", "a b", "%{pts}", "''", "\\", "x]", "k=v:q", "a\nb"])
def test_escaped_values_reach_the_filter_unchanged(value: str) -> None:
    # metadata=mode=add stores the option value and mode=print logs it back: it must be exactly ``value``.
    graph = (f"color=c=black:s=16x16:d=0.04,metadata=mode=add:key=probe:value={option_value(value)},"
             "metadata=mode=print:key=probe")
    result = subprocess.run([ffmpeg_exe(), "-hide_banner", "-filter_complex", graph, "-f", "null", "-"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-600:]
    printed = [line.split("probe=", 1)[1] for line in result.stderr.splitlines() if "probe=" in line]
    assert printed[0] == value.split("\n")[0]
