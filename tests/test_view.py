"""framing view: the annotated HTML pages, read back as a browser would read them."""
import json
import re

import pytest
from click.testing import CliRunner

from framing.cli import cli
from framing.corpus import read_corpus
from framing.pipeline import analyze_corpus
from framing.view import Span, file_name, segments, write_view

from .conftest import EXAMPLES
from .domtext import Page

HOSTILE = (
    'SEOUL, Nov. 2 (Yonhap) -- <script>alert("x")</script> Talks & </p> more "talks" ended.\n\n'
    '"We reject <b>all</b> of it & more," said Dmitry Peskov.\n\n'
    '\u201c\u0645\u0631\u062d\u0628\u0627 \u0628\u0643\u0645 \u0641\u064a \u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0627\u062a,\u201d '
    'the <i>envoy</i> said. North Korea denied supplying artillery shells to Russia.\n'
)


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def build(corpus, out, *extra):
    result = run("-q", "view", corpus, "-o", out, "--tier", "builtin", "--no-cache", *extra)
    assert result.exit_code == 0, result.output
    return sorted(p for p in out.rglob("*") if p.is_file())


def quotes_by_doc(corpus):
    result = run("-q", "quotes", corpus, "--tier", "builtin", "--no-cache", "--format", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    out = {}
    for q in rows:
        out.setdefault(q["doc"], []).append(q)
    return out


def test_segments_nest_spans_that_cross():
    text = "aaa bbb ccc"
    quote = Span(0, 7, "quote", "mark", {"data-q": "1"})
    sentence = Span(4, 11, "sentence", "span", {})
    pieces = segments(text, [quote, sentence], {})
    assert [(s.text, [sp.layer for sp in s.spans]) for s in pieces] == [
        ("aaa ", ["quote"]), ("bbb", ["sentence", "quote"]), (" ccc", ["sentence"])]
    assert "".join(s.text for s in pieces) == text and pieces[0].first_quotes == ["1"]


def test_file_names_are_safe_and_distinct():
    names = [file_name("speaker", n) for n in ("<script>", "a/b", "../x", "", "A B", "A-B")]
    assert all(re.fullmatch(r"[A-Za-z0-9-]+\.html", n) for n in names) and len(set(names)) == len(names)


def test_every_article_page_shows_the_raw_text_and_highlights_exactly_the_quotes(tmp_path):
    files = build(EXAMPLES, tmp_path / "view")
    quotes = quotes_by_doc(EXAMPLES)
    articles = {a.id: a for a in read_corpus(EXAMPLES)}
    pages = [p for p in files if p.parent.name == "articles"]
    assert len(pages) == len(articles) == 6
    for article in articles.values():
        page = Page((tmp_path / "view" / "articles" / file_name("article", article.id)).read_text())
        assert page.text == article.text
        expected = {str(n): q["content"] for n, q in enumerate(sorted(quotes.get(article.id, []),
                                                                       key=lambda q: (q["start"], q["end"])), 1)}
        assert page.quote_texts() == expected and expected


def test_hostile_text_names_and_file_names_are_never_read_as_html(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / 'a<script>&"x".txt').write_text(HOSTILE)
    (corpus / "rtl \u05e9\u05dc\u05d5\u05dd.txt").write_text(HOSTILE.replace("Peskov", "<em>Peskov</em>"))
    files = build(corpus, tmp_path / "view")
    texts = {a.text for a in read_corpus(corpus)}
    for path in files:
        if path.suffix != ".html":
            continue
        html = path.read_text()
        page = Page(html)
        assert [s.get("src") for s in page.scripts] == [("../" if path.parent.name != "view" else "") +
                                                          "assets/view.js"], path
        assert not any(tag in ("b", "i", "em") for tag, _ in page.elements), path
        assert all(not k.startswith("on") for _, attrs in page.elements for k in attrs), path
        if path.parent.name == "articles":
            assert page.text in texts
    article = Page((tmp_path / "view" / "articles" / file_name("article", 'a<script>&"x"')).read_text())
    assert any('a<script>&"x"' in t for t in article.all_text)


def test_two_runs_give_byte_identical_files(tmp_path):
    one = build(EXAMPLES, tmp_path / "one")
    two = build(EXAMPLES, tmp_path / "two")
    assert [p.relative_to(tmp_path / "one") for p in one] == [p.relative_to(tmp_path / "two") for p in two]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(one, two))


def test_nothing_is_loaded_from_the_network(tmp_path):
    for path in build(EXAMPLES, tmp_path / "view"):
        if path.suffix in (".html", ".css", ".js"):
            assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", path.read_text()), path
            assert "@import" not in path.read_text() and "url(" not in path.read_text()


def test_classroom_mode_hides_speakers_and_labels_until_shown(tmp_path):
    build(EXAMPLES, tmp_path / "view", "--exercise")
    quotes = quotes_by_doc(EXAMPLES)
    for article in read_corpus(EXAMPLES):
        html = (tmp_path / "view" / "articles" / file_name("article", article.id)).read_text()
        visible = re.sub(r"<details>.*?</details>", "", html, flags=re.S)
        hidden = " ".join(re.findall(r"<details>(.*?)</details>", html, flags=re.S))
        assert "data-tip" not in html and '<span class="mention" data-q' not in html
        for q in quotes.get(article.id, []):
            speaker = q["speaker"].replace("'", "&#39;")
            assert f"<strong>{speaker}</strong>" in hidden
            assert f"<strong>{speaker}</strong>" not in visible
        assert not re.search(r"<strong>(assert|attribute|hedge|deny|none)</strong>", visible)


def test_speaker_page_puts_each_outlet_beside_the_others(tmp_path):
    build(EXAMPLES, tmp_path / "view")
    quotes = [q for qs in quotes_by_doc(EXAMPLES).values() for q in qs if q["speaker"] == "Dmitry Peskov"]
    page = (tmp_path / "view" / "speakers" / file_name("speaker", "Dmitry Peskov")).read_text()
    assert page.count('<section class="column"') == len({q["outlet"] for q in quotes}) >= 2
    for q in quotes:
        assert Page(page).all_text and any(q["content"] in t for t in Page(page).all_text)


def test_one_person_has_one_page_whatever_name_each_article_uses(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Former Sen. Ivan Petrovsky said on Monday that the port would reopen.\n")
    (corpus / "b.txt").write_text("Ivan Petrovsky said the talks had stalled. Petrovsky added that nothing changed.\n")
    (corpus / "c.txt").write_text("Mr. Petrovsky said the ships would wait.\n")
    files = build(corpus, tmp_path / "view")
    pages = [p for p in files if p.parent.name == "speakers"]
    assert [p.name for p in pages] == [file_name("speaker", "Ivan Petrovsky")]
    assert len(Page(pages[0].read_text()).all_text) and pages[0].read_text().count("<li") == 4


def test_report_writes_the_same_pages_under_html(tmp_path):
    title = "A Russian delegation in Pyongyang: six reports compared"
    result = run("-q", "report", EXAMPLES, "-o", tmp_path / "report", "--tier", "builtin", "--no-cache", "--title", title)
    assert result.exit_code == 0, result.output
    build(EXAMPLES, tmp_path / "view", "--title", title)
    manifest = json.loads((tmp_path / "report" / "manifest.json").read_text())
    assert "html/index.html" in manifest["outputs"]["html"]
    for page in (tmp_path / "view").rglob("*.html"):
        twin = tmp_path / "report" / "html" / page.relative_to(tmp_path / "view")
        assert twin.read_text() == page.read_text()


def test_the_python_api_writes_the_view(tmp_path):
    analysis = analyze_corpus(EXAMPLES, tier="builtin")
    files = write_view(analysis, tmp_path)
    assert (tmp_path / "index.html") in files and (tmp_path / "assets" / "view.css") in files


@pytest.mark.parametrize("bad", ["nope"])
def test_a_missing_corpus_is_one_line(tmp_path, bad):
    result = run("view", tmp_path / bad, "-o", tmp_path / "out")
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and not (tmp_path / "out").exists()


def _luminance(hex_colour):
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a, b):
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _tint(hex_colour, share=0.18):
    """color-mix(in srgb, colour 18%, white), as view.css paints a quote highlight."""
    mixed = [round(int(hex_colour[i:i + 2], 16) * share + 255 * (1 - share)) for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def test_text_keeps_a_contrast_of_at_least_4_5_to_1():
    from importlib.resources import files

    from framing.view import GROUP_COLOURS

    css = (files("framing") / "templates" / "view.css").read_text()
    text, muted, link = (re.search(rf"--{name}: (#[0-9a-fA-F]{{6}})", css).group(1) for name in ("text", "muted", "link"))
    for colour in GROUP_COLOURS.values():  # quote text on its group's highlight
        assert _contrast(text, _tint(colour)) >= 4.5, colour
    for badge in re.findall(r"\.badge\.s-\w+ \{ background: (#[0-9a-fA-F]{6})", css):
        assert _contrast(text, badge) >= 4.5, badge
    assert _contrast(muted, "#ffffff") >= 4.5 and _contrast(link, "#ffffff") >= 4.5
    assert _contrast("#7a0000", "#ffffff") >= 4.5  # the 'speaker not resolved' flag
