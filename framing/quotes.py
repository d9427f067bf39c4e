"""Extract quotes (direct, mixed, indirect) and attribute each to a speaker.

Three readers propose candidates: passages between quotation marks
(:mod:`framing.marks`), clauses around a cue of saying (:mod:`framing.clauses`)
and the cue patterns of one sentence (:mod:`framing.cues`); the decisions of
:class:`~framing.quote_model.QuoteModel` keep them, and :class:`QuoteExtractor`
resolves their speakers and joins them into :class:`~framing.types.Quote` rows.

Works on the tokenizer-only tier with rules over tokens (the grammar words live
in ``lexicons/clause_words.csv``, the reporting verbs in
``lexicons/reporting_verbs.csv``). When the document carries a dependency
parse (``stanza-full`` tier), the cue patterns take the speaker of a reporting
verb from its ``nsubj`` dependent instead of the rule-based noun-phrase scan.

Content spans follow the gold conventions of the development set: the
reported proposition, without the speaker, the cue and the outer quotation
marks; a mixed quote keeps its inner marks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .lexicon import clause_words, reporting_lemmas
from .lexicon import reporting_verbs  # noqa: F401  (part of this module's API)
from .clauses import ClauseCandidates
from .cues import CueCandidate, CueCandidates
from .marks import (CLOSE_MARKS, OPEN_MARKS, QUOTE_CHARS, QUOTE_RE, STRAIGHT, MarkAttributor, MarkCandidates,
                    clausal, size_bucket, trim_span, word_class)
from .preprocessing import FILLER
from .quote_model import QuoteModel
from .speakers import (Discourse, Registry, Speaker, clean_mention, full_names, gender_of, is_pronoun, is_proper_name,
                       person_key, surname_form, surname_of)
from .types import FRAGMENT_JOIN, Document, Quote, Sentence, Token

_TERMINAL = re.compile(r"[.!?]['\u2019]?$")
# A clause break right before a new speaker: 'X say A[, while |; |, and |, but ]Y say B'.
_COORDINATION = re.compile(r"(?:;\s*(?:(?:while|whereas|and|but)\s+)?|,?\s(?:while|whereas|and|but)\s+)$")
# A relative clause that reports a passage inside another report: 'X said he backs limits on the bodies[, which ]he
# called "a cartel"', 'X said P, to which Y replied: "Q"' (the passage is the relative clause's own report, PolNeAR's
# and ours: the first ends before it).
_RELATIVE_REPORT = re.compile(r"(?:,|\s[\u2014\u2013-]{1,2})\s*(?:(?:to|at|on|upon|after)\s+)?(?:which|whom)\s+$")
_SPACED = re.compile(r"\S+")
_WORDS = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")
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
        for m in QUOTE_RE.finditer(text, s.start, s.end):
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
        self.marks = MarkCandidates(attributor)
        self.clauses = ClauseCandidates(attributor, self.words)
        self.cues = CueCandidates(attributor, self.words, self.verbs, self.registry)
        self.model = model or QuoteModel.load()
        self._frames = {lemma: verb.frame for lemma, verb in reporting_lemmas(self.verbs).items()}  # what a cue takes
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
            _participles_share_the_subject(found, text)
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
            _participles_share_the_subject(found, text)
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
        people = {q.speaker for q in quotes if q.speaker_source == "registry"
                  and (sp := self.registry.speakers.get(q.speaker)) is not None and sp.is_person}
        _link_names(quotes, written, registered_people=people)
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
                surname = surname_of(full) if full else surname_form(q.speaker)
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
            start, end = trim_span(text, *a.content)
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
                    if self._frames.get(q.cue_lemma) in ("np", "none"):
                        _end_before_possessive_report(text, q, a)
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
        candidates = self.cues.find(doc.text, sent, spans)
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
                        o.content = trim_span(text, o.content[0], o.content[0] + brk.start())
        candidates = [c for c in candidates if self._speaker_words(text, c)]
        keep = []
        for c in candidates:
            outer = [o for o in candidates if o is not c and o.content[0] <= _cue_pos(c) < o.content[1]]
            inner = [o for o in candidates if o is not c and c.content[0] <= _cue_pos(o) < c.content[1]]
            if outer and not self._named_apart(c, outer, text, discourse):
                continue
            if inner and any(self._named_apart(o, [c], text, discourse) for o in inner):
                continue
            keep.append(c)
        for c in keep:  # 'Kim told Putin that P, KCNA reported': P stops before the outer attribution
            for o in candidates:
                if o is not c and o not in keep and o.pattern == "postposed" and c.content[0] < o.mention[0] < c.content[1]:
                    c.content = trim_span(text, c.content[0], text.rfind(",", c.content[0], o.mention[0]))
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
        quote.end = trim_span(text, quote.start, quote.start + brk.start())[1]
        quote.content = text[quote.start:quote.end]

    def _named_apart(self, inner, outers, text, discourse) -> bool:
        """The speaker of a report inside the ``outers``' reports is named (see :meth:`_named`) and is
        not one of their reporters (see :meth:`_refers_to_reporter`)."""
        return self._named(inner, text, discourse) and not any(self._refers_to_reporter(inner, o, text)
                                                               for o in outers)

    def _refers_to_reporter(self, inner, outer, text) -> bool:
        """A pronoun that names the speaker of a report inside another's report by a person named in
        full stands for that person ('Tavo Quintara said that P, which he added "is regrettable"'),
        however coreference resolved it: its words are the reporter's own, not a second speaker's."""
        words = text[inner.mention[0]:inner.mention[1]]
        reporter = clean_mention(text[outer.mention[0]:outer.mention[1]]) if outer.mention else ""
        if not is_pronoun(words) or person_key(reporter) is None:
            return False
        speaker = self.registry.lookup(reporter) or self.registry.describe(reporter)
        return speaker is not None and speaker.is_person  # (not 'The New York Times')

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
        whole = span.start == sent.start and span.end >= trim_span(doc.text, sent.start, sent.end)[1] - 1
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
            start, end, kind = *trim_span(doc.text, sent.start, sent.end), "mixed"
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
        return 0 < len(lead) <= _LEAD_WORDS and span.end >= trim_span(text, sent.start, sent.end)[1] - 1 \
            and not any((w.casefold(),) in self.verbs for w in lead)


# ------------------------------------------------------------------ helpers


def _end_before_possessive_report(text: str, quote: Quote, a) -> None:
    """A report whose content is its cue's object (``np`` or ``none`` frame) and holds a possessor's
    report of saying ends with that report's noun: in 'Officials rejected Putin's suggestion that P',
    Officials rejected the suggestion, and Putin suggested P (``a``, the possessive reading, gives that
    quote). (After a cue that takes a clause, 'Biden said Trump's accusation that P was false', the
    noun phrase is the reported clause's subject and the report stays whole.)"""
    if a.layout == "possessive" and not quote.fragments and quote.start <= a.mention[0] and quote.end > a.cue[1]:
        quote.end = a.cue[1]
        quote.content = text[quote.start:quote.end]


def _nested_in(quote: Quote, a) -> bool:
    """Is ``quote`` a report inside the content of the attribution ``a``, speaker and all, after a's cue
    ('Sexton said he doubts that *Trump believes* P')? PolNeAR attributes the whole to the outer speaker."""
    start, end = a.content
    return a.cue is not None and a.cue[1] <= quote.start and quote.mention_start is not None \
        and start <= quote.mention_start and quote.start >= start and quote.end <= end


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


def _possessor_speaks(q: Quote, text: str) -> bool:
    """The quote's speaker is the possessor of its noun of saying ('Trump's claim that P', 'his claim')."""
    return q.mention.casefold() in _POSSESSIVE_PRONOUNS \
        or text[q.mention_end:q.cue_start].lstrip().startswith(("'s", "\u2019s"))


def _participles_share_the_subject(found: list[Quote], text: str) -> None:
    """'The top US national security adviser urged ..., saying ...': the participle's speaker is the main
    clause's, however its own reading named it (in place); a possessor's noun of saying inside the main
    clause is no main clause ('Pence blamed the media for Trump's claim that P, saying ...')."""
    for q in found:
        if q.cue_start is None or not _participial(q):
            continue
        main = [o for o in found if o is not q and o.cue_start is not None and o.cue_start < q.cue_start
                and o.mention_start is not None and not _participial(o) and not _possessor_speaks(o, text)]
        if main and q.mention_start is not None and q.mention_start <= main[-1].cue_start:
            m = main[-1]
            q.speaker, q.group, q.speaker_source = m.speaker, m.group, m.speaker_source
            q.mention, q.mention_start, q.mention_end = m.mention, m.mention_start, m.mention_end


def full_names_in(text: str, sentences) -> list[tuple[int, str]]:
    """(offset, name) of the full names written in the body sentences of an article."""
    return [found for sent in sentences for found in full_names(text, sent.start, sent.end)]


def _link_names(quotes: list[Quote], written: list[tuple[int, str]] = (), registered_people=frozenset()) -> None:
    """Resolve, within one article, the names the registry does not know (in place): surnames to the
    full names they stand for, and descriptions to the name that follows them (a registered person's
    too: ``registered_people``). A pronoun's quote that coreference gave a surname ('he' -> 'Petrovsky')
    takes the full name as its antecedent's quotes do."""
    unknown = [q for q in sorted(quotes, key=lambda q: q.start)
               if q.speaker_source in ("unregistered", "unresolved", "coreference") and q.group == "other"]
    speaking: dict[str, dict[str, str]] = {}  # surname -> person -> the first full name that speaks for them
    for q in unknown:
        words = q.speaker.split()
        if len(words) >= 2 and all(w[:1].isupper() for w in words) and surname_form(q.speaker) is None:
            speaking.setdefault(surname_of(q.speaker), {}).setdefault(person_key(q.speaker) or q.speaker, q.speaker)
    _link_surnames(unknown, speaking, written)
    named = [next(iter(people.values())) for people in speaking.values()]
    _link_descriptions(quotes, named + sorted(registered_people))


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
        people = set(spoken) or {name for pos, name in written if pos < at and surname_of(name) == surname}
        if len(people) == 1:  # one person only by that surname
            person = people.pop()
            q.speaker, q.speaker_source = spoken.get(person, person), "coreference"


def _link_descriptions(quotes: list[Quote], names: list[str]) -> None:
    """A full name that first speaks in the sentence right after an unnamed description whose group
    is known ("Russia's ambassador to the United Nations on Wednesday denied ... / Vassily Nebenzia
    accused ...") is the person described: the description's quotes take the name, and the name's
    quotes the group (a registered name keeps its own, and must share the description's)."""
    described = [q for q in quotes if q.speaker_source == "guessed" and q.group != "other"
                 and any(w[:1].islower() for w in q.speaker.split()[1:])]
    for name in names:
        first = min((q for q in quotes if q.speaker == name), key=lambda q: q.start)
        before = [d for d in described if d.sentence == first.sentence - 1]
        if len({d.group for d in before}) != 1 or first.group not in ("other", before[0].group):
            continue  # no description, two that disagree, or a registered name of another group
        descriptions = {d.speaker for d in before}
        for q in quotes:
            if q.speaker == name:
                q.group = before[0].group
            elif q.speaker in descriptions:
                q.speaker, q.speaker_source = name, "coreference"


def _cue_features(text: str, sent: Sentence, cand: CueCandidate, quote: Quote) -> dict[str, float]:
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


def _cue_pos(c: CueCandidate) -> int:
    return c.mention[0] if c.pattern == "according_to" else c.content[0] - 1 if c.pattern == "postposed" else c.mention[0]


def _strip(text, start, end):
    """Without the spaces (and fillers of character references) at either end."""
    while start < end and (text[start].isspace() or text[start] == FILLER):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == FILLER):
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
    if outer or (start > 0 and text[start - 1] in QUOTE_CHARS and not QUOTE_RE.search(inside.rstrip(",.!?"))):
        return "direct"
    return "mixed" if QUOTE_RE.search(inside) else "indirect"


_CLAUSE_WORDS = clause_words()
_POSSESSIVE_PRONOUNS = _CLAUSE_WORDS["possessive_pronoun"]
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
