"""Writing results: table, CSV or JSONL, always atomically.

``atomic_write`` writes to a temporary file beside the target and renames it
into place only when everything was written: an error or Ctrl-C never leaves
a half-written file.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterator, Sequence

FORMATS = ("table", "csv", "jsonl")


class OutputError(Exception):
    """An output cannot be written (exists already, no permission...)."""


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[Any]:
    """Open a temporary file that replaces ``path`` only if the block succeeds."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    binary = "b" in mode
    try:
        with os.fdopen(fd, mode, **({} if binary else {"encoding": encoding, "newline": ""})) as fh:
            yield fh
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_dir(path: str | os.PathLike, force: bool = False) -> Iterator[Path]:
    """A temporary directory that becomes ``path`` only if the block succeeds.

    An existing non-empty ``path`` is refused unless ``force``; then it is
    replaced as a whole once the new one is complete.
    """
    path = Path(path)
    if path.exists() and (not path.is_dir() or any(path.iterdir())) and not force:
        raise OutputError(f"{path} exists and is not empty: use --force to replace it")
    parent = path.parent if str(path.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=parent))
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        yield tmp
        if path.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.old.", dir=parent))
            os.replace(path, old / "x")
            os.replace(tmp, path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, path)
        os.chmod(path, 0o755)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True) if isinstance(value, dict) else "; ".join(map(str, value))
    return str(value)


def format_rows(rows: Sequence[dict], fmt: str, columns: Sequence[str] | None = None,
                max_width: int = 60) -> str:
    """Render rows as an aligned table, CSV or JSONL."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "jsonl":
        return "".join(json.dumps({c: r.get(c) for c in columns}, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([_cell(r.get(c)) for c in columns])
        return buf.getvalue()
    cells = [[_clip(_cell(r.get(c)), max_width) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines) + "\n"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def write_rows(rows: Sequence[dict], fmt: str, output: str | None = None,
               columns: Sequence[str] | None = None) -> None:
    """Write rows to ``output`` (atomically) or to stdout when it is None or '-'."""
    text = format_rows(rows, fmt, columns, max_width=10_000 if output and output != "-" else 60)
    if output and output != "-":
        with atomic_write(output) as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def read_jsonl(path: str | os.PathLike) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
