"""Quote extraction on PolNeAR (Newell, Margolin and Ruths, LREC 2018): figures and speed.

Prints, for the dev part (84 real articles; touched only to report), the figures of
../shared/tools/score_polnear.py on both tiers, the 5-fold cross-validation by article on
the train part stored with the shipped model, and the speed of the quote step on real text; then
the stance voice model's figures on dev and its cross-validation on train.

    python benchmarks/polnear.py [--polnear ../shared/polnear] [--models ../shared/stanza_resources]
"""
import argparse
import json
import time
from pathlib import Path

from framing import polnear, voice
from framing.corpus import read_corpus
from framing.nlp import annotate, load_backend
from framing.quote_model import QuoteModel
from framing.quotes import QuoteExtractor

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ("precision", "recall_all", "recall_speech", "recall_quoted", "f1_speech", "attribution_accuracy",
           "end_to_end_f1_speech")


def run(texts: Path, backend) -> tuple[list[dict], float, int]:
    articles = list(read_corpus(texts))
    extractor = QuoteExtractor()
    docs = [annotate(a, backend) for a in articles]
    segmented = time.perf_counter()
    quotes = [q.to_dict() for d in docs for q in extractor.extract(d)]
    done = time.perf_counter()
    return quotes, done - segmented, sum(a.words for a in articles)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--polnear", default=str(ROOT.parent / "shared" / "polnear"))
    parser.add_argument("--models", default=str(ROOT.parent / "shared" / "stanza_resources"))
    args = parser.parse_args()
    texts, gold = polnear.read_part(Path(args.polnear) / "dev")
    print("| system | " + " | ".join(FIGURES) + " | quote step words/s |")
    print("|---|" + "---|" * (len(FIGURES) + 1))
    for tier, models in (("builtin", None), ("stanza", args.models)):
        backend = load_backend(models, tier)
        quotes, seconds, words = run(texts, backend)
        figures = polnear.score(gold, quotes)
        print(f"| framing, {backend.tier} tier, dev | " + " | ".join(str(figures[k]) for k in FIGURES)
              + f" | {words / seconds:,.0f} |")
    started = time.perf_counter()
    model = QuoteModel.load()
    loaded = time.perf_counter() - started
    cv = model.meta["cross_validation"]
    print(f"| framing, 5-fold CV by article on train ({model.meta['trained_on']}) | "
          + " | ".join(str(cv["end_to_end"][k]) for k in FIGURES) + " | |")
    print(f"\nquote model load: {loaded * 1000:.1f} ms; decisions (CV): {json.dumps(cv['decisions'])}")
    voice_model = voice.VoiceModel.load()
    print(f"stance voice model, dev: {json.dumps(voice.evaluate(Path(args.polnear) / 'dev', voice_model))}; "
          f"5-fold CV by article on train: {json.dumps(voice_model.meta['cross_validation'])}")


if __name__ == "__main__":
    main()
