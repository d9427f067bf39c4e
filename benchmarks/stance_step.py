"""The stance step's share of the built-in tier's analysis (issue #14: under 20%).

Times segmentation, quote extraction and stance scoring of every article of each corpus
given, best of three runs each, on one core (numpy imported first, as a run of the CLI
has it), and prints the share the stance step takes.

    python benchmarks/stance_step.py /tmp/corpus-1000 ../shared/polnear/train/text
    (python benchmarks/make_corpus.py 1000 /tmp/corpus-1000 makes the synthetic corpus)
"""
import sys
import time

import numpy  # noqa: F401  (imported by every real run before the first article)

from framing.corpus import read_corpus
from framing.nlp import annotate, load_backend
from framing.quotes import QuoteExtractor
from framing.stance import StanceScorer


def best_of(runs: int, step):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - start)
    return min(times), result


def main(paths: list[str]) -> None:
    backend, extractor, scorer = load_backend(None, "builtin"), QuoteExtractor(), StanceScorer.load()
    print("| corpus | articles | segment s | quotes s | stance s | topic rows | stance share |")
    print("|---|---|---|---|---|---|---|")
    for path in paths:
        articles = list(read_corpus(path))
        segment, docs = best_of(3, lambda: [annotate(a, backend) for a in articles])
        quote, quotes = best_of(3, lambda: [extractor.extract(d) for d in docs])
        stance, rows = best_of(3, lambda: sum(len(scorer.score(d, q)[0]) for d, q in zip(docs, quotes)))
        share = stance / (segment + quote + stance)
        print(f"| {path} | {len(articles)} | {segment:.2f} | {quote:.2f} | {stance:.2f} | {rows} | {share:.1%} |")


if __name__ == "__main__":
    main(sys.argv[1:] or sys.exit(__doc__))
