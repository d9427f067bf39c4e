"""Stance decisions on real-news constructions: topic, voice, denial, hedge, headlines, user topics."""
import json

import pytest
from click.testing import CliRunner

from framing.cli import cli
from framing.corpus import article_from_text
from framing.pipeline import Analyzer

from .conftest import DEV_CORPUS, EXAMPLES, SHARED, needs_shared

ANALYZER = Analyzer(tier="builtin")
NK = SHARED / "corpus" / "nk-russia-2023-24"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def labels(text, **meta):
    """(topic, label, headline) for every scored sentence of a text, with the sentence's first words."""
    result = ANALYZER.analyze(article_from_text(text, **meta))
    return [(s.text.split()[0], s.topic, s.label, s.headline) for s in result.sentences]


def only(text, topic="arms"):
    found = [(label, headline) for _, t, label, headline in labels(text) if t == topic]
    assert len(found) == 1, labels(text)
    return found[0][0]


# ------------------------------------------------------------------ topic
@pytest.mark.parametrize("text", [
    "North Korea has sent military equipment to Russia for its war.",
    "Pyongyang gave Moscow lethal aid last year.",
    "Thousands of North Korean troops were sent to Russia.",
    "Pyongyang is arming Moscow for its war.",
])
def test_the_kinds_of_weapons_and_military_aid_name_the_topic(text):
    assert only(text) == "assert"


def test_a_reference_back_carries_the_topic_to_the_next_sentence():
    found = labels("North Korea shipped artillery shells to Russia, officials said. "
                   "Moscow dismissed these claims as lies.")
    assert [(w, t, label) for w, t, label, _ in found] == [("North", "arms", "attribute"), ("Moscow", "arms", "deny")]


def test_a_sentence_without_a_reference_does_not_inherit_the_topic():
    found = labels("North Korea shipped artillery shells to Russia. The weather in Seoul was mild.")
    assert [w for w, *_ in found] == ["North"]


# ------------------------------------------------------------------ voice
def test_attribution_after_the_content_is_attributed():
    assert only("North Korea sent artillery shells to Russia, South Korean officials said.") == "attribute"


def test_attribution_by_a_noun_phrase_is_attributed():
    assert only("Moscow rejected U.S. claims that the North sent weapons to Russia.") == "deny"
    assert only("Seoul repeated its accusation that the North supplied weapons to Russia.") == "attribute"


def test_own_voice_with_a_hedge_is_hedged_and_a_hedge_inside_a_quote_is_not_the_outlets():
    assert only("North Korea is believed to have supplied weapons to Russia.") == "hedge"
    assert only('Experts said the North "may be sending more shells", something prohibited by UN sanctions.',
                "sanctions") == "assert"


# ----------------------------------------------------------------- denial
@pytest.mark.parametrize("text", [
    "The Kremlin dismissed reports of arms deliveries from North Korea as baseless.",
    "Pyongyang rejected the allegations that it sold weapons to Russia.",
    "Moscow said there was no evidence that North Korea supplied weapons.",
])
def test_denials_worded_beyond_denied(text):
    assert only(text) == "deny"


def test_a_party_negating_the_claim_in_its_own_words_denies_it():
    assert only('"We will never break the sanctions," Dmitry Peskov said.', "sanctions") == "deny"


def test_a_double_negation_is_no_denial():
    assert only('"We do not rule out closer military cooperation with Pyongyang," Dmitry Peskov said.') == "attribute"


# -------------------------------------------------------------- headlines
def test_headline_and_standfirst_are_scored_and_marked():
    text = ("# Pyongyang will regret every artillery shell it sends to Moscow: Blinken\n\n"
            "SEOUL, Sept. 6 (Yonhap) -- The secretary of state spoke on Tuesday.\n")
    found = labels(text)
    assert ("Pyongyang", "arms", "attribute", True) in found


def test_outlet_index_reports_headlines_and_body_apart(tmp_path):
    result = run("-q", "stance", EXAMPLES, "--tier", "builtin", "--no-cache", "--format", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert all({"headline_index", "body_index", "headline_sentences"} <= set(r) for r in rows)
    assert any(r["headline_sentences"] for r in rows)


# ------------------------------------------------------------ user topics
TOPICS = "term,topic,weight\neconomy,economy,2\ntrade,economy,1\neconomic,economy,1\nnatural resources,economy,2\n"


def test_a_report_on_a_made_up_topic(tmp_path):
    topics = tmp_path / "topics.csv"
    topics.write_text(TOPICS)
    out = tmp_path / "report"
    result = run("-q", "report", EXAMPLES, "-o", out, "--topics", topics, "--tier", "builtin", "--no-cache")
    assert result.exit_code == 0, result.output
    stance = [json.loads(line) for line in (out / "data" / "stance.jsonl").read_text().splitlines()]
    assert stance and {r["topic"] for r in stance} == {"economy"}
    assert (out / "figures" / "3_stance.png").stat().st_size > 10_000 and (out / "report.pdf").is_file()
    both = run("-q", "stance", EXAMPLES, "--topics", topics, "--extend-topics", "--tier", "builtin", "--no-cache",
               "--format", "jsonl")
    assert {json.loads(line)["topic"] for line in both.stdout.splitlines()} == {"arms", "sanctions", "economy"}


def test_exercises_and_view_follow_the_topics_given(tmp_path):
    topics = tmp_path / "topics.csv"
    topics.write_text(TOPICS)
    result = run("-q", "exercise", EXAMPLES, "-o", tmp_path / "ex", "--topics", topics, "--kind", "hedges",
                 "--tier", "builtin", "--no-cache")
    assert result.exit_code == 0, result.output
    assert "economy" in (tmp_path / "ex" / "hedges_key.md").read_text()
    result = run("-q", "view", EXAMPLES, "-o", tmp_path / "view", "--topics", topics, "--tier", "builtin", "--no-cache")
    assert result.exit_code == 0 and "Stance: economy" in (tmp_path / "view" / "index.html").read_text()


@pytest.mark.parametrize("bad", ["term,topic,weight\nweapons,arms,heavy\n", "term,topic,weight\nweapons,,2\n",
                                 "term,topic\nweapons,arms\n"])
def test_a_bad_topics_file_is_one_line_exit_3(tmp_path, bad):
    topics = tmp_path / "topics.csv"
    topics.write_text(bad)
    result = run("stance", EXAMPLES, "--topics", topics, "--tier", "builtin", "--no-cache")
    assert result.exit_code == 3 and "topics.csv" in result.stderr and "Traceback" not in result.output


# ------------------------------------------------------------------ figures
@needs_shared
def test_evaluate_stance_shows_where_it_fails():
    result = run("-q", "evaluate", "stance", DEV_CORPUS, "--gold", DEV_CORPUS / "gold" / "stance.jsonl",
                 "--tier", "builtin", "--no-cache")
    assert result.exit_code == 0, result.output
    for part in ("accuracy", "per label", "confusion (rows: gold, columns: framing)", "unlabelled", "labelled_wrong"):
        assert part in result.stdout


@pytest.mark.skipif(not (NK / "gold" / "stance.jsonl").is_file(), reason="../shared/corpus/nk-russia-2023-24 is absent")
def test_real_development_articles_stance_figures():
    result = run("-q", "evaluate", "stance", NK, "--gold", NK / "gold" / "stance.jsonl", "--tier", "builtin",
                 "--no-cache", "--json")
    figures = json.loads(result.stdout)
    assert figures["accuracy"] >= 0.75 and figures["unlabelled"] <= 10  # measured 0.828 and 5 of 64


def test_an_acronym_the_article_defines_by_topic_words_carries_the_topic():
    found = labels("Seoul set up the Multilateral Sanctions Monitoring Team (MSMT) on Wednesday. "
                   "Moscow said the MSMT was illegal.")
    assert [(w, t) for w, t, _, _ in found] == [("Seoul", "sanctions"), ("Moscow", "sanctions")]


# ------------------------------------------------- constructions, continued
def test_a_reference_to_the_claims_carries_their_topics_besides_its_own():
    found = labels("Washington said Pyongyang broke UN sanctions by shipping shells to Moscow. "
                   "Russia dismissed the baseless accusations and called the weapon transfers a fiction.")
    assert {(t, label) for w, t, label, _ in found if w == "Russia"} == {("arms", "deny"), ("sanctions", "deny")}


def test_the_two_parties_named_together_continue_the_topic():
    found = labels("Russia's envoy rejected reports that North Korean troops were fighting in Ukraine. "
                   "He insisted that Moscow's ties with Pyongyang followed international law.")
    assert ("He", "arms") in [(w, t) for w, t, _, _ in found]


def test_contrasted_clauses_each_take_their_own_label():
    found = labels("Russia has bought artillery shells from North Korea, while Pyongyang is suspected of "
                   "receiving military technology in return.")
    assert [(w, label) for w, t, label, _ in found] == [("Russia", "assert"), ("while", "hedge")]


def test_a_hedge_in_another_clause_does_not_hedge_the_topic():
    assert only("Russia has bought artillery shells from North Korea, but the price is believed to be low.") == "assert"


@pytest.mark.parametrize("text", [
    "Moscow brushed off reports that North Korea supplied it with artillery shells.",
    "The Kremlin declined to comment on reports of arms deliveries from Pyongyang.",
    "Pyongyang called the reports of weapons shipments to Russia disinformation.",
    "Russia disputed the claim that it had received artillery shells from North Korea.",
    "The Kremlin refused to confirm that it had received weapons from North Korea.",
    "The ministry described the allegations of arms transfers as fake news.",
])
def test_denials_mined_from_polnear_cues(text):
    assert only(text) == "deny"


def test_an_attribution_the_quote_extractor_misses_is_read_by_the_voice_model():
    # (a relative clause longer than the fifteen words the extractor reads back from the verb)
    result = ANALYZER.analyze(article_from_text(
        "The head of an independent group that has tracked arms flows across eastern Europe and the Middle East "
        "with a small team since 2019 on Tuesday told the council it had firmly established that missile debris "
        "found near Kyiv came from North Korea."))
    assert not result.quotes
    [row] = result.sentences
    assert row.label == "attribute" and "voice model" in row.why


def test_a_party_named_after_its_description_speaks_for_that_party():
    # "Russia's ambassador ... / Ivan Petrovsky said": the name takes the description's group, so
    # its negation of the claim is a party's denial.
    assert only("Russia's ambassador to the UN on Monday said the charges were slander. Ivan Petrovsky said the "
                'cooperation with Pyongyang "is in line with the law and is not a violation" of UN sanctions.',
                "sanctions") == "deny"
