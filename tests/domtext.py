"""A small DOM reader for the view tests (standard library only): what a browser would show."""
from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    """Parses a page into: the article text (without the badges framing adds), quote highlights by
    number, every script element, and every element's attributes."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.text_parts: list[str] = []
        self._length = 0
        self.quotes: dict[str, list[str]] = defaultdict(list)
        self.scripts: list[dict] = []
        self.elements: list[tuple[str, dict]] = []
        self.all_text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag == "script":
            self.scripts.append(attrs)
        if tag not in VOID:
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def _inside(self, cls: str) -> bool:
        return any(cls in (a.get("class") or "").split() for _, a in self.stack)

    def handle_data(self, data):
        self.all_text.append(data)
        if not self._inside("text") or self._inside("qref") or self._inside("badge"):
            return
        at = self._length
        self.text_parts.append(data)
        self._length += len(data)
        for tag, attrs in self.stack:
            if tag == "mark" and "quote" in (attrs.get("class") or "").split():
                self.quotes[attrs["data-q"]].append((at, data))

    @property
    def text(self) -> str:
        return "".join(self.text_parts)

    def quote_texts(self) -> dict[str, str]:
        """Highlighted text by quote number; the pieces of an interrupted quote (highlights with text
        between them) joined by " \u2026 ", as in a quote's content."""
        out = {}
        for n, parts in self.quotes.items():
            pieces: list[str] = []
            end = None
            for at, data in parts:
                if end is not None and at == end:
                    pieces[-1] += data
                else:
                    pieces.append(data)
                end = at + len(data)
            out[n] = " \u2026 ".join(pieces)
        return out
