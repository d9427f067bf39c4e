"""Quotes found from their quotation marks.

Every passage between quotation marks is a candidate quote. For each,
:class:`MarkAttributor` looks for the attribution around it, in the layouts
news writing uses::

    "Q," said Rep. Joseph Crowley (D-N.Y.), a leading advocate.   inverted
    "Q," Melanie said to the nominee.                             after
    The announcer said, "Q"   /   Kaine declared that "Q" ...     before (mixed when a clause leads in)
    According to AZCentral, "Q"   /   "Q," according to aides.   according to
    Wallnau wrote: "Q"   /   Trump: "Q"   /   "Q" -- Trump        colon and dash
    "Q1," she said. "Q2"                                          continuation of the last speaker

It reads in five layers, one class each: :class:`CueReader` (which words are
a cue of saying), :class:`MentionReader` (the noun phrase naming a speaker
beside a cue), :class:`SubjectReader` (whose clause it is: a sentence's or a
clause's subject and verb), :class:`ClauseReader` (what every layout and the
clause and cue readers share: a verb the lexicon lacks, where an attribution
closes, the attribution a reading makes) and :class:`MarkAttributor` (which
layout attributes the passage).
Then :class:`~framing.quote_model.QuoteModel` (trained on PolNeAR) decides
from the candidate's features whether it is a quote or a scare quote, title or
name. Only words are read here: the sentence splitter of either tier gives
the sentence bounds, so both tiers find the same candidates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .lexicon import Verb, clause_words, load_terms
from .preprocessing import FILLER
from .speakers import full_names, given_names as _given_names, is_title, source_nouns as _source_nouns

# A word (with inner dots, hyphens, apostrophes: D-N.Y., O'Brien, U.S.) or one other character.
_TOKEN = re.compile(r"\d+(?:,\d{3})+(?:\.\d+)?|\w+(?:[.'\u2019\-]\w+)*\.?|[^\w\s\u200b]")
_DASH = "\u2014\u2013\u2015"
_PRONOUNS = clause_words()["pronoun"]
_QUANTIFIERS = clause_words()["quantifier"]
_NUMBERS = clause_words()["number"]
_INTRODUCERS = clause_words()["introducer"]
_IRREGULAR_PAST = clause_words()["irregular_past"]
_LINKS_OF_MODIFIERS = clause_words()["modifier_link"]
_EXPLETIVES = clause_words()["expletive"]
_AUXILIARY_VERBS = clause_words()["modal"]
_PLACE_WORDS = clause_words()["place_word"]
_ADDRESSEES = clause_words()["addressee"]
_AFFILIATION_LINKS = clause_words()["affiliation_link"]
_COMPLEMENT_WORDS = clause_words()["complement"]
_CLAUSE_AFTER_CUE = clause_words()["clause_after_cue"]
_PARTICIPLE_LINKS = clause_words()["participle_link"]
SUBORDINATORS = clause_words()["subordinator"]
_RELATIVE_WORDS = clause_words()["relative_word"]
CLAUSE_LINKS = SUBORDINATORS | {"that"}  # words that open a clause of its own
_RESPONDENTS = clause_words()["respondent"]
_LINKS_OF_NAMES_TO_VERBS = clause_words()["object_link"]
_CLAUSE_CONJUNCTIONS = clause_words()["leading_conjunction"]  # 'but', 'and', 'so' ... opening a clause
DASHES = ("\u2014", "\u2013", "-", "--")
OPEN_MARKS = "\u201c\u201e"
CLOSE_MARKS = "\u201d"
STRAIGHT = '"'
QUOTE_CHARS = OPEN_MARKS + CLOSE_MARKS + STRAIGHT
QUOTE_RE = re.compile(f"[{QUOTE_CHARS}]")
_DOUBLE_MARKS = tuple(QUOTE_CHARS)  # each mark as a token's text
_CLOSING_MARKS = (CLOSE_MARKS, STRAIGHT)
_SEPARATORS = (",",) + DASHES  # a comma, or a dash around an aside
_ASIDES_SPAN = 45  # tokens from a speaker to its verb over asides
_NAME_LINKS = clause_words()["name_link"]
_PREPOSITIONS = clause_words()["preposition"]
_PLURAL_NOUNS = clause_words()["plural_noun"]
_SINGULAR_DETERMINERS = clause_words()["determiner"] - {"these", "those", "such", "any"}


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(a.casefold() for a in load_terms("abbreviations.txt"))


@dataclass(frozen=True)
class Tok:
    start: int
    end: int
    text: str
    low: str = field(init=False, repr=False, compare=False)  # the text case-folded, once

    def __post_init__(self):
        object.__setattr__(self, "low", self.text.casefold())

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()


def initial_stop(toks, n: int) -> bool:
    """toks[n] is the stop of an initial or an abbreviation ('Christopher M. Shelton', 'Rep.', 'Sen.',
    '(D-Ill.)', 'of Dover, Del., who'), not the end of the words before it (``toks``: tokens with text,
    start and end). A stop right before a closing bracket or a comma ends no sentence."""
    before = toks[n - 1].text if n > 0 else ""
    closing = n + 1 < len(toks) and toks[n + 1].text in (")", ",") and toks[n + 1].start == toks[n].end
    return toks[n].text == "." and n > 0 and toks[n - 1].end == toks[n].start \
        and (len(before) == 1 and before.isupper() or before.casefold() in _abbreviations() or closing)


def abbreviated_place(toks, start: int, end: int) -> bool:
    """toks[start:end] is one abbreviated word after a comma: the state of the place before it
    ('Bangor, Me.', 'of Dover, Del.', a postal code: 'in Berea, OH,') or a party tag ('Sen. Ivan
    Petrovsky, R-Ohio,'), not a name."""
    after_comma = start > 0 and toks[start - 1].text == ","
    postal_code = end - start == 1 and start > 1 and _POSTAL_CODE.fullmatch(toks[start].text) is not None \
        and toks[start - 2].text[:1].isupper()
    return after_comma and (end - start == 2 and toks[end - 1].text == "." or postal_code)


_POSTAL_CODE = re.compile(r"[A-Z]{2}")


def _adverb(tok: Tok) -> bool:
    """'jokingly', 'also': not 'Jolly' or 'Kelly' (a name)."""
    return tok.low.endswith("ly") and not tok.capitalised and len(tok.low) > 4


def _number(tok: Tok) -> bool:
    """'10', '21,000', 'six'."""
    return tok.text[:1].isdigit() or tok.low in _NUMBERS


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """Words and punctuation of text[start:end]; a final stop stays on abbreviations only."""
    out = []
    for m in _TOKEN.finditer(text, start, end):
        a, b, word = m.start(), m.end(), m.group()
        if len(word) > 1 and word.endswith(".") and word[-2].isalnum():
            core = word[:-1]
            if not ("." in core or len(core) == 1 or core.casefold() in _abbreviations()):
                out.append(Tok(a, b - 1, core))
                out.append(Tok(b - 1, b, "."))
                continue
        contracted = _CONTRACTED_PRONOUN.match(word) if "'" in word or "\u2019" in word else None
        if contracted:  # "He's said": the pronoun, then its auxiliary
            cut = a + len(contracted.group(1))
            out.extend((Tok(a, cut, contracted.group(1)), Tok(cut, b, word[cut - a:])))
            continue
        out.append(Tok(a, b, word))
    return out


RELATIVE_THAT = ("that", "which")  # relative pronouns after a noun that need not name a person ('a group that')
CLITICS = ("'s", "\u2019s")  # a contracted 'has' or 'is' after a pronoun ("He's said"), else a possessive
_CONTRACTED_PRONOUN = re.compile(r"(he|she|it|they|we|i|you|who)['\u2019](?:s|ve|d|ll)$", re.I)


@dataclass
class Attribution:
    """Who a quoted passage is attributed to, and by which words."""

    layout: str  # inverted, after, before, lead_in, according_to, colon, dash, continuation; and for
    # reported clauses (framing.clauses): preposed, participle, postposed, passive, relative
    cue: tuple[int, int] | None  # raw offsets of the cue words
    lemma: str
    mention: tuple[int, int] | None  # raw offsets of the words naming the speaker
    content: tuple[int, int] | None = None  # when the quote is wider than the marks (mixed)
    connotation: str = "neutral"
    antecedent: tuple[int, int] | None = None  # what a relative "who" stands for ("Mr. Sanders, who said")
    listed: bool = True  # False: the cue is a verb the reporting-verb lexicon lacks, read from the layout


@dataclass
class Candidate:
    """A passage between quotation marks with its context and attribution (if any)."""

    start: int  # opening mark
    end: int  # after the closing mark
    sentence: int  # index of the sentence holding the opening mark
    attribution: Attribution | None
    last_sentence: int = -1  # index of the sentence holding the closing mark
    features: dict = field(default_factory=dict)


class CueReader:
    """Which words are a cue of saying: the reporting expressions of the lexicon used as verbs, and
    the words around them (adverbs, who was told). ``words``: :func:`~framing.lexicon.clause_words`."""

    def __init__(self, verbs: dict, words: dict[str, set[str]]):
        self.verbs = verbs  # (form words...) -> Verb
        self.max_form = max(len(k) for k in verbs)
        self.first_words = frozenset(k[0] for k in verbs)  # the words a reporting expression can start with
        self.stop = (words.get("boundary", set()) | words.get("relative", set()) | words.get("writer_continuation", set())
                     | words.get("be", set()) | words.get("verb", set()) | {"to", "by", "from", "into", "about", "for"})
        self.adverbs = words.get("auxiliary", set())
        self.be = words.get("be", set())
        self.time = words.get("time", set()) | words.get("time_lead", set())
        self.determiners = words.get("determiner", set()) | _QUANTIFIERS
        self.irregular_verbs = words.get("verb", set())
        self.postmodifiers = words.get("postmodifier", set())
        self.not_participles = words.get("not_participle", set())
        self.connectives = words.get("connective", set())
        self.compounds = words.get("compound", set())  # 'think tank': a noun, not a cue
        self.compound_heads = {c.split()[0] for c in self.compounds}
        self.relative_pronouns = words.get("relative_pronoun", set())  # 'who', 'which', 'that' as a subject
        self.subordinators = words.get("boundary", set()) - self.relative_pronouns - {"but", "or", "so", "than"}
        self.noun_markers = words.get("noun_marker", set())  # 'a', 'the', 'his': what makes a cue word a noun

    def cue_at(self, toks: list[Tok], i: int):
        """(end index, verb) of a reporting expression starting at toks[i], or None."""
        if i >= len(toks) or toks[i].low not in self.first_words:
            return None
        found = self.cue_in([t.low for t in toks[i:i + self.max_form + 1]], 0)
        return (i + found[0], found[1]) if found else None

    def cue_in(self, low: list[str], i: int):
        """(end index, verb) of a reporting expression starting at low[i] (lower-cased words), or None."""
        if i >= len(low) or low[i] not in self.first_words:
            return None
        if i + 1 < len(low) and low[i] in self.compound_heads and f"{low[i]} {low[i + 1]}" in self.compounds:
            return None
        for n in range(min(self.max_form, len(low) - i), 0, -1):
            verb = self.verbs.get(tuple(low[i:i + n]))
            if verb is not None and verb.frame != "none":
                return i + n, with_that(verb, low[i + n] if i + n < len(low) else "")
        return None

    def used_as_verb(self, toks: list[Tok], i: int) -> bool:
        """Not a noun ('the report', 'a statement', 'news reports stated'), an infinitive ('to say') or part
        of a name ('United States')."""
        if i > 0 and toks[i].capitalised:
            return False
        first = max(0, i - 4)
        return self.verb_in([t.low for t in toks[first:i + self.max_form + 2]], i - first)

    def verb_in(self, low: list[str], i: int) -> bool:
        """The reporting-verb form low[i] is a verb among the lower-cased words ``low``: not a noun or an
        infinitive (the test of :meth:`used_as_verb` on words)."""
        word, prev = low[i], low[i - 1] if i > 0 else ""
        if i + 1 < len(low) and noun_before_be(word, low[i + 1]):
            return False  # 'the AP report is misleading'
        after = self.cue_in(low, i + 1)
        if after is not None and noun_before_verb(word, low[i + 1], after[1]):
            return False  # the verb is the next word; this one is its subject's noun
        if prev.endswith(("'s", "\u2019s", "s'")) and len(prev) > 2:
            return False  # "Obama's comments": a possessive makes it a noun (not "He 's said")
        before = low[max(0, i - 4):i]
        if noun_after_modifier(before[-2:], self.noun_markers) or noun_after_singular(before, word,
                                                                                       self.irregular_verbs):
            return False  # "an impassioned call for", "her firmest promise"
        return prev not in self.noun_markers

    def verb_form(self, tok: Tok) -> bool:
        """A lower-case past or irregular verb form ('released', 'sent', 'made')."""
        return not tok.capitalised and (tok.low.endswith("ed") or tok.low in _IRREGULAR_PAST
                                        or tok.low in self.irregular_verbs)

    def skip_adverbs(self, toks: list[Tok], k: int) -> int:
        """Index of the first token from k on that is no adverb or auxiliary ('has repeatedly said')."""
        while k < len(toks) and (toks[k].low in self.adverbs or _adverb(toks[k])):
            k += 1
        return k

    def past_addressee(self, toks: list[Tok], k: int, verb: Verb) -> int:
        """Index after who was told, when ``verb`` takes an object ('told a Senate panel', 'told the
        court', 'told POLITICO', 'informed reporters'): a short noun phrase without a verb; else k."""
        if verb.frame not in ("object_clause", "object_of", "object_to"):
            return k
        n = k
        while n < len(toks) and n - k < 6 and toks[n].word and toks[n].low not in self.time \
                and (toks[n].low not in self.stop or toks[n].low in self.determiners and n == k) \
                and not (toks[n].low in self.determiners and n > k) \
                and toks[n].low not in self.adverbs and toks[n].low not in _PRONOUNS \
                and not (toks[n].low.endswith("ed") and not toks[n].capitalised) \
                and toks[n].low not in self.first_words:
            n += 1
        return past_title([t.text for t in toks], n) if n > k else n


class MentionReader(CueReader):
    """Who a noun phrase names: the speaker named right before or after a cue (names, titles,
    descriptions, pronouns, asides, a noun a phrase modifies)."""

    def mention_after(self, toks: list[Tok], i: int) -> tuple[int, int] | None:
        """Token range [i, j) of the speaker named from toks[i] on ("said Rep. Joseph Crowley (D-N.Y.)")."""
        if i >= len(toks) or not toks[i].word or toks[i].low in _PREPOSITIONS:
            return None  # ('Of Carson, Levine said': a phrase, not a name)
        if toks[i].low in _PRONOUNS:
            return i, i + 1
        j, led = i, toks[i].low in self.determiners or toks[i].low.endswith(("'s", "\u2019s"))
        conjunct = i  # nine words at most to each speaker 'and' joins ('state Senate leader Phil Berger and ...')
        while j < len(toks) and j - conjunct < 9:
            t = toks[j]
            if t.low == "and" and j > i:
                conjunct = j + 1
            if not t.word:
                if t.text == "(" and j > i:  # a party tag or affiliation: (D-N.Y.)
                    close = next((k for k in range(j + 1, min(j + 8, len(toks))) if toks[k].text == ")"), None)
                    if close is not None:
                        j = close + 1
                        continue
                break
            if t.low in self.time and not self._time_adjective(toks, j) \
                    or (t.low in self.stop and not (t.low in _NAME_LINKS and j > i)) \
                    or (j > i and t.low in self.adverbs and not t.capitalised):
                break  # ('The delegation then attended': an adverb ends the subject)
            if j > i and t.low in self.first_words and self.cue_at(toks, j):
                break
            if not (t.capitalised or led or t.low in _NAME_LINKS or t.text[:1].isdigit() or self._title_word(toks, j)):
                break
            if led and not t.capitalised and j > i and (t.low.endswith("ed") or j - conjunct >= 5):
                break  # 'the setting provided ...': a verb ends a described speaker
            j += 1
        while j > i and toks[j - 1].low in _NAME_LINKS:
            j -= 1
        if j - 1 > i and toks[j - 1].low in self.determiners and toks[j - 1].low not in _NUMBERS:
            return None  # 'said the days of a "unifying story" are gone': the noun phrase runs on past what is read
        if j == i and not led and self._cue_ends_at(toks, i):
            return self._bare_description_after(toks, i)  # ('"Q," said officials.')
        return (i, j) if j > i else None

    def _time_adjective(self, toks: list[Tok], j: int) -> bool:
        """A time word between a determiner and its noun ('One early supporter', 'a recent poll'):
        an adjective inside the noun phrase, not the time of the saying."""
        return 0 < j < len(toks) - 1 and toks[j - 1].low in self.determiners and toks[j + 1].word \
            and toks[j + 1].low not in self.stop and toks[j + 1].low not in self.time

    def _title_word(self, toks: list[Tok], j: int) -> bool:
        """A lower-case word inside a name's title: 'Ohio State University professor Paul Beck', 'former
        secretary of state Hillary Clinton' (not a verb: 'Trump reminded Americans')."""
        if j > 0 and toks[j - 1].capitalised and self.verb_form(toks[j]):
            return False  # (but 'retired Army Gen. John Allen' opens a title)
        for k in range(j, min(j + 6, len(toks))):
            t = toks[k]
            if k > j and t.low in _NAME_LINKS:
                continue  # 'former secretary of state Hillary Clinton'
            if not t.word or t.low in self.stop or t.low in self.time or _adverb(t) or k > j and self.verb_form(t):
                return False  # (not 'Mr. Rubio only occasionally mentioned Trump': an adverb, a verb)
            if t.capitalised:
                return k > j
        return False

    def mention_before(self, toks: list[Tok], end: int, floor: int = 0) -> tuple[int, int] | None:
        """Token range [i, end) of the speaker named right before toks[end] ("Sen. Marco Rubio (R-Fla.)",
        "the Christie supporter", "Bush, Florida's former governor,")."""
        j, previous = end, None
        progressive = end < len(toks) and toks[end].low.endswith("ing")
        while j != previous:  # adverbs, auxiliaries and times ('have in the past said', 'on Monday said')
            previous = j
            while j > floor and (toks[j - 1].low in self.adverbs and not (toks[j - 1].capitalised and j - 1 > floor)
                                 or toks[j - 1].low in CLITICS and j - 2 >= floor and toks[j - 2].low in _PRONOUNS
                                 or (_adverb(toks[j - 1]) and toks[j - 1].low != "only")
                                 or (progressive and toks[j - 1].low in ("is", "are", "was", "were", "been", "be"))):
                j -= 1
            when = self._time_before(toks, j, floor)
            if when < j and when > floor and toks[when - 1].word:
                j = when
        if j > floor and toks[j - 1].text in DASHES:  # 'Trump - who previously said ... - said'
            return self.head_of_asides(toks, j - 1, floor)
        if j - 1 > floor and toks[j - 1].text in _DOUBLE_MARKS and toks[j - 2].text == ",":
            j -= 1  # 'Hemsley, a co-author of "Going Viral," said': the comma sits inside the marks
        if j > floor and toks[j - 1].text == ",":  # an appositive: "Bush, Florida's former governor, said"
            comma = next((k for k in range(j - 2, max(floor, j - 14) - 1, -1) if toks[k].text == ","), None)
            if comma is not None and comma > floor and all(t.low in self.connectives or _adverb(t)
                                                           for t in toks[comma + 1:j - 1]):
                return self.mention_before(toks, comma, floor)  # 'Republicans in Congress, meanwhile, say
            if comma is not None and comma > floor and self._describes(toks[comma + 1:j - 1]):
                named = self._name_before(toks, comma, floor)
                if named and any(t.text in _DOUBLE_MARKS for t in toks[comma:j]):
                    return named  # a title in marks in the appositive stays out of the mention
                if named and named[0] > floor and toks[named[0] - 1].low in _PREPOSITIONS \
                        and toks[comma + 1].capitalised:
                    return comma + 1, j - 1  # 'after winning Ohio in the primary, Gov. John Kasich (R-OH), said':
                    # the phrase before the comma is an object, no speaker; the one between the commas speaks
                if named:
                    return named[0], j - 1
            return self.head_of_asides(toks, j - 1, floor)
        m = self._name_before(toks, j, floor)
        if m and m[0] - 2 >= floor and toks[m[0] - 1].low in _LINKS_OF_MODIFIERS:
            modifier = toks[m[0] - 2].low
            if modifier.endswith("ing") and toks[m[0] - 1].low in ("to", "with"):
                return self._name_before(toks, m[0] - 2, floor) or m  # 'a source speaking to Fox News said'
            if modifier in self.postmodifiers:  # 'sources familiar with the plan', 'people close to him'
                head = self._name_before(toks, m[0] - 2, floor)
                return (head[0], m[1]) if head else m
            if modifier in _QUANTIFIERS and toks[m[0] - 1].low == "of":
                return m[0] - 2, m[1]  # 'one of the senators said', 'some of his aides say'
            start = self._source_modified(toks, m[0], floor)
            if start < m[0]:
                return start, m[1]
        modified = self._modified_head(toks, m[0] if m else j, floor)
        if modified is not None:  # 'A memo obtained by CNN says', 'the order released Friday said'
            return modified, j
        if m is None and floor <= j - 1 and j < end and toks[j - 1].low in _QUANTIFIERS:
            return j - 1, j  # 'Some are quietly saying': a quantifier alone, an auxiliary after it
        return m or self.relative_subject(toks, j, floor)

    def _source_modified(self, toks: list[Tok], i: int, floor: int) -> int:
        """Start of the noun phrase whose source noun the phrase starting at toks[i] modifies, through
        each link ('a spokesman for the ministry', 'an analyst at the Korea Institute for Defense
        Analyses': the analyst speaks), else i."""
        while i - 2 >= floor and toks[i - 1].low in _LINKS_OF_MODIFIERS \
                and _source_nouns().get(toks[i - 2].low, ("document",))[0] != "document":
            head = self._name_before(toks, i - 1, floor)
            if not head:
                break
            i = head[0]
        return i

    def _modified_head(self, toks: list[Tok], i: int, floor: int) -> int | None:
        """Start of a noun phrase led by a determiner that a past participle modifies, its words (by, a
        time, names: up to four) ending at toks[i]: 'A memo obtained by CNN', 'the order released Friday'."""
        for p in range(i - 1, max(floor, i - 5) - 1, -1):
            t = toks[p]
            if self._participle_modifier(t):
                head = p - 1
                while head > floor and p - head < 3 and toks[head].low not in self.determiners and toks[head].word:
                    head -= 1
                return head if head >= floor and toks[head].low in self.determiners and p - head >= 2 else None
            if not self._modifier_word(t):
                return None
        return None

    def relative_subject(self, toks: list[Tok], end: int, floor: int) -> tuple[int, int] | None:
        """'a White House official who spoke anonymously to discuss strategy said', 'the officials whose laws
        were struck down say', 'a group that tracks arms sales said': the name before a 'who', 'whose',
        'that' or 'which' clause that runs, without punctuation, up to the verb (within 15 words)."""
        for k in range(end - 1, max(floor, end - 16) - 1, -1):
            t = toks[k]
            if not t.word or t.low in self.first_words and k < end - 1 and self.cue_at(toks, k):
                return None
            if t.low in ("who", "whose") and k > floor:  # (not 'voters who said': the relative speaks, read
                return self._modified_by_relative(toks, k, floor) if k < end - 1 else None  # elsewhere)
            if t.low in RELATIVE_THAT and k > floor and k < end - 1 and self._relative_clause(toks, k, end) \
                    and toks[end - 1].low not in _PREPOSITIONS:  # (not 'noted that P': a verb names nobody; not
                return self._modified_by_relative(toks, k, floor)  # 'the theme that would carry him by urging')
        return None

    def _modified_by_relative(self, toks: list[Tok], k: int, floor: int) -> tuple[int, int] | None:
        """The noun phrase a relative clause opening at toks[k] modifies, with the source noun a phrase of
        its own modifies ('the head of a research group that tracks weapons': the head)."""
        head = self._name_before(toks, k, floor)
        return (self._source_modified(toks, head[0], floor), head[1]) if head else None

    def _relative_clause(self, toks: list[Tok], k: int, end: int) -> bool:
        """The words after toks[k] ('that', 'which') up to toks[end] are a relative clause whose verb
        comes first, so the noun before is its subject: a past or a finite 'be', 'have' or modal ('the
        firm that *has* advised him'), or a present in -s with words after it, after a source noun ('a
        group that *tracks* arms sales'). Not a clause with a subject of its own ('noted that *officials*
        say', 'the first time that *millions* of people think')."""
        verb = toks[k + 1]
        if not verb.word or verb.capitalised:
            return False
        if self.verb_form(verb) or verb.low in _BE_OR_HAVE or verb.low in _AUXILIARY_VERBS:
            return True
        return verb.low.endswith("s") and not verb.low.endswith("ss") and verb.low not in self.stop \
            and verb.low not in _source_nouns() and k + 2 < end and toks[k - 1].low in _source_nouns()

    def _time_before(self, toks: list[Tok], end: int, floor: int) -> int:
        """Start of a time expression ending at toks[end] ('on Monday', 'last week', 'Tuesday'), or end."""
        if end <= floor or toks[end - 1].low not in self.time:
            return end
        j = end - 1
        while j > floor and (toks[j - 1].low in self.time or toks[j - 1].low in _PLACE_WORDS
                             or toks[j - 1].low in ("the", "that", "this")):
            j -= 1
        return j

    def head_of_asides(self, toks: list[Tok], sep: int, floor: int = 0) -> tuple[int, int] | None:
        """The speaker that opens a chain of asides ending at the separator toks[sep]: 'Christopher M.
        Shelton, the president of the union, which endorsed Mr. Sanders, said' / 'Trump - who
        previously said he would ... - said'. It is the first comma- or dash-delimited segment of the
        clause that is wholly a name or a description; an introductory phrase before it is passed over."""
        if sep - floor > _ASIDES_SPAN or any(t.text == ";" or t.text == "." and not initial_stop(toks, n)
                                             for n, t in enumerate(toks[floor:sep], floor)):
            return None
        start = floor
        while start < sep and toks[start].low in ("and", "but", "so", "yet"):
            start += 1  # 'But Mr. Guerrero, a Republican who ..., said'
        for k in range(start, sep):
            if toks[k].text not in _SEPARATORS or k == start:
                continue
            if k == start + 1 and toks[start].low in self.connectives:
                start = k + 1  # 'Similarly, William J. Bennett, a Reagan education secretary, said'
                continue
            named = self._name_before(toks, k, start)
            if named and abbreviated_place(toks, *named):
                named = None  # 'At a town hall in Bangor, Me., Quint ... said': a state, no speaker
            lead = named[0] if named and named[0] > start and toks[named[0] - 1].low in CLAUSE_LINKS else start
            if named and named[0] == lead and (toks[lead].capitalised or toks[lead].low in self.determiners) \
                    and not any(t.text in _DOUBLE_MARKS for t in toks[lead:k]):
                return named if k < sep else None  # (also 'It was years ago that Bloomberg, who ..., said')
            start = k + 1
        return None

    def _describes(self, words: list[Tok]) -> bool:
        """An appositive ("Florida's former governor", "a senior aide"): no verb, no conjunction leading it."""
        if not words or words[0].low in ("and", "or", "but", "then"):
            return False
        return not any(t.low in self.stop and t.low not in _NAME_LINKS | {"of", "at", "for", "in", "on", "with", "who"}
                       or (t.low.endswith("ed") and not t.capitalised) or t.low in self.first_words
                       for t in words)

    def _name_before(self, toks, end, floor):
        if end > floor and toks[end - 1].low in ("and", "or", "but"):
            return None  # a second verb: its subject is the clause's
        if end > floor and toks[end - 1].low in _PREPOSITIONS:
            return None  # 'a long history of blaming': the word after a preposition has no subject there
        i = end
        if i > floor and toks[i - 1].text == ")":
            open_ = next((k for k in range(i - 2, max(floor, i - 8) - 1, -1) if toks[k].text == "("), None)
            if open_ is None:
                return None
            i = open_
        stop_at = i
        while i > floor and stop_at - i < 8:
            t = toks[i - 1]
            if not t.word and not (t.text == "." and initial_stop(toks, i - 1)) \
                    or t.low in self.time and not self._time_adjective(toks, i - 1):
                break  # ('Christopher M. Shelton': an initial's stop stays in the name)
            if t.low in self.stop and t.low not in _NAME_LINKS:
                break
            if t.low in self.first_words or (t.low.endswith("ed") and len(t.low) > 4 and not t.capitalised
                                             and not (i == stop_at and t.low in _RESPONDENTS)):
                break  # ('Obama offered states billions': a verb ends the name before it; not 'those polled')
            i -= 1
            if t.low in self.determiners or t.low in _PRONOUNS:
                break
        if i < stop_at and _number(toks[i]) and i - 2 >= floor and toks[i - 1].low in ("in", "of") \
                and _number(toks[i - 2]):
            i -= 2  # 'six in 10 said', 'nine of 10 Republicans said': a ratio
        if i - 2 >= floor and toks[i - 1].low == "and" and toks[i - 2].capitalised:
            i -= 2  # "Washington and its allies": a name coordinated before it belongs to the mention
            while i > floor and toks[i - 1].capitalised and toks[i - 1].word:
                i -= 1
        # a lower-case word leads the mention only after a determiner ("the ad") or as a pronoun
        while i < stop_at and not (toks[i].capitalised or toks[i].low in self.determiners or toks[i].low in _PRONOUNS
                                   or toks[i].text[:1].isdigit()
                                   or (i > floor and toks[i - 1].low.endswith(("'s", "\u2019s")))):
            i += 1
        if i < stop_at and toks[i].low in _PRONOUNS and stop_at - i > 1:
            return None  # "it is ..." is no speaker
        if i >= stop_at:
            return self._bare_description(toks, stop_at, floor)
        if all(toks[k].low in self.determiners or toks[k].text.isdigit() for k in range(i, stop_at)) \
                and not (stop_at - i > 1 and toks[stop_at - 1].low in _NUMBERS):
            return None  # 'the', '2019' name nobody ('all five' do)
        return i, end

    def _bare_description(self, toks: list[Tok], end: int, floor: int) -> tuple[int, int] | None:
        """'security experts say', 'union officials told': up to four lower-case words, without an
        article, ending in a noun that names a source (source_nouns.csv)."""
        if end <= floor or toks[end - 1].low not in _source_nouns():
            return None
        i = end - 1
        while i > floor and end - i < 4 and self._description_word(toks[i - 1]) and not toks[i - 1].low.endswith("ed"):
            i -= 1
        return i, end

    def _description_word(self, tok: Tok) -> bool:
        """A word that can stand in a bare description of a source ('security', 'union'): no function
        word, time, verb of saying or adverb."""
        return tok.word and tok.low not in self.stop and tok.low not in self.time and tok.low not in self.first_words \
            and tok.low not in self.adverbs

    def _cue_ends_at(self, toks: list[Tok], i: int) -> bool:
        """A reporting expression ends right before toks[i] ('said' in 'said officials')."""
        return any((self.cue_at(toks, s) or (None,))[0] == i for s in range(max(0, i - self.max_form), i))

    def _bare_description_after(self, toks: list[Tok], i: int) -> tuple[int, int] | None:
        """'said officials', 'say security experts': from toks[i], up to four lower-case words without
        an article, ending in a noun that names a source (source_nouns.csv)."""
        nouns = _source_nouns()
        for j in range(i, min(i + 4, len(toks))):
            t = toks[j]
            if not self._description_word(t) or t.capitalised or t.low in _PREPOSITIONS:
                return None
            if t.low in nouns and not (j + 1 < len(toks) and toks[j + 1].low in nouns):
                return i, j + 1
        return None

    def _modifier_word(self, tok: Tok) -> bool:
        """A word of a past participle's modifier phrase after it: 'by', a time, a name, a number."""
        return tok.low == "by" or tok.low in self.time or tok.capitalised or tok.text[:1].isdigit()

    def _participle_modifier(self, tok: Tok) -> bool:
        """A lower-case past participle that can follow a noun as its modifier ('released', 'obtained')."""
        return tok.word and not tok.capitalised and tok.low.endswith("ed") and len(tok.low) > 4 \
            and (tok.low,) not in self.verbs


class SubjectReader(MentionReader):
    """Whose clause it is: the subject opening a sentence or a clause and its verb, and the subject
    a relative pronoun, a participle or a coordinated verb shares."""

    def relative(self, toks: list[Tok], i: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """(the token range of the relative pronoun, that of what it stands for) when the cue's subject
        is one: 'Mr. Sanders, who said ...', 'voters who say ...', 'Podesta, who has long argued ...',
        'The Post, which argued ...', 'a message that said ...'."""
        k = i - 1
        while k > 0 and (toks[k].low in self.adverbs or toks[k].low in ("has", "had", "have", "also")
                         or toks[k].low.endswith("ly") or toks[k].low in CLITICS):  # (also "who's argued")
            k -= 1
        if k < 1 or toks[k].low not in self.relative_pronouns:
            return None
        end = k - 1 if toks[k - 1].text == "," else k  # a comma: the name before it; none: 'voters who'
        named = self.mention_before(toks, end)
        return ((k, k + 1), named) if named is not None else None

    def carried(self, toks: list[Tok], m: tuple[int, int] | None) -> bool:
        """The words before the cue name a document someone put out ('she released *a statement*
        saying', 'the campaign sent *a fundraising email* saying'): the clause's subject speaks."""
        noun = _source_nouns().get(toks[m[1] - 1].low) if m is not None else None
        if noun is None or m[0] == 0:
            return False
        before = toks[m[0] - 1]
        return noun[0] == "document" and before.word and before.low not in _PLACE_WORDS and self.verb_form(before)

    def participle(self, toks: list[Tok], i: int) -> bool:
        """'..., saying', '... before adding', '... but warning': a participle whose subject is the
        clause's (``participle_link`` in clause_words.csv)."""
        k = i - 1
        while k >= 0 and (toks[k].text in ('"', "\u201d") or _adverb(toks[k])):
            k -= 1  # (', falsely suggesting')
        return toks[i].low.endswith("ing") and k >= 0 and (toks[k].text == "," or toks[k].low in _PARTICIPLE_LINKS)

    def coordinated(self, toks: list[Tok], i: int) -> bool:
        """'... declined to comment but said': a second finite verb of the clause's subject
        (not 'to exchange views and reaffirm', an infinitive)."""
        k = i - 1
        while k >= 0 and (toks[k].low in self.adverbs or _adverb(toks[k]) or toks[k].low in self.time):
            k -= 1  # (also 'but on Tuesday wrote')
        supported = any(t.low in _AUXILIARY_VERBS for t in toks[k + 1:i])  # 'but did not suggest'
        if not (toks[i].low.endswith(("ed", "s")) or toks[i].low in _IRREGULAR_PAST or supported):
            return False
        return k >= 0 and toks[k].low in ("and", "but")

    def participle_subject(self, toks: list[Tok], i: int) -> tuple[int, int] | None:
        """For a participle after a comma ('X called for a vote, declaring ...'), the subject of the
        nearest finite verb before it (not the noun right before the comma), else the sentence's."""
        floor = next((v + 1 for v in range(i - 2, -1, -1) if toks[v].text == ";"), 0)
        reported = (v for v in range(i - 2, floor - 1, -1) if toks[v].word and not toks[v].capitalised
                    and self.cue_at(toks, v) and self.used_as_verb(toks, v))
        # (a verb of saying first: 'Putin said ... signed Wednesday, noting'; not a noun: 'his campaign promise')
        finite = (v for v in range(i - 2, floor - 1, -1) if toks[v].word and not toks[v].capitalised
                  and (toks[v].low.endswith("ed") and len(toks[v].low) > 4 or toks[v].low in _IRREGULAR_PAST))
        for v in list(reported) + list(finite):
            m = self.mention_before(toks, v)
            if m is not None and not opens_subordinate(toks, m[0], self.subordinators):
                return m  # (not 'while most of his competitors called for ...': a subordinate clause's subject)
            cue = self.cue_at(toks, v) if m is None else None
            inverted = self.mention_after(toks, cue[0]) if cue else None
            if inverted is not None and (inverted[1] == i - 1 or toks[inverted[1]].text == "," and toks[i - 1].text == ","
                                         and i - inverted[1] < 14 and not any(t.text in ".;" for t in toks[inverted[1]:i])):
                return inverted  # '"Q," said Devine, suggesting that P': the speaker after the cue (and its appositive)
        return self.subject(toks)

    def coordinated_subject(self, toks: list[Tok], i: int) -> tuple[int, int] | None:
        """For a verb coordinated with an earlier one, the subject of the last verb of saying before it
        ('Pence said in politics it takes time ... but added'), else the name right before the earlier
        finite verb, within ten words ('Rubio thanked Miami and said', 'Ebeling reminisced about her days,
        and said')."""
        k = i - 1
        while k >= 0 and toks[k].low not in ("and", "but"):
            k -= 1
        for v in range(k - 1, -1, -1):
            if toks[v].word and not toks[v].capitalised and self.cue_at(toks, v) and self.used_as_verb(toks, v):
                m = self.mention_before(toks, v)
                if m is not None and not opens_subordinate(toks, m[0], self.subordinators):
                    return m
                break
        last = k - 2 if k > 0 and toks[k - 1].text == "," else k - 1  # (also 'reminisced about ..., and said')
        for v in range(last, max(-1, last - 10), -1):
            t = toks[v]
            if t.text in (",", ";", ".") or not t.word:
                return None
            if self.verb_form(t):
                return self.mention_before(toks, v)
        return None

    def subject(self, toks: list[Tok]) -> tuple[int, int] | None:
        """The speaker opening a sentence, after an introductory phrase ("On Monday, Sanders said ...")."""
        i = 0
        while i < len(toks) and (not toks[i].word or toks[i].low in ("and", "but", "so", "yet", "still")):
            i += 1
        dateline = i  # 'WASHINGTON -- ' / 'LA CROSSE, Wisc. — ' / 'UNITED NATIONS: '
        while dateline < len(toks) and dateline - i < 6 and (toks[dateline].text.isupper() or toks[dateline].text in ",."
                                                              or toks[dateline].capitalised and dateline > i):
            dateline += 1
        if dateline > i and dateline < len(toks) and toks[dateline].text in ("\u2014", "\u2013", "-", ":") \
                and toks[i].text.isupper() and len(toks[i].text) > 1:
            i = dateline + 1
            while i < len(toks) and toks[i].text in ("-", "\u2014", "\u2013"):
                i += 1
        if i + 1 < len(toks) and toks[i].low in self.connectives and toks[i + 1].text == ",":
            i += 2  # 'Likewise, Trump ...'
        if i < len(toks) and toks[i].low in _EXPLETIVES:
            return None  # "There's still time for Cruz to ...": no one speaks
        for _ in range(3):  # ('In a debate, while his rivals called for more, Trump ...': phrases in a row)
            if not (i < len(toks) and (toks[i].low in self.stop or toks[i].low in _INTRODUCERS
                                       or self._opening_word(toks, i))):
                break
            if toks[i].low in self.connectives and i + 1 < len(toks) and toks[i + 1].word:
                i += 1  # 'Then he cut into Bush, calling ...': a sentence adverb alone, no phrase to a comma
                continue
            # ('Rallying hundreds of workers, Clinton ...', 'Hastily, Trump ...': an opening phrase)
            comma = next((k for k in range(i, min(i + 14, len(toks))) if toks[k].text == ","), None)
            if comma is None:
                return None
            i = comma + 1
        m = self.mention_after(toks, i)
        if m is None and i < len(toks) and toks[i].word and not toks[i].capitalised:
            # ('Back home, he returned ...', 'Days later, Quint ...': a short opening phrase of any words)
            comma = next((k for k in range(i + 1, min(i + 5, len(toks))) if toks[k].text == ","), None)
            if comma is not None and comma + 1 < len(toks) and (toks[comma + 1].low in _PRONOUNS
                                                                 or toks[comma + 1].capitalised):
                return self.mention_after(toks, comma + 1)
        return m

    @staticmethod
    def _opening_word(toks: list[Tok], i: int) -> bool:
        """A participle or an adverb opening the sentence ('Rallying ...', 'Hastily, ...'), not a name
        ending so ('Carly Fiorina')."""
        return toks[i].low.endswith(("ing", "ly")) and len(toks[i].low) > 4 and not (
            i + 1 < len(toks) and toks[i + 1].capitalised)

    def _subject_and_verb(self, toks: list[Tok]) -> tuple[tuple[int, int] | None, int | None]:
        """The subject opening a clause and the index of its verb, or (…, None) when either is missing."""
        m = self.subject(toks)
        k = self._clause_verb(toks, m) if m is not None else None
        if k is None and m is not None and self._verb_at_end(toks, m):
            m, k = (m[0], m[1] - 1), m[1] - 1  # 'the agency lists "Q"': the subject's reading took the verb
        return m, k

    def _clause_verb(self, toks: list[Tok], m: tuple[int, int]) -> int | None:
        """Index of the verb that follows the subject ``m`` (past an appositive and adverbs), or None when
        what follows is no verb ('The case was ...', 'Trump, who ...', 'Name: ...')."""
        k = self.skip_adverbs(toks, self._past_appositive(toks, m[1]))
        progressive = k + 1 < len(toks) and toks[k].low in self.be and toks[k + 1].low.endswith("ing") \
            and toks[k + 1].word
        if progressive:
            k += 1  # 'is labeling', 'are crying': a progressive, not 'was a' or 'is being'
        if k >= len(toks) or not toks[k].low.isalpha() or toks[k].capitalised or toks[k].low in self.determiners \
                or toks[k].low in _PRONOUNS or toks[k].low in self.stop and toks[k].low not in self.irregular_verbs:
            return None  # (nor a number: 'One voter, Lena Quint, 35, showed up ...')
        if m[1] - m[0] >= 5 and not (progressive or self.verb_form(toks[k]) or toks[k].low.endswith("s")):
            return None  # a long subject cut short: 'The head of a research organization that has ... told'
        return k

    def _verb_at_end(self, toks: list[Tok], m: tuple[int, int]) -> bool:
        """The subject ``m`` runs to the passage and ends with a lower-case word of a verb's form: that
        word is the clause's verb ('the agency lists', 'the board noted')."""
        last = toks[m[1] - 1]
        return m[1] == len(toks) and m[1] - m[0] >= 2 and last.word and not last.capitalised \
            and (last.low.endswith(("s", "ed")) or last.low in self.irregular_verbs) and not last.low.endswith("ss")

    def _past_appositive(self, toks: list[Tok], k: int) -> int:
        """Where the clause goes on after a subject ending before toks[k]: past an aside between commas
        that describes it ('Meg Whitman, a former candidate for governor, labeled ...'), a relative
        clause ('Quint, who is running again, praised ...') or a short phrase ('Brand, for her part,
        is ...'), else k."""
        if k >= len(toks) or toks[k].text != ",":
            return k
        comma = next((c for c in range(k + 2, min(k + 16, len(toks))) if toks[c].text == ","), None)
        if comma is None:
            return k
        aside = toks[k + 1:comma]
        after = comma + 1
        if after < len(toks) and toks[after].text in _DOUBLE_MARKS and sum(t.text in _DOUBLE_MARKS for t in aside) == 1:
            aside, after = [t for t in aside if t.word], after + 1  # ('Quint, star of "Harbor Lights," praised')
        relative = aside[0].low in self.relative_pronouns and after < len(toks) and not toks[after].capitalised
        phrase = aside[0].low in _PREPOSITIONS and len(aside) <= 4
        return after if self._describes(aside) or relative or phrase else k


class ClauseReader(SubjectReader):
    """What the layouts and the clause and cue readers share: whether a word is a verb of saying the
    lexicon lacks where a layout marks it (:meth:`unlisted_cue_at`), whether the words after a
    speaker close the attribution (:meth:`closes`) or an 'as' clause is set off as an aside, and the
    :class:`Attribution` a reading makes, with where its report starts (:meth:`make_attribution`)."""

    def unlisted_cue_at(self, toks: list[Tok], j: int, present: bool = False, after_passage: bool = False):
        """(end index, verb) of a past-tense verb the lexicon lacks ('"...," she elaborated'), when the
        layout alone marks it as the cue: it ends the clause (a stop, a comma or a closing tail follows;
        ``after_passage``: or the writer's next clause, '"...," Quint barked and a guard stepped in').
        ``present``: a present form that ends the sentence too ('"...," Viguerie concludes.')."""
        if not self._unlisted_form(toks, j):
            return None
        if not toks[j].low.endswith("ed"):
            ends_sentence = j + 1 < len(toks) and toks[j + 1].text in (".", "!", "?")
            if not (present and ends_sentence and toks[j].low.isalpha()):
                return None
            return j + 1, Verb(toks[j].low, "neutral", "unlisted")
        end = j + 1
        if end < len(toks) and toks[end].low in ("back", "out", "up"):
            end += 1  # 'fired back'
        if end < len(toks) and toks[end].word and not self.closes(toks, end) \
                and not (after_passage and toks[end].low in _CLAUSE_AFTER_CUE):
            return None
        return end, Verb(toks[j].low, "neutral", "unlisted")

    def _unlisted_form(self, toks: list[Tok], j: int) -> bool:
        """toks[j] can be a verb of saying the lexicon lacks: a lower-case word of five letters or more,
        no function word."""
        return j < len(toks) and toks[j].word and not toks[j].capitalised and len(toks[j].low) >= 5 \
            and toks[j].low not in self.stop

    def closes(self, toks: list[Tok], k: int) -> bool:
        """Nothing but a short tail (a time, a place, an appositive) follows toks[k] to the end of the sentence."""
        rest = toks[k:]
        lead = [t for t in rest[:3] if t.text not in (",", ":")]
        if lead and lead[0].text in ('"', "\u201c"):
            return False  # 'X said, "..."': a quotation follows
        if lead and lead[0].low in ("who", "whose") and not any(t.text in _DOUBLE_MARKS for t in rest):
            return True  # ', said a handful of Democrats who point to ...': the speaker's description
        comma = next((n for n, t in enumerate(rest) if t.text == ","), len(rest))
        head, appositive = rest[:comma], rest[comma + 1:]
        place = next((n for n, t in enumerate(head) if t.low in _PLACE_WORDS or t.low in _AFFILIATION_LINKS), None)
        if place is not None and self._phrase(head[place + 1:]):
            # 'told the court in his filing': where it was said; 'said a spokesman for the ministry': whose
            head = head[:place + 1] if head[place].low in _PLACE_WORDS else head[:place]
        if len(head) > 7 or any(t.low in self.stop and t.low not in ("in", "at", "on", "during", "after") for t in head):
            return False
        if any(self.cue_at(rest, n) for n in range(len(head))):
            return False
        if not all(not t.word or t.capitalised or t.text[:1].isdigit() or t.low in self.time
                   or t.low in ("in", "at", "on", "during", "after", "the", "a", "last", "this", "night", "of")
                   for t in head):
            return False  # ', told AFP the trade would grow': a clause follows, the attribution does not close
        if appositive and (appositive[0].low in self.stop or appositive[0].low.endswith("ing")):
            return True  # ', to discuss ...' / ', as ties grow': the writer's own clause follows
        return len(appositive) <= 14 and not any(self.cue_at(rest, n) for n in range(len(rest)))

    def _phrase(self, words: list[Tok]) -> bool:
        """A short noun phrase, or a few ('his filing', 'an interview on Tuesday'), a stop at most
        after it: no verb, no clause."""
        words = [t for t in words if t.text not in (".", "!", "?")]
        return 0 < len(words) <= 8 and all(
            t.word and (t.low not in self.stop or t.low in self.determiners or t.low in _PLACE_WORDS or t.low in ("of", "with"))
            and not (t.low.endswith("ed") and not t.capitalised) and not self.cue_at(words, n)
            for n, t in enumerate(words))

    def aside_after_clause(self, toks: list[Tok], mention: int, k: int) -> bool:
        """An 'as' clause whose speaker is toks[mention] is set off inside a sentence after a clause of
        its own, and a comma or dash closes it within a few words of toks[k] (the first word after its
        cue): 'Ailes met Trump that day, as the Times reported on Tuesday, and he will ...', 'the fact
        that the race is close, as Cruz said on Monday, only magnifies ...'. The clause before it is
        what is reported; the words after it go on with the writer's sentence. Not after a phrase with
        no verb ('In the old USSR, as Smith reported, the big shots had ...': the claim follows)."""
        words = [t.low for t in toks]
        comma = comma_before_as(words, mention)
        if comma is None:
            return False
        close = k - 1 if k - 1 > mention and words[k - 1] == "," else \
            next((n for n in range(k, min(k + 9, len(words))) if words[n] in (",", ";") + DASHES
                  or words[n] in (".", "!", "?", ":", "that") or self._finite(toks[n])), None)
        if close is None or words[close] not in (",", ";") + DASHES or close + 1 >= len(words):
            return False
        start = comma
        while start > 0 and words[start - 1] not in (",", ";") + DASHES and not (
                words[start - 1] == "that" and comma - start >= 2):  # (not 'that day,': a determiner)
            start -= 1
        return comma - start >= 3 and any(self._finite(t) for t in toks[start:comma])

    def _finite(self, tok: Tok) -> bool:
        """A lower-case finite verb form: a past, an irregular verb, be, have, a modal."""
        return self.verb_form(tok) or not tok.capitalised and _FINITE.fullmatch(tok.low) is not None

    def make_attribution(self, layout, toks, cue, mention, verb, lead=None, antecedent=None) -> Attribution:
        a = Attribution(layout, (toks[cue[0]].start, toks[cue[1] - 1].end) if cue else None,
                        verb.lemma if verb else ("colon" if layout in ("colon", "colon_clause") else "dash"),
                        (toks[mention[0]].start, toks[mention[1] - 1].end) if mention else None,
                        connotation=verb.connotation if verb else "neutral",
                        listed=not (verb and verb.frame == "unlisted"))
        if antecedent is not None:
            a.antecedent = (toks[antecedent[0]].start, toks[antecedent[1] - 1].end)
        if lead:
            a.content = (self._report_start(lead, verb), None)  # the mixed quote starts here; its end is set
            # by the caller
        return a

    def _report_start(self, lead: list[Tok], verb) -> int:
        """Where the report begins in the words between a cue and its passage: after the 'that' that opens
        it (:meth:`_that_after_setting`), at the passage when the words name only who was told ('told
        reporters "Q"'), after who was told ('told the council it has "irrefutably" established P'), or
        at the first word."""
        that = self._that_after_setting(lead, verb)
        if that is None and verb is not None and verb.frame == "object_clause":
            if self._addressee(lead, verb):
                that = len(lead) - 1  # the report is the passage
            else:
                told = self.past_addressee(lead, 0, verb)
                if 0 < told < len(lead):
                    return lead[told].start
        if that is None:
            return lead[0].start
        return lead[that + 1].start if that + 1 < len(lead) else lead[that].end

    def _that_after_setting(self, lead: list[Tok], verb) -> int | None:
        """Index of the 'that' opening the report in the words between a cue and its passage: first, or
        after only who was told ('told customers at a Manchester, New Hampshire, diner that "..."') or
        a setting ('said on Sunday that "..."', 'said at a rally in Ohio that "..."');
        else None (not 'said the plan that he "opposed" ...', where 'that' opens a relative clause
        inside the report, nor 'believes in journalism that "takes sides"': a belief's object)."""
        that = next((n for n, t in enumerate(lead[:16]) if t.low == "that"), None)
        if that is None or that == 0:
            return that
        setting = lead[0].low in _PREPOSITIONS or lead[0].low in self.time  # 'said on Sunday that "..."'
        if verb is None or verb.frame != "object_clause" and not (verb.frame == "clause" and setting
                                                                  and verb.connotation != "tentative"):
            return None
        if any(t.text in _DOUBLE_MARKS or t.low in self.stop and t.low not in _PREPOSITIONS
               and t.low not in self.determiners or self.verb_form(t) for t in lead[:that]):
            return None  # a verb or a clause of its own before 'that'
        return that


class MarkAttributor(ClauseReader):
    """Finds the attribution of one quoted passage from the words around it: the layout (a cue
    before, after or around the passage, a colon, a dash, a clause's subject), its cue and speaker."""

    def after(self, text: str, mark_end: int, sent_end: int, tail: bool = False) -> Attribution | None:
        """'"Q," said X' / '"Q," X said' / '"Q," according to X' / '"Q" -- X' right after the closing mark
        (``tail``: only when the attribution runs to the end of the sentence)."""
        toks = tokens(text, mark_end, min(sent_end, mark_end + 240))
        k = 0
        while k < len(toks) and toks[k].text in (",", "\u201d", '"') + tuple(_DASH):
            k += 1
        dash = any(t.text in _DASH or t.text == "-" for t in toks[:k + 1])
        if k < len(toks) and toks[k].text == "-":
            k += 1
        while k < len(toks) and toks[k].low in self.adverbs:
            k += 1
        cue = _beside_closed_passage(self.cue_at(toks, k), text, mark_end)
        if cue is None and _punctuated(text, mark_end):
            cue = self._unlisted_inverted(toks, k)
        if cue:
            j, verb = cue
            if verb.frame == "prep":  # according to X
                m = self.mention_after(toks, j)
                return self.make_attribution("according_to", toks, (k, j), m, verb) if m else None
            m = self.mention_after(toks, j)
            if m and not (toks[m[0]].low in _PRONOUNS and toks[m[0]].low not in ("he", "she", "they")) \
                    and (not tail or self.closes(toks, m[1])):
                return self.make_attribution("inverted", toks, (k, j), m, verb)
            return None
        m = self.mention_after(toks, k)
        if m is None:
            return None
        if dash and (m[1] >= len(toks) or toks[m[1]].text in (",", ".", "(")):
            return self.make_attribution("dash", toks, None, m, None)
        j = m[1]
        if j < len(toks) and toks[j].text == ",":  # "X, a leading advocate, said"
            j = self._past_asides(toks, j)
            if j is None:
                return None
        modifier_end = self._modifier_end(toks, m[0], j)
        if modifier_end is not None:  # '"Q," the order released Friday said': the participle's words
            m, j = (m[0], modifier_end), modifier_end
        j = self.skip_adverbs(toks, j)
        cue = self.cue_at(toks, j) or self.unlisted_cue_at(toks, j, present=True, after_passage=True)
        cue = _beside_closed_passage(cue, text, mark_end)
        if cue and cue[1].frame != "prep" and (not tail or self.closes(toks, cue[0])) \
                and not _answers_next(text, mark_end, toks, j, cue[0]) \
                and not (cue[0] < len(toks) and toks[cue[0]].low == "that"):  # ('"Q," X said that P': its own)
            return self.make_attribution("after", toks, (j, cue[0]), m, cue[1])
        return None

    def _unlisted_inverted(self, toks: list[Tok], k: int):
        """(end index, verb) of a past-tense verb the lexicon lacks between a passage its own comma or
        stop closes and a speaker that ends the clause ('"This is fantastic!" beamed Donald Hartley of
        Madison'): the layout alone marks it as the cue ('"Guardians of the Galaxy," posted the clip to
        YouTube' names no speaker)."""
        if not self._unlisted_form(toks, k) or not toks[k].low.isalpha() or not toks[k].low.endswith("ed"):
            return None
        m = self.mention_after(toks, k + 1)
        if m is None or not (toks[m[0]].capitalised or toks[m[0]].low in self.determiners):
            return None
        if m[1] < len(toks) and toks[m[1]].text not in (".", ",", "!", "?", ";"):
            return None
        return k + 1, Verb(toks[k].low, "neutral", "unlisted")

    def _modifier_end(self, toks: list[Tok], head: int, p: int) -> int | None:
        """For a noun phrase led by a determiner at toks[head] and followed at toks[p] by a past participle
        ('the order released Friday', 'a memo obtained by CNN'), the end of the participle's words (by, a
        time, names: up to four) when a verb of saying follows them; else None."""
        if p - head < 2 or p >= len(toks) or toks[head].low not in self.determiners \
                or not self._participle_modifier(toks[p]):
            return None
        for k in range(p + 1, min(p + 6, len(toks))):
            if self.cue_at(toks, k) and self.used_as_verb(toks, k):
                return k
            if not self._modifier_word(toks[k]):
                return None
        return None

    def _past_asides(self, toks: list[Tok], comma: int) -> int | None:
        """After a name and the comma at toks[comma], the index right after the comma that closes its
        asides before a verb ('"Q," Harry Bond, 30, of Raleigh, N.C., who was among those polled, said'),
        within 40 tokens and the sentence; None when no verb follows such a comma."""
        for n in range(comma + 1, min(comma + 40, len(toks) - 1)):
            t = toks[n]
            if t.text == ";" or t.text in _DOUBLE_MARKS or t.text == "." and not initial_stop(toks, n):
                return None
            if t.text == ",":
                k = self.skip_adverbs(toks, n + 1)
                if self.cue_at(toks, k) or self.unlisted_cue_at(toks, k, present=True):
                    return n + 1
        return None

    @staticmethod
    def _opening_from(toks: list[Tok], k: int) -> bool:
        """toks[k] is a source named by a 'from' that opens the clause ('From the report:', 'More from
        Jones:', '... - More from Blumenthal and Cohen:'): the words after the colon are the source's."""
        if k < 1 or toks[k - 1].low != "from":
            return False
        k -= 1
        if k > 0 and toks[k - 1].low == "more":
            k -= 1
        return k == 0 or not toks[k - 1].word

    def before(self, text: str, mark_start: int, sent_start: int) -> Attribution | None:
        """'X said, "Q"' / 'X told reporters: "Q"' / 'X: "Q"' / 'According to X, "Q"' / 'X said that "Q" ...'."""
        toks = tokens(text, max(sent_start, mark_start - 300), mark_start)
        if not toks:
            return None
        last = toks[-1].text
        if last == ":" and len(toks) > 1:
            m = self.mention_before(toks, len(toks) - 1)
            if m and self._opening_from(toks, m[0]):
                return self.make_attribution("colon", toks, (len(toks) - 1, len(toks)), m, None)  # 'More from X:'
            if m and m[0] > 0 and (toks[m[0] - 1].low in _LINKS_OF_NAMES_TO_VERBS or self.carried(toks, m)):
                # 'gave the technique a whirl in an interview with CNN:' / 'delivered a message to Trump:' /
                # 'released the following statement:': the words are the verb's object or setting, or what the
                # clause's subject put out; the subject speaks
                subject = self.subject(toks)
                if subject:
                    return self.make_attribution("colon", toks, (len(toks) - 1, len(toks)), subject, None)
            elif m and m[0] == 0 or (m and toks[m[0] - 1].text in (".", "\u201d", '"')) \
                    or (m and toks[m[0]].capitalised and toks[m[1] - 1].capitalised):
                return self.make_attribution("colon", toks, (len(toks) - 1, len(toks)), m, None)  # ('... - Bump:')
        if last in (",", ":") and len(toks) >= 3:  # 'Clinton fired back, "..."': a verb the lexicon lacks
            end = len(toks) - 1
            k = end - 1 if toks[end - 1].low in ("back", "out", "up") else end
            cue = self.unlisted_cue_at(toks, k - 1) if k >= 2 else None
            m = self.mention_before(toks, k - 1) if cue else None
            if m and m[1] == k - 1 and not self.cue_at(toks, k - 1):
                return self.make_attribution("before", toks, (k - 1, end), m, cue[1])
        # the nearest cue within 12 words before the mark
        for i in range(len(toks) - 1, max(-1, len(toks) - 32), -1):
            t = toks[i]
            if t.text in ("\u201d", '"', ";") or (t.text == "." and i < len(toks) - 1):
                break
            cue = self.cue_at(toks, i)
            if not cue:
                continue
            j, verb = cue
            gap = toks[j:]
            if verb.frame == "quotation" and any(t.word for t in gap):
                continue  # 'read', 'states' introduce only the passage right after them
            if verb.frame != "prep" and i > 0 and (toks[i - 1].low.endswith(("'s", "\u2019s"))
                                                   or toks[i - 1].low in self.determiners):
                continue  # "denounced Trump's remarks as "...": a noun; an earlier cue may introduce the passage
            if (i > 1 and toks[i - 1].text == "," and toks[i - 2].text in _DOUBLE_MARKS
                    or i > 0 and toks[i - 1].text in ("\u201d", '"')) and self._inverted_speaker(toks, j):
                return None  # '"Q1," says the narrator, going on to detail "Q2"': the cue is Q1's, inverted
            if verb.frame == "prep":
                m = self.mention_after(toks, j)
                if m and m[1] < len(toks) and (toks[m[1]].text == "," or toks[m[1]].text == ":" and m[1] == len(toks) - 1):
                    lead = toks[m[1] + 1:]  # ('According to Phil Kerpen, it appears that the "done" was ...';
                    # 'According to the Post: "..."')
                    return self.make_attribution("lead_in" if lead else "according_to", toks, (i, j), m, verb, lead=lead)
                return None
            if i > 0 and toks[i - 1].low in ("to", "by") and gap and all(g.text in (",", ":") for g in gap) \
                    and toks[0].start <= sent_start:  # 'went on to say, "Q"', 'began by saying, "Q"'
                m = self.subject(toks)
                return self.make_attribution("before", toks, (i, j), m, verb) if m else None
            m, antecedent = self.mention_before(toks, i), None
            if noun_after_singular([t.low for t in toks[max(0, i - 4):i]], toks[i].low, self.irregular_verbs):
                continue  # 'delivered a snappy retort:': a noun ('a retort say' is no clause)
            if m is None and (relative := self.relative(toks, i)):  # 'Mike Lee, who declared, "..."': "who"
                m, antecedent = relative  # speaks for Mike Lee
            participle, coordinated, carried = self.participle(toks, i), self.coordinated(toks, i), self.carried(toks, m)
            if participle and toks[0].start <= sent_start:
                m = self.participle_subject(toks, i) or m
            elif (m is None or toks[m[0]].low in self.determiners and m[1] - m[0] == 1 or carried) and \
                    (participle or coordinated or carried):
                m = (coordinated and self.coordinated_subject(toks, i)) \
                    or (self.subject(toks) if toks[0].start <= sent_start else None)
            if m is None and toks[0].start <= sent_start and last in (",", ":") and all(
                    t.text == "," or t.low in ("and", "but", "so", "yet") or t.low in self.connectives for t in toks[:i]):
                m = self.mention_after(toks, j)  # 'Said Quint, "..."', 'But, said Quint, "..."': the cue opens it
                if m and m[1] < len(toks) - 1 and self._past_appositive(toks, m[1]) == len(toks):
                    return self.make_attribution("inverted", toks, (i, j), m, verb)  # 'Said Quint, who ..., "..."'
                if m and m[1] == len(toks) - 1:
                    return self.make_attribution("inverted", toks, (i, j), m, verb)
                return None
            if not m:
                return None
            if not gap or gap[-1].text in (",", ":"):
                if any(g.text in (".", "\u201d", '"') for g in gap):
                    return None
                return self.make_attribution("before", toks, (i, j), m, verb, antecedent=antecedent)
            opened = after_as_clause([t.low for t in toks], m[0], j) if gap[0].text == "," else None
            if opened is not None and opened < len(toks):  # 'As The Daily Caller reported, the creator "gave ..."'
                return self.make_attribution("lead_in", toks, (i, j), m, verb, lead=toks[opened:], antecedent=antecedent)
            if gap[0].text == ",":
                return None  # 'KCNA reported, to discuss "..."': the writer's own clause follows the cue
            return self.make_attribution("lead_in", toks, (i, j), m, verb, lead=gap, antecedent=antecedent)
        return None

    def _addressee(self, words: list[Tok], verb: Verb) -> bool:
        """The words between a cue of telling and its passage name only who was told ('reporters', 'the
        crowd', 'Fox News', 'him'; see :meth:`past_addressee`): one noun phrase (not 'them Clinton',
        'reporters Clinton': who was told, then the report's subject), no possessive."""
        if len(words) == 1 and words[0].low in _ADDRESSEES:  # ("him", "reporters")
            return True
        one_phrase = not any(not a.capitalised and a.low not in self.determiners and b.capitalised
                             for a, b in zip(words, words[1:]))
        owner = words[-1].low.endswith(("'s", "\u2019s"))  # 'told NBC's "Today"': the passage is named
        return one_phrase and not owner and self.past_addressee(words, 0, verb) == len(words)

    def _inverted_speaker(self, toks: list[Tok], j: int) -> bool:
        """A speaker named right after the cue ending at toks[j] and closed by a comma ('says the
        narrator, going on ...'), not the start of a clause ('said the days of a ... are gone')."""
        m = self.mention_after(toks, j)
        return m is not None and m[1] < len(toks) and toks[m[1]].text == ","

    def closing_cue(self, text: str, start: int, end: int) -> Attribution | None:
        """'Sam Lau, the party's spokesman, said in a statement.' before a passage that opens the next
        sentence: a sentence that ends with its cue (and a place or an addressee) introduces it."""
        toks = tokens(text, start, end)
        if len(toks) < 3 or toks[-1].text != "." or any(t.text in _DOUBLE_MARKS for t in toks):
            return None
        for i in range(len(toks) - 2, 0, -1):
            cue = self.cue_at(toks, i)
            if cue is None:
                continue
            j, verb = cue
            if verb.frame in ("prep", "none", "quotation") or toks[i].capitalised:
                return None
            rest = toks[self.past_addressee(toks, j, verb):-1]
            if rest and (not self._phrase(rest) or any(t.low in self.adverbs for t in rest)):
                return None  # 'X said the plan would fail.': the sentence holds its own claim
            m = self.mention_before(toks, i)
            return self.make_attribution("before", toks, (i, j), m, verb) if m else None
        return None

    def clause_subject(self, text: str, mark_start: int, sent_start: int) -> Attribution | None:
        """'He went on to call Cruz "the worst politician in Texas."' / 'Vargas and others prefer the term
        "undocumented immigrants."': a passage inside a clause whose verb no layout reads as a cue. The
        clause's subject is who may have said it; the model tells their words from the writer's scare
        quotes. The content runs from the verb's complement to the end of the clause."""
        toks = _clause_before(text, mark_start, sent_start)
        if not toks:
            return self._coordinated_after_passage(text, mark_start, sent_start)
        m, k = self._subject_and_verb(toks)
        if k is not None:
            k = self._last_coordinated_verb(toks, k)
        if k is None:  # 'followed by one in which he took credit for "Q"': the clause the passage is in
            inner = next((n for n in range(len(toks) - 2, -1, -1) if toks[n].low in _INNER_CLAUSE_OPENERS
                          and (toks[n + 1].low in _PRONOUNS or toks[n + 1].capitalised)), None)
            if inner is not None:
                subject, verb = self._subject_and_verb(toks[inner + 1:])
                if verb is not None:
                    m, k = (subject[0] + inner + 1, subject[1] + inner + 1), verb + inner + 1
        if k is None:
            return None
        a = self.make_attribution("subject", toks, (k, k + 1), m, Verb(toks[k].low, "neutral", "unlisted"))
        a.content = (toks[k + 1].start if k + 1 < len(toks) else mark_start, None)  # ('Clinton supports "..."')
        return a

    def _last_coordinated_verb(self, toks: list[Tok], k: int) -> int:
        """The last verb coordinated with toks[k] before the passage ('praised the plan and *criticized*
        the "identity politics"'): what it takes is the content."""
        for j in range(len(toks) - 1, k + 1, -1):
            if toks[j - 1].low == "and" and toks[j].word and "-" not in toks[j].text and self.verb_form(toks[j]) \
                    and toks[j - 2].word and toks[j - 2].low not in self.determiners | _PREPOSITIONS:
                return j
        return k

    def _coordinated_after_passage(self, text: str, mark_start: int, sent_start: int) -> Attribution | None:
        """'Quint gushed about a "common interest," and waxed poetic about "joint operations"': a verb
        coordinated with the sentence subject's after an earlier passage; the subject speaks."""
        toks = _sentence_before(text, mark_start, sent_start)
        marks = [n for n, t in enumerate(toks) if t.text in _DOUBLE_MARKS or t.text == ";"]
        if not marks or toks[marks[-1]].text == ";":
            return None
        rest = toks[marks[-1] + 1:]
        n = 1 if rest[:1] and rest[0].text == "," else 0
        if not (len(rest) > n + 1 and rest[n].low == "and" and self.verb_form(rest[n + 1])):
            return None
        m, k = self._subject_and_verb(toks[:marks[0]])
        cues = (self.cue_at(toks, i) for i in range(marks[0]))
        if k is None or any(cue and cue[1].frame in ("clause", "intent") for cue in cues):
            return None  # ('Huhn said Fiorina "was involved" and shared in "regret"': the report's own verb)
        verb = marks[-1] + 1 + n + 1
        a = self.make_attribution("subject", toks, (verb, verb + 1), m, Verb(toks[verb].low, "neutral", "unlisted"))
        a.content = (toks[verb + 1].start if verb + 1 < len(toks) else mark_start, None)
        return a

    def colon_clause(self, text: str, mark_start: int, sent_start: int) -> Attribution | None:
        """'Mark Mahaney, an analyst, agreed:' / 'Sanders delivered a snappy retort:' closing the sentence
        before a passage that opens its own: a clause whose verb no layout reads as a cue introduces the
        passage by its colon. The clause's subject may have said it; the model tells a speaker's words
        from a title's or a sign's. (Within one sentence, :meth:`clause_subject` reads the same clause.)"""
        toks = _clause_before(text, mark_start, sent_start, after_conjunction=True)
        if len(toks) < 3 or toks[-1].text != ":":
            return None
        m = self.subject(toks)
        if m is None or m[1] >= len(toks) - 1 or self._colon_clause_verb(toks, m) is None:
            return None  # no verb between the subject and the colon ('X: "Q"' is read before this)
        return self.make_attribution("colon_clause", toks, (len(toks) - 1, len(toks)), m, None)

    def _colon_clause_verb(self, toks: list[Tok], m: tuple[int, int]) -> int | None:
        """The verb of a clause a colon closes: the clause's verb, or else the first form of 'be', 'have'
        or a modal after its subject ('Fiorina was far less bubbly:', 'Respondents are obliged to
        disclose:'), or a verb form after a phrase modifying the subject ('A footnote in the report
        makes that clear:'). Before a colon a clause needs no verb of saying to introduce a passage."""
        k = self._clause_verb(toks, m)
        if k is not None:
            return k
        for j in range(m[1], len(toks) - 1):
            t = toks[j]
            if not t.word or t.capitalised and j > m[1]:
                return None
            if t.low in _BE_OR_HAVE or t.low in _AUXILIARY_VERBS:
                return j  # 'was far less bubbly:', 'are obliged to disclose:'
            if j > m[1] and self.verb_form(t) or j > m[1] + 1 and self._present_after_phrase(toks, j):
                return j  # 'makes that clear:' after 'A footnote in the report'
        return None

    def _present_after_phrase(self, toks: list[Tok], j: int) -> bool:
        """toks[j] ends in -s after a word that neither leads a noun phrase nor is a plural itself: a verb
        ('the report makes'), not a noun ('the reports', 'his remarks')."""
        return toks[j].low.endswith("s") and toks[j - 1].low not in self.determiners \
            and not toks[j - 1].low.endswith("s")

    def postposed(self, text: str, sent_start: int, mark_end: int, sent_end: int) -> Attribution | None:
        """'Clinton "drew quite well ..." in 2008, said Paul Beck.': the attribution closes the sentence."""
        toks = tokens(text, mark_end, sent_end)
        for c in range(len(toks) - 2, -1, -1):
            if toks[c].text != ",":
                continue
            if any(t.text in _DOUBLE_MARKS or t.text == "''" for t in toks[:c]):
                break  # '"Q1," came shouts, as the crowd booed. ("Q2," Quint said.)': the later passage's cue
            found = self.after(text, toks[c].start, sent_end, tail=True)
            if found and found.layout in ("inverted", "after", "according_to"):
                found.layout = "postposed"
                found.content = (sent_start, toks[c].start)
                return found
            break
        return None

def says_where(texts: list[str], mention: int, after: str, continuation) -> bool:
    """'"...," Mr. Lew said at the opening session': after a closed direct quote, words led by a
    preposition or a participle (``after``, the first word after the cue; ``continuation``: the
    words that start the writer's own addition) say where it was said, not what. ``texts``: the
    sentence's token texts; ``mention``: where the speaker's name starts (a title before it skipped)."""
    b = mention
    while b > 0 and (texts[b - 1][:1].isupper() or texts[b - 1] == "."):
        b -= 1  # over a title: "Mr. Lew"
    closed = b > 1 and texts[b - 1] in ('"', "\u201d", "''") and texts[b - 2] in (",", "?", "!")
    return closed and (after.casefold() in continuation or after.casefold().endswith("ing"))


_MODIFIER_ENDINGS = ("ed", "ous", "ful", "ive", "ic", "ist")


def noun_after_modifier(before: list[str], determiners) -> bool:
    """A word of saying after a determiner and a modifier is a noun: "an impassioned call for", "racist
    remarks" after "making", "a wake-up call" (``before``: the two lower-cased words before it)."""
    if len(before) < 2:
        return False
    det, modifier = before[-2], before[-1]
    if det not in determiners:
        return False
    if modifier in _RESPONDENTS:
        return False  # 'those surveyed said': the people asked, then their verb
    return "-" in modifier or (modifier.isalpha() and modifier.endswith(_MODIFIER_ENDINGS) and len(modifier) > 4)


_BE_OR_HAVE = clause_words()["be_or_have"]
_ANSWERING = clause_words()["answering"]


def noun_before_be(word: str, nxt: str) -> bool:
    """A word of saying before a finite "be" or "have" is that clause's subject noun ("the AP report is
    misleading", "his remarks were"), unless it is a past form ("what he said was"). (Not before a
    modal: 'a visit Washington and its allies fear could strengthen ...' elides the clause's subject.)"""
    return nxt in _BE_OR_HAVE and not word.endswith("ed") and word not in _IRREGULAR_PAST


def noun_before_verb(word: str, nxt: str, follower) -> bool:
    """Two words of saying in a row: the first is the subject's noun when the second is the verb ("news
    reports stated", "reports say"), not when the first is ("denied reports", "denies reports")."""
    if follower is None or follower.frame in ("none", "prep") or nxt.endswith("ing") or word.endswith("ed"):
        return False
    return nxt.endswith("ed") or (word.endswith("s") and not nxt.endswith("s"))


# ------------------------------------------------------------ candidates
class MarkCandidates:
    """Every passage between quotation marks in a document, with its attribution and features."""

    def __init__(self, attributor: MarkAttributor):
        self.attributor = attributor

    def find(self, doc, spans) -> list[Candidate]:
        from bisect import bisect_right

        text, sentences = doc.text, doc.sentences
        starts = [s.start for s in sentences]
        out: list[Candidate] = []
        last: Candidate | None = None
        names = names_in(text)
        for span in spans:
            k = bisect_right(starts, span.start) - 1
            if k < 0:
                continue
            first = sentences[k]
            e = min(len(sentences) - 1, max(k, bisect_right(starts, span.end - 1) - 1))
            final = sentences[e]
            attribution = None
            at_start = _only_space(text, first.start, span.start)
            if not at_start:
                attribution = self.attributor.before(text, span.start, first.start)
                if attribution and attribution.layout == "lead_in" and _punctuated(text, span.end):
                    # '... Moscow denies -- "why wouldn't you?" asked Dunn': a passage its own mark closes
                    # is no lead-in's continuation when a cue follows it
                    attribution = self.attributor.after(text, span.end, final.end) or attribution
            elif k > 0 and text[sentences[k - 1].start:sentences[k - 1].end].rstrip().endswith(":"):
                # 'he declared:' closing the paragraph before a quoted one
                attribution = self.attributor.before(text, span.start, sentences[k - 1].start)
            if attribution is None:
                tail_end = final.end
                if _only_space_or_punct(text, span.end, final.end) and e + 1 < len(sentences) \
                        and sentences[e + 1].paragraph == final.paragraph:
                    tail_end = sentences[e + 1].end  # '"... Trump!" Sessions said.' split after the mark
                attribution = self.attributor.after(text, span.end, max(tail_end, span.end),
                                                    tail=tail_end != final.end and text[span.end - 2] == ".")
            if attribution is None and e + 1 < len(sentences) and _only_space_or_punct(text, span.end, final.end) \
                    and text[sentences[e + 1].start] in "-\u2013\u2014\u2015":  # '"..."\n\n- Hillary Clinton.'
                byline = self.attributor.after(text, sentences[e + 1].start, sentences[e + 1].end, tail=True)
                attribution = byline if byline is not None and byline.layout == "dash" else None
            if attribution is not None and attribution.layout in ("after", "inverted") and not at_start \
                    and attribution.content is None and _clause_opens_before(text, first.start, span.start):
                attribution.content = (first.start, span.end)  # a mixed quote: the writer's words open its clause
            if attribution is None and span.end < final.end:
                attribution = self.attributor.postposed(text, first.start, span.end, final.end)
            if attribution is None and at_start and k > 0 and sentences[k - 1].paragraph >= first.paragraph - 1:
                attribution = self.attributor.closing_cue(text, sentences[k - 1].start, sentences[k - 1].end)
            if attribution is None and text[:span.start].rstrip().endswith(":") and (k > 0 or not at_start):
                attribution = self.attributor.colon_clause(
                    text, span.start, sentences[k - 1].start if at_start else first.start)
            if attribution is not None and attribution.layout == "colon" \
                    and self._misread_subject(text, attribution, names):
                attribution = None  # 'Giant screens glittered with a slogan: "Q"': no one is named
            if attribution is None and not at_start:
                attribution = self._speaking_subject(text, span, first.start, names)
            if attribution and attribution.layout == "before" and attribution.cue \
                    and _clause_runs_on(text, attribution.cue[1], span.start, span.end, final.end) \
                    and closed_passage_end(text, span.start, final.end) is None:
                # 'Bush said "local forces" must lead the way', 'Tyler said, "We have three weeks to go" until
                # the caucuses': the clause goes on
                attribution.layout = "lead_in"
                attribution.content = (span.start, None)
            named = attribution is not None and attribution.layout == "lead_in" \
                and (self._names_after_cue(text, last, attribution, span.start)
                     or self._title_in_setting(text, attribution, span))
            if named:
                attribution = None
            if attribution and attribution.content is not None and attribution.content[1] is None:
                end = _content_end(text, span.end, final.end, self.attributor.verbs, self.attributor.not_participles)
                if attribution.layout == "subject":
                    end = coordinated_verb_at(text, span.end, end) or end
                if attribution.layout in ("subject", "lead_in"):
                    end = _subordinate_clause_end(text, first.start, attribution, span.start, end)
                attribution.content = (attribution.content[0], end)
            if attribution is None and not named and last is not None and last.attribution is not None \
                    and (at_start or last.sentence == k and not _beyond_clause(last.attribution, span)
                         and not self._aside_between(text, last, span)) \
                    and first.paragraph - sentences[last.sentence].paragraph <= 1 and _gap_is_quotes(doc, last, span):
                prev = last.attribution
                attribution = self._introduced(text, sentences, k, last) or \
                    Attribution("continuation", prev.cue, prev.lemma, prev.mention, connotation=prev.connotation)
            cand = Candidate(span.start, span.end, k, attribution, last_sentence=e)
            cand.features = self.features(text, cand, first, final, at_start)
            out.append(cand)
            last = cand
        return out

    def _speaking_subject(self, text: str, span, sent_start: int, names: frozenset[str]) -> Attribution | None:
        """The clause-subject reading of a passage (:meth:`MarkAttributor.clause_subject`), kept when its
        subject can speak and the passage is no title ('He signed on for "The Lost Files"')."""
        a = self.attributor.clause_subject(text, span.start, sent_start)
        if a is None or not self._speaker_like(text, a.mention, names) or _passage_is_title(text, span):
            return None
        return a

    def _misread_subject(self, text: str, a: Attribution, names: frozenset[str]) -> bool:
        """A colon's speaker read from its clause's subject ('Giant screens glittered with a slogan:') that
        is one capitalised word opening the sentence and no name, title or source: the first word of an
        ordinary noun phrase ('Giant', 'One', 'Ever'), which names no one."""
        words = text[a.mention[0]:a.mention[1]].split()
        return a.cue is not None and bool(text[a.mention[1]:a.cue[0]].strip()) and len(words) == 1 \
            and not self._speaker_like(text, a.mention, names)

    def _speaker_like(self, text: str, mention: tuple[int, int], names: frozenset[str]) -> bool:
        """A clause's subject that can be a speaker even though its verb is no verb of saying: a person's
        pronoun, a name (one of ``names``, a title, a first name) or a description whose noun names a
        source ('the committee', 'critics'); not 'Giant screens', 'The results' or 'It'."""
        words = [w.strip(".,()") for w in text[mention[0]:mention[1]].split()]
        if not words:
            return False
        if len(words) == 1 and words[0].casefold() in _PRONOUNS - {"it"}:
            return True
        head = words[-1].casefold().replace("\u2019", "'").removesuffix("'s")
        return _source_nouns().get(head, ("document",))[0] != "document" or any(
            w in names or is_title(w) or w in _given_names() for w in words)

    @staticmethod
    def _names_after_cue(text: str, last: Candidate | None, lead_in: Attribution, start: int) -> bool:
        """A passage right after a cue whose words came before it ('"Q," she told "Fox and Friends" on
        Sunday'): a name or a title the cue takes as its object, not more of the speaker's words."""
        a = last.attribution if last is not None else None
        return a is not None and a.layout in ("after", "inverted") and a.cue == lead_in.cue \
            and _only_space(text, a.cue[1], start)

    @staticmethod
    def _title_in_setting(text: str, lead_in: Attribution, span) -> bool:
        """A title in the setting a cue's words lead into ('said on ABC's "This Week."', 'said in an
        interview aired on "New Day"') or naming who was told ('told the program "Inside Edition"'):
        a programme or a paper, not the speaker's words."""
        lead = text[lead_in.cue[1]:span.start].split()
        told = lead_in.content is not None and _only_space(text, lead_in.content[0], span.start)
        return bool(lead) and (lead[0].casefold() in _PREPOSITIONS or told) and _passage_is_title(text, span)

    def _aside_between(self, text, last: Candidate, span) -> bool:
        """The writer's own clause comes between the last passage's attribution and this passage of the
        same sentence ('"Q1," she said, meaning that he is "Q2"', '..., referring to ...'): the passage
        is the writer's, not more of the speaker's words ('"Q1," she said, "Q2"')."""
        a = last.attribution
        after = max(last.end, a.mention[1] if a.mention else 0, a.cue[1] if a.cue else 0)
        if text[:span.start].rstrip()[-1:] in (",", ":"):
            return False  # '"Q1," said Sherman, speaking of politicians, "and Q2"': the aside is closed
        return writer_aside_in(text, after, span.start, self.attributor.not_participles)

    def _introduced(self, text, sentences, k, last: Candidate) -> Attribution | None:
        """'Clinton touted her credentials as a co-sponsor of the bill. "We need ..."': a sentence of
        narration between the last speaker's words and a passage that opens a sentence introduces the
        passage; its subject (a name or a pronoun) speaks, not the last speaker."""
        if k == 0:
            return None
        lead = sentences[k - 1]
        body = text[lead.start:lead.end].rstrip()
        if lead.start < last.end or not body.endswith(".") or any(mark in body for mark in _DOUBLE_MARKS):
            return None
        toks = tokens(text, lead.start, lead.end)
        m = self.attributor.subject(toks)
        if m is None or m[1] >= len(toks) or not (toks[m[0]].capitalised or toks[m[0]].low in _PRONOUNS) \
                or toks[m[0]].low in self.attributor.determiners:
            return None
        verb = min(self.attributor.skip_adverbs(toks, m[1]), len(toks) - 1)
        if not toks[verb].word or toks[verb].capitalised:
            return None
        return Attribution("introduced", (toks[verb].start, toks[verb].end), toks[verb].low,
                           (toks[m[0]].start, toks[m[1] - 1].end), listed=False)

    def features(self, text: str, cand: Candidate, first, final, at_start: bool) -> dict[str, float]:
        inner = text[cand.start + 1:cand.end - 1]
        words = inner.split()
        n = len(words)
        f = {"bias": 1.0, f"words={size_bucket(n)}": 1.0}
        a = cand.attribution
        f[f"layout={a.layout if a else 'none'}"] = 1.0
        if a and a.mention:
            mention = text[a.mention[0]:a.mention[1]]
            kind = "pronoun" if mention.casefold() in _PRONOUNS else "name" if mention[:1].isupper() else "description"
            f[f"mention={kind}"] = 1.0
        if a and a.lemma:
            f[f"cue={a.lemma}" if a.listed else "cue=<unlisted>"] = 1.0
        if a and a.cue and a.layout == "subject":
            f[f"verb={text[a.cue[0]:a.cue[1]].casefold()}"] = 1.0
            gap = text[a.cue[1]:cand.start].split()
            f[f"gap={size_bucket(len(gap))}"] = 1.0
            if gap and gap[0].casefold() in _COMPLEMENT_WORDS:
                f[f"complement={gap[0].casefold()}"] = 1.0
        if a and a.cue and a.layout == "lead_in":
            f[f"lead_words={size_bucket(len(text[a.cue[1]:cand.start].split()))}"] = 1.0
        stripped = inner.rstrip()
        if stripped[-1:] in ",.?!":
            f["ends_with_punct"] = 1.0
        if inner[:1].isupper():
            f["starts_capital"] = 1.0
        if at_start:
            f["starts_sentence"] = 1.0
        if _only_space_or_punct(text, cand.end, final.end):
            f["ends_sentence"] = 1.0
        if _title_case(words):
            f["title_case"] = 1.0
        if text[cand.end - 1:cand.end] not in '"\u201d':
            f["unclosed"] = 1.0
        if "\n" in inner:
            f["paragraphs"] = 1.0
        before = tokens(text, max(first.start, cand.start - 40), cand.start)
        if before and before[-1].word:
            f[f"prev={word_class(before[-1].text)}"] = 1.0
        elif not before:
            f["prev=<start>"] = 1.0
        elif before[-1].text in (",", ":"):
            f[f"prev={before[-1].text}"] = 1.0  # 'leaned in and boomed: "..."': punctuation leads into words
        if a and a.layout == "subject":  # its own weights: a clause's subject is a weaker cue than a verb of saying
            f = {f"subject:{k}": v for k, v in f.items()}
        return f


def _title_case(words: list[str]) -> bool:
    """Two to six words, all or all but one capitalised: a title or a name ('The Lost Files', 'Gang of Eight';
    marks and the filler that reading leaves after a doubled apostrophe do not count)."""
    words = [w for w in (w.strip("'\u2018\u2019\u200b") for w in words) if w]
    n = len(words)
    return 0 < n <= 6 and sum(w[:1].isupper() for w in words) >= max(2, n - 1)


def past_title(texts: list[str], n: int) -> int:
    """Index after a title in quotation marks opening at texts[n] ('the radio program "Morning Call
    Weekly"': the name of who was told), else n. ``texts``: token texts, case kept."""
    if n >= len(texts) or texts[n] not in ('"', "\u201c"):
        return n
    close = next((c for c in range(n + 1, min(n + 9, len(texts))) if texts[c] in ('"', "\u201d")), None)
    return close + 1 if close is not None and _title_case(texts[n + 1:close]) else n


def _passage_is_title(text: str, span) -> bool:
    """The words between a passage's marks are a title or a name (see :func:`_title_case`)."""
    return _title_case(text[span.start + 1:span.end - 1].split())


# the words that open a clause inside a sentence, before its subject ('a tweet in which he ...')
_INNER_CLAUSE_OPENERS = SUBORDINATORS | clause_words()["relative_word"] | {"that"}
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,;] )([A-Z][\w'\u2019-]*)")


def names_in(text: str) -> frozenset[str]:
    """The words of a text that are names: capitalised words it also writes in the middle of a sentence
    (after a lower-case word or a comma), unlike a common word that opens one ('Giant screens ...'),
    and the words of the full names in it (a first name and a surname)."""
    capitalised = {m.group(1).removesuffix("'s").removesuffix("\u2019s")
                   for m in _MID_SENTENCE_CAPITAL.finditer(text)}
    return frozenset(capitalised | {w for _, name in full_names(text, 0, len(text)) for w in name.split()})


def word_class(word: str) -> str:
    """A word as a feature value: grammar and common words as they are, lower-cased; a capitalised
    word (a name, mostly) or a number by its class, so that no name of the training corpus is
    learned and the decisions carry over to articles about other people."""
    if word[:1].isupper():
        return "<capitalised>"
    if word[:1].isdigit():
        return "<number>"
    return word.casefold()


def size_bucket(n: int) -> str:
    """A count as a feature value: 1, 2, 3-4, 5-8, 9-15, 16-30, 31+."""
    for limit, name in ((1, "1"), (2, "2"), (4, "3-4"), (8, "5-8"), (15, "9-15"), (30, "16-30")):
        if n <= limit:
            return name
    return "31+"


_COORDINATED_VERB = re.compile(
    r"\s(?:and|but)\s+(?:(?:then|also|later|again|\w+ly)\s+)?(?P<aux>(?:has|have|had)\s+)?(?P<verb>[a-z]+)\b")


_FINITE = re.compile(rf"\b(?:{'|'.join(sorted(_BE_OR_HAVE | _AUXILIARY_VERBS))}|won['\u2019]t|\w{{3,}}ed|\w+n['\u2019]t)\b"
                     r"|\w['\u2019](?:s|re|ll|d|ve)\b", re.I)  # a finite form: be/have, a modal, a past, a contraction


def with_that(verb, next_word: str):
    """A verb of the quotation frame ('states', 'reads') followed by "that" is a verb of saying like any
    other ('Byrne states that ...'); elsewhere it stays in its frame."""
    if verb is not None and verb.frame == "quotation" and next_word == "that":
        return replace(verb, frame="clause")
    return verb


def opens_subordinate(toks: list[Tok], k: int, subordinators) -> bool:
    """The noun phrase starting at toks[k] follows a subordinator within a few words ('while most of
    his competitors'): the subject of a subordinate clause."""
    for n in range(k - 1, max(-1, k - 7), -1):
        if toks[n].low in subordinators:
            return True
        if not toks[n].word:
            return False
    return False


def aside_before_that(words: list[str], k: int) -> int:
    """Index of the 'that' after an aside set off by commas right after a cue at words[k] ('said, for
    example, that P', 'wrote, in a memo, that P'); k when there is none. (``words``: lower-cased tokens.)"""
    if k >= len(words) or words[k] != ",":
        return k
    close = next((n for n in range(k + 1, min(k + 8, len(words))) if words[n] in (",", ".", ";", ":")), None)
    return close + 1 if close is not None and words[close] == "," and close + 1 < len(words) \
        and words[close + 1] == "that" else k


def after_as_clause(words: list[str], mention: int, k: int) -> int | None:
    """For a report in an 'as' clause that opens the sentence ('As the paper noted in an op-ed Thursday,
    P' / 'But as X said, P'), the index of the main clause after the comma that closes it: the
    reported proposition. None for other reports, or when no comma closes the clause within 12 words
    or a 'that' opens a clause of its own there. (``words``: the sentence's lower-cased tokens.)"""
    opens = mention == 1 or mention > 1 and words[mention - 2] in (",", "but", "and", "yet")
    if mention < 1 or words[mention - 1] != "as" or not opens:
        return None
    for n in range(k, min(k + 12, len(words))):
        if words[n] == "that" or words[n] in ".;:!?":
            return None
        if words[n] == ",":
            return n + 1 if n + 1 < len(words) else None
    return None


def as_clause_subject(words: list[str], mention: int, verb) -> bool:
    """The speaker at words[mention] opens an 'as' clause after a comma ('P, as the Mirror reported',
    '"P," as X said'), with a verb that reports a proposition (not 'called for', 'vowed to') and no
    'it' ('as it's written'): the clause before the comma may be what is reported. (``words``:
    lower-cased tokens.)"""
    return comma_before_as(words, mention) is not None \
        and verb.frame not in ("np", "intent") and words[mention] not in ("it", "it's", "it\u2019s")


def comma_before_as(words: list[str], mention: int) -> int | None:
    """Index of the comma before the 'as' that precedes the speaker at words[mention] ('P, as X
    said', '"P," as X said': the comma inside the marks), or None. (``words``: lower-cased tokens.)"""
    comma = mention - 3 if mention > 2 and words[mention - 2] in QUOTE_CHARS else mention - 2
    return comma if comma > 0 and words[mention - 1] == "as" and words[comma] == "," else None


def noun_after_singular(before: list[str], word: str, irregular_verbs) -> bool:
    """A reporting word in its bare form after a determiner and one or two singular words is a noun, as
    a singular subject cannot take it as a verb: 'a snappy retort', 'her firmest promise', 'the most
    telling promise', 'no overt mention' (``before``: up to four lower-cased words before it; not 'the
    two write', 'the police say')."""
    if not bare_form(word, irregular_verbs):
        return False
    for n in (2, 3):
        if len(before) >= n and before[-n] in _SINGULAR_DETERMINERS:
            if len(before) > n and before[-n - 1] in _PREPOSITIONS:
                return False  # 'sources close to her campaign say': the phrase ends a longer subject
            return all(w == "most" or w.isalpha() and not w.endswith("s") and w not in _PLURAL_NOUNS
                       and w not in _QUANTIFIERS and w not in _PRONOUNS and w not in _AUXILIARY_VERBS
                       and w not in _RESPONDENTS for w in before[-n + 1:])
    return False


def bare_form(word: str, irregular_verbs) -> bool:
    """A reporting word in its bare form ('retort', 'reply'): after 'a' or 'an' and one word, a noun
    ('delivered a snappy retort:'), as a singular subject cannot take it as a verb."""
    return not word.endswith(("ed", "s", "ing")) and word not in _IRREGULAR_PAST and word not in irregular_verbs


def quantifier_at(words: list[str], k: int) -> bool:
    """'at least' / 'at most' open a number, not a place ('CNN reported at least six planes ...')."""
    return k + 1 < len(words) and words[k] == "at" and words[k + 1] in ("least", "most")


_AUXILIARY = re.compile(rf"\b(?:{'|'.join(sorted((_BE_OR_HAVE | _AUXILIARY_VERBS) - {'do', 'does', 'did', 'shall'}))})\b",
                        re.I)


def clausal(text: str, start: int, end: int) -> bool:
    """Text[start:end] holds a finite verb form (an auxiliary, a modal, a past form): it can be a
    proposition ('claimed the deal was dead'), not only a thing ('claiming 41 percent of the vote')."""
    return _FINITE.search(text, start, end) is not None


def next_report(text: str, start: int, end: int, verbs: dict) -> int | None:
    """Where a second report by the same speaker begins inside [start, end): 'Paul suggested that
    Rubio was liberal *and argued that* ...', '... *and then tweeted that* ...', 'calling them rapists
    *and vowing* ...' (a finite or -ing reporting verb coordinated with the first one), or None."""
    participle = _PARTICIPLE_CUE.search(text, max(0, start - 30), start) is not None
    for m in _COORDINATED_VERB.finditer(text, start, end):
        word = m.group("verb")
        finite = m.group("aux") or word.endswith(("ed", "s")) or word in _IRREGULAR_PAST
        if (word,) in verbs and (finite or word.endswith("ing")):
            return m.start()
        if participle and _second_participle(text, start, m):
            return m.start()
    return None


_PARTICIPLE_CUE = re.compile(r"\b[a-z]{3,}ing(?:\s+(?:for|on|out))?\s+(?:that\s+)?$")
_ING = re.compile(r"\b[a-z]{2,}ing\b")


def _second_participle(text: str, start: int, m: re.Match) -> bool:
    """After a participle cue, a participle coordinated with it ('calling them "rapists" *and
    threatening* to ...', 'recalling summer visits *and detailing* ...'): the writer's next verb of
    the same subject, unless the report holds a participle of its own that it pairs with ('saying he
    was refining practices and streamlining staff')."""
    word = m.group("verb")
    return word.endswith("ing") and len(word) > 4 and not m.group("aux") and not _ING.search(text, start, m.start())


def _answers_next(text: str, mark_end: int, toks: list[Tok], verb: int, end: int) -> bool:
    """After a question in quotation marks, a verb of answering (toks[verb]) whose attribution, ending
    before toks[end], opens the next passage ('"Did you approve it?" She answered, "Never."'): it
    introduces the answer, not the question."""
    return toks[verb].low in _ANSWERING and end + 1 < len(toks) and toks[end].text in (",", ":") \
        and toks[end + 1].text in OPEN_MARKS + "\"" \
        and text[max(0, mark_end - 4):mark_end].rstrip("\"\u201d'\u2019 ")[-1:] == "?"


def _only_space(text: str, a: int, b: int) -> bool:
    return not text[a:b].strip()


def _sentence_before(text: str, mark_start: int, sent_start: int) -> list[Tok]:
    """The tokens from the sentence's start to a passage, or [] when the sentence starts more than 300
    characters back."""
    toks = tokens(text, max(sent_start, mark_start - 300), mark_start)
    return toks if toks and toks[0].start <= sent_start else []


def _clause_before(text: str, mark_start: int, sent_start: int, after_conjunction: bool = False) -> list[Tok]:
    """The tokens of the clause from the sentence's start to a passage (:func:`_sentence_before`), or []
    when a passage (not a title: :func:`_in_title`) or a semicolon comes between; with
    ``after_conjunction``, a clause a conjunction opens after them is read ('... are "non-entities," but
    he gave the Texan a compliment:')."""
    toks = _sentence_before(text, mark_start, sent_start)
    if not toks:
        return []
    last = max((n for n, t in enumerate(toks) if t.text in _DOUBLE_MARKS and not _in_title(toks, n) or t.text == ";"),
               default=None)
    if last is None:
        return toks
    rest = toks[last + 1:]
    if rest[:1] and rest[0].text == ",":
        rest = rest[1:]
    return rest if after_conjunction and rest[:1] and rest[0].low in _CLAUSE_CONJUNCTIONS else []


def _in_title(toks: list[Tok], n: int) -> bool:
    """toks[n] is a quotation mark around a title or a name within the clause ('Washington, star of
    "Scandal," thanked ...'): words of the clause, no passage of its own."""
    marks = [k for k, t in enumerate(toks) if t.text in _DOUBLE_MARKS]
    at = marks.index(n)
    a, b = (marks[at], marks[at + 1]) if at % 2 == 0 and at + 1 < len(marks) else \
        (marks[at - 1], marks[at]) if at % 2 == 1 else (None, None)
    words = [t.text for t in toks[a + 1:b] if t.word] if a is not None else []
    return len(words) == 1 and words[0][:1].isupper() or _title_case(words)


def _clause_runs_on(text: str, cue_end: int, start: int, end: int, sent_end: int) -> bool:
    """The clause a cue leads into goes on after the passage from ``start`` to ``end``: right after the
    cue, words follow it; after the cue's comma or colon, lower-case words follow a passage that no
    stop or comma of its own closes ('said, "We have three weeks to go" until the caucuses')."""
    if _only_space(text, cue_end, start):
        return _words_follow(text, end, sent_end)
    rest = text[end:sent_end].lstrip()
    return text[cue_end:start].strip() in (",", ":") and not _punctuated(text, end) and rest[:1].islower()


def _words_follow(text: str, a: int, b: int) -> bool:
    """The sentence goes on with a word after position a (not a stop, a comma or an attribution's dash)."""
    rest = text[a:b].lstrip()
    return bool(rest) and rest[0].isalpha()


def _only_space_or_punct(text: str, a: int, b: int) -> bool:
    return not text[a:b].strip(" \t\r\n.,;:!?)\u201d\"'")


_RESUMPTIVE = "|".join(sorted(clause_words()["resumptive"]))
_WRITER_SUBJECTS = "|".join(sorted(clause_words()["writer_subject"]))
_WRITER_ASIDE = re.compile(rf"(?:,|\s(?:--?|[\u2014\u2013]))([\"\u201d]?)\s*(?:(?:\w+ly\s+)?(\w+ing)\b|(?:an?\s+(?:[a-z]+\s+)?)?(?:{_RESUMPTIVE})\b"
                           rf"|(?=(?:and|but)\s+(?:{_WRITER_SUBJECTS})\b))"
                           r"|;|,?\s(?=compared (?:with|to)\b)")  # (', a subtle dig at ...': a resumptive appositive)


_NEXT_CLAUSE = re.compile(r"\s+(?:and|but)\s")
_PHRASE_END = re.compile(r"[,;(]|\s(?:--?|[\u2014\u2013])\s|[\u201c\u201d\"]")


def phrase_end(text: str, start: int, end: int) -> int:
    """End of the noun phrase a verb like 'describe', 'dismiss' or 'call for' reports ('dismissed the
    baseless accusations, saying ...', 'called the senator "the next George Washington" - the
    Founding Father ...'): the first comma, semicolon, dash or bracket outside quotation marks, or the
    close of a passage that 'and' or 'but' follows ('called the merger "a terrible deal" and ranked
    ...'; not 'called the "Charleston loophole" a danger', nor 'called it "the pearl" on the Silk Road')."""
    inside = False
    for m in _PHRASE_END.finditer(text, start, end):
        if m.group() in ('"', "\u201c", "\u201d"):
            inside = m.group() == "\u201c" or (m.group() == '"' and not inside)
            if not inside and _NEXT_CLAUSE.match(text, m.end(), end):
                return m.end()
            continue
        if not inside and not (m.group() == "," and _series_comma(text, m.start(), end)):
            return m.start()
    return end


_SERIES_ITEM = re.compile(r"\s*(?:(?:and|or)\s+)?([^\W\d_][\w'\u2019-]*)[^,;]{0,60}?(?P<last>\s(?:and|or)\s)?")


def _series_comma(text: str, comma: int, end: int) -> bool:
    """The comma at ``comma`` separates items of a list that goes on to 'and'/'or' ('families playing
    in Central Park, restaurants packed with patrons, and a city of ...'), not a phrase from the
    writer's next clause (', saying ...', ', which ...')."""
    for segment in text[comma + 1:end].split(",")[:5]:
        m = _SERIES_ITEM.match(segment)
        last = m is not None and (segment.lstrip().startswith(("and ", "or ")) or m.group("last"))
        if not m or (clausal(segment, 0, len(segment)) if last else _AUXILIARY.search(segment)) \
                or m.group(1).casefold().endswith("ing") or m.group(1).casefold() in ("which", "who", "but", "while",
                                                                                       "as", "after", "before"):
            return False
        if last:  # ('and the league objected': a clause, not an item)
            return True
    return False


def writer_aside(text: str, start: int, end: int, not_participles) -> int | None:
    """Where the writer's own clause begins inside [start, end): ', adding ...', ' — noting ...', ',
    likely referring ...', '...," citing ...' (after the passage's closing mark), ', a subtle dig at
    ...', ', compared with ...' or a semicolon;
    not ', including ...' (``not_participles``: -ing words that go on with the claim). None when there
    is none."""
    for cut in _WRITER_ASIDE.finditer(text, start, end):
        if not cut.group(1) and (len(text[start:cut.start()].split()) < 3 or text[start:cut.start()].endswith(" that")):
            continue  # 'says Millennials, numbering 75.3 million, surpassed ...': the subject's modifier;
            # 'it is fitting that, having overcome so much, she ...': the clause is still to come
        if not cut.group(2) or cut.group(2).casefold() not in not_participles:
            return cut.end(1) if cut.group(1) else cut.start()
    return None


_CLOSED_PASSAGE = re.compile(r"\s*(?:\u201c[^\u201c\u201d]*?[,.!?]\u201d|\"[^\"]*?[,.!?]\"|''(?:(?!'').)*?[,.!?]'')"
                             r"(?=\u200b?\s+[a-z])")  # \u200b: the filler that reading leaves after a doubled apostrophe


def in_passage(spans, pos: int) -> bool:
    """Does offset ``pos`` lie in a passage between quotation marks (``spans``: a MarkSpans)?"""
    return any(s.start <= pos < s.end for s in spans.near(pos, pos))


def extend_over_passages(spans, start, end) -> tuple[int, int]:
    """Widen a content span to whole quoted passages it cuts into (``spans``: a MarkSpans). A span that
    starts inside a passage of several sentences (it starts where a sentence does) takes the passage
    from its opening: inside the marks when the passage runs to its end, from the mark when the span
    goes on after it ('"Q1. Q2" but to take the lead, says Quint': a mixed quote, whole)."""
    for s in spans.near(start, end):
        if s.start < start < s.end - 1:  # starts inside a passage
            start = s.start + 1 if s.end >= end else s.start
        if s.start < end < s.end and s.start >= start:  # ends inside a passage that began in it
            end = s.end
    return start, end


def writer_aside_in(text: str, start: int, end: int, not_participles) -> bool:
    """text[start:end] holds a clause of the writer's own (', referring to ...', ', meaning that ...', a
    semicolon), whatever precedes it."""
    return any(not m.group(2) or m.group(2).casefold() not in not_participles
               for m in _WRITER_ASIDE.finditer(text, start, end))


_PASSAGE_THEN_WRITER = re.compile(r"(?:,[\"\u201d]|[\"\u201d],|,'')\u200b?(?=\s+(?:"
                                  + "|".join(sorted(clause_words()["writer_after_passage"])) + r")\b)")


def passage_closes_report(text: str, start: int, end: int) -> int | None:
    """Where a report inside [start, end) ends with a passage its own comma closes, before the writer's
    words go on: 'says he is "losing the war," part of a lashing ...', 'deemed him "well qualified," which
    is ...', '"about right," though voters ...'. The offset after the passage's closing mark, or None."""
    m = _PASSAGE_THEN_WRITER.search(text, start, end)
    return m.end() if m else None


def closed_passage_end(text: str, start: int, end: int) -> int | None:
    """'Sanders said, "We'll see," when asked whether ...': content that opens with a passage its own
    comma or stop closes is that passage; the words after it are the writer's. The passage's end, or
    None when the content does not open so."""
    m = _CLOSED_PASSAGE.match(text, start, end)
    return m.end() if m else None


_NEXT_VERB = re.compile(r"(?:,[\"\u201d']?|\s(?:and|but))\s+(?:(?:then|also|later|\w+ly)\s+)?(?P<verb>[a-z]{3,}ed|"
                        + "|".join(sorted(_IRREGULAR_PAST)) + r")\s")


def coordinated_verb_at(text: str, start: int, end: int) -> int | None:
    """Where the subject's next verb begins in [start, end): 'called her "third-rate" *and boycotted* a
    debate', 'summed her up as "terrible," *denounced* her record': what the clause's verb took ends
    there. None when no past verb is coordinated with it."""
    m = _NEXT_VERB.search(text, max(0, start - 2), end)  # (from the passage's ',"' on)
    return max(m.start(), start) if m else None


def _content_end(text: str, after_mark: int, sent_end: int, verbs: dict, not_participles=frozenset()) -> int:
    """Where a mixed quote led in by a clause ends: the end of its sentence, before the final stop,
    or before ', adding ...', a semicolon or '... and argued that'."""
    end = max(after_mark, sent_end)
    end = passage_closes_report(text, after_mark - 2, end) or end
    end = writer_aside(text, after_mark - 2, end, not_participles) or end  # (from the passage's ',"' on)
    end = next_report(text, after_mark, end, verbs) or end
    while end > after_mark and text[end - 1] in " \t\r\n.":
        end -= 1
    return end


def _punctuated(text: str, mark_end: int) -> bool:
    """A comma or a stop closes the passage ending at ``mark_end``, inside or right after its mark: it
    is a quotation, not a title or a name ('"...," the statement read' against 'the "Super Tuesday" states')."""
    return text[mark_end - 2:mark_end - 1] in (",", ".", "!", "?") or text[mark_end:mark_end + 1] == ","


def _beside_closed_passage(cue, text: str, mark_end: int):
    """``cue`` ((end index, verb) or None), unless its verb introduces words only beside a passage a
    comma or stop closes ('read', 'states': the quotation frame) and the passage ending at
    ``mark_end`` is not closed so ('the "Super Tuesday" March 1 states')."""
    return None if cue and cue[1].frame == "quotation" and not _punctuated(text, mark_end) else cue


def _gap_is_quotes(doc, last: Candidate, span) -> bool:
    """Between the last attributed passage and this one there is no narration of more than a sentence."""
    from bisect import bisect_left, bisect_right

    starts = [s.start for s in doc.sentences]  # (abbreviations' stops end no sentence: 'Steven M. Ekovich, ... Fla.')
    return span.start - last.end < 400 and bisect_right(starts, span.start) - bisect_left(starts, last.end) <= 2


def _clause_opens_before(text: str, sent_start: int, mark_start: int) -> bool:
    """The writer's words open the clause that a passage closes, before an attribution that follows it
    ('The new plans "will not solve this," Quint said'): the reported proposition is the whole clause.
    The words run into the passage with no comma or mark among them, and open with a capitalised word
    that is no participle or subordinator ('Asked whether ...', 'Although ...': a phrase of the writer's)."""
    lead = text[sent_start:mark_start]
    words = lead.split()
    if len(words) < 2 or not lead.rstrip()[-1:].isalnum() or any(m in lead for m in _DOUBLE_MARKS + (",", "''")):
        return False
    first = words[0].casefold()
    return words[0][:1].isupper() and not first.endswith(("ing", "ed")) and first not in SUBORDINATORS


def _beyond_clause(a: Attribution, span) -> bool:
    """A passage after the end of the clause a speaker's words were read in ('While Quint calls it "Q,"
    Brand mocks the "pivot"'): no more of those words."""
    return a.layout in ("subject", "lead_in") and a.content is not None and a.content[1] is not None \
        and a.content[1] <= span.start


def _subordinate_clause_end(text: str, sent_start: int, a: Attribution, content_start: int, end: int) -> int:
    """:func:`subordinate_end` read on the sentence's tokens for the passage opening at
    ``content_start``, whose speaker ``a`` names."""
    if a.mention is None:
        return end
    toks = tokens(text, sent_start, end)
    speaker = next((n for n, t in enumerate(toks) if t.start >= a.mention[0]), len(toks))
    k = next((n for n, t in enumerate(toks) if t.start >= content_start), len(toks))
    return subordinate_end(toks, speaker, k, end) if speaker < k < len(toks) else end


def opened_by_subordinator(toks, end: int) -> bool:
    """The sentence of ``toks`` opens with a subordinator whose clause no comma closes before
    toks[end] ('As a phone rang, the announcer said': a clause of time or reason). ``toks``: tokens
    with ``text``."""
    return toks[0].text.casefold() in SUBORDINATORS and not any(t.text == "," for t in toks[1:end])


def subordinate_end(toks, speaker: int, k: int, end: int) -> int:
    """End of a report made inside a subordinate clause ('While he says P, it would seem ...', 'when
    Rubio said P, a man yelled'): the comma or dash closing that clause, if the clause opens the
    sentence or right before the speaker. ``toks``: tokens with ``text``, ``start`` and ``end``;
    ``k``: where the content starts."""
    opened = opened_by_subordinator(toks, speaker) or speaker > 0 and toks[speaker - 1].text.casefold() in SUBORDINATORS
    if opened and toks[0].text.casefold() == "as" and k > 0 and toks[k - 1].text == ",":
        return end  # 'As the paper noted, P': the clause is the attribution, the main clause its claim
    if opened:  # (not the comma of '10,000', nor one before ', which ...' that the clause goes on with;
        # one before a closing mark closes the passage with the clause: 'While Quint calls it "a fraud," ...')
        inside = False  # (nor one inside a passage: 'chanted "no justice, no peace," ...')
        for n in range(k, len(toks) - 1):
            t, nxt = toks[n], toks[n + 1]
            if t.text in ("\u201c", CLOSE_MARKS, STRAIGHT):
                inside = t.text == "\u201c" or t.text == STRAIGHT and not inside
            if t.start >= end:
                break
            if not inside and (t.text in ("\u2014", "\u2013") or t.text == nxt.text == "-" and nxt.start == t.end):
                return toks[n - 1].end if n > k else t.start
            if t.text != ",":
                continue
            if nxt.text in _CLOSING_MARKS and nxt.start == t.start + 1:
                return nxt.end
            if not inside and nxt.start > t.start + 1 and nxt.text.casefold() not in _RELATIVE_WORDS:
                return t.start
    return end


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces and a final comma or stop outside quotation marks."""
    while start < end and (text[start].isspace() or text[start] in ",:;" + FILLER):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if end > start and text[end - 1] == "." and not QUOTE_RE.search(text[start:end]):
        end -= 1
    return start, end
