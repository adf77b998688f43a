"""What people call transitions, mapped to the draft's (``draft.validate.TRANSITIONS``, ffmpeg's xfade names).

The names are the ones editors show (Premiere, Final Cut, iMovie, CapCut / 剪映, DaVinci), written from the domain,
not from any corpus: "cross dissolve", "dip to black", "push", "iris", "clock wipe", "barn door", "venetian blinds",
"闪黑", "闪白", "叠化", "推移", "推拉", "百叶窗", "马赛克", "swipe", "左滑". A name we have nothing like ("spin", "glitch", "page curl", "旋转",
"故障", "翻页") is asked about (``NO_SUCH``), never swapped for another kind.

叠化 is 剪映's plain crossfade (the two pictures laid over each other), so it is ``fade`` with 淡入淡出, 交叉淡化 and
渐变; ``dissolve`` is said as "dissolve", 溶解 or 交叉溶解 (Premiere's Cross Dissolve).
"""

from __future__ import annotations

import re

__all__ = ["INTO_NEW", "KINDS", "NAMES", "NO_SUCH", "PLACE", "SLIDE_ALONE", "kind_named", "no_such_named"]

# the way it goes, said after the name: "to the right", "going right", "slide transition going right", "that moves up"
# (from a side it goes away from it: ``_from_en``)
_WAY = r"(?: transition| effect)?(?: (?:that )?(?:goes|going|moves|moving|heads|heading))?(?: (?:to|towards) the| to| towards)? "
# the way a wipe goes said from one side to the other: "擦除 从左往右", "从上往下擦的转场"
_WIPE, _FROM, _TO = r"(?:擦除?|划像)(?:的)?(?:转场)?[\s，,]*(?:方向)?(?:是|要|用)?", r"(?:从|由)", r"(?:边)?(?:往|向|到)"
# ... and in English: "wipe from left to right", "a slide from the bottom", "a left to right wipe" (it goes away from that side)
def _from_en(names: str, side: str, other: str) -> str:
    return (rf"\b(?:{names})(?: transition| effect)?(?: (?:that )?(?:goes|going|moves|moving))? from (?:the )?{side}(?: side)?"
            rf"(?: (?:to|towards|into) (?:the )?{other})?\b|\b{side}[- ]to[- ](?:the )?{other}(?: side)? (?:{names})\b")


_W, _S = r"wipes?|wiping", r"slides?|sliding|push(?:es)?|swipes?"
# (the draft's name, what people call it), most specific first: "circle wipe" is a circle, "fade to black" no fade
NAMES: tuple[tuple[str, str], ...] = (
    ("fadeblack", r"\b(?:fade|dip|flash|cut)s? (?:to|through|into|thru) black\b|\bblack (?:flash|dip)\b|\bdip black\b|"
                  r"黑场|渐黑|闪黑|黑闪|黑(?:一下|个|一会儿?)(?!字|底|色)|黑1下|先?黑(?:一|1)?(?:下|个)再"),  # "两段中间黑一下再出来"
    ("fadewhite", r"\b(?:fade|dip|flash)(?:es)? (?:to|through|into|thru) white\b|\bwhite (?:flash|dip)\b|\bdip white\b|"
                  r"\bflash(?:es)?\b(?! ?(?:of|to) black)|白场|闪(?:一下|个)?白|白闪|白(?:一下|个)(?!字|底|色)|闪1下白|白1下|白色?(?:的)?闪(?:一|1)?下"),  # "白色闪一下的转场"
    ("fadegrays", r"\b(?:fade|dip)s? (?:to|through|into|thru) gr[ae]y\b|\bgr[ae]y (?:fade|dip)s?\b|灰场"),
    ("radial", r"\bclock ?wipes?\b|\bradial(?: wipes?)?\b|时钟|钟表|径向"),
    ("circleopen", r"\biris(?: round| wipe| open)?\b|\bcircles?(?: wipes?| open| reveal)?\b|圆形|圆圈|圆环|光圈"),
    ("vertopen", r"\bbarn ?doors?\b|开门|开幕"),
    ("hlslice", r"\b(?:venetian )?blinds\b|\bslices?\b|(?:百|100)叶窗"),
    ("pixelize", r"\bpixel\w*|\bmosaic\b|像素|马赛克"),
    ("hblur", r"\b(?:cross )?blur(?:s|red)?\b|模糊"),
    ("squeezeh", r"\bsqueeze\b|挤压"),
    ("dissolve", r"dissolve|溶解|溶化"),
    # "往左擦", "往上推的": a wipe that way; "向左滑的", "往右推移", "推移 往右": a slide (推移 is 剪映's push)
    ("wiperight", rf"{_from_en(_W, 'left', 'right')}|\bwipe{_WAY}right\b|\bwipe from the left\b|(?:向|往)右(?:擦|推(?!移))|"
                  rf"{_WIPE}{_FROM}左{_TO}右|{_FROM}左{_TO}右(?:的)?擦"),
    ("wipeup", rf"{_from_en(_W, 'bottom', 'top')}|\bwipe{_WAY}(?:up|top)\b|(?:向|往)上(?:擦|推(?!移))|"
                  rf"{_WIPE}{_FROM}下{_TO}上|{_FROM}下{_TO}上(?:的)?擦"),
    ("wipedown", rf"{_from_en(_W, 'top', 'bottom')}|\bwipe{_WAY}(?:down|bottom)\b|(?:向|往)下(?:擦|推(?!移))|"
                  rf"{_WIPE}{_FROM}上{_TO}下|{_FROM}上{_TO}下(?:的)?擦"),
    ("wipeleft", rf"{_from_en(_W, 'right', 'left')}|{_WIPE}{_FROM}右{_TO}左|{_FROM}右{_TO}左(?:的)?擦|\bwipe|擦除|划像|(?:向|往)左(?:擦|推(?!移))|擦"),
    ("slideright", rf"{_from_en(_S, 'left', 'right')}|\b(?:slide|push|swipe){_WAY}right\b|(?:向|往)?右滑|(?:向|往)右推移|推移[\s，,]*(?:向|往)右"),
    ("slideup", rf"{_from_en(_S, 'bottom', 'top')}|\b(?:slide|push|swipe){_WAY}(?:up|top)\b|(?:向|往)?上滑|(?:向|往)上推移|推移[\s，,]*(?:向|往)上"),
    ("slidedown", rf"{_from_en(_S, 'top', 'bottom')}|\b(?:slide|push|swipe){_WAY}(?:down|bottom)\b|(?:向|往)?下滑|(?:向|往)下推移|推移[\s，,]*(?:向|往)下"),
    # 推拉 is 剪映's push: the next picture pushes the last one off
    ("slideleft", rf"{_from_en(_S, 'right', 'left')}|\bslide|\bswipe|\bpush(?!\s+(?:in|out|it|the|closer)\b)|滑动|推移|推拉|(?:向|往)?左滑"),
    ("zoomin", r"\bzoom|缩放|放大转场|推近|推镜"),
    # 渐隐 / 渐显 / 淡出淡入 between clips, 叠加 / 叠影 (the pictures laid over each other): the crossfade
    ("fade", r"\bcross[- ]?fade|\bfade|\bblend|\bmix\b|淡入淡出|淡出淡入|渐变|叠化|叠变|淡化|渐隐|渐显|叠加|叠影"),
)
# a slide said alone with its way, as the whole request: "slide left", "push right", "slide from right to left" (where clips
# meet, a transition; never a scene of a slide to film)
SLIDE_ALONE = (r"^(?:(?:a|an|use a|use|do a|add a|try a|with a|and a)\s+)?(?:slide|push|swipe)(?: transition| effect)?"
               r" (?:(?:to|towards) (?:the )?|going |from (?:the )?)?(?:left|right|up|down|top|bottom)(?: side)?"
               r"(?: (?:to|towards) (?:the )?(?:left|right|top|bottom))?(?: (?:please|pls|instead))?$")
KINDS = frozenset(kind for kind, _ in NAMES)
# a fade said to lead into the clip just added: "…, with a fade into it", "with a fade to black going into it" (a
# transition into that clip, never the clip's own fades)
INTO_NEW = r"^(?:(?:and |then )?(?:with |plus )?(?:a |an )?)(?:(?:quick|slow|soft|short|gentle) )?(?:fade|dissolve)" \
           r"(?: (?:to|through|thru) (?:white|black))?(?: (?:going|leading|transition(?:ing)?))? (?:into|in to) " \
           r"(?:it|the new (?:one|clip)|that(?: clip)?)$"
_NAMES = tuple((kind, re.compile(pattern)) for kind, pattern in NAMES)
# transitions editors offer that we have nothing like: asked about ("A spin transition: ...")
NO_SUCH = (r"\bspin\w*|\brotat\w*|\bglitch\w*|\bpage (?:curl|peel|turn)\w*|\bcube\b|\bflip\w*|\bmorph(?: cut)?\b|"
           r"\blight ?leaks?\b|\bfilm burn\b|\bwhip(?: pan)?\b|\bshak\w*|\bswirl\w*|\bripple\w*|\bink\b|"
           r"旋转|故障|翻页|立方体|翻转|漏光|甩镜|甩入|抖动|震动|水波纹|波纹|撕纸")
_NO_SUCH = re.compile(NO_SUCH)
# where a transition goes: between the clips, on each cut ("between clip 1 and 2", "每个镜头之间", "两段中间"; "中间来个闪黑" with
# a transition's name after it)
PLACE = (r"\bbetween (?:the |all |every |each |both |my |these )?(?:two |2 )?(?:(?:clips?|shots?|scenes?|videos?|parts?|them|"
         r"(?:clip |shot )?\d (?:and|&) \d)\b|(?:the )?\w+ (?:and|&) (?:the )?\w+ (?:clips?|parts?|shots?)\b)|"
         r"\b(?:on|at|for|in) (?:each|every|all (?:the )?|the) cuts?\b|\beach cut\b|\bevery cut\b|"
         r"之间|(?:段|片段|镜头|视频)的?中间|^(?:然后|再)?(?:在)?中间(?:再|也)?(?:加|来|用|插|放|弄|整)|(?:(?:他们|它们|她们)(?:俩|2)?|[他它她这那](?:俩|2)|(?:这|那)?(?:两|2)个|这两个|那两个)的?中间|每个cut|\b(?:clips?|shots?|scenes?|parts?) (?:meet|join|connect)\b|"
         # where two clips join: "两段衔接的地方", "衔接处", "片段交接的地方", "接上的地方", "切换的地方"
         r"(?:衔接|连接|交接|拼接|相接|接上|接头|切换)(?:的)?(?:地方|处|点|那里|那儿|位置)|衔接|交接处|"
         # the cut said as a moment: "切过去的时候用向右滑", "片段切换的时候", "切到狗那段的时候"
         r"(?:片段|镜头|画面)?切换(?:的时候|时)|切(?:过去|过来|到[^，,\s]{1,8}?)(?:的时候|时)")


def kind_named(text: str) -> str | None:
    """The draft's transition a name in ``text`` stands for ("a cross dissolve" -> dissolve), or None."""
    return next((kind for kind, pattern in _NAMES if pattern.search(text)), None)


def no_such_named(text: str) -> str | None:
    """The words of a transition we have nothing like ("spin", "故障"), or None."""
    found = _NO_SUCH.search(text)
    return found.group(0) if found else None
