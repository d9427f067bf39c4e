"""Reported speech found from its cue by patterns over one sentence's tokens.

For each reporting expression (``lexicons/reporting_verbs.csv``) used as a
verb, :class:`CueCandidates` reads the speaker and the reported content in the
patterns news writing uses (``X said P``, ``P, X said``, ``according to X, P``,
``P, as reported by X``, passives, participles), with the grammar words of
``lexicons/clause_words.csv``. It decides which pattern a cue is in; two parts
decide the rest: :class:`CueSpeakers` (the words that name the speaker) and
:class:`CueContents` (where the reported content begins and ends). :class:`~framing.quotes.QuoteExtractor` resolves
each candidate's speaker and lets the ``cues`` decision of
:class:`~framing.quote_model.QuoteModel` keep it or not. (The ``clauses``
reader of :mod:`framing.clauses` reads the same cues with the passage reader's
grammar; the two are judged apart and the surer decides.)
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Verb, clause_words
from .clauses import introduces_passive_content
from .marks import (CLAUSE_LINKS, CLITICS, DASHES, QUOTE_CHARS, QUOTE_RE, RELATIVE_THAT, MarkAttributor, Tok,
                    abbreviated_place, after_as_clause, as_clause_subject, aside_before_that, clausal,
                    closed_passage_end, extend_over_passages, in_passage, initial_stop, next_report,
                    opened_by_subordinator, passage_closes_report, past_title, phrase_end, quantifier_at, says_where,
                    subordinate_end, tokens, trim_span, with_that)
from .speakers import Registry, clean_mention, is_proper_name
from .types import Sentence


class Words(list):
    """A sentence's tokens in lower case, with what the patterns also read of each token: whether it
    is capitalised and its text as written (one per sentence read, passed along; nothing kept)."""

    def __init__(self, toks):
        super().__init__(t.text.casefold() for t in toks)
        self.capitalised = [t.text[:1].isupper() for t in toks]
        self.texts = [t.text for t in toks]


@dataclass
class CueCandidate:
    """A reported speech read from its cue: token span of the cue, speaker and content offsets."""

    cue: tuple[int, int]  # token indices [i, j)
    verb: Verb
    mention: tuple[int, int] | None  # raw offsets
    content: tuple[int, int]  # raw offsets
    pattern: str
    resolved: tuple | None = None  # (speaker, how), set once per candidate


class _CueGrammar:
    """The grammar words and reporting verbs the cue reader's parts share, and the test of a finite
    verb that each of them makes."""

    def __init__(self, words: dict, verbs: dict):
        self.words, self.verbs = words, verbs

    def _finite_verb(self, low, k) -> bool:
        w = low[k]
        if k > 0 and (low[k - 1].endswith(("'s", "\u2019s")) or low[k - 1] in self.words["determiner"]):
            return False  # "shrugged off Trump's comments": a noun
        if w in self.words["verb"] or w in self.words["be"] or (w,) in self.verbs:
            return True
        return len(w) > 4 and w.endswith("ed") and w.isalpha()


class CueSpeakers(_CueGrammar):
    """Who speaks for a cue: the noun phrase before it that names its speaker (its first and last
    word), through appositives, auxiliaries and relative clauses."""

    def __init__(self, attributor: MarkAttributor, words: dict, verbs: dict, registry: Registry):
        super().__init__(words, verbs)
        self.attributor, self.registry = attributor, registry

    def start_before(self, sent, i) -> int | None:
        """Token index where the speaker noun phrase before token i begins."""
        toks = sent.tokens
        low = Words(toks)
        w = self.words
        k = i - 1
        # adverbs, auxiliaries and time expressions between speaker and verb
        while k >= 0:
            if low[k] in w["auxiliary"] and not (k > 0 and low.capitalised[k]) \
                    or (low[k].endswith("ly") and len(low[k]) > 4 and not low.capitalised[k]):
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
            opening = _bracket_after_name(low, low.capitalised, k)
            if opening is not None:
                k = opening - 1  # 'Dianne Feinstein (D-Calif.) last week said': a party tag stays in the name
                continue
            if word in _PUNCT or word in w["boundary"] or word in w["be"]:
                break
            capitalised = toks[k].text[:1].isupper()
            if (word,) in self.verbs and not capitalised and " ".join(low[k:k + 2]) not in w["compound"] \
                    and k < end:
                break  # right before the verb (and its auxiliaries) it is the subject's noun: "news reports stated"
            if self._auxiliary(low, k) and k < end and not self._inside_name(low, k):
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
            return self.start_before(sent, start - 1)
        if start > 2 and low[start - 2] == "who" and start <= end and self._finite_verb(low, start - 1):
            return self.start_before(sent, start - 2)  # 'the groups who wrote to her say'
        if start <= end and (low[start] in _OBJECT_PRONOUNS or start > 0 and low[start - 1] in RELATIVE_THAT):
            # ('a group that tracks arms sales said', 'groups that have endorsed him say': the noun the
            # relative clause modifies)
            m = self.attributor.relative_subject(_plain(toks), end + 1, 0)
            if m is not None:
                return m[0]
        return start if start <= end and low[start] not in _OBJECT_PRONOUNS else None

    @staticmethod
    def _inside_name(low: Words, k: int) -> bool:
        """Token k is capitalised after a capitalised word: a word of a name even when it is also an
        auxiliary ('Theresa May said', 'Chairman Will Rogers said'; not 'Both sides said')."""
        return k > 0 and low.capitalised[k] and low.capitalised[k - 1]

    def _appositive_subject(self, sent, comma) -> int | None:
        """'Yun, the minister, said' / 'Its spokesman, Dmitry Peskov, has called' / 'Christopher M.
        Shelton, the president of the union, which endorsed Sanders, said'."""
        toks = sent.tokens
        head = self.attributor.head_of_asides(_plain(toks), comma)
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
        capitalised = Words(toks).capitalised
        return next((n for n in range(head[0] + 1, head[1]) if capitalised[n]
                     and is_proper_name(clean_mention(sent_text(sent, n, head[1])))), None)

    def _auxiliary(self, low, k) -> bool:
        """low[k] is an auxiliary or adverb between a subject and its verb ('has', 'all' in 'they all
        said'), not a quantifier after a preposition ('majorities in all five say')."""
        return low[k] in self.words["auxiliary"] and not (k > 0 and low[k - 1] in self.words["preposition"])

    def last_word(self, low, start, cue) -> int:
        """Last token of the mention that starts at ``start`` (before the cue)."""
        k = start
        end = start
        while k < cue and low[k] != ",":
            if self._auxiliary(low, k) and k > start and not self._inside_name(low, k):
                break
            if k > start and low[k] in RELATIVE_THAT:
                break  # 'the firm that has advised him said': the name is the noun the clause modifies
            if low[k] in self.words["time"] or low[k] in self.words["time_lead"] and k > start:
                break
            if k > start and low[k].endswith("ly") and len(low[k]) > 4 and not low.capitalised[k]:
                break  # 'Sullivan partly confirmed': an adverb ends the name
            if k > start and low[k] in DASHES:
                break  # 'insiders in two states — Ohio and Iowa — said': the aside is no part of it
            end = k
            k += 1
        return end

    def after_comma(self, sent, m_start) -> bool:
        toks = sent.tokens
        return m_start > 0 and (toks[m_start - 1].text == "," or
                                (toks[m_start - 1].text in QUOTE_CHARS and m_start > 1 and toks[m_start - 2].text == ","))


class CueContents(_CueGrammar):
    """Where the content a cue reports begins and ends: after the cue (past times, settings and who
    was told), before it ('P, X said'), and where the writer's own words take over again."""

    def start_after_cue(self, low, j, verb) -> int:
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
            if low[n] in _PUNCT or self._finite_verb(low, n) and not low.capitalised[n]:
                return k
        return k

    def _skip_addressee(self, low, k) -> int:
        """After 'told': skip who was told ('reporters', 'AFP', 'Russian President Vladimir Putin'), up to a
        'that' or a colon if one follows before any stop. (The passage and clause readers read who was
        told with :meth:`~framing.marks.CueReader.past_addressee`, a short noun phrase; this reader's
        content also starts after 'told X Y that', and reading it so is measured better here: with
        ``past_addressee`` instead, 35 of its PolNeAR train contents change, none for the better.)"""
        caps = low.capitalised
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
        if k == start + 1 and low[start] == "her" and k < len(low) and low[k] in self.words["pronoun"]:
            return k  # 'told her she ...': 'her' is who was told, not the start of a name
        named, led = k, k > start
        while k < len(low) and (caps[k] or low[k] in self.words["addressee"]
                                or led and k - named < 4 and (self._common_noun(low[k]) or self._modifier(low, k))):
            k += 1
        return past_title(low.texts, k) if k > named else start

    def _modifier(self, low, k) -> bool:
        """A participle used as an adjective before a noun ('the packed hall')."""
        return low[k].endswith("ed") and k + 1 < len(low) and self._common_noun(low[k + 1])

    def _common_noun(self, word: str) -> bool:
        """A lower-case word that can stand in a noun phrase after a determiner ('the court', 'his
        closest advisers'): no grammar word, verb form or punctuation."""
        w = self.words
        return word.isalpha() and not any(word in w[r] for r in ("determiner", "auxiliary", "be", "boundary", "relative",
                                                                 "time", "time_lead", "pronoun")) \
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

    def only_a_tail(self, low, after) -> bool:
        """From ``after`` to the end of the sentence, at most a few words and no verb or 'that' ('a few
        days later', 'on Tuesday'): nothing the cue reports."""
        tail = []
        for n in range(after, len(low)):
            if low[n] in (".", "!", "?"):
                break
            if low[n] in ("that", ",", ";", ":") or self._finite_verb(low, n) and not low.capitalised[n]:
                return False
            tail.append(n)
        return len(tail) <= 8

    def nothing_clausal_after(self, low, after, verb) -> bool:
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

    def before_comma(self, text, sent, m_start, after, spans):
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
                and self.claim_goes_on(text, toks, start, end, after):
            end = self.end(text, sent, after)  # 'P1, X said, P2': the attribution sits inside
            # ('In some ways, the brothers noted, Trump might ...': a short lead, the claim after it;
            # 'Unless countries act, they say, the world could suffer ...': a condition of the claim;
            # 'Like his comments about Mr. Curiel, Mr. Graham said, Mr. Trump's jabs were ...': no verb yet)
        elif opened_by_subordinator(toks, comma):
            return None  # 'As a phone rang, the announcer said, ...': a clause of time or reason, not a claim
        elif self._introduction(toks, comma):
            return None  # 'In an interview with TMZ Sports, Walker said, "..."': P1 says where, not what
        start, end = extend_over_passages(spans, start, end)
        if quoted:  # 'Trump seemed to suggest he had silenced her: "She signed ...," he told the Times': the passage
            start = next((s.start for s in spans.near(end - 1, end) if s.start > start and s.end >= end - 1
                          and text[start:s.start].rstrip().endswith(":")), start)
        return trim_span(text, start, end)

    def claim_goes_on(self, text, toks, start, end, after) -> bool:
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

    def end(self, text, sent, k) -> int:
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

    def too_short(self, text, start, end, verb) -> bool:
        words = len(text[start:end].split())
        return words < 3 and not QUOTE_RE.search(text[start:end])


class CueCandidates(_CueGrammar):
    """Finds reported speech around the cues of a sentence (see the module's docstring)."""

    def __init__(self, attributor: MarkAttributor, words: dict, verbs: dict, registry: Registry):
        super().__init__(words, verbs)
        self.attributor = attributor
        self.max_form, self.first_words = attributor.max_form, attributor.first_words
        self.speakers = CueSpeakers(attributor, words, verbs, registry)
        self.contents = CueContents(words, verbs)

    def find(self, text: str, sent: Sentence, spans) -> list[CueCandidate]:
        """Every reported speech the patterns read around a cue of ``sent``; a participle after the
        sentence's main cue (', urging ...' after 'X warned ...') is part of the same statement."""
        toks = sent.tokens
        candidates = []
        main_cue = False
        for i, j, verb in self._cues(text, toks, spans):
            participial = toks[i].text.casefold().endswith("ing") and verb.frame != "prep"
            if participial and main_cue:
                continue
            found = self._analyse(text, sent, i, j, verb, spans)
            if not found:
                continue
            if not participial:
                main_cue = True
            candidates.extend(found if isinstance(found, list) else [found])
        return candidates

    def _cues(self, text, toks, spans):
        """(i, j, verb) for every reporting expression used as one."""
        low = Words(toks)
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
        if verb.frame in ("none", "quotation") or (i > 0 and low.capitalised[i]) \
                or not self.attributor.verb_in(low, i):
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
    def _analyse(self, text, sent, i, j, verb, spans) -> CueCandidate | list[CueCandidate] | None:
        """The candidate quote(s) a reporting expression introduces (a split quote gives two)."""
        toks = sent.tokens
        low = Words(toks)
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
            m_start = self.speakers.start_before(sent, i)
            if m_start is None:
                return self._inverted(text, sent, i, j, verb, spans)
            m_last = self.speakers.last_word(low, m_start, i)
        mention = (toks[m_start].start, toks[m_last].end)
        tail = self.contents.start_after_cue(low, j, verb)
        after = after_as_clause(low, m_start, j) or tail  # 'As X noted in an op-ed, P': P is reported
        after_quote = m_start > 1 and low[m_start - 1] in QUOTE_CHARS and low[m_start - 2] == ","
        as_clause = as_clause_subject(low, m_start, verb)
        if as_clause and self.attributor.aside_after_clause(_plain(toks), m_start, tail):
            after = len(low)  # 'P, as X reported on Tuesday, and ...': P alone
        if as_clause and self.contents.only_a_tail(low, after):
            content = self.contents.before_comma(text, sent, m_start - 1, after, spans)  # 'P, as X reported.'
            return [CueCandidate((i, j), verb, _clip_mention(text, mention), content, "postposed")] if content else None
        if self.speakers.after_comma(sent, m_start) and low[after - 1] != "that" and (
                after_quote or self.contents.nothing_clausal_after(low, after, verb)
                or (after < len(low) and low[after] in QUOTE_CHARS)):  # (not 'Despite X, Y said that "Q"')
            content = self.contents.before_comma(text, sent, m_start, after, spans)
            if not content:
                return None
            span = None
            if after < len(low) and low[after] in QUOTE_CHARS and low[after - 1] in (",", ":"):  # '"Q1," X said, "Q2."'
                # (not '"Q," she told "Fox and Friends"': what the cue takes as its object)
                span = next((s for s in spans.near(toks[after].start, toks[after].start)
                             if s.start == toks[after].start), None)
            found = [] if span and _setting_before_passage(text, content, span) else \
                [CueCandidate((i, j), verb, _clip_mention(text, mention), content, "postposed")]
            if span:
                found.append(CueCandidate((i, j), verb, _clip_mention(text, mention), span.inner, "split"))
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
        end = self.contents.end(text, sent, after)
        if verb.frame == "np":
            end = phrase_end(text, toks[after].start, end)
        end = subordinate_end(toks, m_start, after, end)
        start, end = extend_over_passages(spans, start, end)
        if self.contents.too_short(text, start, end, verb):
            return None
        return CueCandidate((i, j), verb, _clip_mention(text, mention), (start, end), "preposed")

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
            content = (toks[k + 1].start, self.contents.end(text, sent, k + 1)) if k + 1 < len(toks) else None
        else:  # P, according to X.
            end_tok = i - 1 if i > 0 and toks[i - 1].text == "," else i
            if end_tok <= first:
                return None
            content = (toks[first].start, toks[end_tok - 1].end)
            if k + 1 < len(toks) and toks[k].text == "," and self.contents.claim_goes_on(text, toks, *content, k + 1):
                # 'The implication, according to the aide, is that ...': the source sits inside
                content = (content[0], self.contents.end(text, sent, k + 1))
        if not content or content[1] <= content[0]:
            return None
        return CueCandidate((i, j), verb, mention, trim_span(text, *content), "according_to")

    def _as_reported_by(self, text, sent, i, j, verb):
        """'As reported by X, P' (the clause opens the sentence): X reports P."""
        toks = sent.tokens
        low = Words(toks)
        if i > 1 and low[i - 2] not in (",", "but", "and", "yet"):
            return None
        comma = next((k for k in range(j + 1, min(len(toks), j + 12)) if low[k] == ","), None)
        if comma is None or comma == j + 1 or comma + 1 >= len(toks) or low[comma - 1] in QUOTE_CHARS:
            return None
        content = trim_span(text, toks[comma + 1].start, self.contents.end(text, sent, comma + 1))
        if content[1] - content[0] < 3:
            return None
        w = self.words  # the source ends where a time does ('by the Post on Monday')
        last = next((k for k in range(j + 2, comma) if low[k] in w["time"]
                     or low[k] in w["time_lead"] and k + 1 < comma and low[k + 1] in w["time"]), comma)
        return CueCandidate((i, j), verb, (toks[j + 1].start, toks[last - 1].end), content, "according_to")

    def _passive(self, text, sent, i, j, verb):
        toks = sent.tokens
        low = Words(toks)
        k = j + 1
        while k < len(toks) and toks[k].text not in (",", ";", ".", "!", "?") and low[k] not in ("that", "whether", "if"):
            k += 1
        if k == j + 1:
            return None
        mention = (toks[j + 1].start, toks[k - 1].end)
        if not (k + 1 < len(toks) and introduces_passive_content(low[k], verb)) or verb.frame not in ("clause", "object_to"):
            return None  # "was rejected by voters", "was asked by the host": no proposition is reported
        k += low[k] == "that"  # ('whether' belongs to the question asked)
        content = (toks[k].start, subordinate_end(toks, j + 1, k, self.contents.end(text, sent, k)))
        return CueCandidate((i, j), verb, mention, trim_span(text, *content), "passive")

    def _participial(self, text, sent, i, j, verb, spans):
        """', urging Y to ...' / ', declaring ...': the speaker is the clause's subject."""
        toks = sent.tokens
        low = Words(toks)
        head = toks[i].head - 1 if sent.has_syntax and toks[i].head else None
        parsed = _syntax_subject(sent, head) if head is not None and head >= 0 else None
        if parsed:
            mention = (toks[parsed[0]].start, toks[parsed[1]].end)
        else:
            v = i - 2
            while v >= 0 and not (self._finite_verb(low, v) and not (v > 0 and low.capitalised[v])):
                v -= 1  # (a capitalised word is a name's: 'the United States' southern neighbor, calling')
            if v < 0:
                return None
            m_start = self.speakers.start_before(sent, v)
            if m_start is None:
                return None
            mention = (toks[m_start].start, toks[self.speakers.last_word(low, m_start, v)].end)
        k = self.contents.start_after_cue(low, j, verb)  # (', telling reporters that ...')
        if k >= len(toks):
            return None
        start, end = extend_over_passages(spans, toks[k].start, self.contents.end(text, sent, k))
        if self.contents.too_short(text, start, end, verb):
            return None
        return CueCandidate((i, j), verb, _clip_mention(text, mention), (start, end), "participial")

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
            end = self.contents.end(text, sent, resumed)  # 'Part of the problem, say experts, is the ground'
        content = trim_span(text, start, end)
        if content[1] - content[0] < 3 or text[content[0]:content[1]].casefold() in _CLAUSE_OPENERS:
            return None  # ('But, said Quint, "..."': the report is the passage after)
        mention = (toks[j].start, toks[k - 1].end)
        return CueCandidate((i, j), verb, _clip_mention(text, mention), content, "inverted")

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
        attributor = self.attributor
        toks = tokens(text, start, sent_end)
        m = attributor.mention_after(toks, 0)
        return m is not None and (m[1] >= len(toks) or toks[m[1]].text in ",.;:!?()"
                                  or attributor.closes(toks, m[1]))


_PUNCT = set(",;:.!?()[]{}\u2014\u2013-") | set(QUOTE_CHARS)


_LEADING_CONJUNCTIONS = clause_words()["leading_conjunction"]
_OBJECT_PRONOUNS = clause_words()["object_pronoun"]  # 'groups that have endorsed *him* say': no speaker


_SETTINGS = clause_words()["setting"]  # 'said in a ...'


_CLAUSE_OPENERS = CLAUSE_LINKS | {"and", "but", "so"}


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


def _setting_before_passage(text: str, content: tuple[int, int], span) -> bool:
    """The words before 'X said, "Q"' set the scene and report nothing when they are unquoted, hold no
    finite verb, and Q opens a sentence of its own ('Tuesday in Berea, after winning Ohio, Kasich
    said, "I am ready"'); words that Q goes on from are part of what is said ('Sooner or later, he
    said, "it starts to pay off"')."""
    words = text[content[0]:content[1]]
    opening = next((ch for ch in text[span.inner[0]:span.inner[1]] if ch.isalpha()), "")
    return opening.isupper() and not any(ch in QUOTE_CHARS for ch in words) and not clausal(text, *content)


def _plain(tokens) -> list[Tok]:
    """A sentence's tokens as the attributor's readers take them."""
    return [Tok(t.start, t.end, t.text) for t in tokens]


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


def _first_word(sent: Sentence, span: tuple[int, int]) -> str:
    """The first word of a token span of a sentence, lower-cased."""
    return sent.tokens[span[0]].text.casefold() if span[0] < span[1] else ""
