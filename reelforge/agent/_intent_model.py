"""A trained intent model: which op a clause asks for, where the rules are left with a question.

A multinomial logistic regression (softmax) over hashed sparse features of a clause as the rules read it (lowercased,
quotes held as ``⟪n⟫``, number words as digits: ``Clause.text``) and of the draft it acts on. English words give
unigrams and bigrams, Chinese characters unigrams and bigrams; a few shape features say whether a quote, a number, a
share or a factor was said; the draft gives whether it has music, a title, captions, a voice, how many clips, which
kinds of uploads. The labels are the op kinds of the corpus's single-action messages (``kind_of``: ``update_music``,
``set_clip_audio``, ``show``, ..., and ``unknown``).

It names the intent only: every value is still read by the rules' areas and the composed reading
(``_composed.py``); ``rules.py`` consults it where the rules would otherwise ask which of two readings is meant, or
ask for lack of any whole reading (docs/agent.md, "The trained intent model"). It is never consulted for a
generation, and never acts on ``unknown``.

The weights (``intent_weights.npz``) are trained by ``scripts/train_intent.py`` from the seen corpus and the
independent waves, never the held-out corpus; they are loaded once, lazily. A missing or unreadable file leaves the
rules as they were (logged once).
"""

from __future__ import annotations

import json
import logging
import re
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from reelforge.agent.actions import Action, EditAction
from reelforge.draft import AUDIO, TEXT, Draft
from reelforge.draft._layout import main_track

__all__ = ["CERTAIN", "LOOK", "LOOKS", "NEVER", "SURE", "UNLIKELY", "WEIGHTS", "IntentModel", "active", "certain_kind", "chosen_reading",
           "clause_features", "context_features", "feature_rows", "intent_of", "kind_of", "load", "load_or_none", "shipped",
           "using"]

log = logging.getLogger(__name__)

WEIGHTS = Path(__file__).with_name("intent_weights.npz")

# the action classes that are no edit, by the op kind the corpus names them with (tests/agent/_fixtures.action_kind)
_KINDS = {"GenerateAction": "generate", "MusicAction": "music", "SoundAction": "sound", "UndoAction": "undo",
          "RedoAction": "redo", "RevertAction": "revert", "ShowTimeline": "show", "HelpAction": "help",
          "ExportAction": "export", "Unknown": "unknown", "VoiceAction": "voice", "VoiceChangeAction": "change_voice",
          "ScriptAction": "script", "SubtitlesAction": "subtitles", "CaptionSpeechAction": "captions",
          "TimelineExportAction": "timeline_export"}

_PLACEHOLDER = re.compile(r"⟪\d+⟫")
_EN_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:\.\d+)?|[%x×]|⟪q⟫")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff\d.%]+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def kind_of(action: Action) -> str:
    """The op kind of an action, as the corpus labels it: the edit's op, else the action's kind."""
    return action.edit.op if isinstance(action, EditAction) else _KINDS[type(action).__name__]


def clause_features(text: str) -> list[str]:
    """The features of a clause's normalized text: word (and Han character) unigrams and bigrams, and its shape."""
    text = _PLACEHOLDER.sub(" ⟪q⟫ ", text)
    features = []
    words = [_NUMBER.sub("0", w) for w in _EN_TOKEN.findall(text)]
    if words:
        padded = ["<s>", *words, "</s>"]
        features += [f"w:{w}" for w in words]
        features += [f"b:{a}_{b}" for a, b in zip(padded, padded[1:])]
    for run in _HAN_RUN.findall(text):
        chars = _NUMBER.sub("0", run)
        if not re.search(r"[\u4e00-\u9fff]", chars):
            continue
        features += [f"c:{c}" for c in chars]
        padded_chars = f"^{chars}$"
        features += [f"cc:{a}{b}" for a, b in zip(padded_chars, padded_chars[1:])]
    shape = ("quote" if "⟪q⟫" in text else None, "number" if _NUMBER.search(text) else None,
             "share" if "%" in text else None, "factor" if re.search(r"\d\s*(?:x|×|倍)", text) else None,
             "short" if len(words) + len(text) // 6 < 4 else None)
    return features + [f"shape:{s}" for s in shape if s] + ["bias"]


def context_features(draft: Draft, uploads: Sequence[str], history: bool) -> list[str]:
    """What the draft holds that tells intents apart: music, a title, captions, a voice, 0/1/2+ clips, uploads."""
    track = main_track(draft)
    clips = len(track.segments) if track else 0
    features = [f"ctx:clips{min(clips, 2)}"]
    if any(t.is_music and t.segments for t in draft.tracks):
        features.append("ctx:music")
    if any(t.is_voice and t.segments for t in draft.tracks if t.type == AUDIO):
        features.append("ctx:voice")
    if any(t.type == TEXT and t.segments for t in draft.tracks):
        features.append("ctx:title")
    if draft.canvas.captions:
        features.append("ctx:captions")
    features += sorted({f"ctx:upload_{kind}" for kind in uploads})
    if history:
        features.append("ctx:history")
    return features


def feature_rows(features: Sequence[str], buckets: int) -> np.ndarray:
    """The hashed rows of ``features`` (crc32, stable across processes), each once."""
    return np.unique(np.fromiter((zlib.crc32(f.encode()) % buckets for f in features), dtype=np.int64))


@dataclass(frozen=True)
class IntentModel:
    """The softmax's weights: one row per hashed feature, one column per label."""

    labels: tuple[str, ...]
    weights: np.ndarray   # (buckets, labels)
    bias: np.ndarray      # (labels,)
    meta: dict[str, object]

    def probabilities(self, features: Sequence[str]) -> dict[str, float]:
        """Each label's probability for a clause's and its draft's features."""
        scores = self.weights[feature_rows(features, self.weights.shape[0])].sum(axis=0, dtype=np.float64) + self.bias
        scores = np.exp(scores - scores.max())
        scores /= scores.sum()
        return dict(zip(self.labels, scores.tolist()))


def load(path: Path) -> IntentModel:
    """The model saved at ``path`` (``scripts/train_intent.py`` writes it); raises OSError or ValueError when it is
    missing or unreadable."""
    # the file is opened here, not by np.load: a truncated zip would leave np.load's own handle open
    with path.open("rb") as handle, np.load(handle, allow_pickle=False) as saved:
        labels = tuple(str(label) for label in saved["labels"])
        weights = saved["weights"].astype(np.float32)
        bias = saved["bias"].astype(np.float64)
        meta = json.loads(str(saved["meta"]))
    if weights.ndim != 2 or weights.shape[1] != len(labels) or bias.shape != (len(labels),):
        raise ValueError(f"{path.name}: weights {weights.shape} and bias {bias.shape} do not fit {len(labels)} labels")
    return IntentModel(labels, weights, bias, meta)


def load_or_none(path: Path) -> IntentModel | None:
    """The model at ``path``, or None (logged) when the file is missing or unreadable: the rules then decide alone."""
    try:
        return load(path)
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
        log.warning("intent model %s not loaded, the rules decide alone: %s", path.name, exc)
        return None


@cache
def shipped() -> IntentModel | None:
    """The committed model, loaded on first use (a missing or corrupt file is logged once: ``load_or_none``)."""
    return load_or_none(WEIGHTS)


# the model in use (the shipped one unless ``using`` says otherwise): scripts/measure_intent.py measures a model
# trained without a wave on that wave
_ACTIVE: ContextVar[IntentModel | None | bool] = ContextVar("intent_model", default=True)


@contextmanager
def using(model: IntentModel | None) -> Iterator[None]:
    """Plan with ``model`` (None: the rules alone) inside the block."""
    token = _ACTIVE.set(model)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def active() -> IntentModel | None:
    """The model the rules consult now, if any."""
    model = _ACTIVE.get()
    return shipped() if model is True else model if isinstance(model, IntentModel) else None


# where the model may settle what the rules leave as a question (fixed by leave-one-wave-out, scripts/measure_intent.py)
SURE = 0.85       # a reading of two the rules cannot tell apart is taken when the model gives its ops this much ...
UNLIKELY = 0.10   # ... and the other reading's at most this
CERTAIN = 0.95    # a partial reading is taken, where nothing explains the whole clause, when its op has this much
LOOK = 0.75       # a look (the timeline, help) said alone, when nothing reads it: it changes nothing
LOOKS = frozenset({"show", "help"})
# what the model never chooses: a clip made (a generation costs credits; an upload placed is the areas' to read)
NEVER = frozenset({"generate", "add_clip", "unknown"})


def intent_of(text: str, draft: Draft, uploads: Sequence[str], history: bool) -> dict[str, float] | None:
    """Each op kind's probability for a clause's normalized ``text`` on ``draft``; None when no model is in use."""
    model = active()
    if model is None:
        return None
    return model.probabilities(clause_features(text) + context_features(draft, uploads, history))


def chosen_reading(intent: dict[str, float], readings: Sequence[frozenset[str]]) -> int | None:
    """The one of ``readings`` (each the op kinds it plans) the model is sure of while unsure of every other: its
    index, or None (the question stands). A reading with a kind in ``NEVER`` is never chosen."""
    shares = [sum(intent.get(kind, 0.0) for kind in kinds) for kinds in readings]
    for index, (kinds, share) in enumerate(zip(readings, shares)):
        if kinds and not kinds & NEVER and share >= SURE and all(
                other <= UNLIKELY for k, other in enumerate(shares) if k != index):
            return index
    return None


def certain_kind(intent: dict[str, float]) -> str | None:
    """The op kind the model is certain of (``CERTAIN``; ``LOOK`` for a look), never one in ``NEVER``; or None."""
    kind = max(intent, key=intent.__getitem__)
    return kind if intent[kind] >= (LOOK if kind in LOOKS else CERTAIN) and kind not in NEVER else None
