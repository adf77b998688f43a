"""How people type, taken off before a message is read: "hey, make the title red thx 🙏", "like, mute the dog clip!!",
"um the dog clip only needs the first 3 seconds...", "嗯，把标题改成红色吧～", "就是把音乐调小一点呗", "请导一版画质最好的".

``quiet`` drops the words and marks at a message's two ends that only fill or greet or thank (fillers "um", "like,",
"ok so", "嗯，", "那个，", "就是"; "hey,", "please", "请", "帮我"; "thx", "pls", "谢谢"; the particles 吧 呗 哈 啊 呀 啦;
emoji, "!!", "...", "～"), so that every rule after it reads the request as if typed plainly. Only the ends are touched
and a quote ends the search, so a title's or a prompt's own words are kept; words dictated after a colon (a script, a
narration) keep their own punctuation. Meaning-preserving noise is checked by ``tests/agent/_perturb.py``.
"""

from __future__ import annotations

import re

from reelforge.agent._text import EN_VERBS, QUOTES

__all__ = ["quiet"]

# emoji and their joiners, dingbats and symbols (never a letter, a digit or a quote mark)
_EMOJI = r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D\u2190-\u21FF\u2300-\u23FF]"
# emoticons typed in text: ":)", ":-D", "^^", "xD" (never inside a word)
_EMOTICON = r"(?<!\w)(?:[:;]-?[)(DPp]|\^\^|xD|<3)"
_MARKS = r"[!！~～…。]+|(?<!\d)\.+"

# English: a filler or a greeting that opens a message (before a request: "hey" alone is a greeting)
_LEAD_EN = re.compile(r"^(?:(?:hey|hi|hello|yo)(?: there)?\s*[,!]\s*|(?:hey|yo)\s+(?=\w)|(?:so\s+)?like\s*,\s*|so like\s+|"
                      r"(?:um+|uh+|er+m?|hmm+)\b\s*,?\s*|ok(?:ay)?\s*,?\s+so\s*,?\s+|(?:please|pls|plz)\s*,?\s+|"
                      r"(?:lo+l|lmf?a+o+|rofl|(?:a?ha){2,}h?|(?:he){2,})\s*[,!.]*\s+)+(?=\S)",
                      re.IGNORECASE)
# English: thanks and "pls" after the request ("..., thanks!", "... thx", "... pls", "... ty")
_TAIL_EN = re.compile(r"(?<=\w)(?:\s*,)?\s+(?:thanks?(?: (?:a lot|so much))?|thank (?:you|u)(?: (?:so much|very much))?|thx|ty|"
                      r"tysm|pls|plz|please|cheers)\s*$", re.IGNORECASE)
# Chinese: fillers before a request ("嗯，", "那个，", "就是", "请", "帮我"), never "请问" (a question) nor "那个片段"
_LEAD_ZH = re.compile(r"^(?:(?:嗯+|额+|呃+|那个|这个)\s*[，,、]\s*|"
                      # an older user addresses the editor first: "小同志，请问能不能把字放大一点", "师傅 帮我把音乐关了"
                      r"(?:小|老)?(?:同志|伙子|姑娘|师傅|同学|老师|哥|姐|朋友|兄弟|妹妹|弟弟)(?:啊|呀)?(?:你好|您好)?\s*[，,、\s]\s*"
                      r"(?=请|麻烦|劳驾|帮|能|可以|可不可以|把|将|给|你|您|我想|我要|我希望|标题|字幕|音乐|背景音乐|导出|视频|第\d|[\u4e00-\u9fff]{1,4}那段)|嗯+\s+|(?:嗯+|呃+)(?=[\u4e00-\u9fff])|"
                      # dictation glues its fillers to the request: "嗯帮我配个旁白…", "那个帮我把音乐关了" (never "那个片段")
                      r"(?:那个|这个)(?=帮我|帮忙|把|请|麻烦|就是|然后|我想|我要|能不能|可不可以|能|可以)|"
                      # a message that goes on from the last one: "还有那个字幕也要加上", "对了标题再大一点"
                      r"(?:还有|对了|另外(?![一1个段首张]))[，,\s]*(?!什么|啥|哪些|哪个|别的|没有|多少|几|多长|$)|就是(?![这那它说了吗啊吧呢么的]|$)|"
                      r"请(?![问教求])(?:你|您)?(?:帮我|帮忙)?(?=\S)|(?:帮我|帮忙)(?=把|将|给|加|删|去掉|换|改|调|放|剪|导|撤|生成|静音|做|来)|"
                      # "（算了）干脆换成蓝色", "索性删了吧", "不如换成蓝色": how resolved the request is, no part of it
                      r"(?:那|那就)?(?:干脆|索性|不如|还不如|直接)(?=换|改|删|去掉|关|用|调|变|撤|把|将|给))+")
# Chinese: a particle or a thanks at the end ("…吧", "…呗", "…哈", "…，谢谢"); not "吗"/"呢" (a question) nor "好吧"
_TAIL_ZH = re.compile(r"(?<=[\u4e00-\u9fff\d%a-z）)」”』》])(?:[，,\s]*(?:谢谢(?:你|您)?(?:啦|了|哈)?|多谢|感谢|麻烦(?:你|您)?了|辛苦(?:你|您)?了|thx|thanks))?"
                      r"(?<!^好)(?<!^行)(?<!^算了)(?:吧|呗|哈|啊|呀|啦|哦)*$", re.IGNORECASE)
# English: a laugh or a reaction typed after a request or a scene ("a cat wearing sunglasses on a skateboard lol", "mute
# the dog clip haha", "a corgi on the beach lmao, 6 seconds"): at the end or before a comma, never inside quoted words
_LAUGH_EN = re.compile(r"(?<!title)(?<!text)(?<!caption)(?<!called)(?<!named)(?<!saying)(?<!says)(?<!write)\s+(?:lo+l(?:ol)*|lmf?a+o+|rofl|(?:a?ha){2,}h?|(?:he){2,}|xd+|jaja+|kek|😂)(?=\s*(?:[,.!?;]|$))",
                       re.IGNORECASE)
_LAUGH_ZH = re.compile(r"[\s，,]*(?:哈{2,}|呵{2,}|嘻{2,}|嘿{2,}|笑死(?:我了|了)?|h{3,}|lol|haha)(?=\s*(?:[，,。！!；;]|$))",
                       re.IGNORECASE)
_DICTATED = re.compile(r"[:：](?!\d)\s*[^\s'\"“「『‘《]")
# words to write or say, unquoted ("加行字 出发啦", "内容是 我们出发吧", "add the title Thanks for watching", "add a voice
# saying there he is!"): their last word may be a particle or a thanks of their own, their marks are theirs
_WORDS_TO_WRITE = re.compile(r"(?:字|标题|文字|字幕|内容|说|写|念|读|旁白|配音|口播)(?:是|为|着)?\s*[：:\s，,]|"
                             # a title renamed to words, not a style: "标题改成 好想你！" keeps its mark
                             r"(?:标题|文字)(?:的)?(?:文字|内容)?\s*(?:改成|改为|换成|写成|变成|就叫|叫做|叫)(?![^！!]*(?:色|大|小|上|下|左|右|"
                             r"中间|居中|秒|倍|%|字体|粗|细|一点|一些))[^！!]+[！!]+\s*$|"
                             r"\b(?:saying|says|say|said|reads?|narrat\w*|voice-?over)\b|"
                             r"\b(?:title|text|caption|called|named)\s+[A-Z0-9]")


# a change typed as an arrow between what is and what should be: "Urban Dreams -> Urban Nights", "标题 → 夜色"
_ARROW = re.compile(r"^(?P<old>[^\n<>→⟶=]{1,60}?)\s*(?:->|→|⟶|=>|—>|－>)\s*(?P<new>[^\n<>→⟶=]{1,60})$")
# a side of the arrow that is a request of its own: "mute the dog clip -> make the title yellow" is two requests in a row,
# never a rename (a side in title case, "Stop Motion -> Start Again", is words to show)
_OWN_REQUEST = re.compile(rf"^(?:please\s+)?(?:{EN_VERBS})\b(?=.*\s)(?!(?:\s+[A-Z]\w*)+$)|"
                          r"^(?:请|帮我|麻烦)?(?:把|加|添加|给|将|去掉|删除|删掉|导出|换|改|调|设置|让|静音|剪|裁|插入|移除|撤销|配)")


def quiet(message: str, language: str) -> str:
    """``message`` without the fillers, greetings, thanks, particles, emoji and repeated marks at its two ends."""
    text = message.strip()
    # "add a voice-over: see you soon!", "add a voice saying there he is!": the words keep their marks and their last word
    dictated = _DICTATED.search(text) is not None or (
        _WORDS_TO_WRITE.search(text) is not None and QUOTES.search(text) is None)
    if not dictated:  # "a cat on a skateboard lol", "一只柯基在海边跑 笑死": the laugh is no part of the request
        text = _unlaughed(text, _LAUGH_EN if language == "en" else _LAUGH_ZH)
    ends = rf"(?:\s*(?:{_EMOJI}|{_EMOTICON}))+$" if dictated else rf"(?:\s*(?:{_EMOJI}|{_EMOTICON}|{_MARKS}))+$"
    for _ in range(3):  # "thx 🙏", "吧～", "谢谢！！": a mark after a word after a mark
        before = text
        text = re.sub(ends, "", text).rstrip()
        if not dictated:
            text = _TAIL_EN.sub("", text) if language == "en" else _TAIL_ZH.sub("", text)
        if text == before:
            break
    text = _LEAD_EN.sub("", text) if language == "en" else _LEAD_ZH.sub("", text)
    arrow = _ARROW.match(text)
    if arrow is not None and all(_OWN_REQUEST.match(side.strip()) for side in (arrow["old"], arrow["new"])):
        text = f"{arrow['old'].strip()}, then {arrow['new']}" if language == "en" else f"{arrow['old'].strip()}，然后{arrow['new']}"
    elif arrow is not None and not re.search(r"\d", text):  # "Urban Dreams -> Urban Nights": the typed shorthand of a change, never a scene to film
        text = f"change {arrow['old']} to {arrow['new']}" if language == "en" else f"把{arrow['old']}改成{arrow['new']}"
    return text if len(re.findall(r"\w", text)) > 1 else message  # "谢啦", "ok!": the whole message is the remark


def _unlaughed(text: str, laugh: re.Pattern[str]) -> str:
    """``text`` without the laughs typed after its words, outside its quoted words."""
    if laugh.search(text) is None:  # (most messages: one search, no split at the quotes)
        return text
    kept, start = [], 0
    for quoted in QUOTES.finditer(text):
        kept += [laugh.sub("", text[start:quoted.start()]), quoted.group(0)]
        start = quoted.end()
    return "".join([*kept, laugh.sub("", text[start:])])
