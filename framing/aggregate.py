"""Aggregate per-article results into per-outlet and per-speaker tables."""
from __future__ import annotations

from collections import defaultdict

from .lexicon import load_csv
from .speakers import person_named, surname_form
from .types import FRAGMENT_JOIN


def group_labels() -> dict[str, str]:
    """Speaker group id -> label, in the order of ``lexicons/groups.csv``."""
    return {r["group"]: r["label"] for r in load_csv("groups.csv", ("group", "label", "description"))}


def quoted_words(text: str) -> int:
    """Words of a quote's content (the ellipsis between the pieces of an interrupted quote is none)."""
    return sum(1 for w in text.split() if w != FRAGMENT_JOIN.strip())


def person_names(quotes) -> dict[str, str]:
    """Speaker name -> the name one person goes by across articles: the names of a person written in
    full with or without a title ('President Barack Obama', 'Barack Obama') become the one most often
    quoted, and a surname alone or after a title ('Obama', 'Mr. Obama') becomes that person's name
    when only one person of that surname is quoted in full anywhere; other names stay as they are."""
    quoted: dict[str, int] = defaultdict(int)
    for q in quotes:
        quoted[q.speaker] += 1
    variants: dict[str, list[str]] = defaultdict(list)
    for name in quoted:
        if surname_form(name) is None and (key := person_named(name)):
            variants[key].append(name)
    shown = {key: min(names, key=lambda n: (-quoted[n], len(n), n)) for key, names in variants.items()}
    people: dict[str, set[str]] = defaultdict(set)  # surname -> the people of that surname
    for key in shown:
        people[key.split()[-1]].add(key)
    names = {name: shown[key] for key, names in variants.items() for name in names}
    for name in quoted:
        surname = surname_form(name)
        if surname and len(people.get(surname, ())) == 1:
            names[name] = shown[next(iter(people[surname]))]
    return names


def speaker_table(quotes, labels: dict[str, str]) -> list[dict]:
    """One row per speaker and outlet: quotes and words quoted (a person's names as one, see
    :func:`person_names`).

    ``labels`` maps a document id to the outlet label shown to users.
    """
    counts: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    groups: dict[str, str] = {}
    names = person_names(quotes)
    for q in quotes:
        speaker = names.get(q.speaker, q.speaker)
        key = (speaker, labels.get(q.doc, q.doc))
        counts[key][0] += 1
        counts[key][1] += quoted_words(q.content)
        groups.setdefault(speaker, q.group)
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


# -------------------------------------------------------------------- stance
def stance_index(labels: list[str]) -> float | None:
    """Mean of the index weights over labels that take a position (None if none do)."""
    from .stance import INDEX_WEIGHTS

    values = [INDEX_WEIGHTS[l] for l in labels if l in INDEX_WEIGHTS]
    return sum(values) / len(values) if values else None


def bootstrap_ci(labels: list[str], n: int = 2000, seed: int = 0, level: float = 0.95) -> tuple[float, float] | None:
    """Percentile bootstrap interval of the stance index, resampling sentences."""
    import numpy as np

    from .stance import INDEX_WEIGHTS

    values = [INDEX_WEIGHTS[l] for l in labels if l in INDEX_WEIGHTS]
    if not values:
        return None
    # resampling sentences with replacement = drawing label counts from a multinomial
    weights = np.array(sorted(set(values)))
    probs = np.array([values.count(w) for w in weights], dtype=float) / len(values)
    rng = np.random.default_rng(seed)
    means = rng.multinomial(len(values), probs, size=n) @ weights / len(values)
    alpha = (1 - level) / 2
    return float(np.quantile(means, alpha)), float(np.quantile(means, 1 - alpha))


def outlet_stance(sentences, labels: dict[str, str], seed: int = 0) -> list[dict]:
    """Per outlet and topic: label shares, stance index with a 95% bootstrap CI (headlines and
    standfirsts together with the body), the index of headlines alone and of the body alone, and
    the index computed from the lexicon-only labels."""
    from .stance import LABELS, topic_order

    groups: dict[tuple, list] = defaultdict(list)
    for s in sentences:
        groups[(labels.get(s.doc, s.doc), s.topic)].append(s)
    rows = []
    for (outlet, topic), items in sorted(groups.items(), key=lambda kv: (kv[0][0], topic_order(kv[0][1]))):
        got = [s.label for s in items]
        index = stance_index(got)
        ci = bootstrap_ci(got, seed=seed)
        lex_index = stance_index([s.lexicon_label for s in items])
        row = {"outlet": outlet, "topic": topic, "sentences": len(items)}
        row.update({f"share_{l}": round(got.count(l) / len(got), 4) for l in LABELS})
        heads = [s.label for s in items if getattr(s, "headline", False)]
        body = [s.label for s in items if not getattr(s, "headline", False)]
        row.update({"index": _r(index), "ci_low": _r(ci[0]) if ci else None, "ci_high": _r(ci[1]) if ci else None,
                    "lexicon_index": _r(lex_index),
                    "agreement": round(sum(s.label == s.lexicon_label for s in items) / len(items), 4),
                    "headline_sentences": len(heads), "headline_index": _r(stance_index(heads)),
                    "body_index": _r(stance_index(body))})
        rows.append(row)
    return rows


def _r(x):
    return None if x is None else round(x, 4)


def lexicon_rates(results, labels: dict[str, str]) -> list[dict]:
    """Marker counts and rates per 1,000 words, per outlet (all body sentences)."""
    from .stance import MARKER_FILES, StanceLexicons

    lex = StanceLexicons.load()
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    words: dict[str, int] = defaultdict(int)
    for r in results:
        outlet = labels.get(r.article.id, r.article.id)
        words[outlet] += r.article.words
        markers = getattr(r, "markers", None)
        if markers is not None:  # counted when the article was scored
            for cat, n in markers.items():
                counts[outlet][cat] += n
            continue
        for sent in r.document.sentences:
            for m in lex.markers.find(r.article.text, sent.start, sent.end):
                counts[outlet][m.category] += 1
    rows = []
    for outlet in sorted(words):
        row = {"outlet": outlet, "words": words[outlet]}
        for cat in MARKER_FILES:
            n = counts[outlet][cat]
            row[cat] = n
            row[f"{cat}_per_1000"] = round(1000 * n / words[outlet], 3) if words[outlet] else 0.0
        rows.append(row)
    return rows
