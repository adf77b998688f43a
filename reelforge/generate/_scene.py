"""Reading a prompt as a scene: time of day, elements, mood and the palette they imply.

``parse_scene`` is pure and knows English and Chinese. English words match whole
words (``fire`` is not in ``fireworks``); Chinese has no spaces, so its terms match as
substrings, longest first, and a matched term is blanked out so that its shorter parts
do not match again (``烟火`` is fireworks, not fire; ``花田`` is one field of flowers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

__all__ = ["ELEMENTS", "Palette", "Scene", "TimeOfDay", "parse_scene"]

TimeOfDay = Literal["dawn", "sunrise", "day", "golden", "sunset", "dusk", "night"]
RGB = tuple[float, float, float]

# (name, English words, Chinese terms). The order is the canonical element order:
# Scene.elements follows it, so iteration never depends on Python's hash seed.
_ELEMENT_WORDS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("space", ("space", "outer space", "galaxy", "galaxies", "cosmos", "universe", "nebula", "milky way"),
     ("宇宙", "太空", "星系", "星云", "银河")),
    ("stars", ("star", "starry", "starlit", "night sky", "starfield"), ("星",)),
    ("moon", ("moon", "moonlit", "moonlight", "full moon"), ("月亮", "月光", "明月", "满月", "月")),
    ("aurora", ("aurora", "northern lights", "aurora borealis"), ("极光",)),
    ("fireworks", ("firework", "fireworks", "new year"), ("烟花", "烟火", "焰火", "新年")),
    ("clouds", ("cloud", "clouds", "cloudy", "overcast"), ("云",)),
    ("mountain", ("mountain", "mountains", "hill", "hills", "peak", "peaks", "alps", "valley", "ridge"),
     ("山", "峰", "丘")),
    ("city", ("city", "cities", "skyline", "downtown", "skyscraper", "skyscrapers", "urban", "metropolis",
              "street", "streets", "building", "buildings", "futuristic", "cyberpunk", "neon"),
     ("城市", "都市", "城", "街", "高楼", "大厦", "未来", "霓虹", "赛博")),
    ("neon", ("neon", "futuristic", "cyberpunk", "sci-fi", "scifi"), ("霓虹", "未来", "赛博", "科幻")),
    ("forest", ("forest", "forests", "tree", "trees", "woods", "woodland", "jungle", "pine", "pines"),
     ("森林", "树", "林")),
    ("desert", ("desert", "dune", "dunes", "sand dunes", "sahara"), ("沙漠", "沙丘")),
    ("flowers", ("flower", "flowers", "field", "fields", "meadow", "meadows", "garden", "blossom",
                 "blossoms", "tulip", "tulips", "lavender", "wildflowers"),
     ("花", "田野", "草地", "草原", "原野")),
    ("water", ("lake", "lakes", "pond", "sea", "ocean", "beach", "wave", "waves", "river", "stream",
               "bay", "harbor", "harbour", "shore", "coast", "seaside", "water", "reflection"),
     ("湖", "海", "河", "江", "溪", "水", "港")),
    ("beach", ("beach", "shore", "coast", "seaside", "sandy beach"), ("沙滩", "海滩", "海边", "海岸")),
    ("market", ("market", "bazaar", "stalls", "street food", "night market"), ("市场", "集市", "夜市", "市集")),
    ("cafe", ("cafe", "café", "coffee", "coffee shop", "coffeehouse"), ("咖啡",)),
    ("fire", ("fire", "fires", "campfire", "bonfire", "flame", "flames", "fireplace"), ("篝火", "火焰", "火")),
    ("rain", ("rain", "rainy", "raining", "rainfall", "storm", "stormy", "drizzle", "downpour"), ("雨",)),
    ("snow", ("snow", "snowy", "snowing", "snowfall", "blizzard", "snowflakes"), ("雪",)),
    ("fog", ("fog", "foggy", "mist", "misty", "haze", "hazy"), ("雾",)),
)
ELEMENTS: tuple[str, ...] = tuple(name for name, _, _ in _ELEMENT_WORDS)

_TIME_WORDS: tuple[tuple[TimeOfDay, tuple[str, ...], tuple[str, ...]], ...] = (
    ("golden", ("golden hour", "magic hour"), ("黄金时刻", "黄金时段")),
    ("sunrise", ("sunrise", "sun rise", "sunrising"), ("日出", "朝阳", "晨曦", "旭日")),
    ("dawn", ("dawn", "daybreak", "first light", "early morning"), ("黎明", "破晓", "清晨", "拂晓")),
    ("sunset", ("sunset", "sundown", "setting sun"), ("日落", "夕阳", "落日", "晚霞")),
    ("dusk", ("dusk", "twilight", "evening", "blue hour", "gloaming"), ("黄昏", "傍晚", "暮色", "薄暮")),
    ("night", ("night", "nighttime", "midnight", "nightfall"), ("夜晚", "深夜", "午夜", "晚上", "夜")),
    ("day", ("day", "daytime", "daylight", "noon", "midday", "afternoon", "morning", "sunny"),
     ("白天", "中午", "正午", "上午", "下午", "早上", "阳光", "晴")),
)

_MOOD_WORDS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("calm", ("calm", "peaceful", "serene", "tranquil", "quiet", "gentle", "relaxing"),
     ("宁静", "平静", "安静", "静谧", "祥和")),
    ("dramatic", ("dramatic", "epic", "majestic", "stormy", "intense", "powerful"), ("壮观", "史诗", "震撼", "壮丽")),
    ("moody", ("moody", "dark", "gloomy", "melancholic", "melancholy", "sad"), ("忧郁", "阴郁", "伤感", "昏暗")),
    ("cozy", ("cozy", "cosy", "warm", "snug", "inviting"), ("温馨", "温暖", "舒适")),
    ("dreamy", ("dreamy", "magical", "ethereal", "fairy", "pastel", "soft"), ("梦幻", "唯美", "童话")),
    ("mysterious", ("mysterious", "eerie", "spooky", "haunting"), ("神秘", "诡异")),
    ("romantic", ("romantic", "love"), ("浪漫",)),
    ("vibrant", ("vibrant", "colorful", "colourful", "vivid", "bright", "lively"), ("绚丽", "多彩", "鲜艳", "热闹")),
)

_NIGHT_ELEMENTS = frozenset({"space", "stars", "moon", "aurora", "fireworks", "neon"})


@dataclass(frozen=True)
class Palette:
    """Colours of a scene (sRGB, 0..1). ``sun_height`` is the sun or moon's height above
    the horizon as a fraction of the sky; None when no disc is visible."""

    sky_top: RGB
    sky_horizon: RGB
    sun: RGB
    sun_height: float | None
    land: RGB          # the colour of near silhouettes
    haze: RGB          # what far things fade into (atmospheric perspective)
    water: RGB
    light: RGB         # lamps, windows, warm glows
    brightness: float  # overall exposure, 1 = full daylight


_PALETTES: dict[TimeOfDay, Palette] = {
    "dawn": Palette((0.24, 0.28, 0.52), (0.98, 0.74, 0.64), (1.0, 0.86, 0.74), 0.06,
                    (0.22, 0.20, 0.32), (0.80, 0.66, 0.70), (0.20, 0.24, 0.38), (1.0, 0.80, 0.55), 0.75),
    "sunrise": Palette((0.30, 0.46, 0.76), (1.0, 0.78, 0.52), (1.0, 0.92, 0.66), 0.12,
                       (0.24, 0.24, 0.30), (0.92, 0.76, 0.62), (0.22, 0.30, 0.44), (1.0, 0.82, 0.55), 0.85),
    "day": Palette((0.20, 0.46, 0.84), (0.74, 0.86, 0.97), (1.0, 1.0, 0.94), 0.72,
                   (0.20, 0.32, 0.26), (0.70, 0.80, 0.90), (0.16, 0.36, 0.52), (1.0, 0.90, 0.70), 1.0),
    "golden": Palette((0.32, 0.50, 0.80), (1.0, 0.84, 0.56), (1.0, 0.90, 0.62), 0.22,
                      (0.26, 0.24, 0.20), (0.96, 0.80, 0.60), (0.20, 0.32, 0.44), (1.0, 0.80, 0.50), 0.92),
    "sunset": Palette((0.18, 0.16, 0.40), (1.0, 0.52, 0.24), (1.0, 0.66, 0.34), 0.07,
                      (0.16, 0.10, 0.16), (0.62, 0.38, 0.44), (0.22, 0.16, 0.28), (1.0, 0.70, 0.40), 0.8),
    "dusk": Palette((0.07, 0.09, 0.26), (0.70, 0.42, 0.52), (1.0, 0.60, 0.50), None,
                    (0.08, 0.07, 0.14), (0.36, 0.26, 0.40), (0.10, 0.10, 0.20), (1.0, 0.74, 0.46), 0.6),
    "night": Palette((0.01, 0.02, 0.06), (0.06, 0.09, 0.18), (0.92, 0.94, 1.0), 0.55,
                     (0.02, 0.03, 0.06), (0.08, 0.10, 0.18), (0.03, 0.05, 0.10), (1.0, 0.78, 0.45), 0.35),
}


@dataclass(frozen=True)
class Scene:
    """What a prompt asks for, in the terms the animator paints."""

    time_of_day: TimeOfDay
    elements: tuple[str, ...]          # in ELEMENTS order
    water_kind: Literal["lake", "sea", "river"] | None
    moods: tuple[str, ...]
    palette: Palette

    def has(self, element: str) -> bool:
        return element in self.elements


def _english_pattern(word: str) -> re.Pattern[str]:
    # Whole words, plurals included ("star" finds "stars"); "fire" does not find "fireworks".
    return re.compile(r"(?<![\w-])" + re.escape(word) + r"(?:s|es)?(?![\w-])")


def _find(text: str, english: tuple[str, ...], chinese: tuple[str, ...]) -> int | None:
    """Earliest position in ``text`` of any of the words, or None."""
    positions = [m.start() for word in english if (m := _english_pattern(word).search(text))]
    positions += [i for term in chinese if (i := text.find(term)) >= 0]
    return min(positions) if positions else None


def _blank_chinese(text: str, table: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]) -> dict[str, int]:
    """Positions of matched Chinese terms, longest first, blanking each match.

    A term may stand for several names (``霓虹`` is both a city and neon).
    """
    names_of: dict[str, list[str]] = {}
    for name, _, chinese in table:
        for term in chinese:
            names_of.setdefault(term, []).append(name)
    found: dict[str, int] = {}
    chars = list(text)
    for term in sorted(names_of, key=lambda term: -len(term)):
        start = "".join(chars).find(term)
        while start >= 0:
            for name in names_of[term]:
                found[name] = min(found.get(name, start), start)
            chars[start:start + len(term)] = " " * len(term)
            start = "".join(chars).find(term)
    return found


def _match(text: str, table: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]) -> dict[str, int]:
    found = _blank_chinese(text, table)
    for name, english, _ in table:
        position = _find(text, english, ())
        if position is not None:
            found[name] = min(found.get(name, position), position)
    return found


def _time_of_day(text: str, elements: tuple[str, ...]) -> TimeOfDay:
    found = _match(text, _TIME_WORDS)
    if found:
        return min(found.items(), key=lambda item: item[1])[0]  # type: ignore[return-value]
    return "night" if _NIGHT_ELEMENTS.intersection(elements) else "day"


def _water_kind(text: str, elements: tuple[str, ...]) -> Literal["lake", "sea", "river"] | None:
    if "water" not in elements:
        return None
    if _find(text, ("river", "stream", "creek"), ("河", "江", "溪")) is not None:
        return "river"
    if "beach" in elements or _find(text, ("sea", "ocean", "wave", "waves", "bay", "harbor", "harbour"),
                                    ("海", "浪", "港")) is not None:
        return "sea"
    return "lake"


def _mix(a: RGB, b: RGB, amount: float) -> RGB:
    return (a[0] + (b[0] - a[0]) * amount, a[1] + (b[1] - a[1]) * amount, a[2] + (b[2] - a[2]) * amount)


def _grey(c: RGB, amount: float) -> RGB:
    luma = 0.3 * c[0] + 0.59 * c[1] + 0.11 * c[2]
    return _mix(c, (luma, luma, luma), amount)


def _palette(time_of_day: TimeOfDay, elements: tuple[str, ...], moods: tuple[str, ...]) -> Palette:
    """The time of day's palette, shifted by weather and mood."""
    p = _PALETTES[time_of_day]
    if "rain" in elements or "snow" in elements or "fog" in elements:
        # Overcast: the sky greys, the sun hides behind the clouds.
        p = replace(p, sky_top=_grey(p.sky_top, 0.6), sky_horizon=_grey(p.sky_horizon, 0.5),
                    haze=_grey(p.haze, 0.4), sun_height=p.sun_height if time_of_day == "night" else None,
                    brightness=p.brightness * 0.85)
    if "snow" in elements and time_of_day in ("day", "golden", "dawn", "sunrise"):
        p = replace(p, land=_mix(p.land, (0.78, 0.82, 0.9), 0.6), haze=_mix(p.haze, (0.9, 0.92, 0.96), 0.5))
    if "desert" in elements:
        p = replace(p, land=_mix(p.land, (0.86, 0.62, 0.36), 0.7 * p.brightness))
    if "space" in elements:
        p = replace(p, sky_horizon=_mix(p.sky_horizon, (0.10, 0.04, 0.18), 0.6), sun_height=None)
    if "neon" in elements:
        p = replace(p, haze=_mix(p.haze, (0.36, 0.10, 0.40), 0.5))
    if "moody" in moods or "mysterious" in moods:
        p = replace(p, sky_top=_grey(p.sky_top, 0.4), sky_horizon=_grey(p.sky_horizon, 0.4),
                    brightness=p.brightness * 0.8)
    if "cozy" in moods or "romantic" in moods:
        p = replace(p, sky_horizon=_mix(p.sky_horizon, (1.0, 0.66, 0.46), 0.25), light=(1.0, 0.72, 0.42))
    if "dreamy" in moods:
        p = replace(p, sky_top=_mix(p.sky_top, (0.78, 0.70, 0.92), 0.35),
                    sky_horizon=_mix(p.sky_horizon, (1.0, 0.82, 0.88), 0.35))
    return p


def parse_scene(prompt: str) -> Scene:
    """Read the scene words of an English or Chinese prompt into a :class:`Scene`."""
    text = prompt.lower()
    found = _match(text, _ELEMENT_WORDS)
    elements = tuple(name for name in ELEMENTS if name in found)
    if "beach" in elements and "water" not in elements:
        elements = tuple(name for name in ELEMENTS if name in found or name == "water")
    if "space" in elements and "stars" not in elements:
        elements = tuple(name for name in ELEMENTS if name in found or name == "stars")
    moods = tuple(name for name, _, _ in _MOOD_WORDS if name in _match(text, _MOOD_WORDS))
    time_of_day = _time_of_day(text, elements)
    return Scene(time_of_day=time_of_day, elements=elements, water_kind=_water_kind(text, elements),
                 moods=moods, palette=_palette(time_of_day, elements, moods))
