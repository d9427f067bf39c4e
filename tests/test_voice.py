"""The voice model: whose words a stretch of a sentence is, learned from PolNeAR."""
import pytest

from framing.voice import VoiceModel

from .test_polnear import POLNEAR, needs_polnear, run

MODEL = VoiceModel.load()


def voice(sentence, word):
    return MODEL.attributed(sentence, sentence.index(word))


@pytest.mark.parametrize("sentence, word", [
    ("According to her assessment, the creators of the group are driven by narrow interests.", "creators"),
    ("The envoy told the council on Friday that the debris came from North Korean missiles.", "debris"),
    ("Officials said the shipments had continued through the winter.", "shipments"),
    ('"The shipments continued through the winter," the minister said.', "shipments"),
])
def test_a_sources_words_are_attributed(sentence, word):
    assert voice(sentence, word)


@pytest.mark.parametrize("sentence, word", [
    ("The shipments continued through the winter.", "shipments"),
    ("The envoy arrived in Pyongyang on Friday for talks on trade.", "talks"),
    ("The minister spoke for an hour before the shipments resumed.", "resumed"),
])
def test_the_writers_own_words_are_not(sentence, word):
    assert not voice(sentence, word)


def test_the_model_holds_cue_words_and_weights_but_no_text_of_the_corpus():
    data = MODEL.to_json()
    assert "PolNeAR" in MODEL.meta["credit"] and MODEL.meta["cross_validation"]["by"] == "article"
    assert {"said", "according", "told"} <= MODEL.cues and all(" " not in c for c in MODEL.cues)
    assert all(len(name.split(":", 1)[-1].split()) == 1 for name in MODEL.decision.weights)
    assert len(data) < 100_000 and 0 < MODEL.decision.threshold < 1


def test_cross_validated_figures_stored_with_the_model_beat_the_majority():
    cv = MODEL.meta["cross_validation"]  # measured: accuracy 0.858 against a majority answer's 0.684
    assert cv["accuracy"] >= cv["majority_baseline"] + 0.1 and cv["precision_attributed"] >= 0.75


@needs_polnear
def test_shipped_voice_model_is_what_framing_train_voice_builds(tmp_path):
    out = tmp_path / "voice_model.json"
    result = run("-q", "train", "voice", POLNEAR / "train", "-o", out)
    assert result.exit_code == 0, result.output
    assert "cross-validation by article" in result.stdout
    assert out.read_text() == MODEL.to_json()
