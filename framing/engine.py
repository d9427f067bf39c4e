"""Running the per-article analysis: in-process, in worker processes, or on Dask.

One function, :func:`compute`, turns an article (plus whatever stages are
already cached) into plain, JSON-serialisable stage results. The local engine
runs it in this process or in ``jobs`` worker processes (each loads its models
once); the Dask engine runs the same function on a cluster. Results come back
in input order and are identical whichever engine ran them.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from . import __version__
from .cache import ResultCache, analysis_key
from .lexicon import lexicon_dir
from .types import Article, Document, Quote, Sentence, Token

QUOTE_LEXICONS = ("reporting_verbs.csv", "clause_words.csv", "speakers.csv", "source_nouns.csv", "given_names.csv",
                  "nationalities.csv", "abbreviations.txt")
STANCE_LEXICONS = ("hedges.txt", "boosters.txt", "allegation_markers.txt", "denial_markers.txt",
                   "factive_verbs.txt", "topics.csv", "parties.csv")


@dataclass(frozen=True)
class AnalysisConfig:
    """Everything needed to build an :class:`~framing.pipeline.Analyzer` anywhere (picklable)."""

    models: str | None = None
    tier: str = "auto"
    speakers: tuple[str, ...] = ()
    stance_model: str | None = None
    with_stance: bool = True
    topics: str | None = None  # a topics file (term, topic, weight) replacing the built-in topics
    extend_topics: bool = False  # ... or besides them

    def build(self):
        from .nlp import load_backend
        from .pipeline import Analyzer
        from .stance import StanceScorer

        scorer = StanceScorer.load(self.stance_model, self.topics, self.extend_topics) if self.with_stance else None
        return Analyzer(load_backend(self.models, self.tier), stance=scorer, speakers=self.speakers,
                        with_stance=self.with_stance)


def tier_notice(config: AnalysisConfig, jobs: int = 1) -> str:
    """The one line saying which quality tier runs (without loading any model)."""
    from .nlp import models_dir

    tier = _tier_of(config)
    where = "built-in rule-based segmenter (no stanza model found)" if tier == "builtin" else \
        f"stanza models in {models_dir(config.models)}"
    return f"quality tier: {tier} - {where}" + (f"; {jobs} worker processes" if jobs > 1 else "")


CACHE_FORMAT = "5"  # bump when the stored stage layout (or what a stage computes) changes


def _files_hash(paths: Iterable[Path]) -> str:
    h = hashlib.sha256(f"{__version__}/{CACHE_FORMAT}".encode())
    for p in paths:
        h.update(str(p.name).encode())
        h.update(p.read_bytes() if p.is_file() else b"-")
    return h.hexdigest()[:20]


def fingerprints(config: AnalysisConfig, tier: str) -> dict[str, str]:
    """Per-stage fingerprints: each changes exactly when what that stage depends on does."""
    from .nlp import installed_processors, models_dir
    from .quote_model import MODEL_FILE as QUOTE_MODEL
    from .stance import MODEL_FILE
    from .voice import MODEL_FILE as VOICE_MODEL
    from .trained import trained_path

    if tier == "builtin":
        nlp_files = [lexicon_dir() / "abbreviations.txt"]
    else:
        directory = models_dir(config.models)
        nlp_files = [directory / "resources.json"] + sorted(
            f for p in installed_processors(directory) for f in (directory / "en" / p).glob("*.pt"))
    nlp = tier + _files_hash(nlp_files)
    quotes = nlp + _files_hash([lexicon_dir() / n for n in QUOTE_LEXICONS] + [Path(s) for s in config.speakers]
                               + [trained_path(QUOTE_MODEL)])
    model = Path(config.stance_model) if config.stance_model else trained_path(MODEL_FILE)
    topics = [Path(config.topics)] if config.topics else []
    stance = quotes + _files_hash([lexicon_dir() / n for n in STANCE_LEXICONS + ("reporting_verbs.csv", "groups.csv")]
                                  + [model, trained_path(VOICE_MODEL)] + topics) + ("+" if config.extend_topics else "")
    return {"nlp": _short(nlp), "quotes": _short(quotes), "stance": _short(stance)}


def _short(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:24]


# ------------------------------------------------------------ serialisation
def doc_to_dict(doc: Document) -> dict:
    return {"tier": doc.tier, "sentences": [
        [s.index, s.start, s.end, s.paragraph,
         [[t.start, t.end, t.lemma, t.upos, t.head, t.deprel, t.ner] for t in s.tokens]] for s in doc.sentences]}


def doc_from_dict(article: Article, data: dict, tokens: bool = True) -> Document:
    """The Document of a cached ``nlp`` stage; ``tokens=False`` keeps sentences only
    (all that steps after quote extraction need)."""
    text, view = article.text, article.view
    sentences = [Sentence(i, s, e, text[s:e],
                          [Token(view[a:b], a, b, *rest) for a, b, *rest in toks] if tokens else [], par)
                 for i, s, e, par, toks in data["sentences"]]
    return Document(article, sentences, data["tier"])


def _without_tokens(stages: dict) -> dict:
    nlp = stages["nlp"]
    return {**stages, "nlp": {"tier": nlp["tier"], "sentences": [row[:4] + [[]] for row in nlp["sentences"]]}}


def compute(article: Article, analyzer, have: dict | None = None) -> dict:
    """Stage results for one article, reusing the stages in ``have``."""

    have = dict(have or {})
    if "nlp" in have:
        doc = doc_from_dict(article, have["nlp"])
    else:
        from .nlp import annotate

        doc = annotate(article, analyzer.backend)
        have["nlp"] = doc_to_dict(doc)
    if "quotes" in have:
        quotes = [Quote(**q) for q in have["quotes"]]
    else:
        quotes = analyzer.extractor.extract(doc)
        have["quotes"] = [q.to_dict() for q in quotes]
    if analyzer.stance is not None and "stance" not in have:
        sentences, markers = analyzer.stance.score(doc, quotes)
        have["stance"] = {"sentences": [s.to_dict() for s in sentences], "markers": markers}
    return have


def result_from_stages(article: Article, stages: dict):
    """An :class:`~framing.pipeline.ArticleResult` from stage results."""
    from .pipeline import ArticleResult
    from .stance import ScoredSentence

    doc = doc_from_dict(article, stages["nlp"], tokens=False)
    quotes = [Quote(**q) for q in stages["quotes"]]
    stance = stages.get("stance") or {"sentences": [], "markers": None}
    sentences = [ScoredSentence(**s) for s in stance["sentences"]]
    for item in quotes + sentences:  # cached stages may come from another file with the same text
        item.doc, item.outlet = article.id, article.outlet
    return ArticleResult(article, doc, quotes, sentences, stance["markers"])


# ------------------------------------------------------------- local engine
_WORKER: dict = {}


def _init_worker(config: AnalysisConfig) -> None:
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:  # pragma: no cover
        pass
    _WORKER["analyzer"] = config.build()


def _work(task):
    article, have, keep_tokens = task
    stages = compute(article, _WORKER["analyzer"], have)
    return stages if keep_tokens else _without_tokens(stages)


def analyze_articles(articles: Iterable[Article], config: AnalysisConfig, *, analyzer=None, jobs: int = 1,
                     cache: ResultCache | None = None) -> Iterator:
    """Yield an ArticleResult per article, in order, using the cache and ``jobs`` processes."""
    tier = analyzer.tier if analyzer else _tier_of(config)
    wants = _stages(config)
    prints = fingerprints(config, tier) if cache else {}
    built = [analyzer]

    def get_analyzer():  # models load only when something is not cached
        if built[0] is None:
            built[0] = config.build()
            if built[0].tier != tier:  # a model failed to load: never mix tiers in the cache
                prints.clear()
        return built[0]

    def lookup(article):
        if not cache or not prints:
            return article, {}, None
        key = analysis_key(article)
        return article, cached_stages(cache, key, prints, wants), key

    def store(key, have, stages):
        if cache and prints and key:
            for row in fresh_stages(key, have, stages, prints, wants):
                cache.put(*row)

    if jobs <= 1:
        for article in articles:
            article, have, key = lookup(article)
            stages = have if all(s in have for s in wants) else compute(article, get_analyzer(), have)
            store(key, have, stages)
            yield result_from_stages(article, stages)
    else:
        yield from _parallel(articles, config, jobs, lookup, store, wants)
    if cache:
        cache.commit()


def _stages(config: AnalysisConfig) -> tuple[str, ...]:
    """The pipeline stages a run of ``config`` produces, in order."""
    return ("nlp", "quotes", "stance") if config.with_stance else ("nlp", "quotes")


def cached_stages(cache: ResultCache, key: str, prints: dict, wants: tuple) -> dict:
    """The stages of ``wants`` the cache holds for ``key``, in order, up to the first missing one."""
    have = {}
    for stage in wants:
        got = cache.get(key, stage, prints[stage])
        if got is None:
            break
        have[stage] = got
    return have


def fresh_stages(key: str, have: dict, stages: dict, prints: dict, wants: tuple) -> list[tuple]:
    """(key, stage, fingerprint, result) rows for the stages computed now (not in ``have``)."""
    return [(key, stage, prints[stage], stages[stage]) for stage in wants if stage not in have]


def _parallel(articles, config, jobs, lookup, store, wants):
    import multiprocessing as mp

    pending = [lookup(a) for a in articles]
    keep_tokens = any(key for _, _, key in pending)  # only the cache needs tokens back
    todo = [(a, have, keep_tokens) for a, have, _ in pending if not all(s in have for s in wants)]
    ctx = mp.get_context("spawn" if _uses_torch(config) else "fork")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(config,)) as pool:
        computed = pool.imap(_work, todo, chunksize=max(1, min(32, len(todo) // (jobs * 4) or 1)))
        for article, have, key in pending:
            stages = have if all(s in have for s in wants) else next(computed)
            store(key, have, stages)
            yield result_from_stages(article, stages)


def _uses_torch(config: AnalysisConfig) -> bool:
    return _tier_of(config) != "builtin"


def _tier_of(config: AnalysisConfig) -> str:
    """The tier ``config`` will run, judged from the installed files (nothing is loaded)."""
    from .nlp import ModelError, installed_processors, models_dir

    if config.tier == "builtin":
        return "builtin"
    directory = models_dir(config.models)
    found = installed_processors(directory)
    if "tokenize" not in found:
        if config.tier == "stanza":
            raise ModelError(f"no stanza English tokenizer under {directory}")
        return "builtin"
    return "stanza-full" if {"pos", "lemma", "depparse"} <= set(found) else "stanza-tokenize"


# -------------------------------------------------------------- output files
def result_record(result, label: str) -> dict:
    """One article's results as a JSON line (no tokens)."""
    return {"id": result.article.id, "label": label, "meta": result.article.to_dict(),
            "quotes": [q.to_dict() for q in result.quotes], "sentences": [s.to_dict() for s in result.sentences]}


def write_partitions(records: Iterable[dict], outdir: Path, per_part: int = 500) -> list[str]:
    """Write records as part-00000.jsonl, part-00001.jsonl ... of ``per_part`` lines each."""
    import json

    names, part, fh = [], -1, None
    try:
        for n, rec in enumerate(records):
            if n % per_part == 0:
                if fh:
                    fh.close()
                part += 1
                names.append(f"part-{part:05d}.jsonl")
                fh = open(outdir / names[-1], "w", encoding="utf-8")
            fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
    finally:
        if fh:
            fh.close()
    return names


# ------------------------------------------------- worker-written partitions
def _partition_task(task):
    """Read, analyse and write one partition in a worker: (file name, warnings)."""
    import json

    from .corpus import read_entry

    index, entries, outdir, read_options, cache_path = task
    analyzer = _WORKER["analyzer"]
    warnings: list[str] = []
    cache = ResultCache(cache_path) if cache_path else None
    config = _WORKER["config"]
    prints = fingerprints(config, analyzer.tier) if cache else {}
    wants = _stages(config)
    name = f"part-{index:05d}.jsonl"
    fresh = []  # stage results to store, written in one short transaction at the end (workers share the file)
    try:
        with open(Path(outdir) / name, "w", encoding="utf-8") as fh:
            for path, overrides in entries:
                article = read_entry(Path(path), overrides, warnings.append, **read_options)
                if article is None:
                    continue
                key = analysis_key(article) if cache else None
                have = cached_stages(cache, key, prints, wants) if cache else {}
                stages = have if all(s in have for s in wants) else compute(article, analyzer, have)
                if cache:
                    fresh.extend(fresh_stages(key, have, stages, prints, wants))
                record = result_record(result_from_stages(article, stages), article.source_label)
                fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        for row in fresh:
            cache.put(*row)
    finally:
        if cache:
            cache.close()
    return name, warnings


def _init_partition_worker(config: AnalysisConfig) -> None:
    _init_worker(config)
    _WORKER["config"] = config


def run_partitions(entries: list[tuple[str, dict]], config: AnalysisConfig, outdir: Path, *, jobs: int = 2,
                   per_part: int = 500, cache_path: str | None = None, warn=None, outlets: str | None = None,
                   max_bytes: int | None = None, progress=None) -> list[str]:
    """Analyse ``entries`` in ``jobs`` worker processes, each reading its own articles and writing
    its own partition files (the files are those of a one-process run, in the same order)."""
    import multiprocessing as mp

    from .corpus import DEFAULT_MAX_BYTES, CorpusError

    entries = _unique_ids(entries)
    if cache_path:
        ResultCache(cache_path).close()  # its file and journal mode set up once, before the workers share it
    options = {"outlets": outlets, "max_bytes": max_bytes or DEFAULT_MAX_BYTES}
    tasks = [(n, entries[i:i + per_part], str(outdir), options, cache_path)
             for n, i in enumerate(range(0, len(entries), per_part))]
    ctx = mp.get_context("spawn" if _uses_torch(config) else "fork")
    names = []
    with ctx.Pool(jobs, initializer=_init_partition_worker, initargs=(config,)) as pool:
        done = pool.imap(_partition_task, tasks)
        for name, warnings in (progress(done, len(tasks)) if progress else done):
            for message in warnings:
                (warn or (lambda _: None))(message)
            names.append(name)
    kept = []
    for name in names:  # a partition whose articles were all unreadable holds nothing
        if (Path(outdir) / name).stat().st_size:
            kept.append(name)
        else:
            (Path(outdir) / name).unlink()
    if not kept:
        raise CorpusError("no readable article (see the warnings above)")
    return _renumber(Path(outdir), kept)


def _renumber(outdir: Path, names: list[str]) -> list[str]:
    """part-00000, part-00001 ... without gaps, as a one-process run names them."""
    out = []
    for n, name in enumerate(names):
        want = f"part-{n:05d}.jsonl"
        if name != want:
            (outdir / name).rename(outdir / want)
        out.append(want)
    return out


# --------------------------------------------------------------- dask engine
def _dask_task(entries, config: AnalysisConfig, label_overrides: dict, read_options: dict):
    """Read and analyse a batch of (path, overrides) on a Dask worker: (records, warnings)."""
    from .corpus import read_entry

    analyzer = _WORKER.get(config)
    if analyzer is None:
        analyzer = _WORKER[config] = config.build()
    out, warnings = [], []
    for path, overrides in entries:
        article = read_entry(Path(path), overrides, warnings.append, **read_options)
        if article is None:
            continue
        result = result_from_stages(article, compute(article, analyzer))
        out.append(result_record(result, label_overrides.get(article.id, article.source_label)))
    return out, warnings


def _unique_ids(entries: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
    """Entries whose article ids are unique, as :func:`~framing.corpus.read_corpus` makes them."""
    from .corpus import printable_name

    seen, out = set(), []
    for path, overrides in entries:
        name = overrides.get("id") or Path(path).stem
        if name in seen:
            overrides = {**overrides, "id": printable_name(Path(path).name)}
        seen.add(overrides.get("id") or name)
        out.append((path, overrides))
    return out


def run_dask(entries: list[tuple[str, dict]], config: AnalysisConfig, outdir: Path, *, scheduler: str | None = None,
             workers: int = 2, per_part: int = 500, label_overrides: dict | None = None,
             log_level: int = logging.WARNING, warn=None, outlets: str | None = None,
             max_bytes: int | None = None) -> list[str]:
    """Analyse ``entries`` (path, metadata overrides) on a Dask cluster; write partitions.

    Files that cannot be read are skipped and passed to ``warn``, as in a local run;
    ``outlets`` and ``max_bytes`` are read options as for :func:`~framing.corpus.read_corpus`.
    Dask's own log lines below ``log_level`` (cluster start, workers joining) are not shown.
    """
    from .corpus import DEFAULT_MAX_BYTES, CorpusError

    from dask.distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(log_level)  # importing distributed sets it to INFO
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=log_level)
        client = Client(cluster)
    try:
        entries = _unique_ids(entries)
        batches = [entries[i:i + 16] for i in range(0, len(entries), 16)]
        options = {"outlets": outlets, "max_bytes": max_bytes or DEFAULT_MAX_BYTES}
        futures = client.map(_dask_task, batches, config=config, label_overrides=label_overrides or {},
                             read_options=options, pure=False)

        def records():
            for fut in futures:
                batch, warnings = fut.result()
                for message in warnings:
                    (warn or (lambda _: None))(message)
                yield from batch

        names = write_partitions(records(), outdir, per_part)
        if not names:
            raise CorpusError("no readable article (see the warnings above)")
        return names
    finally:
        client.close()
        if cluster:
            cluster.close()
