"""Load the documented data files in ``lexicons/`` and match their terms.

Each file starts with ``#`` comment lines saying what it measures and its
sources, then a CSV header (or one term a line for ``.txt`` lists). Files are
validated on load: a missing column or an empty term is a ``LexiconError``.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from typing import NamedTuple
from functools import lru_cache
from pathlib import Path


class LexiconError(ValueError):
    """A lexicon file is missing, malformed or fails validation."""


def lexicon_dir() -> Path:
    """The directory holding the shipped lexicons (source tree or installed copy)."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "lexicons", here / "lexicons"):  # checkout, then installed package
        if (candidate / "outlets.csv").is_file():
            return candidate
    raise LexiconError(f"framing's lexicons are missing (looked in {here.parent / 'lexicons'} and {here / 'lexicons'})")


def _read(name_or_path: str | Path) -> tuple[str, str]:
    """A lexicon's text: a ``Path`` (or an absolute path) is a user's file; a plain name is one of the
    shipped lexicons, whatever files the current directory holds."""
    if isinstance(name_or_path, Path) or Path(name_or_path).is_absolute():
        path = Path(name_or_path)
    else:
        path = lexicon_dir() / name_or_path
    try:
        return str(path), path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"cannot read lexicon {path}: {exc}") from None


def header(name_or_path: str | Path) -> str:
    """The documentation block (leading ``#`` lines) of a lexicon file."""
    _, text = _read(name_or_path)
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").rstrip())
    return "\n".join(lines)


@lru_cache(maxsize=1)
def clause_words() -> dict[str, frozenset[str]]:
    """The closed-class words of ``clause_words.csv`` (the grammar the tokenizer-only tier reads
    clauses with), by role."""
    roles: dict[str, set[str]] = {}
    for row in load_csv("clause_words.csv", ("word", "role")):
        roles.setdefault(row["role"], set()).add(row["word"])
    return {role: frozenset(words) for role, words in roles.items()}


@lru_cache(maxsize=64)
def load_csv(name_or_path: str | Path, required: tuple[str, ...] = ()) -> tuple[dict, ...]:
    """Rows of a documented CSV lexicon, as dicts; checks ``required`` columns."""
    path, text = _read(name_or_path)
    body = "\n".join(l for l in text.splitlines() if not l.startswith("#") and l.strip())
    reader = csv.DictReader(io.StringIO(body))
    if not reader.fieldnames:
        raise LexiconError(f"{path}: no header row")
    missing = [c for c in required if c not in reader.fieldnames]
    if missing:
        raise LexiconError(f"{path}: missing column(s) {', '.join(missing)}")
    rows = []
    for n, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise LexiconError(f"{path}: row {n} has the wrong number of fields")
        row = {k: v.strip() for k, v in row.items()}
        if required and not row[required[0]]:
            raise LexiconError(f"{path}: row {n} has an empty {required[0]}")
        rows.append(row)
    if not rows:
        raise LexiconError(f"{path}: no entries")
    return tuple(rows)


@lru_cache(maxsize=64)
def load_terms(name_or_path: str | Path) -> tuple[str, ...]:
    """Terms of a one-term-a-line lexicon (comments and blanks skipped)."""
    path, text = _read(name_or_path)
    terms = tuple(l.strip() for l in text.splitlines() if l.strip() and not l.startswith("#"))
    if not terms:
        raise LexiconError(f"{path}: no entries")
    return terms


def fingerprint(directory: Path | None = None) -> str:
    """A short hash of every lexicon file: changes when any of them does."""
    directory = directory or lexicon_dir()
    h = hashlib.sha256()
    for p in sorted(directory.glob("*")):
        if p.suffix in (".csv", ".txt"):
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def split_list(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


@dataclass(frozen=True)
class Verb:
    """A reporting verb of ``reporting_verbs.csv``: its lemma, connotation and frame (what follows it)."""

    lemma: str
    connotation: str
    frame: str


def reporting_lemmas(verbs: dict[tuple[str, ...], Verb]) -> dict[str, Verb]:
    """Each lemma of :func:`reporting_verbs` and its verb as it reports ('state' that takes a clause,
    not the quotation-only forms the lexicon also lists for it)."""
    return {verb.lemma: verb for verb in verbs.values() if verb.frame != "quotation"}


def speech_nouns(path: str = "speech_nouns.csv") -> dict[str, str]:
    """Noun naming an act of saying -> the lemma of its reporting verb ('suggestion' -> 'suggest')."""
    return {row["noun"]: row["verb"] for row in load_csv(path, ("noun", "verb"))}


@lru_cache(maxsize=8)
def reporting_verbs(path: str = "reporting_verbs.csv") -> dict[tuple[str, ...], Verb]:
    """Surface form (as a tuple of lower-case words) -> verb."""
    forms: dict[tuple[str, ...], Verb] = {}
    for row in load_csv(path, ("lemma", "forms", "connotation", "frame")):
        verb = Verb(row["lemma"], row["connotation"], row["frame"])
        for form in split_list(row["forms"]):
            forms[tuple(form.casefold().split())] = verb
    return forms


class Match(NamedTuple):
    """A term found in a text: the lexicon's term, its category, and where (a tuple: cheap to make)."""

    term: str
    category: str
    start: int
    end: int


class TermMatcher:
    """Finds whole-word (multiword, case-insensitive) terms in text.

    ``terms`` maps a surface pattern to a category. A trailing ``*`` on a
    pattern allows any word ending (``accus*`` matches accused, accusation).
    Terms are compiled into one prefix-tree regular expression, so a position
    that starts no term is rejected after one character.
    """

    def __init__(self, terms: dict[str, str]):
        self.terms = dict(terms)
        self._exact: dict[str, str] = {}
        self._prefixes: list[tuple[str, str]] = []
        self._seen: dict[str, str | None] = {}
        trie: dict = {}
        for term in self.terms:
            words = term.rstrip("*").split()
            key = _normalise(" ".join(words))
            if term.endswith("*"):
                self._prefixes.append((key, term))
            else:
                self._exact[key] = term
            node = trie
            for ch in key:
                node = node.setdefault(ch, {})
            node["*" if term.endswith("*") else ""] = True
        self._prefixes.sort(key=lambda kv: -len(kv[0]))
        pattern = _trie_regex(trie)
        self._re = re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])", re.I) if self.terms else None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        if self._re is None:
            return []
        end = len(text) if end is None else end
        out = []
        for m in self._re.finditer(text, start, end):
            term = self._term(m.group())
            if term is not None:
                out.append(Match(term, self.terms[term], m.start(), m.end()))
        return out

    def overlaps(self, other: "TermMatcher") -> bool:
        """Some term of one could match where a different term of the other starts ("violat*" and
        "violation*"): then one pass of both together would lose matches."""
        mine = [(_normalise(t.rstrip("*")), t.endswith("*")) for t in self.terms]
        theirs = [(_normalise(t.rstrip("*")), t.endswith("*")) for t in other.terms]
        for a, b in ((mine, theirs), (theirs, mine)):
            for key, wild in a:
                for other_key, _ in b:
                    if other_key.startswith(key) and (wild or other_key == key or other_key[len(key):][:1] == " "):
                        return True
        return False

    def _term(self, surface: str) -> str | None:
        """The term a matched surface form belongs to (remembered: the same words recur)."""
        try:
            return self._seen[surface]
        except KeyError:
            key = _normalise(surface)
            term = self._exact.get(key) or next((t for p, t in self._prefixes if key.startswith(p)), None)
            if len(self._seen) < 50_000:
                self._seen[surface] = term
            return term


def _normalise(text: str) -> str:
    return " ".join(text.casefold().replace("\u2019", "'").split())


def _trie_regex(node: dict) -> str:
    """A regular expression matching exactly the keys of a character trie (longest first)."""
    branches = []
    for ch in sorted((k for k in node if k not in ("", "*")), key=lambda c: (c == " ", c)):
        sub = _trie_regex(node[ch])
        if ch == " ":
            head = r"\s+"
        elif ch == "'":
            head = "['\u2019]"
        else:
            head = re.escape(ch)
        branches.append(head + sub)
    ends = []
    if "*" in node:
        ends.append(r"\w*")
    if "" in node:
        ends.append("")
    if not branches:
        return ends[0] if ends else ""
    alternation = "(?:" + "|".join(branches) + ")"
    if ends:
        tail = r"\w*" if "*" in node else ""
        return f"(?:{alternation}|{tail})" if tail else alternation + "?"
    return alternation
