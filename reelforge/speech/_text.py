"""Text helpers shared by the engines and the script splitter: language, sentences, estimated word times."""

from __future__ import annotations

import re

from reelforge.speech.base import Language, TimedWord

__all__ = ["estimate_words", "language_of", "split_sentences", "word_spans"]

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A sentence ends at . ! ? … followed by a space or the end (Latin), or right after 。！？；… (CJK);
# closing quotes and brackets stay with the sentence they close.
_SENTENCE_END = re.compile(r"(?:[.!?…]+[\"'”’)\]]*(?=\s|$)|[。！？；]+[”’」』)）]*)")
_OPENING = "“‘「『（《〈【([\"'"
_CJK_CHAR = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")


def language_of(text: str) -> Language:
    """``zh`` when the text has Han characters, else ``en`` (the languages the voices speak)."""
    return "zh" if _HAN.search(text) else "en"


def split_sentences(text: str) -> list[str]:
    """The text's sentences, in order, punctuation kept; a line break always ends one."""
    sentences: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        start = 0
        for match in _SENTENCE_END.finditer(line):
            sentences.append(line[start:match.end()])
            start = match.end()
        sentences.append(line[start:])
    return [s.strip() for s in sentences if s.strip() and re.search(r"\w", s)]


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where the words are (start, end character offsets): Latin words with their punctuation, each CJK
    character on its own (a caption highlights and breaks lines between them); closing punctuation stays
    with the word before it, opening punctuation goes with the word after it."""
    spans: list[tuple[int, int]] = []
    for token in re.finditer(r"\S+", text):
        run_start = token.start()  # where the word being read began (opening marks included)
        for at in range(token.start(), token.end()):
            char = text[at]
            if _CJK_CHAR.match(char):
                if at > run_start and not _only_punctuation(text[run_start:at]):
                    spans.append((run_start, at))  # Latin letters glued to the CJK character before it
                    run_start = at
                spans.append((run_start, at + 1))
                run_start = at + 1
            elif run_start == at and spans and spans[-1][1] == at and _only_punctuation(char) and char not in _OPENING:
                spans[-1] = (spans[-1][0], at + 1)  # closing punctuation after a CJK character
                run_start = at + 1
        if run_start < token.end():
            spans.append((run_start, token.end()))
    return spans


def _only_punctuation(text: str) -> bool:
    return not re.search(r"\w", text)


def estimate_words(text: str, start_ms: int, end_ms: int) -> list[TimedWord]:
    """Word times spread over a sentence in proportion to each word's length (an engine that reports
    none; a CJK character counts as two Latin letters, about its spoken share)."""
    spans = word_spans(text)
    if not spans:
        return []
    weights = [sum(2 if _CJK_CHAR.match(c) else 1 for c in text[a:b] if c.isalnum() or _CJK_CHAR.match(c)) or 1
               for a, b in spans]
    total = sum(weights)
    words: list[TimedWord] = []
    cursor = float(start_ms)
    for (a, b), weight in zip(spans, weights):
        following = cursor + (end_ms - start_ms) * weight / total
        words.append(TimedWord(round(cursor), round(following), text[a:b]))
        cursor = following
    return words
