"""How each outlet frames the contested claims: lexicon scores and a classifier.

For every sentence about a topic (``arms`` or ``sanctions``, from
``lexicons/topics.csv``) the classifier labels how the outlet presents the
claim:

``assert``     in the outlet's own voice, as fact;
``attribute``  as a named source's claim;
``hedge``      in its own voice but marked uncertain;
``deny``       reporting a denial;
``none``       the topic is mentioned without a position on the claim.

The classifier is a scikit-learn pipeline (``DictVectorizer`` then
``LogisticRegression``) over word n-grams, lexicon counts and quote features
(is the topic inside a reported quote, the quoting verb's connotation, the
speaker's group). It is trained on framing's own labelled sentences
(``framing/trained/stance_sentences.jsonl``) and stored as plain JSON.

Stance index of a set of topic sentences: the mean of assert = +1,
hedge = +0.5, attribute = +0.25, deny = -1 over sentences not labelled
``none``; it lies in [-1, 1]: +1 when the outlet asserts the allegation in
its own voice throughout, -1 when it only reports denials.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .trained import trained_path
from .lexicon import LexiconError, TermMatcher, load_csv, load_terms
from .quotes import reporting_verbs
from .types import Document, Quote, Sentence

TOPICS = ("arms", "sanctions")  # the built-in topics; --topics FILE replaces or extends them
TOPIC_TITLES = {"arms": "arms transfers", "sanctions": "sanctions"}


def topic_order(topic: str) -> tuple:
    """Sort key: built-in topics first, in their order, then the others by name."""
    return (TOPICS.index(topic), "") if topic in TOPICS else (len(TOPICS), topic)


def topic_title(topic: str) -> str:
    """How a topic is named in figures and worksheets."""
    return TOPIC_TITLES.get(topic, topic.replace("_", " ").replace("-", " "))
LABELS = ("assert", "attribute", "hedge", "deny", "none")
INDEX_WEIGHTS = {"assert": 1.0, "hedge": 0.5, "attribute": 0.25, "deny": -1.0}
MARKER_FILES = {"hedge": "hedges.txt", "booster": "boosters.txt", "allegation": "allegation_markers.txt",
                "denial": "denial_markers.txt", "factive": "factive_verbs.txt"}
MODEL_FILE = "stance_model.json"
DATA_FILE = "stance_sentences.jsonl"
_WORD = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?")
# A reference back to what the last topic sentence spoke of: "such accusations", "the claims",
# "this initiative", "these statements", "their activities", or a sentence opening with "It", "This" or "They".
_REFERENCE = re.compile(r"\b(?:such|these|those|this)\s+[\u201c\"]?\w|\b(?:the|that)\s+[\u201c\"]?(?:\w+\s+)?"
                        r"(?:accusations?|allegations?|claims?|charges?|reports?|statements?)\b|\btheir\s+\w+ities\b"
                        r"|^[\u201c\"]?(?:It|This|They|These|Such)\b", re.I)


# ------------------------------------------------------------------ lexicons
@dataclass
class StanceLexicons:
    """Marker and topic lexicons, compiled for matching."""

    markers: TermMatcher
    topics: TermMatcher
    topic_weights: dict[str, float]
    connotations: dict[str, str]
    parties: TermMatcher | None = None  # the two sides of the story (lexicons/parties.csv)

    @classmethod
    @lru_cache(maxsize=8)
    def load(cls, topics: str | None = None, extend: bool = False) -> "StanceLexicons":
        """The lexicons, with the topics of ``lexicons/topics.csv``, or of the file ``topics`` instead
        (``extend``: besides them). A topics file has the columns term, topic, weight."""
        terms: dict[str, str] = {}
        for category, name in MARKER_FILES.items():
            for term in load_terms(name):
                terms.setdefault(term, category)
        sources = (["topics.csv"] if not topics or extend else []) + ([Path(topics)] if topics else [])
        topic_terms, weights = {}, {}
        for source in sources:
            for n, row in enumerate(load_csv(source, ("term", "topic", "weight")), 1):
                topic = (row["topic"] or "").strip()
                try:
                    weight = float(row["weight"])
                except (TypeError, ValueError):
                    weight = -1.0
                if not topic or not re.fullmatch(r"[\w-]+", topic) or weight <= 0 or not (row["term"] or "").strip():
                    raise LexiconError(f"{source}: row {n} needs a term, a topic name (letters, digits, _ or -) "
                                       f"and a positive weight")
                topic_terms[row["term"].strip()] = topic
                weights[row["term"].strip()] = weight
        connotations = {" ".join(k): v.connotation for k, v in reporting_verbs().items()}
        parties = TermMatcher({row["term"]: row["party"] for row in load_csv("parties.csv", ("term", "party"))})
        return cls(TermMatcher(terms), TermMatcher(topic_terms), weights, connotations, parties)

    def strongest(self, matches: list) -> list:
        """The matches of terms that name the topic alone, else all matches."""
        strong = [m for m in matches if self.topic_weights[m.term] >= 2]
        return strong or matches

    def topics_of(self, text: str, start: int = 0, end: int | None = None) -> dict[str, list]:
        """Topic -> matched terms, for topics whose weights reach 2."""
        found: dict[str, list] = {}
        for m in self.topics.find(text, start, end):
            found.setdefault(m.category, []).append(m)
        if not found:
            return found
        both = 1.0 if self.parties and len({m.category for m in self.parties.find(text, start, end)}) >= 2 else 0.0
        return {t: ms for t, ms in found.items() if sum(self.topic_weights[m.term] for m in ms) + both >= 2}


# ------------------------------------------------------------------ features
@dataclass
class SentenceContext:
    """What the classifier sees about one sentence and topic."""

    text: str
    topic: str
    markers: list  # lexicon Matches, offsets relative to text
    topic_spans: list[tuple[int, int]]
    quotes: list[tuple]  # (start, end, connotation, group, content start, end, mention start, end), relative;
    # start..end is the attributed stretch (content with the words naming the source)


def features(ctx: SentenceContext) -> dict[str, float]:
    """Feature dict: n-grams, lexicon counts, quote features."""
    words = _WORD.findall(ctx.text.casefold())
    f: dict[str, float] = {f"topic={ctx.topic}": 1.0}
    for w in words:
        f[f"w={w}"] = 1.0
    for a, b in zip(words, words[1:]):
        f[f"b={a}_{b}"] = 1.0
    for m in ctx.markers:
        f[f"lex={m.category}"] = f.get(f"lex={m.category}", 0.0) + 1.0
    in_quote = [q for q in ctx.quotes if any(q[0] <= s < q[1] for s, _ in ctx.topic_spans)]
    f["quote=any"] = 1.0 if ctx.quotes else 0.0
    f["quote=topic_inside"] = 1.0 if in_quote else 0.0
    for q in in_quote:
        f[f"quote_verb={q[2]}"] = 1.0
        f[f"quote_group={q[3]}"] = 1.0
    if ctx.quotes and not in_quote:
        f["quote=topic_outside"] = 1.0
    for a, b in _segments(ctx.text, ctx.topic_spans):  # words of the stretch that names the topic
        for w in _WORD.findall(ctx.text[a:b].casefold()):
            f[f"s={w}"] = 1.0
    for m in ctx.markers:  # markers in the same comma-delimited stretch as the topic
        if any(_same_segment(ctx.text, m.start, s) for s, _ in ctx.topic_spans):
            f[f"near={m.category}"] = 1.0
    return f


def _segments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The comma-delimited stretches of text that contain the topic terms."""
    out = []
    for s, e in spans:
        if e <= s:
            continue
        a = max(text.rfind(",", 0, s), text.rfind(";", 0, s)) + 1
        b = min([i for i in (text.find(",", e), text.find(";", e)) if i >= 0] or [len(text)])
        if (a, b) not in out:
            out.append((a, b))
    return out


def _same_segment(text: str, a: int, b: int) -> bool:
    lo, hi = sorted((a, b))
    return "," not in text[lo:hi] and ";" not in text[lo:hi]


# --------------------------------------------------------------------- model
class StanceModel:
    """DictVectorizer + LogisticRegression, saved as plain JSON (no pickle).

    Training uses scikit-learn; a loaded model scores with its stored
    coefficients directly (the same numbers, without importing scikit-learn);
    ``pipeline`` rebuilds the scikit-learn objects on demand.
    """

    def __init__(self, C: float = 2.0):
        self.C = C
        self._pipeline = None
        self._params: dict | None = None
        self.cv: dict | None = None  # cross-validation figures, kept with the model
        self._weights = None

    def _make(self):
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import Pipeline

        return Pipeline([("vectorize", DictVectorizer(sparse=True)),
                         ("classify", LogisticRegression(C=self.C, max_iter=5000, class_weight="balanced"))])

    def fit(self, X: list[dict], y: list[str]) -> "StanceModel":
        self._pipeline = self._make().fit(X, y)
        vec, clf = self._pipeline.named_steps["vectorize"], self._pipeline.named_steps["classify"]
        self._params = {"feature_names": list(vec.feature_names_), "classes": [str(c) for c in clf.classes_],
                        "coef": clf.coef_.round(8).tolist(), "intercept": clf.intercept_.round(8).tolist()}
        self._weights = None
        return self

    @property
    def pipeline(self):
        """The scikit-learn pipeline (rebuilt from the stored parameters if needed)."""
        if self._pipeline is None and self._params is not None:
            import numpy as np

            pipe = self._make()
            vec, clf = pipe.named_steps["vectorize"], pipe.named_steps["classify"]
            vec.feature_names_ = list(self._params["feature_names"])
            vec.vocabulary_ = {name: i for i, name in enumerate(vec.feature_names_)}
            clf.classes_ = np.array(self._params["classes"])
            clf.coef_ = np.array(self._params["coef"], dtype=float)
            clf.intercept_ = np.array(self._params["intercept"], dtype=float)
            self._pipeline = pipe
        return self._pipeline

    def predict_proba(self, X: list[dict]):
        """Class probabilities from the linear model (same numbers as the pipeline's)."""
        import numpy as np

        if self._weights is None:
            p = self._params
            self._weights = ({n: i for i, n in enumerate(p["feature_names"])}, np.array(p["coef"], dtype=float),
                             np.array(p["intercept"], dtype=float))
        vocabulary, coef, intercept = self._weights
        scores = np.tile(intercept, (len(X), 1))
        for row, features in enumerate(X):
            pairs = [(vocabulary[n], v) for n, v in features.items() if v and n in vocabulary]
            if pairs:
                idx, vals = zip(*pairs)
                scores[row] += coef[:, idx] @ np.asarray(vals)
        if coef.shape[0] == 1:  # binary problem
            p = 1 / (1 + np.exp(-scores[:, 0]))
            return np.column_stack([1 - p, p])
        scores -= scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)

    @property
    def classes(self) -> list[str]:
        return list(self._params["classes"])

    def predict(self, X: list[dict]) -> list[str]:
        classes = self.classes
        return [classes[int(i)] for i in self.predict_proba(X).argmax(axis=1)]

    def to_dict(self) -> dict:
        return {"format": "framing-stance-1", "C": self.C, **self._params, "cv": self.cv}

    @classmethod
    def from_dict(cls, data: dict) -> "StanceModel":
        if data.get("format") != "framing-stance-1":
            raise ValueError("not a framing stance model (format framing-stance-1)")
        model = cls(data["C"])
        model._params = {k: data[k] for k in ("feature_names", "classes", "coef", "intercept")}
        if len(model._params["coef"]) != len(model._params["classes"]) and len(model._params["classes"]) > 2:
            raise ValueError("stance model: coefficients do not match the classes")
        model.cv = data.get("cv")
        return model

    def save(self, path: str | Path) -> None:
        from .io import atomic_write

        with atomic_write(path) as fh:
            json.dump(self.to_dict(), fh, separators=(",", ":"), sort_keys=True)
            fh.write("\n")

    @classmethod
    def load(cls, path: str | Path | None = None) -> "StanceModel":
        path = Path(path) if path else trained_path(MODEL_FILE)
        try:
            return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, json.JSONDecodeError, KeyError) as exc:
            raise ValueError(f"cannot load stance model {path}: {exc}") from None


# ------------------------------------------------------------------- scoring
@dataclass
class ScoredSentence:
    """One topic sentence with the classifier's and the lexicon's reading."""

    doc: str
    sentence: int
    start: int
    end: int
    text: str
    topic: str
    label: str
    confidence: float
    lexicon_label: str
    terms: list[str] = field(default_factory=list)  # "category:term" that drove it
    counts: dict[str, int] = field(default_factory=dict)
    why: str = ""  # the decisions behind the label (voice, denial, hedge), in words
    model_label: str = ""  # the classifier's label, shown beside the decisions'
    headline: bool = False
    in_quote: bool = False
    speaker_group: str | None = None
    outlet: str | None = None

    def to_dict(self) -> dict:
        return {**self.__dict__, "terms": list(self.terms), "counts": dict(self.counts)}


def decide(ctx: SentenceContext) -> tuple[str, str]:
    """The label as the outcome of separate decisions, and a short account of them (``why``).

    Voice: attributed when the topic lies in a quote's content or in its source's name, or an
    allegation word names the claim as someone's ("claims that", "accused"); own voice
    otherwise. Denied: a denial cue (verbs of rejection and dismissal, "baseless", "no
    evidence", a quote introduced by "denied"), or a party to the claim negating it in its own
    words. Hedged: a hedge cue in the outlet's own voice. Then: denied -> deny; attributed ->
    attribute; hedged -> hedge; else assert.
    """
    inside = lambda pos: any(q[4] <= pos < q[5] for q in ctx.quotes)  # noqa: E731  (in reported content)
    named = lambda pos: any(q[6] <= pos < q[7] for q in ctx.quotes)  # noqa: E731  (in the source's name)
    own = [m for m in ctx.markers if m.category != "hedge" or not inside(m.start)]  # a hedge counts in own voice
    cats = {m.category for m in own}
    words = lambda category: ", ".join(sorted({ctx.text[m.start:m.end] for m in own  # noqa: E731
                                               if m.category == category}))
    covered = any(inside(s) or named(s) for s, _ in ctx.topic_spans)  # not the writer's words between them
    if "denial" in cats or any(q[2] == "denying" for q in ctx.quotes):
        cue = words("denial") or "a quote introduced as a denial"
        return "deny", f"denied ({cue})"
    negation = _negated_by_party(ctx)
    if negation:
        return "deny", f"denied: a party to the claim negates it ({negation})"
    if covered:
        groups = sorted({q[3] for q in ctx.quotes if q[3] and any(q[4] <= s < q[5] or q[6] <= s < q[7]
                                                                  for s, _ in ctx.topic_spans)})
        return "attribute", "attributed to a source" + (f" ({', '.join(groups)})" if groups else "")
    framing_words = [m for m in own if m.category == "allegation" and _ATTRIBUTING.match(ctx.text[m.start:m.end])]
    if framing_words:  # "U.S. claims that ...", "the accusations": someone's claim, not the outlet's
        return "attribute", f"attributed by an allegation word ({ctx.text[framing_words[0].start:framing_words[0].end]})"
    if "hedge" in cats:
        return "hedge", f"own voice, hedged ({words('hedge')})"
    return "assert", "own voice, no hedge or denial"


_ACRONYM_DEFINITION = re.compile(r"((?:[A-Z][\w-]*\s+(?:(?:of|for|on|and|the)\s+)?){1,7}[A-Z][\w-]*)\s+\(([A-Z]{2,8})\)")
_ATTRIBUTING = re.compile(r"(?:accus|alleg|claim|charge)", re.I)  # allegation words that name a claim as someone's
_DOUBLE_NEGATION = re.compile(r"\b(?:rule[sd]?\s+out|ruling\s+out|exclud\w*|den\w+|stop\w*|halt\w*)\b", re.I)
_NEGATION = re.compile(r"\b(?:not|no|never|nothing|none|neither|nor|without)\b|n['\u2019]t\b", re.I)


@lru_cache(maxsize=1)
def _party_groups() -> frozenset[str]:
    """Speaker groups that speak for a party to the contested claims (lexicons/groups.csv, column party)."""
    return frozenset(r["group"] for r in load_csv("groups.csv", ("group", "label")) if (r.get("party") or "").strip())


def _negated_by_party(ctx: SentenceContext) -> str:
    """The negation, when a party to the claim (Russia, North Korea) negates the topic in its own words:
    "Russia was not going to violate anything" (a few words before the topic term, inside the quote)."""
    for s, e in ctx.topic_spans:
        for q in ctx.quotes:
            if s == e == 0 and q[3] in _party_groups() and q[4] <= q[5]:  # the topic by reference ("this"):
                m = _NEGATION.search(ctx.text, q[4], q[5])  # a negation anywhere in the party's words
                if m and not _DOUBLE_NEGATION.search(ctx.text, m.end(), min(q[5], m.end() + 30)):
                    return m.group()
            if q[3] in _party_groups() and q[4] <= s < q[5]:
                window = ctx.text[max(q[4], s - 40):s]
                m = list(_NEGATION.finditer(window))
                if m and len(window[m[-1].end():].split()) <= 4 and not _DOUBLE_NEGATION.search(window[m[-1].end():]):
                    return m[-1].group()
    return ""


def lexicon_label(ctx: SentenceContext) -> str:
    """A transparent rule over the lexicons alone, shown beside the classifier."""
    cats = {m.category for m in ctx.markers}
    in_quote = any(q[0] <= s < q[1] for q in ctx.quotes for s, _ in ctx.topic_spans)
    if "denial" in cats or any(q[2] == "denying" for q in ctx.quotes):
        return "deny"
    if in_quote or "allegation" in cats:
        return "attribute"
    if "hedge" in cats:
        return "hedge"
    return "assert"


class StanceScorer:
    """Finds topic sentences in a document and labels each (sentence, topic)."""

    def __init__(self, model: StanceModel, lexicons: StanceLexicons | None = None):
        self.model = model
        self.lexicons = lexicons or StanceLexicons.load()

    @classmethod
    def load(cls, path: str | Path | None = None, topics: str | None = None, extend: bool = False) -> "StanceScorer":
        """The shipped (or ``path``) model with the built-in topics, or those of the file ``topics``."""
        return cls(StanceModel.load(path), StanceLexicons.load(str(topics) if topics else None, extend))

    def contexts(self, doc: Document, quotes: list[Quote], markers: dict | None = None) -> list[tuple[object, SentenceContext]]:
        """(sentence, context) for every sentence and topic it is about."""
        out = []
        previous: dict[str, list] = {}
        previous_at, previous_speakers = -10, set()
        by_sentence = _quotes_by_sentence(doc, quotes)
        acronyms = self._acronyms(doc)
        for sent in headlines(doc) + doc.sentences:
            topics = self.lexicons.topics_of(doc.text, sent.start, sent.end)
            for pattern, topic in acronyms:
                if topic not in topics and pattern.search(doc.text, sent.start, sent.end):
                    topics[topic] = []  # "the MSMT": a name the article defined with topic words
            speakers = {q.speaker for q in by_sentence.get(sent.index, ()) if q.speaker_source != "unresolved"}
            if not topics and previous and sent.index - previous_at <= 2 and \
                    (_REFERENCE.search(sent.text) or speakers & previous_speakers):
                # "such accusations", "this initiative", or the same source going on: the last topic goes on
                topics = {t: [] for t in previous}
            if topics:
                previous, previous_at, previous_speakers = topics, sent.index, speakers
            found = markers[sent.index] if markers is not None and sent.index in markers else \
                [_shift(m, sent.start) for m in self.lexicons.markers.find(doc.text, sent.start, sent.end)]
            qs = [(max(a, sent.start) - sent.start, min(b, sent.end) - sent.start, q.connotation, q.group,
                   q.start - sent.start, q.end - sent.start, *_mention_span(q, sent.start))
                  for q in by_sentence.get(sent.index, ()) for a, b in [_attributed_stretch(q)]
                  if a < sent.end and b > sent.start]
            if sent.kind == "heading":
                qs = _headline_attribution(sent.text)
            for topic, matches in sorted(topics.items()):
                spans = [(m.start - sent.start, m.end - sent.start) for m in self.lexicons.strongest(matches)] or [(0, 0)]
                out.append((sent, SentenceContext(sent.text, topic, found, spans, qs)))
        return out

    def _acronyms(self, doc: Document) -> list[tuple[re.Pattern, str]]:
        """Acronyms the article defines by a name that is about a topic: "Multilateral Sanctions
        Monitoring Group (MSMT)" makes a later "the MSMT" a sanctions sentence."""
        out = []
        for m in _ACRONYM_DEFINITION.finditer(doc.text):
            for topic in self.lexicons.topics_of(m.group(1)):
                out.append((re.compile(rf"\b{re.escape(m.group(2))}\b"), topic))
        return out

    def marker_counts(self, doc: Document, markers: dict | None = None) -> dict[str, int]:
        """Marker counts (hedge, booster, allegation, denial, factive) over the body sentences."""
        markers = markers if markers is not None else self._markers(doc)
        counts = {category: 0 for category in MARKER_FILES}
        for found in markers.values():
            for m in found:
                counts[m.category] += 1
        return counts

    def _markers(self, doc: Document) -> dict[int, list]:
        """Sentence index -> its marker matches (offsets relative to the sentence)."""
        return {s.index: [_shift(m, s.start) for m in self.lexicons.markers.find(doc.text, s.start, s.end)]
                for s in doc.sentences}

    def score(self, doc: Document, quotes: list[Quote]) -> tuple[list[ScoredSentence], dict[str, int]]:
        """Scored topic sentences and the body's marker counts, in one pass."""
        markers = self._markers(doc)
        return self.score_document(doc, quotes, markers), self.marker_counts(doc, markers)

    def score_document(self, doc: Document, quotes: list[Quote], markers: dict | None = None) -> list[ScoredSentence]:
        pairs = self.contexts(doc, quotes, markers)
        if not pairs:
            return []
        probs = self.model.predict_proba([features(c) for _, c in pairs])
        classes = self.model.classes
        out = []
        for (sent, ctx), p in zip(pairs, probs):
            best = int(p.argmax())
            label, why = decide(ctx)
            in_quote = any(q[0] <= s < q[1] for q in ctx.quotes for s, _ in ctx.topic_spans)
            counts: dict[str, int] = {}
            for m in ctx.markers:
                counts[m.category] = counts.get(m.category, 0) + 1
            out.append(ScoredSentence(
                doc=doc.id, sentence=sent.index, start=sent.start, end=sent.end, text=sent.text, topic=ctx.topic,
                label=label, confidence=round(float(p[classes.index(label)]) if label in classes else 0.0, 3),
                lexicon_label=lexicon_label(ctx), why=why, model_label=classes[best],
                terms=[f"{m.category}:{ctx.text[m.start:m.end]}" for m in ctx.markers],
                counts=counts, in_quote=in_quote, headline=sent.kind == "heading",
                speaker_group=ctx.quotes[0][3] if ctx.quotes else None, outlet=doc.article.outlet))
        return out


# Headline style attributes with a colon or a verb of saying at either end:
# "N. Korea will pay a price: Sullivan", "Kremlin says ...", "..., Zakharova said".
_HEADLINE_SOURCE = re.compile(r"^(?P<claim>.+?)\s*[:\u2014\u2013-]\s*(?P<who>(?:[A-Z][\w.'\u2019-]*\s?){1,5})$"
                              r"|^(?P<claim2>.+?),?\s+(?P<who2>(?:[A-Z][\w.'\u2019-]*\s?){1,5})\s+(?:says?|said|warns?|claims?)$"
                              r"|^(?P<who3>(?:[A-Z][\w.'\u2019-]*\s?){1,5})\s+(?:says?|warns?|claims?|tells?)\s+(?P<claim3>.+)$")


def _headline_attribution(text: str) -> list[tuple]:
    """A headline's attribution as a quote tuple (see :class:`SentenceContext`), or none."""
    m = _HEADLINE_SOURCE.match(text.strip())
    if not m:
        return []
    for claim, who in (("claim", "who"), ("claim2", "who2"), ("claim3", "who3")):
        if m.group(claim):
            a, b = m.span(claim)
            c, d = m.span(who)
            return [(min(a, c), max(b, d), "neutral", "", a, b, c, d)]
    return []


def headlines(doc: Document) -> list[Sentence]:
    """The headline and standfirst: heading blocks before the first body paragraph, each a sentence of
    its own (kind ``heading``, negative index: they are not part of the body the other steps read)."""
    article, out = doc.article, []
    first_body = min((b.start for b in article.blocks if b.kind == "body"), default=len(article.text))
    for b in article.blocks:
        if b.kind == "heading" and b.end <= first_body:
            start = b.start
            while start < b.end and doc.raw[start] in "#*_ \t":  # markdown heading marks
                start += 1
            text = doc.raw[start:b.end]
            if len(text.split()) >= 3:
                out.append(Sentence(-1 - len(out), start, b.end, text, [], -1, "heading"))
    return out


def _quotes_by_sentence(doc: Document, quotes: list[Quote]) -> dict[int, list[Quote]]:
    """Sentence index -> the quotes whose attributed stretch touches that sentence."""
    from bisect import bisect_left, bisect_right

    starts = [s.start for s in doc.sentences]
    out: dict[int, list[Quote]] = {}
    for q in quotes:
        a, b = _attributed_stretch(q)
        first = max(0, bisect_right(starts, a) - 1)
        last = bisect_left(starts, b)
        for k in range(first, min(last, len(starts))):
            out.setdefault(doc.sentences[k].index, []).append(q)
    return out


def _attributed_stretch(q: Quote) -> tuple[int, int]:
    """The reported content together with the words naming its source."""
    if q.mention_start is None:
        return q.start, q.end
    return min(q.start, q.mention_start), max(q.end, q.mention_end)


def _mention_span(q: Quote, offset: int) -> tuple[int, int]:
    """The words naming the source, relative to ``offset`` (an empty span when there are none)."""
    if q.mention_start is None or q.mention_end is None:
        return -1, -1
    return q.mention_start - offset, q.mention_end - offset


def _shift(m, offset):
    from .lexicon import Match

    return Match(m.term, m.category, m.start - offset, m.end - offset)


# ------------------------------------------------------------------ training
def load_training_data(path: str | Path | None = None) -> list[dict]:
    path = Path(path) if path else trained_path(DATA_FILE)
    rows = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    for n, r in enumerate(rows, 1):
        if not {"text", "topic", "label"} <= set(r) or r["label"] not in LABELS or r["topic"] not in TOPICS:
            raise ValueError(f"{path}: line {n} needs text, topic in {TOPICS} and label in {LABELS}")
    return rows


def training_contexts(rows: list[dict]) -> list[SentenceContext]:
    """Contexts for training sentences, built the way documents are scored."""
    from .corpus import article_from_text
    from .nlp import BuiltinSegmenter, annotate
    from .quotes import QuoteExtractor

    lex = StanceLexicons.load()
    extractor = QuoteExtractor()
    segmenter = BuiltinSegmenter()
    out = []
    for r in rows:
        text = r["text"]
        doc = annotate(article_from_text(text), segmenter)
        quotes = extractor.extract(doc)
        matches = lex.strongest(lex.topics_of(text).get(r["topic"], []))
        spans = [(m.start, m.end) for m in matches] or [(0, 0)]
        qs = [(*_attributed_stretch(q), q.connotation, q.group, q.start, q.end, *_mention_span(q, 0)) for q in quotes]
        out.append(SentenceContext(text, r["topic"], lex.markers.find(text), spans, qs))
    return out


def train(rows: list[dict] | None = None, C: float = 2.0) -> StanceModel:
    """Fit the stance model on labelled sentences (deterministic)."""
    rows = rows if rows is not None else load_training_data()
    X = [features(c) for c in training_contexts(rows)]
    return StanceModel(C).fit(X, [r["label"] for r in rows])


def cross_validate(rows: list[dict] | None = None, C: float = 2.0, folds: int = 5) -> dict:
    """Macro-F1 by stratified k-fold, and with whole patterns held out (GroupKFold)."""
    import numpy as np
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold, StratifiedKFold

    rows = rows if rows is not None else load_training_data()
    X = [features(c) for c in training_contexts(rows)]
    y = np.array([r["label"] for r in rows])
    groups = np.array([r.get("template", str(i)) for i, r in enumerate(rows)])
    result = {}
    for name, splitter in (("stratified", StratifiedKFold(folds, shuffle=True, random_state=0)),
                           ("patterns_held_out", GroupKFold(folds))):
        pred = np.empty(len(y), dtype=object)
        for tr, te in splitter.split(X, y, groups if name == "patterns_held_out" else None):
            model = StanceModel(C).fit([X[i] for i in tr], list(y[tr]))
            pred[te] = model.predict([X[i] for i in te])
        result[name] = round(float(f1_score(y, pred.astype(str), average="macro")), 3)
    result["sentences"] = len(rows)
    return result
