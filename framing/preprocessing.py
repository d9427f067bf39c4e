"""Find the article body in messy text without losing raw offsets.

``split_blocks`` labels each paragraph-like region of the raw text (body,
heading, byline, caption, credit, footer ...). ``clean_body`` strips markdown,
joins a sentence broken across a paragraph break and normalises odd spaces,
returning a :class:`CleanText` whose ``to_raw`` maps any cleaned span back to
the raw text. Nothing here ever edits ``Article.text``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .types import Block

MONTHS = (
    "Jan|January|Feb|February|Mar|March|Apr|April|May|Jun|June|Jul|July|Aug|August|"
    "Sep|Sept|September|Oct|October|Nov|November|Dec|December"
)
_FULL_DATE = rf"(?:(?:{MONTHS})\.? \d{{1,2}}, \d{{4}}|\d{{1,2}} (?:{MONTHS}) \d{{4}}|\d{{4}}-\d\d-\d\d)"
_DATE_LINE = re.compile(rf"^\W*(?:date\s+)?{_FULL_DATE}\b[^.!?]{{0,60}}$", re.I)
_BYLINE = re.compile(r"^\W*By\s+\S.{0,60}$")
_FOOTER = re.compile(
    r"^\W*(?:original url|source url|sources?\s*:|source\s+[A-Z]\S*\W*$|read more|copyright|all rights reserved|©|"
    r"https?://|www\.)", re.I)
_URL_ONLY = re.compile(r"^\W*<?https?://\S+>?\W*$")
_POSITION_MARK = re.compile(r"\((?:[LRC]|L-R|R-L|\d(?:st|nd|rd|th)\s+[LR]|center|centre|left|right)\)")
_PHOTO_CREDIT = re.compile(
    r"(?:\b[A-Z]{2,}(?:-[A-Z]{2,})?/[A-Z/ .-]{2,}|MANDATORY CREDIT|\bPhoto(?:graph)?:|"
    r"\(Photo|\*\*[A-Z][A-Za-z]*/[A-Z][A-Za-z]*\*\*|Getty Images|\bPOOL\b)")
_ENDS_WITH_DATE = re.compile(rf"{_FULL_DATE}\.?\s*$", re.I)
_TERMINAL = re.compile(r"""[.!?:;]["'\u201d\u2019)\]*_]*\s*$""")
_WORD = re.compile(r"[^\W_]+(?:['\u2019.-][^\W_]+)*")
_SPACES = "\u00a0\u2002\u2003\u2007\u2009\u200a\u202f\u205f\u3000\t"
_INVISIBLE = "\u200b\u200c\u200d\ufeff\u00ad"


def _lines(text: str):
    """Yield (start, end) of each non-blank line, stripped of surrounding space."""
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip(" \t\r\n\f\v" + _SPACES + _INVISIBLE)
        if stripped:
            lead = line.index(stripped[0])
            yield pos + lead, pos + lead + len(stripped)
        pos += len(line)


def classify_line(line: str, words: int) -> str:
    """Label one line: heading, byline, dateline, caption, credit, footer, meta or body."""
    if line.startswith("#"):
        return "heading"
    if line.startswith("[") and line.endswith("]") and "](" not in line:
        return "note"  # an editor's note such as [Constructed teaching example ...]
    if _URL_ONLY.match(line) or _FOOTER.match(line):
        return "footer"
    if _BYLINE.match(line) and words <= 8:
        return "byline"
    if _DATE_LINE.match(line):
        return "meta"
    if words <= 4 and _PHOTO_CREDIT.search(line):
        return "credit"
    credit = _credit(line)
    if _positions(line) or (credit and words > 4 and (words <= 40 or credit.start() > len(line) - 80)):
        return "caption"  # a credit in a short line, or closing a long one ('... (AFP/Getty Images)')
    dated = _ENDS_WITH_DATE.search(line)
    if dated and not re.search("[\"\u201c\u201d]", line) and words < 60 \
            and line[:dated.start()].rstrip().endswith((",", " on")) and not _SENTENCE_BREAK.search(line, 0, dated.start()):
        return "caption"  # one sentence closed by ', <date>' or 'on <date>' ('Leaders meet in Moscow, 13 September 2023.')
    if words <= 16 and not ends_a_sentence(line) and line[:1].isupper():
        return "heading"
    return "body"


_SENTENCE_BREAK = re.compile(r"[a-z]{3}[.!?]\s+[A-Z]")  # (not 'Sen. Marco Rubio', 'Sept. 11')
_BLANK_LINE = re.compile(r"\n\s*\n")


def _credit(line: str):
    """A photo credit in the line ('AFP/Getty Images', 'EFE-EPA/POOL'), not a poll's sponsors in a
    sentence ('a CNN/ORC poll showed')."""
    for m in _PHOTO_CREDIT.finditer(line):
        if not (m.group()[-1:].isspace() and line[m.end():m.end() + 1].islower()):
            return m
    return None


def _positions(line: str) -> bool:
    """The line places people in a photo ('Putin (R) shakes hands with Kim (L)', 'Kozlov (C)'). A lone
    "(R)" is no sign: it is as often a party tag ('Gov. Phil Bryant (R) said ...')."""
    return bool({m.group() for m in _POSITION_MARK.finditer(line)} - {"(R)"})


def split_blocks(text: str) -> list[Block]:
    """Label every line of ``text``; join body lines that continue a sentence."""
    blocks: list[Block] = []
    for start, end in _lines(text):
        line = text[start:end]
        kind = classify_line(line, len(_WORD.findall(line)))
        prev = blocks[-1] if blocks else None
        if prev and kind in ("body", "heading") and _continues(text, prev, start):
            prev.end, prev.kind = end, "body"
            continue
        if kind == "heading" and prev and prev.kind == "body" and not ends_a_sentence(text[prev.start:prev.end]) \
                and not _BLANK_LINE.search(text, prev.end, start):
            kind = "body"  # a short line after an unfinished paragraph belongs to it (not after a blank line)
        blocks.append(Block(start, end, kind))
    return blocks


def ends_a_sentence(line: str) -> bool:
    """The line closes with a stop, a colon or a semicolon (outside any closing quote or bracket)."""
    return bool(_TERMINAL.search(line))


def _continues(text: str, prev: Block, start: int) -> bool:
    """A line continues the previous paragraph when that one stopped mid-sentence."""
    first = text[start]
    if prev.kind not in ("body", "heading") or text[prev.start] == "#":
        return False
    return not ends_a_sentence(text[prev.start:prev.end]) and (first.islower() or first in ",;)")


def count_words(text: str, blocks: list[Block] | None = None) -> int:
    """Words in the body (all text when no blocks are known)."""
    if not blocks:
        return len(_WORD.findall(text))
    return sum(len(_WORD.findall(text[b.start:b.end])) for b in blocks if b.kind == "body")


# ---------------------------------------------------------------- clean text
_MARKUP = re.compile(
    r"!\[[^\]]*\]\([^)]*\)"        # image: dropped
    r"|\[([^\]]*)\]\([^)]*\)"        # link: keep its text
    r"|<https?://[^>]*>"             # autolink: dropped
    r"|\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)"  # emphasis markers
    r"|(?m:^#+\s*)"                  # heading marks
    r"|</?[A-Za-z][^>]*>"              # html tags
)


# runs to normalise: invisible characters, odd spaces, line breaks, or several plain spaces
# (a single plain space, by far the most common, is copied as it is)
_ODD_SPACE = re.compile(f"[{_INVISIBLE}]+|(?:[{_SPACES}\r\n]|  )[{_SPACES}\r\n ]*")


@dataclass
class CleanText:
    """Cleaned text plus, for each of its characters, the raw offset it came from."""

    text: str = ""
    raw_pos: list[int] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # cleaned spans

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned span [start, end) to a raw span."""
        if not self.raw_pos:
            return 0, 0
        if end <= start:
            p = self.raw_pos[min(start, len(self.raw_pos) - 1)]
            return p, p
        return self.raw_pos[start], self.raw_pos[end - 1] + 1

    def paragraph_of(self, pos: int) -> int:
        """Index of the paragraph holding cleaned offset ``pos``."""
        from bisect import bisect_right

        return min(bisect_right(self._paragraph_ends, pos), max(0, len(self.paragraphs) - 1))

    @cached_property
    def _paragraph_ends(self) -> list[int]:
        return [e for _, e in self.paragraphs]


class _Builder:
    def __init__(self):
        self.parts: list[str] = []
        self.pos: list[int] = []
        self.length = 0
        self.last = ""

    def add(self, piece: str, raw_start: int) -> None:
        if piece:
            self.parts.append(piece)
            self.pos.extend(range(raw_start, raw_start + len(piece)))
            self.length += len(piece)
            self.last = piece[-1]

    def add_fill(self, piece: str, raw_at: int) -> None:
        self.parts.append(piece)
        self.pos.extend([raw_at] * len(piece))
        self.length += len(piece)
        self.last = piece[-1]


def clean_body(text: str, blocks: list[Block]) -> CleanText:
    """Concatenate the body blocks, cleaned, one paragraph each ("\\n\\n" apart)."""
    b = _Builder()
    paragraphs = []
    for block in blocks:
        if block.kind != "body":
            continue
        if b.length:
            b.add_fill("\n\n", b.pos[-1] + 1)
        begin = b.length
        _clean_span(text, block.start, block.end, b)
        while b.length > begin and b.last == " ":  # never end a paragraph on a space
            b.parts[-1] = b.parts[-1][:-1]
            b.pos.pop()
            b.length -= 1
            b.last = b.parts[-1][-1:] if b.parts[-1] else (b.parts[-2][-1:] if len(b.parts) > 1 else "")
        paragraphs.append((begin, b.length))
    return CleanText("".join(b.parts), b.pos, paragraphs)


def _clean_span(text: str, start: int, end: int, b: _Builder) -> None:
    pos = start
    for m in _MARKUP.finditer(text, start, end):
        _add_normalised(text, pos, m.start(), b)
        if m.group(1) is not None:  # link text is kept
            _add_normalised(text, m.start(1), m.end(1), b)
        pos = m.end()
    _add_normalised(text, pos, end, b)


def _add_normalised(text: str, start: int, end: int, b: _Builder) -> None:
    """Copy raw[start:end]; runs of odd spaces and line breaks become one space."""
    pos = start
    for m in _ODD_SPACE.finditer(text, start, end):
        b.add(text[pos:m.start()], pos)
        if not m.group().strip(_INVISIBLE) == "" and b.length and b.last != " ":
            b.add(" ", m.start())
        pos = m.end()
    b.add(text[pos:end], pos)


# ------------------------------------------------------------- reading view
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|'''|''|\u2018\u2018|\u2019\u2019")
_PAIRED = {"''": '"', "\u2018\u2018": "\u201c", "\u2019\u2019": "\u201d"}
FILLER = "\u200b"  # zero width space: every step skips it (see _INVISIBLE)


def reading_view(text: str) -> str:
    """The text as a reader sees it, at the same length and offsets.

    HTML character references (``&quot;``, ``&#8220;``, ``&amp;``) become the
    character they stand for, and a doubled apostrophe (``''``, the quotation
    mark of some wire feeds) a double quotation mark; the rest of the reference
    is filled with zero-width spaces, so offsets into the view are offsets into
    the raw text.
    """
    if "&" not in text and "''" not in text and "\u2018\u2018" not in text and "\u2019\u2019" not in text:
        return text
    return _ENTITY.sub(_replacement, text)


def _replacement(m: re.Match) -> str:
    import html

    raw = m.group()
    if raw == "'''":  # a single mark beside a doubled one: ",'''" closes both, " '''" opens both
        closing = m.start() > 0 and not m.string[m.start() - 1].isspace()
        return ("'\"" if closing else "\"'") + FILLER
    char = _PAIRED.get(raw) or html.unescape(raw)
    if char == raw or len(char) > len(raw):  # not a known reference
        return raw
    return char + FILLER * (len(raw) - len(char))
