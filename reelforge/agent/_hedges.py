"""Hedged and indirect asks read as the requests they are: "I was wondering if you could add some captions", "is there
a way to slow the dog down?", "I'd love a slow zoom out on this clip", "能不能麻烦把音乐调小一点", "要是结尾能淡出就好了".

``plain`` takes the politeness off a message before it is read (the words of the request keep the case they were
typed in): the wrapper that asks permission or says a wish ("would it be possible to", "any chance you could", "it'd be
cool to have", "如果方便的话", "想问一下", "麻烦", "是不是可以", "…会不会好点", "…就好了") is dropped, a wish said as a
condition becomes the request ("I'd appreciate it if the song didn't repeat" -> "don't repeat the song"), and "would
you mind giving me an EDL" gives one. A real question stays a question: "I was wondering which transitions you've
got" asks which transitions there are, "could you let me know what you can do?" what the editor can do.
"""

from __future__ import annotations

import re

from reelforge.agent._learner import wished_done

__all__ = ["plain"]

_NICE = r"(?:cool|great|nice|amazing|awesome|good|lovely|helpful|perfect|fantastic|ideal|better)"
# a need with no thing in it, only a mood ("the video needs something fun", "it needs more energy"): the reason for the
# request beside it, kept whole so it reads as one (never "something fun" to generate)
_MOOD = (r"(?:(?:something|some|more|a (?:bit|little|lot) of|a little|a bit|extra|a)\s+)*(?:more\s+)?"
         r"(?:fun|funny|funnier|energy|energetic|excitement|exciting|interest|interesting|life|lively|spice|punch|oomph|pop|"
         r"vibes?|drama|dramatic|magic|flair|personality|character|soul|spark|zing|zest|wow|else|different|special|cool|"
         r"cooler|better|new|fresh|pace|momentum|impact|emotion|feeling|tension)\s*(?:[,.!;?]|$)")
_REQUEST_VERBS = (r"add|make|set|change|put|use|remove|delete|cut|trim|move|swap|speed|slow|mute|unmute|generate|create|export|"
                  r"turn|fade|lower|raise|increase|decrease|replace|insert|undo|redo|give|apply|loop|shorten|keep|switch|drop|"
                  r"get rid of|render|extend|crop|lengthen|bring|take|zoom|pan|reverse|center|centre|flip|stretch|duck|animate")
_REQUEST_LED = re.compile(rf"^(?:{_REQUEST_VERBS})\b(?!.*\b(?:or|which|what|how)\b)", re.IGNORECASE)
# the sentence-opening wrappers that only ask permission or say a wish (English); what follows is the request
_ASKING_EN = re.compile(
    r"(?:i was (?:just )?wondering|i wonder|i'?m wondering)(?: if| whether)(?: you could| you can| you'?d be able to| it'?s possible to|"
    r" it (?:would|might) be possible to| i could| we could)\s+|"
    r"(?:do you think )?(?:there'?s )?any chance (?:you could|you can|to|of)\s+|do you think you could\s+|"
    r"is there (?:any|a|some) (?:way|chance)(?: to| you could| i could| we could| for you to)?\s+|"
    r"(?:is it|would it be|will it be) (?:at all )?(?:possible|ok|okay|alright|fine|doable)(?: for you)? to\s+|"
    r"would you be able to\s+|"
    # "help me make a cooking video", "can you help me add a title": the request is what follows
    r"(?:(?:could|can|would|will) (?:you|u) )?(?:please )?help me(?: to| out and| out,)?\s+(?=(?:" + _REQUEST_VERBS + r")\b)|(?:it'?d|it would|it might|it could|that'?d|that would|that might) be " + _NICE + r" to\s+|"
    r"is it too much to ask (?:for|you to)\s+|(?:please )?let me know if you (?:can|could)\s+|"
    r"(?:please )?(?:could|can|would|will) you (?:possibly|maybe|perhaps|kindly|please)\s+|"
    # "can you remove the title and the music?", "could u mute it": a request asked as a question (not "can you make
    # videos with music?", which asks what the editor can do: the thing asked about is no particular one)
    r"(?:hey\s+)?(?:could|can|would|will) (?:you|u) (?:just |pls |plz )?(?=(?:" + _REQUEST_VERBS + r")\s+(?:the|my|this|that|"
    r"it|them|these|those|a|an|some|all|every|both|each|up|down|out|in|off|me|\d)\b)|"
    r"i was (?:kind of |really )?hoping (?:you could|you can|to|we could|for)\s+|"
    r"(?:the|this|my) (?:video|clip|thing|edit) (?:really )?needs\s+(?!to\b|" + _MOOD + r")|it (?:really )?needs\s+(?!to\b|" + _MOOD + r")|"
    r"(?:i'?d|i would) (?:really |very much )?(?:like|love|want) to\s+(?!know\b|see\b|watch\b)|(?:maybe )?you could\s+",
    re.IGNORECASE)
# a wish said as a condition: "I'd appreciate it if ...", "it would be amazing if ..."
_IF_EN = re.compile(r"(?:i'?d|i would) (?:really )?(?:appreciate it|love it|like it|prefer it|be happy|be grateful) if\s+|"
                    r"(?:what|how about) if\s+|"
                    r"(?:it'?d|it would|it might|it could|that'?d|that would|that might) be " + _NICE + r" if\s+", re.IGNORECASE)
# a question asked indirectly: "could you let me know what you can do", "I'd like to know how long the video is"
_TELL_EN = re.compile(r"(?:could|can|would) you (?:please )?(?:let me know|tell me)\s+|(?:i'?d|i would) (?:like|love) to know\s+|"
                      r"i (?:want|wanted|need) to know\s+|i was (?:just )?wondering\s+(?=(?:which|what|how)\b)",
                      re.IGNORECASE)
_GERUNDS = {"giving": "give", "adding": "add", "making": "make", "taking": "take", "putting": "put", "cutting": "cut",
            "muting": "mute", "moving": "move", "removing": "remove", "changing": "change", "turning": "turn",
            "speeding": "speed", "slowing": "slow", "trimming": "trim", "deleting": "delete", "swapping": "swap",
            "exporting": "export", "fading": "fade", "zooming": "zoom", "shortening": "shorten", "setting": "set",
            "lowering": "lower", "raising": "raise", "using": "use", "dropping": "drop", "sending": "send"}
_PAST = {"faded": "fade", "stayed": "stay", "started": "start", "came": "come", "played": "play", "moved": "move",
         "went": "go", "looped": "loop", "repeated": "repeat", "zoomed": "zoom", "showed": "show", "appeared": "appear",
         "ended": "end", "lasted": "last", "panned": "pan", "slowed": "slow", "sped": "speed"}
_MIND_EN = re.compile(r"(?:would|do) you mind\s+(" + "|".join(_GERUNDS) + r")\b", re.IGNORECASE)


def plain(message: str, language: str) -> str:
    """``message`` with the hedges around its requests taken off (both languages)."""
    return _plain_zh(_unpraised(message, _PRAISE_ZH, _OWN_THING_ZH)) if language == "zh" else \
        _plain_en(_unpraised(message, _PRAISE_EN, _OWN_THING_EN))


# praise of what is there, then "but" and the request about another thing: "wow the city shot looks amazing, but the
# music is a bit loud, turn it down to 25%", "love the city shot! but can you mute the dog clip", "哇这个城市拍得好酷 不过音乐有点吵
# 调小到25%" (when what follows leaves its thing unsaid, the praise names it and stays: "钢琴挺好 就是开头两秒慢慢进来")
_PRAISE_EN = re.compile(r"^(?:(?:wow|omg|oh|ok|okay|hey|nice|haha|so|well|honestly|tbh|alright|yeah|hmm+|um+)[,!.\s]+)*(?:(?:i )?(?:really |absolutely |totally )?(?:love|like|dig)\s+"
                        r"(?:(?:the|this|that|my|how)\b[^,.!?;]{0,40}?|it(?: (?:so much|a lot))?)|"  # "love it but the song is ..."
                        r"(?:(?:that'?s|it'?s|this is|looks|sounds)\s+)?(?:so |really |super |pretty |very )?(?:amazing|great|awesome|"
                        r"cool|nice|good|perfect|beautiful|fantastic|lovely|gorgeous|stunning)|(?:the|this|that|everything)\b[^,.!?;]{0,40}?\b(?:looks?|is|sounds?|came out)\s+"
                        r"(?:so |really |super |pretty |very )?(?:amazing|great|awesome|cool|nice|good|perfect|beautiful|fantastic|lovely|"
                        r"gorgeous|sick|stunning))[,.!\s]+(?:but|though|however)[,\s]+", re.IGNORECASE)
_OWN_THING_EN = re.compile(r"^(?:can you|could you|would you|please|pls|the|my|this|that|make|turn|add|remove|mute|put|change|cut|trim|"
                           r"speed|slow|lower|raise|move|swap|use)\b", re.IGNORECASE)
_PRAISE_ZH = re.compile(r"^(?:(?:哇塞?|哇哦|嗯|哈哈+)[，,\s!！]*)?[^，,。；;把将给让请]{1,14}?(?:好酷|真酷|很酷|挺酷|太酷了|好看|真好看|挺好看|很好看|不错|"
                        r"挺好|很好|好美|真美|很美|很棒|挺棒|太棒了|绝了|好可爱|真可爱|"
                        # a creator's praise: "这个bgm绝了 就是开头太炸了", "音乐yyds 就是有点长"
                        r"太绝了|绝绝子|yyds|永远的神|爱了|好听|真好听|挺好听|很好听|太好听了|可以的|太可以了|没毛病|好评|太顶了|"
                        r"太牛了|真牛|(?:我)?(?:很|挺|超|真的|好|特别)?喜欢|(?:很|挺)?满意)"
                        # ("城市那段我很喜欢，狗那段太快了": praise, a pause and another thing is the same "but" unsaid)
                        r"(?:的|了|啊|呀|哦)*(?:[，,\s!！。]*(?:不过|但是|可是|就是|只是)[，,\s]*|[，,\s!！。]+)")
_OWN_THING_ZH = re.compile(r"^(?:把|将|给)?(?:这个|那个)?(?:音乐|配乐|背景音乐|bgm|BGM|歌|标题|字幕|文字|转场|片段|声音|原声|配音|旁白|画面|视频|"
                           r"[\u4e00-\u9fff]{1,4}?那段|第\d+(?:个)?(?:片段|段))")


def _unpraised(message: str, praise: re.Pattern[str], own: re.Pattern[str]) -> str:
    said = praise.match(message.strip())
    rest = message.strip()[said.end():] if said else ""
    if said is not None and praise is _PRAISE_ZH and not own.match(rest):
        # "这个bgm绝了 就是开头太炸了 淡入一下": the thing praised is what the rest is about; said with it, the praise goes
        thing = own.match(re.sub(r"^(?:(?:哇塞?|哇哦|嗯|哈哈+)[，,\s!！]*)?(?:这个|那个|这首|那首|这段|那段)?", "", said.group(0)))
        if thing is not None and re.match(r"(?:的)?(?:开头|结尾|前面|后面|中间|最后|声音|音量|节奏|速度|颜色|字体|位置|有点|太|稍微)", rest):
            return thing.group(0).removeprefix("把").removeprefix("将").removeprefix("给") + rest
    if said is None or not own.match(rest) or re.match(r"^\w+ (?:it|them|that)\b|^(?:把|给)?它", rest, re.IGNORECASE):
        return message  # ("the music sounds great but make it quieter": the praise names what "it" is)
    return rest


def _plain_en(message: str) -> str:
    sentences = re.split(r"(?<=[.!?;])\s+", message.strip())
    return " ".join(_sentence_en(sentence) for sentence in sentences)


# said before or after the request, asking nothing: "if possible, add a title", "export for youtube when you get a chance"
_OPEN_EN = re.compile(r"^(?:if (?:possible|you can|you could|that'?s (?:ok|okay|possible|alright)|you don'?t mind|it'?s not too much "
                      r"(?:trouble|hassle))|when(?:ever)? you (?:get a chance|can|have a (?:sec|second|minute|moment))|"
                      r"no rush|no pressure)\s*,\s*", re.IGNORECASE)
_CLOSE_EN = re.compile(r",?\s+(?:if (?:possible|you can|you could|that'?s (?:ok|okay|possible|alright)|you don'?t mind)|"
                       r"when(?:ever)? you (?:get a chance|can)|(?:please|pls|thanks|thank you|thx)(?: so much)?)(?=[?.!]*$)",
                       re.IGNORECASE)


def _sentence_en(sentence: str) -> str:
    sentence = _CLOSE_EN.sub("", _OPEN_EN.sub("", sentence))
    told = _TELL_EN.match(sentence)
    if told is not None:  # a question asked indirectly stays a question, in its plain order
        return _question_order(sentence[told.end():])
    mind = _MIND_EN.match(sentence)
    if mind is not None:  # "would you mind giving me an EDL?"
        return _GERUNDS[mind.group(1).lower()] + sentence[mind.end():]
    wish = _IF_EN.match(sentence)
    if wish is not None:
        return _condition(sentence[wish.end():])
    asking = _ASKING_EN.match(sentence)
    if asking is not None:
        sentence = sentence[asking.end():]
        # "is there any way to get a slow zoom out on the dog clip", "... to have the title at the bottom"
        sentence = re.sub(r"^(?:get|have|make)\s+(?:a|an) (?:version|copy|cut|export)\s+(?=for\b)", "export ", sentence,
                          flags=re.IGNORECASE)  # "is it possible to get a version for tiktok?"
        # "is it possible to get a webm", "... to have an mp3 of it": a file of the video, never something added to it
        sentence = re.sub(r"^(?:get|have)\s+(?=(?:a|an) (?:mp4|mov|webm|gif|mp3|wav)\b)", "export ", sentence, flags=re.IGNORECASE)
        sentence = re.sub(r"^(?:(?:get|have)\s+)?(?=(?:a|an|some|captions|subtitles|music)\b)", "add ", sentence,
                          flags=re.IGNORECASE)
    # "I'd like the title removed", "what i want is the photo added at the end": the request (``_learner.wished_done``)
    sentence = wished_done(sentence)
    # "I'd love a slow zoom out on this clip", "I'd really like a 6 second clip of ...": something to add
    sentence = re.sub(r"^(?:i'?d|i would) (?:really |very much )?(?:like|love)\s+(?=(?:a|an|some)\b)", "add ", sentence,
                      flags=re.IGNORECASE)
    # "I'd like the music to drop automatically ...": have it do that
    sentence = re.sub(r"^(?:i'?d|i would) (?:really )?(?:like|love|want|prefer)\s+((?:the|my|this|that) [\w' -]+?) to\s+",
                      r"have \1 ", sentence, flags=re.IGNORECASE)
    # "I was thinking the dog clip could go before the city one?", "could the city clip maybe tilt up a bit?"
    sentence = re.sub(r"^(?:i was thinking|i think|maybe)(?: that)?\s+((?:the|my) [\w' -]+?) (?:could|should|can|might) go\s+"
                      r"(?=before|after|first|last|at\b)", r"put \1 ", sentence, flags=re.IGNORECASE)
    sentence = re.sub(r"^(?:could|can|would) ((?:the|this|that|my) [\w' -]+?) (?:maybe|possibly|perhaps) (?!be\b)", r"make \1 ",
                      sentence, flags=re.IGNORECASE)
    # "remove the music and the title also?": a request typed with a question mark is the request (its sentence still
    # ends there: "can you mute the dog clip? also the title should be at the top" is two requests)
    return re.sub(r"\?+$", ".", sentence) if _REQUEST_LED.match(sentence) else sentence


def _condition(wish: str) -> str:
    """"the song didn't repeat" -> "don't repeat the song", "the title was red" -> "make the title red", "the dog had
    some words on it" -> "give the dog some words on it"."""
    negated = re.match(r"^((?:the|my|this|that) [\w' -]+?) (?:didn'?t|did not|wouldn'?t|would not|doesn'?t|does not) (\w+)(.*)$",
                       wish, re.IGNORECASE)
    if negated:
        return f"don't {negated.group(2)} {negated.group(1)}{negated.group(3)}"
    said = re.match(r"^((?:the|my|this|that) [\w' -]+?) (?:was|were|could be|would be|is|were to be) (.+)$", wish, re.IGNORECASE)
    if said:
        return f"make {said.group(1)} {said.group(2)}"
    had = re.match(r"^((?:the|my|this|that) [\w' -]+?) (?:had|could have|would have) (.+)$", wish, re.IGNORECASE)
    if had and re.search(r"\bon it\b", had.group(2)):  # "the dog had some words on it": words on the dog
        return "add " + re.sub(r"\bon it\b", "on " + had.group(1), had.group(2), count=1)
    if had:
        return f"give {had.group(1)} {had.group(2)}"
    past = re.match(r"^((?:the|my|this|that) [\w' -]+?) (" + "|".join(_PAST) + r")\b(.*)$", wish, re.IGNORECASE)
    if past:  # "the music faded out slowly at the end"
        return f"have {past.group(1)} {_PAST[past.group(2).lower()]}{past.group(3)}"
    could = re.match(r"^((?:the|my|this|that) [\w' -]+?) (?:could|would) (.+)$", wish, re.IGNORECASE)
    if could:
        return f"have {could.group(1)} {could.group(2)}"
    return re.sub(r"^you (?:could|would)\s+", "", wish, flags=re.IGNORECASE)


def _question_order(question: str) -> str:
    """An embedded question in a direct one's order: "what you can do" -> "what can you do", "how long the video is
    now" -> "how long is the video now", "which transitions you've got" -> "which transitions can you do"."""
    question = re.sub(r"^(what|which)\s+((?:[\w-]+\s+){0,3}?)(?:you'?ve got|you have|you got|you offer|you support|"
                      r"there are|are there|are available|i can use|you can do)\b", r"\1 \2can you do", question,
                      flags=re.IGNORECASE)
    question = re.sub(r"^what you can do\b", "what can you do", question, flags=re.IGNORECASE)
    return re.sub(r"^how (long|big|loud) ((?:the|my|this) [\w -]+?|it) is\b", r"how \1 is \2", question, flags=re.IGNORECASE)


# the Chinese wrappers: "如果方便的话，", "可以的话", "想问一下，", "请问", "麻烦(你)(帮我)", "我想试试能不能", "是不是可以"
_OPEN_ZH = re.compile(r"^(?:(?:如果|要是)?(?:方便|可以|行)的话[，,\s]*|想问(?:一)?下[，,\s]*|问一下[，,\s]*|请问[，,\s]*|"
                      r"麻烦(?:你|您)?(?:了)?[，,\s]*|不知道|(?:想)?请教(?:一)?下[，,\s]*|想请(?:你|您)(?:帮我|帮忙)?|请(?:你|您)(?:帮我|帮忙)|(?:你|您)(?=能|可以|把)|我是新手[，,\s]*|(?:我)?(?:想)?(?:请(?:你|您)?)?帮(?:个|一个)?忙(?:[，,\s]+|$)|(?:我)?(?:不太会|不怎么会|不会|不太懂|不懂)(?:用|弄|操作)?(?:[，,\s]+|$)|(?:我)?(?:是)?(?:刚|第(?:一|1)次)(?:开始)?(?:用|使用)(?:这个|你们?)?(?:软件|工具|app)?(?:[，,\s]+|$)|[\u4e00-\u9fff]{0,2}(?:您好|你好)[，,\s]*|(?:谢谢|多谢|感谢)(?:你|您)?(?:啦|了)?[!！~～]*$|(?:我)?想试试(?:看)?(?:能不能|可不可以|看)?|(?:我|我们)?(?:很|真的?|特别|还是|比较)?希望(?:你|您)?(?:能|可以)?(?:帮我)?(?=\S)|不好意思[，,\s]*|打扰一下[，,\s]*)+")
_DOING_ZH = r"(?=把|给|将|加|去|删|用|换|改|调|放|让|再|在|剪|做|弄|淡|静|变|从|关|开|移|挪|缩|慢|快|短|长)(?!做(?:些|点)?(?:什么|啥))"
_MAY_ZH = re.compile(r"(?:是不是|是否|能不能|可不可以|能否|可否)(?:可以|能)?(?:帮我|帮忙)?" + _DOING_ZH +
                     r"|(?:你)?(?:能|可以)(?:帮我|帮忙)" + _DOING_ZH)
_CAN_ZH = re.compile(r"(?<![功可才智性技本体动])(?:能|可以)" + _DOING_ZH)
# "…会不会好点", "…是不是更好", "…就好了": a wish after what is wished for
_WISH_END_ZH = re.compile(r"(?:会不会|是不是|可能会?|应该会?|会)(?:好一?点|更好|比较好|好些)(?:吧|吗|呢|啊)?[？?]?$|"
                          r"(?:就|那就)(?:好了|更好了|好啦|太好了)[。！!]?$|[，,]?\s*(?:可以吗|行吗|好吗|行不行|可不可以|好不好)[？?]?$")
_WISH_OPEN_ZH = re.compile(r"^(?:要是|如果|假如)")
# a vague ask after a wish that already says what to do: "我觉得竖屏会好一点，能帮我改一下吗"
_VAGUE_ZH = re.compile(r"^(?:能|可以)?(?:帮我|帮忙)?(?:改|弄|调|换|处理)(?:一下)?(?:吗|吧|呢)?[？?]?$")


# "我觉得没有转场挺好的", "没有标题更好": a wish for the thing gone
_WITHOUT_ZH = re.compile(r"^(?:我觉得|我感觉|感觉|我看|还是)?(?:没有|不要|不加|去掉)([\u4e00-\u9fff]{1,6}?)(?:的话)?"
                         r"(?:挺好|比较好|更好|好一点|好些|也行|也可以|就行|也挺好|会更好)(?:的|了)?(?:吧|啊)?$")
# an ask that only names what to change, before the piece that says how: "您能把标题改一下颜色吗，改成黄色"
_ONLY_WHAT_ZH = re.compile(r"^(?:把|给)?(标题|字幕|文字|背景音乐|音乐|配乐|转场|背景|[\u4e00-\u9fff]{1,4}?那段|第\d+(?:个)?(?:片段|段))"
                           r"(?:的)?(?:改|换|调|动)(?:一下)?(?:的)?(?:颜色|位置|大小|音量|速度|样式|文字)?(?:吗|吧|呢)?[？?]?$")


def _plain_zh(message: str) -> str:
    pieces = [p for p in re.split(r"([，,。！!？?；;])", message.strip())]
    out: list[str] = []
    wished = False
    for piece in pieces:
        if re.fullmatch(r"[，,。！!？?；;]", piece):
            out.append(piece)
            continue
        plain = _OPEN_ZH.sub("", _MAY_ZH.sub("", _OPEN_ZH.sub("", piece)))
        without = _WITHOUT_ZH.match(plain)
        if without is not None:
            plain = piece = f"不要{without.group(1)}"
        if piece and not plain:  # "不好意思，", "老师您好，我是新手，想请教一下，": politeness only
            continue

        ends = _WISH_END_ZH.search(plain)
        if (wished and _VAGUE_ZH.match(plain)) or (out and ends is not None and ends.start() == 0):
            if out and re.fullmatch(r"[，,]", out[-1]):  # "…，可以吗", "…，能帮我改一下吗": the ask said already
                out.pop()
            continue
        if ends is not None and ends.start() > 0:
            plain = plain[:ends.start()]
            plain = re.sub(r"^(?:我觉得|我看|感觉|我想)", "", plain)
            plain = re.sub(r"(?:(?:发出来|做出来|看起来)(?:的)?(?:效果)?|(?:的)?效果)$", "", plain)  # ("变成竖的好吗" keeps 的)
            wished = True
        if ends is not None or re.search(r"[吗呢][？?]?$", plain):  # a wish or a question: "要是结尾能淡出就好了"
            plain = _CAN_ZH.sub("", _WISH_OPEN_ZH.sub("", plain))
        plain = re.sub(r"(?<=[加开])一下(?=[\u4e00-\u9fff])", "", plain)  # "加一下字幕"
        out.append(plain or piece)
    for index in range(len(out) - 2):
        only = _ONLY_WHAT_ZH.match(out[index])
        if only and re.fullmatch(r"[，,]", out[index + 1]) and re.match(r"^(?:改成|换成|调到|调成|改为|放到|放在)", out[index + 2]):
            out[index], out[index + 1], out[index + 2] = "", "", only.group(1) + out[index + 2]
    plain = re.sub(r"^[，,\s]+|(?<=[，,])[，,]+|[，,\s]+$", "", "".join(out))
    return plain if re.search(r"\w", plain) else message  # "谢谢！" alone is the thanks
