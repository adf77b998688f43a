"""Shared word lists: aspects, colours, positions (English and Chinese)."""

from __future__ import annotations

import functools
import re

from reelforge.agent._text import Clause
from reelforge.draft import Aspect
from reelforge.draft._ops import TextPos
from reelforge.draft.colors import COLOR_PHRASES, NAMED_COLORS, SHADES, color_value, parse_color
from reelforge.draft.model import Position

__all__ = ["ABRUPT", "ADD", "ASPECT_VIDEO", "CHANGE_TO", "DISLIKE", "EDIT_KINDS", "EDIT_WORDS", "EFFECTS", "EN_COLOR_ANY", "EN_COLOR_WORDS", "LENGTH_ALONE", "LIP_SYNC", "other_shape",
           "MAKE_IT_FIRST", "REGIONAL_ZH", "REMOVE", "ZH_COLORS", "ZH_COLOR_BARE", "ZH_COLOR_CHARS", "ZH_COLOR_WORDS", "STYLE_KIND", "VIDEO_FORMS", "ZH_SHADES", "aspect_at", "aspect_of", "wanted_colors",
           "color_of", "colors_in", "position_of", "request_part", "without_colors", "zh_color"]

# Taiwan's and Hong Kong's words (Cantonese's function words among them) as the words the rules know, read after the
# characters are simplified (``_traditional.read_chinese``; a simplified message with them reads the same): each
# (pattern without groups of its own, the plain words). "幫我把背景音樂調小一點", "影片改成直式", "唔該幫我 fade out 個 music",
# "將啲字整大啲", "刪咗第二段", "冇音樂", "匯出成mp4檔"
_REGIONAL_ZH: tuple[tuple[str, str], ...] = (
    # Taiwan: the video, its shape, export and files, adding and undoing, frames and resolution, time-lapse, the
    # project file, Instagram and its stories, "as before" (原本), later (延後), an export "匯" again, 達文西
    (r"(?<=[这那一每])[支部](?=影片|视频|片子)", "个"), (r"影片", "视频"), (r"汇出|输出", "导出"), (r"汇入", "导入"),
    (r"汇(?=(?:一|1)?(?:个|份))", "导"), (r"直式|直版", "竖屏"), (r"横式", "横屏"),
    (r"(?:^|(?<=[成是要回做，,\s]))直(?:的|嘅)", "竖的"), (r"专案档案?|专案文件", "工程文件"), (r"专案", "项目"),
    (r"档案", "文件"), (r"(?<=[a-zA-Z0-9])档", "文件"), (r"新增", "添加"), (r"(?<!恢)复原", "撤销"), (r"置中", "居中"),
    (r"过场", "转场"), (r"影格率|每秒影格数?", "帧率"), (r"影格", "帧"), (r"解析度", "分辨率"), (r"萤幕", "屏幕"),
    (r"字级", "字号"), (r"甚么", "什么"), (r"拜托", "请"), (r"原本(?=的)", "原来"), (r"延后", "推迟"),
    (r"缩时(?:摄影)?", "延时摄影"), (r"达文西", "达芬奇"), (r"(?<![a-zA-Z])[iI][gG](?![a-zA-Z])", "ins"),
    (r"限时动态|限动", "reels"), (r"喔", "哦"), (r"标提", "标题"), (r"刚刚", "刚才"),
    # zhuyin shorthand at the end of a word: ㄅ 吧, ㄇ 吗, ㄉ 的, ㄌ 了, ㄋ 呢, ㄚ 啊
    (r"ㄅ", "吧"), (r"ㄇ", "吗"), (r"ㄉ", "的"), (r"ㄌ", "了"), (r"ㄋ", "呢"), (r"ㄚ", "啊"), (r"ㄏ", ""),
    # Hong Kong: the video (條片, 嘅片, 直片), this and that (呢段, 嗰段), please and thanks, negation, aspect
    # particles (咗 after a removal is 掉, "mute 咗佢"), "the" before a noun (啲字, 隻狗) and "a bit" after a word of
    # size or speed (大啲, 細D), 將 for 把, 整 for the verb, 細 for small, 做 for 成 after a change ("換做金色"), 返 for
    # back, 落 for into, a classifier before an English noun ("fade out 個 music"), the resumptive 佢 after a verb
    # ("剪咗佢"), 頭/尾 before seconds as the video's ends, a voice (女仔聲, 把聲)
    (r"(?<=[整做出呢这那𠮶嗰])条片", "个视频"), (r"(?<=[1一])条(?=[直横]?片)", "个"), (r"直片", "竖屏视频"), (r"横片", "横屏视频"),
    (r"条片(?![段头尾])", "视频"), (r"(?<=嘅)片(?![段头尾子])", "视频"), (r"(?<=[这那𠮶嗰呢])段片", "段"),
    (r"呢(?=[段个条首张度排次位种边只部支啲])", "这"), (r"[𠮶嗰]", "那"),
    (r"唔该晒|多谢晒|多谢", "谢谢"), (r"唔该(?=[\s,，]*[^\s,，。.!！?？])", "请"), (r"唔该", "谢谢"),
    (r"唔好|咪(?=加|放|用|要|搞|郁|改|删)", "不要"), (r"唔要", "不要"), (r"唔使|唔驶|唔洗", "不用"), (r"唔系", "不是"),
    (r"系咪", "是不是"), (r"唔", "不"), (r"有冇得", "能不能"), (r"有冇", "有没有"), (r"冇咗\s*佢", "去掉"), (r"冇咗", "没了"), (r"冇", "没有"),
    (r"(?<=[a-zA-Z])\s*咗(?=\s*佢|\s*$|[，,。!！])", "掉"), (r"(?<=[a-zA-Z])\s*咗\s*", " "), (r"(?<=[删剪减去拎攞关熄闩])咗", "掉"), (r"(?<=[删剪去拎攞拿])(?:走|晒)", "掉"),
    (r"(?<=[掉咗晒走])\s*佢(?=$|[，,。!！啦吧])", ""), (r"咗", "了"), (r"嘅", "的"), (r"有啲(?![咩乜嘢])", "有点"),
    (r"(?<=[大小细快慢短长高低轻响亮暗多少声])(?:啲|[dD](?![a-zA-Z]))", "一点"), (r"啲", ""),
    (r"(?:^|(?<=帮我)|(?<=请)|(?<=唔该)|(?<=[\s，,]))将(?!近|会|要)", "把"), (r"(?<=[把将])\s*个\s*(?=[a-zA-Z])", " "),
    (r"(?:^|(?<=[\s，,了咗]))只(?=(?:狗|猫|鸟|雀|鸡|马|鱼|熊)[狗仔]?[𠮶嗰])", ""),
    (r"细(?=声|啲|[dD](?![a-zA-Z])|个|粒|字)|(?<=[整调较变缩再])细", "小"), (r"整(?=[大小细短长快慢高低])", "调"), (r"整(?=成[^，,。:：]{0,6}(?:片|视频))", "做"),
    (r"转(?=做)", "改"), (r"(?<=[换改转变整])做(?![法得好完])", "成"),
    (r"(?<=[加放摆开])返(?:落)?(?:去|来)", "回来"), (r"(?<=[加放摆开拎攞])返", "回"), (r"(?<=[加放摆])落(?!去)", "到"),
    (r"(?:^|(?<=[a-zA-Z\s，,]))个\s*(?=[a-zA-Z])", ""),
    (r"(?<=[一二三四五六七八九十两\d])条(?=\s*(?:[cC]lips?|片))", "个"),
    (r"(?<=[个条])\s*[cC]lips?(?![a-zA-Z])\s*", "片段"), (r"(?<=[个条])\s+(?=[vV]ideos?(?![a-zA-Z]))", ""),
    # English said inside Cantonese stands apart with spaces: "將個 video 轉做 square", "加個 end card 寫…"
    (r"(?<=[成到为做个])\s+(?=[a-zA-Z])", ""),
    (r"(?:^|(?<=[\s，,！!]))出(?=一个|1个|一份|个)", "导出"), (r"跟(?=一个|1个|一份)", "和"),
    (r"相同(?=[a-zA-Z])", "照片和"), (r"叮叮(?:车)?", "电车"), (r"(?<=[行走跑飞游])紧", "着"), (r"(?:^|(?<=[剪删掉走咗段的\s，,]))头(?=[一二三四五六七八九十两几\d]+秒)", "开头"),
    (r"(?:^|(?<=[剪删掉走咗段的\s，,]))尾(?=[一二三四五六七八九十两几\d]+秒)", "结尾"), (r"调转(?=位|次序|顺序|先后)", "交换"),
    (r"几(?=长|耐|大|快|慢)", "多"), (r"(?<=[多几])耐", "久"), (r"由(?=头|第|\d|[一二三四五六七八九十两])", "从"),
    (r"拣", "选"), (r"倒转(?:播|放)?|倒带", "倒放"), (r"女仔声?|女人声", "女声"), (r"男仔声?|男人声", "男声"),
    (r"读(?=一句|一段|出)", "念"), (r"讲错(?:咗|了)?", "不对"), (r"讲(?=[:：「“])", "说"), (r"入面", "里面"),
    (r"(?<![a-zA-Z])project(?![a-zA-Z])", "项目"), (r"把声(?![音效调])", "声音"), (r"(?<=[要没冇有开关无])声(?![音效])", "声音"),
    (r"就得", "就行"), (r"佢", "它"), (r"嘢", "东西"), (r"睇", "看"), (r"喺", "在"), (r"嚟", "来"),
    (r"[俾畀](?=我|佢|它|个|条|段|啲)", "给"), (r"攞走|摞走", "拿掉"), (r"揾|搵", "找"), (r"而家|依家|宜家", "现在"),
    (r"点样", "怎么"), (r"乜嘢|咩嘢|咩", "什么"), (r"边度", "哪里"), (r"边个", "哪个"), (r"咁样", "这样"), (r"咁", "这么"),
    (r"嘞|喎|㗎|囉|吖|啩", ""),
)


def _first_characters(patterns: tuple[str, ...]) -> str:
    """A character class holding every character a match of one of ``patterns`` can start with (a superset: each
    character the patterns consume, outside their lookarounds, and white space): most positions of a message fail it
    at once, instead of trying every pattern (a tenth of the time)."""
    consumed = {" ", "\t", "\n", "\r", "\f", "\v", "\u3000"}  # \s
    for pattern in patterns:
        body = re.sub(r"\\.", "", re.sub(r"\(\?<?[=!](?:[^()]|\([^()]*\))*\)", "", pattern))
        consumed.update(ch for ch in body if ch.isalpha())
    return "[" + "".join(sorted(re.escape(ch) for ch in consumed)) + "]"


REGIONAL_ZH: tuple[re.Pattern[str], tuple[str, ...]] = (
    re.compile(f"(?={_first_characters(tuple(p for p, _ in _REGIONAL_ZH))})(?:"
               + "|".join(f"({pattern})" for pattern, _ in _REGIONAL_ZH) + ")"),
    tuple(plain for _, plain in _REGIONAL_ZH))

# "drop the hike video in before the city clip", "pop my photo in at the end": a thing put in, never dropped
_PUT_IN = r"(?: [\w.'-]+){1,4}? in(?=$| (?:before|after|between|at|first|last|here|there|right|just|please)\b)"
ADD = rf"\b(?:add|put|insert|include|place|overlay|write|show|display|give it|stick|(?:drop|pop|slot|throw|toss){_PUT_IN})\b|" \
      r"加|添加|加上|加个|放|插入|插(?![曲画话座])|写|打上|配上|显示"  # "城市那段后面插一张我的照片"
# the video said with its shape ("make this a vertical video", "a square video", "做成竖屏视频"): the canvas, not a clip
ASPECT_VIDEO = re.compile(r"\b(?:vertical|square|landscape|portrait|horizontal|widescreen|upright|\d+:\d+) (videos?|films?|movies?)\b"
                          r"(?! (?:of|showing|about|featuring|where|with)\b)|"
                          r"(?:竖屏|横屏|竖版|横版|方形|正方形)的?(视频|片子)|"
                          # "视频改竖屏", "视频竖过来", "视频调成方的": the video's shape changed
                          r"^(?:把)?(?:整个)?(视频|画面|片子)(?=(?:的)?(?:画面)?(?:比例|尺寸|画幅|大小|宽高比)?(?:整体|全部)?(?:给)?(?:改|换|调|变|弄|做)?(?:成|为)?"
                          r"(?:竖屏|横屏|竖版|横版|方形|正方形|方的|竖的|横的|竖过来|横过来|\d+\s*(?::|比)\s*\d+|"
                          r"(?:抖音|快手|视频号|b站|油管|ins|朋友圈|小红书)的?(?:尺寸|比例|画幅|格式)))")
# "make clip 2 the first one", "make the dog clip the last clip": an order of the clips there (not "make one more
# clip like the last one")
MAKE_IT_FIRST = r"^(?:please |can you |could you )?make (?!(?:a|an|another|one more|new|some)\b)(.+?)(?<!\blike) " \
                r"(?:the )?(first|last)(?: (?:one|clip|shot))?$"  # "make clip 2 the first one", "make the dog clip first"
# a negation is a removal: "no music please" ("drop a crossfade into clip 2" adds one), "without the title", "I don't want transitions", "不要音乐", "别加字幕"
# ("drop the music to 15 percent", "drop it to like 5%", "drop the volume" lower it: a level said after "drop" is no removal)
REMOVE = rf"\b(?:remove|delete|drop(?! (?:a|an|some|in|another|one)\b)(?!{_PUT_IN})(?!(?: [\w'-]+){{0,4}}? (?:down\b|(?:to|by) (?:(?:like|about|around|maybe|roughly|just|only|say) )?\d|volume|level))|get rid of|throw (?:away|out)|hide|take (?:[\w'-]+ ){{0,3}}?(?:out|off|away)|erase|clear|no more|without|lose|no|" \
         rf"(?:i )?(?:don'?t|do not) (?:want|need)|(?:i|we) not (?:want|need)|ditch|scrap|kill|nix|toss(?!{_PUT_IN})|trash|bin|(?:turn|switch|shut) (?:\w+ ){{0,3}}off(?![\s-]white))\b|" \
         r"去掉|删除|删掉|移除|隐藏|藏起来|藏掉|" \
         r"不要(?!挡|遮|盖|压)|不想要|拿掉|去除|清除|取消|关掉|关闭|别加|别要|不需要|不用|删了|删去|去了|" \
         r"(?<![开相有无机])关(?:了|上)|(?<![开相有无机])关(?=(?:字幕|音乐|背景音乐|配乐|bgm|标题|配音|旁白|转场|声音|原声|循环))"
# "字幕关了吧", "把转场关了", "关字幕", "关配音": 关 said of a thing is its removal (a switch turned off)
# a complaint about an effect, said alone, asks for it gone: "I don't like the crossfade", "i hate the zoom",
# "我不喜欢这个转场" (a complaint about the music asks for other music: music.py's); with a change said ("..., use a wipe
# instead") the change is the request
DISLIKE = r"\b(?:(?:don'?t|do not|doesn'?t|does not) (?:really )?(?:like|love)|hate|dislike|not (?:a )?fan of|can'?t stand|" \
          r"(?:is|looks?|feels?) (?:bad|weird|cheesy|cheap|ugly|awful|tacky))\b|不喜欢|不太喜欢|讨厌|不好看|难看|很丑|太丑"
# how a cut or an ending feels when it wants softening: "the ending is too abrupt", "the cut between the clips is too
# harsh", "结尾太突然了": a fade there, or a transition between the clips
ABRUPT = r"\b(?:abrupt(?:ly)?|sudden(?:ly)?|harsh|jarring|jumpy|choppy)\b|突然|生硬|太硬|太跳|很跳"
# a length said alone, as a clause of its own after a fade: "标题淡出，用两秒", "结尾淡出，两秒就行", "over 2 seconds"
LENGTH_ALONE = re.compile(r"^(?:(?:and|over|for|in|like|about|around|maybe|just|make it|lasting)\s+)*(?:用|花|持续|大概|大约|时长|时间)?\s*"
                          r"(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s|秒钟?)(?:\s+(?:long|please|pls))?(?:就行|就好|就可以|吧|左右|的)*$")
CHANGE_TO = r"\b(?:instead|rather|change|switch|swap|replace|use|try|make it|different|another)\b|换成|改成|改为|换个|换一个|换一种|用"

# no \b around ratios: "改成1:1" has no word break before the 1
_BY = r"\s*(?:[:x/]|\bby\b|比)\s*"   # "9:16", "9x16", "9 by 16", "9比16"
_RATIOS: tuple[tuple[Aspect, str], ...] = (
    ("9:16", rf"(?<![\d.])9{_BY}16(?![\d.])|九比十六|\bnine by sixteen\b"), ("4:5", rf"(?<![\d.])4{_BY}5(?![\d.])|四比五|\bfour by five\b"),
    ("1:1", rf"(?<![\d.])1{_BY}1(?![\d.])|一比一"), ("16:9", rf"(?<![\d.])16{_BY}9(?![\d.])|十六比九|\bsixteen by nine\b"))
# the shape said by the screen it is for: "so it fits my phone", "for my phone", "phone screen", "for the tv"
_PHONE = r"\bfits? (?:on )?(?:my|a|the|your|people'?s) (?:phone|mobile)s?\b|\bfor (?:my|the|a|your) (?:phone|mobile)(?: screen)?s?\b|" \
         r"\b(?:phone|mobile) (?:screen|format|version|size)s?\b|\bfull ?screen on (?:my |a |the )?(?:phone|mobile)s?\b|\bsnapchat\b|" \
         r"手机(?:屏幕|全屏|上看|版)"
_SCREEN = r"\bfor (?:the |my |a )?(?:tv|television|desktop|laptop|computer|monitor)(?: screen)?s?\b|\b(?:tv|desktop) (?:format|version|size)\b|" \
          r"电视(?:上看|版)|电脑(?:上看|版)"
# a ratio said outright wins over the words around it ("portrait 4:5", "改成4:5的竖版"), then a shape said outright over a
# platform's ("I need this square, it's going on my instagram feed")
_ASPECTS: tuple[tuple[Aspect, str], ...] = _RATIOS + (
    ("4:5", r"(?:instagram|insta|ins|ig) portrait"),
    ("9:16", r"vertical|portrait|竖屏|竖版|竖的|竖向|竖过来|竖起来|竖着(?:看|放|拍|的)|"
             # letterboxed on a phone: "it looks boxed in on my phone", "black bars on my phone", "手机上看有黑边"
             r"\b(?:boxed in|letterbox(?:ed)?|black bars|tiny|small|doesn'?t fill(?: the screen)?|does not fill(?: the screen)?) on (?:my|a|the) phone\b|"
             # ("there are black bars when i watch it on my phone", "on my phone i get black bars top and bottom")
             r"\b(?:black (?:bars|borders|edges)|letterbox(?:ed|ing)?)\b.*\b(?:phone|mobile)s?\b|"
             r"\b(?:phone|mobile)s?\b.*\b(?:black (?:bars|borders|edges)|letterbox(?:ed|ing)?)\b|"
             r"\b(?:doesn'?t|does not|won'?t) fill (?:my|the) phone(?: screen)?\b|\bphone[- ](?:size|sized|format|screen)\b|\b(?:fit|fill)s? (?:a|the|my) phone\b|"
             rf"\b(?:make|turn) (?:it|this|the video|the whole thing) tall\b(?! ?er)|手机上(?:看)?(?:有|全是|都是)?黑边|{_PHONE}|手机上(?:看)?(?:不|没)(?:满屏|铺满|全屏)"),
    ("1:1", r"square|方形|正方形|方屏|方图|^方的$|(?:成|是|要|用|那种|那样)方的|[，,\s]方的(?:吧)?(?=$|[，,\s])"),  # ("咖啡往外溢 方的 5秒")
    ("16:9", rf"{_SCREEN}|horizontal|landscape|widescreen|横屏|横版|横的|横向|横过来|横着(?:看|放|拍|的)|宽屏"),
    # a platform named as a look is not a shape: "tiktok style captions", "字幕要抖音那种的"
    ("9:16", r"(?:instagram|insta|ins|ig)\s*(?:stor(?:y|ies)|快拍)|\bstory (?:size|format|ratio)|\byoutube short\b|"
             r"(?<!like )(?<!as on )tiktok(?![- ]?(?:style|like|kind|type|look)\b|\s+(?:captions?|subtitles?|subs|music|songs?|tracks?|bgm|sounds?|audio|hits?|trend\w*|viral)\b)|(?<!highlight )reels?\b|shorts|stories|"
             r"(?:抖音|快手)(?!那种|那样|风格|风|式|同款|一样|字幕|热门|神曲|爆款|热歌|歌|音乐|配乐|bgm|上(?:很)?火|流行)|视频号"),
    ("4:5", r"(?:instagram|insta|ins|ig) feed|小红书"),
    # the other platforms by the shape their feeds show best: a story anywhere is 9:16 (above); Pinterest's and
    # WhatsApp's status videos are tall, Facebook's and LinkedIn's feeds square, X / Twitter's and Weibo's players wide
    ("9:16", r"\bpinterest\b|\bwhats ?app status\b|\bsnapchat\b|\bsnap stor(?:y|ies)\b|\b(?:facebook|fb|whats ?app) stor(?:y|ies)\b"),
    ("1:1", r"instagram|\binsta(?:gram)?\b|(?<![a-z])ins(?![a-z]|风|那种风|的风格)|朋友圈|\bfacebook\b|\bfb\b|\blinked ?in\b"),
    # ("b站那种片头", "油管风格的字幕": a platform named as a look, as 抖音 above, is no shape)
    ("16:9", r"youtube|(?:油管|b站|微博|西瓜视频|知乎)(?!那种|那样|风格|风|式|同款|一样|up主)|\btwitter\b|\bvimeo\b"),
)
# -- colours: the English names are the draft's (draft/colors.py: the palette, every CSS name, the names people use,
# shades); the Chinese words are here, each with the English name it reads as
# names that are also things ("salmon", "rose", "golden", "mint", "coral"): a colour only when said as one (before a
# colour word or an object's noun, after a shade, or as the clause's last word: "make the title coral", "rose gold
# letters"; "a salmon swimming upstream" is a fish, "the title Golden Hour" its words)
_THINGS = frozenset({
    "coral", "salmon", "olive", "lime", "mint", "peach", "cream", "rose", "ivory", "amber", "emerald", "ruby", "sapphire",
    "plum", "orchid", "tan", "charcoal", "bronze", "copper", "khaki", "mustard", "burgundy", "lilac", "mauve",
    "periwinkle", "apricot", "aqua", "azure", "crimson", "fuchsia", "fuschia", "scarlet", "golden", "champagne", "denim",
    "sage", "cobalt", "camel", "caramel", "mocha", "wine", "chocolate", "coffee",
    "blush", "nude", "jade", "rust", "terracotta", "tangerine", "sand", "pearl", "platinum", "slate", "aubergine",
    "eggplant", "raspberry", "bubblegum", "brass", "midnight"})
# CSS names nobody says for a colour in a chat, and words that are rather things or weather ("snow", "sky", "tomato",
# "linen"): the draft takes them, the editor does not read them in prose
_UNSAID = frozenset({"snow", "sky", "tomato", "lemon", "wheat", "linen", "honeydew", "moccasin", "bisque", "seashell",
                     "thistle", "peru", "sienna", "eggshell", "cornsilk", "gainsboro", "burlywood", "firebrick"})
_SHADE_WORDS = "|".join(sorted(SHADES, key=len, reverse=True))


def _trie(names: list[str]) -> str:
    """One pattern for ``names`` as a trie of their characters, a space matching a space, a hyphen or nothing ("light
    blue", "light-blue", "lightblue"): the areas try it at every position of a clause, and a flat alternation of a
    few hundred names costs ten times as much; the longest name wins (greedy), shorter ones on backtracking."""
    root: dict[str, dict] = {}
    for name in names:
        node = root
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [(r"[\s-]?" if char == " " else re.escape(char)) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return f"(?:{emit(root)})"


_PLAIN_NAMES = sorted({n for n in NAMED_COLORS if n != "transparent" and n not in _THINGS | _UNSAID} |
                      {n for n in COLOR_PHRASES if " " in n or n not in _THINGS | _UNSAID}, key=len, reverse=True)
_THING_NAMES = sorted(_THINGS)
# a colour's own words: the names, and a shade before any name ("pale yellow", "dark orange", "light coral")
_THINGS_SAID = _trie(_THING_NAMES)
# (a shade said loosely or as a comparative is that shade: "dark-ish red", "lightish blue", "a darker blue", "paler pink")
EN_COLOR_WORDS = (rf"(?:(?:(?:{_SHADE_WORDS})(?:-?ish|e?r)?[\s-]?)?{_trie(_PLAIN_NAMES)}|"
                  rf"(?:{_SHADE_WORDS})(?:-?ish|e?r)?[\s-]?{_THINGS_SAID})")
_SHADE_ISH = re.compile(rf"^({_SHADE_WORDS})(?:-?ish|e?r)\b")
# any colour's words, the names that are also things among them: for a colour said as a list item of its own (", golden,")
EN_COLOR_ANY = rf"(?:{EN_COLOR_WORDS}|{_THINGS_SAID})"
_THING_AS_COLOR = (rf"{_THINGS_SAID}(?=[\s-]?(?:colou?r(?:ed|s)?\b|tones?\b|shades?\b|ish\b)|"
                   r"\s+(?:text|letters|font|words|background|bg|box|banner|captions?|subtitles?|titles?)\b|"
                   r"(?:\s+(?:please|pls|plz|instead|then|now|too|maybe|thanks|thx))*\s*[.,;!?)]*\s*$|"
                   r"\s+(?:on|with|and|or)\s+(?:an?\s+)?(?:[a-z]+\s+)?(?:background|bg|box))")
_EN_COLOR = re.compile(rf"\b({EN_COLOR_WORDS}|{_THING_AS_COLOR}|(?<=,\s){_THINGS_SAID}(?=\s*[,;]))\b(?![-'])(?!\s+(?:bars|borders|edges)\b)|(#[0-9a-f]{{8}}\b|#[0-9a-f]{{6}}\b|#[0-9a-f]{{3}}\b|"
                       r"0x[0-9a-f]{6}\b|rgba?\(\s*\d{1,3}\s*[,，]\s*\d{1,3}\s*[,，]\s*\d{1,3}\s*(?:[,，]\s*[\d.]+\s*)?\)|"  # (a Chinese message's commas read full-width)
                       r"\brgb\s+\d{1,3}[\s,，]+\d{1,3}[\s,，]+\d{1,3}\b)|"
                       # six hex digits said without '#' after what names them: "hex ff0000", "colour code ffd700", "颜色改成ff6600"
                       r"(?:\bhex(?: code)?|\bcolou?r(?: code)?|颜色(?:改成|换成|改为|用|是)?)\s*[:=]?\s*#?([0-9a-f]{6})\b")
# Chinese colour words (what a Chinese speaker says) -> the English name the draft reads (``color_value``) or a value;
# a word of one character is a colour with 色 after it ("红色"), or where the areas read it bare ("字弄成红的", "黑底");
# a longer one also without 色 ("改成天蓝", "换成酒红")
ZH_COLORS: dict[str, str] = {
    "红": "red", "白": "white", "黑": "black", "黄": "yellow", "蓝": "blue", "绿": "green", "橙": "orange",
    "橘": "orange", "紫": "purple", "粉": "pink", "灰": "gray", "金": "gold", "银": "silver", "青": "cyan",
    "棕": "brown", "褐": "saddle brown", "米": "beige", "咖": "brown", "驼": "camel", "杏": "apricot",
    "粉红": "pink", "大红": "red", "正红": "red", "中国红": "red", "鲜红": "red", "深红": "dark red", "暗红": "dark red",
    "酒红": "maroon", "枣红": "maroon", "砖红": "firebrick", "玫红": "#e0218a", "玫瑰红": "rose", "桃红": "hot pink",
    "橘红": "orange red", "橘黄": "orange", "橙黄": "#ffa400", "明黄": "yellow", "柠檬黄": "lemon yellow", "土黄": "#c8a951",
    "姜黄": "mustard", "金黄": "golden yellow", "鹅黄": "#fff143", "天蓝": "sky blue", "湖蓝": "#30a9de",
    "宝蓝": "royal blue", "藏青": "navy", "藏蓝": "navy", "海军蓝": "navy", "孔雀蓝": "#00a4b4", "克莱因蓝": "klein blue",
    "雾霾蓝": "#6d8ea0", "靛蓝": "indigo", "靛青": "indigo", "蓝绿": "teal", "青绿": "turquoise", "墨绿": "#305d42",
    "军绿": "army green", "橄榄绿": "olive green", "橄榄": "olive", "草绿": "lawn green", "薄荷绿": "mint green",
    "薄荷": "mint", "翠绿": "emerald", "碧绿": "emerald", "荧光绿": "neon green", "黄绿": "yellow green",
    "奶白": "cream", "米白": "off white", "乳白": "cream", "象牙白": "ivory", "雪白": "snow", "纯白": "white",
    "纯黑": "black", "漆黑": "jet black", "银灰": "silver", "炭灰": "charcoal", "碳灰": "charcoal", "烟灰": "dim gray",
    "咖啡": "brown", "卡其": "khaki", "珊瑚": "coral", "香槟": "champagne", "古铜": "bronze", "奶茶": "#c8a58a",
    "焦糖": "caramel", "巧克力": "chocolate", "粉紫": "lilac", "紫红": "medium violet red", "洋红": "magenta",
    "品红": "magenta", "蓝紫": "blue violet", "紫罗兰": "violet", "薰衣草": "lavender", "淡紫": "lavender", "浅紫": "lavender",
    # 深蓝 is what most people call navy (藏青 is the tailor's word); 偏深的蓝 and 暗蓝 read the same
    "深蓝": "navy", "暗蓝": "navy", "墨蓝": "midnight blue", "午夜蓝": "midnight blue", "天空蓝": "sky blue",
    "海蓝": "sea blue", "海洋蓝": "sea blue", "宝石蓝": "sapphire", "牛仔蓝": "denim", "蒂芙尼蓝": "tiffany blue",
    "电光蓝": "electric blue", "冰蓝": "ice blue", "粉蓝": "powder blue", "灰蓝": "blue grey", "蓝灰": "blue grey",
    "正蓝": "blue", "纯蓝": "blue", "灰绿": "sage", "苹果绿": "#8db600", "柠檬绿": "lime", "牛油果绿": "#568203",
    "祖母绿": "emerald", "森林绿": "forest green", "土豪金": "gold", "香槟金": "champagne", "玫瑰金": "rose gold",
    "琥珀": "amber", "灰粉": "dusty pink", "脏粉": "dusty pink", "豆沙": "dusty rose", "樱花粉": "#ffb7c5",
    "芭比粉": "#e0218a", "奶油": "cream", "奶油白": "cream", "珍珠白": "pearl white", "象牙": "ivory", "灰白": "gainsboro",
    "石板灰": "slate gray", "高级灰": "gray", "铁锈红": "rust", "番茄红": "tomato", "樱桃红": "cherry red", "珊瑚红": "coral",
    "朱红": "vermilion", "胭脂红": "crimson", "姨妈红": "dark red", "沙色": "sand", "茶色": "tan", "黄铜": "brass",
    "银白": "silver", "白金": "platinum", "橙红": "orange red", "红橙": "orange red", "黄橙": "yellow orange",
    "丁香紫": "lilac", "葡萄紫": "#6c3082", "茄紫": "eggplant", "香芋紫": "#b2a4d4", "芋泥紫": "#b2a4d4", "米黄": "wheat",
    "裸色": "nude", "摩卡": "mocha", "奶黄": "butter yellow",
}
# a shade said before a colour word: "浅蓝", "深绿", "亮黄", "淡紫", "荧光粉"
ZH_SHADES = {"浅": "light", "淡": "light", "深": "dark", "暗": "dark", "亮": "bright", "鲜": "bright", "荧光": "neon"}
# the one-character colour words, for the areas that read a colour said bare ("字弄成红的", "黑底", "白的太亮")
ZH_COLOR_CHARS = "红白黑黄蓝绿橙橘紫粉灰金银青棕"
_ZH_WORDS = "|".join(sorted(ZH_COLORS, key=len, reverse=True))
_ZH_LONG = "|".join(sorted((w for w in ZH_COLORS if len(w) > 1), key=len, reverse=True))
_ZH_SHADE = "|".join(sorted(ZH_SHADES, key=len, reverse=True))
# a Chinese colour word with its shade, before 色 or where an area reads one ("浅蓝", "酒红", "白")
ZH_COLOR_WORDS = rf"(?:(?:{_ZH_SHADE})?(?:{_ZH_WORDS}))"
# one said without 色 ("天蓝的底", "浅蓝背景"): a longer word, or a shade and a character
ZH_COLOR_BARE = rf"(?:(?:{_ZH_SHADE})?(?:{_ZH_LONG})|(?:{_ZH_SHADE})[{ZH_COLOR_CHARS}])"
# a shade said as a degree before the colour: "偏暗的蓝", "深一点的蓝色", "稍微浅一些的绿"; a colour after 偏 is a tint of it
# and read as that colour ("偏红一点")
_ZH_SHADE_SAID = rf"(?:偏|略|稍微?|有点)?({_ZH_SHADE})(?:一点|一些|点|些)?的?"
_ZH_COLOR = re.compile(rf"(?:{_ZH_SHADE_SAID}(?=(?:{_ZH_WORDS})))?(?:({_ZH_WORDS})色|({_ZH_LONG})|"
                       rf"((?(1)[{ZH_COLOR_CHARS}]|(?<=[浅淡深暗亮鲜光偏])[{ZH_COLOR_CHARS}]))|"
                       # a colour said twice is that colour: "蓝蓝的", "红红的"
                       rf"([{ZH_COLOR_CHARS}])(?=\5的)|"
                       # one character right after the change it is, ending the request: "字幕换黄的", "改成红的吧"
                       rf"(?:(?<=[换改变弄搞整调])|(?<=[换改变弄搞整调][成为]))([{ZH_COLOR_CHARS}])(?=的?(?:吧|呗|哈)?$))")


def _zh_value(shade: str | None, word: str) -> str | None:
    if shade is not None and shade + word in ZH_COLORS:  # "偏深的蓝" as 深蓝
        word, shade = shade + word, None
    name = ZH_COLORS[word]
    if shade is None or name.startswith("#"):
        return color_value(name) if not name.startswith("#") else name
    return color_value(f"{ZH_SHADES[shade]} {name}") or color_value(name)


@functools.lru_cache(maxsize=4096)
def colors_in(text: str) -> tuple[tuple[str, int, str], ...]:
    """Every colour named in ``text`` (English or Chinese), in order: its value as the draft writes it (``#rrggbb``),
    where it starts and the words said (cached: every area asks of the same clause)."""
    found: list[tuple[str, int, str]] = []
    for match in _EN_COLOR.finditer(text):
        typed = match.group(2) or (f"#{match.group(3)}" if match.group(3) else None)
        value = typed if typed else color_value(_SHADE_ISH.sub(r"\1", match.group(1)))
        if typed is not None and typed.startswith("0x"):  # "0xff0000", as ffmpeg writes one
            value = "#" + typed[2:]
        elif typed is not None and typed.startswith("rgb"):  # "rgb(255, 0, 0)", "rgb 255 0 0"
            channels = re.findall(r"\d+(?:\.\d+)?", typed)
            rgba = parse_color(f"rgb({', '.join(channels[:3])})") if len(channels) >= 3 else None
            value = "#" + "".join(f"{v:02x}" for v in rgba[:3]) if rgba else None
        if value is not None:
            found.append((value, match.start(), match.group(0)))
    for match in _ZH_COLOR.finditer(text):
        if match.group(3) and re.match(r"[馆店厅屋机豆杯壶]", text[match.end():match.end() + 1]):
            continue  # "咖啡馆里放的那种音乐", "奶茶店": a place named, no colour
        word = match.group(2) or match.group(3) or match.group(4) or match.group(5) or match.group(6)
        value = _zh_value(match.group(1), word)
        if value is not None:
            found.append((value, match.start(), match.group(0)))
    return tuple(sorted(found, key=lambda hit: hit[1]))


def without_colors(text: str) -> str:
    """``text`` with each colour it names blanked out ("title: sky blue" -> "title:  "): what else it says."""
    for _, start, said in reversed(colors_in(text)):
        text = text[:start] + " " + text[start + len(said):]
    return text


def zh_color(word: str) -> str | None:
    """The value of a Chinese colour word said bare ("红", "天蓝", "浅蓝")."""
    match = _ZH_COLOR.fullmatch(word) or _ZH_COLOR.fullmatch(word + "色")
    if match is None:
        return None
    return _zh_value(match.group(1), match.group(2) or match.group(3) or match.group(4) or match.group(5) or match.group(6))


_POSITIONS = (("top", r"放高|抬高|\btop\b|\bupper\b|\bhigher\b|\babove\b|\b(?:move|shift|push|nudge|lift|raise)\b.*\bup\b|顶部|上方|上面|顶端|上边|顶上|最上|[左右]上|上角|往上|向上|上移|偏上|靠上|稍上"),
              ("bottom", r"放低|(?<!自动)(?<![时候乐])(?<!不用)(?<!不要)(?<!不必)(?<!别)压低(?![音声])|\bbottom\b|(?<!music )(?<!song )(?<!bgm )(?<!track )\blower\b(?! (?:the |its )?(?:music|volume|sound|song|audio|bgm|track|soundtrack))|\bbelow\b|\b(?:move|shift|push|nudge)\b.*\bdown\b|底部|下方|下面|底端|下边|最下|底下|[左右]下|下角|往下(?!调)|向下(?!调)|下移|偏下|靠下|稍下"),
              ("center", r"\bcent(?:er|re)\b|\bmiddle\b|(?<!段)(?<![两俩2]个镜头)中间|居中|中央|正中"))  # "两段中间": between the clips


# a shape said as not wanted: "不要竖的，要横的", "not vertical, landscape"
_NOT_SHAPE = r"(?:不要|不是|别|不用)(?:竖|横|方|直)(?:屏|版|式|的|向|形)*|\bnot (?:in )?(?:vertical|horizontal|square|landscape|portrait)\b"


def aspect_of(clause: Clause) -> Aspect | None:
    if clause.has(_NOT_SHAPE):
        clause = Clause(re.sub(_NOT_SHAPE, " ", clause.text), clause.quotes, clause.language, clause.source)
    for aspect, pattern in _ASPECTS:
        if clause.has(pattern):
            return aspect
    return None


def aspect_at(clause: Clause) -> int:
    """Where the shape ``aspect_of`` reads is said in the clause (its length when none is)."""
    aspect = aspect_of(clause)
    found = [m.start() for name, pattern in _ASPECTS if name == aspect and (m := clause.search(pattern))]
    return min(found, default=len(clause.text))


# a colour said as the one there is, or the one not wanted, when another is named: "from red to blue", "not red, blue",
# "instead of red", "the white title", "replace the black background with a white one", "标题从红色改成蓝色",
# "把白色的标题改成黄色", "标题的红色换成蓝色", "不要红色，要蓝色"
_OLD_BEFORE = re.compile(r"(?:\bfrom|\bnot|\binstead of|\brather than|\bno more|\bno longer|从|不要|不用|别用?|而不是|不是)\s*(?:the\s+)?$")
_OLD_THING = re.compile(r"(?:\b(?:the|this|that|its)\s+|把|将)$")
_THING_AFTER = re.compile(r"\s*的?\s*(?:\b(?:title|text|words|letters|background|bg|box|one|captions?|subtitles?|font)\b|"
                          r"标题|背景|字幕|文字|字|底)")
_CHANGED_AFTER = re.compile(r"\s*(?:的)?\s*(?:换成|改成|变成|改为|换为|改|换)")


def _said_as_old(text: str, start: int, said: str) -> bool:
    before, after = text[:start], text[start + len(said):]
    return _OLD_BEFORE.search(before) is not None or _CHANGED_AFTER.match(after) is not None \
        or (_OLD_THING.search(before) is not None and _THING_AFTER.match(after) is not None)


def wanted_colors(text: str) -> tuple[tuple[str, int, str], ...]:
    """The colours ``text`` asks for (``colors_in``), less one said as the colour there is or the one not wanted while
    another is named ("change the title from red to blue" asks for blue; red is only where it starts)."""
    found = colors_in(text)
    if len(found) > 1:
        wanted = tuple(hit for hit in found if not _said_as_old(text, hit[1], hit[2]))
        if wanted:
            return wanted
    return found


def color_of(text: str) -> str | None:
    """The colour ``text`` asks for, as the draft writes it (``#rrggbb``): the first of ``wanted_colors``."""
    found = wanted_colors(text)
    return found[0][0] if found else None


# left/right, but not "right after", "right now", "right at 10s", "right in the center" (emphasis), "right when the dog shows up", "all right", "that's right", "the right one"
_SIDES = (("left", r"(?<!what's )(?<!what is )(?<!whats )(?<!anything )(?<!nothing )\bleft\b(?!\s+(?:over|out|behind))|(?<!右)左(?!右)"),
          ("right", r"(?<!all )(?<!that's )(?<!thats )\bright\b(?!\s+(?:(?:at|when|as|in|on|into|onto|above|below|under|over|up|down|beside|by)\b|after|before|now|away|here|there|one|clip|shape|size|format|"
                    r"aspect|ratio|dimensions?|orientation|length|speed|volume|level|way|thing|track|song|music|colou?r|font|time|moment|place))|"
                    r"(?<!左)右(?!左)"))
_EDGE = {"left": 0.2, "right": 0.8, "top": 0.1, "bottom": 0.9, "center": 0.5}
# "30% from the left", "20% from the top", "x 0.3 y 0.2", "距左边30%", "离顶部20%"
_FRACTION = re.compile(r"(\d+(?:\.\d+)?)\s*%\s*(?:from|of the way (?:from|down from|across from)?)?\s*(?:the\s+)?"
                       r"(left|right|top|bottom)|(?:距|离)(?:离)?(左|右|顶|底|上|下)(?:边|部|侧|端)?(\d+(?:\.\d+)?)\s*%")
_XY = re.compile(r"\bx\s*[=:]?\s*(0?\.\d+|[01])\b[\s,]*y\s*[=:]?\s*(0?\.\d+|[01])\b|"
                 r"\(\s*(0?\.\d+|[01])\s*,\s*(0?\.\d+|[01])\s*\)")
_ZH_SIDE = {"左": "left", "右": "right", "顶": "top", "上": "top", "底": "bottom", "下": "bottom"}


def position_of(clause: Clause) -> TextPos | None:
    """Where on the frame the clause puts something: "top"/"center"/"bottom", or a free ``Position`` for corners
    ("in the bottom right corner", "右下角"), sides ("on the left") and fractions ("30% from the left")."""
    fractional = _fractional(clause.text)
    if fractional is not None:
        return fractional
    if "上面" in clause.text:  # "在狗那段上面加字幕": on that clip, not at the top of the frame
        clause = Clause(re.sub(r"(那段|那一段|那个片段|那个镜头|片段|镜头)上面", r"\1", clause.text), clause.quotes, clause.language)
    if "中间" in clause.text:  # "两段中间黑一下": between the clips, not the middle of the frame
        clause = Clause(re.sub(r"((?:两|2|几)(?:个)?(?:段|片段|镜头)|(?:他们|它们|她们|他俩|它俩|这俩|那俩|这两个|那两个|两个)(?=的?中间)|(?<![那这个])片段|(?<![那这个])镜头)(?:的)?中间", r"\1之间", clause.text), clause.quotes, clause.language)
    vertical = next((pos for pos, pattern in _POSITIONS if clause.has(pattern)), None)
    side = next((pos for pos, pattern in _SIDES if clause.has(pattern)), None)
    if side is None:
        return vertical  # type: ignore[return-value]
    return Position(x=_EDGE[side], y=_EDGE[vertical or "center"])


def _fractional(text: str) -> Position | None:
    xy = _XY.search(text)
    if xy:
        x, y = (float(g) for g in xy.groups() if g is not None)
        return Position(x=x, y=y)
    said: dict[str, float] = {}
    for match in _FRACTION.finditer(text):
        side = match.group(2) or _ZH_SIDE[match.group(3)]
        share = float(match.group(1) or match.group(4)) / 100
        if side in ("left", "right"):
            said["x"] = share if side == "left" else 1 - share
        else:
            said["y"] = share if side == "top" else 1 - share
    if not said:
        return None
    return Position(x=min(1.0, said.get("x", 0.5)), y=min(1.0, said.get("y", 0.5)))


# a shape the canvas does not have ("make it 4:3", "21:9 cinematic", "改成4比3"): asked, with the shapes there are
_OTHER_RATIO = r"(?<![\d.:])(?:4\s*(?::|x|by|比)\s*3|3\s*(?::|x|by|比)\s*4|21\s*(?::|x|by|比)\s*9|9\s*(?::|x|by|比)\s*21|" \
               r"3\s*(?::|x|by|比)\s*2|2\s*(?::|x|by|比)\s*3|2\s*(?::|x|by|比)\s*1|5\s*(?::|x|by|比)\s*4|16\s*(?::|x|by|比)\s*10|" \
               r"2\.3[59]\s*:\s*1|1\.85\s*:\s*1)(?![\d.:])"

_OURS = r"(?<![\d.])(?:9\s*(?::|x|by|比)\s*16|16\s*(?::|x|by|比)\s*9|1\s*(?::|x|by|比)\s*1|4\s*(?::|x|by|比)\s*5)(?![\d.])"


_OTHER_RATIO_RE, _OURS_RE = re.compile(_OTHER_RATIO), re.compile(_OURS)


def other_shape(text: str) -> str | None:
    """A ratio said that is none of the canvas's shapes ("make it 4:3", "a 4:3 video of a sailboat", "改成4比3"), as
    "4:3"; None when none is said or one of ours is said beside it. A new clip in that shape is asked about too: it
    would be generated in another shape than the one asked for."""
    other = _OTHER_RATIO_RE.search(text)
    if other is None or _OURS_RE.search(text):
        return None
    return re.sub(r"\s*(?:x|by|比)\s*", ":", other.group(0)).replace(" ", "")



# Looks the editor has no tool for: a request for one is an edit (answered with a question), never a scene.
EFFECTS = (r"\b(?:filters?|effects?|black[- ]and[- ]white|b ?& ?w|gr[ae]yscale|monochrome|sepia|vintage look|retro look|"
           r"film grain|grain|vignette|blur(?:red|ry)?|sharpen|brightness|contrast|saturat\w*|desaturat\w*|colou?r grad\w*|"
           r"grade|lut|glitch|invert(?:ed)? colou?rs?|warmer|cooler|brighter|darker|stabili[sz]\w*)\b|"
           r"滤镜|特效|黑白|复古|胶片|颗粒|暗角|模糊|锐化|亮度|对比度|饱和度|调色|色调|变亮|变暗|防抖|调(?:得)?(?:更)?(?:亮|暗)|提亮|压暗")
# Abilities the editor does not have, each with its name in the replies (English, Chinese): a request for one is
# asked about ("Picture-in-picture: I can't do that yet ..."), never read as another edit ("J-cut" is no cut, "封面用第一帧"
# no frame rate) nor as a scene to generate.
# a mouth that follows the words: no backend films one ("a man talking with lip sync", "对口型")
LIP_SYNC = r"\blip[- ]?sync\w*|\blips? (?:match|move|moving) (?:to|with)\b|\blips? (?:synced|in sync)\b|对(?:得|上|准)?(?:口型|嘴型)|口型(?:对|同步|匹配)|" \
           r"(?:嘴型|口型)(?:要|得)?(?:对|同步)|唇形同步"
# a part of the video a change is said to hold for: "during the dog clip", "only in the city part", "while the dog is on screen"
# ("music only for the first 8 seconds" is where the music stops: the music area's)
_PART = r"(?:\b(?:during|only (?:in|on|for|during)) (?!(?:the )?first \d)(?:the |that |this )?(?!whole\b|entire\b|full\b|all\b|video\b|thing\b)[\w-]+|" \
        r"\bwhile (?:the |that |this )?(?!voice|narrat|someone|somebody|people|anyone)[\w-]+(?: clip| part)? (?:is|are)\b)"
NOT_SUPPORTED: tuple[tuple[str, str, str], ...] = (
    (r"(?<![a-z])[jl][- ]?cuts?(?![a-z])", "J-cuts and L-cuts (a clip's sound starting before or after its picture)",
     "J-cut / L-cut（声音比画面早或晚）"),
    # (a clip shown inside another: "put the dog in the city clip", "in a little window over the city", "my photo in the
    # corner while the city plays", "把狗那段放在城市那段的小窗里")
    (r"\bpicture[- ]in[- ](?:a[- ])?picture\b|(?<![a-z])pip(?![a-z])|画中画|小窗|"
     r"\bin (?:a |the )?(?:little |small |tiny |mini )(?:window|bubble|inset)\b|\bin (?:a |the )?(?:bubble|inset)\b|"
     # ("warm lights in the window", "a cat sitting in a window": a window in a scene; "put my photo in a window": a clip in one)
     r"\b(?:put|place|show|play|stick|have|want)\b[^,.]*\bin (?:a |the )?window\b|\bin the (?:\w+ )?corner\b.*\b(?:while|over|during)\b|"
     r"\bput (?:the |my )?(?!title|text|caption|music|song|sound|subtitles?|words?|logo)\w+(?: clip| video| photo| part)? (?:in|inside|into|"
     r"on top of) the \w+ (?:clip|video|shot|part)\b", "picture-in-picture", "画中画"),
    (r"\bsplit[- ]?screen\b|\bside by side\b|分屏", "a split screen", "分屏"),
    (r"\bgreen[- ]?screen\w*|\bchroma[- ]?key\w*|绿幕|抠像|抠图", "green screen (chroma key)", "绿幕抠像"),
    (r"\bwatermarks?\b|水印", "watermarks (adding or removing one)", "水印（加或去）"),
    (r"\bstabili[sz]\w*|防抖|稳定画面", "stabilising shaky footage", "画面防抖"),
    (r"\bbackwards?\b|\bin reverse\b(?! order)|\breversed?\b(?!.*\b(?:order|clips)\b)|倒放|倒着(?:放|播)|倒序播放|倒过来(?:放|播)",
     "playing a clip in reverse", "倒放"),
    (r"\bstickers?\b|贴纸|表情包", "stickers", "贴纸"),
    # a text's weight or slant: "make the title bold", "bold the words", "in italics", "标题加粗", "换成斜体"
    (r"\b(?:make|set|turn|put|have|want|change|switch)\b.*\b(?:bold(?:er)?|italics?|italici[sz]ed?)\b|"
     r"\b(?:bold|italici[sz]e) (?:the |that |this |my )?(?:title|text|font|words|letters|lettering|captions?|subtitles?)\b|"
     r"\b(?:bold|italic) (?:font|text|letters|type|typeface)\b|\bin (?:bold|italics?)\b|加粗|粗体|斜体|字体?(?:调|改|换|弄)?(?:成)?粗",
     "bold or italic text (I can change its size, colour, box and place)", "加粗或斜体（可以改字的大小、颜色、底色和位置）"),
    # a generated person's lips moving with the words said: the models make no speech ("口型对上的那种")
    (LIP_SYNC,
     "lip sync (a generated person's mouth following the words)", "对口型（生成的人物嘴型跟着台词动）"),
    # a trim cannot give back what it cut ("剪多了，少剪一秒"): undo it, then cut again
    (r"少剪|剪多了|多剪了|\bcut (?:\d+(?:\.\d+)? (?:seconds?|secs?|s) )?less\b|\b(?:cut|trimmed) too much\b",
     "giving back part of a cut (say 'undo', then cut again)", "把剪掉的部分找回一些（可以先说“撤销”，再重新剪）"),
    # the music's volume is one for the whole video (ducking under a voice-over is its own option)
    # (the part said before or after the music: "only during the dog put the music more low", "make the music quieter
    # while the dog is on screen", "lower the music during the title", "音乐在狗那段调小")
    (rf"^(?!.*(?:\bfade|\bduck|淡|闪避)).*(?:\b(?:music|song|bgm|soundtrack)\b.*{_PART}|{_PART}.*\b(?:music|song|bgm|soundtrack)\b|"
     r"(?:音乐|配乐|bgm).*[^，,。]{1,6}(?:那段|片段)(?:的时候|期间|时)|(?:音乐|配乐|bgm)在[^，,。]{1,8}(?:那段|片段)|"
     r"[^，,。]{1,6}(?:那段|片段)(?:的时候|期间|时).*(?:音乐|配乐)|只在[^，,。]{1,8}(?:那段|片段).*(?:音乐|配乐)|"
     # a level while something is on screen: "音乐在标题出现的时候小一点", "狗出来的时候音乐调小"
     r"(?:音乐|配乐|bgm)[^，,。]{0,2}在[^，,。]{1,8}(?:出现|出来)(?:的时候|时)?[^，,。]{0,4}(?:小|大|低|高|轻|响)|"
     r"[^，,。]{1,8}(?:出现|出来)(?:的时候|时)[^，,。]{0,2}(?:音乐|配乐|bgm)[^，,。]{0,3}(?:小|大|低|轻|响)(?:一)?(?:点|些)|"
     r"^(?=.*\b(?:quiet|quieter|louder|lower|softer|down|volume)\b)(?:.*\b(?:music|song|bgm)\b.*\b(?:when|whenever) (?:the )?"
     r"(?!voice|narrat|someone|somebody|people)[\w-]+ (?:shows|appears|is on)\b|.*\b(?:when|whenever) (?:the )?"
     r"(?!voice|narrat|someone|somebody|people)[\w-]+ (?:shows|appears|is on)\b.*\b(?:music|song|bgm)\b))",
     "a music change for one part of the video only (the music's volume is the same throughout)",
     "只改某一段的音乐（音乐音量整段一样）"),
    (r"\bthumbnails?\b|\bcover (?:image|photo|picture|frame|art)\b|\b(?:as|for) (?:the |a )?cover\b|封面|缩略图",
     "a cover image or thumbnail", "封面 / 缩略图"),
    # one sound taken out of a mix, the rest kept: "remove the vocals, keep the instrumental", "把歌里的人声去掉只留伴奏",
    # "狗的叫声去掉但保留环境音" (muting the clip or removing the song would lose what was to be kept)
    (r"\b(?:remove|cut|take out|strip|mute|isolate|separate|get rid of)\b.*\bvocals?\b|\bvocals? (?:removed|out|off)\b|"
     r"\binstrumental (?:only|version)\b|\bkaraoke version\b|\b(?:keep|leave) (?:only |just )?the (?:instrumental|backing track)\b|\bkeep (?:only |just )?the (?:ambient|background|ambience) (?:sound|noise|audio)s?\b|"
     r"(?:只留|只要|保留|留下)(?:伴奏|环境音|环境声|背景音(?!乐))|人声(?:去掉|去除|消掉|消除|分离|分开)|(?:去掉|去除|消掉|消除|分离)(?:歌里的?)?人声|伴奏和人声|人声和伴奏",
     "taking one sound out of a mix (vocals from the backing, one sound from the rest)", "把混在一起的声音分开（人声和伴奏、某个声音和环境音）"),
    # an audio effect on a sound: "add an echo effect to the music", "put some reverb on the voice", "给音乐加点混响"
    (r"\b(?:echo(?:es|ey|y)?|reverb\w*|auto-?tune[ds]?|bass[- ]?boost\w*|equali[sz]\w*|distortion|pitch[- ]?shift\w*|"
     r"pitch (?:it|them|the (?:music|song|voice|sound)\w*) (?:up|down))\b|"
     r"(?:加|来|弄|做|开)(?:个|点|一点|些|上)?(?:回声|回音|混响|变调|重低音|均衡器)|(?:回声|回音|混响)(?:效果)|变调|均衡器",
     "audio effects on a sound (echo, reverb, pitch, EQ)", "给声音加效果（回声、混响、变调、均衡器）"),
    (r"\bbeauty (?:filter|mode|effect)\b|\bskin smooth\w*|\bsmooth (?:out )?(?:my |the )?skin\b|美颜|磨皮|瘦脸|大眼",
     "a beauty filter (smoothing skin, slimming faces)", "美颜（磨皮、瘦脸）"),
)
# "slow motion" said of the scene to film, not of the timeline: "a slow motion shot of a hummingbird", "slow motion
# waves crashing", "一段慢动作的海浪视频", "慢动作的海浪": a way of filming it, kept in the prompt; a speed edit reads
# as one ("make it slow motion", "slow motion on the second clip", "把视频改成慢动作")
SLOW_SCENE = (r"\bslow[- ]?mo(?:tion)?\s+(?!(?:on|for|to|please|the|it|this|that|all|every\w*|each|both|at|from|in|"
              r"of|effect|effects|speed|mode|version|instead|too|as|and|then|now|playback)\b)[a-z]{3,}|"
              r"慢动作的(?!效果|速度|版本|方式|播放)")
# Words that name an edit, an edited object or the whole timeline: a clause holding one is an instruction about the
# video, so it is never read as a scene to generate ("a crossfade between every clip", "a whoosh on each cut",
# "black and white filter on everything", "结尾画面变黑").
EDIT_WORDS = (EFFECTS + r"|\b(?:transitions?|cross[- ]?fades?|dissolves?|dips? to (?:black|white)|wipes?|swipes?|fade[- ]?(?:in|out|to|from|up|down)|fades? between|"
              r"(?:each|every|on the|at the|at each|at every) cuts?|trim\w*|"
              r"titles?|captions?|subtitles?|texts?|music|bgm|soundtrack|volume|sound effects?|sfx|whoosh|swoosh|"
              r"(?:the )?beat(?: drop)?|the drop|the chorus|under the (?:voice\w*|narration|speech)|percent|"
              r"speed|timeline|canvas|aspect|fps|loop|mut(?:e|ed|ing)|undo|redo|export|"
              r"(?:each|every|all(?: the)?|both) (?:clips?|shots?|scenes?|cuts?|videos?)|everything|the whole (?:thing|video)|"
              r"black (?:screens?|frames?|bars)|letterbox\w*|its (?:own )?(?:sound|audio|volume)|(?:sound|audio|volume) back|(?:end|start|open|finish)s? (?:on|with) black|"
              r"cut (?:off|out|down)|chop(?:ped)? off|shave|\d+(?:\.\d+)?\s*(?:seconds?|secs?|s) (?:off|earlier|later|shorter|longer)|(?:total|overall) (?:length|duration|time)|length|duration|(?:first|last|final|opening) \d+(?:\.\d+)?\s*(?:seconds?|secs?|s)|"
              r"(?:in )?reverse order|order of the \w+|fill (?:in )?the (?:empty|blank) (?:space|area|parts?)|"
              r"ken burns|the (?:clips|photos?|pictures?|images?|shots|uploads?))\b|"
              r"转场|过渡|溶解|叠化|交叉淡化|黑边|擦除|硬切|直切|直接切(?!掉|到|成|除|割|\d)|闪白|闪黑|白场|(?:百|100)叶窗|推移|推拉|(?:向|往)?(?:左|右)滑(?!动|梯|板|雪|冰|翔|倒|下)|(?:两|2|几|这两|这2|那两|那2)段(?:的)?(?:中间|之间)|淡入|淡出|渐隐|渐显|变黑|黑场|黑屏|黑(?:个|一下|1下|一会儿?)(?=\d|$|再)|闪避|避让|bgm|^(?:那就|那|还是)?从第?\d+(?:\.\d+)?秒|(?:慢慢|逐渐|渐渐)(?:消失|没了|没声|变小|变弱|变大声|变响)|标题|字幕|文字|配乐|背景音乐|音效|音量|速度|倍速|慢动作(?!的(?!效果|速度|版本|方式|播放))|"
              r"时间线|画布|帧率|循环|静音|撤销|重做|导出|延长|变长|加长|整个片段|显示满|压到|压缩到|每个片段|所有片段|每个镜头|全部片段|整个视频|半速|剪掉|剪到|剪成|剪短|剪辑|裁剪|裁掉|"
              r"画面变|(?:结尾|开头|片头|片尾|最后|一开始)(?:的)?(?:画面)|(?:结尾|开头|片头|片尾)(?:变|淡|显示)|从黑(?!暗|夜)|总时长|时长|总长|控制在\d|"
              r"黑屏|黑幕|白屏|变白|缩放|运镜|镜头(?:往|向)?(?:左|右|上|下)(?:移|摇)|掐头去尾|前后各|原来的(?:一半|0\.5)|\d秒(?:之前|以前|之后|以后)的|(?:开头|结尾)(?:的|那)?\d+(?:\.\d+)?秒|(?:压|缩|砍)(?:缩)?到\d|(?:只要|保留|留下?|剪掉|去掉|删掉)(?:前|后|最后|开头|结尾)(?:的)?\d|"
              # a clip split in two: "split it at 3 s", "在第4秒切开", "一分为二"
              r"\bsplit (?:it|this|that|the (?:\w+ )?(?:clip|video|shot|part)|clip \d+)\b|切开|劈开|切断|(?:切|分|拆|劈)成(?:两|2)(?:段|个|半|部分)|一分为二|1分为2|(?:切|剪|划)(?:一|1)刀|"
              # a camera move said alone is a change to a clip, not a scene: "镜头慢慢拉远", "缓慢推近"
              r"^(?:把)?(?:镜头|画面)?(?:要|再)?(?:慢慢|缓慢|缓缓|逐渐|轻轻)?地?(?:推近|拉近|拉远|推远|(?:往|向)(?:前|里)推|(?:往|向)(?:后|外)拉)(?:一点|一些)?(?:吧|一下)?$")


# The editing apps' jargon (CapCut / 剪映, Premiere, Final Cut, TikTok / 抖音 and YouTube creators' words): a way of
# cutting, an effect or a template, none of them a thing a camera films. A new clip whose scene is only these words,
# or a video said to be of one of these kinds ("卡点视频", "做个狗狗的卡点视频", "a beat sync edit", "jump cuts please"),
# asks for an edit, never a clip (``generate._edit_not_scene``); said inside a scene as a plain noun ("a cat wearing a
# mask", "a film crew shooting a match cut on a beach") it is part of what is filmed.
EDIT_KINDS = (r"(?<![a-z])(?:beat[- ]?sync(?:ed|ing)?|beat[- ]?match(?:ed|ing)?|(?:cut )?(?:on|to) the beats?|on[- ]beat|(?:jump|smash|match|hard|quick|fast|"
              r"rapid|snappy)[- ]?cuts?|(?<![a-z])[jl][- ]?cuts?|cutaways?|speed[- ]?ramp\w*|time[- ]?remap\w*|velocity|key[- ]?fram\w*|"
              r"mask(?:s|ing|ed)?|rotoscop\w*|luts?|colou?r[- ]?(?:grad\w*|correct\w*)|glitch\w*|light[- ]?leaks?|film[- ]?burns?|"
              r"motion[- ]?blur|chromatic[- ]?aberrations?|(?:camera[- ]?)?shake(?: effect)?|parallax|3d (?:zoom|photo)|zoom(?:[- ]in)? effect|"
              r"whip[- ]?pans?|freeze[- ]?frames?|reversed?|stickers?|split[- ]?screens?|green[- ]?screens?|picture[- ]in[- ]picture|pip|"
              r"overlays?|lower[- ]?thirds?|end (?:screens?|cards?)|title cards?|text animations?|animated (?:text|captions?|titles?)|"
              r"kinetic (?:typography|text)|lyrics?|cinematic bars|letterbox\w*|edits?|editing|meme|duet|stitch|transformation|"
              r"transitions?|templates?)(?![a-z])|"
              r"卡点|踩点|快剪|调色|滤镜|特效|贴纸|花字|倒放|曲线变速|变速|定格|画中画|分屏|绿幕|抠图|抠像|美颜|一键成片|蒙版|关键帧|鬼畜|快闪|"
              r"模板|同款|入场(?:动画)?|出场(?:动画)?|文字动画|变声|降噪|遮罩|马赛克|镜像|拼接|模糊|防抖|水印|变装|抖动|闪白|闪黑|转场|剪辑")
# How a video is put together or looks ("a montage of city lights", "a cinematic shot of a lighthouse", "电影感的海边日落"):
# with a scene it is how that scene is shown, and generates; alone it names nothing to film, and is asked about.
VIDEO_FORMS = (
               # a topic's advice said after "about" (first: "travel" alone is a purpose below): "make a video about
               # healthy breakfast ideas", "a video about travel mistakes", "做一个关于学习技巧的视频" (content to plan:
               # what to show is asked, never a paid clip of "ideas")
               r"(?<=\babout )(?:[\w-]+\s+){0,3}?(?:ideas|tips|hacks|advice|facts|tricks|lessons|guides?|recipes|benefits|"
               r"mistakes|reasons|ways)(?![a-z])|"
               r"(?:关于|讲讲?|分享)[\u4e00-\u9fff]{0,6}?(?:技巧|小妙招|妙招|窍门|建议|知识|攻略|方法|干货)(?=(?:的)?(?:视频|短片|内容))|"
               r"(?<![a-z])(?:montages?|compilations?|supercuts?|highlights?(?: reels?)?|recaps?|b-?roll|intros?|outros?|cinematic|filmic|"
               r"aesthetic|looks?|style[sd]?|themed|vibes?|vhs|retro|vintage|film|movie|trailers?|teasers?|promos?|vlogs?)(?![a-z])|"
               r"混剪|片头|片尾|开场|预告片|宣传片|花絮|电影感|氛围感|高级感|大片感?|动感|风格|小清新|日系|韩系|"
               r"(?:ins|港|欧美|日|韩|中国|国|复古|简约|极简|可爱|搞笑|文艺|清新|卡通|动漫|赛博朋克|蒸汽波|古|漫画|油画|水彩)风|"
               # what a video is for, where it goes or what it marks: "a promo video", "a birthday video", "做个抖音视频", "做个宣传视频"
               r"(?<![a-z])(?:promo(?:tional)?|ads?|adverts?|advertisement|commercial|marketing|business|product|brand(?:ing)?|"
               r"tutorial|how-?to|review|unboxing|haul|birthday|wedding|anniversary|graduation|travel|holiday|vacation|daily|memories|"
               r"tiktok|youtube|instagram|insta|reels?|shorts|story|stories|"
               # a channel's kind of content: "i want to make a cooking video", "做个健身视频" (a plan: what to show first is
               # asked; "a boxer training in an old gym" is a scene)
               r"(?:cooking|baking|recipes?|food|fitness|workout|gym|gaming|makeup|beauty|fashion|skincare|diy|crafts?|lifestyle)"
               # ("a food review video", "a gaming unboxing video": the kind, then what kind of video of it)
               r"(?:\s+(?:reviews?|tours?|unboxing|hauls?|challenges?|tips|tutorials?))?"
               r"(?=\s+(?:videos?|vlogs?|channel|content|tutorials?|reels?|tiktoks?)\b))(?![a-z])|"
               r"(?:美食|做饭|烹饪|烘焙|健身|游戏|美妆|化妆|穿搭|护肤|手工)(?:探店|测评|分享|开箱|日常|教学)?(?=(?:的)?(?:视频|vlog|短片|教程|内容))|"
               r"宣传|推广|广告|带货|种草|产品展示|产品|教程|测评|生日|祝福|婚礼|纪念日|毕业|年会|团建|旅行|旅游|日常|回忆|相册|开箱|探店|好物分享|"
               r"抖音|快手|小红书|b站|视频号|朋友圈|油管|"
               # whose channel it is for, or the vlog's kind: "我要做个美食号的开场", "做一个美食vlog的开场"
               r"(?:(?!个|我|的)[\u4e00-\u9fff]){1,3}(?:号|博主|账号|vlog)(?=的|$|视频)|"
               # how a shot is filmed, said with nothing filmed: "add a drone shot", "加个航拍镜头", "generate a time-lapse"
               r"(?<![a-z])(?:establishing|wide|close-?ups?|closeups?|aerial|drone|tracking|overhead|pov|fpv|macro|time-?lapses?|"
               r"timelapses?|slow[- ]?mo(?:tion)?|dolly|crane|handheld|birds?[- ]eye(?: view)?|top[- ]down|shots?)(?![a-z])|"
               r"航拍|特写|空镜头?|延时摄影|延时|缩时|慢镜头|长镜头|一镜到底|俯拍|仰拍|跟拍")
# a style said as the video's kind: "a wes anderson style video", "a 90s themed edit" (what comes before it is a style)
STYLE_KIND = r"(?:[a-z0-9'-]+[\s-]+){1,3}(?:style[sd]?|themed|vibes?|aesthetic|look)(?=[\s-]+(?:videos?|clips?|edits?|vids?)\b|\s*$)"


# ("kind of boring", "sort of slow": a hedge, no scene after it)
_SCENE_LEAD = re.compile(r"\b(?:(?<!\bkind )(?<!\bsort )of|showing|about|featuring|where|that shows)\b|[:：]|内容是")


def request_part(text: str) -> str:
    """The words of a generation request before its scene ("make a video | of a band playing music"): edit words
    in the scene describe what to film, edit words before it ask for an edit."""
    lead = _SCENE_LEAD.search(text)
    return text[:lead.start()] if lead else text


# a level said as a bare 2 ("把城市那段音量调到2", "music volume to 2"): a bare number up to 1 is a share of full volume
# ("音量调到0.5", "volume 1") and one from 5 up a percentage ("maybe 8?", "调回30"), but 2 is either 2 % (near silence) or
# twice full (200 %), so it is asked
_LEVEL_TWO = re.compile(r"(?:音量|声音|原声|\bvolume\b|\bvol\b)\s*(?:调到|调成|设为|设成|改成|开到|降到|调回|提到|到|\bto\b|\bat\b|"
                        r"\bof\b|[:：=])?\s*2(?![\d.])(?!\s*(?:%|％|percent|pct|倍|x\b|times|秒|s\b|sec|分|:|成|层|遍|段|个|次))")


def level_two(clause: Clause) -> tuple[str, str] | None:
    """The question for a volume said as a bare 2 (English, Chinese); None when none is said so."""
    if not _LEVEL_TWO.search(clause.text):
        return None
    return ("A volume of 2: do you mean 2% (almost silent) or twice as loud (200%)? Say, for example: volume 20%, or "
            "twice as loud.", "音量 2 是指 2%（几乎听不到），还是两倍（200%）？可以说：音量调到20%，或者调大一倍。")
