"""How far quoted recall on PolNeAR can go: the shipped extractor against wider ones.

Issue #13 asks for recall >= 0.92 on PolNeAR's attributions with quotation marks. This prints,
for one part (train by default: nothing here is fitted, so nothing needs holding out), the
figures of ../shared/tools/score_polnear.py for

  shipped          framing's quotes (the shipped model)
  every candidate  every candidate the readers find, accepted (no model)
  + every passage  each of those, plus every passage between quotation marks that no quote of
                   it touches, as a quote of nobody (what a system that called every passage
                   a quote would add)

and, for the widest system, what the quoted attributions it still misses look like. PolNeAR:
Newell, Margolin and Ruths, "An Attribution Relations Corpus for Political News", LREC 2018.

    python benchmarks/polnear_ceiling.py [--part ../shared/polnear/train]
"""
import argparse
from collections import Counter
from pathlib import Path

from framing import polnear
from framing.corpus import read_corpus
from framing.nlp import annotate, load_backend
from framing.quote_model import QuoteModel
from framing.quotes import find_mark_spans

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ("system", "precision", "recall_speech", "recall_quoted", "attribution_accuracy", "end_to_end_f1_speech")


def passages(texts: Path) -> list[dict]:
    """Every passage between quotation marks of a text folder, as a quote with no speaker."""
    backend = load_backend(None, "builtin")
    return [{"doc": article.id, "start": start, "end": end} for article in read_corpus(texts)
            for start, end in (span.inner for span in find_mark_spans(annotate(article, backend))) if end > start]


def untouched(found: list[dict], quotes: list[dict]) -> list[dict]:
    """The passages ``found`` that no quote overlaps."""
    by_doc: dict[str, list[tuple[int, int]]] = {}
    for q in quotes:
        by_doc.setdefault(q["doc"], []).append((q["start"], q["end"]))
    return [p for p in found if not any(a < p["end"] and p["start"] < b for a, b in by_doc.get(p["doc"], ()))]


def missed_quoted(gold: list[dict], system: list[dict]) -> Counter:
    """The quoted attributions ``system`` misses, by what lies at their place."""
    docs = {g["doc"] for g in gold}
    system = [s for s in system if s["doc"] in docs]
    matched, _ = polnear.match(gold, system)
    kinds = Counter()
    for i, g in enumerate(gold):
        if not g["quoted"] or i in matched:
            continue
        touching = [s for s in system if s["doc"] == g["doc"] and s["start"] < g["end"] and g["start"] < s["end"]]
        inside = sum(min(s["end"], g["end"]) - max(s["start"], g["start"]) for s in touching)
        if not touching:
            kinds["nothing at its place"] += 1
        elif inside < (g["end"] - g["start"]) / 2:
            kinds["quotes cover less than half of it"] += 1
        else:
            kinds["quotes reach far beyond it, or match another attribution"] += 1
    return kinds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", default=str(ROOT.parent / "shared" / "polnear" / "train"))
    args = parser.parse_args()
    texts, gold = polnear.read_part(args.part)
    shipped = polnear.extract_part(texts, QuoteModel.load())
    every = polnear.extract_part(texts, QuoteModel.accept_all())
    found = passages(texts)
    systems = {"shipped": shipped, "shipped + every passage": shipped + untouched(found, shipped),
               "every candidate": every, "every candidate + every passage": every + untouched(found, every)}
    print(f"PolNeAR {Path(args.part).name}: {len(gold):,} attributions, {sum(g['quoted'] for g in gold):,} quoted\n")
    print("| what is scored | quotes | " + " | ".join(FIGURES[1:]) + " |")
    print("|---|" + "---|" * len(FIGURES))
    for name, quotes in systems.items():
        figures = polnear.score(gold, quotes)
        print(f"| {name} | " + " | ".join(str(figures[k]) for k in FIGURES) + " |")
    widest = systems["every candidate + every passage"]
    print("\nquoted attributions the widest system misses:")
    for kind, n in missed_quoted(gold, widest).most_common():
        print(f"  {n:5,}  {kind}")


if __name__ == "__main__":
    main()
