"""How each outlet frames the contested claims: decisions a reader can check, and a classifier.

For every sentence (or contrasted clause, or headline) about a topic (``arms`` or
``sanctions``, from ``lexicons/topics.csv``, or a ``--topics`` file) the label says
how the outlet presents the claim:

``assert``     in the outlet's own voice, as fact;
``attribute``  as a named source's claim;
``hedge``      in its own voice but marked uncertain;
``deny``       reporting a denial;
``none``       the topic is mentioned without a position on the claim.

The label is the outcome of separate decisions (:func:`decide`), each with its
evidence (:class:`Evidence`, shown as ``terms`` and ``why``): is the sentence
about a topic (a term, a reference back, the two parties named together); is it
denied (denial cues, a party negating the claim); whose voice carries it (the
quote extractor, allegation words, and the voice model learned from PolNeAR,
:mod:`framing.voice`); is it hedged in the outlet's own voice.

Beside it, a classifier (``DictVectorizer`` then ``LogisticRegression``, stored
as plain JSON) weighs the same evidence; it is trained on real labelled sentences
with framing's synthetic ones as a minority, and a second one on the real
sentences alone (``framing train stance``); both labels are kept in the output.

Stance index of a set of topic sentences: the mean of assert = +1,
hedge = +0.5, attribute = +0.25, deny = -1 over sentences not labelled
``none``; it lies in [-1, 1]: +1 when the outlet asserts the allegation in
its own voice throughout, -1 when it only reports denials.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from .trained import trained_path
from .lexicon import LexiconError, TermMatcher, load_csv, load_terms
from .preprocessing import ends_a_sentence
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
FORMAT = "framing-stance-2"  # evidence features (no words); a second classifier trained without synthetic sentences
DATA_FILE = "stance_sentences.jsonl"
# A reference back to what the last topic sentence spoke of: "such accusations", "the claims",
# "this initiative", "these statements", "their activities", or a sentence opening with "It", "This" or "They".
_REFERENCE = re.compile(r"\b(?:such|these|those|this)\s+[\u201c\"]?\w|\b(?:the|that)\s+[\u201c\"]?(?:\w+\s+)?"
                        r"(?:accusations?|allegations?|claims?|charges?|reports?|statements?)\b|\btheir\s+\w+ities\b"
                        r"|^[\u201c\"]?(?:It|This|They|These|Such)\b", re.I)

# A reference to the claims just reported, by a noun that names them as claims: "the baseless accusations".
_CLAIM_REFERENCE = re.compile(r"\b(?:the|these|those|such|that|this)\s+[\u201c\"]?(?:\w+\s+)?[\u201c\"]?"
                              r"(?:accusations?|allegations?|claims?|charges?)\b", re.I)


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
        matches = self.topics.find(text, start, end)
        return self.weigh(matches, self.parties.find(text, start, end) if matches and self.parties else [])

    def weigh(self, matches: list, parties: list) -> dict[str, list]:
        """Topic -> its matches among ``matches`` (of one sentence), for topics whose weights reach 2;
        naming both parties (``parties``: their matches) adds 1."""
        found: dict[str, list] = {}
        for m in matches:
            found.setdefault(m.category, []).append(m)
        if not found:
            return found
        both = 1.0 if len({m.category for m in parties}) >= 2 else 0.0
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
    voice: float = 0.0  # the voice model's probability that the topic lies in a source's words (read only
    # when no denial, quote or allegation word settles the label; 0 otherwise)
    voice_attributed: bool = False  # ... and whether it reaches the model's threshold
    found: "Evidence | None" = field(default=None, repr=False, compare=False)  # evidence(self), once read


def features(ctx: SentenceContext, found: "Evidence | None" = None) -> dict[str, float]:
    """The classifier's inputs: the topic, each decision's evidence and the rules' answer.

    No words of the sentence: the classifier weighs the same evidence the decisions show
    (``why``), so its weights can be read in the model file and it learns nothing of the
    text it was trained on.
    """
    e = found or evidence(ctx)
    label, _ = decide(ctx, e)
    f = {f"topic={ctx.topic}": 1.0, f"rule={label}": 1.0, "voice": e.voice}
    for name in ("denial", "denying_quote", "party_negation", "covered", "allegation", "voice_attributed",
                 "hedge", "booster", "by_reference"):
        if getattr(e, name):
            f[name] = 1.0
    if ctx.quotes:
        f["quote_in_sentence"] = 1.0
    for q in ctx.quotes:
        if any(q[4] <= s < q[5] for s, _ in ctx.topic_spans):
            f[f"covering_quote_verb={q[2]}"] = 1.0
            f["covering_quote_party" if q[3] in _party_groups() else "covering_quote_other"] = 1.0
    return f


# --------------------------------------------------------------------- model
class StanceModel:
    """DictVectorizer + LogisticRegression, saved as plain JSON (no pickle).

    Training uses scikit-learn; a loaded model scores with its stored
    coefficients directly (the same numbers, without importing scikit-learn);
    ``pipeline`` rebuilds the scikit-learn objects on demand.
    """

    def __init__(self, C: float = 1.0):
        self.C = C
        self._pipeline = None
        self._params: dict | None = None
        self.cv: dict | None = None  # cross-validation figures, kept with the model
        self.trained_on: list[str] = []  # what it learned from (corpora and row counts)
        self.without_synthetic: StanceModel | None = None  # the same classifier trained on real sentences only
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

    def scores(self, X: list[dict]) -> list[list[float]]:
        """The linear scores of each row, one per class. The features are few, so the sums are plain
        Python."""
        if self._weights is None:
            p = self._params
            by_feature = {n: tuple(row[i] for row in p["coef"]) for i, n in enumerate(p["feature_names"])}
            self._weights = (by_feature, list(p["intercept"]))
        by_feature, intercept = self._weights
        out = []
        for features in X:
            row = intercept
            for name, value in features.items():
                weights = by_feature.get(name)
                if weights and value:
                    row = [a + w * value for a, w in zip(row, weights)]
            out.append(row)
        return out

    def predict_proba(self, X: list[dict]):
        """Class probabilities from the linear model (same numbers as the pipeline's)."""
        import math

        import numpy as np

        out = []
        for row in self.scores(X):
            if len(row) == 1:  # binary problem
                p = 1 / (1 + math.exp(-row[0]))
                out.append((1 - p, p))
                continue
            top = max(row)
            e = [math.exp(v - top) for v in row]
            total = sum(e)
            out.append(tuple(v / total for v in e))
        return np.array(out, dtype=float).reshape(len(X), -1)

    @property
    def classes(self) -> list[str]:
        return list(self._params["classes"])

    def predict(self, X: list[dict]) -> list[str]:
        """The most probable class of each row (the highest score: no probabilities needed)."""
        classes = self.classes
        if len(classes) == 2:
            return [classes[int(row[0] > 0)] for row in self.scores(X)]
        return [classes[max(range(len(row)), key=row.__getitem__)] for row in self.scores(X)]

    def to_dict(self) -> dict:
        data = {"format": FORMAT, "C": self.C, **self._params, "cv": self.cv, "trained_on": self.trained_on}
        if self.without_synthetic is not None:
            data["without_synthetic"] = {"C": self.C, **self.without_synthetic._params}
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "StanceModel":
        if data.get("format") != FORMAT:
            raise ValueError(f"not a framing stance model (format {FORMAT}): rebuild it with 'framing train stance'")
        model = cls._from_params(data)
        model.cv, model.trained_on = data.get("cv"), list(data.get("trained_on") or [])
        if data.get("without_synthetic"):
            model.without_synthetic = cls._from_params(data["without_synthetic"])
        return model

    @classmethod
    def _from_params(cls, data: dict) -> "StanceModel":
        model = cls(data["C"])
        model._params = {k: data[k] for k in ("feature_names", "classes", "coef", "intercept")}
        if len(model._params["coef"]) != len(model._params["classes"]) and len(model._params["classes"]) > 2:
            raise ValueError("stance model: coefficients do not match the classes")
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
    model_label_without_synthetic: str = ""  # ... and that of the classifier trained on real sentences only
    headline: bool = False
    in_quote: bool = False
    speaker_group: str | None = None
    outlet: str | None = None

    def to_dict(self) -> dict:
        return {**self.__dict__, "terms": list(self.terms), "counts": dict(self.counts)}


@dataclass
class Evidence:
    """What the decisions behind a label rest on, for one sentence and topic (each shown in ``why``)."""

    denial: str = ""  # denial cue words ("dismissed", "baseless", "no evidence")
    denying_quote: bool = False  # a quote introduced by a verb of denial
    party_negation: str = ""  # a party to the claim negating it in its own words ("not a violation")
    covered: bool = False  # the topic lies in a quote's content or its source's name
    groups: tuple[str, ...] = ()  # the speaker groups of those quotes
    allegation: str = ""  # an allegation word naming the claim as someone's ("claims", "accused")
    voice: float = 0.0  # the voice model's probability that the topic lies in a source's words
    voice_attributed: bool = False
    hedge: str = ""  # hedge words in the outlet's own voice and the topic's clause
    booster: str = ""
    by_reference: bool = False  # the topic is carried by a reference ("such accusations"), not a term

    @property
    def denied(self) -> bool:
        return bool(self.denial or self.denying_quote or self.party_negation)


def evidence(ctx: SentenceContext) -> Evidence:
    """The evidence for each decision: denied? attributed (and by what)? hedged?"""
    if ctx.found is None or (ctx.found.voice, ctx.found.voice_attributed) != (ctx.voice, ctx.voice_attributed):
        ctx.found = _evidence(ctx)
    return ctx.found


def _evidence(ctx: SentenceContext) -> Evidence:
    inside = lambda pos: any(q[4] <= pos < q[5] for q in ctx.quotes)  # noqa: E731  (in reported content)
    named = lambda pos: any(q[6] <= pos < q[7] for q in ctx.quotes)  # noqa: E731  (in the source's name)
    by_reference = _by_reference(ctx)
    own = [m for m in ctx.markers if m.category != "hedge"  # a hedge counts in own voice, in the topic's clause
           or (not inside(m.start) and _same_clause(ctx, m.start))]
    words = lambda category: ", ".join(sorted({ctx.text[m.start:m.end] for m in own  # noqa: E731
                                               if m.category == category}))
    covered = any(inside(s) or named(s) for s, e in ctx.topic_spans if e > s) or (
        by_reference and any(2 * (q[5] - q[4]) >= len(ctx.text) for q in ctx.quotes))  # not the writer's words
    groups = sorted({q[3] for q in ctx.quotes if q[3] and any(q[4] <= s < q[5] or q[6] <= s < q[7]
                                                              for s, _ in ctx.topic_spans)})
    allegation = next((ctx.text[m.start:m.end] for m in own if m.category == "allegation"
                       and _ATTRIBUTING.match(ctx.text[m.start:m.end])), "")
    return Evidence(words("denial"), any(q[2] == "denying" for q in ctx.quotes), _negated_by_party(ctx),
                    covered, tuple(groups), allegation, ctx.voice, ctx.voice_attributed, words("hedge"),
                    words("booster"), by_reference)


def decide(ctx: SentenceContext, found: Evidence | None = None) -> tuple[str, str]:
    """The label as the outcome of separate decisions, and a short account of them (``why``).

    Voice: attributed when the topic lies in a quote's content or in its source's name, an
    allegation word names the claim as someone's ("claims that", "accused"), or the voice model
    (learned from PolNeAR) reads a source's words there ("according to her assessment, ...");
    own voice otherwise. Denied: a denial cue (verbs of rejection, dismissal and ridicule,
    "baseless", "no evidence", a quote introduced by "denied"), or a party to the claim negating
    it in its own words. Hedged: a hedge cue in the outlet's own voice, in the topic's clause.
    Then: denied -> deny; attributed -> attribute; hedged -> hedge; else assert.
    """
    e = found or evidence(ctx)
    if e.denial or e.denying_quote:
        return "deny", f"denied ({e.denial or 'a quote introduced as a denial'})"
    if e.party_negation:
        return "deny", f"denied: a party to the claim negates it ({e.party_negation})"
    if e.covered:
        return "attribute", "attributed to a source" + (f" ({', '.join(e.groups)})" if e.groups else "")
    if e.allegation:  # "U.S. claims that ...", "the accusations": someone's claim, not the outlet's
        return "attribute", f"attributed by an allegation word ({e.allegation})"
    if e.voice_attributed:  # "According to her assessment, ...", "X told the council it has established that ..."
        return "attribute", f"attributed: the voice model reads a source's words here ({e.voice:.2f})"
    if e.hedge:
        return "hedge", f"own voice, hedged ({e.hedge})"
    return "assert", "own voice, no hedge or denial"


_CONTRAST = re.compile(r",\s+(?=(?:while|whereas)\s)|;\s+")  # where a sentence's contrasted clauses meet
_CLAUSE_BREAK = re.compile(r";|,\s+(?:while|whereas|but|although|though|and)\s|\s[\u2014\u2013]\s")


def _by_reference(ctx: SentenceContext) -> bool:
    """The sentence carries its topic by reference ("such accusations"), not by a term."""
    return all(s == e for s, e in ctx.topic_spans)


def _same_clause(ctx: SentenceContext, position: int) -> bool:
    """No clause break (";", ", while", ", but", a dash) between ``position`` and a topic term."""
    if _by_reference(ctx):
        return True
    return any(not _CLAUSE_BREAK.search(ctx.text, *sorted((position, s))) for s, _ in ctx.topic_spans)


_ACRONYM = re.compile(r"\s\([A-Z]{2,8}\)")
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

    def __init__(self, model: StanceModel, lexicons: StanceLexicons | None = None, voice=None):
        from .voice import VoiceModel

        self.model = model
        self.lexicons = lexicons or StanceLexicons.load()
        self.voice = voice or VoiceModel.load()
        markers, parties = self.lexicons.markers, self.lexicons.parties
        # markers and parties found in one pass over the body when no term of one can hide one of the other
        self._body = TermMatcher({**markers.terms, **parties.terms}) if parties and not markers.overlaps(parties) \
            and not set(markers.terms.values()) & set(parties.terms.values()) else None

    @classmethod
    def load(cls, path: str | Path | None = None, topics: str | None = None, extend: bool = False) -> "StanceScorer":
        """The shipped (or ``path``) model with the built-in topics, or those of the file ``topics``."""
        return cls(StanceModel.load(path), StanceLexicons.load(str(topics) if topics else None, extend))

    def contexts(self, doc: Document, quotes: list[Quote], markers: dict | None = None,
                 parties: dict | None = None) -> list[tuple[object, SentenceContext]]:
        """(sentence, context) for every sentence and topic it is about (``markers``, ``parties``: the
        body's matches by sentence, when already found)."""
        out = []
        previous: dict[str, list] = {}
        previous_at, previous_speakers = -10, set()
        by_sentence = _quotes_by_sentence(doc, quotes)
        acronyms = self._acronyms(doc)
        terms = _per_sentence(doc, self.lexicons.topics)  # one pass over the text for each lexicon
        if parties is None:
            parties = _per_sentence(doc, self.lexicons.parties) if self.lexicons.parties else {}
        parties = dict(parties)  # headlines are added below
        for sent in headlines(doc) + doc.sentences:
            if sent.kind == "heading":
                terms[sent.index] = self.lexicons.topics.find(doc.text, sent.start, sent.end)
                parties[sent.index] = self.lexicons.parties.find(doc.text, sent.start, sent.end) \
                    if self.lexicons.parties else []
            topics = self.lexicons.weigh(terms.get(sent.index, []), parties.get(sent.index, []))
            for pattern, topic in acronyms:
                if topic not in topics and pattern.search(doc.text, sent.start, sent.end):
                    topics[topic] = []  # "the MSMT": a name the article defined with topic words
            speakers = {q.speaker for q in by_sentence.get(sent.index, ()) if q.speaker_source != "unresolved"}
            near = bool(previous) and sent.index - previous_at <= 2
            if near and _CLAIM_REFERENCE.search(sent.text):  # "dismissed the baseless accusations": the claims
                for topic in previous:  # just reported, besides any topic named here
                    topics.setdefault(topic, [])
            elif not topics and near and (_REFERENCE.search(sent.text) or speakers & previous_speakers
                                          or len({m.category for m in parties.get(sent.index, [])}) >= 2):
                # "such accusations", "this initiative", the same source going on, or the two sides
                # ("Moscow's interaction with North Korea") named together: the last topic goes on
                topics = {t: [] for t in previous}
            if topics:
                previous, previous_at, previous_speakers = topics, sent.index, speakers
            if not topics:
                continue
            found = markers[sent.index] if markers is not None and sent.index in markers else \
                self.lexicons.markers.find(doc.text, sent.start, sent.end)
            found = [_shift(m, sent.start) for m in found]
            for unit in self._clauses(sent, topics, terms.get(sent.index, []), parties.get(sent.index, [])):
                out.extend(self._unit_contexts(doc, sent, unit, topics, found, by_sentence))
        return out

    def _clauses(self, sent: Sentence, topics: dict, terms: list, parties: list) -> list[Sentence]:
        """The sentence, or its contrasted clauses ("X, while Y"; "X; Y") when each is about a topic of
        its own: each clause then takes its own label ("Russia has procured missiles from North Korea,
        while Pyongyang is believed to be seeking ...": asserted, then hedged)."""
        if not topics or sent.kind == "heading":
            return [sent]
        starts = [0] + [m.end() for m in _CONTRAST.finditer(sent.text)]
        ends = [m.start() for m in _CONTRAST.finditer(sent.text)] + [len(sent.text)]
        units = [Sentence(sent.index, sent.start + a, sent.start + b, sent.text[a:b], [], sent.paragraph, sent.kind)
                 for a, b in zip(starts, ends)]
        within = lambda found, u: [m for m in found if u.start <= m.start < u.end]  # noqa: E731
        if len(units) < 2 or not all(self.lexicons.weigh(within(terms, u), within(parties, u)) for u in units):
            return [sent]
        return units

    def _unit_contexts(self, doc: Document, sent: Sentence, unit: Sentence, topics: dict, found: list,
                       by_sentence: dict) -> list[tuple[Sentence, SentenceContext]]:
        """A context per topic of one sentence (or clause of it)."""
        shift = unit.start - sent.start
        found = [_shift(m, shift) for m in found if shift <= m.start < shift + len(unit.text)]
        qs = [(max(a, unit.start) - unit.start, min(b, unit.end) - unit.start, q.connotation, q.group,
               q.start - unit.start, q.end - unit.start, *_mention_span(q, unit.start))
              for q in by_sentence.get(sent.index, ()) for a, b in [_attributed_stretch(q)]
              if a < unit.end and b > unit.start]
        if sent.kind == "heading":
            qs = _headline_attribution(sent.text)
        out = []
        for topic, matches in sorted(topics.items()):
            inside = [m for m in self.lexicons.strongest(matches) if unit.start <= m.start < unit.end]
            spans = [(m.start - unit.start, m.end - unit.start) for m in inside] or [(0, 0)]
            ctx = SentenceContext(unit.text, topic, found, spans, qs)
            e = evidence(ctx)
            if not (e.denied or e.covered or e.allegation):  # only the voice model can tell whose words these are
                at = [m.start - unit.start for m in matches if unit.start <= m.start < unit.end] \
                    or [len(unit.text) // 2]  # every topic term (a reference: the clause's middle)
                words = self.voice.words(unit.text)
                first_cue = min((c[0] for c in words.cues), default=None)
                at = [a for a in at if first_cue is None or a > first_cue] or at  # not the source's description
                voice = sum(self.voice.probability(unit.text, a, words) for a in at) / len(at)  # over the claim's terms
                ctx.voice, ctx.voice_attributed = round(voice, 3), voice >= self.voice.decision.threshold
                ctx.found = replace(e, voice=ctx.voice, voice_attributed=ctx.voice_attributed)
            out.append((unit, ctx))
        return out

    def _acronyms(self, doc: Document) -> list[tuple[re.Pattern, str]]:
        """Acronyms the article defines by a name that is about a topic: "Multilateral Sanctions
        Monitoring Group (MSMT)" makes a later "the MSMT" a sanctions sentence."""
        out = []
        for parens in _ACRONYM.finditer(doc.text):  # cheap first: "(MSMT)"; then the name before it
            m = _ACRONYM_DEFINITION.search(doc.text, max(0, parens.start() - 120), parens.end())
            if m is None or m.end() != parens.end():
                continue
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
        """Sentence index -> its marker matches (offsets into the text)."""
        return self._body_matches(doc)[0]

    def _body_matches(self, doc: Document) -> tuple[dict[int, list], dict[int, list] | None]:
        """Sentence index -> its marker matches, and -> its party matches (None: not looked for)."""
        if self._body is None:
            found, parties = _per_sentence(doc, self.lexicons.markers), None
        else:
            found, parties = {}, {}
            for index, matches in _per_sentence(doc, self._body).items():
                for m in matches:
                    (found if m.category in MARKER_FILES else parties).setdefault(index, []).append(m)
        return {s.index: found.get(s.index, []) for s in doc.sentences}, parties

    def score(self, doc: Document, quotes: list[Quote]) -> tuple[list[ScoredSentence], dict[str, int]]:
        """Scored topic sentences and the body's marker counts, in one pass."""
        markers, parties = self._body_matches(doc)
        return self.score_document(doc, quotes, markers, parties), self.marker_counts(doc, markers)

    def score_document(self, doc: Document, quotes: list[Quote], markers: dict | None = None,
                       parties: dict | None = None) -> list[ScoredSentence]:
        pairs = self.contexts(doc, quotes, markers, parties)
        if not pairs:
            return []
        found = [evidence(c) for _, c in pairs]
        X = [features(c, e) for (_, c), e in zip(pairs, found)]
        probs = self.model.predict_proba(X)
        classes = self.model.classes
        real_only = self.model.without_synthetic.predict(X) if self.model.without_synthetic else [""] * len(X)
        out = []
        for (sent, ctx), e, p, second in zip(pairs, found, probs, real_only):
            best = int(p.argmax())
            label, why = decide(ctx, e)
            in_quote = any(q[0] <= s < q[1] for q in ctx.quotes for s, _ in ctx.topic_spans)
            counts: dict[str, int] = {}
            for m in ctx.markers:
                counts[m.category] = counts.get(m.category, 0) + 1
            out.append(ScoredSentence(
                doc=doc.id, sentence=sent.index, start=sent.start, end=sent.end, text=sent.text, topic=ctx.topic,
                label=label, confidence=round(float(p[classes.index(label)]) if label in classes else 0.0, 3),
                lexicon_label=lexicon_label(ctx), why=why, model_label=classes[best],
                model_label_without_synthetic=second,
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
    paragraphs = (b.start for b in article.blocks  # (a body block with no final stop: a photo caption)
                  if b.kind == "body" and ends_a_sentence(article.text[b.start:b.end]))
    first_body = min(paragraphs, default=len(article.text))
    for b in article.blocks:
        if b.kind == "heading" and b.end <= first_body:
            start = b.start
            while start < b.end and doc.raw[start] in "#*_ \t":  # markdown heading marks
                start += 1
            text = doc.raw[start:b.end]
            if len(text.split()) >= 3:
                out.append(Sentence(-1 - len(out), start, b.end, text, [], -1, "heading"))
    return out


def _per_sentence(doc: Document, matcher: TermMatcher) -> dict[int, list]:
    """Sentence index -> the matcher's matches in that body sentence (offsets into the text), from one
    pass over the body."""
    from bisect import bisect_right

    if not doc.sentences:
        return {}
    starts = [s.start for s in doc.sentences]
    out: dict[int, list] = {}
    for m in matcher.find(doc.text, doc.sentences[0].start, doc.sentences[-1].end):
        sent = doc.sentences[bisect_right(starts, m.start) - 1]
        if m.end <= sent.end:
            out.setdefault(sent.index, []).append(m)
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
