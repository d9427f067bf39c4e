"""Comparison reports: a multi-page A4 PDF, each figure as PNG (and SVG), the
data behind every figure as CSV and JSONL, and a manifest.

``write_report(analysis, outdir)`` is the API; ``framing report`` the CLI.
Outputs are deterministic: the same input gives byte-identical PNG, CSV and
JSONL files, and a PDF with fixed metadata.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from . import style
from .aggregate import group_labels, lexicon_rates, outlet_stance, share_of_voice, speaker_table, verb_table
from .io import atomic_dir, format_rows
from .lexicon import lexicon_dir
from .stance import LABELS, MODEL_FILE, TOPICS, topic_order, topic_title, trained_path
from .quote_model import MODEL_FILE as QUOTE_MODEL_FILE
from .voice import MODEL_FILE as VOICE_MODEL_FILE
from .view import write_view

MAX_QUOTES_PER_OUTLET = 30
FIGURES = ("share_of_voice", "speakers", "stance", "labels", "lexicon", "verbs")


@dataclass
class ReportData:
    """Every table a report shows; each is written as CSV and JSONL."""

    title: str
    tier: str
    outlets: list[str]  # display order, at most style.MAX_OUTLETS (+ "other")
    labels: dict[str, str]  # doc -> outlet shown
    tables: dict[str, list[dict]] = field(default_factory=dict)
    summary: dict = field(default_factory=dict)
    evaluation: dict | None = None


def outlet_order(labels: dict[str, str], limit: int = style.MAX_OUTLETS) -> tuple[list[str], dict[str, str]]:
    """Outlets by number of articles (then name); beyond ``limit`` they become 'other'."""
    counts = Counter(labels.values())
    ranked = sorted(counts, key=lambda o: (-counts[o], o))
    keep = ranked if len(ranked) <= limit else ranked[: limit - 1]
    shown = {doc: (o if o in keep else "other") for doc, o in labels.items()}
    order = keep + (["other"] if len(keep) < len(ranked) else [])
    return order, shown


def build_data(analysis, title: str = "", evaluation: dict | None = None) -> ReportData:
    order, shown = outlet_order(analysis.labels)
    quotes = analysis.quotes
    data = ReportData(title or "How the outlets quote and frame the story", analysis.tier, order, shown,
                      evaluation=evaluation)
    data.tables["share_of_voice"] = share_of_voice(quotes, shown)
    data.tables["speakers"] = speaker_table(quotes, shown)
    data.tables["stance"] = outlet_stance(analysis.sentences, shown)
    data.tables["labels"] = [{k: r[k] for k in ("outlet", "topic", "sentences", *[f"share_{l}" for l in LABELS])}
                             for r in data.tables["stance"]]
    data.tables["lexicon"] = lexicon_rates(analysis.results, shown)
    data.tables["verbs"] = verb_table(quotes, shown)
    data.tables["quotes"] = [{"outlet": shown[q.doc], "doc": q.doc, "speaker": q.speaker, "group": q.group,
                              "kind": q.kind, "cue": q.cue, "start": q.start, "end": q.end, "content": q.content,
                              "confidence": q.confidence} for q in quotes]
    dates = sorted(d for d in (a.get("date") for a in analysis.articles) if d)
    data.summary = {"articles": len(analysis.articles), "outlets": len(set(analysis.labels.values())),
                    "quotes": len(quotes), "topic_sentences": len(analysis.sentences),
                    "words": sum(a.words for a in analysis.articles),
                    "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None}
    return data


# ---------------------------------------------------------------- figures
def _outlet_axis(ax, outlets):
    ax.set_yticks(range(len(outlets)))
    ax.set_yticklabels([style.wrap(style.shorten(o, 40), 20) for o in outlets], fontsize=8)
    ax.invert_yaxis()


def _percent_axis(ax):
    """0-100% with ticks that never touch a neighbouring panel's."""
    ax.set_xlim(0, 1)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.set_xticklabels(["0", "25%", "50%", "75%", "100%"])


def _stacked_shares(ax, outlets, series) -> None:
    """One 100% bar per outlet; ``series`` is (label, colour, one value per outlet), stacked in order."""
    left = [0.0] * len(outlets)
    for label, colour, values in series:
        ax.barh(range(len(outlets)), values, left=left, color=colour, label=label, height=0.7,
                edgecolor="white", linewidth=0.5)
        left = [a + b for a, b in zip(left, values)]
    _percent_axis(ax)


def fig_share_of_voice(data: ReportData, fig):
    rows = data.tables["share_of_voice"]
    groups = [g for g in group_labels() if any(r["group"] == g for r in rows)]
    names = group_labels()
    palette = style.OKABE_ITO + ["#777777", "#BBBBBB"]
    colours = {g: palette[i % len(palette)] for i, g in enumerate(group_labels())}
    axes = fig.subplots(1, 2, sharey=True)
    for ax, key, label in zip(axes, ("quote_share", "word_share"), ("share of quotes", "share of quoted words")):
        _stacked_shares(ax, data.outlets, [
            (names[g], colours[g], [next((r[key] for r in rows if r["outlet"] == o and r["group"] == g), 0.0)
                                    for o in data.outlets]) for g in groups])
        ax.set_xlabel(label)
    _outlet_axis(axes[0], data.outlets)
    totals = {o: sum(r["quotes"] for r in rows if r["outlet"] == o) for o in data.outlets}
    for i, o in enumerate(data.outlets):
        axes[1].text(1.02, i, f"{totals[o]} quotes", va="center", fontsize=7, transform=axes[1].get_yaxis_transform())
    fig.suptitle("Share of voice: which groups each outlet lets speak", fontweight="bold", x=0.02, ha="left")
    handles, labels_ = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels_, loc="lower center", ncol=4, bbox_to_anchor=(0.5, 0.0))
    fig.subplots_adjust(left=0.2, right=0.9, top=0.88, bottom=0.25, wspace=0.12)
    return fig


def column_labels(outlets: list[str], width: float, points: float = 7) -> list[str]:
    """Outlet names for the columns of a figure ``width`` inches wide: wrapped to what fits over a
    column in type of ``points``, three lines at most ('unknown (breitbart_2016-09-12_...)')."""
    chars = max(6, min(14, int(width / max(1, len(outlets)) * 72 / (points * 0.6))))
    return [style.wrap(style.shorten(o, 3 * chars), chars) for o in outlets]


def fig_speakers(data: ReportData, fig):
    import numpy as np

    rows = data.tables["speakers"]
    totals = defaultdict(int)
    for r in rows:
        totals[r["speaker"]] += r["quotes"]
    speakers = sorted(totals, key=lambda s: (-totals[s], s))[: style.MAX_SPEAKERS]
    grid = np.zeros((len(speakers), len(data.outlets)), dtype=int)
    for r in rows:
        if r["speaker"] in speakers and r["outlet"] in data.outlets:
            grid[speakers.index(r["speaker"]), data.outlets.index(r["outlet"])] += r["quotes"]
    height = figure_size("speakers", data)[1]
    left, right = 0.32, 0.98  # the grid's margins, as shares of the figure's width
    ax = fig.add_subplot()
    if not speakers:
        ax.axis("off")
        ax.text(0.5, 0.5, "No quote was found in this corpus.", ha="center", va="center", transform=ax.transAxes)
        fig.suptitle("Who is quoted where: quotes per speaker and outlet", fontweight="bold", x=0.02, ha="left")
        return fig
    vmax = max(1, int(grid.max()))
    ax.imshow(grid, cmap="Blues", vmin=0, vmax=vmax, aspect="auto")
    for i in range(grid.shape[0]):
        for j in range(grid.shape[1]):
            if grid[i, j]:
                ax.text(j, i, str(grid[i, j]), ha="center", va="center", fontsize=8,
                        color="white" if grid[i, j] > vmax * 0.6 else "black")
    ax.set_xticks(range(len(data.outlets)))
    ax.set_xticklabels(column_labels(data.outlets, figure_size("speakers", data)[0] * (right - left)), fontsize=7)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(speakers)))
    ax.set_yticklabels([style.shorten(s, 34) for s in speakers])
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    more = len(totals) - len(speakers)
    note = f" (top {len(speakers)} of {len(totals)} speakers)" if more > 0 else ""
    fig.suptitle(f"Who is quoted where: quotes per speaker and outlet{note}", fontweight="bold", x=0.02, ha="left")
    fig.subplots_adjust(left=left, right=right, top=1 - 1.3 / height, bottom=0.04)
    return fig


def fig_stance(data: ReportData, fig):
    rows = data.tables["stance"]
    colours = style.outlet_colours(data.outlets)
    topics = _topics(rows)
    axes = fig.subplots(1, len(topics), sharey=True, squeeze=False)[0]
    for ax, topic in zip(axes, topics):
        ax.axvline(0, color="#999999", linewidth=0.8)
        for i, o in enumerate(data.outlets):
            r = next((r for r in rows if r["outlet"] == o and r["topic"] == topic), None)
            if not r or r["index"] is None:
                ax.text(0, i, "no labelled sentence", ha="center", va="center", fontsize=7, color="#777777")
                continue
            ax.errorbar(r["index"], i, xerr=[[r["index"] - r["ci_low"]], [r["ci_high"] - r["index"]]],
                        fmt="o", color=colours[o], ecolor=colours[o], capsize=3, markersize=6)
            if r["lexicon_index"] is not None:
                ax.plot(r["lexicon_index"], i, marker="D", markersize=5, markerfacecolor="none",
                        markeredgecolor="#333333", linestyle="none")
            ax.text(1.02, i, f"n={r['sentences']}", va="center", fontsize=7, transform=ax.get_yaxis_transform())
        ax.set_xlim(-1.1, 1.1)
        ax.set_xticks([-1, -0.5, 0, 0.5, 1])
        ax.set_title(topic_title(topic), fontsize=10)
        ax.set_xlabel("denial  \u2190  stance index  \u2192  assertion")
    _outlet_axis(axes[0], data.outlets)
    fig.suptitle("Does the outlet state the allegation as fact, attribute, hedge or deny it?",
                 fontweight="bold", x=0.02, ha="left")
    fig.text(0.02, 0.02, "Dots: index of the sentence labels with bootstrap 95% interval.  Open diamonds: the same "
             "index from the lexicon rule alone.\nn: topic sentences (headlines included).", fontsize=7, color="#444444",
             va="bottom")  # two lines: one ran past the figure's right edge
    fig.subplots_adjust(left=0.2, right=0.94, top=0.85, bottom=0.17, wspace=0.2)
    return fig


def fig_labels(data: ReportData, fig):
    rows = data.tables["labels"]
    topics = _topics(rows)
    axes = fig.subplots(1, len(topics), sharey=True, squeeze=False)[0]
    for ax, topic in zip(axes, topics):
        _stacked_shares(ax, data.outlets, [
            (label, style.LABEL_COLOURS[label],
             [next((r[f"share_{label}"] for r in rows if r["outlet"] == o and r["topic"] == topic), 0.0)
              for o in data.outlets]) for label in LABELS])
        ax.set_title(topic_title(topic), fontsize=10)
        ax.set_xlabel("share of topic sentences")
    _outlet_axis(axes[0], data.outlets)
    fig.suptitle("How each outlet presents the claims, sentence by sentence", fontweight="bold", x=0.02, ha="left")
    handles, labels_ = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels_, loc="lower center", ncol=5, bbox_to_anchor=(0.5, 0.0))
    fig.subplots_adjust(left=0.2, right=0.97, top=0.85, bottom=0.22, wspace=0.12)
    return fig


def fig_lexicon(data: ReportData, fig):
    rows = {r["outlet"]: r for r in data.tables["lexicon"]}
    colours = style.outlet_colours(data.outlets)
    cats = [("hedge", "hedges"), ("booster", "boosters"), ("allegation", "allegation markers"), ("denial", "denial markers")]
    axes = fig.subplots(1, 4, sharey=True)
    for ax, (cat, title) in zip(axes, cats):
        vals = [rows.get(o, {}).get(f"{cat}_per_1000", 0.0) for o in data.outlets]
        ax.barh(range(len(data.outlets)), vals, color=[colours[o] for o in data.outlets], height=0.7)
        ax.set_title(title, fontsize=9)
        ax.set_xlabel("per 1,000 words", fontsize=7)
        top = max(vals + [1.0])
        ax.set_xlim(0, top * 1.3)
        for i, v in enumerate(vals):
            ax.text(v + top * 0.03, i, f"{v:.1f}", va="center", fontsize=6.5)
    _outlet_axis(axes[0], data.outlets)
    fig.suptitle("Framing words: hedges, boosters, allegation and denial markers", fontweight="bold", x=0.02, ha="left")
    fig.subplots_adjust(left=0.2, right=0.98, top=0.83, bottom=0.14, wspace=0.25)
    return fig


def fig_verbs(data: ReportData, fig):
    rows = data.tables["verbs"]
    ax = fig.add_subplot()
    present = [c for c in style.CONNOTATION_ORDER if any(r["connotation"] == c for r in rows)]
    totals = {o: sum(r["count"] for r in rows if r["outlet"] == o) for o in data.outlets}
    _stacked_shares(ax, data.outlets, [
        (c, style.CONNOTATION_COLOURS[c],
         [sum(r["count"] for r in rows if r["outlet"] == o and r["connotation"] == c) / totals[o] if totals[o] else 0.0
          for o in data.outlets]) for c in present])
    for i, o in enumerate(data.outlets):
        top = [r for r in rows if r["outlet"] == o][:3]
        ax.text(1.02, i, ", ".join(f"{r['lemma']} {r['count']}" for r in top), va="center", fontsize=7,
                transform=ax.get_yaxis_transform())
    ax.set_xlabel("share of reporting expressions, by what the verb implies")
    _outlet_axis(ax, data.outlets)
    fig.suptitle("Said, claimed or admitted? Reporting verbs per outlet (right: most used)", fontweight="bold",
                 x=0.02, ha="left")
    fig.legend(*ax.get_legend_handles_labels(), loc="lower center", ncol=5, bbox_to_anchor=(0.45, 0.0))
    fig.subplots_adjust(left=0.2, right=0.72, top=0.87, bottom=0.24)
    return fig


def figure_size(name: str, data: ReportData) -> tuple[float, float]:
    """Width and height (inches) of a figure: half an A4 page, or more for many speakers."""
    if name == "speakers":
        speakers = {r["speaker"] for r in data.tables["speakers"]}
        return (8.27, min(9.5, 2.2 + 0.32 * min(len(speakers), style.MAX_SPEAKERS)))
    return style.HALF_A4


READING_NOTES = {
    "share_of_voice": [
        "Each bar is one outlet; its segments are the speaker groups it quotes, as a share of its quotes "
        "(left) and of the words it quotes (right).",
        "Look for outlets that give most of their room to one side, and for groups that an outlet never quotes.",
        "Quoted words weigh long quotations more than short attributions; the two panels can differ."],
    "speakers": [
        "Rows are the speakers quoted most often, columns the outlets; each cell counts that speaker's quotes "
        "in that outlet.",
        "Look for speakers that only some outlets quote, and for outlets that rely on one source.",
        "Unnamed or vague sources ('analysts', 'an official') are listed under the words the article used."],
    "stance": [
        "The stance index runs from -1 (the outlet only reports denials) to +1 (it states the allegation as "
        "fact in its own voice): assert +1, hedge +0.5, attribute +0.25, deny -1, averaged over the sentences "
        "about the topic.",
        "The line is a bootstrap 95% interval: with few sentences it is wide, and differences between outlets "
        "whose intervals overlap may be chance.",
        "The open diamond is the same index from the lexicons alone; where it sits far from the dot, read the "
        "sentences (framing stance --by sentence) before trusting either."],
    "labels": [
        "For each outlet and topic, the share of topic sentences stating the claim as fact (assert), crediting "
        "it to a source (attribute), softening it (hedge), reporting a denial (deny) or taking no position (none).",
        "Compare the orange (assert) and dark blue (deny) ends across outlets."],
    "lexicon": [
        "Counts of words from framing's lexicons per 1,000 words of each outlet's text: hedges ('believed', "
        "'may'), boosters ('clearly', 'proven'), allegation markers ('accused', 'alleged') and denial markers "
        "('denied', 'unfounded').",
        "These are word counts, blind to context: a denial marker can appear in a sentence that rejects the denial."],
    "verbs": [
        "How each outlet introduces what sources say, grouped by what the verb implies (the connotation column "
        "of lexicons/reporting_verbs.csv); on the right, the verbs it uses most.",
        "Neutral verbs ('said', 'told') report; 'claimed' or 'alleged' distance the writer; 'admitted' implies "
        "a concession; 'accused', 'denied' frame a conflict."],
}


def reading_notes(panel, name: str) -> None:
    """'How to read this figure' under a figure on its A4 page."""
    panel.text(0.07, 0.95, "How to read this figure", fontsize=10, fontweight="bold", va="top")
    y = 0.95 - 0.07
    for note in READING_NOTES[name]:
        lines = style.wrap(note, 100).splitlines()
        for n, line in enumerate(lines):
            panel.text(0.07, y, ("\u2022 " if n == 0 else "   ") + line, fontsize=8.5, va="top")
            y -= 0.036
        y -= 0.018


FIGURE_BUILDERS = {"share_of_voice": fig_share_of_voice, "speakers": fig_speakers, "stance": fig_stance,
                   "labels": fig_labels, "lexicon": fig_lexicon, "verbs": fig_verbs}


# ------------------------------------------------------------ text pages
class TextPage:
    """Writes lines of text top-down on A4 pages, starting a new page when full."""

    def __init__(self, pdf, title: str):
        self.pdf, self.title = pdf, title
        self.fig = None
        self._new()

    def _new(self):
        if self.fig is not None:
            self.pdf.savefig(self.fig)
            import matplotlib.pyplot as plt
            plt.close(self.fig)
        self.fig = style.new_figure(style.A4)
        self.y = 0.95
        self.fig.text(0.07, self.y, self.title, fontsize=13, fontweight="bold", va="top")
        self.y -= 0.045

    def line(self, text: str, size: float = 9, bold: bool = False, indent: float = 0.0, gap: float = 0.0,
             colour: str = "black", family: str | None = None):
        height = size * 1.45 / 72 / style.A4[1]
        if self.y - height < 0.05:
            self._new()
        kwargs = {"family": family} if family else {}
        self.fig.text(0.07 + indent, self.y, text, fontsize=size, fontweight="bold" if bold else "normal",
                      va="top", color=colour, **kwargs)
        self.y -= height + gap

    def two_columns(self, texts: list[str], size: float = 8, indent: float = 0.0):
        """``texts`` in two columns, read down the left one first."""
        half = (len(texts) + 1) // 2
        for left, right in zip(texts[:half], texts[half:] + [""]):
            self.line(left, size=size, indent=indent)
            if right:
                row = self.y + size * 1.45 / 72 / style.A4[1]  # where line() wrote (on a new page if it opened one)
                self.fig.text(0.5 + indent, row, right, fontsize=size, va="top")

    def paragraph(self, text: str, width: int = 100, **kw):
        for line in style.wrap(text, width).splitlines() or [""]:
            self.line(line, **kw)
        self.y -= 0.006

    def close(self):
        self._new_final()

    def _new_final(self):
        import matplotlib.pyplot as plt

        self.pdf.savefig(self.fig)
        plt.close(self.fig)
        self.fig = None


def cover(pdf, data: ReportData):
    page = TextPage(pdf, data.title)
    s = data.summary
    dates = f"{s['first_date']} to {s['last_date']}" if s["first_date"] else "not stated in the texts"
    page.line(f"{s['articles']} articles from {s['outlets']} outlets, {s['words']:,} words; dates {dates}.", size=10)
    topics = " or the ".join(topic_title(t) for t in _topics(data.tables["stance"]))
    page.line(f"{s['quotes']} quotes extracted; {s['topic_sentences']} sentences about the {topics}.",
              size=10, gap=0.02)
    page.line("Outlets", bold=True, size=11, gap=0.005)
    counts = Counter(data.labels.values())
    for o in data.outlets:
        page.line("\u25a0", size=10, colour=style.outlet_colours(data.outlets)[o])
        page.y += 10 * 1.45 / 72 / style.A4[1]
        page.line(f"{o}: {counts[o]} article{'s' * (counts[o] != 1)}", indent=0.03)
    page.y -= 0.02
    page.line("Method in three lines", bold=True, size=11, gap=0.005)
    for text in ("1. Quotes (direct, mixed, reported speech) are proposed by readers of quotation marks, of "
                 "reporting verbs and of clauses, accepted by a model learned from PolNeAR's annotated news, and "
                 "attributed to a speaker from a registry, resolving pronouns and descriptions.",
                 "2. Every sentence (and headline) about a topic is labelled assert, attribute, hedge or deny from "
                 "separate decisions: whose voice carries it, whether it is denied, whether it is hedged.",
                 "3. Per outlet: shares of voice by speaker group, a stance index in [-1, 1] with a bootstrap 95% "
                 "interval, and lexicon rates per 1,000 words."):
        page.paragraph(text, width=95)
    page.y -= 0.01
    page.line("Quality tier", bold=True, size=11, gap=0.005)
    page.paragraph(f"{data.tier}. " + {
        "stanza-full": "Full stanza models (parse used for attribution).",
        "stanza-tokenize": "stanza's neural sentence splitter; attribution read from the words (no parse).",
        "builtin": "Built-in rule-based segmenter: no stanza model was installed."}.get(data.tier, ""), width=95)
    page.y -= 0.01
    page.line("Reading this report", bold=True, size=11, gap=0.005)
    page.paragraph("Figures are measurements by software and can be wrong: check the quote tables at the end "
                   "against the articles, and read the appendix for how each figure is made.", width=95)
    page.line(f"framing {__version__}", size=7, colour="#666666")
    page.close()


def quote_pages(pdf, data: ReportData):
    page = TextPage(pdf, "The quotes, outlet by outlet")
    for o in data.outlets:
        rows = [r for r in data.tables["quotes"] if r["outlet"] == o]
        page.line(f"{o} ({len(rows)} quotes)", bold=True, size=10, gap=0.004,
                  colour="black")
        if not rows:
            page.line("no quotes found", colour="#666666", indent=0.02)
        if len(rows) > MAX_QUOTES_PER_OUTLET:
            page.line(f"the first {MAX_QUOTES_PER_OUTLET}; all {len(rows)} are in data/quotes.csv", size=7.5,
                      colour="#666666", indent=0.02)
        for r in rows[:MAX_QUOTES_PER_OUTLET]:
            flag = "  (check)" if r["confidence"] < 0.7 else ""
            page.line(f"{style.shorten(r['speaker'], 40)} \u2014 {r['cue']} [{r['kind']}]{flag}", size=8, bold=True,
                      indent=0.02)
            for line in style.wrap(style.shorten(r["content"], 300), 110).splitlines():
                page.line(line, size=7.5, indent=0.04, colour="#333333")
        page.y -= 0.012
    page.close()


def appendix(pdf, data: ReportData, manifest: dict):
    page = TextPage(pdf, "Appendix: method, lexicons, model, corpus")
    page.line("Method", bold=True, size=11, gap=0.004)
    for text in (
        "Quotes: every passage between quotation marks is read with the layout of its attribution ('\"Q,\" said "
        "X', 'X said, \"Q\"', 'X: \"Q\"', a continuation); reporting verbs (lexicons/reporting_verbs.csv) are "
        "read by rules and by a clause reader. A logistic regression per kind of candidate, trained on the train "
        "part of PolNeAR (Newell, Margolin and Ruths, LREC 2018), accepts or rejects each "
        "(framing/trained/quote_model.json). Speakers resolve through lexicons/speakers.csv; pronouns (gender "
        "from lexicons/given_names.csv) and descriptions to a compatible earlier entity; a speaker that names "
        "nobody known is kept as written ('unresolved').",
        "Stance labels: a sentence is about a topic by its terms (lexicons/topics.csv or the user's --topics file), "
        "by naming both parties, or by referring back to the last topic sentence. It is attributed when a quote "
        "holds the topic, an allegation word frames it, or the voice model (framing/trained/voice_model.json, "
        "learned from PolNeAR) reads a source's words there; denied on a denial cue or a party's own negation; "
        "hedged on a hedge cue in the outlet's own voice; else asserted. A scikit-learn classifier over the same "
        "evidence, trained on real labelled sentences with framing's synthetic ones as a minority, is kept "
        "beside it (model_label).",
        "Stance index per outlet and topic: the mean of assert = +1, hedge = +0.5, attribute = +0.25, "
        "deny = -1 over topic sentences not labelled none; 95% interval: percentile bootstrap over sentences "
        "(2,000 resamples, fixed seed). The lexicon index applies the same weights to a transparent rule over "
        "the lexicons only.",
        "Limits: small outlets give wide intervals; a sentence can carry several framings but gets one label "
        "per topic; outlets are named only from evidence in the text (dateline, byline, credit, URL)."):
        page.paragraph(text, width=100, size=8)
    page.line("Lexicons", bold=True, size=11, gap=0.004)
    page.two_columns([f"{name}: {info['entries']} entries, sha256 {info['sha256'][:12]}"
                      for name, info in manifest["lexicons"].items()], size=8, indent=0.02)
    page.y -= 0.01
    page.line("Model", bold=True, size=11, gap=0.004)
    model = manifest["model"]
    page.line(f"{model['file']}: {model['classes']} ; {model['features']} features, sha256 {model['sha256'][:12]}",
              size=8, indent=0.02)
    if model.get("cross_validation"):
        cv = model["cross_validation"]
        acc = cv["accuracy"]
        page.line("trained on " + "; ".join((model.get("trained_on") or [])[:-1]) + ";", size=8, indent=0.02)
        page.line("and " + ((model.get("trained_on") or [""])[-1]), size=8, indent=0.04)  # the synthetic minority
        page.line(f"accuracy cross-validated by article ({cv['examples']} real sentences): decisions "
                  f"{acc['decisions']}, classifier {acc['with_synthetic']}, without synthetic {acc['without_synthetic']}",
                  size=8, indent=0.02)
    voice = manifest.get("voice_model")
    if voice:
        vcv = voice["cross_validation"]
        page.line(f"{voice['file']}: sha256 {voice['sha256'][:12]}; learned from PolNeAR {voice['trained_on']}",
                  size=8, indent=0.02)
        page.line(f"5-fold cross-validation by article: accuracy {vcv['accuracy']} (majority answer "
                  f"{vcv['majority_baseline']})", size=8, indent=0.04)
    quotes = manifest.get("quote_model")
    if quotes:
        e2e = quotes["cross_validation"]["end_to_end"]
        page.line(f"{quotes['file']}: sha256 {quotes['sha256'][:12]}; learned from {quotes['trained_on']}", size=8,
                  indent=0.02)
        page.line(f"5-fold cross-validation by article on PolNeAR train: precision {e2e['precision']}, recall of "
                  f"attributions of saying {e2e['recall_speech']},", size=8, indent=0.02)
        page.line(f"attribution {e2e['attribution_accuracy']}, end-to-end F1 {e2e['end_to_end_f1_speech']}", size=8,
                  indent=0.04)
    page.y -= 0.01
    page.line("Corpus", bold=True, size=11, gap=0.004)
    for item in manifest["inputs"]:
        page.line(f"{item['id']}  {style.shorten(item['label'], 34)}  sha256 {item['sha256'][:16]}", size=7.5,
                  indent=0.02, family="DejaVu Sans Mono")
    if data.evaluation:
        page.y -= 0.01
        page.line("Evaluation against gold", bold=True, size=11, gap=0.004)
        for section, figures in data.evaluation.items():
            shown = ", ".join(f"{k} {v}" for k, v in figures.items() if not isinstance(v, (list, dict)))
            page.paragraph(f"{section}: {shown}", width=110, size=8)
    page.close()


# ----------------------------------------------------------------- writing
def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_manifest(analysis, config: dict | None, data: ReportData) -> dict:
    lexicons = {}
    for p in sorted(lexicon_dir().glob("*")):
        if p.suffix in (".csv", ".txt"):
            entries = sum(1 for l in p.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#"))
            lexicons[p.name] = {"sha256": _sha256(p), "entries": entries - (1 if p.suffix == ".csv" else 0)}
    model_path = trained_path(MODEL_FILE)
    model = json.loads(model_path.read_text(encoding="utf-8"))
    quote_path = trained_path(QUOTE_MODEL_FILE)
    quote_meta = json.loads(quote_path.read_text(encoding="utf-8")).get("meta", {})
    voice_path = trained_path(VOICE_MODEL_FILE)
    voice_meta = json.loads(voice_path.read_text(encoding="utf-8")).get("meta", {})
    inputs = [{"id": a.id, "path": Path(a.path).name if a.path else "", "label": analysis.labels[a.id],
               "sha256": hashlib.sha256(a.text.encode("utf-8")).hexdigest()} for a in analysis.articles]
    return {"framing_version": __version__, "quality_tier": data.tier, "config": config or {},
            "inputs": inputs, "lexicons": lexicons,
            "model": {"file": MODEL_FILE, "sha256": _sha256(model_path), "classes": ", ".join(model["classes"]),
                      "features": len(model["feature_names"]), "cross_validation": model.get("cv"),
                      "trained_on": model.get("trained_on")},
            "voice_model": {"file": VOICE_MODEL_FILE, "sha256": _sha256(voice_path),
                            "trained_on": voice_meta.get("trained_on"),
                            "cross_validation": voice_meta.get("cross_validation")},
            "quote_model": {"file": QUOTE_MODEL_FILE, "sha256": _sha256(quote_path), "credit": quote_meta.get("credit"),
                            "trained_on": quote_meta.get("trained_on"),
                            "cross_validation": quote_meta.get("cross_validation")},
            "summary": data.summary}


def write_report(analysis, outdir, *, title: str = "", config: dict | None = None, svg: bool = False,
                 force: bool = False, evaluation: dict | None = None) -> dict[str, list[str]]:
    """Write the whole report into ``outdir`` (atomically); returns what went where."""
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    data = build_data(analysis, title, evaluation)
    manifest = build_manifest(analysis, config, data)
    written: dict[str, list[str]] = defaultdict(list)
    with atomic_dir(outdir, force=force) as tmp:
        (tmp / "figures").mkdir()
        (tmp / "data").mkdir()
        for name, rows in sorted(data.tables.items()):
            for fmt in ("csv", "jsonl"):
                path = tmp / "data" / f"{name}.{fmt}"
                path.write_text(format_rows(rows, fmt, _columns(rows)), encoding="utf-8")
                written["data"].append(f"data/{name}.{fmt}")
        if evaluation:
            (tmp / "data" / "evaluation.json").write_text(json.dumps(evaluation, indent=2, sort_keys=True) + "\n")
            written["data"].append("data/evaluation.json")
        style.apply()
        with PdfPages(tmp / "report.pdf", metadata=dict(style.PDF_METADATA, Title=data.title)) as pdf:
            cover(pdf, data)
            for n, name in enumerate(FIGURES, 1):
                size = figure_size(name, data)
                fig = style.new_figure(size)
                FIGURE_BUILDERS[name](data, fig)
                fig.savefig(tmp / "figures" / f"{n}_{name}.png", metadata=style.PNG_METADATA)
                written["figures"].append(f"figures/{n}_{name}.png")
                if svg:
                    fig.savefig(tmp / "figures" / f"{n}_{name}.svg", metadata={"Date": None})
                    written["figures"].append(f"figures/{n}_{name}.svg")
                plt.close(fig)
                page = style.new_figure(style.A4)  # the same figure on an A4 page, with notes below
                top, bottom = page.subfigures(2, 1, height_ratios=[size[1], style.A4[1] - size[1]])
                FIGURE_BUILDERS[name](data, top)
                reading_notes(bottom, name)
                pdf.savefig(page)
                plt.close(page)
            quote_pages(pdf, data)
            appendix(pdf, data, manifest)
        written["report"].append("report.pdf")
        for path in write_view(analysis, tmp / "html", title=data.title):  # the same pages as framing view
            written["html"].append(path.relative_to(tmp).as_posix())
        manifest["outputs"] = {k: sorted(v) for k, v in written.items()}
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        written["manifest"].append("manifest.json")
    return dict(written)


def _topics(rows: list[dict]) -> list[str]:
    """The topics of a stance table (the built-in ones when it is empty), in their order."""
    return sorted({r["topic"] for r in rows}, key=topic_order) or list(TOPICS)


def _columns(rows: list[dict]) -> list[str] | None:
    return list(rows[0].keys()) if rows else None
