"""Talking about the session rather than the timeline: help, show, undo/redo/revert, export."""

from __future__ import annotations

import dataclasses
import re
from typing import Literal

from reelforge.agent._intents._words import aspect_of
from reelforge.agent._state import PlanState
from reelforge.agent._text import Clause, ask, compiled
from reelforge.agent.actions import (
    EditAction,
    ExportAction,
    HelpAction,
    RedoAction,
    RevertAction,
    ShowTimeline,
    TimelineExportAction,
    UndoAction,
    Unknown,
)
from reelforge.agent.describe import REVERT_TOPICS
from reelforge.draft.edits import SetCanvas
from reelforge.draft.output import OUTPUT_FORMATS, OutputFormat, PresetName, Quality

__all__ = ["asked_of", "from_history", "handle", "how_to", "revert_topic"]

_HELP = r"^(?:help|\?|commands)$|what (?:else )?can (?:you|u) (?:actually |really |even |exactly |else |all )?do\b|\bwhat (?:\w+ ){0,3}?(?:you|u) (?:can|could) do\b|what (?:\w+ ){0,3}?(?:can|could) (?:you|u|this(?: \w+)?|it|reelforge) do(?: for me)?\b|还能(?:做|干)什么|能干什么|what do you do|how does (?:this|it) work|what are your features|" \
        r"how do i use|what can i (?:say|do)|从哪(?:里|儿)?(?:开始|下手|入手)|不知道(?:从哪|怎么)(?:开始|下手|弄)|你能做什么|能做什么|你会什么|你可以做什么|帮助|怎么用|怎么玩|有什么功能|使用说明|" \
        r"(?:都|能|可以)?有(?:哪些|什么|哪几种|些什么)(?:样的|种类的)?(?:转场|过渡|字体)(?:效果)?|" \
        r"^(?:那|所以)?(?:(?:能|可以)(?:用|选)的|可(?:用|选)的)?(?:转场|过渡|字体)(?:效果|样式)?(?:都|又|一共)?有(?:哪些|什么(?:样的?)?|哪几种|几种|些什么|啥|哪些样式|什么种类)(?:可以|能)?(?:用|选)?[啊呀呢]?\W*$|" \
        r"^(?:can you |could you |please )?help(?: me)?(?: (?:please|out))?$|\bi need (?:some )?help\b|what (?:else )?(?:can|could) (?:this|it|reelforge) do|" \
        r"what (?:are )?you (?:able|capable)|what (?:is|are|'s) (?:this(?: app| thing| tool)?|it|reelforge) (?:actually |really )?(?:able|capable)|what (?:are )?your (?:capabilities|abilities|commands|options)|what (?:features|commands|" \
        r"options|edits|changes|kinds? of (?:edits|things|changes)) (?:do|can) you|what can i ask|list (?:your|the|all) commands|" \
        r"(?:能|会|可以)(?:做|干|帮我做|帮我干)(?:些|点)?(?:啥|哪些)|你(?:都|还|到底|究竟|实际上)?会(?:些)?(?:什么|啥|哪些)|(?:有|支持)(?:哪些|什么|啥)(?:功能|操作)|" \
        r"功能有哪些|帮帮我|怎么(?:使用|开始)|有(?:什么|啥|哪些)(?:是)?(?:你)?(?:可以|能)帮(?:我|上)(?:的|忙的)?|(?:你)?(?:能|可以)帮我(?:做|干)?(?:些|点)?(?:什么|啥)|^帮我(?:做|干)(?:些|点)(?:什么|啥)\W*$|" \
        r"^what(?:'s| is) this(?: (?:app|thing|tool))?\W*$|^(?:help please|please help|i'?m (?:lost|stuck|confused))\W*$|\b(?:where|how) do (?:i|we) (?:even )?(?:start|begin|get started)\b|" \
        r"\bwhere (?:should|can|do) (?:i|we) (?:even )?(?:start|begin)\b|\b(?:not sure|no idea|(?:i )?(?:don'?t|do not) know|dunno) (?:where|how) to (?:even )?(?:start|begin)\b|\bhow (?:do|does) (?:i|one|we) (?:use|work) (?:this|it|you)\b|what (?:are|is) (?:the )?(?:commands?|options)|what (?:things )?can (?:you|i) (?:help|ask)|" \
        r"^(?:帮个忙|求助|救命)\W*$|^(?:标题|字幕|文字|转场)(?:都|又)?(?:可以|能)?(?:设置|调|改|做|弄)(?:些|点)?(?:哪些|什么|啥)(?:东西|效果|样式|参数|设置)?\W*$|^(?:有没有|有)(?:女声|男声|女生的声音|男生的声音|别的声音|其他(?:的)?声音|英文配音|英语配音)(?:可以用|可选)?(?:吗|呀|啊|呢)?\W*$|^(?:你)?(?:教教|教一下|教)我(?:吧|呗|呀|啊)?\W*$|有(?:哪些|什么|哪几种|几种)[\u4e00-\u9fff]{1,6}(?:可以|能)(?:用|选)|^(?:可以|能)?(?:用|选|加)(?:的)?(?:哪些|哪几种|什么样的)[\u4e00-\u9fff]{1,6}$|(?:能|可以)(?:加|用|选)(?:哪些|什么|哪几种)(?:样的)?(?:转场|字体)|(?:你)?(?:能|会|可以)(?:帮我)?(?:干|做)(?:些)?(?:嘛|啥|什么|哪些)|都能(?:帮我)?(?:做|干)|支持(?:哪些|什么)(?:功能|操作|命令)|" \
        r"\b(?:what|which) (?:\w+ ){1,3}can (?:you|u|i|this (?:thing|app|tool)|it) (?:do|use|add|make)\b|" \
        r"\b(?:what|which) (?:(?:kinds? of |types? of )[\w-]+|(?!(?:clips|shots|segments|scenes|videos)\b)[\w-]+) (?:is|are) (?:possible|available|there|supported)\b|^(?:and )?(?:what|which) (?:kinds? of |types? of )?[\w-]+ (?:(?:do|can) you (?:have|offer|support)|have (?:you|u) got|(?:you'?ve|you|u) got)\??$|\bwhat can (?:this|it|the app|the editor)(?: thing)? do\b"
# (and "what can you do with music", "音乐方面能做什么": what there is to pick from)
_MUSIC_HELP = r"what (?:kinds? of |types? of |sorts? of )?(?:music|styles|songs|genres)|which (?:music|styles)|" \
              r"\bwhat(?: are|'?s| is) (?:my|the) (?:options|choices) (?:for|with) (?:the )?(?:music|songs?|bgm)\b|" \
              r"(?:能|可以)?(?:加|用|选|做|配|生成|写)(?:哪些|什么|哪几种)(?:样的|风格的|类型的)?(?:音乐|曲风|背景音乐|歌)|" \
              r"list (?:the )?(?:music|styles)|music (?:styles|options|library)|有(?:哪些|什么)(?:音乐|风格|曲风|背景音乐)|" \
              r"(?:音乐|风格|曲风)(?:都|又)?有(?:哪些|什么)|(?:音乐|曲风|歌|bgm)(?:都|又)?(?:能|可以)(?:选|用|挑|换)(?:哪些|什么|啥|哪几种|哪种)|什么(?:音乐|曲风)|(?:音乐|曲风|风格)(?:风格)?(?:列表|清单|目录)|" \
              r"\bwhat (?:else )?(?:can|could) (?:you|u|i|we) (?:actually |really |even |exactly )?do (?:with|about|for) (?:the |some |my )?(?:music|songs?|bgm|soundtrack)\b|" \
              r"音乐(?:方面)?(?:能|可以)(?:做|干|弄)(?:些)?(?:什么|啥)"
_HELP_TOPICS = {"transition": r"\btransitions?\b|转场|过渡", "title": r"\b(?:titles?|texts?|fonts?|captions?|subtitles?)\b|标题|字体|字幕|文字"}
_SOUND_HELP = r"(?:what|which) (?:kinds? of |types? of |sorts? of )?(?:sound effects|sounds|sfx)|" \
              r"\bwhat(?: are|'?s| is) (?:my|the) (?:options|choices) (?:for|with) (?:the )?(?:sound effects|sounds|sfx)\b|" \
              r"^(?:add|put in|use|include) (?:some |a few |any )?(?:sound effects|sfx|sound fx)(?: (?:to|in) (?:it|the video))?\??$|\bwhat (?:else )?(?:can|could) (?:you|u|i|we) (?:actually |really |even |exactly )?do (?:with|about) (?:the )?(?:sound effects|sounds|sfx)\b|(?:能|可以)?(?:加|用|选)(?:哪些|什么|哪几种)(?:样的)?音效|有(?:哪些|什么|啥)(?:音效|声音特效|声效|特效声|特效音效?)|(?:音效|声音特效|声效|特效音效?)(?:都|又)?有(?:哪些|什么|啥)"
# a resolution past the presets' 1080p: "export it in 4k", "导出4K的", "2160p", "ultra hd"
_BEYOND_HD = r"(?<![a-z\d.])[248]\s?k(?![a-z])|\b(?:uhd|ultra[- ]hd|1440p?|2160p?|4320p?)\b|超高清|超清4k"
# a question answered by showing the timeline, one table for both languages: what one thing it asks about (None: the
# whole timeline), the questions, and the words that tell that thing in any question answered so ("看看时间线，多长了")
Asked = Literal["clips", "length", "uploads"]
_OPENER = r"^(?:(?:so|and|ok|hey|um+|uh+|wait|oh|hmm+|sorry|quick question)[,\s]+)*"
_TIMELINE_QUESTIONS: tuple[tuple[Asked | None, str, str], ...] = (
    (None, r"(?:时间线|时间轴)(?:上)?(?:都)?(?:有些?啥|有什么|给我看看|让我看看)|(?:给我)?看看(?:现在的?)?(?:时间线|时间轴)|"
           r"(?:看看|看一下|看下|瞅瞅)(?:我|你)?(?:都|一共)?(?:改|做|弄)了(?:些|哪些)?(?:什么|啥)|^(?:我|我们|你)(?:都|一共|刚才)?(?:改|做|弄)了(?:些|哪些)(?:什么|啥|东西|地方)?(?:了|呀|啊)?\W*$|\bwhat (?:have )?(?:i|we) (?:changed|done) so far\b|"
           r"(?:视频|片子)(?:现在)?(?:都)?(?:有啥|有些啥|有些什么|是什么样的?|做成啥样了?|一共多长|多长)|(?:做成|现在)啥样|列(?:一下|出)?(?:现在)?(?:所有的?)?(?:片段|镜头)|"
           r"\b(?:show|view|display|see|print|check|what'?s on|what is on|list)\b.*\b(?:timeline|tracks?|draft|status|state|edit|clips)\b|"
           r"\bwhat (?:do i have|have i got|i'?ve got|i have(?: got)?)(?: so far| now)?\??$|\bwhat (?:do i have|have i got)(?: so far| now)?\b|"
           r"\bwhat does it look like(?: now| so far)?\??$|\bwhat'?s in (?:the|my|this) (?:video|edit|project|timeline)\b|"
           r"^(?:status|timeline|state)$|what(?: does|'?s| do) (?:the|my|this|our) (?:timeline|video|project|edit) look like|"
           r"(?:查看|显示|看看|看一下|看下)?(?:时间线|时间轴|轨道|状态)(?:是什么样|怎么样)?$|(?:查看|显示|看看)(?:时间线|时间轴|轨道|状态)|"
           r"(?:时间线|时间轴|轨道)上?(?:有什么|有哪些|是什么)|(?:视频|片子|项目|工程)现在(?:是)?(?:什么样子?|长什么样|怎么样了?)|"
           r"\bwhat(?:'s| is| do i have) (?:in|on) (?:the |my |this |our )?(?:project|timeline|video|edit|draft)\b|"
           r"\bwhat(?:'s| is| do i have) (?:there )?so far\b|\bhow many tracks\b|"
           r"^(?:(?:so|and|ok|um+)[,\s]+)*(?:is there|are there|do i have|have i got|did you add) (?:any |a |some )?(?:music|song|title|text|"
           r"captions|subtitles|voice-?over|narration|sound effects|sfx)(?: on (?:this|it|the video|here))?(?: yet| now| already| at all)?\??$|^(?:so |and |ok )?what(?:'s| is) (?:in|on) there(?: now| so far)?\??$|\b(?:summary|overview|recap) of (?:the |my |this )?(?:project|video|edit|timeline)\b|"
           r"(?:项目|工程|时间线|视频|片子)(?:里|中|上)(?:现在)?(?:都)?(?:有什么|有哪些|有啥|有东西)|现在(?:的)?(?:项目|工程|时间线|视频)?(?:里|中)?(?:都)?(?:有什么|有哪些|有啥)|"
           r"(?:给我)?(?:看看|看一下|看下|显示|查看)(?:一下)?(?:当前|现在|目前)(?:的)?(?:剪辑|项目|工程|进度|视频|时间线|状态)|"
           r"(?:时间线|时间轴|轨道)(?:给我)?(?:看看|看一下|看下|看一眼)|(?:时间线|时间轴|轨道|项目|视频)上?(?:现在)?都?有些?(?:啥|什么|哪些|东西)|"
           r"^(?:那|所以)?(?:现在|目前)(?:都|一共)?有(?:些|点)?(?:什么|哪些|东西)(?:了)?$|(?:做成|变成|弄成)(?:了)?(?:什么|啥)样|"
           r"列(?:一下|出|个)?.*(?:片段|镜头|素材|轨道)|(?:时间线|时间轴|片段|镜头)列(?:出来|一下)|"
           r"\b(?:list|show)(?: me)? (?:all )?(?:the |my )?(?:clips|shots|segments|tracks)\b|\bshow me what'?s (?:left|there)\b", ""),
    ("uploads", _OPENER + r"(?:what (?:did|have) (?:i|we) (?:upload(?:ed)?|add(?:ed)?|put in)(?: so far| already| again| earlier| before)?\??$|"
                r"what (?:files|uploads|media|stuff) (?:do|did|have) (?:i|we) (?:have|got|uploaded?)\b|which files (?:did|have) (?:i|we) upload|"
                r"(?:remind me|tell me|show me) what (?:i|we)(?:'ve| have)? (?:uploaded|upload(?:ed)? (?:so far|already|earlier))\??$|"
                # "remind me what files i have", "show me my uploads", "list my files"
                r"(?:remind me|tell me|show me) (?:what|which) (?:files|uploads|media|stuff) (?:i|we) (?:have|got|uploaded|'?ve got)\b|"
                r"^(?:(?:can you|could you|please)\s+)?(?:show|list|see|view)(?: me)? (?:all )?(?:of )?(?:my|the) (?:uploads|uploaded (?:files|stuff|media)|files|media)\??$)|"
                r"我(?:都|一共|之前|刚才)?(?:上传|传)(?:了|过)*(?:些|哪些|几个)?(?:(?:什么|啥|哪些)(?:东西|素材|文件)?|东西|素材|文件)(?:了|啊|呀|来着|呢)*\W*$|"
                r"(?:把|给我)?我(?:都|之前|刚才)?(?:上传|传)(?:了|过)?的(?:东西|素材|文件|内容)?(?:都|全部?)?(?:列|显示|看|看看|数)(?:一下|一遍|出来)|"
                r"(?:列|显示|看看|看一下|看下|瞅瞅)(?:一下)?我(?:都|之前|刚才)?(?:上传|传)(?:了|过)?的(?:东西|素材|文件|内容)?(?:都有啥|有哪些)?\W*$|"
                # "我上传的文件有哪些": what was uploaded, asked after it is named
                r"^(?:那|所以)?我(?:都|之前|刚才)?(?:上传|传)(?:了|过)?的(?:东西|素材|文件|内容|照片和视频)(?:都|一共)?(?:有哪些|有啥|有什么|是什么|是哪些)(?:了|啊|呀|来着|呢)*\W*$|"
                # "我传的歌是什么", "我上传了哪些歌", "我传的歌叫什么名字": the uploads of a kind, asked
                r"^(?:那|所以)?我(?:都|之前|刚才)?(?:上传|传)(?:了|过)?的(?:歌曲?|音乐|照片|图片|视频)(?:都|一共)?(?:有哪些|有啥|有什么|是什么|是哪些|是哪首|叫(?:什么|啥)(?:名字?)?|有几(?:首|个|张|段))(?:了|啊|呀|来着|呢)*(?:[，,\s]+(?:一共|总共)?有几(?:首|个|张|段)(?:了|啊|呀)?)?\W*$|"
                r"^(?:那|所以)?我(?:都|之前|刚才)?(?:上传|传)了(?:哪些|哪几首|几首|什么|啥)(?:歌曲?|音乐|照片|图片|视频)(?:了|啊|呀|来着|呢)*\W*$",
     r"\bupload|\bfiles\b|\bmedia\b|上传|(?<![宣流])传(?:了|过|的)"),
    ("clips", _OPENER + r"how many (?:clips|shots|scenes|videos|parts|segments) (?:do|have|are|is|did)\b|"
              r"\bhow many (?:clips|shots|videos) (?:are there|do i have|is there)\b|"
              # "what clips do i have", "which shots are there now": the clips asked for, not the help
              r"^(?:(?:so|and|ok|um+|hmm+)[,\s]+)*(?:what|which) (?:clips|shots|segments) (?:do (?:i|we) have|have (?:i|we) got|"
              r"are (?:there|on the timeline|in (?:it|the video|my video)|(?:in|on) there|in (?:the |my )?(?:edit|project)))(?: now| so far| right now)?\??$|"
              r"(?:现在|目前|一共|总共)(?:一共|总共)?有(?:几|多少)(?:个|段)(?:片段|镜头|视频)?|"
              r"(?:时间线|时间轴|视频|片子|现在|目前)(?:上|里)?(?:现在|目前)?(?:一共|总共)?(?:是|有)?(?:几|多少)(?:段|个片段|个镜头)(?:了|啊|呀)?\W*$|"
              # "有几个片段", "有几段视频", "里面有多少段视频": clips counted, never a clip to generate
              r"^(?:那|所以)?(?:我)?(?:现在|目前)?(?:时间线上|时间轴上|视频里|片子里|里面|项目里)?(?:一共|总共)?有?(?:几|多少)(?:个|段|条)(?:片段|镜头|视频)(?:了|啊|呀|呢)?\W*$|"
              # "有哪些片段", "现在都有什么片段": which clips there are
              r"^(?:那|所以)?(?:现在|目前)?(?:时间线上)?(?:都|一共)?有(?:哪些|什么|啥)(?:片段|镜头)(?:了|啊|呀|呢)?\W*$|"
              # "片段都有哪几个", "镜头一共有几个": the clips named first, then counted or listed
              r"^(?:那|所以)?(?:现在|目前)?(?:时间线上的?|视频里的?)?(?:片段|镜头)(?:现在|目前)?(?:都|一共|总共)?有(?:哪几个|哪几段|哪些|什么|啥|几个|几段|多少个?)(?:了|啊|呀|呢)?\W*$",
     r"\bhow many (?:clips|shots|scenes|videos|parts|segments)\b|几(?:段|个片段|个镜头)|多少(?:段|个片段)|"
     r"(?:哪些|什么|啥)(?:片段|镜头)|(?:片段|镜头)(?:都|一共|总共)?有(?:哪|几|多少|什么|啥)|列(?:一下|出|个)?.*(?:片段|镜头)|(?:片段|镜头)列(?:出来|一下)|"
     r"\b(?:list|show)(?: me)? (?:all )?(?:the |my )?(?:clips|shots|segments)\b|\b(?:which|what) (?:clips|shots|segments)\b"),
    ("length", _OPENER + r"(?:how many (?:seconds|secs) (?:is|long is|does)\b|how long(?: is| ?'?s) (?:it|(?:the|this) (?:whole )?(?:thing|video|clip))(?: (?:right )?now| currently)?\??$)|"
               r"\b(?:what'?s|what is) the (?:total )?(?:length|duration) of (?:the|this|my) (?:clip|video)\??$|"
               r"\bhow long is (?:the|my|this) (?:video|edit|project)\b|^(?:so )?how long is it(?: (?:right )?now| at the moment| so far| currently| at this point)?\??$|"
               r"\bhow long (?:is|are) (?:it|everything|they|the clips|all of it|the whole (?:thing|video))(?: all)? (?:together|in total|combined|altogether|total)\b|"
               r"\bhow long(?: is| ?'?s) (?:everything|the whole (?:thing|video))\b(?! (?:fading|at)\b)|"
               r"\b(?:what'?s|what is) the (?:total )?(?:length|runtime|run time|duration)(?: of (?:it|the video|everything))?(?: now)?\??$|"
               r"\bhow much long is\b|\bhow long is (?:the |my |this )?(?:video|project|edit|timeline|film)\b|"
               r"(?:视频|片子)?(?:现在)?(?:一共|总共|总)(?:有)?多长|(?:视频|片子)(?:现在|目前)?有?多长|^(?:看|查)(?:一)?下?(?:现在|目前)(?:有)?多长了?|"
               r"^现在(?:有)?多长了?|(?:视频|片子)(?:现在)?(?:一共|总共)?(?:有)?多少秒|"
               r"(?:视频|片子|现在|目前)(?:现在|目前)?(?:一共|总共|总)?(?:是|有)?(?:几|多少)秒(?:钟)?(?:了|啊|呀)?\W*$|"
               # "总共多少秒了现在", "一共多长了": the total asked, its "now" said last or not at all
               r"^(?:那|所以)?(?:视频|片子)?(?:一共|总共|总|加起来)(?:是|有)?(?:几|多少)秒(?:钟)?(?:了|啊|呀)?(?:现在|目前)?(?:了|啊|呀)?\W*$|"
               r"^(?:那|所以)?(?:视频|片子)?(?:一共|总共|加起来)?(?:有)?多长(?:了)?(?:现在|目前)(?:了|啊|呀)?\W*$",
     r"\bhow (?:long|many (?:seconds|secs))\b|\b(?:length|runtime|run time|duration)\b|多长|几秒|多少秒|时长"),
)
_SHOW = "|".join(questions for _, questions, _ in _TIMELINE_QUESTIONS)
# the uploads asked after as what there is to use: "现在有哪些素材可以用", "能用的素材有哪些", "which uploads can i use"
_UPLOADS_TO_USE = r"^(?:那|所以)?(?:我)?(?:现在|目前)?(?:都|还)?有(?:哪些|什么|啥)(?:素材|文件)(?:是)?(?:可以|能)(?:用|选)(?:的)?\W*$|" \
                  r"^(?:那|所以)?(?:我)?(?:现在|目前)?(?:可以|能)用的(?:素材|文件)(?:都|还)?有(?:哪些|什么|啥)\W*$|" \
                  r"^(?:so |and )?(?:which|what) (?:uploads|files|media|uploaded files) (?:can|could) (?:i|we) use\b"
# "把照片和徒步视频都放进时间线", "put the photo on the timeline": an upload added, not the timeline shown
_PUT_ON_TIMELINE = r"(?:放|加|拖|拉|添加|导入|插)(?:进|到|入|在)?(?:了)?(?:这个)?(?:时间线|时间轴|轨道)|" \
                   r"\b(?:put|add|drop|drag|place|bring|insert)\b.*\b(?:on|onto|to|into|in) (?:the |my )?timeline\b"
# a newcomer asking what to write: "what do i even type here", "what am i supposed to say", "what should i do first"
_WHAT_TO_TYPE = r"^(?:(?:so|um+|uh+|ok(?:ay)?|hmm+|hi|hello|hey)[,\s]+)*what (?:do|should|can|am) (?:i|we) (?:even |supposed to |meant to )?" \
                r"(?:type|say|write|ask|put|enter|do)(?: (?:in )?(?:here|there|this box)| now| first| next| with this| to start)*\W*$"


# how to do something, asked alone: "how do I add music", "how can i mute a clip?", "how would I speed up the video":
# the user asks how the editor works (help on that topic), not for the change; an amount or words quoted make it one
_HOW_TO = re.compile(r"^(?:(?:so|ok(?:ay)?|hmm+|um+|uh+|and|but|hey|hi|hello|sorry|quick question|question)[,:\s]+)*"
                     r"(?:how (?:do|can|could|would|should|will|does) (?:i|we|you|u|one)|how to) (?:even |actually |just )?"
                     r"(?:add|put|change|make|get|set|edit|move|turn|use|insert|remove|delete|mute|trim|cut|split|speed|slow|"
                     r"fade|export|generate|create|do|apply|adjust|resize|crop|rotate|swap|reorder|undo|redo|save|include|"
                     r"give|have|stop|loop|replace|upload|narrate|write|type|caption|subtitle)\b|"
                     # "what can I change about the captions": what there is to change about them
                     r"^what (?:else )?(?:can|could) (?:i|we|you|u) (?:change|edit|adjust|tweak) (?:about|on|in|with) (?:the |my )?"
                     r"(?:captions?|subtitles?|titles?|texts?)\??$")
# (in Chinese: "怎么加字幕", "请问如何导出", "背景音乐怎么换", "我想知道怎么加音效"; "怎么这么小" is a complaint, "音乐怎么调？调到20%"
# a request said after its how-to)
_HOW_TO_ZH = re.compile(r"^(?:我)?(?:想知道|想问(?:一)?下|想请教(?:一)?下|(?:你)?(?:教教|教一下|教)我)?(?:我)?(?:要|该|应该|可以)?(?:怎么|怎样|如何)(?:才能|才可以|能|可以|去)?"
                        r"(?:给(?:视频|它|这个视频)?)?(?:加|添加|加上|改|换|调|去掉|删|删除|导出|设置|关|打开|开|用|放|剪|配|做|弄)"
                        r"[^，,。⟪\d]{0,10}?(?:呢|啊|呀)?[？?]?$|"
                        r"^(?:这个)?(?:标题|字幕|音乐|背景音乐|配乐|bgm|转场|音效|配音|旁白|文字)(?:要|该|应该|可以)?(?:怎么|怎样|如何)"
                        r"(?:加|添加|加上|弄|调|改|换|设置|去掉|删|关|开|导出|用)(?:呢|啊|呀)?[？?]?$|"
                        # a clip named, then how to cut it: "狗那段咋删啊", "城市那段怎么静音" (asked as the how-tos above)
                        r"^[\u4e00-\u9fff]{1,6}?(?:那段|这段)(?:要|该|应该|可以)?(?:怎么|怎样|如何)(?:删|删除|删掉|去掉|剪|剪掉|静音|加速|放慢|调)"
                        r"(?:掉)?(?:呢|啊|呀)?[？?]?$|"
                        # "字幕能改什么", "标题可以调哪些地方": what there is to change about it
                        r"^(?:这个)?(?:标题|字幕|文字)(?:都|又|还)?(?:能|可以)?(?:改|调|换|设置)(?:些|一些)?(?:什么|啥|哪些)"
                        r"(?:地方|东西|内容|方面)?(?:呢|啊|呀)?[？?]?$")
_HOW_TO_TOPICS = {"music": r"\b(?:music|songs?|soundtrack|bgm|tracks?)\b|音乐|配乐|bgm|歌", "sounds": r"\bsound effects?\b|\bsfx\b|\bsounds\b|音效",
                  **_HELP_TOPICS}


def how_to(clause: Clause) -> HelpAction | None:
    """Help on a topic for a how-to question said alone ("how do I add music"); None for a request asked that way with
    what it needs said ("how do i add the title 'Go'?", "how can i cut it to 5 seconds")."""
    if clause.quotes or not (_HOW_TO if clause.language == "en" else _HOW_TO_ZH).match(clause.text) or re.search(r"\d", clause.text):
        return None
    return HelpAction(next((t for t, p in _HOW_TO_TOPICS.items() if clause.has(p)), None))


def asked_of(clause: Clause) -> Asked | None:
    """What a question answered by the timeline asks about, when it is one thing of it; None: the whole timeline."""
    found = [name for name, _, cue in _TIMELINE_QUESTIONS if name is not None and clause.has(cue)]
    return found[0] if len(found) == 1 else None


_UNDO = r"^(?:算了\s*)?(?:还原|复原|恢复原样|恢复)(?:一下|吧)?$|(?:这|那)\d+(?:个|步)?(?:都|全)(?:撤|不要|取消)|\bundo(?![a-z])(?! (?:the|my) undo)|^(?:算了\s*|还是|那|那就|那还是)?撤(?:了|掉)吧?(?=$|[，,]|\s+(?:还是)?(?:不好看|难看|好丑|太丑|不喜欢|不行|没意思)(?:了|啊|呀)?$)|\b(?:scratch|ditch|kill|lose|remove|delete|" \
        r"throw away|get rid of|drop) (?:the |my |that )?(?:last|previous|latest|recent) (?:\d+ )?(?:changes?|edits?|steps?)\b|" \
        r"撤(?:\d+|一|两)步|回到上(?:1)?个版本|(?:^|[，,\s])(?:能不能|可不可以|可以)?(?:帮我|给我)?(?:退|倒|返)回去(?:吧|了|吗)?$|^(?:刚才|刚刚)(?:那|的)?(?:1|一)?步(?:操作)?(?:弄|搞|做|改|点)?错了(?=$|[，,\s])|(?:退|回)(?:到)?上(?:1)?(?:个|一)?(?:版本|状态)|(?:改|换|调)回(?:原来|之前|以前|刚才)(?:的)?(?:样子|那首|那个|那段|那种)?|改回去|恢复原来的(?:样子)?|\btake (?:it |that |this )?back\b|^(?:revert|go back)(?: that| it)?$|" \
        r"\b(?:go|step) back (?:\d+ |a |one )?(?:steps?|changes?|edits?|versions?)\b|\bstep back\b|" \
        r"^(?:(?:go|step) back) (?:one|\d+)(?: more)?$|" \
        r"^(?:我)?(?:不要|取消)(?:刚才|刚刚|上1个|上一个)(?:那个|那1个|的)?(?:改动|修改|操作|步骤?)(?:了|吧)?$|" \
        r"^(?:刚才|刚刚|刚)(?:那个|那1个|那下|那1下|的)?(?:改动|修改|操作|改的|弄的)(?:不要了|取消吧?|撤(?:销|回|了|掉)吧?|算了)$|" \
        r"\b(?:change|switch|set|turn|make|flip|put) (?:it|that|this|them|those) (?:all )?back(?: again)?(?: (?:please|pls|now))?$|" \
        r"^(?:(?:pls|please|just)\s+)?(?:ctrl|cmd|command|control)\s*(?:\+\s*)?z(?:\s+(?:it|that|pls|please))?$|" \
        r"\b(?:return|go|step|move) (?:\d+|a|one) (?:steps?|changes?|edits?|versions?) back\b|" \
        r"\b(?:revert|reverse|cancel|undo|drop|scrap|scratch|discard|remove|delete) (?:the |that |my |your )?(?:last|previous|latest|recent) " \
        r"(?:\d+ )?(?:changes?|edits?|steps?|things?(?= (?:you|i|we) (?:did|done|made|changed)\b)|actions?|operations?)\b|" \
        r"^(?:(?:no|nope|hmm|oops|please|pls|just)[,!]?\s+)*cancel (?:that|this|it)(?: (?:one|change|please|pls))*$|" \
        r"\b(?:i )?(?:liked|preferred|loved) (?:the )?(?:previous|earlier|old|last) (?:version|one) (?:better|more)\b|" \
        r"\bthe (?:previous|earlier|old|last) version (?:was|looked|is) better\b|\b(?:go|switch|take me) back to the (?:previous|earlier) version\b|\bput it back(?: the way it was)?\b|\bthe way it was\b|" \
        r"(?:刚才|上一步|刚刚)(?:那(?:1|一)?步|的修改|的改动|那个修改|改的)?(?:不要了|不要|取消|算了)|(?:刚才|刚刚)那(?:1|一)?(?:步|个|下)(?:给我)?撤(?:了|掉|回)|不要刚才的|取消刚才|撤销(?!多了|太多|过头|错了)|撤回(?!多了|太多|过头|错了)|回退|撤\d+步|撤(?:1|一)下|^(?:再|还得|继续)撤(?:销|回)?(?:1|一)?(?:下|步|次)?(?:吧|呗)?$|(?:退回|后退|返回|倒退)(?:\d+|一|1)步|取消上一步|返回上一步|上一步|" \
        r"(?:这|那)?(?:\d+)(?:步|个|下)?(?:改动|修改|操作)?(?:都|全)(?:撤|不要|取消)|(?:前面|最近|刚才|刚刚)(?:的)?\d+(?:步|个|下)(?:改动|修改|操作)?(?:全都|全部|全|都)(?:撤|不要|取消)|(?:改|换|调|弄|变)回(?:原来|之前|以前|刚才)|" \
        r"(?:改|换|调|弄|变)回去|(?:^|[，,\s])(?:还是|那|那就|算了)?(?:给我|帮我)?(?:改|变)回来(?:吧|了|呗)?$|\b(?:back to )?how it (?:was|used to be)\b|还是(?:刚才|之前|原来)(?:那样|那个样子|的样子)|" \
        r"(?:这|那)几(?:个|步|下)?(?:改动|修改|操作)?(?:都|全)(?:撤|不要|取消)|^全(?:都|部)?撤(?:了|掉|回|销)?(?:吧)?$"  # "刚才那几个都不要了 全撤了"
_REDO = r"^(?:(?:pls|please|just)\s+)?(?:ctrl|cmd|command|control)\s*(?:\+\s*)?(?:y|shift\s*(?:\+\s*)?z)(?:\s+(?:it|that|pls|please))?$|\bredo(?![a-z])|\bundo (?:the|that|my) undo\b|\b(?:bring|put) back what (?:i|you|u) (?:just )?(?:undid|undone)\b|" \
        r"\bwhat (?:i|you|u) (?:just )?(?:undid|undone)\b|\b(?:stuff|things?|changes?|edits?|steps?|everything|all) (?:that )?(?:i|you|u) (?:just )?" \
        r"(?:undid|undone)\b|\bre-?apply\b|重做|恢复撤销|反撤销|取消撤销|" \
        r"(?:恢复|还原|找回|撤回)(?:刚才|刚刚)?(?:被)?撤(?:销|回|掉)(?:掉)?的|撤(?:销|回)的(?:东西|操作|改动|修改)?(?:帮我|给我)?(?:恢复|还原|找|加|弄|改)回来|" \
        r"(?:刚才|刚刚)(?:撤销|撤回)的(?:恢复|还原|改回)|(?:撤销|撤回)的(?:那)?\d+(?:步|个|下)(?:全都|全部|全|都)?(?:恢复|还原|找回|重做)|撤(?:销|回|掉)的(?:那(?:1|一)?步|那个)(?:帮我|给我)?(?:恢复|还原)|撤销错了|再做(?:1|一)?(?:遍|次)(?:刚才|刚刚)?(?:撤销|撤回)的|撤回?错了[\s，,]*(?:帮我|给我)?(?:再)?(?:还原|恢复)回来|撤销(?:刚才|刚刚)(?:的)?撤销|(?:再)?恢复(?:\d+|一)步|" \
        r"撤(?:销|回)?(?:得)?(?:多|太多|过头)了[\s，,]*(?:再)?(?:恢复|还原)"  # "撤多了 恢复一下"
_REVERT = r"\b(?:go back|revert|roll ?back|return|restore|take (?:me |us |it )?back|back)\b.*\bbefore\b\s+" \
          r"(?:i\s+\w+\s+|adding\s+|we\s+\w+\s+|you\s+\w+\s+|there was\s+|(?:the|any)\s+(?=\w+\s+(?:was|were)\b))?(.+)|" \
          r"(?:回到|恢复到|恢复成|退回到|回退到|还原到|还原成|变回|改回|返回到|退回|回退到?|撤销到|撤回到)(?:加(?![速快])|添加|加上|换|改|设置)?(.+?)(?:之前|以前|前)|" \
          r"(?:回到|恢复到|退回到|回退到|还原到|返回到)(?:还)?(?:没有|没|没加|没有加|还没加|未加)(?:上)?(.+?)(?:的)?(?:时候|那时候?|那会儿?|那个时候|版本|状态|样子)|" \
          r"\b(?:(?:liked|preferred|loved) (?:it |this )?(?:better |more )?|(?:was|were|looked|sounded) (?:way |much |a lot |so )?better )before (?:the |i added (?:the )?|adding (?:the )?|we added (?:the )?|you added (?:the )?)?(\w+)|" \
          r"\b(?:undo|revert|scrap|drop|cancel|get rid of) everything (?:since|after) (?:i added |adding |we added )?(?:the )?(\w+)|" \
          r"撤(?:销|回)(?:掉)?(?:刚才|刚刚)?(?:的)?(?:加|添加|加上|换|改|设置|调)(.+?)(?:的)?(?:那一步|那步|那个操作|的操作|这一步|那次)|" \
          r"\b(?:revert|undo|cancel|reverse|take back|drop) (?:the |my |that )?(?!last|previous|latest|recent|\d)(\w+) (?:change|edit)s?\b"
# a step back named by what it took ("undo the transition", "take back the crossfade you added", "make it like before
# the transition", "撤销转场", "把刚才的转场撤回", "把转场之前的样子恢复回来"): a revert to before that topic, never an edit
# of it; only when the words name a topic the history knows ("undo the red title" is an undo)
# (and "music back to how it was", "put the title back the way it was": that thing's changes undone)
_REVERT_NAMED = r"^(?:(?:please|just|ok|okay|hmm|so|can you|could you|pls)\s+)*(?:undo|revert|reverse|take back|roll back)\s+" \
                r"(?:the |that |my |your |this |those )?(?:new |last |latest |recent )?(\w+(?:-\w+)?|sound effects?|background music|voice over|slow[- ]?mo(?:tion)?|camera (?:move|movement|motion))(?: (?:i|you|we) " \
                r"(?:just )?(?:added|did|made|put in|put on|changed))?(?: (?:please|pls|thanks))?$|" \
                r"\b(?:like|as|how) (?:it (?:was|looked|sounded) |things were |everything was )?before (?:the |i added (?:the )?|adding " \
                r"(?:the )?|you added (?:the )?|we added (?:the )?)?(\w+)|" \
                r"^(?:把)?(?:刚才|刚刚)?(?:加|添加|加上|换|改)?(?:的|那个)?([\u4e00-\u9fff]{1,4}?)(?:给我)?(?:撤销|撤回|撤掉)(?:掉|了|吧|一下)*$|" \
                r"^(?:撤销|撤回)(?:掉)?(?:刚才|刚刚)?(?:加|添加|加上|换|改)?(?:的|那个)?([\u4e00-\u9fff]{1,4}?)(?:吧|了|一下)*$|" \
                r"^(?:把)?(?:加|添加|加上|换|改)?([\u4e00-\u9fff]{1,4}?)(?:之前|以前)的样子(?:给我)?(?:恢复|还原|改|弄|变)(?:回来|回去)?|" \
                r"^(?:(?:please|just|ok|okay|so|hmm|can you|could you|can|could|pls)\s+)*(?:(?:put|set|bring|change|turn|make|get)\s+)?" \
                r"(?:the |my )?(\w+(?: \w+)?) (?:(?:go|goes|get|gets|come|comes) )?(?:back )?(?:to )?(?:how|the way|like|as) (?:it|they) (?:was|were|used to be|sounded|looked)" \
                r"(?: before)?(?: (?:please|pls))?$|" \
                r"^(?:把)?([\u4e00-\u9fff]{1,4}?)(?:给我)?(?:恢复|还原|改回|变回|弄回|调回|换回|回到)(?:成|到)?(?:(?:原来|之前|以前|刚才)的?(?:样子|状态|那样)|" \
                r"原样|原状)(?:吧|了)?$"  # "音乐回到原来的样子", "音乐恢复原样"


_PLATFORMS_EN = r"youtube|tik ?tok|instagram|insta|ig|reels|shorts|facebook|twitter|vimeo"
_TOP_QUALITY = r"\b(?:best|top|max(?:imum)?|highest|high|full|hd) (?:possible )?(?:quality|res(?:olution)?)\b"
# "发youtube的版本导一个": a version for a platform, exported; "one for tiktok and another for youtube": a version each,
# the export word left unsaid
_EXPORT = r"^(?:(?:please|ok(?:ay)?|now|then|and)\s+)*render(?: it| the (?:video|final|whole thing)| this)?(?: out)?" \
          rf"(?: for (?:the |my )?(?:web|website|{_PLATFORMS_EN}))?(?: (?:in|at|as) [\w -]+)?$|" \
          r"(?:youtube|油管|抖音|tiktok|快手|b站|小红书|reels|视频号|朋友圈)(?:的)?(?:版本|版)?(?:1|一)(?:份|版)(?!.*(?:生成|视频|片段|镜头))|" \
          r"(?:保存|存)(?:为|成)(?=\s*(?:mp4|mov|webm|gif|mp3|wav|视频|文件|高清|音频))|渲染(?:一下)?(?:最终|成片|视频|出来)|" \
          r"出片|出(?:1|一)?(?:个|份).*版(?:本)?|^(?:帮我|请)?(?:把视频|把它|把片子)?(?:保存|存)(?:一下|下来|起来)(?:吧)?$|^(?:帮我|请)?(?:保存|存)(?:一下|下)(?:视频|片子|成片)(?:吧)?$|生成(?:最终|成片|最终版)|最终(?:视频|版本?|成片)(?:导出|生成|渲染|输出)|(?:做|来|弄|要|给我|出)(?:1|一)?(?:个|份).{0,10}(?:用的|的)版本|^(?:先|再|也)?(?:给我|帮我)?(?:(?:用|给).{0,6})?导(?:1|一)?(?:个|份|一下)|(?:存|保存)(?:1|一)?(?:个|份).*(?:版本|母带|文件|留底|备份|画质|高清|清楚|清晰)|" \
          r"版(?:本)?导(?:1|一)?(?:个|份|一下)(?:吧|呗)?$|^(?:给我|帮我|再)?导(?:1|一)版|" \
          r"\b(?:master (?:file|copy)|archive (?:copy|version|file))\b|\bprores (?:file|master|export|version|copy)\b|" \
          r"\brender (?:the|a) (?:final |full[- ]res )?master\b|\b(?:export|download|send me the (?:video|file)|save (?:it|the video)|final render|" \
          r"render (?:it|this|the (?:\w+ )?(?:video|cut|version|thing|edit|project)|(?:a|an|one) (?:[\w-]+ ){0,3}(?:version|copy|cut|file|preview|draft))|" \
          r"give me the (?:final |finished |whole )?(?:file|video|mp4|version)|(?:finali[sz]e|publish|post) (?:it|this|the (?:video|edit|thing))(?! (?:back|again|as an?)\b))\b|导出|下载|输出视频|发给我|保存视频|生成成品|\brender 一下|渲染一下|\bfinal 版|" \
          r"\b(?:get|give me|send me)\b.*\b(?:a |another )?version for (?:tiktok|youtube|instagram|insta|reels|shorts)\b|" \
          rf"^(?:(?:can|could|may) (?:i|we) )?(?:get|have) (?:it|this|the video|one|a copy) for (?:the |my )?(?:{_PLATFORMS_EN})\b|" \
          rf"^(?:(?:and|also|now|then|ok|plus)\s+)*(?:(?:give me|can i get|could i get|get me)\s+)?(?:a|one) (?:square|vertical|landscape|horizontal|widescreen|portrait) (?:one|version|copy|cut) " \
          rf"for (?:the |my )?(?:{_PLATFORMS_EN})\b|" \
          r"^(?:and |now |then |ok )?(?:one|a version|a copy) for (?:the |my )?(?:tik ?tok|youtube(?: shorts)?|instagram|insta|ig|reels|shorts|" \
          r"the web|web|website|facebook|twitter) (?:and|,) (?:another|one more|one|a second)(?: one)? for\b|" \
          r"^(?:(?:and|also|now|then|ok|okay|so)\s+)*(?:(?:i|we) (?:need|want|'?d like)\s+|give me\s+|(?:can|could) (?:i|we) (?:get|have)\s+)?" \
          r"(?:one|a version|a copy|a cut) for (?:tiktok|youtube|instagram|insta|ig|reels|shorts)\b.*" \
          r"\b(?:another|one more|one|a second) (?:one )?for\b|" \
          r"(?:1|一)(?:个|份|版)(?:发|给|传|放)(?:到|给)?[^，,\s]{1,8}?[，,\s]*(?:另)?(?:1|一)(?:个|份|版)(?:发|给|传|放)|" \
          rf"\b(?:for|on|to) (?:the |my )?(?:{_PLATFORMS_EN})\b.*{_TOP_QUALITY}|{_TOP_QUALITY}.*\b(?:for|on|to) (?:the |my )?(?:{_PLATFORMS_EN})\b"
# (the last two: "one for tiktok and another for youtube", "一个发抖音一个发油管": an export each; then a platform and the
# file's quality, the export word unsaid: "I need this for youtube, best quality you can do")
# a file format asked for with a request word: "make it a gif", "webm for my website", "just give me the audio as an mp3",
# or said alone ("webm please", "gif instead", "mov格式的")
_WANTS_FILE = r"(?:\b(?:make|give|want|need|get|send|as|for|please|in|into|render|convert)\b|要|给|存|导|出|做成|转成|转换成|变成|弄成|搞成|^(?:(?:also|and|plus)\s+)*(?:an?|one) \w+(?: (?:file|version|copy))?(?: too| as well)?$|" \
              r"^(?:(?:ok|okay|then|and|just|actually)\s+)*[a-z0-9]{3,4}(?:\s+(?:then|instead|too|file|format|version|pls|plz))*$|" \
              r"^(?:那|就|还是)?(?:用)?[a-z0-9]{3,4}(?:格式|文件)?(?:的)?(?:吧|就行|就好|也行)?$)"
# preset -> the platform's names (Douyin is TikTok's Chinese twin, Bilibili exports like YouTube)
_PRESETS: tuple[tuple[PresetName, str], ...] = (
    ("archive", r"\barchiv\w*|\bmaster (?:file|copy)\b|\b(?:a|the|prores|final|full[- ]res) master\b|母带|存档|归档|留底|备份"), ("web", r"\bweb(?:site|page| page)?\b|网页|网站"),
    ("tiktok", r"tik ?tok|douyin|抖音|快手|kuaishou|视频号"), ("square", r"\bsquare\b|方形|正方形|朋友圈"),
    ("square", r"(?:instagram|insta|ins|ig)\s*(?:feed|post)"), ("reels", r"reels|instagram|ins\b|\big\s*stor(?:y|ies)|快拍"), ("shorts", r"shorts"), ("youtube", r"youtube|\byt\b|b站|bilibili|油管"))
# the preset an export in a shape takes when no platform is named (the vertical feeds' preset for 9:16)
_SHAPE_PRESETS: dict[str, PresetName] = {"16:9": "youtube", "9:16": "tiktok", "1:1": "square"}
_FORMATS = rf"(?<![a-z0-9])({'|'.join(OUTPUT_FORMATS)})(?![a-z0-9])"  # no \b: "导出成gif" has no word break
_FORMAT_ALONE = rf"(?<![a-z0-9.])({'|'.join(OUTPUT_FORMATS)})(?![a-z0-9])"  # not a file's extension ("hike.mp4")


# the sound alone asked for, no format named: "导出音频", "只要声音", "把声音单独导出来", "export just the audio"
_AUDIO_ONLY = r"音频|音轨|纯声音|(?:只要|光要|只需要|单要|就要)(?:个)?声音|声音(?:单独|单独的)?(?:导出|导成|存成|存下来)|" \
              r"(?:单独|只)导出?(?:成)?声音|导出(?:成|为)?声音|\b(?:just|only) the (?:audio|sound)\b|\baudio only\b"


def export_action(clause: Clause) -> ExportAction:
    """The video export a clause asks for: its format, the platform's preset and the quality said."""
    preset = next((name for name, pattern in _PRESETS if clause.has(pattern)), None)
    if preset is None and clause.has(r"(?<!\d)(?:720|480)\s*p?\b|(?<!\d)(?:720|480)p"):
        preset = "web"  # the 720p (short side) web preset
    if preset is None:  # "导出 要竖屏的 给小红书", "导出 高清 横屏": the shape said, with no platform that fixes one, is the export's
        preset = _SHAPE_PRESETS.get(aspect_of(clause) or "")
    said = clause.search(_FORMATS)
    fmt: OutputFormat = next((f for f in OUTPUT_FORMATS if said and f == said.group(1)), "mp4")
    if said is None and clause.has(r"(?<![a-z])prores(?![a-z])"):  # an editor's master codec: Apple's container
        fmt = "mov"
    if said is None and clause.has(_AUDIO_ONLY):  # "只要音频", "把声音单独导出来": the sound alone, as an mp3
        fmt = "mp3"
    # English words inside Chinese have no word break after them ("quality medium就行"); "high" and "low" are 高 and 低 there
    quality: Quality | None = "high" if clause.has(r"\bhigh|(?<![a-z])hd(?![a-z])|1080|\b(?:best|top|max(?:imum)?|highest|full) (?:possible )?quality\b|\bsharpest\b|高清|超清|高质量|高码率|高画质|最高画质|(?:画质|质量|清晰度)(?:要|就|用|选|调到?|弄)?(?:最|更)?(?:高|好)|最(?:清楚|清晰)|清楚点|清楚一点|清晰(?:一)?点|清晰度?(?:最)?高|"
                                                   r"\bquality\s*(?:选|用|要|是|:)?\s*高") else \
        "medium" if clause.has(r"(?<![a-z])medium(?![a-z])|中等(?:画质|质量)?|画质中等|中画质|画质一般|\bquality\s*(?:选|用|要|是|:)?\s*中") else \
        "low" if clause.has(r"(?<![a-z])low(?:er)?(?= quality| res)|(?<![a-z])low(?![a-z])|small(?:er)? file|file'?s? (?:is )?too big|小文件|低画质|画质低|小一点的文件|文件小|压缩|"
                            r"\bquality\s*(?:选|用|要|是|:)?\s*低") else None
    return ExportAction(format=fmt, preset=preset, quality=quality)


def _as_drawn(action: ExportAction, clause: Clause, state: PlanState) -> ExportAction:
    """Instagram takes square posts and vertical reels: on a square canvas ("square, ..., export for instagram") its
    export is the square one, unless reels or a story are named."""
    canvas = state.draft.canvas
    if action.preset == "reels" and canvas.width == canvas.height and not clause.has(r"reels|\bstor(?:y|ies)|快拍"):
        return dataclasses.replace(action, preset="square")
    return action


# words for a topic the registry's topic words do not hold: "回到调音量之前" is before the music's volume changed
_MORE_TOPICS = {"music": r"\bvolume\b|音量|\bloop|循环|\bduck|闪避",
                "canvas": r"\b(?:ratio|shape|orientation|resolution)\b|比例|竖版|横版|分辨率",  # "回到改比例之前"
                "speed": r"加快|变快|调快|快放|快进|倍速|提速|减速|降速",
                "motion": r"\bcamera (?:move|movement|motion)",
                "clip_sound": r"^(?:muted|unmuted|silenced)$"}  # "before you muted the second clip": its own sound  # "退回到加快之前": the speed (TOPICS's is shared)


def revert_topic(words: str) -> str:
    """The canonical topic ("music", "title", ...) words name; the words themselves when none fits."""
    if re.search(r"\bslow[- ]?mo", words):  # "undo the slow motion": the speed, never the camera's motion
        return "speed"
    for topic, pattern in (*REVERT_TOPICS.items(), *_MORE_TOPICS.items()):
        if compiled(pattern).search(words):
            return topic
    return words.strip()


_WORD_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _reverted(clause: Clause) -> str | None:
    """The topic a "go back to before ..." names; None when the clause asks no such thing ("revert the last change"
    is an undo; "revert the colour change" names no topic the history knows)."""
    match = clause.search(_REVERT)
    if match is None:
        named = clause.search(_REVERT_NAMED)
        topic = revert_topic(next(g for g in named.groups() if g is not None)) if named else ""
        return topic if topic in REVERT_TOPICS else None
    words = next(g for g in match.groups() if g is not None)
    topic = revert_topic(words)
    verb = re.search(r"\bbefore (?:i|we|you) (\w+)(?: (?:the |my )?(\w+))?", clause.text)
    if verb is not None and revert_topic(verb.group(1)) in REVERT_TOPICS:  # "before i sped up the dog": the speed
        topic = revert_topic(verb.group(1))
        said = revert_topic(verb.group(2) or "")
        if topic == "clip_sound" and said in ("music", "voice"):  # "before i muted the music": the music's
            topic = said
    if match.groups()[-1] is not None and topic not in REVERT_TOPICS:
        return None
    return topic


# "put it back", "狗那段给我弄回来", "加回来吧": what the last version took away (or the last undo), back again
_PUT_BACK = r"\b(?:put|bring|get|add) (?:it|that|them|(?:the|my) [\w -]+?) back(?: on| in)?(?: again| please| now)?\W*$|" \
            r"(?:弄|加|放|找|拿|恢复|要|改)回来(?:吧|了|一下|啦)?$|(?:^|[\s，,])恢复(?:一下|吧|了)*$"
_UNDONE = r"^(?:undid|撤销)"
# a clip put back where it was, after the last version moved clips ("第2个片段移到最前面" -> "再放回去")
_MOVED_BACK = r"^(?:再|还是|那就|那)?(?:放|挪|移|换|调|搬)回(?:去|原来的?(?:位置|地方|顺序|那里)?|原位)(?:吧|了|一下)*$|" \
              r"^(?:(?:no|ok|just|please)\s+)*(?:put|move) (?:it|them|that|the \w+(?: clip)?) back(?: where (?:it|they) (?:was|were))?(?: please)?\W*$"
_MOVED = r"^(?:moved|swapped|交换|.*移到|.*挪到|.*放到)"
_REMOVED = r"^(?:removed|deleted|took out|删除|删掉|去掉|移除)"


def _last_was(state: PlanState, pattern: str) -> bool:
    history = state.context.history  # (a label as a client wrote it: "Moved beach.jpg to the start")
    return bool(history) and re.match(pattern, history[-1].lower()) is not None


# "one for youtube as well", "and also a gif version", "再导一个b站的": another export after the last one
_ANOTHER = r"\b(?:one|version|copy|as well|too|also)\b|也|再(?:导|出|来)"


def from_history(clause: Clause, state: PlanState) -> bool:
    """What the last version makes of the clause: "no wait put it back" after an undo redoes it; "put the music back",
    "狗那段给我弄回来" after the last version removed it undo that removal (not new music: what was there comes back as
    it was); "one for youtube as well" after an export is another export (never a clip of YouTube)."""
    if state.context.history and not _last_was(state, r"^(?:exported|导出)") and (re.match(_JUDGED_LAST, clause.text) or re.match(
            _JUDGED_ALONE, clause.text) and re.match(_JUDGED_ALONE, clause.source.strip().lower())):
        state.actions.append(UndoAction())  # "no, that looks worse" of the last change: undone (never "no title")
        return True
    if _last_was(state, r"^(?:exported|导出)") and clause.has(_ANOTHER) and not clause.has(_EXPORT) and (
            clause.has(_FORMAT_ALONE) or any(clause.has(pattern) for _, pattern in _PRESETS)):
        state.actions.append(export_action(clause))
        return True
    tail = re.search(_RESTORED_TAIL, clause.text) if clause.language == "zh" and not clause.has(_REDO) else None
    if tail is not None and (tail.start() == 0 or not _edits_alone(clause.text[:tail.start()], state)):
        # "刚才那个撤错了 恢复一下", "还是要那个 恢复吧" after an undo redo it; "转场看着有点多余 撤了吧" undoes
        restore = tail.group("restore") is not None
        state.actions.append(RedoAction(_count(clause, state)) if restore and _last_was(state, _UNDONE) else UndoAction(_count(clause, state)))
        return True
    if clause.has(_MOVED_BACK) and (_last_was(state, _MOVED) or _last_was(state, _REMOVED)):  # "再放回去" after a move: undone
        state.actions.append(UndoAction(_count(clause, state)))
        return True
    if not clause.has(_PUT_BACK):
        return False
    if _last_was(state, _UNDONE):
        state.actions.append(RedoAction(_count(clause, state)))
    elif _last_was(state, _REMOVED):
        state.actions.append(UndoAction(_count(clause, state)))
    else:
        return False
    return True


# the last change judged, with a "no" or as worse than before: "no, that looks worse", "nope it's worse", "that's way worse"
_THAT_IS = r"(?:that|it|this)(?:'s| is| looks?| feels?| seems?| sounds?)+ (?:(?:really|so|kinda|kind of|a bit|way|much|even|super|" \
           r"actually|definitely) )*"
_JUDGED_LAST = rf"^(?:(?:no+|nah|nope|yeah no|oh no)[\s,.!]+(?:(?:hmm+|ugh|meh)[\s,.!]+)*{_THAT_IS}(?:worse|bad|awful|terrible|ugly|off|wrong|" \
               rf"weird)|(?:(?:hmm+|ugh|meh)[\s,.!]+)*{_THAT_IS}worse)(?: now| than before| to me)?\W*$"


# the last change judged bad with no "no", the whole message: "that looks bad", "ugh it looks terrible" (said before a
# request it is only why: "that looks bad, make the title smaller")
_JUDGED_ALONE = rf"^(?:(?:hmm+|ugh+|meh|oh|ew+|yikes|oof|honestly|eh)[\s,.!]+)*{_THAT_IS}(?:bad|awful|terrible|ugly|horrible|" \
                r"wrong|weird|off|cheap|gross|not (?:good|great|right))(?: now| to me)?\W*$"


# a Chinese clause that ends in undoing or restoring, after what it says of why: "算了 还原", "不喜欢 撤了吧"
_RESTORED_TAIL = r"(?:^|\s)(?:(?:那就|就|再|还是)?(?P<restore>恢复|还原)(?:一下|吧|了)*|(?:那就|就|还是)?撤(?:了|掉|回|回去|销)(?:吧|了)*)$"


def _edits_alone(words: str, state: PlanState) -> bool:
    """Whether ``words`` (what is said before an undo) name an edit of their own rather than why ("换回原来那首" is
    why; "标题删掉" is not): a request verb with an object."""
    return re.search(r"(?:加|删|改|调|换|剪|放|移|去掉|静音)(?!错|回)", words) is not None and \
        re.search(r"不要|不喜欢|不好|算了|错了|多余|还是|原来|刚才|那个", words) is None


# every change of the session, taken back: "undo all my changes", "go back to the original version", "撤销所有修改",
# "回到最初的版本" -- as many steps as the history holds (the runner stops at the first version); "all" said of a thing
# ("undo all the transitions") is no such request
_ALL_CHANGES = r"\b(?:undo|revert|reverse|scrap|discard|cancel|drop|throw away|get rid of|take back|reset)\s+" \
               r"(?:all\s+(?:of\s+)?(?:the\s+|my\s+|your\s+|those\s+|these\s+)?(?:changes|edits|steps|modifications|" \
               r"things (?:i|you|we) (?:did|made|changed))|everything)(?:\s+(?:i|you|we)\s+(?:did|made|changed|done|have done))?" \
               r"(?:\s+(?:so far|please|pls|now))*\W*$|" \
               r"\b(?:go|take (?:me|us|it)|revert|roll|bring (?:it|this))\s+(?:all the way\s+)?back\s+to\s+(?:the\s+)?(?:very\s+)?" \
               r"(?:original|first|initial|starting|start)\s+(?:version|draft|state|one)\b|\bback to square one\b|" \
               r"(?:所有|全部|一切)(?:的)?(?:修改|改动|操作|编辑|更改|改的|调整)(?:都|全|全都|全部)?(?:给我)?(?:撤|不要|取消|还原|恢复|退回)|" \
               r"(?:撤|撤销|撤回|取消|还原|恢复)(?:掉)?(?:所有|全部|一切)(?:的)?(?:修改|改动|操作|编辑|更改|步骤|改的)|" \
               r"(?:回到|恢复到|恢复成|还原到|还原成|退回到|退回|回退到|变回|改回)(?:最初|最开始|一开始|最早|刚开始|第一个|第1个)(?:的)?(?:版本|样子|状态|那样)"


# "刚才那几个都不要了": the last few changes, as many as there are up to three
_FEW = r"(?:这|那)几(?:个|步|下)?(?:改动|修改|操作)?(?:都|全)|\bthe last (?:few|couple of) (?:changes|edits|things|steps)\b"


def _count(clause: Clause, state: PlanState) -> int:
    if clause.has(_ALL_CHANGES) and state.context.history:  # "撤销所有修改": back to the first version
        return min(50, len(state.context.history))
    if clause.has(_FEW) and state.context.history:
        return min(3, len(state.context.history))
    repeated = re.findall(r"\bundo\b|\bredo\b", clause.text)
    if len(repeated) > 1 and re.fullmatch(r"(?:(?:undo|redo)[\s,.!]*)+", clause.text):  # "undo undo": two steps
        return len(repeated)
    if clause.has(r"\btwice\b|两步|2步|两次|2次|\bboth\b|俩"):
        return 2
    if clause.has(r"\bthrice\b"):
        return 3
    said = clause.search(r"\b(one|two|three|four|five|six|seven|eight|nine|ten)\b (?:times|steps?|changes|edits|things|actions)|"
                         r"\b(?:last|previous|past) (one|two|three|four|five|six|seven|eight|nine|ten)\b|"
                         r"\b(?:undo|redo|revert) (?:those|these|the|them|all|my) (two|three|four|five)\b")  # "undo those two"
    if said:
        return _WORD_COUNTS[next(g for g in said.groups() if g)]
    times = clause.search(r"\bx\s*(\d+)\b|\b(\d+)\s*x\b|^(?:go|step) back (\d+)(?: more)?$")  # "undo x3", "go back 2"
    if times:
        return max(1, min(50, int(next(g for g in times.groups() if g))))
    match = clause.search(r"(\d+)\s*(?:times|steps?|changes|edits|versions|things|actions|次|步|个?(?:修改|改动|操作|编辑|版本|变动)|"
                          r"(?:个|下)(?=都|全))|\ball (\d+)\b|"
                          r"\b(?:last|previous|past) (\d+)\b|(?:最近|前|最后)(?:的)?(\d+)(?:个|下)|(?:这|那)(\d+)(?=都|全)|"  # "这俩都不要了"
                          r"(?:撤销|撤回|撤|恢复|重做)(\d+)(?:下|遍|回)(?!来|去)")  # "撤回两下"
    return max(1, min(50, int(next(g for g in match.groups() if g)))) if match else 1


def handle(clause: Clause, state: PlanState) -> bool:
    helps = [topic for topic, pattern in (("music", _MUSIC_HELP), ("sounds", _SOUND_HELP)) if clause.has(pattern)]
    if helps:  # "what styles of music do you have and what sounds", "show the timeline, and tell me what sounds you have"
        if clause.has(r"^(?:please )?show (?:me )?(?:the )?timeline\b|^(?:查看|看看|给我看)?时间(?:线|轴)"):
            state.actions.append(ShowTimeline())
        state.actions.extend(HelpAction(topic) for topic in helps)
    elif clause.has(_UPLOADS_TO_USE):  # "现在有哪些素材可以用", "which uploads can i use": the uploads, never the help
        state.actions.append(ShowTimeline("uploads"))
    elif clause.has(_HELP) or clause.has(_WHAT_TO_TYPE):  # "what transitions can you do?": help about that topic
        helped = HelpAction(next((t for t, p in _HELP_TOPICS.items() if clause.has(p)), None))
        if helped not in state.actions:  # "how does this work? what can you do": one question, asked twice
            state.actions.append(helped)
    elif (topic := _reverted(clause)) is not None:  # "I preferred it before that": before the last change, an undo
        state.actions.append(UndoAction() if topic in ("that", "this", "then") else RevertAction(topic))
    elif (back := _wanted_back(clause, state)) is not None:  # "oops, bring it back" after a removal; "i want that back" after an undo
        state.actions.append(back)
    elif clause.has(_REDO):
        state.actions.append(RedoAction(_count(clause, state)))
    elif clause.has(_UNDO) or clause.has(_ALL_CHANGES):
        if not (state.actions and isinstance(state.actions[-1], RevertAction) and clause.has(r"^(?:go back|undo|revert)(?: it| that)?$")):
            state.actions.append(UndoAction(_count(clause, state)))  # "... before the music, go back": that going back
    elif clause.has(_SHOW) and not clause.has(_PUT_ON_TIMELINE):
        state.actions.append(ShowTimeline(asked_of(clause)))
    elif _one_more_export(clause, state):  # "and one for youtube as well" after an export
        state.actions.append(export_action(clause))
    elif (clause.has(_EXPORT) or clause.has(_FORMAT_ALONE) and clause.has(_WANTS_FILE)) \
            and not clause.has(r"\bof\b(?! (?:it|this|that|the video|my video)\b)") \
            and not clause.has(r"(?<![a-z])(?:srt|vtt)(?![a-z])|\bsubtitles?\b|\bcaptions?\b|字幕"):  # the captions' file
        last = state.actions[-1] if state.actions else None
        if isinstance(last, TimelineExportAction) and not clause.has(_FORMAT_ALONE) and not clause.has(r"高清|视频|\bvideo\b"):
            return True  # "达芬奇能打开吗？给我导一个": the editor's file just asked for
        if clause.has(_BEYOND_HD):  # "export it in 4k": no preset renders past 1080p; a 1080p file is not what was asked
            state.actions.append(Unknown(clause.unquoted(), understood="an export resolution", question=ask(
                clause, "I can't export above 1080p yet (no 2K or 4K): the sharpest export is high quality, 1080p. Shall I export that? "
                        "Say: export in high quality.",
                "暂时还不能导出超过1080p的分辨率（2K、4K）：最清楚的是高画质（1080p）。要导出这个吗？可以说：导出高清")))
            return True
        rate = clause.search(_EXPORT_FPS)
        if rate is not None and not any(isinstance(a, EditAction) and isinstance(a.edit, SetCanvas) and a.edit.fps
                                        for a in state.actions):  # "export at 60fps": the rate set, then the file made
            state.edit(SetCanvas(fps=int(next(g for g in rate.groups() if g))))
        for part in _each_export(clause):  # "导出一个给youtube的再导一个给抖音的": an export each
            state.actions.append(_as_drawn(export_action(part), part, state))
    else:
        return False
    return True


# a frame rate said with the export: "export at 30 frames", "render it at 60fps", "导出60帧的" (the export has no rate of
# its own: the video's is set first)
_EXPORT_FPS = r"(?<![\d.])(\d{2,3})\s*(?:fps|frames? (?:per|a) second|帧(?:每秒)?)|(?<![\d.])(24|25|30|48|50|60)\s*frames\b"


# what was just taken away, wanted again: "bring it back", "i want that back", "把它弄回来"
_BACK = r"\b(?:bring|get|want|need|have) (?:it|that|this|them) back\b|^(?:(?:oops|whoops|wait|ugh|oh no)[,.!]*\s+)?(?:it|that) back\b|" \
        r"(?:把它|把那个)?(?:加|弄|找|拿|要)回来"
_UNDONE_LABEL = r"^(?:undid|undone|undo)\b|^撤销|^已撤销"
_REMOVED_LABEL = r"\b(?:removed|deleted|cut out|took out)\b|删除|删掉|删了|去掉|移除"


def _wanted_back(clause: Clause, state: PlanState) -> UndoAction | RedoAction | None:
    """"oops, bring it back" right after a removal undoes it; "i want that back" right after an undo redoes it. Said
    beside an undo or redo of its own ("wait i want that back, redo") it is only that request's reason."""
    history = state.context.history
    if not history or not clause.has(_BACK) or clause.has(r"\b(?:undo|redo)\b|撤销|撤回|重做|恢复") or \
            re.search(r"\b(?:undo|redo)\b|撤销|撤回|重做|\bctrl\b|\bcmd\b", clause.source.lower().replace(clause.text, " ")):
        return None
    last = history[-1].strip().lower()
    if re.search(_UNDONE_LABEL, last):
        return RedoAction()
    return UndoAction() if re.search(_REMOVED_LABEL, last) else None


# another export after one: "and one for youtube as well", "another one for instagram", "再来一个b站的"
_ONE_MORE = r"^(?:(?:and|also|now|then|ok|okay|alright)\s+)*(?:(?:one|another(?: one)?|a version|the same(?: thing)?|same) " \
            r"(?:for|as)\b|for\b|(?:a |an )?\w+ (?:version|one|too)\b)|^(?:那|好)?(?:再|也)(?:来|出|要)(?:1)?(?:个|份|版)"


def _one_more_export(clause: Clause, state: PlanState) -> bool:
    """Another export for a platform or in a format, said right after an export (in this message or the last version)."""
    if not clause.has(_ONE_MORE) or not (any(clause.has(p) for _, p in _PRESETS) or clause.has(_FORMAT_ALONE)):
        return False
    history = state.context.history
    last = state.actions[-1] if state.actions else None
    return isinstance(last, ExportAction) or bool(history) and re.search(r"\bexport|导出", history[-1].lower()) is not None


# another export said in the same breath: "导出一个给youtube的再导一个给抖音的", "one for youtube and another for tiktok"
_ANOTHER_EXPORT = r"(?<=[\u4e00-\u9fff])[，,\s]*(?=(?:另)?(?:1|一)(?:个|份|版)(?:发|给|传|放))|再(?=导|出(?:1|一)?(?:个|份))|另外(?=再?导)|\band (?:also )?(?=(?:another|one more|one) (?:for|as)\b)|" \
                  r"\band (?=(?:a|an|one) [\w-]+ (?:version|one|copy)\b)|(?:和|跟|还有)(?=[^，,]{1,10}各(?:1|一)?(?:个|份|版))"  # "... and a tiktok version", "给抖音和油管各一个"


def _each_export(clause: Clause) -> list[Clause]:
    """The clause, or its parts when it asks for exports one after another, each for its own platform."""
    parts = [p for p in re.split(_ANOTHER_EXPORT, clause.text) if p.strip()]
    if len(parts) < 2 or any(not any(compiled(pattern).search(p) for _, pattern in _PRESETS) for p in parts):
        return _each_platform(clause)
    return [dataclasses.replace(clause, text=p) for p in parts]


def _each_platform(clause: Clause) -> list[Clause]:
    """"导出给抖音和油管各一个", "export a youtube version and a tiktok version", "抖音一份 youtube一份 都导出来": two
    platforms named together, an export for each, in the order said; so are two formats ("导出一份gif和一份mp4", "an mp4
    and a gif")."""
    named = sorted((m.start(), m.group(0)) for _, pattern in _PRESETS if (m := compiled(pattern).search(clause.text)))
    if len(named) < 2:
        formats = {m.group(1): m.start() for m in re.finditer(_FORMAT_ALONE, clause.text)}  # each format once, first said
        named = sorted((at, word) for word, at in formats.items())
    if len(named) < 2 or not clause.has(r"各|分别|\beach\b|\bboth\b|\band\b|和|跟|、|还有|以及|都|(?:1|一)(?:份|个).*(?:1|一)(?:份|个)"):
        return [clause]
    rest = clause.text
    for _, word in named:
        rest = rest.replace(word, " ")
    return [dataclasses.replace(clause, text=f"{rest} {word}") for _, word in named]
