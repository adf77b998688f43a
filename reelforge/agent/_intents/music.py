"""Background music: an uploaded song as BGM, a built-in style, volume, fades, loop, duck, remove (sound effects
are ``sound.py``'s)."""

from __future__ import annotations

import dataclasses
import re
from typing import TypedDict

from reelforge.agent._absent import nothing_to_remove
from reelforge.agent._intents._music_end import STOPS, music_end
from reelforge.agent._intents._words import ADD, REMOVE, color_of, level_two
from reelforge.agent._library import music_style, turned_down_style
from reelforge.agent._numbers import duration_ms, factor, find_durations, time_range
from reelforge.agent._refs import (
    LIVELIER,
    MISSING,
    before_end,
    clip_refs,
    clip_sound_changed_last,
    find_media,
    first_clip_named,
    mentions_it,
    moment_of,
    still_in_focus,
    text_segments,
    the_one_clip,
)
from reelforge.agent._state import Focus, PlanState
from reelforge.agent._text import PLACEHOLDER, VERY_EN, Clause, ask, compiled
from reelforge.agent.actions import EditAction, MusicAction, Unknown
from reelforge.agent.describe import describe_edit
from reelforge.draft import VIDEO
from reelforge.draft.edits import RemoveMusic, SetClipAudio, SetMusic, UpdateMusic

__all__ = ["LOUDER", "MUSIC", "QUIETER", "handle"]

# ("the track", "the audio track": the song under the video, never a clip's own sound: "the city clip's audio")
MUSIC = r"\b(?:music|bgm|songs?|soundtrack|tunes?|backing track|background track|melody|beats?|jingles?|instrumentals?|" \
        r"(?:the|this|that|my) (?:audio |music )?track(?! of))\b|背景音乐|背景乐|音乐|配乐|(?<!唱)歌|bgm|曲子|旋律"
_UPLOADED = r"\b(?:uploaded|my|i (?:sent|added|gave)|mine)\b|上传|我的|我自己(?:的|那首|这首|那个|这个)|我发的|我传|传了|传的"
# the upload turned down: "not my song, just put some chill music on", "acoustic guitar music instead of my song",
# "不要用我的歌，来点轻松的": library music, never the song
_NOT_MINE = r"\b(?:not|instead of|(?:rather )?than|other than|except|no|without|forget|skip|not using|don'?t use|do not use)\s+" \
            r"(?:my|the|that|this)\s+(?:own\s+)?(?:uploaded\s+)?(?:song|track|tune|audio|mp3|file|music)\b|" \
            r"\b(?:leave out|ignore|forget about|no need for) my (?:own\s+)?(?:uploaded\s+)?(?:song|track|tune|audio|mp3|file)\b|" \
            r"\bleave my (?:own\s+)?(?:uploaded\s+)?(?:song|track|tune|audio|mp3|file) out\b|" \
            r"\b(?:i )?(?:don'?t|do not) (?:want|need|like)(?: to use)? my (?:own\s+)?(?:uploaded\s+)?(?:song|track|tune|audio|mp3|file|music)\b(?! to\b)|" \
            r"(?:不要|别|不|不想)用?我(?:自己)?(?:上传|传)?的(?:歌|音乐|曲子)|不是我(?:上传)?的(?:歌|那首)|" \
            r"(?:用|换成|换|改用)(?:音乐库|曲库|库)里(?:的|面的)"  # "我传的歌太吵了 用库里的轻音乐代替": the library's instead
_USE = r"\b(?:use|set|play|make|put|add|as|with|replace|switch|swap|change)\b|用|作为|当|做|换|配|加|放"
# whose video the music is for names no upload: "music for my dog video", "给我的视频配点音乐"
_FOR_MINE = r"\b(?:for|to|on|in|under|over|into) (?:my|our) (?:[\w-]+ ){0,2}(?:video|vlog|clip|channel|montage|reel|edit|film|movie|short|page)s?\b|" \
            r"给我的(?:[\u4e00-\u9fff]{0,6}?)(?:视频|vlog|片子)"
# a loudness said not to be wanted, a verb between or none: "音乐别放那么大声", "不要太吵", "别开这么响", "不用那么大声"
# (quieter); "别那么小声" (louder)
_NOT_SO = r"(?:别|不要|不用|不必|没必要)(?:再)?(?:放|开|调|弄|搞|整)?得?(?:那么|这么|太|那样|这样)"
# phrasal verbs with the object inside: "tone the music down", "crank it up", "bump up the music"
QUIETER = r"\b(?:quieter|softer|lower|drown(?:s|ing)?(?: \w+){0,2} out|overpower\w*|too (?:strong|prominent|much)|(?:turn|tone|bring|pull|dial|take|drop|knock)(?: \w+){0,3} down|drop (?:the )?(?:\w+ )?(?:volume|level)|reduce|decrease|less loud|" \
           r"not so loud|too loud|(?:don'?t|do not|doesn'?t|does not|shouldn'?t|should not|needn'?t) (?:[\w']+ ){0,4}?(?:so|that|this|too) loud|(?<!is )(?<!'s )(?<!are )barely audible|(?:just|only) audible)\b|小一点|低一点|低一些|低点|小声|轻一点|降低|调低|调小|关小|小点|太吵|有点吵|好吵|很吵|太大声|弱一点|小很多|小多了|小得多|" \
           r"小一些|小些|盖过|压过|盖住|(?:声音|音量)?太大了?|抢了|太响|太突出|" + _NOT_SO + r"(?:大声|响|吵)|" \
           r"(?:小|低|轻)到(?:几乎|快|差不多)?听不(?:见|到|清)|" \
           r"\b(?:the|my|this) (?:music|song|bgm|track) (?:should|must|needs? to|has to|could|can) be (?:really |very |super |a bit |way |much )?" \
           r"(?:quiet|soft)\b(?! (?:music|songs?|tracks?|piano|guitar|jazz|tunes?)\b)"
# ("小到几乎听不见": down to barely audible; "the music should be really quiet, like 10": its level, never quiet music)
LOUDER = r"\b(?:louder|(?:turn|bump|crank|pump|bring|dial|push)(?: \w+){0,3} up|raise|increase|boost|more volume|" \
          r"can't hear|too quiet|(?:volume|sound|audio)(?: (?:a (?:bit|little|tad)|slightly|much|way))? higher)\b|高一点|高一些|响一些|大一点|大声|调高|调大|开大|提高|大点|响一点|太小声|大很多|大多了|大得多|大一些|大些"
# a complaint that it is too quiet asks for more ("音乐太小声了" holds "小声")
_TOO_QUIET = rf"\btoo (?:quiet|soft|low)\b|\b(?:is|'s|are|sounds?|feels?|seems?) {VERY_EN} (?:quiet|soft|low)\b|" \
             r"\b(?:can'?t|cannot|barely|hardly) hear\b|\bhard to hear\b|\b(?:is|'s|are) (?:barely|hardly) audible\b|" \
             r"太小声|太小了|太轻了|声音太小|(?<!到)(?<!几乎)(?<!快)(?<!差不多)听不(?:见|到)|" + _NOT_SO + r"(?:小声|轻|小)"
# a share said as a change: "10% louder", "lower the music by 20%", "音乐再大10%", "音量降低20%" (not "turn it down to 30%")
_N = r"(\d+(?:\.\d+)?)\s*(?:%|percent)"
_BY_SHARE = (rf"\bby\s+{_N}|{_N}\s*(?:more\s+|less\s+)?(?:louder|quieter|softer|lower|higher|up|down|more|less)\b|"
             rf"\b(?:louder|quieter|softer|lower|higher|up|down)\s+{_N}|"  # a learner's "take it down 20%", "louder 10 percent"
             # ("别太大声 15%就够": a loudness not wanted, then the level)
             r"(?<![太么样])(?:再|调|变|加|减)?(?:大声|小声|大|小|高|低|增加|减少|降低|提高|提升|减小|加大|降|往下调|往上调|下调|上调)了?\s*(?:(\d+(?:\.\d+)?)\s*%|百分之(\d+(?:\.\d+)?))")
_HALF = r"\b(?:by half|in half|halve|half as loud)\b|[，,]\s*用一半|减半|减小一半|降低一半|小一半|降一半|减一半|减少一半|砍一半|压一半|(?:调|降|压)低一半"
_DOUBLE = r"\bdouble\b|\btwice as loud\b|加倍|翻倍|大(?:一|1)倍|提高(?:一|1)倍|增加(?:一|1)倍"
_MUTE = r"(?<![a-z])mute(?![a-z])|静音"
# the music back at its usual level: "unmute the music", "取消静音"
_UNMUTE = r"\bun-?mute\b|取消(?:音乐|背景音乐)?(?:的)?静音|恢复(?:音乐|背景音乐)?(?:的)?(?:音量|声音)|打开(?:音乐的)?声音|" \
          r"(?:音量|声音)(?:恢复|调回|改回|还原)(?:成|到)?(?:默认|正常)|默认音量"  # "bgm的音量恢复默认"
_DEFAULT_VOLUME = 0.35


# a negated loop is a setting, not a removal: "don't loop it", "I don't want the music to loop", "别循环"
_NO_LOOP = (r"\b(?:don'?t|do not|no|stop|never|didn'?t|doesn'?t|wouldn'?t|won'?t|shouldn'?t)\s+(?:\w+\s+){0,4}?(?:loop|repeat)|"
            r"\bplay (?:it |the (?:music|song|track|bgm) |that )?(?:just )?once\b|\bkeeps? (?:on )?(?:repeating|looping)\b|"
            # the loop said as what is wrong: "the song repeats, stop that", "the music loops"
            r"^(?:(?:ugh|hmm|ok|so|and|also)\s+)*(?:the |my |this |that )?(?:music|song|track|bgm) (?:repeats|loops|is (?:looping|repeating)|"
            r"starts (?:over|again))(?: (?:at the end|after \w+ seconds?|halfway|midway))?(?=\s*(?:$|[,.;!]))|"
            r"\brepeats? (?:over and over|again and again|too (?:much|often))\b|"
            r"\b(?:not|no) (?:on )?(?:a )?(?:loop|repeat)|\bonly once\b|^just once(?: please)?$|"
            # the loop switched off: "turn off the music loop", "turn the loop off", "disable looping"
            r"\b(?:turn|switch|shut|take) off (?:the |its )?(?:(?:music|song|track|bgm)(?:'s)? )?(?:loop|looping|repeat)\b|"
            r"\b(?:turn|switch) (?:the |its )?(?:(?:music|song|track|bgm)(?:'s)? )?(?:loop|looping|repeat) off\b|"
            r"\b(?:disable|cancel|kill|remove) (?:the |its )?(?:(?:music|song|track|bgm)(?:'s)? )?(?:loop|looping)\b|\bloop(?:ing)? off\b|"
            r"(?:不要|别|不|不用|不需要)(?:再)?(?:循环|重复)|只播放?一(?:次|遍)|播一(?:次|遍)|(?:只|就)(?:播|放|播放)(?:一|1)(?:次|遍)|"
            r"(?:播|放)(?:一|1)(?:次|遍)(?:就行|就好|就够了|就完|就结束|就可以)|"
            r"循环(?:功能|播放)?(?:给我|帮我)?(?:关掉|关了|关闭|关上|取消|去掉|停掉)|(?:关掉|关闭|取消|去掉|停掉)(?:音乐的?)?循环")
# the music being replaced is not the style asked for: "swap the lofi for jazz", "replace the rock with something calm",
# "把低保真换成摇滚"
_REPLACED = r"\b(swap|replace|switch|trade)(?: out)? (?:the|that|this|my|our) [\w&-]+(?: [\w&-]+)?(?= (?:for|with)\b)|" \
            r"(把)[^，,把]{1,8}?(?=换成|改成|替换成|换为)"
# ("下雪的故宫 红墙 古风": 古风 listed after a scene after a pause is how it looks, no music)
# a genre named alone is music: "how about some jazz instead", "换成爵士乐吧", "add some dubstep", "put on some rock"; words that
# are also things in a scene (rock, country, piano, strings) only as what is asked for ("some rock", "to country")
_GENRE = r"(?<![a-z])(?:jazz|lo-?fi|edm|hip[- ]?hop|techno|synthwave|classical|orchestral|chill ?hop|chill ?out|r&b|rnb|blues|dubstep|" \
         r"trance|drum (?:and|n|&) bass|dnb|synth-?pop|retrowave|chiptune|8[- ]?bit|phonk|future bass|electro(?:nica)?|" \
         r"(?:deep|tropical) house|[kj]-?pop|pop[- ](?:rock|punk|music)|indie (?:pop|folk|rock)|punk|funk|disco|reggae|ska|" \
         r"bossa nova|bluegrass|film score|ballads?|lullab(?:y|ies)|boom bap|new age|symphon(?:y|ic)|chill vibes|lounge music|" \
         r"smooth jazz|(?:upbeat|happy|teen|dance|synth|bubblegum)[- ]pop|singer[- ]songwriter|easy listening|(?:beach|summer) vibes|" \
         r"big band|bebop|heavy metal|(?:hard|classic|alt(?:ernative)?|garage|punk) rock|grunge|trap beats?|rap beats?|" \
         r"reggaeton|afrobeats?|dancehall|city pop|vaporwave|chillwave|hyperpop)(?![a-z])|" \
         r"\b(?:some|more|with|to|for|of|play|put on|try|want|add)\s+(?:(?:a|an|the|little|bit|nice|soft|solo|light|good|cool|real|proper|" \
         r"old|classic|gentle|sad|happy|chill|calm|mellow|upbeat|relaxing|acoustic|emotional|epic)\s+){0,2}" \
         r"(?:rock|soul|rap|trap|folk|country|piano|guitar|ukulele|banjo|strings|violins?|cellos?|orchestra|ambient|acoustic|" \
         r"lounge|synths?|easy listening)(?![a-z])(?!\s+(?:playing|player|on|in|at|by|of|near|under|stage|band|lesson))|" \
         r"爵士|摇滚|民谣|电子乐|嘻哈|古典乐|钢琴曲|轻音乐|纯音乐|电音|说唱|饶舌|蓝调|交响乐|乡村音乐|摇篮曲|电子舞曲|(?<!赛博)朋克|放克|迪斯科|舞曲|" \
         r"重金属|金属乐|摇摆乐|" \
         r"(?:(?<![\u4e00-\u9fff] )|(?<=换成 )|(?<=改成 )|(?<=来点 )|(?<=音乐 )|(?<=配乐 )|(?<=bgm ))" \
         r"(?:古风|国风|中国风)(?=(?:一点|点)?(?:的)?(?:吧|$|[，,]|音乐|歌|配乐|bgm|曲))|" \
         r"(?:^|[，,\s])(?:再)?配(?:上|个|点|首|一首|一段|段)?(?:[\u4e00-\u9fff]{1,3}的)?(?:钢琴|吉他|电子|古典|古筝|二胡|琵琶|笛子|萨克斯)|" \
         r"(?:来|加|配)(?:点|首|一首|段|一段|个)(?:[\u4e00-\u9fff]{1,3}的)?(?:钢琴|吉他|小提琴|大提琴|尤克里里|弦乐|古筝|二胡|琵琶|萨克斯)"  # "…，配钢琴", "配点轻松的吉他", "来点小提琴"


def _upload_said(clause: Clause) -> bool:
    """Whether the clause speaks of the user's own upload ("my song", "我上传的"), not of whose video it is for."""
    return compiled(_UPLOADED).search(compiled(_FOR_MINE).sub(" ", clause.text)) is not None


def _relative(clause: Clause) -> float | None:
    """A change by a share ("10% louder" is 1.1 times, "by half" 0.5), or None when the share is a level."""
    if clause.has(_HALF):
        return 0.5
    multiple = factor(clause.text)
    if multiple is not None:  # "音量调到原来的一半", "half its volume": that multiple of its level
        return multiple
    part = clause.search(r"\b(?:a |one )?(quarter|third|fifth|tenth)\s+as\s+loud\b|" + _N + r"\s+as\s+loud\b")
    if part is not None:  # "music a quarter as loud", "20% as loud"
        return {"quarter": 0.25, "third": 0.333, "fifth": 0.2, "tenth": 0.1}.get(part.group(1) or "") or float(part.group(2)) / 100
    if clause.has(_DOUBLE):
        return 2.0
    times = clause.search(r"\b(\d+(?:\.\d+)?) times? (?:more loud|louder|as loud)\b|(?:调大|放大|大|提高)(\d+(?:\.\d+)?)倍|"
                          # "音乐大声点，用两倍": the factor of the change said before it
                          rf"(?:{LOUDER})[^，,]*[，,\s]\s*用\s*(\d+(?:\.\d+)?)\s*倍")  # (or a space: "音乐大声点 用两倍")
    if times:  # "make the music 2 times more loud", "音乐调大两倍"
        return min(4.0, float(times.group(1) or times.group(2) or times.group(3)))
    share = clause.search(_BY_SHARE)
    if share is None:
        return None
    value = float(next(g for g in share.groups() if g)) / 100
    if clause.has(_TOO_QUIET) or clause.has(LOUDER + r"|\b(?:up|more|higher)\b|大|增加|提升|升高|提高|上调|往上"):
        return 1 + value
    if clause.has(QUIETER + r"|\b(?:down|less)\b|小|减少|减小|降|往下|下调"):
        return max(0.05, 1 - value)
    return None


def _percent(clause: Clause) -> float | None:
    if clause.has(r"\b(?:to|at) (?:the )?(?:max(?:imum)?|full(?: volume| blast)?)\b|\bmax(?:imum)? volume\b|\ball the way up\b|"
                  r"(?:调|开|拉)(?:到)?最大|拉满|开满"):
        return 1.0  # "music volume to max", "音乐拉满"
    fraction = clause.search(r"(?:\bto\b|\bat\b|调到|调成|设为|设成|改成|弄成|变成|到)\s*(0?\.\d+)(?!\d*\s*(?:s\b|秒|sec|x\b|倍|times))")
    if fraction:  # "turn the volume of the music to 0.5", "turn the music down to 0.2"
        return min(2.0, float(fraction.group(1)))
    if clause.search(r"(?:\bvolume\b|音量).*?(?:\bto\b|\bat\b|调到|设为|改成|到)?\s*(?:half\b|一半)|\bhalf (?:the )?volume\b|"
                     r"\b(?:to|at) half\b(?! (?:speed|a second|a sec|the))"):
        return 0.5  # "put the music volume at half", "音乐音量调到一半", "bgm to half"
    tenths = clause.search(r"(?:音量|声音|调到|设为|到|音乐|配乐|bgm|歌)\s*(\d)成(半)?|(?:^|[，,\s])(\d)成(半)?(?:就行|就好|就够了|吧|左右)?$")
    if tenths:  # "音量调到四成", "音乐两成半"
        return (int(tenths.group(1) or tenths.group(3)) * 10 + (5 if tenths.group(2) or tenths.group(4) else 0)) / 100
    match = clause.search(r"(\d+(?:\.\d+)?)\s*(?:%|percent)|\bvolume\s+(?:to\s+|at\s+|of\s+)?(\d+(?:\.\d+)?)\b(?!\s*s)|音量(?:调到|设为|改成|到)?(\d+)(?![\d.]|秒)|"
                          # "音乐提到50", "bgm降回30": a level said with no unit after a verb of turning it
                          r"(?:音乐|声音|bgm|配乐)[^\d，,]{0,3}?(?:调|降|提|拉|开|放|减|加|升|改)(?:到|回|成|为)(\d{1,3})(?![\d.]|\s*(?:秒|倍|帧|s\b|x\b|fps))")
    if not match and clause.has(QUIETER + "|" + LOUDER + "|" + _TOO_QUIET + r"|\btoo much\b|太大|太小"):
        # "nah louder than that, 30", "too much, like 45", "hmm a little louder, 25?": the direction, then the level
        match = clause.search(r"(?:^|[,，]\s*|\.\s+|\s)(?:like |maybe |about |around |try |say )?(\d{1,3})\s*\??$")
    if not match:
        bare = clause.search(_BARE_LEVEL)
        return int(bare.group(1)) / 100 if bare and 5 <= int(bare.group(1)) <= 100 and not clause.has(_NOT_A_LEVEL) else None
    value = float(next(g for g in match.groups() if g))
    return min(2.0, value / 100)


# a level said as a bare number: "lo-fi music at 25", "set the bgm to 25", "背景音乐调到25" (not a time, a speed, a rate)
_BARE_LEVEL = r"(?:\b(?:at|to)\s+|(?:调到|调成|调回|设为|设成|改成|开到|降到|降回|调低到|调小到))(\d{1,3})(?![\d.]|\s*(?:%|percent|s\b|secs?\b|" \
              r"seconds?\b|x\b|times\b|fps\b|frames?\b|k\b|p\b|倍|秒|帧|分|:))"
_NOT_A_LEVEL = r"\b(?:start\w*|begin\w*|come\w* in|kick\w* in|play\w* from|from|fade\w*|speed|fps|frame rate|second|sec|till|until)\b|" \
               r"开始|进来|从|淡|速|帧|秒|第"


def _has_music(state: PlanState) -> bool:
    return any(t.is_music and t.segments for t in state.draft.tracks)


# "换一个" / "换一首" right after the music was named: another track
_ANOTHER_ZH = r"^(?:再)?换(?:1)?(?:个|首|下)?(?:吧|一下)?$"
# objects other than the music: loudness said with one of them is theirs ("turn the clips' own sound down")
_OTHER_OBJECT = (r"\b(?:titles?|texts?|captions?|subtitles?|voice|narrat\w*|clips?|shots?|videos?|sound effects?|"
                 r"original|own|speech|photos?|pictures?)\b|标题|文字|字幕|配音|旁白|片段|镜头|视频|原声|音效|照片|人声|叫声")
_BACKGROUND = r"\bbackground\b|背景(?!色|颜色|图)"
# words that are about loudness only ("大一点" may be a title's size; "大声一点" is not)
_LOUDNESS = (r"\b(?:louder|quieter|softer|volume|(?:turn|tone|bring|dial|crank|bump)(?: \w+){0,3} (?:up|down))\b|"
             r"\b(?:sound|audio)(?: (?:a (?:bit|little|tad)|slightly|much|way))? (?:higher|lower)\b|"  # "the sound a bit lower"
             r"大声|小声|响一点|轻一点|太吵|有点吵|好吵|很吵|音量|"
             # "声音大一点", "声音再小点", "把声音调大一点": the sound's size is its loudness, never the title's
             r"声音(?:再|稍微|稍稍|调|开|放|弄|搞|整)*(?:大|小|高|低)(?:一点|一些|点|些)?")


# What a generated clip shows: music named after it is the scene's ("a video of a band playing music").
_GENRE_IN_SCENE = r"\b(?:jazz|rock|blues|hip[- ]?hop|techno|disco|punk|metal|reggae|country|folk|pop|k-?pop|opera|salsa|tango)\s+" \
                  r"(?:club|bar|band|concert|festival|singer|musician|dancer|cafe|café|lounge|hall|venue|stage|star|party|crowd|fans?|" \
                  r"station|night|era)s?\b"
_SUBJECT = r"\b(?:video|clip|shot|scene|footage|animation|movie|time-?lapse)s?\s+(?:of|showing|about|featuring|where)\b|" \
           r"(?:生成|制作|拍)(?:1)?(?:个|段|条)?"


# ducking is done to the music only: "turn on ducking", "开启闪避"
_DUCK = r"\bduck(?:s|ed|ing)?\b|闪避|避让"
_NO_DUCK = (r"\b(?:turn off|switch off|disable|stop|no|without|don'?t|do not)\b.*\bduck|\bduck\w* off\b|(?:闪避|避让)(?:功能)?(?:给我)?(?:关|取消|去掉|不要)|"
            r"(?:关闭|关掉|取消|不要|不用|不必|不需要|别|停止|去掉)(?:再)?(?:音乐)?(?:的)?(?:自动)?(?:闪避|避让|降低|压低|变小|让)")
# the music going down by itself while someone speaks: "lower the music automatically whenever someone is talking",
# "the music goes down by itself when someone talks", "有人讲话的时候背景音乐自己压下去", "旁白出来的时候BGM自动让一下"
_SPEECH = (r"\b(?:when(?:ever)?|while) (?:someone|somebody|people|anyone|i|we|they|he|she|the narrator|the voice(?:-?over)?|"
           r"the narration)(?:'s|'re)? (?:is |are )?(?:speak|talk|say|narrat|play)\w*|"
           r"\bwhen(?:ever)? (?:the )?(?:voice-?over|narration|narrator|vo) (?:comes? (?:in|on)|is on|starts?)\b|"
           r"\bwhen(?:ever)? there(?:'?s| is| are) (?:any |some )?(?:talking|speech|speaking|dialog\w*|narration|voice\w*|someone talking)\b|\bunder (?:the )?(?:speech|voice\w*|vo|dialog(?:ue)?|talking|narration)\b|"
           r"\b(?:during|over) (?:the )?(?:speech|voice\w*|vo|narration|talking)\b")
_ZH_SPEECH = r"(?:人声|说话|讲话|配音|旁白|解说|对白|有人说|有人讲)"
_DUCKING = (rf"\bduck|(?:{_SPEECH})|\b(?:automatic(?:ally)?|by itself|on its own)\b.*\b(?:lower|down|quieter|duck|dip)|"
            rf"避让|闪避|{_ZH_SPEECH}.*(?:降低|压低|调低|放低|低|小|压下去|降|让一下|让开|让一让)|自动(?:降低|压低|变小|降|让)")
# an uploaded sound file: "the audio I uploaded", "my mp3", "我上传的音频"
_AUDIO_FILE = r"(?<![a-z])(?:audio(?: file| track)?|mp3|wav|m4a|aac|flac|ogg)(?![a-z0-9])|音频|录音"
# "music off", "bgm off please"
_OFF = r"\b(?:music|bgm|songs?|soundtrack)\s+off\b|(?:音乐|背景音乐|配乐|歌)(?:给我)?关(?:了|掉|上)|" \
       r"(?:别|不要|不用)(?:再)?(?:放|播|加|配|用)(?:背景)?(?:音乐|配乐|歌|bgm)|" \
       r"(?:音乐|背景音乐|配乐|bgm)(?:就|也|先|干脆)?(?:别|不要|不用)(?:再)?(?:放|播|播放|放了|配|用)(?:了|吧|啦)*$"  # "别放音乐了", "音乐别放了"
# "pick another one", "something else" right after the music was named: another track
_INSTEAD = (r"^(?:(?:can|could) (?:we|you) |let'?s |please |maybe )?(?:swap|switch|change|try|go with|use|how about|"
            r"what about|rather)\b(?: (?:it|this|that|to|with|for|some|something|more))*\s+([\w -]+?)(?: instead| please| then)?\??$")
_ANOTHER_EN = (r"^(?:(?:please |can you |could you )?(?:pick|choose|find|try|play|use|get|give me|put on|switch to|go with) )?"
               r"(?:another|a different|something else|a new|some other)(?: one| song| track| tune)?(?: instead| please)?$")


def _another_track(clause: Clause, state: PlanState) -> bool:
    """"another one" / "换一个" is another track when a song is named or the music was just chosen (in this message or
    the last version), not after only its level or fades changed ("set the music volume to 20%", then "another one": asked)."""
    if not clause.has(_ANOTHER_EN) and not clause.has(_ANOTHER_ZH):
        return False
    if clause.has(r"\b(?:song|track|tune)\b|首") or state.focus is not state.initial_focus:
        return True
    last = state.context.history[-1] if state.context.history else ""
    return re.search(r"\b(?:volume|fad\w*|loop\w*|duck\w*|louder|quieter|softer)\b|音量|淡入|淡出|循环", last) is None


# a mood asked for as "something ...": "give me something calm", "maybe something more upbeat", "i'd like something epic"
_SOMETHING = (r"^(?:(?:please|maybe|just|then|ok(?:ay)?|so)\s+)*(?:(?:give me|i want|i'?d like|i need|let'?s (?:have|try)|how about|"
              r"what about|go with|try|play|use|put on|find)\s+)?(?:something|anything|some(?:thing)? more)\b")
# words only the music takes, after it was named ("... and no loop", "音量也调到30%", "从歌的第10秒放起")
_MUSIC_ONLY = r"\b(?:loop\w*|repeat\w*|volume)\b|\d\s*(?:%|percent\b)|^(?:just |only )?once(?: please)?$|" \
              r"^(?:starting|start it|bring it in|have it start) (?:at|from) \d+(?:\.\d+)?\s*(?:s|secs?|seconds?)$|" + _SPEECH + "|" \
              r"循环|重复|音量|从歌|歌的第|从头(?:开始)?(?:放|播)|^(?:就|再|那就|那)?(?:调回|调到|降到|降回|开到|调成)\d{1,3}(?:吧|就行|就好)?$|" \
              r"^(?:再)?大(?:1|一)倍(?:吧)?$|" \
              r"^(?:(?:太|有点|好)(?:吵|闹|烦)了?[，,\s]+)?(?:那就|那|还是|干脆)?关(?:了|掉)(?:吧)?(?:[，,\s]+(?:太|有点|好)(?:吵|闹|烦)了?)?$|^(?:那就|那|还是)?从第?\d+(?:\.\d+)?秒(?:的地方|那里|处)?(?:再|才)?(?:开始|进来|进|响起)(?:播放|播|放|用)?(?:吧)?$"
# the music kept while something else changes: "mute everything except the music", "只留背景音乐"
_KEEP_MUSIC = (r"\bexcept (?:for )?(?:the )?(?:music|song|bgm)|\bonly (?:the )?(?:music|song|bgm)(?: should| is| will)?|"
               r"\bkeep (?:only )?(?:the )?(?:music|song|bgm)(?! (?:playing|going|running|on)\b)|只(?:保)?留(?:下)?(?:背景)?(?:音乐|歌|bgm)|除了(?:背景)?(?:音乐|歌|bgm)")
# cutting to the beat is not something the editor does: "卡点视频", "cut to the beat"
_BEAT_SYNC = r"\b(?:beat[- ]?sync\w*|(?:cut|edit|sync)\w* (?:\w+ )?(?:to|on) the (?:beat|rhythm|drums?))\b|卡点|踩点|(?:卡|踩|跟着|按|对)(?:着)?鼓点"  # "不要有鼓点的" is a kind of music


_FADE_SAID = r"\bfad(?:e|es|ed|ing)\b|淡入|淡出|渐入|渐出|渐弱"
_MUSIC_FADE_LABEL = re.compile(r"(?=.*\b(?:music|song|bgm)\b|.*(?:音乐|配乐|歌|bgm))(?=.*\bfad|.*淡入|.*淡出)")


def _fade_said(clause: Clause) -> bool:
    return clause.has(_FADE_SAID) or _fade_ms(clause, "in") is not None or _fade_ms(clause, "out") is not None


def _music_changed_just_now(state: PlanState) -> bool:
    """The last request of this message changed or set the music."""
    last = state.actions[-1] if state.actions else None
    return isinstance(last, MusicAction) or isinstance(last, EditAction) and isinstance(last.edit, SetMusic | UpdateMusic)


def _fade_was_last(state: PlanState) -> bool:
    """The last change (in this message, or the last version's) was a fade of the music: a fade said next, with no
    object, is that fade again ("淡出再短点 一秒就行", "let it come in slowly too")."""
    if state.actions:
        last = state.actions[-1]
        edit = last.edit if isinstance(last, EditAction) else None
        # an uploaded song just set counts too: "use my track, fade in 2 seconds", "用我的歌 别循环 结尾淡出三秒"
        return isinstance(edit, SetMusic) or isinstance(edit, UpdateMusic) and (
            edit.fade_in_ms is not None or edit.fade_out_ms is not None)
    history = state.context.history
    return bool(history) and _MUSIC_FADE_LABEL.match(history[-1].lower()) is not None


def _is_music_clause(clause: Clause, state: PlanState) -> bool:
    if clause.has(LIVELIER) and not clause.has(MUSIC) and still_in_focus(state):
        return False  # "来点动感" right after a photo: a move over the still (motion.py's), never music
    if clause.has(_KEEP_MUSIC) or clause.has(r"\bloras?\b"):  # "use the anime lora for a girl watching the stars": a look
        return False
    if _has_music(state) and clause.has(r"(?:盖过|压过|盖住|抢了)(?:了)?(?:原声|人声|配音|旁白)"):
        return True  # "有点盖过原声了 降到45": the music drowning the clips' sound out
    if clause.has(_DUCK) and not clause.has(r"\b(?:a|the|some|of) ducks?\b|鸭"):  # a duck in a scene is a bird
        return True
    if clause.has(_NO_DUCK) and clause.has(r"自动") and _has_music(state):  # "别自动降低了": the music's ducking
        return True
    if clause.has(_AUDIO_FILE + r"|\btracks?\b") and clause.has(_UPLOADED) and any(m.kind == "audio" for m in state.context.media):
        return True
    if clause.has(r"(?:换|来|另)(?:1|一)?首") and not clause.has(_OTHER_OBJECT):  # "换一首别的": another song
        return True
    # "pick a different track", "another tune": other music, never a clip to generate
    if clause.has(r"\b(?:different|new|other|another) (?:track|tune)s?\b") and not clause.has(_SUBJECT + r"|\bvideo tracks?"):
        return True
    # "an upbeat track under the video": a track with a style is music
    if clause.has(r"\btracks?\b") and music_style(clause.text) is not None and not clause.has(_SUBJECT + r"|\bvideo tracks?"):
        return True
    instead = clause.search(_INSTEAD) or (None if clause.has(r"慢|(?<![欢轻愉])快|速|倍|竖|横|方") else clause.search(
        r"^(?:试试|试一下|换成|换个|换一个|换首|换一首|来点|来一点|来个|来首|来一首|用)(.{1,8}?)(?:的|吧|的吧|看看|的试试)?$"))
    # ("swap the first one for kids playing in the snow", "用清晨的海边替换狗": a clip named is what is replaced)
    if instead and music_style(instead.group(1)) is not None and not clause.has(_OTHER_OBJECT + "|" + _SUBJECT) \
            and not clip_refs(clause, state):
        return True
    # "something happy in the background": a mood behind the video is music, not a scene
    if clause.has(r"^(?:(?:please|can you|could you|maybe|i want|i'?d like|i need|give me|let'?s have) )?(?:something|anything)\b.*"
                  r"\b(?:in the background|behind (?:it|this|the video))\b") \
            and music_style(clause.text) is not None:
        return True
    # "some relaxing piano in the background", "calm piano at 30%": a style said behind the video or at a level is music
    # (not "a man playing piano in the background" nor "a cafe with a piano in the background": a scene)
    behind = clause.search(_BEHIND)
    if (behind is not None or clause.has(r"\b(?:at|to) \d+(?:\.\d+)?\s*%")) and music_style(clause.text) is not None:
        rest = dataclasses.replace(clause, text=clause.text[:behind.start()] + clause.text[behind.end():]) if behind else clause
        if not rest.has(_SUBJECT + "|" + _OTHER_OBJECT + r"|\bplay(?:s|ing)\b|\b(?:man|woman|girl|boy|person|people|band|someone|kids?)\b|"
                        r"\b(?:a|an)\s+(?:[\w-]+\s+)?(?:piano|guitar)\b|弹|演奏|(?:一|1)(?:架|把|台)"):
            return True
    if clause.has(r"\bthe track\b") and not _has_music(state) and any(m.kind == "audio" for m in state.context.media):
        return True  # "put the track on at 40% volume": the song uploaded
    # "give me something calm and ambient" right after the music was named: that mood of music
    if state.focus is not None and state.focus.kind == "music" and clause.has(_SOMETHING) \
            and music_style(clause.text) is not None and not clause.has(_OTHER_OBJECT + "|" + _SUBJECT):
        return True
    # ("an old jazz club from the 1940s", "a rock concert at night": a genre naming a place or people in a scene is no music)
    music = clause.search(MUSIC) or (clause.search(_GENRE) if not clause.has(_SUBJECT + "|" + _GENRE_IN_SCENE) else None)
    if music is None and _names_upload(clause, state):  # "use summer.mp3 instead", "改用summer.mp3"
        return True
    if music:
        if clause.has(_LISTENING) and not clause.has(_ASKED_FOR):
            return False  # "一个女孩戴着耳机听歌", "a girl listening to music": what someone in a scene listens to, a scene
        subject = clause.search(_SUBJECT)
        return subject is None or subject.start() > music.start()
    focused = state.focus is not None and state.focus.kind == "music"
    if _music_changed_just_now(state) and not clause.has(_OTHER_OBJECT) and clause.has(STOPS) \
            and all(ref == MISSING for ref in clip_refs(clause, state)) and music_end(clause, state) is not None:
        return True  # "music should fade out and stop at 12 s": the music just changed is what stops, not the video
    if focused and clause.has(r"^(?:先)?跳(?:过|掉)") and clause.search(_SOURCE_IN) is not None \
            and not clause.has(_OTHER_OBJECT) and all(ref == MISSING for ref in clip_refs(clause, state)):
        return True  # "用我的歌，跳过前10秒": where the song just named starts, in its own time
    if focused and clause.has(r"^(?:等到?|到)?第?\d") and clause.search(_COMES_IN) is not None \
            and not clause.has(_OTHER_OBJECT) and all(ref == MISSING for ref in clip_refs(clause, state)):
        return True  # "音乐不要从头开始 第2秒再进来": where the music just named comes in
    if focused and clause.has(r"^(?:然后|再|并且|而且)?(?:配合|跟着|随着|遇到|碰到)?" + _ZH_SPEECH + r"(?:的时候|时)?(?:要)?自动(?:降低|压低|变小|让开)") \
            and all(ref == MISSING for ref in clip_refs(clause, state)):
        return True  # "背景音乐用summer那首 配合人声自动压低": the music just named ducks under the voice
    if focused and _fade_said(clause) and _fade_was_last(state) and not clause.has(_OTHER_OBJECT) \
            and all(ref == MISSING for ref in clip_refs(clause, state)):
        return True  # "淡出再短点 一秒就行" after the music's fade: that fade again
    # the sound growing or dying away, with music on the timeline and nothing else named, is the music's fade: "开头两秒慢慢进来",
    # "钢琴挺好 就是开头两秒慢慢进来" (the style praised is the music), "最后三秒慢慢消失" right after the music
    if _has_music(state) and clause.has(_SOUNDING if not focused else _GENTLY_IN + "|" + _GENTLY_OUT) \
            and not clause.has(_OTHER_OBJECT) and all(ref == MISSING for ref in clip_refs(clause, state)):
        return True
    # not "..., louder clips", nor "音乐百分之三十 城市那段静音" (another clip, named)
    # (nor a speed: the music has none, so "make it play at half speed" right after the music was added is the clips')
    if focused and clause.has(_SPEED_SAID) and music is None:
        return False
    if focused and (mentions_it(clause) or _another_track(clause, state) or not clause.has(_OTHER_OBJECT)
                    and (clause.has(QUIETER + "|" + LOUDER + "|" + _DOUBLE) or clause.has(_MUSIC_ONLY))) \
            and (clause.has(r"\bits?\b|它") or all(ref == MISSING for ref in clip_refs(clause, state))):
        return True
    # with music on the timeline and no other object named, loudness is the music's: "louder", "turn the volume
    # down to 30%", "make the background quieter", "音量调到30%", "背景小声一点"
    if not _has_music(state) or clause.has(_OTHER_OBJECT) or any(ref != MISSING for ref in clip_refs(clause, state)):
        return False
    if any(r != MISSING for r in clip_refs(clause, state)):  # "the second one needs to be louder": that clip's sound
        return False
    if state.focus is not None and state.focus.kind == "clip" and mentions_it(clause):  # "把它的音量调到60%": the clip's
        return False
    if clip_sound_changed_last(state) is not None and not clause.has(MUSIC):  # "quieter" after a clip's sound changed
        return False
    # only the music loops: "别循环了 放一遍就行", "stop looping"
    return clause.has(_LOUDNESS + "|" + _TOO_QUIET) or (clause.has(_BACKGROUND) and clause.has(r"\d\s*%")) \
        or clause.has(_NO_LOOP + r"|循环|\bloop(?:s|ing)?\b")


# a speed said ("half speed", "twice as fast", "2x", "慢动作", "倍速"): the clips', never the music's (a track has no speed)
_SPEED_SAID = r"\b(?:speed|sped|fast|faster|quicker|slow[- ]?mo(?:tion)?|slower|\d+(?:\.\d+)?\s*x)\b|速度|倍速|加速|减速|慢放|慢动作|快放|(?:放|调|变)(?:慢|快)|" \
              r"(?<![音量大])(?:\d+(?:\.\d+)?|半)倍?速"


# music someone in a scene is listening to (never asked for by the user: no verb of adding, nor "我想听"): a scene
_LISTENING = r"(?<![想要我再来])听(?:着|了)?(?:歌|音乐|音樂|曲子)|\b(?:listen(?:s|ing)|jamming) (?:out )?to (?:some |the |her |his |their |a )?" \
             r"(?:music|songs?|tunes?|radio)\b"
_ASKED_FOR = ADD + r"|来|配|用|换|背景音乐|\b(?:i|we) (?:want|wanna|need|'d like)\b|\b(?:use|play|give|want|need)\b|(?:想|要)听"


# where music goes: behind the video ("in the background", "under the video", "背景里放点…")
_BEHIND = r"\bin the background\b|\bunder(?:neath)? (?:it|this|the video|everything)\b|^背景(?:里|上|中)?(?=(?:放|来|配|加|用))"


# a fade said in other words: "come in gently", "stop slowly at the end", "慢慢没声", "慢慢变大声"
_GENTLY = r"(?:gently|slowly|gradually|softly|smoothly)"
# ("music in slowly over 2 secs", "bring the song in gently", "ease the music in": brought in by a fade)
_GENTLY_IN = rf"\b(?:music|song|track|bgm) in {_GENTLY}\b|\bbring\w* (?:(?:the |my )?(?:music|song|track|bgm) |it )?in {_GENTLY}\b|" \
             rf"\beas(?:e|es|ing) (?:(?:the |my )?(?:music|song|track|bgm) |it )?in\b|\bswell(?:s|ing)? (?:in|up)\b|\b(?:come|comes|coming|start|starts|begin|begins|build|builds|enter|enters) (?:in |up )?(?:(?:a (?:bit|little) )?more |very |really )?{_GENTLY}\b|\b{_GENTLY} (?:come|comes|build|builds) (?:in|up)\b|" \
             r"(?:慢慢|渐渐|逐渐)(?:变大声|变响|大起来|响起来|进来|出来)"
_GENTLY_OUT = rf"\b(?:stop|stops|end|ends|die|dies|go|goes|trail|trails|fizzle|fizzles)(?: out| off| away| down)? {_GENTLY}\b|" \
              rf"\b{_GENTLY} (?:stop|stops|end|ends|die|dies|disappear\w*|fades?)\b|\b(?:die|dies|trail|trails|fizzle|fizzles) (?:out|off|away)\b|" \
              r"(?:慢慢|渐渐|逐渐)(?:地|的)?(?:没声|消失|变小|变弱|小下去|弱下去|安静|没了|没有|停|听不见|听不到)"


# a fade only a sound makes: "慢慢变大声", "慢慢进来", "swell in", "die away"
_SOUNDING = r"(?:慢慢|渐渐|逐渐)(?:地|的)?(?:变大声|变响|大起来|响起来|进来|没声|没有声音|变小声|小下去|听不见|听不到)|\bswell(?:s|ing)? (?:in|up)\b|" \
            r"\b(?:die|dies|trail|trails|fizzle|fizzles) (?:out|off|away)\b"
# a style praised is the music named, no change of style: "钢琴挺好 就是开头慢慢进来", "the piano is nice, just ..."
_PRAISED = r"[^\s，,]{1,6}?(?:挺|很|蛮|还)?(?:好听|不错|好|可以)的?(?:[，,\s]|$)|" \
           r"\b[\w-]+(?: music| track| song)? (?:is|was|sounds) (?:nice|fine|good|great|perfect|lovely)\b"


# where the other fade is said: the time after one fade stops there
_OTHER_SIDE = {"in": r"\bat the (?:very )?end\b|结尾|最后|末尾|淡出|渐出", "out": r"\bat the (?:very )?(?:start|beginning)\b|开头|淡入|渐入"}


# what is faded, said between "fade" and "in"/"out": "fade the bgm in", "fade the background music out"
_FADED = r"(?:it|this|that|(?:the|my) (?:[\w'-]+ )?(?:music|song|bgm|soundtrack|track|tune))"


def _fade_ms(clause: Clause, which: str) -> int | None:
    pattern = {"in": rf"(?<![a-z])fade(?:s|d)?(?: {_FADED})?[- ]?in\b|淡入|渐入|" + _GENTLY_IN,
               "out": rf"(?<![a-z])fade(?:s|d)?(?: {_FADED})?[- ]?(?:out|away)\b|淡出|渐出|渐弱|"
                      + _GENTLY_OUT}[which]
    match = clause.search(pattern)
    if not match and which == "out" and clause.has(r"\bfade"):  # "fade it in over 4 seconds and out over 2"
        match = clause.search(r"\b(?:and|then)\s+out\b")
    if not match:
        return None
    said_first = re.search(r"(?<!第)(?<![\d.])(\d+(?:\.\d+)?)秒(?:钟)?(?:的)?$", clause.text[:match.start()])
    if clause.language == "zh" and said_first is not None:
        # "前面2秒淡入 后面4秒淡出": a length said right before its fade is that fade's (the 4 s after it is the other's)
        return round(float(said_first.group(1)) * 1000)
    rest = clause.text[match.end():match.end() + 30]
    other = compiled(_OTHER_SIDE[which]).search(rest)  # "开头慢慢进来，结尾3秒淡出": that time is the other fade's
    if other is not None and re.fullmatch(r"\s*(?:和|跟|与|及)?\s*", rest[:other.start()]) and which == "in":
        rest = rest[other.end():]  # "音乐淡入淡出三秒", "淡入和淡出各2秒": one time said after both fades is both's
    else:
        rest = rest[:other.start()] if other is not None else rest
    seconds = 1000 if re.match(r"\s*(?:over|in|for|of)\s+(?:a|one)\s+(?:second|sec)\b", rest) else duration_ms(rest)
    bare = re.match(r"\s*(?:over|for|in)\s+(\d+(?:\.\d+)?)(?!\s*%)(?:\s|$|,)", rest)
    if seconds is None and bare:  # "... and out over 2": the unit said once, for the fade before it
        seconds = round(float(bare.group(1)) * 1000)
    if seconds is None:  # "最后3秒淡出", "with a 2 second fade in": the time came first, right before it
        before = find_durations(clause.text[:match.start()])
        seconds = before[-1][0] if before and match.start() - before[-1][2] <= 12 else None
    return seconds if seconds is not None else 2000


_FADE_OFF = r"\b(?:no|remove|without|delete|drop|get rid of|turn off|take (?:\w+ ){0,3}off|don'?t (?:want|need|use))\s+" \
            r"(?:(?:the|a|any)\s+)?(?:music'?s?\s+|song'?s?\s+)?(?:fades?|fading)(?:[- ]?(in|out))?\b|" \
            r"(?:不要|去掉|取消|删掉|别|不需要|不用)(?:音乐的?|歌的?)?(淡入淡出|淡入|淡出|渐入|渐出|渐弱)|" \
            r"(淡入淡出|淡入和淡出|淡入|淡出|渐入|渐出|渐弱)(?:效果)?(?:都|也)?(?:去掉|删掉|取消|不要|不用|拿掉|关掉|去了)"


def _fades_off(clause: Clause) -> dict[str, int]:
    """The music's fades taken off ("no fade on the music": both; "no fade in": that one) as zero lengths."""
    match = clause.search(_FADE_OFF)
    if match is None:
        return {}
    which = match.group(1) or match.group(2) or match.group(3) or ""
    said = {"in": ("in",), "out": ("out",), "淡入": ("in",), "渐入": ("in",), "淡出": ("out",), "渐出": ("out",),
            "渐弱": ("out",), "淡入淡出": ("in", "out"), "淡入和淡出": ("in", "out")}.get(which, ("in", "out"))
    return {f"fade_{side}_ms": 0 for side in said}


class _MusicOptions(TypedDict, total=False):
    """Words that carry over as they are onto new music (``SetMusic``'s optional fields)."""

    fade_in_ms: int
    fade_out_ms: int
    loop: bool
    duck: bool


class _Adjustments(_MusicOptions, total=False):
    """What the words change about the music (``UpdateMusic``'s fields), only those said."""

    volume: float
    volume_scale: float
    start_ms: int
    end_ms: int
    source_in_ms: int


_SECONDS = r"(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s\b|秒(?:钟)?)"
# the music played over a span of the video, said with "only" or "in": "put the music in only from 5s to 12s"
_ONLY_SPAN = r"\b(?:only|just)\s+(?:from|between)\b|\b(?:in|on)\s+(?:only\s+)?from\b"
# "start the song 30 seconds in", "skip the first 20 seconds of the music", "从歌曲的第30秒开始播放"
# the first seconds of the song said as not wanted: "歌的前面10秒不要", "音乐前5秒不要了", "don't want the first 10 seconds
# of the song", "remove the first 5 seconds of the music"
_SONG_HEAD_UNWANTED = (rf"(?:音乐|歌曲|歌|配乐|bgm)(?:的)?(?:开头|最开始|前奏)?(?:的)?前(?:面)?(?:的)?{_SECONDS}(?:的)?(?:先)?"
                       r"(?:不要|不用|去掉|删掉|剪掉|砍掉)|"
                       rf"\b(?:(?:don'?t|do not) (?:want|need)|(?:remove|cut|lose|get rid of)) the first {_SECONDS}"
                       r" of (?:the |my |this |that )?(?:song|music|background music|bgm|soundtrack)\b")
_SOURCE_IN = (rf"\b(?:start|play)\w*\b.*\bsong\b.*\bfrom\s+(?:the (?:chorus|hook|drop)\s+at\s+)?{_SECONDS}|"
              # "use my track from 0:30", "put the song on from 20 seconds": where the song itself starts
              rf"^(?:use|put on|play|add)\s+(?:my|the|this)\s+(?:uploaded\s+)?(?:song|track|tune|mp3|audio)(?:\s+on)?\s+from\s+{_SECONDS}|"
              rf"\bsong\b.*\b(?:start|play)\w*\b.*\bfrom\s+{_SECONDS}|\bfrom the (?:chorus|hook|drop)\b.*?{_SECONDS}|"
              rf"(?:这首歌|歌曲?|\.(?:mp3|wav|m4a|aac|flac|ogg))\s*(?:的)?[从由]第?{_SECONDS}|副歌.*?第?{_SECONDS}|歌的第{_SECONDS}|"
              rf"\b(?:start|play)\b.*\bfrom\s+{_SECONDS}\s+(?:in|into)\b|\b(?:start|play)\b.*\b{_SECONDS}\s+(?:in|into)\b|"
              rf"(?:别|不要|不用|不)从头(?:开始)?(?:放|播放|播)?[，,\s]*从第?{_SECONDS}|"  # "别从头放，从第12秒开始": the song's own time
              rf"\bskip (?:the )?first\s+{_SECONDS}|从(?:歌曲|歌|音乐)(?:的)?第?{_SECONDS}|(?:音乐|歌曲|歌)跳过前{_SECONDS}|"
              rf"跳过(?:歌曲|歌|音乐)(?:的)?(?:开头的?|最开始的?)?前{_SECONDS}|"
              # "把音乐的开头跳过10秒", "音乐前10秒跳过", "歌的前奏跳过8秒": skipped, the song's own time
              rf"(?:音乐|歌曲|歌|配乐|bgm)(?:的)?(?:开头|前面|最开始|前奏)?(?:的)?(?:先)?跳(?:过|掉)(?:开头|前面|前奏)?(?:的)?(?:前)?{_SECONDS}|"
              rf"(?:音乐|歌曲|歌|配乐|bgm)(?:的)?(?:开头|前面|最开始|前奏)?(?:的)?前?{_SECONDS}(?:的)?(?:先)?(?:跳过|跳掉)|"
              rf"^(?:先)?跳(?:过|掉)(?:开头|前面|前奏)?(?:的)?前?{_SECONDS}|"  # "用我的歌，跳过前10秒": the song just named
              # "歌的前面10秒不要", "I don't want the first 10 seconds of the song": the song's head not wanted is skipped
              # (the song's own time), never the music removed nor the video cut
              rf"{_SONG_HEAD_UNWANTED}|"
              rf"从第?{_SECONDS}(?:的地方|那里|处)?开始(?:用|播放|播|放)|"
              # "start from 10 second of the song", "play it from second 12 of the track"
              rf"\bfrom\s+(?:the\s+)?{_SECONDS}\s+(?:mark\s+)?(?:of|in|into)\s+(?:the\s+|my\s+|this\s+)?(?:song|track|music|audio)\b|"
              r"\bfrom\s+second\s+(\d+(?:\.\d+)?)\s+(?:of|in|into)\s+(?:the\s+|my\s+|this\s+)?(?:song|track|music|audio)\b|"
              # "put my song on and play it from second 12", "use summer.mp3 but starting from 0:15": the song's own time
              rf"\b(?:song|track)\b.*\b(?:play|start)\w*\s+(?:it\s+)?from\s+{_SECONDS}|"
              r"\b(?:song|track)\b.*\b(?:play|start)\w*\s+(?:it\s+)?from\s+(?:second|sec)\s+(\d+(?:\.\d+)?)\b|"
              # "put my song on and play it from second 12": the song just named
              rf"^(?:(?:and|then)\s+)?play\s+it\s+from\s+(?:(?:second|sec)\s+(\d+(?:\.\d+)?)\b|{_SECONDS})|"
              rf"\.(?:mp3|wav|m4a|aac|flac|ogg)\b.*\b(?:play|start)\w*\s+(?:it\s+)?from\s+{_SECONDS}|"
              # "use my song but only from 0:15", "summer.mp3, just from 20 seconds on": the song kept from there
              rf"(?:\b(?:song|track|tune)\b|\.(?:mp3|wav|m4a|aac|flac|ogg)\b).*\b(?:but|only|just)\s+(?:only\s+)?from\s+{_SECONDS}"
              r"(?!\s*(?:to|until|till|-)\b)|"
              rf"(?:歌|歌曲|\.(?:mp3|wav|m4a))[^。]*只(?:要|用)从第?{_SECONDS}(?:以?后|开始)的(?:部分|那段|地方)")
# "N seconds in" said of the music, no song named: that far into the video ("the music should start 2 seconds in",
# "start the music 3 secs in"); of a song, that far into the song ("start the song 30 seconds in")
_INTO_THE_VIDEO = rf"^(?!.*\b(?:song|track|tune|recording|chorus|hook|drop)\b)(?!.*\.(?:mp3|wav|m4a|aac|flac|ogg)\b)(?=.*\b(?:music|bgm)\b)" \
                  rf".*\b(?:start|begin|come|kick)\w*\b(?:\s+\w+){{0,3}}?\s+{_SECONDS}\s+in\b(?!to)" \
                  rf"|第?{_SECONDS}(?:的时候|处)?(?:再|才)(?:进来|进入|响起|出现|进)"  # "歌从第3秒再进来": where it comes in
# the user's own song just put on, then "start it from 0:12" / "从第10秒开始": a place in that song, as one says of a
# recording one knows; "start it at 5 seconds" and "从视频第2秒开始进来" stay the timeline's
_FROM_IN_SONG = rf"\b(?:start|play)\w*\s+(?:it\s+)?from\s+{_SECONDS}|^(?:那|那就|就|哦|嗯)*[，,\s]*从第?{_SECONDS}(?:的地方|那里|处)?开始(?:吧)?$"
# "start the music at 5 seconds", "the music comes in after 3 s", "音乐从第5秒开始", "音乐5秒后进入"
_COMES_IN = (rf"\b(?:start(?:s|ing)?|begin(?:s|ning)?|bring(?:s|ing)?(?: (?:the music|the song|it))? in|com(?:e|es|ing) in|kick(?:s|ing)? in)\b"
             rf".*\b(?:at|after|from)\s+{_SECONDS}|"
             rf"从第?{_SECONDS}(?:处|时|的地方|那里)?(?:再|才)?(?:开始|进入|进来|进|响起|出现)|{_SECONDS}(?:后|之后|以后)(?:再|才)?(?:开始|进入|进来|响起|响|出现|出来|放|播)|"
             # "音乐等到五秒钟再进", "bgm等到第3秒才响": it waits until then
             rf"等到第?{_SECONDS}(?:再|才)(?:开始|进入|进来|进|响起|响|出现|出来|放|播)|"
             rf"第{_SECONDS}(?:再|才)?(?:开始|进入|进来|响起|出现)|第{_SECONDS}(?:再|才)进|(?:延迟|推迟|延后|晚|等)第?{_SECONDS}(?:再|才)?(?:开始|进入|进来|响起|出现|放)?|"
             rf"\b(?:start|begin|come)s? in {_SECONDS}|\b(?:begin|come|kick)\w*(?: in)? {_SECONDS} in\b(?!to)|\bdelay\w*(?: (?:it|the music|the song))? (?:by )?{_SECONDS}|"
             # "put the song at 5 seconds", "move the music to 3 s", "把歌放在第5秒", "把音乐移到3秒"
             rf"\b(?:put|move|place|shift)\b.*\b(?:at|to)\s+{_SECONDS}|(?:放在|放到|移到|挪到|移至)第?{_SECONDS}")


def _ms(match: re.Match[str]) -> int:
    return round(float(next(g for g in match.groups() if g)) * 1000)


def _music_options(adjust: _Adjustments) -> _MusicOptions:
    """The adjustments new music takes (its volume is passed on its own; a scale has nothing to scale)."""
    options: _MusicOptions = {}
    if "fade_in_ms" in adjust:
        options["fade_in_ms"] = adjust["fade_in_ms"]
    if "fade_out_ms" in adjust:
        options["fade_out_ms"] = adjust["fade_out_ms"]
    if "loop" in adjust:
        options["loop"] = adjust["loop"]
    if "duck" in adjust:
        options["duck"] = adjust["duck"]
    return options


def _adjustments(clause: Clause) -> _Adjustments:
    out: _Adjustments = {}
    said = clause
    # a fade said as the sound growing or dying away is no change of level: "这首歌开头慢慢变大声 两秒"
    clause = dataclasses.replace(clause, text=re.sub(compiled(_GENTLY_IN + "|" + _GENTLY_OUT), " ", clause.text))
    relative = _relative(clause)
    percent = _percent(clause) if relative is None else None
    if relative is not None:
        out["volume_scale"] = relative
    elif percent is not None:
        out["volume"] = percent
    elif clause.has(_UNMUTE):
        out["volume"] = _DEFAULT_VOLUME
    elif clause.has(_MUTE):
        out["volume"] = 0.0
    elif clause.has(_TOO_QUIET):
        out["volume_scale"] = 1.5
    elif clause.has(QUIETER):
        out["volume_scale"] = 0.4 if clause.has(r"\bmuch\b|\ba lot\b|\bway\b|barely audible|很多|得多|听不(?:见|到|清)") else 0.6
    elif clause.has(LOUDER):
        out["volume_scale"] = 2.0 if clause.has(r"\bmuch\b|\ba lot\b|很多|得多") else 1.5
    clause = said
    off = _fades_off(clause)
    fade_in, fade_out = _fade_ms(clause, "in"), _fade_ms(clause, "out")
    if fade_in is not None:
        out["fade_in_ms"] = off.get("fade_in_ms", fade_in)
    if fade_out is not None:
        out["fade_out_ms"] = off.get("fade_out_ms", fade_out)
    if off and fade_in is None and fade_out is None:
        out.update(off)  # type: ignore[typeddict-item]
    if clause.has(_NO_LOOP):
        out["loop"] = False
    elif clause.has(r"\bloop|\brepeat|循环|重复播放|重复"):
        out["loop"] = True
    into = clause.search(_SOURCE_IN)
    span = time_range(clause.text) if clause.has(_ONLY_SPAN) else None
    if span is not None:  # "put the music in only from 5s to 12s": where it comes in and where it stops, on the video
        out["start_ms"], out["end_ms"] = span
    elif into and clause.has(_INTO_THE_VIDEO):
        out["start_ms"] = _ms(into)  # "the music should start 2 seconds in": into the video, where the music comes in
    elif into:
        out["source_in_ms"] = _ms(into)
    elif (comes_in := clause.search(_COMES_IN)) is not None:
        out["start_ms"] = _ms(comes_in)
    if clause.has(_NO_DUCK):
        out["duck"] = False
    elif clause.has(_DUCKING):
        out["duck"] = True
        out.pop("volume_scale", None)  # "lower the music when someone talks": lower it only then
    return out


# the music coming in at a place on the timeline: "after the title", "with the second clip", "第二个片段开始时"
_COMES = r"\b(?:start|begin|come|kick|enter|play|fade)\w*|\bbring\w* (?:\w+ ){0,2}in\b|开始|进入|进来|响起|出现|播放|(?:再|才)(?:进|放|响|上)"
_AFTER = r"\b(?:after|once|ends?|is over|finishes|(?:is |'s )?gone|disappears?|goes away)\b|之后|以后|结束|完了|没了|消失|后"


def _start_at_place(clause: Clause, state: PlanState) -> int | None:
    """Where the music comes in when the clause names a title or a clip as the place, in ms; None when it names none."""
    if not clause.has(_COMES):
        return None
    if clause.has(r"\b(?:the )?(?:title|intro text|heading)\b|标题"):
        texts = text_segments(state.draft)
        return texts[0].end_ms if texts and clause.has(_AFTER) else texts[0].start_ms if texts else None
    segment = first_clip_named(clause, state)
    if segment is None:
        return None
    return segment.end_ms if clause.has(_AFTER) else segment.start_ms


# the music's start moved by an amount ("start the music 2 seconds later", "bring the song in a second earlier",
# "音乐晚两秒再进来" is already a time) or back to the video's start ("还是从头开始放吧", "start it from the very beginning")
_LATER = rf"\b(?:start|begin|come in|kick in|play|bring)\w*\b.*?{_SECONDS}\s+(later|earlier|sooner)\b|(提前|早|往前(?:挪|移)|往后(?:挪|移|推))了?{_SECONDS}"
# "背景音乐晚点进来", "bring the music in a bit later": two seconds later than now
_A_BIT_LATER = r"晚(?:一)?点(?:再)?(?:进来|进|开始|出来|响起)|\b(?:come|comes|start|starts|kick|kicks|bring \w+(?: \w+)?) (?:in )?(?:a (?:bit|little|tad) )later\b"
_FROM_TOP = r"\b(?:start|begin|play)\w*\b.*\bfrom the (?:very )?(?:start|beginning)(?: of the video)?$|^(?:还是|就)?(?:(?:背景)?音乐|配乐|歌|bgm)?(?:还是|就)?从头(?:开始)?(?:放|播)|" \
            r"(?:一开始|开头|从头)就(?:有|响|放|开始|进来)"


def _moved_start(clause: Clause, state: PlanState) -> int | None:
    """Where the music starts after a move said relative to where it starts now, or back at 0; None when none is said."""
    current = next((s for t in state.draft.tracks if t.is_music for s in t.segments), None)
    if current is None:
        return None
    later = clause.search(_LATER)
    if later is not None:  # "start the music 2 seconds later", "音乐提前两秒"
        amount, way = (later.group(1), later.group(2)) if later.group(1) else (
            later.group(4), "later" if later.group(3).startswith("往后") else "earlier")
        shift = round(float(amount) * 1000) * (1 if way == "later" else -1)
        return max(0, current.start_ms + shift)
    if clause.has(_A_BIT_LATER):
        return current.start_ms + 2000
    return 0 if clause.has(_FROM_TOP) and not clause.search(_SOURCE_IN) \
        and not clause.has(r"(?:别|不要|不用|不)(?:从头|一开始就|开头就)") else None  # "别一开始就响": not from the top


# music alone, the clips' own sound off: "i only want music", "just the music", "只要音乐", "只留背景音乐"
_ONLY_MUSIC = r"^(?:(?:i|we)\s+)?(?:only|just)\s+(?:want\s+|need\s+|keep\s+|have\s+)?(?:the\s+|some\s+)?(?:background\s+)?" \
              r"(?:music|bgm|song)(?:\s+(?:please|pls|then|only))?$|^(?:我)?(?:只要|只留|只保留|只听|只剩)(?:下)?(?:背景)?(?:音乐|配乐|bgm)(?:就行|就好|吧)?$"


def _stop_music(clause: Clause, state: PlanState, stop: int) -> bool:
    """"stop the music at 8 seconds", "音乐到第8秒就停": the music ends there (its fade out ending with it)."""
    music = next(s for t in state.draft.tracks if t.is_music for s in t.segments)
    video_end = state.draft.video_end_ms or state.draft.end_ms
    if stop and (stop <= music.start_ms or stop >= video_end):
        have, when = f"{video_end / 1000:g}", f"{stop / 1000:g}"
        state.actions.append(Unknown(clause.unquoted(), understood="the music's end", question=ask(
            clause, f"The music plays from {music.start_ms / 1000:g} s to the video's end at {have} s, so it cannot stop "
            f"at {when} s. Where should it stop? For example: stop the music at {max(1, round(video_end / 2000))} "
            "seconds.", f"音乐从第 {music.start_ms / 1000:g} 秒放到视频结尾（{have} 秒），没法在第 {when} 秒停。要在哪里停？"
            f"例如：音乐到第{max(1, round(video_end / 2000))}秒就停。")))
        return True
    # "fade the music out and stop it at 12 s", "音乐在12秒淡出停止": it fades out as it stops (a length said for the fade
    # is the fade's; the time it stops at is no fade's length)
    fade = _fade_ms(clause, "out")
    if fade is not None and (fade == stop or fade >= stop - music.start_ms):
        fade = 2000  # a bare fade's length (``_fade_ms``)
    state.edit(UpdateMusic(end_ms=stop) if fade is None else UpdateMusic(end_ms=stop, fade_out_ms=fade), focus_kind="music")
    return True


# a song that is somewhere the editor cannot reach: "音乐换成我手机里那首周杰伦的", "use the song on my spotify", "a song by ..."
# (an upload is what the editor can use: said of one, "the song I uploaded from my phone", it is no such song)
_ELSEWHERE = (r"\b(?:on|from|in|off) my (?:phone|iphone|android|laptop|computer|pc|mac|spotify|playlist|apple music)\b|"
              r"\bspotify\b|\bapple music\b|\byoutube music\b|\bsoundcloud\b|\b(?:a |the )?(?:songs?|tracks?) by (?!the end\b|then\b|\d)\w|"
              r"手机里|手机上|电脑里|网易云|qq音乐|酷狗|酷我|汽水音乐|(?:抖音|网上|b站)(?:上)?(?:那首|的歌|很火的)"
              r"(?!(?:音乐|歌|曲子)?(?:那种|那类|那样|这种|这类|风格|类型|感觉|一样))")  # "抖音上很火的那种": a style
_SAID_UPLOADED = r"\bupload\w*|上传|传的|传了"


def _song_elsewhere(clause: Clause, state: PlanState) -> Unknown:
    """A song asked for from somewhere the editor cannot reach (a phone, a streaming app, by its artist): what it can
    use instead, and the uploads there are."""
    songs = [m.name for m in state.context.media if m.kind == "audio" and m.uploaded and m.name]
    there = (f" Uploaded so far: {', '.join(songs)}.", f"已上传的有：{'、'.join(songs)}。") if songs else ("", "")
    return Unknown(clause.unquoted(), understood="a song that is not uploaded", question=ask(
        clause, "I can only use songs you upload or the built-in library, not one from your phone or a music app. "
        "Upload the song's audio file, then say 'use <file name> as the music', or ask for a style, for example "
        f"'add calm piano music'.{there[0]}",
        "我只能用你上传的歌或内置音乐库，没法从手机或音乐App里拿歌。请先上传这首歌的音频文件，再说“用<文件名>做背景音乐”；"
        f"或者说个风格，例如“加一段轻快的钢琴曲”。{there[1]}"))


def _coloured(clause: Clause) -> bool:
    """A colour said of the music ("make the music red", "音乐换成红色"): nothing music has (a style named by a colour, "blue
    music", "蓝调", is a style)."""
    return clause.has(MUSIC) and color_of(clause.text) is not None and music_style(clause.text) is None and \
        not clause.has(r"\bblues\b|蓝调|\bcolou?r(?:ful)?\b|彩色")


# a size said of the music ("make the title bigger, the music too": the music's share of it reads "the music bigger")
_SIZED = r"\b(?:bigger|larger|smaller)\b"


def _sized_as_loudness(clause: Clause, state: PlanState) -> Clause:
    """A size said of the music there is: a track has no size, so bigger is louder and smaller quieter (as "音乐大一点"
    already is); it added library music."""
    if not (_has_music(state) and clause.has(MUSIC) and clause.has(_SIZED)) or clause.has(_OTHER_OBJECT):
        return clause
    text = re.sub(r"\b(?:bigger|larger)\b", "louder", clause.text)
    return dataclasses.replace(clause, text=re.sub(r"\bsmaller\b", "quieter", text))


# the music not to start with the video, said alone: when it comes in follows ("音乐不要从头开始 第2秒再进来")
_NOT_FROM_TOP = r"^(?:(?:背景)?音乐|配乐|歌|bgm)?(?:别|不要|不用)(?:从头|一开始就)(?:开始)?(?:放|播|响|进来)?$"


# whether there is music, asked: "is there any music on this yet" (the timeline answers; never music added)
_IS_THERE = r"^(?:(?:so|and|ok|um+)[,\s]+)*(?:is there|are there|do i have|have i got|did you add) (?:any |a |some )?(?:music|song|bgm)\b"


def handle(clause: Clause, state: PlanState) -> bool:
    if not _is_music_clause(clause, state) or clause.has(_IS_THERE):
        return False
    if clause.has(_ELSEWHERE) and not clause.has(_SAID_UPLOADED):
        state.actions.append(_song_elsewhere(clause, state))
        return True
    if _coloured(clause):  # "make the title red, the music too": the music has no colour, so nothing is added or guessed
        state.actions.append(Unknown(clause.unquoted(), understood="the music's colour", question=ask(
            clause, "Music has no colour, so I left it as it is. Did you mean something else for the music, for example "
            "louder, quieter, or another style?",
            "音乐没有颜色，所以没动它。音乐是想怎么改？比如大声点、小声点，或者换个风格。")))
        return True
    clause = _sized_as_loudness(clause, state)
    if clause.has(_BEAT_SYNC):
        state.actions.append(Unknown(clause.unquoted(), understood="cutting to the beat", question=ask(
            clause, "I can't cut the video to the beat of the music yet. I can trim or reorder the clips, change their "
            "speed, or add a whoosh at each transition. Which would you like?",
            "暂时还不能按音乐的节拍自动卡点剪辑。可以裁剪或调整片段顺序、改速度，或者在每个转场加一个嗖的音效。要哪一个？")))
        return True
    if _stopped_again(clause, state):  # "the song keeps repeating, make it stop": its loop, just turned off
        return True
    if _has_music(state) and clause.has(_NOT_FROM_TOP):
        state.focus = _music_focus()  # "音乐不要从头开始 第2秒再进来": where it comes in follows
        return True
    if (two := level_two(clause)) is not None and _has_music(state):  # "音乐音量调到2": 2% or twice as loud?
        state.actions.append(Unknown(clause.unquoted(), understood="the music", question=ask(clause, *two)))
        return True
    if clause.has(_ONLY_MUSIC) and state.draft.tracks_of(VIDEO):
        # "i only want music", "只要背景音乐": the clips' own sound off, under the music there is (or a track to add)
        only = the_one_clip(clause, state)  # one clip: its sound
        if not any(isinstance(a, EditAction) and isinstance(a.edit, SetClipAudio) and a.edit.volume == 0
                   and a.edit.segment_id in (None, only) for a in state.actions):  # "mute the clips, i only want music": once
            state.edit(SetClipAudio(segment_id=only, volume=0.0))
        if not _has_music(state):
            state.actions.append(MusicAction())
        state.focus = Focus("music")
        return True
    if _has_music(state) and (stop := music_end(clause, state)) is not None:
        return _stop_music(clause, state, stop)
    if clause.has(r"^(?:请)?去(?:掉)?(?:背景)?(?:音乐|配乐|bgm)(?:吧)?$|^(?:(?:太|有点|好)(?:吵|闹|烦)了?[，,\s]+)?(?:那就|那|还是|干脆)?关(?:了|掉)(?:吧)?(?:[，,\s]+(?:太|有点|好)(?:吵|闹|烦)了?)?$|"  # "去音乐", "关了吧", "cut the music"
                  r"^(?:(?:please|just|ok|so)\s+)*cut(?: out)? (?:the |that |this )?(?:background )?(?:music|bgm|song|soundtrack)"
                  r"(?: (?:please|pls|completely|entirely|altogether))?$"):
        state.edit(RemoveMusic())
        state.focus = None
        return True
    if clause.has(_NOT_MINE) and music_style(clause.text) is None:
        # "不要用我的歌，来点轻松的", "not my song, put on some jazz instead": other music than the upload, what instead may follow
        state.actions.append(MusicAction(style=None))
        state.focus = _music_focus()
        return True
    # "drop the music volume to 10%" sets a volume; only the music itself is removed ("来点音乐，不要古典乐" asks for music)
    if (clause.has(REMOVE) or clause.has(_OFF)) and not clause.has(r"\breplace|换|\bvolume\b|音量|\d\s*%|来(?:点|一?首|一?段)") \
            and not clause.has(_NO_LOOP) and not clause.has(_NO_DUCK) and not clause.has(_FADE_OFF) \
            and not clause.has(_UNMUTE) and not clause.has(_DUCKING) and not _turned_down(clause) and not clause.has(_NOT_MINE) \
            and not clause.has(_NOT_SO + r"(?:大声|响|吵|小声|轻)") \
            and not clause.has(r"(?:别|不要|不用|不)从头(?:开始)?(?:放|播放|播)?") \
            and not clause.has(_SONG_HEAD_UNWANTED):  # "不要从头放", "歌的前面10秒不要": where the song starts
        state.edit(RemoveMusic())
        state.focus = None
        return True
    if _turned_down(clause) and music_style(clause.text) is None:  # "不要摇滚的", "I don't want music with drums"
        if not isinstance(state.actions[-1] if state.actions else None, MusicAction):
            state.actions.append(MusicAction(style=None))  # other music; what instead may follow ("…，来点安静的")
        state.focus = _music_focus()
        return True
    adjust = _adjustments(clause)
    if _has_music(state) and "loop" not in adjust and clause.has(_ON_TO_THE_END) and not clause.has(_NO_LOOP):
        adjust["loop"] = True  # "音乐一直放到最后" with music there: it plays on, looped, to the video's end
    if "start_ms" in adjust and _own_song_set(state) and clause.has(_FROM_IN_SONG) \
            and not clause.has(r"\b(?:video|timeline)\b|视频|进来|进入|响起|出现"):
        adjust["source_in_ms"] = adjust.pop("start_ms")  # "put my song on and start it from 0:12": the song's own time
    moved = _moved_start(clause, state)
    if moved is not None:  # "make the music start 2 seconds later", "从头开始放"
        adjust["start_ms"] = moved
    if "source_in_ms" not in adjust and clause.has(r"\b(?:start|begin|come in|kick in)\w*\b") and \
            not re.search(STOPS, re.sub(r"\bthe (?:very )?end\b", " ", clause.text)) and \
            (back := before_end(clause, state.draft)) is not None:
        adjust["start_ms"] = back  # "start the music 5 seconds before the end", "music only in the last 5 seconds"
    if "start_ms" not in adjust and "source_in_ms" not in adjust:
        place = _start_at_place(clause, state)
        if place is None and clause.has(r"\b(?:start|begin|come in|kick in)\w*|开始|进来|响起|再上|才上|(?:再|才)进"):
            place = moment_of(clause, state)  # "the music should begin when the dog appears"
        if place is not None:
            adjust["start_ms"] = place
    # "put the song in" with a song uploaded and no music yet: that song
    # ("put the song on at 50% volume", "i want the song but quieter": with its setting; not "make the song quieter", which asks)
    definite = not _has_music(state) and clause.has(_USE + r"|\b(?:want|need|on)\b") and clause.has(r"\bthe (?:song|track|audio)\b|这首歌|那首歌|(?:^|把|将)歌(?:也|就)?(?=用|放|加|当|做)") \
        and (not adjust or not clause.has(r"^(?:please\s+)?(?:make|turn|set)\b"))
    upload = find_media(clause, state, ("audio", "video")) \
        if (_upload_said(clause) or _names_upload(clause, state) or definite) and not clause.has(_NOT_MINE) else None
    if upload is not None and upload.kind == "video" and not clause.has(r"\b(?:audio|sound)\b|音频|声音"):
        upload = find_media(clause, state, ("audio",))
    current = next((s for t in state.draft.tracks if t.is_music for s in t.segments), None)
    if upload is not None and current is not None and current.src == upload.src and adjust and not clause.has(r"\breplace|换"):
        return _change(state, adjust, fold=False, clause=clause)  # "summer.mp3 从第20秒开始放": the song already playing
    if upload is not None:
        listed = _listed_after(clause)
        if listed:  # "用我自己的歌，音量调到四成，不要循环": the song with its first setting, then a change of its own
            adjust = _adjustments(Clause("，".join(_items(clause)[:_first_setting(clause) + 1]), clause.quotes, clause.language,
                                         clause.source))
        # only the settings said are set (``model_fields_set``): a level said at the default ("35%") is said all the same
        song = SetMusic(src=upload.src, name=upload.name, source_duration_ms=upload.duration_ms, **_music_options(adjust))
        song = song.model_copy(update={"volume": adjust["volume"]}) if "volume" in adjust else song
        state.edit(song, focus_kind="music")
        placed = {key: value for key, value in adjust.items() if key in ("start_ms", "source_in_ms")}
        if "volume_scale" in adjust and "volume" not in adjust and clause.has(r"\b(?:quieter|softer|louder|lower)\b"):
            # "use my song but quieter": a step from its level, once it is in ("..., not too loud" is its level as it is)
            placed["volume_scale"] = adjust["volume_scale"]
        if placed:  # "use my song and start it 10 seconds in": where it plays from applies once it is in
            state.edit(UpdateMusic(**placed), focus_kind="music")  # type: ignore[arg-type]
        for setting in listed:
            if all(getattr(song, key) == value for key, value in setting.items() if key in SetMusic.model_fields) \
                    and set(setting) <= set(SetMusic.model_fields):
                continue  # "…，音量30%，要循环": it loops already, nothing changes
            state.edit(UpdateMusic(**setting), focus_kind="music")
        return True
    uploaded_songs = any(m.uploaded and m.kind == "audio" for m in state.context.media)
    if _upload_said(clause) and (not _has_music(state) or not uploaded_songs) and clause.has(_USE) and not clause.has(_NOT_MINE):
        # ("把音乐换成我自己的" with library music playing and no song uploaded: the upload comes first, never other music)
        state.actions.append(Unknown(clause.unquoted(), question=ask(
            clause, "There is no song uploaded yet: upload an audio file first, or ask for library music such as "
            "'add lo-fi music'.", "还没有上传歌曲：请先上传音频文件，或者用内置音乐，例如“加一段轻快的音乐”。")))
        return True
    # "the music is too quiet" asks for volume, not for quiet music
    # "音乐慢慢淡出": how the change goes ("慢慢", "slowly") is no mood of music
    # "can it fade out gentler": how a fade goes is no mood of music either
    gentler = r"|\b(?:gentl(?:er|y)|more gently|smooth(?:er|ly))\b" if _fade_said(clause) else ""
    # "use my song and make it quiet, like 10%": how loud the song just set is, with its level, is no mood of music
    if _focused_set(state) and mentions_it(clause) and ("volume" in adjust or "volume_scale" in adjust):
        gentler += r"|\b(?:quiet|soft|loud)\b|安静|小声|大声"
    # a clip named as the place or the moment ("come in with the beach clip", "stop at the city part") names no style
    heard = re.sub(r"\b(?:with|at|when|before|after|until|till|from|during|over|on)\s+the (?:[\w-]+ ){1,2}(?:clip|part|shot|section|bit)\b",
                   " ", clause.text)
    style = music_style(re.sub(_REPLACED, r"\1 ", re.sub(r"\b(?:except|but not|other than|anything but|rather than)\s+[\w-]+|除了[\w-]+?(?:以外|之外)?(?=[，,]|$)", " ",
                               re.sub(_TOO_QUIET + "|" + QUIETER + "|" + LOUDER + r"|慢慢|缓缓|缓慢|渐渐|逐渐|\bslowly\b|\bgradually\b" + gentler, " ",
                               re.sub(compiled(_PRAISED), " ", heard) if _fade_said(clause) else heard))))
    changing = clause.has(r"\b(?:replace|switch|swap|change|different|another|new|other|something)\b|"
                          r"\b(?:don'?t|do not) (?:like|love)\b|\bhate\b|\bnot a fan\b|换|替换|别的|其他|另|不喜欢|不好听|难听") \
        and not clause.has(r"\bchange (?:the )?(?:\w+ )?(?:volume|level)\b")  # "change the music volume to 25%": its level
    adding = clause.has(ADD + "|" + _USE + r"|\bsome\b|来(?=点|个|一|1|首|段|些)|配") and not adjust
    if _focused_set(state) and mentions_it(clause) and style is None and not adjust and not changing:
        return True  # "I uploaded a song, use it": the song just set is the one meant, nothing more to do
    # no music yet: music said with a level, or added with a fade, is new music ("background music at half volume",
    # "加一段背景音乐，淡入淡出")
    # (a level set with a verb of changing is a change of music that is not there: "set the background music volume to 40%",
    # "背景音乐音量调到四成" are asked, never library music picked unasked)
    level_set = clause.has(_LEVEL_SET) and not clause.has(ADD + r"|\b(?:use|play|with)\b|用|作为|来(?=点|个|一|1|首|段|些)|配")
    fresh = not _has_music(state) and clause.has(MUSIC) and ("volume" in adjust and not level_set or clause.has(ADD))
    if adjust.get("volume") == 0 and set(adjust) <= {"volume", "volume_scale"} and style is None and not adding \
            and not _has_music(state) and not any(isinstance(a, MusicAction) for a in state.actions):
        # "mute the music" with none: nothing to silence, said as "lose the music" is (never library music picked)
        state.actions.append(nothing_to_remove(clause, state.context.media))
        return True
    if style is not None or changing or (adding and not _has_music(state)) or not _has_music(state) and not adjust or fresh:
        volume = adjust.get("volume")
        last = state.actions[-1] if state.actions else None
        if style is not None and isinstance(last, MusicAction) and last.style is None and not last.compose:
            state.actions.pop()  # "不要摇滚的，来点安静的": the music just asked for, now with its style
            volume = volume if volume is not None else last.volume
        state.actions.append(MusicAction(style=style, volume=volume))
        rest = {key: value for key, value in adjust.items() if key not in ("volume", "volume_scale")}
        if rest:  # "add lo-fi music starting at 5 seconds": the rest applies once the music is in
            then = UpdateMusic(**rest)  # type: ignore[arg-type]
            state.actions.append(EditAction(edit=then, description=describe_edit(then, state.language)))
        state.focus = _music_focus()
        return True
    if adjust and not _has_music(state) and not any(m.kind == "audio" for m in state.context.media) \
            and not any(isinstance(a, MusicAction) for a in state.actions):
        state.actions.append(Unknown(clause.unquoted(), understood="the music", question=ask(
            clause, "There is no music in the video yet. Add some first, for example: 'add lo-fi music at 30%'.",
            "视频里还没有背景音乐。可以先加一段，例如：“加一段轻快的背景音乐，音量30%”。")))
        return True
    if adjust:  # a list item changes the music just set ("…，音量调到四成"); a request naming the music is its own
        # "I uploaded a song, use it at 40 percent": "use it" with a setting is the song's own setting too
        fold = (not mentions_it(clause) or clause.has(r"^(?:(?:and|then|just|please|so)\s+)*(?:use|play)\s+it\b|^(?:就|那就)?用(?:它|上)")) \
            and not clause.has(MUSIC + "|" + _OWN_VERB)
        return _change(state, adjust, fold=fold, clause=clause)
    if adding:
        state.actions.append(MusicAction(style=None))
        return True
    return False


def _stopped_again(clause: Clause, state: PlanState) -> bool:
    """"make it stop" ("stop that", "i don't want that") right after the music's loop was turned off says that again:
    nothing more to do ("the song repeats, stop that")."""
    last = state.actions[-1] if state.actions else None
    return isinstance(last, EditAction) and isinstance(last.edit, UpdateMusic) and last.edit.loop is False \
        and clause.has(r"^(?:(?:and|so|please|just)\s+)*(?:make|have|let) (?:it|them) stop(?: (?:it|please|now))?$|"
                       r"^(?:(?:and|so|please|just|pls)\s+)*(?:stop (?:that|it)|i don'?t (?:want|like) (?:that|it)|"
                       r"no more of that|fix (?:that|it))(?: please| pls)?$|"
                       r"^(?:让它)?(?:停|停下来|别(?:再)?(?:放|重复|循环)了?)(?:吧)?$")


def _change(state: PlanState, adjust: _Adjustments, fold: bool, clause: Clause | None = None) -> bool:
    """Change the music: a list item after the music just set changes that setting ("bgm = summer.mp3 at 25%, no loop",
    "用我自己的歌，音量调到四成"; a request of its own, "and don't let it loop", stays one); the same change said twice is one
    ("音乐听不到了，声音开大")."""
    last = state.actions[-1] if state.actions else None
    edit = last.edit if isinstance(last, EditAction) else None
    if fold and clause is not None and isinstance(edit, SetMusic) and len(items := _items(clause)) > 1:
        # "用我自己的歌，音量调到四成，不要循环": the first setting is the song's own, the next a change of its own
        first = _adjustments(Clause(items[0], clause.quotes, clause.language, clause.source))
        rest = _adjustments(Clause("，".join(items[1:]), clause.quotes, clause.language, clause.source))
        said = [{key.replace("volume_scale", "volume") for key in part} for part in (first, rest)]
        if first and rest and not said[0] & said[1]:  # "声音小一点，20%左右" is one setting, said twice
            _change(state, first, fold=True)
            return _change(state, rest, fold=False)
    # the first setting said after the song is its own ("use my track, fade in 2 seconds", "summer.mp3做bgm，结尾淡出5秒"); one
    # said after that is a change of its own ("…，结尾淡出5秒，不要循环")
    if fold and isinstance(edit, SetMusic) and not {"volume_scale", "start_ms", "source_in_ms"} & set(adjust) \
            and _as_set(edit):
        state.actions.pop()
        state.edit(edit.model_copy(update=dict(adjust)), focus_kind="music")
        return True
    if fold and isinstance(edit, SetMusic) and set(adjust) == {"volume"} and edit.model_fields_set & _SETTINGS == {"loop"} \
            and edit.loop == SetMusic.model_fields["loop"].default and clause is not None \
            and not clause.has(_LEVEL_SET + "|" + _OWN_REQUEST):
        # "背景音乐就用我传的那首 循环播放 音量40%": a loop said as the song plays anyway, then a level only named, is the
        # song's own level ("…不要循环 音量30%", "…循环播放，音量调成六成" stay a change of their own)
        state.actions.pop()
        state.edit(edit.model_copy(update=dict(adjust)), focus_kind="music")
        return True
    if fold and isinstance(last, MusicAction) and not last.compose and set(adjust) == {"volume"} and last.volume is None \
            and (clause is None or not clause.has(_OWN_REQUEST)):
        state.actions[-1] = dataclasses.replace(last, volume=adjust["volume"])  # "换成欢快一点的，音量25%"
        return True
    if isinstance(edit, UpdateMusic) and edit == UpdateMusic(**adjust):
        return True
    if isinstance(edit, SetMusic) and adjust and "loop" in edit.model_fields_set and adjust == {"loop": edit.loop}:
        return True  # "用我的歌 不要循环 放一遍就完": the song's loop said twice
    if fold and isinstance(edit, UpdateMusic) and set(adjust) == {"volume"} and edit == UpdateMusic(volume_scale=edit.volume_scale):
        state.actions.pop()  # "音乐大声点，调到60%": how much louder, said next
        state.edit(UpdateMusic(volume=adjust["volume"]), focus_kind="music")
        return True
    if isinstance(edit, UpdateMusic) and clause is not None and _other_fade(edit, adjust) and not clause.has(_END_PLACE):
        state.actions.pop()  # "音乐淡入四秒 淡出两秒": its fades in and out, one change ("结尾再淡出两秒" is one of its own)
        state.edit(edit.model_copy(update=dict(adjust)), focus_kind="music")
        return True
    for setting in (_settings_listed(clause, adjust) if clause is not None else []) or [adjust]:
        state.edit(UpdateMusic(**setting), focus_kind="music")
    return True


# a level set rather than said: "set the music volume to 40%", "turn the music down to 20%", "音乐音量调到四成"
_LEVEL_SET = r"\b(?:set|turn|change|adjust|bring|drop|lower|raise|reduce)\b|\bvolume\b.*\bto\b|音量(?:调|改|设|降|升|开|拉|减)|" \
             r"(?:调|改|设|降|升|减)(?:到|成|为|低|小|大)"
# a level said with a direction after new music lowers or raises it, a change of its own ("换成钢琴曲，同时音量降到25%",
# "switch to piano and also turn it down to 20%"); a level set is the new music's own ("换成欢快一点的，音量调到百分之三十")
_OWN_REQUEST = r"\b(?:turn|bring|take|dial|drop|lower|raise|bump)\w*\b|降|升|提高|减|压"
# a setting asked for with a verb of its own is a change of its own ("use my song, and turn on ducking"); one only named is the
# song's ("use my track, fade in 2 seconds")
_OWN_VERB = r"^(?:(?:and|also|then|please|plus)\s+)*(?:turn|switch|enable|make|set|have|let|give)\b|^(?:然后|再|并且)?(?:打开|开启)"
# where a fade goes said with it: "结尾再淡出两秒", "and fade it out at the end"
_END_PLACE = r"\b(?:at|by|towards?) the (?:very )?end\b|\bthen\b|结尾|最后|末尾|再"


def _other_fade(edit: UpdateMusic, adjust: _Adjustments) -> bool:
    """The change just made is the music's fade on one side and ``adjust`` only its fade on the other."""
    made = frozenset(key for key, value in edit.model_dump(exclude={"op"}).items() if value is not None)
    return {made, frozenset(adjust)} == {frozenset({"fade_in_ms"}), frozenset({"fade_out_ms"})}


# the music on to the video's end: "音乐一直放到最后", "让音乐持续到结尾", "keep the music playing until the end", "music all
# the way to the end" (with music there: looped, so it plays to the end)
_ON_TO_THE_END = r"\b(?:play|run|go|last|continue|keep (?:playing|going|it going)|keep)\w*\b[^,.]*\b(?:to|until|till|through) the " \
                 r"(?:very )?end(?: of the video)?\b|\ball the way (?:to|until|till|through) the end\b|" \
                 r"(?:一直|持续|继续)?(?:放|播|播放|响|持续)(?:到|至)(?:视频)?(?:的)?(?:结尾|最后|结束)"
_SETTINGS = frozenset({"volume", "fade_in_ms", "fade_out_ms", "loop", "duck"})


def _as_set(edit: SetMusic) -> bool:
    """The song was set with no setting of its own said yet (a level said at the default, "35%", is one)."""
    return not _SETTINGS & edit.model_fields_set


def _settings_listed(clause: Clause, adjust: _Adjustments) -> list[_Adjustments]:
    """Changes listed one after another with commas, each its own ("summer.mp3 从第20秒开始放，音量50%", "音乐淡入两秒、淡出一秒半、
    音量百分之三十"); an item with no setting of its own belongs to the one before ("开头慢慢进来，三秒左右"). Empty unless
    the items say different settings that add up to everything said."""
    groups: list[str] = []
    for item in re.split(r"\s*[，,、]\s*", clause.text):
        if groups and not _adjustments(Clause(item, clause.quotes, clause.language, clause.source)):
            groups[-1] += f"，{item}"
        elif item:
            groups.append(item)
    listed = [found for group in groups if (found := _adjustments(Clause(group, clause.quotes, clause.language, clause.source)))]
    said = [{key.replace("volume_scale", "volume") for key in found} for found in listed]
    merged: dict[str, object] = {}
    for found in listed:
        merged.update(found)
    if len(listed) < 2 or sum(len(keys) for keys in said) != len(set().union(*said)) or merged != dict(adjust) \
            or set(merged) == {"fade_in_ms", "fade_out_ms"} and not clause.has(_END_PLACE):  # "音乐淡入4秒，淡出2秒": one change
        return []
    return listed


# a kind of music turned down rather than the music: "not lofi", "no jazz", "不要摇滚的", "I don't want music with drums"
_NOT_THIS_KIND = r"\b(?:don'?t|do not) (?:want|like|need) (?:\w+ )?(?:music|songs?|tracks?) (?:with|that|which)\b"


def _turned_down(clause: Clause) -> bool:
    return turned_down_style(clause.text) is not None or clause.has(_NOT_THIS_KIND)


def _items(clause: Clause) -> list[str]:
    """The clause's listed items: at commas, at "with" / "plus" before a setting ("use my song at 10 percent with
    ducking on"), and at a dictated pause in Chinese ("用我传的那首歌做bgm 音量调到两成 不要循环")."""
    pattern = r"\s*[，,]\s*|\s+" if clause.language == "zh" else r"\s*[，,]\s*|\s+(?:with|plus)\s+"
    return [item for item in re.split(pattern, clause.text) if item.strip()]


def _said(adjust: _Adjustments) -> set[str]:
    return {key.replace("volume_scale", "volume") for key in adjust}


def _listed_after(clause: Clause) -> list[_Adjustments]:
    """Settings listed after the song's first one, each a change of its own: "用summer.mp3做背景音乐，音量百分之二十，不要循环"
    sets the song at 20% and then stops its loop (the first setting said is the song's own: "用我上传的音频，不要循环",
    "我上传了一首歌，帮我用上，不要循环播放"); the same setting said again right after is that one said twice ("my song for
    music, not too loud, like 20%": the level)."""
    return [adjust for item in _items(clause)[_first_setting(clause) + 1:]
            if (adjust := _adjustments(Clause(item, clause.quotes, clause.language, clause.source)))]


def _first_setting(clause: Clause) -> int:
    """The index of the first listed item that sets something (the song's own setting, with the same setting said again
    right after it: "not too loud, like 20%"); the second item when none does."""
    items = _items(clause)
    first = next((k for k, item in enumerate(items) if _adjustments(Clause(item, clause.quotes, clause.language, clause.source))), 1)
    said = _said(_adjustments(Clause(items[first], clause.quotes, clause.language, clause.source))) if first < len(items) else set()
    while first + 1 < len(items) and said and \
            _said(_adjustments(Clause(items[first + 1], clause.quotes, clause.language, clause.source))) == said:
        first += 1  # "not too loud, like 20%": the level said twice, the later amount is the one
    return first


def _focused_set(state: PlanState) -> bool:
    """The message just set the music (an upload, or library music)."""
    last = state.actions[-1] if state.actions else None
    return state.focus is not None and state.focus.kind == "music" and (
        isinstance(last, MusicAction) or isinstance(last, EditAction) and isinstance(last.edit, SetMusic))


def _own_song_set(state: PlanState) -> bool:
    """The message just put one of the user's own songs on (``_FROM_IN_SONG``)."""
    last = state.actions[-1] if state.actions else None
    return isinstance(last, EditAction) and isinstance(last.edit, SetMusic) and any(
        m.src == last.edit.src and m.uploaded for m in state.context.media)


def _music_focus() -> Focus:
    return Focus("music")


# what makes quoted words words to show ("put the words 'Summer' on my photo", "写上“summer”"): text, never an upload's name
_TO_SHOW = r"\b(?:words?|text|titles?|captions?|subtitles?|saying|says|reads?|writ(?:e|ing|ten)|labels?|headline|lettering)\b|" \
           r"\bon (?:my|the|this|that) (?:photo|picture|pic|image)s?\b|字|标题|文字|字幕|写|标语|照片上|图片上"


def _names_upload(clause: Clause, state: PlanState) -> bool:
    # quoted words to show name no upload; a quoted file name ("'summer.mp3'") still does
    text = (PLACEHOLDER.sub(lambda m: clause.quotes[int(m.group(1))] if re.search(r"\.\w{2,4}$", clause.quotes[int(m.group(1))])
                            else " ", clause.text) if clause.has(_TO_SHOW) else clause.unquoted()).lower()
    return any(m.kind == "audio" and (m.name.lower() in text or (len(m.name.rsplit(".", 1)[0]) >= 3 and re.search(
        rf"(?<![a-z0-9]){re.escape(m.name.lower().rsplit('.', 1)[0])}(?![a-z0-9])", text) is not None))  # not "summery"
               for m in state.context.media)
