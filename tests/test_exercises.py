"""Classroom exercises: every kind, answers for every item, agreement with the measures, seeds."""
import json
import re

import pytest
from click.testing import CliRunner

from framing.cli import cli
from framing.exercises import KINDS, build_exercise, to_markdown
from framing.pipeline import analyze_corpus

from .conftest import EXAMPLES


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def analysis():
    return analyze_corpus(EXAMPLES, tier="builtin")


@pytest.fixture(scope="module")
def lesson(tmp_path_factory):
    out = tmp_path_factory.mktemp("x") / "lesson"
    result = run("-q", "exercise", EXAMPLES, "-o", out, "--tier", "builtin")
    assert result.exit_code == 0, result.output
    return out


def test_every_kind_gives_worksheet_and_key_in_pdf_and_markdown(lesson):
    for kind in KINDS:
        for part in ("worksheet", "key"):
            assert (lesson / f"{kind}_{part}.md").read_text().startswith("# ")
            assert (lesson / f"{kind}_{part}.pdf").read_bytes()[:5] == b"%PDF-"
    assert "Running a lesson" in (lesson / "teacher_guide.md").read_text()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("level", ["intro", "advanced"])
def test_every_item_is_answered(analysis, kind, level):
    ex = build_exercise(analysis, kind, seed=2, level=level)
    assert ex.items and all(item.answer.strip() for item in ex.items)
    key = to_markdown(ex, key=True)
    assert key.count("**Answer.**") == len(ex.items)
    sheet = to_markdown(ex, key=False)
    assert "**Answer.**" not in sheet and "Name:" in sheet
    assert all(item.source for item in ex.items if item.excerpt)  # every excerpt names its source


def test_same_seed_same_worksheet_other_seed_other_choice(analysis):
    a = to_markdown(build_exercise(analysis, "hedges", seed=5), key=True)
    assert a == to_markdown(build_exercise(analysis, "hedges", seed=5), key=True)
    others = {to_markdown(build_exercise(analysis, "hedges", seed=s), key=True) for s in range(1, 6)}
    assert len(others) > 1


def test_sources_key_agrees_with_framing_quotes(analysis):
    ex = build_exercise(analysis, "sources", seed=1)
    doc = re.search(r"\((\S+)\)$", ex.items[0].source).group(1)
    quotes = [json.loads(l) for l in run("-q", "quotes", EXAMPLES, "-f", "jsonl", "--tier", "builtin").stdout.splitlines()]
    mine = [q for q in quotes if q["doc"] == doc]
    for speaker in {q["speaker"] for q in mine}:
        n = sum(q["speaker"] == speaker for q in mine)
        assert f"- {speaker} (" in ex.items[0].answer and f"{n} quote" in ex.items[0].answer


def test_hedges_key_agrees_with_framing_stance(analysis):
    rows = [json.loads(l) for l in
            run("-q", "stance", EXAMPLES, "--by", "sentence", "-f", "jsonl", "--tier", "builtin").stdout.splitlines()]
    ex = build_exercise(analysis, "hedges", seed=3)
    for item in ex.items:
        text = " ".join(re.sub(r"^\s*\d+\s+", "", l) for l in item.excerpt)
        match = [r for r in rows if " ".join(r["text"].split()) == text]
        assert match and item.answer.startswith(match[0]["label"].upper() if len(match) == 1 else "")


def test_unsure_items_are_marked_in_the_key(analysis):
    ex = build_exercise(analysis, "hedges", seed=1, level="advanced")
    ex.items[0].unsure = True
    assert "Check this item" in to_markdown(ex, key=True)


def test_verbs_worksheet_blanks_the_verb(analysis):
    ex = build_exercise(analysis, "verbs", seed=1)
    for item in ex.items[:3]:
        assert "________" in "\n".join(item.excerpt)
        original = re.search(r'Original: "([^"]+)"', item.answer).group(1)
        assert original not in " ".join(item.excerpt).split("________")[0][-3:]


def test_unknown_article_id_is_a_clear_error(tmp_path):
    result = run("-q", "exercise", EXAMPLES, "-o", tmp_path / "x", "--articles", "nope", "--tier", "builtin")
    assert result.exit_code == 1 and "no article with id nope" in result.stderr
    assert not (tmp_path / "x").exists()
