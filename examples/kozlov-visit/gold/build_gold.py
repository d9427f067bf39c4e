"""Builds the gold files of the example corpus from the annotations below.

The annotations name each quote by its exact content (a quote its attribution
interrupts, '"A," she said. "B."', by its pieces); this script finds the
character offsets in the article text (as read from disk, UTF-8) and writes
``quotes.jsonl`` and ``stance.jsonl`` in the formats of the development set's
gold README. Run it after editing an article: ``python build_gold.py``.
"""
import json
from pathlib import Path

HERE = Path(__file__).parent
SPEAKERS = json.loads((HERE / "speakers.json").read_text(encoding="utf-8"))

# (doc, speaker, cue, kind, mention, needs_coreference, content)
QUOTES = [
    ("01_northern-beacon", "KCNA", "reported", "indirect", "the Korean Central News Agency", False,
     "A Russian government delegation led by Natural Resources Minister Alexander Kozlov arrived in Pyongyang on Tuesday for the 10th meeting of the intergovernmental committee on trade, economy, science and technology"),
    ("01_northern-beacon", "Yun Jong-ho", "said", "mixed", "Minister of External Economic Relations Yun Jong-ho", False,
     'the two sides would "further revitalize the bilateral relations in all fields and develop them onto a new high stage."'),
    ("01_northern-beacon", "Alexander Kozlov", "said", "mixed", "Kozlov", False,
     'the two countries are "fighting shoulder to shoulder in the forefront against the dominationist forces."'),
    ("01_northern-beacon", "Alexander Kozlov", "added", "indirect", "He", True,
     "Russia is desirous of developing substantial cooperation in accordance with the agreements reached at the September summit"),
    ("01_northern-beacon", "KCNA", "according to", "indirect", "KCNA", False,
     "The talks were held in a warm and friendly atmosphere"),
    ("02_meridian-wire", "KCNA", "said", "indirect", "North Korea's state media", False,
     "A Russian delegation led by Natural Resources Minister Alexander Kozlov is visiting Pyongyang"),
    ("02_meridian-wire", "National Intelligence Service", "has said", "indirect", "South Korea's spy agency", False,
     "the North appears to have shipped more than one million artillery shells to Russia"),
    ("02_meridian-wire", "Seoul think tank researcher", "told", "direct", "a researcher at a Seoul think tank", False,
     ("The two sides are keen to show that their partnership goes beyond one summit,",
      "Whether weapons are part of the trade is much harder to prove.")),
    ("02_meridian-wire", "Dmitry Peskov", "said", "indirect", "Kremlin spokesman Dmitry Peskov", False,
     "claims Russia helps Pyongyang evade sanctions were unfounded"),
    ("02_meridian-wire", "Analysts", "said", "indirect", "analysts", False,
     "The UN Security Council has banned arms trade with North Korea since 2006, and any such transfer would likely breach those sanctions"),
    ("03_harbour-ledger", "KCNA", "said", "indirect", "the North's state media", False,
     "The delegation, led by Natural Resources Minister Alexander Kozlov, arrived on Tuesday"),
    ("03_harbour-ledger", "Antony Blinken", "warned", "mixed", "U.S. Secretary of State Antony Blinken", False,
     "military ties between Pyongyang and Moscow were \u201cgrowing and dangerous.\u201d"),
    ("03_harbour-ledger", "G7", "urging", "mixed", "The G7's foreign ministers", False,
     "North Korea and Russia to \u201cimmediately cease all such activities.\u201d"),
    ("03_harbour-ledger", "South Korea", "accuses", "indirect", "Seoul", False,
     "Pyongyang of receiving help with its spy satellite program in return"),
    ("04_eastbridge-herald", "Kremlin", "dismissed", "indirect", "The Kremlin", False,
     "dismissed accusations that Russia helps North Korea get around international sanctions"),
    ("04_eastbridge-herald", "Dmitry Peskov", "said", "indirect", "Presidential spokesman Dmitry Peskov", False,
     "the accusations were unfounded"),
    ("04_eastbridge-herald", "Western governments", "allege", "indirect", "Western governments", False,
     "Pyongyang has supplied artillery shells to Moscow"),
    ("04_eastbridge-herald", "KCNA", "said", "indirect", "the Korean Central News Agency", False,
     "A delegation led by Natural Resources Minister Alexander Kozlov arrived in Pyongyang on Tuesday for talks on trade and science"),
    ("04_eastbridge-herald", "KCNA", "said", "mixed", "It", True,
     'the officials agreed to "further revitalize the bilateral relations in all fields."'),
    ("04_eastbridge-herald", "Alexander Kozlov", "said", "mixed", "The Russian minister", True,
     'his country was "desirous" of developing "substantial cooperation" with the North'),
    ("04_eastbridge-herald", "Critics", "say", "indirect", "Critics in Seoul and Washington", False,
     "the visit shows the two countries are deepening a military partnership"),
    ("05_civic-lens", "KCNA", "reported", "indirect", "North Korean state media", False,
     "North Korea and Russia signed a protocol on Wednesday at the end of a committee meeting on trade and science"),
    ("05_civic-lens", "KCNA", "said", "direct", "the Korean Central News Agency", False,
     "A protocol of the meeting was signed,"),
    ("05_civic-lens", "National Intelligence Service", "according to", "indirect", "South Korea's National Intelligence Service", False,
     "the North has sent more than one million artillery shells to Russia since August"),
    ("05_civic-lens", "Seoul and Washington", "believe", "indirect", "Seoul and Washington", False,
     "Pyongyang may be receiving technical help with its satellite launches in return"),
    ("05_civic-lens", "Dmitry Peskov", "has called", "indirect", "Its spokesman, Dmitry Peskov", False,
     "called them unfounded"),
    ("05_civic-lens", "Analysts", "say", "indirect", "Analysts", False,
     "the visit is also a signal to Washington"),
    ("05_civic-lens", "Analysts", "said", "direct", "one analyst in Seoul", False,
     "Both governments want to be seen together,"),
    ("06_atlas-review", "Analysts", "say", "indirect", "Experts", False,
     "the Russian delegation's visit to Pyongyang this week is less about trade than about what each side can offer the other in wartime"),
    ("06_atlas-review", "Former UN sanctions investigator", "said", "direct", "a former UN sanctions investigator", False,
     ("The committee meeting is a useful cover,",
      'The real exchange is munitions for technology.\n\n"What we do not see is the payment, and that is what the sanctions are meant to stop.')),
    ("06_atlas-review", "Former UN sanctions investigator", "added", "mixed", "The investigator", True,
     'the reports of UN monitors had long described what she called "sanctions evasion by design."'),
    ("06_atlas-review", "Alexander Kozlov", "said", "mixed", "Kozlov", False,
     'the two countries are "fighting shoulder to shoulder in the forefront against the dominationist forces."'),
    ("06_atlas-review", "South Korean media", "was reported by", "indirect", "South Korean media", False,
     "the North has also sent workers to Russia"),
    ("06_atlas-review", "Kim Jong Un", "declaring", "mixed", "Kim Jong Un", False,
     'relations with Moscow his country\'s "number one priority."'),
]

# (doc, topic, label, evidence)
STANCE = [
    ("01_northern-beacon", "arms", "deny", "such claims are groundless smears aimed at isolating two friendly nations"),
    ("02_meridian-wire", "arms", "hedge", "The visit is believed to follow up on the September summit"),
    ("02_meridian-wire", "arms", "attribute", "South Korea's spy agency has said the North appears to have shipped more than one million artillery shells to Russia"),
    ("02_meridian-wire", "sanctions", "deny", "claims Russia helps Pyongyang evade sanctions were unfounded"),
    ("02_meridian-wire", "sanctions", "attribute", "any such transfer would likely breach those sanctions, analysts said"),
    ("03_harbour-ledger", "arms", "assert", "North Korea has shipped more than a million artillery shells to Russia for its war in Ukraine"),
    ("03_harbour-ledger", "sanctions", "assert", "The arms transfers violate United Nations Security Council resolutions"),
    ("03_harbour-ledger", "arms", "attribute", "Seoul accuses Pyongyang of receiving help with its spy satellite program in return"),
    ("04_eastbridge-herald", "sanctions", "deny", "Presidential spokesman Dmitry Peskov said the accusations were unfounded"),
    ("04_eastbridge-herald", "arms", "attribute", "Critics in Seoul and Washington say the visit shows the two countries are deepening a military partnership"),
    ("05_civic-lens", "arms", "attribute", "According to South Korea's National Intelligence Service, the North has sent more than one million artillery shells to Russia"),
    ("05_civic-lens", "arms", "attribute", "Seoul and Washington believe Pyongyang may be receiving technical help"),
    ("05_civic-lens", "arms", "deny", "The Kremlin denies the accusations."),
    ("06_atlas-review", "sanctions", "attribute", "It was reported by South Korean media that the North has also sent workers to Russia, which would breach UN sanctions"),
    ("06_atlas-review", "arms", "attribute", "The real exchange is munitions for technology."),
]


def text_of(doc):
    for suffix in (".md", ".txt"):
        p = HERE.parent / f"{doc}{suffix}"
        if p.exists():
            return p.read_text(encoding="utf-8")
    raise FileNotFoundError(doc)


def main():
    rows = []
    for doc, speaker, cue, kind, mention, coref, content in QUOTES:
        text = text_of(doc)
        pieces = [content] if isinstance(content, str) else list(content)
        spans = []
        for piece in pieces:
            start = text.find(piece)
            assert start >= 0 and text.count(piece) == 1, (doc, piece)
            spans.append([start, start + len(piece)])
        info = SPEAKERS[speaker]
        row = {"doc": doc, "speaker": speaker, "accept": info["accept"], "group": info["group"],
               "cue": cue, "kind": kind, "content": " \u2026 ".join(pieces), "start": spans[0][0],
               "end": spans[-1][1], "mention": mention, "needs_coreference": coref}
        if len(spans) > 1:  # a quote its attribution interrupts: one quote in pieces (see the README)
            row["fragments"] = spans
        rows.append(row)
    with open(HERE / "quotes.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    with open(HERE / "stance.jsonl", "w", encoding="utf-8") as f:
        for doc, topic, label, evidence in STANCE:
            assert evidence in text_of(doc), (doc, evidence)
            f.write(json.dumps({"doc": doc, "topic": topic, "label": label, "evidence": evidence},
                               ensure_ascii=False) + "\n")
    print(f"{len(rows)} quotes, {len(STANCE)} stance rows")


if __name__ == "__main__":
    main()
