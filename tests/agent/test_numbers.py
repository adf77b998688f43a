"""Numbers and durations in both languages become digits the intents read."""

from __future__ import annotations

import pytest

from reelforge.agent._numbers import duration_ms, normalize, time_range, zh_number


@pytest.mark.parametrize(("text", "ms"), [
    ("ten seconds", 10000), ("half a minute", 30000), ("1.5s", 1500), ("十秒", 10000), ("5秒", 5000),
    ("半分钟", 30000), ("两秒", 2000), ("十五秒", 15000), ("1分30秒", 90000), ("一分钟", 60000),
    ("twenty-five seconds", 25000), ("a minute and a half", 90000), ("1:30", 90000), ("2 minutes", 120000),
    ("10-second clip", 10000), ("一分半", 90000), ("０．５秒", 500),
])
def test_durations_in_words_and_digits(text: str, ms: int) -> None:
    assert duration_ms(normalize(text)) == ms


def test_ranges_and_percentages() -> None:
    assert time_range(normalize("from 2s to 5s")) == (2000, 5000)
    assert time_range(normalize("从两秒到五秒")) == (2000, 5000)
    assert time_range(normalize("5 to 2 seconds")) is None
    assert normalize("百分之三十") == "30%"


def test_words_that_are_not_quantities_are_left_alone() -> None:
    assert normalize("the second clip") == "the second clip"
    assert normalize("one of the clips") == "one of the clips"
    assert normalize("等一下") == "等一下"
    assert normalize("第二个片段") == "第2个片段"
    assert zh_number("一百二十") == 120 and zh_number("零点五") == 0.5 and zh_number("abc") is None
