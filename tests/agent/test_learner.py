"""A learner's English and a dictation's slips are read as meant; the user's own words (a title, a narration, a scene
to generate) are never rewritten, and no rewrite turns an edit into a generation."""

from __future__ import annotations

import pytest

from reelforge.agent import GenerateAction, VoiceAction, understand
from reelforge.agent._learner import learner_en
from reelforge.agent.actions import EditAction

from ._fixtures import context


@pytest.mark.parametrize(("typed", "meant"), [
    ("the music put it in 20 percent", "put the music at 20 percent"),
    ("make the tidal blue", "make the title blue"),
    ("make the title read and than export", "make the title red and then export"),
    ("return two steps back", "undo two steps"),
    ("put the title in the up part of the screen", "put the title at the top"),
    ("the music start in the second 5", "the music start at second 5"),
    ("put the dog before of the city", "put the dog before the city"),
    ("can you to remove the title", "can you remove the title"),
    ("what things you can do?", "what can you do?"),
    ("take out 3 seconds of the beginning of him", "cut 3 seconds of the beginning of it"),
])
def test_a_learner_s_grammar_reads_as_plain_english(typed: str, meant: str) -> None:
    assert learner_en(typed) == meant


@pytest.mark.parametrize("text", [
    "a tidal wave crashing on the rocks at night",
    "a girl who quit her job walking in the rain",
    "a robot that read books in the second floor of a library",
    "one cat who sleep on the sofa",
])
def test_a_scene_s_own_words_are_kept(text: str) -> None:
    assert learner_en(text) == text


def test_quoted_and_narrated_words_stay_as_typed() -> None:
    plan = understand("add the title 'The Tidal Read' in the up part", context("full"))
    edit = plan.actions[0]
    assert isinstance(edit, EditAction) and getattr(edit.edit, "text", None) == "The Tidal Read"
    plan = understand("i want a narrator that read: I quit the music, more slow than before.", context("one_clip"))
    voice = plan.actions[0]
    assert isinstance(voice, VoiceAction) and voice.text == "I quit the music, more slow than before."
    plan = understand("a tidal wave at night, 5 seconds", context("empty"))
    scene = plan.actions[0]
    assert isinstance(scene, GenerateAction) and "tidal wave" in scene.prompt


@pytest.mark.parametrize("message", [
    "i want a sound of birds during all the video",
    "the end finish very sudden",
    "take away the movement of camera",
    "quit the slow motion",
])
def test_a_learner_s_edit_never_generates(message: str) -> None:
    actions = understand(message, context("full")).actions
    assert actions and not any(isinstance(a, GenerateAction) for a in actions)


@pytest.mark.parametrize(("message", "words"), [
    ("generate a clip of a boy hugging her mother", "boy hugging her mother"),
    ("a man who quit the army walking in the rain, 5 seconds", "man who quit the army"),
    ("make a video of a girl who takes off the jacket in the snow", "takes off the jacket"),
])
def test_a_scene_to_generate_keeps_its_pronouns_and_verbs(message: str, words: str) -> None:
    # a clip is "her" and "quit" is "remove" only around the editor's own words, never inside a scene
    actions = understand(message, context("empty")).actions
    assert len(actions) == 1 and isinstance(actions[0], GenerateAction) and words in actions[0].prompt


def test_a_learner_s_her_for_a_clip_still_reads_as_it() -> None:
    assert learner_en("cut her 4 seconds and make her faster") == "cut it 4 seconds and make it faster"
