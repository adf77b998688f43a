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
_LEAD_EN = re.compile(r"^(?:(?:hey|hi|hello|yo)(?: there)?(?: (?:young man|young lady|dear|love|friend|sir|madam|everyone|all))?\s*[,!]\s*|(?:hey|yo)\s+(?=\w)|(?:so\s+)?like\s*,\s*|so like\s+|"
                      r"(?:um+|uh+|er+m?|hmm+)\b\s*,?\s*|ok(?:ay)?\s*,?\s+so\s*,?\s+|(?:please|pls|plz)\s*,?\s+|"
                      r"(?:lo+l|lmf?a+o+|rofl|(?:a?ha){2,}h?|(?:he){2,})\s*[,!.]*\s+|"
                      # texting's interjections ("omg love it!! now export", "ngl the dog part is slow, ...", "wdym? i said
                      # mute the dog clip") and a polite user's greetings and apologies ("Good morning dear.", "Oh dear,",
                      # "Hello, I hope you are well.", "Excuse me,", "Thank you ever so much for your help.")
                      r"(?:omg|ngl|tbh|tbf|imo|imho|smh|bruh|wdym)\b\s*[,!.?]*\s+|"
                      r"good (?:morning|afternoon|evening|day)(?: (?:dear|there|all|everyone|again))?\s*[,.!]+\s*|"
                      r"(?:oh )?dear(?: me)?\s*[,.!]+\s*|oh my\s*[,.!]+\s*|(?:excuse|pardon) me\s*[,.!]+\s*|"
                      r"(?:i )?hope (?:you are|you're|this finds you|all is) well\s*[,.!]+\s*|"
                      r"i(?:'ve| have) been told (?:that )?you can help(?: me)?(?: with (?:my )?(?:\w+ ){0,2}?videos?)?\s*[,.!]+\s*|"
                      r"dear (?:sir|madam|sir or madam|editor|team)\s*[,.!]+\s*|(?:i do |i )?apologi[sz]e\s*[,.!]+\s*|"
                      r"(?:many )?thanks?(?: you)?(?: (?:ever so much|so much|very much|again))?(?: for (?:all )?(?:your|the) help)?\s*[.!]+\s*)+(?=\S)",
                      re.IGNORECASE)
# English: thanks and "pls" after the request ("..., thanks!", "... thx", "... pls", "... ty")
_TAIL_EN = re.compile(r"(?<=\w)(?:\s*,)?\s+(?:thanks?(?: (?:a lot|so much))?|thank (?:you|u)(?: (?:so much|very much))?|thx|ty|"
                      r"tysm|pls|plz|please|cheers)\s*$", re.IGNORECASE)
# English: a letter's sign-off after the request ("... please. Regards, Harold", "Many thanks, Margaret", "Kind regards",
# "Love, Grandma"): after a sentence's end or a comma, with the writer's name (capitalised) or none; never a scene's words
_SIGNOFF_EN = re.compile(r"(?<=[\w.!?)])\s*[.!?,]\s*(?i:(?:kind|best|warm|warmest)\s+regards|regards|many thanks|with (?:many )?thanks|"
                         r"thanks (?:again|in advance)|thank you kindly|best wishes|all the best|yours(?: truly| sincerely| faithfully)?|"
                         r"much obliged|thank you (?:so|very) much|"
                         r"sincerely|love|cheers|bless you|god bless)(?:\s*,?\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?)?\s*[.!]*$")
# English: a closing word that says the list is over ("... says Happy Birthday Leo and that's about it for now", ", that's
# all", ", nothing else yet"): no part of the request, even of dictated words
_CLOSER_EN = re.compile(r"(?i:(?:\s*[,.!]\s*|\s+and\s+)(?:(?:that'?s|that is) (?:about |pretty much |basically )?(?:it|all)"
                        r"(?: for (?:now|today))?|nothing else(?: (?:yet|for now|please))?))\s*[.!]*$")
# Chinese: a letter's signature and whom it is for, after the request ("…短片，给我孙子看的。张伯伯", "…。谢谢！——李阿姨",
# "请把音乐调小一点。多谢，老刘"): no part of a scene nor of a request
_SIGNOFF_ZH = re.compile(r"(?:[。！!]\s*(?:——|—|--)\s*(?![\u4e00-\u9fff]*[改换加删调剪放秒倍点])[\u4e00-\u9fff]{1,4}|"
                         r"[。！!]\s*(?:(?:多谢|谢谢|感谢)[，,]\s*)?(?:老|小)?[\u4e00-\u9fff]{0,2}(?:伯伯|阿姨|叔叔|奶奶|爷爷|大爷|大妈|外婆|外公)|"
                         r"[。！!]\s*(?:多谢|谢谢|感谢)[，,]\s*(?:老|小)[\u4e00-\u9fff])$")
_FOR_WHOM_ZH = re.compile(r"[，,]\s*(?:(?:这是|是)?给(?:我)?(?:的)?(?:孙子|孙女|儿子|女儿|外甥|外甥女|侄子|家里人|家人|老伴|爸妈|孩子)看的|"
                          r"我?要?(?:发给|传给|给)(?:我的?)?(?:家里人|家人|朋友们?|亲戚们?|我妈|我爸|爸妈|老伴|孩子们?)(?:看(?:看)?)?)$")
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
                      r"(?:那|那就)?(?:干脆|索性|不如|还不如|直接)(?=换|改|删|去掉|关|用|调|变|撤|把|将|给)|"
                      # "啥意思？我说的是…", "非常感谢你的帮助。现在…", "早上好！", "不好意思打扰了，": what opens a message
                      r"(?:啥|什么)意思[？?！!，,\s]+|(?:非常|十分|太)?感谢(?:你|您)(?:的帮助|的帮忙|帮忙)?[。！!，,\s]+|"
                      r"(?:早上|上午|中午|下午|晚上)好[。！!，,\s]+|现在(?=麻烦|请|帮我|把)|"
                      r"(?:小伙子|小姑娘|师傅|老师|同志|编辑)?(?:你|您)好[。！!，,\s]+|听说(?:你|您)(?:会|能)(?:帮忙)?(?:弄|做|剪|编辑)?(?:视频)?[。！!，,\s]+|"
                      r"(?:不好意思|抱歉)[，,]?(?:我)?(?:不太|不怎么|不)会(?:用|弄)(?:电脑|手机|这个)[。！!，,\s]+|(?:不好意思|抱歉)(?:打扰(?:你|您)?了|麻烦(?:你|您)了)[。！!，,\s]+)+")
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
# what styles a title rather than being its words ("标题改成红色啊", "字幕写大一点哦")
_NOT_STYLE = r"(?![^，,。]*(?:色|大|小|上面|下面|左|右|中间|居中|秒|倍|%|字体|粗|细|一点|一些|顶|底))"
_WORDS_TO_WRITE = re.compile(r"(?:字|标题|文字|字幕|内容|说|写|念|读|旁白|配音|口播)(?:是|为|着)?\s*[：:\s，,]|"
                             # a title renamed to words, not a style: "标题改成 好想你！" keeps its mark
                             r"(?:标题|文字)(?:的)?(?:文字|内容)?\s*(?:改成|改为|换成|写成|变成|就叫|叫做|叫)(?![^！!]*(?:色|大|小|上|下|左|右|"
                             r"中间|居中|秒|倍|%|字体|粗|细|一点|一些))[^！!]+[！!]+\s*$|"
                             # unquoted words ending in an exclamation's particle are the words' own: "标题改成加油呀",
                             # "加个标题冲冲冲啦", "字幕写出发咯" (a style said is no words: "标题改成红色啊"; a request's 吧 is
                             # taken off by the title's reading, "标题改成周末吧")
                             rf"(?:标题|文字|字幕)(?:的)?(?:文字|内容)?\s*(?:改成|改为|换成|写成|变成|就叫|叫做|叫|写上?)\s*{_NOT_STYLE}"
                             r"[^，,。\s]+?[呀啦啊哦咯喔哟]+\s*$|"
                             rf"(?:加|添加|来|写)(?:个|一个|一行|上)?(?:标题|字幕|文字|一行字)\s*{_NOT_STYLE}[^，,。\s]+?[呀啦啊哦咯喔哟]+\s*$|"
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
    text = _marks_said(message.strip()) if language == "en" else _ZH_MARKS_SAID.sub("，", message.strip())
    # "add a voice-over: see you soon!", "add a voice saying there he is!": the words keep their marks and their last word
    dictated = _DICTATED.search(text) is not None or (
        _WORDS_TO_WRITE.search(text) is not None and QUOTES.search(text) is None)
    if not dictated:  # "a cat on a skateboard lol", "一只柯基在海边跑 笑死": the laugh is no part of the request
        text = _unlaughed(text, _LAUGH_EN if language == "en" else _LAUGH_ZH)
    ends = rf"(?:\s*(?:{_EMOJI}|{_EMOTICON}))+$" if dictated else rf"(?:\s*(?:{_EMOJI}|{_EMOTICON}|{_MARKS}))+$"
    for _ in range(3):  # "thx 🙏", "吧～", "谢谢！！": a mark after a word after a mark
        before = text
        text = re.sub(ends, "", text).rstrip()
        if language == "en":  # a sign-off is no part of even dictated words ("narrate: good night. Love, Grandma")
            text = _CLOSER_EN.sub("", _SIGNOFF_EN.sub("", text))
        else:
            text = _FOR_WHOM_ZH.sub("", _SIGNOFF_ZH.sub("", text))
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


# punctuation dictated as words ("mute the dog clip comma make the title red period", "undo that comma i meant the city
# clip"): the marks, before anything reads the sentences (a correction, a hedge); never inside quoted words
_SAID_MARKS = ((re.compile(r"\s+comma\b\s*"), ", "), (re.compile(r"\s+(?:period|full stop|new line|new paragraph)(?=\s|$)\s*"), ". "),
               (re.compile(r"\s+question mark\b"), "?"), (re.compile(r"\s+exclamation (?:mark|point)\b"), "!"))


_ZH_MARKS_SAID = re.compile(r"(?<=[\u4e00-\u9fff])逗号(?=[\u4e00-\u9fff])")  # "撤销逗号我说的是城市那段" (quoted words hold no 逗号 read)


def _marks_said(text: str) -> str:
    """``text`` with its dictated punctuation words as marks, outside its quoted words."""
    if not re.search(r"\b(?:comma|period|full stop|new line|new paragraph|question mark|exclamation (?:mark|point))\b", text):
        return text
    kept, start = [], 0

    def marked(piece: str) -> str:
        for pattern, mark in _SAID_MARKS:
            piece = pattern.sub(mark, piece)
        return piece
    for quoted in QUOTES.finditer(text):
        kept += [marked(text[start:quoted.start()]), quoted.group(0)]
        start = quoted.end()
    return "".join([*kept, marked(text[start:])]).strip()


def _unlaughed(text: str, laugh: re.Pattern[str]) -> str:
    """``text`` without the laughs typed after its words, outside its quoted words."""
    if laugh.search(text) is None:  # (most messages: one search, no split at the quotes)
        return text
    kept, start = [], 0
    for quoted in QUOTES.finditer(text):
        kept += [laugh.sub("", text[start:quoted.start()]), quoted.group(0)]
        start = quoted.end()
    return "".join([*kept, laugh.sub("", text[start:])])
