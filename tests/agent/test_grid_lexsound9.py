"""A composition grid for music, sound effects and voice (issue #14): the ways people ask, crossed with what they name.

The vocabularies are written from the domain, not from any corpus: music genres, moods, instruments and platform
clichés as people say them (English and Chinese), mapped to the nearest built-in style (docs/music.md); music levels
and amounts said every way; removals and negations; fades, loop and ducking; sound effects by the names people use,
at times said every way. Each template is phrased the way a newcomer types (fillers, politeness, the odd typo). Every
message runs through ``understand`` on a fixture context and is checked with ``case_mismatch``; a level said only as
a direction ("a bit quieter") is checked by the way the music's volume moves.
"""

from __future__ import annotations

from typing import Any

from reelforge.agent import understand

from ._fixtures import apply_plan, context, grid_failures

# ---- music styles: what people call them -> the nearest built-in style -----------------------------------------
# (genre or instrument nouns: "some X", "X music"; docs/music.md says what each style sounds like)
_GENRES_EN = {
    "lofi": ("lo-fi", "lofi", "lofi hip hop", "chill hip hop", "chillhop", "jazzy hip hop", "r&b", "rnb", "soul",
             "study beats", "lofi beats"),
    "jazz": ("jazz", "smooth jazz", "coffee shop jazz", "blues", "swing music", "big band", "bebop", "jazz piano"),
    "rock": ("rock", "rock music", "pop rock", "indie rock", "hard rock", "punk", "pop punk", "heavy metal", "grunge",
             "rock and roll"),
    "hiphop": ("hip hop", "hiphop", "hip-hop", "rap", "trap", "boom bap", "a hip hop beat", "rap beats", "phonk"),
    "ambient": ("ambient", "meditation music", "new age", "spa music", "zen music", "drone music", "yoga music",
                "ambient pads"),
    "upbeat": ("pop music", "upbeat pop", "k-pop", "kpop", "j-pop", "indie pop", "funk", "disco", "reggae",
               "latin music", "ska", "happy pop", "tiktok music", "corporate music"),
    "cinematic": ("orchestral music", "orchestra", "classical", "classical music", "symphony", "strings", "violin",
                  "cello", "trailer music", "film score", "movie soundtrack", "epic orchestral", "suspense music",
                  "horror music", "thriller music"),
    "piano": ("piano", "solo piano", "soft piano", "piano ballad", "ballad", "lullaby", "music box", "sad piano"),
    "electronic": ("electronic", "edm", "techno", "house music", "deep house", "dubstep", "drum and bass", "dnb",
                   "trance", "synthwave", "synth", "synthpop", "retrowave", "chiptune", "8-bit", "8 bit music",
                   "future bass", "electro", "dance music", "club music", "rave music"),
    "acoustic": ("acoustic", "acoustic guitar", "guitar", "folk", "indie folk", "country", "country music", "ukulele",
                 "banjo", "bluegrass", "campfire guitar", "singer songwriter stuff"),
    "chill": ("chillout", "chill vibes", "chill out music", "bossa nova", "tropical house", "lounge", "lounge music",
              "easy listening", "beach vibes"),
}
# moods said as adjectives: "something X", "X music"
_MOODS_EN = {
    "lofi": ("cozy", "nostalgic", "mellow"),
    "jazz": ("jazzy", "swinging", "classy", "sophisticated"),
    "rock": ("rocking", "rebellious", "gritty", "aggressive"),
    "ambient": ("calm", "peaceful", "serene", "ethereal", "dreamy", "tranquil", "meditative", "atmospheric",
                "spacey", "airy"),
    "upbeat": ("happy", "cheerful", "upbeat", "fun", "energetic", "bouncy", "playful", "cute", "quirky", "funny",
               "feel good", "feel-good", "positive", "motivational", "uplifting", "joyful", "hype", "lively", "funky",
               "groovy", "catchy", "summery", "peppy"),
    "cinematic": ("epic", "dramatic", "grand", "intense", "powerful", "inspiring", "majestic", "tense", "brooding",
                  "suspenseful", "scary", "creepy", "eerie", "ominous", "triumphant", "heroic", "spooky", "mysterious",
                  "orchestral", "cinematic"),
    "piano": ("sad", "emotional", "romantic", "tender", "sentimental", "melancholy", "touching", "bittersweet",
              "heartbreaking", "nostalgic piano"),
    "electronic": ("futuristic", "techy", "edgy", "electronic", "neon", "sci-fi", "pumping", "clubby", "cyberpunk",
                   "exciting"),
    "acoustic": ("acoustic", "organic", "rustic", "homey", "wholesome", "folksy", "earthy"),
    "chill": ("chill", "relaxing", "laid-back", "laid back", "easygoing", "breezy", "smooth", "chilled", "soothing"),
}
_STYLES_ZH = {
    "lofi": ("低保真", "lofi", "节奏布鲁斯", "慵懒", "怀旧", "温馨", "咖啡馆"),
    "jazz": ("爵士", "爵士乐", "蓝调", "摇摆乐", "爵士钢琴", "优雅"),
    "rock": ("摇滚", "摇滚乐", "朋克", "重金属", "硬摇滚", "叛逆"),
    "hiphop": ("嘻哈", "说唱", "饶舌", "说唱伴奏", "hiphop", "嘻哈伴奏"),
    "ambient": ("氛围", "氛围感", "空灵", "安静", "宁静", "冥想", "禅意", "平静", "梦幻", "瑜伽"),
    "upbeat": ("欢快", "轻快", "流行", "快乐", "开心", "活泼", "可爱", "搞笑", "俏皮", "抖音热门", "抖音神曲", "网红",
               "阳光", "元气", "励志", "燃", "热血", "嗨", "带劲", "韩流", "放克", "迪斯科"),
    "cinematic": ("史诗", "大气", "震撼", "电影感", "电影配乐", "交响乐", "古典", "古典音乐", "管弦乐", "弦乐", "小提琴",
                  "大提琴", "悬疑", "恐怖", "紧张", "神秘", "惊悚", "古风", "国风", "中国风", "武侠", "恢弘", "激昂"),
    "piano": ("钢琴", "钢琴曲", "伤感", "悲伤", "忧伤", "抒情", "浪漫", "感人", "催泪", "深情", "煽情", "摇篮曲"),
    "electronic": ("电子", "电子乐", "电音", "电子舞曲", "赛博朋克", "科技感", "未来感", "蹦迪", "夜店", "舞曲", "合成器",
                   "炫酷", "动感"),
    "acoustic": ("民谣", "木吉他", "吉他", "乡村", "乡村音乐", "尤克里里", "清新", "治愈", "质朴", "文艺"),
    "chill": ("放松", "轻音乐", "舒缓", "惬意", "悠闲", "度假", "夏日", "海边"),
}

_GENRE_EN = ("add some {w}", "put on some {w}", "can you add {w} please", "i want {w} in the background",
             "{w} for the bgm pls", "could u add a {w} track", "use {w} for the music", "add {w} to the video")
_GENRE_CHANGE_EN = ("change the music to {w}", "can we try {w} instead", "switch the song to {w}",
                    "replace the music with {w}", "swap the bgm for {w} please")
_MOOD_EN = ("add some {w} music", "something {w} in the background please", "i want {w} music", "give me a {w} track",
            "add a {w} song", "can u put some {w} music on this", "{w} bgm please")
_MOOD_CHANGE_EN = ("swap the music for something {w}", "change the music to something more {w}",
                   "i'd like the music to be more {w}", "can we get a more {w} song instead", "the music should feel more {w}")
_ADD_ZH = ("加点{w}的音乐", "来点{w}的背景音乐", "配个{w}的音乐", "帮我加一段{w}的配乐", "背景音乐要{w}一点的",
           "能不能配点{w}的bgm")
_CHANGE_ZH = ("音乐换成{w}的", "背景音乐换个{w}的", "把配乐换成{w}风格的", "换首{w}的歌吧")


def _rotated(templates: tuple[str, ...], index: int, take: int) -> list[str]:
    """``take`` of the templates, a different run for each word, so every template meets every kind of word."""
    return [templates[(index + k) % len(templates)] for k in range(take)]


def _style_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    groups = ((_GENRES_EN, _GENRE_EN, _GENRE_CHANGE_EN), (_MOODS_EN, _MOOD_EN, _MOOD_CHANGE_EN),
              (_STYLES_ZH, _ADD_ZH, _CHANGE_ZH))
    index = 0
    for vocabulary, add, change in groups:
        for style, words in vocabulary.items():
            for word in words:
                index += 1
                for template in _rotated(add, index, 2):
                    cases.append({"ctx": "one_clip", "msg": template.format(w=word),
                                  "expect": [{"do": "music", "style": style}]})
                for template in _rotated(change, index, 1):
                    cases.append({"ctx": "full", "msg": template.format(w=word), "expect": [{"do": "music", "style": style}]})
    return cases


# ---- the music's level: amounts said every way (the fixture's music plays at 35 %) ----------------------------
_LEVELS = {  # what is said -> the level set
    0.2: ("20", "20%", "20 percent", "twenty percent", "a fifth", "one fifth", "0.2"),
    0.5: ("50%", "50 percent", "half", "half volume", "fifty percent"),
    0.1: ("10%", "10 percent", "ten percent", "a tenth"),
    0.25: ("25%", "a quarter", "one quarter", "quarter volume"),
}
_LEVEL_EN = ("turn the music down to {v}", "set the music volume to {v}", "music at {v}", "bgm to {v} please",
             "can you put the background music at {v}", "set the music to {v}")
_LEVELS_ZH = {0.2: ("20%", "百分之二十", "两成", "20"), 0.5: ("50%", "百分之五十", "一半", "五成"),
              0.3: ("30%", "百分之三十", "三成", "30"), 0.15: ("15%", "百分之十五")}
_LEVEL_ZH = ("音乐调到{v}", "背景音乐音量调到{v}", "把配乐音量改成{v}", "bgm调到{v}吧", "音乐音量设为{v}")
# a direction only: the level moves that way (and nothing else happens)
_QUIETER_EN = ("make the music a bit quieter", "turn the music way down", "music is too loud", "lower the music a bit",
               "the music should be barely audible", "can you tone down the music", "turn down the bgm pls",
               "the music is too much, bring it down", "music softer please", "the song is way too loud",
               "make the music half as loud", "reduce the music volume", "quieter music please",
               "the background music is drowning everything out", "lower the volume of the music a little")
_LOUDER_EN = ("make the music louder", "turn the music up a bit", "i can barely hear the music", "crank up the music",
              "music louder pls", "the music is too quiet", "boost the music", "make the music twice as loud",
              "bump the bgm up a little", "raise the music volume")
_QUIETER_ZH = ("音乐小声点", "背景音乐低一些", "背景音乐太吵了", "配乐小一点", "把音乐调小一点", "bgm声音小点",
               "音乐音量减半", "音乐声音降低一点", "背景乐轻一点", "音乐太大声了", "音量小一点吧 音乐太响", "音乐关小点")
_LOUDER_ZH = ("音乐大声点", "背景音乐大一点", "配乐声音调大", "音乐太小声了", "bgm听不到了 开大点", "把音乐调高一点",
              "音乐大声点，用两倍", "背景音乐再响一点", "音乐音量加倍")


def _volume_after(msg: str) -> float | None:
    ctx = context("full")
    draft = apply_plan(ctx.draft, understand(msg, ctx))
    music = [s for t in draft.tracks if t.is_music for s in t.segments]
    return music[0].meta.volume if music else None


def _level_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for level, saids in _LEVELS.items():
        for said in saids:
            for template in _rotated(_LEVEL_EN, len(cases), 3):
                cases.append({"ctx": "full", "msg": template.format(v=said), "expect": [{"do": "update_music"}],
                              "draft": {"music_volume": level}})
    for level, saids in _LEVELS_ZH.items():
        for said in saids:
            for template in _rotated(_LEVEL_ZH, len(cases), 3):
                cases.append({"ctx": "full", "msg": template.format(v=said), "expect": [{"do": "update_music"}],
                              "draft": {"music_volume": level}})
    return cases


# ---- the music taken away, faded, looped, ducked; an uploaded song --------------------------------------------
_REMOVE_EN = ("no music", "no music please", "lose the music", "kill the music", "ditch the bgm", "get rid of the music",
              "take the music out", "drop the background music", "remove the song", "i don't want any music",
              "can you remove the background music", "music off", "delete the music track", "no bgm pls",
              "we don't need the music", "scrap the music", "cut the music", "without music please")
_REMOVE_ZH = ("不要配乐", "不要背景音乐了", "去掉音乐", "把背景音乐删了", "音乐去掉吧", "背景音乐关了", "不需要背景音乐",
              "把配乐拿掉", "bgm删掉", "别要音乐了", "音乐不要了", "把歌删了", "去掉bgm", "取消背景音乐")
_MUTE = ("mute the music", "mute the bgm", "静音背景乐", "背景音乐静音", "把音乐静音")
_FADES = (  # (message, fade in ms, fade out ms)
    ("fade the music in over 2 seconds", 2000, None), ("fade in the music 2s", 2000, None),
    ("let the music fade in over 2 sec", 2000, None), ("music fade in 2 seconds", 2000, None),
    ("fade the music out over 3 seconds", None, 3000), ("fade out the music in the last 3 seconds", None, 3000),
    ("make the music fade out over 3 secs at the end", None, 3000), ("the song should fade out over 3 seconds", None, 3000),
    ("fade the music in over 2 seconds and out over 3", 2000, 3000),
    ("音乐淡入2秒", 2000, None), ("背景音乐开头渐入两秒", 2000, None), ("配乐两秒淡入", 2000, None),
    ("音乐结尾淡出3秒", None, 3000), ("背景音乐最后三秒淡出", None, 3000), ("音乐渐出三秒", None, 3000),
    ("音乐淡入两秒，淡出三秒", 2000, 3000), ("音乐渐入两秒 渐出三秒", 2000, 3000),
)
_NO_LOOP = ("don't loop the music", "the music shouldn't repeat", "play the song only once", "stop the music looping",
            "no loop on the music", "音乐不要循环", "背景音乐别重复播放", "歌只放一遍", "配乐不要循环播放")
_DUCK = ("duck the music under the voice", "lower the music when someone talks", "auto duck the bgm",
         "有人说话的时候音乐自动变小", "配音的时候背景音乐自动压低", "开启音乐闪避")
_UPLOAD = ("use my song", "use the song i uploaded as the music", "put my track on", "use summer.mp3 as background music",
           "my song as bgm please", "use my own music", "用我上传的歌当背景音乐", "背景音乐用我的歌", "用我自己的歌",
           "把我传的那首歌放进去", "用summer.mp3做配乐")


# music said by the scene or use it is for -> that scene's style
_USES = (("some music for a wedding", "piano"), ("add music that fits a road trip", "acoustic"), ("gym music please", "upbeat"),
         ("add some workout music", "upbeat"), ("music for a birthday party please", "upbeat"),
         ("i want music that suits a rainy night in the city", "lofi"), ("music for a sunset at the beach", "chill"),
         ("配一段适合婚礼的音乐", "piano"), ("配个适合健身视频的音乐", "upbeat"), ("来点露营篝火那种感觉的背景音乐", "acoustic"),
         ("背景来点有太空感的音乐", "ambient"), ("来点适合海边日落的音乐", "chill"), ("加点适合生日派对的背景音乐", "upbeat"),
         ("想要那种深夜城市的感觉的音乐", "lofi"))
_MAX = ("music all the way up", "music volume to max", "crank the music to full volume", "音乐开最大声", "音乐拉满",
        "背景音乐调到最大")
_STOP = ("别放音乐了", "不要放背景音乐了", "cut the music", "别再放歌了")


def _music_change_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for msg in _REMOVE_EN + _REMOVE_ZH:
        cases.append({"ctx": "full", "msg": msg, "expect": [{"do": "remove_music"}], "draft": {"music_src": None}})
    for msg in _MUTE:
        cases.append({"ctx": "full", "msg": msg, "expect": [{"do": "update_music", "volume": 0.0}]})
    for msg, fade_in, fade_out in _FADES:
        draft = {"music_fade_in": fade_in} if fade_in else {}
        draft |= {"music_fade_out": fade_out} if fade_out else {}
        cases.append({"ctx": "full", "msg": msg, "expect": [{"do": "update_music"}], "draft": draft})
    for msg in _NO_LOOP:
        cases.append({"ctx": "full", "msg": msg, "expect": [{"do": "update_music", "loop": False}]})
    for msg in _DUCK:
        cases.append({"ctx": "full", "msg": msg, "expect": [{"do": "update_music", "duck": True}]})
    for msg in _UPLOAD:
        cases.append({"ctx": "media", "msg": msg, "expect": [{"do": "set_music", "src": "media:song1"}]})
    for msg, style in _USES:
        cases.append({"ctx": "one_clip", "msg": msg, "expect": [{"do": "music", "style": style}]})
    for msg in _MAX:
        cases.append({"ctx": "full", "msg": msg, "expect": [{"do": "update_music", "volume": 1.0}]})
    for msg in _STOP:
        cases.append({"ctx": "full", "msg": msg, "expect": [{"do": "remove_music"}]})
    return cases


# ---- voice-over and captions ------------------------------------------------------------------------------------
_VOICE = (  # (context, message, expectation)
    ("full", "add a voiceover that says 'welcome to the city'", [{"do": "voice", "text": "welcome to the city"}]),
    ("full", "have a woman say 'welcome to the city'", [{"do": "voice", "text": "welcome to the city", "gender": "female"}]),
    ("full", "a man's voice saying 'see you soon' please", [{"do": "voice", "text": "see you soon", "gender": "male"}]),
    ("full", "narrate: this is my city", [{"do": "voice", "text": "this is my city"}]),
    ("full", "加配音：欢迎来到我的城市", [{"do": "voice", "text": "欢迎来到我的城市"}]),
    ("full", "用女声说「欢迎回来」", [{"do": "voice", "text": "欢迎回来", "gender": "female"}]),
    ("full", "男声配音：明天见", [{"do": "voice", "text": "明天见", "gender": "male"}]),
    ("full", "remove the voiceover", [{"do": "remove_voice"}]),  # full has none: the runner says so
    ("full", "去掉配音", [{"do": "remove_voice"}]),
    ("one_clip", "add captions", [{"do": "captions"}]),
    ("one_clip", "turn on subtitles please", [{"do": "captions"}]),
    ("one_clip", "can u add subtitles to my video", [{"do": "captions"}]),
    ("one_clip", "add captions at the bottom", [{"do": "captions"}]),
    ("one_clip", "加字幕", [{"do": "captions"}]),
    ("one_clip", "帮我把字幕加上", [{"do": "captions"}]),
    ("one_clip", "add captions bottom right", [{"do": "unknown"}]),
    ("one_clip", "put the subtitles at the top please", [{"do": "unknown"}]),
    ("one_clip", "captions in the top left corner", [{"do": "unknown"}]),
    ("full", "remove the subtitles", [{"do": "set_captions", "enabled": False}]),
    ("full", "captions off pls", [{"do": "set_captions", "enabled": False}]),
    ("full", "make the captions yellow", [{"do": "set_captions", "color": "yellow"}]),
    ("full", "make the subtitles bigger", [{"do": "set_captions", "size_scale": 1.25}]),
)


# several requests about the sound in one message, each planned (nothing dropped)
_SEVERAL = (
    ("one_clip", "add some chill music and fade it out at the end", [{"do": "music", "style": "chill"},
                                                                      {"do": "update_music", "fade_out_ms": 2000}]),
    ("one_clip", "add lofi music at 20% and fade it in over 2 seconds", [{"do": "music", "style": "lofi", "volume": 0.2},
                                                                          {"do": "update_music", "fade_in_ms": 2000}]),
    ("full", "swap the music for something epic and turn it down to 25%", [{"do": "music", "style": "cinematic",
                                                                             "volume": 0.25}]),
    ("full", "turn the music down and the clips up", [{"do": "update_music"}, {"do": "set_clip_audio", "volume": 1.5}]),
    ("full", "turn the music up a bit and the clips down", [{"do": "update_music"}, {"do": "set_clip_audio", "volume": 0.5}]),
    ("full", "lower the music and add a whoosh at each cut", [{"do": "update_music"},
                                                              {"do": "sound", "sound": "whoosh", "at_transitions": True}]),
    ("full", "set the music to 30 percent and stop it from looping", [{"do": "update_music", "volume": 0.3},
                                                                       {"do": "update_music", "loop": False}]),
    ("one_clip", "make it vertical and add some upbeat music", [{"do": "set_canvas", "aspect": "9:16"},
                                                                 {"do": "music", "style": "upbeat"}]),
    ("full", "音乐换成钢琴曲，音量调到20%", [{"do": "music", "style": "piano", "volume": 0.2}]),
    ("full", "原声关掉，音乐大一点", [{"do": "set_clip_audio", "volume": 0.0}, {"do": "update_music"}]),
    ("one_clip", "竖屏，配点欢快的音乐，导出给抖音", [{"do": "set_canvas", "aspect": "9:16"}, {"do": "music", "style": "upbeat"},
                                                {"do": "export"}]),
    ("one_clip", "加点欢快的音乐，再在第2秒加个叮", [{"do": "music", "style": "upbeat"}, {"do": "sound", "sound": "ding", "start_ms": 2000}]),
)


def _voice_cases() -> list[dict[str, Any]]:
    return [{"ctx": ctx, "msg": msg, "expect": expect} for ctx, msg, expect in _VOICE + _SEVERAL]


# ---- sound effects by the names people use, at times said every way ------------------------------------------
_SOUNDS_EN = {
    "whoosh": ("whoosh", "swoosh", "woosh", "swish", "whoosh sound", "swoosh sfx", "transition whoosh", "swipe sound"),
    "ding": ("ding", "chime", "bell", "ding sound", "notification sound", "bell sound", "ding ding"),
    "pop": ("pop", "pop sound", "bubble pop", "blip", "plop"),
    "click": ("click", "mouse click", "click sound", "tap sound", "tick"),
    "shutter": ("camera shutter", "shutter sound", "camera click", "shutter click", "photo snap sound", "camera sound"),
    "applause": ("applause", "clapping", "cheering crowd", "round of applause", "cheer", "crowd cheering", "clap sound"),
    "impact": ("boom", "thud", "impact", "hit sound", "bang", "slam", "explosion", "boom sound", "bass drop"),
    "rise": ("riser", "build up", "rising sound", "tension riser", "uplifter"),
}
_SOUNDS_ZH = {
    "whoosh": ("嗖", "咻", "嗖的一声", "呼的一声", "转场音效", "唰"),
    "ding": ("叮", "叮的一声", "铃声", "叮咚", "提示音"),
    "pop": ("啵", "啵的一声", "冒泡音效"),
    "click": ("咔哒", "点击声", "鼠标点击声"),
    "shutter": ("咔嚓", "快门声", "拍照声", "相机快门"),
    "applause": ("掌声", "鼓掌声", "欢呼声", "欢呼"),
    "impact": ("砰", "嘭", "轰", "爆炸声", "撞击声", "咚的一声"),
    "rise": ("上升音效", "渐强音效"),
}
# sounds the library does not have: asked about (with the ones it has), never a clip
_MISSING_SOUNDS = ("add a record scratch at 3 seconds", "a drum roll at the start please", "add a heartbeat sound at 4s",
                   "i want a sound of birds", "add typing sounds at 2s", "put a cash register sound at the end",
                   "加个心跳声", "来一段鸟叫声", "在第3秒加个打字声", "结尾加个笑声", "加个敲门声")
_AT_EN = ("add a {s} at 3 seconds", "put a {s} at 0:03", "{s} at the 3 second mark please", "can you add a {s} at 3s",
          "i want a {s} at second 3", "add a {s} sound effect 3 seconds in")
_AT_ZH = ("在第3秒加个{s}", "第三秒的地方加一个{s}的音效", "3秒处来个{s}", "在3秒那里放个{s}音效", "三秒的时候加个{s}")


def _sound_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for sound, names in _SOUNDS_EN.items():
        for name in names:
            for template in _rotated(_AT_EN, len(cases), 3):
                cases.append({"ctx": "full", "msg": template.format(s=name),
                              "expect": [{"do": "sound", "sound": sound, "start_ms": 3000}]})
    for msg in _MISSING_SOUNDS:
        cases.append({"ctx": "full", "msg": msg, "expect": [{"do": "unknown"}]})
    for sound, names in _SOUNDS_ZH.items():
        for name in names:
            for template in _rotated(_AT_ZH, len(cases), 3):
                cases.append({"ctx": "full", "msg": template.format(s=name),
                              "expect": [{"do": "sound", "sound": sound, "start_ms": 3000}]})
    return cases


CASES = _style_cases() + _level_cases() + _music_change_cases() + _sound_cases() + _voice_cases()
DIRECTIONS = [(m, -1) for m in _QUIETER_EN + _QUIETER_ZH] + [(m, 1) for m in _LOUDER_EN + _LOUDER_ZH]


def _failures() -> list[str]:
    failures = grid_failures(CASES)
    for msg, way in DIRECTIONS:
        ctx = context("full")
        plan = understand(msg, ctx)
        volume = _volume_after(msg)
        if len(plan.actions) != 1 or volume is None or (volume - 0.35) * way <= 0:
            failures.append(f"[full] {msg}: the music's level should go {'up' if way > 0 else 'down'} "
                            f"(got {volume}, plan {plan.actions})")
    return failures


def test_music_and_sound_grid_is_understood() -> None:
    failures = _failures()
    assert not failures, f"{len(failures)} of {len(CASES) + len(DIRECTIONS)}:\n" + "\n".join(failures)


if __name__ == "__main__":  # python -m tests.agent.test_grid_lexsound9: every failure, one a line
    found = _failures()
    print("\n".join(found))
    print(f"{len(found)} of {len(CASES) + len(DIRECTIONS)} wrong")
