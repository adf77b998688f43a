"""Sentences, words and languages of a narration's text (English and Chinese)."""

from __future__ import annotations

import pytest

from reelforge.speech import estimate_words, language_of, split_sentences
from reelforge.speech._text import word_spans


def test_sentences_end_at_their_marks_in_both_scripts_and_at_line_breaks() -> None:
    text = "你好，世界。这是一个“测试”！Hello there, world. Is it 3.5 ok? Yes…\nA new line"
    assert split_sentences(text) == ["你好，世界。", "这是一个“测试”！", "Hello there, world.", "Is it 3.5 ok?", "Yes…",
                                     "A new line"]


@pytest.mark.parametrize(("text", "words"), [
    ("他说：“你好，世界。”然后 AI 走了", ["他", "说：", "“你", "好，", "世", "界。”", "然", "后", "AI", "走", "了"]),
    ("我用iPhone拍的。", ["我", "用", "iPhone", "拍", "的。"]),
    ("Hello, world. (Yes) ok", ["Hello,", "world.", "(Yes)", "ok"]),
])
def test_words_keep_closing_marks_before_and_opening_marks_after(text: str, words: list[str]) -> None:
    assert [text[a:b] for a, b in word_spans(text)] == words


def test_estimated_word_times_fill_the_sentence_by_length() -> None:
    words = estimate_words("Hi wonderful world.", 1000, 2000)
    assert [w.text for w in words] == ["Hi", "wonderful", "world."]
    assert words[0].start_ms == 1000 and words[-1].end_ms == 2000
    assert words[1].end_ms - words[1].start_ms > words[0].end_ms - words[0].start_ms


def test_language_is_chinese_when_there_are_han_characters() -> None:
    assert (language_of("Hello"), language_of("Hello 世界"), language_of("こんにちは")) == ("en", "zh", "en")
