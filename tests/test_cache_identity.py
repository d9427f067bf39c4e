"""The cache holds what depends on the text; what names the article comes from the current read.

Every cached run here is compared, byte for byte, with the same command run with --no-cache.
"""
import json
import shutil
import string

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from framing.cli import cli

from .conftest import EXAMPLES

WIRE = EXAMPLES / "02_meridian-wire.txt"
BEACON = EXAMPLES / "01_northern-beacon.md"


def run(*args, cache_dir):
    result = CliRunner(env={"FRAMING_CACHE_DIR": str(cache_dir)}).invoke(cli, ["-q", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.stdout


def cached_equals_uncached(command, corpus, cache_dir, *extra):
    """Run ``command`` twice with the cache (cold, then warm) and once without; all three equal."""
    by = ("--by", "sentence") if command == "stance" else ()
    args = (command, corpus, "--tier", "builtin", "--format", "jsonl", *by, *extra)
    cold = run(*args, cache_dir=cache_dir)
    warm = run(*args, cache_dir=cache_dir)
    bare = run(*args, "--no-cache", cache_dir=cache_dir)
    assert cold == bare and warm == bare
    return bare


@pytest.fixture
def warm_cache(tmp_path):
    """A cache that has already seen the example corpus under its own file names."""
    cache_dir = tmp_path / "cache"
    run("quotes", EXAMPLES, "--tier", "builtin", cache_dir=cache_dir)
    run("stance", EXAMPLES, "--tier", "builtin", cache_dir=cache_dir)
    return cache_dir


def docs(jsonl: str) -> set[str]:
    return {json.loads(line)["doc"] for line in jsonl.splitlines()}


@pytest.mark.parametrize("command", ["quotes", "stance"])
def test_identical_texts_under_two_names_keep_their_own_ids(tmp_path, warm_cache, command):
    corpus = tmp_path / "dup"
    corpus.mkdir()
    shutil.copy(WIRE, corpus / "a.txt")
    shutil.copy(WIRE, corpus / "b.txt")
    out = cached_equals_uncached(command, corpus, warm_cache)
    assert docs(out) == {"a", "b"}
    per_doc = {d: [l.replace(f'"doc": "{d}"', "") for l in out.splitlines() if f'"doc": "{d}"' in l] for d in "ab"}
    assert per_doc["a"] == per_doc["b"] and per_doc["a"]


def test_a_renamed_article_is_reported_under_its_new_name(tmp_path, warm_cache):
    shutil.copy(BEACON, tmp_path / "ok.md")
    out = cached_equals_uncached("quotes", tmp_path / "ok.md", warm_cache)
    assert docs(out) == {"ok"}
    result = CliRunner(env={"FRAMING_CACHE_DIR": str(warm_cache)}).invoke(
        cli, ["-q", "report", str(tmp_path / "ok.md"), "-o", str(tmp_path / "out"), "--tier", "builtin"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "report.pdf").is_file()


def test_two_corpora_one_after_the_other(tmp_path):
    cache_dir = tmp_path / "cache"
    for name in ("first", "second"):
        (tmp_path / name).mkdir()
        shutil.copy(WIRE, tmp_path / name / f"{name}-wire.txt")
    assert docs(cached_equals_uncached("quotes", tmp_path / "first", cache_dir)) == {"first-wire"}
    assert docs(cached_equals_uncached("quotes", tmp_path / "second", cache_dir)) == {"second-wire"}


@pytest.mark.parametrize("command", ["quotes", "stance"])
def test_same_text_with_different_manifest_metadata(tmp_path, warm_cache, command):
    shutil.copy(WIRE, tmp_path / "a.txt")
    shutil.copy(WIRE, tmp_path / "b.txt")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text('{"path": "a.txt", "id": "one", "outlet": "Outlet One"}\n'
                        '{"path": "b.txt", "id": "two", "outlet": "Outlet Two"}\n')
    out = cached_equals_uncached(command, manifest, warm_cache)
    rows = [json.loads(line) for line in out.splitlines()]
    assert {(r["doc"], r["outlet"]) for r in rows} == {("one", "Outlet One"), ("two", "Outlet Two")}


def test_corpus_command_shows_the_current_metadata(tmp_path, warm_cache):
    shutil.copy(WIRE, tmp_path / "a.txt")
    (tmp_path / "m.csv").write_text("path,outlet\na.txt,Given Outlet\n")
    out = run("corpus", tmp_path / "m.csv", "--format", "jsonl", cache_dir=warm_cache)
    assert json.loads(out)["outlet"] == "Given Outlet"


# Generated corpora: a few short texts, each written under one or more names.
SENTENCES = st.sampled_from([
    '"We will never accept it," the minister said.',
    "Officials said the talks would resume on Monday.",
    "According to analysts, the deal breaks UN sanctions.",
    "North Korea denied supplying artillery shells to Russia.",
    "The weather was mild.",
    '"It is a provocation," said Dmitry Peskov.',
])
TEXTS = st.lists(SENTENCES, min_size=1, max_size=4).map(" ".join)
NAMES = st.text(alphabet=string.ascii_lowercase + "-_", min_size=1, max_size=8)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXTS, min_size=1, max_size=3),
       layout=st.lists(st.tuples(NAMES, st.integers(0, 2), st.sampled_from([".txt", ".md"])), min_size=1, max_size=6,
                       unique_by=lambda t: t[0]))
def test_a_cached_run_equals_an_uncached_run_on_corpora_with_duplicates(tmp_path_factory, texts, layout):
    root = tmp_path_factory.mktemp("gen")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, which, suffix in layout:
        (corpus / f"{name}{suffix}").write_text(texts[which % len(texts)] + "\n")
    for command in ("quotes", "stance"):
        cached_equals_uncached(command, corpus, root / "cache")
