"""Typos in the words the rules read: "remvoe the tilte", "whta can you do", "10 secnods" read as meant.

A word is corrected only when it is no English word (pyspellchecker's frequency list, rare words counted as
unknown) and one edit (a swap of two neighbouring letters, a letter left out or doubled, one wrong letter in a
longer word) away from exactly one word of the editor's own vocabulary. Words of a scene ("a dog on the beach"),
names and real words are kept as typed, so a prompt or an unquoted title is never rewritten into an edit word.
"""

from __future__ import annotations

import functools
import re
import string

from spellchecker import SpellChecker

from reelforge.draft.colors import NAMED_COLORS

__all__ = ["VOCABULARY", "correct"]

# the words the rules read (verbs, objects, values), spelt right; a typo of one of them is what gets corrected
VOCABULARY = frozenset("""
add make set change put use remove delete cut trim move swap speed slow mute unmute generate create export turn fade
lower raise increase decrease replace insert show undo redo apply loop duck animate also shorten keep play switch drop
download render include revert restore reverse cancel extend crop lengthen please want would could should can what
title titles caption captions subtitle subtitles text music song songs soundtrack background volume sound sounds effect
effects clip clips video videos shot shots scene scenes segment segments transition transitions crossfade crossfades
dissolve timeline canvas aspect ratio vertical horizontal landscape portrait square voice voiceover narration narrator
photo photos picture pictures image images upload uploaded slideshow whoosh
second seconds minute minutes percent motion zoom beginning start end ending middle bottom top left right center centre
corner quieter louder softer bigger smaller larger faster slower shorter longer brighter darker first third fourth
fifth last final whole entire every each both another between after before instead again half double twice
white black yellow red blue green orange purple pink gray grey upbeat calm epic piano happy
the and that this with from then length duration until
""".split())
# rare words kept as typed: colours ("cyan"), sound and music words ("reverb", "minuet") and a few a scene may hold
_KEEP = frozenset({*NAMED_COLORS, "reverb", "minuet", "fader", "inset", "aster", "vide", "lowe", "tithe", "scend"})
# misspellings more than one edit away, common enough to name
_MISSPELT = {"verticle": "vertical", "verticale": "vertical", "horizonal": "horizontal", "tranisition": "transition"}
# three-letter typos are only swaps ("teh", "adn"): any other edit of so short a word is too often another word
_SHORT = 3
_RARE = 200            # a dictionary word seen fewer times than this is most likely a typo ("tittle")
# (a word before "'t" is a negation's: "shouldn't" is no typo of "should")
_WORD = re.compile(r"(?<![a-z⟪])[a-z]{3,}(?![a-z⟫])(?!['’]t\b)")


@functools.cache
def _dictionary() -> SpellChecker:
    """The English word list, loaded on the first message that needs it (a tenth of a second)."""
    return SpellChecker(distance=1)


def _known(word: str) -> bool:
    frequency = _dictionary().word_frequency
    return word in VOCABULARY or word in _KEEP or (word in frequency and frequency[word] >= _RARE)


def _fixes(word: str) -> list[tuple[int, str]]:
    """The vocabulary words one edit from ``word``, each with its edit's rank (0 a swap, 1 a letter more or
    less, 2 a wrong letter)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = [(0, a + b[1] + b[0] + b[2:]) for a, b in splits if len(b) > 1]
    if len(word) > _SHORT:
        found += [(1, a + b[1:]) for a, b in splits if b]
        found += [(1, a + c + b) for a, b in splits for c in string.ascii_lowercase]
    if len(word) > _SHORT + 1:
        found += [(2, a + c + b[1:]) for a, b in splits if b for c in string.ascii_lowercase]
    return sorted({(rank, fix) for rank, fix in found if fix in VOCABULARY and fix != word})


@functools.lru_cache(maxsize=4096)
def _fix(word: str) -> str:
    if _known(word):
        return word
    if word in _MISSPELT:
        return _MISSPELT[word]
    fixes = _fixes(word)
    if not fixes:
        return word
    best = [fix for rank, fix in fixes if rank == fixes[0][0]]
    return best[0] if len(best) == 1 else word


def correct(text: str) -> str:
    """``text`` (lower-case, quotes held as placeholders) with its misspelt vocabulary words spelt right."""
    return _WORD.sub(lambda m: _fix(m.group(0)), text)
