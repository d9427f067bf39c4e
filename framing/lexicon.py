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
from functools import lru_cache
from importlib import resources
from pathlib import Path


class LexiconError(ValueError):
    """A lexicon file is missing, malformed or fails validation."""


def lexicon_dir() -> Path:
    """The directory holding the shipped lexicons (source tree or installed copy)."""
    source_tree = Path(__file__).resolve().parent.parent / "lexicons"
    if (source_tree / "outlets.csv").is_file():
        return source_tree
    return Path(str(resources.files("framing.lexicons")))


def _read(name_or_path: str | Path) -> tuple[str, str]:
    path = Path(name_or_path)
    if not path.is_absolute() and not path.exists():
        path = lexicon_dir() / str(name_or_path)
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
class Match:
    term: str
    category: str
    start: int
    end: int


class TermMatcher:
    """Finds whole-word (multiword, case-insensitive) terms in text.

    ``terms`` maps a surface pattern to a category. A trailing ``*`` on a
    pattern allows any word ending (``accus*`` matches accused, accusation).
    """

    def __init__(self, terms: dict[str, str]):
        self.terms = dict(terms)
        alts = []
        for term in sorted(self.terms, key=len, reverse=True):
            words = term.rstrip("*").split()
            pat = r"\s+".join(re.escape(w).replace("\\'", "['\u2019]") for w in words)
            if term.endswith("*"):
                pat += r"\w*"
            alts.append(f"(?P<t{len(alts)}>{pat})")
        self._keys = sorted(self.terms, key=len, reverse=True)
        self._re = re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.I) if alts else None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        if self._re is None:
            return []
        end = len(text) if end is None else end
        out = []
        for m in self._re.finditer(text, start, end):
            key = self._keys[int(m.lastgroup[1:])]
            out.append(Match(key, self.terms[key], m.start(), m.end()))
        return out
