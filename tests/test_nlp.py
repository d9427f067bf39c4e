"""The NLP layer: tiers, offline stanza loading, and raw offsets that always hold."""
import re

from hypothesis import HealthCheck, given, settings, strategies as st
import pytest

from framing.corpus import article_from_text, read_corpus
from framing.nlp import (BuiltinSegmenter, ModelError, annotate, build_document, load_backend,
                         rejoin_after_abbreviations, tokens_from_stanza)
from framing.preprocessing import clean_body
from framing.types import Token

from .conftest import DEV_CORPUS, EXAMPLES, FIXTURES, needs_shared, needs_stanza


def assert_offsets_hold(doc):
    """Sentences are raw text; tokens are the reading view, which has the raw text's offsets."""
    raw, view = doc.raw, doc.text
    assert len(view) == len(raw)
    for s in doc.sentences:
        assert raw[s.start:s.end] == s.text
        for t in s.tokens:
            assert view[t.start:t.end] == t.text
            assert s.start <= t.start <= t.end <= s.end


def test_builtin_segmenter_splits_sentences_but_not_abbreviations():
    article = article_from_text("U.S. Secretary Blinken met Mr. Yun on Nov. 9. They talked.\n\nLater, they ate.")
    doc = annotate(article, BuiltinSegmenter())
    assert [s.text for s in doc.sentences] == [
        "U.S. Secretary Blinken met Mr. Yun on Nov. 9.", "They talked.", "Later, they ate."]
    assert doc.tier == "builtin"


def test_a_sentence_broken_across_a_paragraph_break_is_one_sentence():
    text = "Both are under sanctions \u2014 the former\n\nfor its war and the latter for its missiles.\n\nNext one."
    doc = annotate(article_from_text(text), BuiltinSegmenter())
    assert doc.sentences[0].text == text.split("\n\nNext")[0]
    assert len(doc.sentences) == 2


def test_markdown_and_captions_stay_out_of_the_body():
    text = ("# A **headline**\n\nBy [AFP](#)\n\nLeaders (L) shake hands in Moscow, 13 September 2023. EFE-EPA/POOL\n\n"
            "The *talks* ended, [KCNA](http://x) said.\n")
    doc = annotate(article_from_text(text), BuiltinSegmenter())
    assert [s.text for s in doc.sentences] == ["The *talks* ended, [KCNA](http://x) said."]
    assert_offsets_hold(doc)


def test_a_party_tag_is_no_photo_position():
    text = ("Putin (R) shakes hands with Kim Jong Un (L) in Vladivostok.\n\n"
            "Gov. Phil Bryant (R) said he expects an appeal.\n")
    doc = annotate(article_from_text(text), BuiltinSegmenter())
    assert [s.text for s in doc.sentences] == ["Gov. Phil Bryant (R) said he expects an appeal."]


def test_a_sentence_naming_a_poll_or_ending_with_a_date_is_body_a_dated_one_liner_a_caption():
    from framing.preprocessing import classify_line

    body = ["A CNN/ORC poll of South Carolina released on Tuesday showed Mr. Trump with a 16-point lead.",
            "They pieced together how the couple pulled off the deadliest attack since Sept. 11, 2001.",
            "Polls may have missed the results. New Hampshire seems stable. This is HuffPollster for Wednesday, "
            "February 3, 2016."]
    captions = ["Officials and a Russian delegation toast at a reception in Pyongyang on Nov. 14, 2023.",
                "Leaders meet in Moscow, 13 September 2023.",
                "Christoph Blocher reacts during a meeting of his party. (FABRICE COFFRINI/AFP/Getty Images.)"]
    assert [classify_line(line, len(line.split())) for line in body] == ["body"] * 3
    assert [classify_line(line, len(line.split())) for line in captions] == ["caption"] * 3


def test_missing_model_falls_back_to_builtin_or_fails_when_stanza_is_required(tmp_path):
    assert load_backend(tmp_path, "auto").tier == "builtin"
    with pytest.raises(ModelError):
        load_backend(tmp_path, "stanza")


@needs_stanza
def test_stanza_tokenizer_loads_offline_and_keeps_raw_offsets(stanza_backend):
    assert stanza_backend.tier == "stanza-tokenize"
    for article in read_corpus(EXAMPLES):
        doc = annotate(article, stanza_backend)
        assert doc.sentences
        assert_offsets_hold(doc)


@needs_shared
@needs_stanza
def test_stanza_on_the_messy_dev_articles(stanza_backend):
    for article in read_corpus(DEV_CORPUS):
        assert_offsets_hold(annotate(article, stanza_backend))


def test_conllu_fixture_gives_tokens_with_syntax():
    from stanza.utils.conll import CoNLL

    sdoc = CoNLL.conll2doc(input_str=(FIXTURES / "reported_speech.conllu").read_text())
    sentences = tokens_from_stanza(sdoc)
    said = sentences[0][1]
    assert (said.lemma, said.upos, said.head, said.deprel) == ("say", "VERB", 0, "root")
    assert sentences[0][0].ner == "S-PERSON"
    text = "Peskov said the accusations were unfounded. The officials, the agency reported, met on Tuesday."
    article = article_from_text(text)
    doc = build_document(article, clean_body(text, article.blocks), sentences, "stanza-full")
    assert doc.sentences[1].text == "The officials, the agency reported, met on Tuesday."
    assert doc.sentences[0].has_syntax
    assert_offsets_hold(doc)


# --------------------------------------------------------- property tests
_pieces = st.sampled_from([
    "word", "Said", " ", "  ", "\n", "\n\n", "\r\n", "\u00a0", "\u200b", "\ufeff", "**", "*", "_", "#", "# ",
    "[link](http://x.y)", "![img](a.png)", "<https://a.b/c>", '"', "\u201c", "\u201d", "'", "\u2019", ".", ",",
    "\u2014", "--", "(AFP)", "By ", "Nov. 15", "U.S.", "Mr.", "?", "!", "\u05e9\u05dc\u05d5\u05dd", "\U0001F600",
    "\x07", "\t", "<p>", "</p>", "SEOUL, Nov. 2 (Yonhap) -- ", "Original url:", "2023"])
texts = st.lists(st.one_of(_pieces, st.text(max_size=8)), max_size=60).map("".join)


@given(texts)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_reported_span_is_exactly_the_raw_text(text):
    article = article_from_text(text)
    for f in article.meta.values():
        if f.start is not None and f.source == "text":
            assert text[f.start:f.end] == f.evidence
    for b in article.blocks:
        assert 0 <= b.start <= b.end <= len(text)
    assert_offsets_hold(annotate(article, BuiltinSegmenter()))


def test_a_sentence_break_the_built_in_segmenter_would_not_make_is_undone():
    text = "He met Sen. Bernie Sanders. He met Gen.\n\nSmith left. Texas Sen . Ted Cruz won: The vote. In the U.S. The end."
    tokens = [Token(m.group(), m.start(), m.end()) for m in re.finditer(r"Sen\.|Gen\.|U\.S\.|\w+|[.:]", text)]
    words = [t.text for t in tokens]
    # a tokenizer's sentence breaks: after 'Sen.' (wrong), 'Sanders .', 'Gen.' (a paragraph ends), 'left .',
    # 'Sen .' (wrong), ':' (the built-in tier reads on), 'vote .', 'U.S.' (right: 'The' opens a sentence)
    breaks = [3, 6, 9, 12, 15, 19, 22, 25, len(tokens)]
    pieces = [tokens[a:b] for a, b in zip([0] + breaks, breaks)]
    assert [p[-1].text for p in pieces][:8] == ["Sen.", ".", "Gen.", ".", ".", ":", ".", "U.S."], words
    joined = rejoin_after_abbreviations(pieces, text, {"sen", "gen", "u.s"}, {"The", "He"})
    assert [" ".join(t.text for t in s) for s in joined] == [
        "He met Sen. Bernie Sanders .", "He met Gen.", "Smith left .", "Texas Sen . Ted Cruz won : The vote .",
        "In the U.S.", "The end ."]


def test_a_pronoun_or_determiner_after_an_abbreviation_opens_a_new_sentence():
    text = "Polls close at 7 p.m. He says it is close. Sen. Ted Cruz agreed. It grew in the U.S. The end."
    spans = BuiltinSegmenter().sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["Polls close at 7 p.m.", "He says it is close.", "Sen. Ted Cruz agreed.",
                                             "It grew in the U.S.", "The end."]
