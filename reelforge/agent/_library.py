"""Music styles and sound effects by name: the built-in library (``reelforge.audio``) owns both
vocabularies; this module adds only the words a chat message uses that the library's lookup does not
know ("rap", "吉他", "business"), each pointing at a style or effect the library has."""

from __future__ import annotations

import re

from reelforge.agent._text import compiled
from reelforge.audio import SOUND_EFFECTS, STYLES, SoundName, StyleName, find_sound, find_style

__all__ = ["music_style", "names_sound", "sound_effect", "sound_names", "style_names", "turned_down_style"]

# a named instrument beats a mood ("舒缓的钢琴" is piano, not calm); a genre played on it beats the instrument
# ("rock with lots of guitar", "jazz piano")
_INSTRUMENTS: dict[StyleName, str] = {"rock": r"rock(?! climb)|摇滚|electric guitars?|distorted guitars?|guitar riffs?|guitar solos?|"
                                               r"power chords?|电吉他",
                                       "jazz": r"jazz(?:y)? (?:piano|guitar)|爵士(?:钢琴|吉他)|sax(?:ophone)?s?|trumpets?|"
                                               r"upright bass|double bass|萨克斯|小号",
                                       "piano": r"piano|钢琴", "acoustic": r"acoustic|guitar|folk|ukulele|banjo|吉他|民谣|尤克里里",
                                       "electronic": r"electronic|edm|techno|电子乐|电子音乐",
                                       "cinematic": r"violins?|cellos?|strings|orchestra\w*|symphon\w*|小提琴|大提琴|弦乐|管弦"}
# style -> more words that ask for it (English, Chinese), tried after the library's own lookup
_STYLE_WORDS: dict[StyleName, str] = {
    "lofi": r"lo-?fi|chill ?hop|chill|低保真|放松",
    "jazz": r"jazz\w*|爵士|swing|蓝调|blues",
    "rock": r"rock|摇滚|punk|(?<!赛博)朋克|metal|重金属",
    "hiphop": r"hip[- ]?hop|rap|trap|嘻哈|说唱|饶舌|boom ?bap",
    "piano": r"piano|钢琴|sad|melancholy|melancholic|emotional|sentimental|伤感|悲伤|忧伤|感人",
    "ambient": r"calm|relax(?:ing|ed)?|peaceful|soft|gentle|soothing|mellow|舒缓|平静|安静|轻柔|温柔|治愈|"
               r"ambient|atmospheric|dreamy|氛围|梦幻",
    "cinematic": r"epic|cinematic|dramatic|heroic|orchestral|classical|古典|交响|trailer|powerful|史诗|大气|震撼|激昂|电影感",
    "upbeat": r"upbeat|happy|cheerful|fun|joyful|bright|energetic|positive|party|欢快|快乐|轻快|活泼|开心|动感|愉快|派对|嗨|燃|"
              r"corporate|business|inspiring|motivational|励志|商务|企业|(?:more )?energy|lively|livelier|punchy|punchier|hype|"
              r"有活力|有劲|带劲|热闹",
    "electronic": r"electronic|edm|techno|synth|synthwave|house|cyberpunk|neon|futuristic|sci-?fi|电子|赛博朋克|赛博|科幻|未来感",
    "acoustic": r"acoustic|guitar|folk|吉他|民谣",
}
# effect -> words that name it outright (a "photo" alone is a scene, not a shutter sound)
_SOUND_WORDS: dict[SoundName, str] = {
    "whoosh": r"whoosh|swoosh|swish|woosh|swoop|嗖|呼啸|转场音效|咻|唰|呼的一声",
    # ("the camera motion", "the camera movement": a move of the picture, not a sound)
    "shutter": r"shutter|camera(?! (?:motion|movements?|moves?|moving|work|zoom|pan|shake|angle))|snapshot|快门|咔嚓|拍照",
    "ding": r"ding|chime|bell|notification|叮|铃|提示音",
    "pop": r"pop|bubble|blip|plop|bloop|啵|弹出|冒泡",
    "applause": r"applause|clapping|claps?|cheer|cheering|ovation|掌声|鼓掌|欢呼|喝彩",
    "impact": r"boom|impact|bang|explosion|hit|thud|thump|slam|bass drop|轰|爆炸|冲击|砰|嘭|咚|撞击|重击",
    "click": r"click|tap|tick|点击|咔哒|咔嗒|按键|鼠标(?:声|音)",
    "rise": r"riser|rise|rising sound|build-? ?up|uplifter|上升|渐强|升调|上扬|蓄力",
    "rain": r"rain ?(?:sounds?|ambien[cs]e|noise)|sounds? of (?:the )?rain|雨声|rain(?= (?:in the background|the whole|throughout|"
            r"from (?:the )?start|all (?:the way )?through))",
    "wind": r"wind ?(?:sounds?|ambien[cs]e|noise)|sounds? of (?:the )?wind|风声|wind(?= (?:in the background|the whole|throughout|"
            r"from (?:the )?start|all (?:the way )?through))",
}


def _match(pattern: str, words: str) -> bool:
    # English keywords match whole words only ("hit" is not in "white"); Chinese has no boundaries
    return compiled(rf"(?<![a-z])(?:{pattern})(?![a-z])").search(words) is not None


# comparatives name the mood they compare: "something happier" asks for happy music
_COMPARATIVES = {"happier": "happy", "calmer": "calm", "sadder": "sad", "chiller": "chill",
                 "dreamier": "dreamy", "brighter": "bright", "gentler": "gentle", "funnier": "fun"}


# what is not wanted names no style: "not lofi, something cinematic", "no drums, something calm", "不要摇滚的，来点安静的"
_NOT_WANTED = (r"\b(?:not|no|without|anything but|(?:don'?t|do not) (?:want|like|need)(?: \w+)?(?: with)?)\s+(?:(?:a|an|the|any|so|too)\s+)?[\w-]+"
               r"|(?:不要|别|不想要|不喜欢)(?:那种|太)?(?:[\u4e00-\u9fff\w-]{1,4}?(?:的|了|乐|曲)|[a-z][a-z-]+)(?=[，,\s]|$)")  # "不要lofi，…", "不要电子乐"
# 原声 in an edit is a clip's own sound, never the acoustic style ("原声全关了 只要音乐")
_OWN_SOUND = r"原声"


# music said by what it suits: "music for a wedding", "something that fits a road trip", "gym music", "适合婚礼的", "篝火那种感觉",
# "太空感"
_SUITS = r"suit\w*|fit\w*|for (?:a |an |the |my |our )?\w+|feel|vibes?|like (?:a|an|the)|[a-z]+ (?:music|bgm|songs?|tracks?|tunes?)|" \
         r"适合|那种|感觉|感的|氛围|风格|的时候听|" \
         r"(?:配|来|加|换)(?:个|点|首|段|一首|一段|一个|成)?[\u4e00-\u9fff]{2,6}的(?:背景音乐|音乐|bgm|配乐|曲子)|" \
         r"(?:的|给)[\u4e00-\u9fff]{2,6}?(?:视频|vlog|片子)"  # ("gym music", "workout tunes"; "配个旅行的bgm", "给我的旅行视频配个背景音乐")


# a word that opens a message to calm the listener names no mood: "relax, just turn the music down", "chill, it's fine"
_ASIDE = r"^\s*(?:relax|chill(?: out)?|calm down|easy)\s*[,!.]"


def music_style(words: str) -> StyleName | None:
    """The style a phrase asks for ("calm piano", "欢快的"), or None when it names none (nor one it turns down)."""
    return _style_in(re.sub(_NOT_WANTED + "|" + _OWN_SOUND + "|" + _ASIDE, " ", words))


def turned_down_style(words: str) -> StyleName | None:
    """The style a phrase turns down ("not lofi", "no jazz", "不要摇滚的"), or None."""
    return next((style for m in re.finditer(_NOT_WANTED, words)
                 if (style := _style_in(re.sub(_OWN_SOUND, " ", m.group(0)))) is not None), None)


def _style_in(words: str) -> StyleName | None:
    words = re.sub(r"\b(" + "|".join(_COMPARATIVES) + r")\b", lambda m: _COMPARATIVES[m.group(1)], words)
    for style, pattern in _INSTRUMENTS.items():
        if _match(pattern, words):
            return style
    found = find_style(words)
    if found is not None:
        return found.name
    said = next((style for style, pattern in _STYLE_WORDS.items() if _match(pattern, words)), None)
    if said is None and _match(_SUITS, words):  # "music for a wedding", "适合健身的音乐": the style of that scene
        found = find_style(words, scenes=True)
        return found.name if found is not None else None
    return said


# genres, not sounds: "k-pop", "indie pop", "pop music", "a pop track", "boom bap"
_POP_MUSIC = r"(?<![a-z])(?:(?:k|j|c|indie|upbeat|happy|synth|dance|teen|power|electro|bubblegum)[- ]?pop|pop[- ]?(?:rock|punk|music|songs?|tracks?|tunes?|hits?|ballads?|stars?)|boom[- ]?bap)(?![a-z])"


# effects counted ("two dings at 2 and 5 seconds", "a couple of whooshes"): the effect, one of each
_COUNTED = re.compile(r"\b((?:two|three|four|five|[2-9]|some|a few|a couple of|couple of|few|more|extra) )"
                      r"(whoosh|swoosh|swish|woosh|ding|chime|bell|pop|bubble|blip|click|tap|thud|thump|bang|boom|impact|riser|"
                      r"clap|cheer)(?:es|s)\b")


def sound_effect(words: str) -> SoundName | None:
    """The effect a phrase names ("a whoosh", "快门声"), or None."""
    words = _COUNTED.sub(r"\1\2", re.sub(_POP_MUSIC, " ", words))
    if _match(r"(?:shutter|camera) (?:click|snap|sound)", words):  # "a shutter click" is the shutter
        return "shutter"
    found = find_sound(words)
    if found is not None:
        return found.name
    return next((sound for sound, pattern in _SOUND_WORDS.items() if _match(pattern, words)), None)


def names_sound(words: str) -> bool:
    """Whether ``words`` name an effect outright ("whoosh", "快门"), not just a scene it could suit."""
    words = _COUNTED.sub(r"\1\2", re.sub(_POP_MUSIC, " ", words))
    return any(_match(pattern, words) for pattern in _SOUND_WORDS.values())


def style_names() -> list[str]:
    """Every style the library offers (for help replies)."""
    return list(STYLES)


def sound_names() -> list[str]:
    """Every sound effect the library offers (for help replies)."""
    return list(SOUND_EFFECTS)
