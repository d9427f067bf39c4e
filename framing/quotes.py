"""Extract quotes (direct, mixed, indirect) and attribute each to a speaker.

Works on the tokenizer-only tier with rules over tokens (the grammar words live
in ``lexicons/clause_words.csv``, the reporting verbs in
``lexicons/reporting_verbs.csv``). When the document carries a dependency
parse (``stanza-full`` tier), the speaker of a reporting verb is taken from its
``nsubj`` dependent instead of the rule-based noun-phrase scan.

Content spans follow the gold conventions of the development set: the
reported proposition, without the speaker, the cue and the outer quotation
marks; a mixed quote keeps its inner marks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .lexicon import Verb, clause_words, reporting_verbs  # noqa: F401  (part of this module's API)
from .clauses import ClauseCandidates, introduces_passive_content
from .marks import (CLAUSE_LINKS, CLITICS, DASHES, SUBORDINATORS, MarkAttributor, MarkCandidates, Tok,
                    abbreviated_place, after_as_clause, as_clause_subject, aside_before_that, clausal,
                    closed_passage_end, extend_over_passages, in_passage, initial_stop, next_report,
                    passage_closes_report, past_title, phrase_end, quantifier_at, says_where, size_bucket,
                    subordinate_end, tokens, with_that, word_class)
from .preprocessing import FILLER
from .quote_model import QuoteModel
from .speakers import (Discourse, Registry, Speaker, clean_mention, full_names, gender_of, is_pronoun, is_proper_name,
                       person_key, surname_form)
from .types import FRAGMENT_JOIN, Document, Quote, Sentence, Token

OPEN_MARKS = "\u201c\u201e"
CLOSE_MARKS = "\u201d"
STRAIGHT = '"'
QUOTE_CHARS = OPEN_MARKS + CLOSE_MARKS + STRAIGHT
_QUOTE_RE = re.compile(f"[{QUOTE_CHARS}]")
_PUNCT = set(",;:.!?()[]{}\u2014\u2013-") | set(QUOTE_CHARS)
_TERMINAL = re.compile(r"[.!?]['\u2019]?$")
# A clause break right before a new speaker: 'X say A[, while |; |, and |, but ]Y say B'.
_COORDINATION = re.compile(r"(?:;\s*(?:(?:while|whereas|and|but)\s+)?|,?\s(?:while|whereas|and|but)\s+)$")
# A relative clause that reports a passage inside another report: 'X said he backs limits on the bodies[, which ]he
# called "a cartel"', 'X said P, to which Y replied: "Q"' (the passage is the relative clause's own report, PolNeAR's
# and ours: the first ends before it).
_RELATIVE_REPORT = re.compile(r"(?:,|\s[\u2014\u2013-]{1,2})\s*(?:(?:to|at|on|upon|after)\s+)?(?:which|whom)\s+$")
_SPACED = re.compile(r"\S+")
_WORDS = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")
_LEADING_CONJUNCTIONS = clause_words()["leading_conjunction"]
_SETTINGS = clause_words()["setting"]  # 'said in a ...'
_LEAD_WORDS = 4  # words before a passage that carries on the last speaker's words
_APPOSITIVE = re.compile(r"\s*,\s*((?:a|an|the)\s[^,;]{3,80})[,.]")


# --------------------------------------------------------------- quote marks
@dataclass(frozen=True)
class MarkSpan:
    """A passage between quotation marks (possibly over several paragraphs)."""

    start: int  # the opening mark
    end: int  # after the closing mark
    open_len: int = 1  # the opening mark and the fillers of a character reference after it

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + self.open_len, self.end - 1


class MarkSpans(list):
    """Quoted passages sorted by position, with fast look-up of those near a range."""

    def __init__(self, spans=()):
        super().__init__(sorted(spans, key=lambda s: s.start))
        self._starts = [s.start for s in self]

    def near(self, start: int, end: int) -> list[MarkSpan]:
        """Spans that overlap or touch [start, end] (passages never overlap each other)."""
        from bisect import bisect_right

        i = max(0, bisect_right(self._starts, start) - 1)
        out = []
        while i < len(self) and self[i].start <= end:
            if self[i].end >= start:
                out.append(self[i])
            i += 1
        return out


def find_mark_spans(doc: Document) -> "MarkSpans":
    """Pair double quotation marks over the body; a paragraph that opens with a
    mark while a quote is still open continues it (the newswire convention)."""
    text, spans = doc.text, []
    open_at, open_par, prev, par_end = None, None, None, None
    for s in doc.sentences:
        new_paragraph = prev is not None and s.paragraph != prev.paragraph
        if open_at is not None and s.paragraph != open_par and new_paragraph \
                and not text.startswith(tuple(OPEN_MARKS + STRAIGHT), s.start):
            # a paragraph that does not reopen the mark: the passage closed, unmarked, with its paragraph
            spans.append(MarkSpan(open_at, par_end, _mark_length(text, open_at)))
            open_at = None
        for m in _QUOTE_RE.finditer(text, s.start, s.end):
            ch, pos = m.group(), m.start()
            if open_at is not None and s.paragraph != open_par:
                if new_paragraph and pos == s.start and ch in OPEN_MARKS + STRAIGHT:
                    open_par = s.paragraph
                    continue
                spans.append(MarkSpan(open_at, par_end, _mark_length(text, open_at)))  # unbalanced: close at its paragraph's end
                open_at = None
            if open_at is None:
                if (ch != CLOSE_MARKS[0] or pos == s.start) and not (ch == STRAIGHT and _closes_only(text, pos)):
                    open_at, open_par = pos, s.paragraph
            elif ch in CLOSE_MARKS + STRAIGHT or _closing_typo(text, pos):
                spans.append(MarkSpan(open_at, pos + 1, _mark_length(text, open_at)))
                open_at = None
        if open_at is not None and s.paragraph == open_par:
            par_end = s.end
        prev = s
    if open_at is not None and prev is not None:
        spans.append(MarkSpan(open_at, par_end, _mark_length(text, open_at)))
    return MarkSpans(spans)


def _closes_only(text: str, pos: int) -> bool:
    """A straight mark shaped as a closing one (after a word or a stop, before a space or the end)
    when no passage is open: an orphan that would flip the pairing of every later mark."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return not before.isspace() and before not in "([{\u2014-" and (after.isspace() or after in ".,;:)")


def _closing_typo(text: str, pos: int) -> bool:
    """An opening mark typed where a closing one belongs: after the passage's last stop or comma,
    before a space ('"It's unusual,“ said Larry Noble')."""
    return pos > 0 and text[pos - 1] in ",.!?" and (pos + 1 == len(text) or text[pos + 1].isspace())


def _mark_length(text: str, at: int) -> int:
    """Length of the quotation mark at ``at`` with the fillers of its character reference."""
    end = at + 1
    while end < len(text) and text[end] == FILLER:
        end += 1
    return end - at


# ------------------------------------------------------------------ extractor
@dataclass
class _Candidate:
    cue: tuple[int, int]  # token indices [i, j)
    verb: Verb
    mention: tuple[int, int] | None  # raw offsets
    content: tuple[int, int]  # raw offsets
    pattern: str
    resolved: tuple | None = None  # (speaker, how), set once per candidate


class QuoteExtractor:
    """Finds quotes in a :class:`~framing.types.Document`.

    >>> extractor = QuoteExtractor()
    >>> quotes = extractor.extract(doc)      # doctest: +SKIP
    """

    def __init__(self, registry: Registry | None = None, verbs_path: str = "reporting_verbs.csv",
                 model: QuoteModel | None = None):
        self.registry = registry or Registry()
        self.verbs = reporting_verbs(verbs_path)
        self.words = clause_words()
        attributor = MarkAttributor(self.verbs, self.words)
        self.max_form, self.first_words = attributor.max_form, attributor.first_words
        self.marks = MarkCandidates(attributor)
        self.clauses = ClauseCandidates(attributor, self.words)
        self.model = model or QuoteModel.load()
        self.trace: list | None = None  # when a list: (decision, features, quote) of every candidate judged

    # --------------------------------------------------------------- public
    def extract(self, doc: Document) -> list[Quote]:
        text = doc.text
        spans = find_mark_spans(doc)
        accepted, second_opinion = self._accepted(doc, spans)
        written = full_names_in(text, [s for s in doc.sentences if s.kind == "body"])  # people named in full
        quoted = [(s.start, s.end) for s in spans if len(text[s.start:s.end].split()) >= 4]
        discourse = Discourse(self.registry, sentence_starts=[s.start for s in doc.sentences],
                              main_clauses=[_main_clause(s) for s in doc.sentences], text=text, quoted=quoted)
        quotes: list[Quote] = []
        last_direct: Quote | None = None
        last_report: Quote | None = None  # the last quote of the sentence before
        by_mention: dict[int, Quote] = {}
        continued: list[Quote] = []
        if doc.sentences:  # every registered name in the body, once (coreference looks only backwards)
            discourse.observe_text(doc.sentences[0].start, doc.sentences[-1].end,
                                   [(s.start, s.end) for s in doc.sentences])
            discourse.observe_people(written)
        for sent in doc.sentences:
            found = self._sentence_quotes(doc, sent, spans, discourse, second_opinion)
            _participles_share_the_subject(found)
            cont = None
            if not found:
                cont = self._continuation(doc, sent, spans, last_direct, quotes, last_report)
                found = [cont] if cont else []
                continued.extend(found)
            self._observe(discourse, found)  # ('Rhimes declared ...: "...," she said': she is Rhimes)
            for decision, cand, p in accepted.get(sent.index, ()):
                # a passage between marks takes its speaker from its own layout rather than the rules'
                rivals = [q for q in found if decision == "marks" and (q.kind == "direct" or q is cont)
                          and q.start < cand.end and cand.start < q.end
                          or decision == "clauses" and _nested_in(q, cand.attribution)]
                # ... also over the continuation an earlier sentence of the passage made ('"S1. S2," she said')
                carried = {id(q) for q in continued if decision == "marks" and q.start < cand.end and cand.start < q.end}
                known = [q for q in quotes if id(q) not in carried] + [q for q in found if q not in rivals]
                q = self._candidate_quote(doc, sent, decision, cand, p, discourse, known, by_mention, spans)
                if q:
                    found = [r for r in found if r not in rivals] + [q]
                    quotes[:] = [r for r in quotes if id(r) not in carried]
            observed = {id(q) for q in found}
            _participles_share_the_subject(found)
            for q in found:
                if q.mention_start is not None:
                    by_mention.setdefault(q.mention_start, q)
            self._observe(discourse, [q for q in found if id(q) not in observed])
            quotes.extend(found)
            direct = [q for q in found if q.kind == "direct"]
            if direct:
                last_direct = direct[-1]
            elif found:
                last_direct = None
            last_report = found[-1] if found else None
        quotes = _without_superseded(quotes, continued)
        _link_names(quotes, written)
        quotes = _join_interrupted(sorted(quotes, key=lambda q: (q.start, q.end)), text)
        outlet, raw = doc.article.outlet, doc.raw
        for q in quotes:  # strings as in the raw text (the view decodes character references)
            q.outlet = outlet
            q.content = FRAGMENT_JOIN.join(raw[a:b] for a, b in q.pieces())
            if q.mention_start is not None:
                q.mention = raw[q.mention_start:q.mention_end]
            if q.cue_start is not None:
                q.cue = raw[q.cue_start:q.cue_end]
        return sorted(quotes, key=lambda q: (q.start, q.end))

    def _observe(self, discourse, found: list[Quote]) -> None:
        """Record the speakers of ``found`` as antecedents for later pronouns and descriptions."""
        for q in found:
            if q.speaker_source == "unresolved" or q.mention_start is None:
                continue  # words that name nobody known are no antecedent for a later pronoun
            kind = _kind_of(self.registry, q) if q.speaker_source != "coreference" else "person"
            sp = self.registry.speakers.get(q.speaker) or Speaker(
                q.speaker, q.group, kind=kind, source=q.speaker_source, gender=gender_of(q.speaker))
            discourse.add(q.mention_start, sp, q.mention, spoke=True)
            if sp.is_person and q.speaker_source in ("unregistered", "guessed"):  # 'Olga Brand' ... 'Brand'
                full = person_key(q.speaker)
                surname = full.split()[-1] if full else surname_form(q.speaker)
                if surname:
                    discourse.follow_surname(surname, sp, q.mention_end)

    # ----------------------------------------------- learned candidates
    def _accepted(self, doc, spans) -> tuple[dict[int, list], dict[int, float]]:
        """(reader, candidate, probability) triples the model accepts, by the sentence where the
        candidate ends (so that the rules have seen all its sentences first): passages between marks,
        then clauses; and, by cue offset, the probability the clause reader gives each cue."""
        out: dict[int, list] = {}
        second_opinion: dict[int, float] = {}
        for reader, finder in (("marks", self.marks), ("clauses", self.clauses)):
            for cand in finder.find(doc, spans):
                a = cand.attribution
                decision = "subjects" if reader == "marks" and a is not None and a.layout == "subject" else reader
                judge = getattr(self.model, decision)
                p = judge.probability(cand.features)
                if decision == "clauses" and a.cue:
                    second_opinion[a.cue[0]] = p
                if a is not None and a.mention and p >= judge.threshold:
                    out.setdefault(cand.last_sentence, []).append((reader, cand, p))
                if self.trace is not None:
                    self.trace.append((decision, cand.features, a.content if a and a.content else (cand.start, cand.end)))
        return out, second_opinion

    def _candidate_quote(self, doc, sent, decision, cand, probability: float, discourse, known: list[Quote],
                         by_mention: dict, spans) -> Quote | None:
        """A Quote for an accepted candidate (None when a quote found already covers it)."""
        text = doc.text
        a = cand.attribution
        if a.content:
            start, end = _trim(text, *a.content)
            kind = "mixed" if decision == "marks" else _kind(text, start, end, spans)
            inner = _inner_of(spans, start, end) if decision == "marks" else (start, end)
            if inner != (start, end):
                kind, (start, end) = "direct", inner  # ('told reporters that "Q"': one passage, whole)
        else:
            start, end = _strip(text, cand.start + _mark_length(text, cand.start),
                                cand.end - 1 if text[cand.end - 1] in QUOTE_CHARS else cand.end)
            kind = "direct"
        if end - start >= 2:
            for q in known:
                if q.start < end and start < q.end:
                    self._end_before_next_report(text, q, a)
        if end - start < 2 or any(q.start < end and start < q.end for q in known):
            return None
        m_start, m_end = a.mention
        mention = text[m_start:m_end]
        earlier = by_mention.get(m_start) if a.layout == "continuation" else None
        if earlier is not None:
            speaker = Speaker(earlier.speaker, earlier.group, source=earlier.speaker_source)
            how = "coreference" if earlier.speaker_source == "registry" else earlier.speaker_source
        else:
            speaker, how = self._resolve(text, a.antecedent or a.mention, discourse)
            if how == "unregistered" and speaker.group == "other":
                speaker = self._group_from_appositive(text, speaker, m_end, sent.end)
                how = speaker.source
        cue_start, cue_end = a.cue or (None, None)
        confidence = {"registry": 0.9, "coreference": 0.75, "unregistered": 0.75, "guessed": 0.7}.get(how, 0.5)
        return Quote(doc=doc.id, start=start, end=end, content=text[start:end], kind=kind,
                     cue=text[cue_start:cue_end] if a.cue else a.lemma, cue_lemma=a.lemma,
                     cue_start=cue_start, cue_end=cue_end, mention=mention, mention_start=m_start,
                     mention_end=m_end, speaker=speaker.name, group=speaker.group,
                     confidence=round(confidence * probability, 2),
                     sentence=sent.index, connotation=a.connotation, speaker_source=how)

    # ------------------------------------------------------------ sentence
    def _sentence_quotes(self, doc, sent, spans, discourse, second_opinion: dict[int, float]) -> list[Quote]:
        sent = _joined(sent, doc.text)
        toks = sent.tokens
        cues = self._cues(doc.text, toks, spans)
        candidates = []
        main_cue = False
        for i, j, verb in cues:
            participial = toks[i].text.casefold().endswith("ing") and verb.frame != "prep"
            if participial and main_cue:
                continue  # ", urging ..." after "X warned ..." is part of the same statement
            found = self._analyse(doc.text, sent, i, j, verb, spans)
            if not found:
                continue
            if not participial:
                main_cue = True
            candidates.extend(found if isinstance(found, list) else [found])
        for c in candidates:
            c.resolved = self._resolve(doc.text, c.mention, discourse) if c.mention else (None, "")
        candidates = [c for c in candidates if c.resolved[0] is not None]
        candidates = self._drop_nested(candidates, doc.text, discourse, sent.start)
        out = []
        for cand in candidates:
            q = self._to_quote(doc, sent, cand, spans, discourse)
            if q is None:
                continue
            features = _cue_features(doc.text, sent, cand, q)
            if self.trace is not None:
                self.trace.append(("cues", features, (q.start, q.end)))
            p = self.model.cues.probability(features)
            second = second_opinion.get(q.cue_start)
            if second is not None:  # the clause reader found the same cue: the surer of the two decides
                p = max(p, second)
            if p >= self.model.cues.threshold:
                q.confidence = round(q.confidence * p, 2)
                out.append(q)
        return out

    def _cues(self, text, toks, spans):
        """(i, j, verb) for every reporting expression used as one."""
        low = [t.text.casefold() for t in toks]
        self._capitalised = [t.text[:1].isupper() for t in toks]
        self._texts = [t.text for t in toks]
        found, i = [], 0
        while i < len(toks):
            if low[i] not in self.first_words:
                i += 1
                continue
            hit = None
            for n in range(min(self.max_form, len(toks) - i), 0, -1):
                verb = self.verbs.get(tuple(low[i:i + n]))
                if verb:
                    verb = with_that(verb, low[i + n] if i + n < len(low) else "")
                    hit = (i, i + n, verb)
                    break
            if hit and " ".join(low[i:i + 2]) in self.words["compound"]:
                hit = None
            if hit and not in_passage(spans, toks[i].start) and self._used_as_cue(low, *hit):
                found.append(hit)
                i = hit[1]
            else:
                i += 1
        return found

    def _used_as_cue(self, low, i, j, verb) -> bool:
        """The reporting expression low[i:j] is a verb here (the mark reader's test: not a noun, an
        infinitive or a name), a finite one or a participle after a comma, and not an impersonal passive."""
        w = self.words
        nxt = low[j] if j < len(low) else ""
        if verb.frame == "prep":
            return True
        if verb.frame in ("none", "quotation") or (i > 0 and self._capitalised[i]) \
                or not self.marks.attributor.verb_in(low, i):
            return False  # "United States", "the report", "Obama's comments", "to say"
        if i > 0 and low[i - 1] in CLITICS:
            return False  # "Editor 's note", split so by a tier's tokens ("he 's said" is the clause reader's)
        lead = self._skip_back(low, i - 1, ())
        if low[i].endswith("ing") and (lead < 0 or low[lead] != "," and low[lead] not in DASHES):
            return False  # only ", urging ..." style participles report speech (', falsely suggesting' too)
        before = self._skip_back(low, i - 1, w["auxiliary"])
        is_passive = before >= 0 and low[before] in w["be"]
        if nxt == "to" and verb.frame in ("clause", "np"):
            return False  # "is believed to", "said to be"
        if is_passive and nxt != "by":
            return False  # "it is believed": attributed to nobody
        return True

    @staticmethod
    def _skip_back(low, k, skip):
        while k >= 0 and (low[k] in skip or low[k].endswith("ly") and len(low[k]) > 4):
            k -= 1
        return k

    # ------------------------------------------------------------- patterns
    def _analyse(self, text, sent, i, j, verb, spans) -> _Candidate | list[_Candidate] | None:
        """The candidate quote(s) a reporting expression introduces (a split quote gives two)."""
        toks = sent.tokens
        low = [t.text.casefold() for t in toks]
        if verb.frame == "prep":
            return self._according_to(text, sent, i, j, verb)
        if j < len(toks) and low[j] == "by" and i > 0 and low[i - 1] == "as":
            return self._as_reported_by(text, sent, i, j, verb)
        if j < len(toks) and low[j] == "by" and i > 0 and (low[i - 1] == "when" or
                                                           low[self._skip_back(low, i - 1, self.words["auxiliary"])] in self.words["be"]):
            return self._passive(text, sent, i, j, verb)
        if low[i].endswith("ing"):
            return self._participial(text, sent, i, j, verb, spans)
        parsed = _syntax_subject(sent, i)
        if parsed:
            m_start, m_last = parsed
        else:
            if i > 1 and low[i - 1] == "," and "," not in low[:i - 1]:  # 'P, said X' before 'X did Y, said P'
                inverted = self._inverted(text, sent, i, j, verb, spans)
                if inverted:
                    return inverted
            m_start = self._subject_start(sent, i)
            if m_start is None:
                return self._inverted(text, sent, i, j, verb, spans)
            m_last = self._mention_end(low, m_start, i)
        mention = (toks[m_start].start, toks[m_last].end)
        after = self._after_cue(low, j, verb)
        after = after_as_clause(low, m_start, j) or after  # 'As X noted in an op-ed, P': P is reported
        after_quote = m_start > 1 and low[m_start - 1] in QUOTE_CHARS and low[m_start - 2] == ","
        if as_clause_subject(low, m_start, verb) and self._only_a_tail(low, after):
            content = self._before_comma_content(text, sent, m_start - 1, after, spans)  # 'P, as X reported.'
            return [_Candidate((i, j), verb, _clip_mention(text, mention), content, "postposed")] if content else None
        if self._mention_after_comma(sent, m_start) and (after_quote or self._nothing_clausal_after(low, after, verb) or
                                                         (after < len(low) and low[after] in QUOTE_CHARS)):
            content = self._before_comma_content(text, sent, m_start, after, spans)
            if not content:
                return None
            found = [_Candidate((i, j), verb, _clip_mention(text, mention), content, "postposed")]
            if after < len(low) and low[after] in QUOTE_CHARS and low[after - 1] in (",", ":"):  # '"Q1," X said, "Q2."'
                # (not '"Q," she told "Fox and Friends"': what the cue takes as its object)
                span = next((s for s in spans.near(toks[after].start, toks[after].start)
                             if s.start == toks[after].start), None)
                if span:
                    found.append(_Candidate((i, j), verb, _clip_mention(text, mention), span.inner, "split"))
            return found
        if after >= len(toks) or toks[after].text in ".!?":
            return None
        if says_where([t.text for t in toks], m_start, low[after], self.words["writer_continuation"]):
            return None
        if after < len(low) and low[after] in DASHES:  # 'X said — in a post on Monday — that P'
            closing = next((n for n in range(after + 1, min(len(low), after + 12)) if low[n] in DASHES), None)
            if closing is not None and closing + 1 < len(low) and low[closing + 1] == "that":
                after = closing + 1
        while after < len(low) and low[after] in DASHES:
            after += 1  # 'Elkins said - but they ...'
        if after >= len(low):
            return None  # 'X said -': nothing follows
        if after > j and (low[after - 1] == "," or low[after - 1] in DASHES) and low[after - 2] != "that" and (
                low[after] in self.words["writer_continuation"] or low[after] in ("or", "so", "yet", "then")):
            return None  # '"Q," she said, but Kevin was drifting away': the writer's narration goes on
        start = toks[i].start if verb.frame == "np" else toks[after].start
        end = self._content_end(text, sent, after)
        if verb.frame == "np":
            end = phrase_end(text, toks[after].start, end)
        end = subordinate_end(toks, m_start, after, end)
        start, end = extend_over_passages(spans, start, end)
        if self._too_short(text, start, end, verb):
            return None
        return _Candidate((i, j), verb, _clip_mention(text, mention), (start, end), "preposed")

    def _according_to(self, text, sent, i, j, verb):
        toks = sent.tokens
        k = j
        while k < len(toks) and (toks[k].text not in (",", ";", ".", "!", "?") or initial_stop(toks, k)) \
                and toks[k].text not in QUOTE_CHARS:
            k += 1
        if k == j:
            return None
        mention = (toks[j].start, toks[k - 1].end)
        first = 0
        while first < i and (toks[first].text == "," or toks[first].text.casefold() in _LEADING_CONJUNCTIONS):
            first += 1  # 'But, according to the poll, ...'
        opens_clause = i >= 2 and toks[i - 1].text == "," and toks[i - 2].text.casefold() in _CLAUSE_OPENERS
        if (first == i or opens_clause) and k < len(toks) and toks[k].text == ",":
            # According to X, P. / '..., because, according to Trump, P': P opens after the source
            content = (toks[k + 1].start, self._content_end(text, sent, k + 1)) if k + 1 < len(toks) else None
        else:  # P, according to X.
            end_tok = i - 1 if i > 0 and toks[i - 1].text == "," else i
            if end_tok <= first:
                return None
            content = (toks[first].start, toks[end_tok - 1].end)
            if k + 1 < len(toks) and toks[k].text == "," and self._claim_goes_on(text, toks, *content, k + 1):
                # 'The implication, according to the aide, is that ...': the source sits inside
                content = (content[0], self._content_end(text, sent, k + 1))
        if not content or content[1] <= content[0]:
            return None
        return _Candidate((i, j), verb, mention, _trim(text, *content), "according_to")

    def _as_reported_by(self, text, sent, i, j, verb):
        """'As reported by X, P' (the clause opens the sentence): X reports P."""
        toks = sent.tokens
        low = [t.text.casefold() for t in toks]
        if i > 1 and low[i - 2] not in (",", "but", "and", "yet"):
            return None
        comma = next((k for k in range(j + 1, min(len(toks), j + 12)) if low[k] == ","), None)
        if comma is None or comma == j + 1 or comma + 1 >= len(toks) or low[comma - 1] in QUOTE_CHARS:
            return None
        content = _trim(text, toks[comma + 1].start, self._content_end(text, sent, comma + 1))
        if content[1] - content[0] < 3:
            return None
        w = self.words  # the source ends where a time does ('by the Post on Monday')
        last = next((k for k in range(j + 2, comma) if low[k] in w["time"]
                     or low[k] in w["time_lead"] and k + 1 < comma and low[k + 1] in w["time"]), comma)
        return _Candidate((i, j), verb, (toks[j + 1].start, toks[last - 1].end), content, "according_to")

    def _passive(self, text, sent, i, j, verb):
        toks = sent.tokens
        low = [t.text.casefold() for t in toks]
        k = j + 1
        while k < len(toks) and toks[k].text not in (",", ";", ".", "!", "?") and low[k] not in ("that", "whether", "if"):
            k += 1
        if k == j + 1:
            return None
        mention = (toks[j + 1].start, toks[k - 1].end)
        if not (k + 1 < len(toks) and introduces_passive_content(low[k], verb)) or verb.frame not in ("clause", "object_to"):
            return None  # "was rejected by voters", "was asked by the host": no proposition is reported
        k += low[k] == "that"  # ('whether' belongs to the question asked)
        content = (toks[k].start, subordinate_end(toks, j + 1, k, self._content_end(text, sent, k)))
        return _Candidate((i, j), verb, mention, _trim(text, *content), "passive")

    def _participial(self, text, sent, i, j, verb, spans):
        """', urging Y to ...' / ', declaring ...': the speaker is the clause's subject."""
        toks = sent.tokens
        low = [t.text.casefold() for t in toks]
        head = toks[i].head - 1 if sent.has_syntax and toks[i].head else None
        parsed = _syntax_subject(sent, head) if head is not None and head >= 0 else None
        if parsed:
            mention = (toks[parsed[0]].start, toks[parsed[1]].end)
        else:
            v = i - 2
            while v >= 0 and not (self._finite_verb(low, v) and not (v > 0 and self._capitalised[v])):
                v -= 1  # (a capitalised word is a name's: 'the United States' southern neighbor, calling')
            if v < 0:
                return None
            m_start = self._subject_start(sent, v)
            if m_start is None:
                return None
            mention = (toks[m_start].start, toks[self._mention_end(low, m_start, v)].end)
        k = self._after_cue(low, j, verb)  # (', telling reporters that ...')
        if k >= len(toks):
            return None
        start, end = extend_over_passages(spans, toks[k].start, self._content_end(text, sent, k))
        if self._too_short(text, start, end, verb):
            return None
        return _Candidate((i, j), verb, _clip_mention(text, mention), (start, end), "participial")

    def _finite_verb(self, low, k) -> bool:
        w = low[k]
        if k > 0 and (low[k - 1].endswith(("'s", "\u2019s")) or low[k - 1] in self.words["determiner"]):
            return False  # "shrugged off Trump's comments": a noun
        if w in self.words["verb"] or w in self.words["be"] or (w,) in self.verbs:
            return True
        return len(w) > 4 and w.endswith("ed") and w.isalpha()

    def _inverted(self, text, sent, i, j, verb, spans):
        """'"Q," said X.' / 'P, said X.'"""
        toks = sent.tokens
        if i == 0 or toks[i - 1].text not in (",",) + tuple(QUOTE_CHARS):
            return None
        k = j
        while k < len(toks) and toks[k].text not in (",", ".", ";", "!", "?"):
            k += 1
        if k == j or not toks[j].text[:1].isalpha() or not self._names_someone(text, toks[j].start, sent.end):
            return None
        comma = i - 1 if toks[i - 1].text == "," else i - 2
        if comma < 0 or toks[comma].text not in (",",) + tuple(QUOTE_CHARS):
            return None
        start = toks[0].start
        end = toks[i - 1].start
        start, end = extend_over_passages(spans, start, end)
        resumed = self._resumed_after(toks, k)
        if resumed is not None and text[start:end].rstrip(" ,")[-1:] not in QUOTE_CHARS:
            end = self._content_end(text, sent, resumed)  # 'Part of the problem, say experts, is the ground'
        content = _trim(text, start, end)
        if content[1] - content[0] < 3 or text[content[0]:content[1]].casefold() in _CLAUSE_OPENERS:
            return None  # ('But, said Quint, "..."': the report is the passage after)
        mention = (toks[j].start, toks[k - 1].end)
        return _Candidate((i, j), verb, _clip_mention(text, mention), content, "inverted")

    def _resumed_after(self, toks, k) -> int | None:
        """Index of the verb that resumes the claim after an inverted speaker and its appositive:
        'P1, say experts like Paul Bauman, a Canadian geophysicist, *is* the ground itself'."""
        if k >= len(toks) or toks[k].text != ",":
            return None
        n = k + 1
        if n < len(toks) and (toks[n].text.casefold() in self.words["determiner"] or toks[n].text[:1].islower()
                              and toks[n].text not in self.words["be"] and toks[n].text not in self.words["auxiliary"]):
            # ('say experts like Paul Bauman, a Canadian geophysicist, is' / 'says Carl Anthony, historian at
            # the library, is')
            n = next((c + 1 for c in range(n, min(n + 12, len(toks))) if toks[c].text == ","), len(toks))
        if n < len(toks) and (toks[n].text in self.words["be"] or toks[n].text in self.words["auxiliary"]):
            return n
        return None

    def _names_someone(self, text, start, sent_end) -> bool:
        """The words after an inverted cue name a speaker and close the sentence or lead to an aside
        ('said Paul Beck, a professor'), not a clause ('said the days when the nation had ...')."""
        attributor = self.marks.attributor
        toks = tokens(text, start, sent_end)
        m = attributor.mention_after(toks, 0)
        return m is not None and (m[1] >= len(toks) or toks[m[1]].text in ",.;:!?()"
                                  or attributor._closes(toks, m[1]))

    # ------------------------------------------------- noun-phrase helpers
    def _subject_start(self, sent, i) -> int | None:
        """Token index where the speaker noun phrase before token i begins."""
        toks = sent.tokens
        low = [t.text.casefold() for t in toks]
        w = self.words
        k = i - 1
        # adverbs, auxiliaries and time expressions between speaker and verb
        while k >= 0:
            if low[k] in w["auxiliary"] and not (k > 0 and self._capitalised[k]) \
                    or (low[k].endswith("ly") and len(low[k]) > 4 and not self._capitalised[k]):
                k -= 1  # (not 'Instead, Will called for': a capitalised 'Will' inside a sentence is a name)
            elif low[k] in w["time"] and k > 0 and low[k - 1] in w["time_lead"]:
                k -= 2
            elif low[k] in w["time"]:
                k -= 1
            else:
                break
        if k < 0:
            return None
        if low[k] in DASHES:  # 'insiders in two states — Nevada and Ohio — said': the aside is passed over
            opening = next((n for n in range(k - 1, max(-1, k - 12), -1) if low[n] in DASHES), None)
            if opening is None or opening == 0:
                return None
            k = opening - 1
        if low[k] == ",":
            return self._appositive_subject(sent, k)
        end = k
        while k >= 0:
            word = low[k]
            if word == "." and initial_stop(toks, k):
                k -= 1  # 'Mr. Hedge', 'Christopher M. Shelton': the stop stays in the name
                continue
            opening = _bracket_after_name(low, self._capitalised, k)
            if opening is not None:
                k = opening - 1  # 'Dianne Feinstein (D-Calif.) last week said': a party tag stays in the name
                continue
            if word in _PUNCT or word in w["boundary"] or word in w["be"]:
                break
            capitalised = toks[k].text[:1].isupper()
            if (word,) in self.verbs and not capitalised and " ".join(low[k:k + 2]) not in w["compound"] \
                    and k < end:
                break  # right before the verb (and its auxiliaries) it is the subject's noun: "news reports stated"
            if self._auxiliary(low, k) and k < end and not self._inside_name(k):
                break
            if word == "and" and not (k > 0 and toks[k - 1].text[:1].isupper() and k < end):
                break
            if word.endswith("ed") and len(word) > 4 and word.isalpha() and not capitalised:
                break
            k -= 1
        start = k + 1
        # leading prepositional intro such as "In response" never reaches here (comma); drop "and"
        while start <= end and low[start] in ("and", "but", "then"):
            start += 1
        if start > 1 and low[start - 1] == "who" and start <= end:  # 'The aide who ran the campaign said'
            return self._subject_start(sent, start - 1)
        if start > 2 and low[start - 2] == "who" and start <= end and self._finite_verb(low, start - 1):
            return self._subject_start(sent, start - 2)  # 'the groups who wrote to her say'
        return start if start <= end else None

    def _inside_name(self, k: int) -> bool:
        """Token k is capitalised after a capitalised word: a word of a name even when it is also an
        auxiliary ('Theresa May said', 'Chairman Will Rogers said'; not 'Both sides said')."""
        return k > 0 and self._capitalised[k] and self._capitalised[k - 1]

    def _appositive_subject(self, sent, comma) -> int | None:
        """'Yun, the minister, said' / 'Its spokesman, Dmitry Peskov, has called' / 'Christopher M.
        Shelton, the president of the union, which endorsed Sanders, said'."""
        toks = sent.tokens
        head = self.marks.attributor.head_of_asides([Tok(t.start, t.end, t.text) for t in toks], comma)
        if head and is_proper_name(clean_mention(sent_text(sent, *head))):
            return head[0]
        commas = [k for k in range(comma - 1, -1, -1) if toks[k].text == ","]
        prev_comma = commas[0] if commas else -1
        appositive = (prev_comma + 1, comma)  # tokens between the two commas
        before_comma = commas[1] if len(commas) > 1 else -1
        head = (before_comma + 1, prev_comma) if prev_comma >= 0 else None
        options = [r for r in (head, appositive) if r and 0 < r[1] - r[0] <= (8 if r is head else 20)
                   and not abbreviated_place(toks, *r)]
        texts = [(r, clean_mention(sent_text(sent, *r))) for r in options]
        for r, t in texts:
            if self.registry.lookup(t) and self.registry.lookup(t).is_person:
                return _strip_quotes_tokens(sent, r[0], r[1])
        for r, t in texts:
            if is_proper_name(t) or self.registry.lookup(t):
                return _strip_quotes_tokens(sent, r[0], r[1])
        for r, t in texts:
            if self.registry.describe(t):
                return _strip_quotes_tokens(sent, r[0], r[1])
        if head is None or _first_word(sent, appositive) not in (self.words["relative_pronoun"]
                                                                 | self.words["determiner"]):
            return None
        # ('And retired Gen. Ivan Petrovsky, who led ..., said': the name ends the words before the aside)
        return next((n for n in range(head[0] + 1, head[1]) if self._capitalised[n]
                     and is_proper_name(clean_mention(sent_text(sent, n, head[1])))), None)

    def _auxiliary(self, low, k) -> bool:
        """low[k] is an auxiliary or adverb between a subject and its verb ('has', 'all' in 'they all
        said'), not a quantifier after a preposition ('majorities in all five say')."""
        return low[k] in self.words["auxiliary"] and not (k > 0 and low[k - 1] in self.words["preposition"])

    def _mention_end(self, low, start, cue) -> int:
        """Last token of the mention that starts at ``start`` (before the cue)."""
        k = start
        end = start
        while k < cue and low[k] != ",":
            if self._auxiliary(low, k) and k > start and not self._inside_name(k):
                break
            if low[k] in self.words["time"] or low[k] in self.words["time_lead"] and k > start:
                break
            if k > start and low[k].endswith("ly") and len(low[k]) > 4 and not self._capitalised[k]:
                break  # 'Sullivan partly confirmed': an adverb ends the name
            if k > start and low[k] in DASHES:
                break  # 'insiders in two states — Ohio and Iowa — said': the aside is no part of it
            end = k
            k += 1
        return end

    def _mention_after_comma(self, sent, m_start) -> bool:
        toks = sent.tokens
        return m_start > 0 and (toks[m_start - 1].text == "," or
                                (toks[m_start - 1].text in QUOTE_CHARS and m_start > 1 and toks[m_start - 2].text == ","))

    def _after_cue(self, low, j, verb) -> int:
        """Token index where the content begins after the cue."""
        w = self.words
        k = j
        while k < len(low):
            if low[k] in w["time"] or (low[k] in w["time_lead"] and k + 1 < len(low) and low[k + 1] in w["time"]):
                k += 1
            elif setting := _setting_words(low, k):
                k += setting  # 'said in a statement', 'said in a written statement'
            else:
                break
        if verb.frame == "object_clause":
            k = self._skip_addressee(low, k)
        k = self._setting_before_that(low, k)  # 'said at a rally that P', 'said on a Sunday show that P'
        k = aside_before_that(low, k)  # 'said, for example, that P'
        if k < len(low) and low[k] in ("that", ":"):
            k += 1
        if k < len(low) and low[k] == ",":
            k += 1
        return k

    def _setting_before_that(self, low, k) -> int:
        """After a cue, the index of the 'that' a setting phrase leads to ('at a rally that P'), if a
        preposition opens one and no verb or punctuation comes before the 'that'; else k."""
        if k >= len(low) or low[k] not in self.words["place_word"]:
            return k
        for n in range(k + 1, min(len(low), k + 12)):
            if low[n] == "that":
                return n
            if low[n] in _PUNCT or self._finite_verb(low, n) and not self._capitalised[n]:
                return k
        return k

    def _skip_addressee(self, low, k) -> int:
        """After 'told': skip who was told ('reporters', 'AFP', 'Russian President Vladimir Putin')."""
        caps = self._capitalised
        place = []  # the commas inside a place's name ('a town hall in Salem, New Hampshire, on Monday')
        for n in range(k, min(k + 14, len(low))):
            if low[n] in ("that", ":"):
                return n
            if low[n] == "," and n > k and caps[n - 1] and (not place and n + 1 < len(low) and caps[n + 1]
                                                            or len(place) == 1 and n - place[0] <= 4):
                place.append(n)
                continue
            if low[n] in (",", ".", "!", "?", ";") or low[n] in QUOTE_CHARS:
                break
        start = k
        while k < len(low) and low[k] in ("the", "a", "an", "his", "her", "its", "their"):
            k += 1
        named, led = k, k > start
        while k < len(low) and (caps[k] or low[k] in self.words["addressee"]
                                or led and k - named < 4 and (self._common_noun(low[k]) or self._modifier(low, k))):
            k += 1
        return past_title(self._texts, k) if k > named else start

    def _modifier(self, low, k) -> bool:
        """A participle used as an adjective before a noun ('the packed hall')."""
        return low[k].endswith("ed") and k + 1 < len(low) and self._common_noun(low[k + 1])

    def _common_noun(self, word: str) -> bool:
        """A lower-case word that can stand in a noun phrase after a determiner ('the court', 'his
        closest advisers'): no grammar word, verb form or punctuation."""
        w = self.words
        return word.isalpha() and not any(word in w[r] for r in ("determiner", "auxiliary", "be", "boundary", "relative",
                                                                 "time", "time_lead")) \
            and not word.endswith("ed") and (word,) not in self.verbs

    def _continues_proposition(self, word: str, nxt: str = "") -> bool:
        """After 'P1, X said,' does this word carry on P1 (not the writer's own addition)?"""
        w = word.casefold()
        if w in self.words["relative"]:
            return True
        participle = (w.endswith("ing") or w.endswith("ly") and nxt.casefold().endswith("ing")) \
            and w not in self.words.get("not_participle", ())  # (', including ...' goes on with the claim)
        if w in self.words["writer_continuation"] or (participle and len(w) > 4) or not w[:1].isalpha():
            return False  # ', adding ...', ', likely referring to ...': the writer's narration goes on
        return not word[:1].isupper()

    def _claim_resumes(self, toks, after) -> bool:
        """After 'P1, X said,' that interrupts an unquoted claim, its next words go on with it: 'but P2'
        ('He may not electrify a room, they say, but he is still ...'); not a second report ('..., but added
        that ...'). (Not 'to ...': 'The delegation arrived, KCNA reported, to discuss ...' is the writer's
        purpose; nor a participle: 'Sales were great, he said, wiping his face' describes the speaker.)"""
        if toks[after].text.casefold() not in ("but", "and", "yet"):
            return False
        return not any((t.text.casefold(),) in self.verbs for t in toks[after + 1:after + 4])

    def _only_a_tail(self, low, after) -> bool:
        """From ``after`` to the end of the sentence, at most a few words and no verb or 'that' ('a few
        days later', 'on Tuesday'): nothing the cue reports."""
        tail = []
        for n in range(after, len(low)):
            if low[n] in (".", "!", "?"):
                break
            if low[n] in ("that", ",", ";", ":") or self._finite_verb(low, n) and not self._capitalised[n]:
                return False
            tail.append(n)
        return len(tail) <= 8

    def _nothing_clausal_after(self, low, after, verb) -> bool:
        if verb.frame == "intent" and after < len(low) and low[after] == "to":
            return False  # 'pledged to promote ties': the intention is the content
        if 0 < after < len(low) and low[after - 1] in ("that", ":"):
            return False  # 'X said that with the delegates ...': a clause follows, whatever its first word
        if 0 < after < len(low) and low[after - 1] == ",":
            return True  # 'P1, X said, ...'
        if after < len(low) and low[after] in ("at", "during", "before", "from", "while", "via", "through") \
                and not quantifier_at(low, after):
            return True  # 'P, X said at a briefing.'

        return after >= len(low) or low[after] in (".", "!", "?", ",", ";") + DASHES or \
            (low[after] in self.words["relative"]) or low[after].endswith("ing") or low[after] in ("to", "in", "on", "with", "as", "amid", "after")

    def _before_comma_content(self, text, sent, m_start, after, spans):
        """'P, X said[, where Q].' -> P (or P..Q when Q continues P)."""
        toks = sent.tokens
        comma = m_start - 1 if toks[m_start - 1].text == "," else m_start - 2
        if comma <= 0:
            return None
        start, end = toks[0].start, toks[comma].start
        if toks[comma - 1].text in QUOTE_CHARS:  # '... ,"' the comma sits inside the marks
            end = toks[comma - 1].end
        quoted = any(t.text in QUOTE_CHARS for t in toks[comma - 1:comma + 2])  # '"P1," X said, ...': P1 is whole
        if 0 < after < len(toks) and toks[after - 1].text == "," and not quoted \
                and self._claim_goes_on(text, toks, start, end, after):
            end = self._content_end(text, sent, after)  # 'P1, X said, P2': the attribution sits inside
            # ('In some ways, the brothers noted, Trump might ...': a short lead, the claim after it;
            # 'Unless countries act, they say, the world could suffer ...': a condition of the claim;
            # 'Like his comments about Mr. Curiel, Mr. Graham said, Mr. Trump's jabs were ...': no verb yet)
        elif toks[0].text.casefold() in SUBORDINATORS and not any(t.text == "," for t in toks[1:comma]):
            return None  # 'As a phone rang, the announcer said, ...': a clause of time or reason, not a claim
        elif self._introduction(toks, comma):
            return None  # 'In an interview with TMZ Sports, Walker said, "..."': P1 says where, not what
        start, end = extend_over_passages(spans, start, end)
        if quoted:  # 'Trump seemed to suggest he had silenced her: "She signed ...," he told the Times': the passage
            start = next((s.start for s in spans.near(end - 1, end) if s.start > start and s.end >= end - 1
                          and text[start:s.start].rstrip().endswith(":")), start)
        return _trim(text, start, end)

    def _claim_goes_on(self, text, toks, start, end, after) -> bool:
        """After 'P1, X said,' or 'P1, according to X,' (P1 = text[start:end]) the claim goes on from
        toks[after]: its verb or an adverb follows ('The implication, according to the aide, is that'),
        a conjunction resumes it ('..., they say, but he is still ...'), or P1 is a short lead or has no
        verb and a name follows ('The next day, according to Roffman, Trump made further demands')."""
        return self._continues_proposition(*_words_at(toks, after)) or self._claim_resumes(toks, after) \
            or (len(text[start:end].split()) <= 3 or not clausal(text, start, end)) and toks[after].text[:1].isupper()

    def _introduction(self, toks, comma) -> bool:
        """Tokens before ``comma`` are an introductory phrase ('In an interview with TMZ Sports',
        'Asked about the ad', 'During a speech last July'), not a claim: a preposition or a
        participle of asking leads them, and no comma or verb of their own follows."""
        first = toks[0].text.casefold()
        lead = first in ("in", "at", "on", "during", "after", "before", "asked", "speaking", "addressing",
                         "interviewed", "writing", "responding", "appearing")
        return lead and comma <= 14 and not any(t.text in ("," ,";") + tuple(QUOTE_CHARS) for t in toks[1:comma]) \
            and not any(t.text.casefold() in self.words["be"] or t.text.casefold() in self.words["auxiliary"]
                        for t in toks[1:comma])

    def _content_end(self, text, sent, k) -> int:
        """Raw end of the content starting at token k: the sentence end, or before ', <participle>' or
        ', compared with' that starts a new clause of the writer's, or before a second report ('... and
        argued that')."""
        toks = sent.tokens
        passage = closed_passage_end(text, toks[k].start, sent.end)
        if passage is not None:
            return passage
        closing = passage_closes_report(text, toks[k].start, sent.end)
        if closing is not None:
            return next_report(text, toks[k].start, closing, self.verbs) or closing
        for n in range(k + 1, len(toks) - 1):
            if toks[n].text == "," or (toks[n].text in QUOTE_CHARS and toks[n - 1].text == ","):
                nxt = toks[n + 1].text.casefold()
                after = toks[n + 2].text.casefold() if n + 2 < len(toks) else ""
                aside = nxt in self.words["resumptive"] or (nxt in ("a", "an") and after in self.words["resumptive"]) \
                    or nxt in ("but", "and") and (self._finite_verb([after], 0) and after not in self.words["be"]
                                                  or after in self.words["writer_subject"])
                if (aside or nxt == "compared" or (nxt.endswith("ing") and nxt.isalpha() and len(nxt) > 4
                                                   and nxt not in self.words.get("not_participle", ()))) and n - k >= 3 \
                        and toks[n - 1].text.casefold() != "that":  # ('fitting that, having overcome ...')
                    # (not 'says Millennials, numbering 75.3 million, surpassed ...': the subject's modifier)
                    end = toks[n].end if toks[n].text in QUOTE_CHARS else toks[n].start
                    return next_report(text, toks[k].start, end, self.verbs) or end
        last = len(toks) - 1
        while last > k and toks[last].text in (".", "!", "?"):
            last -= 1
        return next_report(text, toks[k].start, toks[last].end, self.verbs) or toks[last].end

    def _too_short(self, text, start, end, verb) -> bool:
        words = len(text[start:end].split())
        return words < 3 and not _QUOTE_RE.search(text[start:end])

    # ----------------------------------------------------------- nesting
    def _drop_nested(self, candidates, text, discourse, position):
        """A cue inside another quote's content is embedded speech: keep the inner
        quote only when its speaker is named (registry or proper name). Candidates whose words
        name no speaker are dropped before nesting is judged."""
        for c in candidates:  # 'X say A, while Y say B': Y's words end X's, and both are kept
            for o in candidates:
                if o is not c and c.mention and o.content[0] < c.mention[0] < o.content[1] \
                        and not (o.pattern == "according_to" and o.mention[0] > o.content[1]):
                    brk = _COORDINATION.search(text[o.content[0]:c.mention[0]])
                    if brk:
                        o.content = _trim(text, o.content[0], o.content[0] + brk.start())
        candidates = [c for c in candidates if self._speaker_words(text, c)]
        keep = []
        for c in candidates:
            outer = [o for o in candidates if o is not c and o.content[0] <= _cue_pos(c) < o.content[1]]
            inner = [o for o in candidates if o is not c and c.content[0] <= _cue_pos(o) < c.content[1]]
            if outer and not self._named(c, text, discourse):
                continue
            if inner and any(self._named(o, text, discourse) for o in inner):
                continue
            keep.append(c)
        for c in keep:  # 'Kim told Putin that P, KCNA reported': P stops before the outer attribution
            for o in candidates:
                if o is not c and o not in keep and o.pattern == "postposed" and c.content[0] < o.mention[0] < c.content[1]:
                    c.content = _trim(text, c.content[0], text.rfind(",", c.content[0], o.mention[0]))
        return keep

    def _end_before_next_report(self, text, quote: Quote, a) -> None:
        """'Rubio said P, and he railed against Q' / 'He said P but did not suggest Q' / 'He said P, which he
        called "Q"': a report that another attribution opens after a coordination or a relative word ends
        there (its speaker, or its cue after a few auxiliaries, follows ', and', ', but', ', while', ';' or
        ', which' inside the quote's content)."""
        if quote.fragments or a.cue is None:
            return
        m_start = a.mention[0] if a.mention else None
        at = m_start if m_start is not None and quote.start < m_start < quote.end else a.cue[0]
        if not quote.start < at < quote.end:
            return
        head = text[quote.start:at]
        brk = _COORDINATION.search(head) or _RELATIVE_REPORT.search(head)
        if brk is None and at == a.cue[0]:  # 'but did not suggest': up to three auxiliaries before the cue
            words, n = list(_SPACED.finditer(head)), 0
            while n < min(3, len(words)) and words[-1 - n].group().casefold() in self.words["auxiliary"]:
                n += 1
            if n:
                brk = _COORDINATION.search(head, 0, words[-n].start())
        if brk is None or len(head[:brk.start()].split()) < 3:
            return
        quote.end = _trim(text, quote.start, quote.start + brk.start())[1]
        quote.content = text[quote.start:quote.end]

    def _named(self, cand, text, discourse) -> bool:
        """Does the candidate's mention name a registered speaker or a proper name?"""
        if not cand.mention:
            return False
        if is_proper_name(clean_mention(text[cand.mention[0]:cand.mention[1]])):
            return True
        speaker, how = cand.resolved
        return speaker is not None and how in ("registry", "coreference") and speaker.name in self.registry.speakers

    def _speaker_words(self, text, cand) -> bool:
        """The words before or after the cue can name a speaker (else the clause reader may still find
        this cue's speaker); 'according to' names a source whatever its words ('according to early
        results of exit polls'). Checked before nesting, so that a noun read as a verb ('four Super
        Tuesday states, according to ...') hides no real attribution."""
        mention = text[cand.mention[0]:cand.mention[1]]
        return self._plausible_mention(mention) or cand.pattern == "according_to" and bool(clean_mention(mention))

    def _plausible_mention(self, mention: str) -> bool:
        """Words that can name a speaker: not 'the', 'On', '2018' or 'news' alone."""
        words = clean_mention(mention).split()
        if not words:
            return False
        first = words[0].casefold()
        if first in self._function_words and first not in self.words["determiner"] or first.isdigit():
            return False
        if all(w.casefold() in self._function_words for w in words):
            return False  # 'the' alone names nobody
        return not words[0][:1].islower() or first in self.words["determiner"] or is_pronoun(first) \
            or first in ("one", "another", "some", "many", "several", "two", "three", "both", "most", "other") \
            or bool(self.registry.head_noun(" ".join(words))) or (len(words) <= 3 and words[-1].endswith("s")) \
            or _plural(first) and len(words) > 2 and words[1].casefold() in self.words["modifier_link"]
        # ('proponents of more controls', 'majorities in all five': a plural noun and its modifier)

    @cached_property
    def _function_words(self) -> frozenset[str]:
        w = self.words
        return frozenset(w["boundary"] | w["relative"] | w["writer_continuation"] | w["time"] | w["time_lead"]
                         | w["determiner"] | {"according", "during", "from", "by", "of", "into", "over", "under"})

    @staticmethod
    def _resolve(text: str, mention: tuple[int, int], discourse) -> tuple[Speaker | None, str]:
        """(speaker, how) of a mention; one that names nobody known is kept as written ("unresolved")."""
        words = text[mention[0]:mention[1]]
        speaker, how = discourse.resolve(words, mention[0])
        if speaker is None and clean_mention(words):
            return Speaker(clean_mention(words), "other", source="unresolved"), "unresolved"
        return speaker, how

    # ---------------------------------------------------------- to Quote
    def _to_quote(self, doc, sent, cand, spans, discourse) -> Quote | None:
        text = doc.text
        m_start, m_end = cand.mention
        mention = text[m_start:m_end]
        speaker, how = cand.resolved
        if how == "unregistered" and speaker.group == "other":
            speaker, how = self._group_from_appositive(text, speaker, m_end, sent.end), how
            how = speaker.source
        start, end = cand.content
        if end <= start:
            return None
        kind = _kind(text, start, end, spans)
        if kind == "direct":
            start, end = _inner_of(spans, start, end)
            if end <= start:
                return None  # an unbalanced mark with nothing inside
        cue_tok = sent.tokens
        i, j = cand.cue
        confidence = {"registry": 0.9, "coreference": 0.75, "unregistered": 0.75, "guessed": 0.7}.get(how, 0.6)
        if cand.pattern in ("participial", "passive"):
            confidence -= 0.1
        return Quote(doc=doc.id, start=start, end=end, content=text[start:end], kind=kind,
                     cue=text[cue_tok[i].start:cue_tok[j - 1].end], cue_lemma=cand.verb.lemma,
                     cue_start=cue_tok[i].start, cue_end=cue_tok[j - 1].end,
                     mention=mention, mention_start=m_start, mention_end=m_end,
                     speaker=speaker.name, group=speaker.group, confidence=round(confidence, 2),
                     sentence=sent.index, connotation=cand.verb.connotation, speaker_source=how)

    def _group_from_appositive(self, text, speaker, after: int, limit: int):
        """'Leif-Eric Easley, a professor at ...,': guess the group from the appositive."""
        from dataclasses import replace

        m = _APPOSITIVE.match(text, after, limit)
        described = self.registry.describe(m.group(1)) if m else None
        if described and described.group != "other":
            return replace(speaker, group=described.group, source="guessed")
        return speaker

    def _continuation(self, doc, sent, spans, last_direct, quotes, last_report=None) -> Quote | None:
        """A sentence that is wholly a quotation, or a few words and a quotation that ends it, right
        after a direct quote, continues that speaker's words; so does a sentence that is wholly a
        quotation right after a sentence that reports someone's words ('Quint said that the plan
        would fail. / "It was never funded."')."""
        span = next((s for s in spans.near(sent.start, sent.end) if s.end > sent.start), None)
        if span is None:
            return None
        whole = span.start == sent.start and span.end >= _trim(doc.text, sent.start, sent.end)[1] - 1
        reported = last_report if last_report is not None and last_report.sentence == sent.index - 1 else None
        last = last_direct or (reported if whole else None)
        if last is None:
            return None
        if any(q.start <= span.inner[0] < q.end for q in quotes):
            return None
        kind = "direct"
        if span.start == sent.start:
            start, end = _strip(doc.text, *span.inner)
        elif self._leads_into(doc.text, sent, span) and last.sentence == sent.index - 1:
            start, end, kind = *_trim(doc.text, sent.start, sent.end), "mixed"
        else:
            return None
        if end - start < 3:
            return None
        q = Quote(**{**last.to_dict(), "start": start, "end": end, "content": doc.text[start:end],
                     "kind": kind, "sentence": sent.index,
                     "confidence": round(min(last.confidence, 0.7), 2)})
        q.speaker_source = "coreference"
        return q

    def _leads_into(self, text, sent, span) -> bool:
        """A few words lead into a passage that ends the sentence ('But "Donald Trump's candidacy
        is strengthened ..."', 'Instead, "he just acts like a defeated man."'): the speaker goes on."""
        lead = _WORDS.findall(text, sent.start, span.start)
        return 0 < len(lead) <= _LEAD_WORDS and span.end >= _trim(text, sent.start, sent.end)[1] - 1 \
            and not any((w.casefold(),) in self.verbs for w in lead)


# ------------------------------------------------------------------ helpers
_CLAUSE_OPENERS = CLAUSE_LINKS | {"and", "but", "so"}


def _nested_in(quote: Quote, a) -> bool:
    """Is ``quote`` a report inside the content of the attribution ``a``, speaker and all, after a's cue
    ('Sexton said he doubts that *Trump believes* P')? PolNeAR attributes the whole to the outer speaker."""
    start, end = a.content
    return a.cue is not None and a.cue[1] <= quote.start and quote.mention_start is not None \
        and start <= quote.mention_start and quote.start >= start and quote.end <= end


def _bracket_after_name(low: list[str], capitalised: list[bool], close: int) -> int | None:
    """Index of the "(" of a short bracketed tag closed at ``close`` right after a name ("Feinstein
    (D-Calif.)", "Crowley (D-N.Y.)"), or None."""
    if low[close] != ")":
        return None
    opening = next((k for k in range(close - 1, max(-1, close - 8), -1) if low[k] in ("(", ")")), None)
    if opening is None or low[opening] != "(" or opening == 0 or not capitalised[opening - 1]:
        return None
    return opening


def _setting_words(low: list[str], k: int) -> int:
    """How many words from k say where something was said ('in a statement', 'in a written statement',
    'in a separate ...' and the word after it); 0 when none do."""
    if not (low[k] == "in" and k + 2 < len(low) and low[k + 1] in ("a", "an", "its", "his", "her", "their")):
        return 0
    if low[k + 2] in _SETTINGS:
        return 3
    if k + 4 < len(low) and low[k + 3] in _SETTINGS:
        return 4 if low[k + 2] != "separate" else 5
    return 0


def _words_at(toks, k: int) -> tuple[str, str]:
    """The word at k and the one after it (or '')."""
    return toks[k].text, toks[k + 1].text if k + 1 < len(toks) else ""


def _join_interrupted(quotes: list[Quote], text: str) -> list[Quote]:
    """One quote for a statement its attribution interrupts: '"A," she said. "B."' and '"A," she
    said, "B."' are the pieces of one quote (the speaker's words run on across the cue), within a
    paragraph. Quotes are sorted by position. The pieces share their attribution (speaker's words and
    cue), whatever name each was resolved to: the first piece's stands."""
    out: list[Quote] = []
    for q in quotes:
        last = out[-1] if out else None
        if last is not None and last.kind in ("direct", "mixed") and q.kind in ("direct", "mixed") \
                and last.mention_start == q.mention_start \
                and last.cue_start == q.cue_start \
                and q.mention_start is not None and last.end <= q.mention_start < q.start \
                and "\n" not in text[last.end:q.start] and _resumes_after_attribution(text, q.start):
            last.fragments = [list(p) for p in last.pieces()] + [[q.start, q.end]]
            last.end, last.kind = q.end, "direct" if q.kind == last.kind == "direct" else "mixed"
            last.confidence = max(last.confidence, q.confidence)
            continue
        out.append(q)
    return out


def _resumes_after_attribution(text: str, start: int) -> bool:
    """The passage opening at ``start`` resumes the words its attribution interrupted: the attribution
    closes with a comma, colon or stop before it ('..., she said, "B"'), not with words of the
    writer's that lead into it ('..., said Quint, who waited in an "endless line"')."""
    before = text[:start].rstrip().rstrip("\u201c\u201e\"'\u2018" + FILLER).rstrip()
    return before[-1:] in (",", ":", ".", ";", "-", "\u2013", "\u2014") or before[-2:] in (".\u201d", '."')


def _without_superseded(quotes: list[Quote], continued: list[Quote]) -> list[Quote]:
    """Drop a continuation that a later sentence attributes itself: a passage read as carrying
    on the last speaker's words ('"No state ... Wyoming.') whose own cue comes after it ('...," she
    said')."""
    carried = {id(c) for c in continued}
    own = [q for q in quotes if id(q) not in carried]
    return [q for q in quotes if id(q) not in carried or not any(o.start < q.end and q.start < o.end for o in own)]


def _participial(q: Quote) -> bool:
    """The quote's cue is a participle ("saying", "adding")."""
    words = (q.cue or "").split()
    return bool(words) and words[0].casefold().endswith("ing")


def _participles_share_the_subject(found: list[Quote]) -> None:
    """'The top US national security adviser urged ..., saying ...': the participle's speaker is the main
    clause's, however its own reading named it (in place)."""
    for q in found:
        if q.cue_start is None or not _participial(q):
            continue
        main = [o for o in found if o is not q and o.cue_start is not None and o.cue_start < q.cue_start
                and o.mention_start is not None and not _participial(o)]
        if main and q.mention_start is not None and q.mention_start <= main[-1].cue_start:
            m = main[-1]
            q.speaker, q.group, q.speaker_source = m.speaker, m.group, m.speaker_source
            q.mention, q.mention_start, q.mention_end = m.mention, m.mention_start, m.mention_end


def full_names_in(text: str, sentences) -> list[tuple[int, str]]:
    """(offset, name) of the full names written in the body sentences of an article."""
    return [found for sent in sentences for found in full_names(text, sent.start, sent.end)]


def _link_names(quotes: list[Quote], written: list[tuple[int, str]] = ()) -> None:
    """Resolve, within one article, the names the registry does not know (in place): surnames to the
    full names they stand for, and descriptions to the name that follows them. A pronoun's quote that
    coreference gave a surname ('he' -> 'Petrovsky') takes the full name as its antecedent's quotes do."""
    unknown = [q for q in sorted(quotes, key=lambda q: q.start)
               if q.speaker_source in ("unregistered", "unresolved", "coreference") and q.group == "other"]
    speaking: dict[str, dict[str, str]] = {}  # surname -> person -> the first full name that speaks for them
    for q in unknown:
        words = q.speaker.split()
        if len(words) >= 2 and all(w[:1].isupper() for w in words) and surname_form(q.speaker) is None:
            speaking.setdefault(words[-1], {}).setdefault(person_key(q.speaker) or q.speaker, q.speaker)
    _link_surnames(unknown, speaking, written)
    _link_descriptions(quotes, [next(iter(people.values())) for people in speaking.values()])


def _link_surnames(unknown: list[Quote], speaking: dict[str, dict[str, str]], written) -> None:
    """A surname alone ("Nebenzia", "Mr. Trump") is the person named in full elsewhere in the
    article ("Vassily Nebenzia"): the speaker of other quotes who has that surname (``speaking``:
    surname -> person -> name; 'Sen. Lindsey Graham' and 'Lindsey Graham' are one person), or, if
    none has, a name written before it in the body (``written``: the (offset, name) pairs); only when
    one person has it ("Clinton" stays as written where Bill and Hillary Clinton both speak)."""
    for q in unknown:
        surname = surname_form(q.speaker)
        if surname is None:
            continue
        spoken = speaking.get(surname, {})
        at = q.mention_start if q.mention_start is not None else q.start
        people = set(spoken) or {name for pos, name in written if pos < at and name.split()[-1] == surname}
        if len(people) == 1:  # one person only by that surname
            person = people.pop()
            q.speaker, q.speaker_source = spoken.get(person, person), "coreference"


def _link_descriptions(quotes: list[Quote], names: list[str]) -> None:
    """A full name that first speaks in the sentence right after an unnamed description whose group
    is known ("Russia's ambassador to the United Nations on Wednesday denied ... / Vassily Nebenzia
    accused ...") is the person described: the description's quotes take the name, and the name's
    quotes the group."""
    described = [q for q in quotes if q.speaker_source == "guessed" and q.group != "other"
                 and any(w[:1].islower() for w in q.speaker.split()[1:])]
    for name in names:
        first = min((q for q in quotes if q.speaker == name), key=lambda q: q.start)
        before = [d for d in described if d.sentence == first.sentence - 1]
        if len({d.group for d in before}) != 1:
            continue  # no description, or two that disagree
        descriptions = {d.speaker for d in before}
        for q in quotes:
            if q.speaker == name:
                q.group = before[0].group
            elif q.speaker in descriptions:
                q.speaker, q.speaker_source = name, "coreference"


def _cue_features(text: str, sent: Sentence, cand: _Candidate, quote: Quote) -> dict[str, float]:
    """What the ``cues`` decision weighs: the expression, its pattern, the speaker found, the lengths."""
    mention = quote.mention
    first = mention.split()[0].casefold() if mention.split() else ""
    kind = "pronoun" if is_pronoun(mention) else "name" if mention[:1].isupper() else "description"
    cue_at = quote.cue_start or sent.start
    before = re.findall(r"[\w']+|[^\w\s]", text[max(sent.start, cue_at - 30):cue_at])
    f = {"bias": 1.0, f"pattern={cand.pattern}": 1.0, f"lemma={quote.cue_lemma}": 1.0,
         f"form={quote.cue.casefold()}": 1.0, f"how={quote.speaker_source}": 1.0, f"kind={quote.kind}": 1.0,
         f"mention={kind}": 1.0, f"mention_words={size_bucket(len(mention.split()))}": 1.0,
         f"content_words={size_bucket(len(quote.content.split()))}": 1.0,
         f"prev={word_class(before[-1]) if before else '<start>'}": 1.0,
         f"frame={cand.verb.frame}": 1.0,
         f"clausal={cand.verb.frame}:{clausal(text, quote.start, quote.end)}": 1.0}
    if first and not mention[:1].isupper():  # "the", "a", "its": names are left out (they do not generalise)
        f[f"mention_first={first}"] = 1.0
    if quote.mention_start is not None and quote.mention_start > cue_at:
        f["mention_after_cue"] = 1.0
    return f


def _syntax_subject(sent: Sentence, i: int) -> tuple[int, int] | None:
    """Token range of the nominal subject of token i, from the dependency parse."""
    toks = sent.tokens
    if not sent.has_syntax:
        return None
    subjects = [k for k, t in enumerate(toks) if t.head == i + 1 and (t.deprel or "").startswith("nsubj")
                and not (t.deprel or "").endswith(":pass")]
    if not subjects:
        return None
    k = subjects[0]
    members = {k}
    changed = True
    while changed:  # the subject's whole subtree
        changed = False
        for n, t in enumerate(toks):
            if n not in members and t.head and t.head - 1 in members:
                members.add(n)
                changed = True
    first, last = min(members), max(members)
    while last > first and toks[last].text in (",", ";"):
        last -= 1
    return first, last


def _joined(sent: Sentence, text: str) -> Sentence:
    """The sentence with hyphenated words as one token ("Jong", "-", "ho" -> "Jong-ho")."""
    toks = sent.tokens
    if not any(t.text in ("-", "‐", "‑") for t in toks):
        return sent
    out: list[Token] = []
    for t in toks:
        if out and (t.text in ("-", "‐", "‑") or out[-1].text.endswith(("-", "‐", "‑"))) \
                and out[-1].end == t.start and out[-1].text not in QUOTE_CHARS:
            last = out[-1]
            out[-1] = Token(text[last.start:t.end], last.start, t.end, last.lemma, last.upos, last.head, last.deprel, last.ner)
        else:
            out.append(t)
    return Sentence(sent.index, sent.start, sent.end, sent.text, out, sent.paragraph, sent.kind)


def sent_text(sent: Sentence, i: int, j: int) -> str:
    toks = sent.tokens
    if j <= i:
        return ""
    return sent.text[toks[i].start - sent.start: toks[j - 1].end - sent.start]


def _strip_quotes_tokens(sent, i, j) -> int:
    while i < j and sent.tokens[i].text in QUOTE_CHARS:
        i += 1
    return i


def _clip_mention(text, mention):
    s, e = mention
    while s < e and (text[s] in QUOTE_CHARS + " ,"):
        s += 1
    while e > s and text[e - 1] in QUOTE_CHARS + " ,":
        e -= 1
    return s, e


def _cue_pos(c: _Candidate) -> int:
    return c.mention[0] if c.pattern == "according_to" else c.content[0] - 1 if c.pattern == "postposed" else c.mention[0]


def _strip(text, start, end):
    """Without the spaces (and fillers of character references) at either end."""
    while start < end and (text[start].isspace() or text[start] == FILLER):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == FILLER):
        end -= 1
    return start, end


def _trim(text, start, end):
    """Strip spaces and a final comma or stop outside quotation marks."""
    while start < end and (text[start].isspace() or text[start] in ",:;" + FILLER):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if end > start and text[end - 1] == "." and not _QUOTE_RE.search(text[start:end]):
        end -= 1
    return start, end


def _inner_of(spans, start, end):
    """Content without the outer quotation marks, when it is one quoted passage."""
    for s in spans.near(start, end):
        if s.start <= start and end <= s.end:
            return s.inner
    return start, end


def _kind(text, start, end, spans) -> str:
    inside = text[start:end]
    outer = [s for s in spans.near(start, end) if s.start <= start and end <= s.end]
    if outer or (start > 0 and text[start - 1] in QUOTE_CHARS and not _QUOTE_RE.search(inside.rstrip(",.!?"))):
        return "direct"
    return "mixed" if _QUOTE_RE.search(inside) else "indirect"


_CLAUSE_WORDS = clause_words()
# the words that open a phrase before the main clause ('Asked whether ...,', 'In an interview,'): not a
# sentence adverb, a conjunction or a time word that stands alone ('Meanwhile,', 'But,', 'Earlier,')
_OPENERS = _CLAUSE_WORDS["introducer"] - _CLAUSE_WORDS["connective"] - _CLAUSE_WORDS["leading_conjunction"] \
    - (_CLAUSE_WORDS["time_lead"] - _CLAUSE_WORDS["place_word"])


def _main_clause(sent: Sentence) -> int:
    """Where a sentence's main clause begins: after the comma that closes an opening phrase ('Asked
    whether ..., Quint smiled'; 'In an interview with X, Y said'), else where the sentence does."""
    toks = sent.tokens
    if toks and toks[0].text.casefold() in _OPENERS:
        comma = next((t for t in toks[1:30] if t.text == ","), None)
        if comma is not None:
            return comma.end
    return sent.start


def _first_word(sent: Sentence, span: tuple[int, int]) -> str:
    """The first word of a token span of a sentence, lower-cased."""
    return sent.tokens[span[0]].text.casefold() if span[0] < span[1] else ""


def _plural(word: str) -> bool:
    """A lower-case plural noun form ('proponents', 'majorities'; not 'congress', 'status', 'analysis')."""
    return word.isalpha() and word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3


def _kind_of(registry, quote) -> str:
    sp = registry.speakers.get(quote.speaker)
    if sp:
        return sp.kind
    words = quote.speaker.split()
    if not words:
        return "person"
    if words[0][:1].islower():  # 'analysts', 'officials familiar with the talks'
        return "group" if words[0].endswith("s") else "person"
    last = words[-1]  # 'Republicans', 'Democrats', 'Americans'; not 'Sanders', 'Rhimes', 'Jones'
    return "group" if len(last) >= 7 and last.endswith(("ans", "ats", "ists", "ives", "als")) else "person"


def extract_quotes(doc_or_article, backend=None, registry: Registry | None = None) -> list[Quote]:
    """Quotes of one article (an Article is annotated first with ``backend``)."""
    from .nlp import annotate
    from .types import Article

    doc = annotate(doc_or_article, backend) if isinstance(doc_or_article, Article) else doc_or_article
    return QuoteExtractor(registry).extract(doc)
