"""A composition grid for titles, canvas, colours and exports: request templates written the way newcomers type
(fillers, politeness, word orders, both languages) crossed with the domain's vocabularies (colour names as people say
them, shapes, platforms, formats, places on the screen, quoting styles), each run through ``understand`` on a fixture
context and held to its expected plan. The vocabularies come from the domain (CSS and everyday colour names, the
words Chinese speakers use, the platforms' names), not from any corpus, so a word the rules lack fails here."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reelforge.draft.colors import color_value

from ._fixtures import grid_failures

# -- vocabularies -------------------------------------------------------------------------------------------------
# colours as English speakers name them -> the value the draft gets
EN_COLOURS = {
    "red": "#ff3b30", "white": "#ffffff", "yellow": "#ffcc00", "light blue": "#add8e6", "dark green": "#006400",
    "navy blue": "#001f3f", "hot pink": "#ff69b4", "off white": "#faf9f6", "off-white": "#faf9f6", "golden": "#ffd700",
    "neon green": "#39ff14", "baby blue": "#89cff0", "sky blue": "#87ceeb", "bright red": "#ff3b30",
    "crimson": "#dc143c", "coral": "#ff7f50", "lime green": "#32cd32", "royal blue": "#4169e1", "maroon": "#800000",
    "teal": "#30b0c7", "beige": "#f5f5dc", "lavender": "#b57edc", "turquoise": "#40e0d0", "burgundy": "#800020",
    "mint green": "#98ff98", "charcoal": "#36454f", "cream": "#fffdd0", "pale yellow": color_value("pale yellow"),
    "dark orange": "#ff8c00", "light grey": "#d3d3d3", "forest green": "#228b22", "lightblue": "#add8e6",
    "magenta": "#ff00ff", "rose gold": "#b76e79", "#ff8800": "#ff8800", "dark red": "#8b0000", "deep purple": color_value("deep purple"),
}
# colours as Chinese speakers name them
ZH_COLOURS = {
    "红色": "#ff3b30", "粉色": "#ff2d55", "紫色": "#af52de", "灰色": "#8e8e93", "金色": "#ffd700", "银色": "#c0c0c0",
    "棕色": "#a2845e", "咖啡色": "#a2845e", "米色": "#f5f5dc", "青色": "#32ade6", "天蓝色": "#87ceeb", "浅蓝色": "#add8e6",
    "深蓝色": "#001f3f", "藏青色": "#001f3f", "酒红色": "#800000", "玫红色": "#e0218a", "橘色": "#ff9500", "墨绿色": "#305d42",
    "浅绿色": "#90ee90", "深灰色": "#a9a9a9", "荧光绿": "#39ff14", "卡其色": "#f0e68c", "米白色": "#faf9f6", "宝蓝色": "#4169e1",
    "天蓝": "#87ceeb", "浅蓝": "#add8e6", "酒红": "#800000", "藏青": "#001f3f", "淡紫色": color_value("light purple"),
}
EN_TITLE_COLOUR = ("make the title {c}", "change the title colour to {c}", "title in {c} please",
                   "can you make the title text {c}", "i want the title to be {c}", "the title should be {c}",
                   "could you change the colour of the title to {c}?", "pls make the words {c}", "title color {c}",
                   "hey, turn the title {c}", "{c} title please", "i want {c} text", "can i get the text in {c}",
                   "switch the title over to {c}", "title: {c}", "the title would look better in {c}",
                   "recolor the title {c}")
ZH_TITLE_COLOUR = ("标题改成{c}", "标题颜色换成{c}", "把标题的颜色改成{c}", "字的颜色改成{c}", "帮我把标题换成{c}吧",
                   "标题颜色调成{c}", "标题用{c}", "麻烦把标题改成{c}，谢谢", "标题要{c}的", "我要{c}的标题", "字体颜色{c}",
                   "标题颜色：{c}", "把字换成{c}", "文字颜色改为{c}")
EN_BACKGROUND = ("make the background {c}", "change the bg to {c}", "background colour {c} please",
                 "set the background to {c}", "can the background be {c}?", "i'd like a {c} background", "{c} bg",
                 "background should be {c}", "paint the background {c}", "fill the background with {c}")
ZH_BACKGROUND = ("背景改成{c}", "背景颜色换成{c}", "把背景弄成{c}", "背景用{c}吧", "背景色改为{c}", "背景要{c}的", "背景色{c}",
                 "画布背景换成{c}", "视频背景改成{c}")
EN_BOX = ("put a {c} box behind the title", "give the title a {c} background", "title on a {c} box")
ZH_BOX = ("标题加个{c}的底", "给标题加一个{c}背景")

# shapes and platforms -> the aspect
EN_SHAPES = {
    "vertical": "9:16", "portrait": "9:16", "9:16": "9:16", "9x16": "9:16", "9 by 16": "9:16", "landscape": "16:9",
    "widescreen": "16:9", "horizontal": "16:9", "16:9": "16:9", "16 by 9": "16:9", "square": "1:1", "1:1": "1:1",
    "4:5": "4:5", "tiktok size": "9:16", "reels format": "9:16", "youtube shorts format": "9:16",
    "youtube format": "16:9", "instagram feed size": "4:5", "instagram story size": "9:16",
}
EN_SHAPE = ("make it {a}", "can you make the video {a}?", "switch it to {a}", "change the aspect ratio to {a}",
            "i need it {a} please", "make the whole thing {a}", "convert the video to {a}")
ZH_SHAPES = {"竖屏": "9:16", "横屏": "16:9", "竖版": "9:16", "横版": "16:9", "方形": "1:1", "正方形": "1:1",
             "9:16": "9:16", "16:9": "16:9", "1:1": "1:1", "4:5": "4:5", "9比16": "9:16", "抖音的尺寸": "9:16",
             "快手的比例": "9:16", "视频号的尺寸": "9:16", "B站的尺寸": "16:9", "横的": "16:9", "竖的": "9:16"}
ZH_SHAPE = ("改成{a}", "视频改成{a}", "帮我弄成{a}", "画面换成{a}吧", "视频比例调成{a}", "麻烦改成{a}")

# formats, platforms and quality -> the export
EN_FORMATS = ("mp4", "mov", "webm", "gif", "mp3")
EN_FORMAT = ("export it as {f}", "download it as an {f}", "save it as {f} please", "can i get an {f}?",
             "render it to {f}", "export {f}")
ZH_FORMAT = ("导出{f}", "导出成{f}", "保存为{f}", "帮我导出一个{f}", "下载成{f}格式", "导一个{f}")
EN_PLATFORMS = {"tiktok": "tiktok", "youtube": "youtube", "instagram reels": "reels", "youtube shorts": "shorts",
                "reels": "reels", "the web": "web"}
EN_PLATFORM = ("export for {p}", "export it for {p} please", "render a version for {p}", "download it for {p}")
ZH_PLATFORMS = {"抖音": "tiktok", "快手": "tiktok", "视频号": "tiktok", "油管": "youtube", "B站": "youtube",
                "朋友圈": "square"}
ZH_PLATFORM = ("导出给{p}", "导出一个发{p}的版本", "帮我导出 发{p}用", "出一份{p}的")
EN_QUALITY = {"in high quality": "high", "in hd": "high", "in 1080p": "high", "in the best quality": "high",
              "in low quality": "low", "as a small file": "low", "in medium quality": "medium"}
ZH_QUALITY = {"高清": "high", "高画质": "high", "最高画质": "high", "低画质": "low", "画质一般": "medium", "小文件": "low"}

# the export itself said every way
EN_EXPORTS = ("export it", "save it", "finalize it", "ok publish it", "can i download it", "send me the file",
              "render it please", "i'm done, export", "download the video", "give me the final video",
              "export the video please", "give me the finished version")
ZH_EXPORTS = ("导出", "导出吧", "下载视频", "保存一下", "帮我把视频存下来", "生成最终视频", "出片", "导出到相册", "渲染一下",
              "可以导出了", "帮我导出一下", "做好了 导出吧")

# places on the screen -> the text's position
EN_PLACES = {"top": "top", "bottom": "bottom", "middle": "center", "center": "center",
             "top left corner": {"x": 0.2, "y": 0.1}, "bottom right corner": {"x": 0.8, "y": 0.9},
             "top right": {"x": 0.8, "y": 0.1}, "bottom left": {"x": 0.2, "y": 0.9}}
EN_PLACE = ("move the title to the {p}", "put the title at the {p}", "title at the {p} please",
            "can you put the title in the {p}?", "i want the title at the {p}")
ZH_PLACES = {"顶部": "top", "底部": "bottom", "中间": "center", "正中间": "center", "左上角": {"x": 0.2, "y": 0.1},
             "右下角": {"x": 0.8, "y": 0.9}, "左下角": {"x": 0.2, "y": 0.9}, "右上角": {"x": 0.8, "y": 0.1},
             "上面": "top", "下面": "bottom", "最上面": "top"}
ZH_PLACE = ("标题移到{p}", "把标题放到{p}", "标题放{p}吧", "标题挪到{p}去")

# the title's new words, quoted every way
EN_QUOTES = ("'Night Drive'", "\"Night Drive\"", "“Night Drive”", "「Night Drive」", "Night Drive")
EN_RENAME = ("change the title to {q}", "make the title say {q}", "rename the title to {q}",
             "can the title say {q} instead?", "title should read {q}")
ZH_QUOTES = ("「夜行」", "“夜行”", "《夜行》", "'夜行'", "夜行")
ZH_RENAME = ("标题改成{q}", "把标题换成{q}", "标题叫{q}", "标题文字改为{q}")

# a title's size and time said every way -> the change
EN_SIZES = {"make the title bigger": 1.5, "make the title a lot bigger": 2.0, "title font bigger pls": 1.5,
            "increase the font size of the title": 1.5, "make the title larger": 1.5, "the title is tiny": 1.5,
            "make the title huge": 1.5, "make the title smaller": 0.67, "make the title tiny": 0.67,
            "make the words small please": 0.67, "shrink the title a bit": 0.67, "can the title be smaller?": 0.67}
ZH_SIZES = {"标题大一点": 1.5, "字号调大": 1.5, "字大点": 1.5, "标题放大一点": 1.5, "标题字再大些": 1.5,
            "标题缩小一点": 0.67, "字小一点": 0.67, "标题太大了": 0.67, "字号调小一点": 0.67}
EN_TIMES = {"show the title for the first 3 seconds": {"duration_ms": 3000},
            "title from 2s to 5s": {"start_ms": 2000, "duration_ms": 3000},
            "keep the title until 5s": {"duration_ms": 5000},
            "show the title only until 4 seconds": {"duration_ms": 4000},
            "show the title just for 2 seconds": {"duration_ms": 2000},
            "have the title show from 1 second to 4 seconds": {"start_ms": 1000, "duration_ms": 3000},
            "make the title appear 2 seconds later": {"start_ms": 2000}}
ZH_TIMES = {"标题只显示前三秒": {"duration_ms": 3000}, "标题从2秒到5秒": {"start_ms": 2000, "duration_ms": 3000},
            "标题显示到第5秒": {"duration_ms": 5000}, "标题前3秒显示": {"duration_ms": 3000},
            "标题从第1秒出现到第4秒": {"start_ms": 1000, "duration_ms": 3000}, "标题晚两秒出来": {"start_ms": 2000}}
# a new title with its colour and place, said in one breath
EN_ADD = ("add the title 'Hi' in {c} at the top", "put a {c} title 'Hi' at the top", "title 'Hi' at the top in {c}")
ZH_ADD = ("加个标题「你好」，{c}，放在顶部", "在顶部加一行{c}的字「你好」")

# a title's new words holding numbers and ordinals, unquoted: its words as said, never a clip or a time
EN_NUMBERED = ("Day 3", "Chapter Two", "Part 2", "10 Things To Do", "The 2nd Try", "Summer 2026")
EN_NUMBERED_SAID = ("change the title to {w}", "make the title say {w}", "rename the title to {w}",
                    "the title should say {w}")
ZH_NUMBERED = ("第三天", "第二章", "三个人的旅行", "第1天", "2026夏天", "十年之后", "一起去看海")
ZH_NUMBERED_SAID = ("标题改成{w}", "把标题改成 {w}", "标题叫{w}", "标题换成{w}", "标题文字改为{w}")


def _half(colours: dict[str, str], index: int) -> list[tuple[str, str]]:
    """Every other colour, starting at the template's parity: each colour meets half the templates (a cheaper grid)."""
    return list(colours.items())[index % 2::2]


def _cases() -> Iterator[dict[str, Any]]:
    for index, template in enumerate(EN_TITLE_COLOUR):
        for said, value in _half(EN_COLOURS, index):
            yield {"ctx": "full", "msg": template.format(c=said), "expect": [{"do": "update_text", "color": value}]}
    for index, template in enumerate(ZH_TITLE_COLOUR):
        for said, value in _half(ZH_COLOURS, index):
            yield {"ctx": "full", "msg": template.format(c=said), "expect": [{"do": "update_text", "color": value}]}
    for index, template in enumerate(EN_BACKGROUND):
        for said, value in _half(EN_COLOURS, index):
            yield {"ctx": "one_clip", "msg": template.format(c=said), "expect": [{"do": "set_canvas", "bg": value}]}
    for index, template in enumerate(ZH_BACKGROUND):
        for said, value in _half(ZH_COLOURS, index):
            yield {"ctx": "one_clip", "msg": template.format(c=said), "expect": [{"do": "set_canvas", "bg": value}]}
    for template in EN_BOX:
        for said, value in list(EN_COLOURS.items())[::3]:
            yield {"ctx": "full", "msg": template.format(c=said), "expect": [{"do": "update_text", "bgcolor": value}]}
    for template in ZH_BOX:
        for said, value in list(ZH_COLOURS.items())[::3]:
            yield {"ctx": "full", "msg": template.format(c=said), "expect": [{"do": "update_text", "bgcolor": value}]}
    for template in EN_SHAPE:
        for said, aspect in EN_SHAPES.items():
            yield {"ctx": "full", "msg": template.format(a=said), "expect": [{"do": "set_canvas", "aspect": aspect}]}
    for template in ZH_SHAPE:
        for said, aspect in ZH_SHAPES.items():
            yield {"ctx": "full", "msg": template.format(a=said), "expect": [{"do": "set_canvas", "aspect": aspect}]}
    for template in EN_FORMAT:
        for fmt in EN_FORMATS:
            yield {"ctx": "full", "msg": template.format(f=fmt), "expect": [{"do": "export", "format": fmt}]}
    for template in ZH_FORMAT:
        for fmt in EN_FORMATS:
            yield {"ctx": "full", "msg": template.format(f=fmt), "expect": [{"do": "export", "format": fmt}]}
    for template in EN_PLATFORM:
        for said, preset in EN_PLATFORMS.items():
            yield {"ctx": "full", "msg": template.format(p=said), "expect": [{"do": "export", "preset": preset}]}
    for template in ZH_PLATFORM:
        for said, preset in ZH_PLATFORMS.items():
            yield {"ctx": "full", "msg": template.format(p=said), "expect": [{"do": "export", "preset": preset}]}
    for said in EN_EXPORTS + ZH_EXPORTS:
        yield {"ctx": "full", "msg": said, "expect": [{"do": "export"}]}
    for said, quality in EN_QUALITY.items():
        for template in ("export it {q}", "can you export {q}?", "download the video {q} please"):
            yield {"ctx": "full", "msg": template.format(q=said), "expect": [{"do": "export", "quality": quality}]}
    for said, quality in ZH_QUALITY.items():
        for template in ("导出{q}的", "帮我导出，要{q}", "导出一下 {q}"):
            yield {"ctx": "full", "msg": template.format(q=said), "expect": [{"do": "export", "quality": quality}]}
    for template in EN_PLACE:
        for said, pos in EN_PLACES.items():
            yield {"ctx": "full", "msg": template.format(p=said), "expect": [{"do": "update_text", "pos": pos}]}
    for template in ZH_PLACE:
        for said, pos in ZH_PLACES.items():
            yield {"ctx": "full", "msg": template.format(p=said), "expect": [{"do": "update_text", "pos": pos}]}
    for said, scale in EN_SIZES.items():
        yield {"ctx": "full", "msg": said, "expect": [{"do": "update_text", "scale": scale}]}
    for said, scale in ZH_SIZES.items():
        yield {"ctx": "full", "msg": said, "expect": [{"do": "update_text", "scale": scale}]}
    for said, fields in (EN_TIMES | ZH_TIMES).items():
        yield {"ctx": "full", "msg": said, "expect": [{"do": "update_text", **fields}]}
    for template in EN_ADD:
        for said, value in list(EN_COLOURS.items())[::4]:
            yield {"ctx": "one_clip", "msg": template.format(c=said),
                   "expect": [{"do": "add_text", "text": "Hi", "pos": "top", "color": value}]}
    for template in ZH_ADD:
        for said, value in list(ZH_COLOURS.items())[::3]:
            yield {"ctx": "one_clip", "msg": template.format(c=said),
                   "expect": [{"do": "add_text", "text": "你好", "pos": "top", "color": value}]}
    for said in ("make the title bold", "bold the title please", "title in italics", "标题加粗", "标题换成斜体"):
        yield {"ctx": "full", "msg": said, "expect": [{"do": "unknown"}]}  # no such look: asked, never another edit
    for said, value in list(EN_COLOURS.items())[::5]:
        yield {"ctx": "one_clip", "msg": f"make the captions {said}", "expect": [{"do": "set_captions", "color": value}]}
    for template in EN_NUMBERED_SAID:
        for words in EN_NUMBERED:
            yield {"ctx": "full", "msg": template.format(w=words), "expect": [{"do": "update_text", "text": words}]}
    for template in ZH_NUMBERED_SAID:
        for words in ZH_NUMBERED:
            yield {"ctx": "full", "msg": template.format(w=words), "expect": [{"do": "update_text", "text": words}]}
    for template in EN_RENAME:
        for quoted in EN_QUOTES:
            yield {"ctx": "full", "msg": template.format(q=quoted), "expect": [{"do": "update_text", "text": "Night Drive"}]}
    for template in ZH_RENAME:
        for quoted in ZH_QUOTES:
            yield {"ctx": "full", "msg": template.format(q=quoted), "expect": [{"do": "update_text", "text": "夜行"}]}


CASES = list(_cases())


def test_grid_is_large_and_bilingual() -> None:
    zh = [c for c in CASES if any("\u4e00" <= ch <= "\u9fff" for ch in c["msg"])]
    assert len(CASES) >= 1000
    assert len(zh) >= len(CASES) // 3


def test_every_grid_phrasing_plans_what_it_asks() -> None:
    failures = grid_failures(CASES)
    assert not failures, f"{len(failures)} of {len(CASES)}:\n" + "\n".join(failures[:40])


if __name__ == "__main__":
    found = grid_failures(CASES)
    print("\n".join(found))
    print(f"{len(found)} of {len(CASES)} fail")
