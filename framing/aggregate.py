"""Aggregate per-article results into per-outlet and per-speaker tables."""
from __future__ import annotations

from collections import defaultdict

from .lexicon import load_csv


def group_labels() -> dict[str, str]:
    """Speaker group id -> label, in the order of ``lexicons/groups.csv``."""
    return {r["group"]: r["label"] for r in load_csv("groups.csv", ("group", "label", "description"))}


def quoted_words(text: str) -> int:
    return len(text.split())


def speaker_table(quotes, labels: dict[str, str]) -> list[dict]:
    """One row per speaker and outlet: quotes and words quoted.

    ``labels`` maps a document id to the outlet label shown to users.
    """
    counts: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    groups: dict[str, str] = {}
    for q in quotes:
        key = (q.speaker, labels.get(q.doc, q.doc))
        counts[key][0] += 1
        counts[key][1] += quoted_words(q.content)
        groups[q.speaker] = q.group
    totals: dict[str, int] = defaultdict(int)
    for (speaker, _), (n, _) in counts.items():
        totals[speaker] += n
    rows = [{"speaker": sp, "group": groups[sp], "outlet": outlet, "quotes": n, "words": w,
             "total_quotes": totals[sp]}
            for (sp, outlet), (n, w) in counts.items()]
    return sorted(rows, key=lambda r: (-r["total_quotes"], r["speaker"], r["outlet"]))


def share_of_voice(quotes, labels: dict[str, str]) -> list[dict]:
    """Quotes and quoted words by speaker group per outlet, with shares."""
    counts: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for q in quotes:
        counts[(labels.get(q.doc, q.doc), q.group)][0] += 1
        counts[(labels.get(q.doc, q.doc), q.group)][1] += quoted_words(q.content)
    per_outlet: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (outlet, _), (n, w) in counts.items():
        per_outlet[outlet][0] += n
        per_outlet[outlet][1] += w
    rows = []
    for (outlet, group), (n, w) in sorted(counts.items()):
        total_n, total_w = per_outlet[outlet]
        rows.append({"outlet": outlet, "group": group, "quotes": n, "words": w,
                     "quote_share": round(n / total_n, 4) if total_n else 0.0,
                     "word_share": round(w / total_w, 4) if total_w else 0.0})
    return rows


def verb_table(quotes, labels: dict[str, str]) -> list[dict]:
    """Reporting verbs (lemma) per outlet with their connotation."""
    counts: dict[tuple, int] = defaultdict(int)
    for q in quotes:
        counts[(labels.get(q.doc, q.doc), q.cue_lemma, q.connotation)] += 1
    return [{"outlet": o, "lemma": l, "connotation": c, "count": n}
            for (o, l, c), n in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1]))]
