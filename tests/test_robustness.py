"""Odd text never breaks the pipeline; bad input gets a documented exit code; writes are atomic."""
import os

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from framing.cli import cli
from framing.corpus import article_from_text
from framing.io import OutputError, atomic_dir, atomic_write
from framing.nlp import BuiltinSegmenter, annotate
from framing.quotes import QuoteExtractor
from framing.stance import StanceScorer
from framing.types import FRAGMENT_JOIN

from .conftest import EXAMPLES

EXTRACTOR = QuoteExtractor()
SCORER = StanceScorer.load()
SEGMENTER = BuiltinSegmenter()

pieces = st.sampled_from([
    '"', "\u201c", "\u201d", "\u2018", "\u2019", "'", " said ", " told AFP ", "according to ", " he ", " It ",
    "Peskov", "KCNA", "the Russian minister", ", ", ". ", "\n\n", "\r\n", "\ufeff", "\u200f", "\u202e",
    "\u0645\u0631\u062d\u0628\u0627 ", "\u05e9\u05dc\u05d5\u05dd ", "\U0001F600", "\U0001F1F0\U0001F1F7", "\x00", "\x07",
    "\x1b[31m", "\t", "123", "!!!", "???", "arms", "sanctions", " denied ", " allegedly ", "...", "\u2014", "#", "**",
])
texts = st.lists(st.one_of(pieces, st.text(max_size=12)), max_size=80).map("".join)


def check(text):
    doc = annotate(article_from_text(text), SEGMENTER)
    quotes = EXTRACTOR.extract(doc)
    for q in quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert all(q.start <= a <= b <= q.end for a, b in q.pieces())  # an interrupted quote comes in pieces
        assert FRAGMENT_JOIN.join(text[a:b] for a, b in q.pieces()) == q.content
        assert q.speaker and q.group
        if q.mention_start is not None:
            assert text[q.mention_start:q.mention_end] == q.mention
    for s in SCORER.score_document(doc, quotes):
        assert text[s.start:s.end] == s.text and s.label


@given(texts)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_text_never_breaks_extraction(text):
    check(text)


@pytest.mark.parametrize("text", [
    '"' * 5001,                                    # unbalanced marks only
    '\u201cOpen, never closed. Peskov said so.\n\n\u201cStill open',
    "\u201d reversed \u201c marks, Kozlov said.",
    "!!! ??? ... 123 456",                         # no letters
    "\u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b \u0625\u0646 \u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0627\u062a \u0641\u0634\u0644\u062a.",  # right-to-left
    "\U0001F600 said \U0001F600, \U0001F1F0\U0001F1F7 told AFP.",
    "Peskov said\x00 the\x07 talks\x1b were fine.",
    "\ufeffPeskov said the talks were fine.\r\nHe added that they would go on.\r\n",
    "Peskov said the talks " * 20000,             # a 440,000-character paragraph
])
def test_odd_inputs(text):
    check(text)


def test_a_million_character_paragraph():
    check(("The minister said the talks, which were long, would continue " * 16000)[:1_000_000])


# --------------------------------------------------------------- exit codes
def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_exit_code_2_for_usage_errors():
    assert run("quotes").exit_code == 2
    assert run("quotes", EXAMPLES, "--format", "xml").exit_code == 2


def test_exit_code_3_for_a_missing_model_when_stanza_is_required(tmp_path):
    result = run("quotes", EXAMPLES, "--tier", "stanza", "--models", tmp_path)
    assert result.exit_code == 3 and "no stanza English tokenizer" in result.stderr


def test_exit_code_3_for_a_malformed_registry(tmp_path):
    bad = tmp_path / "s.csv"
    bad.write_text("name,aliases\nX,Y\n")
    result = run("quotes", EXAMPLES, "--tier", "builtin", "--speakers", bad)
    assert result.exit_code == 3 and "missing column" in result.stderr


def test_exit_code_4_when_output_exists(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "x").write_text("keep me")
    result = run("report", EXAMPLES, "-o", tmp_path / "out", "--tier", "builtin")
    assert result.exit_code == 4 and (tmp_path / "out" / "x").read_text() == "keep me"


def test_exit_code_1_for_a_bad_config(tmp_path):
    bad = tmp_path / "study.toml"
    bad.write_text("title = 'no corpus'\n")
    result = run("reproduce", bad, "-o", tmp_path / "o")
    assert result.exit_code == 1 and "[corpus] path" in result.stderr


# ----------------------------------------------------------- atomic writes
def test_an_error_while_writing_leaves_no_file(tmp_path):
    target = tmp_path / "out.csv"
    with pytest.raises(RuntimeError):
        with atomic_write(target) as fh:
            fh.write("half")
            raise RuntimeError("boom")
    assert os.listdir(tmp_path) == []


def test_ctrl_c_while_writing_a_directory_leaves_nothing(tmp_path):
    with pytest.raises(KeyboardInterrupt):
        with atomic_dir(tmp_path / "report") as tmp:
            (tmp / "report.pdf").write_text("half")
            raise KeyboardInterrupt
    assert os.listdir(tmp_path) == []


def test_existing_directory_is_replaced_only_with_force(tmp_path):
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "old").write_text("x")
    with pytest.raises(OutputError):
        with atomic_dir(tmp_path / "r"):
            pass
    with atomic_dir(tmp_path / "r", force=True) as tmp:
        (tmp / "new").write_text("y")
    assert os.listdir(tmp_path / "r") == ["new"]


def test_an_interrupted_quote_found_in_generated_text_keeps_its_pieces_in_the_text():
    check('"""Peskov" told AFP "00"')  # a case hypothesis found: two pieces around the cue
