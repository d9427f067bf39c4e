"""Evaluation against gold annotations.

Quote matching follows the shared scorer's definition exactly: a system quote
matches an unused gold quote of the same document when their content spans
overlap by at least half the gold span and a third of the system span (the
largest overlap wins; system quotes are taken in order). A speaker is right
when its normalised name equals, or contains as whole words, one of the gold
``accept`` labels (case, punctuation and a leading article ignored).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field


def normalise_name(name: str | None) -> str:
    text = (name or "").casefold().replace("\u2019", "'").strip()
    text = re.sub(r"^(?:the|a|an)\s+", "", text)
    return " ".join(re.sub(r"[^a-z0-9' -]+", " ", text).split())


def speaker_matches(system: str | None, accept: list[str]) -> bool:
    got = f" {normalise_name(system)} "
    for label in accept:
        want = normalise_name(label)
        if want and (got.strip() == want or f" {want} " in got):
            return True
    return False


QUOTE_GOLD_COLUMNS = ("doc", "start", "end")
STANCE_GOLD_COLUMNS = ("doc", "topic", "label", "evidence")


def read_gold(path, columns: tuple[str, ...]) -> list[dict]:
    """Rows of a gold JSONL file, each checked for ``columns`` (ValueError with the line otherwise)."""
    import json

    from .io import read_jsonl

    try:
        rows = read_jsonl(path)
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: not a JSONL file ({exc})") from None
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not set(columns) <= set(row):
            raise ValueError(f"{path}: line {n} lacks one of {', '.join(sorted(columns))}")
        if "start" in columns:
            row.setdefault("accept", [row.get("speaker", "")])
    return rows


def _overlap(a: dict, b: dict) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


@dataclass
class QuoteEvaluation:
    gold: int
    system: int
    matched: int
    right: int
    errors: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def attribution_accuracy(self) -> float:
        return self.right / self.matched if self.matched else 0.0

    @property
    def end_to_end_f1(self) -> float:
        p = self.right / self.system if self.system else 0.0
        r = self.right / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict:
        """The figures, rounded as the shared scorer prints them."""
        return {"gold": self.gold, "system": self.system, "matched": self.matched,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "attribution_accuracy": round(self.attribution_accuracy, 3),
                "end_to_end_f1": round(self.end_to_end_f1, 3)}


def evaluate_quotes(gold: list[dict], system: list[dict]) -> QuoteEvaluation:
    """Score system quotes (dicts with doc, start, end, speaker) against gold rows."""
    used: set[int] = set()
    matched = right = 0
    errors = []
    for s in system:
        best, best_overlap = None, 0
        for n, g in enumerate(gold):
            if n in used or g["doc"] != s.get("doc"):
                continue
            ov = _overlap(g, s)
            if ov >= 0.5 * (g["end"] - g["start"]) and ov >= (s["end"] - s["start"]) / 3 and ov > best_overlap:
                best, best_overlap = n, ov
        if best is None:
            errors.append({"error": "spurious", "doc": s["doc"], "speaker": s.get("speaker"),
                           "expected": "", "text": s.get("content", "")})
            continue
        used.add(best)
        matched += 1
        if speaker_matches(s.get("speaker"), gold[best]["accept"]):
            right += 1
        else:
            errors.append({"error": "wrong speaker", "doc": s["doc"], "speaker": s.get("speaker"),
                           "expected": gold[best]["speaker"], "text": gold[best].get("content", "")})
    for n, g in enumerate(gold):
        if n not in used:
            errors.append({"error": "missed", "doc": g["doc"], "speaker": "", "expected": g["speaker"],
                           "text": g.get("content", "")})
    return QuoteEvaluation(len(gold), len(system), matched, right, errors)


# -------------------------------------------------------------------- stance
def _squash(text: str) -> str:
    return " ".join(text.split())


STANCE_OUTCOMES = ("assert", "attribute", "hedge", "deny", "none")


def evaluate_stance(gold: list[dict], results) -> dict:
    """Label accuracy on gold stance rows, per-label precision and recall, and a confusion matrix.

    A gold row (doc, topic, label, evidence; optional ``accept``: the labels that count as
    right) is matched to the sentence that contains its evidence; the prediction is
    framing's label for that sentence and topic, or ``none`` when framing did not find the
    topic there: ``no-topic`` (``no-sentence`` when no sentence holds the evidence). Rows never
    labelled (``no-topic``, ``no-sentence``) are counted apart from rows labelled wrong.
    """
    by_doc = {r.article.id: r for r in results}
    rows, correct = [], 0
    for g in gold:
        r = by_doc.get(g["doc"])
        pred, lexicon, model, real_only, why, sentence = "missing-doc", "", "", "", "", None
        if r is not None:
            ev = _squash(g["evidence"])
            hit = next((s for s in r.document.sentences if ev in _squash(s.text)), None)
            scored_rows = [s for s in r.sentences if ev in _squash(s.text) and s.topic == g["topic"]]
            pred = "no-sentence"
            if hit is not None or scored_rows:
                sentence = scored_rows[0].sentence if scored_rows else hit.index
                scored = scored_rows[0] if scored_rows else next(
                    (s for s in r.sentences if s.sentence == hit.index and s.topic == g["topic"]), None)
                pred = scored.label if scored else "no-topic"
                lexicon = scored.lexicon_label if scored else "no-topic"
                model = getattr(scored, "model_label", "") if scored else "no-topic"
                real_only = getattr(scored, "model_label_without_synthetic", "") if scored else "no-topic"
                why = getattr(scored, "why", "") if scored else ""
        accept = g.get("accept") or [g["label"]]
        right = pred in accept
        correct += right
        rows.append({"doc": g["doc"], "topic": g["topic"], "gold": g["label"], "accept": accept, "predicted": pred,
                     "right": right, "lexicon": lexicon, "model": model, "model_without_synthetic": real_only,
                     "why": why, "sentence": sentence,
                     "evidence": g["evidence"]})
    n = len(gold)
    labelled = [d for d in rows if d["predicted"] in STANCE_OUTCOMES]
    per_label = {}
    for label in STANCE_OUTCOMES[:4]:
        said = [d for d in rows if d["predicted"] == label]
        truly = [d for d in rows if d["gold"] == label]
        per_label[label] = {
            "precision": round(sum(label in d["accept"] for d in said) / len(said), 3) if said else None,
            "recall": round(sum(d["predicted"] in d["accept"] for d in truly) / len(truly), 3) if truly else None,
            "gold": len(truly), "predicted": len(said)}
    columns = list(STANCE_OUTCOMES) + ["no-topic", "no-sentence", "missing-doc"]
    confusion = {g: {p: sum(1 for d in rows if d["gold"] == g and d["predicted"] == p) for p in columns}
                 for g in STANCE_OUTCOMES[:4]}
    return {"rows": n, "correct": correct,
            "accuracy": round(correct / n, 3) if n else 0.0,
            "lexicon_accuracy": round(sum(d["lexicon"] in d["accept"] for d in rows) / n, 3) if n else 0.0,
            "model_accuracy": round(sum(d["model"] in d["accept"] for d in rows) / n, 3) if n else 0.0,
            "model_accuracy_without_synthetic":
                round(sum(d["model_without_synthetic"] in d["accept"] for d in rows) / n, 3) if n else 0.0,
            "unlabelled": n - len(labelled), "labelled_wrong": sum(1 for d in labelled if not d["right"]),
            "per_label": per_label, "confusion": confusion, "details": rows}
