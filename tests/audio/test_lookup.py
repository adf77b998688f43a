"""Finding styles and sounds from English and Chinese words."""

from __future__ import annotations

import pytest

from reelforge.audio import DEFAULT_STYLE, find_sound, find_style, style_for_scene


@pytest.mark.parametrize(("words", "style"), [
    ("lofi", "lofi"), ("lo-fi", "lofi"), ("Lo Fi beats please", "lofi"), ("低保真", "lofi"), ("慵懒", "lofi"),
    ("calm piano", "piano"), ("钢琴", "piano"), ("抒情一点", "piano"),
    ("something more epic", "cinematic"), ("史诗", "cinematic"), ("大气", "cinematic"),
    ("欢快", "upbeat"), ("upbeat pop", "upbeat"), ("活力", "upbeat"),
    ("ambient", "ambient"), ("安静", "ambient"), ("空灵", "ambient"),
    ("electronic", "electronic"), ("动感", "electronic"), ("EDM", "electronic"),
    ("acoustic", "acoustic"), ("民谣", "acoustic"), ("温暖", "acoustic"),
    ("chill", "chill"), ("放松", "chill"), ("惬意", "chill"),
    ("jazzy", "jazz"), ("爵士", "jazz"), ("something sad", "piano"), ("悲伤", "piano"), ("corporate", "upbeat"),
    ("励志", "upbeat"), ("rock", "rock"), ("摇滚", "rock"), ("hip hop", "hiphop"), ("嘻哈", "hiphop"),
])
def test_find_style_understands_english_and_chinese(words: str, style: str) -> None:
    found = find_style(words)
    assert found is not None and found.name == style


@pytest.mark.parametrize(("words", "style"), [
    ("tropical house", "chill"), ("deep house", "electronic"), ("chill hip hop", "lofi"), ("some dubstep", "electronic"),
    ("k-pop", "upbeat"), ("古风", "cinematic"), ("说唱", "hiphop"), ("电音", "electronic"), ("spooky", "cinematic"),
    ("ukulele", "acoustic"), ("bossa nova", "chill"), ("lullaby", "piano"), ("new age", "ambient"),
    # the genres named get their own styles; the lo-fi family keeps its names (a longer name beats a shorter one)
    ("some smooth jazz", "jazz"), ("来点爵士乐", "jazz"), ("big band swing", "jazz"), ("blues", "jazz"),
    ("coffee shop jazz", "jazz"), ("jazzy hip hop", "lofi"), ("lofi hip hop", "lofi"), ("chill hip hop", "lofi"),
    ("study beats", "lofi"), ("r&b", "lofi"), ("rock music", "rock"), ("indie rock", "rock"), ("punk", "rock"),
    ("heavy metal", "rock"), ("朋克", "rock"), ("pop rock", "rock"), ("k-pop", "upbeat"), ("a hip hop beat", "hiphop"),
    ("rap", "hiphop"), ("trap", "hiphop"), ("boom bap", "hiphop"), ("说唱伴奏", "hiphop"), ("饶舌", "hiphop"),
    ("赛博朋克", "electronic"), ("赛博朋克风格的音乐", "electronic"),
])
def test_find_style_knows_the_genres_people_name(words: str, style: str) -> None:
    found = find_style(words)
    assert found is not None and found.name == style


@pytest.mark.parametrize(("words", "style"), [
    # relax said any way is chill (docs/music.md: where a borderline word went)
    ("relax", "chill"), ("relaxed", "chill"), ("relaxing", "chill"), ("轻松", "chill"), ("休闲", "chill"),
    ("relaxation music", "ambient"), ("light music", "chill"),
    ("festive", "upbeat"), ("喜庆", "upbeat"), ("kawaii", "upbeat"), ("christmas music", "upbeat"), ("reggaeton", "upbeat"),
    ("inspirational", "cinematic"), ("adventurous", "cinematic"), ("霸气", "cinematic"), ("古筝", "cinematic"),
    ("lonely", "piano"), ("伤心", "piano"), ("唯美", "piano"),
    ("eighties", "electronic"), ("video game music", "electronic"), ("卡点", "electronic"),
    ("celtic", "acoustic"), ("hawaiian", "acoustic"), ("田园", "acoustic"),
    ("retro", "lofi"), ("luxurious", "jazz"), ("奢华", "jazz"), ("angry", "rock"), ("愤怒", "rock"),
    ("助眠", "ambient"),
    # words a scene or an edit says too often name no style
    ("a moving car", None), ("an alternative take", None), ("the soundtrack", None), ("a wild horse", None),
])
def test_find_style_reads_the_moods_people_say(words: str, style: str | None) -> None:
    found = find_style(words)
    assert (found.name if found is not None else None) == style


@pytest.mark.parametrize(("words", "style"), [
    ("music for traveling", "acoustic"), ("on the road", "acoustic"), ("旅行", "acoustic"), ("在路上的感觉", "acoustic"),
    ("a travel vlog", "upbeat"), ("旅行vlog", "upbeat"), ("a cooking video", "acoustic"), ("a product demo", "upbeat"),
    ("product launch", "electronic"), ("halloween", "cinematic"), ("a vacation at a resort", "chill"),
])
def test_find_style_reads_the_uses_people_name(words: str, style: str) -> None:
    found = find_style(words, scenes=True)
    assert found is not None and found.name == style


def test_find_style_reads_a_scene_or_a_use_only_when_asked() -> None:
    assert find_style("music for a wedding") is None
    assert find_style("music for a wedding", scenes=True).name == "piano"  # type: ignore[union-attr]
    assert find_style("适合健身的音乐", scenes=True).name == "upbeat"  # type: ignore[union-attr]
    assert find_style("a spreadsheet", scenes=True) is None


@pytest.mark.parametrize("words", ["", "polka", "a spreadsheet"])
def test_find_style_says_none_when_nothing_matches(words: str) -> None:
    assert find_style(words) is None


def test_english_words_match_whole_words_only() -> None:
    assert find_style("popcorn") is None


@pytest.mark.parametrize(("prompt", "style"), [
    ("a sunset over the sea", "chill"), ("city at night", "lofi"), ("mountain peaks at dawn", "cinematic"),
    ("rain on the window", "lofi"), ("a forest trail", "acoustic"), ("drifting through space", "ambient"),
    ("neon cyberpunk street", "electronic"), ("our wedding day", "piano"), ("birthday party", "upbeat"),
    ("夕阳下的海边", "chill"), ("雨夜的城市", "lofi"), ("星空延时", "ambient"), ("森林里的早晨", "acoustic"),
    ("航拍雪山", "cinematic"), ("赛博朋克风格的夜店", "electronic"), ("婚礼回忆", "piano"),
    ("cocktails at a rooftop bar", "jazz"), ("a rock concert", "rock"), ("skateboarding in the park", "hiphop"),
    ("酒吧里的夜晚", "jazz"), ("演唱会现场", "rock"), ("街舞比赛", "hiphop"),
])
def test_style_for_scene_picks_a_fitting_style(prompt: str, style: str) -> None:
    assert style_for_scene(prompt).name == style


def test_style_for_scene_falls_back_to_the_default() -> None:
    assert style_for_scene("a spreadsheet of numbers").name == DEFAULT_STYLE


def test_an_explicit_style_in_a_scene_prompt_wins_over_scene_words() -> None:
    assert style_for_scene("beach at sunset with epic music").name == "cinematic"


@pytest.mark.parametrize(("words", "sound"), [
    ("whoosh", "whoosh"), ("a swoosh for the transition", "whoosh"), ("嗖", "whoosh"),
    ("riser", "rise"), ("上升", "rise"), ("impact", "impact"), ("boom", "impact"), ("撞击", "impact"),
    ("pop", "pop"), ("啵", "pop"), ("mouse click", "click"), ("咔哒", "click"),
    ("camera shutter", "shutter"), ("拍照的声音", "shutter"), ("快门", "shutter"),
    ("rain", "rain"), ("雨声", "rain"), ("wind", "wind"), ("风声", "wind"),
    ("applause", "applause"), ("crowd cheering", "applause"), ("掌声", "applause"), ("ding", "ding"), ("叮", "ding"),
])
def test_find_sound_understands_english_and_chinese(words: str, sound: str) -> None:
    found = find_sound(words)
    assert found is not None and found.name == sound


def test_find_sound_says_none_when_nothing_matches() -> None:
    assert find_sound("a trombone solo") is None
