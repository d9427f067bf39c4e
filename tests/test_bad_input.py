"""Bad input gives one line naming what is wrong and exit 1, never an internal error (exit 70)."""
import json
import os

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from framing.cli import cli


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def one_error_line(result) -> str:
    lines = [l for l in result.stderr.splitlines() if l.startswith("framing:")]
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


@pytest.mark.parametrize("column, value, kind", [
    ("path", 3, "int"), ("path", ["a.txt"], "list"), ("path", None, "null"), ("path", "", "empty"),
    ("path", {"file": "a.txt"}, "object"), ("outlet", 3, "int"), ("outlet", ["AFP"], "list"),
    ("outlet", None, "null"), ("outlet", "", "empty"), ("date", 2023, "int"), ("id", True, "bool"),
    ("title", 1.5, "float"),
])
def test_jsonl_manifest_value_of_the_wrong_type(tmp_path, column, value, kind):
    (tmp_path / "a.txt").write_text("Talks ended.\n")
    rows = [{"path": "a.txt"}, {"path": "a.txt", column: value}]
    (tmp_path / "m.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = run("corpus", tmp_path / "m.jsonl")
    assert result.exit_code == 1
    line = one_error_line(result)
    assert "line 2" in line and f"'{column}'" in line and kind in line


def test_csv_manifest_row_without_a_path(tmp_path):
    (tmp_path / "a.txt").write_text("Talks ended.\n")
    (tmp_path / "m.csv").write_text("path,outlet\na.txt,X\n,Y\n")
    result = run("corpus", tmp_path / "m.csv")
    assert result.exit_code == 1
    line = one_error_line(result)
    assert "row 2" in line and "'path' is empty" in line


def test_csv_manifest_row_with_too_many_cells(tmp_path):
    (tmp_path / "a.txt").write_text("Talks ended.\n")
    (tmp_path / "m.csv").write_text("path,outlet\na.txt,X,extra\n")
    result = run("corpus", tmp_path / "m.csv")
    assert result.exit_code == 1 and "row 1: more values than the header has columns" in one_error_line(result)


def test_csv_empty_metadata_cell_means_not_given(tmp_path):
    (tmp_path / "a.txt").write_text("SEOUL, Nov. 2 (Yonhap) -- Talks ended.\n")
    (tmp_path / "m.csv").write_text("path,outlet,date\na.txt,,2024-01-02\n")
    result = run("corpus", tmp_path / "m.csv", "--format", "jsonl")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["outlet"] == "Yonhap"


# ------------------------------------------------------------ generated input
JSON_VALUES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=12),
                        st.lists(st.text(max_size=3), max_size=2), st.just("a.txt"), st.just("../a.txt"),
                        st.just("missing.txt"), st.just("/"), st.just("a\x00.txt"), st.just("x" * 300))
COLUMNS = st.sampled_from(["path", "outlet", "date", "id", "byline", "title", "url", "other"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.dictionaries(COLUMNS, JSON_VALUES, max_size=4), min_size=1, max_size=4))
def test_generated_jsonl_manifests_never_end_in_an_internal_error(tmp_path_factory, rows):
    root = tmp_path_factory.mktemp("m")
    (root / "a.txt").write_text('"We will see," she said.\n')
    (root / "m.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    for command in ("corpus", "quotes"):
        result = run(command, root / "m.jsonl", *(("--tier", "builtin", "--no-cache") if command == "quotes" else ()))
        assert result.exit_code in (0, 1), result.output
        if result.exit_code == 1:
            one_error_line(result)


FILE_NAMES = st.one_of(
    st.sampled_from(["a.txt", "A.TXT", "a.md", ".txt", " .txt", "a b.txt", "a.txt.txt", "-x.txt", "a.html"]),
    st.text(alphabet="abcé→ -_.", min_size=1, max_size=6).map(lambda s: s + ".txt"),
)
CONTENTS = st.sampled_from([b'"We will see," she said.\n', b"", b"\xff\xfe\x00\x00", b"caf\xe9 said it.\n",
                            b"<p>\xe2\x80\x9cYes,\xe2\x80\x9d he said.</p>", b"   \n"])
ENTRIES = st.lists(st.tuples(FILE_NAMES, CONTENTS, st.sampled_from(["file", "symlink", "dangling", "dir"])),
                   min_size=1, max_size=5, unique_by=lambda e: e[0])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=ENTRIES, latin1_name=st.booleans())
def test_generated_directory_layouts_never_end_in_an_internal_error(tmp_path_factory, entries, latin1_name):
    corpus = tmp_path_factory.mktemp("d")
    for name, content, kind in entries:
        target = corpus / name
        if kind == "file":
            target.write_bytes(content)
        elif kind == "symlink":
            (corpus / f"_target_{abs(hash(name))}").write_bytes(content)
            target.symlink_to(corpus / f"_target_{abs(hash(name))}")
        elif kind == "dangling":
            target.symlink_to(corpus / "nowhere")
        else:
            target.mkdir()
    if latin1_name:  # a file name that is not valid UTF-8
        with open(os.path.join(os.fsencode(corpus), b"caf\xe9.txt"), "wb") as fh:
            fh.write(b'"Fine," he said.\n')
    for command in ("corpus", "quotes"):
        result = run(command, corpus, "--format", "jsonl",
                     *(("--tier", "builtin", "--no-cache") if command == "quotes" else ()))
        assert result.exit_code in (0, 1), result.output
        if result.exit_code == 0:
            json_lines = [json.loads(l) for l in result.stdout.splitlines()]
            assert all(isinstance(row, dict) for row in json_lines)
        else:
            one_error_line(result)


def test_a_file_name_that_is_not_utf8_and_a_corpus_without_quotes_make_a_report(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    with open(os.path.join(os.fsencode(corpus), b"caf\xe9.txt"), "wb") as fh:
        fh.write(b"The weather was mild on Monday.\n")
    result = run("-q", "report", corpus, "-o", tmp_path / "out", "--tier", "builtin", "--no-cache")
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert "caf\ufffd" in json.dumps(manifest, ensure_ascii=False)


def test_files_named_like_lexicons_in_the_working_directory_change_nothing(tmp_path):
    import subprocess
    import sys

    from .conftest import EXAMPLES

    def stance(cwd):  # a fresh process each time: nothing cached from an earlier run
        args = [sys.executable, "-m", "framing.cli", "-q", "stance", str(EXAMPLES), "--tier", "builtin", "--no-cache",
                "--format", "jsonl"]
        return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=True).stdout

    clean = tmp_path / "clean"
    clean.mkdir()
    before = stance(clean)
    for name in ("topics.csv", "speakers.csv", "hedges.txt", "outlets.csv", "reporting_verbs.csv"):
        (tmp_path / name).write_text("term,topic,weight\nweather,weather,2\n")
    after = stance(tmp_path)
    assert after == before and '"arms"' in after


def test_a_readme_beside_the_articles_is_not_read_as_one(tmp_path):
    (tmp_path / "a.txt").write_text("Officials met in Seoul on Monday to discuss the talks.\n")
    (tmp_path / "README.md").write_text("# About this corpus\n\nCollected by hand; Smith said it was complete.\n")
    (tmp_path / "SOURCES.md").write_text("a.txt: https://example.org/a\n")
    result = run("corpus", tmp_path, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a"]
    assert "README.md: skipped" in result.stderr and "SOURCES.md: skipped" in result.stderr
