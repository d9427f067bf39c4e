"""Learning the stance classifier: real labelled sentences, the synthetic minority, cross-validation.

The classifier (:class:`~framing.stance.StanceModel`) weighs the evidence of the decisions
(:func:`~framing.stance.features`). It learns from corpora whose ``gold/stance.jsonl``
labels every topic sentence (each row read as documents are scored, on the built-in
tier), with framing's synthetic sentences (``framing/trained/stance_sentences.jsonl``)
as a minority of at most a third; a second classifier learns from the real sentences
alone. Both are cross-validated by article against the decisions themselves.
``framing train stance CORPUS...`` runs :func:`train` and :func:`cross_validate`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .stance import DATA_FILE, LABELS, TOPICS, SentenceContext, StanceModel, StanceScorer, decide, features
from .trained import trained_path


def load_training_data(path: str | Path | None = None) -> list[dict]:
    path = Path(path) if path else trained_path(DATA_FILE)
    rows = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    for n, r in enumerate(rows, 1):
        if not {"text", "topic", "label"} <= set(r) or r["label"] not in LABELS or r["topic"] not in TOPICS:
            raise ValueError(f"{path}: line {n} needs text, topic in {TOPICS} and label in {LABELS}")
    return rows


def training_contexts(rows: list[dict]) -> list[SentenceContext]:
    """Contexts for single labelled sentences, built the way documents are scored."""
    from .corpus import article_from_text
    from .nlp import BuiltinSegmenter, annotate
    from .quotes import QuoteExtractor

    scorer = StanceScorer(None)
    extractor = QuoteExtractor()
    segmenter = BuiltinSegmenter()
    out = []
    for r in rows:
        doc = annotate(article_from_text(r["text"]), segmenter)
        found = [c for _, c in scorer.contexts(doc, extractor.extract(doc)) if c.topic == r["topic"]]
        out.append(found[0] if found else SentenceContext(r["text"], r["topic"], [], [(0, 0)], []))
    return out


@dataclass
class Example:
    """One labelled (sentence, topic) for the classifier: its context, label, and where it comes from."""

    group: str  # the article ("corpus/doc"), or "synthetic"
    context: SentenceContext
    label: str
    accept: tuple[str, ...] = ()

    def right(self, label: str) -> bool:
        return label in (self.accept or (self.label,))


def synthetic_examples(rows: list[dict] | None = None) -> list[Example]:
    """framing's own template sentences (``stance_sentences.jsonl``) as examples."""
    rows = rows if rows is not None else load_training_data()
    return [Example("synthetic", c, r["label"]) for r, c in zip(rows, training_contexts(rows))]


def gold_examples(corpus: str | Path) -> tuple[list[Example], int]:
    """The rows of a corpus's ``gold/stance.jsonl`` as examples (contexts from the built-in tier, as
    documents are scored), and how many rows have no context because their topic is not found."""
    from .evaluate import STANCE_GOLD_COLUMNS, read_gold
    from .pipeline import analyze_corpus

    corpus = Path(corpus)
    gold = read_gold(corpus / "gold" / "stance.jsonl", STANCE_GOLD_COLUMNS)
    analysis = analyze_corpus(corpus, tier="builtin", with_stance=False)
    scorer = StanceScorer(None)
    contexts = {r.article.id: scorer.contexts(r.document, r.quotes) for r in analysis.results}
    squash = lambda t: " ".join(t.split())  # noqa: E731
    out, missed = [], 0
    for g in gold:
        found = [c for s, c in contexts.get(g["doc"], ()) if c.topic == g["topic"]
                 and squash(g["evidence"]) in squash(s.text)]
        if not found:
            missed += 1
            continue
        out.append(Example(f"{corpus.name}/{g['doc']}", found[0], g["label"], tuple(g.get("accept") or ())))
    return out, missed


def minority(synthetic: list[Example], real: list[Example]) -> list[Example]:
    """Every k-th synthetic example, so that they are at most a third of the training data."""
    if not real:
        return synthetic
    step = -(-len(synthetic) // max(1, len(real) // 2))
    return synthetic[::step]


def train(real: list[Example], synthetic: list[Example], C: float = 1.0) -> StanceModel:
    """The classifier fitted on the real examples with the synthetic ones as a minority, and a
    second one (``without_synthetic``) on the real examples alone (deterministic)."""
    model = _fit(real + minority(synthetic, real), C)
    if real:
        model.without_synthetic = _fit(real, C)
    return model


def _fit(examples: list[Example], C: float) -> StanceModel:
    return StanceModel(C).fit([features(e.context) for e in examples], [e.label for e in examples])


def cross_validate(real: list[Example], synthetic: list[Example], C: float = 1.0, folds: int = 5) -> dict:
    """Accuracy on the real examples under cross-validation by article: the classifier trained with the
    synthetic minority, without it, on the synthetic sentences alone, and the rules' decisions."""
    from .polnear import folds_by_article

    right = {"with_synthetic": 0, "without_synthetic": 0, "synthetic_only": 0, "decisions": 0}
    alone = _fit(synthetic, C)
    for held_out in folds_by_article([e.group for e in real], folds):
        train_on = [e for e in real if e.group not in held_out]
        test_on = [e for e in real if e.group in held_out]
        if not test_on:
            continue
        X = [features(e.context) for e in test_on]
        for name, model in (("with_synthetic", _fit(train_on + minority(synthetic, train_on), C)),
                            ("without_synthetic", _fit(train_on, C)), ("synthetic_only", alone)):
            right[name] += sum(e.right(p) for e, p in zip(test_on, model.predict(X)))
        right["decisions"] += sum(e.right(decide(e.context)[0]) for e in test_on)
    n = len(real)
    return {"by": "article", "folds": folds, "examples": n, "articles": len({e.group for e in real}),
            "accuracy": {k: round(v / n, 3) if n else None for k, v in right.items()}}
