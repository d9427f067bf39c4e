"""Reports: files, pages, agreement with the listing commands, determinism, scale."""
import csv
import hashlib
import json
import re

import pytest
from click.testing import CliRunner

from framing.cli import cli
from framing.report import FIGURES, column_labels, outlet_order

from .conftest import EXAMPLES, ROOT, needs_shared


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("r") / "report"
    result = run("-q", "report", EXAMPLES, "-o", out, "--svg", "--title", "Example corpus")
    assert result.exit_code == 0, result.output
    return out


def pdf_pages(path):
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


def test_report_writes_pdf_figures_data_and_manifest(report_dir):
    assert pdf_pages(report_dir / "report.pdf") >= 9  # cover, 6 figures, quotes, appendix
    for n, name in enumerate(FIGURES, 1):
        png = report_dir / "figures" / f"{n}_{name}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert 20_000 < png.stat().st_size < 2_000_000
        assert (report_dir / "figures" / f"{n}_{name}.svg").exists()
    manifest = json.loads((report_dir / "manifest.json").read_text())
    assert manifest["quality_tier"] in ("builtin", "stanza-tokenize", "stanza-full")
    assert len(manifest["inputs"]) == 6 and all(len(i["sha256"]) == 64 for i in manifest["inputs"])
    assert "reporting_verbs.csv" in manifest["lexicons"]
    stance_cv = manifest["model"]["cross_validation"]  # what the appendix page prints
    assert all(isinstance(stance_cv["accuracy"][k], float) for k in ("decisions", "with_synthetic", "without_synthetic"))
    assert manifest["voice_model"]["cross_validation"]["by"] == "article" and len(manifest["voice_model"]["sha256"]) == 64


def test_fonts_are_embedded(report_dir):
    data = (report_dir / "report.pdf").read_bytes()
    assert b"/FontFile2" in data  # TrueType font programs inside the PDF


def test_report_data_agrees_with_quotes_and_stance_commands(report_dir):
    quotes = [json.loads(l) for l in run("-q", "quotes", EXAMPLES, "-f", "jsonl").stdout.splitlines()]
    with open(report_dir / "data" / "quotes.csv", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert [(q["doc"], q["start"], q["end"], q["speaker"]) for q in quotes] == \
        [(r["doc"], int(r["start"]), int(r["end"]), r["speaker"]) for r in table]
    stance = [json.loads(l) for l in run("-q", "stance", EXAMPLES, "-f", "jsonl").stdout.splitlines()]
    report_stance = [json.loads(l) for l in (report_dir / "data" / "stance.jsonl").read_text().splitlines()]
    assert stance == report_stance


def test_same_input_gives_identical_files(report_dir, tmp_path):
    again = tmp_path / "again"
    run("-q", "report", EXAMPLES, "-o", again, "--svg", "--title", "Example corpus")

    def hashes(d):
        return {str(p.relative_to(d)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(d.rglob("*"))
                if p.is_file()}
    assert hashes(report_dir) == hashes(again)


def test_existing_output_needs_force(report_dir):
    result = run("-q", "report", EXAMPLES, "-o", report_dir)
    assert result.exit_code == 4 and "--force" in result.stderr


def test_many_outlets_fold_into_other():
    labels = {f"d{i}": f"Outlet {i % 20:02d}" for i in range(1000)}
    order, shown = outlet_order(labels)
    assert len(order) == 8 and order[-1] == "other"
    assert sum(v == "other" for v in shown.values()) == 1000 - 7 * 50


def test_long_outlet_names_fit_over_their_columns():
    outlets = [f"unknown (breitbart_2016-09-{d}_stealth-over-health-hillary-clinton)" for d in range(10, 17)] + ["other"]
    labels = column_labels(outlets, width=5.5)
    assert all(len(label.splitlines()) <= 3 for label in labels)
    assert max(len(line) for label in labels for line in label.splitlines()) * 7 * 0.6 / 72 <= 5.5 / len(outlets)
    assert column_labels(["Yonhap", "AFP"], width=5.5) == ["Yonhap", "AFP"]


def test_one_person_is_one_row_of_who_is_quoted_across_articles():
    from framing.aggregate import speaker_table
    from framing.types import Quote

    def quote(doc, speaker):
        return Quote(doc=doc, start=0, end=5, content="words", kind="direct", cue="said", cue_lemma="say",
                     cue_start=None, cue_end=None, mention=speaker, mention_start=None, mention_end=None,
                     speaker=speaker, group="other", confidence=0.9, sentence=0)

    quotes = [quote("a", "Ivan Petrovsky"), quote("a", "Ivan Petrovsky"), quote("b", "Former Sen. Ivan Petrovsky"),
              quote("c", "Mr. Petrovsky"), quote("c", "Brand"), quote("d", "Olga Brand"), quote("d", "Carl Brand"),
              quote("e", "spokeswoman for Ivan Petrovsky")]
    rows = speaker_table(quotes, {d: d.upper() for d in "abcde"})
    totals = {r["speaker"]: r["total_quotes"] for r in rows}
    assert totals == {"Ivan Petrovsky": 4, "Brand": 1, "Olga Brand": 1, "Carl Brand": 1,
                      "spokeswoman for Ivan Petrovsky": 1}  # (two Brands: the surname alone stays)


def test_report_at_scale_stays_readable(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for i in range(40):
        (corpus / f"a{i:02d}.txt").write_text(
            f"SEOUL, Nov. 15 (Outlet {i % 20}) -- Analyst {i} said North Korea shipped artillery shells to "
            f"Russia. The Kremlin denied that weapons were sent, spokesman Dmitry Peskov said.\n")
    out = tmp_path / "r"
    result = run("-q", "report", corpus, "-o", out, "--tier", "builtin")
    assert result.exit_code == 0, result.output
    speakers = {r["speaker"] for r in csv.DictReader(open(out / "data" / "speakers.csv"))}
    outlets = {r["outlet"] for r in csv.DictReader(open(out / "data" / "stance.csv"))}
    assert len(speakers) > 15 and len(outlets) == 8 and "other" in outlets


@needs_shared
def test_reproduce_the_kozlov_study_and_check_it(tmp_path):
    out = tmp_path / "study"
    result = run("-q", "reproduce", ROOT / "reports" / "kozlov-2023.toml", "-o", out, "--check")
    assert result.exit_code == 0, result.output
    assert "no drift" in result.stdout
    evaluation = json.loads((out / "data" / "evaluation.json").read_text())
    assert evaluation["quotes"]["end_to_end_f1"] >= 0.85 and evaluation["stance"]["accuracy"] >= 0.8


def test_two_columns_put_each_pair_of_entries_on_one_row_left_column_first(tmp_path):
    from matplotlib.backends.backend_pdf import PdfPages

    from framing.report import TextPage

    with PdfPages(tmp_path / "page.pdf") as pdf:
        page = TextPage(pdf, "Appendix")
        page.two_columns(["a", "b", "c", "d", "e"])
        rows = {}
        for t in page.fig.texts[1:]:  # (the first is the title)
            rows.setdefault(round(t.get_position()[1], 6), []).append(t.get_text())
        page.close()
    assert [sorted(texts) for _, texts in sorted(rows.items(), reverse=True)] == [["a", "d"], ["b", "e"], ["c"]]
