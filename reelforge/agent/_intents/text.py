"""Titles and text: add "X" for the first N seconds / at the end / from 2s to 5s, at top/centre/bottom,
bigger/smaller, colour; change its wording; remove the title or all text."""

from __future__ import annotations

import dataclasses
import re

from reelforge.agent._intents._words import (
    ADD,
    EN_COLOR_ANY,
    EN_COLOR_WORDS,
    LENGTH_ALONE,
    REMOVE,
    ZH_COLOR_BARE,
    ZH_COLOR_CHARS,
    ZH_COLOR_WORDS,
    color_of,
    position_of,
    without_colors,
)
from reelforge.agent._intents.voice import captions_on_in_history
from reelforge.agent._numbers import factor, find_durations, time_range
from reelforge.agent._reading import read_clause
from reelforge.agent._refs import (
    MISSING,
    clip_refs,
    find_text,
    main_clips,
    mentions_it,
    midpoint_of,
    moment_of,
    text_named_unquoted,
    text_segments,
)
from reelforge.agent._state import PlanState
from reelforge.agent._text import PLACEHOLDER, Clause, ask, compiled, compiled_words
from reelforge.agent.actions import EditAction, Unknown
from reelforge.agent.describe import describe_edit
from reelforge.draft import Draft, Segment
from reelforge.draft.colors import color_value
from reelforge.draft.edits import AddText, RemoveText, UpdateText, apply_edit
from reelforge.errors import ReelforgeError

__all__ = ["handle", "is_text_clause"]

_TEXT = r"\b(?:titles?|texts?|captions?|subtitles?|headings?|headlines?|words|labels?|lower third|overlay|font|" \
        r"lettering|(?:the|this|that|on[- ]screen) writing|(?:end|title|intro|outro|closing|opening) (?:cards?|screens?))\b|标题|文字|字幕|文本|字体|大字|小字|标语|" \
        r"(?<![数名汉签打写几十])字(?!幕|母)|(?:英文|中文|那几个|这几个|上面的|屏幕上的)字母|(?<=加)[一1]行(?=\s)|(?<=加)[一1]句(?=\s)(?!.*(?:旁白|配音|解说|念|读|说))"  # "字弄大点", "字的颜色换成金色", "开头那几个字给我去掉", "花字太小了"
_SAY = r"\b(?:make|have|let|get|set|can|could|would|will) (?:it|that|this|the (?:\w+ )?(?:title|text|caption|subtitle|heading|words)) " \
       r"(?:say|read)s?\b|\b(?:call|rename|retitle) (?:it|that|this)(?: to)?(?=\s*⟪)|" \
       r"\b(?:should|(?<!hard )(?<!easy )(?<!tough )(?<!difficult )(?<!impossible )to) (?:say|read)\b|让(?:标题|文字|字幕)(?:显示|写)(?:成|着|为)?|(?:标题|文字|字幕)写成"
_CHANGE = _SAY + r"|\b(?:change|rename|update|edit|replace|reword|retitle|correct|fix|instead|should be|set|swap)\b|\bcall (?:the|my) (?:title|heading)\b|(?:标题|字幕)(?:就)?写(?:成)?\s|" \
          r"改成|改为|换成|改一下|修改|更改|改|换|应该是|应该叫|应为|(?:标题|字幕)(?:就)?叫(?:做)?"
# the title's words said as a fact, with a title on screen: "and the title says Summit now", "the text should read
# Day 1": its words change (a new title is "add a title saying ...")
_STATED = r"(?:^|\b(?:the|my|that|this|its) (?:\w+ )?)(?:title|text|caption|heading|headline|words) (?:now |should |will |just )?" \
          r"(?:says?|reads?)\b"
# removal verbs a title takes beside the shared ones: "lift the title", "pull the text", "strike the words"
_TAKE_OFF = r"^(?:(?:please|just|and|also|then)\s+)*(?:lift|pull|strike|strip|axe|cut)\s+(?:the|that|this|all the|those|these)\s+" \
            r"(?:\w+\s+)?(?:titles?|texts?|words|captions?|headings?|lettering)(?:\s+(?:off|out|away))?" \
            r"(?:\s+(?:please|pls|too|as well|for now|altogether))*$"
_BIGGER = r"\btoo (?:small|tiny)\b|\bmore (?:big|large)\b|太小|大(?:一|1|个)号|\btwice (?:as (?:big|large)|the size)\b|\bdouble (?:the |its )?size\b|大(?=\d+(?:\.\d+)?%)|\b(?:bigger|larger|enlarge|increase the size|scale up|more prominent)\b|(?<!is )(?<!are )(?<!'s )(?<!'re )(?<!so )\b(?:huge|massive|giant)\b|\b(?:they're|they are|it's|it is|is|are|looks?|looking) (?:so |really |very |super |way |kinda |a bit )?(?:tiny|small|little)\b|大很多|大得多|大一倍|大1倍|(?:大小|尺寸|字号|字体)翻倍|(?:两|2)倍大|放大|调大|弄大|大一点|大一些|大点|更大|加大|变大|大些"
# "make the title tiny", "make the words small please": the size wished for ("the title is tiny" is a complaint)
_SMALLER = r"\btoo (?:big|large|huge)\b|\bless (?:massive|huge|big|giant|enormous|large)\b|\b(?:they're|they are|it's|it is|is|are|looks?) (?:so |really |very |super |way |kinda )?(?:huge|massive|giant|enormous)\b|调小|弄小|\bmore (?:small|tiny)\b|\bhalf (?:as (?:big|large)|the size|its size)\b|小(?=\d+(?:\.\d+)?%)|太大(?!声)|\b(?:smaller|shrink|reduce the size|scale down|tinier|less prominent)\b|缩小|(?<![缩变调])小一半|缩回(?:去)?|缩(?:1|一)?点|缩一些|小一点|小一些|小点|更小|变小|小些|小(?:一|1|个)号|" \
    r"\b(?:make|set|turn) (?:[\w']+ ){0,3}?(?:really |very |super |quite |pretty )?(?:tiny|small)(?=\s*(?:please|pls|plz|thanks|thx)?\s*[.!?]*$)"
_END = r"(?:放|挪|移)(?:到|在)?(?:最)?后(?:面|边)(?:去)?(?:吧|了)?$|\bat the (?:very )?end\b|\bend with\b|收尾|\bending\b|\boutro\b|\bend (?:title|card|screen)\b|\bclosing\b|\b(?:last|final) \d|结尾|最后|片尾|末尾|结束时|" \
       r"\b\d+(?:\.\d+)?\s*(?:seconds?|secs?|s) (?:before|from) the (?:very )?end\b|倒数第?\d+(?:\.\d+)?秒|(?:结束|完)之?前\d+(?:\.\d+)?秒|" \
       r"^在?(?:最)?后面(?=再?(?:加|写|放|打|配))"  # "…，后面加个字「完」": no clip named, the video's end
_FADE_IN = r"\bfade(?:s)? (?:(?:it|them|the (?:titles?|text|captions?|words)) )?in\b|淡入|渐显|" \
           r"\b(?:come|comes|appear|appears|show up|shows up|enter|enters) (?:in )?(?:more )?slowly\b|\bslowly (?:appear|come in|show up|enter)s?\b|" \
           r"(?:出来|出现|进来)(?:的时候|时)?(?:慢|缓)(?:一点|一些|点|些)|(?:慢慢|缓缓)地?(?:出来|出现|显示)"  # a slow entrance
_FADE_OUT = r"\bfade(?:s)? (?:(?:it|them|the (?:titles?|text|captions?|words)) )?(?:in and )?out\b|淡出|渐隐|" \
            r"\b(?:go|goes|leave|leaves|exit|exits|disappear|disappears) (?:out |away )?(?:more )?slowly\b|\bslowly (?:disappear|go away|leave)s?\b"
# a fade's own length, not the title's: "fade in over 2 seconds", "a 2 second fade in", "淡入2秒", "用2秒淡入"
_FADE_LENGTH = re.compile(
    # "fade in over 2 seconds", "title fades in, half a second", "fade out the title over a second": a time said right after
    # the fade (and its object) is its length
    r"\bfad(?:e|es|ed|ing)[- ]?(?:(?:it|them|the (?:titles?|text|captions?|words)) )?(?P<en>in|out)(?: (?:it|them|the (?:titles?|text|captions?|words)))?"
    r"(?:\s*,?\s*(?:slowly|gently|gradually|like|about|maybe|say|please|too|as well|also))*(?:\s+(?:over|for|across|during|in|within)|\s*,)?\s+"
    r"(?:about |around |like |maybe )?(?P<en_s>\d+(?:\.\d+)?|a|one)\s*(?:seconds?|secs?|s)\b(?!\s+(?:later|earlier|after|before|in)\b)|"
    r"\b(?P<pre_s>\d+(?:\.\d+)?)[- ]?(?:seconds?|secs?|s)[- ](?:long )?fade[- ]?(?P<pre>in|out)\b(?! and (?:fade[- ]?)?out\b)|"
    r"(?P<zh>淡入|淡出|渐显|渐隐)(?:也|再)?(?:加|来)?(?:个|一个|1个|上)?(?:时间|时长)?[，,\s]*(?:为|是|用|要)?(?P<zh_s>\d+(?:\.\d+)?)秒|"  # "加个淡入，0.5秒", "淡出也加一个 一秒"
    r"(?:用|在)?(?P<zh_pre_s>\d+(?:\.\d+)?)秒(?:钟)?(?:内|之内)?(?:的)?(?:慢慢|缓缓|逐渐|慢慢地)?(?P<zh_pre>淡入|淡出|渐显|渐隐)|"
    # coming in over a time is a fade in: "make it pop in over a quarter second", "have the title come in over 2 seconds"
    r"\b(?:pops?|comes?|eases?|drifts?)\s+(?:it\s+)?(?P<come>in)\s+(?:over|across|within)\s+(?:about |around |like |maybe )?"
    r"(?P<come_s>\d+(?:\.\d+)?|a|one)\s*(?:seconds?|secs?|s)\b|"
    # both fades as long: "淡入淡出都加上 各0.5秒", "fade in and out, 0.5 seconds each"
    # and one time said after both is both's: "标题淡入淡出一秒", "fade the title in and out over 1 second", "a 1 second fade in and out"
    r"(?P<both>淡入(?:和|跟|与)?淡出|\bfade (?:\w+ )?in and (?:fade )?out\b)[^，,。\d]{0,8}?[，,\s]*(?:各|都|分别)?(?:为|是|用)?(?P<both_zh_s>\d+(?:\.\d+)?)秒|"
    r"(?P<both_en>\bfade (?:\w+ ){0,2}?in and (?:fade )?out\b)(?:\s+(?:over|for|across|within|in)|\s*,)?\s+(?P<both_en_s>\d+(?:\.\d+)?|a|one)\s*"
    r"(?:seconds?|secs?|s)\b(?:\s+(?:each|both))?|"
    r"\b(?P<both_pre_s>\d+(?:\.\d+)?|a|one)[- ]?(?:seconds?|secs?|s)[- ](?:long )?fade[- ]?in and (?:fade[- ]?)?out\b|"
    # the other side after a fade said with its length: "fade the title in over a second and out over two" (a fade said before)
    r"\band (?P<other>in|out)\s+(?:over|across|within)\s+(?:about |around |like |maybe )?(?P<other_s>\d+(?:\.\d+)?|a|one)"
    r"\s*(?:seconds?|secs?|s)?\b(?!\s*(?:%|x\b))")


# a title's motion that no edit makes: "make the title spin in from the left", "标题飞入"
_ANIMATION = r"\b(?:spin\w*|rotat\w*|slid(?:e|es|ing)|fl(?:y|ies|ying) in|bounc\w*|typewriter|type (?:it )?out|pop(?:s|ping)? in(?!\s+(?:over|across|within)\b)|" \
             r"shak\w*|wiggl\w*|animat\w*)\b|旋转|转圈|飞入|飞进|滑入|滑进|弹出|弹跳|打字机|抖动|动画"


# a fade said with no object and no end of the video ("and fade in one second"; "fade out at the end" is the video's)
_BARE_FADE = r"^(?:and |then |also |now )*(?:fade (?:it )?(?:in|out)(?: and out)?|fade-?(?:in|out))(?: (?:over|in|of|for) \d+(?:\.\d+)?\s*" \
             r"(?:seconds?|secs?|s))?(?: (?:too|as well|please))?$|" \
             r"^(?:再|然后|并且|也)?(?:加(?:个|一个|1个|上)?)?(?:\d+(?:\.\d+)?秒(?:的)?)?(?:淡入|淡出)\s*(?:\d+(?:\.\d+)?秒)?(?:吧)?$"  # "…，加个淡入0.5秒"
# the same, said to the title the last version changed: "再加个淡入 半秒", "淡出也加一个 一秒" (再 / 也: one more thing for it)
_ANOTHER_FADE = r"^(?:再|也)(?:加|来)(?:个|一个|1个|上)?\s*(?:\d+(?:\.\d+)?秒(?:的)?)?(?:淡入|淡出)\s*(?:\d+(?:\.\d+)?秒)?(?:吧)?$|" \
                r"^(?:淡入|淡出)(?:也|再)(?:加|来)(?:个|一个|1个|上)?\s*(?:\d+(?:\.\d+)?秒)?(?:吧)?$"


# words wanted on screen, with no title word: "my name should be on it at the end, 'by Jess'", "结尾要出现「谢谢观看」"
_ON_SCREEN = r"\b(?:should|must|needs? to|has to|to|want (?:it|them) to) (?:be|go|appear|show|come up) (?:on|over) (?:it|the video|" \
             r"the screen|screen|the picture)\b|\b(?:my|our|his|her) name\b|(?:要|想)?(?:出现|显示|写)在(?:画面|屏幕|视频)上|我的名字"
# the title gone before it can be read: "the words disappear before i can finish reading them", "标题消失得太快了"
# ("the title flashes by way too fast", "the words zip by too quick")
_TOO_SOON = r"\b(?:disappear\w*|vanish\w*|go(?:es)? away|(?:is|are) gone|go(?:es)? off|(?:flash|zip|whizz|fly|flie|go|goe|rushe|race)s? (?:by|past)|" \
            r"(?:flashing|zipping|flying|going|rushing|racing) (?:by|past))\b.*\b(?:too (?:fast|quick\w*|soon|early)|" \
            r"before (?:i|you|we|anyone|people|they) (?:can|could) (?:\w+ ){0,2}?read)|(?:消失|没了|不见了|闪过)得?(?:太快|太早)|" \
            r"还没(?:看|读)(?:完|清楚?)就(?:消失|没|不见)了?|(?:一闪而过|闪一下就没了)"

# the title's words asked for in another language, with none given: "字幕换成英文的", "标题翻译成英文", "translate the title
# into French" (the editor does not translate; "标题里的字换成英文的Night Walk" gives the words and renames it)
_LANGUAGES = r"英文|英语|中文|汉语|日文|日语|韩文|韩语|法文|法语|德文|德语|西班牙语|俄语|俄文"
_TRANSLATED = (rf"翻译|(?:换成|改成|变成|弄成|改为|换为|转成|做成)(?:{_LANGUAGES})(?:的|版)?(?:吧|呢|啊|了)?$|"
                r"\btranslat\w*\b|\b(?:in|into|to)\s+(?:english|chinese|mandarin|french|spanish|german|japanese|"
                r"korean|italian|portuguese)(?:\s+(?:please|pls|instead))?$")


def _animated(clause: Clause) -> bool:
    """A motion of the title no edit makes, said without a fade ("make the title spin in")."""
    return clause.has(_ANIMATION) and not clause.has(_FADE_IN + "|" + _FADE_OUT)


def _fade_lengths(text: str) -> tuple[dict[str, int], list[tuple[int, int]]]:
    """Each fade's length said with it ({"fade_in_ms": 2000}) and where those words lie (not the title's length)."""
    found: dict[str, int] = {}
    spans = []
    for match in _FADE_LENGTH.finditer(text):
        both = match.group("both_zh_s") or match.group("both_en_s") or match.group("both_pre_s")
        both = "1" if both in ("a", "one") else both
        if both:
            found["fade_in_ms"] = found["fade_out_ms"] = round(float(both) * 1000)
            spans.append(match.span())
            continue
        if match.group("other") and not found:
            continue  # "and out over a second" is a fade only after one said with its length
        side = match.group("en") or match.group("pre") or match.group("zh") or match.group("zh_pre") or match.group("come") or \
            match.group("other")
        seconds = match.group("en_s") or match.group("pre_s") or match.group("zh_s") or match.group("zh_pre_s") or \
            match.group("come_s") or match.group("other_s")
        seconds = "1" if seconds in ("a", "one") else seconds  # "over a second"
        found["fade_in_ms" if side in ("in", "淡入", "渐显") else "fade_out_ms"] = round(float(seconds) * 1000)
        spans.append(match.span())
    return found, spans


_OTHER_OBJECT = r"(?<!of the )(?<!in the )(?<!on the )(?<!over the )\b(?:clips?|videos?|shots?|scenes?|footage|music|songs?|bgm|sound|audio|transitions?)\b|片段|视频|镜头|音乐|歌|音效|转场|声音|音量|\bvolume\b"


# a colour with its object left unsaid, right after the title was named: "标题放到顶部，再改成红色"
_BARE_COLOR = r"^(?:再|然后|并且?|也)?(?:改成|换成|变成|改为|用)\S{1,3}色(?:的)?$"
# a colour said as fine as it is ("黄色也行", "yellow is fine"): no change
_ACCEPTED_COLOR = re.compile(r"\S{1,2}色(?:的)?(?:也行|也可以|也好|也不错|挺好|还行|可以)(?:吧|的|啊)?\s*|"
                             r"\b(?:the )?[a-z]+ (?:is|looks) (?:fine|ok|okay|good|great)\b,?\s*")
# the text's box said alone: "再加个黑底", "顺便加个白底", "字的背景也整个黑的", "with a black box"
_BOX = rf"[{ZH_COLOR_CHARS}]底|底色|(?:字|标题|文字)的?背景|\b(?:box|banner|backdrop)\b"


def _only_its_look(clause: Clause) -> bool:
    """A colour or the text's box said with nothing else named ("alright now make the colour yellow", "还是改成红色吧",
    "再加个黑底"): the look of the text that has the focus."""
    if clause.quote() is not None or {s.value for s in read_clause(clause).of("topic")} - {"title", "canvas"} or \
            clause.has(r"\bblack (?:and|&|n) white\b|\bb ?& ?w\b|黑白"):  # a filter, not a colour
        return False
    text = _ACCEPTED_COLOR.sub(" ", clause.text)
    if clause.has(r"\b(?:background|bg)\b|背景") and not clause.has(_BOX):  # "make the background yellow": the canvas's
        return False
    look = _style(clause)
    if not (color_of(text) is not None or "color" in look or bool(re.search(_BOX, text)) and "bgcolor" in look):
        return False
    # nothing else named: "make the sky purple" is not about the title
    if clause.language == "zh":
        return not re.sub(rf"{_LOOK_WORDS_ZH}|{ZH_COLOR_WORDS}|[{ZH_COLOR_CHARS}]|\s", "", text)
    return all(t in _STYLE_TOKENS or t in _LOOK_WORDS_EN for t in re.findall(r"[a-z#0-9']+", without_colors(text)))


_LOOK_WORDS_EN = frozenset("make change turn set switch go use try alright ok okay now then also just actually maybe how "
                           "about let's lets into put give add behind under them another different other perhaps something "
                           "like instead".split())
_LOOK_WORDS_ZH = r"还是|改成|换成|变成|改为|弄成|整成|调成|改|换|用|再|然后|并且|也|吧|呢|啊|就|那|颜色|字体?|标题|文字|顺便|" \
                 r"加个|加|来个|整个|弄个|个|的|背景|底|色|一下|试试|好了|来点|别的|其他的?|一种|都|全部|全|统一|[，,]"


# the title's time or fade said alone right after it is named: "标题改成「小狗的一天」然后显示四秒", "并且加个一秒的淡出"
_ONLY_ITS_TIME = r"^(?:and |also |then )?(?:show|stay|last|keep) (?:on screen |up )?for \d+(?:\.\d+)?\s*(?:seconds?|secs?|s)$|" \
                 r"^(?:(?:a bit|a little|even|much) )?(?:longer|shorter),?\s*(?:like |about |maybe |say |make it )?\d+(?:\.\d+)?\s*" \
                 r"(?:seconds?|secs?|s)$|" \
                 r"^(?:并且|再|也|还)?(?:显示|持续|停留|保持|待)\d+(?:\.\d+)?秒$|^(?:并且|再|也|还)?加(?:个|一个|1个)?\d+(?:\.\d+)?秒的?(?:淡入|淡出)$|" \
                 r"^(?:再|那就|那)?(?:往后推|往后挪|推后|推迟|延后|晚)\d+(?:\.\d+)?秒(?:再)?(?:出来|出现)(?:吧)?$"  # "再往后推1秒出来"


# "write Happy Birthday on the video", "写上生日快乐", "在视频中间写上“夏季促销”": words to put on screen
# ("write a song", "write me a script" compose something else: an article after "write" is not a title's words)
_WRITE = r"^(?:(?:please|can you|could you)\s+)?write\s+(?!(?:me\s+)?(?:a|an|some|the|my)\b)\S|写上|写着|(?<!描)写(?=⟪)"


# captions of the clips' own speech ("subtitles for the speech in the clips", "caption what people are saying"): the
# voice area's, never a title
_SPEECH_CAPTIONS = r"\b(?:captions?|subtitles?|subs)\b.*\b(?:speech|dialog(?:ue)?|what (?:people|they) (?:are )?say\w*)\b|" \
                   r"\bcaption what\b|\btranscri\w+"


# the other fade of the title, as long as the one just made: "and out the same", "淡出也一样"
_OTHER_SIDE = re.compile(r"^(?:and |now |then )?(?:fade )?(?P<en>in|out)(?: (?:the same|too|as well|likewise))+$|"
                         r"^(?:那)?(?P<zh>淡入|淡出)也(?:一样|这样|照样|同样|加上|来一个|加一个)(?:吧)?$")


def _other_side(clause: Clause, state: PlanState) -> dict[str, int] | None:
    """"and out the same" after the title faded in over 1 s: its fade out, 1 s (the length the last version's label
    says)."""
    said = _OTHER_SIDE.match(clause.text)
    label = state.context.history[-1] if state.context.history else ""
    if said is None or not re.search(r"\bfad\w* (?:the )?(?:title|text)|(?:title|text)\b.*\bfad|(?:标题|文字|字幕).*(?:淡入|淡出)", label):
        return None
    length = re.search(r"(\d+(?:\.\d+)?)\s*(?:s\b|secs?\b|seconds?\b|秒)", label)
    side = "fade_in_ms" if (said.group("en") or said.group("zh")) in ("in", "淡入") else "fade_out_ms"
    return {side: round(float(length.group(1)) * 1000) if length else 500}


# the video named only as where words go: "add 'Made by Sam' at the end of the video", "put 'Hi' on the video"
_VIDEO_PLACE = re.compile(r"\b(?:(?:at|to|in|by|near|for) )?(?:the )?(?:very )?(?:end|start|beginning|middle|top|bottom|last \d+ seconds?) "
                          r"of (?:the|this|my|our) (?:whole )?video\b|\b(?:on|over|onto) (?:the|this|my) (?:whole )?video\b|"
                          r"(?<=\bthroughout )the video\b|"  # "put 'Shot on reelforge' at the bottom for the whole video"
                          r"(?:整个)?视频(?:的)?(?:最后|结尾|末尾|最开始|开头|最前面|片头|片尾)")  # "在视频最后加一行「谢谢观看」"


# black and white said of a text: one look (never two colour changes, nor the colour between them); asked which way
_TWO_TONES = r"\bblack[- ](?:and|&|n)[- ]white\b|\bb ?& ?w\b|(?<![底字])黑白(?![底字])"


# the moment the title on screen goes: "after the title goes", "once the title disappears", "when the title is over"
_AFTER_TITLE = r"\b(?:after|once|when|as soon as) the (?:title|heading)(?: (?:goes|is gone|disappears|ends|finishes|goes away|" \
               r"fades out|is over))?\b"


def _captions_on(state: PlanState) -> bool:
    """Whether the captions are on: on the draft, or by the latest history label that turned them on or off."""
    return state.draft.canvas.captions is not None or captions_on_in_history(state) is True


def is_text_clause(clause: Clause, state: PlanState) -> bool:
    """Whether the clause is about text: it names text, or it says "it" while a text has the focus."""
    if clause.has(_SPEECH_CAPTIONS) and clause.quote() is None:
        return False
    if clause.language == "en" and clause.quote() is None and clause.has(r"\b(?:captions|subtitles|subs)\b") and \
            not clause.has(r"\b(?:titles?|text|words)\b") and _captions_on(state):
        return False  # "move the subtitles to the top" with the captions on: the captions (which stay at the bottom)
    if clause.language == "zh" and clause.quote() is None and clause.has("字幕") and not clause.has(r"标题|文字|(?<!幕)字(?!幕)") \
            and (state.draft.canvas.captions is not None or captions_on_in_history(state) is True) and _new_words(clause) is None:
        return False  # "字幕能放到上面吗" with the captions on: 字幕 is the captions (voice.py's), never the title
    if clause.has(r"\bblack[- ](?:and|&|n)[- ]white\b|\bb ?& ?w\b|黑白") and not clause.has(_TEXT):
        return False  # "can you make it black and white": a filter of the picture, not the title's colours
    said = {clause.quotes[int(m.group(1))].lower() for m in PLACEHOLDER.finditer(clause.text)}
    if said and any((s.meta.text or "").lower() in said for s in text_segments(state.draft)):
        return True  # "change 'Urban Dreams' to 'City Dreams'": a text on screen named by its words
    if _renamed_unquoted(clause, state) is not None:  # "change Urban Dreams to Sueños Urbanos"
        return True
    if clause.quote() is not None and clause.has(_CHANGE) and text_named_unquoted(clause.text, state.draft) is not None:
        return True  # "把Urban Dreams改成「梦想之城」": a text on screen named by its words unquoted, its new words quoted
    if clause.has(_TEXT) or clause.has(_SAY) or clause.has(_WRITE) or _placed_name(clause, state.draft) is not None:
        return True
    if clause.quote() is not None and clause.has(ADD) and not re.search(
            r"\b(?:music|song|sound|clip|video|shot|scene|footage)\b|音乐|歌|音效|视频|片段|镜头|生成|"
            r"⟫(?:的|一)?[\u4e00-\u9fff]{0,3}?声", _VIDEO_PLACE.sub(" ", clause.text)):  # "加个「咔嚓」的拍照声": the sound's name
        return True
    if clause.quote() is not None and clause.has(ADD) and clause.has(_ON_CLIP):  # "put 'Day 1' on the first clip"
        return True
    if clause.quote() is not None and clause.has(_ON_SCREEN):  # "my name should be on it at the end, 'by Jess'"
        return True
    focused = state.focus is not None and state.focus.kind == "text"
    if focused and _other_side(clause, state) is not None:
        return True
    if _fade_just_made(clause, state) is not None:
        return True
    if focused and state.focus is not state.initial_focus and clause.has(_BARE_FADE):
        return True  # "put the title in the middle and fade in one second": the title just changed fades
    if focused and not state.actions and clause.has(_ANOTHER_FADE):
        return True  # "再加个淡入 半秒" after the title changed: its fade
    if focused and clause.has(_OTHER_OBJECT) and not clause.has(_ON_CLIP):
        return False  # "add a clip after it": "it" places the clip, the title is not touched ("put it over the dog clip" is)
    return focused and (mentions_it(clause) or clause.has(r"\bthem\b") or clause.has(_BIGGER) or clause.has(_SMALLER) or
                        position_of(clause) is not None or clause.has(_BARE_COLOR) or clause.has(_ONLY_ITS_TIME) or
                        _only_its_look(clause) or clause.quote() is not None and clause.has(_CHANGE))  # "换成「城市之梦」"


def _said(edit: UpdateText) -> dict[str, object]:
    """The fields an update sets (its target aside)."""
    return {k: v for k, v in edit.__dict__.items() if v is not None and k not in ("op", "segment_id")}


def _fade_just_made(clause: Clause, state: PlanState) -> UpdateText | None:
    """"标题淡出，用两秒", "title fades in, like, 2 seconds": a length said alone right after this message faded the title is
    that fade's length (one edit)."""
    last = state.actions[-1] if state.actions else None
    said = LENGTH_ALONE.match(clause.text)
    if said is None or not (isinstance(last, EditAction) and isinstance(last.edit, UpdateText)):
        return None
    fades = _said(last.edit)
    if not fades or set(fades) - {"fade_in_ms", "fade_out_ms"}:
        return None
    return last.edit.model_copy(update=dict.fromkeys(fades, round(float(said.group(1)) * 1000)))


def _renamed_unquoted(clause: Clause, state: PlanState) -> str | None:
    """The new words of "change Urban Dreams to Sueños Urbanos": a text on screen named by its words, unquoted."""
    for segment in text_segments(state.draft):
        name = (segment.meta.text or "").lower()
        found = compiled_words(rf"\b(?:change|rename|replace|switch|swap|correct)\s+(?:the (?:title|text|words|wording) )?{re.escape(name)}\s+(?:to|with|into|for|by)"
                               r"\s+(.+?)\s*$|"  # "把 Urban Dreams 改成 夜游上海": named by its words in Chinese too
                               rf"^(?:把|将)?\s*{re.escape(name)}\s*(?:改成|换成|改为|换为|写成)\s*([^，,。；;]+?)\s*$").search(clause.text) if len(name) >= 3 else None
        said = next((g for g in found.groups() if g), None) if found else None
        if said and not PLACEHOLDER.search(said):
            return clause.as_typed(said)
    return None


# a font named for new words: "in Impact font", "using the Helvetica typeface", "font: Comic Sans"
_FONT = re.compile(r"\b(?:in|with|using|use) (?:the |an? )?([a-z][\w-]*(?: [a-z][\w-]*){0,2}?) (?:font|typeface)\b|"
                   r"\b(?:font|typeface)(?: is| to| of)?[: ]+(?:the )?([a-z][\w-]*(?: [a-z][\w-]*){0,2})$|"
                   r"(?:^|[，,\s])(?:用|字体用)((?:宋|黑|楷|隶|圆|仿宋|微软雅黑|手写)体?)(?=(?:字体)?(?:加|写|打|放))")
_NOT_A_FONT = rf"(?:(?:a |an |the )?(?:big|bigger|small|smaller|large|larger|tiny|huge|bold|bolder|italic|thin|thick|heavy|light|" \
              rf"nice|nicer|cool|fancy|different|new|other|same|clean|simple|readable|normal|default|nicer|size|{EN_COLOR_WORDS})\s*)+"


# a time counted back from the end: over the video's last that many seconds ("3 seconds before the end", "结束前两秒",
# "倒数第三秒"; "前两秒" alone is the first two)
_BEFORE_END = re.compile(r"\b(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s) (?:before|from) the (?:very )?end\b|"
                         r"(?:结束|结尾|完)之?前(?:的)?(\d+(?:\.\d+)?)秒|倒数第?(\d+(?:\.\d+)?)秒")


def _timing(clause: Clause) -> dict[str, object]:
    text = clause.text
    span = time_range(text)
    if span:
        return {"start_ms": span[0], "duration_ms": span[1] - span[0]}
    back = _BEFORE_END.search(text)
    if back:
        return {"at_end": True, "duration_ms": round(float(next(g for g in back.groups() if g)) * 1000)}
    fades = _fade_lengths(text)[1]  # "fade in over 2 seconds": the fade's length, not the title's
    durations = [d for d in find_durations(text) if not any(d[1] < end and d[2] > start for start, end in fades)]
    first = re.search(r"\b(?:first|opening)\s+(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b|前(\d+(?:\.\d+)?)秒|开头(\d+(?:\.\d+)?)秒", text)
    if first:
        return {"start_ms": 0, "duration_ms": round(float(next(g for g in first.groups() if g)) * 1000)}
    # "the title should disappear after 2 seconds": shown for that long (as "标题两秒后消失")
    gone = re.search(r"\b(?:disappear|vanish|go(?:es)? away|go(?:es)? off|be gone|hide|leave)s?\s+after\s+(\d+(?:\.\d+)?)\s*"
                     r"(?:seconds?|secs?|s)\b", text)
    if gone:
        return {"duration_ms": round(float(gone.group(1)) * 1000)}
    # "the title should disappear at 2 seconds", "标题在第2秒消失": shown until then (from where it starts)
    until = re.search(r"\b(?:disappear|vanish|go(?:es)? away|go(?:es)? off|be gone|end|stop|leave)s?\s+(?:at|by)\s+(\d+(?:\.\d+)?)\s*"
                      r"(?:seconds?|secs?|s)\b|(?:在|到)第?(\d+(?:\.\d+)?)秒(?:的时候|时)?(?:就)?(?:消失|结束|没了|离开)", text)
    if until and not re.search(r"\b(?:appear|show|start|come)\w*\b|出现|出来|开始", text[:until.start()]):
        return {"until_ms": round(float(next(g for g in until.groups() if g)) * 1000)}
    # ("move the title to 5 seconds", "shift it to the 3 second mark": where it starts, not how long it stays)
    at = re.search(r"\b(?:at|starting at|from|after)\s+(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b(?!\s*long)|"
                   r"\b(?:move|moved|shift|push|slide|bump|drag)\b[^,.;]*?\bto\s+(?:the\s+)?(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b"
                   r"(?!\s*(?:long|later|earlier))|(?:移到|挪到|移动到|拖到|放到(?=第))第?(\d+(?:\.\d+)?)秒(?!钟|长)|"
                   r"(?:在|从)第?(\d+(?:\.\d+)?)秒|(\d+(?:\.\d+)?)秒(?:处|时|的时候|开始)|"
                   r"第(\d+(?:\.\d+)?)秒(?=(?:那里|那儿|那|这里|的地方|的位置)?再?(?:出来|出现|显示|开始|进来|加|放|打|写|来))|(\d+(?:\.\d+)?)秒(?:之后|以后|后)(?=再?(?:出来|出现|显示|进来))", text)
    out: dict[str, object] = {}
    if at and any(at.start() < end and at.end() > start for start, end in fades):  # "在1.5秒内淡出"
        at = None
    if at:
        out["start_ms"] = round(float(next(g for g in at.groups() if g)) * 1000)
        durations = [d for d in durations if not (d[1] <= at.end() and d[2] >= at.start())]
        # ("第五秒消失", "disappear at 5 seconds": the moment it goes, not how long it stays)
        until = re.search(r"\b(?:until|till|til|to)\s+(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b|(?:到|至)第?(\d+(?:\.\d+)?)秒|"
                          r"第(\d+(?:\.\d+)?)秒(?:的时候|时)?(?:再)?(?:消失|结束|没了|离开|隐藏|退出|走)|"
                          r"\b(?:disappear|vanish|go(?:es)? away|end|leave)s?\s+at\s+(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b", text[at.end():])
        end = round(float(next(g for g in until.groups() if g)) * 1000) if until else 0
        if end > int(out["start_ms"]):  # type: ignore[call-overload]  # "在第一秒出现，一直待到第四秒": until then
            out["duration_ms"] = end - int(out["start_ms"])  # type: ignore[call-overload]
            return out
    if clause.has(_END):
        out["at_end"] = True
    elif clause.has(r"(?<!\bthe title )(?<!\bthe text )\bat the (?:start|beginning)\b|一开始|片头|"
                    # "开头那个Urban Dreams的标题", "the title at the start": which title, not when
                    r"开头(?!(?:那个|的那个|那|的)[^，,]{0,16}?(?:标题|文字|字幕|字))") and "start_ms" not in out:
        out["start_ms"] = 0
    if durations:
        out["duration_ms"] = durations[0][0]
    return out


# "white on a black background", "with a red box", "黑色背景", "背景红色": the colour behind the words
_BACKDROP = re.compile(
                       # the box named, then its colour: "change the box colour to blue", "the box behind the title should be grey"
                       rf"\b(?:(?:with|and)\s+)?(?:(?:the|its|their|that)\s+)?(?:box|banner|backdrop|strip)(?:\s+colou?r)?(?:\s+behind\s+(?:the\s+\w+|it|them))?"
                       rf"(?:\s+(?:to|should be|is|in|=|:))?\s+(?:an?\s+)?({EN_COLOR_WORDS})\b|"  # "and the box behind it black", "with the box behind it white"
                       rf"(?:\b(?:on|with|over|against|in)\s+)?(?:an?\s+)?(?:({EN_COLOR_WORDS}|\S+)\s+)?(?:background|backdrop|box|banner|strip|"
                       r"highlight(?=\s+behind))"
                       # the colour after the noun, as a learner says it: "with box black behind"
                       r"(?:\s+(black|white|red|yellow|blue|green|grey|gray|pink|purple|orange|dark|light)\b(?:\s+behind\b)?)?\b|"
                       # "标题背景换成灰色": the title's own background, its colour said with a verb
                       rf"(?:标题|文字|字幕|字)的?(?:背景|底色)(?:颜色)?(?:也)?(?:是|为|用|(?:改|换|变|调|弄|整|搞)(?:成|为))?({ZH_COLOR_WORDS})色|"
                       # "加个深色的底": a shade said for the box, as "a dark box" is (_SHADES)
                       r"([深暗浅])色(?:的)?(?:背景|底(?!部|下)|底框|框)|"
                       rf"({ZH_COLOR_WORDS})色(?:的)?(?:背景|底)|({ZH_COLOR_BARE})的?(?:背景|底(?!部|下))|(?:背景|底色)(?:是|为|改成|用)?({ZH_COLOR_WORDS})色|底色(?:改为|换成|变成|弄成|调成)({ZH_COLOR_WORDS})色|(?<=字)(\S)底|^(\S)底(?=\S字)|"  # 白字黑底, 黑底白字
                       # "字的背景也整个黑的", "再加个黑底", "顺便加个白底"
                       rf"(?:背景|底色)也?(?:是|为|用|要|来个|(?:改|换|弄|整|调|搞|变)(?:成|个)?)?个?([{ZH_COLOR_CHARS}])的|"
                       rf"([{ZH_COLOR_CHARS}])底(?!部|下)|"
                       # "字底下加个黑框", "加个黑色的框": a box behind the words
                       rf"([{ZH_COLOR_CHARS}])(?:色)?(?:的)?(?:框|底框|背景框)|"
                       # "标题的背景框改成蓝色", "底色改成半透明黑色": the box named, then its colour
                       rf"(?:背景框|背景条|底框|底色)(?:的颜色)?(?:改成|换成|变成|弄成|调成|改为|用|是|为)?(?:半透明的?)?({ZH_COLOR_WORDS})色?")
_PICTURE_BEFORE = re.compile(r"\b(?:video|canvas|picture|frame|screen)(?:'s)?\s+$")
# a box asked for with no colour said: "add a box behind the title", "give the title a background", "title needs a box"
_BOX_ADDED = re.compile(r"^(?!.*\b(?:remove|delete|drop|lose|get rid|take (?:off|away|out)|no|without|blends?|into)\b).*"
                        r"\b(?:add|put|give|have|has|needs?|want|stick|place|with)\b.*\b(?:box|banner|backdrop|background|strip)\b"
                        r"(?!\s+(?:music|song|track|sound))")
# a box said by how it looks, not its colour: "put a dark background behind it"
_SHADES = {"dark": "black", "darker": "black", "light": "white", "lighter": "white", "bright": "white",
           "深": "黑", "暗": "黑", "浅": "白"}
_TO_END = r"\b(?:until|till|to|through) the (?:very )?end\b|(?:显示|持续|停留|保持)?(?:到|至)(?:结尾|最后|结束)"
_WHOLE = r"\b(?:the )?(?:whole|entire) (?:video|time|thing|clip)\b|\bthroughout\b|\ball the way through\b|" \
         r"全程|整个(?:视频|片段)|一直显示(?!(?:到|至)第?\d)|从头到尾"


_SHIFT = re.compile(r"(?P<en>\d+(?:\.\d+)?|\ban?|\bone)\s*(?:seconds?|secs?|s)\s+(?P<dir>later|earlier|sooner)\b|"
                    r"(?:晚|推迟|延后|往后(?:移|挪|推)?)(?P<late>\d+(?:\.\d+)?)秒|(?:早|提前|往前(?:移|挪|推)?)(?P<early>\d+(?:\.\d+)?)秒")


def _backdrop_color(found: re.Match[str], language: str) -> str | None:
    named = next((g for g in found.groups() if g), None)
    if named is None:
        return None
    return color_of(_SHADES.get(named, named) + ("色" if language == "zh" else ""))


# "在它上面", "在那段上面": on a clip, not the top of the frame
_ON_IT_ZH = re.compile(r"在(?:它|那段|这段|那个片段|这个片段|[\u4e00-\u9fff]{1,4}那段)(?:的)?上面?|"
                       # "字底下加个黑框": under the words, where a box goes behind them (never the bottom of the frame)
                       # ("标题字改成白色 底下加个黑框": the words said in the clause before)
                       r"(?:(?:字|文字|标题|字幕)的?|(?:^|(?<=[\s，,]))(?:再|然后|并且?)?在?)(?:底下|下面|下边|后面|背后)(?=(?:再|也)?(?:加|垫|放|弄|来|衬)(?:个|一个|1个|上)?[^，,\s]{0,4}?(?:框|底))")


def _style(clause: Clause) -> dict[str, object]:
    out: dict[str, object] = {}
    pos = position_of(dataclasses.replace(clause, text=_ON_IT_ZH.sub(" ", clause.text)) if clause.language == "zh" else clause)
    if pos:
        out["pos"] = pos
    text = _ACCEPTED_COLOR.sub(" ", clause.text)  # "黄色也行": fine as it is
    backdrops = [(m, _backdrop_color(m, clause.language)) for m in _BACKDROP.finditer(text)
                 if not _PICTURE_BEFORE.search(text[:m.start()])]  # "the video background blue" is the canvas's
    # "blends into the background, ... with a black background": the one that has a colour
    backdrop, bgcolor = next((b for b in backdrops if b[1]), backdrops[0] if backdrops else (None, None))
    if backdrop:
        if bgcolor:
            out["bgcolor"] = bgcolor
        elif clause.language == "en" and _BOX_ADDED.search(text):  # "add a box behind the title": the usual black one
            out["bgcolor"] = color_of("black")
        text = text[:backdrop.start()] + " " + text[backdrop.end():]
    elif (on := re.search(r"\bon\s+(?:an?\s+)?([a-z]+)\s*$", text)) and color_of(on.group(1)):  # "white on black"
        out["bgcolor"] = color_of(on.group(1))
        text = text[:on.start()]
    color = color_of(text)
    if clause.language == "zh" and color is None:  # "白字", "加一行字「今晚见」 黄字" (一行字 is no colour: the one that is)
        color = next((c for m in re.finditer(r"(\S)字", text) if (c := color_of(m.group(1) + "色"))), None)
    said = re.search(rf"(?:成|为|是|用|字要)([{ZH_COLOR_CHARS}])(?!体)的?(?![\u4e00-\u9fff]*色)|(?<=[\s，,])([{ZH_COLOR_CHARS}])的$|(?:改|变|换)([{ZH_COLOR_CHARS}])(?:的|一点|点)?$", text) \
        if clause.language == "zh" and color is None else None
    if said:  # "字弄成红的", "换个颜色吧 绿的", "标题改红"
        color = color_of((said.group(1) or said.group(2) or said.group(3)) + "色")  # "标题改红": 改 then the colour
    if color:
        out["color"] = color
    if clause.has(_FADE_IN):
        out["fade_in_ms"] = 500
    if clause.has(_FADE_OUT):
        out["fade_out_ms"] = 500
    out.update(_fade_lengths(clause.text)[0])
    return out


# "add the title Golden Hour for 2 seconds": the words run from the noun to the first phrase that places, times
# or styles it ("for 2 s", "at the top", "in yellow", "with a black box"); "Follow me for more" and "Rise and
# Shine" stay whole.
_COLORS = EN_COLOR_WORDS
_PLACES = r"start|beginning|end|ending|top|bottom|middle|center|centre|left|right|corner|front|back of the video|" \
          r"lower|upper"
_MODIFIER = (
    r"(?:on|over|during)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:clip|shot|part)\b|(?:on|over|during)\s+clip\s+\d|"
    r"(?:on|over|across)\s+(?:it|this|that|(?:the )?(?:video|screen|picture|image|footage))$|"  # "put the words City Never Sleeps on it"
    r"(?:for|lasting|of)\s+(?:\d|the (?:whole|entire|first|last|rest)\b|a (?:few|couple)\b)|\d+(?:\.\d+)?\s*(?:seconds?|secs?)\b|"
    r"(?:at|from|after|until|till|to|starting(?: at| from)?|between)\s+\d(?!\d{3}\b)|"  # "Welcome to 2099" is words
    rf"(?:at|in|on|to|near|along) the (?:very )?(?:{_PLACES})\b|at (?:the )?(?:{_PLACES})\b|on (?:top|the left|the right)\b|"
    rf"in (?:(?:big|small|bold|large|tiny|white|black)\b|{_COLORS}\b)|(?:{_COLORS}) (?:text|letters|font)\b|"
    r"with (?:a|an|the) (?:\w+ )?(?:background|box|banner|fade|shadow|border|outline)\b|"
    r"(?:centered|centred|throughout|above the|below the|over the (?:clip|video)|then|lower|higher|up|down)\b|\d+(?:\.\d+)?\s*%\s*(?:from|of)\b|"
    r"x\s*[=:]?\s*[0.]"
)
_PLACED = rf"(?:at|in|on|to|near|along) the (?:very )?(?:{_PLACES})\W*$"  # ends the words after "saying"
# a place and then a time after the words: "a title that says happy birthday at the top for 4 seconds"
_SAYING_ENDS = rf"\s+(?:at|in|on|to) the (?:very )?(?:{_PLACES})\s+(?:for|from|until|till)\s+\d|\s+(?:for|from|lasting)\s+\d+(?:\.\d+)?\s*(?:seconds?|secs?|s)$|" \
    r"\s+from\s+\d+(?:\.\d+)?\s*(?:seconds?|secs?|s)?\s*(?:to|until|till|-)\s*\d+(?:\.\d+)?\s*(?:seconds?|secs?|s)$"
_UNQUOTED_EN = re.compile(
    r"\b(?:add|put|insert|show|place|create|write|display|overlay)\s+(?:(?:a|an|the|another|one more|new|some|"
    r"big|large|small|bold|white|black|red|yellow)\s+)*(?:(?:line|bit|piece|couple of lines) of )?"  # "a line of text Day One"
    r"(?:title|caption|subtitle|heading|headline|label|text|words|lower third)"
    r"\s+(?:(?:saying|that says|which says|reading|of|called|named|with the words)\s+|:\s*)?"
    # "show the title only until 4 seconds": an adverb is no words
    rf"(?!(?:{_MODIFIER})|(?:only|just|again|now|too|also|longer|shorter)(?=\s+(?:{_MODIFIER})|\s*$))(.+?)(?=\s+(?:{_MODIFIER})|\s*[,;]|$)")
_WRITTEN = re.compile(rf"^(?:(?:please|can you|could you)\s+)?write\s+(?!(?:{_MODIFIER}))(.+?)"
                      rf"(?=\s+(?:{_MODIFIER})|\s+(?:on|over|across) (?:the )?(?:video|clip|screen|picture)\b|\s*[,;]|$)")
_UNQUOTED_ZH = re.compile(
    r"(?:加上|添加|加个|加一个|加一行|打上|打个|打一个|打一行|写上|放上|配上|来个|来1个|弄个|搞个|整个|加|(?:出现|显示|跳出|弹出)(?=[一1几]))(?:一个|一行|1个|1行|行(?=字)|一句|1句|几个)?(?:(?:大|小)(?:一点|一些|点)?的?)?(?:标题|字幕|文字|字(?=\s|(?:就|就是)?(?:叫做|写着|写成|写上|叫|写)[^\s，,。；;吧呢啊])|(?<=[一1][行句])(?=\s))[:：]?\s*"
    r"(?:(?:叫做|叫|写着|写)\s+|(?:就|就是)?(?:叫做|写着|写成|写上|叫|写)(?=[^\s，,。；;吧呢啊]))?"  # "开头加个标题 叫 出发吧", "加个标题就写周末去爬山": the words after the verb that names them
    # ("在最后加一行小字 by 阿杰": a credit's English before a name in Chinese is the words too)
    # ("加一行字 到这里啦": words may start with 到, a time or a place may not: "到第5秒", "到结尾")
    r"(?!持续|显示|放在|在|于|从|到(?:第|\d|最|结尾|末尾|结束|底|顶|上面|下面|中间|左|右|屏幕|画面|视频))((?:(?:made|shot|filmed|edited|directed|presented|written|photos?) )?by [\u4e00-\u9fff]{1,6}(?=\s*(?:[，,。；;]|$))|"
    r"[a-z0-9'&!?-]+(?: [a-z0-9'&!?-]+)+(?=\s*(?:[，,。；;]|$)|\s+[\u4e00-\u9fff])|[^，,。；;\s]+?)(?=\s|持续|显示|放在|在|于|从|到(?:第|\d|最|结尾|末尾|结束|底|顶|上面|下面|中间|左|右|屏幕|画面|视频)|\d+(?:\.\d+)?秒|[，,。；;]|$)")


# "change the title text to Night Drive", "rename the title to Neon", "标题文字改成夜行": the new words, unquoted, unless
# they only style it ("change the title to red", "标题改成白字黑底")
_RENAMED_EN = re.compile(
    r"\b(?:change|rename|switch|update|edit|set|retitle|reword|correct|fix)\s+(?:the\s+|my\s+|this\s+|that\s+)?"
    r"(?:(?:main|end|first|second|last|opening)\s+)?(?:title|heading|headline|text|caption|label|(?<=the )words|(?<=the )wording)(?:'s)?"
    r"(?:\s+(?:text|words?|wording))?\s+(?:to|into|as)\s+(?:say\s+|read\s+)?"
    rf"(?!(?:{_MODIFIER}))(.+?)(?=\s+(?:{_MODIFIER})|\s*[,;]|$)")
# ("标题里的字换成英文的Night Walk": the words in the title, in the language said)
_RENAMED_ZH = re.compile(r"(?:标题|文字|字幕)(?:里面?|上面?)?(?:的)?(?:那几个|这几个|那些|这些)?(?:字|文字|内容|文案|名字|英文(?:字母|单词)?|中文)?(?:改成|改为|换成|写成|变成|应该是|应该叫|就叫|叫做|叫)[:：]?\s*"
                         r"(?:(?:英文|英语)的?[:：]?\s*(?=[a-z0-9])|中文的?[:：]?\s*(?=[\u4e00-\u9fff])(?!的))?"
                         r"([a-z0-9'&!?-]+(?: [a-z0-9'&!?-]+)+|[^，,。；;\s⟪]+?)(?=[，,。；;]|$)")  # "改成Night City"
_STYLE_WORDS = rf"\b(?:{_COLORS}|colou?r|font|bold|italic|big|small|size|fade\w*|top|bottom|left|right|middle|cent(?:er|re)|" \
               r"upper|lower|corner|start|beginning|end)\b|竖着|竖排|横排|横着|斜着|倒着|^\d+(?:\.\d+)?$|\d+(?:\.\d+)?\s*(?:%|x\b|倍|秒|px\b|pt\b)|[字底色体号]$|粗|斜|居中|顶部|底部|中间|左|右|上面|下面|开头|结尾|最后|淡"


def _renamed(clause: Clause) -> str | None:
    """The unquoted new words of "change the title to ..." (None when what follows styles the title)."""
    found = (_RENAMED_ZH if clause.language == "zh" else _RENAMED_EN).search(clause.text)
    if found is None or PLACEHOLDER.search(found.group(1)):
        return None
    words = re.sub(r"(?:就行|就好|就可以|即可|吧|了)+$", "", found.group(1).strip())  # "改成白字就行": white letters
    styled = compiled(_STYLE_WORDS).search(words) or compiled(_BIGGER + "|" + _SMALLER).search(words) or color_of(words)
    return None if styled else words


def _new_words(clause: Clause) -> str | None:
    """The words the title should show: quoted, or unquoted after "say", "saying", a colon, "add the title ...";
    None when the unquoted words only style it ("title red", "the title a lil bigger thx", "加个标题吧")."""
    quote = clause.quote()
    if quote:
        # "change 'Urban Dreams' to 'City Dreams'": the words after "to", not the title being named
        after = re.search(r"(?:\bto|\binto|成|为)\s*⟪(\d+)⟫", clause.text)
        return clause.quotes[int(after.group(1))] if after else quote
    words = _unquoted_words(clause)
    if words is None:
        return None
    words = re.sub(r"[\s,，.。!！?？]*(?:\b(?:instead|please|pls|plz|thanks|thank you|thx|ty)\b[\s,.!?]*)+$", "", words)
    if clause.has(_STATED):  # "the title says Summit now": "now" is when, not its words
        words = re.sub(r"\s+now[\s.!]*$", "", words)
    if clause.language == "zh" and re.fullmatch(r"(?:吧|吗|呢|啊|呀|哦|嘛|了|呗|啦|哈)+", words.strip()):
        return None  # "加个标题吧": a particle, not the title's words
    if not words.strip() or _only_style(words):
        return None
    return clause.as_typed(words.strip())


# what follows a title noun when it is not the title's words: a verb, a modal, an article ("title should be bigger")
_NOT_WORDS = r"should|must|needs?|is|are|was|were|has|have|had|to|please|pls|can|could|will|would|looks?|feels?|seems?|" \
             r"gets?|goes|comes?|stays?|shows?|a|an|the|and|or|but|so|too|also|now|then|it|that|this|with|of|from|by|as|" \
             r"text|font|colou?r|size|position|off|on|gone|remove\w*|delete\w*|drop\w*|bigger|smaller|larger|up|down"


def _unquoted_words(clause: Clause) -> str | None:
    said = clause.search(_SAY + r"\s*")
    if said and clause.text[said.end():].strip(" :：,，"):
        return clause.text[said.end():].strip(" :：,，")
    # "a title that says Happy Birthday at the start": a place said last is not part of the words
    # ", golden," after the words is their colour: "a title that says Neon Nights, golden, at the bottom", "…：夜色温柔，红色的"
    match = compiled(rf"\b(?:saying|that says|which says|reading|says|reads)\s+(?!(?:them|it|this|that)\b)(.+?)(?=\s+{_PLACED}|{_SAYING_ENDS}|"
                      rf"\s*,\s*(?:in\s+)?{EN_COLOR_ANY}\s*(?:,|$)|$)|"
                      r"^(?:title|caption|text)\s*:\s*(.+)$|"

                      # "add a title at the beginning: Road Trip 2026": the words after the colon
                      rf"\b(?:title|caption|subtitle|text|heading|headline|label|cards?|screens?|words)\b[^:⟪]*:\s*(?!(?:{_MODIFIER}))"
                      r"(?!\s*(?:#?[0-9a-fA-F]{6}$|#[0-9a-fA-F]{3}$|0x[0-9a-fA-F]{6}$|rgba?\b))"  # "title color: FFD700": a colour's value
                      rf"(.+?)(?=\s+(?:{_MODIFIER})|\s*[,;]|$)|"
                      r"(?:^|(?<=[\s，,]))(?:标题|字幕)(?:就)?写(?:成)?\s+([^，,\s]+)(?=\s|[，,]|$)|"  # "标题写 东京2077 顶上 粉色"
                      r"(?:写上|写着|内容是|标题是(?!不是)|标题为)[:：]?\s*(.+)$|(?:标题|字幕|文字|一行字|几个字|字)(?:改一下|改改|换一下|换换|改|换)?[:：]\s*(.+?)"
                      rf"(?=[，,]\s*(?:显示|持续|停留|放在|放到|在|从|颜色|字体|\d|(?:字|文字)?(?:要|用|是|改成|换成)?{ZH_COLOR_WORDS}色?的?吧?(?:[，,]|$))|"
                      # "…：出发吧 白字黑底", "…：出发吧，红色的": its colours said after the words
                      rf"[，,\s]\s*(?:(?:{ZH_COLOR_WORDS})色?的?(?:字|底|框|背景|底色)?\s*){{1,3}}吧?$|"
                      r"\s+(?:显示|持续|停留|放)(?:在|到)?|$)").search(clause.unquoted())  # "…：感谢观看，显示2秒", "…：夜晚的城市 显示在左上角"
    if match:
        return _without_style_after(next(g for g in match.groups() if g).strip())
    # a list item led by the noun, its words unquoted but capitalised as a name: "title Tokyo 2077 at the top in pink"
    led = compiled(rf"^(?:the |a )?(?:title|heading)\s+(?!(?:{_MODIFIER})|(?:{_NOT_WORDS})\b)(.+?)(?=\s+(?:{_MODIFIER})|"
                   r"\s*[,;]|$)").search(clause.text)
    if led and re.match(r"[A-Z0-9]", clause.as_typed(led.group(1))):
        return led.group(1).strip()
    if clause.has(_CHANGE):  # "change the title to ..."
        return _renamed(clause)
    written = _WRITTEN.search(clause.text)
    if written and not PLACEHOLDER.search(written.group(1)):
        return written.group(1).strip()
    placed = _placed_name(clause, None)
    if placed is not None:
        return placed
    unquoted = (_UNQUOTED_ZH if clause.language == "zh" else _UNQUOTED_EN).search(clause.text)
    if unquoted and not PLACEHOLDER.search(unquoted.group(1)):
        return unquoted.group(1).strip()
    return None


# a part after the words' last comma that only places, times or styles them: "title: Neon Streets, bottom of the screen"
_STYLE_AFTER = re.compile(rf",\s*(?:(?:{_MODIFIER})|(?:(?:at|in|on|to|near|along)\s+)?(?:the\s+)?(?:very\s+)?(?:{_PLACES})\b|"
                          r"(?:for|lasting)\s+\d|\d+(?:\.\d+)?\s*(?:seconds?|secs?|s)\b)[^,]*$")
_SCREEN_WORDS = re.compile(r"\b(?:of|on)\s+(?:the\s+)?(?:screen|frame|video|picture)\b")


def _without_style_after(words: str) -> str:
    """The words without what a comma adds about where, when or how they show ("Neon Streets, top left", "Neon
    Streets, big and yellow"); a comma inside the words stays ("Hello, World")."""
    while "," in words:
        head, tail = words.rsplit(",", 1)
        if not (_STYLE_AFTER.search("," + tail.lower()) or _only_style(_SCREEN_WORDS.sub(" ", tail))) or not head.strip():
            break
        words = head.rstrip()
    return words


# words put at a place on screen with no noun, capitalised as a name: "put Summit at the top in yellow", "put Big Sur at
# the bottom" (never a thing the video has: "put the music at ...", "put it at the top")
_PLACED_NAME = re.compile(r"^(?:(?:please|can you|could you|now|and|then)\s+)*(?:put|add|place|stick|show|display)\s+"
                          r"(?:the (?:words?|name|text) )?(?!(?:the|a|an|my|it|this|that|them|some|all|every|both|clip|music|song)\b)"
                          r"([a-z0-9][\w'&!-]*(?: [a-z0-9][\w'&!-]*){0,3}?)\s+(?:at|on|in|to|along) the (?:very )?"
                          r"(?:top|bottom|middle|center|centre|upper|lower)\b")


def _placed_name(clause: Clause, draft: Draft | None) -> str | None:
    """The words of "put Summit at the top", when typed capitalised as a name (each word, or digits), and not the
    words of a text on screen ("put Urban Dreams at the bottom" moves that title)."""
    found = _PLACED_NAME.search(clause.text) if clause.language == "en" else None
    if found is None or draft is not None and text_named_unquoted(found.group(1), draft) is not None:
        return None
    typed = clause.as_typed(found.group(1))
    return typed if all(re.match(r"[A-Z0-9&]", word) for word in typed.split()) else None


# words that only style or place a title, or fill a sentence: unquoted words made only of them are not its words
_STYLE_TOKENS = frozenset(
    "a an the is are it its too so very much bit lil little tad slightly more less please pls thx thanks and in on with "
    "at of to be now instead some kinda kind sort way bigger smaller larger big small huge tiny bold text font letters "
    "words box background backdrop banner top bottom left right middle center centre up down higher lower size color "
    "colour bright dark fade fades fading out dead smack bang exactly".split())


def _only_style(words: str) -> bool:
    """Whether unquoted words are only a style ("red", "a lil bigger thx", "white text on a black box", "大一点")."""
    if re.search(r"[\u4e00-\u9fff]", words):
        return bool(re.fullmatch(rf"(?:{ZH_COLOR_WORDS}色?的?|(?!夜色|景色|月色|暮色|春色|秋色|天色|特色|角色|出色|夕色)\S{{1,2}}色的?|{_BIGGER}|{_SMALLER}|[大小]号|(?:放在|放到|移到)?(?:上面|下面|中间|顶部|底部|居中))+",
                                 words))
    tokens = re.findall(r"[a-z#0-9]+", re.sub(r"\d+(?:\.\d+)?\s*(?:%|percent\b|x\b)", " ", words.lower()))  # "50% smaller"
    return bool(tokens) and all(t in _STYLE_TOKENS for t in re.findall(r"[a-z#0-9]+", without_colors(
        re.sub(r"\d+(?:\.\d+)?\s*(?:%|percent\b|x\b)", " ", words.lower()))))


# a clip named any way refs._named knows: "on the dog clip", "over the city part", "在狗的那段加…"
# ("put 'Lisbon' at the top of the city clip": the top of the frame, while that clip plays)
_ON_CLIP = r"\b(?:on|over|during|across)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?(?:clip|shot|part|scene|section|bit)\b|" \
           r"\b(?:at|to|in) the (?:top|bottom|middle|center|centre)(?: part| half)? of (?:the\s+(?:[a-z]+\s+){0,2}?(?:clip|shot)\b|clip\s+\d)|" \
           r"\b(?:on|over|during)\s+clip\s+\d|(?:在)?第\d+(?:个|段)(?:片段|镜头)?(?:上|里|中)?(?:加|添加|显示|打上|写)|" \
           r"(?:放|移|挪)(?:在|到)第\d+个(?:片段|镜头)(?:上|里|中)|" \
           r"(?:在|放在|放到|移到|挪到)[\u4e00-\u9fff]{1,8}?的?(?:那段|那一段|那个片段|那个镜头)(?:上|里|中)?|" \
           r"^[\u4e00-\u9fff]{1,8}?的?(?:那段|那一段|那个片段|那个镜头)(?:上|里|中)?(?:面)?(?:加|添加|打上|写|放|配)|" \
           r"^[\u4e00-\u9fff]{1,8}?的?(?:那段|那一段)[^，,。⟪]{0,8}?\s在(?:它)?上面(?:加|添加|打上|写|放|配)"  # "狗狗那段好可爱 在上面加个「…」"


# "over the dog", "when the dog comes on": a clip named by a word of what it shows
_OVER_THING = re.compile(r"\b(?:over|on|during|when|while|in)\s+the\s+([a-z]{3,})\b(?:\s+(?P<on>comes? on|appears?|shows? up|"
                         r"is on(?: screen)?|starts?|comes? in|is shown))?")


# a photo named as the place of the words: "再给照片加个字「沙滩」", "照片上加上文字「旅途愉快」", "put 'Beach' on the photo"
_ON_PHOTO = r"(?:给|在)(?:这张|那张|[\u4e00-\u9fff]{1,4}?的?)?(?:照片|图片|相片)(?:上)?(?:面)?(?:再|也)?(?:加|写|打|放)|" \
            r"^(?:再|也)?(?:这张|那张|[\u4e00-\u9fff]{1,4}?的?)?(?:照片|图片|相片)上(?:面)?(?:再|也)?(?:加|写|打|放)|" \
            r"\b(?:on|over) (?:the|my) (?:[a-z]+ )?(?:photo|picture|pic|image)\b"


def _stills(state: PlanState) -> list[Segment]:
    """The main-track clips that show an uploaded photo."""
    kinds = {m.src: m.kind for m in state.context.media}
    return [seg for seg in main_clips(state.draft) if kinds.get(seg.src or "") == "image"]


def _over_clip(clause: Clause, state: PlanState) -> dict[str, object]:
    """"on the second clip": the text spans that clip (one clip named, found on the timeline); "when the dog comes
    on": it starts with that clip; "on the photo": the photo's clip (the last one, when several)."""
    if clause.has(_ON_PHOTO) and (stills := _stills(state)):
        return {"start_ms": stills[-1].start_ms, "duration_ms": stills[-1].duration_ms}
    halfway = midpoint_of(clause, state)  # "add the text 'Halfway!' halfway through", "视频播到一半的时候加个字…"
    if halfway is not None:
        return {"start_ms": halfway}
    focus = state.focus
    # (a transition just put before a clip leaves "it" that clip: "add a crossfade before it and put 'Slow down' over it")
    if focus is not None and focus.kind in ("clip", "transition") and focus.segment_id and clause.has(
            r"\b(?:on|over|during)\s+(?:it|that|that clip|this clip)\b|在(?:那儿|那里|它上面|那段上)|给它(?=加|配|打|写|放)"):
        found = state.draft.find_segment(focus.segment_id)  # "make the dog part come first and put 'Max!' on it"
        if found:
            return {"start_ms": found[1].start_ms, "duration_ms": found[1].duration_ms}
    if not clause.has(_ON_CLIP) and clause.language == "zh" and clause.has(r"(?:出现|出来)的?(?:时候|时)") \
            and not clause.has(r"(?:标题|字幕|文字|字|它)(?:出现|出来)"):  # ("标题出现的时候慢慢淡入": the title's own)
        moment = moment_of(clause, state)  # "狗出来的时候加个「它叫旺财」": it starts with the dog
        if moment is not None:
            return {"start_ms": moment}
    if not clause.has(_ON_CLIP):
        if clause.language == "zh" and clause.has(r"(?:的时候|时)(?:再|也)?(?:加|放|写|打|显示)") and \
                (moment := moment_of(clause, state)) is not None:
            return {"start_ms": moment}  # "在狗出来的时候加一行字「旺财来了」": from when the dog comes on
        # "in the middle of the screen when the beach comes on": the first thing named that one clip shows
        thing, clips = None, []
        for said in _OVER_THING.finditer(clause.text):
            clips = [seg for seg in main_clips(state.draft) if compiled_words(rf"\b{said.group(1)}\b").search((seg.meta.name or "").lower())]
            if len(clips) == 1:
                thing = said
                break
        if thing is None:
            return {}
        if thing.group("on"):
            return {"start_ms": clips[0].start_ms}
        return {"start_ms": clips[0].start_ms, "duration_ms": clips[0].duration_ms}
    refs = [r for r in clip_refs(clause, state) if r and r != MISSING]
    found = state.draft.find_segment(refs[0]) if len(refs) == 1 else None
    return {"start_ms": found[1].start_ms, "duration_ms": found[1].duration_ms} if found else {}


def _without(clause: Clause, words: str) -> Clause:
    """The clause with the title's unquoted words taken out."""
    said = clause.text.rfind(words.lower())  # the last: "at the end that says the end" keeps its "at the end"
    return clause if said < 0 else dataclasses.replace(clause, text=clause.text[:said] + " " + clause.text[said + len(words):])


# shown until a clip named ends: "标题在第一段结束之前一直显示", "一直显示到城市那段结束", "keep the title up until the first
# clip ends", "till the end of the first clip"
_UNTIL_CLIP_END = re.compile(
    r"(?:到|至|在)[^，,。]{0,12}?(?:段|片段|镜头)(?:的)?(?:结束|完|播完|放完)(?:之前|以前|前|为止)?|"
    r"\b(?:until|till|til|up to|before)\s+(?:the\s+)?[\w ]{0,20}?(?:clip|one|shot|part)\s+(?:ends|is over|finishes|is done)\b|"
    r"\b(?:until|till|til|to)\s+the\s+end\s+of\s+(?:the\s+)?[\w ]{0,20}?(?:clip|one|shot|part)\b")


def _until_clip_end(clause: Clause, state: PlanState, target: Segment | None) -> dict[str, object]:
    """The title shown from where it starts until the end of the one clip named (nothing when none is)."""
    found = _UNTIL_CLIP_END.search(clause.text)
    if target is None or found is None:
        return {}
    named = [r for r in clip_refs(dataclasses.replace(clause, text=found.group(0)), state) if r and r != MISSING]
    segment = state.draft.find_segment(named[0]) if len(set(named)) == 1 else None
    if segment is None or segment[1].end_ms <= target.start_ms:
        return {}
    return {"duration_ms": segment[1].end_ms - target.start_ms}


def _whole_video(clause: Clause, state: PlanState, target: Segment | None = None) -> dict[str, object]:
    """"for the whole video" / "全程": from 0 to the end of the picture; "the whole clip" said of a title on one of
    several clips: that clip's span (the clip under the title's start)."""
    end = state.draft.video_end_ms or state.draft.end_ms
    if end <= 0 or not clause.has(_WHOLE):
        return {}
    under = [seg for seg in main_clips(state.draft) if seg.start_ms <= target.start_ms < seg.end_ms] \
        if target is not None and clause.has(r"\b(?:whole|entire) clip\b|整个片段") else []
    if len(under) == 1:
        return {"start_ms": under[0].start_ms, "duration_ms": under[0].duration_ms}
    return {"start_ms": 0, "duration_ms": end}


def _automatic_title_under(new: AddText, state: PlanState) -> str | None:
    """The automatic title (the one generation added) that ``new`` would show at the same time as, if any."""
    automatic = [s for s in text_segments(state.draft) if s.id in state.automatic]
    if not automatic:
        return None
    try:
        after = apply_edit(state.draft, new)
    except ReelforgeError:
        return None
    before = {s.id for s in text_segments(state.draft)}
    added = next((s for s in text_segments(after) if s.id not in before), None)
    if added is None:
        return None
    return next((s.id for s in automatic if s.start_ms < added.end_ms and added.start_ms < s.end_ms), None)


_FOLDABLE = {"pos", "color", "bgcolor", "start_ms", "duration_ms", "fade_in_ms", "fade_out_ms"}


def _said_then(clause: Clause) -> bool:
    """Whether the message said the clause to come "then" ("标题加上 叫「不夜城」 然后淡入一秒"): the splitting took the word."""
    # (a Chinese clause may carry its object before it, "标题淡入1秒", and its numbers are digits: "然后两秒淡出")
    opening = clause.text.split()[0] if clause.language == "en" else \
        re.sub(r"^(?:标题|字幕|文字|字)|\d+(?:\.\d+)?(?:秒|s)?", "", clause.text)[:2]
    return bool(opening) and re.search(rf"(?:然后|\bthen\b)[\s,，]*(?:再)?[^，,。\s]{{0,4}}?{re.escape(opening)}", clause.source,
                                       re.IGNORECASE) is not None


def _fold_into_added(clause: Clause, segment_id: str, fields: dict[str, object], state: PlanState) -> bool:
    """"加个标题：东京之夜，放在画面中间", "…打上「出发咯」三个字，放在屏幕下面": a place or a colour said right after a title
    is added, with no verb of change ("然后改成黄色", "and make it yellow", "然后淡入一秒" stay changes of their own), belongs to that
    title: the addition takes it, one edit."""
    last = state.actions[-1] if state.actions else None
    if not (isinstance(last, EditAction) and isinstance(last.edit, AddText)) or not fields or set(fields) - _FOLDABLE:
        return False
    if state.focus is None or state.focus.segment_id != segment_id or clause.has(
            r"\b(?:make|change|set|turn|then|also|and)\b|改|换|调|变|然后|再|也|还") or _said_then(clause):
        return False
    added = last.edit.model_copy(update=fields)
    state.actions[-1] = EditAction(edit=added, description=describe_edit(added, state.language, state.draft))
    state.draft = apply_edit(state.draft, UpdateText(segment_id=segment_id, **fields))  # type: ignore[arg-type]
    return True


# what one change of a title is: its words, its colours, its size, its place, its time, its fades; where each is said
_GROUPS = (("text", ("text",), r"⟪|\b(?:say|says|read|reads|to)\b|改成|换成|改为|叫|写"),
           ("colour", ("color", "bgcolor"), rf"\b(?:{_COLORS})\b|colou?r|\S色|[{ZH_COLOR_CHARS}][字底的]|底色"),
           ("size", ("scale", "size"), rf"{_BIGGER}|{_SMALLER}|字号|大小"),
           ("place", ("pos",), r"\b(?:top|bottom|left|right|cent(?:er|re)|middle|upper|lower|higher|up|down|corner)\b|"
                               r"顶|底部|上面|下面|上方|下方|中间|居中|中央|左|右|往上|往下|上移|下移|挪"),
           ("time", ("start_ms", "duration_ms"), r"\d|\b(?:until|till|whole|throughout|appear\w*|stay\w*|show\w*)\b|"
                                                r"出现|显示|停留|待|全程"),
           ("fade", ("fade_in_ms", "fade_out_ms"), r"\bfad\w*|淡入|淡出|渐显|渐隐"))
# changes said one after another ("red, a bit bigger, and have it fade in", "颜色换成粉色，大小也大一些"): an edit each
_COORDINATED = r"\band\b|\balso\b|\bplus\b|,|，|、|也|并且|同时|还有|再|(?<=[\u4e00-\u9fff⟫])\s+(?=[\u4e00-\u9fff])"  # 口述的空格


def _changes(clause: Clause, fields: dict[str, object]) -> list[dict[str, object]]:
    """The fields of one update, as one edit per change when the clause says several changes one after another, in
    the order said; else all in one edit."""
    groups = [(name, {k: fields[k] for k in keys if k in fields}, pattern) for name, keys, pattern in _GROUPS]
    groups = [g for g in groups if g[1]]
    if len(groups) < 2 or not clause.has(_COORDINATED) or len(fields) != sum(len(g[1]) for g in groups):
        return [fields]

    def said_at(pattern: str) -> int:
        found = clause.search(pattern)
        return found.start() if found else len(clause.text)

    return [changed for _, changed, _ in sorted(groups, key=lambda g: said_at(g[2]))]


# a moment said by the title going, no removal: "bring it in when the title is gone", "once the text is off"
_GONE_MOMENT = r"\b(?:when|once|after|until|till|as soon as)\s+(?:the |its |it )?(?:[\w']+ ){0,2}(?:is |are |has |have )?(?:gone|off)$"


# a font said alone right after words were added: "加一行字「晚安」，字体用宋体", "add the title 'Hi', in Impact font"
_FONT_ALONE = re.compile(r"^(?:然后|再)?(?:字体|字型)(?:用|是|改成|换成|选|要)?\s*(?P<zh>[\u4e00-\u9fff]{1,4}体|[a-z][\w -]{1,20}?)(?:吧|的)?$|"
                         r"^(?:然后|再)?用(?P<zh2>宋体|黑体|楷体|仿宋|隶书|圆体|微软雅黑)(?:字体)?(?:吧)?$|"
                         r"^(?:(?:and|then)\s+)*(?:(?:in|with|using|use) (?:the |an? )?(?P<en>[a-z][\w-]*(?: [a-z][\w-]*){0,2}?) "
                         r"(?:font|typeface)|(?:font|typeface)(?: is| to| of)?[: ]+(?:the )?(?P<en2>[a-z][\w-]*(?: [a-z][\w-]*){0,2}))$")


# a font asked of words already there: "标题用黑体", "字体换成宋体", "change the title font to Impact"
# ("in a bigger font", "字体大一点", "what fonts are there" say a size, a colour or ask)
_FONT_CHANGED = r"^(?!.*(?:\b(?:big|bigger|small|smaller|large|larger|size|colou?r|what|which|how)\b|[?？吗呢]|哪|什么|啥|大|小|颜色|色))" \
                r"(?:.*\b(?:change|switch|swap|different|another|new)\b.*\b(?:font|typeface)\b|.*\b(?:font|typeface) (?:to|in)\b|" \
                r".*(?:字体|字型|黑体|宋体|楷体|仿宋|隶书|圆体|手写体|微软雅黑|雅黑)|" \
                r".*\b(?:in|to|into|with|using) (?:helvetica|arial|comic sans|times new roman|impact|futura|georgia|verdana|roboto|" \
                r"open sans|garamond|courier|calibri|gill sans|bebas|montserrat|lobster|papyrus)\b)"


def _font_of_added(clause: Clause, state: PlanState) -> bool:
    """A font said alone right after words were added is theirs: one title, added in it (an added title's font is
    only set as it is added: there is no op that changes it)."""
    last = state.actions[-1] if state.actions else None
    said = _FONT_ALONE.match(clause.text)
    if said is None or not (isinstance(last, EditAction) and isinstance(last.edit, AddText)):
        return False
    name = next(g for g in (said.group("zh"), said.group("zh2"), said.group("en"), said.group("en2")) if g)
    if re.fullmatch(_NOT_A_FONT, name):
        return False
    state.actions[-1] = EditAction(edit=last.edit.model_copy(update={"font": clause.as_typed(name)}), description=last.description)
    return True


# the box behind the words, named as what goes: "标题的底色去掉", "字幕的黑底不要了", "remove the title's box", "lose the
# box behind the text"
_ITS_BOX = r"(?:title|text|words|caption)(?:'s)? (?:black |white |dark )?(?:box|background|backdrop|backing)\b|" \
           r"\b(?:box|background|backdrop|backing) (?:behind|under|off|from|on) (?:the |its )?(?:title|text|words|it|them)\b|" \
           r"(?:标题|文字|字幕|字)(?:的|后面的?|下面的?|底下的?)?(?:那个)?(?:底色|底框|[黑白红黄蓝绿灰]底|背景色?|框|底)"


# the words' own letters in another case: "in all caps", "in capitals", "uppercase"; "lowercase"
_LOWER_CASE = r"\b(?:all )?(?:lower ?case|small letters)\b"
_CASE = r"\b(?:all caps|in caps|(?:all |in |block )?capitals|capital letters|capitali[sz]ed|(?:all )?upper ?case)\b|" + \
    _LOWER_CASE


# what to write asked, no words given: "标题改成什么好", "标题写啥好呢", "what should I change the title to",
# "what would be a good title" (never the words "什么好")
_WORDS_ASKED = re.compile(
    r"(?:标题|字幕|文字|名字)[^，,。]{0,4}?(?:改成|换成|改为|变成|写成?|叫|起|取)(?:个|一个)?(?:什么|啥)(?:样的)?(?:名字|标题|字|文字)?"
    r"(?:好|比较好|合适|好听|好看)?(?:呢|啊|呀|吧|些|一些|点)?\W*$|"
    r"(?:标题|字幕|文字)(?:该|应该|要)(?:改成|换成|改为|写成?|叫)(?:个)?(?:什么|啥)(?:呢|啊|呀)?\W*$|"
    r"\bwhat (?:should|could|would|shall) (?:i|we) (?:change|rename|call|name|set|make) the (?:title|caption|text)(?: to)?\W*$|"
    r"\bwhat should the (?:title|caption|text) (?:say|be|read)\W*$|\bwhat (?:would|could) be a good (?:title|caption)\W*$")


def _words_asked(clause: Clause, state: PlanState) -> bool:
    """What the title should say, asked: the words are the user's to give (asked for, never set to the question)."""
    if clause.quote() is not None or not _WORDS_ASKED.search(clause.text):
        return False
    state.actions.append(Unknown(clause.unquoted(), understood="the title", question=ask(
        clause, "What the title says is up to you: tell me the words, for example: change the title to 'City Nights'.",
        "标题写什么由你来定：告诉我要的文字就行，例如：把标题改成“城市之夜”。")))
    return True


# an end card's stock words said unquoted, with no title noun: "add thanks for watching at the end", "end it with thank
# you for watching" (the words of a text at the end; "add narration saying thanks for watching" is a voice's)
_STOCK_WORDS = re.compile(r"(?<!⟫ )\b(?:thanks?(?: you)? (?:so much )?for (?:watching|tuning in|stopping by)|see (?:you|ya|u) "
                          r"(?:next time|soon|in the next one)|to be continued)\b")
_STOCK_END_WITH = re.compile(r"^(?:(?:and|then|now|please|pls)\s+)*(?:end|finish|close|wrap up|sign off)\s+(?:it\s+|the video\s+|"
                             r"things\s+|the whole thing\s+)?(?:off\s+)?with\s+(?P<words>⟪\d+⟫)$")


def _stock_words(clause: Clause) -> Clause:
    """The clause with an end card's stock words quoted, when said unquoted to be added at the end; else as it is."""
    found = _STOCK_WORDS.search(clause.text) if clause.language == "en" and clause.quote() is None else None
    if found is None or clause.has(r"\b(?:say|says|saying|said|narrat\w*|voice\w*|voiceover|speak\w*|tell|read)\b"):
        return clause
    mark = f"⟪{len(clause.quotes)}⟫"
    text = clause.text[:found.start()] + mark + clause.text[found.end():]
    end_with = _STOCK_END_WITH.match(text)
    if end_with is not None:
        text = f"add {mark} at the end"
    elif not (re.search(ADD, text) and re.search(r"\bat the (?:very )?end\b|\b(?:an|the) (?:ending|outro|end card|end screen)\b", text)):
        # ("add an ending: thanks for watching, white text" is an end card too: its colour was the title's)
        return clause
    return dataclasses.replace(clause, text=text, quotes=(*clause.quotes, clause.as_typed(found.group(0))))


# an end card asked for by name, its words after a colon: "加个结尾：感谢观看 白色字", "加个片尾：下期见" (a line of words at
# the end, as "结尾加一行字：…" says it; the colour after it was read as the title's). Words that film something stay a
# new clip ("加个片尾：一段烟花的画面")
_END_CARD_ZH = re.compile(r"^(?:再|帮我|给视频)?(?:加|来|做)(?:个|[一1]个|[一1]张)?(?:结尾|片尾)(?:卡)?\s*:\s*(?=\S)")
_FILMED_ZH = r"画面|视频|镜头|片段|一段|延时|航拍|特写|空镜"


def _end_card_zh(clause: Clause) -> Clause:
    """The clause said as a line of words at the end, when it asks for an end card by name with its words after a colon."""
    found = _END_CARD_ZH.match(clause.text) if clause.language == "zh" else None
    if found is None or re.search(_FILMED_ZH, clause.text[found.end():]):
        return clause
    return dataclasses.replace(clause, text="结尾加一行字:" + clause.text[found.end():])


# a quote that is an upload's file name, said of the upload's kind: 'add photo "beach.jpg" at the end' adds the upload
_UPLOAD_KIND = r"\b(?:photo|picture|pic|image|clip|video|footage|song|track|file|upload)s?\b"
_TITLE_WORD = r"\b(?:title|text|words?|caption|heading|label|says?|saying|reads?)\b"


def _upload_quoted(clause: Clause, state: PlanState) -> bool:
    quote = clause.quote()
    return quote is not None and clause.has(_UPLOAD_KIND) and not clause.has(_TITLE_WORD) and any(
        quote.strip().lower() == m.name.lower() for m in state.context.media)


def handle(clause: Clause, state: PlanState) -> bool:
    if _words_asked(clause, state):
        return True
    clause = _end_card_zh(_stock_words(clause))
    if not is_text_clause(clause, state) and not _FONT_ALONE.match(clause.text):
        return False
    if _upload_quoted(clause, state):
        return False
    if _font_of_added(clause, state):
        return True
    if (not clause.has(ADD) or clause.has(r"^(?:please )?(?:put|set|make|have) (?:the|my|that|this) (?:title|text|words|heading)\b")) \
            and text_segments(state.draft) and clause.quote() is None and clause.has(_FONT_CHANGED):
        # "标题用黑体", "change the title font to Impact": a font is only set as words are added (黑体 is no black)
        state.actions.append(Unknown(clause.unquoted(), understood="the title's font", question=ask(
            clause, "I can't change the font of words already on the video; a font is set as they are added. I can add "
            "them again in it, for example: remove the title, then add the title 'Urban Dreams' in Impact font.",
            "已经加上的字没法换字体，字体只能在加字的时候定。可以删掉再加一次，例如：删掉标题，再加标题「城市之梦」 用黑体。")))
        return True
    if clause.quote() is None and clause.has(_TWO_TONES):  # "black & white title": one look, and a title has one colour
        state.actions.append(Unknown(clause.unquoted(), understood="the title", question=ask(
            clause, "A title's words have one colour, and a box can go behind them. White words on a black box, or black "
            "words on a white box? (Black and white as a look of the picture is a filter, which I can't apply yet.)",
            "标题的字只有一种颜色，后面可以加个底。要黑底白字，还是白底黑字？（画面变黑白是滤镜，暂时还做不了。）")))
        return True
    texts = text_segments(state.draft)
    if (clause.has(REMOVE) or clause.has(r"^去(?=字|标题|文字)|(?<!\bwhen )(?<!\bonce )(?<!\bafter )(?<!\buntil )(?<!\btill )(?<!\bwhen the )"
                                             r"(?<!\bonce the )(?<!\bafter the )(?<!'s )(?<!looks )(?<!feels )(?<!seems )(?<!sounds )\b(?:off|gone)(?: too| as well| please)?$")
         and not clause.has(_GONE_MOMENT) or
            clause.has(_TAKE_OFF)) and \
            not clause.has(_CHANGE + r"|\bto\b"):
        if texts and clause.has(_ITS_BOX) and not clause.has(r"\band\b|和|跟|以及|、"):
            # "把标题的底色去掉", "remove the title's box": its box, not it (a clear box draws nothing)
            target = find_text(clause, state)
            state.edit(UpdateText(segment_id=target.id if target else None, bgcolor=color_value("transparent")),
                       focus_kind="text")
            return True
        if texts and clause.has(r"\bfad\w*|淡入|淡出|渐显|渐隐"):  # "remove the fade from the title": its fades, not it
            target = find_text(clause, state)
            sides = {k: 0 for k, v in (("fade_in_ms", _FADE_IN), ("fade_out_ms", _FADE_OUT)) if clause.has(v)}
            state.edit(UpdateText(segment_id=target.id if target else None,
                                  **(sides or {"fade_in_ms": 0, "fade_out_ms": 0})), focus_kind="text")  # type: ignore[arg-type]
            return True
        if not texts:  # "去掉标题" with no text on the video: nothing to remove, it says so (never a removal of nothing)
            state.actions.append(Unknown(clause.unquoted(), understood="the title", question=ask(
                clause, "There is no title or text on the video to remove.", "视频上还没有标题或文字，没有可以去掉的。")))
        elif clause.has(r"\ball\b|\bevery\b|\bany\b|所有|全部|一切|全(?=给|都|删|去|拿|部)|都(?=给我)?(?:去|删|拿)"):
            state.edit(RemoveText(all=True))
        else:
            target = find_text(clause, state)
            state.edit(RemoveText(segment_id=target.id if target else None))
        state.focus = None
        return True
    if clause.quote() is None and clause.has(_TRANSLATED):
        state.actions.append(Unknown(clause.unquoted(), understood="the title", question=ask(
            clause, "I can't translate the title. What should it say instead? Put the words in quotes, for example: "
            "change the title to 'Night Walk'.", "我没法翻译标题。要改成什么字？请把文字放在引号里，例如：标题改成“Night Walk”。")))
        return True
    if texts and clause.quote() is None and clause.has(_CASE) and not clause.has(r"\b(?:saying|says|that says|reads?|called|named)\b|:"):
        # "put the title in all caps", "the title would look better in capitals", "make the text lowercase": its own words
        target = find_text(clause, state) or texts[0]
        said = target.meta.text or ""
        state.edit(UpdateText(segment_id=target.id, text=said.lower() if clause.has(_LOWER_CASE) else said.upper()),
                   focus_kind="text")
        return True
    words = _new_words(clause) or _renamed_unquoted(clause, state)
    if words and clause.quote() is None and _animated(clause):
        words = None  # "put the text with a movement of rotation": how it moves, not its words (asked below)
    if words and (not clause.has(ADD) or _placed_name(clause, None) == words) and \
            any((s.meta.text or "").lower() == words.lower() for s in texts):  # ("put Urban Dreams at the bottom": moved)
        words = None  # "move 'Urban Dreams' to the top": the title named by its words, not new words
    wants_change = (clause.has(_CHANGE) or clause.has(r"\bto ⟪|成⟪|为⟪") or clause.has(_STATED) or
                    clause.has(r"^(?:the )?(?:title|heading)\s") and not clause.has(ADD)) and \
        not clause.has(_ON_SCREEN)  # "title Tokyo 2077": the one title says it; words wanted on screen are new ones
    # "make it 'Goodnight'" right after the title was added or changed: that title's words
    wants_change = wants_change or state.focus is not None and state.focus.kind == "text" and bool(texts) and \
        clause.quote() is not None and clause.has(r"\b(?:it|that)\b|它|改成|换成|改叫|^(?:the )?(?:title|heading)\s*[:：]|^标题[:：]") \
        and not clause.has(ADD)  # ("title: 'Weekend Vibes' pls" after "Added title 'Urban Dreams'": the title renamed)
    if words and (not texts or not wants_change):
        # "add the title Red Sunset", "write Big Sur at the bottom": the title's own words set no colour and no size
        # (quoted words are placeholders already)
        rest = clause if clause.quote() is not None else _without(clause, words)
        size = 0.1 if rest.has(r"\b(?:big|large|huge|bold)\b|大号|大字|大标题|醒目") else \
            0.04 if rest.has(r"\b(?:small|tiny)\b|小号|小字") else None
        timing = _timing(rest)
        gone = rest.search(_AFTER_TITLE)
        if gone is not None and texts and "start_ms" not in timing and not timing.get("at_end"):
            timing["start_ms"] = texts[0].end_ms  # "show 'Chapter 1' after the title goes": from where the title ends
        until = timing.pop("until_ms", None)
        if isinstance(until, int) and until > int(timing.get("start_ms", 0)):  # type: ignore[call-overload]
            timing["duration_ms"] = until - int(timing.get("start_ms", 0))  # type: ignore[call-overload]
        over = {k: v for k, v in _over_clip(rest, state).items() if k not in timing}  # "in the dog for 3 seconds": 3 s there
        added = {**timing, **_whole_video(rest, state), **over, **_style(rest)}
        font = _FONT.search(rest.text)
        if font and not re.fullmatch(_NOT_A_FONT, name := font.group(1) or font.group(2) or font.group(3)):
            added["font"] = rest.as_typed(name)  # "add the title 'Road Trip' in Impact font": the font as typed
        new = AddText(text=words, size=size, **added)  # type: ignore[arg-type]
        automatic = _automatic_title_under(new, state)
        if automatic is not None:  # one main title: the user's replaces the one generation added, in place
            state.automatic.discard(automatic)
            kept = {k: v for k, v in added.items() if k != "at_end"}
            state.edit(UpdateText(segment_id=automatic, text=words, size=size, **kept),  # type: ignore[arg-type]
                       focus_kind="text")
            return True
        if clause.has(_ON_PHOTO) and not _stills(state) and any(m.kind == "image" for m in state.context.media):
            state.actions.append(Unknown(clause.unquoted(), understood="a title on the photo", question=ask(
                clause, "The photo is not on the timeline yet. Should I add it first? Say, for example: add the photo "
                f"at the end, then put '{words}' on it.", f"照片还不在时间线上。要先把它加进来吗？可以说：把照片加到最后，再在照片上加字「{words}」。")))
            return True  # "照片上加一行字「那年夏天」" with the photo only uploaded: never over the first clip instead
        state.edit(new, focus_kind="text")
        return True
    if not texts:
        if clause.has(ADD) and words is None:
            state.actions.append(Unknown(clause.unquoted(), question=ask(
                clause, "What should the title say? Put the words in quotes, for example: add the title 'Golden Hour'.",
                "标题要写什么？请把文字放在引号里，例如：加上标题“黄金时刻”。")))
            return True
        if _style(clause):  # "标题改成白色，黑色背景": the title's colours compete with the canvas's (a close call)
            state.edit(UpdateText(text=words))  # fails with "there is no text": the reply says so
            return True
        # "make the title bigger" with no title: nothing to change; it says so and how to add one
        state.actions.append(Unknown(clause.unquoted(), understood="the title", question=ask(
            clause, "There is no title yet. To add one, say what it should say, for example: add the title 'Golden Hour'.",
            "还没有标题。要加的话，请说标题写什么，例如：加上标题“黄金时刻”。")))
        return True
    longer = _fade_just_made(clause, state)
    if longer is not None:
        state.actions.pop()
        state.edit(longer, focus_kind="text")
        return True
    target = find_text(clause, state)
    if _animated(clause):
        state.actions.append(Unknown(clause.unquoted(), understood="the title", question=ask(
            clause, "I can't animate a title (spin, slide, bounce, type it out) yet, only fade it in or out. Fade it in "
            "instead? Say: make the title fade in.", "暂时还不能给标题做动画（旋转、滑入、弹跳、打字效果），只能淡入淡出。要改成淡入吗？"
            "可以说：标题淡入。")))
        return True
    fields: dict[str, object] = {**_style(clause), **(_other_side(clause, state) or {})}
    if words:
        fields["text"] = words
    share = re.search(r"(\d+(?:\.\d+)?)\s*%|百分之(\d+(?:\.\d+)?)", clause.text)
    if clause.has(_BIGGER):
        fields["scale"] = 2.0 if clause.has(r"\bmuch\b|\ba lot\b|\btwice\b|\bdouble\b|(?<![\d.])2 ?(?:x|times)\b|很多|得多|多一点|两倍|(?<![\d.])2倍|一倍|(?<![\d.])1倍|翻倍") else 1.5
        times_bigger = re.search(r"(?:放大|调大|变大|大)(?:到|成|为)?(\d+\.\d+|[3-9])倍|\b(\d+\.\d+|[3-9])x (?:bigger|larger|the size)\b",
                                 clause.text)
        if times_bigger:  # "放大1.2倍", "1.5x bigger": by that factor ("大一倍" is twice)
            fields["scale"] = float(times_bigger.group(1) or times_bigger.group(2))
    elif clause.has(_SMALLER):
        fields["scale"] = 0.5 if clause.has(r"\bmuch\b|\ba lot\b|\bhalf\b|很多|得多|一半") else 0.67
        to_share = re.search(r"(?:缩小|调小|变小|缩)(?:到|成|为)(?:原来的)?(0\.\d+)(?:倍)?|\b(?:to|at) (0\.\d+)(?:x| times)? (?:the |its )?size\b",
                             clause.text)
        if to_share:  # "缩小到原来的一半", "shrink it to 0.7 the size": to that share
            fields["scale"] = float(to_share.group(1) or to_share.group(2))
    multiple = factor(clause.text)
    if multiple is not None and ("scale" in fields or clause.has(r"大小|字号|尺寸|\bsize\b")):
        fields["scale"] = multiple  # "缩小到原来的一半", "字大小改成原来的两倍": that multiple of its size
        share = None
    sized = re.search(r"(?:大小|字号|尺寸|size)(?:改成|调成|变成|调到|改为|换成|是|to)\s*(?:原来的)?(\d+(?:\.\d+)?)\s*(?:倍|x\b|times\b)", clause.text)
    if sized:  # "标题字大小改成原来的两倍": that many times its size
        fields["scale"] = float(sized.group(1))
    if share and "scale" in fields:  # "50% smaller", "标题大50%": by that share
        change = float(share.group(1) or share.group(2)) / 100
        fields["scale"] = round(1 + change if fields["scale"] > 1 else max(0.1, 1 - change), 2)  # type: ignore[operator]
    timing = _timing(clause)
    at_end = timing.pop("at_end", None) or clause.has(r"\bto the (?:very )?end\b")
    until = timing.pop("until_ms", None)
    if isinstance(until, int) and target is not None and until > target.start_ms:
        timing["duration_ms"] = until - target.start_ms  # "title should disappear at 2 seconds": shown until then
    fields.update(timing)
    fields.update(_whole_video(clause, state, target))
    if "start_ms" not in timing:
        until_end = _until_clip_end(clause, state, target)
        if until_end:
            fields.pop("start_ms", None)
            fields.update(until_end)
    if "start_ms" not in fields and "duration_ms" not in fields:
        # "put the title on the second clip", "把标题放在第二个片段上" (not "change the title to Lost in the City")
        fields.update(_over_clip(_without(clause, words) if words and clause.quote() is None else clause, state))
    # "move the title to the end", "make the title appear at the end", "标题改到结尾出现": it ends with the video
    if target is not None and at_end and not fields and clause.has(
            r"\b(?:move|put|place|shift|appear|show up|pop up|come up)\b|放到|移到|挪到|改到|出现|"
            # "the title needs to go at the end", "should be at the end", "i want the title at the end", "title at the end"
            r"\b(?:should|needs? to|has to|must|could|can) (?:go|be|come|sit)\b|\bi (?:want|need|'?d like) (?:the|my) (?:title|text|words)\b|"
            r"^(?:the )?(?:title|text|words)\s+at the (?:very )?end$") and not clause.has(
            r"\b(?:until|till|through|last|stay)\b|(?:显示|持续|保持|停留|一直)(?:到|至)"):
        fields["start_ms"] = max(0, (state.draft.video_end_ms or state.draft.end_ms) - target.duration_ms)
    elif target is not None and "duration_ms" not in fields and clause.has(_TO_END):  # "until the end", "显示到结尾"
        end = state.draft.video_end_ms or state.draft.end_ms
        start = int(fields.get("start_ms", target.start_ms))  # type: ignore[call-overload]
        if end > start:
            fields["duration_ms"] = end - start
    # "have the title come in 2 seconds later", "标题晚2秒出现", "标题提前1秒": its start moves by that much
    shift = _SHIFT.search(clause.text)
    if shift and target is not None and "start_ms" not in fields:
        said = next(g for g in shift.group("en", "late", "early") if g)
        step = round(float("1" if said in ("a", "an", "one") else said) * 1000)  # "come in a second later"
        earlier = shift.group("early") is not None or shift.group("dir") in ("earlier", "sooner")
        fields.pop("duration_ms", None)
        fields["start_ms"] = max(0, target.start_ms + (-step if earlier else step))
    # "make the title 2 seconds longer / shorter", "标题延长2秒": by that much, not to that much
    # "停留时间再加2秒", "add 2 seconds to the title": added to how long it shows
    by = 1 if clause.has(r"\d\s*(?:seconds?|secs?|s) longer\b|\badd \d+(?:\.\d+)?\s*(?:seconds?|secs?|s) to\b|"
                         r"(?:延长|长|多|再加|加长|增加|多加)了?\d+(?:\.\d+)?秒") else \
        -1 if clause.has(r"\d\s*(?:seconds?|secs?|s) shorter\b|(?:缩短|短|少|再减|减少|减去)了?\d+(?:\.\d+)?秒") else 0
    more = re.search(r"\b(\d+(?:\.\d+)?) (?:more|extra) (?:seconds?|secs?|s)\b|\b(?:another|an extra|extra) (\d+(?:\.\d+)?)\s*"
                     r"(?:seconds?|secs?|s)\b|(?:再多|多|再)(?:留|显示|停留|停|放|待)(\d+(?:\.\d+)?)秒|(?:时间|时长)再?(?:加|延长|多加)(\d+(?:\.\d+)?)秒", clause.text)
    if more and "start_ms" not in fields:  # "keep the title up for 2 more seconds", "标题再多留两秒": by that much
        by, fields["duration_ms"] = 1, round(float(next(g for g in more.groups() if g)) * 1000)
    if by and target is not None and "start_ms" not in fields and isinstance(fields.get("duration_ms"), int):
        length = target.duration_ms + by * int(fields["duration_ms"])  # type: ignore[call-overload]
        if length <= 0:
            now = f"{target.duration_ms / 1000:g}"
            state.actions.append(Unknown(clause.unquoted(), understood="the title's length", question=ask(
                clause, f"The title shows for only {now} s. How long should it stay? For example: show the title for "
                "1 second.", f"标题只显示 {now} 秒。要显示多久？例如：标题显示1秒。")))
            return True
        fields["duration_ms"] = length
    # "make the title longer", "the words disappear before i can finish reading them": by how much?
    if not fields and target is not None and clause.has(_TOO_SOON + r"|\b(?:longer|shorter|lengthen|extend)\b|长一点|长一些|久一点|延长|变长|"
                                                        r"短一点|短一些|缩短|变短"):
        now = f"{target.duration_ms / 1000:g}"
        state.actions.append(Unknown(clause.unquoted(), understood="the title's length", question=ask(
            clause, f"How long should the title stay on screen? It shows for {now} s now; for example: show the title "
            "for 5 seconds.", f"标题要显示多久？现在显示 {now} 秒，例如：标题显示5秒。")))
        return True
    if not fields:
        return False
    if target is not None and not clause.has(_TEXT) and clause.has(r"\b(?:cut|trim|shorten|chop)\b|剪|砍") and \
            int(fields.get("duration_ms", 0)) >= target.duration_ms:  # type: ignore[call-overload]
        return False  # "cut it down to 12 seconds" after the title changed: no cut makes a 3 s title 12 s, the video's
    if target is not None and _fold_into_added(clause, target.id, fields, state):
        return True
    last = state.actions[-1] if state.actions else None
    if target is not None and isinstance(last, EditAction) and isinstance(last.edit, UpdateText) and \
            last.edit.segment_id == target.id and set(fields) <= {"fade_in_ms", "fade_out_ms"} and \
            set(_said(last.edit)) == set(fields):
        state.actions.pop()  # "标题出来慢一点 淡入一秒": the fade said again, with its length: one change
        state.edit(last.edit.model_copy(update=fields), focus_kind="text")
        return True
    for group in _changes(clause, fields):  # "make the title red, a bit bigger, and have it fade in": one edit each
        state.edit(UpdateText(segment_id=target.id if target else None, **group), focus_kind="text")  # type: ignore[arg-type]
    return True
