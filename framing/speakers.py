"""Who is speaking: the speaker registry, mention resolution and coreference.

A *mention* is the words naming a source at one point of the text ("Kremlin
spokesman Dmitry Peskov", "the Russian minister", "he"). :class:`Registry`
maps a mention to a canonical speaker from ``lexicons/speakers.csv`` (plus the
user's own file); :class:`Discourse` remembers who was mentioned where in one
article so that pronouns and descriptions resolve to the nearest compatible
earlier entity.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .lexicon import TermMatcher, clause_words, load_csv, load_terms, split_list
from .preprocessing import MONTHS

SPEAKER_COLUMNS = ("name", "aliases", "group", "country", "role", "gender", "kind")
PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "it": "n", "its": "n", "they": "p", "their": "p",
            "we": "p", "i": "s"}
_DESCRIPTION_ENDS = clause_words()["description_end"]
_POSSESSIVE_DOCUMENT = re.compile(r"^(his|her|their|its)\s+(\w+)$", re.I)
_SUBJECT_OF = {"his": "he", "her": "she", "their": "they", "its": "it"}
_DOCUMENT_OF = re.compile(r"^(.{1,40}?)\s+(?:from|of|by|carried by|released by)\s+(.+)$", re.S)
_WORD = re.compile(r"[\w.'\u2019-]+")
_PART_OF = re.compile(r"^(\w+)\s+of\s+(?=\S)", re.I)  # 'one of the analysts', 'some of his aides'
_NAME_WORD = re.compile(r"^[A-Z][\w.'\u2019-]*$")
_ORG_WORDS = frozenset(load_terms("organisation_words.txt"))
_NAME_LINKS = clause_words()["name_link"]
_QUANTIFIERS = clause_words()["quantifier"]


@dataclass(frozen=True)
class Speaker:
    """A canonical source."""

    name: str
    group: str = "other"
    country: str = ""
    roles: tuple[str, ...] = ()
    gender: str = ""
    kind: str = "person"  # person, organisation, media, government, group
    source: str = "registry"  # registry, unregistered, guessed

    @property
    def is_person(self) -> bool:
        return self.kind == "person"


@lru_cache(maxsize=16)
def _nationalities() -> tuple[tuple[str, str, str, str], ...]:
    return tuple((r["word"], r["country"], r["government_group"], r["media_group"])
                 for r in load_csv("nationalities.csv", ("word", "country", "government_group", "media_group")))


@lru_cache(maxsize=16)
def source_nouns() -> dict[str, tuple[str, str]]:
    """Noun -> (kind, group) of the nouns that can head a description of a source."""
    return {r["noun"]: (r["kind"], r["group"]) for r in load_csv("source_nouns.csv", ("noun", "kind", "group"))}


class Registry:
    """Canonical speakers and their aliases; ``extra`` files extend or override."""

    def __init__(self, extra: tuple[str, ...] | list[str] = ()):
        self.speakers: dict[str, Speaker] = {}
        alias_to: dict[str, str] = {}
        for path in ("speakers.csv", *map(Path, extra)):  # the shipped registry, then the user's files
            for row in load_csv(path, SPEAKER_COLUMNS):
                sp = Speaker(row["name"], row["group"] or "other", row["country"],
                             tuple(split_list(row["role"])), row["gender"], row["kind"] or "person")
                self.speakers[sp.name] = sp
                for alias in split_list(row["aliases"]) + [sp.name]:
                    alias_to[alias] = sp.name
        for row in load_csv("outlets.csv", ("name", "aliases", "domains", "kind")):  # 'The Washington Post
            if row["name"] not in self.speakers:  # reported': the paper, not Washington
                self.speakers[row["name"]] = Speaker(row["name"], "media", "", ("news organisation",), "", "media")
                for alias in split_list(row["aliases"]) + [row["name"]]:
                    alias_to.setdefault(alias, row["name"])
        self.matcher = TermMatcher(alias_to)
        self.nouns = source_nouns()
        self.nationality = TermMatcher({w: w for w, *_ in _nationalities()})
        self._nat = {w.casefold(): (c, g, m) for w, c, g, m in _nationalities()}

    # -------------------------------------------------------------- lookup
    def lookup(self, mention: str) -> Speaker | None:
        """The registered speaker a mention names, if its head names one.

        A person named anywhere in the mention wins ("Kremlin spokesman
        Dmitry Peskov"); otherwise the longest alias that starts before the
        first preposition ("a researcher at a Seoul think tank" is not Seoul).
        """
        matches = [m for m in self.matcher.find(mention) if not self._inside_a_name(mention, m)]
        if not matches:
            return None
        joint = self._joint(mention, matches)
        if joint is not None:
            return joint
        possessive = [m for m in matches if mention[m.end:m.end + 2] in ("'s", "\u2019s")]
        persons = [m for m in matches if self.speakers[m.category].is_person and m not in possessive]
        if persons:
            return self.speakers[persons[-1].category]
        matches = [m for m in matches if not (m in possessive and self.speakers[m.category].is_person)]
        if not matches:
            return None  # "Putin's spokesman" is not Putin
        if any(m not in possessive and m.start > p.end for m in matches for p in possessive):
            matches = [m for m in matches if m not in possessive]  # "South Korea's top spy agency": the agency
        cut = self._head_end(mention, matches)
        heads = [m for m in matches if m.start < cut]
        if not heads:
            return None
        best = max(heads, key=lambda m: (m.end - m.start, -m.start))
        return self.speakers[best.category]

    def _joint(self, mention: str, matches) -> Speaker | None:
        """Registered speakers joined by 'and' that make up the whole mention ('Pyongyang and Moscow',
        'Both Putin and Kim', 'Russia, China and Iran') speak jointly: one speaker named after them all,
        in the group of the first. (A pair with an entry of its own, 'Seoul and Washington', is one
        match; 'The US and its allies' is not all names.)"""
        names = list(dict.fromkeys(self.speakers[m.category].name for m in matches))
        if len(names) < 2:
            return None
        rest = mention
        for m in sorted(matches, key=lambda m: -m.start):
            rest = rest[:m.start] + " " + rest[m.end:]
        links = rest.casefold().replace(",", " ").split()
        if links[:1] == ["both"]:
            links = links[1:]
        if links.count("and") != 1 or any(w not in ("and", "the") for w in links):
            return None
        first = self.speakers[names[0]]
        return Speaker(", ".join(names[:-1]) + " and " + names[-1], first.group, kind="group")

    def _inside_a_name(self, mention: str, match) -> bool:
        """A place that stands for its government, written as the first word of a longer name ('The
        Washington Times', 'Seoul National University', 'China Daily'): the name is another body."""
        after = _NEXT_NAME_WORD.match(mention, match.end)
        return self.speakers[match.category].kind == "government" and after is not None \
            and not _CALENDAR.fullmatch(after.group(1))

    @staticmethod
    def _head_end(mention: str, matches) -> int:
        """Offset of the first preposition not inside an alias match."""
        for m in _WORD.finditer(mention):
            if m.group().casefold() in _DESCRIPTION_ENDS and not any(a.start <= m.start() < a.end for a in matches):
                return m.start()
        return len(mention)

    def head_noun(self, mention: str) -> tuple[str, str, str] | None:
        """(noun, kind, group) of the source noun heading a description, if any."""
        words = [w.casefold() for w in _WORD.findall(mention)]
        head: list[str] = []
        for w in words:
            if w in _DESCRIPTION_ENDS:
                break
            head.append(w)
        for i in range(len(head) - 1, -1, -1):
            for n in (2, 1):
                noun = " ".join(head[max(0, i - n + 1): i + 1])
                if noun in self.nouns:
                    kind, group = self.nouns[noun]
                    return noun, kind, group
        return None

    def nationality_of(self, mention: str) -> tuple[str, str, str] | None:
        """(country, government group, media group) named in a mention."""
        found = self.nationality.find(mention)
        return self._nat[found[0].term.casefold()] if found else None

    def describe(self, mention: str) -> Speaker | None:
        """A speaker for a mention missing from the registry (group guessed)."""
        text = clean_mention(mention)
        if not text:
            return None
        noun = self.head_noun(text)
        nat = self.nationality_of(text)
        if noun:
            _, kind, group = noun
            if kind == "document":
                return None
            if not group and nat:
                group = nat[2] if kind == "media" else nat[1]
            if not group:  # "Putin's spokesman": the possessor's group, as a guess
                owner = next((self.speakers[m.category] for m in self.matcher.find(text)
                              if text[m.end:m.end + 2] in ("'s", "\u2019s")), None)
                group = owner.group if owner else ""
            if not group:  # 'a spokeswoman for the State Department': the body the phrase after it names
                head_end = self._head_end(text, [])
                body = next((self.speakers[m.category] for m in self.matcher.find(text) if m.start >= head_end), None)
                group = body.group if body else ""
            kind = {"person": "person", "group": "group", "media": "media"}.get(kind, "organisation")
            return Speaker(canonical_description(text), group or "other", nat[0] if nat else "", (noun[0],), "", kind,
                           "guessed" if group else "unregistered")
        if is_proper_name(text):
            org = any(w.casefold() in _ORG_WORDS for w in text.split())
            return Speaker(text, "other", "", (), "", "organisation" if org else "person", "unregistered")
        return None


# ------------------------------------------------------------------ names
_FULL_NAME = re.compile(r"\b([A-Z][a-z\u2019'-]+)\s+(?:([A-Z])\.\s+)?([A-Z][a-z][\w\u2019'-]*)\b")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Words that stand before a name as a title, not as a first name ('Mr.', 'Sen.', 'President')."""
    abbreviations = {t.casefold() for t in load_terms("abbreviations.txt")}
    people = {noun for noun, (kind, _) in source_nouns().items() if kind == "person"}
    return frozenset(abbreviations | people | clause_words()["time"])


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(w for words in clause_words().values() for w in words)


def is_title(word: str) -> bool:
    """'Sen.', 'Mr.', 'President', 'spokesman': a word that stands before a name as a title."""
    return word.rstrip(".").casefold() in _titles()


def surname_form(name: str) -> str | None:
    """The surname when a speaker is named by it alone, or after a title ('Nebenzia', 'Mr. Trump',
    'President Obama'); None for a full name or a description."""
    words = name.split()
    while len(words) > 1 and is_title(words[0]):
        words = words[1:]
    return words[0] if len(words) == 1 and _NAME_WORD.match(words[0]) and not is_title(words[0]) else None


_SURNAME_FIRST = re.compile(r"\b([A-Z][a-z]+) [A-Z][a-z]+-[a-z]+$")  # 'Yoo Sang-bum', 'Ahn Chan-il'


def surname_of(full_name: str) -> str:
    """The surname of a full name: its last word, or its first where a Korean name is written surname
    first, before a hyphenated given name ('Yoo Sang-bum': Yoo; 'Lena Quint': Quint)."""
    korean = _SURNAME_FIRST.search(full_name)
    return korean.group(1) if korean else full_name.split()[-1]


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """First name -> 'm' or 'f' (``lexicons/given_names.csv``)."""
    return {r["name"]: r["gender"] for r in load_csv("given_names.csv", ("name", "gender"))}


_GENDERED_TITLES = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f"}


def gender_of(name: str) -> str:
    """'m', 'f' or '' (unknown) for a person's name: from a title ('Mr. Trump', 'Ms. Sherry') or from
    the first name of the full name in it ('Democratic candidate Hillary Clinton')."""
    for word in name.split()[:3]:
        if word.rstrip(".").casefold() in _GENDERED_TITLES:
            return _GENDERED_TITLES[word.rstrip(".").casefold()]
    key = person_key(name)
    return given_names().get(key.split()[0], "") if key else ""


def person_named(name: str) -> str | None:
    """The person a speaker's name names in full, when it ends with a first name (one of
    ``given_names.csv``) and a surname and only a title or description stands before them
    ('Republican nominee Donald Trump' -> 'Donald Trump'); None for other names ('spokeswoman for
    Hillary Clinton', 'Donald Trump and Hillary Clinton', 'The New York Post')."""
    found = full_names(name, 0, len(name))
    if not found:
        return None
    position, person = found[-1]
    if person.split()[0] not in given_names() or not name.rstrip().endswith(person.split()[-1]):
        return None
    before = name[:position].split()
    function_words = _function_words() - _titles()
    return None if any(w.rstrip(",").casefold() in function_words or w.endswith(("'s", "\u2019s")) for w in before) \
        else person


def person_key(name: str) -> str | None:
    """A full name without the titles before it ('Sen. Lindsey Graham', 'Rival Hillary Clinton' ->
    'Lindsey Graham', 'Hillary Clinton'), or None when no first name and surname are in it."""
    found = full_names(name, 0, len(name))
    return found[-1][1] if found else None


def full_names(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, name) of every first name and surname written together in text[start:end] ('Jill Stein',
    'Mary J. Blige'; a title before it is no first name: 'President Obama' is not one)."""
    function_words = _function_words()
    out, at = [], start
    while m := _FULL_NAME.search(text, at, end):
        first, initial, last = m.groups()
        if is_title(first) or first.casefold() in function_words or is_title(last) or _CALENDAR.fullmatch(first):
            at = m.end(1)  # ('But Mary J. Blige': the name may start at the next word)
            continue
        last = re.sub(r"['\u2019]s$", "", last)  # ("Bill Clinton's")
        out.append((m.start(), f"{first} {initial}. {last}" if initial else f"{first} {last}"))
        at = m.end()
    return out


def clean_mention(mention: str) -> str:
    """Strip quote marks, brackets and spaces around a mention, and a bracketed party tag or
    affiliation after a name ("Dianne Feinstein (D-Calif.)" -> "Dianne Feinstein")."""
    mention = _BRACKETED.sub("", mention)
    return mention.strip(" \t\n,;:\"'\u201c\u201d\u2018\u2019()[]*_-\u2014")


_BRACKETED = re.compile(r"\s*\([^()]*\)")
_NEXT_NAME_WORD = re.compile(r" ([A-Z][\w.-]*)")
_CALENDAR = re.compile(rf"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|{MONTHS}")


def canonical_description(text: str) -> str:
    """A description as a speaker name: without its leading article ("an official" -> "official")."""
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)


def is_proper_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 5 and all(_NAME_WORD.match(w) or w in _NAME_LINKS for w in words) \
        and _NAME_WORD.match(words[0]) is not None


def is_pronoun(text: str) -> bool:
    return text.casefold() in PRONOUNS


# ------------------------------------------------------------------ discourse
def _compatible(entity: "Entity", want: str) -> bool:
    """Can a pronoun of kind ``want`` (m, f: a person of that gender; n: 'it'; p: 'they') stand for
    ``entity``? 'it' and 'they' stand only for organisations and groups that have spoken: a country
    or an agency the text merely names ('in the U.S.') is seldom who 'they said' means."""
    sp = entity.speaker
    if want in ("m", "f"):
        return sp.is_person and sp.gender in (want, "")
    if want == "n":
        return entity.spoke and sp.kind in ("organisation", "media", "government")
    if want == "p":
        return entity.spoke and sp.kind in ("group", "government", "organisation")
    return False


def _inside(spans: list[tuple[int, int]]):
    """A test: does an offset (or the text from ``start`` to ``end``) lie inside one of ``spans``?"""
    from bisect import bisect_right

    spans = sorted(spans)
    starts = [a for a, _ in spans]

    def test(start: int, end: int | None = None) -> bool:
        k = bisect_right(starts, start) - 1
        return k >= 0 and (start + 1 if end is None else end) <= spans[k][1]
    return test


@dataclass
class Entity:
    position: int
    speaker: Speaker
    mention: str
    spoke: bool = False  # the speaker of a quote there, not a name the text merely mentions


@dataclass
class Discourse:
    """Entities mentioned so far in one article, for coreference."""

    registry: Registry
    entities: list[Entity] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)  # where each sentence of the text begins
    main_clauses: list[int] = field(default_factory=list)  # where each one's main clause begins
    text: str = ""
    quoted: list[tuple[int, int]] = field(default_factory=list)  # passages whose names are a speaker's words
    _shared: set[str] = field(default_factory=set)  # surnames two people written in full bear
    _followed: set[str] = field(default_factory=set)  # surnames whose mentions are recorded
    _inside_quoted: object = field(default=None, init=False, repr=False)  # the test for an offset inside ``quoted``

    def observe_text(self, start: int, end: int, within: list[tuple[int, int]] | None = None) -> None:
        """Record every registered name in self.text[start:end] (only inside the ``within`` spans, if
        given), but not the names inside ``self.quoted`` passages: a speaker's own words name others, and
        '"... Kim Jong Un ...," he said' is still the speaker talking."""
        inside_within = _inside(within) if within else None
        quoted = self._quoted_test()
        for m in self.registry.matcher.find(self.text, start, end):
            if inside_within and not inside_within(m.start, m.end) or quoted(m.start, m.end):
                continue
            self.add(m.start, self.registry.speakers[m.category], self.text[m.start:m.end])

    def observe_people(self, names: list[tuple[int, str]]) -> None:
        """Record the people written in full in ``self.text`` (``names``: (offset, full name) pairs, as
        ``full_names`` finds them) whose first name says they are people ('Ivan Petrovsky'; 'New
        Hampshire' is no one) or whom the registry knows, and each later mention of their surname:
        a pronoun stands for the nearest person named, whether or not the registry knows them. Names
        inside ``self.quoted`` passages are a speaker's own words and are passed over."""
        inside = self._quoted_test()
        names = [(position, name) for position, name in names if not inside(position)]
        bearers: dict[str, set[str]] = {}
        for _, name in names:
            bearers.setdefault(name.split()[-1], set()).add(name)
        self._shared = {surname for surname, full in bearers.items() if len(full) > 1}
        known = given_names()
        for position, name in names:
            registered = self.registry.lookup(name)  # (already recorded where the text names it)
            if registered and not registered.is_person or not registered and name.split()[0] not in known:
                continue
            speaker = registered or Speaker(name, source="unregistered", gender=gender_of(name))
            if not registered:
                self.add(position, speaker, name)
            self.follow_surname(name.split()[-1], speaker, position + len(name))

    def follow_surname(self, surname: str, speaker: Speaker, after: int) -> None:
        """Record, as mentions of ``speaker``, the surname's later occurrences in the text (from offset
        ``after``; once per surname, and not for a surname two people bear)."""
        if surname in self._shared or surname in self._followed or not _NAME_WORD.match(surname):
            return
        self._followed.add(surname)
        inside = self._quoted_test()
        for m in re.compile(r"\b" + re.escape(surname) + r"\b").finditer(self.text, after):
            if not inside(m.start()):
                self.add(m.start(), speaker, surname)

    def _quoted_test(self):
        if self._inside_quoted is None:
            self._inside_quoted = _inside(self.quoted)
        return self._inside_quoted

    def add(self, position: int, speaker: Speaker, mention: str, spoke: bool = False) -> None:
        from bisect import insort

        insort(self.entities, Entity(position, speaker, mention, spoke), key=lambda e: e.position)

    def resolve(self, mention: str, position: int) -> tuple[Speaker | None, str]:
        """(speaker, how) for a mention at ``position``; how is registry,
        coreference, unregistered or guessed."""
        text = clean_mention(mention)
        if not text:
            return None, ""
        if is_pronoun(text):
            sp = self._pronoun(text.casefold(), position)
            return sp, "coreference"
        part = _PART_OF.match(text)
        if part and part.group(1).casefold() in _QUANTIFIERS:
            return self.resolve(text[part.end():], position + part.end())  # one of them speaks as they do
        sp = self.registry.lookup(text)
        if sp and not sp.is_person and self._person_description(text):
            # "the Kremlin spokesman", "a senior U.S. official": a person, not the institution
            described = self._description(text, position)
            if described:
                return described, "coreference"
            unregistered = self.registry.describe(text)
            if unregistered and unregistered.is_person:
                return unregistered, unregistered.source
        if sp:
            return sp, "registry"
        owner = _POSSESSIVE_DOCUMENT.match(text)  # "her assessment", "his statement": whose it is
        if owner and self.registry.head_noun(owner.group(2)) and self.registry.head_noun(owner.group(2))[1] == "document":
            return self.resolve(_SUBJECT_OF[owner.group(1).casefold()], position)
        carrier = _DOCUMENT_OF.match(text)
        if carrier and self.registry.head_noun(carrier.group(1)) and \
                self.registry.head_noun(carrier.group(1))[1] == "document":
            return self.resolve(carrier.group(2), position + carrier.start(2))
        described = self._description(text, position)
        if described:
            return described, "coreference"
        sp = self.registry.describe(text)
        return (sp, sp.source) if sp else (None, "")

    def _person_description(self, text: str) -> bool:
        noun = self.registry.head_noun(text)
        return bool(noun and noun[1] == "person")

    def _before(self, position: int, lookback: int = 200):
        """Entities before ``position``, nearest first (at most ``lookback`` of them)."""
        from bisect import bisect_left

        i = bisect_left(self.entities, position, key=lambda e: e.position)
        return self.entities[max(0, i - lookback):i][::-1]

    def _pronoun(self, pronoun: str, position: int) -> Speaker | None:
        """The antecedent of a pronoun: of the compatible entities, those of the nearest sentence that
        has one; there, the one that spoke, else the first named in its main clause (the subject,
        mostly: 'Petrovsky met Peskov in Moscow. He wrote ...' is Petrovsky)."""
        want = PRONOUNS[pronoun]
        found = [e for e in self._before(position) if _compatible(e, want)]
        if not found or not self.sentence_starts:
            return found[0].speaker if found else None
        from bisect import bisect_right

        own = bisect_right(self.sentence_starts, position)
        if position >= self._main_clause(own):
            found = [e for e in found if not self._in_opening_phrase(own, e.position)]
        if not found:
            return None
        sentence = bisect_right(self.sentence_starts, found[0].position)
        there = [e for e in found if bisect_right(self.sentence_starts, e.position) == sentence]
        spoke = [e for e in there if e.spoke]
        if spoke:
            return spoke[0].speaker
        subjects = [e for e in there if not self._in_opening_phrase(sentence, e.position)]
        return min(subjects or there, key=lambda e: e.position).speaker

    def _in_opening_phrase(self, sentence: int, position: int) -> bool:
        """Is ``position`` inside the opening phrase of the sentence numbered ``sentence``, past its first
        word's subject? The pronoun of the main clause may stand for that subject ('While Petrovsky said
        ..., he said'), not for the other names there ('When he took the stage after X spoke, he said';
        'Asked whether Peskov ..., Quint smiled')."""
        start = self.sentence_starts[sentence - 1]
        return start <= position < self._main_clause(sentence) and len(_WORD.findall(self.text, start, position)) > 1

    def _main_clause(self, sentence: int) -> int:
        """Where the main clause of the sentence numbered ``sentence`` (from 1) begins."""
        return self.main_clauses[sentence - 1] if 0 < sentence <= len(self.main_clauses) else 0

    def _description(self, text: str, position: int) -> Speaker | None:
        """'the Russian minister', 'the agency', 'the investigator' -> an earlier entity."""
        words = [w.casefold() for w in _WORD.findall(text)]
        if not words or words[0] not in ("the", "this", "that") or len(words) > 6:
            return None
        noun = self.registry.head_noun(text)
        if not noun:
            return None
        nat = self.registry.nationality_of(text)
        for e in self._before(position):
            sp = e.speaker
            if nat and sp.country and sp.country != nat[0]:
                continue
            if noun[0] in sp.roles or any(noun[0] in r.split() for r in sp.roles) \
                    or noun[0] in e.mention.casefold().split():
                return sp
        return None
