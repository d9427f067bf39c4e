"""Engines and cache: worker processes, SQLite cache with exact invalidation, Dask."""
import json
import shutil

import pytest
from click.testing import CliRunner

from framing import engine
from framing.cache import ResultCache
from framing.cli import cli
from framing.corpus import read_corpus
from framing.engine import AnalysisConfig, analyze_articles, fingerprints, result_record, run_dask, write_partitions
from framing.lexicon import lexicon_dir

from .conftest import EXAMPLES

BUILTIN = AnalysisConfig(tier="builtin")


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def records(results):
    return [result_record(r, r.article.source_label) for r in results]


def test_worker_processes_give_the_same_results_as_one_process():
    articles = list(read_corpus(EXAMPLES))
    one = records(analyze_articles(articles, BUILTIN))
    two = records(analyze_articles(articles, BUILTIN, jobs=2))
    assert one == two and len(one) == 6


def test_second_run_is_served_from_the_cache(tmp_path):
    articles = list(read_corpus(EXAMPLES))
    cache = ResultCache(tmp_path / "c.sqlite")
    first = records(analyze_articles(articles, BUILTIN, cache=cache))
    assert (cache.hits, cache.misses) == (0, 6)
    second = records(analyze_articles(articles, BUILTIN, cache=cache))
    assert cache.hits == 6 * 3 and first == second
    assert {s["stage"]: s["entries"] for s in cache.info()["stages"]} == {"nlp": 6, "quotes": 6, "stance": 6}


@pytest.fixture
def lexicon_copy(tmp_path, monkeypatch):
    copy = tmp_path / "lexicons"
    shutil.copytree(lexicon_dir(), copy)
    monkeypatch.setattr(engine, "lexicon_dir", lambda: copy)
    return copy


def test_changing_a_stance_lexicon_invalidates_only_the_stance_stage(lexicon_copy):
    before = fingerprints(BUILTIN, "builtin")
    with open(lexicon_copy / "hedges.txt", "a") as fh:
        fh.write("conceivably\n")
    after = fingerprints(BUILTIN, "builtin")
    assert after["nlp"] == before["nlp"] and after["quotes"] == before["quotes"]
    assert after["stance"] != before["stance"]


def test_changing_the_speaker_registry_invalidates_quotes_and_stance(lexicon_copy):
    before = fingerprints(BUILTIN, "builtin")
    with open(lexicon_copy / "speakers.csv", "a") as fh:
        fh.write("Jane Roe,Jane Roe,expert,,professor,f,person\n")
    after = fingerprints(BUILTIN, "builtin")
    assert after["nlp"] == before["nlp"]
    assert after["quotes"] != before["quotes"] and after["stance"] != before["stance"]


def test_cache_commands(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    assert run("-q", "quotes", EXAMPLES, "--tier", "builtin").exit_code == 0
    info = run("cache", "info", "-f", "jsonl")
    assert {json.loads(l)["stage"] for l in info.stdout.splitlines()} == {"nlp", "quotes"}
    cleared = run("cache", "clear")
    assert cleared.exit_code == 0 and "removed 12" in cleared.stdout
    assert run("cache", "info", "-f", "jsonl").stdout == ""


def test_no_cache_leaves_no_entries(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    assert run("-q", "quotes", EXAMPLES, "--tier", "builtin", "--no-cache").exit_code == 0
    assert not (tmp_path / "cache.sqlite").exists()


def test_analyze_writes_partitions(tmp_path):
    out = tmp_path / "res"
    result = run("-q", "analyze", EXAMPLES, "-o", out, "--tier", "builtin", "--per-part", "4")
    assert result.exit_code == 0, result.output
    parts = sorted(p.name for p in out.iterdir())
    assert parts == ["part-00000.jsonl", "part-00001.jsonl"]
    lines = [json.loads(l) for p in parts for l in (out / p).read_text().splitlines()]
    assert [l["id"] for l in lines] == sorted(l["id"] for l in lines) and len(lines) == 6


def test_dask_engine_on_a_two_worker_local_cluster_equals_the_local_run(tmp_path):
    pytest.importorskip("dask.distributed")
    entries = [(str(p), {}) for p in sorted(EXAMPLES.glob("*.*")) if p.suffix in (".md", ".txt")]
    dask_dir, local_dir = tmp_path / "dask", tmp_path / "local"
    dask_dir.mkdir(), local_dir.mkdir()
    run_dask(entries, BUILTIN, dask_dir, workers=2, per_part=4)
    local = (result_record(r, r.article.source_label) for r in analyze_articles(read_corpus(EXAMPLES), BUILTIN))
    write_partitions(local, local_dir, per_part=4)
    for part in sorted(p.name for p in local_dir.iterdir()):
        assert (dask_dir / part).read_text() == (local_dir / part).read_text()


def test_worker_processes_write_the_partitions_a_single_process_writes(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus, ignore=shutil.ignore_patterns("gold"))
    shutil.copy(EXAMPLES / "02_meridian-wire.txt", corpus / "07_copy.txt")  # a duplicate text
    (corpus / "08_empty.txt").write_text("")  # skipped with a warning, in either run
    outputs = {}
    for name, args in (("one", ("--no-cache",)), ("two", ("--jobs", "2", "--no-cache")),
                       ("two-cold", ("--jobs", "2")), ("two-warm", ("--jobs", "2"))):
        result = run("-q", "analyze", corpus, "-o", tmp_path / name, "--tier", "builtin", "--per-part", "3", *args)
        assert result.exit_code == 0, result.output
        outputs[name] = {p.name: p.read_text() for p in sorted((tmp_path / name).iterdir())}
    assert list(outputs["one"]) == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    assert outputs["two"] == outputs["one"] == outputs["two-cold"] == outputs["two-warm"]
