"""The learned decisions of the quote extractor.

Four yes/no decisions, each a logistic regression over named features:

``marks``  is a passage between quotation marks a quote, or a scare quote,
           title or name? (features of :class:`~framing.marks.Candidate`:
           attribution layout, cue, kind of speaker mention, length, place in
           its sentence, the word or the comma or colon before it)
``subjects`` the same question for a passage inside a clause whose verb is no
           verb of saying ('Quint praised Brand for showing "the courage of
           his convictions"'): are these the clause subject's words? Its own
           decision, so that it has its own threshold: a clause's subject is a
           weaker sign of a speaker than a verb of saying
``cues``   is a reporting expression found by the rules ("X said ...",
           "according to X") really an attribution? (cue form and lemma,
           pattern, how the speaker was resolved, lengths, the word before)
``clauses`` is a verb of saying that the rules left alone the cue of a
           reported clause? (see :mod:`framing.clauses`: order, cue, kind of
           speaker mention, lengths, the words around the cue)

All are trained on the ``train`` part of PolNeAR (Newell, Margolin and Ruths,
"An Attribution Relations Corpus for Political News", LREC 2018): a candidate
is right there when it lies inside a human-annotated attribution. The weights
are stored as plain JSON (``framing/trained/quote_model.json``); scoring needs
no scikit-learn.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from .trained import trained_path

MODEL_FILE = "quote_model.json"
DECISIONS = ("marks", "subjects", "cues", "clauses")
CREDIT = ("PolNeAR v1.0.0 train part (Newell, Margolin and Ruths, LREC 2018): "
          "the model holds feature weights learned from it, no text")


@dataclass
class Decision:
    """Feature weights of one yes/no decision; yes above ``threshold``."""

    weights: dict[str, float]
    threshold: float = 0.5

    def probability(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def accepts(self, features: dict[str, float]) -> bool:
        return self.probability(features) >= self.threshold


ACCEPT_ALL = Decision({"bias": 30.0}, 0.0)


@dataclass
class QuoteModel:
    """The extractor's decisions (``marks``, ``subjects``, ``cues``, ``clauses``) and where they were learned."""

    marks: Decision = field(default_factory=lambda: ACCEPT_ALL)
    subjects: Decision = field(default_factory=lambda: ACCEPT_ALL)
    cues: Decision = field(default_factory=lambda: ACCEPT_ALL)
    clauses: Decision = field(default_factory=lambda: ACCEPT_ALL)
    meta: dict = field(default_factory=dict)

    @classmethod
    def accept_all(cls) -> "QuoteModel":
        """Every candidate accepted (to collect training rows)."""
        return cls()

    # ------------------------------------------------------------- files
    @classmethod
    def load(cls, path: str | Path | None = None) -> "QuoteModel":
        path = Path(path or trained_path(MODEL_FILE))
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(**{name: Decision(data[name]["weights"], data[name]["threshold"]) for name in DECISIONS},
                       meta=data.get("meta", {}))
        except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ValueError(f"cannot load quote model {path}: {exc}") from None

    def to_json(self) -> str:
        data: dict = {"meta": self.meta}
        for name in DECISIONS:
            d = getattr(self, name)
            data[name] = {"threshold": d.threshold,
                          "weights": {k: round(v, 6) for k, v in sorted(d.weights.items())}}
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def fit(rows: list[tuple[dict[str, float], int]], *, c: float = 1.0, min_count: int = 3) -> Decision:
    """A :class:`Decision` fitted on (features, label) rows (deterministic: lbfgs, sorted features)."""
    from collections import Counter

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(name for features, _ in rows for name in features)
    kept = [{k: v for k, v in features.items() if counts[k] >= min_count} for features, _ in rows]
    vectorizer = DictVectorizer(sort=True)
    x = vectorizer.fit_transform(kept)
    clf = LogisticRegression(C=c, max_iter=5000, solver="lbfgs", fit_intercept=False)
    clf.fit(x, [label for _, label in rows])
    return Decision({name: float(w) for name, w in zip(vectorizer.get_feature_names_out(), clf.coef_[0])
                     if abs(w) > 1e-6}, 0.5)
