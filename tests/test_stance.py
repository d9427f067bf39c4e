"""Stance: lexicons load and validate, training is deterministic, the maths is right."""
import json

import pytest
from click.testing import CliRunner

from framing.aggregate import bootstrap_ci, outlet_stance, stance_index
from framing.cli import cli
from framing.lexicon import LexiconError, header, lexicon_dir, load_csv, load_terms
from framing.stance import LABELS, ScoredSentence, StanceLexicons, StanceModel, StanceScorer
from framing.stance_training import (cross_validate, gold_examples, load_training_data, minority,
                                     synthetic_examples, train)

from .conftest import DEV_CORPUS, EXAMPLES, SHARED, needs_shared

NK = SHARED / "corpus" / "nk-russia-2023-24"
needs_nk = pytest.mark.skipif(not (NK / "gold" / "stance.jsonl").is_file(),
                              reason="../shared/corpus/nk-russia-2023-24 is not beside the checkout")


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


# ------------------------------------------------------------------ lexicons
@pytest.mark.parametrize("name", sorted(p.name for p in lexicon_dir().glob("*") if p.suffix in (".csv", ".txt")))
def test_every_lexicon_file_is_documented_and_loads(name):
    doc = header(name)
    assert len(doc.splitlines()) >= 3, "a header saying what it measures and its sources"
    assert "ource" in doc or "ompiled" in doc
    entries = load_csv(name) if name.endswith(".csv") else load_terms(name)
    assert len(entries) > 3


def test_marker_lexicons_match_multiword_terms_and_wildcards():
    lex = StanceLexicons.load()
    found = {(m.category, "Accusations that it is believed were unfounded"[m.start:m.end])
             for m in lex.markers.find("Accusations that it is believed were unfounded")}
    assert ("allegation", "Accusations") in found and ("hedge", "is believed") in found
    assert ("denial", "unfounded") in found


def test_topics_need_enough_evidence():
    lex = StanceLexicons.load()
    assert set(lex.topics_of("The North shipped artillery shells to Russia.")) == {"arms"}
    assert lex.topics_of("The workers went home.") == {}  # one weak term is not enough
    assert set(lex.topics_of("The deal breaches UN sanctions.")) == {"sanctions"}


def test_malformed_lexicon_is_rejected(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("# bad\nterm,topic\narms,arms,2\n")
    with pytest.raises(LexiconError, match="wrong number of fields"):
        load_csv(str(bad), ("term", "topic"))
    missing = tmp_path / "missing.csv"
    missing.write_text("# no weight\nterm,topic\narms,arms\n")
    with pytest.raises(LexiconError, match="missing column"):
        load_csv(str(missing), ("term", "topic", "weight"))


def test_lexicons_are_matched_together_only_when_no_term_can_hide_another():
    from framing.lexicon import TermMatcher

    assert TermMatcher({"violat*": "a"}).overlaps(TermMatcher({"violation*": "b"}))
    assert TermMatcher({"deny": "a"}).overlaps(TermMatcher({"deny reports": "b"}))
    assert not TermMatcher({"denied": "a", "baseless": "a"}).overlaps(TermMatcher({"Moscow": "b", "North Korea": "b"}))
    scorer = StanceScorer.load()
    assert scorer._body is not None  # the shipped markers and parties are found in one pass


# --------------------------------------------------------------- training
def test_training_data_is_balanced_and_valid():
    rows = load_training_data()
    assert len(rows) >= 400
    counts = {l: sum(r["label"] == l for r in rows) for l in LABELS}
    assert min(counts.values()) >= 0.8 * max(counts.values())


def test_training_twice_gives_equal_parameters(tmp_path):
    synthetic = synthetic_examples(load_training_data()[::3])
    real, rest = synthetic[::4], synthetic[1::4]  # stand-ins: the test is about determinism
    a, b = train(real, rest), train(real, rest)
    assert a.to_dict() == b.to_dict() and a.without_synthetic is not None
    a.save(tmp_path / "m.json")
    again = StanceModel.load(tmp_path / "m.json")
    X = [{"denial": 1.0, "rule=deny": 1.0}, {"covered": 1.0, "rule=attribute": 1.0, "voice": 0.9}]
    assert again.predict(X) == a.predict(X)
    assert again.without_synthetic.predict(X) == a.without_synthetic.predict(X)


def test_synthetic_sentences_are_a_minority_of_the_training_data():
    synthetic = synthetic_examples(load_training_data()[::5])
    real = synthetic[:30]
    assert len(minority(synthetic, real)) <= (len(real) + len(minority(synthetic, real))) / 3
    assert minority(synthetic, []) == synthetic  # nothing real given: they are all there is


def test_the_classifier_weighs_evidence_not_words():
    names = StanceModel.load().to_dict()["feature_names"]
    assert "voice" in names and "denial" in names and any(n.startswith("rule=") for n in names)
    assert not any(n.startswith(("w=", "b=", "s=")) for n in names)


@needs_nk
def test_shipped_model_is_what_framing_train_builds(tmp_path):
    out = tmp_path / "model.json"
    result = run("-q", "train", "stance", DEV_CORPUS, NK, "-o", out)
    assert result.exit_code == 0, result.output
    shipped = StanceModel.load().to_dict()
    assert json.loads(out.read_text()) == shipped
    assert "cross-validated by article" in result.stdout


def test_train_stance_wants_corpora_with_gold(tmp_path):
    result = run("train", "stance", tmp_path, "-o", tmp_path / "m.json")
    assert result.exit_code == 2 and "gold/stance.jsonl" in result.output and not (tmp_path / "m.json").exists()


def test_model_file_must_be_a_framing_model(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text('{"format": "pickle"}')
    with pytest.raises(ValueError):
        StanceModel.load(bad)


# -------------------------------------------------------------------- maths
def _s(doc, label, topic="arms", lexicon=None):
    return ScoredSentence(doc, 0, 0, 1, "x", topic, label, 1.0, lexicon or label)


def test_stance_index_by_hand():
    assert stance_index(["assert", "deny"]) == 0.0
    assert stance_index(["assert", "hedge", "attribute", "none"]) == pytest.approx((1 + 0.5 + 0.25) / 3)
    assert stance_index(["none"]) is None
    assert stance_index(["deny"] * 3) == -1.0


def test_bootstrap_ci_by_hand():
    assert bootstrap_ci(["assert"] * 5) == (1.0, 1.0)
    low, high = bootstrap_ci(["assert", "deny"] * 10, seed=1)
    assert -1 < low < 0 < high < 1
    assert bootstrap_ci(["assert", "deny"] * 10, seed=1) == (low, high)  # deterministic
    wide = bootstrap_ci(["assert", "deny"], seed=1)
    assert wide[1] - wide[0] > high - low  # fewer sentences, wider interval


def test_outlet_rows_give_shares_index_and_lexicon_index():
    sents = [_s("a", "assert"), _s("a", "deny", lexicon="assert"), _s("a", "none")]
    [row] = outlet_stance(sents, {"a": "Outlet A"})
    assert (row["outlet"], row["sentences"]) == ("Outlet A", 3)
    assert row["share_assert"] == pytest.approx(1 / 3, abs=1e-3)
    assert row["index"] == 0.0 and row["lexicon_index"] == 1.0
    assert row["agreement"] == pytest.approx(2 / 3, abs=1e-3)


# ---------------------------------------------------------------- figures
@needs_shared
def test_dev_set_stance_accuracy_and_the_peskov_denial():
    result = run("-q", "evaluate", "stance", DEV_CORPUS, "--gold", DEV_CORPUS / "gold" / "stance.jsonl", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["accuracy"] >= 0.80
    rows = run("-q", "stance", DEV_CORPUS, "--by", "sentence", "--format", "jsonl").stdout.splitlines()
    peskov = [json.loads(r) for r in rows if "such accusations are unfounded" in json.loads(r)["text"]]
    assert peskov and peskov[0]["doc"] == "002_ba5fe655fe556d95" and peskov[0]["label"] == "deny"


def test_example_corpus_stance_accuracy():
    result = run("-q", "evaluate", "stance", EXAMPLES, "--gold", EXAMPLES / "gold" / "stance.jsonl", "--json")
    assert json.loads(result.stdout)["accuracy"] >= 0.80


@needs_nk
def test_cross_validation_by_article_on_real_sentences():
    real = gold_examples(DEV_CORPUS)[0] + gold_examples(NK)[0]
    cv = cross_validate(real, synthetic_examples())
    assert cv == StanceModel.load().cv  # the figures stored with the model are the ones it gets
    assert cv["articles"] == 13 and cv["examples"] >= 75
    acc = cv["accuracy"]  # measured: decisions 0.987, without synthetic 0.961, with 0.896, synthetic only 0.766
    assert acc["decisions"] >= 0.95 and acc["without_synthetic"] >= 0.9 and acc["with_synthetic"] >= 0.85


def test_fast_linear_path_gives_the_pipeline_probabilities():
    import numpy as np

    from framing.stance import features
    from framing.stance_training import training_contexts

    rows = load_training_data()[::7]
    model = StanceModel.load()
    X = [features(c) for c in training_contexts(rows)]
    assert np.allclose(model.predict_proba(X), model.pipeline.predict_proba(X), atol=1e-9)
