"""Message text: language, quoted strings, and splitting one message into clauses.

Quoted text (a title's words, a prompt) is taken out first and replaced by a placeholder
``⟪n⟫``, so neither number rewriting nor clause splitting ever touches what the user quoted.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from reelforge.agent._learner import learner_en
from reelforge.agent._numbers import normalize
from reelforge.agent._spelling import correct
from reelforge.draft.colors import NAMED_COLORS

__all__ = ["EN_VERBS", "QUOTES", "VERY_EN", "ZH_VERBS", "Clause", "Remark", "ask", "chatter_kind", "story_time_kept", "clause_starts", "compiled", "describes",
           "detect_language", "is_chatter", "not_that", "remark_of", "split_clauses", "states_need"]

_HAN = re.compile(r"[\u3400-\u9fff]")
# a single-quoted title may hold an apostrophe ("'You won't believe this'"); one after a letter opens nothing ("dog's")
# a single quote after a Han character opens a quote too ("标题改成'夜行'"); after a Latin letter it is an apostrophe
_QUOTES = re.compile(r"(?<![a-zA-Z0-9_])'((?:[^']|'(?=\w))+)'(?![a-zA-Z0-9_])|\"([^\"]+)\"|“([^”]+)”|「([^」]+)」|『([^』]+)』|‘([^’]+)’|《([^》]+)》")
PLACEHOLDER = re.compile(r"⟪(\d+)⟫")
QUOTES = _QUOTES

EN_VERBS = _EN_VERBS = (r"add|make|set|change|put|use|remove|delete|cut|trim|move|swap|speed|slow|mute|unmute|generate|double|halve|triple|"
             r"create|export|turn|fade|lower|raise|increase|decrease|replace|insert|show|undo|redo|give|apply|"
             r"loop|duck|animate|also|shorten|keep|play|switch|drop|get rid|download|render|film|include|write|revert|"
             r"restore|reverse|cancel|bring(?!\s+(?:it|them|this|that|(?:the|my)\s+\w+)\s+to\s+life)|bump|take|have|let|stop|start|crank|boost|shrink|enlarge|rename|zoom|pan|"
             r"narrate|stabilize|ditch|tone|pump|dial|be|kill|go back")
# what a request may open with when it follows another: the verbs, and a few more that only open one ("..., silence the
# dog clip", "... and end the whole thing on black", "..., go to black at the end")
_EN_LEADS = rf"(?:{_EN_VERBS}|(?:don'?t|do not)(?= \w+ (?:the|my|any)\b)|silence|cent(?:er|re)|end(?= (?:the|it|this|everything|on|with)\b)|go(?= (?:to )?black\b)|call(?= (?:it|that|this) (?:to )?⟪))"
# list items of other objects, and changes said without a verb ("..., a bit bigger", "louder music, quieter clips")
# ("..., and the sound louder", ", volume a bit lower": the loudness said after another change, never that thing's size)
_EN_ITEMS = r"clips?|text|words|fade(?: in| out)?|transitions?|crossfade|loop(?:ing)?|zoom|captions|" \
            r"(?:sound|audio|volume)(?=\s+(?:(?:a (?:bit|little|tad|lil)|slightly|much|way)\s+)?(?:louder|quieter|softer|lower|higher|up|down)\b)"
# what is turned up or down: "turn the music down and the clips up"
_SOUNDING_EN = r"clips?|videos?|original sound|clips'? sound|music|bgm|song|voice[- ]?over|narration"
_EN_COMPARATIVE = r"bigger|smaller|larger|louder|quieter|softer|faster|slower|higher|lower"
_EN_CHANGE = rf"(?:a (?:bit|little|tad|lil) |slightly |much )?(?:{_EN_COMPARATIVE})\b"
# Nouns that start an edit of their own in a list ("..., title 'Golden Hour', lo-fi music at 35%").
_KEPT_EN = r"(?:keep (?:only )?(?:the )?(?:music|song|bgm)|only (?:the )?(?:music|song|bgm)\b)"
_KEPT_ZH = r"(?:只(?:保)?留(?:下)?|只要)(?:背景)?(?:音乐|歌|bgm)"
# "音乐不要动", "标题保持不变": what is left as it is (not "音乐不要了")
# ("我想留原声", "原声要留着": kept as it is, said as a wish)
_KEPT_THINGS_ZH = r"背景音乐|音乐|配乐|bgm|标题|字幕|文字|原声|声音|画面|转场|其他的?|别的|[\u4e00-\u9fff]{1,4}?那段|第\d+(?:个)?(?:片段|段)"  # "城市那段不用动"
_UNTOUCHED_ZH = (rf"(?:(?:{_KEPT_THINGS_ZH})(?:就|也|都)?(?:不要动|不用动|别动|不动|保持不变|"
                 r"不变|别改|不用改|不要改|照旧|保持原样|要留着|留着)(?:了|吧)?|"
                 rf"我?(?:想|要)(?:保留|留着|留下|留)(?:着)?(?:{_KEPT_THINGS_ZH.replace('|其他的?|别的', '')})(?:就行|就好|吧)?)")
# "leave the captions alone", "don't touch the music": what stays as it is, beside the change
_UNTOUCHED_EN = (r"(?:(?:just|but|and) )?(?:leave|keep) (?:the |my )?(?:[\w-]+ )?(?:title|music|song|captions|subtitles|text|clips?|"
                 r"transitions?|voice-?over) (?:alone|as (?:it is|is)|unchanged|the same)|(?:(?:just|but|and) )?(?:don'?t|do not) (?:touch|change) "
                 r"(?:the |my )?(?:[\w-]+ )?(?:title|music|song|captions|subtitles|text|clips?|transitions?|voice-?over)")
# "音乐关了吧 只要原声", "drop the music and keep the original audio": the clips' own sound, kept, said after the music is
# taken away (only the removal is done; said alone it is read as any other clause)
_OWN_SOUND_ZH = (r"(?:我)?(?:只|就)?(?:要|留|保留|用|听)(?:下|着)?(?:视频|片段|素材)?(?:自己|本身|原来|原本)?(?:的)?(?:原声|原音|声音|现场声)"
                 r"(?:就行|就好|就可以|就够了|吧)?|(?:原声|原音)(?:就行|就好|就可以|就够了|吧|留着)")
_OWN_SOUND_EN = (r"(?:and\s+)?(?:(?:i\s+)?(?:just\s+|only\s+)?(?:want|need|keep|leave|use)\s+|just\s+|only\s+)(?:just\s+|only\s+)?(?:the\s+)?"
                 r"(?:(?:clips?|videos?)(?:'s?)?\s+(?:own\s+)?|(?:original|natural|own|real|camera|ambient)\s+)(?:sound|audio)s?"
                 r"(?:\s+(?:only|on|please|pls))?")
_EN_PARTS = r"title|captions?|subtitles?|voice[- ]?over|narration|music|soundtrack|bgm|song|text|whoosh|swoosh|ding|chime|pop|applause|riser|sound effects?|sfx"
# (a new clip's shape, then its music: "... 10 sec vertical with relaxing music")
_SHAPE_BEFORE = "".join(f"(?<={w})|" for w in ("vertical", "horizontal", "square", "portrait", "landscape", "9:16", "16:9")).rstrip("|")
_GENRE_ITEM = r"jazz|lo-?fi|piano|guitar|acoustic|ambient|classical|hip[- ]?hop|edm|techno|synthwave|rock|blues|funk|reggae|orchestral|chill ?hop"
_EN_SPLIT = re.compile(
    # "first slow the city clip down, second put a ding at 4s, third remove the title": requests counted off
    rf"\s*(?:(?:^|[,;]\s*(?:and\s+)?)(?:first(?:ly)?|first of all|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?)\b\s*[,:]?\s+(?=(?:{_EN_LEADS})\b)|;|[.!?]\s+|\s+[+&]\s+|,?\s*(?:\band\s+)?\bthen\b\s*|,\s*and\s+(?={_EN_LEADS})|(?:(?<!\bfade in)|(?=\s+and\s+(?!(?:also\s+)?fade\b)))\s+and\s+(?=(?:also\s+)?(?:{_EN_LEADS})\b)"
    rf"|,\s*(?=(?:also\s+)?(?:{_EN_LEADS})\b)|,\s*(?=(?:{_OWN_SOUND_EN})$)"
    # "..., half speed for the dog clip", ", slow motion on the first clip": a speed as a list item
    r"|,\s*(?:and\s+)?(?=(?:(?:half|double|normal|quarter|\d+(?:\.\d+)?\s*x?)\s+speed|slow[- ]?mo(?:tion)?)\s+(?:on|for)\b)"
    # "..., oh and mute the dog clip", "... oh also make it vertical": a request remembered after the others
    rf"|,?\s+oh,?\s+(?:and\s+)?(?:also\s+)?(?=(?:{_EN_LEADS}|(?:the|a|an|my)\s|(?:{_EN_PARTS})\b))"
    # "put the hike video first and the city after it": the next of an order said as a list (``rules._next_in_order``)
    r"|\s+and\s+(?=(?:then\s+)?(?:the|my) [\w' .-]+? (?:after (?:it|that|this)|next|last|after that)$)"
    # "fade out the music over 2 seconds, same for the title": that change again, a clause of its own (``_same_of_another``)
    r"|[,;]\s*(?=(?:and\s+)?(?:the\s+)?same\s+(?:for|with|on)\s+(?:the|clip)\b)"
    # "mute the dog clip, not the city one": what is not meant, a clause of its own (``not_that``)
    r"|,\s*(?=(?:but\s+)?not (?:my|the|a|an|that|this|your) [\w' .-]{1,30}$)"
    # "... also mute it", "... plus add a title", ", and finally add music", ", after that trim it"
    rf"|\s+(?:also|plus)\s+(?=(?:{_EN_VERBS})\b)|\s+plus\s+(?=(?:a|an|some)\s)|"
    # "..., additionally make the title yellow", "... and while you're at it turn the music down": a joiner phrase
    rf"(?:,\s*|\s+)(?:and\s+)?(?:also,|additionally|in addition|on top of that|besides(?: that)?|apart from that|other than that|"
    rf"while you'?re at it|while you are at it|next|btw|by the way|ps|p\.s\.?|one more thing:?)\s*,?\s+(?=(?:please\s+)?(?:can you\s+)?(?:{_EN_LEADS})\b)|"
    # "mute the dog clip n make it square", "... aaand make it square": "and" as typed in a chat
    rf"\s+(?:n|a{{2,}}n+d+|an{{2,}}d+|and{{2,}})\s+(?=(?:{_EN_LEADS})\b)|"
    # "the clips r too loud compared to the music, 30% on both": a level for them, said after the remark
    rf",\s*(?=(?:like |maybe |about )?\d+(?:\.\d+)?\s*(?:%|percent)\s+(?:on|for)\s+(?:both|all|each)\b)|(?:,\s*|\s+and\s+)(?:after that|afterwards|finally|lastly|last of all)\b,?\s*"
    # a change said as a negation or a verb outside the list: "... and don't loop it", ", no loop", "and stop it
    # from repeating", "and maybe fade out the music", "and take out the music"
    rf"|(?:,\s*and\s+|\s+and\s+)(?:maybe\s+|please\s+)?(?=(?:don'?t|dont|do not|no|stop|let|start|have|"
    rf"take (?:out|off|away)|bring)\b(?!\s+(?:one|more|longer|matter)\b))"
    rf"|\s+and\s+(?:maybe|please|just|instead)\s+(?=(?:{_EN_VERBS})\b)|\s+and\s+(?=do (?:a |the )?[\w-]+ instead\b)"
    # what stays as it is, said after the change: "mute the clips but keep the music", "... clips? only the song should play"
    rf"|(?:,\s*|\s+)(?:but|and)\s+(?={_KEPT_EN})|[?!,]\s*(?={_KEPT_EN})|(?:,\s*|\s+)(?:but|and)\s+(?=(?:just\s+)?(?:don'?t|do not) (?:touch|change)\b)"
    # a second question: "show me the timeline and what music styles are there"
    rf"|\s+and\s+(?=what (?:[\w-]+\s+){{0,3}}(?:are|is|do|does|can)\b)"
    # a list item led by one of those nouns, up to two words in (", lo-fi music at 35%", ", with a title")
    rf"|,\s*(?:and\s+)?(?=(?:(?:a|an|the|some|with|plus)\s+)?(?:[\w-]+\s+){{0,2}}(?:{_EN_PARTS})\b)"
    # music said with "with" after a new clip's length or shape, or its genre alone as the last item ("waterfall in a
    # jungle 10 sec vertical with relaxing music at 20%", "a barista pouring latte art, 5 seconds, with some jazz")
    rf"|(?:(?<=\d sec)|(?<=\d secs)|(?<=\d seconds)|(?<=\ds)|{_SHAPE_BEFORE})\s+(?=with\s+(?:[\w-]+\s+){{0,2}}(?:music|soundtrack|bgm)\b)"
    rf"|,\s*(?=with\s+(?:some\s+|a (?:little|bit of|touch of)\s+)?(?:[\w-]+\s+)?(?:{_GENRE_ITEM})(?:\s+music)?\s*$)"
    # a shape as a list item: "add a title 'Tokyo Nights' in pink, vertical format, and a riser"
    r"|,\s*(?:and\s+)?(?=(?:in\s+)?(?:vertical|horizontal|landscape|portrait|square|widescreen)(?:\s+(?:format|video|mode|version))?\s*,\s*(?:and\s+)?(?:a|an|the|some)\s)"
    # "put 'Our Trip' at the start and 'The End' at the end": a second quoted text with its own place
    rf"|\s+and\s+(?=⟪\d+⟫\s+(?:at|on|in|for|from|over)\b)"
    # "... and the title X", "and some music": an article right after "and" ("rock and roll music" stays whole)
    rf"|\s+and\s+(?=(?:a|an|the|some|my)\s+(?:[\w-]+\s+)?(?:{_EN_PARTS})\b|(?:{_EN_PARTS})\b"
    # "a 5 second shot of rain after it and a crossfade into it": a transition asked for after a new clip
    r"|(?:a|an)\s+(?:[\w-]+\s+)?(?:cross-?fades?|transitions?|dissolves?)\s+(?:into|to|between|before|after)\b"
    # "a 2 second clip of a sunrise at the start and a 2 second clip of a sunset at the end": a second new clip
    r"|(?:a|an|another)\s+(?:[\w-]+\s+){0,3}?(?:clip|shot|video)s?\s+(?:of|showing)\b"
    # "..., 5 seconds, and another 5 seconds of the city lights": a second new clip by its length
    r"|(?:then\s+)?another\s+\d+(?:\.\d+)?\s*(?:seconds?|secs?|s)\s+of\b)"
    # "... after it and a crossfade into it", "a slow zoom out and a fade out at the end": a transition or fade of its own
    r"|(?<!fade in)(?<!fade out)\s+and\s+(?=(?:a|an)\s+(?:[\w-]+\s+)?(?:crossfade|dissolve|wipe|transition|fade (?:in|out))\b)"
    # "... for the first 2 secs and calm piano music" (not "rock and roll music", "drum and bass music")
    r"|\s+and\s+(?!(?:roll|bass|b|blues)\b)(?=(?:[\w-]+\s+){1,2}(?:music|soundtrack|bgm)\b)"
    # "... and can you slow down the dog clip", ", can you make it white": a request asked as a question
    r"|(?:,\s*(?:and\s+|plus\s+)?|\s+(?:and|plus)\s+)(?:can|could|would|will) (?:you|u)\s+(?:please\s+)?(?:also\s+)?(?=(?:make|add|put|remove|"
    r"delete|mute|move|change|turn|slow|speed|trim|cut|fade|set|swap|lower|raise|use|drop|show|switch|play|take|go|end|silence)\b)"
    # "title on top, 24 fps and a white background", "ken burns on everything, plus 25 fps": a canvas item of its own
    r"|(?:,\s*(?:and\s+|plus\s+)?|\s+and\s+|\s+plus\s+)(?=\d+(?:\.\d+)?\s*fps\b)|,\s*plus\s+"
    # "render the video, frame rate 24": the export's frame rate said after it
    r"|,\s*(?:and\s+|at\s+|with\s+)?(?=(?:a\s+|the\s+)?(?:frame\s*rate|fps)\s+(?:(?:of|at|to|is|=|:)\s*)?\d+(?:\.\d+)?\b)"
    r"|\s+and\s+(?=(?:a|an|the)\s+(?:[\w-]+\s+)?(?:background|bg|backdrop)\b)"
    # "make the background blue and the video 4:5": the video's shape, said without its verb
    r"|\s+and\s+(?=(?:the|my)\s+(?:whole\s+)?(?:video|canvas|frame|thing)\s+(?:\d+:\d+|vertical|horizontal|square|landscape|portrait)\b)"
    # "what styles of music do you have and what sounds": a second question, said short
    r"|\s+and\s+(?=what\s+[\w-]+(?:\s+[\w-]+)?\s*\??$)"
    # "add the song and the hike video": an upload of another kind after the song, its verb shared (``_carry_add``)
    r"|(?:(?<=song)|(?<=music)|(?<=track)|(?<=audio)|(?<=mp3))\s+and\s+(?=(?:the|my)\s+(?:[\w-]+\s+)?"
    r"(?:video|photo|picture|image|footage|pic)s?\b)"
    # "dog clip 2x speed and city clip muted": a setting of another clip said as the first one's was, each its own request
    r"|(?:(?<=clip)|(?<=speed)|(?<=\dx)|(?<=%)|(?<=motion)|(?<=muted)|(?<=silent)|(?<=seconds))\s+and\s+(?=(?:the\s+)?[\w-]+\s+"
    r"(?:clip|one|part|shot)\s+(?:muted|unmuted|silent|silenced|at\s|\d+(?:\.\d+)?\s*x\b|(?:half|double|normal)\s+speed|in\s+slow|slow[- ]?mo))"
    # "make it white and a bit bigger": a change said without its verb
    rf"|\s+and\s+(?=(?:a (?:bit|little|tad|lil) |slightly |much )(?:{_EN_COMPARATIVE})\b)"
    # ", calm piano at 30%", ", lo-fi at 25%": a list item with its level
    r"|,\s*(?:and\s+)?(?=(?:[\w-]+\s+){1,3}at\s+\d+(?:\.\d+)?\s*%)"
    # more list items: another object and its value (", dog clip muted", ", a fade out at the end", ", no loop"), or
    # a change of the thing just named (", a bit bigger", ", quieter clips")
    rf"|,\s*(?:and\s+)?(?=(?:(?:a|an|the|some)\s+)?(?:[\w-]+\s+){{0,2}}(?:{_EN_ITEMS})\b|no\s+(?:{_EN_ITEMS}|{_EN_PARTS})\b"
    rf"|{_EN_CHANGE})"
    # "put a dark box behind the title so i can read it": what it is for
    r"|\s+(?=so (?:that )?(?:i|you|we|people|they|viewers|everyone|it) (?:can|could|is|will|won'?t)\b)"
    # "the city clip is too long, i only want the first 5 secs": the wish after a remark
    r"|,\s*(?=i (?:only|just) (?:want|need|keep)\b)"
    # "..., the wind is loud": a remark after the request
    r"|,\s*(?=(?:the|this|it|that)\b[\w\s']{0,30}?\b(?:is|are|'s)\s+(?:(?:too|so|really|very|way|a bit|kind of|kinda)\s+)?"
    r"(?:loud|quiet|long|short|slow|fast|ugly|boring|bad|hard|small|big|dark|bright|annoying|distracting)\b)"
    # "add a pop at 2s and a ding at 9s", "a pop when the title appears and a whoosh when it goes away"
    r"|\s+and\s+(?=(?:a|an)\s+[\w-]+\s+(?:at \d|(?:when|before|after|as) (?:the|it|he|she|they)\b|(?:on|at) (?:the|each|every) (?:cuts?|transitions?)\b)"
    r"|(?:another|one more)(?: one)? at \d)"  # "... and an impact on the cut"
    # "turn the music down and the clips up": another object turned the other way
    r"|(?:(?<=\bup)|(?<=\bdown)|(?<=\bup a bit)|(?<=\bdown a bit)|(?<=\bup a little)|(?<=\bdown a little))\s+and\s+"
    rf"(?=(?:the|my|its)\s+(?:[\w-]+\s+){{0,2}}(?:{_SOUNDING_EN})\s+(?:up|down)\b)"
    # "make the song quieter and the words bigger": another object and its change
    rf"|\s+and\s+(?=⟪\d+⟫\s+(?:at|on|in|for)\b)"  # "put 'Our Trip' at the start and 'The End' at the end"
    rf"|\s+and\s+(?=(?:(?:the|my|its)\s+)?(?:[\w-]+\s+){{0,2}}(?:{_EN_ITEMS}|{_EN_PARTS}|one)\s+(?:{_EN_CHANGE}|at the (?:top|bottom|left|right|middle|center|centre)\b|\d+(?:\.\d+)?\s*"
    r"(?:seconds?|secs?|s|x)\b)))\s*")
ZH_VERBS = _ZH_VERBS = r"把|加|添加|给|将|再|去掉|删除|删掉|生成|导出|换|改|调|设置|让|静音|剪|裁|插入|放|用|移除|撤销|配|来|压|缩"
# a comma before a verb, or before another clip by number ("第一个片段静音，第二个片段加速"), starts a clause
# "背景顺便改成黑的": the thing named, then "while you're at it" and its change: one request
_NOUN_BEFORE = "".join(f"(?<!^{noun})(?<![，,\\s]{noun})" for noun in ("背景", "标题", "字幕", "音乐", "配乐", "画面", "视频"))
_ZH_SPLIT = re.compile(rf"\s*(?:"
                       r"(?<=\S)\s+(?=还是[^，,\s]{1,8}好(?:一些|一点|点)?[吧啊]?$)|"  # "配音去掉吧 还是纯音乐好": why, said after
                       r"(?:(?<=不好看)|(?<=难看)|(?<=丑)|(?<=不喜欢))[了啊]?[，,\s]+(?=还是|换|改|用)|"  # "黄的不好看 还是白的吧": why, then the request
                       # dictated without a pause: another clip after a request ended ("城市那段1.5倍速狗那段0.5倍速"; not
                       # "帮我静音狗那段", the English order of "mute 咗隻狗嗰段"),
                       # another object and "also" after one ("标题删掉音乐也去掉")
                       r"(?:(?<=倍速)|(?<=[倍秒%])|(?<=[^静]音)|(?<=[^我请把帮先再就也都要后着]静音)|(?<=一点))(?!速|一下|的)(?=[\u4e00-\u9fff]{1,4}?那段|第\d+(?:个)?(?:片段|段))|"
                       r"(?<=[掉了吧])(?=(?:标题|字幕|背景音乐|音乐|配乐|原声|转场|音效)(?:也|都))|"
                       # two changes of one clip joined by 并 / 和: "狗那段静音并加速两倍", "城市那段加速和静音" (not "淡入和淡出")
                       r"(?:(?<=静音|加速|减速|放慢|慢放)|(?<=\d倍|\d秒))(?:并|和|跟)(?=(?:再)?(?:静音|加速|减速|放慢|慢放|剪|裁|删|去掉))|"
                       r"(?<=[掉了])[，,]\s*(?=在(?:开头|结尾|最后|片头|片尾|第\d)[\u4e00-\u9fff\d]{0,4}?(?:加|放|写|插))|"  # "标题删掉，在结尾加个…"
                       # a place on screen, then what to add there: "标题删掉，顶部加个「你好」", "标题去掉 右上角写上…"
                       r"(?:(?<=掉)|(?<=删了)|(?<=去了)|(?<=删除)|(?<=不要了))(?:[，,]\s*|\s+)(?=(?:在|到)?(?:画面)?(?:的)?(?:顶部|顶上|顶端|上方|底部|底下|底端|下方|正?中间|中央|"
                       r"[左右][上下]角|左边|右边|左侧|右侧)(?:的?(?:位置|地方))?(?:再|也)?(?:加|放|写|插|打))|"
                       rf"[，,]?\s*(?:(?<!不)然后|接着(?!剪|改|编辑|调|做)|之后再(?!进|开始|出现|响起|出来|放)|并且|同时|(?<![在到])最后再|{_NOUN_BEFORE}(?:顺便|顺带|顺手))|[，,]\s*(?=(?:背景|标题|字幕|音乐|配乐|画面|视频)(?:顺便|顺带|顺手))|[；;。！!？?]|[，,]\s*(?!用\s*(?:\d+(?:\.\d+)?\s*(?:倍|%)|一半)(?:吧|的)?$)(?!再[1一](?:个|件事|点)[，,：:])(?=(?:{_ZH_VERBS}))|"  # "标题放大，用两倍": the factor of the change before it
                       # "…，完事导出给抖音", "…，弄完再导出": when that is done, the next request
                       rf"[，,\s]\s*(?:(?:弄|搞|改|做|剪)?完(?:事|了)?(?:之后|以后|后)?|(?:搞定|弄好|做好)(?:了)?(?:之后|以后|后)?)(?:再|就)?[，,]?\s*(?=导出|发(?:到|给)|(?:{_ZH_VERBS}))|"
                       rf"[，,]\s*(?:最后|之后|接着再|并)(?=(?:{_ZH_VERBS})|整个|视频|画面|结尾|开头|片头|片尾|标题|字幕|文字|音乐|配乐|背景|帧率|原声|"
                       r"片段\d|第\d|所有|每个|[\u4e00-\u9fff]{1,4}那段)|"  # "…，最后导出", "…，并把狗那段剪掉"
                       r"[，,]\s*(?:能|可以)(?=[\u4e00-\u9fff]{1,6}(?:不|吗)?$)|[，,]\s*(?=(?:想|要|准备)发(?:到|给)?[\w\u4e00-\u9fff]{1,6}$)|"  # "…太快了，能慢一些不"
                       r"[，,]\s*(?=挡住|盖住|遮住|挡着|看不清|看不见|听不清|听不见|听不到)|"  # "标题太大了，挡住画面了"
                       r"[，,]\s*(?=(?:慢慢|缓缓|缓慢)(?:地|的)?(?:推|拉|摇|移|放大|缩小|往|向))|"  # "城市灯光那里，慢慢推近"
                       # another moment and what to add then: "标题出现的时候加个快门声，狗出来的时候加个叮"
                       r"[，,]\s*(?=[^，,\s]{0,8}(?:出现|出来|开始|消失|离开|进来)(?:的?(?:时候|时)|之前|之后)(?:再|也)?(?:加|放|来))|"
                       r"[，,]\s*(?=(?:在)?(?:片段|镜头|画面)?(?:切换|切过去|切过来)(?:的时候|时))|"  # "…加到后面，切过去的时候用向右滑"
                       # the other fade at its own moment: "标题出来慢一点，淡入两秒，走的时候也淡出两秒" (a change of its own)
                       r"[，,]\s*(?=[^，,\s]{1,6}(?:的时候|时)(?:也|再)?(?:淡入|淡出))|"
                       r"(?<=⟫)\s*(?:和|跟|以及|还有|再加)(?=(?:1|一)?(?:段|首|个|点)[\u4e00-\u9fff]{0,8}?(?:音乐|配乐|歌|曲|bgm))|"  # "加个标题「夜」和一段吉他的音乐"
                       r"[，,]\s*(?=(?:再|也)?(?:给|在)?(?:这张|那张)?(?:照片|图片|相片)上(?:面)?(?:再|也)?(?:加|写|打))|"  # "照片放在最后，照片上加上文字…"
                       # the order said a thing at a time: "照片放最前面，城市放后面", "照片放第一个 城市放第二 hike放最后"
                       r"(?:[，,]\s*|(?<=[个面后前头尾\d])\s+)(?!都|全|也|一起)(?=[\u4e00-\u9fffa-z]{1,6}?(?:放|加|接|插)(?:在|到)?(?:第\d|最前|最后|前面|后面|开头|结尾))|"
                       r"(?<=了)[，,]\s*(?=(?:前面|后面|前边|后边)(?:再)?(?:剪|裁|掐|砍|删|去|留))|"  # "城市那段拖沓了，前面剪三秒"
                       r"[，,]\s*(?=(?:整个)?视频(?:整体|全部)?(?:改|换|调|变|转)(?:成|为)?(?:竖|横|方|\d))|"  # "照片放最前面，视频整体改成竖的"
                       # "…，还有把音乐调小", "…，另外标题放到底部", "…，也把它静音": a joiner word after a comma
                       r"[，,]\s*(?:(?:还有|再)(?:一|1)(?:个|件事|点)[，,：:]|"  # "…，还有一个，标题改成黄色": one more, then what
                       r"还有|另外(?![1一]?(?:个|段|条|首))|此外|以及|而且|还要|也要?(?!是)|其次|再次)[，,]?\s*|"
                       # another new clip at another place: "用一段日出的画面开场，五秒，后面再接一段赶海的"
                       r"[，,]\s*(?=(?:然后)?(?:后面|前面|最后|结尾|开头)(?:再|又)(?:接|加|来|补|插)(?:上)?(?:1)?(?:段|个|条))|"
                       r"[，,]\s*(?=(?:标题|字幕|背景音乐|音乐|配乐)(?:叫|是|写|就叫|用)?[:：]?\s*⟪)|"  # "…，竖屏，标题“东京”": a list item
                       r"[，,]\s*(?=我(?:自己)?(?:上传|传)?的(?:那首)?(?:歌|音乐|曲子)(?:当|做|作为|用作|来当)(?:背景|配乐|bgm|背景音乐))|"  # "…，我的歌当背景"
                       # the box's colour after the letters': "标题颜色换成白色的，底色黑色" (two changes, as "…，再加个黑底" is)
                       r"(?:[，,]\s*|(?<=[\u4e00-\u9fff])\s+)(?=(?:底色|底框|底的颜色|底的色)(?:也|再)?(?:用|换成|改成|换|改|是|要|弄成|调成)?[\u4e00-\u9fff]{1,3}色)|"
                       r"(?<=⟫)[，,]\s*(?=(?:后面|前面|最后)(?:也|再)?(?:加|放|写|打))|"  # "前3秒加个字「第一天」，后面加个字「完」"
                       # "把标题删了，音乐也去掉", "…，转场换成淡入淡出": another object, then what to do with it
                       r"[，,]\s*(?=(?:(?:(?:两|2|每)(?:段|个片段)|所有|全部|clips?|片段)(?:片段)?的?\s*)?(?:标题|字幕|文字|字体|字|背景音乐|音乐|配乐|bgm|配音|旁白|转场|音效|音量|原声|声音|速度|背景|比例)"
                       r"(?:也|都|再)?(?:(?:开头|结尾|片头|片尾|最后)(?:\d+(?:\.\d+)?秒)?(?:也|再)?(?=淡))?(?:去掉|删|拿掉|调|改|换|加|放|移|变|淡|静音|关|开|大|小|缩|延|剪|用|太|有点|有些|留|保留|不|别|拉|全|"
                       r"来(?:点|个|一|1|首|段)))|"  # "…，音乐来点动感的"
                       # another clip, by number or by what it shows ("狗那段删掉，城市那段加速两倍"), the video's ends
                       # ("片头来个淡入，片尾来个淡出"), a moment ("在第二秒加个叮，第六秒加个啵"), the place between clips
                       r"[，,]\s*(?=第\d+(?:个)?(?:片段|镜头|段)|[\u4e00-\u9fff]{1,6}?(?:那段|这段|那个片段|那个镜头)|"
                       r"(?:结尾|开头|片头|片尾)(?:也|再)?(?:淡|加|放|显示|来|剪|删|去|黑场|黑屏|渐)|(?:在)?第\d+(?:\.\d+)?秒(?:的时候)?(?:也|再)?(?:加|放|插)|"
                       r"(?:两段|2段|两个片段|2个片段|片段)(?:之间|中间)|(?:两段|2段|两个片段|2个片段|所有片段|每段|每个片段)(?:的)?原声|\d+(?:\.\d+)?(?:秒)?(?:到|至)\d)|"
                       # what stays as it is ("…，只保留背景音乐"); another change, its object left unsaid ("音乐从第3秒开始，
                       # 从歌的第10秒放起", "第10秒来个嗖")
                       rf"(?:[，,]\s*|\s+)(?={_KEPT_ZH})|(?:[，,]\s*|(?<=[\u4e00-\u9fff])\s+)(?=(?:{_UNTOUCHED_ZH}|{_OWN_SOUND_ZH})$)|"
                       r"(?<!从头放)(?<!从头播)(?<!从头开始)[，,]\s*(?=从(?:歌|第(?!\d+(?:\.\d+)?秒?\s*(?:到|至|-)))|(?:在)?第?\d+(?:\.\d+)?秒(?:处|时|的时候)?(?:再|也)?(?:加|放|来)|"
                       # "歌用上，跳过前10秒" / "，到第8秒就停": where the song starts or stops, its object unsaid
                       r"(?:先)?跳过(?:开头|前面|前奏)?(?:的)?前?\d|(?<!开始，)(?<!开始,)到第?\d+(?:\.\d+)?秒(?:就|时|的时候)?(?:停|结束)))\s*")


@functools.cache
def compiled(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled once: the rules use more patterns than ``re``'s own cache keeps (512), and
    recompiling the large vocabularies on every message would cost milliseconds."""
    return re.compile(pattern)


@functools.lru_cache(maxsize=2048)
def compiled_words(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` built from the words of a message or a draft (a clip's name, a title's text), compiled here rather
    than in ``re``'s own cache, which drops its oldest pattern when full: a pattern made per message there would push
    out the rules' own and have them compiled again. Bounded, as it grows with what users write."""
    return re.compile(pattern, flags)


@dataclass(frozen=True)
class Clause:
    """One instruction: ``text`` is normalized (lower-case, digits) with ``⟪n⟫`` for quoted strings."""

    text: str
    quotes: tuple[str, ...]
    language: str
    source: str = ""  # the whole message as typed (case kept), to recover the case of unquoted words

    def as_typed(self, words: str) -> str:
        """``words`` (found in the normalized text) with the case the user typed them in, when it can be found ("and"
        read from a typed "&" is the "&": "add the title Tom & Jerry")."""
        pattern = r"\s*(?:and|&)\s*".join(re.escape(part) for part in re.split(r"\s+and\s+", words))
        found = [m.group(0) for m in compiled_words(pattern, re.IGNORECASE).finditer(self.source)]
        # said twice, once capitalised: the capitalised one ("at the end that says The End")
        return next((said for said in found if said != said.lower()), found[0]) if found else words

    def quote(self) -> str | None:
        """The first quoted string this clause mentions."""
        match = PLACEHOLDER.search(self.text)
        return self.quotes[int(match.group(1))] if match else None

    def unquoted(self) -> str:
        """The clause with its placeholders put back as plain text (for prompts)."""
        return PLACEHOLDER.sub(lambda m: self.quotes[int(m.group(1))], self.text)

    def has(self, pattern: str) -> bool:
        """Whether the regex ``pattern`` occurs (English words get word boundaries)."""
        return compiled(pattern).search(self.text) is not None

    def search(self, pattern: str) -> re.Match[str] | None:
        return compiled(pattern).search(self.text)


def detect_language(message: str) -> str:
    """``"zh"`` when the message holds Han characters outside its quotes (or only inside them), else ``"en"``."""
    outside = _QUOTES.sub(" ", message)
    if _HAN.search(outside):
        return "zh"
    if re.search(r"[a-zA-Z]", outside):
        return "en"
    return "zh" if _HAN.search(message) else "en"


# words that only open or fill a dictated message ("alright then ...", "right, put ...", "ok so, ...")
# "wait a second", "hold on a sec" ("a sec" is "1 second" by now) ask for a moment, nothing to film
_FILLER_WORDS = r"(?:ok(?:ay)?|alright|all right|right|so|well|hmm+|mm+|eh+|um+|uh+|yeah|nah|cool|now|oh|"\
                r"(?:wait|hold on|hang on|just|one) (?:a|1) sec(?:ond)?|hold on|hang on|wait|anyway|嗯+|好|好的|那|"\
                r"also|next|btw|by the way|p\.?s\.?|one more thing|yes+|yep|yup|nice|great|perfect|awesome|lovely|sweet)"  # and joiners left alone ("...; also, make it square")
_FILLER = re.compile(rf"^(?:{_FILLER_WORDS}[\s,，.。!！]*)+$")
# "right" opens a message only before a comma ("right, ..."); the others also without one ("nah just hard cuts")
_OPENER_EN = re.compile(rf"^(?:(?:{_FILLER_WORDS}\s+)*{_FILLER_WORDS}\s*[,.!]+\s*|"
                        r"(?:(?:ok(?:ay)?|alright|all right|so|well|hmm+|mm+|eh+|um+|uh+|yeah|nah|cool|now|oh|anyway)\s+)+)(?=\S)")


# a dictated run-on with no "and" or comma between its requests: "mute the city clip speed up the dog clip", "music
# 20 percent title yellow"; a request starts at a plain verb after a noun or a value, or at an object after a value
_RUN_ON_EN = re.compile(
    r"\b(?:clip|clips|one|title|music|song|video|transition|transitions|crossfade|captions|percent|seconds|it|them|"
    r"read|long|short|loud|quiet|slow|fast|boring|ugly|bigger|smaller|larger|louder|quieter|faster|slower|shorter|longer|"
    r"top|bottom|middle|center|centre)(\s+)"
    r"(?=(?:mute|unmute|speed up|slow down|put|remove|delete|export|add|swap|trim|bring|give|move)\b)|"
    rf"(?:\b(?:percent|seconds|secs|muted|(?:title|text|captions|background)\s+(?:colou?r\s+)?(?:{'|'.join(NAMED_COLORS)})|"
    r"(?:at|to|on) the (?:top|bottom|middle|cent(?:er|re)))\b"
    r"|%|\dx\b)(\s+)"
    r"(?!(?:off|from|of|on|in|into|for|at|to|per|each)\b)"  # "cut 2 seconds off clip 2": the clip it comes off
    r"(?=(?:the\s+)?(?:title|music|song|captions|(?:[\w-]+\s+)?clip)\b)|"  # "title white text on black": its colour
    # "title red music quieter dog clip muted": a thing and its comparative, then the next thing ("quieter music" stays one)
    r"\b(?:title|text|music|song|captions|clip|clips|video)\s+(?:(?:a (?:bit|little|lot)|much|way)\s+)?"
    r"(?:bigger|smaller|larger|louder|quieter|softer|faster|slower|shorter|longer|higher|lower)(\s+)"
    r"(?=(?:the\s+)?(?:title|music|song|captions|(?:[\w-]+\s+)?clips?)\b)")
_SAID_WHOLE = re.compile(r"\b(?:bigger|smaller|larger|louder|quieter|faster|slower|top|bottom|middle|center|centre)$")
# the part before such a verb that asks for something done by it: "make the dog clip speed up" stays whole
_CAUSING = re.compile(r"^(?:make|have|let|get|i want|want|keep|can you make)\b")


_TOPIC_EN = re.compile(r"^(?:and |now |so |ok )*(?:(?:the )?same(?: thing)? (?:for|with|on) )?((?:the|that|this) (?:[\w-]+ )?(?:title|music|song|captions|text|clip|one|"
                       r"transition|crossfade|voice-?over|voice|video|part|shot|photo)|title|music)$|"
                       # "favourite bit is the dog, put it first": the clip it names
                       r"^(?:my )?(?:favou?rite|best) (?:bit|part|clip|one|shot) is ((?:the|that) [\w-]+(?: (?:clip|one|part|shot))?)$")
_TOPIC_ZH = re.compile(r"^(?:还有|然后|那|至于)?([\u4e00-\u9fff]{0,4}(?:那段|这段|标题|音乐|背景音乐|字幕|转场|配音|旁白))(?:的话|呢)?$")


# a change said with no object of its own after a clip named alone ("the dog clip, slow motion"), and what names one
_CHANGE_ALONE = re.compile(r"^(?:(?:please|pls|just|and|then|also|now)\s+)*(?:cut|trim|shorten|shave|chop|speed|slow|mute|unmute|fade|"
                           r"zoom|pan|tilt|delete|remove|make|put|keep|double|half|slo-?mo|slow[- ]?mo|\d+(?:\.\d+)?\s*x\b)")
_NAMES_ITS_OWN = re.compile(r"\b(?:it|them|this|that|title|text|music|song|captions?|subtitles?|voice|narration|sound effects?|"
                            r"clips?|videos?|video|shots?|photos?|transitions?|crossfade|canvas|background)\b|\bthe (?!(?:start|end|beginning|"
                            r"ending|first|last|middle)\b)")


def _topic_first(parts: list[str]) -> list[str]:
    """"now the title, make it blue", "还有狗那段，把它静音": the thing named first is the "it" of the request after it."""
    merged: list[str] = []
    index = 0
    while index < len(parts):
        topic = _TOPIC_EN.match(parts[index]) or _TOPIC_ZH.match(parts[index])
        it = r"\bit\b" if topic and topic.re is _TOPIC_EN else "它"
        if topic and index + 1 < len(parts) and re.search(it, parts[index + 1]):
            merged.append(re.sub(it, topic.group(1) or topic.group(2), parts[index + 1], count=1))
            index += 2
        elif topic and topic.re is _TOPIC_ZH and index + 1 < len(parts) and _ZH_OPENS.match(parts[index + 1]) and \
                re.search(r"(?:的话|呢)$", parts[index]) and \
                not re.search(r"标题|字幕|音乐|配乐|那段|第\d|片段|视频|画面|转场|旁白|配音", parts[index + 1]):
            merged.append(f"{topic.group(1)}{parts[index + 1]}")  # "音乐的话，调到30%吧": the thing named, then its change
            index += 2
        elif topic and topic.re is _TOPIC_EN and index + 1 < len(parts) and re.search(
                r"\b(?:clip|part|shot|one)$", topic.group(1) or "") and re.search(
                r"\b(?:first|last|opening|final) \d+(?:\.\d+)?\s*(?:seconds?|secs?|s)\b$", parts[index + 1]):
            merged.append(f"{parts[index + 1]} of {topic.group(1)}")  # "the city clip, cut the first 3 seconds": of that clip
            index += 2
        elif topic and topic.re is _TOPIC_EN and index + 1 < len(parts) and re.search(
                r"\b(?:clip|part|shot|one|video)$", topic.group(1) or "") and _CHANGE_ALONE.match(parts[index + 1]) \
                and not _NAMES_ITS_OWN.search(parts[index + 1]):
            # "the dog clip, slow motion", "the city clip, trim 2 seconds off the end": the change is that clip's (it was
            # made to the whole video)
            said = "of" if re.search(r"\b(?:start|end|beginning|ending|first|last)\b", parts[index + 1]) else "on"
            merged.append(f"{parts[index + 1]} {said} {topic.group(1)}")
            index += 2
        elif index + 1 < len(parts) and (named := _THING_SAID_ZH.match(parts[index])) and _MORE_ZH.match(parts[index + 1]):
            merged.append(f"{named.group(1)}{named.group(2) or ''}{parts[index + 1]}")  # "城市那段 速度 再快点": one request
            index += 2
        else:
            merged.append(parts[index])
            index += 1
    return merged


# dictated: a thing and what of it, then a comparative ("城市那段 速度 再快点", "音乐 音量 再小点")
_THING_SAID_ZH = re.compile(r"^([\u4e00-\u9fff]{1,4}?(?:那段|这段)|第\d+(?:个)?(?:片段|段)|标题|字幕|音乐|背景音乐|转场)\s*(?:的)?\s*"
                            r"(速度|音量|声音|大小|颜色|时长|长度)?(?:啊|呢|吧)?$")
_MORE_ZH = re.compile(r"^(?:速度|音量|声音)?(?:再|更|调|调得|放)?[快慢大小长短高低](?:1|一)?(?:点|些)")


_PLURAL = re.compile(r"\b(captions|subtitles|clips|photos|transitions|titles|sound effects)\b")


def _them(parts: list[str]) -> list[str]:
    """"add subtitles and make them yellow": "them" is the one kind of thing the request before named in the plural."""
    named = [*parts]
    for i in range(1, len(named)):
        plural = set(_PLURAL.findall(named[i - 1]))
        if len(plural) == 1 and re.search(r"\bthem\b", named[i]) and not _PLURAL.search(named[i]):
            named[i] = re.sub(r"\bthem\b", f"the {plural.pop()}", named[i], count=1)
    return named


# "dog clip: mute, 2x speed", "music: 20%, fade out 3 seconds": a thing named, then a list of what to do to it
_TOPIC_LIST_EN = re.compile(rf"^(?:for |on )?(?!(?:{_EN_VERBS}|a|an|another|new|generate|create|one more|more|extra|next)\b)(?!\S+ (?:a|an|another|new|more) )(?P<topic>(?:(?:the|my) )?(?:(?:[\w-]+ ){{0,2}}(?:clip|one|part|shot)|clip \d+|music|song|bgm|"
                            r"soundtrack|voice-?over|narration|captions|subtitles|title|text))\s*:\s*(?P<items>[^:]+)$")
# a title's list says its words first unless it opens with a change ("title: Summer Trip, in red" is its words)
_TEXT_TOPIC = re.compile(r"(?:^|\s)(?:title|text|captions|subtitles)$")
_CHANGE_FIRST = re.compile(rf"^(?:(?:{_EN_VERBS})\b|{_EN_CHANGE}|(?:at|to|in) the\b)")


# "the title and the music both need to fade out over 2 seconds": two things said once, then what both should do
_THING_EN = r"(?:(?:the|my) )?(?:[\w-]+ )?(?:title|music|song|text|captions|subtitles|clip|one|voice-?over|narration)"
_BOTH_SUBJECT_EN = re.compile(rf"^(?P<a>{_THING_EN}) and (?P<b>{_THING_EN}) (?:(?:should|need to|must|have to|can|will) )?both "
                              r"(?:(?:need to|needs to|should|have to|must|can|gotta) )?(?P<pred>(?:fade|be|go|get|speed|slow|start|stop|come)\b.+)$")


# "标题：放大、红色、放顶部": the title named, then changes listed (never its words: each item is a change of its look)
_TOPIC_LIST_ZH = re.compile(r"^(?P<topic>标题|字幕|文字)[:：]\s*(?P<items>[^:：「」⟪⟫]+)$")
_TITLE_CHANGE_ZH = re.compile(r"^(?:放大|缩小|加大|变大|变小|大一点|小一点|大点|小点|(?:改成|换成|变成|用)?[\u4e00-\u9fff]{0,2}?[红橙黄绿青蓝紫黑白灰粉金银棕]色?的?|"
                              r"(?:放|移|挪)(?:到|在)?(?:画面)?(?:顶部|底部|上面|下面|上方|下方|中间|正中间|左上角|右上角|左下角|右下角)|"
                              r"顶部|底部|居中|(?:淡入|淡出)(?:\d+(?:\.\d+)?秒)?|(?:显示|停留)\d+(?:\.\d+)?秒)$")


def _topic_list_zh(text: str) -> str:
    """"标题：放大、红色、放顶部" -> "标题放大；标题红色；标题放顶部": each change said of the thing named first."""
    match = _TOPIC_LIST_ZH.match(text)
    items = [i for i in re.split(r"[、，,\s]+", match["items"]) if i] if match else []
    if len(items) < 2 or not all(_TITLE_CHANGE_ZH.match(i) for i in items):
        return text
    return "；".join(f"{match['topic']}{item}" for item in items) if match else text


# "音乐淡出两秒，标题也是", "fade out the music over 2 seconds, same for the title": the change before, said of another thing
_ZH_OBJECT = r"(?:背景音乐|音乐|配乐|标题|字幕|文字|[\u4e00-\u9fff]{1,4}?那段|第\d+(?:个)?(?:片段|段))"
_SAME_OF_ZH = re.compile(rf"^(?:那|然后|还有)?(?P<obj>{_ZH_OBJECT})也(?:是|一样|这样|要|同样|照样|照做)(?:的)?(?:吧|啊)?$")
_LED_BY_ZH = re.compile(rf"^(?P<lead>把|将|给)?(?P<obj>{_ZH_OBJECT})")
# (typed tersely the article may be left out: "title bigger, music too")
_EN_THING = r"the (?:[\w-]+ )?(?:clip|one|part|shot)|clip \d+|(?:the )?(?:background )?(?:music|song|title|text|captions|subtitles|voice-?over)"
_SAME_OF_EN = re.compile(rf"^(?:and |then |now )?(?:(?:the )?same (?:for|with|on) (?P<a>{_EN_THING})|(?P<b>{_EN_THING}) (?:too|as well|also))$")


def _same_of_another(parts: list[str], language: str) -> list[str]:
    """The change said just before, made again on the thing this clause names ("…，标题也是", "…, same for the title")."""
    out = list(parts)
    for i in range(1, len(parts)):
        if language == "zh":
            same, led = _SAME_OF_ZH.match(parts[i]), _LED_BY_ZH.match(out[i - 1])
            if same and led and led["obj"] != same["obj"]:
                out[i] = f"{led['lead'] or ''}{same['obj']}{out[i - 1][led.end():]}"
            continue
        same_en = _SAME_OF_EN.match(parts[i])
        things = list(re.finditer(rf"\b(?:{_EN_THING})\b", out[i - 1]))
        if same_en and len(things) == 1:
            thing = same_en["a"] or same_en["b"]
            out[i] = f"{out[i - 1][:things[0].start()]}{thing}{out[i - 1][things[0].end():]}"
    return out


def _topic_list(text: str) -> str:
    """"dog clip: mute, 2x speed" -> "the dog clip mute, the dog clip 2x speed": each item said of the thing named first."""
    both = _BOTH_SUBJECT_EN.match(text)
    if both is not None:
        return f"make {both['a']} {both['pred']}; make {both['b']} {both['pred']}"
    match = _TOPIC_LIST_EN.match(text)
    if match is None:
        return text
    topic = match["topic"] if re.match(r"(?:the|my|clip) ", match["topic"]) else f"the {match['topic']}"
    items = [i.strip() for i in re.split(r",\s*(?:and\s+)?|\s+and\s+|;\s*", match["items"]) if i.strip()]
    if not items or (_TEXT_TOPIC.search(topic) and not _CHANGE_FIRST.match(items[0])):
        return text
    if re.search(r"(?:music|song|bgm|soundtrack)$", topic) and not all(re.match(r"(?:\d|no\b|fade\b)", i) or _CHANGE_FIRST.match(i)
                                                                         for i in items):
        return text  # "music: lo-fi, 20%": the music to add, listed (a style is no change of the music there)
    if any(re.search(rf"\b(?:{_EN_PARTS})\b|\b(?:clip|video)\b|^(?:a|an|some)\s", i) for i in items):  # ("…: a cat sleeping": a scene)
        return text  # an item naming a thing of its own is a request of its own: read as typed
    said = [re.sub(r"\bit\b", topic, i, count=1) if re.search(r"\bit\b", i) else
            f"{i} {topic}" if re.fullmatch(r"(?:un)?mute|remove|delete|reverse", i) else f"{topic} {i}" for i in items]
    return "; ".join(said)


def _run_on(part: str) -> list[str]:
    """A dictated run-on as its requests."""
    cuts = [next(m.span(g) for g in (1, 2, 3) if m.group(g)) for m in _RUN_ON_EN.finditer(part)]
    starts = [0, *(end for _, end in cuts)]
    ends = [*(start for start, _ in cuts), len(part)]
    pieces = [part[start:end] for start, end in zip(starts, ends)]
    # "make the title bigger put it at the bottom": a change said whole before the next verb causes nothing
    if len(pieces) == 1 or any(_CAUSING.match(p) and not _SAID_WHOLE.search(p)
                               and not re.search(rf"\b(?:{_EN_COMPARATIVE})$", p) for p in pieces[:-1]) or \
            re.match(r"(?:between|after|before|during|over|under)\b", pieces[0]):  # "between the clips put a wipe": a place first
        return [part]
    return pieces


def clause_starts(text: str, language: str) -> list[int]:
    """Where each clause of normalized ``text`` starts, by the splitter alone (the first is 0)."""
    splitter = _ZH_SPLIT if language == "zh" else _EN_SPLIT
    return [0, *(m.end() for m in splitter.finditer(text) if 0 < m.end() < len(text))]


# a list typed line by line: "- remove the title\n- music off", "1. 音乐换成lofi\n2. ...", "* swap the clips"
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)、]|[一二三四五六七八九十][、.])\s*")


# a list numbered in one line: "1) title says 'Tokyo Nights' 2) title in pink 3) title at the top", "1、静音 2、竖屏"
_INLINE_NUMBER = re.compile(r"(?:^|(?<=\s)|(?<=[:：]))([1-9])[)）、]\s*")


# other ways to count requests off in one line: "(1) ... (2) ...", "a) ... b) ...", "#1 ... #2 ...", "1. ... 2. ...", "1- ... 2- ...",
# "①…②…", "一、… 二、…" (counted from the first, at the message's start: a "2." or "(3)" alone is never a list)
_INLINE_MARK = re.compile(r"(?:^|(?<=\s)|(?<=[\u4e00-\u9fff%。，,;；!！:：]))(?:[(（]([1-9a-e])[)）]|#([1-9])|([1-9a-e])(?:[)）]|\.(?![\d.])|-(?=\s))|"
                          r"([\u2460-\u2468])|([一二三四五六七八九])、)\s*")


def _mark_count(match: re.Match[str]) -> int:
    mark = next(g for g in match.groups() if g is not None)
    if mark in "123456789":  # ("①".isdigit() too)
        return int(mark)
    if "a" <= mark <= "e":
        return ord(mark) - ord("a") + 1
    return ord(mark) - 0x245F if "\u2460" <= mark <= "\u2468" else "一二三四五六七八九".index(mark) + 1


def _listed_lines(message: str, language: str) -> str:
    """A message typed as a list, one request a line, as one line of requests (each ends where its line did)."""
    numbers = list(_INLINE_NUMBER.finditer(message))
    if len(numbers) < 2:
        numbers = list(_INLINE_MARK.finditer(message))
    # ("three things: 1) ... 2) ...", "帮我做三件事：1.… 2.…": a header said before the list, its own line)
    header = message[:numbers[0].start()] if numbers else ""
    if "\n" not in message and len(numbers) > 1 and (not header or re.fullmatch(r"[^:：\n]{1,40}[:：]\s*", header)) and \
            [_mark_count(m) for m in numbers] == list(range(1, len(numbers) + 1)):
        message = "\n".join([header.strip()] * bool(header) + [message[m.end():n.start() if n else None].strip()
                                                                for m, n in zip(numbers, [*numbers[1:], None], strict=True)])
    if "\n" not in message:
        return message
    lines = [_BULLET.sub("", line).strip() for line in message.splitlines()]
    return ("；" if language == "zh" else "; ").join(line.rstrip(":：;；") for line in lines if line)


# a title's new words said without quotes after a rename verb, holding a number ("标题改成第三天", "把标题改成 第三天 出发",
# "标题叫第二章"): held as quoted words are, as typed, so no number in them reads as a clip or a time; a style said there
# ("标题改成两秒", "改成大一点", "改成红色") is no words
_UNQUOTED_TITLE_ZH = re.compile(
    r"((?:标题|字幕|文字)(?:的)?(?:文字|内容|文案|名字)?\s*(?:改成|改为|换成|写成|变成|应该是|应该叫|就叫|叫做|叫)[:：]?\s*)"
    r"(?![「“『《‘\"'])((?=[^，,。；;！!？?\s]*[第一二三四五六七八九十两百千\d])[^，,。；;！!？?「“『《]+?)"
    r"(?=\s*(?:[，,。；;！!？?]|$)|\s+(?:颜色|放|移|挪|加|音乐|背景|显示|持续|淡|然后|再|并))")
_TITLE_STYLE_ZH = re.compile(r"[大小]|一点|一些|色|秒|倍|%|百分|字号|上面|下面|顶|底|中间|左|右|居中|[黑白红黄蓝绿]的|"
                             # a kind of captions ("字幕改成一个字一个字蹦的那种"): a style, never words to show
                             r"(?:一|1)个字(?:一|1)个字|一字一字|逐字|那种|那样的?$|风格|样式|"
                             r"^#[0-9a-fA-F]{3,8}$|^rgba?\(")  # "标题改成#FFD700": a colour's value


# a title's words said last, unquoted, with their exclamation ("开头加个字 出发！", "标题改成 冲鸭！"): held with it, as
# English keeps "let's go!" (the mark would end the clause and be lost)
_EXCLAIMED_TITLE_ZH = re.compile(
    r"((?:加|打|写|放|来)(?:个|一个|1个|一行|1行|上|一句|1句)?(?:大字|字|标题|文字)\s*[:：]?\s*|"
    r"(?:标题|文字)(?:的)?(?:文字|内容)?\s*(?:改成|改为|换成|写成|变成|就叫|叫做|叫)[:：]?\s*)"
    r"(?![「“『《‘\"'])([^，,。；;！!？?「“『《\s][^，,。；;！!？?「“『《]{0,20}?[！!]+)\s*$")


# words to write said after 写, unquoted, opening with a verb's character ("字幕写 加油呀", "标题写 删繁就简", "加一行字写着
# 加油中国"): held as typed, as quoted words are (加 / 删 began a request of their own and the words were lost)
_VERB_FIRST_WORDS_ZH = re.compile(
    r"((?:标题|字幕|文字|字)\s*(?:写着|写上|写)[:：]?\s*)"
    r"(?![「“『《‘\"'])([加删放换去关开][^，,。；;！!？?「“『《\s]{1,19})\s*$")


# a caption's or title's words said last, unquoted, opening with an edit's verb ("put a caption saying add me on insta",
# "add a title that says remove all doubt"): held as typed, as quoted words are (the verb began a request of its own)
_VERB_FIRST_WORDS_EN = re.compile(
    r"(?i)(\b(?:a|the) (?:caption|title|text)(?: that)? (?:says|saying|reads|reading) )"
    r"((?:add|remove|delete|cut|mute|put|make|change|move)\b[^\"'“”‘’,;.!?]{1,40})$")


def _quote_title_en(message: str) -> str:
    return _VERB_FIRST_WORDS_EN.sub(lambda m: f'{m.group(1)}"{m.group(2).strip()}"', message)


def _quote_title_zh(message: str) -> str:
    message = _VERB_FIRST_WORDS_ZH.sub(lambda m: m.group(0) if _TITLE_STYLE_ZH.search(m.group(2))
                                       else f"{m.group(1)}「{m.group(2).strip()}」", message)
    message = _EXCLAIMED_TITLE_ZH.sub(lambda m: m.group(0) if _TITLE_STYLE_ZH.search(m.group(2))
                                      else f"{m.group(1)}「{m.group(2).strip()}」", message)
    return _UNQUOTED_TITLE_ZH.sub(lambda m: m.group(0) if _TITLE_STYLE_ZH.search(m.group(2))
                                  else f"{m.group(1)}「{m.group(2).strip()}」", message)


# how the viewers watch, said after a request as its reason: ", people watch with the sound off", ", since most people
# scroll on mute" (nothing to do in it)
_VIEWERS_WHY = re.compile(r"(?:(?<=\w)\s*(?:,\s*(?:because |since |cause |as )?|\s(?:so (?:that )?|because |since |cause ))|"
                          r"^(?:so |that |so that |because |since |cause )?)(?:people|most people|everyone|viewers|folks|a lot of people|"
                          r"lots of people|my (?:viewers|followers|audience)|nobody|no one) (?:\w+ ){0,3}?(?:watch|scroll|view|see|listen|"
                          r"use|turn|follow)\w*\b[^,]*$")


# why someone else will like it, said after a request: "put the dog clip first because he loves dogs", "..., since my
# nephew will want to see that right away", "... because that's what he'll want to see" (nothing to do in it)
_THIRD_PARTY_WHY = re.compile(r"(?<=\w)\s*,?\s+(?:because|since|cause|cuz) (?:he|she|they|he'?s|she'?s|they'?re|"
                              r"my (?:little )?(?:son|daughter|nephew|niece|kids?|mum|mom|dad|grandson|granddaughter|grandkids|"
                              r"friends?|boss|client|wife|husband|partner)|that'?s what (?:he|she|they|people|everyone|my \w+))\b[^,]*$")


_CUT_TO = re.compile(r"\b(?:right |just |exactly )?(?:(?:where|when|as|once) (?:it|the video|we|the edit) (?:cuts?|switch(?:es)?|changes?|goes|"
                     r"jumps?) (?:over )?to|(?:at|on) the (?:cut|switch|change) (?:in)?to) "
                     r"(?P<clip>(?:the |that |my )?(?!black\b|white\b)[\w' -]+?)(?=\s*(?:[,;.]|$))")
# "&" between two words is "and" inside a phrase ("black & white", "rock&roll"), unless a request or a part follows it
# (letters joined are a name of their own: "r&b", "b&w")
_PHRASE_AND = re.compile(rf"(?<=[a-z]{{2}})\s*&\s*(?=[a-z]{{2}})(?!(?:{_EN_LEADS})\b|(?:\S+\s+){{0,2}}(?:{_EN_PARTS})\b)")


# an emoji between two requests is a pause, as a comma is ("turn the music down 🙏 mute the city clip too", "改成方形的👌
# 再加个嗖的音效"); one at either end says nothing more ("faster!! 🏃"), and a message of emoji alone stays as it is
_EMOJI = re.compile(r"\s*[\u2600-\u27bf\U0001f000-\U0001faff][\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]*\s*")


def _emoji_pause(text: str, language: str) -> str:
    words = text.strip()
    pause = "，" if language == "zh" else ", "
    paused = _EMOJI.sub(lambda m: "" if m.start() == 0 or m.end() == len(words) else pause, words)
    return paused if re.search(r"\w", paused) else text


# a dash, a bar or a slash typed between two requests is a pause, as a semicolon is ("mute the dog clip — make the title
# yellow", "狗那段静音/标题改成黄色", "狗那段静音 | 标题改成黄色"): only where a request opens after it and one was said
# before it, so "black and white / sepia", "标题/字幕", "3~5秒" and "b/w" stay as typed (an arrow is the lead's: a change)
# genres spelt with "&" ("rock & roll", "drum & bass") are one name, never two requests ("r&b" is read as typed)
_GENRE_AMPERSAND = re.compile(r"\b(rock|drum)\s+[&＆+]\s+(roll|bass)\b", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*(?:—+|–+|\s-+\s|[|｜&＆]|/|／|(?<!\d)[~～](?!\d))\s*")
_DONE_ZH = re.compile(r"静音|加速|减速|放慢|慢放|删掉|删了|删除|去掉|拿掉|改成|改为|换成|调到|调成|调小|调大|剪到|剪掉|放到|放在|移到|挪到|"
                      r"加(?:个|一|上|段)|导出|竖屏|横屏|方形|淡入|淡出|换(?:一下|下)?位置|交换|对调|互换|\d+(?:\.\d+)?(?:%|秒|倍)")


def _separated(text: str, language: str) -> str:
    pause = "；" if language == "zh" else "; "
    out, start = [], 0
    for m in _SEPARATOR.finditer(text):
        before, after = text[start:m.start()], text[m.end():]
        if language == "zh":
            split = bool(_DONE_ZH.search(before) and _ZH_OPENS.match(after) and _DONE_ZH.search(re.split(r"[，,；;。\s]", after)[0]))
        else:
            split = len(before.split()) > 1 and re.match(rf"(?:please\s+)?(?:{_EN_LEADS})\b|(?:the\s+)?(?:title|music|bgm|song|captions|"
                                                         rf"text|[\w-]+ clip)\s+\S", after, re.I) is not None  # "title gold ~ music 25%"
        if split:
            out.append(text[start:m.start()] + pause)
            start = m.end()
    return "".join(out) + text[start:]


# "add all my stuff to the timeline, photo then hike": the order of a list of things, said after a comma, asks nothing
# more (read as "photo and hike"); a verb after "then" is a request of its own ("add the photo, then export")
_THING_SAID = r"(?:(?:the|my)\s+)?[\w.-]+(?:\s+(?:photo|picture|pic|image|video|clip|one))?"
_ORDER_THEN = re.compile(rf",\s*(?P<a>{_THING_SAID})(?:\s+first)?,?\s+(?:and\s+)?then\s+(?P<b>{_THING_SAID})(?:\s+last)?$")
# "第一，狗那段静音；第二，…", "首先…，其次…": a count said before its comma only numbers the request (never clip 1);
# "第一、第二段都静音" (a list of clips) stays as said
_COUNTED_ZH = re.compile(r"(?:^|(?<=[；;。！!？?\n]))\s*(?:第\d+|首先|其次|[1-9一二三四五]是)\s*[，,：:]\s*")
# an order said as a list after things added ("…都加上，照片在前，hike在后", "…都加进去，先照片后视频"): the order of
# what is added, no request of its own
_ORDER_ZH = re.compile(r"[，,]\s*(?:(?P<a>[^，,\s]{1,12}?)(?:在前面?|放前面|在先)[，,]?\s*(?P<b>[^，,\s]{1,12}?)(?:在后面?|放后面)|"
                       r"先(?P<c>[^，,\s]{1,8}?)后(?P<d>[^，,\s]{1,8}?))$")
# one of the two said first (or last) alone: "把我上传的照片和徒步视频都加进去，照片在前"
_ONE_ORDER_ZH = re.compile(r"[，,\s]\s*(?P<one>[^，,\s]{1,8}?)(?P<way>在前面?|放前面|在先|排前面|在后面?|放后面|排后面)(?:吧)?$")
_TWO_LISTED_ZH = re.compile(r"(?P<x>[^，,\s和跟与]{1,14}?)(?:和|跟|与)(?P<y>[^，,\s和跟与]{1,12}?)(?=都|全|一起)")


def _ordered_zh(text: str) -> str:
    """The order tail of an adding request folded into it: dropped where the list before says it already, else the
    things in that order ("把我上传的都加上，照片和hike")."""
    found = _ORDER_ZH.search(text)
    before = text[:found.start()] if found else ""
    one = _ONE_ORDER_ZH.search(text) if found is None else None
    listed = _TWO_LISTED_ZH.search(text[:one.start()]) if one is not None else None
    if one is not None and listed is not None and re.search(r"加上|加进|加到|放进|放到|都加|都放|全加|全放", text[:one.start()]):
        # the one said first already listed first (or last, last): said already; else the two in the order meant
        x, y = listed["x"], listed["y"]
        first_said = one["way"].startswith(("在前", "放前", "在先", "排前"))
        if one["one"] not in x + y:
            return text
        if (one["one"] in x) == first_said:
            return text[:one.start()]
        lead = re.match(r"(?:把|将)?(?:我)?(?:上传|传)?(?:的)?", x)
        head = lead.group(0) if lead is not None and lead.end() < len(x) else ""
        said = text[:one.start()]  # the two swapped where they are listed: "把照片和视频都加进去 视频在前"
        return f"{said[:listed.start()]}{head}{y}和{x[len(head):]}{said[listed.end():]}"
    if found is None or not re.search(r"加上|加进|加到|放进|放到|都加|都放|全加|全放", before):
        return text
    first, then = (found["a"], found["b"]) if found["a"] else (found["c"], found["d"])
    if first in before and then in before:
        return before if before.index(first) < before.rindex(then) else text
    return f"{before}，{first}和{then}"


# the same dictated with spaces only ("第一 狗那段静音 第二 标题改红"): each count, from the first on, starts a request
_COUNTED_SPACED_ZH = re.compile(r"(?:^|\s+)(?:第[1-9]|首先|其次)\s+(?=[^\s\d个段秒到和跟与、])")


# Chinese said the way the English of ``_learner`` is (the eighteenth session's wide round, enwide18): punctuation dictated
# as words ("把狗那段静音逗号标题改成红色句号"), editors' and creators' words ("开头直接上狗那段": a cold open; "字幕烧进画面里",
# "硬字幕": captions burned in), outcomes ("标题太抢眼了": too big; "狗的声音几乎听不到": that clip louder; "视频一下子就结束了":
# an abrupt end) and a rambler's openers ("想来想去，", "是这样的，")
_SAID_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"(?<=[\u4e00-\u9fff])逗号(?=[\u4e00-\u9fff])", "，"),
    (r"(?<=[\u4e00-\u9fff])句号(?=[\u4e00-\u9fff]|$)", "。"),
    (r"(?<=[\u4e00-\u9fff])问号$", "？"),
    # "视频再短一点，总共12秒左右": the length it should come to
    (r"(?:再)?短(?:一)?点(?:吧)?[，,\s]*(?:总共|一共|全片|整体|总长)(?=[\d一二三四五六七八九十两])", "剪到"),
    # "弄短一点，十秒左右就挺好": the length said as fine is the one wanted
    (r"(?:弄|剪|变|再)?短(?:一)?点(?:吧)?[，,\s]*(?=[\d一二三四五六七八九十两]+(?:\.\d+)?秒(?:左右)?(?:就)?(?:挺好|很好|好了|好|行|可以|够了))", "剪到"),
    # "结尾要柔和一点": a fade out; "让大家早点看到狗": that clip first; "给我一个竖屏版发reels": the export's version
    (r"(?:结尾|结束的地方|片尾)(?:要|再|得|能)?(?:更)?(?:柔和|缓和|舒缓|温柔|柔)(?:一)?点", "结尾淡出"),
    (r"^(?:要)?让(?:大家|观众|别人|人家|人)(?:早点|一开始就|马上|先|一上来就)看到((?!标题|字幕|音乐)[\u4e00-\u9fff]{1,4}?)(?:那段)?$", r"把\1那段放到最前面"),
    (r"(竖屏|横屏|方形|方的)版(?:本)?(?=发|给|用于|传)", r"\1的版本"),
    (r"^(?:想来想去|思来想去|考虑了半天|是这样的|事情是这样的)[，,。\s]*", ""),
    (r"^(?:开头|开场|一开始)(?:就)?直接(?:上|用|放|是)((?!音乐|标题|字幕)[\u4e00-\u9fff]{1,4}?)(?:那段|的镜头|的片段|的画面)", r"把\1那段放到最前面"),
    (r"(?:把)?字幕(?:直接)?(?:烧|压|嵌|烧录)(?:进|到|在)(?:画面|视频|片子)(?:里面|里|上)?", "加字幕"),
    (r"^(?:加|要|来个|弄个)?硬字幕$", "加字幕"),
    (r"(标题|文字|字)(?:有点|太|也太|有些)(?:抢眼|扎眼|晃眼)了?", r"\1太大了"),
    (r"^((?!音乐|配乐|背景|旁白|配音)[\u4e00-\u9fff]{1,4}?)(?:那段)?的?声音(?:几乎|都|有点|完全|好像)?听不(?:到|见|太清|清楚|清)了?$",
     r"\1那段的声音大一点"),
    (r"^(?:视频|片子|整个视频)?(?:一下子|突然|一下)就(?:结束|没)了(?:[，,\s]*(?:太|有点)?(?:突兀|突然|生硬))?", "结尾太突然了"),
))


def _said_zh(text: str) -> str:
    """``text`` (a Chinese message, quotes held) with dictated punctuation, trade words and outcomes as the rules read them."""
    for pattern, replacement in _SAID_ZH:
        text = pattern.sub(replacement, text)
    return text


def split_clauses(message: str, language: str) -> list[Clause]:
    """The message's instructions in order; quoted strings kept whole."""
    quotes: list[str] = []

    def hold(match: re.Match[str]) -> str:
        quotes.append(next(g for g in match.groups() if g is not None))
        return f"⟪{len(quotes) - 1}⟫"

    listed = _listed_lines(message.strip(), language)
    held = _emoji_pause(_QUOTES.sub(hold, _quote_title_zh(listed) if language == "zh" else _quote_title_en(listed)), language)
    held = _separated(_GENRE_AMPERSAND.sub(r"\1 and \2", held), language)
    lowered = learner_en(held.lower()) if language == "en" else _said_zh(held.lower())
    text = _plain_en(_OPENER_EN.sub("", normalize(correct(lowered))))
    if language == "zh":  # "第一，狗那段静音；第二，…": requests counted off (never the first clip)
        text = _COUNTED_ZH.sub("", _colloquial_zh(text))
        text = _ordered_zh(text)
        if re.match(r"\s*(?:第1|首先)\s", text) and re.search(r"\s(?:第2|其次)\s", text):
            text = _COUNTED_SPACED_ZH.sub("；", text).lstrip("；")
    text = _FADE_BOTH.sub("fade in and fade out", _PHRASE_AND.sub(" and ", _BLACK_WHITE.sub("black and white", text)))  # "fade in and out the music": both fades
    text = _step_order(text, language)
    text = _topic_list(text) if language == "en" else _topic_list_zh(text)
    if language == "en":  # "mute the city and dog clips": the clips said once for both names, each one's own
        text = _BOTH_NAMED.sub(lambda m: f"the {m['a']} {m['noun']} and the {m['b']} {m['noun']}", text)  # "black & white": one phrase ("title 'X' & upbeat music" is two requests)
        text = _FADE_TWO.sub(lambda m: f"{m['lead']}fade {m['way'] or m['late']} the music{m['rest']}; "
                                       f"fade {m['way'] or m['late']}{m['rest']}", text)
    if language == "en":  # "add all my stuff to the timeline, photo then hike": the order of a list, no request of its own
        text = _ORDER_THEN.sub(lambda m: m.group(0) if re.match(rf"(?:{_EN_VERBS})\b", m["a"]) or re.match(
            rf"(?:{_EN_VERBS})\b", m["b"]) else f", {m['a']} and {m['b']}", text)
    splitter = _ZH_SPLIT if language == "zh" else _EN_SPLIT
    parts = [p.strip(" ,，.。") for p in splitter.split(text)]
    if language == "zh":  # a Chinese message may still use English joiners ("竖屏 and 加标题")
        parts = [q.strip(" ,，.。") for p in parts for q in _EN_SPLIT.split(p)]
        parts = [q for p in parts for q in _spoken_zh(_FILLER_ZH.sub("", p))]
        parts = [q for p in parts for q in _comma_zh(p)]
        parts = [q for p in parts for q in _both_zh(p)]
        parts = [q for p in parts for q in _again_zh(p)]
        parts = [q for p in parts for q in _listed_zh(p)]
        parts = [q for p in parts for q in _undo_then_zh(p)]
        parts = [_plain_zh(p) for p in _except_after_zh(parts)]
        parts = [p for p in parts if len(parts) == 1 or not compiled(rf"^{_PURPOSE_ZH}$").match(p)]
        parts = _own_song_zh(_carry_object_zh(_gapped_zh(parts)))
        parts = _moment_pronoun_zh(_filmed_move_zh(_variation_zh(_over_undone_zh(parts))))
    parts = [q for p in parts if re.search(r"\w", p) for q in _complaint_then(p)]  # "faster!! 🏃": no words, nothing said
    if language == "en":  # "brilliant ta, now the title a touch smaller": a request after a remark opens like a message
        parts = [re.sub(r"^and\s+(?=\S)", "", _OPENER_EN.sub("", p)) for p in parts]
        # "fade the music in? and also add a whoosh": a joiner left alone between two requests says nothing
        parts = [p for p in parts if len(parts) == 1 or not re.fullmatch(r"(?:(?:oh |and )?(?:and|also|plus|then))", p)]
        parts = [re.sub(rf"^also\s+(?=(?:{_EN_VERBS})\b)", "", p) for p in parts]  # "..., and also put subtitles"
        # "first make it vertical, then ...", "finally, mute the dog clip": where a request comes in the list says nothing more
        parts = [re.sub(rf"^(?:first(?:ly)?|first of all|to (?:start|begin)(?: with)?|second(?:ly)?|third(?:ly)?|next|"
                        rf"lastly|finally)\s*,?\s+(?=(?:{_EN_LEADS})\b)", "", p) for p in parts]
        parts = [_GONE.sub(r"remove \1", p) for p in parts]  # "... . and the dog clip needs to go"
        # "captions pls, people watch with the sound off", "put captions on so people can watch on mute": only why (a
        # first part that is all viewers is a scene: "people watching fireworks")
        parts = [_VIEWERS_WHY.sub("", p) if i or not _VIEWERS_WHY.match(p) else p for i, p in enumerate(parts)]
        parts = [_THIRD_PARTY_WHY.sub("", p) for p in parts]
    parts = _dislike_then([p for p in parts if p])
    if language == "en":
        parts = _complaint_then_change_en(parts)
    if language == "zh":
        parts = _meant_then_zh(_bg_remark_then_colour_zh(_complaint_then_named_zh(_reason_then_undo_zh(parts))))
    if len(parts) > 1 and any(not _FILLER.match(p) for p in parts):  # "alright then mute it": the "alright" says nothing
        parts = [p for p in parts if not _FILLER.match(p)]
    parts = _same_of_another(_topic_first(parts), language)
    if language == "en":
        parts = _them(parts)
    if language == "en":
        parts = _topic_first([q for p in parts for q in _run_on(p) for q in _shape_item(q)])  # "the title put it with white letters"
        parts = _moment_pronoun(_carry_add(_gapped(_shared_object([q for p in parts for q in _scene_with(p)]))))
    return [Clause(part, tuple(quotes), language, message) for part in parts]


# "a riser before the dog is coming and an impact when he come": a pronoun in a moment, after a moment that named what
# shows up, is that thing
_MOMENT_OF = re.compile(r"\b(?:when|before|after|as|once) (the [\w-]+)\b")
_MOMENT_PRONOUN = re.compile(r"\b(when|before|after|as|once) (?:he|she|they)\b")


_MOMENT_OF_ZH = re.compile(r"^(?:在|等)?([\u4e00-\u9fff]{1,4}?)(?:那段)?(?:出来|出现|消失|进来|离开)(?:的时候|之前|之后|以后)")
_MOMENT_PRONOUN_ZH = re.compile(r"^(?:在|等)?(?:它|他|她)(?=(?:出来|出现|消失|进来|离开)(?:的时候|之前|之后|以后))")


def _moment_pronoun_zh(parts: list[str]) -> list[str]:
    """"狗出来之前加个嗖，它出来的时候来个撞击声": 它 in a moment, after a moment that named what shows up, is that thing."""
    out = list(parts)
    for i in range(1, len(out)):
        named = _MOMENT_OF_ZH.match(out[i - 1])
        if named and named.group(1) not in ("它", "他", "她"):
            out[i] = _MOMENT_PRONOUN_ZH.sub(named.group(1), out[i], count=1)
    return out


def _moment_pronoun(parts: list[str]) -> list[str]:
    """"a riser before the dog is coming and an impact when he come": "he" is the dog."""
    out = list(parts)
    for i in range(1, len(out)):
        named = _MOMENT_OF.search(out[i - 1])
        if named and _MOMENT_PRONOUN.search(out[i]):
            out[i] = _MOMENT_PRONOUN.sub(rf"\g<1> {named.group(1)}", out[i], count=1)
    return out


# "make the whole thing 6 seconds long, vertical": an edit, then the video's shape as a list item of its own (a new
# clip's shape stays its own: "a clip of waves, vertical")
_SHAPE_ITEM = re.compile(r"^((?:make|trim|cut|set|shorten|speed|slow|mute)\b(?!.*\b(?:clip|video|shot|scene) of\b).*?)\s*,\s*"
                         r"((?:and )?(?:vertical|horizontal|square|landscape|portrait|9:16|16:9|1:1|4:5)(?: format| please)?)$")


def _shape_item(part: str) -> list[str]:
    match = _SHAPE_ITEM.match(part)
    return [part] if match is None else [match.group(1), match.group(2)]


# a change with no object and its amount, after a comma: "…，降到30%", "…，调到20%吧"
_AMOUNT_AFTER_ZH = re.compile(r"^(.*[\u4e00-\u9fff].*)[，,]\s*((?:再|就)?(?:调|降|升|减|压|开|剪|缩|拉)(?:小|大|低|高|短)?(?:到|成|为)\s*\d[^，,]*)$")


def _complaint_then(part: str) -> list[str]:
    """"that's too slow, double speed": a complaint, then the request it makes after a comma (two clauses: the
    complaint is the request's reason)."""
    said_zh = _AMOUNT_AFTER_ZH.match(part)
    if said_zh is not None:  # "城市拍得真美，就是音乐有点大，降到百分之三十": the complaint, then how much
        why = remark_of(said_zh.group(1))
        return [said_zh.group(1), said_zh.group(2)] if why is not None and why.request is not None else [part]
    complaint = _COMPLAINT_EN.match(part)
    rest = complaint.group("rest") if complaint else None
    # "..., double speed"; dictated with no pause before a plain verb: "that city clip is too long cut it to seven"
    if complaint is None or not rest or not (re.match(r"^\s*,\s*\w", rest) or re.match(
            r"^\s+(?:cut|trim|make|put|set|turn|speed|slow|mute|move|change|bring)\s+(?:it|that|this|them)\b", rest)) \
            or complaint.group("adj") not in _BETTER_EN:
        return [part]
    said = rest.strip(" ,")
    # "..., 2x" is how much (one request); "..., my ears" only more of the complaint
    if re.fullmatch(r"\d+(?:\.\d+)?\s*(?:x|%|percent|s|secs?|seconds?)?(?: please)?", said) or \
            not re.search(rf"\b(?:{_EN_VERBS}|double|half|twice)\b|\d", said):
        return [part]
    return [part[:complaint.start("rest")], said]


_MORE = {"late": "later", "early": "earlier", "slow": "slower", "fast": "faster", "quick": "faster", "big": "bigger", "small": "smaller", "large": "larger",
         "quiet": "quieter", "loud": "louder", "soft": "softer", "short": "shorter", "long": "longer", "bright": "brighter",
         "dark": "darker", "high": "higher", "low": "lower"}


_GONE = re.compile(r"^(?:i (?:think|guess|reckon|feel like) )?((?:the|that|this) [\w' -]+?) (?:has to|needs to|should|can|must|'?s got to|has got to) (?:just |really |probably )?go"
                   r"(?: now| too| as well| completely| entirely)?"
                   # why, said of it after: "the title should just go, it's not adding anything"
                   r"(?:\s*,\s*(?:it|that|they)(?:'s|'re| is| are| does| doesn'?t| adds?)\b[^,]*)?$")


_TOO_TEXTED = re.compile(r"\b([a-z']+) 2(?= (?:loud|quiet|soft|small|tiny|big|large|fast|quick|slow|long|short|dark|bright|much|"
                         r"early|late)\b)")
_NOT_TOO = {"at", "to", "by", "x", "make", "made", "set", "put", "turn", "speed", "times", "it", "them", "up", "down"}


def _plain_en(text: str) -> str:
    """Comparatives and word order of a learner's English, as the rules read them: "more slow" is "slower",
    "the second one make it 2x" "make the second one 2x" (the learner's grammar itself: ``_learner.learner_en``)."""
    text = re.sub(rf"\bmore ({'|'.join(_MORE)})\b", lambda m: _MORE[m.group(1)], text)
    text = re.sub(r"\btik tok\b|\b(?:tick|tic|tik)[ -](?:tock|toc|tok)\b", "tiktok", text)  # dictated: "tick tock"  # either language: _plain_en reads Chinese messages too
    # typed short: "vid w/o music pls", "something w more energy"
    text = re.sub(r"\bw/o\b|\bw/out\b", "without", text)
    text = re.sub(r"\bw/\s*", "with ", text)
    text = re.sub(r"\bw(?= (?:a|an|the|more|less|some|no|my|his|her|our)\b)", "with", text)
    text = re.sub(r"\bvid\b", "video", text)
    text = re.sub(r"\bvol\.?(?=\s*(?:\d|up\b|down\b|to\b|at\b|of\b|[,.!?]|$))", "volume", text)  # "vol 30", "music vol down"
    text = re.sub(r"(^|[,.!?]\s*|\band\s+)volume (up|down)\b", r"\1turn the volume \2", text)  # "volume down a bit": a request
    text = re.sub(r"\b(?:vo|v/o|v\.o\.)(?=$|[\s:：,.!?])", "voice-over", text)  # "vo in a male voice: ...", "make the vo quieter"
    text = re.sub(r"\br(?= (?:too|so|really|way|kinda|kind of|a bit|very)\b)", "are", text)  # "the clips r too loud"
    # "music 2 loud", "the title's 2 small": "2" texted for "too" before how it is (never "2 seconds", "2x")
    text = re.sub(r"\b(what|which|where|who|how)'ve\b", r"\1 have", text)  # "what've i got so far"
    # "just the soundtrack as a wav": the video's sound as a file, never music to add
    text = re.sub(r"\b(?:the )?(?:soundtrack|sound ?track|sound)(?= (?:as|in) an? (?:mp3|wav)\b)", "the audio", text)
    # "pop it on as the music", "pop some lo-fi on": "pop" a verb of putting (never "add a pop on the cut")
    text = re.sub(r"(?<!\ba )(?<!\bthe )(?<!\bone )(?<!another )(?<!\bany )(?<!\bno )\bpop (?=(?:it|them|this|that|some|the|my|a|an)\b"
                  r"[\w' -]{0,30}? (?:on|in)\b)", "put ", text)
    # "i'd like 'Welcome to Lisbon' written across the top", "'Hello' at the top please": quoted words wished somewhere
    text = re.sub(r"^(?:(?:i'?d like|i would like|i want|i need|have|(?:can|could) (?:i|we) have|let'?s have)\s+)?(⟪\d+⟫)\s+"
                  r"(?:(?:written|typed|shown|displayed|showing|printed)\s+)?(?=(?:across|at|in|on|along|over) the\b)", r"put \1 ", text)
    # "pop 'My Trip' on the screen", "whack 'Day 1' at the top": British verbs of putting, before quoted words
    text = re.sub(r"(^|[,;]\s*|\band\s+|\bthen\s+)(?:pop|whack|bung|slap|chuck)(?= ⟪\d+⟫)", r"\1put", text)
    # "the city bit", "the dog bit", "the last bit": British "bit" for a part of the video (never "a bit", "a little bit")
    text = re.sub(r"\b(the|this|that) ((?!(?:a|little|tiny|wee|small|whole|next|first|last|final|middle|end|start|opening|other|same)\b)[a-z]+) bit\b(?! (?:more|less|of|too|louder|quieter|"
                  r"bigger|smaller|longer|shorter|faster|slower|higher|lower|earlier|later)\b)", r"\1 \2 part", text)
    # "can we hear the dog clip a bit more", "i want to hear the music more": it louder
    text = re.sub(r"(?:\b(?:(?:can|could) (?:we|i|you|people)|(?:i )?(?:want|need|'?d like|would like) to|let (?:me|us)|(?:i )?wanna) |^)hear "
                  r"((?:the|my|its|his|her) [\w' -]+?)(?: (?:a bit|a little|a little bit|slightly|much|way|a lot))? (?:more|louder|better)\b"
                  r"(?: than (?:the )?(?:music|song|soundtrack|bgm))?", r"make \1 louder", text)
    # "probably best to lose the title", "maybe better to cut the music": the request
    text = re.sub(r"^(?:(?:it'?s |it is |it would be |it'?d be )?(?:probably |maybe |perhaps )?(?:best|better) (?:just )?to)\s+", "", text)
    # "i don't want to hear the wind in the city clip", "i don't want the traffic noise on the dog part": that clip muted
    # (never the clip deleted)
    text = re.sub(r"\b(?:i )?(?:don'?t|do not|dont) (?:want|need) (?:to hear (?:the |any |that )?[\w' ]{1,30}?|(?:the |any |that )?"
                  r"[\w' ]{0,20}?(?:noise|sound|audio|wind|hiss|hum|talking|chatter)) (?:in|on|from|of) "
                  r"((?:the|that|this) (?:[\w'-]+ ){0,2}(?:clip|part|shot|video|one))\b", r"mute \1", text)
    # "a fade on the music at the end": its fade out ("... at the start": its fade in)
    text = re.sub(r"\ba fade (?=(?:on|to|for) the (?:music|song|track|bgm)\b[^,]*?\bat the (?:very )?end\b)", "a fade out ", text)
    text = re.sub(r"\ba fade (?=(?:on|to|for) the (?:music|song|track|bgm)\b[^,]*?\bat the (?:very )?(?:start|beginning)\b)", "a fade in ",
                  text)
    # "make the title more central": centred
    text = re.sub(r"\b(?:a (?:bit|touch|little) )?more central(?:ly)?\b|\bcentral(?=\s*(?:please|pls|$))", "in the center", text)
    # "the ending could do with some applause": it needs it
    text = re.sub(r"\b(?:could|would) (?:really )?do with\b", "needs", text)
    # "the music should end with a fade": it fades out
    text = re.sub(r"\b(music|song|track|bgm) (?:should |could |needs to |has to )?(?:end|finish|go out|stop) (?:with|on) a fade(?: out)?\b",
                  r"\1 should fade out", text)
    # "the music should be more in the background": quieter
    text = re.sub(r"\bbe (?:a bit |a little |a lot |much )?more in the background\b", "be quieter", text)
    # "the narration isn't needed anymore", "we don't need the title any more": it goes
    text = re.sub(r"^(the [\w' -]+?) (?:isn'?t|is not|aren'?t|are not) needed(?: any ?more)?$", r"remove \1", text)
    text = re.sub(r"^(?:we|i) (?:don'?t|do not) need (the [\w' -]+?) any ?more$", r"remove \1", text)
    # "i'd rather not hear the clips at all": they are muted
    text = re.sub(r"\bi'?d (?:rather|prefer) not (?:to )?hear (the (?:[\w'-]+ ){0,2}(?:clips?|part|shot|video|one)s?)(?: at all)?\b",
                  r"mute \1", text)
    # "it should have subtitles", "the video needs captions": turned on
    text = re.sub(r"^(?:it|the video|this|this video) (?:should|needs to|must|has to) have (?=(?:captions|subtitles|subs)$)", "add ", text)
    # "music only in the last 5 seconds": it comes in that long before the end
    text = re.sub(r"\b(?:the )?(music|song|bgm) only (?:(?:in|for|during|over) the (?:last|final)|at the end) (\d+(?:\.\d+)?)\s*"
                  r"(?:seconds?|secs?|s)\b", r"start the \1 \2 seconds before the end", text)
    text = re.sub(r"\b((?:the )?(?:music|song|bgm) (?:should |can |must )?(?:only )?(?:come|kick)s? in) (?:only )?(?:for|during|over|in) the "
                  r"(?:last|final) (\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b", r"\1 \2 seconds before the end", text)
    # "at the 10 second mark", "from the 1-second mark": that time
    text = re.sub(r"\bthe (\d+(?:\.\d+)?)[ -]?(?:seconds?|secs?|s) mark\b", r"\1 seconds", text)
    # "title bigger n yellow", "mute it n export": a chat's "n" for "and"
    text = re.sub(r"(?<=[a-z]) n (?=[a-z])", " and ", text)
    text = re.sub(r"^(?:wat|wut|wot)\b", "what", text)  # "wat can u do"
    # "the title is too yellow, go white": that colour
    text = re.sub(r"(^|[,;]\s*|\band\s+|\bthen\s+)go (?=(?:white|black|red|blue|green|yellow|orange|pink|purple|grey|gray|gold|silver)\b)",
                  r"\1make it ", text)
    # "whack out a version for tiktok", "knock out a gif": made, exported
    text = re.sub(r"\b(?:whack|knock|bang|churn|spit) (?:out )?(?=(?:a|an|the) (?:[\w-]+ )?(?:version|copy|cut|render|mp4|gif|mov)\b)",
                  "export ", text)
    # "wanna hear the city clip more": "want to"
    text = re.sub(r"\bwanna\b", "want to", text)
    # "ding @ 3s", "title @ the top": "@" for "at"
    text = re.sub(r"\s@\s*(?=\d|the\b)", " at ", text)
    # "voice over pls: this is my city": the "pls" before the words says nothing
    text = re.sub(r"\s+(?:pls|plz|please)(?=\s*:)", "", text)
    # "give the dog clip's sound a bit of a boost": boost it
    text = re.sub(r"\bgive (the [\w' ]+?) (?:a )?(?:bit of a |little |small |big |real )?boost\b", r"boost \1", text)
    # "whack the volume up on the music", "whack it up": turn it up
    text = re.sub(r"\bwhack (?=(?:the |it |that |this )?(?:[\w' ]+ )?(?:up|down)\b)", "turn ", text)
    # "no music for the first 2 seconds": it comes in then; "... for the last 3 seconds": it stops that long before the end
    text = re.sub(r"\bno (?:background )?(music|song|bgm) (?:for|in|during|over) the first (\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b",
                  r"start the \1 at \2 seconds", text)
    text = re.sub(r"\bno (?:background )?(music|song|bgm) (?:for|in|during|over) the (?:last|final) (\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b",
                  r"stop the \1 \2 seconds before the end", text)
    text = _TOO_TEXTED.sub(lambda m: m.group(0) if m.group(1) in _NOT_TOO else f"{m.group(1)} too", text)
    # "i can barely see the title its so small": "its" typed for "it's" before how it is
    text = re.sub(rf"\bits(?= (?:too|{VERY_EN}|kinda|kind of|a bit|hard|not|tiny|huge)\b)", "it's", text)
    # "the title is hard to read on the city, ...": what it is hard to read against is no place for it
    text = re.sub(r"\b((?:hard|difficult|impossible|tough) to (?:read|see)) (?:on|over|against) [\w' ]{1,30}?(?=\s*[,.;!?]|$)",
                  r"\1", text)
    # "would it be possible to add ...", "could you please do 3 things: ...": only the requests
    text = re.sub(r"^(?:(?:would|will|is) it be possible|is it possible|would you mind if i asked you) (?:for you )?to\s+|"
                  r"^(?:(?:could|can|would) (?:you|u) )?(?:please |kindly )?do (?:\d+|one|a few|some|a couple of) things?(?: for me)?(?: please)?[:,]\s*",
                  "", text)  # "kindly do one thing, make the title little bigger only"
    text = re.sub(r"\ba touch (?=(?:more|less|\w+er)\b)", "a bit ", text)  # "a touch smaller", "a touch quicker"
    # "title's hard to read", "music is too loud": a remark that leaves out its article
    # ("city clip drags on, ...": a clip named by what it shows, as dictation drops the article)
    text = re.sub(r"(^|[,.!?]\s*)(?=(?:title|music|song|text|captions|subtitles|video|audio|voice-?over|dog clip|city clip)"
                  r"(?:'s|\s+(?:is|are)\b)|(?!(?:the|a|an|my|this|that|each|every|which|what|new|another|one)\b)[a-z]+ "
                  r"(?:clip|part|shot)\s+(?:drags(?: on)?|goes on|feels|seems)\b)", r"\1the ", text)
    text = re.sub(r"\b(the (?:title|music|song|text|captions|subtitles|video|audio|voice-?over|narrator|narration|voice|track|tune))'s "
                  r"(?=(?:so|too|really|very|way|a bit|"
                  r"kinda|kind of|hard|difficult|impossible|not|barely|still)\b)", r"\1 is ", text)  # not "the title's colour"
    # "..., 8 seconds would be great", "30% is fine": the amount is what is asked for
    text = re.sub(r"(\d+(?:\.\d+)?\s*(?:seconds?|secs?|s|%|percent|x|minutes?|mins?)(?= ))\s+(?:(?:would|will|should|could) be|is|'s|"
                  r"sounds?|seems?|feels?)\s+(?:really |just |probably )?(?:great|good|nice|perfect|fine|ideal|enough|ok(?:ay)?|plenty|"
                  r"best|cool|right|about right)\b|(\d+(?:\.\d+)?\s*(?:seconds?|secs?|s|%|percent|x)(?= ))\s+(?:should|would|will) do(?: (?:nicely|fine|just fine|me))?\b",
                  lambda m: m.group(1) or m.group(2), text)
    # "at the bottom add 'Bye'", "..., in the top left corner write 'Day 1'": the place said first is where the new words go
    text = re.sub(r"(^|,\s*|\band\s+)((?:at|in|on|to) the (?:very )?(?:top|bottom|middle|center|centre|(?:top|bottom|upper|lower) "
                  r"(?:left|right)(?: corner)?))\s*,?\s+(add|put|write|place)\s+(⟪\d+⟫)(?=\s*(?:[,.!]|$))", r"\1\3 \4 \2", text)
    # "the city clip should only be 6 seconds", "it can just last 3 s": the length, said as "should be only 6 seconds"
    text = re.sub(r"\b(should|must|needs? to|has to|have to|can|could|will|would)\s+(only|just|simply)\s+(be|last|run)\s+"
                  r"(?=(?:about |around )?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|half)\b)", r"\1 \3 \2 ", text)
    # "make the colour yellow": the colour of what was just changed ("it")
    text = re.sub(r"(^|,\s*|\band\s+)(make|change|set|turn) the colou?r (?=(?:to |into )?[a-z]+$)", r"\1\2 it ", text)
    # "title remove, and put new text ...": the object said before its verb
    text = re.sub(r"(^|,\s*|\band\s+)((?:the\s+)?(?:[\w-]+\s+)?(?:title|music|song|text|captions|subtitles|transitions?|"
                  r"crossfade|clip|voice-?over))\s+(remove|delete|mute|unmute)(?=\s*(?:[,.!]|$|\band\b|\bthen\b|\bplease\b))",
                  r"\1\3 \2", text)
    # "a ding right where it cuts to the dog clip", "at the cut to the second clip": the one cut into that clip, its start
    text = _CUT_TO.sub(r"when \g<clip> starts", text)
    text = re.sub(r"\bwhere (?:they|it|the (?:clips?|shots?|scenes?)) cuts?\b", "at each cut", text)  # "a whoosh where they cut"
    # "the dog clip has to go", "that whoosh can go": remove it
    text = _GONE.sub(r"remove \1", text)
    # "title fade out 2 seconds": a time right after the fade is its length
    text = re.sub(r"\bfade (in|out) (\d+(?:\.\d+)?) (seconds?|secs?|s)\b", r"fade \1 over \2 \3", text)
    # "remove the title plus the music", "music down plus the title bigger": "plus" before a thing joins as "and" does
    text = re.sub(r"(?<=\w)\s+plus\s+(?=(?:the|my|its)\s)", " and ", text)
    # "remove the title and the transitions": the removal said once is of both (a transition named alone was added)
    text = re.sub(r"\b(remove|delete|drop|get rid of|take out|lose) ((?:the|my) [\w -]+?) and (?:also )?(?=(?:the |all the |any )?"
                  r"(?:transitions?|crossfades?|cross fades?)$)", r"\1 \2 and \1 ", text)
    # "max out the music", "crank the music to the max": all the way up
    text = re.sub(r"\bmax(?:ed)? out ((?:the|my) [\w -]+?)(?=\s*(?:[,.!]|$|\band\b|\bthen\b))", r"turn \1 all the way up", text)
    # "looks good, ship it": done, export it
    text = re.sub(r"(^|[,.!]\s*|\b(?:and|so|now|then)\s+)ship it(?: out)?(?=\s*(?:[,.!]|$|\bplease\b))", r"\1export it", text)
    # "could you like make the music quieter and uh remove the title": fillers inside the dictation say nothing
    text = re.sub(r"(?<=\w)\s+(?:uh+|um+|erm|er)\b,?(?=\s)", "", text)
    text = re.sub(rf"\b(you|and|just|so|to) like (?=(?:{_EN_VERBS})\b)", r"\1 ", text)
    # "nvm the title, just mute the dog clip": a request taken back before the one made
    text = re.sub(rf"^(?:nvm|never ?mind|forget(?: about)?)(?: (?:the|my) [\w -]+?)?,\s*(?:just\s+)?(?=(?:{_EN_VERBS})\b)", "", text)
    # "scale the title to 1.5x": its size times that
    text = re.sub(r"\bscale (the (?:[\w-]+ )?(?:title|text|captions|subtitles)) (?:up |down )?(?:to |by )?(\d+(?:\.\d+)?)\s*x\b",
                  lambda m: f"make {m[1]} {m[2]}x bigger" if float(m[2]) > 1 else m[0], text)
    # "remove the title instead": what is removed in place of what was asked (its words are no "instead")
    text = re.sub(r"\b((?:remove|delete|drop|lose|get rid of)\s+(?:the|my)\s+(?:title|text|captions|subtitles|music|song))\s+instead\b",
                  r"\1", text)
    # "and out the same" after a fade in: the other fade (of the title or the music, whichever the last change faded)
    text = re.sub(r"^((?:and |now |then )?)(in|out)(?= (?:the same|too|as well|likewise)$)", r"\1fade \2", text)
    # "again at 7", "same again at 5s": one more of what was just added, at that moment
    text = re.sub(r"^((?:and |now |then |ok |okay )?)(?:the )?(?:same (?:thing )?)?again (?=at \d+(?:\.\d+)?(?: ?(?:seconds?|secs?|s))?$)",
                  r"\1another one ", text)
    # "could the video start with the dog?": that clip first
    text = re.sub(r"^(?:(?:could|can|should|would) (?:the video|it|you)|(?:please )?(?:start|begin|open) (?:the video|it))\s*"
                  r"(?:start |begin |open )?with (the [a-z ]+?)\??$", r"put \1 first", text)
    return re.sub(r"(^|,\s*|\band\s+)((?:the\s+)?(?:[\w-]+\s+){0,2}(?:clip|one|video|title|music|song|text))\s+make\s+(?:it\s+)?",
                  r"\1make \2 ", text)


_LEVEL_SAID = r"\s+(?:at|to|on)\s+\d+(?:\.\d+)?\s*(?:%|percent)(?:\s+volume)?"
# (a question is no scene: "what can you do with music" asks for help with it)
_SCENE_WITH = re.compile(rf"^(?!(?:(?:please|also)\s+)?(?:{_EN_VERBS})\b)(?!(?:what|how|which|why|where|can|could|do|does)\b)"
                         r"(?!(?:(?:and|now|ok|so) )*(?:the )?same(?: thing)?(?: again)?\s+with\b)"  # "same with the music": that change
                         r"(?!(?:the|my|this|that)\s+(?:[\w-]+\s+){0,2}(?:clip|video|one|part|shot)\b)"  # a clip there is no scene
                         rf"(.*\S)\s+(with\s+(?:[\w-]+\s+){{0,2}}"
                         # ("... with some lofi music at 30%", "... with some jazz at 40%": the music's level said with it; a
                         # genre alone only with its level: "a cafe with a piano" is a scene)
                         rf"(?:(?:music|soundtrack|song|bgm)(?:{_LEVEL_SAID})?|(?:{_GENRE_ITEM})(?:\s+music)?{_LEVEL_SAID}))$")


def _scene_with(part: str) -> list[str]:
    """"a dog running on the beach with upbeat music": a scene said without a verb, then its music (a list item)."""
    match = _SCENE_WITH.match(part)
    return [match.group(1), match.group(2)] if match and not re.search(r"\bslideshow\b", part) else [part]


_ZH_PARTS = r"标题|文字|字幕|背景音乐|音乐|配乐|配音|旁白"
_ZH_BOTH = re.compile(rf"^(?:把)?({_ZH_PARTS})(?:和|跟|与|以及)({_ZH_PARTS})(?:都|也|一起)?(.+)$")
# "音乐跟狗那段的原声都调小一点": a clip (or its sound) beside another thing, both said to take the change (都 / 也 / 一起)
_ZH_CLIP_PART = r"[\u4e00-\u9fff]{1,4}?那段(?:的)?(?:原声|声音)?|第\d+(?:个)?(?:片段|段)(?:的)?(?:原声|声音)?|片段(?:的)?原声|原声"
_ZH_BOTH_CLIP = re.compile(rf"^(?:把)?({_ZH_PARTS}|{_ZH_CLIP_PART})(?:和|跟|与|以及)({_ZH_PARTS}|{_ZH_CLIP_PART})(?:都|也|一起)(.+)$")
# "音乐和视频结尾都淡出", "画面跟音乐一起淡入": the picture's fade, the music going along with it (one SetFade, as
# "视频结尾淡出，音乐也跟着淡出"), never the music's fade alone
_ZH_PICTURE = r"(?:整个)?(?:视频|画面|影片|片子)"
_ZH_BOTH_FADE = re.compile(rf"^(?:把)?(?:{_ZH_PICTURE}(?:和|跟|与|以及)(?:背景音乐|音乐|配乐|bgm)|(?:背景音乐|音乐|配乐|bgm)(?:和|跟|与|以及)"
                           rf"{_ZH_PICTURE})(?:的)?(?P<pred>(?:(?:开头|结尾|最后|末尾)?(?:都|也|一起|同时)?){{1,2}}"
                           r"(?:慢慢)?(?:淡入|淡出|渐隐|渐显)[^，,和跟]*)$")
# "删掉标题和音乐", "去掉转场跟音效": one verb, two objects
_ZH_BOTH_AFTER = re.compile(rf"^((?:请|帮我)?(?:去掉|删掉|删除|移除|拿掉|关掉|不要))({_ZH_PARTS}|转场|音效)(?:和|跟|与|以及|还有)"
                            rf"({_ZH_PARTS}|转场|音效)(?:吧|了)?$")

# "视频加上我传的照片和歌", "把我上传的视频和歌都用上": an upload for the timeline and one for the music, one verb
_ZH_UPLOADS_BOTH = re.compile(r"^(?P<verb>.*?(?:加上|加进|添加|放上|放进|用上|用|加|把))?(?P<owner>我(?:自己)?(?:上传|传)的)"
                              r"(?P<clip>照片|图片|相片|视频)(?:和|跟|与|以及|还有)(?:我(?:自己)?(?:上传|传)的)?"
                              r"(?P<song>歌|音乐|背景音乐|配乐|歌曲)(?:都|也|一起)?(?P<after>(?:加上|加进来|用上|放进来|加进去)?(?:吧|了)?)$")


_DISLIKE_EN = re.compile(r"^(?:i )?(?:really )?(?:don'?t|do not|hate|dislike)(?: like)? ((?:the|this|that|these|those) "
                         r"[\w -]+?)(?:,\s*(.+))?$")
_DISLIKE_ZH = re.compile(r"^我?(?:不喜欢|不太喜欢|讨厌)((?:这个|那个|这段|这首)?[\u4e00-\u9fff]{1,6}?)了?$")
# a complaint that says how a thing is rather than that it is disliked: "the fade in at the start is annoying, get rid of
# it", "开头的淡入好烦，去掉吧" read as "I don't like ..."
_BOTHERS_EN = re.compile(r"^((?:the|this|that|these|those) [\w -]+?) (?:is|are|looks?|feels?|seems?) (?:so |really |kinda |kind of |"
                         r"a bit |super |just |way |pretty )?(?:annoying|distracting|irritating|weird|ugly|cheesy|tacky|awful|"
                         r"pointless|unnecessary|overkill)(?:,\s*(.+))?$")
_EFFECT = r"\b(?:fade|fades|fade-in|fade-out|cross-?fades?|transitions?|dissolves?|wipes?|zoom|pan|slow[- ]?mo(?:tion)?|ken burns)\b|" \
          r"淡入|淡出|转场|溶解|擦除|缩放|推近|拉远|慢动作|效果"
_BOTHERS_ZH = re.compile(r"^((?:这个|那个)?[\u4e00-\u9fff]{1,8}?)(?:看着|看起来|听着|听起来)?(?:好|太|有点|很|真|挺)(?:烦人?|多余|别扭|碍眼)了?$")
# a request for something else after a complaint: the complaint is only its reason
_INSTEAD = re.compile(r"\b(?:instead|rather|use|try|change|switch|swap|replace|something|another|different|maybe)\b|"
                      r"换成|改成|换(?:1|一)?(?:个|种|首|段)|用|试试")
_ZH_ACT = re.compile(r"^(?:请|帮我)?(?:去掉|删掉|删除|拿掉|换掉|换一个|换成|改成|调小|调大|关掉|不要)")


# a bare undo said after why ("转场看着有点多余 撤了吧", "颜色不用改了 撤掉", "不喜欢 还原"): the why is only its reason
_BARE_UNDO_ZH = re.compile(r"^(?:那|就|那就|还是|算了|干脆)?\s*(?:撤(?:了|掉|回|销)?|还原|撤回去|退回去)(?:吧|了|一下|掉)*$")
_TAKEN_BACK_ZH = re.compile(r"(?:不用|不要|别|没必要)(?:再)?(?:改|换|调|动|加|弄)了?|(?:不喜欢|不好看|不好听|多余|没必要)")


def _complaint_then_named_zh(parts: list[str]) -> list[str]:
    """"太快了看不清 狗那段": a complaint, then the clip it is about said on its own: one complaint about that clip."""
    for index in range(1, len(parts)):
        named = re.fullmatch(r"(?:就是|是)?([\u4e00-\u9fff]{1,4}?那段|第\d+(?:个)?(?:片段|段))(?:吧|啊)?", parts[index])
        if named and remark_of(parts[index - 1]) is not None and not re.search(r"那段|片段|第\d", parts[index - 1]):
            return [*parts[:index - 1], named.group(1) + parts[index - 1], *parts[index + 1:]]
    return parts


# the background complained of, then a colour said with no object: "黑色背景太压抑了 换成米白色" is the background's
_BG_REMARK_ZH = re.compile(r"^(?:[\u4e00-\u9fff]{1,3}色的?)?(?:这个|现在的?|视频的?|画面的?)?(?:背景|底色)(?:色|颜色)?(?!音乐|音|乐|歌)"
                           r"(?:看着|看起来)?(?:太|有点|有些|好|真|很|挺|不好看|难看|丑|显得)[^，,\s]*$")
_BARE_COLOUR_ZH = re.compile(r"^(?:那就|就|还是|那)?(?:换成|改成|变成|调成|弄成|换|改)(?:成)?[^，,\s]{0,3}[红白黑黄蓝绿橙橘紫粉灰金银青棕米][^，,\s]{0,2}(?:的|吧|呗)*$")


# which was meant, said before the request that says it again: "我说的是第二段不是第一段 删第二段"
_MEANT_ZH = re.compile(r"^我?(?:说|要|指)的是[^，,\s]{1,8}[，,\s]*(?:而)?不是[^，,\s]{1,8}$")


def _meant_then_zh(parts: list[str]) -> list[str]:
    """"我说的是第二段不是第一段 删第二段": the clarification is only why, when a request follows it."""
    return [part for index, part in enumerate(parts) if not (index + 1 < len(parts) and _MEANT_ZH.match(part))]


def _bg_remark_then_colour_zh(parts: list[str]) -> list[str]:
    """"背景太黑了 换成灰色": the colour after a complaint about the background is the background's (it was the title's);
    the complaint only says why."""
    for index in range(1, len(parts)):
        if _BG_REMARK_ZH.match(parts[index - 1]) and _BARE_COLOUR_ZH.match(parts[index]):
            return [*parts[:index - 1], f"背景{parts[index]}", *parts[index + 1:]]
    return parts


# a remark about one thing, with no verb ("the title goes by so fast", "title too quick", "the music is way too loud"), then
# a change that names nothing ("2 seconds longer", "make it a bit bigger"): that change is the thing's
_NAMED_REMARK_EN = re.compile(r"^(?:(?:ugh|hmm+|ok|so|well|honestly)[,\s]+)*(?:the |my |this |that )?(title|text|caption|music|song)"
                              r"\b(?!\s+(?:to|and)\b)[^,]*$")
_BARE_CHANGE_EN = re.compile(r"^(?:(?:so|maybe|like|just|then|pls|please)\s+)*(?:make it |have it |keep it )?"
                             r"((?:\d+(?:\.\d+)?\s*(?:seconds?|secs?|s)\s+(?:longer|shorter)|(?:a (?:bit|little|lot|touch) |much |way )?"
                             r"(?:bigger|smaller|larger|louder|quieter|softer|longer|shorter|higher|lower))(?: please| pls)?)$")


def _complaint_then_change_en(parts: list[str]) -> list[str]:
    """"the title goes by so fast.. 2 seconds longer": the change said after a remark about one thing is that thing's."""
    for index in range(1, len(parts)):
        named, change = _NAMED_REMARK_EN.match(parts[index - 1]), _BARE_CHANGE_EN.match(parts[index])
        if named and change and not re.match(rf"(?:{_EN_VERBS})\b", parts[index - 1]) and re.search(
                r"\b(?:is|are|goes|go|feels?|looks?|seems?|too|so|way|barely|hardly)\b", parts[index - 1]):  # ("title white, bigger": a list)
            return [*parts[:index - 1], f"make the {named.group(1)} {change.group(1)}", *parts[index + 1:]]
    return parts


def _reason_then_undo_zh(parts: list[str]) -> list[str]:
    """"转场看着有点多余 撤了吧", "颜色不用改了，撤掉": a remark, a dislike or a change taken back, then a bare undo: the
    undo alone (what the last change did is what the remark is about). Not a count said before it ("这俩都不要了 撤回去")."""
    split = [q for p in parts for q in re.split(r"[，,\s]+(?=(?:那|就|那就|还是|干脆)?(?:撤|还原)[^，,\s]{0,4}$)", p)]
    for index, part in enumerate(split):
        if index and _BARE_UNDO_ZH.match(part) and all(
                (_DISLIKE_ZH.match(p) or _TAKEN_BACK_ZH.search(p) or remark_of(p) is not None)
                and not re.search(r"都|全|俩|\d", p) for p in split[:index]):
            return split[index:]
    return parts


def _dislike_then(parts: list[str]) -> list[str]:
    """"i don't like the crossfade, take it out", "我不喜欢这个转场，去掉吧": the complaint names what the request that
    follows means by "it" (or, in Chinese, leaves unsaid), so the two read as one request ("take the crossfade out")."""
    merged: list[str] = []
    pending: list[str] = [*parts]
    while pending:
        part = pending.pop(0)
        bothers = _BOTHERS_EN.match(part) or _BOTHERS_ZH.match(part)
        if bothers and not re.search(_EFFECT, bothers.group(1)):
            bothers = None  # "the hum in the city clip is really distracting", "the black bars look ugly": a remark
        if bothers:  # "the fade in is annoying": not liked
            part = ("我不喜欢" + bothers.group(1) if bothers.re is _BOTHERS_ZH else
                    f"i don't like {bothers.group(1)}" + (f", {bothers.group(2)}" if bothers.group(2) else ""))
        english = _DISLIKE_EN.match(part)
        if english and english.group(2):  # one clause: "i don't like the crossfade, take it out"
            part, pending = part[:english.start(2)].rstrip(" ,"), [english.group(2), *pending]
        following = pending[0] if pending else ""
        if english and re.search(r"\b(?:it|that|them)\b", following):
            pending[0] = re.sub(r"\b(?:it|that|them)\b", english.group(1), following, count=1)
            continue
        if english:  # "i don't like this song, pick another one": the complaint stays whole, what follows is its own
            part = f"i don't like {english.group(1)}"
        chinese = _DISLIKE_ZH.match(part)
        if chinese and _ZH_ACT.match(following) and not re.match(r"^(?:换一个|换成|改成)", following):
            pending[0] = f"把{chinese.group(1)}{following}"
            continue
        if english and _INSTEAD.search(following):  # "..., something calmer please": the change is said next
            pending[0] = f"change {english.group(1)} to {following}"
            continue
        if chinese and _INSTEAD.search(following):  # "我不喜欢这个转场，换成溶解"
            pending[0] = f"把{chinese.group(1)}{following}"
            continue
        merged.append(part)  # alone, the complaint is the request: "I don't like the crossfade" takes it out
    return merged


# a filler that opens a dictated request ("嗯 音乐小点", "那个，标题改成红色", "额音乐太大了", "好吧 黄色也行")
_FILLER_ZH = re.compile(r"^(?:(?:嗯+|额+|呃+|哦+|啊+|哈哈+|嘿嘿+|那个|这个|好吧|好的|好|行|那|就是|"
                        r"(?:这个)?(?:不错|挺好的?|很好|完美|太棒了|真棒|可以了?)(?:啊|呀|哦)?)(?:[\s,，]+|$)|(?:对+|就是那个|那个什么|怎么说呢)[\s,，]+(?=\S)|那个(?=就是)|就是(?=第\d|[\u4e00-\u9fff]{1,6}?那段)|(?:嗯+|额+|呃+)(?![外度])|"
                        r"呢(?=[\u4e00-\u9fff])|"  # "然后呢狗那段放最后" (然后 is where it was split)
                        r"算了(?:[\s,，]+|(?=还是|换成|改成|换回|改回))|(?:算了)?(?:干脆|索性)(?=换|改|删|去掉|关|用|调|变|撤|把|将|给|不要))+")  # "算了 还原", "算了还是换成黑色": never mind what came before, now this
# a space in dictated text ("标题红色 音乐百分之二十 狗那段静音") starts a clause where what follows opens with what a
# request opens with (a verb, an object, another clip or moment) and what came before already asks something
_ZH_OPENS = re.compile(rf"^(?:那(?:就)?)?(?:{_ZH_VERBS}|(?:降|升|提|拉)到|(?:调|改|换|开)回|最后|再|然后|(?:前面|后面|前边|后边)(?:再)?(?:剪|裁|掐|砍|删|去|留)|静音|淡入|淡出|发(?:到|给)?(?:朋友圈|抖音|快手|视频号|b站|小红书|ins)|加速|减速|慢放|导出|删|撤|竖屏|横屏|方形|标题|字幕|文字|字|"
                       r"背景音乐|背景(?:色|颜色)?(?=改|换|调|变|用|设)|音乐|音量|配乐|bgm|配音|旁白|转场|音效|原声|帧率|画面|视频|片头|片尾|结尾|开头|"
                       r"声音(?=(?:也|再|都)?(?:关|调|大|小|开|静音|去掉))|"  # "狗那段快一点 声音大一点": the clip's sound next
                       r"[\u4e00-\u9fff]{1,4}?(?:那段|这段)|第\d+(?:\.\d+)?(?:个)?(?:片段|镜头|段|秒)|"
                       # a moment or the cuts, then what goes there: "在第3秒加个嗖", "片段之间加个转场"
                       r"在第?\d+(?:\.\d+)?秒|(?:在)?(?:片段|两段|2段|两个片段|2个片段|每段|镜头)(?:之间|中间)|"
                       # a moment said by what happens then: "狗出来之前加个嗖 它出来的时候来个撞击声"
                       r"(?:在|等)?[\u4e00-\u9fff]{1,6}?(?:出来|出现|消失|进来|离开)(?:的时候|之前|之后|以后))")
_ZH_ASKS = re.compile(rf"(?:{_ZH_VERBS})|加速|减速|慢放|竖屏|横屏|方形|淡入|淡出|转场|标题|字幕|字|音乐|bgm|原声|"
                      r"大|小|快|慢|红|黄|蓝|绿|白|黑|紫|橙|\d|删|撤|关|开|拉|推|摇|挪|移|接|恢复|速度|那段|这段|渲染|输出")

# one request all the same: a comparative and then its amount ("再短点 剪到五秒"), a request whose object is the
# one said before it ("咋没有转场 加一个", "标题还是要的 撤回"), a new clip and its shape ("加一段烟花 竖屏")
_ZH_SAME = re.compile(r"^(?:再|更)?[短长大小快慢高低]了?(?:1|一)?(?:点|些)?(?:了|吧)? |"
                      # "视频剪短一点 剪到十秒", "條片剪短啲 剪到十秒": shorter, then how short
                      r"(?:剪|弄|搞|变)短(?:1|一)?(?:点|些)(?:吧)? (?:就)?(?:剪|改|弄|调)?(?:到|成)\s*\d|"
                      # a comparative, then its amount: "转场时间长一点 用2秒"
                      r"[短长大小快慢高低](?:1|一)?(?:点|些)(?:吧)? (?:就)?(?:用|改成|调到|到|给)?\d+(?:\.\d+)?(?:秒|倍|%)?(?:吧)?$|"
                      r" (?:再)?(?:加|来|弄|整)(?:1)?(?:个|下)(?:吧)?$| (?:撤回|撤销|恢复)(?:去|掉)?(?:吧|一下)?$|"
                      r"(?:一段|生成|段).* (?:竖屏|横屏|方形|竖的|横的)$|"
                      r"(?:生成|来|做|加)(?:1)?(?:段|个|条) (?:放|接|插)(?:在|到)|"  # "再生成一段 放在后面 …": the new clip's place  # (the shape is the piece said last: "… 竖的 八秒 配点音乐" goes on)
                      r"^(?:用|拿)[^ ]{2,12} (?:来)?(?:替换|换掉|代替|取代)|"  # "用我的爬山视频 替换掉城市那段": one replacement
                      r"(?:[大小快慢响轻高低]|大声|小声)(?:1|一)?(?:点|些) (?:用|要)?\s*(?:\d+(?:\.\d+)?\s*(?:倍|%)|1半|一半)(?:吧|的)?$|"  # "音乐大声点 用两倍": how much
                      r"(?:音乐|曲子?|歌|乐|bgm|配乐) 音量(?:调到|开到|放到|用)?\s*\d+(?:\.\d+)?\s*%(?:左右|就行|吧)?$")  # "配点史诗音乐 音量50%": its level


# colloquial verbs read as the plain ones: "帮我弄个字幕" (加个), "再整一个" (再来一个), "帧率整到六十" (调到), "搞成方的" (改成), "你都能整些啥"
# (做些什么), "咋" (怎么), "瞅一眼" (看一眼); not "整个视频" (the whole video)
_COLLOQUIAL_ZH = (  # "加一个那个谢谢观看": a dictated filler between the verb and what is added
                  (re.compile(r"(?:(?<=加一个)|(?<=加1个)|(?<=加个)|(?<=来一个)|(?<=来1个)|(?<=来个)|(?<=放一个)|(?<=放个))(?:那个|就是)(?=[\u4e00-\u9fff])"), ""),
                  (re.compile(r"(?<=字号|大小)(设成|改成|调成|调到|设为|改为)(?:画面|屏幕|视频)(?:高度|高)的"), r"\1"),  # "字号设成画面高度的二十分之一": the size is a share of the frame's height
                  (re.compile(r"(?<=再)(?:弄|搞|整)(?=个|一个|1个|段|首)(?!个(?:视频|片子|画面))"), "来"),
                  (re.compile(r"(?<![把将给])(?:弄|搞)(?=个|点|一个|1个|段|首|些)|(?<=就|我|来|先)整(?=个|点|一个|1个|段|首)|"
                              # "第六秒整个叮", "开头整个嗖": one added at that moment (not "整个视频")
                              r"(?<=秒|候|方|里|处|头|尾)整(?=个|一个|1个)(?!个(?:视频|片子|画面|片段|人))"), "加"),
                  (re.compile(r"(?:弄|搞|整)(?=到\d|成|为)"), "调"), (re.compile(r"(?:弄|搞|整)(?=些|点儿?啥)"), "做"),
                  (re.compile(r"(?<![直硬])切(?=掉|短)"), "剪"),  # "切掉前两秒": cut off (a cut between clips is "直接切")
                  # "加上自动字幕", "智能字幕": 剪映's names for the captions of the clips' speech
                  (re.compile(r"^(?:自动|智能|ai)(?:识别|生成)?(?:一下)?(?=字幕$)"), "加"),  # "自动识别字幕" said alone: the request
                  (re.compile(r"(?:自动|智能|ai)(?:识别|生成)?(?=字幕)"), ""),
                  # "导一版发小红书的", "导个mov": an export said short ("引导", "导演" stay)
                  (re.compile(r"(?<![引指领诱教辅向倡主前开疏传])导(?=(?:1|一)?(?:版|份|个)(?!演|游|师|航))"), "导出"),
                  # words every end card says, added with no noun: "结尾加个谢谢观看", "最后打上未完待续" (words on screen)
                  (re.compile(r"(?:加个|加上|打上|放个|放上|来个|打个|加一个|加一句|加1个|加1句|来一个|来1个)(?=(?:(?:谢谢|感谢)(?:大家)?(?:观看|收看|支持)|未完待续|全剧终|"
                              r"完结撒花|下期(?:再)?见|点赞关注|记得(?:点赞|关注|三连|3连)|(?:一|1)键(?:三|3)连)(?:[\s，,。!！~～]|吧?$|的(?:字|文字|字样|字幕)(?:吧)?$))"), "加个字 "),
                  # (the stock words said as "…的字": "片尾加个一键三连的字" writes them, never "的字")
                  (re.compile(r"(?<=加个字 )((?:(?:谢谢|感谢)(?:大家)?(?:观看|收看|支持)|未完待续|全剧终|完结撒花|下期(?:再)?见|点赞关注|"
                              r"记得(?:点赞|关注|三连|3连)|(?:一|1)键(?:三|3)连))的(?:字|文字|字样|字幕)(?=吧?$)"), r"\1"),
                  # words put at a place on the frame after a pause, no noun: "右上角放个 Day 1", "底部加个 @小王的日常"
                  (re.compile(r"((?:左上|右上|左下|右下)角|顶部|底部|(?:画面|屏幕)(?:的)?(?:正?中间|上方|下方|上面|下面))(?:再)?(?:放|加|打|写)"
                              r"(?:个|上|一个|一行)?(?:\s+|(?=[a-z@#]))(?!(?:logo|水印|图片|照片|贴纸|表情|emoji|二维码|2维码|头像|图标)(?:\s|$))(?=\S)"), r"\1加个字 "),
                  # "第五秒那儿写个 注意看": words written after a pause are words on screen
                  (re.compile(r"(?<![描编改])写(?:个|一个|一行|1行|句|一句)\s+(?=\S)"), "加个字 "),
                  # the video as a GIF: "做成动图发群里", "导出成动图", "转成动态图" ("加个动图" stays a sticker, asked)
                  (re.compile(r"(?<=做成|导出|导成|转成|存成|变成|弄成|搞成|输出|出个|导个)(?:成|为)?(?:一个|个|一份|份|1个|1份)?(?:动图|动态图|gif图)"), "gif"),
                  # a sound said as what happens then, and its moment by "一…就": "标题一出来就叮一下", "开头砰一声" (一个叮)
                  (re.compile(r"一(出来|出现|进来|登场|切过来)就"), r"\1的时候"),
                  (re.compile(r"(?:就|再)?(叮|砰|嘭|咚|嗖|咻|啵|唰)(?:的)?(?:一下|一声)"), r"加个\1"),
                  # a moment of the video said with the video's name: "在视频第3秒加一个砰", "视频第2秒来个嗖" (a time, no clip)
                  (re.compile(r"(?<![把将])(?:在)?(?:整个)?(?:视频|片子)(?:的)?(?=第[\d一二三四五六七八九十两]+(?:\.\d+)?秒(?:的)?(?:时候|地方|处|那里)?"
                              r"(?:再|也)?(?:加|放|来|插|响))"), "在"),
                  # a pace, a length or a size said not to be wanted is a complaint of it: "第二段别那么快" is "第二段太快了"
                  # (slower), "不要这么长" shorter ("音乐别放那么大声" is the music's, music.py's _NOT_SO)
                  (re.compile(r"(?:别|不要|不用|不必|没必要)(?:再)?(?:弄|搞|整)?得?(?:那么|这么|那样|这样|太)(快|慢|长|短|突然|生硬|吵)"
                              r"(?:了|吧|啊|呀|嘛)*(?=[，,。!！\s]|$)"), r"太\1了"),
                  # a noise in a clip, then its sound taken away: "城市那段全是噪音 把声音关掉" mutes that clip's own sound
                  # (never the clip: "把声音关掉" said alone after it once removed the city clip)
                  (re.compile(r"((?:[\u4e00-\u9fff]{1,6}?(?:那段|这段)|第\d+(?:个)?(?:片段|段)))(?:的|里|里面)?(?:全是|都是|全都是|有|一直有|好多|很多)?"
                              r"(?:好多|很多|好大的?|很大的?)?(?:风声|噪音|杂音|噪声|底噪|环境音|车声|杂声)(?:太大了|好大|很大|太多了)?[\s，,]+"
                              r"(?:(?:真的|实在)?(?:太吵了|吵死了?|好吵|很吵|烦死了)[\s，,]+)?(?:那就|就|直接|帮我|麻烦)?把?(?:它的?|这段的?|那段的?)?(?:声音|原声)"
                              r"(?=关|去|静|消|删|拿|弄|搞|不要)"), r"把\1的原声"),
                  # a noise in a clip said with how it feels, nothing else: "狗那段有风声 吵死了" is "狗那段的风声吵死了" (muted)
                  (re.compile(r"^((?:[\u4e00-\u9fff]{1,6}?(?:那段|这段)|第\d+(?:个)?(?:片段|段)))(?:的|里|里面)?(?:全是|都是|全都是|有|一直有|好多|很多)?"
                              r"(?:好多|很多|好大的?|很大的?)?(风声|噪音|杂音|噪声|底噪|环境音|车声|杂声)(?:太大了|好大|很大|太多了)?[\s，,]+(?:真的|实在)?"
                              r"(?:吵死了?|吵得要命|烦死了|太吵了|好吵|很吵)(?:啊|呀|了)*$"), r"\1的\2吵死了"),
                  # how the noise feels, said between it and the request, is more of the complaint: "狗狗那段有风声 吵死了
                  # 把原声关了" is "狗狗那段有风声 把原声关了" (the wind was a sound effect added)
                  (re.compile(r"((?:风声|噪音|杂音|噪声|底噪|环境音|车声|杂声)(?:太大了|好大|很大|太多了)?)[\s，,]+(?:真的|实在)?"
                              r"(?:太吵了|吵死了?|好吵|很吵|有点吵|吵得要命|难听死了|太难听了|烦死了)(?:啊|呀|了)*(?=[\s，,]+\S)"), r"\1"),
                  # a noise heard in a clip is its own sound: "城市那段全是风声 吵死了 关掉" mutes it (never removes the clip)
                  (re.compile(r"((?:[\u4e00-\u9fff]{1,6}?(?:那段|这段)|第\d+(?:个)?(?:片段|段)))(?:的|里|里面)?(?:全是|都是|全都是|有|一直有|好多|很多)?"
                              r"(?:好多|很多|好大的?|很大的?)?(?:风声|噪音|杂音|噪声|底噪|环境音|车声|杂声)(?=[\s，,]|$)"
                              # (a sound named again after it is the request's: "狗那段有风声，把它静音" is a reason, then it)
                              r"(?!.*(?:原声|声音|静音|它))"), r"\1的原声"),
                  # a colour said with its whole noun: "换成红颜色的" (红色)
                  (re.compile(r"(?<=[红黄蓝绿白黑粉橙紫金灰])颜色"), "色"),
                  # a fade said as an effect, then its length: "标题加个淡入的效果一秒" fades in over a second (never shown 1 s)
                  (re.compile(r"(淡入|淡出)(?:的)?(?:效果|特效)(?=\s*(?:用|要|大概|差不多)?\s*\d+(?:\.\d+)?\s*(?:秒|s))"), r"\1"),
                  # the music sounding again at a moment is where it comes in, never louder there: "音乐在狗出来的时候再响起来",
                  # "音乐五秒之后再响" ("再响一点" stays louder)
                  (re.compile(r"(?:(?<=时候)|(?<=秒)|(?<=钟)|(?<=之后)|(?<=以后))(再|才)响(?:起来|起)?(?=$|[\s，,。！!吧])"), r"\1进来"),
                  # a size or a pace said doubled, as older users say it: "把字弄得大大的" (bigger), "标题调得小小的", "放得慢慢的"
                  (re.compile(r"(?:弄|搞|整|调|放|变|做)得([大小快慢])\1(?:的)?(?=$|[\s，,。！!吧])"), r"调\1一点"),
                  # a change said twice in one breath: "标题改一下改成周末快乐" is the change to those words
                  (re.compile(r"(?:改|换|调)(?:一下|1下)(颜色|字体|位置|大小|文字|内容)?\s*(?=(?:改|换|调)成)"), r"\1"),
                  # the north's "on top" and "at the bottom": "标题放上头去嘛", "挪到下头"
                  (re.compile(r"(?<=[放到在挪移])上头"), "上面"), (re.compile(r"(?<=[放到在挪移])下头"), "下面"),
                  # the north's 掐 for the music stopped: "把那音乐给我掐了", "bgm掐掉" (a span 掐掉 stays a cut)
                  (re.compile(r"((?:音乐|配乐|背景音乐|bgm|歌)(?:给我|也|就)?)掐(?=了|掉)"), r"\1关"),
                  # the music timed to a moment: "bgm卡着狗出来的时候进", "音乐在狗出来的时候进" (comes in then)
                  (re.compile(r"(?:(?<=音乐)|(?<=配乐)|(?<=歌))卡(?:着|在)(?=[^，,。\s]{1,10}(?:的时候|时候|秒))"), "在"),
                  (re.compile(r"(?:(?<=时候)|(?<=秒))(再|才)?进(?=$|[\s，,。！!吧])"), r"\1进来"),
                  # the north's "too": "这音乐忒吵了", "狗那段贼快" (太)
                  (re.compile(r"忒(?=[\u4e00-\u9fff])|贼(?=[吵快慢大小长短丑难暗亮响])"), "太"),
                  # "速度提一倍" is twice as fast (never "一倍": 1x), as "提高一倍" is
                  (re.compile(r"(?<![前高升示醒])提(?=(?:了)?(?:一|1)倍)"), "提高"),
                  # Sichuan's 啥子 is 啥 ("这标题啥子颜色嘛"), said before the plain one is read
                  (re.compile(r"啥子"), "什么"),
                  (re.compile(r"啥"), "什么"), (re.compile(r"咋"), "怎么"), (re.compile(r"瞅|瞧"), "看"),
                  # a look asked about in disbelief, then changed: "这标题啥子颜色嘛 换成白的" is the title's colour changed
                  (re.compile(r"^(?:这|这个|那个)?(标题|字幕|文字|字|背景)(?:这是|是)?什么(?:鬼)?(颜色|字体)(?:啊|嘛|呀|哦|呢|哟)*[\s，,]+"
                              r"(?=(?:给我|帮我)?(?:换|改|变|弄|整|调))"), r"\1\2"),
                  # why a thing is still there, then its removal: "咋还有个标题 删咯", "标题怎么还在 删掉" (the thing removed)
                  (re.compile(r"^(?:怎么|为什么|咋)还有(?:个|一个|1个)?(标题|字幕|音乐|背景音乐|配乐|转场|旁白|配音)(?:啊|呢|嘛|呀)*[\s，,]+"
                              r"(?=(?:给我|帮我|赶紧|快)?(?:删|去掉|关|拿掉|不要))|"
                              r"^(标题|字幕|音乐|背景音乐|配乐|转场|旁白|配音)(?:怎么|为什么|咋)还在(?:啊|呢|嘛|呀)*[\s，,]+"
                              r"(?=(?:给我|帮我|赶紧|快)?(?:删|去掉|关|拿掉|不要))"), r"\1\2 "),
                  # Sichuan and the north end a request with 咯 / 嘞: "删咯", "关咯" are "删了", "关了"
                  (re.compile(r"(?<=[删关去剪换改撤停])咯(?=$|[\s，,。！!])"), "了"), (re.compile(r"(?<=[\u4e00-\u9fff])嘞(?=$|[\s，,。！!])"), ""),
                  (re.compile(r"^([快慢大小长短吵响亮暗])(?:过头|过了头)了"), r"太\1了"),  # "大过头了 缩回去点": too big
                  (re.compile(r"(?<![生出发产先])生(?=(?:1|一)?(?:个|段|条)(?:视频|片段|镜头|短片))"), "生成"),  # "帮我生个视频"
                  # a speed or the length said as a quantity: "降低第二段的速度" slows it, "视频总时长是多少" shows it
                  (re.compile(r"^(?:请)?(?:降低|减慢|减小)([^，,。]{1,8}?)的(?:播放)?速度"), r"把\1放慢"),
                  (re.compile(r"^(?:请)?(?:提高|加快|增加)([^，,。]{1,8}?)的(?:播放)?速度"), r"把\1加速"),
                  (re.compile(r"^(?:这个|整个)?(?:视频)?(?:的)?总(?:时长|长度)(?:是)?(?:多少|多长)(?:秒)?"), "现在多长了"),
                  # a song said by its measure word alone: "不喜欢这首，换个欢快点的" is the music (not "快点": a speed-up)
                  (re.compile(r"(?<=[这那])首(?=$|[，,\s。！!？?]|换|不|太|也|就|还|真|有点|挺|好|删|去|关|别|静|难听|没)"), "首歌"),
                  # a property refused and another asked: "标题不要红色，要蓝色" changes it to blue (not "标题不要": a removal)
                  (re.compile(r"(?:不要|别用|不用|别)(?:用|是)?[红黄蓝绿白黑粉橙紫金灰]色?(?:的)?(?:了)?[\s，,]*(?:要|用|换成|改成|换|改)(?:成)?"
                              r"(?=[红黄蓝绿白黑粉橙紫金灰]色?(?:的)?(?:吧)?$)"), "改成"),
                  # a span kept, the rest said unwanted: "从第2秒开始到第12秒结束 其他都不要" keeps 2-12 s
                  (re.compile(r"^(?:保留|留)?从第?(\d+(?:\.\d+)?)秒(?:开始)?到第?(\d+(?:\.\d+)?)秒(?:结束)?(?:的)?[\s，,]*"
                              r"(?:其他|其余|剩下|剩余)(?:的)?(?:部分)?(?:都|全)?(?:不要了?|删掉|删了|去掉|剪掉)(?:吧)?$"), r"只要第\1秒到第\2秒"))
# a pinyin input method's slips of the editor's own words, same sound, other characters: "结尾蛋出一下" (淡出), "专场" (转场),
# "背景音月去掉" (音乐), "到出给抖音" (导出), "撤消" (撤销)
_SLIPS_ZH = ((re.compile(r"[蛋旦]出"), "淡出"), (re.compile(r"[蛋旦]入|淡如"), "淡入"),
             # a colour heard by ear: "颜色换成洪色" (红色), "改成兰色" (蓝色)
             (re.compile(r"(?<=[成为换是用])[洪宏虹](?=色)"), "红"), (re.compile(r"(?<=[成为换是用])[兰篮](?=色)"), "蓝"), (re.compile(r"专场|转常|转厂"), "转场"),
             (re.compile(r"标[提体]|(?<![代图列])表题"), "标题"), (re.compile(r"字目|子幕|字慕"), "字幕"), (re.compile(r"音月|因乐|阴乐|(?:^|(?<=背景))音了(?=调|换|去|删|关|开|小|大|淡|声|音量|\d)"), "音乐"),  # "音月换成钢琴的"
             # "倒出给抖音" (导出), "视频变成竖评" (竖屏), "狗那段静因" (静音), "慢动做" (慢动作), "帧数改60" (帧率)
             (re.compile(r"(?:倒|(?<![拿得做找看听想来回收])到)出(?=给|成|为|一|1|个|份|吧|视频|mp4|mov|gif|webm|$|[a-z])"), "导出"), (re.compile(r"(?<![大果])[树数术](?=[屏评瓶]|平(?!台|均|时|常|衡|行|面|板|稳))"), "竖"), (re.compile(r"[恒衡](?=屏)"), "横"), (re.compile(r"(?<=[竖横])[评瓶平]"), "屏"),
             (re.compile(r"静[因阴英应]|禁因|净音"), "静音"), (re.compile(r"撤消"), "撤销"),
             # "狗那段的圆声关掉" (原声 heard by ear: it removed the clip)
             (re.compile(r"[圆源元园](?=声)"), "原"),
             # "淡出三妙" (秒), "改成红涩" (色), "换成难声" (男声): a word of the editor's heard by ear
             (re.compile(r"(?<=[\d一二两三四五六七八九十半])(?:妙(?:钟)?|秒中(?!间|心|的))"), "秒"),
             # "在第三秒加个搜的一声", "来个艘": the whoosh's sound typed by its pinyin (sou)
             (re.compile(r"(?<=[个加来])[搜艘飕](?=(?:的)?(?:一声|一下|声|的音效|音效)|$)"), "嗖"), (re.compile(r"(?<=[红黄蓝绿白黑粉橙紫金灰])涩"), "色"),
             (re.compile(r"(?<![困艰])[难南]声"), "男声"),  # (撤消 is the older spelling)
             # "字母改成白色": the title's letters, typed for 字幕 (a colour, size or place of them said after)
             (re.compile(r"(?<![英文拼音])字母(?=(?:的)?(?:颜色|大小)?(?:改|换|调|变|大|小|放|加|删|去掉))"), "字幕"),
             # "音乐调晓一点" (小), "城市那段加速两杯" (倍): a size or a speed heard by ear
             (re.compile(r"(?<=[调变弄关放缩声量])晓(?=(?:1|一)?点|些|了|吧|$)"), "小"),
             (re.compile(r"((?:加速|加快|放慢|慢放|快进|速度)(?:到|成|调到|调成)?[\d一二两三四五六七八九十点.]{1,4})杯"), r"\1倍"), (re.compile(r"慢动做"), "慢动作"), (re.compile(r"帧数(?=改|调|设|换|变|要|是|\d)"), "帧率"),
             (re.compile(r"减掉(?=\d|[一二三四五六七八九十两半]|前|后|开头|结尾|最)"), "剪掉"),  # "城市那段太长了 减掉3秒": by ear
             # "城市那段开头2秒剪调" (剪掉 typed by its sound); "砍掉最后3秒", "开头砍一秒": a stretch of time hacked off is cut,
             # never the clip deleted ("砍掉狗那段" still removes it, "音乐砍一半" still halves the volume)
             (re.compile(r"[剪减]调(?!色|音|整|成|到|节)"), "剪掉"),
             (re.compile(r"砍(?=(?:掉|了|去)?(?:最后|开头|结尾|前面|后面|前|后|头上|尾巴)?(?:的)?(?:\d|[一二三四五六七八九十两半]+(?:\.\d+)?秒))"), "剪"),
             (re.compile(r"简短(?=到|成|为|一点|点|些|\d)"), "剪短"),
             # heard by ear: "两段之间加个容解" (溶解), "加个黑长" (黑场), "背景换成百色" (白色)
             (re.compile(r"[容熔]解"), "溶解"), (re.compile(r"(?<=[加个用成来])黑[长厂常]"), "黑场"), (re.compile(r"(?<=[加个用成来])白[长厂常]"), "白场"),
             (re.compile(r"(?<=[成为换是用])(?:百|100)色"), "白色"))  # "视频简短到十秒": 剪短 heard by ear
# a request said again and again: "撤销 撤销 再撤销" undoes three steps
_REPEATED_UNDO = re.compile(r"^(?:再?(?:撤销|撤回)(?:[\s,，、]*|$)){2,}$")  # ("撤销撤销": said twice without a pause too)


# English editing words inside a Chinese message, as the Chinese word ("BGM的fade in设成2秒", "把BGM mute掉", "ducking打开",
# "title换成黄色", "给title加个fade in，0.5秒", "字幕的size大一点，color换成white", "加一个end card写「…」"); a title's own English
# stays ("title改成Night City": a word inside an English phrase is not one)
_LATIN_ZH = tuple((re.compile(rf"\s*(?<![a-z]){latin}(?![a-z])\s*"), plain) for latin, plain in (
    (r"fade[- ]?in", "淡入"), (r"fade[- ]?out", "淡出"), (r"voice[- ]?overs?|narration", "旁白"), (r"(?:clip|shot) ?(\d)", r"第\1段"), (r"duck(?:ing)?", "闪避"), (r"volume", "音量"), (r"mute", "静音"),
    (r"(?:background )?music", "音乐"), (r"bgm", "背景音乐"), (r"loop(?:ing)?", "循环"), (r"delay", "推迟"), (r"double", "加倍"),
    (r"start", "开始"), (r"low(?:er)?", "低"), (r"high(?:er)?", "高"),
    # the timeline's and the export's words: "export成mov", "第二段cut掉开头1秒", "transition换成dissolve", "帮我render一下"
    (r"export", "导出"), (r"render", "渲染"), (r"trim", "剪"), (r"delete", "删"),
    # a transition's English name: "两段之间加个wipe right的transition", "transition换成dip to black"
    *((rf"{kind} (?:to the )?{en}|{en} {kind}", f"向{zh}{'擦除' if kind == 'wipe' else '滑'}")
      for kind in ("wipe", "slide") for en, zh in (("left", "左"), ("right", "右"), ("up", "上"), ("down", "下"))),
    (r"(?:dip|fade) (?:to|through) black", "黑场"), (r"(?:dip|fade) (?:to|through) white", "白场"), (r"cross-?fade", "叠化"),
    (r"(?:hard|straight) cuts?", "硬切"), (r"wipe", "擦除"),
    (r"(?<!final )(?<!final)(?<![jl]-)(?<![jl] )(?<!jump )(?<!hard )(?<!straight )(?<!每个)(?<!每)cut(?!s)", "剪"), (r"transitions?", "转场"), (r"dissolve", "溶解"),
    (r"background(?! music)", "背景"), (r"in[- ]?point", "入点"), (r"out[- ]?point", "出点"),
    # a new clip and what a cut keeps: "帮我generate一个海边日落的视频", "狗那段keep最后两秒"
    (r"generate", "生成"), (r"keep", "保留"),
    # a camera move's English name: "城市这段加个slow zoom out", "照片用zoom in的效果"
    (r"slow(?:ly)? zoom(?:ing)?[- ]?in|slow push(?:ing)?[- ]?in", "慢慢推近"), (r"slow(?:ly)? zoom(?:ing)?[- ]?out|slow pull(?:ing)?[- ]?(?:out|back)", "慢慢拉远"),
    (r"zoom(?:ing)?[- ]?in|push(?:ing)?[- ]?in", "推近"), (r"zoom(?:ing)?[- ]?out|pull(?:ing)?[- ]?(?:out|back)", "拉远"),
    (r"(?:slow(?:ly)? )?pan(?:ning)? (?:to the )?left", "往左摇"), (r"(?:slow(?:ly)? )?pan(?:ning)? (?:to the )?right", "往右摇")))
# the title's words, its look and the video's shape, not inside an English phrase ("title改成Night City" keeps "city"); a
# space joins the word to the Chinese it belongs to ("把 title 改成…"), a pause before it stays ("音乐小声点 title 放中间")
_LATIN_TITLE_ZH = {
    "end card": "片尾字卡", "end screen": "片尾字卡", "outro card": "片尾字卡", "title card": "片头字卡", "intro card": "片头字卡",
    "font size": "字号", "title": "标题", "titles": "标题", "subtitle": "字幕", "subtitles": "字幕", "caption": "字幕",
    "captions": "字幕", "text": "文字", "video": "视频", "font": "字体", "color": "颜色", "colour": "颜色", "size": "大小", "position": "位置",
    "duration": "显示时长", "center": "中间", "centre": "中间", "middle": "中间", "top": "顶部", "bottom": "底部",
    "vertical": "竖屏", "portrait": "竖屏", "horizontal": "横屏", "landscape": "横屏", "square": "方形", "white": "白色",
    "black": "黑色", "red": "红色", "yellow": "黄色", "blue": "蓝色", "green": "绿色", "pink": "粉色", "orange": "橙色",
    "purple": "紫色", "gold": "金色", "grey": "灰色", "gray": "灰色"}
_LATIN_TITLE = re.compile(r"(?:(?<=[把给将让的在]) )?(?<![a-z])(" + "|".join(sorted(_LATIN_TITLE_ZH, key=len, reverse=True)) +
                          r")(?![a-z])(?P<space> (?=[\u4e00-\u9fff]))?")


def _latin_title_zh(text: str) -> str:
    """"title换成黄色", "字幕的size大一点，color换成white", "加一个end card写「…」": the title's English words as Chinese."""
    def swap(match: re.Match[str]) -> str:
        if re.search(r"[a-z] $", text[:match.start(1)]) or re.match(r" [a-z]", text[match.end(1):]):
            return match.group(0)  # inside an English phrase: "night city top secret"
        joined = match.group(0).startswith(" ") or not re.search(r"[\u4e00-\u9fff⟫\d]$", text[:match.start()])
        return _LATIN_TITLE_ZH[match.group(1)] + ((match.group("space") or "") if not joined else "")
    return _LATIN_TITLE.sub(swap, text)


# dictated by voice, fillers inside a request: "把狗那段然后删掉" (然后 between the thing and its verb), "开头那段 就是城市那个
# 慢一半" (the clip said again, "that is, the city one": the first naming kept)
_VOICE_FILLERS_ZH = ((re.compile(r"((?:把|将)(?:(?!改|换|调|加|删|剪|放|设|变|弄|挪|移)[^，,。\s]){1,8}?(?:那段|这段|片段|段|视频|画面|标题|音乐|照片))"
                                 rf"\s*(?:然后|就是|那个|嗯+)\s*(?=(?:{_ZH_VERBS}|删|挪|移|拿|慢|快|加速|放慢|静音))"), r"\1"),
                     (re.compile(r"(?<=[\u4e00-\u9fff])嗯+(?=[\u4e00-\u9fff])"), ""),  # "视频嗯帧率调成三十"
                     # dictated with no pause, a joiner before the next request: "把标题改成黄色的嗯还有就是结尾淡出"
                     (re.compile(r"(?<=[色的了%秒倍])(还有就是|还有|另外)(?=(?:开头|结尾|片头|片尾|最后|背景音乐|音乐|配乐|标题|字幕|第\d|[\u4e00-\u9fff]{1,4}那段)"
                                 r"[^，,\s]{0,8}?(?:淡入|淡出|改|换|调|删|去掉|静音|加|放|剪|慢|快))"), r"，\1"),
                     (re.compile(r"(?:(?<=那段)|(?<=这段)|(?<=片段))呢(?=[\u4e00-\u9fff])"), ""),  # "把海边的小狗那段呢往前面放"
                     (re.compile(r"(?:(?<=顺序)|(?<=位置)|(?<=[段频面景场]))(?:的)?(?:帮我|给我)(?=倒|反|换|调|改|删|剪|挪|移|放)"), ""),  # "两个片段的顺序帮我倒过来"
                     # another one asked, then which: "转场 换一个 换成闪白吧" is one change ("再换一个，换成雪天" is another clip)
                     (re.compile(r"(?<!再)换(?:1|一)?个[\s，,]+(?=(?:就)?(?:换成|改成|用))"), ""),
                     # Cantonese "加多段…" is one more of it: "加多段海边日落喺最后"
                     (re.compile(r"加多(?=(?:1)?(?:段|个|条|首))"), "再加"),
                     # another picture, then what it shows after a pause: "把第一段换成别的画面 一片麦田"
                     (re.compile(r"换成(?:别的|另外的|另外1个|另1个|其他的?)(?:画面|镜头|内容|场景)[\s，,：:]+(?=[\u4e00-\u9fff])"), "换成"),
                     # the last seconds counted back: "倒数三秒不要了" is the last three ("倒数第二段" stays a clip)
                     (re.compile(r"倒数(?=\d+(?:\.\d+)?秒)"), "最后"),
                     # the middle said as half of it: "城市那段在一半的地方切开"
                     (re.compile(r"(?:在|从)?(?:1|一)半(?:的)?(?:地方|位置|那里|处)(?=(?:切|剪|分|劈|断|拆))"), "从中间"),
                     # a split in two, then where from: "把视频分成两段，从第4秒切开" is one split there, as "…，在第4秒切开"
                     # (it split in half and again at 4 s)
                     (re.compile(r"(?:(?<=成2段)|(?<=成两段)|(?<=成2半)|(?<=成两半))([，,]\s*)从(?=第?\d+(?:\.\d+)?(?:秒|s))"), r"\1在"),
                     # an opening or closing shot named, then the scene after a pause: "加个片头 一段星空延时 五秒"
                     (re.compile(r"(?:加|来)(?:1)?(?:个)?(片头|片尾)[\s，,：:]+(?:是|用)?(?:1)?段"), r"\1加1段"),
                     # the order said as a list: "先放狗 再放城市", "顺序改成先狗后城市" (the first to the front)
                     (re.compile(r"^(?:顺序(?:改成|换成|调成|变成|是))?先(?:放)?((?:(?!剪|删|加|改|换|调|静|淡|慢|快|导|生成|去|放)[\u4e00-\u9fff]){1,6}?)(?:那段|的)?"
                                 r"[\s，,]*(?:再|然后|后|之后)(?:放)?((?:(?!剪|删|加|改|换|调|静|淡|慢|快|导|生成|去|放)[\u4e00-\u9fff]){1,6}?)(?:那段|的)?$"),
                      r"\1那段放最前面，\2那段放后面"),
                     (re.compile(r"((?:第\d+(?:个)?(?:片段|段|镜头)|[\u4e00-\u9fff]{1,6}?(?:那段|这段)|最后(?:1|一)?段|倒数第\d+(?:个|段)))\s*"
                                 r"(?:也)?就是(?:说)?\s*[\u4e00-\u9fff]{1,6}?(?:那段|那个|这段|这个)(?:片段|视频|镜头)?(?:的)?\s*(?=\S)"), r"\1 "))


def _colloquial_zh(text: str) -> str:
    if re.search(r"[a-z]", text):
        text = _latin_title_zh(text)
        for pattern, plain in _LATIN_ZH:
            text = pattern.sub(plain, text)
        text = _latin_title_zh(text)  # "title fade in一秒": the title's word read once the fade beside it is Chinese
    for pattern, plain in (*_SLIPS_ZH, *_COLLOQUIAL_ZH, *_VOICE_FILLERS_ZH):
        text = pattern.sub(plain, text)
    if _REPEATED_UNDO.match(text):
        return f"撤销{len(re.findall('撤销|撤回', text))}步"
    return text


# a joiner said after a pause opens the next request as it does after a comma ("…，另外标题放到底部"): "狗那段静音 另外标题改成黄色"
_JOINER_ZH = re.compile(r"^(?:另外(?![1一]?(?:个|段|条|首))|此外|还有(?:就是|[1一](?:个|件事|点)(?=[，,：:\s]))?(?!什么|啥|哪些|别的|没有)|而且|同时|以及|"
                        r"再就是|再[1一]个(?=[，,：:\s])|接下来|之后)[，,：:]?\s*")


# a request about a thing that makes no sound, so a sound said after it is another request: "标题改成红色 声音大一点"
# (the title has no loudness; "音乐换成钢琴 声音小一点" and "狗那段 声音调小" stay one)
_SILENT_THING_ZH = re.compile(r"^(?!.*(?:音乐|配乐|bgm|歌|旁白|配音|原声|声音|音量|那段|这段|片段|第\d)).*(?:标题|字幕|文字|转场|竖屏|横屏|方形|比例|画布|背景色|帧率)")


# music asked for after a pause: "配上钢琴曲", "来点爵士乐", "加个lofi的背景音乐"
_MUSIC_PIECE_ZH = re.compile(r"^(?:再|然后)?(?:配上?|加上?|来|放)(?:1|一)?(?:点|个|首|段|些)?[^ ]{0,8}?(?:音乐|曲子?|歌|乐|bgm|配乐)")


def _spoken_zh(part: str) -> list[str]:
    """"标题红色 音乐百分之二十 狗那段静音": dictated requests with spaces between them and no punctuation."""
    # a pause right after a verb that takes what follows says nothing: "把第一个片段换成 海边的灯塔 10秒"
    part = re.sub(r"(?<=换成|改成|变成|换为|改为)\s+(?=[\u4e00-\u9fff])", "", part)
    # a space after Chinese, a quoted title or an English word said in Chinese ("音乐换成chill 导出方形的") may end a request
    after = "|".join(rf"(?<=[\u4e00-\u9fff][a-z]{{{n}}})" for n in range(2, 8))
    pieces = [piece for piece in re.split(rf"(?:(?<=[\u4e00-\u9fff%⟫])|{after})\s+(?=[\u4e00-\u9fff]|2(?:个)?(?:片段|段)(?:之间|中间))|"
                                          # an amount, then the next request: "太快了改一点五 再把原声调小点"
                                          r"(?<=\d)\s+(?=(?:再|然后|顺便|最后)[\u4e00-\u9fff])|"
                                          # quoted words, then another place to write: "开头写「第一天」结尾写「完」"
                                          r"(?<=⟫)(?=(?:开头|结尾|片头|片尾|最后|中间)(?:再)?(?:写|加|放|打))", part) if piece]

    def starts_new(before: str, piece: str) -> bool:
        # a remark, then a request: "画面太死板了 加个慢慢推近的效果", "哇这个狗好可爱 把它放到最前面吧"
        # (a complaint that asks a change of its own is read whole: "音因太吵了 调到一成" is the music's, typo and all)
        remark = remark_of(before)
        judged = remark.request is None if remark is not None else \
            re.search(r"(?:太|有点|有些|好|真|挺)[\u4e00-\u9fff]{1,3}(?:了|啊|呀)?$", before)
        asks = _ZH_ASKS.search(before) or judged and _ZH_REQUEST.match(piece)
        bare = _COMPLAINT_ZH.match(piece)
        if bare is not None and not bare.group("obj") and remark is None and _ZH_ASKS.search(before):
            return True  # "标题再多留2秒吧 太快了": why the request before (a complaint about what it changes)
        if piece.startswith("声音") and not _SILENT_THING_ZH.search(before) and (not re.search(r"那段|这段|第\d+(?:个)?(?:片段|段)", before) or re.fullmatch(
                r"(?:把)?(?:[\u4e00-\u9fff]{1,6}?(?:那段|这段)|第\d+(?:个)?(?:片段|段))(?:的)?", before)):
            return False  # "狗那段 声音调小": the clip, then its sound (one request); only a clip changed is its sound next
        if _MUSIC_PIECE_ZH.match(piece) and not _ZH_ASKS.search(before) and not re.search(r"音乐|配乐|歌|bgm", before):
            return True  # "海边日落 配上钢琴曲 音量百分之二十": a scene said first, then its music (a request of its own)
        opened = _ZH_OPENS.match(_JOINER_ZH.sub("", piece))  # "狗那段静音 另外标题改成黄色": a joiner, then the request
        # "两段换个位置 另外整体加个淡入淡出": a joiner word says a request of its own follows, whatever it opens with
        joined = _JOINER_ZH.match(piece) is not None and len(_JOINER_ZH.sub("", piece)) > 1
        return bool((opened or joined) and asks and not _ZH_SAME.search(f"{before} {piece}"))
    merged = _merge_pieces(pieces, starts_new, " ")
    merged = [merged[0], *(_JOINER_ZH.sub("", piece) or piece for piece in merged[1:])] if merged else merged
    return _ends_together(merged, " ") or [part]


# one end's fade, then the other's with the amount both take: "城市这段开头淡入 结尾淡出 各一秒" is one fade of that clip
_ONE_END = re.compile(r"(?:淡入|淡出)$")
_BOTH_ENDS = re.compile(r"^(?:结尾|片尾|最后|末尾|开头|片头)?(?:也|再)?(?:淡入|淡出)[\s，,]*(?:各|都是|都)\s*\d")


def _ends_together(pieces: list[str], sep: str) -> list[str]:
    """Two pieces that give the two ends' fades one amount said after both, joined back: one request."""
    out: list[str] = []
    for piece in pieces:
        if out and _ONE_END.search(out[-1]) and _BOTH_ENDS.match(piece) and out[-1][-2:] not in piece:
            out[-1] = f"{out[-1]}{sep}{piece}"
        else:
            out.append(piece)
    return out


_ZH_REQUEST = re.compile(r"^(?:那|就|再|帮我|给我|请)?(?:把|将|给|加|添加|删|去掉|换|改|调|放|用|来)")


def _merge_pieces(pieces: list[str], starts_new: Callable[[str, str], bool], sep: str) -> list[str]:
    """``pieces`` joined back with ``sep`` onto the request before them, except where ``starts_new(before, piece)``
    says the piece opens a request of its own (``_spoken_zh``'s spaces, ``_comma_zh``'s commas)."""
    merged: list[str] = []
    for piece in pieces:
        if merged and not starts_new(merged[-1], piece):
            merged[-1] = f"{merged[-1]}{sep}{piece}"
        else:
            merged.append(piece)
    return merged


# a comma the splitter kept ("视频比例调成方形，标题颜色换成浅紫色") ends a request when what follows opens one of its own
# about a thing it names, and what came before already asks something (as a space does in dictation: ``_spoken_zh``).
# Not after a new clip, whose details follow it ("做一段海边日落的视频，十秒，竖屏"), nor before what only says more of the
# request before: its amount or a property left without its object ("标题放大，用两倍", "换首民谣，音量百分之三十，淡入两秒",
# "我讨厌这个标题，删了吧"), the same thing again ("加字幕，字幕要黄色的"), or where an export goes ("导出给小红书，竖屏")
_ZH_NEW_CLIP = re.compile(r"生成|(?:(?:做|来|加|接|弄)(?:1)?(?:个|一个|一段|段|条)|整(?:1|一)?(?:段|条|个(?!视频)))"
                          r"(?!.*(?:转场|标题|字幕|音效|黑|白))|视频[:：]|^不是")
_ZH_THINGS = {"title": r"标题|字幕|文字|字(?!幕)", "music": r"背景音乐|音乐|配乐|bgm|歌|闪避|ducking", "voice": r"配音|旁白",
              "transition": r"转场|之间|中间", "sound": r"音效|原声", "canvas": r"帧率|比例|背景(?!音乐)|竖屏|横屏|方形|尺寸",
              "ends": r"片头|片尾|结尾|开头|最前面|黑屏|黑场|黑幕", "clip": r"那段|这段|第\d+(?:个)?(?:片段|段|镜头)|片段\d|所有片段|每个片段|整个视频|"
              r"(?:前面|后面|前边|后边)的[\u4e00-\u9fff]{1,4}?(?=留|剪|删|不要|静音|加速|放慢|慢放|只要|保留)"}  # "…，前面的城市留八秒"
_ZH_DETAIL = re.compile(r"^(?:用|音量|淡入|淡出|循环|不要循环|别循环|要|各)")


def _thing_zh(piece: str) -> str | None:
    """The first thing ``piece`` names (``_ZH_THINGS``' key), or None."""
    found = [(m.start(), name) for name, pattern in _ZH_THINGS.items() if (m := compiled(pattern).search(piece))]
    if any(name == "transition" for _, name in found):  # "每个片段之间都用溶解": the clips are its place
        return "transition"
    return min(found)[1] if found else None


# uploads added together ("把照片和hike都加上"), then one of them named with a change of its own ("照片慢慢放大")
_ZH_ADDED_ALL = re.compile(r"和.{1,12}?都(?:加|放|接|用)")
_ZH_ONE_OF_ADDED = re.compile(r"^(?:把)?(?:那张|这张)?(?:照片|图片|相片|视频)[^，,]{0,8}?(?:慢|放大|缩小|推|拉|静音|加速|减速|淡|显示|放\d|\d)")


def _comma_zh(part: str) -> list[str]:
    pieces = [piece for piece in re.split(r"\s*[，,]\s*", part) if piece]

    def starts_new(before: str, piece: str) -> bool:
        if _ZH_ONE_OF_ADDED.match(piece) and _ZH_ADDED_ALL.search(before):
            return True  # "把照片和hike都加上，照片慢慢放大": one of the uploads added together, changed
        thing = _thing_zh(piece)
        if thing is not None and thing != _thing_zh(before) and _ZH_ASKS.search(before) and (
                (why := remark_of(piece)) is not None and why.request is None):
            return True  # "bgm声音大一点，盖不住原声了": why, naming another thing than the request's (said, not asked)
        opens = _ZH_OPENS.match(piece) or any(re.match(pattern, piece) for pattern in _ZH_THINGS.values())
        # after a new clip, only another thing than the clip's own look ("后面加一段狗在海边跑的，5秒，中间用溶解转场")
        return bool(thing is not None and opens and not _ZH_DETAIL.match(piece)
                    and _ZH_ASKS.search(before) and (thing in ("transition", "title", "voice") or not _ZH_NEW_CLIP.search(before))
                    and thing != _thing_zh(before) and not (thing == "canvas" and re.search(r"导出|导|发", before) and not piece.startswith("帧率"))
                    and not _ZH_SAME.search(f"{before} {piece}"))
    return _ends_together(_merge_pieces(pieces, starts_new, "，"), "，") or [part]


def _both_zh(part: str) -> list[str]:
    """"标题和音乐都淡出": each object takes the predicate said after both."""
    match = _ZH_BOTH_FADE.match(part)
    if match:
        pred = re.sub(r"都|也|一起|同时", "", match.group("pred"))
        return [f"视频{pred}"]  # the picture's fade takes the music with it (SetFade.fade_music)
    match = _ZH_BOTH.match(part) or _ZH_BOTH_CLIP.match(part)
    if match:
        return [f"{match.group(1)}{match.group(3)}", f"{match.group(2)}{match.group(3)}"]
    match = _ZH_BOTH_AFTER.match(part)
    if match:
        return [f"{match.group(1)}{match.group(2)}", f"{match.group(1)}{match.group(3)}"]
    match = _ZH_UPLOADS_BOTH.match(part)  # "视频加上我传的照片和歌": a clip and the music, each added its own way
    if match:
        verb = re.sub(r"^(?:给)?(?:整个)?视频(?:里)?", "", match.group("verb") or "")  # (the video it goes in)
        return [f"{verb}{match.group('owner')}{match.group('clip')}{match.group('after')}",
                f"{verb}{match.group('owner')}{match.group('song')}{match.group('after')}"]
    return [part]


# "删掉狗那段再加个转场": 再 before a verb starts the next request, when what comes before it is a request of its own
# (it has a verb besides 把/将/给: "把音乐再调小一点" is one request)
_ZH_AGAIN = re.compile(r"(?<=[\u4e00-\u9fff\d])再(?=(?:加|添加|把|放|删|去掉|换|改|调|生成|插入|配|设置|用|静音|剪|导出|来))")
_ZH_DOING = re.compile(r"加|添加|删|去掉|换|改|调|生成|插入|配上|设置|静音|剪|裁|导出|放(?!慢)|移|挪|交换|缩短|延长|加速|减速|放慢|淡")


def _again_zh(part: str) -> list[str]:
    """"删掉狗那段再加个转场", "先剪到10秒再加音乐": two requests joined by 再."""
    match = _ZH_AGAIN.search(part)
    if match is None or not _ZH_DOING.search(re.sub(r"^(?:先|请|帮我)?(?:把|将|给|让|用)", "", part[:match.start()])) \
            or re.fullmatch(r"淡入|淡出", part[:match.start()]):  # "淡出再加一个 一秒": one more fade, no request before
        return [part]
    # a side said just before 再 is where the next request goes: "在前面加段日出三秒后面再加段日落三秒"
    side = re.search(r"(?:后面|前面|之后|之前|最后|结尾|开头)$", part[:match.start()])
    cut = side.start() if side and side.start() > 0 and _ZH_DOING.search(part[:side.start()]) else match.start()
    rest = part[cut:match.start()] + part[match.end():]
    return [part[:cut].removeprefix("先"), *_again_zh(rest)]


_ZH_EDIT_ITEM = re.compile(rf"(?:{_ZH_VERBS})|加速|减速|慢放|慢动作|竖屏|横屏|方形|淡入|淡出|转场|标题|字幕|音乐|bgm")


# what a change is for, said after it: "让旁白听得清", "这样大家能看清楚" (only why)
_PURPOSE_ZH = (r"(?:(?:好让|让|这样(?:才)?|以便|好)[\u4e00-\u9fff]{0,6}?(?:能|可以|才能)?"
               r"(?:听得清|听清|看得清|看清|听得见|看得见|听得到|看得到)(?:楚)?(?:一点|些|点)?(?:吧)?|"
               # "狗那段慢慢推近 制造点紧张感", "放慢一点 更有冲击力": the effect wished for
               r"(?:制造|营造|增加|加点|来点|更有|显得更?有?)(?:一)?(?:点|些)?(?:紧张感|氛围感?|冲击力|戏剧感|张力|气氛|戏剧性))")


# "全部静音 除了狗那段", "所有片段都加速 城市那段除外": the exception said after the request over every clip
_EXCEPT_AFTER_ZH = re.compile(r"^(?:除了|除)(?P<a>[^，,\s]{1,10}?)(?:以外|之外)?(?:吧)?$|^(?P<b>[^，,\s]{1,10}?)(?:除外|不算|不要动|别动)(?:吧)?$")
_OVER_ALL_ZH = re.compile(r"^(?:把)?(?:整体|全部|所有(?:的)?(?:片段)?|每(?:个|一)?(?:片段|段)|(?:两|2)段|视频)(?:都|全|全部)?")


def _except_after_zh(parts: list[str]) -> list[str]:
    """"全部静音 除了狗那段" -> "除了狗那段其他都静音": the request over every clip, but for the one named after it."""
    out: list[str] = []
    for whole in parts:  # (said after a space or a comma within one part too: "整体原声调到30% 除了第二段")
        pieces = re.split(r"[，,\s]+(?=(?:除了|除)[^，,\s]{1,10}$|[^，,\s]{1,10}?除外(?:吧)?$)", whole, maxsplit=1)
        if len(pieces) == 2 and _OVER_ALL_ZH.match(pieces[0]):
            out.append(pieces[0])
        part = pieces[-1] if len(pieces) == 2 and _OVER_ALL_ZH.match(pieces[0]) else whole
        exception = _EXCEPT_AFTER_ZH.match(part)
        if exception is not None and out and _OVER_ALL_ZH.match(out[-1]) and re.search(r"那段|第\d|片段|段$", exception.group(0)):
            out[-1] = f"除了{exception['a'] or exception['b']}其他都{_OVER_ALL_ZH.sub('', out[-1])}"
            continue
        out.append(part)
    return out


def _plain_zh(part: str) -> str:
    """A request asked politely, as the rules read it: "可以把狗那段跟城市那段换一下吗" -> "把狗那段跟城市那段换一下",
    "它能不能再快点" -> "它再快点", "去字" -> "去掉字"."""
    plain = re.sub(r"^(?:请问|请|麻烦(?:你)?)?(?:你)?(?:可以|能不能|可不可以|能否)(?=把|给|将|帮|在|让|加|去|删|用|换|改|调|再)", "", part)
    plain = re.sub(r"(?<=[\u4e00-\u9fff])(?:能不能|可不可以|能否)(?=[\u4e00-\u9fff])", "", plain)
    plain = re.sub(r"^删(?=第\d|[\u4e00-\u9fff]{1,4}那段)", "删掉", plain)  # "删第二段"
    # "另外音乐音量翻倍", "再视频比例调成方形", "帮我视频比例调成方形": a joiner or a polite word before the thing asked about
    plain = re.sub(r"^(?:另外|此外|而且|并且|同时|顺便|接着)[，,\s]*(?=把|将|给)|"
                   r"^(?:另外|此外|而且|并且|同时|顺便|接着|再|先|请|麻烦(?:你)?|帮我)[，,\s]*(?=(?:视频|画面|影片|标题|字幕|文字|背景|音乐|配乐|"
                   r"帧率|比例|转场|原声|片段|片头|片尾|开头|结尾|所有|每个|两段|2段|整个|第\d|[\u4e00-\u9fff]{1,4}那段))", "", plain)
    plain = re.sub(r"^请问(?=\S)|(?<=[\u4e00-\u9fff])可以(?=改|换|加|调|剪|删|放|把|变|弄)", "", plain)  # "请问视频可以改成方形的吗"
    plain = re.sub(r"(?<=[\u4e00-\u9fff\d%])(?:吗|呢)[？?]?$", "", plain)
    plain = re.sub(r"(?<=[些点])不$", "", plain)  # "能慢一些不"
    # "音乐调小点让旁白听得清", "…，这样字能看清楚": what the change is for, said after it, is only why
    plain = re.sub(rf"(?<=[\u4e00-\u9fff])[，,\s]*{_PURPOSE_ZH}$", "", plain)
    # "再来一个第10秒的": one more of what was just added, at that moment
    plain = re.sub(r"^再来(?:1)?个(第\d+(?:\.\d+)?秒)(?:的)?(?:吧)?$", r"\1再来1个", plain)
    # "一段小狗在草地上跑的视频 五秒": a video of a scene, asked for with its length, is a new clip of it
    plain = re.sub(r"^(?:1|一)(?:段|个|条)(?=[^\d，,\s]{2,24}?的(?:视频|画面|镜头)[\s，,]+\d+(?:\.\d+)?秒)", "生成一段", plain)
    # "还是换回白色吧", "用回黑的": a colour gone back to is a colour set ("换回原来的" stays an undo)
    plain = re.sub(r"(?:换|改|用|变|调)回(?=(?:[\u4e00-\u9fff]{1,2}色|[红橙黄绿青蓝紫黑白灰粉金银棕]的?)(?:吧|了|的|好了)?$)", "换成", plain)
    plain = re.sub(r"(?<=[慢快大小短长高低轻响亮暗])(?:1|一)?些", "一点", plain)  # "慢一些" is "慢一点"
    plain = re.sub(r"(?<=[慢快大小短长高低轻响亮暗])点", "一点", plain)  # and so is "慢点"
    plain = re.sub(r"^去(?=字|字幕|转场|音乐|标题|配乐|音效|背景音乐|bgm)", "去掉", plain)
    # "淡出也加一个 一秒", "淡出再加一个 一秒": one more fade, its length said after it
    plain = re.sub(r"^(淡入|淡出)(?:也|再)(?:加|来)(?:个|1个|上)?\s*(\d+(?:\.\d+)?秒)(吧)?$", r"也加\2的\1", plain)
    # "…，放后面" with nothing named to be after: at the end (and "放前面" at the start; "放在前面 5秒" with its length)
    plain = re.sub(r"^(?:就|那就)?(?:放|放在|放到|接在|接到|加在|加到)(?:后面|后边)(?:吧|就行|就好)?(?=$|[\s，,]+\d+(?:\.\d+)?秒(?:吧|就行)?$)", "放到最后", plain)
    plain = re.sub(r"^(?:就|那就)?(?:放|放在|放到|接在|接到|加在|加到)(?:前面|前边)(?:吧|就行|就好)?(?=$|[\s，,]+\d+(?:\.\d+)?秒(?:吧|就行)?$)", "放到最前面", plain)
    # "发youtube的版本导一个": the export for there
    plain = re.sub(r"^(?:帮我)?发(.{1,12}?)(?:用)?的(?:版本)?(?:导|出)(?:1)?(?:个|份|一下|出来)?$", r"导出给\1", plain)
    # "还是横的吧", "算了还是方的好看": the shape the video goes back to, not a scene
    plain = re.sub(r"^(?:算了)?(?:还是|要)([横竖方])的(?:好看|好|吧|了)*$", r"改成\1的", plain)
    return plain or part


_ZH_OBJECT_LED = re.compile(r"^(?:先|再)?(?:把|将|给)?(标题|字幕|文字|字(?!幕)|背景音乐|音乐|配乐|bgm)")
_ZH_OBJECTLESS = re.compile(r"^(?:再|然后|也|并且|并|顺便|顺带|顺手|接着)?(?:(?:开头|结尾|末尾|最后(?=淡|再|也))(?:再|也)?(?:\d+(?:\.\d+)?秒)?|最后\d+(?:\.\d+)?秒|"
                            r"(?!(?:开头|结尾|末尾|最后))[^，,\s]{1,6}(?:的时候|时))?(?:再|也)?"
                             r"(?:淡入|淡出|别循环|不要循环|不循环|不用循环)")


def _carry_object_zh(parts: list[str]) -> list[str]:
    """"音乐淡入三秒 淡出一秒半", "标题晚半秒出来 淡入零点五秒": a fade said without its object is the one before's
    (over a comparative between: "标题改成紫色 再大一点 然后淡出")."""
    carried = list(parts)
    current: str | None = None
    for i, part in enumerate(carried):
        led = _ZH_OBJECT_LED.match(part)
        if led:
            current = led.group(1)
        elif current and _ZH_OBJECTLESS.match(part) and not (
                re.match(r"^(?:再|然后|也|并且|并|顺便|顺带|顺手|接着)?(?:开头|结尾|末尾|最后)", part) and (
                    re.search(r"换|加|配|来|用", carried[i - 1])
                    # "标题改成黄色，结尾淡出": a title has no end of its own to name, the video's end fades
                    or current in ("标题", "字幕", "文字", "字"))):
            # "音乐开头淡入两秒，结尾再淡出四秒" (the music's), not "音乐太燃了换个安静的 然后结尾淡出" (the video's, after new music)
            carried[i] = current + part
        elif not re.match(r"^(?:再|更)?[大小快慢高低长短](?:1|一)?点", part):  # "标题改成紫色 再大一点 然后淡出"
            current = None
    return carried


# "加个背景音乐 用我自己的": music asked for, then whose: the user's own song
_MUSIC_ASKED_ZH = re.compile(r"(?:背景音乐|音乐|配乐|bgm|歌)(?:吧)?$")
_OWN_ZH = re.compile(r"^(?:就)?用我(?:自己|上传|传)的(?=(?:那首|这首)?(?:吧)?(?:\s|$))")


def _own_song_zh(parts: list[str]) -> list[str]:
    out = list(parts)
    for i in range(1, len(out)):
        own = _OWN_ZH.match(out[i])
        if own and _MUSIC_ASKED_ZH.search(parts[i - 1]):
            out[i] = f"{out[i][:own.end()]}歌{out[i][own.end():]}"
    return out


def _undo_then_zh(part: str) -> list[str]:
    """"撤回 我想要的是剪掉开头两秒": the undo, then what was meant instead."""
    match = re.match(r"^((?:撤回|撤销|撤了)(?:吧|一下)?)[，,\s]+(?:我?(?:想要的|要的|说的)是)?(.+)$", part)
    if match is None or not _ZH_DOING.search(match.group(2)) or re.match(r"^我?(?:还是)?(?:喜欢|觉得|感觉)", match.group(2)):
        return [part]  # "撤回吧，我还是喜欢原来的顺序": only why
    return [match.group(1), match.group(2)]


def _listed_zh(part: str) -> list[str]:
    """"加速、静音、竖屏": requests listed with 、 (not "猫、狗和鸟", the things in a scene)."""
    items = [item.strip() for item in part.split("、")]
    return items if len(items) > 1 and all(_ZH_EDIT_ITEM.search(item) for item in items) else [part]


def _merged_zh(parts: list[str], previous: str, part_pattern: str, joiner: str) -> list[str]:
    """``parts`` with each part that matches ``part_pattern`` joined (by ``joiner``) to the one before it, when that one
    ends as ``previous`` says: a request and its follow-up read together as one clause."""
    merged: list[str] = []
    for part in parts:
        if merged and re.search(previous, merged[-1]) and re.match(part_pattern, part):
            merged[-1] = f"{merged[-1]}{joiner}{part}"
        else:
            merged.append(part)
    return merged


def _over_undone_zh(parts: list[str]) -> list[str]:
    """"撤太多了，再恢复一下": undone too far, then the request to bring it back (a redo: one clause, read together)."""
    return _merged_zh(parts, r"撤(?:销|回)?(?:得)?(?:太)?(?:多|过头)了$", r"^(?:再|那就?)?(?:恢复|还原)", " ")


# a slow camera move said as an item of a new clip, or of a scene said first, is how that clip is filmed: "生成：雨后的竹林，
# 雾气，缓慢推进，9:16", "海边的日落，慢慢拉远，8秒" (after a place on the timeline it moves the picture: "城市灯光那里，慢慢推近")
_FILMED_MOVE = re.compile(r"^(?:镜头)?(?:慢慢|缓缓|缓慢)(?:地|的)?(?:(?:推|拉)(?:进|近|远|开)|(?:往|向)(?:前|里)推|(?:往|向)(?:后|外)拉)")
_NEW_SCENE = re.compile(r"^(?:生成|(?:帮我|给我)?(?:做|来|拍|弄)(?:1)?(?:个|段|条))|^(?!.*(?:[那这]|地方|出现|出来|开始|片段|画面|镜头|视频|"
                        r"时候|时|第\d|标题|字幕|音乐|照片|图片|相片|上传|进来|[把给将让在加放我]))[\u4e00-\u9fff，,:：]{4,}$")


def _filmed_move_zh(parts: list[str]) -> list[str]:
    if len(parts) > 1 and _NEW_SCENE.search(parts[0]) and _FILMED_MOVE.match(parts[1]):
        return [f"{parts[0]}，{parts[1]}", *parts[2:]]
    return parts


def _variation_zh(parts: list[str]) -> list[str]:
    """"再来一个，换成晚上": the change belongs to the clip asked for again, not to a clause of its own."""
    return _merged_zh(parts, r"^再(?:来|生成)(?:1)?(?:个|段|条)$", r"^(?:换成|改成|但是|不过)", "，")


_NOUN_LED = re.compile(rf"^(?:also\s+)?(?:(?:a|an|the|some|with|plus)\s+)?(?:[\w-]+\s+){{0,2}}(?:{_EN_PARTS})\b|^⟪\d+⟫")
# a verb and its object with nothing said about it: the rest comes after the next object ("... and the music fade out")
_BARE_OBJECT = re.compile(rf"^(?:make|have|let|get|set)\s+(?:the\s+|my\s+)?(?:{_EN_PARTS})$")
# a verb and its object, nothing said after it ("fade in the video", "mute the city clip")
_VERB_AND_OBJECT = re.compile(r"^((?:fade (?:in|out)|mute|unmute|speed up|slow down|delete|duck))\s+(?:the|my)\s+[\w -]+$")
_ADDING = re.compile(r"^(?:(?:please|also|and)\s+)?(?:add|include|put|insert|give it)\b")
_REMOVING = re.compile(r"^(?:(?:please|also|and)\s+)?(?:remove|delete|drop|take out|get rid of)\b")


_PARTICIPLES = {"muted": "mute", "unmuted": "unmute", "removed": "remove", "deleted": "delete", "sped up": "speed up",
                "slowed down": "slow down", "looped": "loop"}
_PREDICATE = re.compile(rf"^(?P<what>(?:(?:the|my|its)\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_EN_PARTS}|{_EN_ITEMS}|one))\s+(?P<how>"
                        rf"(?:a (?:bit|little|tad|lil) |slightly |much )?(?:{_EN_COMPARATIVE})\b.*|"
                        r"\d+(?:\.\d+)?\s*(?:seconds?|secs?|s|x)\b.*|"
                        r"(?:red|white|black|yellow|blue|green|orange|purple|pink|gray|grey|gold|silver|cyan)\b.*|"
                        r"(?:at|on|to) the (?:top|bottom|left|right|middle|center|centre)\b.*)$")


def _said_without_verb(part: str, previous: str) -> str:
    """A list item that says a change without a verb, as a request: "dog clip muted" -> "mute dog clip", "title red"
    -> "make title red", "a bit bigger" -> "make it a bit bigger", "quieter clips" -> "make the clips quieter", "be a
    bit smaller" -> "make it a bit smaller", "the words bigger" after "make the song quieter" -> "make the words bigger"."""
    if re.match(r"^no (?:loop|looping|repeat)(?: please)?$", part):  # "music at 20%, no loop"
        return "don't loop"
    for participle, verb in _PARTICIPLES.items():
        if part.endswith(f" {participle}") and not re.search(rf"\b(?:{_EN_VERBS})\b", part[:-len(participle)]):
            return f"{verb} {part[:-len(participle)].strip()}"
    # "lower the music to 25%" is a verb and its object, not "the music lower"
    change = re.match(rf"^(?:be\s+)?({_EN_CHANGE})\s*(.*)$", part) if not re.match(r"^(?:lower|higher)\s+(?:the|my|it|its|all)\b", part) else None
    if change and not PLACEHOLDER.search(part):
        if change.group(2) and not re.match(r"^(?:(?:please|pls|plz|thx|thanks|too)\b|[,，])", change.group(2)):
            return f"make the {change.group(2)} {change.group(1)}"
        return f"make it {part.removeprefix('be ')}"
    if _PREDICATE.match(part) and not PLACEHOLDER.search(part) and not re.match(rf"(?:{_EN_VERBS})\b", part):
        return f"make {part}"
    turned = re.match(rf"^((?:the|my|its)\s+(?:[\w-]+\s+){{0,2}}(?:{_SOUNDING_EN}))\s+(up|down)((?: a bit| a little)?)$", part)
    if turned:  # "... and the clips up": the other thing turned the other way
        return f"make {turned.group(1)}{turned.group(3)} {'louder' if turned.group(2) == 'up' else 'quieter'}"
    return part


_CLIP_SAID = r"(?:the|my)\s+(?:[\w-]+\s+){0,2}?(?:clip|one|shot|part|video)"
_AMOUNT_SAID = r"(?P<prep>to|at|by)\s+(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%|x|seconds?|secs?|s)?"
_GAPPING = re.compile(rf"^(?:(?:please|also)\s+)?(?P<verb>(?:{_EN_VERBS})(?:\s+(?:up|down))?)\s+{_CLIP_SAID}\s+(?:(?:up|down)\s+)?"
                      rf"{_AMOUNT_SAID}(?:\s+(?:speed|long|volume))?$")
_AND_THE = re.compile(r"^(.+?)\s+and\s+((?:the|my)\s+.+)$")
_GAPPED = re.compile(rf"^(?:(?:and|then)\s+)?(?P<what>{_CLIP_SAID})\s+{_AMOUNT_SAID}(?:\s+(?:speed|long|volume|too|as well))?$")


def _gapped(parts: list[str]) -> list[str]:
    """Another clip and its amount said after a request, its verb left out, takes that verb and unit: "cut the dog clip
    to 3 seconds, and the city clip to 6", "trim the dog clip to 2 seconds and the city one to 5" (gapping)."""
    out: list[str] = []
    for part in parts:
        joined = _AND_THE.match(part)
        pieces = [joined.group(1), joined.group(2)] if joined and _GAPPING.match(joined.group(1)) and \
            _GAPPED.match(joined.group(2)) else [part]
        for piece in pieces:
            before, item = _GAPPING.match(out[-1]) if out else None, _GAPPED.match(piece)
            if before and item and before["prep"] == item["prep"] and (
                    not item["unit"] or not before["unit"] or item["unit"][0] == before["unit"][0]):
                unit = item["unit"] or before["unit"] or ""
                piece = f"{before['verb']} {item['what']} {item['prep']} {item['num']}{' ' if unit[:1].isalpha() else ''}{unit}"
            out.append(piece)
    return out


_CLIP_ZH = r"(?:[\u4e00-\u9fff]{1,4}?(?:那段|这段)|第\d+(?:个)?(?:片段|段))"
_GAPPING_ZH = re.compile(rf"^(?:把)?{_CLIP_ZH}(?P<verb>(?:剪|裁|缩|调|放慢|加速|降|改|设|减速)(?:短)?(?:到|成|为))"
                         r"(?P<num>\d+(?:\.\d+)?)(?P<unit>秒|倍速|倍|%)$")
_GAPPED_ZH = re.compile(rf"^(?P<what>{_CLIP_ZH})(?:也|就|的话)?(?:(?:剪|调|改)?(?:到|成))?(?P<num>\d+(?:\.\d+)?)(?P<unit>秒|倍速|倍|%)?$")


def _gapped_zh(parts: list[str]) -> list[str]:
    """"狗那段剪到3秒，城市那段6秒": another clip and its amount after a request, its verb left out, takes that verb."""
    out: list[str] = []
    for part in parts:
        before, item = _GAPPING_ZH.match(out[-1]) if out else None, _GAPPED_ZH.match(part)
        if before and item and (not item["unit"] or item["unit"][0] == before["unit"][0]):
            part = f"{item['what']}{before['verb']}{item['num']}{item['unit'] or before['unit']}"
        out.append(part)
    return out


# two verbs said of one object: "mute and speed up the dog clip" (the object said once, after the last verb), "mute the
# dog clip and speed up" (said once, after the first): each verb acts on it, never on the whole video
# a step said with "before" / "after" another is two requests, in the order they are done: "make it vertical before you
# export" / "before exporting make it vertical" / "export after making it square" / "改成竖屏之后导出" / "导出之前先改成竖屏"
_ING = {"exporting": "export", "rendering": "render", "downloading": "download", "making": "make", "adding": "add",
        "muting": "mute", "removing": "remove", "changing": "change", "putting": "put"}
_STEP_EN = r"(?:(?:you|we|i) )?(?:" + "|".join(_ING) + r"|export|render|download)\b"
_BEFORE_AFTER_EN = (re.compile(rf"^(?P<first>.+?),?\s+before (?P<then>{_STEP_EN}.*)$"),
                    re.compile(rf"^before (?P<then>{_STEP_EN}[^,]*?),?\s+(?P<first>(?:{_EN_VERBS})\b.+)$"),
                    re.compile(rf"^(?P<then>(?:export|render|download)\b[^,]*?),?\s+after (?P<first>(?:(?:you|we|i) )?"
                               rf"(?:{'|'.join(_ING)}|{_EN_VERBS})\b.*)$"))
_BEFORE_AFTER_ZH = (re.compile(r"^(?P<then>(?:导出|渲染|保存|发布)[^，,；;]*?)(?:之前|以前|前)[，,]?\s*(?:先|要)?(?P<first>.+)$"),
                    re.compile(r"^(?P<first>[^？?。！!；;]+?)(?:之后|以后)[，,]?\s*(?:再)?(?P<then>(?:导出|渲染|保存|发布).*)$"))


def _step_order(text: str, language: str) -> str:
    for pattern in _BEFORE_AFTER_ZH if language == "zh" else _BEFORE_AFTER_EN:
        said = pattern.match(text)
        if said is not None:
            then = re.sub(r"^(?:you|we|i) ", "", said["then"])
            then = re.sub(r"^(\w+)", lambda m: _ING.get(m.group(1), m.group(1)), then)
            first = re.sub(r"^(?:you|we|i) ", "", said["first"])
            first = re.sub(r"^(\w+)", lambda m: _ING.get(m.group(1), m.group(1)), first)
            return f"{first}；{then}" if language == "zh" else f"{first}; {then}"
    return text


_BOTH_NAMED = re.compile(r"\bthe (?P<a>[a-z]+) (?:and|&) (?:the )?(?P<b>[a-z]+) (?P<noun>clip|shot|video|part)s\b")
_BLACK_WHITE = re.compile(r"\bblack\s*(?:&|\+|n)\s*white\b")  # "black & white title": one look, one phrase
_FADE_BOTH = re.compile(r"\bfade in and out\b(?=\s+(?:the|my|all|both|it)\b)")
# one fade said of the music and the picture: "fade out the music and the video at the end", "fade both the song and the
# picture in": two fades, the music's and the whole picture's, each with what is said after them
_SOUND_SAID = r"(?:the|my)\s+(?:background\s+)?(?:music|song|bgm|audio|soundtrack|track)"
_PICTURE_SAID = r"(?:the|my)\s+(?:whole\s+)?(?:video|picture|footage|film|movie|image|screen|visuals?)"
_FADE_TWO = re.compile(rf"^(?P<lead>(?:(?:please|also|and|then)\s+)*)fade\s+(?P<way>in|out)?\s*(?:both\s+)?"
                       rf"(?:{_SOUND_SAID}\s+(?:and|&)\s+(?:also\s+)?{_PICTURE_SAID}|{_PICTURE_SAID}\s+(?:and|&)\s+(?:also\s+)?{_SOUND_SAID})"
                       r"(?:\s+both)?(?(way)|\s+(?P<late>in|out))(?:\s+both)?(?P<rest>(?:\s+(?:at|in|over|for|by|during)\b[^;,.]*)?)$")
_BARE_VERB = re.compile(r"^(?:(?:please|also|and)\s+)?(mute|unmute|speed up|slow down|remove|delete|cut|trim|shorten|loop|duck|"
                        r"fade (?:in|out)|lower|raise|center|centre|move)$")
_OBJECT_SAID = re.compile(r"^(?:(?:please|also)\s+)?(?:[a-z]+\s+){1,2}?((?:the|my)\s+(?:[\w-]+\s+){0,2}?(?:clip|one|video|title|"
                          r"music|song|text|captions|subtitles|voice-?over|narration))\b")


def _shared_object(parts: list[str]) -> list[str]:
    out = list(parts)
    for i, part in enumerate(parts):
        verb = _BARE_VERB.match(part)
        if verb is None:
            continue
        after = _OBJECT_SAID.match(parts[i + 1]) if i + 1 < len(parts) else None
        before = _OBJECT_SAID.match(parts[i - 1]) if i > 0 else None
        if after is not None:
            out[i] = f"{verb.group(1)} {after.group(1)}"
        elif before is not None:
            words = verb.group(1).split()
            out[i] = " ".join([words[0], "it", *words[1:]])
    return out


def _carry_add(parts: list[str]) -> list[str]:
    """A list item led by a noun takes the "add" (or "remove") of the item before it, or of a list with no verbs.

    "add upbeat music and the title Meow Jazz" is two additions, and so is "a sunset over a
    lake, title 'Golden Hour'" (a description, then list items): without the verb, "the title
    Meow Jazz" would read as a change to a title that is already there.
    """
    parts = [parts[0], *(_said_without_verb(part, parts[k]) for k, part in enumerate(parts[1:]))] if parts else parts
    if parts and re.fullmatch(rf"(?:even|still) (?:{_EN_COMPARATIVE})(?: still| please)?", parts[0]):
        parts[0] = f"make it {parts[0]}"  # "even faster": more of what was just changed ("it")
    carried = list(parts)
    verbless_list = len(parts) > 1 and not re.match(rf"^(?:(?:please|also)\s+)?(?:{_EN_VERBS})\b", parts[0]) \
        and remark_of(parts[0]) is None  # "the music is too loud and the title is too small": two complaints
    for i in range(1, len(parts)):
        lead = _NOUN_LED.match(parts[i])
        if lead and _BARE_OBJECT.match(carried[i - 1]) and parts[i][lead.end():].strip():
            # "make the title and the music fade out": both take what is said after the last one
            carried[i - 1] = f"{carried[i - 1]} {parts[i][lead.end():].strip()}"
        item = re.sub(r"^also\s+|\s+(?:also|too|as well)$", "", parts[i])  # "remove the title and also the music", "... the title also"
        if _ADDING.match(carried[i - 1]) and re.match(r"^(?:a|an)\s+[\w-]+\s+(?:at \d|(?:when|before|after|as) (?:the|it|he|she|they)\b)", item):
            carried[i] = f"add {item}"  # "add a pop at 2s and a ding at 9s"
            continue
        if re.match(r"^(?:(?:please|also|and)\s+)?(?:add|put in|use|include|bring in)\b", carried[i - 1]) and \
                re.fullmatch(r"(?:the|my)\s+(?:[\w-]+\s+)?(?:video|photo|picture|image|footage|pic)s?", item):
            carried[i] = f"add {item}"  # "add the song and the hike video": the upload added too
            continue
        if not _NOUN_LED.match(item) or re.search(rf"\b(?:{_EN_VERBS})\b", item) or remark_of(item) is not None or is_untouched(item) \
                or _NOT_THAT.match(item):  # "lofi music, not my song": what is not wanted instead, no request
            continue
        if _ADDING.match(carried[i - 1]) or verbless_list:
            carried[i] = "add " + re.sub(r"^(?:with|plus)\s+", "", item)
        elif _REMOVING.match(carried[i - 1]) and not re.match(r"(?:(?:some|a|an)\s+)?(?!the\b|my\b|all\b|any\b|background\b)[\w-]+\s+"
                                                             r"(?:music|song|track|soundtrack)\b", item):
            # "remove the title and the music": both removed ("1) remove the title 2) piano music": music of a kind is added)
            carried[i] = "remove " + item
        elif (fade := re.match(r"^(?:(?:please|also|and)\s+)?(fade (?:in|out))\b", carried[i - 1])) and \
                re.fullmatch(r"(?:the\s+)?(?:title|text|words|music|song)", item):
            carried[i] = f"{fade.group(1)} {item}"  # "fade in the video and the title": both fade in
        elif (verb := _VERB_AND_OBJECT.match(carried[i - 1])) and re.fullmatch(r"(?:the|my)\s+[\w -]+", item):
            carried[i] = f"{verb.group(1)} {item}"  # "fade in the video and the title": the title fades in too
    for i in range(len(carried) - 1):  # "fade out the title and the music over 2 seconds": the length said once is both's
        first = re.fullmatch(r"(fade (?:in|out)) (?:the )?(?:title|text|words|music|song)", carried[i])
        second = re.fullmatch(r"(fade (?:in|out)) (?:the )?(?:title|text|words|music|song) ((?:over|across|for) \d+(?:\.\d+)?\s*"
                              r"(?:seconds?|secs?|s))", carried[i + 1])
        if first and second and first.group(1) == second.group(1):
            carried[i] = f"{carried[i]} {second.group(2)}"
    return carried


# Remarks around a request rather than requests: thanks, praise, greetings, the reason for a change.
# one remark or a few in a row ("ok thanks!", "perfect, thank you so much", "好的，谢谢")
_THANKS = re.compile(r"^(?:(?:ok(?:ay)?|k|thanks?(?: (?:you|u))?(?: (?:so|very) much)?(?: a lot)?|thx|ty|ta|tysm|thank u|cheers|"
                     r"great|nice|cool|perfect|awesome|amazing|lovely|good|excellent|wonderful|brilliant|sweet|wow|yay|"
                     r"(?:great|good|nice) (?:job|work)|well done|(?:that'?s|this is|it'?s) (?:great|perfect|awesome|nice|good|amazing|"
                     r"better|much better|exactly what i wanted)|much better|(?:it |that |this )?looks? (?:good|great|nice|amazing|perfect)|"
                     r"love it|i love it|got it|all good|no problem|oops|whoops|sorry|my bad|"
                     # agreement said aloud: "yep exactly like that", "yeah just like that", "exactly"
                     r"(?:yes|yeah|yep|yup)|(?:(?:yes|yeah|yep|yup)[,!\s]+)?(?:exactly|just)(?: like (?:that|this))?|"
                     # a letter's sign-off and its name said alone ("Regards, Harold", "Many thanks, Margaret"): never a scene
                     r"(?:(?:(?:kind|best|warm|warmest) )?regards|many thanks|with (?:many )?thanks|thanks again|thank you kindly|"
                     r"best wishes|all the best|yours(?: truly| sincerely)?|sincerely|bless you|god bless|love(?=\s*,)|"
                     r"thank you (?:ever so much|so much|very much)?\s*for (?:all )?(?:your|the) help)(?:,?\s*[a-z]+(?: [a-z]+)?(?=\W*$))?|"
                     # praise of the work so far, before the request: "Love it so far!! could you ...", "really liking it so far."
                     r"so far(?: so good)?|so good|(?:i'?m )?(?:really |totally )?(?:liking|loving|enjoying|digging) (?:it|this)|"
                     r"(?:i )?(?:really )?(?:like|love) (?:it|this)|(?:it'?s |this is )?(?:coming along|looking) (?:great|good|nice|well)|"
                     r"好的?|好了|行了|好嘞|好滴|谢谢(?:你|啦|了)?|谢啦|多谢|感谢|辛苦了?|不错|很好|好看|太棒了|真棒|棒|厉害|赞|完美|可以了?|"
                     r"喜欢|收到|明白了?|知道了|没问题|嗯+|ok|"
                     # the work said done, before the export: "做好了，导出吧", "差不多了，可以出片了", "all done, export it"
                     r"(?:all |i'?m |we'?re )?done|that'?s (?:it|all)|(?:做|弄|剪|改|搞)好了|搞定了?|差不多了|完成了|就这样吧?|"
                     # dictated agreement: "对就这样", "对对对", "嗯对", "就是这样", "这样就行", "可以就这样" (never a clip of it)
                     r"对+|是的?|(?:对|嗯|可以|好)?(?:就是|就)这样(?:吧|的)?|这样(?:就)?(?:行|好|可以)(?:了)?)[\s,，.。!！~～]*)+$",
                     re.IGNORECASE)
_GREETING = re.compile(r"^(?:hi|hello|hey|hiya|yo|howdy|good (?:morning|afternoon|evening|day)|你好|您好|嗨|哈喽|哈啰|早上好|"
                       r"下午好|晚上好|早)(?: there)?\W*$", re.IGNORECASE)
_REASON = re.compile(rf"^(?:hmm+|嗯+|哈+|please|uh-?oh|oh no|ugh|damn|yikes|meh|oof|eek|lol|lmao|haha+|heh|(?:ouch|ow+)(?:,? my ears)?|my ears|never ?mind|nvm|actually|哎呀|糟糕|完了|不对|算了|"
                     r"(?:如果)?(?:可以|方便|能行)的话|if (?:possible|you can)|"  # "可以的话，标题用一秒慢慢淡出": asked politely
                     r"(?:(?:ugh|argh|oh|oops|whoops|hmm+|ah|uh|eh+|wait)[,.!]*\s+)?(?:no+|nope|nah)(?:,? wait)?|wait,? no|oops|whoops|"
                     # what was taken away, wanted again, beside the undo or redo that does it: "wait i want that back, redo"
                     r"(?:(?:oops|whoops|wait|ugh|oh no)[,.!]*\s+)?(?:i )?(?:want|need) (?:it|that|this) back|"
                     # a newcomer saying so: "first time here", "i'm new" (never a scene to film)
                     r"(?:(?:hi|hello|hey|hiya)(?: there)?,? )?(?:(?:this is|it'?s) )?(?:my )?(?:very )?first time(?: here| using (?:this|it)| doing this| trying this)?|i(?:'?m| am) new(?: here)?|(?:a |some )?(?:couple|few|some|small) (?:of )?(?:things|changes)(?: please)?|\d+ (?:things|changes)|"
                     r"(?:帮我)?(?:改|弄|调|做)?(?:几|\d+)(?:个|件)(?:地方|事|问题|修改)|(?:哎呀|啊|额)?\s*[\u4e00-\u9fff]{0,4}?(?:删|改|弄|搞|剪|加|撤|调)错了|"
                     r"(?:刚才)?(?:撤回|撤销|撤)(?:得)?(?:多了|太多了|过头了)|"
                     # what stays as it is: "keep the music", "only the song should play", "只留背景音乐"
                     rf"{_KEPT_EN}(?: (?:(?:should|is|will|can) )?(?:play|stay|remain)\w*)?(?: please)?|{_KEPT_ZH}(?:就行|就好)?|"
                     rf"{_UNTOUCHED_ZH}|"
                     rf"{_UNTOUCHED_EN}|"
                     # a clip found dull or the picture shaking, no change said: "城市那段有点闷 加个推近", "画面一直晃来晃去的 把运镜关了"
                     r"[\u4e00-\u9fff]{1,4}?那段(?:看着|感觉)?(?:有点|有些|太|好|挺|很)(?:闷|沉闷|枯燥|死板|单调|平淡|无聊)了?|"
                     r"(?:画面|视频|镜头)?(?:一直|老是|总是)?(?:晃来晃去|晃个不停)(?:的|了)?|"
                     r"(?:it'?s|the video is|that'?s|this is) (?:too|a bit|kind of) \w+|too (?:long|short|fast|slow|loud|quiet|much|far)|overdid it|"
                     # "that looks weird, go back", "看着怪怪的 撤回吧": why the request after it
                     r"(?:that|it|this)(?:'s| is)? (?:looks?|feels?|seems?|sounds?|is) (?:really |so |kinda |kind of |a bit |super )?"
                     r"(?:weird|odd|off|wrong|bad|strange|awful|terrible|ugly|worse)|(?:看着|感觉|听着)?(?:怪怪的|有点怪|好丑|很丑|不好看|难看)|"
                     # "the first clip is too long": a complaint about one thing, the request follows it
                     r"(?:the )?(?:\w+ )?(?:clip|video|music|song|title|shot|one|\d+(?:st|nd|rd|th)? clip) is (?:way |a bit |kind of )?"
                     r"too \w+|"
                     # "i can't read the title", "the subtitles are hard to read", "标题看不清": why it should change
                     r"(?:i )?(?:can'?t|cannot|can not|couldn'?t) (?:really |even |quite )?(?:see|read|hear)\b[\w' ]*|"
                     r"(?:the )?(?:\w+ )?\w+(?: is| are|'s|'re) (?:really |a bit |kind of |so |too )?(?:hard|difficult|impossible) to (?:read|see|hear)|"
                     # "hard to read the title", "it's difficult to see the text": the same, the thing said after
                     r"(?:it'?s |it is )?(?:really |a bit |kind of |so |too |pretty |quite )?(?:hard|difficult|impossible|tough) to "
                     r"(?:read|see|hear)(?: (?:the|my|this|that) [\w' ]{1,30})?|"
                     r"(?:这个)?(?:标题|字幕|文字|字|配音|旁白|声音)?(?:有点|太)?(?:看不(?:太|大)?清|看不见|看不到|听不(?:太|大)?清|听不见|不好认|不好看清|认不出来?)楚?了?|"
                     r"(?:它|标题|字|文字)?(?:看着|会)?挡(?:住|着)?了?(?:脸|画面|人|狗|东西|视线)?了?|"  # "看着挡脸": why it should move
                     r"(?:它|这个|整个|这首|这段|这)?(?:[\u4e00-\u9fff]{1,4}?的(?=视频|片子|画面|片段|镜头))?"  # "这个城市的视频太单调了"
                     r"(?:第\d+个)?(?:视频|片子|画面|音乐|歌|声音|片段|镜头|标题)?(?:有点|太|有些)"
                     r"(?:长|短|快|慢|吵|大声|小声|暗|亮|土|俗|无聊|平淡|单调|普通)了?)\W*$",
                     re.IGNORECASE)


@dataclass(frozen=True)
class Remark:
    """A clause that says how the video is rather than what to do: a complaint, with the request it makes when said
    alone ("the dog clip is too slow" asks for it faster, "狗那段声音太大了" for it quieter), or a reason for the
    request beside it ("the city part drags, make it 4 seconds shorter"; ``request`` is None)."""

    request: str | None
    subject: str = ""      # the words naming what it is about ("音乐", "狗那段"), for a request that leaves it unsaid


# what is not wanted instead of what was just asked: "lofi music, not my song", "a crossfade, not a wipe"
_NOT_THAT = re.compile(r"^(?:but )?not (?:my|the|a|an|that|this|your) [\w' .-]{1,30}$")
_OPENERS = r"(?:(?:hmm+|ugh|well|so|ok(?:ay)?|honestly|actually|hey|also|hello|hi|oh|oops|why|no|nope|wait|no wait|好了|好的|哈哈+|嗯+|哎|唉)[\s,，.。!！]+)*"
# a degree word said instead of "too" ("the city part feels super slow", "the music is really loud", "its so small"):
# the same complaint, only about the adjectives a complaint asks to change (_BETTER_EN's: "the title is really nice" is none)
VERY_EN = r"(?:so+|super|really|very|extremely|incredibly|insanely|crazy|ridiculously|pretty|quite|hella|painfully|" \
           r"unbearably|seriously|awfully|terribly|way|mega)"
_COMPLAINT_ADJ = r"(?:slow|fast|quick|loud|noisy|quiet|soft|small|tiny|big|large|huge|long|short)"
_COMPLAINT_EN = re.compile(
    rf"^{_OPENERS}(?P<obj>(?:the|this|that|my) [\w' -]+?|it|that|this|everything)(?:'s|\s+(?:is|are|feels?|seems?|looks?|"
    r"sounds?|gets?|plays?|goes|shows? up|comes? in|appears?|starts?|kicks? in|fades? (?:in|out)|disappears?|ends?))\s+(?:(?:way|a bit|a little|kind of|kinda|sort of|really|much|still|just|so|slightly|far"
    rf"|a tad)\s+)*(?:too\s+|(?:{VERY_EN}|kinda|kind of|sort of|a bit|a little|slightly|somewhat|rather|a tad)\s+(?={_COMPLAINT_ADJ}\b))"
    r"(?P<adj>\w+)\b(?P<rest>.*)$|"
    # "way too big now lol", "still slow", "still way too loud": said alone after a change, it is about that change
    rf"^{_OPENERS}(?:(?:way|a bit|kinda|kind of|far|much|just)\s+)*(?:still\s+(?:(?:way|a bit|so|kinda)\s+)*(?:too\s+)?|too\s+)"
    r"(?P<adj2>slow|fast|quick|loud|quiet|soft|long|short|big|small|large|tiny|huge)(?:\s+(?:now|lol|haha|still|again|tbh|tho|though|honestly))*$")
# the same complaint asked as why, said by comparison or by how long it lasts: "why is the music so loud", "the music is
# way louder than the clips", "the dog part goes on forever"
_WHY_SO_EN = re.compile(rf"^{_OPENERS}why (?:is|are) (?P<obj>(?:the|this|that|my) [\w' -]+?|it|everything) (?:so|this|that|"
                        rf"{VERY_EN}) (?P<adj>{_COMPLAINT_ADJ})\W*$")
_THAN_EN = re.compile(rf"^{_OPENERS}(?P<obj>(?:the|this|that|my) [\w' -]+?|it)(?:'s|\s+(?:is|are|feels?|seems?|sounds?|looks?))\s+"
                      r"(?:(?:way|much|a lot|so much|far|a bit|kinda|even)\s+)?(?P<cmp>louder|quieter|softer|faster|slower|bigger|"
                      r"smaller|longer|shorter) than\b")
_FOREVER_EN = re.compile(rf"^{_OPENERS}(?P<obj>(?:the|this|that|my) [\w' -]+?|it)\s+(?:goes on|drags on|lasts|takes|is on(?: screen)?)"
                         r" (?:for )?(?:forever|ages|way too long)\W*$")
_KEPT_ANYWAY = re.compile(r"\b(?:but|though|tho)\b.*\b(?:(?:that(?:'?s)?|it'?s|its) (?:fine|ok|okay|alright|good|cool)|"
                          r"i (?:like|love|don'?t mind|dont mind) (?:it|that)|whatever|leave it|keep it)\b")
_OPPOSITE_EN = {"louder": "quieter", "quieter": "louder", "softer": "louder", "faster": "slower", "slower": "faster",
                "bigger": "smaller", "smaller": "bigger", "longer": "shorter", "shorter": "longer"}
_BETTER_EN = {"slow": "faster", "fast": "slower", "quick": "slower", "loud": "quieter", "noisy": "quieter",
              "quiet": "louder", "soft": "louder", "small": "bigger", "tiny": "bigger", "big": "smaller",
              "large": "smaller", "huge": "smaller", "long": "shorter", "short": "longer"}
_COMPLAINT_ZH = re.compile(rf"^{_OPENERS}(?:是)?(?P<obj>[^，,把将给让请]{{0,10}}?(?<!消失得)(?<!没了得)(?<!消失)(?<!不见了)(?<!不要)(?<!别)(?<!不用)(?<!不必))"  # "标题消失得太快了": text.py's
                           r"(?:(?:有点|有些|太|实在|真的|好|特别|也太|还是|超级|超|非常|很|贼|巨|十分|过于|怎么这么|怎么那么)+|"
                           r"(?<=原声)(?=吵)|(?<=那段)(?=拖沓)|"  # "城市那段拖沓了": drags, said plainly
                           r"(?=[慢快吵响大小长短轻](?:过头|过了头|过分)))"  # "快过头了": too fast
                           r"(?P<adj>慢|快|吵|响|大声|小声|小|大|长|短|轻|拖沓|拖|炸耳朵?|震耳朵?)(?:过头|过了头|过分)?了?(?:点|些)?(?:吧|啊|呀|哦|诶)?(?:听不[见到清]|看不[见到清])?$")
_BETTER_ZH = {"慢": "快一点", "快": "慢一点", "吵": "小声一点", "炸耳": "小声一点", "炸耳朵": "小声一点",
              "震耳": "小声一点", "震耳朵": "小声一点", "响": "小声一点", "大声": "小声一点", "小声": "大声一点",
              "轻": "大声一点", "小": "大一点", "大": "小一点", "长": "短一点", "短": "长一点", "拖": "快一点", "拖沓": "快一点"}
# how the user feels about it, with no change said: the request beside it says what to do
_REASON_EN = re.compile(
    rf"^{_OPENERS}(?:(?!.*\b(?:should|needs? to|has to|must)\b(?!\s+(?:breathe|settle|land|rest)\b))(?:the|this|that|my) [\w' -]{{1,30}}? (?:is|'s|are|was|looks?|feels?|seems?|sounds?(?= \w)|drags?|(?<!the )(?<!very )ends?|"
    r"(?<!the )(?<!very )starts?(?!\s+(?:from|at|after)\s+(?:the\s+)?\d)|stops?|cuts? off|covers?|blends?|gets?|hides?|fight|clash|compete|overlap|"
    r"pops?|blocks?|comes?|vanish(?:es)?|disappears?|flashes|sits?|shows? up|appears?|"
    r"(?:doesn'?t|does not|don'?t|isn'?t|aren'?t) (?:really |quite )?(?:fit|work|match|go|feel|look|sound|land|right|great|good))\b.*|it'?s (?:too|a bit|kind of|kinda|hard|really|so|very|way|not)\b.*|"
    r"it'?s (?:annoying|distracting|irritating|weird|awful|boring)\W*|why (?:is|are|does|do) (?:the|this|that|my|it)\b.*|"
    # "hard to read the title, put a dark box behind it": the thing hard to read said after, "it's" left out
    r"(?:really |a bit |kind of |so |too |pretty |quite )?(?:hard|difficult|impossible|tough) to (?:read|see|hear) (?:the|my|this|that) [\w' ]{1,30}|"
    # a dislike of a thing, said before what to do about it: "i dont like 'Urban Dreams', call it ...", "not a fan of the music, ..."
    r"(?:i )?(?:really |just )?(?:don'?t|dont|do not) (?:really )?(?:like|love)\b.*|not (?:a (?:big )?fan of|into)\b.*|"
    r"⟪\d+⟫ (?:is|'s|sounds?|looks?) (?:so |kinda |kind of |a bit |too )?(?:boring|meh|lame|cheesy|bad|weird|generic|bland)\W*|"
    # a name judged, unquoted ("urban dreams is so cringe, ...", "urban dreams doesn't really fit, ..."): never a scene
    r"(?:[a-z']+ ){1,3}(?:is|'s|sounds?|looks?|feels?) (?:so |kinda |kind of |a bit |too |really |pretty )?(?:lame|cheesy|cringe|cringey|"
    r"corny|tacky|meh|bland|generic)\W*|(?:[a-z']+ ){1,3}(?:doesn'?t|does not) (?:really )?(?:fit|work)\W*|"
    r"(?:just|only) (?:the )?(?:clips|footage|video|pictures|shots)(?: please)?|"  # "no music, no title, just the clips": what is left
    # "can we lose the song and just have the clip sound": what is left
    r"(?:and )?(?:(?:just|only) )?(?:have|keep) (?:the )?(?:clips?|video|footage)(?:'s|s'|s)? ?(?:own )?(?:sound|audio)|"
    r"(?:and )?(?:just|only) (?:the )?(?:clips?|video|footage)(?:'s|s'|s)? ?(?:own )?(?:sound|audio)|"
    r"(?:so (?:that )?)?(?:i|you|we|people|they|viewers|everyone) (?:can|could) (?:actually |easily )?(?:read|see|hear)\b.*|"
    r"i(?:'?m| am) (?:new|a beginner|a newbie)(?: here| to this| in this)?|never ?mind|nvm|"
    # the project said to be empty, before the first request: "i have no clips yet", "i don't have any video yet"
    r"(?:hi|hello|hey)?,?\s*(?:i (?:have|got) (?:no|zero) (?:clips?|videos?|footage|shots?)|i (?:don'?t|dont|do not) have (?:any|a) "
    r"(?:clips?|videos?|footage|shots?)|i (?:have|got) nothing|there(?:'s| is) nothing|(?:the|my) (?:project|timeline) is (?:still )?empty)"
    r"(?: (?:here|in (?:it|the project|the timeline)))?(?: yet| so far| at the moment| right now)?\W*|"
    r"(?:(?:this is|it'?s) )?(?:my )?(?:very )?first time(?: here| using (?:this|it)| doing this| trying this)?|"
    # a judgement of the last change, before the undo it asks for: "hmm no, that looks worse. undo"
    r"(?:that|it|this)(?:'s| is| looks?| feels?| seems?| sounds?)+ (?:(?:really|so|kinda|kind of|a bit|way|much|even|super) )*"
    r"(?:worse|weird|odd|off|wrong|bad|awful|terrible|ugly|cheap|cheesy|tacky|cringe|messy|strange|horrible)\W*|"
    # a wish to hear or see what a clip holds, before the change that gives it: "actually i want to hear the waves, bring it back"
    r"(?:i )?(?:really |kinda |kind of |just )?(?:(?:want|wanna|i'?d like|would like|need) to (?:hear|see)|miss(?: hearing| seeing)?) "
    r"(?!.*\b(?:bigger|smaller|larger|louder|quieter|softer|faster|slower|longer|shorter|higher|lower|more|less|at|in|on|with|from|"
    r"for|to|as|instead|title|text|captions?|subtitles?)\b)(?:the |that |those |my |his |her |its )?[a-z' ]{1,30}|"
    r"(?:(?:way|a bit|kinda|kind of|still|much) )?too (?:aggressive|bright|dark|loud|strong|harsh|much|busy|intense|flashy|plain|boring)|"  # "nah too aggressive. maybe orange"
    # why an export: "export in low quality, i just want a quick preview"
    r"(?:i|we) (?:just |only )?(?:want|need|wanna) (?:to (?:see|check|test|preview|review) (?:it|how it looks)|(?:a |to (?:have|get|do) "
    r"(?:a )?)?(?:quick |rough |first )?(?:preview|look|check|test|draft))\b.*|i (?:can'?t|cannot|can barely|could barely|couldn'?t) (?:hear|see|read)\b.*)$")
_REASON_ZH = re.compile(rf"^{_OPENERS}(?:(?:不然|要不然|否则|要不)[\u4e00-\u9fff，,]{{1,14}}|我是新手|我(?:是)?(?:刚|第(?:一|1)次)(?:开始)?(?:用|使用)(?:这个|你们?)?(?:软件|工具|app)?|"
                        r"(?:想|要|准备)发(?:到|给)?(?:朋友圈|抖音|快手|视频号|b站|小红书|ins|油管|youtube)(?:用)?(?:的)?|(?:能|可以)?帮我改一下|有几段|"
                        r"[\u4e00-\u9fff]{1,4}也(?:行|可以)(?:吧)?|"
                        rf"[\u4e00-\u9fff]{{1,6}}(?:挺好|不错|很好|挺好看|挺好的)(?:的|啊|呀)?|[^把将给让请，,]{{0,12}}(?:太|有点|有些|挺|真|好)[\u4e00-\u9fff]{{1,4}}了"
                        r"(?![\u4e00-\u9fff]*?(?:换(?:个|一个|成|首|一首)|改成|调到|调成))[\u4e00-\u9fff]{0,10}|"  # not "音乐太燃了换个安静的"
                        r"(?:刚才|刚刚)?撤(?:销|回)(?:错了|多了)|还是(?:要|得)有[\u4e00-\u9fff]{1,4}(?:吧|才行)?|[\u4e00-\u9fff]{1,3}的(?:太|有点|有些|挺|真|好)[\u4e00-\u9fff]{1,3}了?|"  # "白的太亮"
                        r"(?:不然|要不然|否则|要不)[\u4e00-\u9fff]{1,10}|(?:还是)?纯音乐(?:比较)?好(?:听)?(?:一点|些)?|"  # "不然后面没声了"
                        # "配音挺好", "竖屏挺好": praise of what is there; "不是音乐吵": what is not the trouble
                        r"(?:嗯+|哦|噢)?[^把将给让请，,\s]{1,8}(?:挺好|不错|很好|还行|挺好的|很棒|挺棒|没问题)的?[吧啊呀]?|"
                        # "哇这个狗好可爱": praise of what it shows (its "it" is that clip)
                        r"(?:哇塞?|哇哦|天哪|哈哈+|啊)?[，,\s]*[^把将给让请，,\s]{1,8}(?:好|真|超|太|特别)(?:可爱|好看|美|漂亮|萌|帅|酷|炫|棒|赞)(?:了|啊|呀|哦)*|"
                        r"不是[^把将给让请，,\s]{1,8}(?:吵|太吵|太响|太大声|的问题)|(?:我觉得)?还是[^把将给让请，,\s]{1,8}好(?:一些|一点|点)?[吧啊]?|"
                        r"[^把将给让请，,]{0,20}(?:挡住|盖住|遮住|挡着|挡(?=脸|人|画面|视线)|盖不住|压不住|看不清|看不[太大]清|听不[太大]清|看不见|看不懂|读不懂|听不清|听不见|听不到)[\u4e00-\u9fff]{0,8}|"
                        r"[^把将给让请，,]{1,10}(?:保留|不变|不动|别动|留着)(?:吧|就行|就好)?|"  # "…，狗那段保留"
                        # "狗那段有风声": what is wrong with a clip's own sound, why the request beside it
                        r"[^把将给让请，,\s]{0,8}(?:那段|这段|片段|视频|原声|里面|里)(?:还)?有(?:点|些|很多|好多|很大的?)?"
                        r"(?:风声|杂音|噪音|噪声|回声|电流声|底噪|嗡嗡声)[了啊呀吧]*|"
                        r"[^把将给让请，,\s]{1,6}(?:不好看|难看|好丑|太丑|很丑)了?[啊呀吧]?|"  # "黄的不好看": why, before the request
                        r"[^把将给让请，,\s]{1,8}(?:太|有点|有些)(?:亮|暗|艳|花|素|淡|浓|刺眼|扎眼)了?[啊呀吧]?|"  # "白的太亮 换灰的"
                        # "不是很满意", "还是不太喜欢", "感觉一般": how the user feels about it, not a scene
                        r"(?:音乐|配乐|bgm|背景音乐)?(?:(?:这个|那个|这首|那首|这段|那段)?(?:歌|音乐|配乐|bgm|背景音乐|标题|字幕|画面|视频|片子|转场|配音|效果))?"
                        r"(?:我|感觉|还是|总觉得|说实话)*(?:不是很|不太|不怎么|不大|没那么|不)(?:满意|喜欢|好看|好听|理想|行|搭|搭调|合适|对味|配)[啊呀吧呢的]*|"
                        r"(?:我|感觉|还是|总觉得)*(?:一般般?|差点意思|差强人意|还差点)[啊呀吧呢的]*|"
                        # "不喜欢「Urban Dreams」，改成…", "不太喜欢这个标题": the thing disliked said after, before what to do
                        r"(?:我|感觉|还是|说实话)*(?:不是很|不太|不怎么|不大|不)喜欢(?:这个|那个|这首|这段)?[^把将给让请，,\s]{1,16}?(?:这个名字|这个标题)?[啊呀吧呢的]*|"
                        # "竖屏挺好", "音乐不错": praise of what is there, no change
                        r"[^把将给让请，,\s]{1,8}(?:挺好|不错|很好|很棒|挺棒)(?:的|了)?[啊呀吧呢]*|"
                        # what the opening should do, a creator's aim: "开头三秒要抓人", "前3秒得吸引人" (why the request beside it)
                        r"(?:开头|片头|前)[^把将给让请，,\s]{0,4}(?:要|得|必须|需要)?(?:更)?(?:抓人|吸引人|抓眼球|有冲击力|有看点)(?:一点|一些)?[啊呀吧]?|"
                        # a creator's praise: "这个bgm绝了", "城市那段yyds", "标题爱了" (what is there, kept)
                        r"(?:[^把将给让请，,\s]{1,8}|绝了)(?:太绝了|绝了|绝绝子|yyds|永远的神|爱了|好听|挺好听|真好听|没毛病|太顶了|太牛了)(?:的|了)?[啊呀吧呢]*)$|"
                        # "配音听着很假": how it comes across
                        rf"^{_OPENERS}[^把将给让请，,]{{1,8}}(?:听着|看着|听起来|看起来)(?:很|有点|太|挺|好)?[\u4e00-\u9fff]{{1,4}}$")


# the music judged, with no change said (_music_remark): how it sounds asks for another track ("the song is kinda cheesy",
# "ugh that song", "这首不好听"); how it starts or ends is the reason for the change beside it ("music starts too early,
# bring it in when the title's gone", "the music fades out way too slow at the end, make it 1 sec"), and an abrupt end
# said alone asks for a fade ("音乐结尾断得好突兀")
_MUSIC_EN = r"(?:(?:the|this|that|my) )?(?:music|song|track|bgm|tune|soundtrack)"
_TASTE_EN = re.compile(rf"^{_OPENERS}{_MUSIC_EN}(?:'s| is| sounds?| feels?)?(?: (?:kinda|kind of|a bit|so|really|pretty|super|"
                       r"very|way too|too|just|a little))* (?:cheesy|corny|cringe\w*|lame|boring|annoying|tacky|generic|sleepy|"
                       r"dull|bland|bad|awful|terrible|meh|not (?:great|good|it|my thing))\W*$|^(?:ugh|meh|eh),? (?:the|that|this) "
                       r"(?:music|song|track)\W*$")
_TASTE_ZH = re.compile(rf"^{_OPENERS}(?:我觉得|感觉)?(?=.*(?:首|歌|音乐|配乐|bgm))(?:这首|那首|这个|那个|这)?(?:歌|歌曲|曲子|音乐|配乐|bgm|背景音乐)?(?:听着|听起来|感觉)?(?:有点|太|好|真|挺|也太|实在)?"
                       # ("音乐跟画面不搭": it does not fit the picture)
                       r"(?:(?:跟|和|与)(?:画面|视频|片子|内容|这个视频)(?:有点|太|好|真|挺|也太|实在)?)?"
                       r"(?:不好听|难听|老土|土|俗|无聊|单调|没劲|腻|不太?搭(?:调)?|不怎么搭|不配|(?:(?<=有点)|(?<=太)|(?<=好)|(?<=挺)|(?<=实在))(?:伤感|悲伤|沉重|压抑|丧|忧郁))了?[啊呀吧呢的]*$")
# (with a time and no "abruptly", "music stops at 10 seconds" says where it should end: ``_music_end``; "cuts off at 10
# seconds" is still the complaint)
_ABRUPT_EN = re.compile(rf"^{_OPENERS}{_MUSIC_EN} (?:(?:ends?|stops?|finish(?:es)?)(?: (?:way |really |very |kinda |so |too |a bit )*"
                        r"(?:abrupt(?:ly)?|sudden(?:ly)?|weird\w*|badly|hard)(?: at \d+(?:\.\d+)? seconds?)?)?|"
                        r"(?:cuts? off|cuts out)(?: (?:way |really |very |kinda |so |too |a bit )*"
                        r"(?:abrupt(?:ly)?|sudden(?:ly)?|weird\w*|badly|hard))?(?: at \d+(?:\.\d+)? seconds?)?)\W*$")
_ABRUPT_ZH = re.compile(rf"^{_OPENERS}(?:这首|那首|这个|那个)?(?:歌|音乐|配乐|bgm|背景音乐)(?:的)?"
                        # "音乐停得太突然", "这首歌结尾太突然了" (its end said, no verb)
                        r"(?:(?:结尾|最后)?(?:断|停|结束|收)得?|(?:结尾|最后|收尾)(?:的地方)?)(?:有点|太|好|很|特别)?"
                        r"(?:突兀|突然|生硬|硬)了?[啊呀吧呢的]*$")
# the song over before the video is: "音乐放完后面就没声了" (it should repeat)
_RUNS_OUT_ZH = re.compile(rf"^{_OPENERS}(?:这首|那首)?(?:歌|音乐|配乐|bgm|背景音乐)(?:放|播)完(?:了)?(?:以后|之后|后面|后)?(?:就)?(?:没(?:有)?(?:声音?|音乐)了?|"
                          r"安静了|什么都没有了)[啊呀吧呢的]*$")
_TIMING_EN = re.compile(rf"^{_OPENERS}(?P<music>{_MUSIC_EN}) (?:starts?|comes? in|kicks? in|begins?|fades? (?P<fade>in|out))"
                        r"(?: (?:way|a bit|kinda|kind of|too|so|really|much))* (?:early|late|soon|slow(?:ly)?|fast|quick(?:ly)?|long|short)"
                        r"(?: at the (?:start|end|beginning))?\W*$")


_LOUD_EN = re.compile(rf"^{_OPENERS}(?:{_MUSIC_EN}(?:'s| is| keeps)? (?:drowning|drowns|overpowering|overpowers|blasting|covering|deafening|blaring|ear-?splitting)\b|"
                      rf"{_MUSIC_EN}(?:'s| is) (?:(?:way|much|really|very|so) )?(?:too much|too strong|very strong|so strong)\b|"
                      rf"(?:the |this |my )?video has (?:the )?music (?:very|too|so) (?:strong|loud)\b).*$")
# "it's a bit loud" ("it's too loud" is a complaint of its own): loudness with no object is the music's, or what "it" is
_LOUDISH_EN = re.compile(rf"^{_OPENERS}it'?s (?:(?:a bit|a little|kinda|kind of|pretty|really|so|quite|way) )+(?P<adj>loud|noisy|quiet|soft)\W*$")


# an amount said after the complaint is the change asked: "the music is too much, just half it", "..., take it to 20%"
_AMOUNT_EN = re.compile(r"\b(?:hal(?:f|ve)|quarter|third|double|twice)\b|\d")


def _music_remark(text: str) -> Remark | None:
    if _LOUD_EN.match(text) and not _AMOUNT_EN.search(text):
        return Remark("make the music quieter")
    loudish = _LOUDISH_EN.match(text)
    if loudish:
        return Remark("make it quieter" if loudish.group("adj") in ("loud", "noisy") else "make it louder")
    if _TASTE_EN.match(text):
        return Remark("change the music")
    if _TASTE_ZH.match(text):
        return Remark("换一首音乐", "音乐")
    if _ABRUPT_EN.match(text):
        return Remark("fade the music out")
    if _ABRUPT_ZH.match(text):
        return Remark("音乐结尾淡出", "音乐")
    if _RUNS_OUT_ZH.match(text):
        return Remark("音乐循环播放", "音乐")
    timing = _TIMING_EN.match(text)
    if timing:  # "make it 1 sec" after "the music fades out way too slow": the length of that fade
        return Remark(None, f"{timing.group('music')} fade {timing.group('fade')} " if timing.group("fade") else "")
    return None


_DROWNED = re.compile(r"^(?:i )?(?:can'?t|cannot|can barely|could barely|couldn'?t) hear\b.*\b(?:because of|over|under|through) "
                      r"(?:the |that |this )?(music|song|bgm|soundtrack)\b")


def remark_of(text: str) -> Remark | None:
    """The clause as a remark (a complaint and the request it makes, or a reason), or None when it asks for
    something itself."""
    said = _remark_of(text)
    if (said is None or said.request is None) and re.search(r"[\u4e00-\u9fff][，,\s]+[\u4e00-\u9fff]", text):
        said = _remarks_zh(text) or said  # ("这个狗拍得好萌 不过音乐太吵了": the complaint after the praise asks)
    return said


# what opens a complaint said after praise: "哇这个城市拍得好酷 不过音乐有点吵"
_BUT_ZH = re.compile(r"^(?:不过|但是|但|可是|就是|只是)")


def _remarks_zh(text: str) -> Remark | None:
    """Chinese remarks said in one breath ("标题字太小了，手机上根本看不清", "哇这个城市拍得好酷 不过音乐有点吵"): the one
    complaint among them that asks for a change (the others are praise or why); None when a part asks something or
    two complaints ask for changes."""
    parts = [_BUT_ZH.sub("", p) for p in re.split(r"[，,\s]+", text) if p]
    remarks = [_remark_of(p) for p in parts]
    asking = [r for r in remarks if r is not None and r.request is not None]
    if len(parts) < 2 or any(r is None for r in remarks) or len(asking) != 1 or any(
            re.search(r"把|将|请|帮我|调|改成|换成|加个|删|去掉", p) for p, r in zip(parts, remarks) if r is not asking[0]):
        return None  # ("要不然把城市那段的声音调小一点吧，风声太大了": a request, then why)
    return asking[0]


def _remark_of(text: str) -> Remark | None:
    if _DROWNED.match(text):  # "i cant hear the dog barking because of the music": it is too loud
        return Remark("make the music quieter")
    music = _music_remark(text)
    if music is not None:
        return music
    english = _COMPLAINT_EN.match(text) or _WHY_SO_EN.match(text)
    if english and _KEPT_ANYWAY.search(text, english.end("adj") if english.group("adj") else 0):
        return Remark(None)  # "the song is kinda loud but i like it": said, and kept as it is
    if english:
        adj = english.group("adj") or english.group("adj2")
        better = _BETTER_EN.get(adj)
        obj = english.group("obj") or "it"
        return Remark(f"make {obj} {better}" if better else None)
    than = _THAN_EN.match(text)
    if than:  # "the music is way louder than the clips": less of it
        return Remark(f"make {than.group('obj')} {_OPPOSITE_EN[than.group('cmp')]}")
    forever = _FOREVER_EN.match(text)
    if forever:  # "the dog part goes on forever": shorter
        return Remark(f"make {forever.group('obj')} shorter")
    chinese = _COMPLAINT_ZH.match(text)
    if chinese:
        obj = chinese.group("obj")
        adj = chinese.group("adj")
        better = _BETTER_ZH[adj]
        obj = "音乐" if re.fullmatch(r"(?:这个|整个)?(?:声音|音量)", obj) else obj  # the sound as a whole: the music
        loud = adj in ("大", "吵", "响", "大声") or adj.startswith(("炸", "震"))
        if re.search(r"声音|音量|原声|音乐|歌|配乐|背景音乐", obj) and (loud or adj in ("小", "小声", "轻")):
            better = "调小一点" if loud else "调大一点"   # "狗那段声音太大了"
        named = re.findall(r"[\u4e00-\u9fff]{1,6}?那段|标题|字幕|背景音乐|音乐|bgm|配乐|原声", obj)
        if named and named[-1].endswith("那段") and re.search(r"声音|音量", obj):
            named[-1] += "的声音"  # "狗那段声音太小了，调大一倍": that clip's sound, not the clip
        subject = named[-1] if named else re.sub(r"^(?:这个|这段|那个|那段|整个)|(?:走|放|播|显)?得$", "", obj)
        if adj.startswith("拖") and not re.search(r"那段|片段|镜头|第\d+段", obj):
            return Remark(None, subject)  # "结尾有点拖": which way is not said (a clip that drags, "城市那段有点拖", is faster)
        return Remark(f"{obj}{better}", subject)
    standout = _STAND_OUT_ZH.match(text)
    if standout:  # "标题能不能醒目点 换个亮黄色": what the change beside it is for, and what it is about
        return Remark(None, standout.group("obj"))
    if _REASON_EN.match(text) or _REASON_ZH.match(text):
        return Remark(None)
    return None


# A clause that says how things are, or why, and asks for nothing: it opens with what it is about (never a verb) and
# holds no word that asks ("it looks weird on my phone, its sideways and tiny", "the city takes forever before anything
# happens", "nobody talks in this so whatever", "the video just ends, it needs to breathe at the end" — a wish with
# nothing in it to do is the reason for the request beside it)
_SAYS_HOW_EN = re.compile(r"^(?:(?:and|but|so|because|cause|since|like|as|well|honestly|tbh|plus|meh|ugh|hmm+|nah|whoa|wow|oh|"
                          r"no|nope)[\s,]+)*(?:it|it'?s|its|this|that|"
                          r"these|those|the|my|our|there|there'?s|where|nobody|no one|everything|nothing|something|everyone|"
                          r"people|viewers|sounds|looks|feels|seems|i|i'?m|we|he|she|they|(?:(?:way|much|a bit|still|kinda|kind of|a little|just|so|far|"
                          r"now)\s+)*too)\b")
_ASKS_EN = re.compile(r"\b(?:please|pls|can you|could you|would you|will you|should|must|have to|has to|let'?s|want|wanna|"
                      r"i'?d like|would like|prefer|wish|hope|how|what|which|why)\b|\?")


_ASKS_ZH = re.compile(r"要|想|请|帮|能|可以|吗|么|希望|需要|应该|得")


# a need of the video said with no thing to do in it ("视频需要点趣味", "感觉还缺点活力"): why, not what
_NEEDS_ZH = re.compile(r"^(?:感觉|我觉得|觉得)?(?:这个|整个)?(?:视频|片子|画面|它|这)?(?:还|有点|真的)?(?:需要|缺|缺少|少了)"
                       r"(?:一)?(?:点|些)?(?:儿)?(?:趣味|乐趣|意思|有趣的|好玩的|活力|能量|激情|节奏感|气氛|氛围|亮点|生气|味道|特色|新意|惊喜|"
                       r"冲击力|张力|情绪|感情|动感|刺激|看点|高潮|笑点|爆点|新鲜感)(?:感)?(?:吧|啊|呀)?$")


def states_need(clause: Clause) -> bool:
    """"视频需要点趣味": a Chinese clause that says only what the video lacks (the video named is no thing to change)."""
    return clause.language == "zh" and _NEEDS_ZH.match(clause.text) is not None


def describes(clause: Clause) -> bool:
    """Whether a clause only describes (a state, a feeling, a place, a need) and asks for nothing itself: in English it
    opens with what it is about; in Chinese ("画面一动不动的", "视频需要点趣味") it holds no verb, object, amount or asking
    word, or says only what the video lacks."""
    if clause.language == "zh":
        return states_need(clause) or (
            _ZH_ASKS.search(clause.text) is None and _ASKS_ZH.search(clause.text) is None)
    return _SAYS_HOW_EN.match(clause.text) is not None and _ASKS_EN.search(clause.text) is None


# a wish for a thing to stand out, with no change said: the reason for the change beside it
_STAND_OUT_ZH = re.compile(rf"^{_OPENERS}(?P<obj>[^，,把将给让请\s]{{1,6}}?)(?:再|更)?(?:醒目|显眼|突出|亮眼|抢眼)(?:一)?(?:点|些)?(?:吧|啊)?$")


def ask(clause: Clause, en: str, zh: str) -> str:
    """The question (or the step that must come first) in the clause's language."""
    return zh if clause.language == "zh" else en


def chatter_kind(text: str) -> str | None:
    """``"thanks"``, ``"greeting"`` or ``"reason"`` when ``text`` is a remark rather than a request, else None."""
    words = text.strip()
    if _THANKS.match(words) or _FILLER.match(words):  # "hmm ok", "alright": an acknowledgement
        return "thanks"
    # an emoji alone ("faster!! 🏃"), a polite tail asked after the request ("…开始，可以吗")
    if words and (not re.search(r"[a-z0-9\u3400-\u9fff]", words, re.IGNORECASE) or re.fullmatch(
            r"(?:可以|行|好|能)?(?:吗|嘛|不|不行|么)[？?]*|(?:如果)?(?:方便|可以|有空)的话", words)):
        return "thanks"
    if _GREETING.match(words):
        return "greeting"
    return "reason" if _REASON.match(words) else None


def is_untouched(text: str) -> bool:
    """"音乐不要动": something the user leaves as it is, beside the requests (nothing to plan)."""
    return compiled(rf"^(?:{_UNTOUCHED_ZH}|{_UNTOUCHED_EN})$").match(text.strip()) is not None


def own_sound_kept(text: str) -> bool:
    """"只要原声", "just the original sound": the clips' own sound kept (nothing to plan after the music is removed)."""
    return compiled(rf"^(?:{_OWN_SOUND_ZH}|{_OWN_SOUND_EN})$").match(text.strip()) is not None


def not_that(text: str) -> bool:
    """"not my song" after "lofi music": what is not wanted instead of the request just made (nothing more to do)."""
    return _NOT_THAT.match(text.strip()) is not None


def is_chatter(text: str) -> bool:
    return chatter_kind(text) is not None


# how long something goes on inside the scene's story, said with its verb: "小狗追了一分钟的球", "一个人跑了十分钟的步", "a dog
# that chased a ball for a minute", "a kid running for ten minutes on the beach": what happens, never the clip's length
# (the number words are digits by now, "60秒"; the words as typed are put back, where no length is read)
_STORY_TIME_ZH = re.compile(r"(?<=[\u4e00-\u9fff]了)\d+(?:\.\d+)?秒钟?(?=的|[，,。\s]|$)")
_STORY_TIME_ZH_SAID = re.compile(r"(?<=[\u4e00-\u9fff]了)(?:[零一二两三四五六七八九十百几半\d.]+)(?:个)?(?:半)?(?:分钟|分|小时|钟头|秒钟?)(?=的|[，,。\s]|$)")
_STORY_TIME_EN = re.compile(r"\b(?!(?:show|play|stay|last|hold|keep|loop|display|remain|fad)(?:ing|ed)\b)[a-z]{2,}(?:ing|ed) (?:[\w']+ ){0,4}?for \d+(?:\.\d+)? seconds\b")
_STORY_TIME_EN_SAID = re.compile(r"\bfor (?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|half an?|a couple of|"
                                 r"a few|several|\d+) (?:minutes?|hours?|days?)\b")


def story_time_kept(clause: Clause) -> Clause:
    """``clause`` with a time its scene's story takes said back in the words typed (they read as no length)."""
    if clause.language == "zh":
        found, said = list(_STORY_TIME_ZH.finditer(clause.text)), _STORY_TIME_ZH_SAID.findall(clause.source)
        typed = [words for words in said if not re.search(r"\d", words)]
    else:
        found, said = list(_STORY_TIME_EN.finditer(clause.text)), _STORY_TIME_EN_SAID.findall(clause.source)
        typed = said
    if not found or len(found) != len(typed):
        return clause
    text = clause.text
    for match, words in reversed(list(zip(found, typed))):
        story = words if clause.language == "zh" else re.sub(r"for \d+(?:\.\d+)? seconds$", words, match.group(0))
        text = text[:match.start()] + story + text[match.end():]
    return replace(clause, text=text)
