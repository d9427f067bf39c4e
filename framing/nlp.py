"""Sentences and tokens with raw-text offsets, from stanza or a built-in segmenter.

Quality tiers, best first:

``stanza-full``
    stanza with pos, lemma and depparse (and ner when present): the quote
    extractor uses the parse.
``stanza-tokenize``
    stanza's neural tokenizer and sentence splitter only (what CI has).
``builtin``
    a rule-based segmenter that needs no model; used when no stanza model is
    installed, and said so once.

Models are always loaded offline (``download_method=None``) from ``--models``,
``$STANZA_RESOURCES_DIR`` or stanza's default directory.
"""
from __future__ import annotations

import logging
import os
import re
from dataclasses import replace
from pathlib import Path

from .lexicon import clause_words, load_terms
from .preprocessing import CleanText, clean_body
from .types import Article, Document, Sentence, Token

log = logging.getLogger(__name__)

LANG = "en"
RICH_PROCESSORS = ("pos", "lemma", "depparse", "ner")


class ModelError(RuntimeError):
    """The requested NLP model cannot be loaded."""


def models_dir(models: str | os.PathLike | None = None) -> Path:
    """Where stanza models are looked for: argument, $STANZA_RESOURCES_DIR, stanza's default."""
    if models:
        return Path(models).expanduser()
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return Path(env).expanduser()
    try:
        from stanza.resources.common import DEFAULT_MODEL_DIR
    except ImportError:  # stanza missing: the built-in tier still works
        return Path.home() / "stanza_resources"
    return Path(DEFAULT_MODEL_DIR)


def installed_processors(directory: Path) -> list[str]:
    """Stanza English processors with a model file under ``directory``."""
    lang = directory / LANG
    if not (directory / "resources.json").is_file() or not lang.is_dir():
        return []
    return sorted(p.name for p in lang.iterdir() if p.is_dir() and any(p.glob("*.pt")))


# ------------------------------------------------------------------ backends
class BuiltinSegmenter:
    """Rule-based sentence splitter and tokenizer; no model needed."""

    tier = "builtin"
    _TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:[-'\u2019.]\w+)*|[^\w\s]")
    _BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])|\n\s*\n")

    def __init__(self):
        self.abbreviations = {a.casefold() for a in load_terms("abbreviations.txt")}
        words = clause_words()  # capitalised pronouns and determiners open sentences, never follow a title
        self.openers = {w.capitalize() for w in (words["pronoun"] | words["determiner"]) - {"a", "i"}}

    def describe(self) -> str:
        return "built-in rule-based segmenter (no stanza model found)"

    def sentence_spans(self, text: str) -> list[tuple[int, int]]:
        spans, start = [], 0
        for m in self._BOUNDARY.finditer(text):
            if m.group().startswith(".") and self._is_abbreviation(text, m.start()):
                continue
            end = m.end() if not m.group().isspace() else m.start()
            spans.append((start, end))
            start = m.end()
        spans.append((start, len(text)))
        return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]

    def _is_abbreviation(self, text: str, dot: int) -> bool:
        """The stop at ``dot`` ends an abbreviation and no sentence: a listed one, or an initial; not
        when a pronoun or determiner opens the next word ('at 7 p.m. He says', 'in the U.S. The')."""
        m = re.search(r"([\w.]+)$", text[max(0, dot - 12):dot])
        if not m:
            return False
        word = m.group(1)
        if len(word) == 1 and word.isupper():
            return True
        nxt = re.match(r"\W*([A-Za-z]+)", text[dot + 1:dot + 20])
        return word.casefold() in self.abbreviations and not (nxt and nxt.group(1) in self.openers)

    def process(self, text: str) -> list[list[Token]]:
        out = []
        for s, e in self.sentence_spans(text):
            out.append([Token(m.group(), m.start(), m.end()) for m in self._TOKEN.finditer(text, s, e)])
        return out


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


class StanzaBackend:
    """stanza pipeline loaded offline from a local models directory."""

    def __init__(self, directory: Path, processors: list[str] | None = None):
        import stanza  # heavy: import only when used

        available = installed_processors(directory)
        if "tokenize" not in available:
            raise ModelError(f"no stanza English tokenizer under {directory}")
        wanted = ["tokenize"] + [p for p in ("mwt", "pos", "lemma", "depparse", "ner") if p in available]
        if processors:
            wanted = [p for p in wanted if p in processors or p == "tokenize"]
        self.processors = wanted
        self.directory = directory
        builtin = BuiltinSegmenter()  # (so that both tiers break sentences alike after abbreviations)
        self.abbreviations, self.openers = builtin.abbreviations, builtin.openers
        try:
            self.pipeline = stanza.Pipeline(LANG, dir=str(directory), processors=",".join(wanted),
                                            download_method=None, verbose=False, logging_level="ERROR")
        except FileNotFoundError as exc:
            raise ModelError(f"stanza model missing under {directory}: {exc}") from None
        except Exception as exc:  # a corrupt or incompatible model file
            raise ModelError(f"cannot load stanza models from {directory}: {exc}") from None
        rich = all(p in wanted for p in ("pos", "lemma", "depparse"))
        self.tier = "stanza-full" if rich else "stanza-tokenize"

    def describe(self) -> str:
        return f"stanza ({', '.join(self.processors)}) from {self.directory}"

    def process(self, text: str) -> list[list[Token]]:
        return rejoin_after_abbreviations(tokens_from_stanza(self.pipeline(text)), text, self.abbreviations,
                                          self.openers)


def rejoin_after_abbreviations(sentences: list[list[Token]], text: str, abbreviations,
                               openers=frozenset()) -> list[list[Token]]:
    """Undo a sentence break the tokenizer made where the built-in segmenter would not: right after a
    listed abbreviation (``abbreviations.txt``, casefolded; its stop in its token or the next one:
    'with Vermont Sen.' | 'Bernie Sanders when ...', 'then-Sen.' | 'Barack Obama') unless a pronoun or
    determiner (``openers``) opens the next sentence, and after a colon ('for one reason:' | 'The pride
    ...'), with no line break before the next sentence."""
    out: list[list[Token]] = []
    for tokens in sentences:
        if out and tokens and out[-1] and "\n" not in text[out[-1][-1].end:tokens[0].start]:
            prev = out[-1]
            last = prev[-1].text if prev[-1].text != "." or len(prev) < 2 else prev[-2].text + "."
            word = last[:-1].rsplit("-", 1)[-1].casefold()
            after_abbreviation = last.endswith(".") and len(last) > 1 and word in abbreviations \
                and tokens[0].text not in openers
            if after_abbreviation or prev[-1].text == ":":
                shift = len(prev)  # (heads index their own sentence: shift the second part's)
                out[-1] = prev + [replace(t, head=t.head + shift) if t.head else t for t in tokens]
                continue
        out.append(tokens)
    return out


def tokens_from_stanza(doc) -> list[list[Token]]:
    """Our tokens (one per syntactic word) from a stanza Document."""
    sentences = []
    for sent in doc.sentences:
        tokens = []
        for tok in sent.tokens:
            for word in tok.words:
                start = word.start_char if word.start_char is not None else tok.start_char
                end = word.end_char if word.end_char is not None else tok.end_char
                tokens.append(Token(word.text, start, end, word.lemma, word.upos, word.head,
                                    word.deprel, _ner(tok)))
        sentences.append(tokens)
    return sentences


def _ner(tok) -> str | None:
    ner = getattr(tok, "ner", None)
    return None if ner in (None, "O", "_") else ner


def load_backend(models: str | os.PathLike | None = None, tier: str = "auto"):
    """The best available backend. ``tier``: auto, stanza or builtin.

    ``auto`` falls back to the built-in segmenter when no model is found;
    ``stanza`` raises :class:`ModelError` instead.
    """
    if tier == "builtin":
        return BuiltinSegmenter()
    directory = models_dir(models)
    try:
        return StanzaBackend(directory)
    except ModelError as exc:
        if tier == "stanza":
            raise
        log.info("%s; using the built-in segmenter", exc)
        return BuiltinSegmenter()


def notice(backend) -> str:
    """The one line telling the user which quality tier ran."""
    return f"quality tier: {backend.tier} - {backend.describe()}"


# ------------------------------------------------------------------- annotate
def annotate(article: Article, backend=None) -> Document:
    """Sentences and tokens of the article's body, offsets into its raw text."""
    backend = backend or BuiltinSegmenter()
    clean = clean_body(article.view, article.blocks)
    return build_document(article, clean, backend.process(clean.text) if clean.text else [], backend.tier)


MAX_SENTENCE_TOKENS = 250


def _bounded(sentences: list[list[Token]]) -> list[list[Token]]:
    """Split runs without sentence punctuation (no real sentence is this long) so that
    every later step stays linear in the text length."""
    out = []
    for tokens in sentences:
        while len(tokens) > MAX_SENTENCE_TOKENS:
            cut = MAX_SENTENCE_TOKENS
            commas = [i for i in range(MAX_SENTENCE_TOKENS // 2, MAX_SENTENCE_TOKENS) if tokens[i].text in ",;"]
            if commas and not any(t.deprel for t in tokens):
                cut = commas[-1] + 1
            out.append(tokens[:cut])
            tokens = tokens[cut:]
        out.append(tokens)
    return out


def build_document(article: Article, clean: CleanText, sentences: list[list[Token]], tier: str) -> Document:
    """Map tokens found in the cleaned text back to raw offsets."""
    out = []
    for tokens in _bounded(sentences):
        if not tokens:
            continue
        raw_tokens = []
        for t in tokens:
            s, e = clean.to_raw(t.start, t.end)
            raw_tokens.append(Token(article.view[s:e], s, e, t.lemma, t.upos, t.head, t.deprel, t.ner))
        start, end = raw_tokens[0].start, raw_tokens[-1].end
        out.append(Sentence(len(out), start, end, article.text[start:end], raw_tokens,
                            clean.paragraph_of(tokens[0].start)))
    return Document(article, out, tier)


def download_models(models: str | os.PathLike | None = None, processors: str = "tokenize,mwt,pos,lemma,depparse,ner",
                    timeout: float = 5.0) -> Path:
    """Fetch stanza English models into the models directory (needs the internet).

    Fails fast with :class:`ModelError` when the model server cannot be reached.
    """
    import requests
    import stanza
    from stanza.resources.common import DEFAULT_RESOURCES_URL

    directory = models_dir(models)
    try:
        requests.head(DEFAULT_RESOURCES_URL, timeout=timeout)
    except requests.RequestException as exc:
        raise ModelError(f"cannot reach the stanza model server ({type(exc).__name__}); "
                         "copy a stanza_resources directory here and pass --models DIR") from None
    try:
        stanza.download(LANG, model_dir=str(directory), processors=processors, verbose=False)
    except Exception as exc:
        raise ModelError(f"model download failed: {exc}") from None
    return directory
