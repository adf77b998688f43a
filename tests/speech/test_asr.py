"""Captions for a clip's own speech: Whisper through the real transformers pipeline, on a tiny Whisper with
random weights built in the test (its words are noise; what is tested is the loading, the decoding of the
clip's sound, the timing of the cues and the chat turn that puts them on the draft)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reelforge.settings import Settings
from reelforge.speech import SpeechPool
from reelforge.speech.asr import ASR_RATE, decode_speech, transcribe
from tests._server import make_mp4
from tests.services._turn_harness import Chat, add_clips, open_chat


@pytest.fixture(scope="module")
def whisper_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    from transformers.convert_slow_tokenizer import bytes_to_unicode

    folder = tmp_path_factory.mktemp("whisper-tiny")
    # a byte-level vocabulary (256 symbols, no merges) and Whisper's special tokens with its timestamps
    (folder / "vocab.json").write_text(json.dumps({s: i for i, s in enumerate(bytes_to_unicode().values())}))
    (folder / "merges.txt").write_text("#version: 0.2\n")
    tokenizer = transformers.WhisperTokenizer(str(folder / "vocab.json"), str(folder / "merges.txt"),
                                              unk_token="<|endoftext|>", bos_token="<|endoftext|>",
                                              eos_token="<|endoftext|>", pad_token="<|endoftext|>")
    specials = ["<|startoftranscript|>", "<|en|>", "<|zh|>", "<|translate|>", "<|transcribe|>", "<|startoflm|>",
                "<|startofprev|>", "<|nocaptions|>", "<|notimestamps|>", *(f"<|{i * 0.02:.2f}|>" for i in range(1501))]
    tokenizer.add_special_tokens({"additional_special_tokens": specials})
    ids = {token: tokenizer.convert_tokens_to_ids(token) for token in ["<|endoftext|>", *specials[:9]]}
    config = transformers.WhisperConfig(
        vocab_size=len(tokenizer), num_mel_bins=80, encoder_layers=1, encoder_attention_heads=2, decoder_layers=1,
        decoder_attention_heads=2, d_model=16, encoder_ffn_dim=32, decoder_ffn_dim=32, max_source_positions=1500,
        max_target_positions=64, decoder_start_token_id=ids["<|startoftranscript|>"],
        eos_token_id=ids["<|endoftext|>"], pad_token_id=ids["<|endoftext|>"], bos_token_id=ids["<|endoftext|>"])
    torch.manual_seed(0)
    model = transformers.WhisperForConditionalGeneration(config)
    model.generation_config = transformers.GenerationConfig(
        decoder_start_token_id=ids["<|startoftranscript|>"], eos_token_id=ids["<|endoftext|>"],
        pad_token_id=ids["<|endoftext|>"], no_timestamps_token_id=ids["<|notimestamps|>"], is_multilingual=True,
        lang_to_id={"<|en|>": ids["<|en|>"], "<|zh|>": ids["<|zh|>"]},
        task_to_id={"transcribe": ids["<|transcribe|>"], "translate": ids["<|translate|>"]},
        max_initial_timestamp_index=50, max_length=24)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    transformers.WhisperFeatureExtractor(feature_size=80).save_pretrained(folder)
    return folder


def test_a_clips_sound_is_decoded_at_16_khz_from_its_in_point(tmp_path: Path) -> None:
    clip = make_mp4(tmp_path / "c.mp4", seconds=2.0)
    assert abs(len(decode_speech(clip)) - 2 * ASR_RATE) < ASR_RATE * 0.05
    assert abs(len(decode_speech(clip, 500, 1000)) - ASR_RATE) <= 1


def test_a_tiny_whisper_transcribes_through_the_real_pipeline(whisper_dir: Path, tmp_path: Path) -> None:
    pool = SpeechPool()
    samples = decode_speech(make_mp4(tmp_path / "c.mp4", seconds=2.0))
    cues = transcribe(samples, Settings(asr_model=str(whisper_dir), device="cpu"), pool, language="en")
    assert cues  # noise, but timed: inside the sound, in order, words inside their cue
    previous, total = 0, round(1000 * len(samples) / ASR_RATE)
    for cue in cues:
        assert previous <= cue.start_ms < cue.end_ms <= total
        assert all(cue.start_ms <= w.start_ms <= w.end_ms <= cue.end_ms for w in cue.words)
        previous = cue.end_ms
    pool.close()


@pytest.fixture
def chat_with_asr(tmp_path: Path, whisper_dir: Path) -> Iterator[Chat]:
    yield from open_chat(tmp_path / "data", two_stage_chat=False, asr_model=str(whisper_dir), device="cpu")


def test_add_subtitles_captions_the_clips_speech(chat_with_asr: Chat, tmp_path: Path) -> None:
    add_clips(chat_with_asr, tmp_path, [1.0, 1.0])
    turn = chat_with_asr.say("add subtitles")
    draft = chat_with_asr.draft()
    assert draft.canvas.captions is not None
    assert len(draft.captioned_segments()) == 2 and "Captioned the speech in 2 clip(s)" in turn.reply


def test_without_a_recogniser_add_subtitles_says_what_to_configure(tmp_path: Path) -> None:
    for chat in open_chat(tmp_path / "data", two_stage_chat=False):
        add_clips(chat, tmp_path, [1.0])
        turn = chat.say("add subtitles")
        assert chat.draft().canvas.captions is not None and "REELFORGE_ASR_MODEL" in turn.reply
