"""PolNeAR: reading its attributions, scoring against them, and learning from them.

PolNeAR (Newell, Margolin and Ruths, "An Attribution Relations Corpus for
Political News", LREC 2018) annotates every attribution in 1,008 US political
news articles: its source, cue and content. Its conventions differ from
framing's (see ``../shared/polnear/README.md``): attribution is wider than a
quote (beliefs and findings too), a quote interrupted by its attribution is one
attribution, content spans include the quotation marks, and sources are the
words in the text. The scorer here follows those conventions exactly as the
project's ``score_polnear.py`` does.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from pathlib import Path

POLNEAR_KEYS = {"doc", "start", "end", "source", "cue", "quoted"}

# Cues of saying: PolNeAR's 'speech' subset (as score_polnear.py defines it).
SPEECH = re.compile(
    r"\b(say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|state[sd]?|stating|"
    r"claim(s|ed|ing)?|note[sd]?|noting|argue[sd]?|arguing|explain(s|ed|ing)?|write|writes|wrote|"
    r"written|report(s|ed|ing)?|announce[sd]?|announcing|insist(s|ed|ing)?|warn(s|ed|ing)?|"
    r"accuse[sd]?|accusing|den(y|ies|ied|ying)|ask(s|ed|ing)?|respond(s|ed|ing)?|repl(y|ies|ied|ying)|"
    r"declare[sd]?|declaring|according to|suggest(s|ed|ing)?|acknowledge[sd]?|acknowledging|"
    r"admit(s|ted|ting)?|confirm(s|ed|ing)?|comment(s|ed|ing)?|predict(s|ed|ing)?|promise[sd]?|"
    r"promising|vow(s|ed|ing)?|urge[sd]?|urging|describe[sd]?|describing|call(s|ed|ing)?|"
    r"tweet(s|ed|ing)?|recall(s|ed|ing)?|point(s|ed|ing)? out|quoted|statement|remark(s|ed)?|"
    r"insisted|contend(s|ed|ing)?|assert(s|ed|ing)?|allege[sd]?|alleging|charge[sd]?|"
    r"reiterate[sd]?|continue[sd]? to say|went on|spoke|speak(s|ing)?|shout(s|ed|ing)?|"
    r"yell(s|ed|ing)?|joke[sd]?|joking|boast(s|ed|ing)?|complain(s|ed|ing)?|testif(y|ies|ied))\b", re.I)


def is_polnear(rows: list[dict]) -> bool:
    """True when gold rows are PolNeAR attributions (by their keys)."""
    return bool(rows) and all(isinstance(r, dict) and POLNEAR_KEYS <= set(r) for r in rows)


def _norm(s: str | None) -> str:
    s = re.sub(r"^(the|a|an)\s+", "", (s or "").casefold().replace("\u2019", "'").strip())
    return " ".join(re.sub(r"[^a-z0-9' -]+", " ", s).split())


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def speaker_right(gold: dict, system: dict) -> bool:
    """The system names the gold source: mention spans overlap, or its mention or speaker holds the source."""
    if gold.get("source_start") is None:
        return False
    ms, me = system.get("mention_start"), system.get("mention_end")
    if isinstance(ms, int) and isinstance(me, int) and _overlap(ms, me, gold["source_start"], gold["source_end"]):
        return True
    want = _norm(gold["source"])
    return bool(want) and any(want == _norm(system.get(k)) or f" {want} " in f" {_norm(system.get(k))} "
                              for k in ("mention", "speaker"))


def match(gold: list[dict], system: list[dict]) -> tuple[dict[int, int], set[int]]:
    """Gold index -> one matching system index, and every system index used.

    A gold attribution is matched by the system quotes lying at least a third inside it
    when together they cover at least half of it (largest overlaps first).
    """
    by_doc = defaultdict(list)
    for i, g in enumerate(gold):
        by_doc[g["doc"]].append(i)
    cover = defaultdict(list)
    for j, s in enumerate(system):
        for i in by_doc.get(s.get("doc"), ()):
            g = gold[i]
            o = _overlap(g["start"], g["end"], s["start"], s["end"])
            if o and o >= (s["end"] - s["start"]) / 3:
                cover[i].append((o, j))
    used, matched = set(), {}
    for i in sorted(cover, key=lambda i: -max(o for o, _ in cover[i])):
        parts = [(o, j) for o, j in cover[i] if j not in used]
        if sum(o for o, _ in parts) >= 0.5 * (gold[i]["end"] - gold[i]["start"]):
            matched[i] = max(parts)[1]
            used.update(j for _, j in parts)
    return matched, used


def score(gold: list[dict], system: list[dict]) -> dict:
    """The figures of ``score_polnear.py``: precision, recall (all, speech, quoted), attribution, end to end."""
    docs = {g["doc"] for g in gold}
    system = [s for s in system if s.get("doc") in docs]
    matched, used = match(gold, system)
    speech = [i for i, g in enumerate(gold) if g.get("cue") and SPEECH.search(g["cue"])]
    quoted = [i for i, g in enumerate(gold) if g["quoted"]]

    def recall(idx):
        return round(sum(i in matched for i in idx) / len(idx), 3) if idx else None

    def f1(p, r):
        return round(2 * p * r / (p + r), 3) if p + r else 0.0

    precision = len(used) / len(system) if system else 0.0
    with_source = [i for i in matched if gold[i].get("source_start") is not None]
    right = {i for i in with_source if speaker_right(gold[i], system[matched[i]])}
    r_speech = sum(i in matched for i in speech) / len(speech) if speech else 0.0
    judged = len(system) - sum(1 for i in matched if gold[i].get("source_start") is None)
    sourced = [i for i in speech if gold[i].get("source_start") is not None]
    e2e_p = len(right) / judged if judged else 0.0
    e2e_r = sum(1 for i in sourced if i in right) / len(sourced) if sourced else 0.0
    return {"gold": len(gold), "gold_speech": len(speech), "gold_quoted": len(quoted), "system": len(system),
            "precision": round(precision, 3), "recall_all": recall(range(len(gold))),
            "recall_speech": recall(speech), "recall_quoted": recall(quoted), "f1_speech": f1(precision, r_speech),
            "attribution_accuracy": round(len(right) / len(with_source), 3) if with_source else None,
            "end_to_end_f1_speech": f1(e2e_p, e2e_r)}


def errors(gold: list[dict], system: list[dict], limit: int = 50) -> list[dict]:
    """Speech attributions missed, system quotes matching nothing, and wrong sources (at most ``limit`` each)."""
    docs = {g["doc"] for g in gold}
    system = [s for s in system if s.get("doc") in docs]
    matched, used = match(gold, system)
    missed = [{"error": "missed", "doc": g["doc"], "expected": g.get("source") or "", "speaker": "",
               "text": g["content"]} for i, g in enumerate(gold)
              if i not in matched and g.get("cue") and SPEECH.search(g["cue"])][:limit]
    spurious = [{"error": "spurious", "doc": s["doc"], "expected": "", "speaker": s.get("speaker") or "",
                 "text": s.get("content", "")} for j, s in enumerate(system) if j not in used][:limit]
    wrong = [{"error": "wrong speaker", "doc": g["doc"], "expected": g["source"],
              "speaker": system[matched[i]].get("mention") or system[matched[i]].get("speaker") or "",
              "text": g["content"]} for i, g in enumerate(gold)
             if i in matched and g.get("source_start") is not None and not speaker_right(g, system[matched[i]])][:limit]
    return missed + spurious + wrong


# ------------------------------------------------------------------ reading
def read_part(directory: str | Path) -> tuple[Path, list[dict]]:
    """The text folder and the attributions of one PolNeAR part (``train/`` or ``dev/``)."""
    import json

    directory = Path(directory)
    texts, path = directory / "text", directory / "attributions.jsonl"
    if not texts.is_dir() or not path.is_file():
        raise ValueError(f"{directory}: not a PolNeAR part (needs text/ and attributions.jsonl)")
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return texts, rows


# ----------------------------------------------------------------- learning
def candidate_rows(directory: str | Path, backend=None, progress=None) -> list[tuple[str, str, dict, int]]:
    """(doc, decision, features, label) for every candidate the extractor weighs in a PolNeAR part.

    Every candidate is accepted while collecting (so each decision sees all of them). The label
    is 1 when the candidate's content lies at least a third inside a human-annotated
    attribution: the scorer's own test for a system quote.
    """
    from .corpus import read_corpus
    from .nlp import annotate, load_backend
    from .quote_model import QuoteModel
    from .quotes import QuoteExtractor

    texts, gold = read_part(directory)
    by_doc = defaultdict(list)
    for g in gold:
        by_doc[g["doc"]].append((g["start"], g["end"]))
    backend = backend or load_backend(None, "builtin")
    extractor = QuoteExtractor(model=QuoteModel.accept_all())
    articles = list(read_corpus(texts))
    rows = []
    for article in (progress(articles) if progress else articles):
        extractor.trace = []
        extractor.extract(annotate(article, backend))
        for decision, features, (start, end) in extractor.trace:
            label = any(_overlap(start, end, gs, ge) >= max(1, end - start) / 3 for gs, ge in by_doc[article.id])
            rows.append((article.id, decision, features, int(label)))
    return rows


def folds_by_article(docs, k: int = 5) -> list[set[str]]:
    """``k`` disjoint sets of article ids (sorted, then dealt round-robin: deterministic)."""
    unique = sorted(set(docs))
    return [set(unique[i::k]) for i in range(k)]


def fit_model(rows, exclude: set[str] = frozenset(), meta: dict | None = None):
    """A :class:`~framing.quote_model.QuoteModel` fitted on the rows of articles not in ``exclude``."""
    from .quote_model import DECISIONS, QuoteModel, fit

    decisions = {name: fit([(f, y) for doc, d, f, y in rows if d == name and doc not in exclude])
                 for name in DECISIONS}
    return QuoteModel(**decisions, meta=meta or {})


def decision_scores(rows, model) -> dict[str, dict]:
    """Precision, recall and F1 of each decision of ``model`` on ``rows``."""
    from .quote_model import DECISIONS

    out = {}
    for name in DECISIONS:
        decision = getattr(model, name)
        tp = fp = fn = 0
        for _, d, features, label in rows:
            if d != name:
                continue
            yes = decision.accepts(features)
            tp += yes and label
            fp += yes and not label
            fn += label and not yes
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[name] = {"precision": round(p, 3), "recall": round(r, 3),
                     "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "candidates": tp + fp + fn}
    return out


def extract_part(texts: Path, model, docs: set[str] | None = None, backend=None) -> list[dict]:
    """framing's quotes (as dicts) for the articles of a PolNeAR text folder (``docs`` only, if given)."""
    from .corpus import read_corpus
    from .nlp import annotate, load_backend
    from .quotes import QuoteExtractor

    backend = backend or load_backend(None, "builtin")
    extractor = QuoteExtractor(model=model)
    return [q.to_dict() for article in read_corpus(texts) if docs is None or article.id in docs
            for q in extractor.extract(annotate(article, backend))]


THRESHOLDS = tuple(round(0.3 + 0.05 * k, 2) for k in range(14))  # 0.3 to 0.95


TIE = 0.001  # F-beta differences below this are not told apart on PolNeAR train's ~17,000 candidates
TIE_ROWS = 17000  # and on a decision with thousands of them; a decision with fewer than SMALL_DECISION
SMALL_DECISION = 1000  # has a tolerance that grows as the standard error does, 1 / sqrt(rows)


def choose_thresholds(out_of_fold: list[tuple[str, float, int]], beta: float = 0.5) -> dict[str, float]:
    """Per decision, the lowest threshold on out-of-fold probabilities whose F-beta is within a tolerance
    of the best (beta 0.5: a spurious quote costs more than a missed one, as end-to-end scores count them;
    of thresholds that score alike, the one that keeps the most quotes, which also keeps the choice from
    jumping a grid step on every small change of the candidates). The tolerance is ``TIE``; for a
    decision with fewer than ``SMALL_DECISION`` candidates it is ``TIE`` scaled by sqrt(TIE_ROWS / n), as
    the standard error grows (``subjects`` has a few hundred: a handful of them would move its best
    threshold by several grid steps)."""
    from .quote_model import DECISIONS

    chosen = {}
    for name in DECISIONS:
        rows = [(p, y) for d, p, y in out_of_fold if d == name]

        def f_beta(t):
            tp = sum(1 for p, y in rows if p >= t and y)
            fp = sum(1 for p, y in rows if p >= t and not y)
            fn = sum(1 for p, y in rows if p < t and y)
            precision, recall = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
            b2 = beta * beta
            return (1 + b2) * precision * recall / (b2 * precision + recall) if precision + recall else 0.0

        scores = {t: f_beta(t) for t in THRESHOLDS}
        best = max(scores.values())
        tie = TIE if len(rows) >= SMALL_DECISION else TIE * math.sqrt(TIE_ROWS / max(1, len(rows)))
        chosen[name] = min(t for t, f in scores.items() if f >= best - tie)
    return chosen


def train(directory: str | Path, folds: int = 5, progress=None):
    """The quote model learned from a PolNeAR part, with its cross-validation by article in ``meta``.

    Each decision's weights come from all candidates; its threshold from the out-of-fold
    probabilities of a ``folds``-fold cross-validation by article, which is then run end to end
    (extracting the held-out articles' quotes with the model of the other folds) and reported.
    Deterministic: the same part gives the same model, byte for byte.
    """
    from .quote_model import CREDIT, DECISIONS

    texts, gold = read_part(directory)
    rows = candidate_rows(directory, progress=progress)
    docs = sorted({g["doc"] for g in gold} | {r[0] for r in rows})
    held_outs = folds_by_article(docs, folds)
    models = [fit_model(rows, exclude=held_out) for held_out in held_outs]
    out_of_fold = [(d, getattr(model, d).probability(f), y)
                   for held_out, model in zip(held_outs, models) for doc, d, f, y in rows if doc in held_out]
    thresholds = choose_thresholds(out_of_fold)
    per_fold, system = [], []
    for held_out, model in zip(held_outs, models):
        for name, t in thresholds.items():
            getattr(model, name).threshold = t
        per_fold.append(decision_scores([r for r in rows if r[0] in held_out], model))
        system.extend(extract_part(texts, model, held_out))
    cv = {"folds": folds, "by": "article", "end_to_end": score(gold, system),
          "decisions": {name: {k: round(sum(f[name][k] for f in per_fold) / folds, 3)
                               for k in ("precision", "recall", "f1")} for name in DECISIONS}}
    meta = {"credit": CREDIT, "trained_on": f"{Path(directory).name}: {len(docs)} articles, {len(gold)} attributions, "
                                            f"{len(rows)} candidates", "cross_validation": cv}
    model = fit_model(rows, meta=meta)
    for name, t in thresholds.items():
        getattr(model, name).threshold = t
    return model
