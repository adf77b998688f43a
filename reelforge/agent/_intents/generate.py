"""Generating clips: "generate a 10-second clip of a city at night", "another one after the first clip",
"animate the photo I uploaded", "生成一个十秒的城市夜景视频", "让照片动起来"."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable

from reelforge.agent._intents._transitions import SLIDE_ALONE, kind_named, no_such_named
from reelforge.agent._intents._words import (
    ADD,
    ASPECT_VIDEO,
    EDIT_KINDS,
    EDIT_WORDS,
    LIP_SYNC,
    MAKE_IT_FIRST,
    NOT_SUPPORTED,
    SLOW_SCENE,
    STYLE_KIND,
    VIDEO_FORMS,
    aspect_of,
    color_of,
    other_shape,
    request_part,
    without_colors,
)
from reelforge.agent._library import names_sound
from reelforge.agent._numbers import DECADE, duration_ms
from reelforge.agent._refs import (
    MISSING,
    bare_order,
    clip_refs,
    find_media,
    main_clips,
    mentions_it,
    moment_of,
    named_alone,
    names_upload,
    text_segments,
)
from reelforge.agent._state import PlanState
from reelforge.agent._text import EN_VERBS as _EN_VERBS_ALL
from reelforge.agent._text import PLACEHOLDER, Clause, ask, compiled, compiled_words, is_chatter, story_time_kept
from reelforge.agent.actions import GenerateAction, Unknown
from reelforge.draft.colors import NAMED_COLORS
from reelforge.draft.edits import ClipPlace

__all__ = ["add_loras", "add_seed", "handle", "handle_description", "loras_of", "placement_of", "scene_described", "without_place"]

# a new clip's noun phrase: "a clip", "another vertical 8s shot", "new footage", "a cinematic drone shot"
_A_CLIP = r"(?:(?:a|an|another|one more|new|fresh|some|different)\s+)+(?:[\w-]+\s+){0,3}?(?:clip|video|shot|scene|footage)s?"
# "end with a shot of the sunset", "open the video with a clip of a sunrise": a new clip at one end of the video
_BOOKEND = r"\b(?:end|ends|ending|finish|close|conclude|wrap(?: it| things)? up|round (?:it|things) off|start|begin|open|" \
           r"kick(?: (?:it|things) off)?)\s+(?:(?:it|this|the (?:whole )?(?:video|thing|film|movie)|things)\s+)?(?:off\s+)?with\s+" \
           + _A_CLIP + r"\s+(?:of|showing|with|where)\b"
_BOOKEND_START = r"^(?:\w+\s+){0,3}?(?:start|begin|open|kick)\b"
# "add 4 sec of a cat napping on a sofa": a length of something to film
_LENGTH_OF = r"\b(?:add|insert|append|tack on|give me|i want|i need|generate|make|create|render|put in)\s+(?:another\s+|a further\s+)?" \
             r"\d+(?:\.\d+)?\s*(?:seconds?|secs?|s)\s+(?:more\s+)?of\s+(?!(?:the\s+)?(?:music|song|silence|black|darkness|" \
             r"nothing|video|clip|title|text)\b)"
# "add a neon sign flickering in the rain after this, 6 seconds": a scene added with its place and its length is a new clip
_SCENE_PLACED = r"^(?:(?:please|can you|could you|now|then|and|also|ok|so)\s+)*(?:add|insert|append|tack on|throw in|put in)\s+" \
                r"(?:a|an|some|two|three)\s+[\w' -]{3,60}?\s+(?:at the (?:very )?(?:end|start|beginning)|(?:right |just )?(?:after|before) " \
                r"(?:(?:this|it|that)(?: clip| shot)?|the (?:[\w-]+ ){1,2}?(?:clip|one|shot)|clip \d+))(?: one)?\s*,\s*(?:about |around |like |maybe )?\d+(?:\.\d+)?\s*" \
                r"(?:seconds?|secs?|s)\b"
# "after this clip add a train passing through a station at night, 5 seconds": the place said first, then the scene and
# its length, is the same request as the place said after the scene (``_SCENE_PLACED``)
_PLACE_FIRST = re.compile(r"^(?P<lead>(?:(?:please|now|then|and|also|ok|so)\s+)*)(?P<place>(?:right |just )?(?:after|before) "
                          r"(?:(?:this|it|that)(?: clip| shot| one)?|the (?:[\w-]+ ){1,2}?(?:clip|one|shot)|clip \d+)),?\s+"
                          r"(?P<verb>add|insert|put in|throw in|stick in)\s+(?P<scene>(?:a|an|some|two|three)\s+[\w' -]{3,60}?)"
                          r"(?P<length>\s*,\s*(?:about |around |like |maybe )?\d+(?:\.\d+)?\s*(?:seconds?|secs?|s))$")
# "after the video add a dog swimming in a lake", "add a fox in the snow after everything": a scene (something doing
# something, or somewhere) added after the whole video is a new clip at its end
_AFTER_ALL = r"(?:(?:right |just )?(?:after|following) (?:the (?:whole |entire )?(?:video|thing|film|movie)|everything(?: else)?|all (?:of )?(?:that|this|it))" \
             r"|at the (?:very )?end of (?:the|this|my) (?:whole |entire )?(?:video|thing|film|movie))"
_A_SCENE = r"(?:a|an|some|two|three)\s+(?!(?:[\w-]+ )?(?:photo|picture|pic|image|selfie|still|title|text|caption|sound|song)s?\b)(?=[\w' -]*?\b(?:[a-z]{3,}ing|over|through|under|across|along|near|in|on|into|at)\s)[\w' ,-]{3,80}?"
_LENGTH_LAST = r"(?:,?\s*(?:about |around |like |maybe )?\d+(?:\.\d+)?\s*(?:seconds?|secs?|s))?"
_SCENE_AFTER_ALL = rf"^(?:(?:please|can you|could you|now|then|and|also|ok|so)\s+)*(?:{_AFTER_ALL}),?\s+(?:add|insert|append|put|tack on|" \
                   rf"throw in|stick)\s+(?P<after_scene>{_A_SCENE}){_LENGTH_LAST}$|^(?:(?:please|can you|could you|now|then|and|also|ok|so)\s+)*" \
                   rf"(?:add|insert|append|tack on|throw in|put in)\s+(?P<after_scene2>{_A_SCENE}),?\s+{_AFTER_ALL}{_LENGTH_LAST}$"
# "add a lighthouse between the city and the dog", "stick a sunset between the two clips": a thing put between two clips
# is a new clip there (a transition or a pause between them is an edit: never one of these)
_SCENE_BETWEEN = r"^(?:(?:please|can you|could you|now|then|and|also|ok|so)\s+)*(?:add|insert|put|stick|squeeze|slip|pop|throw)(?: in)?\s+" \
                 r"(?:a|an|some)\s+(?!(?:[\w-]+ )?(?:photos?|pictures?|pics?|images?|selfies?|stills?|titles?|texts?|captions?|sounds?|songs?|" \
                 r"transitions?|cross-?fades?|fades?|dissolves?|wipes?|cuts?|pauses?|gaps?|breaks?|black|whoosh\w*|swoosh\w*|ding|chime|" \
                 r"beat|second|sec|bit|moment|freeze|flash|zoom|pan)\b)(?P<thing>[\w' -]{3,60}?)\s+between\s+(?:the\s+)?(?:(?:two|2)\s+)?" \
                 r"(?:clips|shots|[\w-]+(?: clip| one| shot)?\s+and\s+(?:the\s+)?[\w-]+(?: clip| one| shot)?)" \
                 r"(?:\s*,?\s*(?:about |around )?\d+(?:\.\d+)?\s*(?:seconds?|secs?|s))?$"
_SCENE_BETWEEN_RE = re.compile(_SCENE_BETWEEN)


def _scene_between(clause: Clause) -> bool:
    """A thing put between two clips that is no transition's name ("a blend", "a slide left", "an iris" are transitions)."""
    said = _SCENE_BETWEEN_RE.search(clause.text)
    return said is not None and kind_named(said.group("thing")) is None and no_such_named(said.group("thing")) is None


# a scene made outright, with no clip noun: "make a sunset over a mountain lake, 10 seconds, vertical", "create a dog
# running on a beach", "do a city street at night in the rain" (the docs' own first example). What follows the article
# is a scene: something doing something, or a thing placed somewhere; never a copy "of"/"for" something, nor a place
# on the timeline ("... on the first clip", "in the middle") (an edit named in it is dropped later: EDIT_WORDS)
_MADE_SCENE = r"^(?:(?:please|can you|could you|can u|now|then|and|also|ok|so|just)\s+)*(?:make|create|do|render)\s+(?:me\s+|us\s+)?" \
              r"(?:a|an)\s+(?![\w-]+\s+(?:of|for)\b)(?!(?:[\w-]+\s+){0,2}?(?:copy|version|cut|split|fade|zoom|pan|title|caption|transition|loop|" \
              r"edit|change|pause|gap|freeze|zooms?|pans?|motion|effect|filter|blur|speed|slow-?mo|crossfade|dissolve)\b)" \
              r"(?=[^,，]*?(?:\b[a-z]{3,}ing\b|\b(?:over|through|under|across|along|near|above|beneath|among|during)\b|" \
              r"\b(?:in|on|at|by) (?:a|an|the|night|dawn|dusk|sunset|sunrise) ?)" \
              r"(?![^,，]*\b(?:clip|clips|video|shot|title|text|music|song|timeline|canvas|start|end|beginning|middle)\b))"
# "use the noir lora at 0.6 for a detective in the rain": a LoRA asked for a scene
_LORA_FOR = r"\blora\b(?:\s*(?:at|scale)\s*\d+(?:\.\d+)?)?(?:\s+(?:for|on|to (?:make|generate|film))|\s*:)\s+(?:a|an|some|two|three)\s+(?P<scene>.+)$"
_EN_GEN = _BOOKEND + "|" + _LENGTH_OF + "|" + _LORA_FOR + "|" + _MADE_SCENE + r"|^(?:then\s+|and\s+)?another\s+\d+(?:\.\d+)?\s*(?:seconds?|secs?|s)\s+of\s+" \
          r"(?!(?:the\s+)?(?:music|song|silence|black|darkness|nothing|video|clip|title|text|it|that|this)\b)" + r"|\b(?:replace|swap|switch)\b.*\b(?:with|for) " + _A_CLIP + r"\s+(?:of|showing|with|where)\b|" \
          r"^(?:(?:please|can you|could you|can u)\s+)?(?:show|i'?d (?:love|like) to see|i want to see|let me see|lemme see)\s+(?:me\s+)?" \
          r"(?:a|an|some)\s+(?![\w-]+\s+(?:of|for)\b)(?=.*(?:\b[a-z]{3,}ing\b|\b(?:over|through|under|across|along|near|above|" \
          r"beneath|among|into|during)\b|\b(?:in|on) (?:a|an|the) (?!end|start|beginning|middle|corner|top|bottom|left|right)))|" \
          r"\b(?:generate|create|produce|film|shoot|render|make|whip up|cook up|put together|conjure up|give me|gimme|(?:i |we )?(?:am |are )?(?:want|need)|show me|i(?:'?d| would) (?:really )?(?:love|like)|" \
          r"can (?:i|we) (?:get(?! rid)|have|see)|let me see|how about)\b.*" \
          r"\b(?:video|vid|clip|shot|scene|footage|animation|movie|time-?lapse|one|b-?roll|intro|outro)s?\b|\bgenerate\b|\banother (?:clip|shot|one|scene)\b|" \
          r"\b(?:one more|another one|another) of (?:those|these|them|that)\b|\bone more (?:clip|shot|one|scene|like (?:that|this|the (?:[\w-]+ ){1,3}?(?:one|clip|shot)|the [a-z]+(?= but\b)))\b|^one more\b(?=\s*(?:,|$|with\b|but\b))|" \
          r"^(?:the )?same (?:thing |one |scene |clip |as the (?:[\w-]+ ){1,3}?(?:one|clip|shot) )?but\b|" \
          r"^(?:(?:now|and|then|also|next)\s+)?(?:(?:right |just )?(?:after|before) (?:it|that(?: one)?|this(?: one)?)\s+)?" \
          r"(?:a|an|another|one more)\s+(?:\d+\S* )?(?:\w+\s+)?(?:clip|video|shot|footage|close[- ]?up|wide shot|aerial|time-?lapse)s? " \
          r"(?:of|showing|with|where)\b|" \
          r"^(?:(?:now|and|then|also|next)\s+)?(?:a|an|another)\s+(?:[\w-]+\s+){1,4}?one (?:of|showing|where) (?:a|an|some|two|three)\b|" \
          r"^(?!(?:the|this|that|my|your|our|its|(?:" + _EN_VERBS_ALL + r"))\b)(?:[\w:.-]+\s+){1,3}?(?:clip|video|shot|footage)s? (?:of|showing)\b|" \
          r"^(?:(?:now|and|then|also|some|more|a)\s+)?b-?roll\b|" \
          r"^(?:(?:so|ok|and|now|hmm+)\s+)*i(?: really)? (?:want|need|would like|'d like)\s+(?:a|an|some|two|three)\s+(?:[\w'-]+\s+){1,4}?" \
          r"[a-z]{3,}ing\s+(?:over|through|under|across|along|near|in|on|into|down|up|around|past|above|beneath)\s+(?:a|an|the|some)?\s*[a-z]|" \
          r"^(?:(?:please|can you|could you|now|then|and|also|ok|so)\s+)*(?:add|insert|throw in|put in)\s+(?:a|an|some|two|three)\s+" \
          r"(?:[\w'-]+\s+){1,4}?[a-z]{3,}ing\s+(?:over|through|under|across|along|near|in|on|into|down|up|around|past|above|beneath)\s+" \
          r"[\w' -]{2,40}?,?\s*(?:for\s+)?(?:about |around |like |maybe )?\d+(?:\.\d+)?\s*(?:seconds?|secs?|s)$|" \
          r"\b(?:need|want|add|give me)\s+(?:another\s+)?\d+(?:\.\d+)?\s*(?:more\s+)?(?:seconds?|secs?|s)\s*(?:more\s+)?[,:]\s*(?:of\s+)?\w+\s+\w+|" \
          r"\b(?:add|insert|append|put in|put|place|drop in|tack on|tack|stick|slap|throw in|toss in|pop in) (?:(?:a|an|another|one more|new)\s+)+" \
          r"(?:[\w-]+\s+){0,3}?(?:clip|video|vid|shot|scene|footage|time-?lapse|close[- ]?up|drone shot|aerial)s?(?:\s*(?:of|showing|with|where|:|after|" \
          r"before|between|at|to|on|onto|,|$))|" \
          r"\b(?:add|insert|put|place|stick|slap|throw in|toss in|pop in) (?:a|an|another|one more) [a-z]+ (?!during\b|(?:some|any|every|no)thing\b|" \
          r"evening\b|morning\b|ending\b|beginning\b|opening\b)[a-z]{2,}ing (?:[\w-]+\s+){0,4}?(?:clip|video|shot|footage)s?" \
          r"(?=\s*(?:after|before|between|at|to|,|$))|" \
          r"\b(?:add|insert|put in|throw in|drop in|stick in|tack on)\s+(?:some\s+|a\s+|more\s+)?b-?roll\b|" \
          r"\b(?:add|insert|append|put in|stick in|throw in)\s+(?:(?:a|an|some)\s+)?[\w ,'-]{3,60}?\s+as\s+(?:a|an|another|one more)\s+" \
          r"(?:new\s+|extra\s+|separate\s+)?(?:clip|shot|scene)\b|" + _SCENE_PLACED + "|" + _SCENE_AFTER_ALL  # "add a cat sleeping on a windowsill as a new clip"
# (the last but two: "put a dog running on a beach clip after this one": what it shows, a thing doing something, before "clip")
# ("i want a dog running on a beach", "add a horse galloping through a field, 5 seconds": something doing something
# somewhere, wanted, or added with its length)
# ("帮我整个延时摄影 城市车流": a kind of shot added is a clip to make, as "来个" one is)
# "海浪的视频", "竖屏的瀑布视频": a video of something, said with no verb, is one to make
# (not one opened by a removal or a change of a clip there: "删掉狗的视频", "去掉城市的视频" remove it)
_ZH_VIDEO_OF = r"^(?!(?:把|将)?(?:删|去掉|去除|移除|拿掉|不要|静音|加速|减速|放慢|剪掉|裁掉))" \
               r"(?!.*(?:导出|下载|剪辑|编辑|播放|这个|整个|这段|该|本|我|传了|上传|时间线|什么|啥|怎么|哪|吗|呢|你|能|会))(?:横屏|竖屏|方形)?(?:的)?[^，,。；]{2,}?(?:的)?(?:视频|短片)$"
# (and "再加一个 下雪的城市", "加一个奔跑的小狗放在开头": another thing shown, said with 个 and no clip word)
# ("给我一个横屏的 海浪拍打礁石 十秒": a shape, then after a pause what it shows)
_ZH_GEN = _ZH_VIDEO_OF + r"|(?:整|弄|搞|出|需要|想要|要)(?:1)?(?:个|段|条).*(?:视频|片段|镜头|画面|空镜)|" \
    r"(?:想要|要)(?:1)?个(?:片头|片尾)\s+[\u4e00-\u9fff]{2,}|(?:加|添加|来|做|插)(?:1)?(?:个|段)[^，,]{0,8}?(?:片头|片尾|开场)(?:[，,：:]|\s+)[\u4e00-\u9fff]{2,}|(?:想要|我要)1(?:个|段|条)(?=[^，,。]{6,})|" \
    r"再来\d+(?:\.\d+)?秒的?(?=[\u4e00-\u9fff]{2,})|" \
    r"(?:^|在)[^，,。；]{0,10}?(?:后面|前面|之后|之前|后边|前边|中间|之间)(?:再)?(?:加|添加|插|接|补|来|塞)(?:上|进)?(?:1)?(?:个|段|条)" \
    r"(?=[^，,。；]{0,8}?的[\u4e00-\u9fff]{2,}|[\u4e00-\u9fff]{2,}的$)|" \
    r"(?:^再(?:加|添加|插入|补|接)(?:上)?(?:1)?个\s*(?=[\u4e00-\u9fff]{1,10}的[\u4e00-\u9fff]{1,8}$)|" \
    r"^(?:加|添加|插入|补|接)(?:上)?(?:1)?个\s*(?=[\u4e00-\u9fff]{1,10}的[\u4e00-\u9fff]{1,8}\s*[，,]?\s*(?:放|插|接)(?:在|到)))" \
    r"(?!.*(?:声|音|旁白|话|歌|曲|乐|文案|说明|介绍|效果|滤镜|转场|标题|字幕|文字|字|照片|图片|相片|黑|淡|上传|我的|颜色|色|" \
    r"贴纸|表情|特效|动画|边框|水印|logo|片头|片尾|开场|结尾|开头))|" \
    r"再(?:整|弄|搞|做|出)(?:1)?(?:个|段|条)|(?:加|添加|来|插)(?:1)?(?:个|段|条)(?:延时摄影|航拍|空镜|延时(?=\s|[，,：:]))|(?:给我|帮我)(?:整|弄|搞|来|做)(?:1)?(?:个|段|条)(?=[^，,。]{3,})|" \
    r"(?:给我|帮我)(?:1)?(?:个|段|条)(?:横屏|竖屏|方形|竖版|横版|正方形)的?(?:[，,]|\s+)(?=[\u4e00-\u9fff]{4,})|生成|制作|创作|做(?:1)?(?:个|段|条)|做(?:1|一)(?:只|座|艘|群)(?=[\u4e00-\u9fff]{3,})|给我(?:看)?(?:1)?(?:个|段|条).*(?:视频|片段|镜头|延时摄影|缩时摄影|航拍|空镜)|换成(?:1)?(?:个|段|条).*(?:视频|片段|镜头)|(?:用|拿)(?:1)?(?:个|段|条)[^，,。]{2,}?(?:替换|换掉|代替|取代)|(?:以|用)(?:1)?(?:个|段|条).*(?:视频|片段|镜头|画面)(?:来|作为)?(?:结尾|收尾|结束|开头|开场)|(?:以|用)(?:1)?(?:个|段|条)[^，,。；]{2,}?(?:来|作为)?(?:结尾|收尾|开场)$|(?:加|添加|插入)(?:1)?(?:个|段|条).*(?:视频|片段|镜头)|(?:加|添加|插入|插|补|接)(?:上)?(?:1)?(?:段|条)(?!.*(?:声|音|旁白|话|歌|曲|乐|文案|说明|介绍|效果|滤镜|转场|标题|字幕|文字|照片|图片|相片|黑|淡|上传|我的))|再(?:加|添加|插入)(?:1)?(?:个|段|条)[:：]|来(?:1)?(?:个|段|条)(?!.*(?:音乐|音效|标题|文字|字幕|转场))(?!(?:慢慢|缓缓)?(?:的)?(?:推近|拉远|推进|拉近|运镜|缩放|平移|摇镜|往[左右上下](?:摇|移)))|拍(?:1)?(?:个|段)|文生视频"
# the user's photo and video named together: both go on the timeline
_PHOTO_AND_VIDEO = r"(?:照片|图片|相片)\s*(?:和|跟|与|加|[+＋、])\s*(?:我的)?(?:视频|录像)|(?:视频|录像)\s*(?:和|跟|与|加|[+＋、])\s*(?:我的)?(?:照片|图片|相片)|" \
                   r"\b(?:photos?|pictures?|pics?)\s*(?:and|&|\+)\s*(?:my\s+)?(?:videos?|vids?|footage)\b|" \
                   r"\b(?:videos?|vids?|footage)\s*(?:and|&|\+)\s*(?:my\s+)?(?:photos?|pictures?|pics?)\b"
_ANIMATE = r"\banimate\b|bring .* to life|" \
           r"\b(?:photo|picture|image|still|pic)\s+(?:to\s+|should\s+|could\s+|can\s+)?(?:be|become|turn into)\s+(?:a |an )?(?:(?:short|little|real|" \
           r"proper) )?(?:moving|animated|live|video)\b|make .*(?:photo|picture|image|still).* (?:come alive|come to life)|make .*(?:photo|picture|image|still).* move|turn .*(?:photo|picture|image) into a video|" \
           r"\b(?:video|clip|animation|shot)s? (?:from|out of|based on|using|of) (?:my|the|this|that)\s+(?:[\w.-]+\s+){0,2}?(?:photo|picture|image|still|pic)\b(?!s)|" \
           r"(?:照片|图片|相片|图|\.(?:jpe?g|png|webp|heic)\b)(?:.*)动(?:起来|一下|一动)|" \
           r"(?:照片|图片|相片|\.(?:jpe?g|png|webp|heic)\b).*(?:做成|变成|弄成|调成|转成|搞成|整成)(?:会)?动(?:的|态的?)(?:视频)?(?:吧|吗)?$|把.*(?:照片|图片|相片|图).*(?:做成|变成|生成|转成)视频|图生视频|" \
           r"^(?:请|帮我)?(?:我的|我上传的|上传的)?(?:那张|这张)?(?:照片|图片|相片)(?:那张|这张)?(?:做成|变成|转成)(?:1个|1段)?(?:动态的?)?视频|" \
           r"(?:用|拿|根据|基于|从)(?:我的|我)?(?:上传的)?(?:这张|那张|1张)?(?:照片|图片|相片)\s*(?:来|再)?(?:生成|做(?!开头|结尾|片头|片尾|封面|背景|第|(?:个|1个|成)?(?:相册|幻灯片|合集|九宫格))|制作)|" \
           r"\b(?:turn|make|convert) (?:my |the |this |that )?(?:[\w.-]+ )?(?:photo|picture|image|still|pic|[\w-]+\.(?:jpe?g|png|webp|heic))\s+into " \
           r"(?:a |an )?(?:[\w:.-]+ ){0,3}(?:video|clip|animation)\b|" \
           r"\bmake (?:my |the |this |that )?(?:[\w.-]+ )?(?:photo|picture|image|still|pic|[\w-]+\.(?:jpe?g|png|webp|heic))\s+" \
           r"(?:a |an )(?:[\w:.-]+ ){0,3}(?:video|animation|moving clip)\b|" \
           r"\bmake [\w-]+\.(?:jpe?g|png|webp|heic)\b.*\b(?:move|moving|alive|zoom|pan)|" \
           r"\b(?:can|could|should|i want|i'?d like|let) (?:my |the |this |that )?(?:[\w-]+ )?(?:photo|picture|image|still|pic|" \
           r"[\w-]+\.(?:jpe?g|png|webp|heic))\s+(?:to\s+)?(?:move|come alive|come to life)\b(?!\s+(?:to|after|before|in|into|" \
           r"behind|first|last|up|down|left|right|over|ahead|back|forward|earlier|later|next|between)\b)|" \
           r"\b(?:as|for) the (?:starting|start|first|initial|opening) (?:frame|image)\b|(?:作为|当作|当)(?:开头的?)?(?:首帧|第1帧|起始帧)|" \
           r"(?:照片|图片|相片|\.(?:jpe?g|png|webp|heic)).{0,6}(?:做成|变成|生成|转成|转为)[^，,。]{0,8}?(?:动态|视频|动图)"
_NOT_GEN = r"\bmake (?:it|the (?:whole |entire )?video|this|the canvas|the title|the text|the music)\b|\bfade|" \
           r"\bmake the (?:first|second|third|fourth|fifth|last|next|previous|\d+(?:st|nd|rd|th)) (?:clip|one|video|shot)\b|\bmake .* (?:louder|quieter|bigger|smaller|" \
           r"faster|slower|shorter|longer)\b|(?:音乐|标题|文字|字幕|音效|转场|背景)|" \
           r"\bmake (?:[\w-]+ )*?(?:louder|quieter|bigger|smaller|faster|slower|shorter|longer|lower|higher|softer|brighter|" \
           r"darker)\b|\b(?:more|less) (?:slow|fast|quiet|loud)\b|" \
           r"\bmake the (?:[\w-]+ ){1,2}(?:clip|shot)\b(?! of)|" \
           r"\bmake (?!(?:a|an|another|one|me|us|some|new|more|two|three|my|your)\b)(?:[\w-]+ ){1,2}(?:clip|shot)\b" \
           r"(?! (?:of|showing|with|where|about|please|pls|for|now)\b)(?= [a-z\d])"
# ("make the dog clip slow motion": a clip there; its article dropped too, as a hurried message drops it: "make dog clip
# twice as loud", "make city clip silent")

_EN_STRIP = (
    r"\s+as\s+(?:a|an|another|one more)\s+(?:new\s+|extra\s+|separate\s+)?(?:clip|shot|scene)\b",  # "add ... as a new clip"
    r"\b(?:please|can you|could you|would you|i'?d (?:love|like) to see|i want to see|(?:i |we )?(?:am |are )?(?:want|need)|"
    r"i'd like|give me|show me|let's|for me)\b",
    r"\b(?:generate|create|produce|film|shoot|render|make|animate|add|whip up|cook up|put together|conjure up|slap|"
    r"throw in|toss in|pop in|tack|^(?:put|stick|drop|place|insert)(?= (?:a|an|another|one more|some|new)\b)|show(?: me)?|i'?d (?:love|like) to see|i want to see|let me see|lemme see|can u)\b",
    r"^(?:do|me|us)\s+(?=(?:a|an)\b)",  # "do a city street at night", "make me a balloon over ...": the scene after them
    r"\b(?:and )?(?:put|place|insert|add) (?:it|this|that)\b.*$",
    r"\b(?:right |just )?(?:after|before|instead of|in place of|replacing|to replace)\s+(?:it|this|that|(?:this|that) one|"
    r"the (?:[\w-]+ ){0,3}?(?:clip|shot|one|video|scene|part)s?|clip \d+|the [a-z]+)\b.*$|\bbetween\b.*$|"
    r"^at the (?:very )?(?:start|beginning|end|front)\b,?|\bat the (?:very )?(?:start|beginning|end|front)\b.*$|\b(?:to|on|onto)(?: the)? (?:very )?end(?: of (?:the|it|this)(?: video)?)?$",
    rf"\b(?:for|lasting|of)?\s*(?:(?:like|about|around|roughly|maybe)\s+)?(?!{DECADE})\d+(?:\.\d+)?\s*-?\s*(?:more\s+)?(?:seconds?|secs?|s)\b(?:\s*(?:long|more))?",
    r"\b(?:in\s+)?(?:9:16|16:9|1:1|4:5|vertical|horizontal|portrait|landscape|square|tiktok|reels|shorts|youtube|"
    r"instagram|widescreen)\b(?:\s+(?:format|size|version))?(?:\s+(?:for|on)\s+(?:tiktok|reels|shorts|youtube|instagram|insta|ig|"
    r"my (?:phone|story|stories|feed)))?|\bformat\b|\b(?:sixteen|nine) by (?:nine|sixteen)\b|\bfour by five\b",
    r"^(?:(?:another|new|short|quick|little|an?|the|one more|second|third|fourth|fifth|2nd|3rd|4th|5th|extra)\s+)+",
    # (a shot named by how it is filmed stays: "a drone shot of the ocean", "an aerial shot of ...")
    r"\b(?:video|vid|clip|scene|footage|animation|movie|b-?roll|intro|outro)s?\b|"
    r"(?<!drone )(?<!aerial )(?<!tracking )(?<!establishing )(?<!overhead )(?<!macro )(?<!dolly )(?<!crane )(?<!handheld )"
    r"(?<!pov )(?<!wide )(?<!close-up )(?<!closeup )\bshots?\b|\bfor my (?:reel|story|stories|channel|feed|post)s?\b",
    r"\ba time-?lapse\b",
    r"^\s*(?:of|showing|about|featuring|with|that shows|where|:)\b",
    r",?\s+instead$",  # "..., generate a lighthouse at night instead": the swap, no part of the scene
)
# the length of the clip being replaced kept: "…，长度不变", "…, same length"
_SAME_LENGTH_ZH = r"[，,\s]*(?:长度|时长|时间|秒数)(?:保持)?(?:不变|一样|别变|不用变|跟原来一样|和原来一样)(?:就行|就好|吧)?(?=$|[，,])"
_SAME_LENGTH = _SAME_LENGTH_ZH + r"|\b(?:same|keep(?: the)?) (?:length|duration)\b"
# a thing resting on another in the scene ("一杯奶茶放在木桌上", "放在窗台上"), never where a clip goes ("放在城市后面")
_RESTING_ON = r"在(?!最|画面|视频|片段|屏幕|中间|前|后|开头|结尾|第)[\u4e00-\u9fff]{1,5}[上里中边旁下](?![面边])"
_ZH_STRIP = (
    r"[，,]\s*(?:也是|都是|也|大概|大约)?\d+(?:\.\d+)?秒(?:钟)?(?:左右|就行|吧)?(?=$|[，,])",  # "…赶海的，也是五秒": its length
    _SAME_LENGTH_ZH,  # "…，长度不变": the length kept, no part of the scene
    r"[，,]\s*(?:时长|长度|总长)(?:为|是|大概|大约)?\s*(?:\d+(?:\.\d+)?秒(?:钟)?(?:左右)?)?\s*(?=$|[，,])",  # "…在雪地里奔跑，时长12秒": the word for its length
    r"^(?:整个)?视频(?=(?:用|以)(?:1)?(?:个|段|条))",  # "整个视频用一段海边航拍开场"
    r"(?:当|作为)(?:片头|片尾|开场)|^那个\s*|^接下来(?:再)?|^先(?=生成|做|来|拍)|请|帮我|帮忙|给我看|给我|麻烦|我想要|我想|我要|我需要|想要|需要|能不能|可以|再|^能|吗$|^ai(?=生成)",
    r"^(?:在)?(?:(?:整个)?视频(?:的)?)?(?:最后|结尾|末尾|最开头|最开始|开头|最前面|片头|片尾)(?!(?:1)?(?:个|段|条)(?:片段|镜头|视频)?(?:的)?(?:后面|前面|之后|之前|后边|前边))(?:面|那里|部分|处)?(?:再)?",
    r"^在(?:两|2)个片段(?:之间|中间)",
    r"^(?:在|再|然后)?(?:它|这个|这段)?(?:的)?(?:后面|前面|之后|之前|后边|前边)(?:再)?",
    r"^在[^，,。；]{1,10}?(?:后面|前面|之后|之前|后边|前边|中间|之间)(?:再)?",
    r"^(?:两|2|这两|这2)(?:段|个片段)(?:的)?(?:中间|之间)(?:再)?",  # "两段中间插一段日落的画面"  # "在城市那段后面插一段…", "在城市和狗中间插一段…"
    r"^[^，,。；在]{0,8}?[那这](?:一小|1小|1)?段(?:的)?(?:后面|前面|之后|之前|后边|前边)(?:再)?",  # "城市那段前面加个五秒的片头，…"
    # "城市夜景后面加一段白天的街道": a clip by what it shows, then the place and the verb, no 在
    r"^(?:[\u4e00-\u9fff]{1,8}?|[a-z][a-z0-9_-]{1,20}(?:视频|照片|那段)?)(?:的)?(?:后面|前面|之后|之前|后边|前边)\s*(?:再)?(?:加|添加|插|接|补|来|塞)(?:上|进)?(?=(?:1)?(?:个|段|条))",
    # "城市跟狗中间塞一段灯塔的镜头": between two clips named by what they show, no 在
    r"^[\u4e00-\u9fff]{1,6}?(?:那段)?[和跟与][\u4e00-\u9fff]{1,6}?(?:那段)?(?:的)?(?:中间|之间)(?:再)?(?:加|添加|插|接|补|来|塞)(?:上|进)?(?=(?:1)?(?:个|段|条))",
    r"[，,\s]*(?:对比一下|做个对比|作对比|对照一下|对比看看)$",  # why the clip is added, not what it shows
    r"(?<=[\u4e00-\u9fff])\s*再?来(?:1)?(?:段|个|条)(?=[\u4e00-\u9fff])",  # "这个城市再来一段白天的": the thing, then the request
    r"[，,]?把[^，,]*?(?:换掉|替换掉|替换|代替|取代)$",  # "用一段烟花的视频把狗那段换掉"
    r"^.*[，,](?:先|再|然后|就)?(?=(?:生成|制作|拍)(?:1)?(?:个|段|条))",  # "我想做一个宠物vlog，先生成一段…": the clip asked for last
    r"^把.*?(?:换成|替换成|替换为)",
    r"^(?:在)?(?:第\d+(?:个|段|条)?|最后(?:1)?(?:个|段|条))(?:片段|镜头|视频)?(?:的)?(?:后面|前面|之后|之前|后边|前边|后|前)(?:再)?",
    r"^(?:生成|制作|创作|做|来|拍|文生视频|加|添加|插入|插|补|接|整|弄|搞|出|要|塞)(?:上|进)?|^(?:用|拿|以)(?=(?:1)?(?:个|段|条))",  # "用一段海浪的视频替换…"
    r"(?:的)?(?:视频|片段|镜头|画面)?(?:来|作为)?(?:结尾|收尾|结束|开头|开场)$",  # "以一段海浪的镜头结尾"
    # (up to a pause: "生成一段 放在最后 海边日落" says the scene after its place)
    r"[，,]?(?:然后)?(?:放(?!" + _RESTING_ON + r")|插|加)(?:在|到)(?:[^，,\s]*$|[^，,\s]*(?=\s+[\u4e00-\u9fff]{2,}))|(?:替换|换掉|代替|取代).*$|放在开头.*$",
    # "…的视频在最后", "…视频，放第一个片段后面": where it goes, said after the scene
    r"[，,]?\s*(?:放|插|加)?(?:在|到)?(?:最后|结尾|末尾|开头|最前面|后面|前面)(?:面|边)?(?:吧)?$",
    r"[，,]?\s*(?:放|插|加)?(?:在|到)?(?:第\d+(?:个|段|条)?|最后(?:1)?(?:个|段|条))(?:片段|镜头|视频)?(?:的)?(?:后面|前面|之后|之前|后边|前边|后|前)$",
    r"\d+(?:\.\d+)?秒(?:钟)?(?:长)?(?:的)?",
    r"的?短(?=视频$|片$)",  # "…日落的短视频": a short video, the length is no part of the scene
    # "雨中的东京街头 做个竖的 10秒", "…，给我一个横屏的": the shape wished for, no part of the scene
    r"(?:(?<=[，,\s])|^)(?:给我|帮我)?(?:做|来|要|弄|整|搞|出)?(?:1)?(?:个|段|条)(?=(?:竖屏|横屏|竖版|横版|方形|正方形|竖的|横的|方的)(?:的)?(?:[，,\s]|$))",
    r"竖屏|横屏|竖版|横版|方形|正方形|9:16|16:9|1:1|(?:(?<=[，,\s])|^)(?:竖|横|方)的(?=[，,\s]|$)",  # "… 竖的 八秒"
    r"^(?:1|一)?(?:个|段|条)",
    r"(?:的)?(?:视频|片段|(?<![慢长空])镜头|短片|动画|画面|素材|空镜)(?:吧)?$",  # ("蜂鸟的慢镜头": how it is filmed, kept whole)
    r"^关于|^的|的$|内容是|(?:就行|就好|就可以)$|^(?:那个)?我?(?:想要|要)?(?:1)?(?:个|段)?(?:片头|片尾|开场)\s*",
    r"^(?:的)?(?:视频|片段|镜头|短片|动画|画面|素材)(?:\s*[:：,，]|\s+)",  # "生成一段竖屏视频：夜晚的东京街头", "做个视频 一只柴犬…"
)


# "use the anime LoRA", "with my noir lora at 0.6", "用 anime LoRA": named LoRAs of the settings
# a clause opening on one ("anime lora please, ..."); or its name said after it ("lora用动漫的", "lora: anime")
_LORA = re.compile(r"(?:(?:\b(?:use|using|with|in|apply|applying|and|plus)\s+(?:the\s+|my\s+|a\s+)?|(?:用|使用|加上)\s*|(?<=, )|(?<=,)|"
                   r"^(?:the\s+|my\s+)?(?=[a-z0-9]))"
                   r"([a-z0-9][\w-]*|[\u4e00-\u9fff]{1,4}?)\s*(?:的\s*)?(?:style\s+|风格\s*)?lora(?![a-z0-9_])(?:\s*(?:at|强度|scale)\s*(\d+(?:\.\d+)?))?|"
                   r"\blora\s*(?:[:：=]|(?:就)?(?:用|选|要))\s*(?:那个)?([a-z0-9][\w-]*|[\u4e00-\u9fff]{1,4}?)(?:的|那个)?(?=$|[\s,，。.]))",
                   re.IGNORECASE)


# "用动漫lora生成…", "use the anime lora, generate …": the LoRA said before the verb that asks for the clip
_LORA_FIRST = re.compile(_LORA.pattern + r"\s*[,，]?\s*(?:(?:and|then|to)\s+|来|去)?(?=生成|做|拍|制作|generate|make|create|film)",
                         re.IGNORECASE)


# a LoRA named by its style in Chinese ("用动漫的lora") is the settings' name for that style
_LORA_ZH = {"动漫": "anime", "2次元": "anime", "日漫": "anime", "卡通": "cartoon"}


def _lora_name(said: str) -> str:
    name = said.removesuffix("的")
    return _LORA_ZH.get(name, name)


def loras_of(clause: Clause) -> tuple[tuple[str, ...], str]:
    """The LoRAs a clause names (``NAME`` or ``NAME:SCALE``) and its text without them."""
    found = [f"{_lora_name(m.group(1))}:{m.group(2)}" if m.group(2) else _lora_name(m.group(1) or m.group(3))
             for m in _LORA.finditer(clause.unquoted())]
    return tuple(found), _LORA.sub(" ", clause.unquoted())


def add_loras(clause: Clause, state: PlanState) -> bool:
    """A clause that only names LoRAs ("..., use the anime LoRA") adds them to this message's last generation."""
    loras, rest = loras_of(clause)
    rest = re.sub(r"[\s,，。.!！]|\b(?:please|also|and|then|first)\b|请|再|先|首先|然后|就", " ", rest).strip()
    shape = aspect_of(dataclasses.replace(clause, text=rest)) if _ONLY_A_SHAPE.match(rest) else None
    if not loras or rest and shape is None:  # ("use the anime lora, 9:16": the new clip's shape, said with it)
        return False
    index = next((i for i in range(len(state.actions) - 1, -1, -1)
                  if isinstance(state.actions[i], GenerateAction)), None)
    if index is None:
        asked = Unknown(clause.unquoted(), question=ask(
            clause, f"Which clip should use the {loras[0].split(':')[0]} LoRA? Ask for it with the clip, for example: "
            f"generate a fox in the snow with the {loras[0].split(':')[0]} LoRA.",
            f"哪个片段要用 {loras[0].split(':')[0]} LoRA？请和生成一起说，例如：生成一段雪地里的狐狸，用 {loras[0].split(':')[0]} LoRA。"))
        state.actions.append(asked)
        state.loras_ahead = (asked, loras)  # "using the anime lora, generate ...": the clip said next takes them
        return True
    old = state.actions[index]
    assert isinstance(old, GenerateAction)
    state.actions[index] = dataclasses.replace(old, loras=old.loras + tuple(n for n in loras if n not in old.loras),
                                               aspect=shape or old.aspect)
    return True


_BETWEEN_NAMED_ZH = re.compile(r"(?:(?<=[在到])|^)([\u4e00-\u9fff]{1,6}?)(?:那段)?([和跟与])([\u4e00-\u9fff]{1,6}?)(?:那段)?(?=(?:的)?(?:中间|之间))")


def placement_of(clause: Clause, state: PlanState) -> tuple[ClipPlace, str | None] | None:
    """Where a new clip goes: ("end"|"start"|"before"|"after"|"replace", segment id); None when unresolved."""
    # "use my photo as the first clip", "use the beach photo as the opening, 2 seconds" ("as the opening title" is a title)
    if clause.has(r"\bas (?:the|an|my) (?:first|opening|opener|intro)(?: (?:clip|shot|one|scene|thing|image|frame))?\b"
                  r"(?! (?:title|text|card|caption|credits?|music|song|words?)\b)|" + _ZH_AS_FIRST):
        return ("start", None)
    if clause.has(r"\bas (?:the|an|my) (?:last|final|closing|closer|ending|outro)(?: (?:clip|shot|one|scene|thing|image|frame))?\b"
                  r"(?! (?:title|text|card|caption|credits?|music|song|words?)\b)|" + _ZH_AS_LAST):
        return ("end", None)
    refs = [r for r in clip_refs(clause, state) if r]
    if refs == [MISSING] and any(m.uploaded and names_upload(clause.unquoted().lower(), m) for m in state.context.media):
        refs = []  # "徒步那段视频放到最前面": the upload being placed, named as a clip it is not yet
    if not refs and clause.language == "zh":  # "在城市夜景前面", "照片放在城市前面": a clip by what it shows, no clip word
        said = re.sub(r"(?<=[在到])([\u4e00-\u9fff]{1,8}?)(?:的)?(后面|前面|之后|之前|后边|前边)", r"\1那段\2", clause.text)
        # "城市夜景后面加一段…": the clip said first, with no 在
        said = re.sub(r"^([\u4e00-\u9fff]{1,8}?)(?:的)?(后面|前面|之后|之前|后边|前边)(?=(?:再)?(?:加|添加|插|接|补|来))", r"\1那段\2", said)
        # "在城市和狗中间插一段…": between two clips named by what they show
        said = _BETWEEN_NAMED_ZH.sub(r"\1那段\2\3那段", said)
        refs = [r for r in clip_refs(dataclasses.replace(clause, text=said), state) if r and r != MISSING]
    elif clause.language == "zh" and len(refs) < 2 and _BETWEEN_NAMED_ZH.search(clause.text) is not None:
        # "城市和狗中间塞个灯塔的画面": both clips between which it goes, though only one was read as named
        both = [r for r in clip_refs(dataclasses.replace(clause, text=_BETWEEN_NAMED_ZH.sub(r"\1那段\2\3那段", clause.text)), state)
                if r and r != MISSING]
        refs = both if len(both) >= 2 else refs
    if not refs and clause.has(r"(?:(?:这个|这段|当前的?)(?:视频|片段)|(?:^|(?<=[在到]))(?:整个)?视频)(?:的)?(?:前面|后面|之前|之后|前边|后边)"):
        clips = main_clips(state.draft)  # "在这个视频前面加一段日出", "视频后面加一段…": the one clip there (with more, an end of the video)
        if len(clips) != 1:
            return ("start", None) if clause.has(r"(?:前面|之前|前边)") else ("end", None)
        refs = [clips[0].id]
    if not refs and clause.has(r"\b(?:instead|in place|in front) of the [a-z]{3,}"):  # "instead of the city": not "a clip of"
        said = re.sub(r"\b(instead|in place|in front) of the\b", r"\1 the", clause.text)
        refs = [r for r in clip_refs(dataclasses.replace(clause, text=said), state) if r and r != MISSING]
    ref = refs[0] if refs else None
    kind: ClipPlace
    if clause.has(r"\b(?:instead of|in place of|replac(?:e|ing))\b|替换|换掉|代替|取代") or (
            ref is not None and clause.has(r"把.*(?:换成|改成|变成)|^[^，,把]{1,12}?(?:段|镜头|视频)换成|^[\u4e00-\u9fff]{1,4}?换成|\b(?:swap|switch)\b.*\bfor\b|\b(?:change|turn)\b.*\b(?:into|to)\b|"
                                           r"^rather than\b")):  # "把第一个片段换成一段海滩的视频", "城市换成我拍的徒步视频"
        kind = "replace"
    elif ref in (None, MISSING) and clause.has(_BOOKEND + r"|^(?:start|begin|open|end|finish|close)\s+(?:it|the video|things)?\s*with\b"):
        # "end with a shot of ...", "open the video with a clip of ...", "start the video with my beach photo"
        return ("start", None) if clause.has(_BOOKEND_START) else ("end", None)
    elif ref in (None, MISSING) and clause.has(r"\b(?:at|on|to) the (?:very )?end\b|最后面|最后|结尾|末尾|收尾|片尾|\boutro\b|" + _AS_LAST +
                                               r"|\bafter " + _ALL_ELSE + "|" + _ALL_ZH + "(?:后面|之后|后边)"):  # "放在最后面", "after everything": not "after"
        return ("end", None)
    elif ref in (None, MISSING) and clause.has(r"\b(?:at|to) the (?:very )?(?:start|beginning|front)\b|最前面|最前|最开始|开头|开场|片头|\bintro\b|" +
                                               _AS_FIRST + r"|\b(?:in front of|before|ahead of) " + _ALL_ELSE + "|" + _ALL_ZH + "(?:前面|之前|前边)"):
        return ("start", None)  # "在最前面加一段日出", "stick the hike video in front of everything": not "before"
    elif clause.has(r"\bafter\b|后面|之后|后边|(?<![最然])后"):
        kind = "after"
    elif clause.has(r"\bbetween\b|之间|中间"):  # "between the two clips": after the first of them
        kind = "after"
        order = [c.id for c in main_clips(state.draft)]
        named = [r for r in refs if r in order]
        if len(named) >= 2:  # "狗和城市中间": after whichever of the two comes first
            ref = min(named, key=order.index)
        if ref is None and clause.has(r"\b(?:the )?(?:two|both|2)(?: (?:clips|shots))?\b|(?:两|2)(?:个片段|段)"):
            clips = main_clips(state.draft)
            ref = clips[0].id if len(clips) >= 2 else None
    elif clause.has(r"\bbefore\b|前面|之前|前边"):
        kind = "before"
    elif clause.has(r"\bat the (?:very )?(?:start|beginning|front)\b|开头|最前面|最前|开场"):
        return ("start", None)
    else:
        return ("end", None)
    if ref is None and (_says_it(clause) or clause.has(_BARE_SIDE)):
        ref = _it_clip(state)  # "after it", "right after that one", "后面接一段…": the clip just named or made
        clips = main_clips(state.draft)
        if kind == "after" and clause.has(_BARE_SIDE) and clips and ref == clips[-1].id:
            return ("end", None)  # "把hike.mp4接到后面": after the last clip is the end
        if kind == "before" and clause.has(_BARE_SIDE) and clips and ref == clips[0].id:
            return ("start", None)  # "在前面加段日出": before the first clip is the start
        pending = state.pending_generation(ref)
        opened = state.actions[pending] if pending is not None else None
        if kind == "after" and isinstance(opened, GenerateAction) and opened.placement in ("start", "before"):
            return ("end", None)  # "在前面加段日出，后面再加段日落": the other end, not right after the sunrise
    if ref is None and kind == "after" and clause.has(_AFTER_ALONE) and (clips := main_clips(state.draft)):
        ref = clips[-1].id  # "make a clip of rain and place it after": after the clips there
    if ref is None or ref == MISSING:
        return None
    return (kind, ref)


# "in front of everything", "after all the other clips": all that is there, so one end of the video
_ALL_ELSE = r"(?:everything(?: else)?|anything else|it all|all (?:of )?(?:it|the (?:other )?(?:clips|rest|footage|others))|the rest)\b"
_ALL_ZH = r"所有(?:的)?(?:片段|镜头|视频|东西|内容|画面)?(?:的)?"
# "use my photo as the first clip", "put the photo first", "make it the last shot": one end of the video
_AS_FIRST = r"\bas the (?:first|opening) (?:clip|shot|one|scene)\b|\b(?:put|place|add|insert|move) (?:[\w.]+ ){1,6}?first\b(?! \d)|" \
            r"\b(?:be|go(?:es)?|comes?) (?:the )?(?:very )?first\b"  # "the beach photo should be the very first thing"
_AS_LAST = r"\bas the (?:last|final|closing) (?:clip|shot|one|scene)\b|\b(?:put|place|add|insert|move) (?:[\w.]+ ){1,6}?last\b(?! \d)|" \
           r"\b(?:be|go(?:es)?|comes?) (?:the )?(?:very )?last\b"
# "照片放在第一个", "当成第一个画面", "最后是徒步视频": the new clip as the first or the last thing shown (not "after the first clip")
# (what follows after a pause is the clip's own: "照片放在第一个，显示四秒")
_ZH_AS_FIRST = r"(?:放|排|摆|当成?|当作|作为|做)(?:在|到|成)?第1(?:个|位)?(?:画面|镜头|片段|位置)?(?=$|[，,\s])|^先(?:放|用|接|加)"
_ZH_AS_LAST = r"(?:放|排|摆|当成?|当作|作为|做)(?:在|到|成)?最后(?:1)?(?:个|位)(?:画面|镜头|片段|位置)?(?=$|[，,\s])|" \
              r"^(?:最后|结尾)(?:是|放|接|再是)"
# a place said with no clip: "and put it after", "place it right after": after the clips there
_ZH_END_ALONE = r"^(?:然后|再)?(?:把它|它)?(?:放|接|插|加)(?:在|到)?(?:最)?(?:后面|后边|最后|前面|前边|最前面|开头|结尾)(?:吧|去|就行)?$"
_AFTER_ALONE = r"\b(?:put|place|insert|add|stick) (?:it|this|that|the new one) (?:right |just )?(?:after|afterwards|next)$"
# Chinese says the side alone when it means the clip just made or named: "后面接一段雪山", "前面加一段日出"
_BARE_SIDE = r"^(?:在|再|然后)?(?:后面|前面|之后|之前|后边|前边)|(?:放|插|接|加)(?:在|到)?(?:后面|前面|后边|前边)(?:吧|去)?(?=$|[，,\s])"
_IT = r"\b(?:after|before|instead of|replacing|replace)\s+(?:it|that|this|that one|this one)\b|(?:它|这个|这段|那段)(?:的)?(?:后面|前面|之后|之前)"


# a clause that only says where ("right after the city clip, add ...", "在狗那段后面，加一段…"): said before the request
_PLACE_ONLY = re.compile(r"^(?:(?:and|then|now|ok|so)\s+)?(?:right |just |directly )?(?:after|before|between|instead of|in place "
                         r"of|at the (?:very )?(?:start|end|beginning|front))\b[^,;.]{0,40}$|"
                         r"^(?:然后)?在[^，,。；把将]{0,10}(?:后面|前面|之间|中间|最后|开头|结尾|最前面)$")


def _without_scene(clause: Clause) -> Clause:
    """The clause without the scene it asks for, so that what the scene shows names no clip ("an intro of a sunrise over
    the city" goes first, not after the city clip)."""
    scene = _prompt(clause) if not clause.quote() else ""
    if len(scene) < 3 or scene not in clause.text:
        return clause
    return dataclasses.replace(clause, text=clause.text.replace(scene, " "))


def _with_place_said_before(clause: Clause, state: PlanState) -> Clause:
    """The clause with the place said just before it in a clause of its own, which it then answers for."""
    last = state.actions[-1] if state.actions else None
    if not isinstance(last, Unknown) or last.question or not _PLACE_ONLY.match(last.text.strip()):
        return clause
    state.actions.pop()
    return dataclasses.replace(clause, text=f"{last.text.strip()}, {clause.text}")


def _says_it(clause: Clause) -> bool:
    return clause.has(_IT)


def _it_clip(state: PlanState) -> str | None:
    """What "it" is on the timeline: the focused clip, else the last clip (the one made or added last)."""
    focus = state.focus
    if focus is not None and focus.kind == "clip" and focus.segment_id and state.draft.find_segment(focus.segment_id):
        return focus.segment_id
    clips = main_clips(state.draft)
    return clips[-1].id if clips else None


# "add a second clip after it: a dog on a beach, 4 seconds" / "生成一段竖屏视频：夜晚的东京街头": what follows the
# colon is the scene, what leads up to it is the request
_COLON = re.compile(r"^(?P<head>[^:：]*?(?:clip|video|shot|scene|footage|one|b-?roll|intro|outro|视频|片段|镜头|画面|素材|一镜到底|空镜|片头|片尾)[^:：]*?)"
                    r"(?<!\d)[:：](?!\d)\s*(?P<scene>.+)$")  # a ratio's colon ("16:9") is no scene lead


# "add another clip after it, people walking in the rain, 5 seconds": a new clip and its place, then the scene after a
# comma, as after a colon
_COMMA_SCENE = re.compile(r"^(?P<head>(?:(?:[\w':-]+\s+){1,6}?(?:clip|video|shot|scene|footage|one)s?|(?:\w+\s+)?(?:one more|another))(?:\s+(?:(?:right|just)\s+)?"
                          r"(?:(?:after|before|instead of)\s+(?:it|this|that|(?:this|that) one|the (?:[\w-]+ ){0,3}?(?:clip|shot|one|video))|"
                          r"(?:at|to|on) the (?:very )?(?:start|beginning|end|front)|between (?:the )?(?:two |both )?clips))?)"
                          r"\s*,\s*(?P<scene>(?!\d)(?!(?:(?:in|shot in|filmed in)\s+)?slow[- ]?mo(?:tion)?[.!]*$)(?:[\w'-]+\s+){2,}.+)$")


# an "of" that belongs to the scene, not to "a clip of ...": "smoke coming out of the chimney", "a cup of coffee", "a
# field of lavender" keep their words (a lookbehind per word: each is its own fixed width)
_OF_BOUND = "".join(rf"(?<!\b{w} )" for w in (
    "out", "front", "top", "side", "full", "lot", "lots", "cup", "glass", "bunch", "field", "fields", "couple", "kind",
    "sort", "piece", "made", "middle", "edge", "back", "bottom", "inside", "outside", "pair", "group", "flock", "herd",
    "pack", "swarm", "school", "row", "stack", "pile", "bowl", "plate", "slice", "cloud", "clouds", "rays", "sea",
    "ahead", "instead", "because", "smell", "sound", "plenty", "style", "shape", "painting", "drawing"))


# a plural or mass subject said with no article, then what it does: "kids running through sprinklers in the summer of 1985"
_BARE_SUBJECT = re.compile(r"^(?!(?:a|an|the|some|my|this|that|another|one|two|three)\s)(?P<subject>(?:[a-z'-]+\s+){0,2}?[a-z'-]+)\s+"
                           r"(?!(?:opening|ending|evening|morning|wedding|ceiling|clothing|painting|drawing|setting|lighting|building)\b)"
                           r"[a-z]{3,}ing\b")
# a subject that is the clip itself ("a video with shots of the coast"): the "of" is still the clip's
_CLIP_NOUN = r"\b(?:clips?|videos?|vids?|shots?|scenes?|footage|time-?lapses?|montages?|views?|close-?ups?|animations?|b-?roll)\b"


_EMPTY_BRACKETS = re.compile(r"\s*[(（\[]\s*[)）\]]")
# quoted words shown in the scene, not the scene itself: "neon sign flickering 'OPEN' in the rain", "a chalkboard that reads
# 'Welcome'", "a cake with 'Happy Birthday' written in icing", "a neon 'OPEN' sign": the scene keeps them, in their quotes
_SHOWN_WORDS = re.compile(r"\b(?:saying|says|said|reads?|reading|spelling(?: out)?|spells|showing|shows|displaying|with the "
                          r"(?:words?|text|letters|sign)|written|writing|writes|labell?ed|flickering|glowing|blinking|neon)\s+"
                          r"(?:the (?:words?|text) )?⟪\d+⟫|⟪\d+⟫\s+(?:sign|written|spelled|in (?:neon|icing|chalk|lights))\b|"
                          r"(?:写着|写的是|印着|闪着|亮着|显示着|上面写)\s*⟪\d+⟫|⟪\d+⟫(?:的)?(?:招牌|字样|灯牌)")


def _shown_in_scene(clause: Clause) -> str | None:
    """The scene with the words it shows kept in quotes, when the quoted words are only what a thing in it shows."""
    if not _SHOWN_WORDS.search(clause.text):
        return None
    marks = "「」" if clause.language == "zh" else "''"
    shown = re.sub(r"⟪(\d+)⟫", lambda m: f"{marks[0]}{clause.quotes[int(m.group(1))]}{marks[1]}", clause.text)
    return shown if _films_something(re.sub(r"'[^']*'|「[^」]*」", " ", shown)) else None


def _prompt(clause: Clause) -> str:
    quote = clause.quote()
    shown = _shown_in_scene(clause) if quote else None
    if shown is not None:  # "a sign saying 'OPEN' in the rain": the scene said around the words it shows
        clause = dataclasses.replace(clause, text=shown, quotes=())
    elif quote:
        return quote
    text = clause.unquoted()
    colon = _COLON.match(text) or (_COMMA_SCENE.match(text) if clause.language == "en" else None)
    if colon:
        text = colon.group("scene")
    # (after a colon the scene is said whole: "create a clip: a girl riding a bicycle on the streets of Hanoi")
    # ("for about 6 seconds": a length, never what it is about)
    match = re.search(r"\b" + _OF_BOUND + r"(?:of|showing(?! ')|about(?!\s+\d)|featuring|where)\s+(.+)$", text) \
        if clause.language == "en" and not (colon and re.match(r"(?:a|an|some|the|two|three)\s", text)) else None
    said = (_SUBJECT_EN.match(text) or _BARE_SUBJECT.match(text)) if match else None
    if said and match and match.start() >= said.end() and not re.search(_CLIP_NOUN, said.group("subject")):
        match = None  # "a kitten chasing a ball of yarn": an "of" after what the scene's subject does is the scene's own
    slow = None
    how = ""
    if match and not re.match(r"(?:the (?:first|second|third|last)|it\b)", match.group(1)):
        # "a slow motion shot of a hummingbird", "a cinematic drone shot of the coast": how it is filmed stays
        slow = re.search(r"\bslow[- ]?mo(?:tion)?\b", text[:match.start()])
        how = _how_filmed(text[:match.start()])
        text = match.group(1)
    for pattern in (_ZH_STRIP if clause.language == "zh" else _EN_STRIP):
        text = compiled(pattern).sub(" ", text).strip(" ,，。.:：")
        text = re.sub(r"\s{2,}", " ", text)
    # "a dog on the beach (5s)", "a city at night (neon, 6s)": the length taken out leaves its brackets and comma
    text = _EMPTY_BRACKETS.sub("", re.sub(r"[\s,，]+(?=[)）\]])", "", text))
    text = re.sub(r"\s+(?=[，,])", "", text).strip(" ,，。.:：的?？!！")
    if how and text and how not in text:
        text = f"{text}, {how}"
    return f"{text} in {slow.group(0)}" if slow and text and not re.search(r"\bslow[- ]?mo", text) else text


_ZH_NUMERALS = "[零〇一二两俩三四五六七八九十百点]+"


def _numerals_as_said(prompt: str, clause: Clause) -> str:
    """A Chinese prompt with its numbers as the user wrote them: "九份老街", "驳二的街景" are places, not 9 and 2 (the
    reading turns number words into digits for lengths and amounts); each number is found in the message by the
    characters around it."""
    if clause.language != "zh" or not re.search(r"\d", prompt) or not clause.source:
        return prompt

    def as_said(match: re.Match[str]) -> str:
        left, right = prompt[max(0, match.start() - 2):match.start()], prompt[match.end():match.end() + 2]
        said = compiled_words(f"{re.escape(left)}({_ZH_NUMERALS}){re.escape(right)}").search(clause.source)
        return said.group(1) if said and (left or right) else match.group(0)
    return re.sub(r"\d+(?:\.\d+)?", as_said, prompt)


# the words before a clip noun that say nothing of how it is filmed: lengths, shapes, order, size
_NOT_HOW = re.compile(r"^(?:a|an|another|one|more|new|fresh|some|different|second|third|fourth|fifth|next|final|closing|"
                      r"last|short|quick|little|brief|small|long|extra|nice|cool|good|great|\d+(?:\.\d+)?\S*|seconds?|"
                      r"secs?|s|-|long|vertical|horizontal|portrait|landscape|square|widescreen|hd|4k|slow|mo|motion|"
                      r"slow-mo|slow-motion|full|whole)$")


def _how_filmed(lead: str) -> str:
    """"a cinematic drone shot of": the words between the article and the clip noun that say how it is filmed."""
    noun = re.search(r"\b(?:a|an|another|more|new|some)\s+((?:[\w-]+\s+){1,4})(clip|video|shot|scene|footage)s?\s*$", lead)
    if noun is None:
        return ""
    words = [w for w in noun.group(1).split() if not _NOT_HOW.match(w)]
    if not words or re.search(EDIT_WORDS, " ".join(words)):
        return ""
    if words[-1] in ("style", "styled", "look", "looking", "themed"):  # "an anime style clip of": the style is enough
        return " ".join(words)
    return " ".join(words + ["shot" if noun.group(2) in ("clip", "video", "scene") else noun.group(2)])


# where a new clip goes, said in a clause: "at the end", "after the first clip", "放在最后", "在第一个片段后面"
_WHERE_IT_GOES = (_AFTER_ALL + r"|\b(?:right |just )?(?:after|before|instead of|in place of|replacing)\s+(?:it|this|that|(?:this|that) one|"
                  r"the (?:[\w-]+ ){0,3}?(?:clip|shot|one|video|scene|part)|clip \d+|the [a-z]+)\b|"
                  r"\bbetween (?:the )?(?:two |both |2 )?(?:clips|shots)\b|\bbetween the [a-z]+(?: (?:clip|one))? and the [a-z]+(?: (?:clip|one))?\b|"
                  r"\b(?:at|to|on) the (?:very )?(?:start|beginning|end|front)\b.*$|"
                  r"\bas the (?:first|opening|last|final|closing) (?:clip|shot|one|scene)\b|"
                  r"[，,]?\s*(?:放|插|加)?(?:在|到)?(?:最后|结尾|末尾|开头|最前面)(?:面|边)?(?:吧)?$|"
                  r"^(?:在)?(?:最后|结尾|末尾|开头|最前面)(?:面)?")



def without_place(text: str) -> str:
    """``text`` without where a new clip goes ("my photo before the city clip" -> "my photo")."""
    return re.sub(_WHERE_IT_GOES, "", text).strip(" ,，。.")


_AGAIN = r"\b(?:another one|one more|same (?:one|thing|scene|clip|shot)?|similar|like (?:that|this|the (?:[\w-]+ ){1,3}?one)|" \
         r"again)\b|[再也]来(?:1)?(?:个|段|条)|再(?:生成|整|弄|搞|做|出|换)(?:1)?(?:个|段|条)|一样的|类似的|同样的"


# a copy of an earlier clip said with nothing of its own: "跟上次一样", "和之前那个一样的", "the same as last time"
_ONLY_LIKE_BEFORE = r"(?:跟|和|同|像)?(?:上次|上一次|上回|之前|刚才|以前)(?:的|那个|那段)?(?:一样|那样|差不多)?(?:的)?|" \
                    r"(?:(?:one|another one|a clip|a video) )?(?:the )?same (?:as|like) (?:last time|before)"
_LIKE_THAT = r"\blike (?:that|this|the (?:[\w-]+ ){1,3}?one)\b|\bsame\b|\bsimilar\b|\bbut\b|一样|类似|同样|但是|不过"


# a clip said as one: "a clip of rain", "生成一段下雨的视频" (a sound's name alone, "城市前面来个嗖", is no scene)
_FILMED_THING = r"\b(?:clips?|videos?|shots?|scenes?|footage|generate|film)\b|生成|视频|镜头|画面|(?<![那这])段"  # ("狗那段后面来个掌声": 那段 names a clip)


# "make two clips out of it", "turn the video into 3 parts", "把它做成两段": the clip there cut in pieces, nothing filmed
_PIECES_OF_IT = r"\b(?:make|turn|get|cut)\b.{0,20}?\b(?:two|three|2|3) (?:separate )?(?:clips|pieces|parts|segments) " \
                r"(?:out of|from) (?:it|this|that|the (?:\w+ )?(?:clip|video|shot))\b|" \
                r"\bturn (?:it|this|that|the (?:\w+ )?(?:clip|video|shot)) into (?:two|three|2|3) (?:separate )?(?:clips|pieces|parts|segments)\b|" \
                r"(?:把|将)(?:它|这段|那段|视频|这个视频)(?:做|分|切|拆)成(?:两|三|2|3)(?:段|个|部分)"
# a prompt that is only how many clips: "三段", "两个 片", "two", "3 more" (one clip is "a clip", asked elsewhere)
_ONLY_A_COUNT = re.compile(r"(?:[两二三四五六七八九十几多]|\d+)\s*(?:段|个|条|支)?\s*(?:片|视频|短片|镜头)?"
                           r"|(?:two|three|four|five|six|several|a few|some|\d+)(?: more)?(?: (?:clips?|videos?|shots?))?",
                           re.IGNORECASE)


def _trivial(prompt: str) -> bool:
    """A prompt with nothing to show in it: "one", "more", "1段"."""
    words = [w for w in re.findall(r"[a-z]{2,}", prompt)
             if w not in _FILLER | {"one", "more", "another", "same", "those", "these", "them", "that", "this"}]
    return not words and len(re.findall(r"[\u3400-\u9fff]", prompt)) < 2


def _fade_at_the_other_end(clause: Clause, state: PlanState) -> bool:
    """"结尾也来一个", "now the end too" right after a fade: that fade at the other end (fade.py's), never a clip."""
    history = state.context.history
    return bool(history) and re.search(r"\bfad|淡入|淡出", history[-1]) is not None and clause.has(_AGAIN) and clause.has(
        r"开头|结尾|片头|片尾|\b(?:start|end|beginning|ending)\b")


def _another_of_the_last_edit(clause: Clause, state: PlanState, prompt: str) -> bool:
    """"another one at 5" right after a title was added: one more of what the last version added, not a paid clip. A
    bare "another one" / "再来一个" is a new clip only after a generation (or with no history); else it is asked."""
    history = state.context.history
    if not history or not clause.has(_AGAIN) or not _trivial(re.sub(_AGAIN, " ", prompt)) or _fade_at_the_other_end(clause, state) \
            or clause.has(r"\b(?:video|clip|shot|scene|footage|animation|movie)s?\b|段|条|片段|镜头|视频") or any(isinstance(a, GenerateAction) for a in state.actions) \
            or re.match(r"^(?:generated|生成)", history[-1], re.I):
        return False
    state.actions.append(Unknown(clause.unquoted(), question=ask(
        clause, f"Another what? The last change was: {history[-1]}. Say it in full, for example 'another title at 5 "
        "seconds', or 'one more clip like the last one'.",
        f"再来一个什么？上一步是：{history[-1]}。请说完整，例如“第5秒再加一个标题”或“再生成一段和最后一段一样的”。")))
    return True


def _regenerated(clause: Clause, state: PlanState) -> bool:
    """"再换一个，换成晚上" right after a generation: the clip made again with that change (after the music "再换一个"
    is other music; the history says which)."""
    history = state.context.history
    # ("do it again but in the rain", "same again but during the day": the clip just made, with that change)
    return bool(history) and re.match(r"^(?:generated|生成)", history[-1], re.I) is not None and \
        clause.has(r"^再换(?:1)?(?:个|段|条)，(?:换成|改成)|^(?:(?:do|make) (?:it|that|one)|(?:the )?same(?: thing| one| shot| clip)?)"
                   r"\s+again\s*,?\s+but\s+\w")


def _variation(clause: Clause, state: PlanState) -> str | None:
    """"another one", "one more like that but with rain", "再来一段，换成夜景": the clip just made (or the
    last one) again, with whatever the user changed after "but"/"with"."""
    if clause.quote():
        return None
    clips = [s for s in main_clips(state.draft) if s.meta.name]
    focused = state.draft.find_segment(state.focus.segment_id) if state.focus and state.focus.segment_id else None
    base = focused[1].meta.name if focused and focused[1].meta.name else clips[-1].meta.name if clips else None
    # "one more like the dog one", "the same city but in daylight": the clip it names
    same = re.search(r"\bsame (?:as the )?([a-z]{3,})|\blike the ([a-z]{3,})", clause.text)
    word = next((g for g in same.groups() if g), None) if same else None
    named = [c.meta.name for c in clips if word and word not in ("one", "last", "first", "clip", "shot")
             and re.search(rf"\b{word}", c.meta.name or "")]
    base = named[0] if named else base
    history = state.context.history
    # ("生成了片段「一只柯基在雪地里奔跑」", 'Generated "a dog on the beach" (5s)': the words the label quotes)
    label = re.match(r"^(?:generated|生成了?)\s*(?:(?:an? )?(?:\d+\s*s )?(?:clip|片段|视频|一段)?\s*[:：]?\s*)?['\"“「]([^'\"”」]+)['\"”」]",
                     history[-1], re.I) if history and not base else None
    base = base or (next(g for g in label.groups() if g) if label else None)  # the clip the last version made
    if not base:
        return None
    said = without_place(clause.unquoted())  # "one more at the end": a place, not a change
    # ("the same city during the day": the time said with its word)
    # ("再加一段一样的城市 白天版本": the change said after the copy, a version of it)
    change = re.search(r"\bbut\s+(.+)$|\b(?:with|at|in)\s+(.+)$|(?:但是|不过|换成|改成)(.+)$|\b((?:during|under|throughout)\s+.+)$|"
                       r"(?:一样|同样)的(?:(?!但是|不过|换成|改成)[^\s，,]){0,8}?[\s，,]+(?:要|是)?(?![\d.]+秒|[一二两三四五六七八九十]+秒)"
                       r"([^\s，,]+?)(?:的)?(?:版本|版)?$", said)
    extra = next((g for g in change.groups() if g), "").strip(" ,，。.") if change else ""
    # "i wanted it at night, regenerate the dog clip": the change said first, the request after it is no part of it
    extra = _REGENERATE_AFTER.sub("", extra).strip(" ,，。.")
    extra = re.sub(r"^(?:换成|改成|变成)", "", extra)
    if re.search(_TIME_OF_DAY + r"|白天|晚上|夜晚|夜里|夜景|黄昏|傍晚|清晨|早上|早晨|中午|日出|日落", extra):
        # "the same city during the day", "一样的城市 白天版本": the copy's own time of day gives way
        base = re.sub(r"\s*,?\s*\b(?:at|during|in|by)\s+(?:the\s+)?" + _TIME_OF_DAY, "", base).strip(" ,") or base
    return f"{base}, {extra}" if extra else base


# an upload's file name, copied from a clip on the timeline: no scene to film
_FILE_NAME = re.compile(r"\.(?:jpe?g|png|webp|gif|heic|bmp|tiff?|mp4|mov|m4v|webm|avi|mkv)$", re.I)
_TIME_OF_DAY = r"\b(?:night(?:time)?|day(?:time|light)?|dawn|dusk|sunset|sunrise|morning|evening|noon|midnight|golden hour)\b"


_ANIMATE_WORDS = (r"\b\d+:\d+\b|\b(?:where|can|could|would|should|a bit|a little|little|bit|slightly|like|come alive|come to life|want|that|moves?|"
                  r"please|can you|animate|bring|to life|make|turn|convert|into a video|move|moving|the|my|this|that|"
                  r"photo|picture|image|still|pic|i uploaded|uploaded|i sent|it|a|an|video|clip|animation|shot|of|seconds?|s|"
                  r"from|out of|based on|using|generate|create|give me|i want|i need|i'd like|for me|into|moving|animated|secs?|"
                  r"use|as|starting|start|initial|opening|frame|just|you|i|"
                  r"short|vertical|horizontal|square|portrait|landscape)\b|\d+(?:\.\d+)?(?![\d.个只条群位头匹辆片朵棵座艘架名对家段])|"
                  r"作为|当作|首帧|第1帧|起始帧|动态|那种|竖屏|横屏|方形|动图|(?:不要|不是|别|要)?[竖横方](?:屏|版|式|的|形)|(?:放|插|接|加)(?:在|到)(?:后面|前面|最后|开头|最前面)|"
                  r"请|帮我|让|把|用|拿|根据|基于|从|我上传的|上传的|我的|这张|那张|1张|照片|图片|相片|动起来|动一下|动一动|做成|变成|转成|转为|生成|制作|做|"
                  r"(?:(?:弄成|调成|搞成|整成)(?:会)?|会|(?<=做成)|(?<=变成)|(?<=转成))动(?=的|态|$)|能不能|可不可以|吗$|"
                  r"它|那个|这个|(?:我)?(?:刚|刚刚)?(?:上传|传)了(?:1)?张?|(?<!酒)吧|"
                  # (a thing counted in the scene keeps its count, and a motion its direction: "一条鱼游过来", "两个人", "海浪涌上来")
                  r"1(?:个|段|条)|(?<![\d一二两三四五六七八九十几])(?:个|段|条)|视频|秒|的|图生|(?<![上下起出进回过])来")


def _animate_prompt(clause: Clause) -> str:
    """What the user said about the motion ("...with the waves moving"), without the animate words."""
    words = re.sub(_ANIMATE_WORDS, " ", clause.unquoted())
    words = re.sub(r"^\s*再(?=\s*(?:[,，]|$))", "", words)  # "用我的照片再生成一段，…": "again" is no motion
    words = re.sub(r"\s*[,，]\s*(?=[,，]|$)|^\s*[,，]\s*", "", words)  # the commas left around words taken out
    words = re.sub(r"\s{2,}", " ", words).strip(" ,，。.")
    words = re.sub(r"^(?:with|so that|and)\s+", "", words)
    return words if len(words) >= 3 or re.fullmatch(r"[\u4e00-\u9fff]{2}", words) else ""  # "海浪": a thing that moves


# a camera move said in Chinese ("往左滑", "往前推"): a move of a clip there, or how a photo animated moves
_MOVE_ZH = r"(?:往|向|从)[左右上下前后](?:往[左右上下])?(?:滑|擦|推|移|摇|拉|平移)"
# (music someone in the scene listens to is filmed: "咖啡馆里一个人在听音乐")
# things to make that are not clips, whatever the verb ("自动生成一个封面", "生成一首电子乐当背景音乐", "给第二个片段加个
#缩小的镜头效果", "generate a thumbnail"): an edit or another area's, never a paid clip
# ("镜头慢慢往前推" pushes the camera in: how a scene is filmed, no push transition)
_NOT_A_CLIP = r"\b(?:thumbnails?|cover (?:image|photo|picture)|posters?|watermarks?|borders?|songs?|soundtracks?|music|sounds?|noises?|sfx|" \
              r"voice-?overs?|narration|subtitles?|captions?|effects?|filters?|in the background|previews?|summary|list|overview|" \
              r"examples?|menu|options|styles|progress|history|versions?|timeline|results?)\b|" \
              + r"(?!(?:往|向)(?:前推|后拉))" + _MOVE_ZH + r"|效果|特效|音效|声效|叫声|滤镜|边框|水印|封面|缩略图|海报|(?<![天上景晨昏雪雨])(?<![天上景晨昏雪雨]的)版本|(?:1|一)首|首(?:歌|曲)|歌曲|(?<!在听)(?<!着听)(?<!边听)音乐(?![会节厅家人])|配乐|电子乐|字幕|旁白|配音|口播|解说|(?:来|配|念)(?:一|1)?句(?!诗)|(?:写|编)(?:个|一个|1个|一段|1段|段|篇|一篇|点)?(?:文案|脚本|稿子|台词|简介)"


# a clip there, and a scene to put in its place said with no clip word: "replace the last clip with a cat chasing a
# laser pointer", "instead of the second clip i want a kid flying a kite", "把第一个片段换成海浪拍打礁石的镜头"
_SCENE_FOR = re.compile(
    r"^(?:(?:please|can you|could you|now|and|then|ok)\s+)*(?P<verb>replace|swap(?: out)?|switch(?: out)?|change|turn)\s+(?P<old>.+?)\s+"
    r"(?:out\s+)?(?:with|for|into|to)\s+(?P<new>(?:a|an|some)\s+.+|one (?:of|showing|with|where)\s+.+|(?!(?:the|my|your|its|this|that|these|those|it|them|one|nothing|"
    r"something|black|white|silence)\b)[a-z]+(?:\s+[a-z]+)*\s+(?:at|in|on|over|under|through|by|near|across|along|during|from)\s+.+|"
    r"(?!(?:the|my|your|its|this|that|these|those|it|them|nothing|something)\b)[a-z]+\s+[a-z]+ing\b.*|"
    r"one (?:of|showing|with|where)\s+.+)$|"  # "replace this clip with one of a forest in the fog"
    r"^(?:instead of|in place of|rather than)\s+(?P<old2>.+?),?\s+(?:i want|i'd like|i need|give me|let's have|put|use|show|"
    r"have|add)\s+(?P<new2>(?:a|an|some)\s+.+)$|"
    # ("把城市那段删了换成海边日落": the clip taken out, then what goes in its place)
    r"^(?:把)?(?P<old3>[^，,]+?)(?:(?:删了|删掉|去掉|拿掉|不要了)[，,\s]*(?:然后|再)?)?(?:换成|替换成|替换为|改成)(?:我(?:想)?要的[:：]|这样的[:：]|(?:1)?(?:个|段)?新的(?:片段|镜头|视频)?[:：，,]|[:：])?"
    r"(?P<new3>(?:1|一)(?:段|个|条|只|群|片|座|辆|位|名|对|家|棵).{2,}|.{2,}?(?:的)?(?:画面|镜头|视频)$|(?<=[:：]).{2,}|"
    # "把这段换成白天的城市", "把城市那段换成 白天的城市 车水马龙 10秒" (its items and its length after it)
    r"(?!.*(?:一点|一些|点$))[\u4e00-\u9fff]{2,6}的[\u4e00-\u9fff]{2,6}(?:[，,\s]+[\u4e00-\u9fff]{2,8})*(?:[，,\s]+\d+(?:\.\d+)?秒)?|"
    # a thing alone, with its length perhaps: "把这段换成海浪", "把这段换成海浪 同样十秒" (the thing is checked as a scene)
    r"(?P<thing>[\u4e00-\u9fff]{2,8}?)(?:[，,\s]+(?:同样|也是|还是|一样)?\s*\d+(?:\.\d+)?秒)?)$|"
    # "用下雨的森林替换城市", "拿一段海浪把狗那段换掉": the new scene first
    r"^(?:用|拿)(?P<new4>[^，,把]{2,}?)(?:(?:来)?(?:替换掉?|换掉|代替|取代))(?P<old4>[^，,]+)$|"
    r"^(?:用|拿)(?P<new5>[^，,把]{2,}?)把(?P<old5>[^，,]+?)(?:替换掉?|换掉|代替|取代)(?:掉|了|吧)*$")


# a platform's kind of video said alone: "a tiktok", "an instagram reel", "a youtube short" (a shape, never a scene)
_PLATFORM_ONLY = re.compile(r"(?:a|an)\s+(?:(?:instagram|insta|ig|youtube|yt|facebook|fb)\s+)?(?:tiktok|reel|short|story)s?"
                            r"(?:\s+(?:video|one|format|version))?(?:\s+(?:please|pls|instead|then))?")


def _scene_for_clip(clause: Clause, state: PlanState) -> tuple[str, str] | None:
    """The scene a clause puts in place of a clip it names, and that clip, when it names both (None otherwise)."""
    match = _SCENE_FOR.match(clause.text)
    if match is None:
        return None
    old = next(match.group(f"old{k}") for k in ("", "2", "3", "4", "5") if match.group(f"old{k}"))
    new = re.sub(_SAME_LENGTH, "", next(match.group(f"new{k}") for k in ("", "2", "3", "4", "5") if match.group(f"new{k}")))
    lead = re.match(r"^(?P<lead>[^:：,，]*?)\s*(?:[:：,，]|\s-+)\s*(?P<scene>.+)$", new)
    if lead and re.search(r"^(?:(?:a|an|another|some|new|fresh|different|other)\s+)*(?:one|clip|shot|video)$|"
                          r"^(?:1)?(?:个|段)?(?:新的)?$", lead.group("lead")):
        # "swap the dog clip for a new one: a cat chasing a ball of yarn" (or after a comma or a dash)
        new = lead.group("scene").strip()
    one_of = re.match(r"^(?:(?:a|an)\s+(?:[\w-]+\s+){0,3}?)?one (?:of|showing|with|where)\s+(.+)$", new)
    new = f"a {one_of.group(1)}" if one_of else new  # "with a 10 second one of the same city at dawn": that scene
    clips = main_clips(state.draft)
    if re.fullmatch(r"(?:this|that|it)(?: one)?|这|这个|这段", old.strip()) and len(clips) == 1:
        old = "this clip" if clause.language == "en" else "这段"  # "replace this with ...": the one clip there
    refs = clip_refs(dataclasses.replace(clause, text=old), state)
    focus = state.focus.segment_id if state.focus is not None and state.focus.kind == "clip" else None
    if not refs and re.fullmatch(r"(?:this|that|it)(?: one)?", old.strip()) and focus and state.draft.find_segment(focus):
        refs = [focus]  # "the city clip is boring, swap it for a clip of a market": the clip just named
    if not refs and clause.language == "zh" and re.fullmatch(r"[\u4e00-\u9fff]{1,6}", old) and (
            re.match(r"(?:1|一)段", new) or _described(new)):
        refs = clip_refs(dataclasses.replace(clause, text=f"{old}那段"), state)  # "把城市换成一段…": a clip by what it shows
    if not refs or MISSING in refs or re.search(EDIT_WORDS + "|" + _UPLOAD_WORDS + "|" + _NOT_A_CLIP, new) or _PLATFORM_ONLY.fullmatch(new.strip()) \
            or _of_the_video(new, clause.language):  # ("change it to a fade through white", "换成我拍的爬山视频")
        return None  # ("turn it into a tiktok": the video made for a platform, its shape; nothing to film)
    if re.fullmatch(r"(?:(?:the|a|an|my)\s+)?(?:photo|picture|pic|image)|(?:那张|这张|1张)?(?:照片|图片|相片)", new.strip()):
        return None  # "用照片替换掉城市那段": a photo said bare is an upload (timeline's), never a scene of "照片"
    if any(m.uploaded and m.kind in ("video", "image") and named_alone(new.lower(), m) for m in state.context.media):
        return None  # "把城市那段换成我的hike视频": an upload named by its file, never a clip to generate
    # "change the dog into a cat" is a change inside the clip (no tool for it), not a new clip in its place
    # ("把城市换成一段下雪的城市": a clip's measure word, 段, says the new thing is footage; "replace the city with a
    # forest at dawn", "把城市换成下雨的森林": a clip named by what it shows, replaced by a scene described, is a new clip)
    if not re.search(r"\b(?:clips?|shots?|scenes?|segments?|parts?|ones?|videos?)\b|\bclip \d|段|片段|镜头|视频", old) \
            and not re.match(r"(?:1|一)段", new) and not (match.group("verb") not in ("change", "turn") and _described(new)):
        return None
    if re.search(r"\b(?:one|version|copy|take)\b", new) or _vague(new):  # "with a better one": no scene
        return None
    thing = match.group("thing")
    if thing is not None:  # "把这段换成海浪": a thing a camera films, not a look, a shape or a sound ("换成竖屏", "换成原声")
        said = dataclasses.replace(clause, text=thing)
        # (the clip itself is replaced, not a thing in it: "把城市那段的天空换成晚霞" has no tool, "第二段音量改成一半" is its sound)
        if not re.search(r"(?:段|片段|镜头|视频|这个|这)$", old.strip()) or thing.endswith("的") or aspect_of(said) or color_of(thing) \
                or re.fullmatch(r"[零一二两三四五六七八九十百半倍分之成点]+", thing) or any(
                said.has(p) for p in (_ZH_QUESTION, _ZH_EDIT_NOUNS, _ZH_EDIT_VERBS, _ZH_NOT_SCENE, EDIT_KINDS, VIDEO_FORMS)):
            return None
        new = thing
    # (said as "a clip of ..." so that a scene's own "of" stays in it: "a cat chasing a ball of yarn")
    prompt = _prompt(dataclasses.replace(clause, text=f"a clip of {new}" if clause.language == "en" else new))
    return (prompt, refs[0]) if prompt else None


def _described(scene: str) -> bool:
    """Whether ``scene`` describes a scene rather than naming one thing ("a forest at dawn", "waves crashing on rocks",
    "下雨的森林", "一只在草地上跑的猫"; not "a cat", "一只猫": a thing swapped inside a clip has no tool)."""
    if re.search(r"[\u4e00-\u9fff]", scene):
        return re.search(r"[\u4e00-\u9fff]{2}的[\u4e00-\u9fff]|在[\u4e00-\u9fff]{1,8}[上里中下边]", scene) is not None
    words = [w for w in re.findall(r"[a-z]+", scene.lower()) if w not in ("a", "an", "some", "the")]
    return len(words) >= 2


# "regenerate the second clip", "remake the dog clip but at night", "把第一个片段重新生成一下", "第二段重新生成，换成白天"
_REGENERATE = r"\b(?:regenerate|re-generate|remake|re-?roll|re-?do|re-?shoot|re-?render)\b|\bgenerate (?:it|that|this|the [\w ]{1,20}?" \
              r"(?:clip|one|shot)) again\b|重新生成|重新做|重新拍|重拍|再生成一次|重新渲染"


_REGENERATE_AFTER = re.compile(r"[,，]?\s*(?:(?:and|then|so|please|pls|just|can you|could you)\s+)*(?:" + _REGENERATE + r").*$")


def _regenerate(clause: Clause, state: PlanState) -> bool:
    """A clip made again in its place: its prompt, with what the user changed ("but at night", "换成白天")."""
    if not clause.has(_REGENERATE) or (clause.has(r"\bre-?do\b") and not any(clip_refs(clause, state))
                                       and not clause.has(r"\bre-?do (?:this|that) (?:clip|shot)\b")):
        return False  # a bare "redo" is the history's
    refs = [r for r in clip_refs(clause, state) if r]
    ref = refs[0] if refs else _it_clip(state) if mentions_it(clause) or clause.has(r"重新生成(?:1)?(?:个|下|一下)?$") else None
    if ref is None or ref == MISSING:
        return False
    found = state.draft.find_segment(ref)
    base = found[1].meta.name if found else None
    if not base:
        return False
    change = re.search(r"\bbut\s+(.+)$|\b((?:with|at|in)\s+(?!the (?:first|second|third|last)\b).+)$|(?:但是|不过|换成|改成|变成)(.+)$",
                       clause.unquoted())
    extra = next((g for g in change.groups() if g), "").strip(" ,，。.") if change else ""
    # "i wanted it at night, regenerate the dog clip": the change said first, the request after it is no part of it
    extra = _REGENERATE_AFTER.sub("", extra).strip(" ,，。.")
    if not extra and clause.language == "zh":  # "这段重新生成 要晚霞的", "不对 我要的是下雨的夜晚 重新生成一下这段"
        rest = re.sub(_REGENERATE + r"|[\u4e00-\u9fff]{0,4}?[这那](?:1|一)?(?:段|个片段)|第\d+(?:个)?(?:片段|段|镜头)|(?:一下|1下)|"
                      r"^(?:不对|错了)|我?(?:想)?要的?是?|把|将|吧|了|\d+(?:\.\d+)?秒", " ", clause.unquoted())
        extra = " ".join(w for w in (w.strip("的，,。 ") for w in rest.split()) if len(w) >= 2)
    said = duration_ms(clause.text)
    length = said / 1000 if said else (found[1].end_ms - found[1].start_ms) / 1000 if found else 5.0
    state.generate(GenerateAction(prompt=f"{base}, {extra}" if extra else base, seconds=length, aspect=aspect_of(clause),
                                  placement="replace", ref_segment_id=ref))
    return True


# things put at an end that are not footage: "add an outro", "add credits at the end", "结尾加上我的logo", "最后加个定格"
_CARD = r"\b(?:intro|outro|credits|end ?cards?|end ?screens?|title cards?|thank[- ]you (?:screen|card|slide)s?|" \
        r"subscribe (?:button|screen|card)s?|call to action)\b|片头|片尾|结尾卡|关注按钮|求关注|谢谢观看的画面"
_BLACK = r"\bblack (?:screen|frames?|card)\b|黑屏|黑幕|黑场|黑色画面"
_END_STRETCH = r"(?:片头|片尾)(?:那里|部分|处)?(?:再)?(?:加|来|插|放|接|补)(?:上)?(?:1)?段(?![^，,。]*?(?:字|声|音|乐|歌|曲|旁白|配音|黑|白场|淡|转场|" \
               r"特效|动画|logo|水印|照片|图片|视频我|我的))"
_LOGO = r"\blogos?\b|\bwatermarks?\b|logo|水印"
_FREEZE = r"\bfreeze[- ]?frames?\b|\bfreeze (?:it|the (?:last )?frame)\b|定格"


def _not_footage(clause: Clause, state: PlanState) -> bool:
    """A request for something at an end that is no clip to film: a card (a title says it), a logo (an upload), a
    freeze frame (no tool): a question that says how, never a generation."""
    if clause.quote() or clause.has(EDIT_WORDS) or not clause.has(ADD + r"|\b(?:i want|i need|make|create|generate)\b|做|要|生成|来"):
        return False  # ("片头加个黑幕" is a fade)
    # "generate an intro of a sunrise", "我想要个片头 星空", "开头加一段日出的画面当片头": footage
    if clause.has(r"\b(?:of|showing|where)\b|[:：]|内容是|的(?:视频|镜头|画面)|(?:片头|片尾)(?:是|用)?(?:\s+|[，,]\s*)[\u4e00-\u9fff]{2,}"):
        return False
    # "片头加一段日出 三秒", "片尾来段烟花": a stretch (段) of something filmed at that end ("片尾加一段文字" stays words)
    if clause.has(_END_STRETCH):
        return False
    if clause.has(_CARD) and not clause.has(_BLACK):  # "片头加个黑幕" is a fade from black: the fade area's
        state.actions.append(Unknown(clause.unquoted(), understood="a card", question=ask(
            clause, "What should it say? I can put it on screen as a title, for example: add 'Thanks for watching' at the "
            "end for 2 seconds. For a clip of its own, describe the scene: generate a clip of ... at the end.",
            "上面要写什么字？我可以加成标题，例如：在结尾加上“谢谢观看”两秒。要单独一段画面的话，请描述画面：在最后生成一段……的视频。")))
        return True
    if clause.has(_LOGO):
        state.actions.append(Unknown(clause.unquoted(), understood="a logo", question=ask(
            clause, "Upload the logo as an image first (drop it on the page), then say: add my photo at the end.",
            "请先把 logo 图片上传（拖到页面上），再说：把我上传的照片加到最后。")))
        return True
    if clause.has(_FREEZE):
        state.actions.append(Unknown(clause.unquoted(), understood="a freeze frame", question=ask(
            clause, "I can't freeze a frame yet. I can slow the last clip down, fade out at the end, or add a title over it. "
            "Which would you like?", "暂时还不能定格画面。我可以让最后一段变慢、结尾淡出，或者加一个标题。要哪一个？")))
        return True
    return False


# a person of the user's own as what a new clip shows: "a clip of my grandma laughing", "make a video of my kids", "生成一段我奶奶笑的视频"
_YOURS_EN = r"(?:grand(?:ma|mother|pa|father|parents|kids?|son|daughter)|granny|nana|mom|mum|mommy|mother|dad|daddy|father|parents|" \
            r"son|daughter|kids|children|baby|wife|husband|partner|boyfriend|girlfriend|fianc[eé]e?|brother|sister|siblings|family|" \
            r"(?:best )?friends?|uncle|aunt|auntie|cousin|niece|nephew|grandchild(?:ren)?|" \
            r"dogs?|puppy|pup|doggo|cats?|kitty|kitten|pets?|horse|bunny|rabbit|parrot|hamster)"  # ("my own dog Rex": theirs too)
_SOMEONE_OF_YOURS = rf"\b(?:clip|video|shot|footage|scene|one|animation) of (?:me and )?my (?:own )?(?:little |old |new |two )?{_YOURS_EN}\b|" \
                    r"(?:生成|做|来|拍|加)(?:一|1)?(?:段|个|条)?(?:我|我的|我家|我家的|我自己的)(?:奶奶|外婆|姥姥|爷爷|外公|姥爷|妈妈|妈|爸爸|爸|老婆|老公|" \
                    r"女朋友|男朋友|儿子|女儿|孩子|宝宝|家人|朋友|哥哥|姐姐|弟弟|妹妹|狗|狗狗|小狗|猫|猫咪|小猫|宠物)"


def _someone_of_yours(clause: Clause, state: PlanState) -> bool:
    """A new clip of someone of the user's own ("a clip of my grandma laughing"): a generated clip would show a stranger,
    so it is asked (an upload of them, or the scene with anyone), never a paid clip of someone else."""
    if clause.quote() or not clause.has(_SOMEONE_OF_YOURS):
        return False
    state.actions.append(Unknown(clause.unquoted(), understood="a clip of someone you know", question=ask(
        clause, "A generated clip would show a stranger, not them. Upload a video or photo of them (drop it on the page) and "
                "I'll add it, or say who to show in general, for example: generate a clip of an old woman laughing.",
        "生成的画面里会是一个陌生人，不是他们本人。可以把他们的视频或照片上传（拖到页面上），我来加进去；或者换个说法，例如：生成一段老奶奶笑的视频。")))
    return True


def _no_lip_sync(clause: Clause, state: PlanState) -> bool:
    """A clip asked to speak in sync with a voice ("make a clip of a man talking with lip sync"): there is no lip sync,
    so it is asked (the scene without it, the words as a voice-over), never a paid clip that drops what it cannot do."""
    if not clause.has(LIP_SYNC):
        return False
    state.actions.append(Unknown(clause.unquoted(), understood="lip sync", question=ask(
        clause, "There is no lip sync here: a generated clip's mouth doesn't follow a voice-over. I can generate the scene "
                "without it (say: generate a clip of a man talking) and add the words as a voice-over (add a voice-over "
                "saying ...). Shall I?",
        "暂时不支持对口型：生成的画面里人物的嘴型不会跟着配音动。可以先生成画面（说：生成一段男人说话的视频），再用配音加上要说的话"
        "（加配音：……）。要这样做吗？")))
    return True


def _an_upload(scene: str, state: PlanState) -> bool:
    """Whether a scene's words only name an upload: its file ("the hike video") or its kind ("照片", "my photo")."""
    words = scene.strip().lower()
    return any(m.uploaded and m.kind in ("video", "image") and (named_alone(words, m) or m.kind == "image" and re.fullmatch(
        r"(?:我的|我上传的|上传的)?(?:照片|图片|相片)|(?:my |the )?(?:uploaded )?(?:photo|picture|pic|image)", words))
        for m in state.context.media)


# advice asked about a video one means to make: "我想做一个旅行vlog 有什么建议", "i want a travel vlog, any tips?" (never a clip)
_ADVICE = r"有(?:什么|啥|没有|哪些)(?:好的?)?(?:建议|推荐|想法|点子|思路|技巧)|给(?:我)?(?:点|些|一些)?(?:建议|思路|点子)|" \
          r"\bany (?:tips|ideas|suggestions|advice)\b|\bwhat (?:do|would) you (?:suggest|recommend)\b|" \
          r"\b(?:give me|got) (?:some )?(?:tips|ideas|suggestions|advice)\b"


# What no scene says, whatever else a clause holds (#14: a clip is paid for, so only what is plainly a scene is filmed;
# an edit named so on a project without that clip is asked about, never filmed): a part or a moment of the video there
# is ("the part with the dog", "dog part", "the dog one", "城市那里", "狗出现的地方", "另外一段", "第5秒那里", "at 0:04", "到第8秒就停"),
# a song or a file ("歌从45秒开始用", "那首summer用上", "summer.mp3"), a speed or a level ("at 1.5x", "降到三十五", "人声"), the
# camera said to move ("镜头慢慢推进去": the clip's camera), a fade ("a fade through white"), the user's own footage
# ("我拍的爬山视频"), a reaction to what is there ("比刚才还差", "看着好累", "错了，是右下角", "still a bit slow", "way down"), thanks
# or a step back ("就是谢啦", "退回上1步"), the whole time ("wind in background the whole time"), a zoom on nothing new ("make
# zoom in dog video slowly"; "a slow zoom in on a cup of coffee" films), or
# a verb before its object ("pixelate the faces ...": an instruction, where a scene opens with what it shows)
_PREPOSITIONS = r"in|on|at|under|over|through|across|along|near|behind|beside|inside|outside|above|below|from|into|onto|by|" \
                r"with|during|after|before|around|beneath|between|beyond|past|toward|towards|down|up|among|against|off|like|of|" \
                r"for|to|and|or|as|than|where|when|while|then|just|only|also|maybe|a|an|the|some|one|two|three|all|both"
_OF_THE_VIDEO_EN = re.compile(
    r"\b(?!(?:a|an|little|tiny|spare|body|car)\b)[a-z]+ (?:part|parts|section|portion|bit)\b|^parts? (?:with|where|of)\b|"
    r"\b(?:the )?whole time\b|\bin background\b|^(?:(?:make|do|add) )?(?:a )?(?:slow |slowly )?zoom(?:ing)?[- ](?:in|out)\b"
    r"(?! (?:on|to|into|onto|over|across|at|of|from|toward|towards|past) (?:a|an|some)\b)|(?<!like )(?<!as )(?<!of )\bthe (?:[a-z]+ )?one\b|"
    r"\b(?!(?:9:16|16:9|4:3|21:9)\b)\d{1,2}:\d\d\b|"
    r"\b(?:at|from|until|till|after|before) \d+(?:\.\d+)?\s*(?:seconds?|secs?|s)\b|\b\d+(?:\.\d+)?\s*x\b|\d\s*%|\bpercent\b|"
    r"\b[\w-]+\.(?:mp3|wav|m4a|aac|flac|mp4|mov|jpe?g|png)\b|^(?:actually|again|even|way (?:up|down|more|less|too|louder|"
    r"quieter|faster|slower))\b|\bstill (?:a bit|a little|too|way|kinda|not)\b|\b(?:a|the) (?:quick |slow |soft |short )?fade\b|"
    rf"^(?!(?:{_PREPOSITIONS})\b)(?![a-z]+ing\b)[a-z]+ (?:the|my|our|your|this|that|these|those|it|them)\b|"
    # (a remark with its article dropped: "ending feels really abrupt", "ending is so sudden"; "fog is rolling in" is a scene)
    r"^(?!(?:a|an|some|one|two|three)\b)(?:[a-z]+\s){1,2}(?:feels?|looks?|seems?|sounds?|is|are|was)\s+(?:(?:so|too|really|kinda|"
    rf"way|very|quite|pretty|super|rather|just|still|a bit|a little)\s+)*(?!(?:[a-z]+ing|{_PREPOSITIONS})\b)[a-z]+\b")
_OF_THE_VIDEO_ZH = re.compile(
    r"(?<!在)那里|那块|(?<!在)那儿|[\u4e00-\u9fff]{1,4}(?:出现|出来)的(?:地方|时候|那里|那段)|另外(?:1|一)?(?:段|个)|"
    r"(?:第|从|到|在)\d+(?:\.\d+)?秒|\d+(?:\.\d+)?秒(?:那里|那儿|处|时|的时候|开始|之后|以后|之前|以前)|"
    r"(?<![唱听哼山儿情对])歌(?![手剧舞声谣])|那首|这首|用上|\.(?:mp3|wav|m4a|aac|flac)|"
    r"\d+(?:\.\d+)?倍|[一二两三四五六七八九十点]+倍(?!数)|倍速|百分之|\d\s*%|降到|升到|"
    r"^镜头[^，,]*?(?:推进去|推进来|摇到|移到|固定|别动|不动|拉远|拉近|推近)[^，,的]{0,3}(?:$|[，,\s])|我(?:自己)?(?:刚|刚刚)?(?:拍|录|剪)的|"
    r"谢(?:啦|谢|了|咯)|多谢|^退回|^撤回|上\d步|那段|这段|(?:比|跟|和|像)(?:刚才|刚刚|之前|上次)|上一版|^比|还差|^看着|^看起来|^感觉|^错了|照样")


def _named_for_it(clause: Clause) -> bool:
    """A thing said first with "the", then an edit of "it" in the same message ("the city takes forever before anything
    happens, start it at 0:04"): the thing is what "it" means, a clip there or one asked about, never a scene."""
    if clause.language != "en" or not clause.has(r"^(?:the|this|that)\b"):
        return False
    tail = re.findall(r"[a-z']+", clause.text)[-2:]
    typed = clause.source.lower()
    said = compiled_words(r"\b" + r"\W+".join(map(re.escape, tail)) + r"\b").search(typed) if tail else None
    return said is not None and _IT_AFTER.search(typed, said.end()) is not None


# (an edit a new clip never asks of itself: "make it 10 seconds", "make it vertical" after a scene are that clip's)
# looks said together and nothing else: "日系清新风格", "复古胶片感", "韩系ins风"
_LOOK_ALONE_ZH = re.compile(r"(?:暖|冷|偏暖|偏冷|复古|黑白|老电影|电影|胶片|日系|韩系|港风|欧美|清新|小清新|高级|黑金|赛博朋克|莫兰迪|ins|怀旧|文艺|"
                            r"色调|调色|色系|风格|风|感|滤镜|的|一点|一些|[\s，,]|"
                            # a feel wished for, nothing filmed: "有那种电影感", "要有那种温馨的感觉", "想要大片的感觉"
                            r"(?:想|想要|要|希望|得)?有?(?:那种|这种|种|点儿?)?|大片|温馨|温暖|浪漫|治愈|梦幻|唯美|氛围|质感|感觉|味道|味儿|更|再)+")
_IT_AFTER = re.compile(r"\b(?:start|begin|end|stop|mute|unmute|cut|trim|delete|remove|move|swap|replace|shorten|crop|split|"
                       r"fix|drop|lose|ditch)\s+(?:it|its)\b")


def _of_the_video(text: str, language: str) -> bool:
    """Whether ``text`` (a clause or a prompt) says something of the video or the editor that no scene says."""
    return (_OF_THE_VIDEO_ZH if language == "zh" else _OF_THE_VIDEO_EN).search(text) is not None


# a question about making clips, never a request for one: "how much does it cost to make a new clip?", "生成一段要多少钱"
_ABOUT_MAKING = r"^(?:how (?:much|many|long|often))\b|\bcosts?\b|\bcredits?\b|\bpric(?:e|es|ing)\b|多少钱|收费|要钱|花钱|扣费|积分|额度|" \
                r"(?:要|需要)多久|多长时间"
# a resolution past what the video can have (a clip is made at up to 720p, the video exported at up to 1080p), said of
# the clip: "generate a dancing cat video in 4k", "生成一段4K的海浪视频"
# (said as an item of the scene's list, "sunrise over the ocean, 4k, 10 seconds", it is the prompt's word for quality)
_BEYOND_MADE = r"\b(?:in|at)\s+(?:full\s+)?(?:[248]\s?k|uhd|ultra[- ]hd|1440p?|2160p?|4320p?)\b|" \
               r"\b(?:[248]k|uhd|ultra[- ]hd|1440p|2160p)\s+(?:video|clip|footage|shot|resolution)s?\b|" \
               r"(?<![a-z\d])[248]k(?:的|视频|画质|分辨率|片段|画面|高清|吗)|(?:做到|达到|支持)[248]k|(?:用|要|拍成|做成|生成)(?:[248]k|超高清)|超高清|超清4k"


def _beyond_what_is_made(clause: Clause, state: PlanState) -> bool:
    """A clip asked for in a resolution no model here makes: the user is asked before paying for a smaller one (as a
    4K export is asked, never exported at 1080p unsaid)."""
    if not clause.has(_BEYOND_MADE) or not (clause.has(_EN_GEN) or clause.has(_ZH_GEN)):
        return False
    state.actions.append(Unknown(clause.unquoted(), understood="", question=ask(
        clause, "I can't make clips in 2K or 4K yet: a new clip is made at up to 1280x720, and the video exports at up to "
        "1080p. Shall I make it at that? Say the request again without the resolution, for example: generate a clip of "
        "waves at sunset.",
        "暂时还不能生成2K或4K的片段：新片段最高1280x720，整个视频最高导出1080p。要按这个清晰度生成吗？可以不带分辨率再说一次，"
        "例如：生成一段海边日落的视频。")))
    return True


# "一只小猫在玩毛线球，时长6秒", "帮我做个视频 一个小女孩在草地上放风筝 时长7秒": the length said with its word, no trim
_LENGTH_WORD = re.compile(r"(?:(?<=[，,])|(?<=[\u4e00-\u9fff] ))\s*(?:时长|长度)(?:为|是)?\s*(?=\d)")


# slow motion said after the place of the new clip ("..., in slow motion"): how it is filmed, kept in its prompt
_SLOW_FILMED = r"\b(?:in |shot in |filmed in )?(?P<slow>slow[- ]?mo(?:tion)?)$|,\s*(?P<slowed>slowed(?: down)?)$"


# two clips asked at once, each said after its own "one is": "生成两段视频 一段是海上日出 一段是沙漠日落", "做两个，一个是雪山，一个是草原",
# "make two clips, one of a sunrise over the sea and one of a desert sunset"
_TWO_SCENES = re.compile(r"^(?:(?:请|帮我|给我)?(?:生成|做|来|拍|整|弄|搞)(?:出)?)?2(?:段|个|条)(?:视频|片段|镜头|画面)?[，,:：\s]+"
                         r"1(?:段|个|条)(?:是|拍)?(?P<first>[^，,\s]{2,}?)[，,\s]+(?:另|第2)?(?:1)?(?:段|个|条)(?:是|拍)?(?P<second>[^，,\s]{2,})$|"
                         r"^(?:(?:please|can you|could you)\s+)?(?:generate|make|create|give me)\s+(?:2|two)\s+(?:clips|videos|shots)\s*[,:]?\s+"
                         r"one (?:of|showing|with)\s+(?P<first_en>.{3,}?),?\s+and\s+(?:the other|another|one)\s+(?:of|showing|with)\s+(?P<second_en>.{3,})$")


# a clip named as the place a new one goes, then the new one asked for ("在徒步视频后面加一段…", "照片前面插一段…")
_PLACE_THEN_NEW_ZH = re.compile(r"^(?:在)?[^，,。\s]{1,10}?(?:那段)?(?:的)?(?:后面|前面|之后|之前|后边|前边)(?=(?:再)?(?:加|接|插|补|放)(?:上|进)?"
                                r"(?:1)?(?:个|段|条)(?!(?:我的|我上传的|上传的)|[^，,。]{0,6}(?:照片|图片|相片|视频)))")


# a fixed seed said with the clip ("seed 42", "with seed 123", "种子用42", "随机种子设为8", "seed用7"): the generation's
# ``seed``, never words of its scene
_SEED = re.compile(r"(?:\s*[，,]\s*|\s+|^)(?:(?:with|using|and)\s+)?(?:(?:a|the)\s+)?(?:(?:fixed|random)\s+)?(?<![a-z])seed(?![a-z])\s*"
                   r"(?:=|:|of|is|to|at|用|是|设为|设成|设置为|改成|换成|为)?\s*(\d{1,10})(?![\d.%秒])|"
                   r"(?:\s*[，,]\s*|\s+|^)(?:用|把)?(?:随机|固定)?种子(?:数|值|号)?(?:用|是|设为|设成|设置为|设置成|改成|换成|改为|为|=|:|：)?\s*"
                   r"(\d{1,10})(?![\d.%秒])", re.I)


def _seed_of(clause: Clause) -> tuple[int | None, Clause]:
    """The seed a clause says, and the clause without it."""
    found = _SEED.search(clause.text)
    if found is None:
        return None, clause
    return int(found.group(1) or found.group(2)), dataclasses.replace(clause, text=_SEED.sub("", clause.text).strip())


def _give_seed(state: PlanState, since: int, seed: int | None) -> None:
    """The seed said, given to the clips this clause asked to generate."""
    for index in range(since, len(state.actions)) if seed is not None else ():
        old = state.actions[index]
        if isinstance(old, GenerateAction):
            state.actions[index] = dataclasses.replace(old, seed=seed)


def add_seed(clause: Clause, state: PlanState) -> bool:
    """A clause that only says a seed ("..., 种子换成99", "seed 7") gives it to this message's last generation."""
    seed, rest = _seed_of(clause)
    if seed is None or re.sub(r"[\s,，。.!！]|\b(?:please|also|and|then)\b|请|再|吧", "", rest.text):
        return False
    index = next((i for i in range(len(state.actions) - 1, -1, -1) if isinstance(state.actions[i], GenerateAction)), None)
    if index is None:
        return False
    _give_seed(state, index, seed)
    return True


# a moment of the video said by its ordinal second, with nothing filmed named: "第四秒来个鸟叫", "第5秒来个哔" (a sound at a
# time, never a clip that long)
_AT_MOMENT_ONLY = r"^(?:在)?(?:视频)?(?:的)?第\d+(?:\.\d+)?秒(?:的时候|那里|那儿|的地方|处|时)?(?:再|也)?(?:来|加|放)(?:个|一个|1个|一下|一声)?" \
                  r"(?!.*(?:生成|视频|片段|镜头|画面|一段|段))"


# a generation said not to be wanted: "我不要生成的", "别生成了 用我自己拍的", "不要生成新的" (never a paid clip)
_NOT_MADE = r"(?:不要|不用|别|不想|不需要|无需|甭)(?:再)?(?:给我)?(?:重新|新)?(?:生成|生)(?:了|的|新的?|一个|视频|片段)"


def _seeded(read: Callable[[Clause, PlanState], bool], clause: Clause, state: PlanState) -> bool:
    """``read`` on the clause less the seed it says, that seed then given to the clips read; never a generation for
    a moment alone ("第5秒来个哔") or one said not to be wanted ("我不要生成的")."""
    if clause.language == "zh" and (clause.has(_AT_MOMENT_ONLY) or clause.has(_NOT_MADE)):
        return False
    seed, clause = _seed_of(clause)
    clause = story_time_kept(clause)
    since = len(state.actions)
    done = read(clause, state)
    _give_seed(state, since, seed)
    return done


def handle(clause: Clause, state: PlanState) -> bool:
    """A clip to generate, with the seed said."""
    return _seeded(_handle, clause, state)


# seconds of a clip on the timeline, named with its clip word ("3 seconds of the dog clip")
# (one the timeline lacks is asked about, never generated: "i want 3 seconds of the dog clip" on an empty project)
_SPAN_OF_CLIP = re.compile(r"\b\d+(?:\.\d+)?\s*(?:seconds?|secs?|s) of ((?:the|this|that|my) (?:[\w-]+ ){0,3}?(?:clip|one|part|shot|footage|video|vid))\b")


# how many clips or seconds asked ("里面多少段视频", "现在几段了"): a question of the timeline, never a clip to make
_COUNT_ASKED_ZH = r"(?<![十\d])(?:多少|几)(?:段|个片段|个镜头|个视频|秒)(?:视频|片段|镜头)?(?:了|啊|呀|呢)?(?:现在|目前)?\W*$"


# "with the anime lora, make a boy riding a bike": after a LoRA said alone, a thing made is a clip to generate
_MADE_WITH_LORA = r"^(?:(?:then|and|now|please)\s+)*(?:make|create|do|render|film|shoot)\s+(?:me\s+)?(?:a|an|some|two|three)\s+[a-z]"


# a moment said for a new clip ("第5秒加一段烟花的视频", "在10秒处插入…", "at 10 seconds add a clip of …"): where it goes,
# never its length nor its scene; the clip goes at that moment's clip boundary, or the editor asks (mid-clip)
_MOMENT_ZH = re.compile(r"(?:在|从)?第\s*(?P<at>\d+(?:\.\d+)?)\s*秒(?:钟)?(?:处|的地方|的位置|那里|那儿|时|的时候)?(?:的地方)?"
                        r"|在\s*(?P<at2>\d+(?:\.\d+)?)\s*秒(?:钟)?(?:处|的地方|的位置|那里|那儿|时|的时候)")
_MOMENT_EN = re.compile(r"\b(?:right )?at (?:the )?(?P<at>\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b(?: mark)?,?")
_HEARD = r"叫|鸣|声|\b(?:sounds?|noises?|sfx)\b"  # "第四秒来个鸟叫": a sound at the moment, never a clip


def _at_moment(clause: Clause, state: PlanState) -> tuple[Clause, tuple[ClipPlace, str | None] | None] | None:
    """The clause without the moment it names for a new clip, and where that puts the clip (None: the moment is
    inside a clip, so asked); None when it names no moment."""
    found = (_MOMENT_ZH if clause.language == "zh" else _MOMENT_EN).search(clause.text)
    if found is None or clause.has(r"\b(?:from|between|until|till)\b|到第?\d|之间|至"):
        return None  # "从第3秒到第5秒…": a span of the video, not where a new clip goes
    at_ms = round(float(found.group("at") or found.group("at2")) * 1000)
    rest = dataclasses.replace(clause, text=(clause.text[:found.start()] + " " + clause.text[found.end():]).strip())
    clips = main_clips(state.draft)
    end = clips[-1].end_ms if clips else 0
    if at_ms == 0:
        return rest, ("start", None)
    if at_ms == end:
        return rest, ("end", None)
    after = next((c.id for c in clips if c.end_ms == at_ms), None)
    return rest, (("after", after) if after is not None else None)


def _handle(clause: Clause, state: PlanState) -> bool:
    if clause.language == "zh" and clause.has(_COUNT_ASKED_ZH) and not clause.has(r"生成|制作|做|拍"):
        return False
    span = _SPAN_OF_CLIP.search(clause.text) if clause.language == "en" else None
    if span is not None:
        return False  # "i want 3 seconds of the dog clip": that much of a clip there (or asked about), never a new clip of a dog
    if clause.has(_ADVICE) or other_shape(clause.text) is not None or clause.has(_ABOUT_MAKING):
        return False  # ("a 4:3 video of a sailboat": a paid clip in another shape than asked; the canvas asks which)
    if _beyond_what_is_made(clause, state):
        return True
    two = _TWO_SCENES.match(clause.text)
    if two is not None:  # each scene a clip of its own, in the order said
        for scene in (two.group("first") or two.group("first_en"), two.group("second") or two.group("second_en")):
            asked = f"生成1段{scene}" if clause.language == "zh" else f"generate a clip of {scene}"
            if not handle(dataclasses.replace(clause, text=asked), state):
                return False
        return True
    clause = dataclasses.replace(clause, text=_LENGTH_WORD.sub("", clause.text))
    last = state.actions[-1] if state.actions else None
    if isinstance(last, Unknown) and _PLACE_ONLY.match(last.text.strip()) and compiled(_SCENE_AFTER_ALL).search(
            f"{last.text.strip()}, {clause.text}"):  # "after all that, add a horse galloping ..., 5 seconds": where it goes
        state.actions.pop()
        clause = dataclasses.replace(clause, text=f"{last.text.strip()}, {clause.text}")
    first = _PLACE_FIRST.match(clause.text)
    if first is not None and compiled(_A_SCENE).match(first.group("scene")):
        clause = dataclasses.replace(clause, text=f"{first.group('lead')}{first.group('verb')} {first.group('scene')} "
                                                  f"{first.group('place')}{first.group('length')}")
    if _regenerate(clause, state) or _not_footage(clause, state) or _no_lip_sync(clause, state) or _someone_of_yours(clause, state):
        return True
    last = state.actions[-1] if state.actions else None
    # "i want that my photo moves, make it like a video": "it" is the photo just asked to move
    animate = clause.has(_ANIMATE) or (isinstance(last, GenerateAction) and last.image_src is not None and clause.has(
        r"^(?:and |then |just )?(?:make|turn|do) (?:it|that|this)(?: (?:like|into|as|in))? (?:a |an )?(?:real )?(?:video|clip|animation)$"))
    # ("照片那张做成视频 镜头慢慢往前推": the photo's own motion, no move of a clip there)
    request = re.sub(_MOVE_ZH, " ", request_part(clause.text)) if animate else request_part(clause.text)
    if re.search(_NOT_A_CLIP, request) and not clause.has(r"的(?:视频|镜头|画面|短片)$"):
        return False  # (what comes before "的视频" is the scene)
    scene_for = None if animate else _scene_for_clip(clause, state)
    if scene_for is not None and _an_upload(scene_for[0], state):
        return False  # "用照片替换掉城市那段": the upload takes the clip's place (timeline), never a clip of "照片"
    if scene_for is not None:
        kept = next((c.duration_ms for c in main_clips(state.draft) if c.id == scene_for[1]), None) \
            if clause.has(_SAME_LENGTH) else None  # "…，长度不变": as long as the clip it replaces
        state.generate(GenerateAction(prompt=_numerals_as_said(scene_for[0], clause),
                                      seconds=(duration_ms(clause.text) or kept or 5000) / 1000,
                                      aspect=aspect_of(clause), placement="replace", ref_segment_id=scene_for[1]))
        return True
    if not animate and not (clause.has(_EN_GEN) or clause.has(_ZH_GEN) or _regenerated(clause, state) or _scene_between(clause)
                            or state.loras_ahead is not None and clause.has(_MADE_WITH_LORA)):
        return False
    # "最后是徒步视频", "the hike video at the end": an upload named with no verb of making goes on the timeline
    # ("在徒步视频后面加一段山顶看日出": the upload named first is where the new scene goes, then what it shows is filmed)
    named = _PLACE_THEN_NEW_ZH.sub("", clause.unquoted().lower()) if clause.language == "zh" else clause.unquoted().lower()
    if not animate and not clause.has(r"\b(?:generate|create|make|film|shoot|render|produce)\b|生成|制作|做|拍|来(?:1)?(?:个|段|条)") \
            and any(m.uploaded and m.kind in ("video", "image") and (names_upload(named, m) or m.kind == "image"
                    and re.search(r"照片|图片|相片|\b(?:photo|picture|pic|image)\b", named)) for m in state.context.media):
        return False
    if not animate and clause.has(_NOT_GEN) and not clause.has(r"\bgenerate\b|生成"):
        return False
    # "make clip 2 the first one": an order of the clips there, not a clip to make
    if not animate and clause.has(MAKE_IT_FIRST):
        return False
    # "做成方形的视频", "make it a vertical video": the video's shape, not a clip to make
    # ("做一个竖屏视频，内容是猫咪弹钢琴" says the scene: a clip to make)
    shaped = "" if animate else _scene_after_shape(clause)
    if not animate and ASPECT_VIDEO.search(clause.text) and not clause.has(r"\bgenerate\b|生成") \
            and request_part(clause.text) == clause.text and not shaped:
        return False
    # "i want a crossfade between every clip": the words before the scene name an edit, so this is not a clip to make
    # ("open the whole thing with a drone shot of ...": the whole video is where the new clip goes, no edit of it)
    request = re.sub(r"\bthe whole (?:thing|video)\b|^整个视频", "", request_part(clause.text)) \
        if clause.has(_BOOKEND + r"|^整个视频(?:用|以)") else request_part(clause.text)
    # ("在整个视频后面加一段烟花": the whole video is where the new clip goes, no edit of it)
    request = re.sub(r"(?:整个|全部的?)视频(?=(?:的)?(?:前面|后面|之前|之后|前边|后边|最后|结尾|末尾|开头|最前面|最开始))", "", request)
    # ("在两段之间加一段海边的灯塔": the place between the clips is where the new one goes, no transition)
    request = re.sub(r"^在?(?:两|2|这两|这2)(?:段|个片段)(?:的)?(?:中间|之间)(?=(?:再)?(?:加|添加|插|补|接|来)(?:上)?(?:1)?(?:段|个|条))", "", request)
    after_all = clause.has(_SCENE_AFTER_ALL)
    if after_all:  # "add a cat on a sofa after everything": where the new clip goes, no edit of everything
        request = re.sub(_AFTER_ALL, " ", request)
    if not animate and re.search(EDIT_WORDS, _LOOK_ITEM.sub(" ", re.sub(_CUT_IN_SCENE, " ", request))) \
            and not clause.has(r"\bgenerate\b|生成"):
        return False
    # "i want the video to be shorter", "make this clip nicer": a clip already there, not a new one
    if not animate and clause.language == "en" and not clause.has(r"\bgenerate\b") and not shaped \
            and _only_existing(dataclasses.replace(clause, text=re.sub(  # "... after this one, 5 seconds": a place, no clip noun
                r"\b(?:right |just )?(?:after|before) (?:this|that|it)(?: one)?\b" + ("|" + _AFTER_ALL if after_all else "")
                + (r"|\b(?:right |just )?(?:after|before) (?:(?:this|that|it)(?: clip| shot)?|the (?:[\w-]+ ){1,2}?(?:clip|one|shot)|clip \d+)"
                   if clause.has(_SCENE_PLACED) else "")
                + (r"|\bbetween\b[^,]*" if _scene_between(clause) else ""),  # "... between the two clips": a place
                " ", clause.text))) \
            and not clause.has(r"^(?:(?:give me|make|add|generate|i want|now)\s+)?(?:one more|another|(?:the )?same as)\b"):
        # ("same as the city one but ...", "one more like the dog one": a new one)
        return False
    if not animate and clause.has(_PIECES_OF_IT):  # "make two clips out of it at 4 seconds": a split (the timeline's)
        return False
    if not animate and _edit_not_scene(clause, state):  # "做个卡点视频", "generate a beat sync video": an edit, no scene
        return True
    moment = None if animate else _at_moment(clause, state)
    if moment is not None:
        if not clause.has(_FILMED_THING) and (names_sound(moment[0].text) or moment[0].has(_HEARD)):
            return False  # "第四秒来个鸟叫": a sound (the sound area's), never a clip
        if moment[1] is None:
            state.actions.append(Unknown(clause.unquoted(), question=ask(
                clause, "That moment is in the middle of a clip. Should the new clip go before or after that clip? "
                "For example: after the first clip.",
                "那个时间点在一个片段中间。新片段要放在那个片段前面还是后面？例如：放在第一个片段后面。")))
            return True
        clause = moment[0]
    seconds = (duration_ms(re.sub(r"(\d) more (?=sec|s\b)", r"\1 ", clause.text)) or 5000) / 1000  # "4 more seconds"
    clause = _with_place_said_before(clause, state)
    scene_last = compiled(_SCENE_AFTER_ALL).search(clause.text) if after_all and not animate else None
    if scene_last:  # "after the video add a dog swimming in a lake": the scene, after the whole video
        clause = dataclasses.replace(clause, text=f"a clip of {scene_last.group('after_scene') or scene_last.group('after_scene2')}")
    placement = ("end", None) if scene_last else moment[1] if moment is not None else placement_of(clause if animate else _without_scene(clause), state)
    if placement is None:
        count = len(main_clips(state.draft))
        state.actions.append(Unknown(clause.unquoted(), question=ask(
            clause, f"Which clip should the new one go next to? The video has {count} clip(s); for example: after "
            "the first clip.", f"新片段要放在哪个片段旁边？视频有 {count} 个片段，例如：放在第一个片段后面。")))
        return True
    if not animate and clause.has(_PHOTO_AND_VIDEO) and any(m.uploaded and m.kind == "video" for m in state.context.media):
        return False  # "照片和视频做个合集", "照片+视频的合集": the uploads put together, no photo animated
    if not animate and clause.has(_PHOTO_AND_VIDEO):  # (no video uploaded: above, the uploads are put together)
        state.actions.append(Unknown(clause.unquoted(), question=ask(  # "生成一段照片和视频的合集" with nothing uploaded
            clause, "There are no uploaded videos to put together with the photos yet: drop them on the page "
            "first, then say 'put them together'.", "还没有上传要放在一起的视频：请先把照片和视频拖到页面上，再说“把它们拼在一起”。")))
        return True
    image = find_media(clause, state, ("image",)) if animate or clause.has(r"\b(?:photo|picture|image)\b|照片|图片") else None
    if animate and image is None:
        state.actions.append(Unknown(clause.unquoted(), question=ask(
            clause, "There is no photo to animate yet: upload one first (drop it on the page), then say "
            "'animate the photo'.", "还没有可以动起来的照片：请先上传一张照片，再说“让照片动起来”。")))
        return True
    varied: str | None = None  # a prompt copied from a clip there ("another one"), not said now
    if animate:
        name = image.name.lower() if image else ""
        stem = re.sub(r"\.\w+$", "", name)  # "my beach picture" for beach.jpg: its name, no scene
        prompt = clause.quote() or re.sub(rf"\b{re.escape(stem)}\b" if stem else "$^", "", _animate_prompt(clause).replace(name, "")) \
            .strip(" ,，。.") or name
    else:
        prompt = _prompt(clause) if not shaped else _prompt(dataclasses.replace(
            clause, text=f"a clip of {shaped}" if clause.language == "en" else shaped))
        if _ONLY_A_COUNT.fullmatch(prompt.strip()):  # "生成三段视频", "make two videos": a count of clips is no scene
            state.actions.append(Unknown(clause.unquoted(), question=ask(
                clause, "What should each clip show? Say them one by one, for example: generate a clip of waves at "
                "sunset, then a clip of a city at night.",
                "每段视频要拍什么？请分别说出来，例如：生成一段海边日落，再生成一段城市夜景。")))
            return True
        if _another_of_the_last_edit(clause, state, prompt):
            return True
        if _fade_at_the_other_end(clause, state):
            return False
        # "one more, with snow", "再来一个，换成晚上": the last clip again, with that change
        # ("a clip of the sun setting over the same skyline": "same" inside the scene is no copy of a clip)
        # ("another one, a car driving through the same city": "same" inside the scene said after a comma is the scene's)
        said_scene = prompt if "," in clause.text and prompt in clause.text and len(prompt.split()) >= 3 else ""
        like_that = re.search(_LIKE_THAT, clause.text.replace(said_scene, " ") if said_scene else clause.text)
        if re.search(_AGAIN, request_part(clause.text)) and (_trivial(re.sub(_AGAIN, " ", prompt)) or like_that
                                   or clause.has(r"^(?:one more|another one)\b.*\bwith\b|^再(?:来|生成|换)(?:1)?(?:个|段|条)，(?:换成|改成)")):
            varied = _variation(clause, state)
            copied = varied.split(", ")[0].strip() if varied else ""
            if _FILE_NAME.search(copied):
                # "another one" after beach.jpg went on the timeline: a file's name is no scene to film, and which is
                # meant (the photo once more, or a clip animated from it) is asked, never a paid guess
                state.actions.append(Unknown(clause.unquoted(), question=ask(
                    clause, f"Another what? The last clip is your upload {copied}. Say 'add {copied} again' for the same "
                    f"picture once more, or 'animate {copied}' for a moving clip made from it.",
                    f"再来一个什么？最后一段是你上传的 {copied}。要再放一次这张，就说“再加一次{copied}”；"
                    f"要用它生成一段动起来的视频，就说“把{copied}做成动态视频”。")))
                return True
            # "做一个跟上次一样的" with nothing made before: nothing to copy, asked what it shows (never a clip of the words)
            prompt = varied or ("" if re.fullmatch(_ONLY_LIKE_BEFORE, prompt.strip()) else prompt)
    if not animate and re.search(_UPLOAD_WORDS, prompt):  # "a video from my photos": the uploads, not a scene
        return False
    if not animate and re.fullmatch(_ONLY_A_CLIP, prompt.strip()):
        # "make another clip the last one", "再生成一个最后那个": a clip there, no scene (a clip like it? a move?)
        state.actions.append(Unknown(clause.unquoted(), question=ask(
            clause, "What should the new clip show? To make one like the last clip, say 'one more like the last one'; "
            "to put a clip last, say 'move the first clip to the end'.",
            "新片段要拍什么？要和最后一个片段一样，可以说“再来一段一样的”；要调整顺序，可以说“把第一个片段移到最后”。")))
        return True
    if not animate and (_vague(prompt) and not clause.has(_AGAIN) or not clause.quote() and not _films_something(prompt)):
        prompt = ""  # "a better one", "can you make me a video" ("me a"): nothing to film, asked what it shows
    if not animate and not re.sub(r"\b(?:an?|the|one|ones|clip|video|shot|please|pls)\b|[\s,，。.!！的个一吧呢啊呀吗]", "", without_colors(prompt)):
        prompt = ""  # "生成一个蓝色的", "generate a blue one": a colour is no scene
    if not animate and not clause.quote() and names_sound(prompt) and not clause.has(_FILMED_THING) and \
            len(re.sub(r"(?:的)?(?:一声|声音?|音效)|\b(?:sound|sfx|effect)s?\b|[\s,，。.!！的个一吧]", "", prompt)) <= 3:
        return False  # "城市前面来个嗖", "狗出现之前来个叮": a sound's name is no scene to film (the sound area's)
    if not prompt and not animate:
        state.actions.append(Unknown(clause.unquoted(), question=ask(
            clause, f"What should the {seconds:g} s clip show? For example: a {seconds:g} second clip of waves at "
            "sunset.", f"这段 {seconds:g} 秒的视频要拍什么？例如：生成一段{seconds:g}秒的海边日落。")))
        return True
    loras, _ = loras_of(clause)
    lora_for = re.search(_LORA_FOR, clause.text)
    if loras and lora_for and not animate:  # "use the noir lora for a detective in the rain": the scene after "for"
        prompt = _prompt(dataclasses.replace(clause, text="a clip of a " + lora_for.group("scene"))) or prompt
    if loras:  # the LoRA words are not part of the picture
        prompt = re.sub(r"\s{2,}", " ", _LORA.sub(" ", prompt)).strip(" ,，。.") or prompt
        if _LORA_FIRST.match(clause.text):  # "用动漫lora生成一个女孩在海边": the scene after the verb the LoRA comes before
            prompt = _prompt(dataclasses.replace(clause, text=_LORA_FIRST.sub("", clause.text, count=1))) or prompt
    slow = None if animate or re.search(r"\bslow", prompt) else re.search(_SLOW_FILMED, clause.text)
    if slow:  # "generate a clip of a waterfall after the dog clip, in slow motion": how it is filmed, as said
        prompt = f"{prompt} in {slow.group('slow') or 'slow motion'}"  # ", slowed down": filmed so
    if not animate and not varied and _of_the_video(prompt, clause.language):  # "城市那段加个往左摇的镜头" with no city clip: asked
        return False
    action = GenerateAction(prompt=_numerals_as_said(prompt, clause), seconds=seconds, aspect=aspect_of(clause),
                            placement=placement[0], ref_segment_id=placement[1],
                            image_src=image.src if image else None, loras=loras)
    last = state.actions[-1] if state.actions else None
    if animate and image and isinstance(last, GenerateAction) and last.image_src == image.src \
            and not clause.has(r"\b(?:again|another|one more)\b|再"):
        # "use the uploaded photo as the starting frame and bring it to life, 6 sec": one clip from that photo
        said = duration_ms(clause.text)
        state.replace_generation(len(state.actions) - 1, dataclasses.replace(
            last, seconds=said / 1000 if said else last.seconds,
            prompt=prompt if prompt != image.name.lower() else last.prompt))
        return True
    state.generate(action)
    return True


# "做个十秒的竖屏视频 一个女孩在雨中撑伞走", "我想做个B站的横屏视频，雪山日出", "make a 10 second vertical video, a girl
# walking in the rain": a new video of a shape, then (after a pause) what it shows
_SHAPED_NEW = re.compile(r"(?:做|整|弄|搞|来|要|出)(?:1)?(?:个|段|条)[^，,。；\s]{0,8}?(?:竖屏|横屏|竖版|横版|方形|正方形)的?(?:视频|片子)"
                         r"[，,。；\s]+(?P<zh>.+)$|"
                         r"\b(?:make|create|want|need|give me|do)\b(?: me)? (?:a|an) (?:[\w-]+ ){0,3}?(?:vertical|square|landscape|portrait|"
                         r"horizontal|widescreen)(?: [\w-]+)? (?:video|clip)(?: for (?:[\w-]+ )?[\w-]+)?\s*[,:;-]+\s*(?P<en>.+)$")


def _scene_after_shape(clause: Clause) -> str:
    """The scene said after a request for a new video of a shape ("做个竖屏视频 一个女孩在雨中撑伞走"): a clip to make,
    not the canvas ("做成方形的视频" changes the shape); "" when none is said."""
    match = _SHAPED_NEW.search(clause.text)
    if match is None:
        return ""
    said = match.group("zh") or match.group("en")
    scene = re.sub(r"(?:^|[，,。；\s]+)(?:for |lasting |about )?\d+(?:\.\d+)?\s*(?:秒|分钟|seconds?|secs?|s\b)(?:钟|左右|长| long)?"
                   r"(?=$|[，,。；\s])", "", said).strip(" ，,。；")
    if re.search(EDIT_WORDS, scene) or (len(re.findall(r"[\u4e00-\u9fff]", scene)) < 3
                                        and len(re.findall(r"[a-z]{3,}", scene)) < 2):
        return ""
    return scene


# a prompt that only names a clip there: "the last one", "that clip", "最后那个", "第1个片段"
_ONLY_A_CLIP = r"(?:(?:the|that|this|those|these)\s+)?(?:(?:first|second|third|last|final|previous|next|other|same|\d+(?:st|nd|rd|th))\s+)?" \
               r"(?:one|clip|shot|video|scene)s?|it|that|this|" \
               r"(?:最后|第\d+|上|前|刚才|前面|后面)?(?:那|这)?(?:1)?(?:个|段|条)?(?:片段|镜头|视频)?(?<!^)"
_NOUN = re.compile(r"\b(?:video|clip|shot|scene|footage|animation|movie|one)s?\b")
_INDEFINITE = {"a", "an", "another", "new", "more", "some", "second", "third", "extra"}
_DEFINITE = {"the", "this", "that", "my", "its", "our", "your", "current", "same", "whole", "entire"}
# what a prompt made only of these would show: nothing ("a better one", "to be shorter")
_VAGUE = {"better", "nicer", "good", "great", "best", "different", "new", "another", "one", "more", "less", "to", "be",
          "viral", "trending", "catchy", "engaging",
          "shorter", "longer", "louder", "quieter", "bigger", "smaller", "faster", "slower", "version", "please",
          "again", "other", "it", "this", "that", "something", "cool", "nice", "pretty", "beautiful", "awesome", "looking"}


# what a video is wished to have, with no scene in it ("the video needs something fun", "more energy")
_MOOD = {"fun", "funny", "funnier", "energy", "energetic", "excitement", "exciting", "interest", "interesting", "life",
         "lively", "spice", "punch", "oomph", "pop", "vibe", "vibes", "drama", "dramatic", "magic", "flair", "personality",
         "character", "soul", "spark", "zing", "zest", "wow", "else", "special", "fresh", "pace", "momentum", "impact",
         "emotion", "feeling", "tension", "extra", "bit", "little", "lot"}


_SHAPES = {"vertical", "square", "landscape", "portrait", "horizontal", "widescreen", "upright"}


def _only_existing(clause: Clause) -> bool:
    """Every clip noun in the request names one already there ("the video", "this clip"), none a new one."""
    request = request_part(clause.text)
    nouns = list(_NOUN.finditer(request))
    if not nouns:
        return False
    for noun in nouns:
        before = request[:noun.start()].split()[-2:]
        # "i want a landscape video for youtube": the video's shape, unless a scene follows ("a vertical video of a cat")
        if before and before[-1] in _SHAPES and not re.match(r"(?:\s+for (?:[\w-]+ )?[\w-]+)?\s+(?:of|showing|about|featuring|where|with)\b",
                                                             clause.text[noun.end():]):
            continue
        if re.match(r"\s*#?\d+\b(?!\s*(?:seconds?|secs?|s\b))", request[noun.end():]):  # "make clip 2 3 seconds long"
            continue
        kinds = [w for w in reversed(before) if w in _DEFINITE or w in _INDEFINITE]
        # ("the second clip" is one there, "a second clip" a new one)
        if not kinds or kinds[0] in _INDEFINITE and not (len(kinds) > 1 and kinds[1] in _DEFINITE):
            return False
    return True


def _vague(prompt: str) -> bool:
    """A prompt with no scene in it, only words about quality or size: "better one", "to be shorter"."""
    if re.fullmatch(r"(?:(?:浅|深|淡|亮|暗)?[红白黑黄蓝绿橙橘紫粉灰金银青]色?的?|[a-z]+ (?:one|colou?r))", prompt.strip()) \
            and (color_of(prompt) or color_of(prompt.strip("的") + "色")):
        return True  # "生成一个蓝色的", "make a blue one": a colour, no scene
    words = [w for w in re.findall(r"[a-z]+", prompt.lower()) if w not in _FILLER]
    return bool(words) and all(w in _VAGUE for w in words) and not re.search(r"[\u3400-\u9fff]", prompt)


_ONLY_A_LENGTH = re.compile(r"^(?:(?:slow(?:[- ]?mo(?:tion)?)?|in slow[- ]?mo(?:tion)?)[\s,]+)?"  # "..., slow, 10 sec": how it is filmed
                           r"(?:(?:maybe|about|around|roughly|like|make it|for|and|lasting|please|ok|so|just)\s+)*"
                           r"\d+(?:\.\d+)?\s*(?:seconds?|secs?|s|minutes?|mins?)(?:\s+(?:long|please|or so))*"
                           # "8 seconds would be great, thanks", "5秒就好": the length, said with a word of approval
                           r"(?:[\s,.!]*(?:would be (?:great|nice|good|perfect|ideal|fine|enough)|(?:is|are|sounds|should be) (?:fine|enough|good|"
                           r"great|plenty|perfect|ok|okay)|should do|works|is all i need|thanks?(?: you)?|thx|ty|please|pls|"
                           r"(?:if|when) (?:you|u) can))*$|"
                           r"^(?:也是|也|都是)?(?:大概|大约|差不多|时长|长度)?\d+(?:\.\d+)?(?:秒|分钟)(?:钟)?(?:左右|上下|吧|长)?"
                           r"(?:就好|就行|就够了?|就可以了?|够了|可以了?|吧|谢谢|哈)*$")


def _length_of_pending(clause: Clause, state: PlanState) -> bool:
    """"make a clip of a lighthouse? half a minute": a length said on its own right after a generation is its length."""
    if not _ONLY_A_LENGTH.match(clause.text.strip(" ,，。.!?？")) or not state.actions:
        return False
    old = state.actions[-1]
    said = duration_ms(clause.text)
    if not isinstance(old, GenerateAction) or not said:
        return False
    slow = re.match(r"^(?:in )?slow", clause.text) and not re.search(r"\bslow", old.prompt)
    state.replace_generation(len(state.actions) - 1, dataclasses.replace(
        old, seconds=said / 1000, prompt=f"{old.prompt} in slow motion" if slow else old.prompt))
    return True


def _change_of_pending(clause: Clause, state: PlanState) -> bool:
    """"第二段重新生成，换成白天", "regenerate it, but at night": what changes in the scene just asked for."""
    change = re.match(r"^(?:但是|不过)?(?:换成|改成|变成)(?!.*(?:竖屏|横屏|方形|\d))(.{2,})$|^but (?:make it |set it )?(.+)$", clause.text)
    old = state.actions[-1] if state.actions else None
    if change is None or not isinstance(old, GenerateAction) or old.image_src or clause.has(EDIT_WORDS) \
            or aspect_of(clause) or duration_ms(clause.text):
        return False
    extra = next(g for g in change.groups() if g).strip(" ,，。.")
    state.replace_generation(len(state.actions) - 1, dataclasses.replace(old, prompt=f"{old.prompt}, {extra}"))
    return True


_ONLY_A_SHAPE = re.compile(r"^(?:(?:给我|帮我)?(?:来|要|做|弄|整|搞|出)?(?:1)?(?:个|段|条)|给我|要|是|做成|用|(?:make|have) it|in|as|"
                           r"(?:give me|i want) (?=an? (?:vertical|horizontal|square|portrait|landscape) one))?\s*(?:an? )?(?:竖屏|横屏|方形|竖版|横版|方的|竖的|横的|vertical|horizontal|square|"
                           r"portrait|landscape|(?:9|16|1|4|3|21)\s*[:：x]\s*(?:16|9|1|5|3|4)(?: ratio| aspect(?: ratio)?)?)(?:的|吧|的吧| format| please| one| video)?"
                           r"(?:[\s,，]*(?:and )?(?:about|around|roughly|like|大概|大约)?\s*\d+(?:\.\d+)?\s*(?:秒|s|secs?|seconds?)(?: long)?)?$")


# "a slow pan across a desk, 6s, then make it vertical", "…，然后做成方形": a step after the clip is made, the video's shape
# (the canvas), never how the clip is filmed
_THEN_MADE = re.compile(r"\bthen,?\s+(?:make|have|turn|set|change)\s+(?:it|the (?:whole )?(?:video|thing))\s+(?:to\s+|into\s+)?(?:a\s+)?"
                        r"(?:vertical|horizontal|square|portrait|landscape)\b|然后(?:再)?(?:做成|弄成|改成|调成|变成)", re.IGNORECASE)


def _shape_of_pending(clause: Clause, state: PlanState) -> bool:
    """"来个十五秒的延时摄影 城市车流 横屏": a shape said on its own right after a generation is its shape."""
    old = state.actions[-1] if state.actions else None
    shape = aspect_of(clause)
    if not _ONLY_A_SHAPE.match(clause.text.strip(" ,，。.")) or not isinstance(old, GenerateAction) or shape is None \
            or _THEN_MADE.search(clause.source):
        return False
    said = duration_ms(clause.text)  # "… 竖屏 五秒": its length too
    state.replace_generation(len(state.actions) - 1, dataclasses.replace(
        old, aspect=shape, seconds=said / 1000 if said else old.seconds))
    return True


# what moves in a photo being animated, said after it: "make the water ripple", "让海浪动起来", "让云慢慢飘"
_MOTION_OF_PHOTO = re.compile(r"^(?:and |then )?(?:make|let|have) (?:the |its )?(?P<en>(?:[\w-]+ ){0,3}?[\w-]+ (?:move|ripple|sway|flow|"
                              r"drift|wave|float|fly|blow|shimmer|sparkle|flicker|swirl|rustle|roll|crash|fall|rise|spin|turn|glow)s?"
                              r"(?: [\w-]+){0,3}?)(?:,\s*(?:vertical|square|landscape|portrait|horizontal))?$|"
                              # "can the beach photo move? like a slow zoom": the camera's move, said as how the photo moves
                              r"^(?:and |then )?(?:like|with|maybe|something like|kind of like|kinda like)\s+(?P<cam>(?:a |an )?(?:(?:slow|gentle|subtle|"
                              r"little|small|soft|smooth)\s+)*(?:zoom(?: in| out)?|pan(?: left| right| across)?|push[- ]in|pull[- ]back|ken burns|"
                              r"parallax)(?: effect)?)$|"
                              r"^让(?P<zh>[^，,。]{1,12}?(?:动|飘|流|摇|晃|闪|飞|落|转|起伏)[^，,。]{0,4}?)(?:[，,]\s*(?:竖屏|横屏|方形|方的|竖的|横的))?$")


def _motion_of_photo(clause: Clause, state: PlanState) -> bool:
    old = state.actions[-1] if state.actions else None
    said = _MOTION_OF_PHOTO.match(clause.text)
    if said is None or not isinstance(old, GenerateAction) or old.image_src is None or clause.has(EDIT_WORDS) \
            or re.search(r"\b(?:it|video|clip|title|text|music|camera)\b|视频|画面|标题|字幕|音乐|镜头|它", clause.text):
        return False
    motion = said.group("en") or said.group("cam") or said.group("zh")
    motion = re.sub(r"^(?:a|an) ", "", motion)
    prompt = motion if not old.prompt or old.prompt.endswith((".jpg", ".jpeg", ".png", ".webp", ".heic")) else f"{old.prompt}, {motion}"
    state.replace_generation(len(state.actions) - 1, dataclasses.replace(old, prompt=prompt, aspect=aspect_of(clause) or old.aspect))
    return True


# slow motion said alone as the last item of a scene: "a hummingbird drinking from a red flower, slow motion"
_ONLY_SLOW = re.compile(r"^(?:and |with |in |shot in )?(?:(?:super|very|extra|really|nice and) )?slow(?:[- ]?mo(?:tion)?|ly)?(?: please| pls)?$")


def _slow_of_pending(clause: Clause, state: PlanState) -> bool:
    """Slow motion said on its own right after a generation in the same message: how that clip is filmed, no speed."""
    old = state.actions[-1] if state.actions else None
    if not _ONLY_SLOW.match(clause.text.strip(" ,.!")) or not isinstance(old, GenerateAction) or old.image_src:
        return False
    if not re.search(r"\bslow", old.prompt):
        state.replace_generation(len(state.actions) - 1, dataclasses.replace(old, prompt=f"{old.prompt} in slow motion"))
    return True


def replace_pending(clause: Clause, state: PlanState) -> bool:
    """"put it after the first clip" right after a generation in the same message re-places that generation."""
    if _length_of_pending(clause, state) or _change_of_pending(clause, state) or _shape_of_pending(clause, state) \
            or _slow_of_pending(clause, state) or _motion_of_photo(clause, state):
        return True
    # ("把照片动起来，加在最后": "加在/加到" with a place is where the new clip goes, never something more to add)
    leading = clause.has(r"^(?:put|place|insert|move|use) (?:it|this|that)\b|^(?:放|插入|插|移|接)(?:到|在)?|^把它|^(?:用它|拿它)|"
                         r"^(?:就|再)?加(?:到|在)(?=[^，,]{0,8}?(?:最前|最后|开头|结尾|末尾|片头|片尾|前面|后面|前边|后边|之前|之后))")
    if not ((mentions_it(clause) or leading) and state.focus and state.focus.kind == "clip"):
        return False
    index = state.pending_generation(state.focus.segment_id)
    if index is None or not clause.has(r"\b(?:put|place|insert|move|add|use)\b|放|插|移|加|替换|换掉|代替"):
        return False
    others = [seg.id for seg in main_clips(state.draft) if seg.id != state.focus.segment_id]
    # "... and put it after": after the clips there (not after itself)
    placement = ("after", others[-1]) if others and clause.has(_AFTER_ALONE) else placement_of(clause, state)
    if placement is None and clause.has(_ZH_END_ALONE):  # "加一段…的延时摄影 10秒 放后面": where it goes, said alone
        placement = ("start", None) if clause.has(r"前") else ("end", None)
    if placement is None or placement[0] == "end" and not clause.has(r"\bend\b|最后|结尾|后面|后边"):
        return False
    if placement[1] == state.focus.segment_id and len(others) == 1 and clause.has(
            r"\b(?:this|that) (?:one|clip|shot)\b|这段|这个片段|原来的"):  # "put it before this one": the clip there
        placement = (placement[0], others[0])
    elif placement[1] == state.focus.segment_id:  # "来一段烟花，放在最后一段后面": the last one there is itself, at the end
        placement = ("end", None)
    old = state.actions[index]
    assert isinstance(old, GenerateAction)
    said = duration_ms(clause.text)  # "…，放在城市后面，6秒": its length said with its place
    prompt = old.prompt
    scene = re.search(r"[:：]\s*(?P<scene>.+)$", clause.unquoted())
    if scene and not re.search(EDIT_WORDS, scene.group("scene")):  # "再生成一段，放在这段前面：城市的早晨": its scene said after
        prompt = _prompt(dataclasses.replace(clause, text=scene.group("scene"))) or prompt
        prompt = prompt if _films_something(prompt) else old.prompt
    state.replace_generation(index, GenerateAction(
        prompt=prompt, seconds=said / 1000 if said else old.seconds, aspect=old.aspect, placement=placement[0],
        ref_segment_id=placement[1], image_src=old.image_src, seed=old.seed, loras=old.loras))
    return True


# questions, greetings and sentences about oneself or the video ("i want a vertical version") are not scenes
_EN_QUESTION = (r"^(?:what|how|why|can|could|is|are|do|does|did|will|would|should|who|where|when|which|hi|hello|hey|"
                r"thanks?|ok(?:ay)?|yes|no|i|i'm|i'd|i've|we|we're|let's|let|you|my|our|it's|its|this|that|there|"
                r"the (?:video|clip|music|title|song|timeline))\b|\b(?:can|could|would|will) (?:you|u)\b|\?$")
_EN_EDIT_NOUNS = (r"\b(?:louder|quieter|softer|bigger|smaller|larger|faster|slower|shorter|longer|brighter|darker|"
                  r"again|instead|too|more|less|looks?|great|good|nice|perfect|cool|awesome|love|like|better|worse|same|"
                  r"similar|version|but|"
                  r"title|caption|subtitles?|text|music|songs?|bgm|soundtrack|transitions?|canvas|volume|speed|aspect|"
                  r"fps|fade|undo|redo|export|download|timeline|it|this|that|(?:first|second|third|last|next|previous) (?:clip|one))\b|"
                  r"\bclip \d")
# (how long or how many, asked of the video: "总共多少秒了现在", "有几段视频" — never a scene)
_ZH_QUESTION = r"[吗呢？?]|什么|怎么|如何|为什么|能不能|可不可以|你好|谢谢|啥|咋|能否|多少(?:秒|段|个|分钟)|多长|多久|(?<![十\d])几(?:秒|段|个片段|个镜头|分钟)(?:了|啊|呀|$)"
# an upload is on the timeline or goes there; it is never a scene to film ("结尾加一张我上传的照片")
_UPLOAD_WORDS = r"\b(?:uploaded|uploads?|my (?:photos?|pictures?|images?|pics?|videos?|clips?|footage|files?)|i (?:sent|shot|filmed|took))\b|" \
                r"\bout of (?:these|those|them|all (?:of )?(?:these|those|this|them|that)|everything|(?:all )?(?:this|my) stuff)\b|" \
                r"\b(?:these|those) (?:clips|photos|pictures|pics|videos|files|shots)\b|" \
                r"上传|(?:用|拿|把)(?:这些|这张|那张|几张|所有的?)?(?:照片|图片|相片)(?=和|跟|与|、)|我(?:自己)?(?:刚|刚刚|已经)?传(?:了|的)|我(?:自己)?(?:的|拍的)(?:照片|图片|相片|视频|素材|片子)|(?:1)?张(?:照片|图片|相片|图)"
_ZH_EDIT_NOUNS = r"一点|一些|太(?!阳|空|极|湖|平洋|太)|再|更|(?<!阳光|天气|光线|风景|景色|氛围|气氛|天色|心情)(?:很好|不错)|好看|喜欢|可以了|标题|文字|字幕|(?<!在听)(?<!着听)(?<!边听)音乐|配乐|音效|转场|速度|音量|画布|片段|第\d+个|撤销|重做|导出|下载|时间线|它|这个|那个"
_ZH_LEADING_VERB = r"^(?:请|帮我|麻烦)?(?:把|加|添加|给|将|去掉|删除|删掉|导出|换|改|调|设置|让|静音|剪|裁|插入|放|用|移除|撤销|配)"
# Chinese has no word spaces, so edit verbs anywhere rule a description out ("视频缩短到十二秒", "帧率改成60帧"; a thing
# in the scene turning is filmed: "星云慢慢旋转", "风车在旋转").
_ZH_EDIT_VERBS = r"做成|弄成|尺寸|比例|宽高比|画幅|缩短|延长|保留|只留|[前后]半(?:段|部分)|变速|慢(?:了)?(?:1|一)半|分开成(?:两|2)(?:段|个)|(?:切|拆)成(?:两|2)段|慢动作(?!的(?!效果|速度|版本|方式|播放))|慢放|加速|减速|倍速|播放|调到|调成|调整|改成|改为|换成|变成|剪掉|删|去掉|静音|" \
                 r"(?:^|(?<=开头|片头|开始|视频|画面))从[红白黑黄蓝绿橙橘紫粉灰金银青棕](?:色|屏|场)?(?:中|里)?(?:慢慢|逐渐|渐渐|缓缓)?(?:地)?(?:出现|出来|显出来|浮出来|亮起来?|显现|浮现)|" \
                 r"设为|设置|放大|缩小|移到|裁|^(?:慢慢|缓缓|缓慢|不停|一直|轻轻)?地?旋转|(?<!慢慢)(?<!缓缓)(?<!缓慢)(?<!不停)(?<!一直)(?<!在)(?<!地)旋转(?!着|木马)|翻转|导出|撤销|重做|恢复|循环|淡入|淡出|原声|颜色|帧率|背景|声音"
# Imperatives the editor has no tool for: an instruction, not a scene ("translate the voice into French").
_EN_IMPERATIVES = (r"take|bump|stick|slap|pop|chuck|shove|plop|throw|drop|tack|whack|end|ends|finish|begin|conclude|wrap|bring|put|get|give|keep|only|go|turn|switch|crank|tone|nix|toss|ditch|lose|translate|transcribe|dub|narrate|voice|blur|crop|rotate|flip|mirror|zoom|stabili[sz]e|colou?r|grade|"
                   r"brighten|darken|sharpen|reverse|split|merge|join|combine|duplicate|copy|paste|save|share|upload|send|"
                   r"post|publish|open|close(?![- ]?ups?\b)|start|stop|pause|resume|try|fix|help|tell|explain|describe|remember|let|"
                   r"rename|restore|reset|enhance|improve|upscale|convert|extract|sync|center|centre|align|resize|shrink|"
                   r"extend|lengthen|tweak|adjust|boost|highlight|label|tag|schedule|remove|erase|hide|mute|loop|repeat|"
                   r"freeze|check|look|watch|preview|listen|play|sing|say|write|type|draw|paint|please|just|now|ok|sure")
_FILLER = {"a", "an", "the", "of", "in", "on", "at", "with", "and", "to", "for", "some", "very", "really", "please"}
# A Chinese scene is a noun phrase: it says nothing of the speaker or the listener, of the video or its parts, and
# holds no wish or instruction ("我要发视频号，画面要竖的", "视频去一下水印", "狗那段复制一份放后面", "回到上一个版本").
# ("照片显示5秒，加在城市前面": an upload shown, not a scene; nor a sentence said to the editor: a particle that ends a
# remark ("差不多了", "快过头了"), a correction or a take-back ("不对，是另一个", "算了 还原"), the project ("现在项目里有东西吗"),
# where it goes ("导一份竖的给快手", "导一版发小红书的"), a moment and a colloquial verb with its measure ("结束的时候黑个两秒", "加个往右滑的"))
_ZH_NOT_SCENE = r"[我你咱您]|视频|需要|看不懂|看不清|读不懂|缺点|缺少|少了点|片段|那段|这段|两段|版本|一下|就行|就好|不要|(?<![快将])要|想|能|可以|加(?!州|拿大|利福尼亚)|" \
                r"(?<![绽开释播解])放(?!飞|风筝|" + _RESTING_ON + r")|换|复制|移到|交换|顺序|效果|边框|水印|封面|一共|多长|多久|回到|只要|保留|" \
                r"中间的|那\d|黑掉|变成|弄|搞|做(?!饭|菜|早餐|早饭|午饭|晚饭|蛋糕|面包|作业|瑜伽|运动|游戏|手工|家务|实验|鬼脸)|当|作为|画质|分辨率|清晰|提升|提高|降低|\d+k\b|\d+p\b|生成|制作|创作|" \
                r"剪(?!影|纸)|掐|去尾|[黑白红黄蓝绿]底|[黑白红黄蓝绿]字|字体|字号|导个|导出|mov|mp4|webm|gif|客户|^画面|画面(?!$)|" \
                r"往[上下左右](?![飘飞升冒涌爬游跑窜蹿落掉流淌滴垂沉坠滚洒淌])|[上下左右]移|平移|口播|配音|旁白|如果|方便|的话|" \
                r"头晕|眼晕|眼花|恶心|难受|不舒服|看得(?:我)?(?:头晕|眼花|晕|累)|晃得|晃来晃去|晃个不停|(?:一直|老是|总是|老)晃|适配|" \
                r"有点|(?<![一二三四五六七八九十\d])太(?![阳空湖极平])|撤|留底|存一份|存个|保存|消失|还是|念|打开|关掉|(?:也|再)来|方图|吧$|" \
                r"照片|图片|相片|显示|用上|" \
                r"[了呢啊呀嘛]$|过头|差不多|算了|还原|不对|另(?:1|一)?(?:个|段)|有东西|有什么|有啥|项目|时间线|" \
                r"[给发](?:抖音|快手|b站|油管|youtube|视频号|小红书|朋友圈|ins|tiktok)|导(?:1|一)?(?:个|份|版)|(?<![\d一两几这那每某哪])[黑滑导](?:1|一)?个|" \
                r"(?:开始|结束|出来|出现|消失|完|最后|结尾|开头)的?时候|xml|premiere|edl|otio|fcp"
# nor, in English, the video's parts, steps or versions ("scratch the last two edits", "dog clip first, then the city"),
# nor a wish ("should", "needs to")
_EN_NOT_SCENE = r"\b(?:edits?|changes?|(?<!first )(?<!baby )(?<!dance )steps?|versions?|clips?(?! of)|segments?|resolution|quality|\d+k|\d+p|" \
                r"my|your|our|me|i|we|us|you|i'm|i'd|colou?r|beginning|intro|outro|picture[- ]in[- ]picture|pip|" \
                r"green[- ]?screen|chroma|split[- ]?screen|overlay|xml|edl|otio|aaf|webm|mp4|mov|gif|mkv|avi|wav|mp3|srt|vtt|" \
                r"premiere|davinci|resolve|final cut|capcut|imovie|website|feed|insta|file|fill the background|(?:bg|background) colou?r|" \
                r"(?<!in )the background (?:with|to|in)|(?<!square )(?<!vertical )(?<!portrait )(?<!landscape )(?<!horizontal )format|never ?mind|nevermind|" \
                r"sorry|oops|boring|bad|ugly|wrong|keep|only|back|instead|anymore|quicker|lower|higher|bolder|" \
                r"other way|kind|as well|pls|plz|lol|haha|lmao|ta|thx|thanks|should|shall|must|gotta|wanna|" \
                r"needs? to|has to|have to|opposite|brilliant|lovely|cheers|total|overall|whole (?:thing|video)|in total|" \
                r"(?:as|so|too|still|way|kinda|kind of) (?:loud|quiet|soft|fast|slow|quick|long|short|big|small|dark|bright))\b|" \
                r"^(?:twice|half|double|triple|\d+(?:\.\d+)?x)\b|^\d+(?:\.\d+)?\s*[:x]\s*\d|" \
                r"\b(?:a (?:touch|tad|bit|little|lil)|slightly|much|way|even) [a-z]+er\b"  # "a touch quicker"
# nor a remark: a sentence about "the ..." saying how it is ("the ending feels really abrupt", "the jump from city to
# beach is so sudden"); a scene says what happens ("the sun is setting over the lake")
_EN_REMARK = r"^(?:the|this|that|it|its|it's)\b[^,]*?\b(?:feels?|looks?|seems?|sounds?|(?:is|are|was|gets?)\s+" \
             r"(?:(?:so|too|really|kinda|kind of|a bit|a little|way|very|quite|pretty|super|rather|just|still)\s+)*" \
             r"(?![a-z]+ing\b)[a-z]+)\b"


# an upload said with its place and no verb: "photo last please", "pic first", "video at the end" (never a scene)
_UPLOAD_PLACED = r"^(?:(?:the|my)\s+)?(?:photo|pic|picture|image|video|vid|footage)s?\s+(?:first|last|at the (?:very )?(?:end|start|beginning))\b"

# what a thing in a described scene does or how it looks, no edit: "waves hitting it" (the lighthouse), "city lights
# blurred behind it", "blurry lights in the distance" (a participle's "it" is a thing in the scene, never the clip)
# a thing in the scene cut open, not the video split: "夏天的西瓜 切开 汁水四溅", "一个西瓜被切开", "厨师把面包切开",
# "厨师在案板上切一刀"
# ("把狗那段切开", "在第4秒切开", "这段切开" split a clip)
_CUT_IN_SCENE = r"(?:(?<=被)|(?<=[\u4e00-\u9fff]{2}\s)(?<!段\s)(?<!频\s)(?<!头\s)(?<!秒\s)|" \
                r"(?<=把[\u4e00-\u9fff]{2})(?<![段频头它个])|(?<=把[\u4e00-\u9fff]{3})(?<![段频头它个]))切开|" \
                r"(?<=[\u4e00-\u9fff])(?<![秒段间处里方候儿头尾这那它])(?:切|剪|划)(?:一|1)刀"  # "厨师在案板上切一刀" (not "第3秒的地方切一刀")
_IN_SCENE = re.compile(r"\b(?:blurr(?:ed|y)|out of focus)\s+(?=(?:behind|beyond|in the (?:background|distance))\b)|"
                       r"\bblurry\s+(?=(?:[a-z]+ ){1,3}(?:behind|beyond|in the (?:background|distance))\b)|"
                       r"(?:(?<=[a-z]{2}ing )|(?<=[a-z]{2}ed )|(?<= all over ))(?:(?:behind|around|at|into|against|over|under|past|towards?|beside|near|"
                       r"through|across|along|inside|onto|on|off|up|down)\s+)?it\b|"
                       # a place beside a thing already said ("rainy window with city lights behind it", "a tree with snow around it")
                       # (never the editor's things: "and a black background behind it" is the title's box)
                       r"(?<=[a-z] )" + "".join(f"(?<!{w} )" for w in ("background", "bg", "box", "bar", "shadow", "outline", "border",
                                                                       "frame", "title", "text", "caption", "logo", "banner", "card",
                                                                       "backdrop", "panel", "strip", "music", "sound", "song"))
                       + r"(?:behind|beyond|above|below|beneath|underneath|around|beside|next to)\s+it\b|"
                       # ("暴风雨中的灯塔，海浪拍打着它", "下雨的窗户，后面是模糊的城市灯光")
                       r"(?<=[\u4e00-\u9fff]着)它|(?:模糊|虚化)的(?=[\u4e00-\u9fff]{2})|" + _CUT_IN_SCENE)
_EDIT_PARTICIPLE = re.compile(r"\b(?:mak|putt|sett|turn|mov|cutt|trimm|speed|slow|hav|gett|lett|keep|leav|fad|add|remov|do|"
                              r"play|start|end|stopp|mut|zoom|pann|chang|us)(?:ing|ed)\s+(?:\w+\s+)?it\b")


def _scene_words(text: str) -> str:
    """``text`` without what is said of the things in its scene (``_IN_SCENE``), as the edit checks read it."""
    return text if _EDIT_PARTICIPLE.search(text) else _IN_SCENE.sub(" ", text)


# a camera move said as a shot, over a thing it names for the first time: "slow pan across a bookshelf in a cozy
# library", "slow zoom into a cup of coffee" (on a project with no clip to move, the shot to film)
_MOVE_OVER_SCENE = re.compile(r"^(?:an? )?(?:(?:slow|slowly|gentle|smooth|steady|quick|fast|long|lazy)\s+)?(?:pan(?:ning)?|zoom(?:ing)?|"
                              r"tilt(?:ing)?|push(?:ing)?[- ]in|pull(?:ing)?[- ]back|dolly(?:ing)?|orbit(?:ing)?|tracking shot|"
                              r"fly(?:ing)?(?:[- ]?through|[- ]?over)?|glide|gliding)(?:\s+(?:in|out|up|down|left|right))?\s+"
                              r"(?:across|over|through|along|around|into|onto|toward|towards|past|up to|down to|up|down|on|to|from|away from)\s+(?:an?|some|rows? of|two|"
                              r"three)\s+\w")


_DISLIKE = r"^(?:i )?(?:really |just )?(?:don'?t|dont|do not) (?:really )?(?:like|love)\b|^not (?:a (?:big )?fan of|into)\b"


# a thing in a scene turning into another ("城市天际线从白天变成黑夜", "天空从蓝色慢慢变成橙色"): filmed, no change to make
_TURNS_INTO = re.compile(r"(?<=[\u4e00-\u9fff])从(?![竖横方\d])[\u4e00-\u9fff]{1,6}?(?:慢慢|逐渐|渐渐|一点点)?地?变(?:成|为)?(?=[\u4e00-\u9fff])")


# one thing named on a project with nothing in it, its items after it ("a dog", "a sunset, 10 seconds, vertical"): there is
# nothing to edit, so it is the scene; never a word for a span, a try or a part of a video ("a sec", "a break", "an edit")
_ONE_THING = re.compile(r"^(?:a|an|some)\s+[a-z'-]{3,}(?:\s*,.*)?$")
_NOT_A_THING = {"break", "pause", "gap", "second", "sec", "moment", "minute", "min", "hour", "bit", "lot", "little", "try", "copy",
                "draft", "preview", "demo", "sample", "example", "question", "problem", "favor", "favour", "test", "change",
                "idea", "tip", "tips", "hint", "joke", "mistake", "error", "bug", "thing", "things", "something", "anything",
                "edit", "cut", "loop", "beat", "drop", "end", "ending", "start", "beginning", "middle", "reel", "story", "post",
                "short", "update", "rest", "chance", "few", "couple", "while", "message", "reply", "answer", "hand",
                "look", "suggestion", "suggestions", "option", "options", "choice", "list", "menu", "tutorial", "guide", "step",
                "steps", "sequence", "series", "mix", "remix", "banger", "vibe", "vibes", "mood", "feeling", "plan", "script",
                "voice", "voiceover", "narrator", "narration", "speech", "song", "track", "tune", "sound", "noise", "jingle",
                "logo", "watermark", "border", "frame", "thumbnail", "cover", "poster", "sticker", "emoji", "gif", "meme",
                "countdown", "timer", "counter", "caption", "label", "headline", "subtitle", "text", "word", "words", "quote"}


def handle_description(clause: Clause, state: PlanState) -> bool:
    """A scene described (below), with the seed said."""
    return _seeded(_handle_description, clause, state)


# a new thing doing something, a clip's name only where it does it: "a cat watching the neon city", "a bird flying over the
# beach" (a scene; "the neon city" is no clip named for an edit), never a clip word ("a cat watching the city clip")
_NEW_SUBJECT_ACTS = re.compile(r"^(?:a|an|some|two|three|four|a few|several|\d+)\s+(?:[\w'-]+\s+){0,3}?[a-z]{2,}ing\b"
                               r"(?!.*\b(?:clips?|parts?|shots?|ones?|segments?|videos?|footage|bits?)\b)")


def _handle_description(clause: Clause, state: PlanState) -> bool:
    """A message that opens by describing a scene is asking for that scene: "a sunset over a mountain lake,
    10 seconds, vertical" / "夜晚的东京街头，霓虹灯闪烁，10秒，竖屏" generates it.

    Only the message's first instruction qualifies, and only when it has no verb, no question and
    nothing that names an edit (a title, the music, "it", a clip by its number), so "vertical" or
    "the title bigger" never turn into a generation.
    """
    if other_shape(clause.text) is not None:  # "a 4:3 video of a sailboat": asked (the canvas area), never guessed
        return False
    if clause.has(_DISLIKE):
        return False  # "not a fan of 'Urban Dreams'", "not into the piano": a dislike of what is there, never a scene
    on_screen = {(seg.meta.text or "").lower() for seg in text_segments(state.draft)}
    if any(clause.quotes[int(said.group(1))].lower() in on_screen for said in PLACEHOLDER.finditer(clause.text)):
        return False  # "not a fan of 'Urban Dreams'": the words of a title on screen name it, never a scene to film
    if not state.actions and _INTRO_OF.match(clause.text):  # "an intro of a starry sky, 3 seconds": that clip, first
        return handle(dataclasses.replace(clause, text=f"generate {clause.text}"), state)
    shape_first = _SHAPE_FIRST.match(clause.text)
    if shape_first is not None and _first_request(state):
        # "9:16, a girl doing a skincare routine, 7 seconds": the shape, then the scene said whole is that scene in that shape
        scene = dataclasses.replace(clause, text=f"{shape_first.group('scene')}, {shape_first.group('shape')}")
        return bool(_SHAPE_FIRST.match(scene.text) is None and handle_description(scene, state))
    if clause.language == "zh":  # "樱花飘落的街道 慢镜头 五秒 要横屏": a scene's items dictated with spaces
        clause = dataclasses.replace(clause, text=_scene_items_zh(clause.text, moods=not main_clips(state.draft)))
    slow_said = _SLOW_SCENE_ZH if not main_clips(state.draft) and _SLOW_SCENE_ZH.search(clause.text) else _SLOW_ITEM_ZH
    slow_item = slow_said.search(clause.text)
    if slow_item is not None:  # "一只白鹭从湖面飞起来，慢动作，6秒": how the scene is filmed, no speed change
        clause = dataclasses.replace(clause, text=slow_said.sub(r"\1", clause.text))
    clause = dataclasses.replace(clause, text=_LENGTH_WORD.sub("", clause.text))
    # ("a speed boat racing across a lake", "一只猫在看滤镜相机": the editing word is a thing in the scene)
    edit_said = (re.search(EDIT_WORDS, _LOOK_ITEM.sub(" ", _scene_words(clause.text))) or clause.has(_NOT_A_CLIP)) \
        and not scene_described(clause)
    if not (_first_request(state) or _scenes_only(state)) or edit_said or clause.has(_UPLOAD_WORDS) \
            or any(clip_refs(clause, state)) and not _NEW_SUBJECT_ACTS.match(clause.text) or bare_order(clause, state) is not None \
            or len(main_clips(state.draft)) >= 2 and clause.has(SLIDE_ALONE) or any(m.uploaded and m.kind in ("video", "image") and names_upload(
                clause.text, m) for m in state.context.media):  # "hike video first please": an upload, never a scene
        # "the dog clip ...": an edit; "...我上传的照片": an upload
        return False
    if is_chatter(clause.text) or clause.has(_ADVICE):  # "never mind, undo", "刚才撤回多了，再恢复一步": a remark is no scene
        return False
    if moment_of(clause, state) is not None:  # "在狗出现的时候，加个叮": a moment on the timeline, said first
        return False
    if clause.language == "zh":
        # (a look or a mood said as an item of the scene is how it is filmed: "温馨一点" there is no change by degree;
        # "海浪拍打着它": the lighthouse, no clip)
        # (with clips on the timeline a look, a mood or slow motion said may be a change to them: "狗在沙滩上跑，慢动作")
        said = _scene_words(clause.text) if main_clips(state.draft) else _LOOK_ITEM.sub(" ", _scene_words(clause.text))
        said = _TURNS_INTO.sub("", said)  # ("城市天际线从白天变成黑夜": the thing filmed turns, nothing is changed)
        if any(compiled(p).search(said) for p in (_ZH_QUESTION, _ZH_EDIT_NOUNS, _ZH_LEADING_VERB, _ZH_EDIT_VERBS, _ZH_NOT_SCENE)):
            return False
        prompt = _prompt(clause)
        # (a look said alone is a grade of the video there, nothing filmed: "赛博朋克色调", "复古胶片感"; "到第8秒就停":
        # when something stops, nothing filmed)
        # ("一只狗" on a project with nothing in it: one thing counted is the scene, as "a dog" is)
        counted = not main_clips(state.draft) and re.fullmatch(r"(?:一|1)(?:只|群|头|匹|辆|座|栋|棵|朵|艘|架)[\u4e00-\u9fff]{1,4}", prompt)
        if len(re.findall(r"[\u3400-\u9fff]", prompt)) < (3 if counted else 4) or len(re.findall(r"[\u3400-\u9fff]", _LOOK_ITEM.sub(" ", prompt))) < 2 \
                or _LOOK_ALONE_ZH.fullmatch(prompt) or not _films_something(prompt):
            return False
    else:
        plain = _LOOK_ITEM.sub(" ", _scene_words(clause.text))  # ("..., cool tones": how it is filmed, no remark)
        # ("a speed boat racing across a lake": the editor's nouns in a scene described are things in it)
        edit_nouns = re.search(_EN_EDIT_NOUNS, plain) and not scene_described(clause)
        if clause.has(_EN_QUESTION) or edit_nouns or any(re.search(p, plain) for p in (_EN_NOT_SCENE, _EN_REMARK, _UPLOAD_PLACED)):
            return False
        # a verb first ("please add ..."), or a camera move said alone ("slowly zoom in", "and tilt up"), is a change to a
        # clip, never a scene; "slow motion waves crashing" has no verb
        if re.match(rf"^(?:(?:please|also|can you|could you|slow|slowly|gently|gradually|quickly|just|now|then|and)\s+)*"
                    rf"(?:{_EN_VERBS_ALL}|{_EN_IMPERATIVES}|tilt|push in|pull (?:out|back))\b", clause.text) \
                and not re.match(rf"(?:{SLOW_SCENE})", clause.text) and not (
                    _MOVE_OVER_SCENE.match(clause.text) and not main_clips(state.draft)):
            return False
        prompt = _prompt(clause)
        if not re.search(r"[a-z]{2,}", _LOOK_ITEM.sub(" ", prompt)):  # "warm tones", "vintage look": a grade, nothing filmed
            return False
        # a colour's words are no scene ("background: baby blue", "light grey background")
        words = [w for w in re.findall(r"[a-z]{2,}", without_colors(prompt)) if w not in _FILLER and w not in NAMED_COLORS]
        if len(words) < 2 and _SUBJECT_EN.match(clause.text) is not None:  # "a fox in the snow, black and white": "snow" is a thing
            words = [w for w in re.findall(r"[a-z]{2,}", _LOOK_ITEM.sub(" ", prompt)) if w not in _FILLER]
        one_thing = len(words) == 1 and not main_clips(state.draft) and _ONE_THING.match(clause.text) is not None \
            and words[0] not in _NOT_A_THING and words[0] not in _NOT_FILMED_EN
        if len(words) < 2 and not one_thing or _vague(prompt) or all(w in _VAGUE | _MOOD for w in words):
            return False  # "something fun", "more energy": a mood wished for, no scene
    if _of_the_video(clause.text, clause.language) or _named_for_it(clause):  # "the city part at 1.5x", "歌从45秒开始用"
        return False
    if _edit_not_scene(clause, state):  # "light leaks please", "卡点视频": the editing apps' words, nothing to film
        return True
    if slow_item is not None:
        prompt = f"{prompt}，{slow_item.group('slow')}"
    loras, _ = loras_of(clause)
    if loras:  # "a cat on a sofa, anime lora", "…, with the noir lora at 0.6": the LoRA words are not part of the picture
        prompt = re.sub(r"\s*[,，](?:\s*[,，])+", ",", re.sub(r"\s{2,}", " ", _LORA.sub(" ", prompt))).strip(" ,，。.") or prompt
    state.generate(GenerateAction(prompt=_numerals_as_said(prompt, clause), seconds=(duration_ms(clause.text) or 5000) / 1000,
                                  aspect=aspect_of(clause), placement="end", loras=loras))
    return True


# what is left of a scene that names nothing: request words, video words and fillers ("make a ... video please", "帮我做个…的")
_NOT_FILMED_EN = {"make", "do", "add", "give", "want", "need", "generate", "create", "get", "put", "apply", "use", "try", "have",
                  "me", "my", "u", "you", "can", "could", "would", "pls", "plz", "video", "vid", "clip", "kind", "type", "sort",
                  "thing", "effect", "effects", "like", "bit", "quick", "short", "just", "also", "gimme", "wanna", "lil", "whole",
                  "total", "overall", "long", "length", "duration", "seconds", "secs"}  # "i need video of 5 seconds total"
_NOT_FILMED_ZH = r"[的个一些点下吧呢啊呀吗了嘛我你帮请给要想来做弄搞整加成能可以那种样]|视频|片子|短片|效果|风格|版本|版|感觉|画面|片段|镜头|素材|生成|制作|" \
                 r"好看|漂亮|精彩|炫酷|酷炫|高级|有意思|有趣|厉害|不错|" \
                 r"爆款|爆火|火爆|上热门|热门|出圈|吸睛|吸引人|抓人|高大上|" \
                 r"[到第就停在从]|开始|结束|" \
                 r"(?:慢慢|逐渐|渐渐|缓缓)?(?:变)?(?:黑|暗|白)(?:下去|下来|掉)|淡(?:到|成|为)\w{0,2}色?"  # "(结尾)慢慢黑下去": a fade, nothing filmed
# ("弄个好看点的视频", "帮我弄个爆款视频": how good, nothing filmed; "到第8秒就停": when
# a video said to be of an edit's kind: "卡点视频", "做个狗狗的卡点视频", "a beat sync video", "a jump cut edit of the dog"
# ("做一个卡点的旅行vlog", "a beat sync travel video": words between them say what it is of, the kind is still the edit's)
_KIND_NOUN_ZH = r"(?:视频|片子|短片|小视频|vlog|mv)"
_KIND_NOUN_EN = r"(?:videos?|vids?|edits?|clips?|versions?|reels?|tiktoks?|vlogs?)\b"
_EDIT_KIND = re.compile(rf"(?:{EDIT_KINDS})\s*(?:的[^，,。；\s]{{0,6}}?)?\s*{_KIND_NOUN_ZH}|"
                        rf"(?:{EDIT_KINDS})[\s-]+(?:[a-z]+\s+){{0,2}}?{_KIND_NOUN_EN}")


def _films_something(prompt: str) -> bool:
    """Whether ``prompt`` (a scene, the editing jargon taken out) still names something a camera could film."""
    if re.search(r"[\u3400-\u9fff]", prompt):
        return bool(re.sub(_NOT_FILMED_ZH + r"|[\s,，。.!！?？]", "", prompt))
    # ("for my mom", "for my business": whom or what it is for, nothing in the picture)
    plain = re.sub(r"\bfor (?:my|our|his|her|their|your|a|an|the) (?:[a-z'-]+ )?[a-z'-]+$", " ", prompt.lower())
    words = re.findall(r"[a-z]{2,}", without_colors(plain))
    return any(w not in _FILLER and w not in _VAGUE and w not in _MOOD and w not in _NOT_FILMED_EN for w in words)


def _edit_not_scene(clause: Clause, state: PlanState) -> bool:
    """A new clip asked for with the editing apps' jargon and nothing to film ("卡点视频", "做个狗狗的卡点视频", "light leaks
    please", "generate a beat sync video"): a question about the edit, never a generation. Said inside a scene as a
    plain noun ("a cat wearing a mask", "一只猫在看滤镜相机") the word is what is filmed; a form said of a scene ("a
    montage of city lights", "电影感的海边日落") is how it is shown."""
    text = clause.unquoted()
    said = re.search(EDIT_KINDS, text) or re.search(VIDEO_FORMS, text)
    if said is None or clause.quote():
        return False
    # (in the request's words, before the scene: "a girl editing a video on her laptop" is a scene)
    kind = None if scene_described(clause) else _EDIT_KIND.search(request_part(text) if clause.language == "en" else text)
    # (each said as a plain clip, so what the request's words around it say still reads: "b-roll after it: coffee beans")
    plain = " 视频 " if clause.language == "zh" else " clip "
    if kind is None and _films_something(_prompt(dataclasses.replace(
            clause, text=re.sub(VIDEO_FORMS, plain, re.sub(EDIT_KINDS, plain, re.sub(STYLE_KIND, plain, text)))))):
        return False
    term = (kind or said).group(0).strip()
    if kind is not None:
        term = (re.search(EDIT_KINDS, term) or kind).group(0).strip()
    edit = re.search(EDIT_KINDS, text)
    if edit is None:  # a form, a look or a purpose with nothing filmed: "add a drone shot", "做个生日祝福视频"
        state.actions.append(Unknown(text, understood=term, question=ask(
            clause, "What should the clip show? Say the scene, for example: generate a drone shot of a coastline at sunset.",
            "这段视频要拍什么？请说说画面内容，例如：生成一段海边日落的航拍。")))
        return True
    term = edit.group(0).strip() if kind is None else term
    state.actions.append(Unknown(text, understood=term, question=ask(
        clause, f"\u201c{term}\u201d is a way of editing, not a scene to film, and I can't do that yet. I can change the clips' "
                "order, length and speed, add a title, music, transitions or fades; for a new clip, say what it shows "
                "(generate a clip of ...). Which would you like?",
        f"\u201c{term}\u201d是一种剪辑方式，不是要拍的画面，暂时还做不了。我可以调整片段的顺序、时长和速度，加标题、音乐、转场或淡入淡出；"
        "要生成新片段，请说出画面内容（例如：生成一段海边日落的视频）。要哪一个？")))
    return True


# A scene said without a verb opens with what it shows, then what happens or where ("a kid putting stickers on a
# laptop", "a sticker shop in tokyo", "a speed boat racing across a lake", "一家卖贴纸的小店", "一个人在绿幕前跳舞"): an editing
# word there is a thing in the scene, unless the thing shown is one ("a crossfade between every clip", "a sepia look
# on all clips") or the words name the video's own parts ("a zoom on the photos", "一只猫在第二段").
_SUBJECT_EN = re.compile(r"^(?:a|an|two|three|four|some|several)\s+(?P<subject>(?:[a-z'-]+\s+){0,3}?(?P<head>[a-z'-]+))\s+"
                         r"(?:[a-z]{2,}ing|in|on|at|with|by|near|under|over|inside|through|across|along|from|who|which|that)\b")
_SUBJECT_ZH = re.compile(r"^(?:一|1|两|2|几)(?:只|家|位|群|头|匹|辆|座|栋|棵|朵|艘|架|名|对|间|片|个(?=[人女男小老孩]))")
_OWN_PARTS = r"\b(?:clips?|shots?|cuts?|videos?|titles?|texts?|captions?|subtitles?|music|songs?|sounds?|audio|photos?|pictures?|" \
             r"images?|frames?|everything|all|each|every|whole|intro|outro|ending|end|start|beginning|timeline|\d+\s*(?:s|secs?|seconds?))\b|" \
             r"片段|视频|标题|字幕|音乐|配乐|开头|结尾|第\d|那段|这段|整个|所有|每个|每段|画面|照片|(?:两|2|几|这两|这2|那两|那2)段(?:的)?(?:中间|之间)"


def scene_described(clause: Clause) -> bool:
    """The clause describes a scene with a plain subject doing something or somewhere, so editing words in it are
    things in the scene: never a question about an ability, never an edit."""
    return _scene_described(clause.text, clause.language)


# (the words that end the subject name what is shown: "a speed ramp", "a sticker", "a fade in" are edits, "a speed boat"
# is a boat). This is what keeps gen10's "a fade in and a fade out" from generating, not the scorer: read as a scene it
# ties the fade area (both explain the same two slots, rules.best), and a tie-break that puts an edit or a question
# before a generation changes 103 plans of the seen and indep corpora that rightly generate ("swap the dog for a cat
# chasing a ball" is no swap of clips, "夜晚的东京街头，10秒，竖屏" no canvas change); scene_described also answers
# rules._not_supported and the generate area's own jargon checks, which never reach the scorer.
_SHOWN_EDITS = tuple(re.compile(words) for words in (EDIT_WORDS, EDIT_KINDS, VIDEO_FORMS, ADD, _NOT_A_CLIP,
                                                     *(pattern for pattern, _, _ in NOT_SUPPORTED)))
_OWN_PARTS_RE = re.compile(_OWN_PARTS)


# (asked up to four times of a clause, by the generate area and the scorer: read once; sized for a message's clauses, so
# it never grows with the messages a server reads)
@functools.lru_cache(maxsize=64)
def _scene_described(text: str, language: str) -> bool:
    if _OWN_PARTS_RE.search(text):
        return False
    if language == "zh":
        return _SUBJECT_ZH.match(text) is not None
    said = _SUBJECT_EN.match(text)
    if said is None:
        return False
    head = said.start("head")
    return not any(m.start() <= head < m.end() for words in _SHOWN_EDITS for m in words.finditer(text)) \
        and _films_something(said.group("subject"))


def _scenes_only(state: PlanState) -> bool:
    """Only clips generated before this clause: "a timelapse of snowy mountains, 10 seconds, and then a starry sky, 5
    seconds" lists scenes, each a clip of its own."""
    return bool(state.actions) and all(isinstance(a, GenerateAction) for a in state.actions)


def _first_request(state: PlanState) -> bool:
    """Nothing asked before this clause: "hey! 9:16, a girl ..." ("hey" is a greeting, asks nothing)."""
    return all(isinstance(a, Unknown) and is_chatter(a.text) for a in state.actions)


# an intro or outro said with its scene and no verb ("an intro of a starry sky, 3 seconds"); slow motion said as an item
# of a Chinese scene that opens with what it shows ("一只白鹭从湖面飞起来，慢动作，6秒")
_INTRO_OF = re.compile(r"^(?:an? |the )?(?:\d+(?:\.\d+)?\s*-?\s*(?:seconds?|secs?|s)\s+)?(?:intro|outro|opening|ending)(?: (?:shot|clip|scene))? (?:of|showing|with) (?:an? |the |some )?\w")
_SHAPE_FIRST = re.compile(r"^(?P<shape>(?:9:16|16:9|1:1|4:5|vertical|horizontal|portrait|landscape|square)(?: (?:format|video|clip))?)"
                          r"(?: please| pls| plz)?\s*[,:]\s*"
                          r"(?P<scene>(?:an?|the|some|two|three)\s.+)$")
_SLOW_ITEM_ZH = re.compile(r"^((?:一|1)(?:只|个|群|条|头|匹|位|辆|片|朵|架|艘|棵|座|对|家)[^，,\s]{2,40}?)(?:[，,]|\s+)(?:用)?(?P<slow>慢动作|慢镜头)(?:拍)?(?=[，,\s]|$)")
# with no clip on the timeline, any scene said first is filmed slowly so ("樱花飘落的街道 慢镜头 五秒"; with clips "狗在沙滩上跑
# 慢动作" may be the dog clip slowed: that stays the speed's)
_SLOW_SCENE_ZH = re.compile(r"^((?![^，,]*(?:那段|这段|片段|视频|第\d))[^，,\s][^，,]{3,40}?)(?:[，,]|\s+)(?:用)?(?P<slow>慢动作|慢镜头)(?:拍)?"
                            r"(?=[，,\s]|$)")
# the items of a scene dictated with spaces: its length, its shape ("要横屏": the 要 says nothing more), how it is filmed
# and how it should look ("可爱一点": 可爱 is the scene's, the 一点 no change asked of anything; "要有科幻感": a feel)
_SHAPE_ZH = r"横屏|竖屏|方形|横版|竖版|\d+:\d+"
_ITEM_ZH = rf"(?:\d+(?:\.\d+)?秒|{_SHAPE_ZH}|(?:竖|横|方)(?:着)?(?=的)|慢动作|慢镜头|[\u4e00-\u9fff]{{2}}(?:一)?点|[\u4e00-\u9fff]{{2,3}}感)(?:的)?(?:[，,\s]|$)"
# the shape wished for as "one" of it: "海浪拍打礁石 给我一个横屏的 十秒", "雨中的东京街头 做个竖的" (the scene in that shape)
_WISH_ZH = r"(?:(?:给我|帮我|我要|我想要)?(?:来|要|做|弄|整|搞|出|生成)?(?:1)?(?:个|段|条)|要有|要|用|做成|给我|来)"
_SCENE_ITEM_ZH = re.compile(rf"(?<=[\u4e00-\u9fff\d])\s+{_WISH_ZH}?(?={_ITEM_ZH})|"
                            # a shape and a length said in one breath: "竖屏15秒", "15秒竖屏"
                            rf"(?<=横屏|竖屏|方形|横版|竖版)(?=\d+(?:\.\d+)?秒(?:[，,\s]|$))|(?<=\d秒)(?=(?:{_SHAPE_ZH})(?:的)?(?:[，,\s]|$))")
# an item said after a comma with the 要 of a wish: "夕阳下的海边，浪轻轻拍着沙滩，要竖屏的，十秒"
_WISHED_ITEM_ZH = re.compile(rf"(?<=[，,])\s*{_WISH_ZH}(?={_ITEM_ZH})")
_MOOD_ITEM_ZH = re.compile(r"(?<=[，,])(可爱|温馨|梦幻|唯美|清新|浪漫|治愈|欢快|安静|热闹|神秘|壮观|大气|文艺|温暖|明亮|酷炫|搞笑|开心|欢乐|温柔|活泼|萌)(?:一)?点(?=[，,]|$)")


def _scene_items_zh(text: str, moods: bool) -> str:
    """"一只柴犬在雨里打伞 可爱一点 5秒" as a scene and its items: "一只柴犬在雨里打伞，可爱，5秒" (a mood read as the
    scene's only with no clip on the timeline: "狗在沙滩上跑 可爱一点" may be about the dog clip there)."""
    items = _SCENE_ITEM_ZH.sub("，", _WISHED_ITEM_ZH.sub("", text))
    items = _RATIO_ITEM_ZH.sub(lambda m: f"{m.group(1)}:{m.group(2)}" if m.group(1) else "", items)  # "…，比例9:16", "16比9"
    return _MOOD_ITEM_ZH.sub(r"\1", items) if moods else items


# the shape said as an item of a scene, with its word or as "16比9": "一只猫在沙发上睡觉，比例9:16", "…，16比9，5秒"
_RATIO_ITEM_ZH = re.compile(r"(?<=[，,\s])(?:(\d{1,2})\s*比\s*(\d{1,2})(?=\s*(?:[，,]|$))|(?:画面)?(?:比例|画幅|宽高比)(?:是|用|要|为)?\s*"
                            r"(?=\d{1,2}\s*[:：]\s*\d{1,2}|竖屏|横屏|方形|竖版|横版))")
# a look said as an item of a scene is how it is filmed, no filter on the video: "一个女生在窗边看书，暖色调，6秒",
# "a girl reading by the window, warm tones, 6 seconds"
_LOOK_ITEM = re.compile(r"(?:(?<=[，,\s])|^)(?:暖|冷|偏暖|偏冷|复古|电影|胶片|日系|港风|清新|高级|黑金|赛博朋克|莫兰迪)(?:色调|调色|色系|风|感|滤镜)?"
                        r"(?:色调|的色调|色系|感|风格)(?:的)?(?=[，,\s]|$)|"
                        # a mood said as an item of a scene is how it is filmed: "一个老奶奶在厨房包饺子 温馨一点", "…，搞笑一点，4秒"
                        r"(?<=[，,\s])(?:温馨|搞笑|欢快|可爱|浪漫|梦幻|治愈|唯美|安静|热闹|有趣|悠闲|温暖|壮观|震撼|神秘|轻松|明亮|"
                        r"大气|文艺|清新|活泼)(?:一点|一些|点|些)?(?:的)?(?=[，,\s]|$)|"
                        r"(?:(?<=,)|^)\s*(?:(?:in|with)\s+)?(?:warm|cool|cold|vintage|retro|cinematic|moody|pastel)\s+"
                        r"(?:tones?|colou?rs?|look|grade|colou?r grade|palette)(?=\s*,|$)|"
                        # ("a city street in the 1920s, black and white, people walking": filmed in black and white)
                        r"(?:(?<=,)|^)\s*(?:(?:in|with|shot in)\s+)?(?:black[- ]and[- ]white|b ?& ?w|monochrome|sepia|gr[ae]yscale|"
                        r"(?:old )?film grain|grainy)(?:\s+(?:film|footage|look|style|tones?))?(?=\s*,|$)|"
                        r"(?<=,)\s*(?:in\s+)?(?:4k|8k|hd|ultra hd|uhd|1080p|4k quality|high res(?:olution)?)(?=\s*,|$)|"  # "sunrise over the ocean, 4k, 10 s"
                        # ("老式火车站 蒸汽机车进站 黑白电影感": an item said after a pause too, its looks said together)
                        r"(?<=[，,\s])\s*(?:黑白|老电影|胶片|复古|港风|怀旧)(?:的)?(?:电影|老电影|胶片|复古|港风)?(?:的)?"
                        r"(?:画面|风格|色调|效果|感|风)?(?=\s*(?:[，,]|$))|"
                        # a look said of a thing in the scene ("复古的霓虹招牌在闪烁", "港风夜景", "黑白的老街"): how it is filmed
                        r"(?:(?<=[，,\s])|^)(?:黑白|复古|港风|怀旧|胶片|老电影|赛博朋克)(?:的)?"
                        r"(?=(?!色调|调色|色系|滤镜|效果|画面|风格|感|一点|一些|点|些|的|吧|就|了|呢|啊|电影|胶片|复古|港风|怀旧|黑白|风)[\u4e00-\u9fff]{2})|"
                        # slow motion as an item of a new clip is how it is filmed: "帮我做一段咖啡拉花的特写，慢动作，5秒"
                        r"(?<=[，,])\s*(?:用)?慢动作(?:拍摄?|的)?(?=\s*(?:[，,]|$))")
