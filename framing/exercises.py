"""Classroom media-literacy exercises: worksheets with answer keys, from any corpus.

Four kinds, each built from framing's own measurements:

``sources``  "Who gets to speak?"     list who is quoted, their group, how much room
``verbs``    "Said, claimed or admitted?"  the reporting verb blanked out
``hedges``   "Fact, claim, hedge or denial?"  label how a sentence presents a claim
``compare``  "Same story, two outlets"  aligned excerpts on the same fact

Every item has an answer in the key; items where the tool is unsure (low
confidence) are marked there so the teacher checks them. The same corpus,
kind, level and seed always give the same worksheet.
"""
from __future__ import annotations

import random
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from .aggregate import group_labels, lexicon_rates, outlet_stance, quoted_words
from .io import atomic_dir
from .stance import topic_order, topic_title

KINDS = ("sources", "verbs", "hedges", "compare")
LEVELS = ("intro", "advanced")
UNSURE = 0.7
ITEMS = {"intro": 5, "advanced": 10}
_BLANK = "________"


@dataclass
class Item:
    prompt: str
    answer: str
    excerpt: list[str] = field(default_factory=list)  # numbered lines
    source: str = ""
    unsure: bool = False
    lines_to_write: int = 2


@dataclass
class Exercise:
    kind: str
    title: str
    level: str
    seed: int
    instructions: str
    items: list[Item]
    notes_for_teacher: str = ""


def numbered(text: str, width: int = 78, start: int = 1) -> list[str]:
    """Text wrapped into numbered lines (paragraph breaks kept as blank lines)."""
    out, n = [], start
    for para in [p for p in re.split(r"\n\s*\n", text) if p.strip()]:
        for line in textwrap.wrap(" ".join(para.split()), width):
            out.append(f"{n:>3}  {line}")
            n += 1
        out.append("")
    return out[:-1] if out else out


def _source(result, labels) -> str:
    a = result.article
    date = a.get("date") or "date not stated"
    return f"{labels[a.id]}, {date} ({a.id})"


def _body(result) -> str:
    return "\n\n".join(p for p in _paragraphs(result))


def _paragraphs(result):
    doc = result.document
    paras: dict[int, list] = {}
    for s in doc.sentences:
        paras.setdefault(s.paragraph, []).append(s.text)
    return [" ".join(v) for _, v in sorted(paras.items())]


def _pick(results, articles):
    if not articles:
        return results
    wanted = [a.strip() for a in articles if a.strip()]
    chosen = [r for r in results if r.article.id in wanted]
    missing = sorted(set(wanted) - {r.article.id for r in chosen})
    if missing:
        raise ValueError(f"no article with id {', '.join(missing)} in the corpus")
    return chosen


# ------------------------------------------------------------------ builders
def build_sources(analysis, rng, level, articles) -> Exercise:
    labels, names = analysis.labels, group_labels()
    results = [r for r in _pick(analysis.results, articles) if r.quotes]
    rng.shuffle(results)
    results = results[: 1 if level == "intro" else 2]
    items = []
    for r in results:
        excerpt = numbered(_body(r))
        speakers: dict[str, list] = {}
        for q in r.quotes:
            speakers.setdefault(q.speaker, []).append(q)
        rows = sorted(speakers.items(), key=lambda kv: (-sum(quoted_words(q.content) for q in kv[1]), kv[0]))
        answer = "\n".join(
            f"- {sp} ({names.get(qs[0].group, qs[0].group)}): {len(qs)} quote{'s' * (len(qs) != 1)}, "
            f"{sum(quoted_words(q.content) for q in qs)} words; introduced with "
            f"{', '.join(sorted({q.cue for q in qs}))}" + ("  [check: low confidence]" if min(q.confidence for q in qs) < UNSURE else "")
            for sp, qs in rows)
        unsure = any(q.confidence < UNSURE for q in r.quotes)
        items.append(Item("Read the article. List every person or institution it quotes or reports. For each, "
                          "write their group (government, state media, expert, ...) and roughly how much room "
                          "they get (number of quotes or lines).", answer, excerpt, _source(r, labels), unsure, 8))
        top = rows[0][0]
        items.append(Item("Who gets the most room in this article? Whose side of the story is missing or told "
                          "only through someone else?",
                          f"Most room: {top}. Groups heard: "
                          f"{', '.join(sorted({names.get(q.group, q.group) for q in r.quotes}))}. "
                          "Missing voices are a judgement for discussion: compare with the groups above.",
                          source=_source(r, labels), lines_to_write=3))
        if level == "advanced":
            items.append(Item("Which sources are named and which are anonymous or vague ('analysts', 'officials')? "
                              "Why might a reporter use each kind?",
                              "Vague or unnamed: " + (", ".join(sp for sp in speakers if sp[:1].islower() or
                                                                sp in ("Analysts",)) or "none") +
                              ". Named: " + ", ".join(sp for sp in speakers if not (sp[:1].islower() or sp == "Analysts")),
                              source=_source(r, labels), lines_to_write=3))
    return Exercise("sources", "Who gets to speak?", level, 0,
                    "Read each excerpt (line numbers on the left) and answer in the space given.", items)


def build_verbs(analysis, rng, level, articles) -> Exercise:
    from .quotes import reporting_verbs

    labels = analysis.labels
    connotation = {v.lemma: v.connotation for v in reporting_verbs().values()}
    pool = []
    for r in _pick(analysis.results, articles):
        for q in r.quotes:
            if q.cue_start is None or q.cue_lemma == "according to":
                continue
            sent = next(s for s in r.document.sentences if s.index == q.sentence)
            if not sent.start <= q.cue_start < sent.end:
                continue
            blanked = sent.text[: q.cue_start - sent.start] + _BLANK + sent.text[q.cue_end - sent.start:]
            pool.append((r, q, blanked))
    rng.shuffle(pool)
    pool.sort(key=lambda p: p[1].speaker_source == "coreference")  # "He ____" alone is hard to read
    items = []
    seen = set()
    for r, q, blanked in pool:
        if (r.article.id, q.sentence) in seen:
            continue
        seen.add((r.article.id, q.sentence))
        alternative = _ALTERNATIVE.get(connotation.get(q.cue_lemma, "neutral"), "claimed")
        prompt = (f"Fill the blank with a reporting verb. Then: what would change if the writer had used "
                  f"\"{alternative}\" instead?")
        answer = (f"Original: \"{q.cue}\" ({q.cue_lemma}; connotation: {q.connotation}). "
                  f"\"{alternative}\" is {connotation_of(alternative, connotation)}: "
                  f"{_MEANING[connotation_of(alternative, connotation)]}")
        items.append(Item(prompt, answer, numbered(blanked), _source(r, labels), q.confidence < UNSURE, 3))
        if len(items) >= ITEMS[level]:
            break
    if level == "advanced" and items:
        items.append(Item("Sort the verbs you wrote from most neutral to most loaded. Which one tells the reader "
                          "most about the writer's own view?",
                          "Neutral: say, tell, report, add. Loaded: claim, allege (doubt); admit, concede "
                          "(the speaker gives something up); insist (pressure); accuse, deny (conflict). "
                          "Answers vary: look for a reason, not a single right order.", lines_to_write=4))
    return Exercise("verbs", "Said, claimed or admitted?", level, 0,
                    "Each sentence had its reporting verb removed. Write the verb you think fits, then answer.", items)


_ALTERNATIVE = {"neutral": "claimed", "assertive": "admitted", "doubting": "said", "accusing": "said",
                "denying": "admitted", "warning": "said", "admitting": "said", "tentative": "insisted",
                "urging": "suggested", "evaluating": "said"}
_MEANING = {"neutral": "it reports the words without judging them.",
            "doubting": "it hints that the writer doubts the claim.",
            "admitting": "it suggests the speaker conceded something true or unwelcome.",
            "assertive": "it stresses the speaker's insistence.",
            "tentative": "it marks a belief rather than a statement of fact.",
            "accusing": "it frames the words as an accusation against someone.",
            "denying": "it frames the words as a rejection of a claim.",
            "warning": "it frames the words as a warning of danger.",
            "urging": "it frames the words as pressure on someone to act.",
            "evaluating": "it frames the words as a judgement."}


def connotation_of(verb: str, table: dict) -> str:
    from .quotes import reporting_verbs

    v = reporting_verbs().get((verb.casefold(),))
    return v.connotation if v else "neutral"


def build_hedges(analysis, rng, level, articles) -> Exercise:
    labels = analysis.labels
    pool = [(r, s) for r in _pick(analysis.results, articles) for s in r.sentences if s.label != "none"]
    rng.shuffle(pool)
    by_label: dict[str, list] = {}
    for r, s in pool:
        by_label.setdefault(s.label, []).append((r, s))
    chosen, seen = [], set()
    while len(chosen) < ITEMS[level] and any(by_label.values()):  # spread over the labels
        for label in sorted(by_label):
            if by_label[label] and len(chosen) < ITEMS[level]:
                r, s = by_label[label].pop(0)
                if (r.article.id, s.sentence) not in seen:
                    seen.add((r.article.id, s.sentence))
                    chosen.append((r, s))
    items = []
    for r, s in chosen:
        signals = ", ".join(f'"{t.split(":", 1)[1]}" ({t.split(":", 1)[0]})' for t in s.terms) or "no marker word"
        extra = " Which words tell you?" if level == "advanced" else ""
        answer = (f"{s.label.upper()} (topic: {s.topic}; confidence {s.confidence:.2f}). Signal words: {signals}."
                  + (" A quoted or attributed source carries the claim." if s.in_quote else ""))
        items.append(Item(f"Is this sentence's claim about the {topic_title(s.topic)} "
                          f"stated as FACT (assert), given as someone's CLAIM (attribute), HEDGED, or DENIED?{extra}",
                          answer, numbered(s.text), _source(r, labels), s.confidence < UNSURE, 2))
    return Exercise("hedges", "Fact, claim, hedge or denial?", level, 0,
                    "Label each sentence: assert, attribute, hedge or deny. Underline the words that decided it.",
                    items)


def build_compare(analysis, rng, level, articles) -> Exercise:
    from sklearn.feature_extraction.text import TfidfVectorizer

    labels = analysis.labels
    results = _pick(analysis.results, articles)
    outlets = sorted({labels[r.article.id] for r in results})
    if len(outlets) < 2:
        raise ValueError("the compare exercise needs articles from at least two outlets")
    sents = [(labels[r.article.id], r, s) for r in results for s in r.document.sentences if len(s.text.split()) > 6]
    vec = TfidfVectorizer(stop_words="english").fit([s.text for _, _, s in sents])
    matrix = vec.transform([s.text for _, _, s in sents])
    sim = (matrix @ matrix.T).toarray()
    pairs = []
    for i in range(len(sents)):
        for j in range(i + 1, len(sents)):
            if sents[i][0] != sents[j][0] and 0.25 <= sim[i, j] < 0.95:
                pairs.append((round(float(sim[i, j]), 4), i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    stance = {(row["outlet"], row["topic"]): row for row in outlet_stance(analysis.sentences, labels)}
    lex = {row["outlet"]: row for row in lexicon_rates(analysis.results, labels)}
    items, used = [], set()
    for score, i, j in pairs:
        if i in used or j in used:
            continue
        used.update((i, j))
        (oa, ra, sa), (ob, rb, sb) = sents[i], sents[j]
        excerpt = [f"A  {oa}:"] + numbered(sa.text) + ["", f"B  {ob}:"] + numbered(sb.text)
        answer = _compare_answer(analysis, (oa, ra, sa), (ob, rb, sb), stance, lex, score)
        items.append(Item("Both excerpts report the same fact. What does each outlet add, leave out or present "
                          "differently? Who is the source in each? Is one more certain than the other?",
                          answer, excerpt, f"A: {_source(ra, labels)}; B: {_source(rb, labels)}", False, 5))
        if len(items) >= (3 if level == "intro" else 6):
            break
    return Exercise("compare", "Same story, two outlets", level, 0,
                    "Read each pair of excerpts (matched by the tool because they share most of their words).",
                    items)


def _compare_answer(analysis, a, b, stance, lex, score):
    parts = [f"Similarity {score:.2f}."]
    for tag, (outlet, r, s) in (("A", a), ("B", b)):
        quotes = [q for q in r.quotes if q.sentence == s.index]
        labelled = [x for x in r.sentences if x.sentence == s.index]
        who = "; ".join(f"{q.speaker} ({q.cue})" for q in quotes) or "no attributed source (the outlet's own voice)"
        how = "; ".join(f"{x.topic}: {x.label}" for x in labelled) or "not about the contested claims"
        figures = "; ".join(f"{t} index {stance[(outlet, t)]['index']:+.2f}"
                            for t in sorted({t for _, t in stance}, key=topic_order)
                            if (outlet, t) in stance and stance[(outlet, t)]["index"] is not None)
        rates = lex.get(outlet, {})
        parts.append(f"{tag} ({outlet}): source: {who}. Framing: {how}. Whole outlet: {figures or 'no index'}; "
                     f"hedges {rates.get('hedge_per_1000', 0):.1f} and denial markers "
                     f"{rates.get('denial_per_1000', 0):.1f} per 1,000 words.")
    return " ".join(parts)


BUILDERS = {"sources": build_sources, "verbs": build_verbs, "hedges": build_hedges, "compare": build_compare}


def build_exercise(analysis, kind: str, seed: int = 1, level: str = "intro", articles=None) -> Exercise:
    if kind not in BUILDERS:
        raise ValueError(f"unknown exercise kind {kind!r}; use one of {', '.join(KINDS)}")
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; use intro or advanced")
    exercise = BUILDERS[kind](analysis, random.Random(seed), level, articles)
    exercise.seed = seed
    if not exercise.items:
        raise ValueError(f"the corpus gives no items for the {kind} exercise")
    return exercise


# ------------------------------------------------------------------ guide
TEACHER_GUIDE = """\
# Teacher guide

**What this is.** The worksheets were made by *framing*, a program that reads news articles, finds who is
quoted and how, and measures how each outlet presents contested claims. The answer key shows the
program's answers. They are measurements, not verdicts: use them to start a discussion, and check items
marked *check* before class.

**What the measures mean.**
- *Quote*: words the article presents as said, claimed or believed by a source. *Direct* quotes are inside
  quotation marks; *indirect* ones are reported speech ("X said that ..."); *mixed* ones do both.
- *Group*: the kind of source (a government, state media, experts, ...). Who gets the most room shapes the story.
- *Reporting verb*: "said" is neutral; "claimed" casts doubt; "admitted" implies a concession; "insisted"
  suggests pressure. The choice is the writer's, not the speaker's.
- *Assert / attribute / hedge / deny*: is a claim stated as fact, credited to a source, softened ("it is
  believed", "may"), or reported as denied?
- *Stance index* (compare): from -1 (the outlet only reports denials) to +1 (it states the allegation as
  fact in its own voice); the interval shows how uncertain the figure is for few sentences.

**Limits.** The program works sentence by sentence and can miss irony, context from earlier paragraphs, or
a source named far away. A sentence can do several things at once but gets one label. Outlet names come
only from the text itself.

**Running a lesson (45 minutes).**
1. (5 min) Show one excerpt and ask: who is speaking here, the reporter or someone else?
2. (20 min) Students work on the worksheet in pairs.
3. (15 min) Compare with the key. Where students and the program disagree, ask who is right and why.
4. (5 min) Ask each pair for one sentence they would rewrite to be more neutral, or more honest about doubt.
"""


# ---------------------------------------------------------------- rendering
def to_markdown(ex: Exercise, key: bool) -> str:
    head = f"# {ex.title}{' - answer key' if key else ''}\n\n"
    head += f"*Exercise `{ex.kind}`, level {ex.level}, seed {ex.seed}. Made with framing.*\n\n"
    if not key:
        head += "Name: ______________________  Date: ____________\n\n"
    out = [head, f"{ex.instructions}\n"]
    for n, item in enumerate(ex.items, 1):
        out.append(f"\n## {n}. {item.prompt}\n")
        if item.source:
            out.append(f"\nSource: {item.source}\n")
        if item.excerpt:
            out.append("\n```\n" + "\n".join(item.excerpt) + "\n```\n")
        if key:
            flag = "**Check this item: the tool is unsure.** " if item.unsure else ""
            out.append(f"\n**Answer.** {flag}{item.answer}\n")
        else:
            out.append("\n" + "\n".join(["_" * 70] * item.lines_to_write) + "\n")
    if key:
        out.append("\n---\n\n" + TEACHER_GUIDE)
    return "".join(out)


def to_pdf(ex: Exercise, key: bool, path: Path) -> None:
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    from . import style
    from .report import TextPage

    style.apply()
    with PdfPages(path, metadata=dict(style.PDF_METADATA, Title=ex.title)) as pdf:
        page = TextPage(pdf, f"{ex.title}{' - answer key' if key else ''}")
        page.line(f"Exercise '{ex.kind}', level {ex.level}, seed {ex.seed}. Made with framing.", size=8,
                  colour="#555555", gap=0.006)
        if not key:
            page.line("Name: ______________________________    Date: ______________", size=10, gap=0.01)
        page.paragraph(ex.instructions, width=95, size=9)
        for n, item in enumerate(ex.items, 1):
            page.y -= 0.008
            for i, line in enumerate(textwrap.wrap(f"{n}. {item.prompt}", 84)):
                page.line(line, size=9.5, bold=True, indent=0.0 if i == 0 else 0.02)
            if item.source:
                page.line(f"Source: {item.source}", size=7.5, colour="#555555", indent=0.02)
            for line in item.excerpt:
                page.line(line, size=7.5, indent=0.02, family="DejaVu Sans Mono")
            if key:
                if item.unsure:
                    page.line("CHECK THIS ITEM: the tool is unsure.", size=8.5, bold=True, colour="#B00000",
                              indent=0.02)
                for line in item.answer.splitlines():
                    for part in textwrap.wrap(line, 96) or [""]:
                        page.line(part, size=8.5, indent=0.02, colour="#003366")
            else:
                for _ in range(item.lines_to_write):
                    page.line("_" * 92, size=9, indent=0.02, colour="#999999", gap=0.008)
        if key:
            page._new()
            _guide_page(page)
        page.close()
    plt.close("all")


def _guide_page(page):
    """The teacher guide, one paragraph or list item at a time."""
    items: list[str] = []
    for line in TEACHER_GUIDE.splitlines():
        if not line.strip():
            items.append("")
        elif re.match(r"^(#|- |\d+\. )", line) or not items or not items[-1]:
            items.append(line)
        else:
            items[-1] += " " + line.strip()
    for item in items:
        if not item:
            page.y -= 0.006
            continue
        if item.startswith("# "):
            page.line(item[2:], size=12, bold=True, gap=0.006)
            continue
        text = item.replace("**", "").replace("*", "")
        indent = 0.02 if re.match(r"^(- |\d+\. )", text) else 0.0
        for n, line in enumerate(textwrap.wrap(text, 100 if not indent else 96)):
            page.line(line, size=8.5, indent=indent + (0.015 if n and indent else 0.0),
                      bold=n == 0 and item.startswith("**"))


def write_exercise(analysis, outdir, kinds=KINDS, seed: int = 1, level: str = "intro", articles=None,
                   force: bool = False) -> list[str]:
    """Write worksheet and key (Markdown and PDF) for each kind; returns the file names."""
    exercises = [build_exercise(analysis, k, seed, level, articles) for k in kinds]
    written = []
    with atomic_dir(outdir, force=force) as tmp:
        for ex in exercises:
            for key, suffix in ((False, "worksheet"), (True, "key")):
                md = tmp / f"{ex.kind}_{suffix}.md"
                md.write_text(to_markdown(ex, key), encoding="utf-8")
                to_pdf(ex, key, tmp / f"{ex.kind}_{suffix}.pdf")
                written += [md.name, f"{ex.kind}_{suffix}.pdf"]
        (tmp / "teacher_guide.md").write_text(TEACHER_GUIDE, encoding="utf-8")
        written.append("teacher_guide.md")
    return written
