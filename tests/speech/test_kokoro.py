"""The neural voice through its real loading and synthesis code: a Kokoro model built in the test with
random weights (kokoro's decoder fixes its widths, so "tiny" means one layer, short durations and little
upsampling: a 24 kHz second of it is a few hundred frames, not 24000 samples' worth of convolutions), saved
as the model's hub folder lays it out, loaded from REELFORGE_TTS_MODEL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reelforge.settings import Settings
from reelforge.speech import SpeechPool, SpeechRequest, available_voices, narrate, synthesize

pytestmark = pytest.mark.filterwarnings(
    "ignore:`torch.nn.utils.weight_norm` is deprecated:FutureWarning")  # inside kokoro's modules

SYMBOLS = " .,!?;:'-ˈˌːabcdefghijklmnopqrstuvwxyzæðŋɐɑɔəɛɜɡɪɹʃʊʌʒθɾʔχɕʂʐ0123456789"


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    torch = pytest.importorskip("torch")
    pytest.importorskip("kokoro")
    from kokoro.istftnet import Decoder
    from kokoro.modules import CustomAlbert, ProsodyPredictor, TextEncoder
    from transformers import AlbertConfig

    folder = tmp_path_factory.mktemp("Kokoro-tiny")
    vocab = {symbol: index + 1 for index, symbol in enumerate(dict.fromkeys(SYMBOLS))}
    config = {"istftnet": {"upsample_kernel_sizes": [4, 4], "upsample_rates": [2, 2], "gen_istft_hop_size": 5,
                           "gen_istft_n_fft": 20, "resblock_dilation_sizes": [[1, 3, 5]], "resblock_kernel_sizes": [3],
                           "upsample_initial_channel": 512},
              "dim_in": 64, "dropout": 0.0, "hidden_dim": 512, "max_conv_dim": 512, "max_dur": 4, "multispeaker": True,
              "n_layer": 1, "n_mels": 80, "n_token": len(vocab) + 1, "style_dim": 128, "text_encoder_kernel_size": 5,
              "plbert": {"hidden_size": 16, "num_attention_heads": 2, "intermediate_size": 32,
                         "max_position_embeddings": 512, "num_hidden_layers": 1, "dropout": 0.0},
              "vocab": vocab}
    (folder / "config.json").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    torch.manual_seed(0)
    parts = {
        "bert": CustomAlbert(AlbertConfig(vocab_size=config["n_token"], **config["plbert"])),
        "bert_encoder": torch.nn.Linear(16, 512),
        "predictor": ProsodyPredictor(style_dim=128, d_hid=512, nlayers=1, max_dur=4, dropout=0.0),
        "text_encoder": TextEncoder(channels=512, kernel_size=5, depth=1, n_symbols=config["n_token"]),
        "decoder": Decoder(dim_in=512, style_dim=128, dim_out=80, **config["istftnet"]),
    }
    torch.save({name: part.state_dict() for name, part in parts.items()}, folder / "kokoro-tiny.pth")
    (folder / "voices").mkdir()
    for name in ("af_tiny", "zm_tiny"):
        torch.save(torch.randn(510, 1, 256) * 0.1, folder / "voices" / f"{name}.pt")
    return folder


def test_a_configured_kokoro_model_lists_its_voices_and_speaks_with_word_times(model_dir: Path, tmp_path: Path) -> None:
    settings = Settings(tts_model=str(model_dir), device="cpu")
    pool = SpeechPool()
    try:
        voices = {row["id"]: row for row in available_voices(settings, pool)}
        assert voices["kokoro:af_tiny"]["language"] == "en" and voices["kokoro:af_tiny"]["default"]
        assert voices["kokoro:zm_tiny"]["gender"] == "male" and "en_female" in voices
        speech = synthesize(SpeechRequest("Hello world. Good morning.", voice="kokoro:af_tiny"), settings, pool)
        assert speech.sample_rate == 24_000 and speech.voice.engine == "kokoro"
        assert [s.text for s in speech.sentences] == ["Hello world.", "Good morning."]
        for sentence in speech.sentences:
            assert [w.text for w in sentence.words] == sentence.text.split()
            starts = [w.start_ms for w in sentence.words]
            assert starts == sorted(starts) and sentence.start_ms <= starts[0] < sentence.end_ms
        narration = narrate("你好。", tmp_path / "zh.wav", settings, voice="kokoro:zm_tiny", pool=pool)
        assert narration.voice == "kokoro:zm_tiny" and (tmp_path / "zh.wav").stat().st_size > 44
    finally:
        pool.close()


def test_a_folder_that_is_not_a_kokoro_model_is_refused(tmp_path: Path) -> None:
    from reelforge.errors import BackendUnavailable

    with pytest.raises(BackendUnavailable) as caught:
        synthesize(SpeechRequest("hello", voice="kokoro:af_heart"), Settings(tts_model=str(tmp_path)))
    assert "not a Kokoro model folder" in caught.value.message
    rows = available_voices(Settings(tts_model=str(tmp_path)))
    assert any(r["engine"] == "kokoro" and not r["available"] for r in rows)
