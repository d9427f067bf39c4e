"""Detect who wrote an article, when and where, with the evidence for each.

Only explicit evidence counts: a wire dateline (``SEOUL, Nov. 15 (Yonhap) --``),
an agency credit or sign-off, a byline, a date line, a publisher URL. Where a
value is derived rather than read (a year taken from elsewhere in the text) its
``source`` is ``inferred``. Where nothing says who the outlet is, it stays
``None``: framing never presents a guess as fact.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from .lexicon import load_csv, split_list
from .preprocessing import MONTHS
from .types import Block, Field

_MONTH_NUM = {m[:3].lower(): i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}

_DATELINE = re.compile(
    rf"(?P<place>[A-Z][A-Za-z.' -]{{1,40}}?),?\s+"
    rf"(?:(?P<month>{MONTHS})\.?\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?\s*)?"
    r"\((?P<agency>[A-Z][A-Za-z.&' -]{1,40}?)\)\s*(?:\.?\s*[-\u2013\u2014]+|:)")
_BYLINE = re.compile(r"\W*By\s+(?P<name>.+?)\W*$")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SIGNOFF = re.compile(r"(?:[-\u2013\u2014]{1,2}\s*|\(|\s)(?P<agency>[A-Z][A-Za-z]{1,20})\)?\s*$")
_ISO = re.compile(r"\b(\d{4})-(\d\d)-(\d\d)\b")
_MDY = re.compile(rf"\b(?P<month>{MONTHS})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b")
_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{MONTHS})\.?,?\s+(?P<year>\d{{4}})\b")
_URL = re.compile(r"https?://[^\s<>()\]]+")


@lru_cache(maxsize=8)
def outlet_table(path: str | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """(alias -> outlet, domain -> outlet) from ``lexicons/outlets.csv``."""
    aliases, domains = {}, {}
    for row in load_csv(Path(path) if path else "outlets.csv", ("name", "aliases", "domains", "kind")):
        for alias in split_list(row["aliases"]) + [row["name"]]:
            aliases[alias.casefold()] = row["name"]
        for dom in split_list(row["domains"]):
            domains[dom.casefold()] = row["name"]
    return aliases, domains


def _iso(year: str | int, month: str, day: str | int) -> str | None:
    try:
        return date(int(year), _MONTH_NUM[month[:3].lower()], int(day)).isoformat()
    except (KeyError, ValueError):
        return None


def _field(value, text, start, end, source="text") -> Field:
    return Field(value, text[start:end], start, end, source)


def detect_metadata(text: str, blocks: list[Block], outlets_path: str | None = None) -> dict[str, Field]:
    """All metadata fields found in ``text``; absent ones are ``Field()``."""
    aliases, domains = outlet_table(outlets_path)
    meta: dict[str, Field] = {}
    body = [b for b in blocks if b.kind == "body"]
    _dateline(text, body[:2], aliases, meta)
    _bylines(text, blocks, aliases, meta)
    tail = [b for b in blocks if b.kind in ("body", "heading", "credit", "byline")][-2:]
    _signoff(text, tail, aliases, meta)
    _dates(text, blocks, meta)
    _urls(text, blocks, domains, meta)
    _title(text, blocks, meta)
    return meta


def _known(alias: str, aliases: dict[str, str]) -> str | None:
    return aliases.get(alias.strip().casefold())


def _dateline(text, blocks, aliases, meta):
    for b in blocks:
        m = _DATELINE.match(text, b.start, min(b.end, b.start + 120))
        if not m:
            continue
        agency = m.group("agency")
        meta["outlet"] = Field(_known(agency, aliases) or agency.strip(), m.group(), m.start(), m.end(), "text")
        meta["dateline"] = _field(m.group("place").strip(), text, m.start("place"), m.start("place") + len(m.group("place").strip()))
        if m.group("month"):
            year = m.group("year")
            source = "text"
            if not year:
                year, source = _year_elsewhere(text), "inferred"
            iso = _iso(year, m.group("month"), m.group("day")) if year else None
            if iso:
                meta["date"] = Field(iso, m.group(), m.start(), m.end(), source)
        return


def _year_elsewhere(text: str) -> str | None:
    """The year of the latest full date written anywhere in the text."""
    years = [int(m.group("year")) for rx in (_MDY, _DMY) for m in rx.finditer(text)]
    return str(max(years)) if years else None


def _bylines(text, blocks, aliases, meta):
    for b in blocks:
        if b.kind != "byline":
            continue
        m = _BYLINE.match(_LINK.sub(r"\1", text[b.start:b.end]))
        if not m:
            continue
        name = m.group("name").strip(" *_[]")
        agency = _known(name, aliases)
        if agency:
            meta.setdefault("outlet", _field(agency, text, b.start, b.end))
        elif "byline" not in meta:
            meta["byline"] = _field(name, text, b.start, b.end)


def _signoff(text, blocks, aliases, meta):
    if "outlet" in meta or not blocks:
        return
    for b in reversed(blocks):
        m = _SIGNOFF.search(text, max(b.start, b.end - 30), b.end)
        if m and _known(m.group("agency"), aliases):
            agency = m.group("agency")
            meta["outlet"] = Field(_known(agency, aliases), agency, m.start("agency"), m.end("agency"), "text")
            return


def _dates(text, blocks, meta):
    if "date" in meta and meta["date"].source == "text":
        return
    for b in blocks:
        if b.kind != "meta":
            continue
        line = text[b.start:b.end]
        m = _ISO.search(line) or _MDY.search(line) or _DMY.search(line)
        if not m:
            continue
        if m.re is _ISO:
            iso = _iso(m.group(1), list(_MONTH_NUM)[int(m.group(2)) - 1], m.group(3)) if 1 <= int(m.group(2)) <= 12 else None
        else:
            iso = _iso(m.group("year"), m.group("month"), m.group("day"))
        if iso:
            meta["date"] = Field(iso, m.group(), b.start + m.start(), b.start + m.end(), "text")
            return


def _urls(text, blocks, domains, meta):
    for b in blocks:
        if b.kind != "footer":
            continue
        m = _URL.search(text, b.start, b.end)
        if not m:
            continue
        url = m.group().rstrip(".,>")
        meta["url"] = Field(url, url, m.start(), m.start() + len(url), "text")
        host = (urlparse(url).hostname or "").casefold()
        bare = host[4:] if host.startswith("www.") else host
        name = domains.get(host) or domains.get(bare)
        meta["publisher"] = Field(name or bare, url, m.start(), m.start() + len(url), "text")
        return


def _title(text, blocks, meta):
    for b in blocks:
        if b.kind == "heading":
            raw = text[b.start:b.end]
            title = re.sub(r"^#+\s*|\*\*|__", "", raw).strip()
            if title and not title.endswith(":"):
                meta["title"] = Field(title, raw, b.start, b.end, "text")
                return
        if b.kind == "body":
            return
