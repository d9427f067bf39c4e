"""Speed, scale and memory of framing, printed as tables (no assertions).

    python benchmarks/bench.py                 # everything, a few minutes on 2 cores
    python benchmarks/bench.py --quick         # smaller sizes

Measures, each in a fresh subprocess so that peak RSS is that run's own:
  - per stage (read, segment, quotes, stance, aggregate, report): articles/s, words/s, peak RSS,
    for the built-in tier and the stanza tokenizer tier, over synthetic corpora of growing size;
  - analysis overhead: whole-pipeline time / stanza tokenization alone on the same texts;
  - built-in tier words/s per core, and quote end-to-end F1 on the development set for both tiers;
  - scaling: log-log slope of time against corpus size; peak RSS of the streaming
    `framing analyze` on the largest corpus;
  - parallel speed-up with --jobs 2, and the speed-up of a second, cached run.
Needs STANZA_RESOURCES_DIR (or ../shared/stanza_resources) for the stanza rows.
"""
import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(HERE))


def models_dir():
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return env
    d = SHARED / "stanza_resources"
    return str(d) if d.is_dir() else None


# ----------------------------------------------------------------- workers
def stages(corpus: str, tier: str, with_report: bool) -> dict:
    """Time each stage on one corpus, in this process."""
    from framing.aggregate import lexicon_rates, outlet_stance, speaker_table
    from framing.corpus import read_corpus
    from framing.nlp import annotate, load_backend
    from framing.pipeline import ArticleResult, CorpusAnalysis
    from framing.quotes import QuoteExtractor
    from framing.report import write_report
    from framing.stance import StanceScorer

    backend = load_backend(models_dir(), "builtin" if tier == "builtin" else "stanza")
    extractor, scorer = QuoteExtractor(), StanceScorer.load()
    t = {}
    start = time.perf_counter()
    articles = list(read_corpus(corpus))
    t["read"] = time.perf_counter() - start
    start = time.perf_counter()
    docs = [annotate(a, backend) for a in articles]
    t["segment"] = time.perf_counter() - start
    start = time.perf_counter()
    quotes = [extractor.extract(d) for d in docs]
    t["quotes"] = time.perf_counter() - start
    start = time.perf_counter()
    scored = [scorer.score(d, q) for d, q in zip(docs, quotes)]
    t["stance"] = time.perf_counter() - start
    analysis = CorpusAnalysis([ArticleResult(a, d, q, s, m) for a, d, q, (s, m) in zip(articles, docs, quotes, scored)],
                              backend.tier)
    start = time.perf_counter()
    outlet_stance(analysis.sentences, analysis.labels)
    speaker_table(analysis.quotes, analysis.labels)
    lexicon_rates(analysis.results, analysis.labels)
    t["aggregate"] = time.perf_counter() - start
    if with_report:
        start = time.perf_counter()
        write_report(analysis, Path(tempfile.mkdtemp()) / "r")
        t["report"] = time.perf_counter() - start
    words = sum(a.words for a in articles)
    return {"articles": len(articles), "words": words, "seconds": t, "tier": backend.tier}


def tokenize_only(corpus: str, repeats: int = 2) -> dict:
    """stanza tokenization alone on the cleaned bodies, and the whole pipeline on the same
    files, measured alternately ``repeats`` times; the fastest of each is kept (timings on a
    shared 2-core machine are noisy)."""
    from framing.corpus import read_corpus
    from framing.nlp import StanzaBackend, annotate
    from framing.preprocessing import clean_body
    from framing.quotes import QuoteExtractor
    from framing.stance import StanceScorer

    backend = StanzaBackend(Path(models_dir()))
    extractor, scorer = QuoteExtractor(), StanceScorer.load()
    articles = list(read_corpus(corpus))
    tok, whole = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        for a in read_corpus(corpus):
            backend.pipeline(clean_body(a.text, a.blocks).text)
        tok.append(time.perf_counter() - start)
        start = time.perf_counter()
        for a in read_corpus(corpus):
            doc = annotate(a, backend)
            scorer.score(doc, extractor.extract(doc))
        whole.append(time.perf_counter() - start)
    return {"tokenize": min(tok), "whole": min(whole), "words": sum(a.words for a in articles)}


def analyze_command(corpus: str, jobs: int, cache_dir: str | None, tier: str = "builtin") -> dict:
    env = dict(os.environ)
    args = [sys.executable, "-m", "framing.cli", "-q", "analyze", corpus, "-o", tempfile.mkdtemp() + "/o",
            "--tier", tier, "--jobs", str(jobs)]
    if cache_dir:
        env["FRAMING_CACHE_DIR"] = cache_dir
    else:
        args.append("--no-cache")
    start = time.perf_counter()
    subprocess.run(args, check=True, env=env)
    return {"seconds": time.perf_counter() - start,
            "max_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def in_subprocess(fn: str, *args) -> dict:
    out = subprocess.run([sys.executable, __file__, "--worker", fn, json.dumps(args)], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def dev_f1(tier: str) -> float | None:
    corpus = SHARED / "corpus" / "kozlov-2023"
    if not corpus.is_dir():
        return None
    from click.testing import CliRunner
    from framing.cli import cli

    args = ["-q", "evaluate", "quotes", str(corpus), "--gold", str(corpus / "gold" / "quotes.jsonl"), "--json",
            "--tier", tier, "--no-cache"]
    if models_dir():
        args += ["--models", models_dir()]
    return json.loads(CliRunner().invoke(cli, args).stdout)["end_to_end_f1"]


# ------------------------------------------------------------------ driver
def table(rows, columns):
    widths = [max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in columns]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths)))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(str(r.get(c, "")).ljust(w) for c, w in zip(columns, widths)))
    print()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--worker")
    parser.add_argument("args", nargs="?")
    opts = parser.parse_args()
    if opts.worker:
        result = globals()[opts.worker](*json.loads(opts.args))
        result["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return

    from make_corpus import make

    sizes = [10, 100, 1000] if opts.quick else [10, 100, 1000, 10000]
    stanza_sizes = [10, 100] if opts.quick else [10, 100, 1000]
    work = Path(tempfile.mkdtemp(prefix="framing-bench-"))
    corpora = {}
    for n in sizes:
        corpora[n] = str(work / f"c{n}")
        make(n, Path(corpora[n]))
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; corpora in {work}\n")

    print("Per stage (seconds), throughput and peak RSS")
    rows, times = [], {}
    tiers = [("builtin", sizes)] + ([("stanza", stanza_sizes)] if models_dir() else [])
    for tier, tier_sizes in tiers:
        for n in tier_sizes:
            r = in_subprocess("stages", corpora[n], tier, n <= 1000)
            total = sum(r["seconds"].values())
            analysis = total - r["seconds"]["read"] - r["seconds"].get("report", 0)
            times[(tier, n)] = analysis
            row = {"tier": r["tier"], "articles": n, "words": r["words"]}
            row.update({k: f"{v:.2f}" for k, v in r["seconds"].items()})
            row.update({"articles/s": f"{n / analysis:.0f}", "words/s": f"{r['words'] / analysis:,.0f}",
                        "peak_rss_mb": f"{r['max_rss_mb']:.0f}"})
            rows.append(row)
    table(rows, ["tier", "articles", "words", "read", "segment", "quotes", "stance", "aggregate", "report",
                 "articles/s", "words/s", "peak_rss_mb"])

    print("Ratios")
    ratios = []
    if models_dir():
        n = stanza_sizes[-1]
        r = in_subprocess("tokenize_only", corpora[n])
        ratios.append({"measure": f"analysis overhead (whole / stanza tokenize alone), {n} articles",
                       "value": f"{r['whole'] / r['tokenize']:.3f}", "goal": "<= 1.25"})
    b = [row for row in rows if row["tier"] == "builtin"][-1]
    per_article = sum(float(b[k]) for k in ("segment", "quotes", "stance"))
    ratios.append({"measure": f"built-in tier words/s on one core, per-article analysis (segment+quotes+stance), "
                              f"{b['articles']} articles", "value": f"{int(b['words']) / per_article:,.0f}",
                   "goal": ">= 50,000"})
    ratios.append({"measure": "built-in tier words/s on one core, including aggregation",
                   "value": b["words/s"], "goal": ""})
    f_builtin, f_stanza = dev_f1("builtin"), dev_f1("stanza") if models_dir() else None
    if f_builtin is not None:
        ratios.append({"measure": "dev-set quote end-to-end F1: built-in / stanza tier",
                       "value": f"{f_builtin} / {f_stanza}", "goal": "within 0.03"})
    xs = [math.log(n) for n in sizes]
    ys = [math.log(times[("builtin", n)]) for n in sizes]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    ratios.append({"measure": f"scaling: log-log slope of time vs size ({sizes[0]}-{sizes[-1]}, built-in)",
                   "value": f"{slope:.3f}", "goal": "<= 1.1"})
    big = sizes[-1]
    streamed = in_subprocess("analyze_command", corpora[big], 1, None)  # its own peak RSS
    ratios.append({"measure": f"peak RSS, framing analyze (streaming) on {big} articles, built-in",
                   "value": f"{streamed['max_rss_mb']:.0f} MB", "goal": "< 2 GB"})
    par_n = 1000
    one = analyze_command(corpora[par_n], 1, None)
    two = analyze_command(corpora[par_n], 2, None)
    ratios.append({"measure": f"--jobs 2 speed-up on {par_n} articles, built-in (whole command)",
                   "value": f"{one['seconds'] / two['seconds']:.2f}x ({one['seconds']:.1f}s -> {two['seconds']:.1f}s)",
                   "goal": ">= 1.7x"})
    if models_dir():
        s_one = analyze_command(corpora[stanza_sizes[-1]], 1, None, "stanza")
        s_two = analyze_command(corpora[stanza_sizes[-1]], 2, None, "stanza")
        ratios.append({"measure": f"--jobs 2 speed-up on {stanza_sizes[-1]} articles, stanza tier",
                       "value": f"{s_one['seconds'] / s_two['seconds']:.2f}x ({s_one['seconds']:.1f}s -> "
                                f"{s_two['seconds']:.1f}s)", "goal": ">= 1.7x"})
    cache_dir = tempfile.mkdtemp()
    cold = analyze_command(corpora[par_n], 1, cache_dir, "stanza" if models_dir() else "builtin")
    warm = analyze_command(corpora[par_n], 1, cache_dir, "stanza" if models_dir() else "builtin")
    ratios.append({"measure": f"second run with the cache, {par_n} articles ({'stanza' if models_dir() else 'built-in'})",
                   "value": f"{cold['seconds'] / warm['seconds']:.1f}x ({cold['seconds']:.1f}s -> {warm['seconds']:.1f}s)",
                   "goal": ">= 20x"})
    table(ratios, ["measure", "value", "goal"])


if __name__ == "__main__":
    main()
