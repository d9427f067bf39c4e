"""An annotated, offline HTML view of a corpus: read each article with the analysis laid on it.

``write_view(analysis, outdir)`` writes a static site (no server, nothing from
the network, one shared stylesheet and script in ``DIR/assets``):

``index.html``               one row per article: outlet, date, headline, quotes, speakers,
                             stance index per topic; sortable, filterable by outlet and group
``articles/<id>.html``       the raw text with every quote's content highlighted in its
                             speaker group's colour, mention and cue marked, each topic sentence
                             labelled with the terms behind it, a side panel of speakers
``speakers/<name>.html``     every quote of one speaker (one person across articles), outlet beside outlet

With ``exercise=True`` (classroom mode) speakers, groups and labels stay hidden
behind "Show" until the reader asks. Pages come from Jinja2 templates with
autoescaping: article text, names and ids are never read as HTML.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .aggregate import group_labels, person_names, stance_index

# Okabe-Ito colours (safe for common colour blindness) per speaker group; highlights use a
# light tint of each, so black text on them keeps a contrast far above 4.5:1.
GROUP_COLOURS = {
    "dprk_state_media": "#D55E00", "dprk_government": "#E69F00", "russia_government": "#CC79A7",
    "us_government": "#0072B2", "rok_government": "#56B4E9", "rok_us_governments": "#009E73",
    "international_body": "#F0E442", "expert": "#000000", "media": "#7F7F7F", "other": "#9A9A9A",
}
LABEL_NAMES = {"assert": "asserted in the outlet's own voice", "attribute": "attributed to a source",
               "hedge": "hedged", "deny": "a denial reported", "none": "no stance"}
_LAYER = {"sentence": 0, "quote": 1, "mention": 2, "cue": 2}


@dataclass
class Span:
    start: int
    end: int
    layer: str
    tag: str
    attrs: dict = field(default_factory=dict)


@dataclass
class Segment:
    """A run of text with the same spans over all of it, and the badges before it."""

    text: str
    spans: list[Span]
    badges: list[dict] = field(default_factory=list)
    first_quotes: list[str] = field(default_factory=list)  # quotes that begin here (their focusable piece)


def file_name(kind: str, name: str) -> str:
    """A safe, stable file name: readable letters of ``name`` plus a short hash of all of it."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")[:40] or kind
    return f"{slug}-{hashlib.sha1(name.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}.html"


def segments(text: str, spans: list[Span], badges: dict[int, list[dict]]) -> list[Segment]:
    """Cut ``text`` where any span starts or ends; each piece carries the spans over it (outer first).

    Spans that cross (a quote running over two sentences) are split into pieces that nest.
    """
    cuts = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans} | set(badges))
    starts = sorted(spans, key=lambda s: s.start)
    out: list[Segment] = []
    active: list[Span] = []
    k = 0
    for a, b in zip(cuts, cuts[1:]):
        active = [s for s in active if s.end > a]
        while k < len(starts) and starts[k].start <= a:
            if starts[k].end > a:
                active.append(starts[k])
            k += 1
        over = sorted(active, key=lambda s: (_LAYER[s.layer], s.start, -s.end))
        if out and not badges.get(a) and [id(s) for s in out[-1].spans] == [id(s) for s in over]:
            out[-1].text += text[a:b]
        else:
            out.append(Segment(text[a:b], over, badges.get(a, [])))
    seen: set[int] = set()
    for seg in out:
        for s in seg.spans:
            if s.layer == "quote" and id(s) not in seen:
                seen.add(id(s))
                seg.first_quotes.append(s.attrs.get("data-q"))
    if len(text) in badges:  # badges after the last character (a quote ending the text)
        out.append(Segment("", [], badges[len(text)]))
    return out


class ViewBuilder:
    """Turns a :class:`~framing.pipeline.CorpusAnalysis` into the pages' data."""

    def __init__(self, analysis, exercise: bool = False):
        self.analysis = analysis
        self.exercise = exercise
        self.labels = analysis.labels
        self.article_files = {r.article.id: file_name("article", r.article.id) for r in analysis.results}
        self.person = person_names(analysis.quotes)  # speaker name -> the one person's name across articles
        self.speaker_files = {q.speaker: file_name("speaker", self._person(q.speaker)) for q in analysis.quotes}
        self.group_names = group_labels()

    def _group_name(self, group: str) -> str:
        return self.group_names.get(group, group)

    def _person(self, speaker: str) -> str:
        return self.person.get(speaker, speaker)

    # -------------------------------------------------------------- article
    def article(self, result) -> dict:
        text = result.article.text
        quotes = sorted(result.quotes, key=lambda q: (q.start, q.end))
        spans, badges = [], defaultdict(list)
        for n, q in enumerate(quotes, 1):
            for a, b in q.pieces():  # an interrupted quote is marked piece by piece, not over its cue
                spans.append(Span(a, b, "quote", "mark", self._quote_attrs(n, q)))
            if self.exercise:
                pass  # the words naming the speaker are for the class to find
            elif q.mention_start is not None and q.mention_end is not None and q.mention_end > q.mention_start:
                spans.append(Span(q.mention_start, q.mention_end, "mention", "span",
                                  {"class": "mention", "data-q": str(n)}))
            if not self.exercise and q.cue_start is not None and q.cue_end is not None and q.cue_end > q.cue_start:
                spans.append(Span(q.cue_start, q.cue_end, "cue", "span", {"class": "cue", "data-q": str(n)}))
            badges[q.end].append({"kind": "qref", "n": n, "href": f"#qd{n}"})
        for s in sorted(result.sentences, key=lambda s: (s.start, s.topic)):
            label = "hidden" if self.exercise else s.label
            terms = ", ".join(t.split(":", 1)[-1] for t in s.terms) or "none"
            spans.append(Span(s.start, s.end, "sentence", "span",
                              {"class": f"sent l-{label}", "data-topic": s.topic,
                               "title": "" if self.exercise else f"{s.topic}: {s.label} ({terms})"}))
            badges[s.start].append({"kind": "stance", "topic": s.topic, "label": s.label, "terms": terms,
                                    "headline": bool(getattr(s, "headline", False))})
        by_speaker = Counter(q.speaker for q in quotes)
        unresolved = {q.speaker for q in quotes if q.speaker_source == "unresolved"}
        return {
            "id": result.article.id, "label": self.labels[result.article.id], "meta": self._meta(result),
            "segments": segments(text, spans, badges),
            "quotes": [self._quote_row(n, q) for n, q in enumerate(quotes, 1)],
            "speakers": [{"name": sp, "count": c, "file": self.speaker_files[sp], "unresolved": sp in unresolved,
                          "group": self._group_name(next(q.group for q in quotes if q.speaker == sp))}
                         for sp, c in sorted(by_speaker.items(), key=lambda kv: (-kv[1], kv[0]))],
            "sentences": [{"topic": s.topic, "label": s.label, "text": s.text,
                           "terms": ", ".join(t.split(":", 1)[-1] for t in s.terms) or "none"}
                          for s in sorted(result.sentences, key=lambda s: (s.start, s.topic))],
        }

    def _quote_attrs(self, n: int, q) -> dict:
        attrs = {"class": f"quote k-{q.kind}" + ("" if self.exercise else f" g-{_css(q.group)}")
                 + (" unresolved" if q.speaker_source == "unresolved" and not self.exercise else ""),
                 "data-q": str(n)}
        if not self.exercise:
            tip = f"{q.speaker} ({self._group_name(q.group)}), {q.kind} quote, cue: {q.cue}" + \
                (" - speaker not resolved" if q.speaker_source == "unresolved" else "")
            attrs.update({"title": tip, "data-tip": tip})
        return attrs

    def _quote_row(self, n: int, q) -> dict:
        return {"n": n, "speaker": q.speaker, "group": self._group_name(q.group), "group_key": _css(q.group),
                "kind": q.kind, "cue": q.cue, "mention": q.mention, "content": q.content,
                "unresolved": q.speaker_source == "unresolved", "file": self.speaker_files[q.speaker],
                "start": q.start, "end": q.end}

    def _meta(self, result) -> dict:
        a = result.article
        return {"outlet": self.labels[a.id], "date": a.get("date") or "", "title": a.get("title") or _headline(a),
                "byline": a.get("byline") or "", "file": self.article_files[a.id]}

    # ---------------------------------------------------------------- index
    def index_rows(self) -> list[dict]:
        rows = []
        for r in self.analysis.results:
            by_topic = defaultdict(list)
            for s in r.sentences:
                by_topic[s.topic].append(s.label)
            rows.append({**self._meta(r), "id": r.article.id, "quotes": len(r.quotes),
                         "speakers": len({q.speaker for q in r.quotes}),
                         "groups": " ".join(sorted({_css(q.group) for q in r.quotes})),
                         "stance": {t: _fmt(stance_index(labels)) for t, labels in by_topic.items()}})
        return rows

    def topics(self) -> list[str]:
        return sorted({s.topic for s in self.analysis.sentences})

    # ------------------------------------------------------------- speakers
    def speaker_pages(self) -> list[dict]:
        by_speaker = defaultdict(list)
        for r in self.analysis.results:
            for q in r.quotes:
                by_speaker[self._person(q.speaker)].append((r, q))
        pages = []
        for speaker, items in sorted(by_speaker.items()):
            outlets = defaultdict(list)
            for r, q in items:
                outlets[self.labels[r.article.id]].append(
                    {"content": q.content, "cue": q.cue, "kind": q.kind, "article": self.article_files[r.article.id],
                     "id": r.article.id})
            pages.append({"name": speaker, "file": self.speaker_files[items[0][1].speaker],
                          "group": self._group_name(items[0][1].group),
                          "unresolved": any(q.speaker_source == "unresolved" for _, q in items),
                          "outlets": [{"outlet": o, "quotes": qs} for o, qs in sorted(outlets.items())]})
        return pages


def _css(group: str) -> str:
    return re.sub(r"[^a-z0-9_]", "", group.casefold()) or "other"


def _fmt(value) -> str:
    return "" if value is None else f"{value:+.2f}"


def _headline(article) -> str:
    for b in article.blocks:
        if b.kind in ("heading", "body"):
            return " ".join(article.text[b.start:b.end].split())[:120]
    return article.id


def _environment():
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("framing", "templates"), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals.update(group_colours=GROUP_COLOURS, group_names=group_labels(), label_names=LABEL_NAMES)
    return env


def write_view(analysis, outdir: str | Path, *, exercise: bool = False, title: str = "") -> list[Path]:
    """Write the site into ``outdir`` (which must exist); return the files written, sorted."""
    from importlib.resources import files

    outdir = Path(outdir)
    env = _environment()
    builder = ViewBuilder(analysis, exercise)
    written = []

    def put(path: Path, text: str):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)

    assets = files("framing") / "templates"
    for name in ("view.css", "view.js"):
        put(outdir / "assets" / name, (assets / name).read_text(encoding="utf-8"))
    common = {"title": title or "framing: who is quoted, and how", "exercise": exercise}
    rows = builder.index_rows()
    put(outdir / "index.html", env.get_template("index.html").render(
        **common, rows=rows, topics=builder.topics(), root="",
        outlets=sorted({r["outlet"] for r in rows}),
        groups=sorted({g for r in rows for g in r["groups"].split()})))
    article_page = env.get_template("article.html")
    for r in analysis.results:
        page = builder.article(r)
        put(outdir / "articles" / page["meta"]["file"], article_page.render(**common, page=page, root="../"))
    speaker_page = env.get_template("speaker.html")
    for page in builder.speaker_pages():
        put(outdir / "speakers" / page["file"], speaker_page.render(**common, page=page, root="../"))
    return sorted(written)
