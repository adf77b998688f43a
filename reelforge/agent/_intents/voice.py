"""Voice-over, captions and scripts: "add a voice-over saying ...", "narrate: ...", "use a male voice",
"speak slower", "remove the voice", "add subtitles", "make the captions bigger", "word-by-word captions",
"export the subtitles", "make a video from this script: ..."; 加配音：……, 换成女声, 说慢一点, 去掉配音,
加字幕, 字幕放大, 字幕换成黄色, 去掉字幕, 导出字幕, 用这段文案做一个视频：…….

A script or a narration's words run over several sentences, so ``handle_message`` reads the whole
message before it is split into clauses; ``handle`` takes the clauses about the voice or the captions
(asked before the title and export handlers, which would read "captions" as a title and "export the
subtitles" as a video export).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reelforge.agent._intents._words import ADD, REMOVE, aspect_of, color_of, position_of
from reelforge.agent._numbers import find_durations, normalize
from reelforge.agent._reading import PLACE_ASKED, read_clause
from reelforge.agent._refs import MISSING, clip_refs, mentions_it, moment_of
from reelforge.agent._state import Focus, PlanState
from reelforge.agent._text import Clause, ask, split_clauses
from reelforge.agent._wording import voice as voice_words
from reelforge.agent.actions import (
    Action,
    CaptionSpeechAction,
    EditAction,
    ScriptAction,
    SubtitlesAction,
    Unknown,
    VoiceAction,
    VoiceChangeAction,
)
from reelforge.draft import VIDEO
from reelforge.draft.edits import RemoveVoice, SetCaptions

__all__ = ["Whole", "handle", "read_script", "read_whole"]

_QUOTED = re.compile(r"""^\s*["'“‘「『](.+)["'”’」』]\s*$""", re.S)
_SCRIPT_EN = re.compile(
    r"^\s*(?:please\s+)?(?:make|create|turn|generate|produce|build|do)\s+(?:me\s+)?(?:a\s+|an\s+)?(?P<head>[\w\s-]*?)"
    r"(?:video|short|clip|reel)s?\s+(?:from|out of|of|with|for|using|based on)\s+(?:this|the|my|a|following)\s+"
    r"(?:script|text|story|copy|narration)(?P<head2>[^:：\n]{0,40}?)\s*[:：]\s*(?P<body>.+)$", re.I | re.S)
_SCRIPT_EN_TURN = re.compile(r"^\s*(?:please\s+)?turn\s+this\s+(?:script|text|story)\s+into\s+(?:a\s+)?"
                             r"(?P<head>[\w\s-]*?)video\s*[:：]\s*(?P<body>.+)$", re.I | re.S)
_SCRIPT_ZH = re.compile(
    r"^\s*(?:请)?(?:帮我)?(?:(?:用|拿)(?P<head0>我的(?:照片|图片|视频|片段|素材)(?:(?:和|跟|加|[+＋、])(?:我的)?(?:照片|图片|视频|片段|素材))?"
    r"(?:和|加上|配上)?))?"
    r"(?:用|把|根据|拿|将)?(?:这段|下面的|以下|这篇|这个)?(?:文案|脚本|文字|稿子|故事|旁白)(?P<head>.{0,8}?)"
    r"(?:做|生成|制作|做成|变成|剪成|剪)(?:一个|一条|个|条)?(?P<head2>.{0,6}?)(?:视频|短视频|短片)"
    # "用这个文案做视频，竖屏：…": the shape said after a comma, before the words
    r"(?:\s*[，,]\s*(?P<head3>(?:要|用|做成)?(?:竖屏|横屏|方形|竖版|横版|竖的|横的|方的)(?:的)?))?\s*[:：，,]?\s*(?P<body>.+)$",
    re.S)
# the script is an uploaded text file: "make a video from my script", "用我上传的文案做视频"
_SCRIPT_FILE_EN = re.compile(
    r"^\s*(?:please\s+)?(?:make|create|turn|generate|produce|build)\s+(?:me\s+)?(?:a\s+|an\s+)?(?P<head>[\w\s-]*?)"
    r"(?:video|short|clip|reel)s?\s+(?:from|out of|of|with|using|based on)\s+(?:my|the)\s+(?:uploaded\s+)?"
    r"(?:script|text|story|text file|txt|\.txt|script file|copy)(?:\s+(?:file|i uploaded))?\s*[.!]?\s*$", re.I)
_SCRIPT_FILE_ZH = re.compile(
    r"^\s*(?:请)?(?:帮我)?(?:用|把|根据|拿|将)(?:我)?(?:上传的|的)(?:文案|脚本|文字|文本|稿子|故事|文件)(?P<head>.{0,8}?)"
    r"(?:做|生成|制作|做成|变成|剪成)(?:一个|一条|个|条)?(?P<head2>.{0,6}?)(?:视频|短视频|短片)\s*[。！!]?\s*$")
# "narrate slower", "say it again louder": a change to how the narration is spoken, not words to speak
_HOW = r"(?!\s*(?:it|this|that|them)?\s*(?:a bit |a little |more |much |again )*(?:slow|fast|quick|loud|quiet|soft|again|" \
       r"in an? |with an? |like)\w*)"
# what may be said of a voice before its gender: "in a british male voice", "an old man's voice"
_ATTRS = r"(?:(?:british|american|english|us|uk|old|older|elderly|young|younger|deep|australian|indian|irish|scottish)\s+)*"
_NARRATE_EN = re.compile(
    # words that only open a dictated message: "ok so now a voiceover saying ...", "alright narrate: ..."
    r"\s*(?:(?:ok(?:ay)?|so|now|alright|right|hmm+|and|also|then|next|well|yeah|oh|um+|hey|hi|hello|ok next thing)\b[,\s]+)*"
    # when, said first: "at 5 sec a man's voice saying ..."
    r"(?P<pre>(?:(?:at|from|starting at)\s+\d+(?:\.\d+)?\s*(?:seconds?|secs?|s)|(?:in|at|on) (?:the )?second \d+(?:\.\d+)?)\b[,\s]+)?"
    r"(?:please\s+)?(?:(?:can|could|would) (?:you|u)\s+)?(?:"
    r"(?:add|put|record|make|create|give it|i need|i want|i'd like|i would like|use|include)\s+(?:a\s+|an\s+|some\s+)?"
    r"(?P<head>[\w\s'-]*?)(?:voice[- ]?over|narration|voice|narrator|vo\b)"
    # how and when it is spoken, between its noun and its words: "in a man's voice", "at 10 seconds"
    r"(?P<spec>\s+(?:in|with|using|by|at|from|starting at|after|when|over|on|of|to|for)\s+[^:：]{1,40}?|"
    # or after a comma, before the words: "add a narration, female: ...", "voiceover, male voice, '...'"
    rf",\s*(?:an?\s+)?{_ATTRS}(?:wom[ae]n|m[ae]n|girl|boy|guy|bloke|chap|lad(?:y|ie)?|lass|female|male)'?s?(?:\s+voice)?,?(?=\s*[:：\"“‘「『']))?"
    # a learner's "a narrator that read: ...", "a voice of man that say '...'"
    r"\s*(?:saying|(?:that|who|which) (?:says?|reads?|tells?)|reading|to say|(?:says?|reads?)(?=\s*[\"“「『'])|:|：|(?=[\"“「『]|'(?!s\b)))|"
    # a voice-over's words led by its noun and a colon: "voice over: hello everyone", "narration in a man's voice: ..."
    r"(?:(?:a|an|some|the)\s+)?(?:voice[- ]?over|narration|narrator|vo\b|v/o\b|voice(?=\s+(?:at|from|starting at|over|during)\s))(?P<spec2>\s+(?:in|with|using|by|at|from|starting at|over|on|during|to|for)\s+(?:[^:：]|(?<=\d):(?=\d)){1,40}?|"
    rf",\s*(?:an?\s+)?{_ATTRS}(?:wom[ae]n|m[ae]n|girl|boy|guy|bloke|chap|lad(?:y|ie)?|lass|female|male)'?s?(?:\s+voice)?,?(?=\s*[:：\"“‘「『']))?"
    r"\s*(?:(?<!\d)[:：]|[:：](?!\d)|-\s|saying|that says|(?<=,)(?=\s*[\"“‘「『']))|(?:voice[- ]?over|narration|narrator)\s+(?=[\"'“‘「『])|"
    # "a woman's voice saying ...", "voice of woman say '...'"
    r"(?:(?:have|get|let|use|i want|i'd like|i need)\s+)?(?:a\s+)?(?P<head2>(?:wom[ae]n|m[ae]n|girl|boy|guy|bloke|chap|lad(?:y|ie)?|lass|female|male)'?s?\s+voice|voice of (?:a\s+)?(?:wom[ae]n|m[ae]n|girl|boy|guy|bloke|chap|lad(?:y|ie)?|lass))"
    r"\s*(?:(?:that |who )?(?:saying|says|say)|(?:to )?say|narrating|reading|:)|"
    # "I want someone to say '...'", "have a narrator read: ..."
    r"(?:(?:i want|i'd like|i need|have|get|let|can|could)\s+)?(?P<who_en>someone|somebody|a person|a narrator|the narrator|a voice|"
    rf"an? {_ATTRS}(?:wom[ae]n|m[ae]n|girl|boy|guy|bloke|chap|lad(?:y|ie)?|lass))\s+(?:to\s+|should\s+|will\s+|can\s+|could\s+|must\s+)?(?:says?|reads?|narrates?)(?:\s+out)?(?:\s+(?:this|that|the following))?(?=\s*[:：\"'“‘「『])|"
    # asked of someone outright, the words unquoted: "have someone say here's Max"
    rf"(?:i want|i'd like|i need|have|get|let)\s+(?:someone|somebody|a person|a narrator|the narrator|a voice)\s+"
    rf"(?:to\s+)?(?:say|read)(?:\s+out)?{_HOW}(?=\s+\w)|"
    r"(?:narrate|say|read|speak)(?:\s+(?:this|the following|these words|it|that|out|aloud|out loud))*"
    # the voice said before the words: "narrate in a british male voice: Good evening.", "narrate this in a woman's voice '...'"
    rf"(?:\s+(?P<over3>(?:over|on|during) (?:the|this|my) (?:[\w-]+ ){{0,3}}?(?:video|clip|thing|footage|part|bit|shot|section)))?(?P<spec3>\s+(?:in|with|using)\s+(?:(?:an?|the|my)\s+)?{_ATTRS}"
    r"(?:wom[ae]n|m[ae]n|girl|boy|guy|bloke|chap|lad(?:y|ie)?|lass|female|male)'?s?\s+voice)?(?=\s*[:：]|(?<=voice)\s*[\"“‘「『'])|"
    rf"(?:narrate|say){_HOW})"
    r"\s*[:：,]?\s*(?P<body>.+)$", re.I | re.S)
_ZH_AT = r"(?:等|过)?(?:从|在)?第?[\d零一二两三四五六七八九十百.]+秒(?:后|以后|之后)?(?:再)?(?:开始|处|的时候|时)?"  # ("等两秒再开始念：…")
_NARRATE_ZH = re.compile(
    rf"\s*(?:最后|然后|再|接着|另外|还有)?(?:请|麻烦|让|叫)?(?:能不能|可不可以|能|可以)?(?:帮我)?(?:我)?(?P<pre>{_ZH_AT})?"
    # "视频最后加一段旁白：…", "开头加一句旁白：…", "片尾配一段旁白：…": the end or the start of the video said first
    rf"(?P<where>(?:在)?(?:视频|片子|整个视频)?(?:的)?(?:最后|结尾|末尾|片尾|最末|(?P<opening>开头|片头|最开始|一开始|最前面))"
    rf"(?:的时候|那里|处|面)?[，,\s]*(?:再)?)?(?P<on>(?:给|在)(?:视频|它|这个视频|这段|这个片段|[^，,：:\s]{{1,6}}?(?:这段|那段|片段))|[^，,：:\s]{{1,6}}?(?:这段|那段))?"
    # "用温柔的女声…", "找个女生的声音…": the voice, with how it sounds, said before what it reads
    r"(?P<pre2>(?:用|换成|换|改成|改用|找个|找一个|让|请|(?:我)?(?:想要|要|来)(?:一个|个|1个))?(?:[\u4e00-\u9fff]{1,3}的)?(?:男声|女声|男生|女生|男的|女的|男性|女性)(?:的声音|声音)?(?:来)?)?"
    r"(?:(?:加|添加|加上|配上|加一段|加个|来一段|来段|来个|配|需要|想要|要|换成|改成|来(?=一句|1句|句))(?:一段|1段|个|段|一句|1句|句)?(?P<head>.{0,4}?)"
    # ("口播来一句：欢迎来到我的频道", "来句旁白：晚安": a line asked with 来一句)
    r"(?:配音|旁白|解说|画外音|口播|开场白|voice[- ]?over|narration)(?:吗|呢)?(?:说|念|读|内容是|是)?|(?:配音|旁白|解说|画外音|口播|voice[- ]?over|narration)(?:加上|加一下|也加上|(?:再)?来(?:一|1)?句)?(?:说|念|读|内容)?|配(?:个|一段|1段|段)音|配(?:一段|1段|一句|1句|段|句)|来(?:一句|1句)(?=\s*[:：])|(?<=开始)(?:念|读|说)(?=\s*[:：])|"
    # "用女声把这句读出来：…", "女生的声音念一下这段话：…": the voice said, then a verb of reading before the words
    r"(?:(?<=声音)|(?<=[男女]声)|(?<=[男女]生)|(?<=[男女]的)|(?<=[男女]性))(?:把|给我把)?(?:这句话?|这段话?|这几句话?|这些话|下面的话|下面这句话?|下面这段话?|以下内容)?"
    r"(?:念|读|说|讲)(?:出来|一下|一遍|一句|1句|一段|1段)?(?:这句话?|这段话?|这几句话?|下面的话|下面这句话?|下面这段话?|以下内容)?(?=\s*[:：「『“])|"
    # dictated, the words after a pause: "用女声念一下 今天天气真好", "女声读一遍 欢迎回家"
    r"(?:(?<=声音)|(?<=[男女]声)|(?<=[男女]生)|(?<=[男女]的)|(?<=[男女]性))(?:念|读|说|讲)(?=(?:一下|一遍|一句|1句)?\s+[^\s得的太很有点慢快])|"
    # "给狗那段配个男声：它叫豆豆": the voice named, then its words
    r"(?:配|加|来)(?:个|一个|1个|段|一段|1段|一句|1句|句)?(?P<head3>男声|女声|男生|女生|男的|女的)(?:的)?(?:声音)?(?:说|念|读)?(?=\s*[:：])|"
    # "最后加一句话，男声，说：谢谢大家": a line to be said
    r"(?:加|添加|加上|来)(?:一句|1句)话(?=[，,\s]*(?:(?:用|要)?(?:男声|女声|男生|女生|男的|女的)(?:的声音|声音)?[，,\s]*)?(?:说|念|读))|(?P<who>找个人|找人|让人|请人|(?:找|让|请)(?:个|一个|1个)?(?:女生|男生|女的|男的|女孩|男孩|小姐姐|小哥哥))来?(?:念|读|说)(?:一句|1句|一段|1段|一下)?|"
    # "帮我念一句「下次见」" (HK "幫我讀一句"): a line read out is a narration
    r"(?:念|读)(?:一句|1句))"
    # "旁白放在狗那段开始的时候：…": where it starts
    # ("加个旁白 从狗出来的时候开始：…": said after a pause, from a moment)
    r"(?:[，,\s]\s*)?(?P<place>(?:放在|在|从)[^：:，,]{1,16}?(?:开始的时候|开始时|开头|的时候|时)(?:开始)?|(?:从|在)第?[\d零一二两三四五六七八九十百.]+秒(?:开始|处|的时候|时)?|"
    r"第[\d零一二两三四五六七八九十百.]+秒(?:开始|的时候|时))?"
    # "加段旁白，用男声，内容是：…", "配音用男声说：…": the voice said between the noun and the words
    r"(?P<spec>(?:[，,\s]\s*(?:用|要|换成)?|用|要)(?:男声|女声|男生|女生|男的|女的|男性|女性|男人|女人)(?:的声音|声音|来读|来念)?)?"
    # the words after a colon, or after a verb of saying with none ("加个旁白就说欢迎……", "男声旁白 内容是 ……")
    r"(?:(?:一下|一句|1句)?\s*[:：，,]\s*(?:说|讲|念|读|内容是)?[:：]?|\s*(?:就|就是)?(?:说|讲|念|读|内容(?:是)?)\s*[:：]?\s*|"
    r"(?:(?<=说)|(?<=讲)|(?<=念)|(?<=读)|(?<=内容是))(?:(?:一下|一遍|一句|1句)(?=\s))?\s*|(?:(?<=念一句)|(?<=读一句)|(?<=念1句)|(?<=读1句))\s+|\s*(?=[「『“\"‘']))(?![得的太很有点慢快]|一下|一句)"
    # "解说不要了", "解说去掉": the voice-over taken away, never words to speak ("说不要放弃" stays words)
    r"(?!\s*(?:不要|不用|去掉|删掉?|拿掉|关掉|取消|撤掉)了?(?:吧|啊|呀)?[。！!]*$)(?P<body>.+)$", re.S)
# where a narration's words may start: the message's start, or after a clause ("remove the title, then narrate: ...")
_CLAUSE_START = re.compile(r"[,，;；.。!！?？]\s*|\b(?:and then|then|and|also)\s+|然后|接着|再|"
                           r"\b(?=(?:have|get|let) (?:someone|somebody|a narrator|the narrator|a voice) )|"  # "when X, have someone say"
                           # "when the dog shows up have a woman say '...'", "... make a man say ...", "... a woman says ...": no comma
                           rf"(?<=\s)(?=(?:(?:have|get|let|make)\s+)?an?\s+{_ATTRS}(?:wom[ae]n|m[ae]n|girl|boy|guy|bloke|chap|lad(?:y|ie)?|lass)\s+(?:says?|read|to say)\b)|"
                           r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])|"  # dictated Chinese: "嗯 音乐关掉 加个旁白：……"
                           r"(?<=的时候)|(?<=时候，)")  # "狗那段开始的时候加个口播：……": a moment first
# an instruction after the words: "..., then turn on captions", "... and have the narrator speak slower", "。然后加字幕"
_WORDS_END = re.compile(
    r"(?:,\s*|\s+)(?:and\s+)?(?:then\s+|also\s+)?(?:please\s+)?(?:turn on|add|enable|show|make|use|put|remove|export|"
    r"have|give it|set)\s+(?:[\w'-]+\s+){0,3}?(?:captions?|subtitles?|subs|music|title|text|narrator|voice|narration|"
    r"transition|fade)\b.*$|"
    r"[，,。；;！!]\s*(?:然后|再|并且|同时|顺便)?(?:加上?|打开|开启|配上|显示|去掉|删掉|把|换成?|用)[^，,。；;]{0,10}?"
    r"(?:字幕|音乐|标题|配乐|转场|语速|声音)[^。]*$|"
    # "。然后音乐调小点", "。然后captions开起来": an object first, then what to do with it
    r"[，,。；;！!]\s*(?:然后|再|并且|同时|顺便)(?:把)?(?:字幕|背景音乐|音乐|标题|配乐|转场|captions?|subtitles?|bgm|music)[^。]*$|"
    # "... saying this is my city and a caption for it", "…说 欢迎来到上海 并且加上字幕": its captions, asked without a verb
    # or after a pause (never words to speak)
    r"\s+and\s+(?:(?:a|some|the)\s+)?(?:captions?|subtitles?|subs)(?:\s+(?:for|of|under|on|with)\s+(?:it|that|this|them|the \w+))?"
    r"(?:\s+(?:too|as well|please|pls))*\s*$|"
    r"\s+(?:并且|然后|再|同时|顺便|并)(?:加上?|打开|开启|配上|显示)[^，,。；;\s]{0,6}?字幕[^。]*$", re.I | re.S)


_SPOKEN_AT = re.compile(r"(?i)\s*(?:(?:at|from|starting at|after)\s+(?:the (?:very )?(?:start|beginning)|(\d+(?:\.\d+)?)\s*"
                        r"(?:seconds?|secs?|s))|(?:(?:starting|from)\s+)?(?:in|at|on) (?:the )?second (\d+(?:\.\d+)?))\b[\s.!,]*")
_LEADING_QUOTE = re.compile(r"""(?:"([^"]+)"|“([^”]+)”|「([^」]+)」|『([^』]+)』|‘([^’]+)’|'((?:[^']|'(?=\w))+)'(?!\w))\s*(.*)$""",
                            re.S)


# cheap checks before the patterns: a script needs its noun, a colon or a question mark; a narration its words
_MAY_BE_SCRIPT = re.compile(r"[:：?？]|script|story|text|copy|txt|文案|脚本|文字|文本|稿子|故事|文件", re.I)
_MAY_BE_NARRATION = re.compile(r"voice|narrat|\bv/?o\b|say|read|speak|配|旁白|开场白|解说|画外音|口播|念|读|说(?:一下|一句|1句|一段|1段)?\s*[:：「“]|[男女](?:声|生)\s*[:：]|来(?:一|1)?句|[男女](?:声|生|的)(?:的声音|声音)?(?:说|讲)", re.I)


@dataclass(frozen=True)
class Whole:
    """A request that spans sentences (a script, a narration's words): its actions, and the message's words before
    and after it, read as clauses on either side."""

    actions: list[Action]
    before: str = ""
    after: str = ""


# any other way of asking for a video from a script said before a colon, the script after it: "here's my script,
# make a video out of it: ...", "make a video with my photos from this script: ...", "这是我的文案，帮我做成视频：……"
# the colon after the request, not one inside a ratio ("make a 16:9 video: ...")
_SCRIPT_HEAD = re.compile(r"^(?P<head>(?:[^:：?？\n]|(?<=\d):(?=\d)){2,120}?)\s*(?:[:：](?!\d)|[?？])\s*(?P<body>.+)$", re.S)
# the request said after the script instead of before it: "文案：……。 帮我做成视频", "script: ... make it into a video"
_SCRIPT_TAIL = re.compile(r"(?<=[。.!！?？\s])\s*(?:(?:请|麻烦)?(?:帮我|给我)?(?:把(?:它|这段|这些|这个))?(?:做成|生成|变成|剪成|做)"
                          r"(?:一个|一条|个|条)?(?P<zh>竖屏|横屏|方形|竖版|横版)?的?(?:视频|短视频|短片)|"
                          r"(?:please\s+)?(?:make|turn)\s+(?:it|this|that)\s+into\s+an?\s+(?P<en>vertical|horizontal|square)?\s*video)"
                          r"\s*(?:吧|吗|啊|呀|please|pls|thanks)?[\s。.!！]*$", re.I)
_SCRIPT_NOUN = r"\b(?:script|story|storyline|screenplay|copy|(?:this|the following|following|my|below) text)\b|口播稿|文稿|讲稿|" \
               r"文案|脚本|稿子|剧本|故事|(?:这段|这些|下面的?|以下的?|下面这段|下面这些)(?:文字|内容|话|文本)"
_SCRIPT_MAKE = r"\b(?:make|create|turn|generate|produce|build|do|into|put together)\b|做|生成|制作|变成|剪成"
_SCRIPT_VIDEO = r"\b(?:video|short|clip|reel|film|movie)s?\b|视频|短片|片子"
# a script handed over and nothing else asked: "ok here's the script", "script below", "这是我的文案", "文案如下"
_SCRIPT_PRESENTED = r"^(?:(?:ok(?:ay)?|so|alright|right|and|now|here goes)[,\s]+)*(?:(?:here'?s|here is|this is|below is|heres)\s+)?" \
                    r"(?:(?:the|my|our)\s+)?(?:script|voice-?over script|narration script)(?:\s+(?:below|for (?:it|this|the video|" \
                    r"an? (?:\w+ )?video)))?$|" \
                    r"^(?:(?:ok(?:ay)?|so|please|pls|and|now)[,\s]+)*(?:use|take|try) (?:this|my|the|the following|our) script" \
                    r" (?:for|to make) (?:an? |the )?(?:\w+ )?video$|" \
                    r"^(?:好的?|那|嗯)?[，,\s]*(?:这是|下面是|以下是)?(?:我的)?(?:文案|脚本|口播稿|稿子)(?:如下|在这|在这里)?$"
# "... with my photos", "用我的照片和这段文案...": the scenes show the user's photos and clips, not generated ones
_OWN_MEDIA = r"\b(?:my|own|uploaded)\s+(?:photos?|pictures?|images?|clips?|videos?|footage|media)\b|" \
             r"我(?:上传)?的(?:照片|图片|视频|片段|素材)"
# no \b: "captions开起来" has no word break between "captions" and "开"
_CAPTIONS = r"(?<![a-z])(?:captions?|subtitles?|subs)(?![a-z])|字幕|(?<=加个)字母|(?<=加)字母"  # "加个字母": a slip of the keyboard
# words on screen "reading" something: "put text at the end reading The End", "a caption that reads Day One" (no voice)
_TEXT_READING = r"^(?!.*\b(?:voice\w*|narrat\w*|speak\w*|say|says|saying|aloud|out loud)\b).*\b(?:text|title|caption|subtitle|card|" \
                r"heading|headline|label|sign|words)\b.*\b(?:reading|(?:that |which )?reads)\b"
_VOICE = (r"\bvoice[- ]?overs?\b|\bvoiceover\b|\bnarrat(?:ion|or|e)\b|\bvoices?\b|\bspeak\w*\b|\btalk\w*\b|\bread\w*\b|"
          r"\bsay (?:it|that|this|them|the words)\b|"
          r"配音|旁白|解说|画外音|口播|人声|女声|男声|语速|说话|[说讲念读]得?[慢快]|音色|嗓音|"
          # "换个女生的声音", "换一个声音": a voice, not the clips' sound (which is "片段的声音", "原声")
          r"[男女](?:生|性|人|孩|的)?的?声音|换(?:一个|1个|个)?(?:别的|其他的?)?声音|"
          # a voice said by its accent or its age: "a british accent", "英式口音", "童声", "老人的声音"
          r"\baccents?\b|口音|[英美]音|童声|(?:老人|老年人|老头|小孩|儿童|孩子|小朋友|大叔|少女|少年|老爷爷|老奶奶)的?(?:声音|嗓音|音色)|"
          # a voice by its kind, as short-video dubbing apps name them: "萝莉音", "大叔音", "御姐音", "台湾腔"
          r"(?:萝莉|御姐|大叔|少年|少女|正太|奶|烟)(?:音|嗓)|(?:台湾|港|东北|四川|播音)腔")
# no \b after the formats: "导出vtt字幕" has no word break between "vtt" and "字"
_EXPORT = r"\bexport\b|\bdownload\b|\bsave\b|\bgive me\b|(?<![a-z])(?:srt|vtt|webvtt)(?![a-z])|导出|下载|保存|字幕(?:的)?文件"  # "单独要一个字幕文件"
_VTT = r"(?<![a-z])(?:web)?vtt(?![a-z])"
# (a complaint wants the other size: "they're too small", "captions are huge", "字幕太大了")
_BIGGER = r"\bbigger\b|\blarger\b|\bsize up\b|\bincrease\b|\benlarge\b|\btoo (?:small|tiny)\b|(?:is|are) (?:so |really |way )?tiny\b|" \
          r"放大|大一点|大一些|大些|变大|加大|调大|大点|太小(?!声)|大号|大字"
_SMALLER = r"\bsmaller\b|\bless (?:massive|huge|big|giant|enormous|large)\b|\bsize down\b|\bdecrease\b|\bshrink\b|\btoo (?:big|large)\b|(?:is|are|'re) (?:so |really |way )?" \
           r"(?:huge|massive|giant|enormous)\b|缩小|小一点|小一些|小些|变小|调小|小点|太大(?!声)|小号|小字"
# (the word-by-word kind as creators name it: "like mrbeast", "hormozi style", "animated captions", 综艺感, 花字; each word
# marked as it is said: "the kind where each word lights up", "words that light up as they're spoken")
_HIGHLIGHT = r"\bword[- ]by[- ]word\b|\bhighlight\w*\b|\bkaraoke\b|\btiktok\b|\bbold\b|逐字|高亮|卡拉|抖音|" \
             r"(?:一|1)个字(?:一|1)个字|一字一字|逐个字|\bmr\.? ?beast\b|\b(?:alex )?hormozi\b|\banimated\b|\bdynamic\b|" \
             r"综艺|花字|动态字幕|跳动|" \
             r"\b(?:each|every|the) words? (?:lights?|lighting|lit|pops?|popping|glows?|glowing|flashes|flashing)(?: up)?\b|" \
             r"\b(?:light|pop|glow)s? up (?:word by word|as (?:it'?s|they'?re) (?:said|spoken))\b"
_CLEAN = r"\bclean\b|\bsimple\b|\bplain\b|\blower[- ]third\b|\bminimal(?:ist)?\b|\bsubtle\b|简洁|简单|普通|干净|极简|低调|简约|朴素"
_ON = r"\bturn on\b|\benable\b|\bswitch on\b|\bshow\b|打开|开启|显示"
# a complaint says the opposite of its word: "the narrator talks too fast" wants it slower, "太慢了" faster
_TOO_FAST = r"\btoo (?:fast|quick(?:ly)?|rushed)\b|\brushed\b|太快|过快"
_TOO_SLOW = r"\btoo slow(?:ly)?\b|太慢|过慢"
_SLOWER = r"\bslower\b|\bslow(?:ly)?\b|\bslow (?:\w+ ){0,2}down\b|慢一点|慢一些|慢点|放慢|慢些|慢"
_FASTER = r"\bfaster\b|\bquicker\b|\bspeed (?:\w+ ){0,2}up\b|快一点|快一些|快点|加快|快些|快"
_FEMALE = r"\bfemale\b|\bwom[ae]n'?s?\b|\bgirl'?s?\b|\bher\b|\b(?:lady|ladie|lass)'?s?\b|女声|女生|女的|女性|女|御姐"
_MALE = r"\bmale\b|\bm[ae]n'?s?\b|\bguy'?s?\b|\bboy'?s?\b|\bhis\b|\b(?:bloke|chap|lad|fella|dude)'?s?\b|男声|男生|男的|男性|男"
_CHANGE = r"\bchange\b|\bswitch\b|\banother\b|\bdifferent\b|\buse\b|\b(?:better|nicer|more natural|less robotic|more human)\b|换|改|用|" \
          r"(?:听着|听起来|感觉|有点|太|很|好)(?:有点|太|很|好)?(?:假|机械|生硬|别扭|不自然|像机器人|难听)"  # "旁白的声音听着太假了": another one
# the pace said as a multiple: "旁白语速调成0.8倍", "narration pace 1.2x"
_RATE_TIMES = re.compile(r"(?:语速|语调|\bpace\b|\brate\b)[^\d，,]{0,6}?(\d+(?:\.\d+)?)\s*(?:倍|x\b|times\b)")
_VOICE_ID = re.compile(r"\b((?:en|en_gb|zh)_(?:female|male)|kokoro:[a-z]{2}_[a-z0-9]+)\b")
# the accents the voices speak (speech/espeak.py's ids: ``en_gb_male`` is British English, male): "a british male voice"
_ACCENTS = (("en_gb", r"\b(?:british|brit|england|london|uk(?= (?:english|accent|male|female|man|woman|guy|girl|voice)))\b|"
                      r"\benglish accent\b|英式|英国|英音|伦敦"),
            ("en", r"\b(?:american|usa|us(?= (?:english|accent|male|female|man|woman|guy|girl|voice)))\b|美式|美国|美音"))
# what no voice here has, said of a voice: an age, another accent ("an old man's voice", "an australian accent", "童声")
_NO_VOICE = (r"\b(?:old|older|elderly|young|younger|little)\s+(?:man|woman|lady|guy|person|gentleman|girl|boy|men|women)\b|"
             r"\b(?:child|children|kid|kids|teenager|teen|baby|granny|grandpa|grandma|grandfather|grandmother)(?:'s|s')?(?=\s+voice|\s*$)|"
             r"\b(?:australian|aussie|indian|irish|scottish|welsh|canadian|french|german|spanish|italian|russian|japanese|"
             r"korean|southern|texan|cockney)\b(?:\s+accent)?|"
             r"老人|老年|老头|老爷爷|老奶奶|大爷|大妈|小孩|儿童|童声|小朋友|年轻|少年|少女|萝莉|大叔|正太|奶音|烟嗓|粤语|广东话|台湾腔|港腔|东北话|东北腔|四川话|四川腔")
_VOICE_LIST = ("US English, British English and Mandarin, each female or male", "美式英语、英式英语和普通话，各有男声和女声")


def _accent_voice(text: str, gender: str | None, state: PlanState) -> str | None:
    """The voice id an accent said names ("a british male voice" -> ``en_gb_male``), with the gender said, else the
    narration's, else female; None when no accent is said."""
    accent = next((code for code, pattern in _ACCENTS if re.search(pattern, text, re.I)), None)
    if accent is None:
        return None
    if gender is None:
        current = [seg.meta.voice for seg in state.draft.voice_segments() if seg.meta.voice]
        gender = "male" if current and re.search(r"(?:_|:[a-z])m(?:ale)?(?:_|$)", current[-1]) else "female"
    return f"{accent}_{gender}"


def _no_such_voice(text: str, said: str, gender: str | None, state: PlanState) -> Unknown | None:
    """The question for a voice asked with what no voice here has ("an old man's voice", "an australian accent"),
    offering the voice that keeps the rest of what was said; None when every part of it can be kept. Never a voice
    that silently drops the part it cannot keep."""
    missing = re.search(_NO_VOICE, said, re.I)
    if missing is None:
        return None
    what = missing.group(0).strip()
    kept = _accent_voice(said, gender, state) or (f"en_{gender}" if gender else None)
    if state.language == "zh":
        offer = f"最接近的是{voice_words(kept, 'zh')}：可以说“换成{voice_words(kept, 'zh')}”。" if kept else ""
        return Unknown(text, understood="a voice", question=f"没有「{what}」这种声音：现有的声音是{_VOICE_LIST[1]}。{offer}")
    offer = f" The nearest is the {voice_words(kept, 'en')} (say: use the {voice_words(kept, 'en')})." if kept else ""
    return Unknown(text, understood="a voice", question=f"There is no voice for \"{what}\": the voices are {_VOICE_LIST[0]}.{offer}")


def _body(text: str) -> str:
    text = text.strip()
    quoted = _QUOTED.match(text)
    return (quoted.group(1) if quoted else text).strip()


def _gender(text: str) -> str | None:
    if re.search(_FEMALE, text, re.I):
        return "female"
    if re.search(_MALE, text, re.I):
        return "male"
    return None


def read_script(message: str, state: PlanState) -> Whole | None:
    """A video from a script pasted after the request, read on the message as typed; None when there is none."""
    script = _script(message, state) if _MAY_BE_SCRIPT.search(message) else None
    return Whole([script]) if isinstance(script, ScriptAction) and script.script else None


def read_whole(message: str, state: PlanState) -> Whole | None:
    """Plan a request read from the whole message (a script, a narration's words); None when there is none."""
    script = _script(message, state) if _MAY_BE_SCRIPT.search(message) else None
    if script is not None:
        return Whole([script])
    if not _MAY_BE_NARRATION.search(message):  # most messages: no pattern below can match
        return None
    message = re.sub(r"\s+(?:pls|plz|please)(?=\s*[:：])", "", message)  # "voice over pls: this is my city"
    message = _WORDS_AFTER_PAUSE.sub(r"\1：", message)
    starts = [0, *(m.end() for m in _CLAUSE_START.finditer(message))]
    for pattern in (_NARRATE_EN, _NARRATE_ZH):
        for start in starts:
            match = pattern.match(message, start)
            if match and not _ASIDE.match(message, start):
                found = _narration(message, match, state)
                if found is not None:
                    state.focus = Focus("voice")
                return found
    return None


# dictated words after a pause, no colon: "加个旁白 大家好", "结尾加句旁白 下期见" (a place, a voice, a level or another
# request after the pause stays one: "加个旁白 从第3秒开始：…", "加个旁白 音乐调小")
_WORDS_AFTER_PAUSE = re.compile(
    # ("配个英文旁白 Hello everyone", "狗出来的时候配一句 它叫旺财": a line to be said, its noun left out)
    r"^([^\s，,：:]{0,8}?(?:(?:加|添加|加上|配上|来|配)(?:个|一个|1个|段|一段|1段|句|一句|1句)(?:男声|女声|男生|女生|英文|中文|英语|普通话)?的?"
    r"(?:旁白|配音|口播|解说|画外音)|(?:配|来)(?:一句|1句|句)))"
    r"\s+(?![放在从用要换改男女去删关]|音量|声音|第?[\d一二三四五六七八九十两]+秒|[大小快慢](?:一?点|些|声|$)|.*(?:音乐|标题|字幕|转场|片段|那段|静音|导出|调|"
    r"改成|换成|删|加速|剪|吗|[?？]))(?=\S)")


# "a nicer colour, say orange": an example given after a comma, not words to speak
# ("slow it down, say 0.75": a value, never a number to speak)
_ASIDE = re.compile(r"(?i)say\s+(?:\w+\s*){1,2}[.!?]*$|say\s+\d*\.?\d+\s*(?:%|x|percent|seconds?|secs?|s)?[.!?]*$")


def _narration(message: str, match: re.Match[str], state: PlanState) -> Whole | None:
    """The voice-over a narration pattern found, with the instructions before and after its words."""
    body, after = match.group("body").strip(), ""
    quoted = _LEADING_QUOTE.match(body)
    if quoted:  # "narrate 'Welcome home' and add word by word captions"; "'Let's go'" keeps its apostrophe
        body, after = next(g for g in quoted.groups()[:-1] if g is not None), quoted.group(quoted.lastindex or 0)
    else:
        end = _WORDS_END.search(body)
        if end and end.start() > 0:
            # the words keep their own full stop ("……很安静。然后把音乐调小"), the request after it is read on its own
            cut = end.start() + 1 if body[end.start()] in "。.!！?？" else end.start()
            body, after = body[:cut], body[cut:].lstrip(" ,，。;；")
    gender_after = _GENDER_AFTER.match(after)
    if gender_after:  # "voice over saying 'Tokyo never sleeps' in a male voice, and ..."
        after = after[gender_after.end():]
    after = re.sub(r"^\s*(?:,\s*)?(?:and\s+|then\s+|also\s+)*", "", after)
    when = _SPOKEN_AT.match(after)
    if when:  # "... say 'welcome to Tokyo' at the start": when it is said, not a request of its own
        after = after[when.end():]
        gender_after = gender_after or _GENDER_AFTER.match(after)  # "... at the start, male voice"
        after = after[gender_after.end():] if gender_after else after
    instead = _INSTEAD_SAID.match(after)
    if instead:  # "... 'See you soon' — scratch that, 'See you tomorrow'", "... in a male voice, no, female"
        words = next((g for g in instead.groups()[:-1] if g is not None), None)
        body = words if words is not None else body
        gender_after = gender_after if instead.group("who") is None else instead
        after = after[instead.end():]
    if not re.search(r"\w", after):
        after = ""
    if not quoted:  # "... saying good night everyone at 12 seconds", "..., in a male voice": how, not words to speak
        said_after = _SAID_AFTER.search(body)
        if said_after:
            body, when = body[:said_after.start()], when or _SPOKEN_AT.match(said_after.group(0).lstrip(" ,"))
            gender_after = gender_after or re.search(rf"(?i){_ATTRS}(?:wom[ae]n|m[ae]n|girl|boy|female|male)'?s?(?=\s+voice)",
                                                     said_after.group(0))
    spec_last = _ZH_SPEC_LAST.search(body) if state.language == "zh" and not quoted else None
    if spec_last:  # "配音：未来就在眼前。用男声": the voice said after the words, not words to speak
        body = body[:spec_last.start()] + ("。" if spec_last.group(0).lstrip().startswith("。") else "")
    # "加一段男声旁白，从第10秒开始：看，它又去追浪了": when it starts, said before the colon, is no part of the words
    lead = re.match(r"^\s*(?:从|在)?第?[^：:，,。]{1,6}?秒(?:钟)?(?:开始|的时候|处|时|起)?\s*[：:]\s*", body) \
        if state.language == "zh" and not quoted else None
    lead_at = find_durations(normalize(lead.group(0))) if lead else []
    if lead_at:
        body = body[lead.end():]  # type: ignore[union-attr]
    body = _body(body)
    if not re.search(r"\w", body):
        return None
    zh_after = _ZH_SPEC_AFTER.match(after) if state.language == "zh" else None
    if zh_after and zh_after.end() > 0:  # "加个旁白「……」，用男声…还是女声吧", "…，女声，放在狗那段开始的时候"
        after = after[zh_after.end():]
    said = " ".join(match.group(k) or "" for k in ("head", "head2", "head3", "spec", "spec2", "spec3", "over3", "pre", "pre2", "place", "on", "who", "who_en")
                    if k in match.groupdict())
    said += " " + (gender_after.group(gender_after.lastindex or 0) if gender_after else "") + (spec_last.group(0) if spec_last else "")
    gender = _gender(said)
    if zh_after and zh_after.end() > 0:
        said += " " + (zh_after.group("place") or "")
        gender = _gender(zh_after.group("g") or "") or gender  # the last voice said wins: "用男声…还是女声吧"
    named = _VOICE_ID.search(said)
    voice = named.group(1) if named else _accent_voice(said, gender, state)  # "in a british male voice": both kept
    asked = _no_such_voice(message.strip(), said, gender, state) if named is None else None
    at = find_durations(normalize(said)) if re.search(r"\b(?:at|from|starting|after|second)\b|秒", said) else []
    seconds = (when.group(1) or when.group(2)) if when else None  # "at 12 seconds", "in the second 12"
    start = at[0][0] if at else round(float(seconds) * 1000) if seconds else \
        0 if when or match.groupdict().get("opening") else lead_at[0][0] if lead_at else _clip_start(said, state)
    pre_at = match.start("pre") if match.groupdict().get("pre") else -1
    if start and at and (pre_at > 0 and re.search(r"(?:最后|结尾|末尾)(?:的)?$", message[:pre_at]) or
                         re.search(r"(?:最后|结尾)(?:的)?[\d零一二两三四五六七八九十百.]+秒", said)):
        video_end = state.draft.video_end_ms or state.draft.end_ms  # "最后3秒加一句旁白": the last 3 seconds, from the end
        start = video_end - start if video_end > start else start
    place = match.groupdict().get("place")
    if start is None and place:  # "加个旁白 从狗出来的时候开始：…": the moment said as its place
        start = moment_of(Clause(place, (), state.language, place), state)
    before = message[:match.start()]
    if _WISH.match(before):  # "it'd be cool to have someone say ...": the wish is the request
        before = ""
    end_said = _SPOKEN_AT_END.match(after) if start is None else None
    at_end = end_said is not None
    if start is None and not at_end and state.language == "zh" and _SAID_LAST_ZH.search(message[:match.start("body")]):
        at_end = True  # "最后加一句配音：谢谢观看", "结尾再配一句……": said at the end, so it ends with the video
    if start is None and not at_end and state.language == "en" and _SAID_AT_END_EN.search(said):
        at_end = True  # "add narration at the end saying thanks for watching": the end said before the words
    if start is None and not at_end and state.language == "en" and _SAID_AT_START_EN.search(said):
        start = 0  # "add narration at the start saying hi"
    if end_said is not None:  # "have a man say 'see you tomorrow' at the end": it ends with the video (its length is known once spoken)
        after = after[end_said.end():]
        gender_after = gender_after or _GENDER_AFTER.match(after)  # "... at the end, male voice"
        after = after[gender_after.end():] if gender_after else after
    moment_after = _MOMENT_AFTER.match(after)
    if moment_after and start is None:  # "put a voice saying 'Look at this dog' when the dog start": it starts then
        start = moment_of(Clause(normalize(after.strip().lower()), (), state.language, after), state)
        after = "" if start is not None else after
    moment = _MOMENT_BEFORE.match(before)
    if moment and start is None:  # "when the dog comes on have someone say ...": it starts then
        start = moment_of(Clause(normalize(moment.group(1).lower()), (), state.language, before), state)
        before = "" if start is not None else before
    if asked is not None:  # "have an old man say 'welcome home'": no voice has that age, so it is asked
        return Whole([asked], before=before, after=after)
    action = VoiceAction(text=body, voice=voice, gender=gender, start_ms=start, at_end=at_end)  # type: ignore[arg-type]
    return Whole([action], before=before, after=after)


# the voice said after the words: "... in a male voice", "..., male voice", "... in a british female voice"
_GENDER_AFTER = re.compile(rf"\s*(?:,\s*)?(?:\b(?:in|with|using)\s+)?(?:an?\s+)?"
                           rf"(?:({_ATTRS}(?:wom[ae]n|m[ae]n|girl|boy|female|male)'?s?)(?:\s+voice\b|"
                           r"(?=\s*(?:please|pls|thanks)?[.!]*\s*$))|"  # "... at 3 seconds, female": the message's last word
                           r"((?:british|american|english|uk|us)(?: (?:male|female))?) (?:accent|voice)\b)", re.I)  # "... in a british accent"
# a correction right after the words or the voice: "— scratch that, 'See you tomorrow'", ", no, female"
_INSTEAD_SAID = re.compile(r"""(?i)^[\s,.;—–-]*(?:scratch that|no+|sorry|actually|i mean|wait)"""
                           r"""[,\s]+(?:"([^"]+)"|“([^”]+)”|'((?:[^']|'(?=\w))+)'(?!\w)|(?:in\s+)?(?:a\s+)?"""
                           r"""(?P<who>wom[ae]n|m[ae]n|girl|boy|guy|bloke|chap|lad(?:y|ie)?|lass|female|male)'?s?(?:\s+voice)?)[\s.!]*""")
# a wish said before the request it makes: "it'd be cool to", "i'd love to"
_WISH = re.compile(r"(?i)^\s*(?:it'?d be (?:cool|nice|great|good|fun)|it would be (?:cool|nice|great|good|fun)|i'?d (?:love|like)|"
                   r"maybe (?:we could|you could)?|(?:can|could) (?:we|you)|add)\s*(?:to|if (?:you|we) could)?\s*$")
# how and where it is spoken, said after quoted Chinese words: "，用男声", "，女声，放在狗那段开始的时候", "…还是女声吧"
_ZH_SPEC_AFTER = re.compile(r"(?:[，,。…\s]*(?:(?:用|要|换成|改成|还是|不对|不是)?(?P<g>男声|女声|男生|女生|男的|女的|男性|女性)"
                            r"(?:的声音|声音)?(?:吧|来读|来念)?|(?P<place>放在[^，,。]{1,16}?(?:开始的时候|开始时|开头|的时候|时)|(?:从|在)第?[\d零一二两三四五六七八九十百.]+秒(?:开始|处|的时候|时)?|"
                            r"(?:从|在)?(?:最后|结尾)(?:的)?[\d零一二两三四五六七八九十百.]+秒(?:开始|处|的时候|时)?|第[\d零一二两三四五六七八九十百.]+秒(?:开始|处|的时候|时))))+[，,。\s]*")
# the voice said at the end of unquoted Chinese words: "配音：未来就在眼前。用男声", "旁白：……，女声"
_ZH_SPEC_LAST = re.compile(r"[。，,]\s*(?:用|要|换成)?(?:男声|女声|男生|女生|男的|女的|男性|女性)(?:的声音|声音)?(?:来读|来念|读|念)?(?:吧)?[。.!！]?\s*$")
# how and when it is spoken, said after unquoted words: "... at 12 seconds", "..., in a male voice"
_SAID_AFTER = re.compile(r"(?i)(?:\s+(?:at|from|starting at)\s+(?:the (?:very )?(?:start|beginning)|\d+(?:\.\d+)?\s*(?:seconds?|secs?|s))\b|"
                         r"\s+(?:in|at|on) (?:the )?second \d+(?:\.\d+)?\b|"
                         rf",?\s+(?:in|with|using)\s+(?:an?\s+)?{_ATTRS}(?:wom[ae]n|m[ae]n|girl|boy|female|male)'?s?\s+voice)[\s.!,]*$")
# a moment said after the words: "... 'Look at this dog' when the dog starts"
_MOMENT_AFTER = re.compile(r"(?i)^\s*(?:when|once|as soon as)\s+[^,.;!?]{3,40}?[\s.!]*$")
# the end said after the words: "... at the end", "... at the very end of the video" (and not "at the end of the dog clip")
_SPOKEN_AT_END = re.compile(r"(?i)\s*(?:,\s*)?(?:right |just )?\b(?:at|in) the (?:very )?end(?: of (?:the|my|this) (?:whole )?video)?"
                            r"(?!\s+of\b)[\s.!,]*")
# the end said between the voice's noun and its words: "add narration at the very end saying ...", "a voice-over at the end:"
_SAID_AT_END_EN = re.compile(r"(?i)\b(?:at|in) the (?:very )?end\b(?! of (?:the |this |that )?(?!(?:whole )?video\b))")
_SAID_AT_START_EN = re.compile(r"(?i)\b(?:at|from) the (?:very )?(?:start|beginning)\b(?! of (?:the |this |that )?(?!(?:whole )?video\b))")
# the end said before a voice line in Chinese ("最后加一句配音：", "视频结尾再配一句"), not a length from it ("最后3秒")
_SAID_LAST_ZH = re.compile(r"(?:^|[，,。\s])(?:请|麻烦)?(?:你|您)?(?:帮我|帮忙)?(?:在|到)?(?:视频|片子|整个视频)?(?:的)?(?:最后|结尾|末尾|片尾|最末)(?:的时候|那里|处|面)?(?:[，,\s])?"
                           r"(?:再|也|就)?(?:加|配|来|放|插|补|让)")
# a moment said before the narration: "when the dog comes on, have someone say ...", "当狗出现的时候，..."
_MOMENT_BEFORE = re.compile(r"(?i)^\s*((?:when|once|as soon as)\s+.{3,40}?|(?:当|在)?[^，,：:]{1,12}(?:出现|开始|出来)的?(?:时候|时))[\s,，]*$")


def _clip_start(said: str, state: PlanState) -> int | None:
    """Where a clip named with the narration starts: "when the dog comes on", "over the second clip", "放在狗那段开始的时候"."""
    if not re.search(r"\b(?:when|over|on|during|to|for)\b|\b(?:start|beginning) of\b|段|镜头", said):
        return None
    clause = split_clauses(said, state.language)
    refs = [r for c in clause for r in clip_refs(c, state) if r != MISSING]
    found = state.draft.find_segment(refs[0]) if len(refs) == 1 else None
    return found[1].start_ms if found else None


def _script(message: str, state: PlanState) -> Action | None:
    """A video from a script: pasted after the request, or an uploaded text file."""
    for pattern in (_SCRIPT_EN, _SCRIPT_EN_TURN, _SCRIPT_ZH):
        match = pattern.match(message)
        if match and _body(match.group("body")):
            head = " ".join(v for k, v in match.groupdict().items() if k.startswith("head") and v)
            clause = split_clauses(head or "video", state.language)
            aspect = next((a for c in clause if (a := aspect_of(c))), None)  # "给我做一个竖屏视频：…"
            own = re.search(_OWN_MEDIA, message[:match.start("body")], re.I) is not None
            return ScriptAction(script=_body(match.group("body")), aspect=aspect, use_media=own)
    head_said = _SCRIPT_HEAD.match(message)
    if head_said and _body(head_said.group("body")) and _asks_for_script(head_said.group("head"),
                                                                       head_said.group("body")):
        head, body = head_said.group("head"), head_said.group("body")
        tail = _SCRIPT_TAIL.search(body)
        if tail and tail.start() > 0:
            head, body = f"{head} {tail.group('zh') or tail.group('en') or ''}", body[:tail.start()]
        clause = split_clauses(head, state.language)
        return ScriptAction(script=_body(body), aspect=next((a for c in clause if (a := aspect_of(c))), None),
                            use_media=re.search(_OWN_MEDIA, head, re.I) is not None)
    for pattern in (_SCRIPT_FILE_EN, _SCRIPT_FILE_ZH):
        match = pattern.match(message)
        if match:
            head = " ".join(v for k, v in match.groupdict().items() if k.startswith("head") and v)
            clause = split_clauses(head or "video", state.language)
            texts = [m for m in state.context.media if m.kind == "text" and m.uploaded]
            if not texts:
                return Unknown(message.strip(), understood="a video from a script", question=(
                    "请先上传文案（.txt 文件），或者在冒号后面直接贴上文案：用这段文案做一个视频：……" if state.language == "zh" else
                    "Upload the script as a .txt file first, or paste it after a colon: "
                    "make a video from this script: ..."))
            return ScriptAction(script="", aspect=aspect_of(clause[0]) if clause else None, src=texts[-1].src)
    return None


def _asks_for_script(head: str, body: str) -> bool:
    """Whether the words before the colon ask for a video made from the words after it: a script named, a video
    and a way to make it ("make a video out of my script"), or the user's media put to it ("use my photos for this
    script"); or a video made of "this" when what follows is several sentences ("turn this into a video: ...")."""
    def said(pattern: str) -> bool:
        return re.search(pattern, head, re.I) is not None

    own = said(_OWN_MEDIA)
    if said(_SCRIPT_PRESENTED):  # "ok here's the script: ...", "这是文案：...": the script handed over is what to make
        return True
    if said(_SCRIPT_NOUN):
        return (said(_SCRIPT_VIDEO) or own) and (said(_SCRIPT_MAKE) or own or said(r"\b(?:from|out of|based on|using)\b"))
    if said(r"\b(?:narrated|voiced|voice-?over|narration)\b") and said(_SCRIPT_VIDEO) and \
            said(r"\b(?:from|out of|of|with|using|based on)\s+(?:this|these|the following|below)\s*$"):
        return True  # "make a narrated video from this: ...": the words are what it says
    sentences = [s for s in re.split(r"[.!?。！？]+", body) if s.strip()]
    return len(sentences) >= 2 and said(_SCRIPT_VIDEO) and said(
        r"\b(?:turn|make|put)\s+(?:this|these|the following)\b.*\binto\b|(?:把|将)(?:这些|这段|下面的?)(?:话|内容|文字)|"
        r"(?:把|将)(?:这个|这些|这段|这篇|下面的?|以下的?)(?:这段|这些|这篇|几句)?(?:话|内容|文字)?(?:做成|变成|拍成|生成|剪成)")
    # "把这段做成视频：他推开门。屋里一片安静。", "把下面这段做成视频：……", "把这个做成竖屏视频：……"


def handle(clause: Clause, state: PlanState) -> bool:
    """Plan a clause about the captions or the voice; False when it is about neither."""
    if clause.has(r"\blora\b(?:\s*(?:at|scale)\s*\d+(?:\.\d+)?)?(?:\s+for|\s*:)\s"):
        return False  # "with the anime lora: a boy reading under a tree": a scene to generate, no voice
    last = state.actions[-1] if state.actions else None
    style_only = not clause.has(_CAPTIONS) and clause.has(_HIGHLIGHT + "|" + _CLEAN) and color_of(clause.text) is None
    if isinstance(last, CaptionSpeechAction) and style_only:
        # "字幕打开，用逐字跳的那种": the style of the captions just asked for
        state.actions[-1] = CaptionSpeechAction(style="highlight" if clause.has(_HIGHLIGHT) else "clean")
        return True
    if isinstance(last, EditAction) and isinstance(last.edit, SetCaptions) and last.edit.enabled and style_only \
            and last.edit.style is None:  # "字幕给我加上 用逐字高亮的": the captions just turned on, in that style
        state.actions.pop()
        state.edit(last.edit.model_copy(update={"style": "highlight" if clause.has(_HIGHLIGHT) else "clean"}),
                   focus_kind="captions")
        return True
    if clause.has(_CAPTIONS) or clause.has(_TRANSCRIBE) or clause.has(_SUBTITLE_FILE) or (
            clause.has(r"(?<![a-z])(?:srt|vtt|webvtt)(?![a-z])") and clause.has(_EXPORT)):  # "export them as srt"
        # a caption with its words given ("put the caption 'Day 1' at the bottom") is a title: text.py's
        return clause.quote() is None and _captions(clause, state)
    # "配音去掉吧 还是纯音乐好"; the music lowered while someone speaks is the music's ducking ("用summer.mp3，说话的时候自动压低")
    # "generate a clip of a girl talking on the phone": who talks in a scene to film is no voice
    if clause.has(r"^(?:(?:please|can you|could you)\s+)?(?:generate|create|film|shoot|render)\b|"
                  r"\b(?:clip|video|shot|footage|scene) of (?:a|an|some|two|three|the)\b") and not clause.has(
            r"\bvoice|\bnarrat|\bsay(?:s|ing)?\b|[:：]|⟪"):
        return False
    if clause.has(_VOICE) and not clause.has(r"\bmusic\b|\bsong\b|(?<!纯)音乐|歌|bgm|\.(?:mp3|wav|m4a)\b|\bduck\w*|闪避|避让|"
                                             r"自动(?:降低|压低|变小|降|让)") and not clause.has(_TEXT_READING):
        return _voice(clause, state)
    kind = state.focus.kind if state.focus is not None else None
    if kind == "captions" and _of_captions(clause):  # "make them yellow", "the word by word kind" after captions
        return _captions(clause, state, named=True)
    if kind == "voice" and (mentions_it(clause) or clause.has(r"^(?:换|改|删|去掉|不要)") or _of_voice(clause)):
        return _voice(clause, state)  # "the voiceover sounds robotic, change it", "try a woman instead"
    return False


# what a clause says of the captions just named or changed, with no other object: "yellow", "make them bigger",
# "the word by word kind", "the highlight colour pink"
_OTHER_OBJECTS = r"\b(?:title|text|music|song|clips?|video|voice|narrat\w*|transitions?|sounds?)\b|标题|文字|音乐|歌|片段|视频|配音|转场|音效|原声"


def _of_captions(clause: Clause) -> bool:
    if clause.has(_OTHER_OBJECTS) or clause.quote() is not None:
        return False
    return (color_of(clause.text) is not None or clause.has(_BIGGER + "|" + _SMALLER + "|" + _HIGHLIGHT + "|" + _CLEAN)
            or clause.has(r"\b(?:remove|delete|hide|turn off|switch off)\s+(?:it|them)\b|\b(?:them|it) off\b|去掉|关掉|删掉|不要了"))


# a voice's gender or pace said of the voice just named or changed: "try a woman instead", "a touch quicker", "换女声"
def _of_voice(clause: Clause) -> bool:
    if clause.has(_OTHER_OBJECTS) or clause.quote() is not None:
        return False
    return clause.has(_FEMALE + "|" + _MALE + "|" + _FASTER + "|" + _SLOWER + "|" + _TOO_FAST + "|" + _TOO_SLOW)


_BARE_ON = re.compile(
    r"^(?:please\s+)?(?:(?:can|could|would|will) (?:you|u)\s+(?:please\s+)?|i was wondering if (?:you|u) could\s+|"
    r"would you mind\s+|is it possible to\s+)?(?:add|turn on|enable|show|put|include|use|give it|make|create|generate|i want|i need|burn in|burn|"
    r"i'd like|with)\s+(?:the\s+|some\s+)?"
    r"(?:auto(?:matic)?\s+|burned[- ]in\s+)?(?:captions|subtitles|subs)"
    r"(?:\s+(?:to|on|for|in|under)\s+(?:it|this|(?:the|my|this|our)\s+(?:video|clips?|footage|reel|film))|(?<=put the captions) on|"
    r"(?<=put captions) on|(?<=put subtitles) on|(?<=put the subtitles) on)?"
    r"\s*(?:please|pls|plz)?$|^(?:auto(?:matic)?\s+)?(?:captions|subtitles|subs)(?: on)?(?: please| pls| plz)?$|"
    # captions of the narration: "a caption for it" after a voice-over, "add captions for the voiceover", "subtitles under it"
    r"^(?:(?:and|also|then|please)\s+)*(?:(?:add|put|include|give it|i want|i need)\s+)?(?:(?:a|some|the)\s+)?(?:captions?|subtitles?|subs)\s+"
    r"(?:for|of|under|with|on)\s+(?:it|that|this|them|the (?:voice[- ]?over|voiceover|narration|narrator|words|voice))"
    r"(?:\s+(?:too|as well|please|pls))*$|"
    # "caption it", "could you caption the video": the verb
    r"^(?:(?:can|could|would|will) (?:you|u)\s+)?(?:please\s+)?(?:auto[- ]?)?(?:caption|subtitle)\s+(?:it|this|the (?:whole )?"
    r"(?:video|clips?|thing|footage))(?: for me)?(?:\s*(?:please|pls|plz))?$|"
    r"^(?:is it possible|would it be possible|can i get|could i get|can we get|can we have) (?:to )?(?:add |have |get )?"
    r"(?:some |the |auto )?(?:captions|subtitles|subs)$|"
    r"^(?:请问|请|麻烦|能不能|能|可以|可不可以|再|也|还)*(?:帮我)?(?:我)?(?:给(?:视频|它|这个视频|旁白|配音|解说|口播|这段旁白|这段配音))?"
    r"(?:加|添加|加上|配上|打开|开启|开|显示|要|想要|需要)(?:上|个|一下)?(?:字幕|字母)(?:吧|吗|呢|啊|呀|哦|嘛|呗)?$|"
    r"^(?:请|麻烦|帮我|给我|你)*(?:把)?(?:那个|这个)?(?:(?:旁白|配音|解说|口播)(?:的)?)?(?:字幕|captions?|subtitles?)(?:也|再)?(?:要|得)?(?:给我|帮我)?"
    r"(?:加上|打开|开启|加一下|弄上|配上|开起来|开一下|开上|打出来|打上|弄出来|显示出来)(?:吧)?$")  # "把旁白的字幕打出来"
# the clips' own speech named: "caption what people are saying", "transcribe the audio", "识别视频里说的话"
_SPEECH = (r"\bwhat(?:ever)? (?:people|ppl|they|we|i|he|she|everyone|the \w+)(?:'re|'s| are| is| were| was)? (?:say|said|talk|speak)\w*|"
           r"\bspeech\b|\bdialog(?:ue)?\b|\bspoken\b(?! words?\b)|\btranscri\w+|\b(?:the|its|their) audio\b|\bwhat'?s (?:being )?said\b|"
           r"说的话|讲的话|对话|语音|识别")
_TRANSCRIBE = r"\btranscri\w+|识别(?:一下)?(?:视频|片段)?(?:里|中)?(?:说的话|讲的话|的语音|的对话|语音)|听写|" \
              r"(?:说的话|讲的话|语音|对话|对白)(?:都|全|全部)?(?:识别|转成文字|转为文字|转文字)"  # "把里面说的话都识别出来"
_SUBTITLE_FILE = r"^(?:please\s+)?(?:make|create|give me|generate|export|get me|send me)\s+(?:an?\s+|the\s+)?(?:srt|vtt|webvtt)" \
                 r"(?: file)?(?: too| as well| also)?$"


def _captions(clause: Clause, state: PlanState, named: bool = False) -> bool:
    """Captions of the narration; without narration on the draft "caption"/"字幕" keeps meaning a title (text.py),
    unless the clause asks for captions as such ("add subtitles", "加字幕", "word-by-word captions") or they were
    just named (``named``: "them" after "turned on captions")."""
    if clause.has(_EXPORT) and not clause.has(r"\bvideo\b|\bmp4\b|视频"):
        srt = clause.search(r"(?<![a-z])srt(?![a-z])")
        vtt = clause.search(_VTT)
        if srt and vtt:  # "导出字幕 srt和vtt都要", "export the captions as srt and vtt": one file each, in the order said
            files = [SubtitlesAction(format="srt"), SubtitlesAction(format="vtt")]
            state.actions += files if srt.start() < vtt.start() else files[::-1]
            return True
        state.actions.append(SubtitlesAction(format="vtt" if vtt else "srt"))
        return True
    # a narration asked for earlier in the message is narration too: "add a voice-over ..., then turn on captions"
    speaking = any(isinstance(a, (VoiceAction, ScriptAction)) for a in state.actions)
    # the captions just named or changed are on; a voice-over the last version added is narration, and so are the
    # captions it turned on ("打开了字幕", then "字幕换成黄色的": the captions, not a title)
    # (captions the history turned off are not: "removed the captions", then "make the caption yellow" is the title)
    focus = state.initial_focus.kind if state.initial_focus is not None else None
    left_on = captions_on_in_history(state)
    narrated = bool(state.draft.voice_segments()) or state.draft.canvas.captions is not None or speaking or named or \
        focus == "voice" or left_on is True or (focus == "captions" and left_on is not False)
    # "the highlight colour pink" is the highlight's colour, not the style
    style = "highlight" if clause.has(_HIGHLIGHT) and not clause.has(r"\bhighlight(?:ed|ing)? colou?r\b|高亮(?:的)?颜色") \
        else "clean" if clause.has(_CLEAN) else None
    on_first = _ON_FIRST.match(clause.text) is not None  # "加上字幕，黄色的": turned on, then how they look
    bare = _BARE_ON.match(clause.text.strip(" .!?。！？")) is not None or on_first
    if any(isinstance(a, CaptionSpeechAction) for a in state.actions) and not clause.has(REMOVE) and \
            color_of(clause.text) is None and not clause.has(_BIGGER + "|" + _SMALLER):
        return True  # "transcribe the speech and show it as captions": the request made already
    if clause.has(_SPEECH) and state.draft.tracks_of(VIDEO) and not speaking and not clause.has(REMOVE):
        # the clips' own speech, said outright: captioned by the recogniser (the captions' white is the default)
        _caption_speech(state, style)  # "识别说的话，配上字幕": one request
        return True
    if (bare or style is not None) and not state.draft.tracks_of(VIDEO) and not narrated:
        state.actions.append(Unknown(clause.unquoted(), understood="captions", question=ask(  # "add subtitles" on nothing
            clause, "There is nothing to caption yet: the video has no clips and no voice-over. Generate or add a clip "
                    "first, or add a voice-over (add a voice-over saying ...), then ask for captions.",
            "还没有可以加字幕的内容：视频里还没有片段，也没有配音。请先生成或添加片段，或者加一段配音（加配音：……），再加字幕。")))
        return True
    if clause.has(_NOT_STYLE):  # "plain captions, no fancy highlight": the other style, not no captions
        style = "clean"
    # English says "captions"/"subtitles" of captions only ("the caption 'Day 1'" is a title): "make the captions
    # yellow", "remove the subtitles" change the captions even before there are any
    plural = named or clause.language == "en" and clause.has(r"\b(?:captions|subtitles|subs)\b")
    if not (bare or style is not None or narrated or plural):
        return False
    # "captions off" turns them off; "people watch with the sound off" is why they are wanted
    if (clause.has(REMOVE) or clause.has(r"(?<!sound )(?<!audio )(?<!volume )\boff$")) and not clause.has(r"换|改") \
            and not clause.has(_NOT_STYLE):
        state.edit(SetCaptions(enabled=False), focus_kind="captions")
        return True
    colour = color_of(clause.text)
    # "white with the spoken word in yellow": the words' colour, and the word being said in another
    spoken = clause.search(_SPOKEN_WORD)
    spoken_colour = color_of(clause.text[spoken.start():]) if spoken else None
    if spoken and spoken_colour:
        colour = color_of(clause.text[:spoken.start()])
    scale = 1.25 if clause.has(_BIGGER) else 0.8 if clause.has(_SMALLER) else None
    # "字幕能放到上面吗" with the captions on: 字幕 is the captions, and they have no place of their own
    shown = named or state.draft.canvas.captions is not None or left_on is True or (focus == "captions" and left_on is not False)
    placed = position_of(clause) if (plural or clause.language == "zh" and shown) and clause.quote() is None and \
        colour is None and scale is None else None
    if placed is not None and placed != "bottom":
        return _placed(clause, state)  # "add captions bottom right": captions have no place of their own
    bare = bare or placed == "bottom" and clause.has(ADD + r"|\b(?:turn on|enable|show|want|need)\b")  # where they are
    if colour is None and scale is None and style is None and not bare:
        return False  # "add a caption Summer Vibes at the top": a title
    if (bare or style is not None) and not state.draft.captioned_segments() and state.draft.tracks_of(VIDEO) \
            and colour is None and scale is None and not speaking and not named and not narrated:
        # no narration yet, but clips: their own speech can be captioned (when a recogniser is configured)
        _caption_speech(state, style)
        return True
    highlight_colour = colour if colour and clause.has(r"\bhighlight\w*\b|高亮") else None
    if spoken and spoken_colour:
        if colour is not None:  # both said: one change holds both
            state.edit(SetCaptions(style=style, size_scale=scale, color=colour, highlight=spoken_colour),  # type: ignore[arg-type]
                       focus_kind="captions")
            return True
        highlight_colour = colour = spoken_colour
    if on_first and (colour or scale):  # "captions on, yellow": turned on, then the colour
        if not state.draft.captioned_segments() and state.draft.tracks_of(VIDEO) and not speaking and not narrated:
            _caption_speech(state, style)  # no narration yet: the clips' own speech, captioned
        else:
            state.edit(SetCaptions(style=style), focus_kind="captions")  # type: ignore[arg-type]
        style = None
    elif highlight_colour and scale:  # "captions bigger and the highlight colour pink": one change each
        state.edit(SetCaptions(style=style, size_scale=scale), focus_kind="captions")  # type: ignore[arg-type]
        style, scale = None, None
    state.edit(SetCaptions(style=style, size_scale=scale, color=None if highlight_colour else colour,  # type: ignore[arg-type]
                           highlight=highlight_colour), focus_kind="captions")
    return True


# the word being said, named to colour it: "the spoken word in yellow", "the current word pink", "the word being said in red"
_SPOKEN_WORD = r"\b(?:the |each )?(?:spoken|current|active|highlighted) words?\b|\bthe words? (?:being|as it'?s|that'?s being) (?:said|spoken)\b"


# a history label that turned the captions on or off ("Turned on captions (highlight)", "captions: bigger", "字幕已开启",
# "添加字幕"; "removed the captions", "去掉字幕"); "added the caption 'Day 1'" is a title's
_CAPTIONS_ON_LABEL = re.compile(r"\b(?:turned on|added|enabled|switched on)\b[^'\"“「]*\bcaptions\b|^captions\s*:|"
                                r"\bcaptions (?:on|enabled)\b|字幕已?(?:开启|打开|加上)|(?:添加|开启|打开|加上?)了?字幕|^字幕[:：]", re.I)
_CAPTIONS_OFF_LABEL = re.compile(r"\b(?:removed|turned off|disabled|switched off)\b[^'\"“「]*\bcaptions\b|\bcaptions off\b|"
                                 r"(?:去掉|关闭|关掉|删除)了?字幕|字幕已?(?:关闭|关掉|去掉|删除)", re.I)


def captions_on_in_history(state: PlanState) -> bool | None:
    """Whether the versions this message follows left the captions on: the latest history label that turned them on
    or off says which ("字幕去掉" after "字幕已开启" is the captions, not the title); None when no label says."""
    for label in reversed(state.context.history):
        if _CAPTIONS_OFF_LABEL.search(label):
            return False
        if _CAPTIONS_ON_LABEL.search(label):
            return True
    return None


def _placed(clause: Clause, state: PlanState) -> bool:
    """Captions asked somewhere else than the bottom: they always sit in the lower third, so ask (the words of a
    title of one's own can go anywhere)."""
    where = next((s.words for s in read_clause(clause).of("position") if s.words), "")
    # (the place said is named back: "I can't move them to the middle")
    moved = f"I can't move them to the {re.sub(r'^(?:at|in|to|on) (?:the )?', '', where)}" if where and clause.language == "en" \
        else "I can't move them"
    state.actions.append(Unknown(clause.unquoted(), understood=PLACE_ASKED, question=ask(
        clause, f"Captions always sit at the bottom of the frame (the lower third); {moved}. Want them there? "
                "Say: add captions. For words of your own in a corner, say: add the caption '...' in the bottom right corner.",
        "字幕固定显示在画面底部，暂时不能移动位置。要在底部加字幕吗？可以说：加字幕。想在角落放自己的文字，可以说：在右下角加文字「…」。")))
    state.focus = Focus("captions")
    return True


# a style turned down: "no fancy highlight", "not word by word", "不要逐字高亮"
_NOT_STYLE = r"\b(?:no|without|not|don'?t want)\s+(?:\w+\s+)?(?:highlight\w*|word[- ]by[- ]word|karaoke)|" \
             r"(?:不要|不用|别用?|不想要)(?:再)?(?:用)?(?:那种)?(?:逐字|高亮|(?:一|1)个字(?:一|1)个字|一字一字|逐个字|跳动|花字)|" \
             r"\bnothing (?:too )?fancy\b|\b(?:no|not|without) (?:too |so )?(?:fancy|flashy)\b|(?:不要|不用|别)(?:太|那么)?(?:花里胡哨|花哨|花)"


def _caption_speech(state: PlanState, style: str | None) -> None:
    """Caption the clips' own speech (once a message); "them" is the captions from then on ("... and make them yellow")."""
    if not any(isinstance(a, CaptionSpeechAction) for a in state.actions):
        state.actions.append(CaptionSpeechAction(style=style))  # type: ignore[arg-type]
    state.focus = Focus("captions")


# a list that turns the captions on before saying how they look: "captions on, yellow", "add subtitles, bigger"
_ON_FIRST = re.compile(r"^(?:(?:turn|switch) on |add |enable |show )?(?:the )?(?:captions|subtitles|subs)(?: on)?\s*,|"
                       r"^(?:请|帮我|给我)?(?:给(?:视频|它|这个视频))?(?:打开|开启|加上?|显示|配上?)(?:个|一个|1个|一下|上)?字幕[，,\s](?!\s*(?:写|叫|内容|⟪))|"
                       r"^字幕(?:打开|开启|加上)[，,\s]")  # "字幕加上 黄色的"


def _voice(clause: Clause, state: PlanState) -> bool:
    has_voice = bool(state.draft.voice_segments())
    if clause.has(REMOVE):
        state.edit(RemoveVoice())
        return True
    times = _RATE_TIMES.search(clause.text)
    rate = float(times.group(1)) if times and 0.25 <= float(times.group(1)) <= 4 else \
        0.8 if clause.has(_TOO_FAST) else 1.25 if clause.has(_TOO_SLOW) else \
        0.8 if clause.has(_SLOWER) else 1.25 if clause.has(_FASTER) else None
    named = _VOICE_ID.search(clause.text)
    # "speed her up", "slow him down" of the voice there: the pronoun is that voice, never another one
    gender = _gender(re.sub(r"\b(?:her|him|his|she|he)\b", " ", clause.text) if has_voice else clause.text)
    asked = _no_such_voice(clause.unquoted(), clause.text, gender, state) if named is None else None
    if asked is not None:
        state.actions.append(asked)
        state.focus = Focus("voice")
        return True
    # "use a british male voice": the accent and the gender kept, as the voice that speaks both
    voice = named.group(1) if named else _accent_voice(clause.text, gender, state)
    # "change the voice", "different voice please": with no narration yet the runner says there is none to change
    changed = clause.has(_CHANGE) and (has_voice or not clause.has(ADD))
    if (voice is not None or gender is not None) and rate is not None:  # "换女声 说快一点": another voice, then its pace
        state.actions.append(VoiceChangeAction(voice=voice, gender=gender))  # type: ignore[arg-type]
        state.actions.append(VoiceChangeAction(rate_scale=rate))
        return True
    if rate is not None or voice is not None or gender is not None or changed:
        state.actions.append(VoiceChangeAction(voice=voice, gender=gender, rate_scale=rate))  # type: ignore[arg-type]
        return True
    if clause.has(ADD) or clause.has(r"\bnarrate\b|^(?:a |the )?(?:narration|voice[- ]?over|voiceover)$|^(?:配音|旁白|解说|画外音|口播)$"):
        state.actions.append(Unknown(clause.unquoted(), understood="a voice-over", question=ask(
            clause, "What should the voice say? For example: add a voice-over saying \"Welcome to the coast.\"",
            "配音要说什么？例如：加配音：欢迎来到海边。")))
        return True
    return False
