"""Reported speech found from its cue: every verb of saying outside quotation marks is a candidate.

For each reporting expression (``lexicons/reporting_verbs.csv``) used as a
verb, :class:`ClauseCandidates` finds the speaker with the same attribution
reader as quoted passages (:class:`~framing.marks.MarkAttributor`) and the
reported clause in the two orders news writing uses::

    Brian Murphy, the county chairman, for example, said Trump hurt his cause.   preposed
    Sanders is suggesting he beat expectations.                                   preposed (progressive)
    Clark said the race was open, noting he would back any nominee.               participle: the clause's subject
    Fundraising has surged, the campaign said.   /   ..., said Paul Beck.        postposed

:class:`~framing.quote_model.QuoteModel` (its ``clauses`` decision, trained on
PolNeAR) then decides whether the candidate is an attribution.
"""
from __future__ import annotations

from .lexicon import clause_words, reporting_lemmas, speech_nouns
from .marks import (Candidate, MarkAttributor, Tok, after_as_clause, as_clause_subject, aside_before_that, clausal,
                    closed_passage_end, extend_over_passages, in_passage, next_report, opened_by_subordinator,
                    opens_subordinate, passage_closes_report, phrase_end, quantifier_at, says_where, size_bucket,
                    subordinate_end, tokens, word_class, writer_aside)

_PREPOSITIONS = clause_words()["preposition"]
_RELATIVE_WORDS = clause_words()["relative_word"]
_MAIN_VERBS = clause_words()["main_verb"]
_PARTICIPLE_LINKS = clause_words()["participle_link"]
_POSSESSIVE_PRONOUNS = clause_words()["possessive_pronoun"]


def _relative_end(toks: list[Tok], k: int, end: int, main_verbs) -> int:
    """End of a relative clause's report at the comma before the main clause's verb resumes."""
    for n in range(k, len(toks) - 1):
        if toks[n].start >= end:
            break
        nxt = toks[n + 1]
        if toks[n].text == "," and nxt.word and not nxt.capitalised and \
                (nxt.low.endswith("ed") or nxt.low in main_verbs):
            return toks[n].start
    return end


def introduces_passive_content(word: str, verb) -> bool:
    """After a passive verb's agent, ``word`` opens what was said: 'that' for a verb of saying,
    'whether' or 'if' for one of asking (the object_to frame)."""
    return word == "that" and verb.frame != "object_to" or word in ("whether", "if") and verb.frame == "object_to"


def _attributes_a_quote(toks: list[Tok], m: int) -> bool:
    """The speaker at toks[m] comes right after a closed quotation ('"Q," she said ...')."""
    before = [t.text for t in toks[max(0, m - 2):m]]
    return bool(before) and any(t in ("\u201d", '"') for t in before) \
        and all(t in ("\u201d", '"', ",", "!", "?") for t in before)


def _subordinate(toks: list[Tok], mention_start: int, subordinators) -> bool:
    """The speaker starting at offset ``mention_start`` is the subject of a subordinate clause ('while
    most of his competitors called for ...'), whose cue says nothing of the main clause's participles."""
    k = next((n for n, t in enumerate(toks) if t.start == mention_start), 0)
    return opens_subordinate(toks, k, subordinators)


class ClauseCandidates:
    """Reporting verbs outside quotation marks, with their speaker and reported clause."""

    def __init__(self, attributor: MarkAttributor, words: dict[str, set[str]]):
        self.attributor = attributor
        self.time = words.get("time", set())  # 'Monday', 'week' (not the words leading them: 'on', 'last')
        self.not_participles = words.get("not_participle", set())  # ', including ...' goes on with the claim
        self.main_verbs = _MAIN_VERBS | attributor.irregular_verbs  # what resumes after a relative clause
        self.continuation = words.get("writer_continuation", set())  # words that start the writer's addition
        self.likelihood = words.get("likelihood", set())  # 'voters were more likely to say ...'
        lemmas = reporting_lemmas(attributor.verbs)  # ('statement': 'state' that takes a clause)
        self.speech_nouns = {noun: lemmas[lemma] for noun, lemma in speech_nouns().items() if lemma in lemmas}

    def find(self, doc, spans) -> list[Candidate]:
        text = doc.text
        out = []
        for sent in doc.sentences:
            toks = tokens(text, sent.start, sent.end)
            earlier = None  # the speaker of an earlier cue in this sentence
            before_sentence = len(out)  # candidates of earlier sentences
            i = 0
            while i < len(toks):
                cue = self.attributor.cue_at(toks, i)
                if cue is None:
                    noun = self.speech_nouns.get(toks[i].low)  # "Putin's suggestion that P"
                    if noun is not None and not in_passage(spans, toks[i].start):
                        cand = self._possessive(text, sent, toks, i, i + 1, noun)
                        if cand is not None:
                            out.append(cand)
                    i += 1
                    continue
                j, verb = cue
                quoted = in_passage(spans, toks[i].start)
                if verb.frame == "quotation":
                    pass  # ('the statement read', 'the states'): a cue only beside quotation marks
                elif verb.frame == "object_to" and toks[i].low.endswith("ing") and len(out) > before_sentence:
                    pass  # 'Blinken warned that P, urging China to ...': the appeal goes with the warning
                elif not quoted and verb.frame not in ("none", "prep") and (
                        (verbal := self.attributor.used_as_verb(toks, i)) or self._infinitive_report(toks, i, j, verb)):
                    # ('to' before a verb makes it no finite one: an infinitive report is never both)
                    cand = self._candidate(text, sent, toks, i, j, verb, spans, infinitive=not verbal, earlier=earlier)
                    if cand is not None and in_passage(spans, cand.attribution.mention[0]):
                        cand = None  # '"They were all opened: a new server, a mouse," says the narrator': the
                        # words before the cue are the passage's, not its speaker
                    if cand is not None:
                        out.append(cand)
                        if not _subordinate(toks, cand.attribution.mention[0], self.attributor.subordinators):
                            earlier = cand.attribution.mention  # (not 'while his rivals called for ...')
                elif not quoted and verb.frame not in ("prep", "quotation"):  # ('the Rust Belt's states that')
                    cand = self._possessive(text, sent, toks, i, j, verb)
                    if cand is not None:
                        out.append(cand)
                i = j
        return out

    def _candidate(self, text, sent, toks, i, j, verb, spans, infinitive: bool,
                   earlier: tuple[int, int] | None = None) -> Candidate | None:
        """The candidate a cue of saying outside quotation marks reads; ``earlier``: the mention of the
        speaker of an earlier cue of the sentence (who a participle's report may go on with)."""
        a = self.attributor
        postposed = self._postposed(text, sent, toks, i, j, verb, spans)
        if postposed is not None:
            return postposed
        passive = self._passive(text, sent, toks, i, j, verb)
        if passive is not None:
            return passive
        m = a.mention_before(toks, i)
        how, before_comma = "preposed", None
        antecedent = a.relative(toks, i) if m is None else None
        opening = self._opening_subject(toks, i, j) if m is None else None
        if opening is not None:  # 'Noting that P, Trump reminded ...': the main clause's subject speaks
            m, how = opening[0], "opening"
        elif antecedent is not None:  # 'Mr. Sanders, who said he ...': "who" speaks for Mr. Sanders
            m, antecedent = antecedent
            how = "relative"
        elif (m is None or (toks[m[0]].low in a.determiners and m[1] - m[0] == 1)) and \
                (a.participle(toks, i) or a.coordinated(toks, i)) or a.carried(toks, m) \
                or m is not None and m[1] == i - 1 and toks[i - 1].text == "," and a.participle(toks, i):
            before_comma, how = m, "participle"
            if earlier is not None:  # 'Blinken warned that ..., urging China to ...': Blinken urges
                found = next((n for n, t in enumerate(toks) if t.start == earlier[0]), None)
                end = next((n for n, t in enumerate(toks) if t.end == earlier[1]), None)
                m = (found, end + 1) if found is not None and end is not None else None
            elif a.coordinated(toks, i):  # 'when Rubio thanked Miami and said ...': the first verb's subject
                m = a.coordinated_subject(toks, i) or a.subject(toks)
            elif before_comma is not None:  # 'X called for a vote, declaring ...': X, not 'a vote'
                m = a.participle_subject(toks, i) or before_comma
            else:  # ('"Q," he said, adding that P': the nearest verb of saying's subject, not the passage's)
                m = a.participle_subject(toks, i)
        if m is None and infinitive:
            m, how = a.subject(toks), "infinitive"  # 'Advisers are quick to point out that P': the subject says P
        if m is None:
            return None
        if how == "preposed" and toks[i - 1].text == "," and m[1] < i - 1 and j < len(toks) and toks[j].capitalised:
            return None  # 'P, the KKK controversy, said Rick Hohlt': the speaker follows the cue
        if a.aside_after_clause(toks, m[0], j):
            return None  # 'P, as X reported on Tuesday, and ...': P is reported (the postposed reading)
        k = after_as_clause([t.low for t in toks], m[0], j) or self._content_start(toks, j, verb)
        if k is None or len(toks) - k < 3:
            return None
        if verb.frame == "object_to" and toks[k].low in ("to", "not"):
            return None  # 'who asked not to be named': a request about oneself, no one is urged or asked anything
        if _attributes_a_quote(toks, m[0]) and toks[k - 1].low not in ("that", ":") and how != "participle":
            return None  # '"Q," she told the packed hall, where ...': the cue is the quote's; what follows is the writer's
        if says_where([t.text for t in toks], m[0], toks[k].text, self.continuation):
            return None
        start, end = toks[k].start, self._content_end(text, toks[k].start, sent.end)
        if verb.frame == "np":
            end = phrase_end(text, start, end)
        end = subordinate_end(toks, m[0], k, end)
        if how == "relative":  # 'Mr. Trump, who said P, issued a statement': P ends with the relative clause
            end = _relative_end(toks, k, end, self.main_verbs)
        if how == "opening":
            end = min(end, toks[opening[1]].start)
        start, end = extend_over_passages(spans, start, end)
        if len(text[start:end].split()) < 3:
            return None
        attribution = a.make_attribution(how, toks, (i, j), m, verb, antecedent=antecedent)
        attribution.content = (start, end)
        cand = Candidate(toks[i].start, end, sent.index, attribution, last_sentence=sent.index)
        cand.features = self.features(text, toks, i, j, k, cand, verb)
        return cand

    def _infinitive_report(self, toks: list[Tok], i: int, j: int, verb) -> bool:
        """An infinitive cue that opens a that-clause ('are quick to point out that P', 'went on to explain
        that P'), or a clause after an adjective of likelihood ('voters were more likely to say they
        preferred ...'): a proposition reported, unlike 'declined to say whether' or 'to say the least'."""
        if not (i > 0 and toks[i - 1].low == "to" and verb.frame in ("clause", "object_clause")):
            return False
        k = self._content_start(toks, j, verb)
        if k is None or toks[k - 1].low == "that":
            return k is not None
        if i > 1 and toks[i - 2].low in self.likelihood:  # 'more likely to say they preferred'
            words = " ".join(t.text for t in toks[k:k + 6])
            return clausal(words, 0, len(words))  # (a clause, not 'likely to describe her as likable')
        return False

    def _opening_subject(self, toks: list[Tok], i: int, j: int) -> tuple[tuple[int, int], int] | None:
        """For a participle of saying that opens the sentence ('Noting that P, Trump reminded ...', 'After
        suggesting that P, Rubio ...'): (the subject after the comma that closes its clause, that comma's
        index), or None."""
        if not toks[i].low.endswith("ing") or not (i == 0 or i == 1 and toks[0].low in _PARTICIPLE_LINKS):
            return None
        for c in range(j + 1, len(toks) - 2):
            if toks[c].text != ",":
                continue
            m = self.attributor.mention_after(toks, c + 1)
            if m is not None and m[1] < len(toks) and toks[m[1]].word and not toks[m[1]].capitalised:
                return m, c
        return None

    def _possessive(self, text, sent, toks, i, j, verb) -> Candidate | None:
        """"Washington's claim that Pyongyang sent shells", "his repeated claim that P", "Putin's suggestion
        during his visit that P": the possessor speaks, the that-clause is said."""
        that = self._that_after_noun(toks, j) if i >= 1 else None
        if that is None:
            return None
        o = i - 2 if i > 1 and toks[i - 2].low in _POSSESSIVE_PRONOUNS and toks[i - 1].word \
            and not toks[i - 1].capitalised else i - 1  # (an adjective between: 'his repeated claim')
        owner = toks[o]
        if owner.low in _POSSESSIVE_PRONOUNS:
            cut, first = len(owner.text), o
        elif owner.low.endswith(("'s", "\u2019s")):
            cut, first = len(owner.text) - 2, o
            while first > 0 and toks[first - 1].capitalised and toks[first - 1].word:
                first -= 1  # "Vladimir Putin's"
        else:
            return None
        start = toks[that + 1].start if that + 1 < len(toks) else sent.end
        end = self._content_end(text, start, sent.end)
        if len(text[start:end].split()) < 3:
            return None
        attribution = self.attributor.make_attribution("possessive", toks, (i, j), None, verb)
        attribution.mention = (toks[first].start, owner.start + cut)
        attribution.content = (start, end)
        cand = Candidate(toks[i].start, end, sent.index, attribution, last_sentence=sent.index)
        cand.features = self.features(text, toks, i, j, that + 1, cand, verb)
        return cand

    def _that_after_noun(self, toks: list[Tok], j: int) -> int | None:
        """Index of the 'that' opening what a noun of saying ending before toks[j] reports: right after
        it, or after a setting of a few words ('suggestion during his recent visit to Pyongyang that');
        None when a comma, a passage or a verb comes first."""
        if j < len(toks) and toks[j].low == "that":
            return j
        if j >= len(toks) or toks[j].low not in _PREPOSITIONS:
            return None
        for n in range(j + 1, min(j + 10, len(toks))):
            t = toks[n]
            if t.low == "that":
                return n
            setting = t.low in _PREPOSITIONS or t.low in self.attributor.determiners or t.low in _POSSESSIVE_PRONOUNS
            if not t.word or t.low in self.attributor.stop and not setting or self.attributor.verb_form(t) \
                    or self.attributor.cue_at(toks, n):
                return None
        return None

    def _postposed(self, text, sent, toks, i, j, verb, spans) -> Candidate | None:
        """'Fundraising has surged, the campaign said.' / '..., said Paul Beck, a professor.'"""
        a = self.attributor
        comma = None
        for n in range(i - 1, max(-1, i - 12), -1):
            if toks[n].text == ",":
                comma = n
                break
        if comma is None or comma < 3:
            return None
        inverted = comma == i - 1  # ', said X' (else ', X said')
        if inverted:
            if verb.frame == "np":
                return None  # ', called for a voice vote': what follows is the verb's object, not its speaker
            m = a.mention_after(toks, j)
            if m is None or not a.closes(toks, m[1]):
                return None
        else:
            m = a.mention_before(toks, i, floor=comma + 1)
            as_clause = m is not None and m[0] == comma + 2 and m[1] == i \
                and as_clause_subject([t.low for t in toks[:m[0] + 1]], m[0], verb) \
                and (not any(t.text in (",", ";", ":") or t.low == "that" for t in toks[j:])
                     and not clausal(text, toks[j].start, sent.end)  # 'P, as the Mirror reported a few days later.'
                     or a.aside_after_clause(toks, m[0], j))  # 'P, as X reported on Tuesday, and ...'
            if m is None or m[0] != comma + 1 and not as_clause \
                    or not as_clause and not a.closes(toks, a.past_addressee(toks, j, verb)):
                return None
        start, end = sent.start, toks[comma].start
        while start < end and not text[start].isalnum() and text[start] not in "\"\u201c'":
            start += 1
        if len(text[start:end].split()) < 3:
            return None
        if inverted and not clausal(text, start, end) and a.head_of_asides(toks, comma) is not None:
            return None  # 'Kristen Smith, director of Democrats for Life, said the language hurt': no clause, a speaker
        if opened_by_subordinator(toks, comma):
            return None  # 'As a phone rang, the announcer said ...': a clause of time or reason
        attribution = a.make_attribution("postposed", toks, (i, j), m, verb)
        start, end = extend_over_passages(spans, start, end)
        attribution.content = (start, end)
        cand = Candidate(start, end, sent.index, attribution, last_sentence=sent.index)
        cand.features = self.features(text, toks, i, j, j, cand, verb)
        return cand

    def _passive(self, text, sent, toks, i, j, verb) -> Candidate | None:
        """'It was reported by Yonhap that the talks had ended.': the agent speaks, the that-clause is said;
        'Sanders was asked by host John Dickerson whether P': the agent asks the question."""
        if not (i > 0 and toks[i - 1].low in ("was", "is", "been", "were", "when") and j < len(toks)
                and toks[j].low == "by"):
            return None
        m = self.attributor.mention_after(toks, j + 1)
        if m is None or m[1] + 1 >= len(toks) or not introduces_passive_content(toks[m[1]].low, verb):
            return None
        k = m[1] + 1 if toks[m[1]].low == "that" else m[1]
        start, end = toks[k].start, subordinate_end(toks, m[0], k, self._content_end(text, toks[k].start, sent.end))
        attribution = self.attributor.make_attribution("passive", toks, (i, j), m, verb)
        attribution.content = (start, end)
        cand = Candidate(toks[i].start, end, sent.index, attribution, last_sentence=sent.index)
        cand.features = self.features(text, toks, i, j, k, cand, verb)
        return cand

    def _content_start(self, toks: list[Tok], j: int, verb) -> int | None:
        """Token where the reported clause starts: after time words, an addressee and 'that'."""
        k = j
        while k < len(toks) and (toks[k].low in self.time or toks[k].low in self.attributor.time
                                 and k + 1 < len(toks) and toks[k + 1].low in self.time):
            k += 1  # 'said Monday', 'said on Monday' (not 'said on stage')
        if verb.frame == "object_clause":
            k = self.attributor.past_addressee(toks, k, verb)
        k = aside_before_that([t.low for t in toks], k)  # 'said, for example, that P'
        if k < len(toks) and toks[k].text == "," and k + 1 < len(toks) and \
                (toks[k + 1].low in self.attributor.stop or toks[k + 1].low.endswith("ing")):
            return None  # 'KCNA said Wednesday, as ties grow' / ', using ...': the writer's narration goes on
        if k < len(toks) and toks[k].text in (",", ":"):
            k += 1
        that = k < len(toks) and toks[k].low == "that"
        if that:
            k += 1
            if k < len(toks) and toks[k].text == ",":
                k += 1  # 'insist that, with the candidate focused on ..., P
        if k < len(toks) and toks[k].low == "to" and verb.frame == "intent":
            return k  # 'vowed to repeal the law': the intention is the content
        if not that and k < len(toks) and toks[k].low in _PREPOSITIONS \
                and not quantifier_at([t.low for t in toks[k:k + 2]], 0):  # 'said in a statement that ...'
            that = next((n for n in range(k + 1, min(k + 9, len(toks))) if toks[n].low == "that"), None)
            if that is None:
                return None
            k = that + 1
        if k >= len(toks) or not toks[k].word:
            return None
        return k

    def _content_end(self, text: str, start: int, sent_end: int) -> int:
        end = closed_passage_end(text, start, sent_end) or sent_end
        end = passage_closes_report(text, start, end) or end
        end = writer_aside(text, start, end, self.not_participles) or end
        end = next_report(text, start, end, self.attributor.verbs) or end
        while end > start and text[end - 1] in " \t\r\n.!?":
            end -= 1
        return end

    @staticmethod
    def features(text, toks, i, j, k, cand, verb) -> dict[str, float]:
        a = cand.attribution
        mention = text[a.mention[0]:a.mention[1]]
        kind = "pronoun" if mention.casefold() in ("he", "she", "they", "we", "i", "you", "it") else \
            "name" if mention[:1].isupper() else "description"
        f = {"bias": 1.0, f"layout={a.layout}": 1.0, f"lemma={verb.lemma}": 1.0, f"form={toks[i].low}": 1.0,
             f"frame={verb.frame}": 1.0, f"mention={kind}": 1.0,
             f"mention_words={size_bucket(len(mention.split()))}": 1.0,
             f"content_words={size_bucket(len(text[a.content[0]:a.content[1]].split()))}": 1.0,
             f"prev={word_class(toks[i - 1].text) if i > 0 else '<start>'}": 1.0,
             f"clausal={verb.frame}:{clausal(text, *a.content)}": 1.0}
        if k > j and toks[k - 1].low == "that":
            f["that"] = 1.0
        if j < len(toks):
            f[f"next={toks[j].low if toks[j].word else toks[j].text}"] = 1.0
        if mention[:1].islower() and mention.split():
            f[f"mention_first={mention.split()[0].casefold()}"] = 1.0
        return f
