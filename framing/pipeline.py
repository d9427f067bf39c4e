"""The whole analysis of a corpus, one article at a time.

:class:`Analyzer` holds what is loaded once (NLP backend, speaker registry,
stance model) and turns each :class:`~framing.types.Article` into an
:class:`ArticleResult`. ``analyze_corpus`` is the one-call API used by the CLI,
reports and exercises.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .corpus import read_corpus
from .nlp import annotate, load_backend
from .quotes import QuoteExtractor
from .speakers import Registry
from .types import Article, Document, Quote


@dataclass
class ArticleResult:
    article: Article
    document: Document
    quotes: list[Quote]
    sentences: list = field(default_factory=list)  # stance-scored sentences (framing.stance)
    markers: dict | None = None  # lexicon marker counts over the whole body


class Analyzer:
    """Loads models once; ``analyze`` runs every step on one article."""

    def __init__(self, backend=None, registry: Registry | None = None, stance=None, *,
                 models: str | None = None, tier: str = "auto", speakers: tuple[str, ...] = (),
                 with_stance: bool = True):
        self.backend = backend if backend is not None else load_backend(models, tier)
        self.registry = registry or Registry(tuple(speakers))
        self.extractor = QuoteExtractor(self.registry)
        self._stance = stance
        self.with_stance = with_stance

    @property
    def tier(self) -> str:
        return self.backend.tier

    @property
    def stance(self):
        if self._stance is None and self.with_stance:
            from .stance import StanceScorer
            self._stance = StanceScorer.load()
        return self._stance

    def analyze(self, article: Article) -> ArticleResult:
        return self._finish(annotate(article, self.backend))

    def _finish(self, doc: Document) -> ArticleResult:
        quotes = self.extractor.extract(doc)
        if self.stance is None:
            return ArticleResult(doc.article, doc, quotes)
        return ArticleResult(doc.article, doc, quotes, *self.stance.score(doc, quotes))


@dataclass
class CorpusAnalysis:
    """Every article's result, plus helpers for tables."""

    results: list[ArticleResult]
    tier: str
    label_overrides: dict[str, str] = field(default_factory=dict)  # doc -> label given by the user

    @property
    def articles(self) -> list[Article]:
        return [r.article for r in self.results]

    @property
    def quotes(self) -> list[Quote]:
        return [q for r in self.results for q in r.quotes]

    @property
    def labels(self) -> dict[str, str]:
        """Document id -> outlet label shown to users."""
        return {r.article.id: self.label_overrides.get(r.article.id, r.article.source_label) for r in self.results}

    @property
    def sentences(self) -> list:
        return [s for r in self.results for s in r.sentences]


def analyze_corpus(path, *, config=None, analyzer: Analyzer | None = None, jobs: int = 1, cache: bool = False,
                   warn: Callable[[str], None] | None = None, say: Callable[[str], None] | None = None,
                   progress: Callable | None = None, max_bytes: int | None = None, outlets: str | None = None,
                   **options) -> CorpusAnalysis:
    """Read and analyse a corpus: the one-call API behind every command.

    ``config`` is an :class:`~framing.engine.AnalysisConfig` (or built from
    ``options``: models, tier, speakers, stance_model, with_stance); ``jobs``
    worker processes; ``cache`` uses the per-article SQLite cache; ``say``
    receives the one-line quality-tier notice; ``progress(iterable, length)``
    may wrap the result stream (e.g. in a progress bar).
    """
    from .cache import ResultCache
    from .corpus import DEFAULT_MAX_BYTES
    from .engine import AnalysisConfig, _tier_of, analyze_articles, tier_notice
    from .nlp import notice

    config = config or AnalysisConfig(**options)
    articles = list(read_corpus(path, warn, max_bytes=max_bytes or DEFAULT_MAX_BYTES, outlets=outlets))
    tier = analyzer.tier if analyzer else _tier_of(config)
    if say:
        say(notice(analyzer.backend) if analyzer else tier_notice(config, jobs))
    store = ResultCache() if cache else None
    try:
        stream = analyze_articles(articles, config, analyzer=analyzer, jobs=jobs, cache=store)
        if progress:
            stream = progress(stream, len(articles))
        results = list(stream)
    finally:
        if store:
            store.close()
    return CorpusAnalysis(results, tier)
