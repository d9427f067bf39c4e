"""Read a corpus: a directory of articles, one file, or a manifest.

``read_corpus`` yields :class:`~framing.types.Article` records, one per
readable file, in a stable order (sorted by file name, or manifest order).
A file that cannot be used is skipped with a one-line warning passed to
``warn``; :class:`CorpusError` is raised only when the path itself is wrong
or nothing at all could be read.
"""
from __future__ import annotations

import csv
import json
import os
import re
from pathlib import Path
from typing import Callable, Iterator

from .metadata import detect_metadata
from .preprocessing import split_blocks
from .types import META_FIELDS, Article, Block, Field

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MANIFEST_SUFFIXES = (".csv", ".jsonl")
# Files a corpus folder keeps beside its articles (README.md, SOURCES.md ...): not read as articles.
DOCUMENTATION_NAMES = frozenset({"readme", "sources", "license", "licence", "changelog", "contributing", "authors"})
DEFAULT_MAX_BYTES = 10_000_000

Warn = Callable[[str], None]


class CorpusError(Exception):
    """The corpus cannot be read at all (bad path, empty, nothing usable)."""


def _ignore(_: str) -> None:
    pass


def read_corpus(path: str | Path, warn: Warn | None = None, *,
                max_bytes: int = DEFAULT_MAX_BYTES, outlets: str | None = None) -> Iterator[Article]:
    """Yield the articles under ``path`` (directory, article file or manifest)."""
    warn = warn or _ignore
    path = Path(path)
    entries = corpus_entries(path, warn)
    seen: set[str] = set()
    count = 0
    for file, overrides in entries:
        article = read_entry(file, overrides, warn, max_bytes=max_bytes, outlets=outlets)
        if article is None:
            continue
        if article.id in seen:
            article.id = printable_name(file.name)
        seen.add(article.id)
        count += 1
        yield article
    if not count:
        raise CorpusError(f"{path}: no readable article (see the warnings above)")


def corpus_entries(path: str | Path, warn: Warn | None = None) -> list[tuple[Path, dict]]:
    """The (file, metadata overrides) pairs a corpus path names, without reading them."""
    warn = warn or _ignore
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or directory")
    if path.is_dir():
        files = [p for p in sorted(path.iterdir()) if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES]
        for p in files:
            if p.stem.casefold() in DOCUMENTATION_NAMES:
                warn(f"{p}: skipped, a documentation file rather than an article (name it in a manifest to read it)")
        entries = [(p, {}) for p in files if p.stem.casefold() not in DOCUMENTATION_NAMES]
        if not entries:
            raise CorpusError(f"{path}: no article files ({', '.join(ARTICLE_SUFFIXES)}) in this directory")
        return entries
    if path.suffix.lower() in MANIFEST_SUFFIXES:
        entries = list(_manifest_entries(path, warn))
        if not entries:
            raise CorpusError(f"{path}: the manifest lists no readable file")
        return entries
    return [(path, {})]


def read_article(path: str | Path, **overrides: str) -> Article:
    """Read one article file; metadata keywords override what is detected."""
    errors: list[str] = []
    article = read_entry(Path(path), overrides, errors.append)
    if article is None:
        raise CorpusError(errors[0] if errors else f"{path}: unreadable")
    return article


def article_from_text(text: str, id: str = "text", **overrides: str) -> Article:
    """Build an article from a string (as if read from a file)."""
    return _build(id, text, "", "utf-8", overrides, None, html=False)


def read_entry(file: Path, overrides: dict, warn: Warn, *, max_bytes: int = DEFAULT_MAX_BYTES,
               outlets: str | None = None) -> Article | None:
    """One corpus entry as an Article, or None (and a warning) when it cannot be used."""
    try:
        size = file.stat().st_size
        if size > max_bytes:
            warn(f"skipped {file}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:g} MB limit for one article (--max-size)")
            return None
        data = file.read_bytes()
    except FileNotFoundError:
        warn(f"skipped {file}: no such file")
        return None
    except OSError as exc:
        warn(f"skipped {file}: {exc.strerror or exc}")
        return None
    if not data.strip():
        warn(f"skipped {file}: empty file")
        return None
    if b"\x00" in data[:8192]:
        warn(f"skipped {file}: binary file, not text")
        return None
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
            warn(f"read {file} as cp1252: it is not valid UTF-8 (offsets refer to the decoded text)")
        except UnicodeDecodeError:
            warn(f"skipped {file}: neither UTF-8 nor cp1252 text")
            return None
    if text.startswith("\ufeff"):
        encoding += "-sig"
    html = file.suffix.lower() in (".html", ".htm")
    return _build(overrides.get("id") or printable_name(file.stem), text, printable_name(str(file)), encoding, overrides,
                  outlets, html)


def printable_name(name: str) -> str:
    """A file name as text that can be written out (bytes that are not UTF-8 become U+FFFD)."""
    return os.fsencode(name).decode("utf-8", "replace")


def _build(id: str, text: str, path: str, encoding: str, overrides: dict, outlets, html: bool) -> Article:
    blocks = html_blocks(text) if html else split_blocks(text)
    meta = detect_metadata(text, blocks, outlets)
    _split_off_dateline(text, blocks, meta)
    for name in META_FIELDS:
        value = overrides.get(name)
        if value not in (None, ""):
            meta[name] = Field(str(value), "given in manifest", None, None, "manifest")
        meta.setdefault(name, Field())
    return Article(id=id, text=text, path=path, meta=meta, encoding=encoding, blocks=blocks)


def _split_off_dateline(text: str, blocks: list[Block], meta: dict) -> None:
    """A wire dateline opening the first paragraph is metadata, not body text."""
    f = meta.get("outlet")
    if not f or f.start is None or "dateline" not in meta:
        return
    for i, b in enumerate(blocks):
        if b.kind == "body" and b.start == f.start:
            rest = f.end
            while rest < b.end and text[rest].isspace():
                rest += 1
            if rest < b.end:
                blocks[i:i + 1] = [Block(b.start, f.end, "dateline"), Block(rest, b.end, "body")]
            return


# ------------------------------------------------------------------ manifests
def _manifest_entries(path: Path, warn: Warn):
    rows = _manifest_rows(path)
    base = path.parent
    for n, row in rows:
        file = row["path"]
        full = Path(file) if Path(file).is_absolute() else base / file
        try:
            found = full.is_file()
        except (OSError, ValueError) as exc:  # a name too long, a NUL byte
            warn(f"skipped {path} row {n}: {file!r}: {getattr(exc, 'strerror', None) or exc}")
            continue
        if not found:
            warn(f"skipped {path} row {n}: {full}: no such file")
            continue
        yield full, {k: v for k, v in row.items() if k != "path" and v != ""}


def _check_row(path: Path, n: int, row: dict, jsonl: bool) -> dict:
    """A manifest row whose values are all strings, ``path`` non-empty (else CorpusError naming the cell).

    A CSV cell left empty means "not given"; in JSONL a column is left out instead,
    so a null, an empty string, a number or a list there is a mistake.
    """
    where = f"{path}: {'line' if jsonl else 'row'} {n}"
    for column, value in row.items():
        if column is None:  # csv: more cells than header columns
            raise CorpusError(f"{where}: more values than the header has columns")
        if value is None and not jsonl:
            continue  # csv: fewer cells than header columns
        if not isinstance(value, str):
            kind = "null" if value is None else type(value).__name__.replace("dict", "object").replace("str", "string")
            raise CorpusError(f"{where}: column '{column}' must be a string, not {kind} ({json.dumps(value)[:40]})")
        if value.strip() == "" and (jsonl or column == "path"):
            raise CorpusError(f"{where}: column '{column}' is empty")
    if "path" not in row or row["path"] is None:
        raise CorpusError(f"{where}: no path")
    return row


def _manifest_rows(path: Path) -> list[tuple[int, dict]]:
    """(line or row number, row) pairs of a manifest, every value checked."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: cannot read manifest ({exc})") from None
    if path.suffix.lower() == ".jsonl":
        rows = []
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusError(f"{path}: line {n} is not JSON ({exc.msg})") from None
            if not isinstance(row, dict):
                raise CorpusError(f"{path}: line {n} is not a JSON object")
            rows.append((n, row))
        columns = set().union(*(row for _, row in rows)) if rows else set()
    else:
        reader = csv.DictReader(text.splitlines())
        rows = [(n, row) for n, row in enumerate(reader, start=1)]
        columns = set(reader.fieldnames or ())
    if "path" not in columns:
        raise CorpusError(f"{path}: manifest has no 'path' column (columns: {', '.join(sorted(map(str, columns))) or 'none'})")
    jsonl = path.suffix.lower() == ".jsonl"
    return [(n, _check_row(path, n, row, jsonl)) for n, row in rows]


# ----------------------------------------------------------------------- html
_HTML_BLOCK = re.compile(r"<(p|h[1-6]|li|figcaption|title)\b[^>]*>(.*?)</\1\s*>", re.I | re.S)
_HTML_KIND = {"title": "heading", "figcaption": "caption"}


def html_blocks(text: str) -> list[Block]:
    """Blocks of an HTML page: its paragraphs, headings and captions (inner tags are markup)."""
    blocks = []
    for m in _HTML_BLOCK.finditer(text):
        tag = m.group(1).lower()
        kind = _HTML_KIND.get(tag, "heading" if tag.startswith("h") else "body")
        inner_start, inner_end = m.start(2), m.end(2)
        while inner_start < inner_end and text[inner_start].isspace():
            inner_start += 1
        while inner_end > inner_start and text[inner_end - 1].isspace():
            inner_end -= 1
        if inner_end > inner_start:
            blocks.append(Block(inner_start, inner_end, kind))
    return blocks or split_blocks(text)
