"""Colours as drafts write them: ``#rgb``, ``#rrggbb``, ``#rrggbbaa``, ``rgb(r, g, b)`` or a colour's name.

A name is any of (``color_value``):
- the editor's palette (``PALETTE``: "red" is #ff3b30, "blue" #007aff: the colours the studio page offers);
- every other CSS colour name with its CSS value (``CSS_COLORS``), run together or said as words: "lightblue",
  "light blue", "light-blue", "hot pink", "dark green", "navy";
- common names CSS lacks (``COLOR_PHRASES``): "off white", "navy blue", "baby blue", "neon green", "golden", "burgundy",
  "mint", "cream", "dusty rose", "terracotta", "blue-grey" (two colours said together), "pinkish" (-ish is the colour);
- a shade of any of them (``SHADES``): "pale yellow", "dark orange", "deep purple" (mixed toward white or black; a CSS
  name such as "dark red" wins, and "deep red" / "pale pink" are CSS's dark red and light pink), "bright red" / "vivid
  blue" (the colour itself), "muted green" (toward grey),
  "bluish green" (a quarter of the tint mixed in).
"""

from __future__ import annotations

import re

__all__ = ["COLOR_PHRASES", "CSS_COLORS", "NAMED_COLORS", "PALETTE", "SHADES", "color_value", "parse_color",
           "to_ffmpeg_color"]

PALETTE: dict[str, str] = {
    "white": "#ffffff", "black": "#000000", "red": "#ff3b30", "green": "#34c759", "blue": "#007aff",
    "yellow": "#ffcc00", "orange": "#ff9500", "purple": "#af52de", "pink": "#ff2d55", "gray": "#8e8e93",
    "grey": "#8e8e93", "cyan": "#32ade6", "magenta": "#ff00ff", "gold": "#ffd700", "silver": "#c0c0c0",
    "navy": "#001f3f", "teal": "#30b0c7", "brown": "#a2845e", "turquoise": "#40e0d0", "maroon": "#800000",
    "lavender": "#b57edc", "beige": "#f5f5dc", "violet": "#8a2be2", "indigo": "#4b0082", "transparent": "#00000000",
}
# the other CSS colour names (CSS Color Module Level 4), as words; the draft also takes them run together ("lightblue")
_CSS_SAID: dict[str, str] = {
    "alice blue": "#f0f8ff", "antique white": "#faebd7", "aqua": "#00ffff", "aquamarine": "#7fffd4",
    "azure": "#f0ffff", "bisque": "#ffe4c4", "blanched almond": "#ffebcd", "blue violet": "#8a2be2",
    "burlywood": "#deb887", "cadet blue": "#5f9ea0", "chartreuse": "#7fff00", "chocolate": "#d2691e",
    "coral": "#ff7f50", "cornflower blue": "#6495ed", "cornsilk": "#fff8dc", "crimson": "#dc143c",
    "dark blue": "#00008b", "dark cyan": "#008b8b", "dark goldenrod": "#b8860b", "dark gray": "#a9a9a9",
    "dark green": "#006400", "dark grey": "#a9a9a9", "dark khaki": "#bdb76b", "dark magenta": "#8b008b",
    "dark olive green": "#556b2f", "dark orange": "#ff8c00", "dark orchid": "#9932cc", "dark red": "#8b0000",
    "dark salmon": "#e9967a", "dark sea green": "#8fbc8f", "dark slate blue": "#483d8b",
    "dark slate gray": "#2f4f4f", "dark slate grey": "#2f4f4f", "dark turquoise": "#00ced1",
    "dark violet": "#9400d3", "deep pink": "#ff1493", "deep sky blue": "#00bfff", "dim gray": "#696969",
    "dim grey": "#696969", "dodger blue": "#1e90ff", "firebrick": "#b22222", "floral white": "#fffaf0",
    "forest green": "#228b22", "fuchsia": "#ff00ff", "gainsboro": "#dcdcdc", "ghost white": "#f8f8ff",
    "goldenrod": "#daa520", "green yellow": "#adff2f", "honeydew": "#f0fff0", "hot pink": "#ff69b4",
    "indian red": "#cd5c5c", "ivory": "#fffff0", "khaki": "#f0e68c", "lavender blush": "#fff0f5",
    "lawn green": "#7cfc00", "lemon chiffon": "#fffacd", "light blue": "#add8e6", "light coral": "#f08080",
    "light cyan": "#e0ffff", "light goldenrod yellow": "#fafad2", "light gray": "#d3d3d3", "light green": "#90ee90",
    "light grey": "#d3d3d3", "light pink": "#ffb6c1", "light salmon": "#ffa07a", "light sea green": "#20b2aa",
    "light sky blue": "#87cefa", "light slate gray": "#778899", "light slate grey": "#778899",
    "light steel blue": "#b0c4de", "light yellow": "#ffffe0", "lime": "#00ff00", "lime green": "#32cd32",
    "linen": "#faf0e6", "medium aquamarine": "#66cdaa", "medium blue": "#0000cd", "medium orchid": "#ba55d3",
    "medium purple": "#9370db", "medium sea green": "#3cb371", "medium slate blue": "#7b68ee",
    "medium spring green": "#00fa9a", "medium turquoise": "#48d1cc", "medium violet red": "#c71585",
    "midnight blue": "#191970", "mint cream": "#f5fffa", "misty rose": "#ffe4e1", "moccasin": "#ffe4b5",
    "navajo white": "#ffdead", "old lace": "#fdf5e6", "olive": "#808000", "olive drab": "#6b8e23",
    "orange red": "#ff4500", "orchid": "#da70d6", "pale goldenrod": "#eee8aa", "pale green": "#98fb98",
    "pale turquoise": "#afeeee", "pale violet red": "#db7093", "papaya whip": "#ffefd5", "peach puff": "#ffdab9",
    "peru": "#cd853f", "plum": "#dda0dd", "powder blue": "#b0e0e6", "rebecca purple": "#663399",
    "rosy brown": "#bc8f8f", "royal blue": "#4169e1", "saddle brown": "#8b4513", "salmon": "#fa8072",
    "sandy brown": "#f4a460", "sea green": "#2e8b57", "seashell": "#fff5ee", "sienna": "#a0522d",
    "sky blue": "#87ceeb", "slate blue": "#6a5acd", "slate gray": "#708090", "slate grey": "#708090",
    "snow": "#fffafa", "spring green": "#00ff7f", "steel blue": "#4682b4", "tan": "#d2b48c", "thistle": "#d8bfd8",
    "tomato": "#ff6347", "wheat": "#f5deb3", "white smoke": "#f5f5f5", "yellow green": "#9acd32",
}
CSS_COLORS: dict[str, str] = {name.replace(" ", ""): value for name, value in _CSS_SAID.items()}
# one word a name, as a draft writes it: the palette first ("red" stays the palette's), then CSS
NAMED_COLORS: dict[str, str] = PALETTE | {name: value for name, value in CSS_COLORS.items() if name not in PALETTE}
# names people use that CSS lacks (words separated by one space)
COLOR_PHRASES: dict[str, str] = {
    **_CSS_SAID,
    "off white": "#faf9f6", "eggshell": "#f0ead6", "cream": "#fffdd0", "navy blue": PALETTE["navy"],
    "baby blue": "#89cff0", "baby pink": "#f4c2c2", "neon green": "#39ff14", "neon pink": "#ff10f0",
    "neon yellow": "#dfff00", "neon blue": "#1f51ff", "neon orange": "#ff5f1f", "neon purple": "#bc13fe",
    "golden": PALETTE["gold"], "golden yellow": "#ffdf00", "rose gold": "#b76e79", "burgundy": "#800020",
    "wine": "#722f37", "wine red": "#722f37", "cherry red": "#d2042d", "blood red": "#8a0303", "scarlet": "#ff2400",
    "ruby": "#e0115f", "rose": "#ff007f", "rose pink": "#ff66cc", "mint": "#98ff98", "mint green": "#98ff98",
    "emerald": "#50c878", "emerald green": "#50c878", "olive green": "#808000", "army green": "#4b5320",
    "sage": "#b2ac88", "sage green": "#b2ac88", "sapphire": "#0f52ba", "cobalt": "#0047ab", "cobalt blue": "#0047ab",
    "electric blue": "#7df9ff", "ice blue": "#99ffff", "klein blue": "#002fa7", "denim": "#1560bd",
    "charcoal": "#36454f", "charcoal grey": "#36454f", "charcoal gray": "#36454f", "ash grey": "#b2beb5",
    "ash gray": "#b2beb5", "mustard": "#ffdb58", "mustard yellow": "#ffdb58", "lemon": "#fff44f",
    "lemon yellow": "#fff44f", "amber": "#ffbf00", "peach": "#ffcba4", "apricot": "#fbceb1", "camel": "#c19a6b",
    "caramel": "#af6f09", "coffee": "#6f4e37", "mocha": "#967969", "bronze": "#cd7f32", "copper": "#b87333",
    "champagne": "#f7e7ce", "lilac": "#c8a2c8", "light purple": PALETTE["lavender"], "pale purple": PALETTE["lavender"], "mauve": "#e0b0ff", "periwinkle": "#ccccff", "fuschia": "#ff00ff",
    "sky": "#87ceeb", "sea blue": "#006994", "ocean blue": "#4f42b5", "royal purple": "#7851a9",
    "bright white": PALETTE["white"], "pure white": PALETTE["white"], "pure black": PALETTE["black"],
    "jet black": "#0a0a0a", "pitch black": PALETTE["black"],
    # names from fashion, paint and design people say for a colour (the common value each is given)
    "dusty rose": "#dcae96", "dusty pink": "#d8a1a0", "dusty blue": "#8c9dad", "blush": "#de5d83", "blush pink": "#fe828c",
    "nude": "#e3bc9a", "tiffany blue": "#0abab5", "teal blue": "#367588", "seafoam": "#93e9be", "seafoam green": "#93e9be",
    "hunter green": "#355e3b", "bottle green": "#006a4e", "kelly green": "#4cbb17", "pine green": "#01796f",
    "jade": "#00a86b", "jade green": "#00a86b", "fire engine red": "#ce2029", "candy apple red": "#ff0800",
    "candy red": "#ff0800", "brick red": "#cb4154", "rust": "#b7410e", "terracotta": "#e2725b", "burnt orange": "#cc5500",
    "tangerine": "#f28500", "sand": "#c2b280", "taupe": "#483c32", "pearl": "#eae0c8", "pearl white": "#eae0c8",
    "platinum": "#e5e4e2", "gunmetal": "#2a3439", "gunmetal grey": "#2a3439", "gunmetal gray": "#2a3439",
    "slate": "#708090", "aubergine": "#3d0734", "eggplant": "#614051", "raspberry": "#e30b5c", "cerise": "#de3163",
    "bubblegum": "#ffc1cc", "bubblegum pink": "#ffc1cc", "millennial pink": "#f3cfc6", "butter yellow": "#fffd74",
    "canary yellow": "#ffef00", "sunflower yellow": "#ffda03", "ochre": "#cc7722", "petrol blue": "#005f6a",
    "steel grey": "#71797e", "steel gray": "#71797e", "warm white": "#fdf4dc", "cool grey": "#8c92ac",
    "cool gray": "#8c92ac", "vermilion": "#e34234", "vermillion": "#e34234", "brass": "#b5a642", "midnight": "#191970",
    "electric purple": "#bf00ff",
    # two colours said together: the colour between them ("blue-grey", "blue green"; "yellow green" is CSS's)
    "blue grey": "#6699cc", "blue gray": "#6699cc", "grey blue": "#6699cc", "gray blue": "#6699cc",
    "blue green": "#0d98ba", "green blue": "#0d98ba", "yellow orange": "#ffae42", "orange yellow": "#ffae42",
    "red orange": "#ff4500",
    # a colour said with -ish is that colour ("pinkish", "a reddish title")
    "reddish": PALETTE["red"], "pinkish": PALETTE["pink"], "bluish": PALETTE["blue"], "blueish": PALETTE["blue"],
    "greenish": PALETTE["green"], "yellowish": PALETTE["yellow"], "purplish": PALETTE["purple"],
    "purpley": PALETTE["purple"], "orangey": PALETTE["orange"], "orangish": PALETTE["orange"],
    "greyish": PALETTE["gray"], "grayish": PALETTE["gray"], "brownish": PALETTE["brown"], "whitish": PALETTE["white"],
    "goldish": PALETTE["gold"], "silvery": PALETTE["silver"],
}
# the words above said with -ish, as a tint before another colour ("bluish green", "greyish blue")
_TINTS = {"reddish": "red", "pinkish": "pink", "bluish": "blue", "blueish": "blue", "greenish": "green",
          "yellowish": "yellow", "purplish": "purple", "greyish": "gray", "grayish": "gray", "brownish": "brown"}
# a shade said before a name: (toward, share) mixed into it; "bright red" is red itself
SHADES: dict[str, tuple[str, float]] = {
    "light": ("#ffffff", 0.45), "pale": ("#ffffff", 0.6), "pastel": ("#ffffff", 0.55), "soft": ("#ffffff", 0.35),
    "dark": ("#000000", 0.4), "deep": ("#000000", 0.3), "bright": ("#ffffff", 0.0), "vivid": ("#ffffff", 0.0),
    "neon": ("#ffffff", 0.0), "hot": ("#ffffff", 0.0),
    # muted: toward grey ("dusty blue" has a name of its own)
    "muted": ("#808080", 0.35), "dusty": ("#808080", 0.35), "dull": ("#808080", 0.35),
    # a tint: a quarter of that colour mixed in ("bluish green")
    **{tint: (PALETTE[base], 0.25) for tint, base in _TINTS.items()},
}
_HEX = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
_RGB = re.compile(r"^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*(0|1|0?\.\d+)\s*)?\)$")


def _said(name: str) -> str:
    return re.sub(r"[\s_-]+", " ", name.strip().lower())


def color_value(name: str) -> str | None:
    """The ``#rrggbb`` of a colour's name said any way ("red", "lightblue", "light blue", "off-white", "pale yellow"),
    or None when ``name`` is none."""
    said = _said(name)
    found = NAMED_COLORS.get(said.replace(" ", "")) or COLOR_PHRASES.get(said)
    if found is not None:
        return found
    shade, _, base = said.partition(" ")
    # "deep red" is CSS's dark red, "pale pink" its light pink: the same shade said with another word
    same = {"deep": "dark", "pale": "light"}.get(shade)
    if same is not None and (named := CSS_COLORS.get(same + base.replace(" ", ""))) is not None:
        return named
    base_value = NAMED_COLORS.get(base.replace(" ", "")) or COLOR_PHRASES.get(base)
    if shade not in SHADES or base_value is None or base in ("transparent",):
        return None
    toward, share = SHADES[shade]
    mixed = [round(a + (b - a) * share) for a, b in zip(_channels(base_value), _channels(toward))]
    return "#" + "".join(f"{v:02x}" for v in mixed)


def _channels(value: str) -> tuple[int, int, int]:
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def parse_color(value: str) -> tuple[int, int, int, int] | None:
    """``(r, g, b, a)`` in 0..255, or None when ``value`` is not a colour."""
    rgb = _RGB.match(value.strip().lower())
    if rgb:
        r, g, b = (int(v) for v in rgb.groups()[:3])
        alpha = float(rgb.group(4)) if rgb.group(4) is not None else 1.0
        return (r, g, b, round(alpha * 255)) if max(r, g, b) <= 255 else None
    text = color_value(value) or value.strip()
    match = _HEX.match(text)
    if not match:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    if len(digits) == 6:
        digits += "ff"
    r, g, b, a = (int(digits[i:i + 2], 16) for i in range(0, 8, 2))
    return r, g, b, a


def to_ffmpeg_color(value: str, default: str = "white") -> str:
    """A colour ffmpeg accepts (``0xRRGGBB@alpha``); never passes user text through."""
    rgba = parse_color(value) if value else None
    if rgba is None:
        rgba = parse_color(default) or (255, 255, 255, 255)
    r, g, b, a = rgba
    return f"0x{r:02x}{g:02x}{b:02x}@{a / 255:.3f}"
