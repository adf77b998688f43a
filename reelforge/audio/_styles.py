"""The built-in music styles: names in English and Chinese, moods, scenes, and their recipes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from reelforge.audio._recipe import Part, Recipe

__all__ = ["STYLES", "Style", "StyleName"]

StyleName = Literal["lofi", "ambient", "upbeat", "cinematic", "piano", "electronic", "acoustic", "chill", "jazz", "rock",
                    "hiphop"]


@dataclass(frozen=True)
class Style:
    """A named kind of background music and how to play it."""

    name: StyleName                 # the id: "lofi"
    title: str                      # "Lo-fi"
    names_zh: tuple[str, ...]       # "低保真", ...
    aliases: tuple[str, ...]        # other English names: "lo-fi", "chillhop"
    moods_en: tuple[str, ...]
    moods_zh: tuple[str, ...]
    scenes_en: tuple[str, ...]
    scenes_zh: tuple[str, ...]
    tempo_bpm: tuple[int, int]      # the range a seed picks from
    description: str
    recipe: Recipe

    @property
    def title_zh(self) -> str:
        return self.names_zh[0]


_EIGHTHS = tuple((step, 2) for step in range(0, 16, 2))
_QUARTERS = tuple((step, 4) for step in range(0, 16, 4))


_ALL: tuple[Style, ...] = (
    Style(
        name="lofi", title="Lo-fi", names_zh=("低保真", "低保真音乐", "节奏布鲁斯", "灵魂乐", "咖啡馆"),
        aliases=("lo-fi", "lo fi", "lofi hip hop", "chillhop", "lo-fi beats", "study beats", "jazzy hip hop",
                 "chill hip hop", "lofi beats", "r&b", "rnb", "r and b", "soul", "neo soul", "coffee shop", "cafe music",
                 "motown", "vaporwave", "focus music", "homework music", "beats to study to"),
        moods_en=("lazy", "mellow", "cozy", "nostalgic", "chilled out", "retro", "vintage", "sultry", "sensual", "sexy",
                  "late night", "rainy day"),
        moods_zh=("慵懒", "怀旧", "温馨", "惬意的午后", "老歌", "性感", "深夜感"),
        scenes_en=("city at night", "night city", "city", "rain", "rainy", "cafe", "coffee", "study", "studying",
                   "bedroom", "late night", "window", "reading"),
        scenes_zh=("城市夜景", "夜晚的城市", "城市", "深夜", "雨夜", "雨天", "下雨", "咖啡", "学习", "读书",
                   "窗边", "夜景"),
        tempo_bpm=(72, 88),
        description="Swung boom-bap drums, a warm electric piano on jazzy seventh chords, round bass, "
                    "vinyl crackle and a dull tape top end.",
        recipe=Recipe(
            mode="major", swing=0.6, humanize_ms=8.0, reverb_seconds=1.4, reverb_mix=0.2,
            master_high_hz=5200.0, crackle=True, melody_rest_every=2,
            progressions=(("ii7", "V7", "Imaj7", "vi7"), ("Imaj7", "vi7", "ii7", "V7"),
                          ("IVmaj7", "iii7", "ii7", "Imaj7"), ("ii7", "V7", "iii7", "vi7")),
            parts=(
                Part("chords", "epiano", rhythm=((0, 6), (6, 10)), center=62, gain=0.55, send=0.3),
                Part("bass", "bass", rhythm=((0, 6), (6, 2), (10, 4), (14, 2)), degrees="r5ra",
                     center=40, gain=0.9, send=0.0),
                Part("melody", "epiano", rhythm=_EIGHTHS, center=74, gain=0.4, pan=0.25, send=0.35,
                     density=0.45),
                Part("drums", hits=(("kick", "x......x..x....."), ("snare", "....x.......x..."),
                                    ("hat", "x.o.x.o.x.o.x.oo"), ("rim", "..............o.")), gain=0.8),
            )),
    ),
    Style(
        name="ambient", title="Ambient", names_zh=("氛围", "氛围音乐", "环境音乐", "氛围感", "冥想音乐", "禅意"),
        aliases=("atmospheric", "drone", "meditation music", "new age", "meditation", "spa", "zen", "yoga music",
                 "relaxation music", "sleep music", "soundscape"),
        moods_en=("calm", "quiet", "ethereal", "peaceful", "spacious", "serene", "floating", "dreamy", "tranquil",
                  "meditative", "spacey", "airy", "mystical", "hypnotic", "otherworldly"),
        moods_zh=("安静", "空灵", "宁静", "平静", "梦幻", "冥想", "禅", "佛系", "瑜伽", "助眠", "睡眠", "催眠", "静谧", "飘渺",
                  "缥缈", "仙气", "深邃", "空旷"),
        scenes_en=("space", "stars", "galaxy", "universe", "underwater", "deep sea", "fog", "mist", "snow",
                   "meditation", "yoga", "northern lights", "aurora", "winter", "sleep", "bedtime"),
        scenes_zh=("太空", "星空", "宇宙", "银河", "水下", "深海", "雾", "雪景", "冥想", "瑜伽", "极光", "冬天", "下雪", "睡前"),
        tempo_bpm=(60, 72),
        description="Slow swelling pads two bars per chord, sparse glassy bells, a long hall reverb; no drums.",
        recipe=Recipe(
            mode="major", bars_per_chord=2, reverb_seconds=4.0, reverb_mix=0.45,
            progressions=(("Imaj7", "IVmaj7"), ("Imaj7", "vi7", "IVmaj7", "Imaj7"), ("vi7", "IVmaj7")),
            parts=(
                Part("chords", "pad", rhythm=((0, 16),), center=60, gain=0.6, send=0.5),
                Part("bass", "pad", rhythm=((0, 16),), degrees="r", center=40, gain=0.5, send=0.3),
                Part("melody", "bell", rhythm=((0, 4), (6, 4), (10, 6)), center=79, gain=0.28, pan=-0.3,
                     send=0.7, density=0.35),
            )),
    ),
    Style(
        name="upbeat", title="Upbeat pop", names_zh=("欢快", "流行", "欢快流行", "韩流", "放克", "迪斯科", "抖音", "网红", "神曲", "热门"),
        aliases=("pop", "upbeat pop", "happy", "cheerful", "corporate", "pop music", "k-pop", "kpop", "j-pop", "jpop",
                 "indie pop", "funk", "disco", "reggae", "latin", "ska", "tiktok", "tik tok", "viral", "afrobeat", "afrobeats",
                 "reggaeton", "dancehall", "salsa", "samba", "city pop", "christmas music", "holiday music", "jingle",
                 "kids music", "children's music", "nursery rhyme"),
        moods_en=("happy", "energetic", "cheerful", "bright", "fun", "positive", "lively", "motivational", "bouncy",
                  "playful", "cute", "quirky", "funny", "feel good", "feel-good", "uplifting", "joyful", "hype",
                  "funky", "groovy", "catchy", "summery", "peppy", "light-hearted", "lighthearted", "whimsical",
                  "silly", "goofy", "cheery", "optimistic", "carefree", "festive", "jolly", "merry", "kawaii", "comedic",
                  "youthful", "sunshine", "feel good vibes", "poppy"),
        moods_zh=("欢快", "活力", "开心", "快乐", "阳光", "积极", "励志", "轻快", "可爱", "搞笑", "俏皮", "元气", "燃", "热血", "嗨", "带劲", "活泼",
                  "有趣", "诙谐", "喜庆", "欢乐", "愉快", "青春", "童趣", "甜美", "俏皮可爱", "热闹", "节奏轻快"),
        scenes_en=("party", "celebration", "sports", "summer", "festival", "birthday", "shopping",
                   "travel vlog", "vlog", "wedding party", "kids", "playground", "gym", "workout", "fitness", "running", "dance party",
                   "christmas", "new year", "holiday season", "children", "unboxing", "product demo", "commercial", "advert",
                   "fashion haul", "haul", "fashion", "lookbook", "pet", "pets", "puppy", "puppies", "kitten", "kittens", "baby",
                   "tutorial", "explainer", "how-to", "presentation"),
        scenes_zh=("派对", "庆祝", "运动", "夏天", "节日", "生日", "购物", "旅行vlog", "游乐场", "孩子", "健身", "跑步", "锻炼",
                   "圣诞", "新年", "春节", "过年", "儿童", "宝宝", "开箱", "带货", "广告", "好物", "萌宠", "宠物", "教程", "穿搭"),
        tempo_bpm=(112, 126),
        description="Pop drums with clap on two and four, driving eighth-note bass, piano stabs in a 3-3-2 "
                    "rhythm over I-V-vi-IV, a bright synth lead.",
        recipe=Recipe(
            mode="major", reverb_seconds=1.2, reverb_mix=0.15,
            progressions=(("I", "V", "vi", "IV"), ("vi", "IV", "I", "V"), ("I", "vi", "IV", "V"),
                          ("IV", "I", "V", "vi")),
            parts=(
                Part("chords", "piano", rhythm=((0, 3), (3, 3), (6, 2), (8, 3), (11, 3), (14, 2)),
                     center=64, gain=0.45, pan=-0.2, send=0.15),
                Part("chords", "pad", rhythm=((0, 16),), center=60, gain=0.25, pan=0.2, send=0.3),
                Part("bass", "bass", rhythm=_EIGHTHS, degrees="rrr8rr5r", center=40, gain=0.75, send=0.0),
                Part("melody", "synth_lead", rhythm=((0, 2), (2, 2), (4, 4), (8, 2), (10, 2), (12, 4)),
                     center=76, gain=0.3, pan=0.15, send=0.25, density=0.7),
                Part("drums", hits=(("kick", "x.....x.x......."), ("clap", "....x.......x..."),
                                    ("hat", "x.x.x.x.x.x.x.x."), ("open_hat", "..............x.")), gain=0.85),
            )),
    ),
    Style(
        name="cinematic", title="Cinematic", names_zh=("史诗", "电影感", "电影配乐", "大气", "交响乐", "交响", "古典", "管弦", "弦乐", "小提琴",
                                                       "大提琴", "古风", "国风", "中国风", "武侠", "古筝", "二胡", "琵琶", "民乐",
                                                       "仙侠"),
        aliases=("epic", "orchestral", "trailer", "film score", "dramatic", "orchestra", "classical", "symphony",
                 "symphonic", "strings", "string section", "violin", "cello", "movie soundtrack", "film music",
                 "suspense", "thriller", "horror", "action music", "adventure music", "fantasy music",
                 "medieval", "opera", "choir", "choral", "baroque", "halloween music", "chinese style", "oriental"),
        moods_en=("epic", "grand", "dramatic", "majestic", "powerful", "heroic", "inspiring", "tense", "intense",
                  "dark", "suspenseful", "scary", "creepy", "eerie", "ominous", "triumphant", "spooky", "mysterious",
                  "cinematic", "orchestral", "haunting", "brooding", "moody", "inspirational", "adventurous", "thrilling",
                  "magical", "mythical", "grandiose", "sinister", "menacing", "climactic"),
        moods_zh=("史诗", "大气", "震撼", "恢弘", "壮丽", "紧张", "激昂", "悬疑", "神秘", "恐怖", "惊悚", "霸气", "大片", "磅礴",
                  "壮阔", "刺激", "冒险", "奇幻", "魔幻", "宏大", "气势"),
        scenes_en=("mountain", "mountains", "landscape", "storm", "battle", "trailer", "aerial", "drone shot",
                   "desert", "canyon", "volcano", "glacier", "sunrise over", "epic", "halloween", "castle", "dragon",
                   "fantasy", "war", "car chase", "chase scene", "action scene", "adventure"),
        scenes_zh=("高山", "山脉", "群山", "雪山", "风暴", "战斗", "预告片", "航拍", "沙漠", "峡谷", "火山",
                   "冰川", "日出", "万圣节", "城堡", "战争", "追逐", "动作片", "冒险"),
        tempo_bpm=(84, 100),
        description="Minor-key strings swelling over i-VI-III-VII, a pulsing piano ostinato, deep booms and "
                    "toms, a big hall.",
        recipe=Recipe(
            mode="minor", reverb_seconds=3.2, reverb_mix=0.35, tonics=("C", "D", "E", "F", "G", "A"),
            progressions=(("i", "VI", "III", "VII"), ("i", "iv", "VI", "V"), ("i", "VI", "iv", "V"),
                          ("VI", "VII", "i", "i")),
            parts=(
                Part("chords", "strings", rhythm=((0, 16),), center=60, gain=0.55, send=0.45),
                Part("ostinato", "piano", rhythm=_EIGHTHS, degrees="r5r8r5r8", center=55, gain=0.35,
                     pan=0.25, send=0.3),
                Part("bass", "strings", rhythm=((0, 16),), degrees="r", center=36, gain=0.6, send=0.3),
                Part("melody", "strings", rhythm=((0, 8), (8, 4), (12, 4)), center=72, gain=0.3, send=0.5,
                     density=0.6),
                Part("drums", hits=(("boom", "x..............."),), gain=0.9, every_bars=2),
                Part("drums", hits=(("tom", "x.....x...x.x.x."),), gain=0.55, every_bars=4),
            )),
    ),
    Style(
        name="piano", title="Solo piano", names_zh=("钢琴", "钢琴曲", "抒情钢琴", "摇篮曲", "八音盒"),
        aliases=("solo piano", "piano solo", "ballad", "piano ballad", "lullaby", "music box", "love song", "sad song"),
        moods_en=("emotional", "tender", "sentimental", "romantic", "gentle", "lyrical", "touching", "sad",
                  "melancholy", "melancholic", "bittersweet", "heartbreaking", "wistful", "poignant", "lonely",
                  "reflective", "sorrowful", "tearjerker", "tear jerker", "intimate", "heartwarming"),
        moods_zh=("抒情", "温柔", "感人", "浪漫", "伤感", "深情", "悲伤", "忧伤", "催泪", "煽情", "思念", "感动", "孤独", "难过", "伤心",
                  "心碎", "遗憾", "温情", "唯美", "暖心", "甜蜜", "怀念"),
        scenes_en=("wedding", "memories", "family", "love", "old photos", "autumn", "farewell", "graduation",
                   "anniversary", "portrait"),
        scenes_zh=("婚礼", "回忆", "家人", "家庭", "爱情", "老照片", "秋天", "告别", "毕业", "纪念日"),
        tempo_bpm=(66, 80),
        description="A solo piano: broken-chord left hand in eighths, a singing right-hand melody, pedal "
                    "resonance in a small room.",
        recipe=Recipe(
            mode="major", humanize_ms=6.0, reverb_seconds=2.0, reverb_mix=0.3, melody_rest_every=3,
            progressions=(("I", "vi", "IV", "V"), ("I", "V", "vi", "iii", "IV", "I", "IV", "V"),
                          ("IV", "V", "iii", "vi"), ("vi", "IV", "I", "V")),
            parts=(
                Part("arpeggio", "piano", rhythm=_EIGHTHS, center=52, gain=0.45, pan=-0.15, send=0.3),
                Part("bass", "piano", rhythm=((0, 16),), degrees="r", center=40, gain=0.45, pan=-0.25, send=0.3),
                Part("melody", "piano", rhythm=((0, 4), (4, 2), (6, 2), (8, 6), (14, 2)), center=72, gain=0.5,
                     pan=0.15, send=0.3, density=0.75),
            )),
    ),
    Style(
        name="electronic", title="Electronic", names_zh=("电子", "电子音乐", "动感", "电音", "电子乐", "电子舞曲", "舞曲", "蹦迪", "合成器",
                                                         "赛博朋克", "夜店"),
        aliases=("edm", "techno", "house", "synth", "synthwave", "dance", "deep house", "dubstep", "drum and bass",
                 "drum n bass", "dnb", "trance", "synthpop", "retrowave", "chiptune", "8-bit", "8 bit",
                 "future bass", "electro", "electronica", "club music", "rave", "dj", "80s synth", "80s", "eighties",
                 "video game music", "game music", "arcade", "hyperpop", "dance music", "beat drop"),
        moods_en=("energetic", "driving", "futuristic", "modern", "cool", "exciting", "dynamic", "techy", "edgy",
                  "pumping", "clubby", "sci-fi"),
        moods_zh=("动感", "电子", "炫酷", "未来感", "科技感", "劲爆", "卡点", "节奏感", "带感", "像素风", "电竞"),
        scenes_en=("cyberpunk", "neon", "tech", "technology", "futuristic city", "night club", "club",
                   "racing", "car", "timelapse", "product launch", "gaming", "robot", "video game", "esports"),
        scenes_zh=("赛博朋克", "霓虹", "科技", "未来城市", "夜店", "赛车", "汽车", "延时", "发布会", "游戏", "机器人"),
        tempo_bpm=(120, 128),
        description="Four-on-the-floor kick, off-beat hats and bass, a sixteenth-note synth arpeggio over a pad.",
        recipe=Recipe(
            mode="minor", reverb_seconds=1.5, reverb_mix=0.18, tonics=("C", "D", "E", "F", "G", "A"),
            progressions=(("i", "VI", "III", "VII"), ("i", "VII", "VI", "VII"), ("VI", "VII", "i", "i"),
                          ("i", "iv", "VI", "VII")),
            parts=(
                Part("arpeggio", "synth_pluck", rhythm=tuple((step, 1) for step in range(16)), center=67,
                     gain=0.3, pan=0.2, send=0.3),
                Part("chords", "pad", rhythm=((0, 16),), center=60, gain=0.3, pan=-0.2, send=0.3),
                Part("bass", "synth_bass", rhythm=((2, 2), (6, 2), (10, 2), (14, 2)), degrees="rrr8",
                     center=40, gain=0.7, send=0.0),
                Part("drums", hits=(("kick", "x...x...x...x..."), ("clap", "....x.......x..."),
                                    ("open_hat", "..x...x...x...x."), ("hat", "oooooooooooooooo")), gain=0.85),
            )),
    ),
    Style(
        name="acoustic", title="Acoustic folk", names_zh=("民谣", "原声", "木吉他", "吉他", "吉他曲", "乡村音乐", "尤克里里", "乡村"),
        aliases=("folk", "acoustic guitar", "guitar", "country", "indie folk", "ukulele", "banjo", "bluegrass",
                 "singer songwriter", "singer-songwriter", "campfire", "celtic", "irish", "hawaiian", "americana",
                 "western", "unplugged", "fingerstyle"),
        moods_en=("warm", "organic", "hopeful", "homely", "sunny", "simple", "heartfelt", "rustic", "homey",
                  "wholesome", "folksy", "earthy", "fresh", "natural", "wanderlust"),
        moods_zh=("温暖", "质朴", "治愈", "清新", "希望", "文艺", "小清新", "田园", "朴实", "淳朴", "远方"),
        scenes_en=("forest", "countryside", "campfire", "road trip", "farm", "village", "morning", "picnic",
                   "hiking", "garden", "flowers", "fields", "camping", "travel", "traveling", "travelling", "journey",
                   "on the road", "backpacking", "nature", "spring", "cooking", "baking", "recipe", "kitchen"),
        scenes_zh=("森林", "乡村", "篝火", "公路旅行", "农场", "村庄", "早晨", "野餐", "徒步", "花园", "田野", "露营",
                   "旅行", "旅途", "旅游", "在路上", "公路", "自驾", "背包", "春天", "做饭", "美食", "烘焙", "校园"),
        tempo_bpm=(92, 108),
        description="Strummed steel-string guitar (plucked partials, down-up strum), root-fifth bass, shaker "
                    "and a soft kick, a whistled lead.",
        recipe=Recipe(
            mode="major", humanize_ms=7.0, swing=0.54, reverb_seconds=1.3, reverb_mix=0.18,
            tonics=("C", "D", "E", "G", "A"),
            progressions=(("I", "IV", "I", "V"), ("I", "V", "vi", "IV"), ("vi", "IV", "I", "V"),
                          ("I", "IV", "vi", "V")),
            parts=(
                Part("strum", "pluck", rhythm=((0, 4), (4, 2), (6, 4), (10, 2), (12, 2), (14, 2)), center=57,
                     gain=0.42, pan=-0.15, send=0.2),
                Part("bass", "bass", rhythm=_QUARTERS, degrees="r5r5", center=40, gain=0.6, send=0.0),
                Part("melody", "soft_lead", rhythm=((0, 4), (4, 4), (8, 2), (10, 2), (12, 4)), center=76,
                     gain=0.25, pan=0.2, send=0.3, density=0.55),
                Part("drums", hits=(("kick", "x.......x......."), ("rim", "....x.......x..."),
                                    ("shaker", "x.o.x.o.x.o.x.o.")), gain=0.6),
            )),
    ),
    Style(
        name="chill", title="Chill", names_zh=("放松", "惬意", "轻音乐", "舒缓", "度假", "夏日", "海边"),
        aliases=("chillout", "chill out", "relaxing", "easy listening", "smooth", "chill vibes", "chill out music",
                 "bossa nova", "tropical house", "lounge", "beach vibes", "summer vibes", "light music", "chillwave",
                 "tropical", "beach music", "vacation vibes"),
        moods_en=("relaxing", "relaxed", "relax", "easygoing", "easy going", "laid-back", "laid back", "soothing", "smooth",
                  "breezy", "soft", "chilled", "unwinding", "leisurely"),
        moods_zh=("放松", "轻松", "惬意", "舒缓", "悠闲", "舒服", "慢", "休闲", "悠哉", "自在", "松弛", "闲适", "清凉"),
        scenes_en=("sunset", "beach", "sea", "ocean", "lake", "golden hour", "summer evening", "pool",
                   "island", "sailing", "evening", "dusk", "vacation", "resort", "palm trees", "real estate", "house tour",
                   "home tour", "property tour", "interior"),
        scenes_zh=("日落", "夕阳", "海滩", "海边", "大海", "湖", "黄昏", "傍晚", "泳池", "海岛", "帆船", "假期", "椰子树", "看房", "家居"),
        tempo_bpm=(88, 100),
        description="Laid-back groove with a soft kick and rim, maj7 electric piano over a pad, a breathy "
                    "flute-like lead.",
        recipe=Recipe(
            mode="major", swing=0.55, humanize_ms=5.0, reverb_seconds=2.2, reverb_mix=0.3, melody_rest_every=2,
            progressions=(("Imaj7", "iii7", "vi7", "IVmaj7"), ("IVmaj7", "Imaj7", "IVmaj7", "V"),
                          ("Imaj7", "IVmaj7", "ii7", "V"), ("vi7", "IVmaj7", "Imaj7", "V")),
            parts=(
                Part("chords", "epiano", rhythm=((0, 8), (10, 6)), center=62, gain=0.45, pan=-0.2, send=0.3),
                Part("chords", "pad", rhythm=((0, 16),), center=57, gain=0.25, pan=0.2, send=0.4),
                Part("bass", "bass", rhythm=((0, 8), (10, 2), (12, 4)), degrees="r5r", center=40, gain=0.7,
                     send=0.0),
                Part("melody", "soft_lead", rhythm=((0, 6), (6, 2), (8, 4), (12, 4)), center=74, gain=0.3,
                     pan=0.2, send=0.4, density=0.55),
                Part("drums", hits=(("kick", "x.....x...x....."), ("rim", "....x.......x..."),
                                    ("shaker", "o.x.o.x.o.x.o.x.")), gain=0.6),
            )),
    ),
    Style(
        name="jazz", title="Jazz", names_zh=("爵士乐", "爵士", "爵士音乐", "摇摆乐", "蓝调", "布鲁斯", "大乐队", "爵士钢琴"),
        aliases=("smooth jazz", "swing", "swing music", "big band", "bebop", "bop", "jazz trio", "jazz piano",
                 "jazz club", "cool jazz", "blues", "coffee shop jazz", "cafe jazz", "dinner jazz", "lounge jazz"),
        moods_en=("swinging", "jazzy", "swingy", "classy", "sophisticated", "suave", "elegant", "luxurious", "luxury",
                  "fancy", "upscale", "noir"),
        moods_zh=("摇摆", "优雅", "小资", "爵士范", "奢华", "轻奢", "格调"),
        scenes_en=("bar", "cocktail", "cocktails", "restaurant", "dinner", "new york", "speakeasy", "wine",
                   "hotel lobby", "fashion show", "detective", "film noir"),
        scenes_zh=("酒吧", "鸡尾酒", "餐厅", "晚餐", "红酒", "纽约", "老上海", "西餐", "酒店", "侦探"),
        tempo_bpm=(100, 140),
        description="A swinging trio: ride cymbal ding-ding-da-ding with the hi-hat on two and four and brushes, a "
                    "walking bass on every beat, piano comping ii-V-I and turnarounds in sevenths and ninths, an "
                    "electric-piano line.",
        recipe=Recipe(
            mode="major", swing=0.66, humanize_ms=6.0, reverb_seconds=1.5, reverb_mix=0.2,
            tonics=("C", "D", "Eb", "F", "G", "Ab", "Bb"),
            progressions=(("ii7", "V7", "Imaj7", "Imaj7"), ("Imaj7", "VI7", "ii7", "V7"),
                          ("ii9", "V9", "Imaj7", "vi7"), ("iii7", "vi7", "ii7", "V7")),
            parts=(
                Part("chords", "piano", rhythm=((0, 3), (6, 4)), center=62, gain=0.4, pan=-0.2, send=0.3),
                Part("bass", "bass", rhythm=_QUARTERS, degrees="r35a/r85a/r53a/r35a", center=38, gain=0.85,
                     send=0.05),
                Part("melody", "epiano", rhythm=_EIGHTHS, center=72, gain=0.5, pan=0.2, send=0.3, density=0.5),
                Part("drums", hits=(("ride", "x...x.x.x...x.x."), ("hat", "....x.......x..."),
                                    ("brush", "....o.......o...")), gain=0.8),
            )),
    ),
    Style(
        name="rock", title="Rock", names_zh=("摇滚", "摇滚乐", "硬摇滚", "朋克", "重金属", "金属乐", "摇滚音乐"),
        aliases=("rock music", "hard rock", "classic rock", "indie rock", "alternative rock", "alt rock", "garage rock",
                 "pop rock", "rock and roll", "rock n roll", "punk", "punk rock", "pop punk", "grunge", "metal",
                 "heavy metal", "electric guitar", "guitar riff", "power chords", "nu metal", "hardcore"),
        moods_en=("gritty", "rebellious", "rocking", "aggressive", "badass", "angsty", "headbanging", "angry", "rage",
                  "furious"),
        moods_zh=("叛逆", "狂野", "躁动", "硬核", "愤怒", "暴躁"),
        scenes_en=("concert", "stage", "live show", "motorcycle", "motorbike", "extreme sports", "mosh pit",
                   "rock band", "garage band"),
        scenes_zh=("演唱会", "舞台", "摩托", "摩托车", "极限运动", "乐队"),
        tempo_bpm=(110, 140),
        description="Straight eighths: distorted power-chord guitars (one chugging, one ringing), root-note bass on "
                    "eighths, a big kick and snare backbeat with the crash on the one of every other bar.",
        recipe=Recipe(
            mode="minor", reverb_seconds=1.1, reverb_mix=0.12, tonics=("E", "A", "D", "G", "C"),
            progressions=(("i", "VI", "VII", "i"), ("i", "VII", "VI", "VII"), ("VI", "VII", "i", "i"),
                          ("i", "iv", "VII", "VI")),
            parts=(
                Part("power", "power_guitar", rhythm=_EIGHTHS, degrees="r", center=46, gain=1.1, pan=-0.4,
                     send=0.1),
                Part("power", "power_guitar", rhythm=((0, 8), (8, 8)), degrees="r8", center=46, gain=0.6, pan=0.4,
                     send=0.15),
                Part("bass", "bass", rhythm=_EIGHTHS, degrees="r", center=38, gain=0.6, send=0.0),
                Part("drums", hits=(("kick", "x.......x.x....."), ("snare", "....x.......x..."),
                                    ("hat", "x.x.x.x.x.x.x.x.")), gain=0.95),
                Part("drums", hits=(("crash", "x..............."),), gain=0.55, every_bars=2),
            )),
    ),
    Style(
        name="hiphop", title="Hip hop", names_zh=("嘻哈", "说唱", "饶舌", "说唱伴奏", "嘻哈音乐", "说唱音乐", "嘻哈伴奏"),
        aliases=("hip hop", "hip-hop", "rap", "rap beat", "rap music", "trap", "trap beat", "boom bap", "phonk", "hip hop beat", "hip hop instrumental", "808"),
        moods_en=("hard-hitting", "swaggy", "swag", "streetwise", "gangsta", "cocky", "confident"),
        moods_zh=("有态度", "拽", "街头感", "街头", "嘻哈风"),
        scenes_en=("skateboarding", "skatepark", "graffiti", "basketball", "streetwear", "sneakers", "breakdance",
                   "breakdancing"),
        scenes_zh=("滑板", "涂鸦", "篮球", "街舞", "潮牌", "球鞋"),
        tempo_bpm=(85, 100),
        description="Boom bap with trap hats: a heavy kick, snare and clap on two and four, busy sixteenth hats "
                    "with rolls, an 808 sub that slides up an octave, a minor electric-piano loop.",
        recipe=Recipe(
            mode="minor", swing=0.55, humanize_ms=4.0, reverb_seconds=1.2, reverb_mix=0.15,
            tonics=("C", "D", "E", "F", "G", "A"),
            progressions=(("i7", "iv7", "i7", "iv7"), ("i7", "VI7", "iv7", "v7"), ("i9", "i9", "VI7", "VI7"),
                          ("VI7", "v7", "i7", "i7")),
            parts=(
                Part("chords", "epiano", rhythm=((0, 3), (3, 5), (10, 6)), center=62, gain=0.4, pan=-0.15,
                     send=0.25),
                Part("melody", "bell", rhythm=((0, 2), (3, 2), (6, 2), (8, 4), (12, 2)), center=79, gain=0.3,
                     pan=0.25, send=0.35, density=0.5),
                Part("bass", "sub_808", rhythm=((0, 6), (7, 3), (10, 6)), degrees="rr^/rra", center=36, gain=0.95,
                     send=0.0),
                Part("drums", hits=(("kick", "x......x..x....."), ("snare", "....x.......x..."),
                                    ("clap", "....x.......x..."), ("hat", "x.x.x.xtx.x.x.rr")), gain=0.9),
            )),
    ),
)

STYLES: dict[str, Style] = {style.name: style for style in _ALL}
assert list(STYLES) == list(get_args(StyleName))
