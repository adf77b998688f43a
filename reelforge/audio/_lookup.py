"""Finding a style or a sound from what a person wrote, in English or Chinese.

Scoring, not parsing: a style's own names count most (a longer name more), its moods less, scene words
(for :func:`style_for_scene`) by how specific they are. A word found only inside a longer phrase of another
style counts for nothing: "tropical house" is chill, not "house" electronic; "chill hip hop" lo-fi, not hip
hop; "赛博朋克" electronic, not 朋克 rock. English matches whole words ("pop" is not in "popcorn"); Chinese
matches substrings, as Chinese has no spaces.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

from reelforge.audio._sfx import SOUND_EFFECTS, SoundEffect
from reelforge.audio._styles import STYLES, Style

__all__ = ["DEFAULT_STYLE", "find_sound", "find_style", "style_for_scene"]

DEFAULT_STYLE = "chill"    # what style_for_scene falls back on: inoffensive under anything
_NAME, _MOOD = 3.0, 1.0
_CJK = re.compile(r"[\u3400-\u9fff]")


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[-_/,.!?;:()\"'，。！？；：、]+", " ", text.lower()).split())


@functools.cache
def _phrase(phrase: str) -> tuple[str, re.Pattern[str] | None]:
    """``phrase`` as a message is read (normalised), and its whole-word pattern (None for Chinese, found as a
    substring): built once per phrase, as the tables are fixed and read for every message."""
    normal = _normalise(phrase)
    if not normal or _CJK.search(normal):
        return normal, None
    return normal, re.compile(rf"(?<![a-z0-9]){re.escape(normal)}(?![a-z0-9])")


@functools.lru_cache(maxsize=256)
def _joined(text: str) -> frozenset[str]:
    """``text``'s words, and each two neighbours run together: read once per text, not once per phrase."""
    words = text.split()
    return frozenset(words) | {first + second for first, second in zip(words, words[1:], strict=False)}


def _mentions(text: str, phrase: str) -> bool:
    phrase, pattern = _phrase(phrase)
    if not phrase:
        return False
    if pattern is None:
        return phrase in text
    if pattern.search(text):
        return True
    # "lofi" should find "lo fi", "hiphop" "hip hop", and the other way round.
    return phrase.replace(" ", "") in _joined(text)


def _points(text: str, phrases: Iterable[str], weight: float, *, by_length: bool = False) -> list[tuple[str, float]]:
    """Each phrase ``text`` mentions, as it reads without spaces, with what it is worth."""
    found: list[tuple[str, float]] = []
    for phrase in phrases:
        if _mentions(text, phrase):
            words = len(phrase.split()) if not _CJK.search(phrase) else max(1, len(phrase) // 2)
            found.append((_phrase(phrase)[0].replace(" ", ""), weight * (1.0 + 0.5 * (words - 1)) if by_length else weight))
    return found


def _score(text: str, phrases: Iterable[str], weight: float, *, by_length: bool = False) -> float:
    return sum(points for _, points in _points(text, phrases, weight, by_length=by_length))


# (the areas ask of the same words several times a clause: read once; sized for a message's phrases)
@functools.lru_cache(maxsize=256)
def _style_scores(text: str, *, scenes: bool) -> dict[str, float]:
    """Every style's score for ``text``, less what it gets only from words inside another style's longer phrase."""
    found = {style.name: _points(text, _names(style), _NAME, by_length=True)
             + _points(text, (*style.moods_en, *style.moods_zh), _MOOD)
             + (_points(text, (*style.scenes_en, *style.scenes_zh), 1.5, by_length=True) if scenes else [])
             for style in STYLES.values()}
    longer = [(name, phrase) for name, matches in found.items() for phrase, _ in matches]
    return {name: sum(points for phrase, points in matches
                      if not any(other != name and len(wider) > len(phrase) and phrase in wider for other, wider in longer))
            for name, matches in found.items()}


def _names(style: Style) -> tuple[str, ...]:
    return (style.name, style.title, *style.aliases, *style.names_zh)


def _best(scores: Mapping[str, float]) -> str | None:
    name, score = max(scores.items(), key=lambda item: item[1])
    return name if score > 0 else None


def find_style(words: str, *, scenes: bool = False) -> Style | None:
    """The style ``words`` ask for ("lofi", "低保真", "calm piano", "something more epic"), or None; with ``scenes``
    also the style that suits a scene or a use they name ("music for a wedding", "适合健身的音乐", "篝火那种感觉")."""
    name = _best(_style_scores(_normalise(words), scenes=scenes))
    return STYLES[name] if name else None


def style_for_scene(prompt: str) -> Style:
    """The style that suits a scene ("sunset over the sea", "雨夜的城市"); :data:`DEFAULT_STYLE` if
    nothing in the prompt points anywhere."""
    return STYLES[_best(_style_scores(_normalise(prompt), scenes=True)) or DEFAULT_STYLE]


def find_sound(words: str) -> SoundEffect | None:
    """The sound effect ``words`` name ("whoosh", "camera shutter", "快门", "掌声"), or None."""
    text = _normalise(words)
    scores: dict[str, float] = {effect.name: _score(text, (effect.name, effect.title, *effect.aliases, *effect.names_zh), 1.0,
                                  by_length=True)
              for effect in SOUND_EFFECTS.values()}
    name = _best(scores)
    return SOUND_EFFECTS[name] if name else None
