"""Numbers and durations in English and Chinese, rewritten as digits before the intents read them.

``normalize`` turns "ten seconds", "half a minute", "十五秒", "半分钟", "1分30秒", "百分之三十" into
"10 seconds", "30 seconds", "15秒", "30秒", "90秒", "30%", so every intent matches one spelling.
"""

from __future__ import annotations

import re

__all__ = ["DECADE", "duration_ms", "factor", "find_durations", "normalize", "number_word", "time_range", "zh_number"]

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
            "ninety": 90}
_EN_WORD = "|".join([*_EN_TENS, *_EN_UNITS, "a hundred", "hundred"])
# a number said in words: a unit only after a tens word ("twenty four"; "the first one four seconds" is one clip, 4 s)
_EN_COMPOUND = (rf"(?:{'|'.join(_EN_TENS)})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?\b|"
                rf"(?:{'|'.join(_EN_UNITS)}|a hundred|hundred)\b")
# a number word counts only before a unit, so "one of the clips" keeps its words
_EN_FOLLOW = r"(?=[\s-]*(?:(?:more|extra|additional|further|other)\s+)?(?:seconds?|secs?|minutes?|mins?|percent|%|times|x\b|fps|frames|steps?\b|changes\b|edits\b|things\b|actions\b))"
_EN_NUMBER = re.compile(rf"\b({_EN_COMPOUND}){_EN_FOLLOW}")

_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
# "慢一点零点七五倍": a decimal is never followed by another 点 (the first 一点 is "a bit")
_ZH_NUMBER = re.compile(r"[零〇一二两俩三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+(?!点))?")
# a lone 一 is a number only before a unit or after 第 ("一下", "一些", "一起" are not)
_ZH_LONE_ONE_OK = re.compile(r"[秒分个倍号段张首帧%]")


def zh_number(text: str) -> float | None:
    """``"十五"`` -> 15, ``"两"`` -> 2, ``"一百二十"`` -> 120, ``"零点五"`` -> 0.5; None if not a number."""
    whole, _, frac = text.partition("点")
    total, current = 0, 0
    for ch in whole:
        if ch in _ZH_DIGITS:
            current = _ZH_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    if len(whole) >= 2 and whole[-2] == "百" and whole[-1] in _ZH_DIGITS and _ZH_DIGITS[whole[-1]]:
        current *= 10  # "一百五" is 150, as said aloud ("一百零五" is 105)
    value: float = total + current
    if frac:
        value += float("0." + "".join(str(_ZH_DIGITS[ch]) for ch in frac))
    return value


def _zh_value(token: str) -> float:
    return float(token) if token.isdigit() else zh_number(token) or 0.0


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _en_word_value(words: str) -> int:
    total = 0
    for word in re.split(r"[\s-]+", words):
        if word == "hundred":
            total = (total or 1) * 100
        elif word != "a":
            total += _EN_TENS.get(word, _EN_UNITS.get(word, 0))
    return total


def number_word(words: str) -> int | None:
    """A number said alone in words ("three", "twenty five", "forty-five"), else None: a bare value after a change
    ("ok now three" after a speed change) has no unit to tell it is a number."""
    if not re.fullmatch(_EN_COMPOUND, words):
        return None
    return _en_word_value(words)


_SHARES = {"quarter": "25", "fourth": "25", "fifth": "20", "tenth": "10", "third": "33.3"}
# the things with a level a share may be said right after (English, Chinese)
_LEVEL_EN = r"music|song|track|bgm|(?:original |own |clip'?s? |clips'? )?sound|audio|volume|level|narration|voice[- ]?over|voiceover|voice"
_LEVEL_ZH = r"背景音乐|音乐|配乐|bgm|原声|声音|音量|人声|配音|旁白|歌"


def _en_amount(word: str) -> float:
    """``"a"``/``"one"`` -> 1, ``"two"`` -> 2, ``"3"`` -> 3."""
    if word.isdigit():
        return float(word)
    return 1.0 if word in ("a", "an", "one") else float(_en_word_value(word))


def _fraction(top: str, bottom: str, said: str) -> str:
    return _fmt(round(int(top) / int(bottom), 3)) if int(top) < int(bottom) else said


_A_SPEED = re.compile(r"\d(?:\.\d+)?\s*x\b|\b(?:speed|double|twice|slow\w*|fast\w*)\b")
_CLIP_AT_HALF = re.compile(r"\b(clip|one|part|shot|video|footage)\s+at\s+half\b(?! (?:of|as|a |an |second|sec|minute|speed|way|volume|the|its))")


def _normalize_en(text: str) -> str:
    text = re.sub(r"\b(?:a\s+)?minute and a half\b|\bone and a half minutes?\b", "90 seconds", text)
    text = re.sub(r"\bhalf (?:a |an )?minute\b", "30 seconds", text)
    text = re.sub(r"\bhalf (?:a |an )?second\b", "0.5 seconds", text)
    text = re.sub(rf"\b((?:{_EN_WORD})|\d+) and a half seconds?\b",  # "two and a half seconds"
                  lambda m: f"{_fmt((int(m.group(1)) if m.group(1).isdigit() else _en_word_value(m.group(1))) + 0.5)} seconds",
                  text)
    text = re.sub(r"\bper cent\b|(?<=\d)\s*pct\b|\bpct\b", " percent", text)  # British "sixty per cent", typed "10 pct"
    # "two point five seconds": a decimal said as words
    text = re.sub(rf"\b({'|'.join(_EN_UNITS)}) point ({'|'.join(_EN_UNITS)})\b",
                  lambda m: f"{_EN_UNITS[m.group(1)]}.{_EN_UNITS[m.group(2)]}", text)
    # "750 ms", "250 milliseconds": a fraction of a second
    text = re.sub(r"\b(\d+(?:\.\d+)?)\s*(?:ms|millisecs?|milliseconds?)\b",
                  lambda m: f"{_fmt(float(m.group(1)) / 1000)} seconds", text)
    # "one and a half times", "two and a half times faster": a speed
    text = re.sub(rf"\b(a|an|one|(?:{'|'.join(_EN_UNITS)})|\d+) and a half (?:times\b|x\b|(?=speed\b))",  # "at one and a half speed"
                  lambda m: f"{_fmt(_en_amount(m.group(1)) + 0.5)}x" + (" " if m.group(0).endswith(" ") else ""), text)
    # "too fast now, make it one and a half": a bare amount said last is that number (the last change's unit gives it its sense)
    text = re.sub(rf"\b(one|(?:{'|'.join(_EN_UNITS)})|\d+) and a half(?=\s*(?:[,.!?]|$|\bplease\b|\bpls\b|\binstead\b|\bthen\b))",
                  lambda m: _fmt(_en_amount(m.group(1)) + 0.5), text)
    # "bring it down to a fifth", "music at a quarter", "at about a third": a share of the volume
    text = re.sub(r"\b(to|at|volume) (?:(?:about|around|roughly|approximately|like|maybe|say) )?(?:a|one) (quarter|fourth|fifth|tenth|third)\b(?! (?:of an? )?(?:second|sec|minute|clip|one|"
                  r"shot|scene|segment|video|part|position|place))",
                  lambda m: f"{m.group(1)} {_SHARES[m.group(2)]}%", text)
    # "dog clip original sound a fifth", "the song a quarter", "voiceover at a third": a share said right after a
    # thing with a level is its level (never "a fifth clip")
    text = re.sub(rf"\b({_LEVEL_EN})\s+(?:(?:to|at|down to|up to|around|about)\s+)?(?:a|one)[\s-](quarter|fourth|fifth|tenth|third)\b"
                  r"(?! (?:of|as|its|their|what|that|second|sec|minute|clip|one|shot|louder|quieter|softer))",
                  lambda m: f"{m.group(1)} {_SHARES[m.group(2)]}%", text)
    text = re.sub(rf"\b({_LEVEL_EN})\s+(?:(?:to|at)\s+)?(?:a\s+)?half\b(?! (?:of|as|a |an |second|sec|minute|speed|way|the|its|their|what|that|louder|quieter|softer))",
                  r"\1 50%", text)
    # "music at quarter volume", "a fifth of the volume": that share of it
    text = re.sub(r"\b(?:(?:a|one) )?(quarter|fourth|fifth|tenth|third) (?:of (?:the|its) )?volume\b",
                  lambda m: f"{_SHARES[m.group(1)]}% volume", text)
    # "a second and a half", "a sec and a half", "two seconds and a half"
    text = re.sub(rf"\b(a|an|one|(?:{_EN_WORD})|\d+) (?:seconds?|secs?) and a half\b",
                  lambda m: f"{_fmt(_en_amount(m.group(1)) + 0.5)} seconds", text)
    text = re.sub(r"\b(first|last|final|opening) (?:second|sec) and a half\b", r"\1 1.5 seconds", text)
    # "a quarter second", "three quarters of a second": a share of a second
    text = re.sub(r"\b(?:a |one )?quarter (?:of )?(?:a )?(?:second|sec)\b", "0.25 seconds", text)
    text = re.sub(r"\bthree[\s-]quarters? of a (?:second|sec)\b", "0.75 seconds", text)
    text = re.sub(r"\ba full (second|minute)\b", r"1 \1", text)  # "make that transition a full second"
    # "a sec off both ends", "a second shorter", "lasts about a second": one second, not a second clip
    text = re.sub(r"(?<!\bhalf )(?:\ba sec\b|\ba second(?= (?:shorter|longer|earlier|later|sooner|less|more|off|faster|slower)\b))",
                  "1 second", text)
    text = re.sub(r"\b(about|around|roughly|like|lasts|last|over|within|only) a second\b(?! (?:clip|one|shot|scene|video|"
                  r"part|time|take|version|look|opinion|song|track|title))", r"\1 1 second", text)
    # "make the transitions a second", "fade in for a second", "a second is fine", "cut it to a second": a length said
    # as "a second" where no clip can follow; "wait a second", "give me a second" only ask for a moment
    text = re.sub(r"(?<!\bwait )(?<!\bhold on )(?<!\bhang on )(?<!\bgive me )(?<!\bgimme )(?<!\bjust )(?<!\bone )"
                  r"\ba second\b(?=\s*(?:long|each|apiece|only|max|tops|or so|or less|at most|is (?:fine|enough|ok|okay|good|"
                  r"plenty)|will do|would do|please|pls)?\s*(?:[,.!?;]|$|\b(?:and|then|instead)\b))|"
                  r"(?:(?<=\bfor )|(?<=\bto )|(?<=\bby ))a second\b(?! (?:clip|one|shot|scene|video|part|time|take|version|look|opinion|song|"
                  r"track|title|caption|text|transition|voice|photo|image|sound|layer|line|copy))", "1 second", text)
    # "city clip 2x speed and the dog one at half": a clip "at half" beside a speed is at half speed
    if _A_SPEED.search(text):
        text = _CLIP_AT_HALF.sub(r"\1 at 0.5x", text)
    # a speed said as a share: "three quarters speed", "half speed" is read elsewhere
    text = re.sub(r"\bthree[\s-]quarters?(?: of the)? speed\b", "0.75x speed", text)
    text = re.sub(r"\b(?:a |one )?quarter speed\b", "0.25x speed", text)
    # a share said as a fraction: "music at three quarters", "one third", "a third of the volume"
    text = re.sub(r"\bthree[\s-]quarters\b(?! of an? (?:hour|minute))", "75%", text)
    text = re.sub(r"\btwo[\s-]thirds\b", "66.7%", text)
    text = re.sub(r"\b(?:one[\s-]third|a third(?= of (?:the|its) (?:volume|level|loudness)\b))", "33.3%", text)
    text = re.sub(r"\b33\.3% of (?:the|its) (?:volume|level|loudness)\b", "33.3%", text)
    text = re.sub(r"\b(first|last|final|opening) second\b", r"\1 1 second", text)  # "chop off the first second"
    text = re.sub(r"\b(?:a|an|one) minute\b", "1 minute", text)
    text = re.sub(r"\b(\d+(?:\.\d+)?) times? (?:as )?(?:fast(?:er)?|quicker|speed)\b", r"\1x", text)  # "2 time fast"
    text = re.sub(r"\ba couple of (?=seconds)", "2 ", text)
    # "from second two to second four": a moment said as an ordinal second, in words
    text = re.sub(rf"\b(from|at|to|until|till|around|after|before|and) second ({_EN_COMPOUND})",
                  lambda m: f"{m.group(1)} second {_en_word_value(m.group(2))}", text)
    # "get rid of seconds two to four": a span said after its unit, in words
    text = re.sub(rf"\b(seconds?|secs?) ({_EN_COMPOUND}) (to|until|till|through|and|-) ({_EN_COMPOUND})",
                  lambda m: f"{m.group(1)} {_en_word_value(m.group(2))} {m.group(3)} {_en_word_value(m.group(4))}", text)
    text = _EN_NUMBER.sub(lambda m: str(_en_word_value(m.group(1))), text)
    text = re.sub(r"\b(to|at|volume|level) zero\b", r"\1 0", text)  # "turn the music volume to zero": a level of 0
    # "can the city be faster, three times": the times said after the way the speed goes is the speed
    text = re.sub(r"\b(faster|quicker|speed (?:it |them |this )?up|sped up)(,?\s+(?:like |about |maybe |say )?)(\d+(?:\.\d+)?) times\b"
                  r"(?! (?:as|more|less|longer|shorter|faster|slower))", r"\1\2\3x", text)
    text = re.sub(r"\b(?:two|2) times? (?:as )?(?:fast(?:er)?|quicker)\b", "2x", text)
    # "from second 2 to second 5": a point in time said as an ordinal second
    text = re.sub(r"\bsecond (\d+(?:\.\d+)?)\b(?!\s*(?:seconds?|secs?|s)\b)", r"\1 seconds", text)
    # "clip one", "shot two": a number word after the noun it counts
    text = re.sub(rf"\b(clip|shot|scene|segment|step)\s+({'|'.join(_EN_UNITS)})\b",
                  lambda m: f"{m.group(1)} {_en_word_value(m.group(2))}", text)
    # "3/4 speed", "slow it down to 3/4": a fraction typed with a slash is a decimal (9/16, a shape, is no fraction)
    text = re.sub(r"(?<=\b(?:to|at) )([1-9])/([2-9]|10)\b(?![/:.]\d)|(?<![\d/.:])\b([1-9])/([2-9]|10)(?=\s*(?:x\b|speed))",
                  lambda m: _fraction(m.group(1) or m.group(3), m.group(2) or m.group(4), m.group(0)), text)
    # "1:30" is a time; "9:16" and "16:9" are the aspect ratios a video editor hears far more often
    text = re.sub(r"\b(?!(?:9:16|16:9|4:5|21:9|1:1|4:3|3:4|2:3|3:2)\b)(\d+):([0-5]\d)\b",
                  lambda m: f"{int(m.group(1)) * 60 + int(m.group(2))} seconds", text)
    # "from 2 seconds to 6": the end takes the start's unit
    text = re.sub(r"\b(\d+(?:\.\d+)?) (seconds?|secs?) (to|until|till) (\d+(?:\.\d+)?)\b(?!\.\d|\s*(?:%|x\b|seconds?|secs?|s\b|"
                  r"percent|times|clips?|minutes?|mins?))", r"\1 \2 \3 \4 seconds", text)
    text = re.sub(r"(\d+(?:\.\d+)?)\s*(?:minutes?|mins?)\s*(?:and\s*)?(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b",
                  lambda m: f"{_fmt(float(m.group(1)) * 60 + float(m.group(2)))} seconds", text)
    return re.sub(r"(\d+(?:\.\d+)?)\s*(?:minutes?|mins?)\b",
                  lambda m: f"{_fmt(float(m.group(1)) * 60)} seconds", text)


def _zh_numeral(match: re.Match[str]) -> str:
    token = match.group(0)
    text = match.string
    if token == "十" and text[match.end():match.end() + 1] == "字":  # "十字路口", "十字架": a cross, no number
        return token
    if token == "一":
        after = text[match.end():match.end() + 1]
        before = text[match.start() - 1:match.start()] if match.start() else ""
        if before != "第" and not _ZH_LONE_ONE_OK.match(after):
            return token
    value = zh_number(token)
    return token if value is None else _fmt(value)


def _zh_share(match: re.Match[str]) -> str:
    """A fraction a speed is set to: before "速度" or where a speed is named ("调成四分之三的速度" -> "0.75倍的速度");
    any other is left to the rules after it."""
    value = _zh_value(match.group(2)) / (_zh_value(match.group(1)) or 1)
    after = match.string[match.end():match.end() + 4]
    before = match.string[:match.start()]
    if re.match(r"的?(?:速度|倍速)", after) or re.search(r"速|慢|快", before):
        return f"{_fmt(value)}倍" if not after.startswith("倍") else _fmt(value)
    return match.group(0)


_THIRD_PLACE = re.compile(r"([下底上顶])(?:部|方|面|边)?(?:的)?(?:三分之一|1/3)(?:处|的位置|位置|的地方|那里)?")


# a length typed with an English "s" inside Chinese is seconds: "8s的赛博朋克街道", "在3s那里剪开" ("s\\b" sees no edge
# before a Han character); a decade's look stays one ("80s的复古风", "90s港风")
_ZH_S_UNIT = re.compile(r"(?<![\d.:A-Za-z])(\d+(?:\.\d+)?)\s?s(?=[\u4e00-\u9fff])")
_ZH_DECADE_LOOK = re.compile(r"的?(?:风|年代|复古|怀旧|港风|感|色调)")


def _zh_s_unit(match: re.Match[str]) -> str:
    number = match.group(1)
    if re.fullmatch(r"[2-9]0|1[5-9]\d0|20\d0", number) and _ZH_DECADE_LOOK.match(match.string, match.end()):
        return match.group(0)
    return f"{number}秒"


# English units typed in Chinese, where "\\b" sees no edge: a time "在0:07的地方", "0:12那里" (0:07 is 7 s; a ratio stays one), a
# speed "城市那段x2" (2x)
_ZH_TIMECODE = re.compile(r"(?<![\d:.])(?!(?:9:16|16:9|4:5|21:9|1:1|4:3|3:4|2:3|3:2)(?!\d))(\d+):([0-5]\d)(?![\d:])")
_ZH_TIMES = re.compile(r"(?<=[\u4e00-\u9fff])[x×]\s?(\d+(?:\.\d+)?)(?![\d.:])")


def _normalize_zh(text: str) -> str:
    text = _ZH_S_UNIT.sub(_zh_s_unit, text)
    text = _ZH_TIMECODE.sub(lambda m: f"{int(m.group(1)) * 60 + int(m.group(2))}秒", text)
    text = _ZH_TIMES.sub(r"\1倍", text)
    # a fraction typed with a slash is one said in words: "原来的3/4" is "原来的四分之三" (9/16, a shape, is no fraction)
    text = re.sub(r"(?<![\d/.:])([1-9])/([2-9]|10)(?![\d/.:])",
                  lambda m: f"{m.group(2)}分之{m.group(1)}" if int(m.group(1)) < int(m.group(2)) else m.group(0), text)
    text = text.replace("半分钟", "30秒").replace("一分半钟", "90秒").replace("一分半", "90秒")
    # the lower or upper third of the picture is a place, not a share: "标题放在画面的下三分之一" is at the bottom
    text = _THIRD_PLACE.sub(lambda m: "下方" if m.group(1) in "下底" else "上方", text)
    text = re.sub(r"百分之([零〇一二两三四五六七八九十百\d]+)",
                  lambda m: f"{_fmt(zh_number(m.group(1)) or 0) if not m.group(1).isdigit() else m.group(1)}%", text)
    # "狗那段原声五分之一", "配乐三分之一就行", "音乐一半": a share said right after a thing with a level is its level
    text = re.sub(rf"({_LEVEL_ZH})((?:就|也|只)?(?:要|用|留|放|开|调|降|减|压|改)?(?:到|成|为)?)([零〇一二两三四五六七八九十\d]+)分之"
                  r"([零〇一二两三四五六七八九十\d]+)(?!的?(?:速度|倍))",
                  lambda m: f"{m.group(1)}{m.group(2)}{_fmt(round(100 * _zh_value(m.group(4)) / (_zh_value(m.group(3)) or 1), 1))}%",
                  text)
    text = re.sub(rf"({_LEVEL_ZH})((?:就|也|只)?(?:要|用|留|放|开)?)一半(?!的?(?:速度|时间|长度))", r"\1\g<2>50%", text)
    # fractions and tenths: "四分之一" is 0.25, "原来的一半" half, "音量调到四成" 40%
    # a share a level is set to is a percentage: "音乐调到三分之一" 33% (not "速度调到三分之一", a speed)
    text = re.sub(r"(?<!速度)((?:调|降|减|压|开|改|变)(?:到|成|为))([零〇一二两三四五六七八九十\d]+)分之([零〇一二两三四五六七八九十\d]+)"
                  r"(?!的?(?:速度|倍))",
                  lambda m: f"{m.group(1)}{_fmt(100 * _zh_value(m.group(3)) / (_zh_value(m.group(2)) or 1))}%", text)
    text = re.sub(r"(?<=[到为成至])([零〇一二两三四五六七八九十\d]+)分之([零〇一二两三四五六七八九十\d]+)",
                  _zh_share, text)
    text = re.sub(r"([零〇一二两三四五六七八九十\d]+)分之([零〇一二两三四五六七八九十\d]+)",
                  lambda m: _fmt(_zh_value(m.group(2)) / (_zh_value(m.group(1)) or 1)), text)
    text = re.sub(r"(?<=原来的)一半", "0.5", text)
    text = re.sub(r"(?<=[到为])一半", "50%", text)
    # a change said in tenths: "音乐降低三成" is 30% quieter, "调低两成", "提高两成" ("降到三成" stays a level)
    text = re.sub(r"(?<=降低|调低|减少|减小|下调|压低|提高|调高|增加|加大|上调|提升|调大|调小|放大|缩小)(了)?([一二两三四五六七八九])成(半)?(?![功品熟])",
                  lambda m: f"{m.group(1) or ''}{_fmt(_zh_value(m.group(2)) * 10 + (5 if m.group(3) else 0))}%", text)
    text = re.sub(r"(?<=[到为成至])([一二两三四五六七八九\d])成(半)?(?![功品熟])",
                  lambda m: f"{_fmt(_zh_value(m.group(1)) * 10 + (5 if m.group(2) else 0))}%", text)
    # a level said as tenths beside the volume or "that'll do": "两成半音量" 25%, "三成就行" 30% (HK, Taiwan)
    text = re.sub(r"(?<![到为成至\d一二两三四五六七八九十])([一二两三四五六七八九])成(半)?(?=的?音量|就(?:行|好|够|可以))",
                  lambda m: f"{_fmt(_zh_value(m.group(1)) * 10 + (5 if m.group(2) else 0))}%", text)
    text = _ZH_NUMBER.sub(_zh_numeral, text)
    # "原来的3/4", "3/4的速度": a fraction typed with a slash
    text = re.sub(r"(?:(?<=原来的)|(?<=调到)|(?<=改成))(\d)/(\d{1,2})(?![\d/])|(?<![\d/])(\d)/(\d{1,2})(?=倍|的?速度)",
                  lambda m: _fmt(int(m.group(1) or m.group(3)) / (int(m.group(2) or m.group(4)) or 1)), text)
    # a speed said as a share of itself: "变成原来的0.25", "放慢到0.25" -> "0.25倍"
    text = re.sub(r"((?:放慢到|慢放到|慢到|加速到|加快到|速度(?:调到|调成|改成|变成|降到)?)(?:原来的)?\d+(?:\.\d+)?)(?![\d.%倍秒])", r"\1倍", text)
    text = re.sub(r"(原来的\d+(?:\.\d+)?)(?=的?速度|倍速)", r"\1倍", text)
    text = re.sub(r"(?<=\d)来(?=秒|个|段|分钟|倍)", "", text)  # "十来秒" is about ten seconds
    text = text.replace("半秒", "0.5秒")
    # "从第二秒开始，到第十秒结束": one span, said in two breaths
    text = re.sub(r"((?:从|由)第?\d+(?:\.\d+)?秒(?:开始|起))[，,]\s*(?=(?:到|至)第?\d)", r"\1", text)
    text = re.sub(r"(\d+(?:\.\d+)?)\s*毫秒", lambda m: f"{_fmt(float(m.group(1)) / 1000)}秒", text)  # "750毫秒"
    text = re.sub(r"(\d+)秒半", lambda m: f"{int(m.group(1))}.5秒", text)  # "两秒半"
    # "一秒五", "两秒三": tenths said after the seconds, as people say lengths aloud
    text = re.sub(r"(?<![\d.])(\d+)秒([1-9])(?=$|[\s，,。！!～~]|吧|就|的|左右|钟)", r"\1.\2秒", text)
    text = re.sub(r"(\d+)倍半", lambda m: f"{int(m.group(1))}.5倍", text)  # "两倍半"
    text = re.sub(r"(\d+(?:\.\d+)?)分(?:钟)?半", lambda m: f"{_fmt(float(m.group(1)) * 60 + 30)}秒", text)
    text = re.sub(r"(\d+(?:\.\d+)?)分(?:钟)?(?:零)?(\d+(?:\.\d+)?)秒",
                  lambda m: f"{_fmt(float(m.group(1)) * 60 + float(m.group(2)))}秒", text)
    return re.sub(r"(\d+(?:\.\d+)?)分钟", lambda m: f"{_fmt(float(m.group(1)) * 60)}秒", text)


def normalize(text: str) -> str:
    """Lower-case English, full-width digits folded, number words and durations as digits."""
    text = text.translate(str.maketrans("０１２３４５６７８９：％．", "0123456789:%."))
    # a level said as a fraction of one right after "volume" / "音量" is that share: "dog clip volume 0.5", "音量0.1"
    text = re.sub(r"(\bvolume|\blevel|音量)(\s*(?:to |at |of |调到|调成|设为|设成|改成|到|=\s*)?\s*)(0?\.\d+)"
                  r"(?![\d.]|\s*(?:s\b|secs?\b|seconds?\b|秒|x\b|倍|times\b))",
                  lambda m: f"{m.group(1)}{m.group(2)}{_fmt(round(float(m.group(3)) * 100, 1))}%", text, flags=re.I)
    return _normalize_zh(_normalize_en(text.lower()))


# a decade is no length: "a city street in the 1920s", "a diner in the '50s", "a kitchen from the 70s" ("at the 30s mark" is)
DECADE = r"(?<![\d.'’])(?:(?:1[5-9]|20)\d0s\b|(?<=the )[2-9]0s(?=$|[,.;!?]|\s+(?:style|vibes?|look|aesthetic|era)\b))|(?<=['’])\d0s\b"
_DURATION = re.compile(rf"(?<![\d.])(?!{DECADE})(\d+(?:\.\d+)?)\s*(?:-\s*)?(?:seconds?|secs?|s\b|秒钟?)")


def find_durations(text: str) -> list[tuple[int, int, int]]:
    """Every ``(ms, start, end)`` duration in normalized text, in order."""
    return [(round(float(m.group(1)) * 1000), m.start(), m.end()) for m in _DURATION.finditer(text)]


def duration_ms(text: str) -> int | None:
    """The first duration in normalized text, in ms."""
    found = find_durations(text)
    return found[0][0] if found else None


_RANGE = re.compile(
    r"(?:from\s+|between\s+|从\s*(?:第)?)?(\d+(?:\.\d+)?)\s*(?:s|秒|seconds?|secs?)?\s*(?:显示|出现|播放|开始|起|剪|截|留)?"
    r"(?:(?<=开始)[，,]|(?<=起)[，,])?\s*"  # "从第二秒开始，到第十秒结束"
    r"(?:to|until|till|and|-|–|~|到|至)\s*(?:第)?(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s\b|秒)")


# the unit said first: "keep seconds 2 to 7", "from second 3 to 8"
_RANGE_UNIT_FIRST = re.compile(r"\b(?:from\s+)?(?:seconds?|secs?)\s+(\d+(?:\.\d+)?)\s*(?:to|until|till|and|-|–|~)\s*(\d+(?:\.\d+)?)\b(?!\s*(?:%|x\b))")


def time_range(text: str) -> tuple[int, int] | None:
    """``"from 2s to 5s"``, ``"2-5秒"``, ``"从2秒到5秒"``, ``"seconds 2 to 5"`` -> ``(2000, 5000)``; None when absent or empty."""
    match = _RANGE.search(text) or _RANGE_UNIT_FIRST.search(text)
    if not match:
        return None
    start, end = round(float(match.group(1)) * 1000), round(float(match.group(2)) * 1000)
    return (start, end) if end > start else None


# a multiple of what the thing is now: "原来的0.5" ("原来的一半"), "原来的2倍", "half the original size", "twice its size",
# "3 times the size"; a speed's ("原来的0.75倍速度") is read as a speed
_FACTOR = re.compile(r"原来的(\d+(?:\.\d+)?)(?:倍)?(?![\d.%秒])|"
                     r"\b(half|twice|double|(\d+(?:\.\d+)?) times) (?:the |its )(?:original |current |old |usual )?"
                     r"(?:size|volume|loudness|level)\b")


def factor(text: str) -> float | None:
    """The multiple of its present amount a thing is set to in normalized text (``"缩小到原来的0.5"`` -> 0.5,
    ``"twice its size"`` -> 2.0); None when none is said."""
    match = _FACTOR.search(text)
    if match is None or re.search(r"速|慢|快|\b(?:speed|fast|faster|slow|slower|quick)\b", text):
        return None
    if match.group(1):
        return round(float(match.group(1)), 3)
    return float(match.group(3)) if match.group(3) else {"half": 0.5, "twice": 2.0, "double": 2.0}[match.group(2)]
