"""Music styles and sound effects by name, from the built-in library (``reelforge.audio``) when it is
importable, else from this small keyword table, so the agent never blocks on the library."""

from __future__ import annotations

import re

__all__ = ["FALLBACK_SOUNDS", "FALLBACK_STYLES", "music_style", "names_sound", "sound_effect", "style_names"]

# style id -> words that ask for it (English, Chinese)
FALLBACK_STYLES: dict[str, str] = {
    "lofi": r"lo-?fi|chill ?hop|chill|低保真|放松",
    "piano": r"piano|钢琴",
    "calm": r"calm|relax(?:ing|ed)?|peaceful|soft|gentle|soothing|mellow|舒缓|平静|安静|轻柔|温柔|治愈",
    "cinematic": r"epic|cinematic|dramatic|heroic|orchestral|trailer|powerful|史诗|大气|震撼|激昂|电影感",
    "upbeat": r"upbeat|happy|cheerful|fun|joyful|bright|energetic|positive|欢快|快乐|轻快|活泼|开心|动感|愉快",
    "electronic": r"electronic|edm|techno|synth|house|电子",
    "ambient": r"ambient|atmospheric|dreamy|氛围|梦幻",
    "jazz": r"jazz|爵士",
    "rock": r"rock|摇滚",
    "sad": r"sad|melancholy|melancholic|emotional|sentimental|伤感|悲伤|忧伤|感人",
    "acoustic": r"acoustic|guitar|folk|吉他|民谣",
    "hiphop": r"hip ?hop|rap|trap|嘻哈|说唱",
    "corporate": r"corporate|business|inspiring|motivational|励志|商务|企业",
}
FALLBACK_SOUNDS: dict[str, str] = {
    "whoosh": r"whoosh|swoosh|swish|woosh|嗖|呼啸|转场音效",
    "shutter": r"shutter|camera|snapshot|快门|咔嚓|拍照",
    "ding": r"ding|chime|bell|notification|叮|铃",
    "pop": r"pop|bubble|啵|弹出",
    "applause": r"applause|clapping|cheer|掌声|鼓掌|欢呼",
    "impact": r"boom|impact|bang|explosion|hit|轰|爆炸|冲击",
    "click": r"click|tap|点击",
    "rise": r"riser|rise|build-?up|上升",
    "rain": r"rain sound|雨声",
    "wind": r"wind sound|风声",
}


def _match(pattern: str, words: str) -> bool:
    # English keywords match whole words only ("hit" is not in "white"); Chinese has no boundaries
    return re.search(rf"(?<![a-z])(?:{pattern})(?![a-z])", words) is not None


def _library() -> object | None:
    try:
        import reelforge.audio as audio
    except ImportError:
        return None
    return audio if hasattr(audio, "find_style") else None


def _name_of(item: object) -> str | None:
    for attr in ("id", "name", "key"):
        value = getattr(item, attr, None)
        if isinstance(value, str):
            return value
    return None


def music_style(words: str) -> str | None:
    """The style a phrase asks for ("calm piano", "欢快的"), or None when it names none."""
    for style in ("piano", "acoustic"):  # a named instrument beats a mood ("舒缓的钢琴" is piano)
        if _match(FALLBACK_STYLES[style], words) and style in style_names():
            return style
    library = _library()
    if library is not None:
        try:
            found = library.find_style(words)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - a library fault must not break understanding
            found = None
        if found is not None and _name_of(found):
            return _name_of(found)
    for style, pattern in FALLBACK_STYLES.items():
        if _match(pattern, words):
            return style
    return None


def sound_effect(words: str) -> str | None:
    """The effect a phrase names ("a whoosh", "快门声"), or None."""
    library = _library()
    if library is not None and hasattr(library, "find_sound"):
        try:
            found = library.find_sound(words)
        except Exception:  # noqa: BLE001
            found = None
        if found is not None and _name_of(found):
            return _name_of(found)
    for sound, pattern in FALLBACK_SOUNDS.items():
        if _match(pattern, words):
            return sound
    return None


def names_sound(words: str) -> bool:
    """Whether ``words`` name an effect outright ("whoosh", "快门"), not just a scene it could suit."""
    return any(_match(pattern, words) for pattern in FALLBACK_SOUNDS.values())


def style_names() -> list[str]:
    """Every style the library offers (for help replies)."""
    library = _library()
    styles = getattr(library, "STYLES", None) if library is not None else None
    if styles:
        names = [_name_of(s) or str(s) for s in (styles.values() if isinstance(styles, dict) else styles)]
        return [n for n in names if n]
    return list(FALLBACK_STYLES)
