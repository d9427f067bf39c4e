"""Plain data types passed between the steps of the pipeline.

All offsets (``start``, ``end``) are Python ``str`` indices into the RAW text
of an article as read from disk: ``article.text[start:end]`` is the span.
Every type converts to a flat ``dict`` (``to_dict``) for JSONL/CSV output.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

META_FIELDS = ("outlet", "byline", "date", "dateline", "publisher", "url", "title")


@dataclass
class Field:
    """One metadata value with the evidence it came from.

    ``source`` is ``text`` (found in the article), ``manifest`` (given by the
    user), ``inferred`` (derived, e.g. a year taken from elsewhere in the text)
    or ``none``.
    """

    value: str | None = None
    evidence: str = ""
    start: int | None = None
    end: int | None = None
    source: str = "none"


@dataclass
class Block:
    """A paragraph-like region of the raw text and what it is."""

    start: int
    end: int
    kind: str  # body, heading, byline, dateline, caption, credit, footer, meta


@dataclass
class Article:
    """One news article: its raw text exactly as on disk, and metadata."""

    id: str
    text: str
    path: str = ""
    meta: dict[str, Field] = field(default_factory=dict)
    encoding: str = "utf-8"
    blocks: list[Block] = field(default_factory=list)

    @cached_property
    def view(self) -> str:
        """The text as read (character references decoded), same length and offsets as ``text``."""
        from .preprocessing import reading_view

        return reading_view(self.text)

    def get(self, name: str) -> str | None:
        f = self.meta.get(name)
        return f.value if f else None

    @property
    def outlet(self) -> str | None:
        return self.get("outlet")

    @property
    def source_label(self) -> str:
        """The outlet if known; else says so and names the byline, publisher or file."""
        if self.outlet:
            return self.outlet
        for name in ("byline", "publisher"):
            if self.get(name):
                return f"unknown ({name}: {self.get(name)})"
        return f"unknown ({self.id})"

    @property
    def words(self) -> int:
        from .preprocessing import count_words

        return count_words(self.text, self.blocks)

    def to_dict(self) -> dict[str, Any]:
        row: dict[str, Any] = {"id": self.id, "path": self.path, "label": self.source_label}
        for name in META_FIELDS:
            row[name] = self.get(name)
        row["words"] = self.words
        row["encoding"] = self.encoding
        row["evidence"] = {
            k: f.evidence for k, f in self.meta.items() if f.value is not None and f.evidence
        }
        row["inferred"] = sorted(k for k, f in self.meta.items() if f.source == "inferred")
        return row


@dataclass
class Token:
    text: str
    start: int
    end: int
    lemma: str | None = None
    upos: str | None = None
    head: int | None = None  # 1-based index of the head in the sentence, 0 = root
    deprel: str | None = None
    ner: str | None = None


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)
    paragraph: int = 0
    kind: str = "body"

    @property
    def has_syntax(self) -> bool:
        return any(t.deprel for t in self.tokens)


@dataclass
class Document:
    """An article after the NLP step."""

    article: Article
    sentences: list[Sentence]
    tier: str

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        """The reading view of the article (see :attr:`Article.view`): same offsets as the raw text."""
        return self.article.view

    @property
    def raw(self) -> str:
        return self.article.text


FRAGMENT_JOIN = " \u2026 "  # between the pieces of an interrupted quote's content


@dataclass
class Quote:
    """A reported proposition and who the text says said it."""

    doc: str
    start: int
    end: int
    content: str
    kind: str  # direct, mixed, indirect
    cue: str
    cue_lemma: str
    cue_start: int | None
    cue_end: int | None
    mention: str
    mention_start: int | None
    mention_end: int | None
    speaker: str
    group: str
    confidence: float
    sentence: int
    outlet: str | None = None
    connotation: str = "neutral"
    speaker_source: str = "registry"  # registry, coreference, unregistered, guessed
    # the content's pieces when its attribution interrupts it ('"A," she said. "B."'): [[start, end], ...];
    # then start/end run from the first piece to the last and content joins the pieces with " … "
    fragments: list | None = None

    def pieces(self) -> list[tuple[int, int]]:
        """(start, end) of each piece of the content: one unless the attribution interrupts it."""
        return [tuple(f) for f in self.fragments] if self.fragments else [(self.start, self.end)]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)
