"""The shared vocabularies of agent/_intents/_words.py: Chinese colour words as people say them (ZH_COLORS, shades said
as a degree) and the platforms' shapes."""

from __future__ import annotations

import pytest

from reelforge.agent._intents._words import aspect_of, color_of, colors_in
from reelforge.agent._text import split_clauses
from reelforge.draft.colors import PALETTE, color_value


@pytest.mark.parametrize(("text", "value"), [
    # 深蓝 is navy, however its shade is said
    ("深蓝色", PALETTE["navy"]), ("深蓝", PALETTE["navy"]), ("暗蓝色", PALETTE["navy"]), ("偏暗的蓝色", PALETTE["navy"]),
    ("深一点的蓝色", PALETTE["navy"]), ("藏青色", PALETTE["navy"]),
    # a shade said as a degree before any colour
    ("暗一点的红", color_value("dark red")), ("稍微浅一些的绿色", color_value("light green")),
    ("有点暗的红色", color_value("dark red")),
    # a colour after 偏 is that colour
    ("偏红一点", PALETTE["red"]), ("偏粉的", PALETTE["pink"]),
    # everyday and trade names
    ("灰蓝色", "#6699cc"), ("粉蓝", color_value("powder blue")), ("土豪金", PALETTE["gold"]), ("米黄色", color_value("wheat")),
    ("樱花粉", "#ffb7c5"), ("玫瑰金", color_value("rose gold")), ("牛仔蓝", color_value("denim")),
    ("高级灰", PALETTE["gray"]), ("朱红", color_value("vermilion")),
    # a colour said twice; a value typed in a Chinese message (its commas read full-width)
    ("蓝蓝的", PALETTE["blue"]), ("背景改成rgb(10，20，30)", "#0a141e"), ("标题改成#ffd700", "#ffd700"),
    # a value typed any way: with alpha, as ffmpeg writes it, rgb without brackets, six digits after what names them
    ("make the title #ff000080", "#ff000080"), ("title color 0xff0000", "#ff0000"), ("make the title rgb 255 0 0", "#ff0000"),
    ("title colour hex ff0000", "#ff0000"), ("标题颜色改成ff6600", "#ff6600"),
])
def test_a_chinese_colour_word_reads_as_its_value(text: str, value: str) -> None:
    found = colors_in(text)
    assert found and found[0][0] == value


@pytest.mark.parametrize("text", ["的蓝天", "颜色深一点", "字的黑底也去掉"])
def test_a_degree_or_a_bare_character_is_no_new_colour(text: str) -> None:
    assert [value for value, _, said in colors_in(text) if said in ("蓝", "深")] == []


@pytest.mark.parametrize(("text", "aspect"), [
    ("make it for facebook", "1:1"), ("make it for linkedin", "1:1"), ("post it on fb", "1:1"),
    ("make it a facebook story", "9:16"), ("make it pinterest size", "9:16"), ("whatsapp status", "9:16"),
    ("make it for twitter", "16:9"), ("改成微博的尺寸", "16:9"), ("做成西瓜视频的比例", "16:9"),
    # the platforms there were keep their shapes
    ("make it for instagram", "1:1"), ("instagram story", "9:16"), ("小红书", "4:5"), ("b站", "16:9"),
])
def test_a_platform_named_is_its_feed_shape(text: str, aspect: str) -> None:
    clause = split_clauses(text, "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en")[0]
    assert aspect_of(clause) == aspect


@pytest.mark.parametrize(("text", "value"), [
    ("change the title colour from red to blue", PALETTE["blue"]), ("make the title blue instead of red", PALETTE["blue"]),
    ("title not red, blue", PALETTE["blue"]), ("turn the white title yellow", PALETTE["yellow"]),
    ("replace the black background with a white one", PALETTE["white"]), ("标题从红色改成蓝色", PALETTE["blue"]),
    ("把白色的标题改成黄色", PALETTE["yellow"]), ("标题的红色换成蓝色", PALETTE["blue"]), ("把黑色背景换成白色", PALETTE["white"]),
    # two colours for two things: the first, as said
    ("make the title red and the background blue", PALETTE["red"]), ("white text on a black box", PALETTE["white"]),
])
def test_the_colour_asked_for_is_not_the_one_there_is(text: str, value: str) -> None:
    assert color_of(text) == value
