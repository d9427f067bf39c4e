"""framing: who is quoted and how a story is framed across news outlets.

The data flow, one module a step::

    corpus (read articles, detect outlets)  ->  nlp (sentences, tokens)
      ->  quotes + speakers  ->  stance (lexicons, classifier)
      ->  aggregate  ->  report / exercises / reproduce

Every step returns plain dataclasses (``framing.types``) whose offsets point
into the raw article text as read from disk.
"""

__version__ = "0.1.0"

from .types import Article, Field, Sentence, Token, Document  # noqa: E402
from .corpus import read_corpus, read_article, CorpusError  # noqa: E402
from .nlp import load_backend, annotate  # noqa: E402
from .quotes import extract_quotes, QuoteExtractor  # noqa: E402
from .speakers import Registry  # noqa: E402
from .pipeline import Analyzer, analyze_corpus  # noqa: E402

__all__ = [
    "__version__",
    "Article",
    "Field",
    "Sentence",
    "Token",
    "Document",
    "read_corpus",
    "read_article",
    "CorpusError",
    "load_backend",
    "annotate",
    "extract_quotes",
    "QuoteExtractor",
    "Registry",
    "Analyzer",
    "analyze_corpus",
]
