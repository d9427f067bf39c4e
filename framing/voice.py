"""Whose voice carries a stretch of a sentence: the outlet's own, or a source's.

The voice model answers one question for a position in a sentence: do these words
lie inside an attribution's content ("Seoul says *the North received...*",
"*the transfers* are illegal, according to Moscow", "the accusation that *Pyongyang
sent shells*"), or does the writer state them? It is a logistic regression over
the words of attribution around the position: which cue words (learned from the
cues PolNeAR's annotators marked: "said", "according", "claims", "believes",
"statement", ...) stand before or after it, near or far, whether it lies between
quotation marks, after "that" or a colon.

It is learned from the ``train`` part of PolNeAR (Newell, Margolin and Ruths, "An
Attribution Relations Corpus for Political News", LREC 2018): every few words of
every sentence, labelled by whether a human-annotated attribution's content covers
it. The model is plain JSON (``framing/trained/voice_model.json``): the cue
vocabulary, the feature weights and the threshold, no text of the corpus.
``framing train voice PART`` rebuilds it deterministically.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .lexicon import load_terms
from .quote_model import CREDIT, Decision, fit
from .trained import trained_path

MODEL_FILE = "voice_model.json"
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][a-z]+)?")
_MARKS = "\u201c\u201d\""
_THAT = re.compile(r"\bthat\b")
STEP = 3  # every STEP-th word of a sentence is a training position
_NOT_CUES = frozenset(load_terms("voice_not_cues.txt"))  # never cues, though annotators' cue spans hold them


@dataclass
class _Words:
    starts: list[int]  # where each word of the sentence starts
    cues: list[tuple[int, int, str, int]]  # (start, end, word, word index) of its cue words
    marks: bool  # the sentence holds a quotation mark


@dataclass
class VoiceModel:
    """P(a position lies in a source's words) from the cue words around it."""

    cues: frozenset[str]
    decision: Decision
    meta: dict = field(default_factory=dict)

    def features(self, text: str, position: int, words: "_Words | None" = None) -> dict[str, float]:
        """Named features of ``position`` in the sentence ``text``: the cue words on each side, the
        nearest one's distance and what stands between (a comma, "that", a colon, a closed quotation).
        ``words``: the sentence's words (:meth:`words`), when several positions of it are scored."""
        words = words or self.words(text)
        split = bisect_left(words.starts, position)  # words[:split] stand before the position
        f = {"bias": 1.0}
        for start, end, word, k in words.cues:
            f[f"{'before' if k < split else 'after'}:{word}"] = 1.0
        cue = next((c for c in reversed(words.cues) if c[3] < split), None)
        if cue is not None:
            between = text[cue[1]:position]
            left = len(words.starts) - cue[3] - 1
            f[f"cue_before={cue[2]}"] = 1.0
            f[f"cue_before_words={min(split - cue[3] - 1, 12) // 3}"] = 1.0
            f[f"cue_before_words_to_end={min(left, 12) // 3}"] = 1.0  # '..., said the minister.' ends a sentence
            for name, found in (("comma", "," in between), ("that", _THAT.search(between)),
                                ("colon", ":" in between), ("closed_quote", _closed_between(text, cue[0], position)),
                                ("appositive", _APPOSITIVE.search(between))):
                if found:
                    f[f"cue_before_then_{name}"] = 1.0
                    f[f"cue_before_then_{name}={cue[2]}"] = 1.0  # 'according to X, ...' is not 'X said ..., ...'
        cue = next((c for c in words.cues if c[3] >= split), None)
        if cue is not None:
            f[f"cue_after={cue[2]}"] = 1.0
            f[f"cue_after_words={min(cue[3] - split, 12) // 3}"] = 1.0
            if "," in text[position:cue[0]]:
                f["cue_after_past_comma"] = 1.0
        if _inside_marks(text, position) or text.count('"', 0, position) % 2:
            f["inside_marks"] = 1.0
        elif words.marks:
            f["marks_elsewhere"] = 1.0
        f[f"place={min(4, 5 * position // max(1, len(text)))}"] = 1.0
        return f

    def words(self, text: str) -> "_Words":
        """The words of a sentence, and which of them are cue words."""
        found = [(m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(text)]
        cues = [(s, e, w, k) for k, (s, e, w) in enumerate(found) if w in self.cues]
        return _Words([s for s, _, _ in found], cues, any(c in text for c in _MARKS))

    def probability(self, text: str, position: int, words: "_Words | None" = None) -> float:
        return self.decision.probability(self.features(text, position, words))

    def attributed(self, text: str, position: int) -> bool:
        """True when ``position`` of the sentence ``text`` lies in a source's words."""
        return self.probability(text, position) >= self.decision.threshold

    # ------------------------------------------------------------ files
    def to_json(self) -> str:
        data = {"meta": self.meta, "cues": sorted(self.cues), "threshold": self.decision.threshold,
                "weights": {k: round(v, 6) for k, v in sorted(self.decision.weights.items())}}
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def load(cls, path: str | Path | None = None) -> "VoiceModel":
        path = Path(path or trained_path(MODEL_FILE))
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(frozenset(data["cues"]), Decision(data["weights"], data["threshold"]), data.get("meta", {}))
        except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ValueError(f"cannot load voice model {path}: {exc}") from None


_APPOSITIVE = re.compile(r",\s+(?:something|a\s+move|a\s+step|an\s+act|a\s+decision|which)\b", re.I)


def _closed_between(text: str, start: int, end: int) -> bool:
    """A passage in quotation marks opens and closes between ``start`` and ``end``."""
    stretch = text[start:end]
    return ("\u201c" in stretch and "\u201d" in stretch.split("\u201c", 1)[1]) or stretch.count('"') >= 2


def _inside_marks(text: str, position: int) -> bool:
    """Curly quotation marks open before ``position`` and not closed."""
    opened = text.rfind("\u201c", 0, position)
    return opened >= 0 and text.rfind("\u201d", 0, position) < opened


# ------------------------------------------------------------------ learning
def speech(gold: list[dict]) -> list[dict]:
    """The attributions of saying (PolNeAR's speech subset: "said", "according to", "claims", "denied" ...),
    not of belief or feeling, which framing's stance counts as the outlet's own framing."""
    from .polnear import SPEECH

    return [g for g in gold if SPEECH.search(g.get("cue") or "")]


def cue_vocabulary(gold: list[dict], texts: Path, min_count: int = 5, min_rate: float = 0.2) -> frozenset[str]:
    """The words that annotators marked as (part of) a cue at least ``min_count`` times and in at least
    ``min_rate`` of their occurrences in the part's text: "said", "according", "claims", "statement";
    not "are" or "continued", which cue spans hold but which are mostly something else."""
    cues = Counter(w.casefold() for g in gold for w in _WORD.findall(g.get("cue") or ""))
    seen = Counter(w.casefold() for path in sorted(texts.glob("*.txt"))
                   for w in _WORD.findall(path.read_text(encoding="utf-8")))
    return frozenset(w for w, n in cues.items() if n >= min_count and n >= min_rate * seen[w] and w not in _NOT_CUES)


def sentence_positions(directory: str | Path, progress=None) -> list[tuple[str, str, int, int]]:
    """(doc, sentence text, position, label) for every STEP-th word of every sentence of a PolNeAR part:
    label 1 when a human-annotated attribution's content (its fragments) covers the word."""
    from bisect import bisect_right

    from .corpus import read_corpus
    from .nlp import annotate, load_backend
    from .polnear import read_part

    texts, gold = read_part(directory)
    spans: dict[str, list] = {}
    for g in speech(gold):
        spans.setdefault(g["doc"], []).extend(tuple(f) for f in g.get("fragments") or [(g["start"], g["end"])])
    backend = load_backend(None, "builtin")
    articles = list(read_corpus(texts))
    rows = []
    for article in (progress(articles) if progress else articles):
        covered = sorted(spans.get(article.id, []))
        starts = [a for a, _ in covered]
        doc = annotate(article, backend)
        for sent in doc.sentences:
            for k, m in enumerate(_WORD.finditer(sent.text)):
                if k % STEP:
                    continue
                at = sent.start + m.start()
                inside = any(a <= at < b for a, b in covered[:bisect_right(starts, at)][-40:])
                rows.append((article.id, sent.text, m.start(), int(inside)))
    return rows


def train(directory: str | Path, folds: int = 5, progress=None) -> VoiceModel:
    """The voice model learned from a PolNeAR part, with its cross-validation by article in ``meta``.

    The threshold maximises F0.5 of "attributed" on out-of-fold probabilities (as the quote
    model's do; averaged with its neighbours on the grid, for stability); the figures stored
    are those of the held-out folds. Deterministic.
    """
    from .polnear import folds_by_article, read_part

    texts, gold = read_part(directory)
    cues = cue_vocabulary(speech(gold), texts)
    probe = VoiceModel(cues, Decision({}))
    rows = [(doc, probe.features(text, pos), y) for doc, text, pos, y in sentence_positions(directory, progress)]
    held_outs = folds_by_article([r[0] for r in rows], folds)
    out_of_fold = []
    for held_out in held_outs:
        decision = fit([(f, y) for doc, f, y in rows if doc not in held_out])
        out_of_fold += [(decision.probability(f), y) for doc, f, y in rows if doc in held_out]
    thresholds = [t / 20 for t in range(4, 17)]
    f_half = {t: _f_half(out_of_fold, t / 20) for t in range(3, 18)}  # the grid and a step beyond each end
    smooth = {t / 20: sum(f_half[t + d] for d in (-1, 0, 1)) / 3 for t in range(4, 17)}
    best = max(thresholds, key=lambda t: (round(smooth[t], 6), -abs(t - 0.5)))  # the curve is flat near its top:
    # its neighbours' mean keeps a tiny change of the data from moving the threshold a whole step
    cv = _figures(out_of_fold, best)
    cv.update({"folds": folds, "by": "article"})
    meta = {"credit": CREDIT.replace("train part", "train part, every content span"),
            "trained_on": f"{Path(directory).name}: {len({r[0] for r in rows})} articles, {len(rows)} positions",
            "cross_validation": cv}
    decision = fit([(f, y) for _, f, y in rows])
    decision.threshold = best
    return VoiceModel(cues, decision, meta)


def _f_half(scored: list[tuple[float, int]], threshold: float) -> float:
    """F0.5 of "attributed": reading the outlet's own claim as a source's costs more than the reverse."""
    f = _figures(scored, threshold)
    p, r = f["precision_attributed"], f["recall_attributed"]
    return round(1.25 * p * r / (0.25 * p + r), 6) if p + r else 0.0


def _figures(scored: list[tuple[float, int]], threshold: float) -> dict:
    tp = sum(1 for p, y in scored if p >= threshold and y)
    fp = sum(1 for p, y in scored if p >= threshold and not y)
    fn = sum(1 for p, y in scored if p < threshold and y)
    right = sum(1 for p, y in scored if (p >= threshold) == bool(y))
    majority = max(sum(y for _, y in scored), len(scored) - sum(y for _, y in scored))
    precision, recall = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    return {"accuracy": round(right / len(scored), 3), "majority_baseline": round(majority / len(scored), 3),
            "precision_attributed": round(precision, 3), "recall_attributed": round(recall, 3),
            "positions": len(scored)}


def evaluate(directory: str | Path, model: VoiceModel | None = None) -> dict:
    """The model's figures on the positions of a PolNeAR part (for dev: report only)."""
    model = model or VoiceModel.load()
    scored = [(model.probability(text, pos), y) for _, text, pos, y in sentence_positions(directory)]
    return _figures(scored, model.decision.threshold)
