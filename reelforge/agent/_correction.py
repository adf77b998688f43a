"""Corrections inside one message: "trim the dog clip to 3 seconds, no wait, 2", "标题换蓝色…算了还是白色".

A **correction marker** ("no wait", "sorry", "I mean", "or actually", "er", "不对", "算了", "说错了", "呃") between two
readings of the same kind: the later one wins for the slots it states and inherits the rest, so only the corrected
request is planned. ``resolve`` rewrites the message before it is split into clauses, in both languages alike:

- **a value or a word of the same kind** ("..., no wait, 2", "— actually white", "I mean the dog one", "er, zoom in",
  "，不对，20%", "…还是女声吧", "哦不是，狗那段"): it replaces the last one of its kind said before the marker (a time, a
  share, a speed, a bare number that takes the unit said before, a colour, a place, a shape, a platform, a file format,
  a voice, a camera move, a transition, a sound, a music style, a clip, a moment, quoted words, "a parrot" for "a cat");
  what the message says after it goes on ("'Neon City', for 2 seconds"; "12 seconds, vertical");
- **a request of its own** after a marker that takes back ("no", "wait", "I mean", "不对", "算了", "说反了"): it replaces
  the last request before the marker when both are about the same thing, or it leaves its object unsaid, which it
  then inherits ("remove the dog clip... actually no, just mute it", "把标题放大，啊说反了，缩小一点");
- **a take-back** ("keep it", "leave it", "留着", "不换了", "先别导"): the last request is dropped and what follows is
  planned ("remove the music. hmm no, keep it but turn it down to 10%", "第一段删掉吧……不行，留着，把第二段删了");
  "哦音乐不用动了" drops the request about the music.

A hesitation ("er", "um", "or", "呃", "还是", "……") only corrects a value of the same kind: "add a title, um, make it
red" adds a red title. Anything else is left as typed.
"""

from __future__ import annotations

import re

from reelforge.agent._intents._words import EN_COLOR_WORDS, ZH_COLOR_WORDS
from reelforge.agent._numbers import normalize
from reelforge.agent._reading import read_clause
from reelforge.agent._text import PLACEHOLDER, QUOTES, Clause, clause_starts, compiled_words, is_untouched
from reelforge.draft.colors import NAMED_COLORS

__all__ = ["resolve"]

# words that take back what was just said, and hesitations before a better value
_TAKE_BACK_EN = (r"no+ wait|wait no|no+ no|no+|nah|nope|not that|hmm+ no|um+ no|uh+ no|er+ no|ugh,? no|or no|actually no|"
                 r"no actually|no hang on|hang on|wait|sorry|oops|i mean|i meant|or actually|or rather|scratch that|"
                 r"correction|my bad")
_HESITATE_EN = r"actually|er+m?|um+|uh+|hmm+|ugh|oh|or|well|make (?:that|it)|change (?:that|it) to"
_TAKE_BACK_ZH = (r"(?:哦|啊|诶|欸|呃|额|嗯)?(?:不对|不是|不行)(?=[，,。.…—\s!！]|是)|不对(?=我)|(?:我|刚才|刚刚)?[说讲]错了?(?=[，,。.…—\s!！]|$)|打错了|写错了|搞错了|错了|说反了|等等|等一下|等下|"
                 r"(?:呃|额|嗯)?算了|不不+|(?:哦|啊|嗯|诶)不|更正")
_HESITATE_ZH = r"呃|额|嗯|哦|啊|诶|还是|改一下|太[\u4e00-\u9fff]{1,3}了吧?"
_DELIMIT = r"[\s,，.。…—–;；!！-]"
# a judgement of what is there, with no change said: "黄的不好看", "电子的也不行", "这个太吵了"
_JUDGED_ZH = re.compile(r"(?:不好看|不好听|难看|难听|不行|不喜欢|不太好|不怎么样|没感觉|一般|太[\u4e00-\u9fff]{1,2})了?[吧啊呀]?$")
_MARKER_EN = re.compile(
    rf"(?:[,.…;!—–]+\s*|\s+[-—–]+\s*|\s+(?=no+ \d)|\s+(?=(?:actually no|no+ wait|wait no|no+ no|no actually)\b))(?P<words>(?:(?:{_TAKE_BACK_EN}|{_HESITATE_EN})\b[\s,.…!—–-]*)+)|"
    r"(?:\.\.\.|…|—|–|\s-\s)\s*(?=\d|make (?:that|it)\b)")
_MARKER_ZH = re.compile(
    rf"(?:[，,。.…—–;；!！\s]+)(?P<words>(?:(?:{_TAKE_BACK_ZH}|{_HESITATE_ZH})[，,。.…—–!！\s]*)+)|(?:……|…|——|—)\s*(?=改成|换成)")
_STRONG = re.compile(rf"^(?:.*\b)?(?:{_TAKE_BACK_EN})\b|{_TAKE_BACK_ZH}")
_HESITATION_ONLY = re.compile(rf"^(?:(?:{_HESITATE_EN})\b[\s,.…!—–-]*)+$")

# the kinds of slot a correction replaces, most specific first; each pattern runs on normalized text
_COLOURS = EN_COLOR_WORDS
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(pattern)) for kind, pattern in (
    ("quote", r"⟪\d+⟫"),
    ("moment", r"\bat \d+(?:\.\d+)?\s*(?:seconds?|secs?|s)\b|\b(?:at|to) the (?:very )?(?:start|beginning|end|front|back)"
               r"(?: of (?:the )?(?:[\w-]+ ){0,2}?(?:clip|video|one|part)(?: \d+)?)?|"
               r"\b(?:when|as soon as|once) (?:the |a )?[\w ]{1,20}? (?:appears?|shows? up|comes? (?:on|in)|starts?|begins?)\b|"
               r"\bafter the (?:title|intro|first clip|second clip)\b|"
               r"(?:放)?在?第\d+(?:\.\d+)?秒(?:处|的时候|的地方)?|(?:放)?在(?:开头|结尾|最后|最前面)|"
               r"(?:放)?在?(?![把给将在])[\u4e00-\u9fff\d]{1,8}?(?:出现|开始|结束)的时候"),
    ("aspect", r"\b(?:vertical|horizontal|landscape|portrait|square)\b|(?<![\d.])\d+:\d+\b|竖屏|横屏|方形|[竖横方]的|\d+比\d+"),
    ("time", r"(?<![a-z0-9_.⟪])\d+(?:\.\d+)?\s*(?:-\s*)?(?:seconds?|secs?|s\b|ms\b|秒钟?|毫秒)"),
    ("share", r"(?<![a-z0-9_.⟪])\d+(?:\.\d+)?\s*(?:%|percent\b|per cent\b)|百分之\d+(?:\.\d+)?"),
    ("speed", r"(?<![a-z0-9_.⟪])\d+(?:\.\d+)?\s*(?:x\b|×|倍速?)|\b(?:twice|half|three times|double) as (?:fast|slow)\b|"
              r"\b(?:half|double|normal) speed\b"),
    ("colour", rf"\b(?:{_COLOURS})\b|#[0-9a-f]{{6}}\b|{ZH_COLOR_WORDS}(?:色|字|的)"),
    ("preset", r"\b(?:youtube shorts|(?:instagram|insta|ig) reels|tiktok|reels|shorts|youtube|instagram|insta)\b|"
               r"抖音|快手|油管|b站|朋友圈|视频号|小红书"),
    ("format", r"(?<![a-z0-9])(?:mp4|mov|webm|gif|mp3|wav|prores)(?![a-z0-9])"),  # "导出成webm" has no word break
    ("gender", r"\b(?:male|female|(?:wo)?m[ae]n'?s?|boy'?s?|girl'?s?)\b|[男女](?:声|生|的)"),
    ("motion", r"\b(?:zoom(?:ing)? (?:in|out)|pan(?:ning)? (?:left|right|up|down)|tilt (?:up|down)|ken burns)\b|"
               r"推近|拉近|拉远|推远|推镜头|拉镜头"),
    ("transition", r"\b(?:cross-?fade|dissolve|(?:wipe|slide) (?:left|right|up|down)|(?:fade|dip) to (?:black|white)|"
                   r"hard cuts?)\b|溶解|叠化|硬切|黑场|擦除"),  # "向左擦除": a direction, then the kind
    ("fade", r"\bfade[- ](?:in|out)\b|淡入|淡出"),
    ("size", r"\b(?:bigger|smaller|larger)\b|放大|缩小(?:一点)?|大一点|小一点"),
    ("sound", r"\b(?:whoosh|swoosh|ding|chime|pop|bell|click|shutter|applause|boom|impact|riser|rain|wind|thunder)\b|"
              r"快门声?|咔[嚓哒嗒]声?|撞击声|雨声|风声|海浪声|掌声|欢呼声?|鸟叫声?|铃声|叮|嗖|啵"),
    ("style", r"\b(?:lo-?fi|piano|jazz|rock|electronic|edm|ambient|acoustic|chill|upbeat|epic|cinematic|calm|happy|"
              r"classical|hip-?hop|rap|punk)\b|电子乐?|氛围(?:音乐|乐)?|钢琴曲?|吉他|爵士|摇滚|嘻哈|说唱|古典|史诗|欢快|舒缓|轻音乐"),
    ("position", r"\b(?:the )?(?:top|bottom|middle|cent(?:er|re))(?: (?:left|right))?(?: corner)?\b|"
                 r"\b(?:the )?(?:left|right)(?: side)?\b|[左右][上下]角|上面|下面|中间|顶部|底部|上方|下方|左边|右边|居中"),
    ("direction", r"\b(?:up|down)\b|[向往][上下左右]"),
    ("clip", r"\b(?:the )?(?!(?:a|an|the|this|that|another|each|every|one|new|more)\b)[a-z]+ (?:one|clip|part|shot)\b|"
             r"\bclip \d+\b|\bboth clips\b|\ball (?:the )?clips\b|(?![把给将在让和跟与删])[\u4e00-\u9fff]{1,4}?那段|"
             r"第\d+(?:个)?(?:片段|段|镜头)"),
    ("number", r"(?<![a-z0-9_.⟪:])\d+(?:\.\d+)?(?![a-z0-9_⟫:]|\.\d)|\bhalf\b"),
    # "a cat", "a lavender field": a scene's subject, up to the next small word
    ("thing", r"\b(?:a|an) (?!(?:bit|little|lot|few|couple)\b)[a-z]+(?: (?!(?:at|in|on|to|for|with|of|and|the|from|before|after|by|"
              r"over|under|near|no|wait|please)\b)[a-z]+){0,2}\b"),
))
_NUMERIC = ("moment", "time", "share", "speed", "number")
# a value judged before a hesitation: what follows is the request, not a correction of it
_JUDGED = r"不好看|难看|丑|不喜欢|不太行|\b(?:ugly|awful|hideous)\b|\blooks? (?:bad|off|weird|awful)\b|\bnot (?:nice|great|good)\b|" \
          r"\b(?:i )?(?:don'?t|do not) (?:like|love)\b|\bnot (?:a fan of|into)\b|\b(?:is|'s|sounds?) (?:so |kinda |kind of |a bit )?" \
          r"(?:boring|meh|lame|cheesy|bad|weird|awful|terrible)\b"  # "i dont like 'Urban Dreams', change it to ...": why
# what a corrected value may be said with ("make that 1.5x is enough", "是百分之五十", "放下面吧")
_EMPTY_EN = re.compile(r"\b(?:make (?:that|it|them)|change (?:that|it) to|make|(?:it|that) (?:should be|is|'s)|should be|it'?s|that'?s|is|be|"
                       r"i (?:mean|meant|guess|think)|instead|please|pls|then|actually|just|use|set|put|go|with|at|to|"
                       r"in|on|for|from|after|before|over|by|into|a|an|the|long|yeah|yes|ok|okay|enough|fine|better|"
                       r"good|plenty|would|will do|do|one|volume|speed|voice|version|sounds?|of)\b")
_EMPTY_ZH = re.compile(r"改成|换成|改为|换为|调到|调成|设成|设为|变成|就够了|就可以了?|就行了?|就好了?|好了|那就|还是|一下|"
                       r"放(?:在|到)?|加个|来个|是|用|吧|的|在|加|来|要|第|前|到|成|呢|啊|发|给|个|改|换|吗")
_SUFFIX = re.compile(r"\s+(?:is|'s|would be|looks?|sounds?) (?:enough|fine|better|good|ok|okay|plenty|right|nicer)\b.*$|"
                     r"\s+i (?:guess|think|meant?)$|\s+(?:actually|instead|please)$")
_ADDING = re.compile(r"^(?:and|also|then|plus|another|one more|too|再|然后|也|还有|另外|顺便|并且)\b|^(?:再|然后|也|还有|另外)")
_CANCEL_EN = re.compile(r"^(?:(?:just )?(?:keep|leave) (?:it|that|them)(?: as (?:it is|is))?|never ?mind|forget (?:it|that)|"
                        r"don'?t|scratch that|cancel that|not that)(?:\s+but|,|$)\s*")
_CANCEL_ZH = re.compile(r"^(?:还是)?(?:留着|保留|不换了|不用了|不要了|不删了|不加了|不改了|先别[\u4e00-\u9fff]{1,2}|"
                        r"别[\u4e00-\u9fff]{1,2}了|不[\u4e00-\u9fff]了)(?:吧|了)?(?:[，,\s]+|$)")
_REST = re.compile(r"[,，;；!！?？]|\.(?!\d)|…|—|–|\s-\s")
_OBJECT_EN = re.compile(r"\b(?:the|my|this|that) (?:[\w'-]+ ){0,2}?(?:clips?|one|part|shot|music|song|soundtrack|bgm|title|"
                        r"text|captions|subtitles|transitions?|crossfade|voice-?over|narration|background|video)\b")
_OBJECT_ZH = re.compile(r"(?![把给将在让和跟与删])[\u4e00-\u9fff]{1,4}?那段|第\d+(?:个)?(?:片段|段|镜头)|标题|字幕|背景音乐|音乐|配乐|"
                        r"bgm|转场|旁白|配音|背景|视频|画面|它")
_HALF = {"share": "50%", "speed": "0.5x"}
_SPEED_WORDS = {"twice as fast": "2x", "double speed": "2x", "half as fast": "0.5x", "half speed": "0.5x",
                "twice as slow": "0.5x", "three times as fast": "3x", "normal speed": "1x"}


_FINE_COLOUR = re.compile(r"(?i),\s*(?:or\s+)?((?:light |dark |pale |deep |bright )?[a-z]+) (?:is|'s|would be|would work|will do|works)"
                          r"(?: (?:fine|ok(?:ay)?|good|great|perfect|too|as well))*\s*[.!]*$")


def resolve(message: str, language: str) -> str:
    """``message`` with each correction inside it applied: only what the user settled on is left to plan. A message
    with no correction comes back as it was typed."""
    marker = _MARKER_ZH if language == "zh" else _MARKER_EN
    if language == "en":  # "change the background to dark blue, navy is fine": the colour said as fine is the one meant
        message = _FINE_COLOUR.sub(lambda m: f", actually {m.group(1)}" if m.group(1).replace(" ", "").lower() in NAMED_COLORS
                                   else m.group(0), message)
    if marker.search(message.lower()) is None:
        return message
    originals: list[str] = []

    def hold(match: re.Match[str]) -> str:
        originals.append(match.group(0))
        return f"⟪{len(originals) - 1}⟫"

    text = normalize(QUOTES.sub(hold, message.strip()))
    changed = False
    start = 0
    for _ in range(4):  # a message corrects itself a few times at most
        found = next((m for m in marker.finditer(text, start) if re.search(r"\w", text[:m.start()])), None)
        if found is None:
            break
        fixed = _correct(text, found, language)
        if fixed is None:
            start = found.end()
            continue
        text, changed, start = fixed, True, 0
    if not changed:
        return message
    return PLACEHOLDER.sub(lambda m: originals[int(m.group(1))], text)


def _correct(text: str, marker: re.Match[str], language: str) -> str | None:
    """The text with the correction at ``marker`` applied, or None when it is no correction after all."""
    before = text[:marker.start()].rstrip(" ,，.。…—–-;；")
    after = text[marker.end():].lstrip(" ,，.。…—–-;；")
    words = (marker.group("words") or "").strip(" ,，.。…—–-!！")
    strong = bool(words) and not _HESITATION_ONLY.match(words) and _STRONG.search(words + "，") is not None
    cut = _REST.search(after)
    fix, rest = (after[:cut.start()], after[cut.end():].strip()) if cut else (after, "")
    fix = _SUFFIX.sub("", fix.strip())
    reason = re.match(r"那(?:就|么|我们)?\s*", rest) if language == "zh" else None
    if reason is not None and re.search(r"才|只有|只剩|不够|没有|超过|太[\u4e00-\u9fff]", fix):
        # "…哦歌才30秒，那从第10秒开始": a reason, then the value settled on after 那 (never the one in the reason)
        cut = _REST.search(rest, reason.end())
        fix, rest = (rest[reason.end():cut.start()], rest[cut.end():].strip()) if cut else (rest[reason.end():], "")
        fix = _SUFFIX.sub("", fix.strip())
    if not fix or _ADDING.match(fix) or (marker.group(0).strip(" ,.…") == "or" and text.rstrip().endswith("?")):
        return None if fix or not strong else _drop_last(before, rest, language) or words  # "加个转场，算了": take it back
    if rest and compiled_words(rf"(?:yeah|yes|ok|对|嗯)?[\s,，]*{re.escape(fix)}").fullmatch(rest):
        rest = ""  # "cut it to 9 seconds, or 11, yeah 11"
    judged = before[_last_start(before, language):]
    if language == "zh" and not strong and _JUDGED_ZH.search(judged) and not _OBJECT_ZH.search(judged):
        # "黄的不好看 还是白的吧", "电子的也不行 还是来点安静的吧": the value judged is only why; the request is what follows
        return _join(_keep_before_last(before, language), after, language)
    if language == "zh" and is_untouched(fix):  # "标题改红色，音乐调小，哦音乐不用动了"
        return _drop_about(before, fix, rest, language)
    leave = re.match(r"^(?:leave|keep) it\b[\s,.。]*", rest)
    if leave is not None:  # "put the music at 25%. wait, 35, leave it": nothing to change
        return _drop_last(before, rest[leave.end():], language) or words
    if not strong and re.search(_JUDGED, before[_last_start(before, language):]):
        return None  # "黄的不好看 还是白的吧": the value judged is not taken back, the request after it stands
    substituted = _substitute(before, fix, language)
    if substituted is not None:
        return _join(substituted, rest, language, value=True)
    if not strong:
        return None
    cancel = (_CANCEL_ZH if language == "zh" else _CANCEL_EN).match(fix)
    if cancel is not None:  # "hmm no, keep it but turn it down to 10%", "不行，留着，把第二段删了"
        return _drop_last(before, _join(fix[cancel.end():], rest, language), language) or words
    last = before[_last_start(before, language):]
    if not _same_thing(last, fix, language):
        if re.search(r"^(?:just )?(?:keep|leave)\b|留着|保留|不要动|不用动|别动", fix):
            return _join(before, after, language, value=True)  # "mute the clips, no wait, keep the music": both stand
        instead = _INSTEAD.search(fix)
        if instead is not None:  # "make a slideshow? no wait just add the photo", "…不对我没传 那就整个吉他的": asked instead
            return _join(_keep_before_last(before, language), _join(fix[instead.start():], rest, language), language)
        return None
    earlier = _keep_before_last(before, language)
    if earlier and re.match(r"(?:just|only)\b|只", fix):  # "undo that and then redo it, actually no, just undo": that alone
        starts = [*clause_starts(earlier, language), len(earlier)]
        parts = [earlier[a:b].strip(" ,，.。") for a, b in zip(starts, starts[1:])]
        dropped = [part for part in parts if _same_thing(part, fix, language)]
        earlier, last = " ".join(part for part in parts if part not in dropped), " ".join([*dropped, last])
    return _join(earlier, _join(_inherit(fix, last, language), rest, language), language)


def _last_start(text: str, language: str) -> int:
    return clause_starts(text, language)[-1]


def _keep_before_last(text: str, language: str) -> str:
    return text[:_last_start(text, language)].rstrip(" ,，.。…—–-;；")


def _drop_last(before: str, replacement: str, language: str) -> str:
    """The last request before the marker taken back; what "it" or an unsaid object meant is carried over."""
    last = before[_last_start(before, language):]
    return _join(_keep_before_last(before, language), _inherit(replacement, last, language), language)


def _drop_about(before: str, untouched: str, rest: str, language: str) -> str | None:
    """The last request about what is now to be left alone ("哦音乐不用动了"), taken back."""
    named = _OBJECT_ZH.search(untouched)
    starts = clause_starts(before, language)
    for index in reversed(range(len(starts))):
        part = before[starts[index]:starts[index + 1] if index + 1 < len(starts) else len(before)]
        if named is not None and named.group(0) in part:
            kept = (before[:starts[index]] + before[starts[index] + len(part):]).strip(" ,，.。…—–-;；")
            return _join(kept, rest, language) if kept or rest else None
    return None


def _join(first: str, second: str, language: str, value: bool = False) -> str:
    """Two parts of a message: a value's own clause goes on after a comma ("'Neon City', for 2 seconds"), a request
    of its own after a full stop."""
    first, second = first.strip(" ,，"), second.strip(" ,，")
    if not first or not second:
        return first or second
    if value:
        return f"{first}，{second}" if language == "zh" else f"{first}, {second}"
    return f"{first}。{second}" if language == "zh" else f"{first}. {second}"


def _slots(text: str, skip: frozenset[str] = frozenset()) -> list[tuple[str, int, int]]:
    """Each slot ``text`` states, by kind: ``(kind, start, end)``, the most specific kind first, none overlapping."""
    found: list[tuple[str, int, int]] = []
    for kind, pattern in _KINDS:
        for match in pattern.finditer(text) if kind not in skip else ():
            if match.end() > match.start() and not any(s < match.end() and match.start() < e for _, s, e in found):
                found.append((kind, match.start(), match.end()))
    return sorted(found, key=lambda slot: slot[1])


def _substitute(before: str, fix: str, language: str) -> str | None:
    """``before`` with each value ``fix`` states in place of the last one of its kind, or None when ``fix`` says more
    than values (or one has nothing of its kind to replace)."""
    slots = _slots(fix)
    if any(kind == "colour" for kind, _, _ in slots) and _target(before, "colour", "") is None:
        slots = _slots(fix, frozenset({"colour"}))  # "a sunflower field, no wait, a lavender field": a thing, not a colour
    if not slots or len({kind for kind, _, _ in slots}) != len(slots):
        return None
    leftover = "".join(fix[e:s] for (_, _, e), (_, s, _) in zip([("", 0, 0), *slots], [*slots, ("", len(fix), 0)]))
    leftover = (_EMPTY_ZH if language == "zh" else _EMPTY_EN).sub(" ", leftover)
    last = before[_last_start(before, language):]
    # the request's own verb said again is no change ("把第一段删了，等等，删第二段")
    repeated = (c for c in leftover if c not in last) if language == "zh" else (
        w for w in leftover.split() if not compiled_words(rf"\b{re.escape(w)}\b").search(last))
    if re.search(r"[^\W_]", "".join(repeated)):
        return None
    result = before
    replaced: set[int] = set()   # each value said before is corrected once: "fade in 3 s, I mean fade out 3 s at the end"
    for kind, start, end in reversed(slots):
        words = fix[start:end]
        if kind == "thing" and not re.search(r"\bof (?:a|an) [a-z]+\b", result):
            return None  # "generate a clip of a cat, no, a parrot": only a scene's subject
        target = _target(result, kind, words)
        if target is None or target[1] in replaced:
            return None
        target_kind, target_start, target_end = target
        said = result[target_start:target_end]
        if words == "half":
            words = _HALF.get(target_kind, "")
            if not words:
                return None
        elif kind in _NUMERIC and target_kind != "number" and (target_kind != kind or kind in ("time", "share", "speed")):
            # "3 seconds, no wait, 2", "at 3 s... make it 4 s", "a 6 second clip, no wait, 8 seconds": the number in
            # what was said before, its unit kept
            words = _SPEED_WORDS.get(words, words)  # "twice as fast, ugh no, half as fast"
            number, value = re.search(r"\d+(?:\.\d+)?", said), re.search(r"\d+(?:\.\d+)?", words)
            if value is None or (number is None and target_kind != "speed"):
                return None  # "the music fades out too slow at the end, make it 1 sec": no time said before
            if number is not None:
                words = said[:number.start()] + value.group(0) + said[number.end():]
        elif target_kind == "transition" and kind in ("position", "direction"):  # "wipe left" -> "wipe right"
            way = _WAY.search(words)
            if way is None:
                return None
            words = _WAY.sub(way.group(0), said)
        elif said.startswith("the ") and not words.startswith("the ") and kind in ("position", "clip"):
            words = f"the {words}"  # "in the top left, sorry, top right corner"
        if kind == "clip" and language == "en":  # "the first one" for "the second clip": the noun said before
            words = re.sub(r"\bone$", said.rsplit(" ", 1)[-1], words)
        result = result[:target_start] + words + result[target_end:]
        replaced = {k if k < target_start else k + len(words) - (target_end - target_start) for k in replaced}
        replaced.add(target_start)
    return result


def _target(text: str, kind: str, words: str) -> tuple[str, int, int] | None:
    """The last slot of ``kind`` in ``text``; for a number, the last number said with any unit (a time, a share, a
    speed), and the other way round: "set music volume to 70, no, 65%"."""
    slots = _slots(text)
    same = [slot for slot in slots if slot[0] == kind]
    if not same and kind in _NUMERIC:
        # a time or a moment said without a unit after a moment ("add a chime at 12 seconds, no, at 14"), a bare number
        fallback = (("time", "number") if re.search(r"\d", words) else ()) if kind == "moment" else \
            ("moment", "time", "share", "speed", "number")
        same = [slot for slot in slots if slot[0] in fallback]
        if kind in ("time", "share", "speed"):  # a unit said after a bare number only ("to 70, no, 65%")
            same = [slot for slot in same if slot[0] in ("number", "moment" if kind == "time" else "number")]
    if kind == "position" and not same:
        same = [slot for slot in slots if slot[0] == "direction"]
    if kind == "direction" and not same:
        same = [slot for slot in slots if slot[0] == "position"]
    if kind in ("position", "direction"):  # "a wipe left, no, right": the way the transition goes
        same = sorted([*same, *(s for s in slots if s[0] == "transition" and _WAY.search(text[s[1]:s[2]]))], key=lambda s: s[1])
    return same[-1] if same else None


_WAY = re.compile(r"\b(?:left|right|up|down)\b")
# a request said instead of the one taken back, whatever it is about: "just ...", "那就 ..." (the words before it are why)



def _same_thing(last: str, fix: str, language: str) -> bool:
    """Whether a request said after a take-back replaces the one before it: both name the same thing, or it names
    nothing ("actually no, just mute it") and inherits it. "mute the clips, no wait, keep the music" keeps both."""
    said = {s.value for s in read_clause(Clause(last, (), language)).of("topic")}
    new = {s.value for s in read_clause(Clause(fix, (), language)).of("topic")}
    kinds = {kind for kind, _, _ in _slots(fix)} & {kind for kind, _, _ in _slots(last)}
    starts_request = re.match(r"^(?:just |please |now )?(?:" + _REQUEST_EN + r")\b", fix) if language == "en" else \
        re.search(_REQUEST_ZH, fix)
    if starts_request is None:
        return False
    if not new:  # it names nothing of its own, or only what it names as kept ("keep the music"): another thing
        named = _objects(fix, language)
        return not named or bool(named & _objects(last, language))
    return bool(said & new) or bool(kinds - {"number", "thing"})


def _objects(text: str, language: str) -> set[str]:
    """The things ``text`` names ("the music", "狗那段"), by their last word."""
    pattern = _OBJECT_ZH if language == "zh" else _OBJECT_EN
    named = {m.group(0).split()[-1] for m in pattern.finditer(text) if m.group(0) != "它"}
    clips = r"段|片段|镜头" if language == "zh" else r"\b(?:clips?|one|part|shot)\b"
    return {"clip" if re.search(clips, word) else word for word in named} | ({"clip"} if re.search(clips, text) else set())


_REQUEST_EN = (r"add|make|set|change|put|use|remove|delete|cut|trim|move|swap|speed|slow|mute|unmute|generate|create|export|undo|redo|"
               r"turn|fade|lower|raise|keep|zoom|pan|play|switch|drop|start|stop|give|have|show|shorten|bring|take")
_REQUEST_ZH = (r"把|加|添加|给|去掉|删|生成|导出|换|改|调|设置|让|静音|剪|裁|放|用|移|挪|缩|淡|交换|加速|放慢|减速|"
               r"开头|结尾|整个视频")
_INSTEAD = re.compile(rf"^(?:just|only|instead)\s+(?:please\s+)?(?={_REQUEST_EN}\b)|"
                      rf"(?:^|(?<=[\s，,]))那(?:就|还是)(?=.*(?:{_REQUEST_ZH}|整|来|弄|搞))")


def _inherit(request: str, last: str, language: str) -> str:
    """``request`` with the object the taken-back one named where it leaves it unsaid: "it" / "它", or (Chinese) no
    object at all ("把标题放大，啊说反了，缩小一点" -> "标题缩小一点")."""
    if language == "zh":
        named = [m.group(0) for m in _OBJECT_ZH.finditer(last) if m.group(0) != "它"]
        if not named:
            return request
        request = re.sub(r"^是", "", request)  # "城市那段加速，哦打错了，是减速"
        if "它" in request:
            return request.replace("它", named[-1], 1)
        return request if _OBJECT_ZH.search(request) or not request else named[-1] + request
    objects = list(_OBJECT_EN.finditer(last))
    if not objects or not re.search(r"\bit\b", request):  # "just swap them" is both clips, not the one named
        return request
    return re.sub(r"\bit\b", objects[-1].group(0), request, count=1)
