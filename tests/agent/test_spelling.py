"""Typos of the editor's own words are read as meant; real words, names and quoted text are never rewritten."""

from __future__ import annotations

import pytest

from reelforge.agent._spelling import correct
from reelforge.agent._text import split_clauses


@pytest.mark.parametrize(("typed", "meant"), [
    ("remvoe the tilte", "remove the title"),
    ("speed up the secnd clip", "speed up the second clip"),
    ("make teh musci quieter", "make the music quieter"),
    ("trim the vidoe to 10 secnods", "trim the video to 10 seconds"),
    ("add a tittle", "add a title"),
    ("make it verticle", "make it vertical"),
])
def test_a_misspelt_edit_word_is_read_as_meant(typed: str, meant: str) -> None:
    assert correct(typed) == meant


@pytest.mark.parametrize("text", [
    "a kitchen with white tiles",         # a real word one letter from "titles"
    "make the title cyan",                # a colour one letter from "can"
    "add some lofi music for tiktok",     # names no dictionary holds
    "a seed falling in slow motion",      # "seed" is a word, not "speed"
])
def test_real_words_and_names_are_kept(text: str) -> None:
    assert correct(text) == text


def test_quoted_words_are_never_corrected() -> None:
    [clause] = split_clauses("add the title 'Teh Vidoe'", "en")
    assert clause.quote() == "Teh Vidoe"
