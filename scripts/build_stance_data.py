"""Builds framing's stance training sentences (framing/trained/stance_sentences.jsonl).

Every sentence is written for framing: hand-written claims about the two topics are
combined with hand-written framing patterns, one family of patterns per label, and
hand-written free sentences are added as they are. Each row keeps the id of the pattern
that made it (``template``) so that cross-validation can hold whole patterns out.

    python scripts/build_stance_data.py      # rewrites the JSONL, deterministic (seed 13)
"""
import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "framing" / "trained" / "stance_sentences.jsonl"
SEED = 13
PER_LABEL_TOPIC = 48

# (subject, past tense predicate, perfect predicate)
CLAIMS = {
    "arms": [
        ("North Korea", "shipped more than a million artillery shells to Russia", "have shipped more than a million artillery shells to Russia"),
        ("Pyongyang", "supplied ammunition to Moscow for the war in Ukraine", "have supplied ammunition to Moscow for the war in Ukraine"),
        ("the North", "sent ballistic missiles to Russian forces", "have sent ballistic missiles to Russian forces"),
        ("Russia", "gave Pyongyang advice on military satellite technology", "have given Pyongyang advice on military satellite technology"),
        ("the two countries", "agreed on military cooperation at the summit", "have agreed on military cooperation at the summit"),
        ("North Korean munitions", "reached the front line in Ukraine", "have reached the front line in Ukraine"),
        ("Moscow", "received containers of weapons by rail from the North", "have received containers of weapons by rail from the North"),
        ("Kim's government", "traded artillery rounds for food and fuel", "have traded artillery rounds for food and fuel"),
        ("Russian engineers", "helped the North with its spy satellite launch", "have helped the North with its spy satellite launch"),
        ("the North", "delivered rockets and shells to the Russian army", "have delivered rockets and shells to the Russian army"),
        ("Pyongyang", "exported war-related goods to Russia", "have exported war-related goods to Russia"),
        ("the arms shipments", "continued through the autumn", "have continued through the autumn"),
        ("North Korean missiles", "struck targets in Ukraine", "have struck targets in Ukraine"),
        ("Russia", "paid for the weapons with military technology", "have paid for the weapons with military technology"),
        ("the delegation", "discussed an arms deal behind closed doors", "have discussed an arms deal behind closed doors"),
        ("ships from the North", "carried ammunition to a Russian port", "have carried ammunition to a Russian port"),
    ],
    "sanctions": [
        ("the arms trade", "breached UN Security Council resolutions", "have breached UN Security Council resolutions"),
        ("Russia", "helped Pyongyang evade international sanctions", "have helped Pyongyang evade international sanctions"),
        ("North Korean workers in Russia", "violated the UN sanctions", "have violated the UN sanctions"),
        ("Moscow", "ignored the sanctions it once voted for", "have ignored the sanctions it once voted for"),
        ("the oil deliveries", "broke the cap set by the Security Council", "have broken the cap set by the Security Council"),
        ("Russian banks", "handled payments banned under the sanctions", "have handled payments banned under the sanctions"),
        ("the two governments", "coordinated to bypass the sanctions regime", "have coordinated to bypass the sanctions regime"),
        ("the regime", "earned foreign currency in breach of the embargo", "have earned foreign currency in breach of the embargo"),
        ("the coal shipments", "violated the sanctions on North Korean exports", "have violated the sanctions on North Korean exports"),
        ("Russia", "undermined the work of the UN panel of experts", "have undermined the work of the UN panel of experts"),
        ("Chinese and Russian firms", "helped the North get around sanctions", "have helped the North get around sanctions"),
        ("the deal", "defied a Security Council resolution that bans arms trade with Pyongyang", "have defied a Security Council resolution that bans arms trade with Pyongyang"),
    ],
}

# noun phrases that name a topic without saying anything about the claim (for "none")
TOPIC_NPS = {
    "arms": ["the arms issue", "weapons exports", "the artillery question", "military cooperation", "arms control",
             "missile technology", "the ammunition market", "the weapons programme", "military satellites",
             "the arms trade in general", "rocket launches", "battlefield weapons"],
    "sanctions": ["the sanctions regime", "UN sanctions", "the embargo", "the Security Council resolutions",
                  "sanctions policy", "the work of the sanctions committee", "the UN panel of experts",
                  "sanctions enforcement", "the history of sanctions", "export sanctions", "financial sanctions",
                  "the sanctions list"],
}

SOURCES = ["South Korea's spy agency", "U.S. officials", "Seoul and Washington", "the White House", "analysts",
           "a senior U.S. official", "the G7 foreign ministers", "Japan's defence ministry", "researchers at a Seoul institute",
           "the South Korean military", "Western governments", "an EU spokesman", "Ukraine's intelligence service",
           "a former UN sanctions investigator", "Kyiv"]
DENIERS = ["the Kremlin", "Moscow", "North Korea's foreign ministry", "Pyongyang", "Kremlin spokesman Dmitry Peskov",
           "Russia's foreign ministry", "both countries", "the North's state media", "Russian officials",
           "the North Korean leader's sister", "the Russian ambassador", "the KCNA news agency"]

TEMPLATES = {
    "assert": [
        "{S} {past}.", "{S} {past}, in the latest sign of deepening ties.", "Since the summit, {s} {past}.",
        "{S} {past}, and the transfers are continuing.", "In recent months {s} {past}.",
        "{S} {past} last year, according to shipping records.", "Satellite images show that {s} {past}.",
        "{S} {past}, a clear breach of international law.", "Last month {s} {past}.",
        "The visit comes after {s} {past}.", "{S} {past} as the war dragged on.",
    ],
    "attribute": [
        "{Src} says {s} {past}.", "{Src} said that {s} {past}.", "According to {src}, {s} {past}.",
        "{S} {past}, {src} said.", "{Src} accused Pyongyang of helping Moscow after {s} {past}.",
        "{Src} believe {s} {past}.", "{Src} told reporters that {s} {past}.",
        "{Src} claims {s} {past}.", "{Src} alleged that {s} {past}.", "{Src} have repeatedly said {s} {past}.",
        "In a statement, {src} said {s} {past}.", "{Src} said {s} may {perf}.", "{Src} says {s} appears to {perf}.",
        "{S} likely {past}, {src} said.", "It was reported by {src} that {s} {past}.",
        "{Src} suspect {s} {past}.", "{Src} warned that {s} could {perf}.",
        "{Src} repeated accusations that {s} {past}.", "The visit follows accusations by {src} that {s} {past}.",
        "{Den} was asked about accusations that {s} {past}.", "The talks came after allegations that {s} {past}.",
    ],
    "hedge": [
        "It is believed that {s} {past}.", "{S} is believed to {perf}.", "{S} may {perf}.",
        "{S} reportedly {past}.", "{S} allegedly {past}.", "There are concerns that {s} {past}.",
        "It is suspected that {s} {past}.", "{S} appears to {perf}.", "{S} is thought to {perf}.",
        "The visit comes amid suspicions that {s} {past}.", "{S} could {perf}, though this could not be verified.",
    ],
    "deny": [
        "{Den} denied that {s} {past}.", "{Den} rejected claims that {s} {past} as baseless.",
        "{Den} said accusations that {s} {past} were unfounded.", "{Den} dismissed reports that {s} {past}.",
        "{Den} called the allegation that {s} {past} a smear.", "{Den} insisted it was not true that {s} {past}.",
        "Claims that {s} {past} are groundless, {den} said.", "{Den} has denied that {s} {past}.",
        "{Den} flatly rejected the accusation that {s} {past}.", "{Den} said there was no evidence that {s} {past}.",
        "Reports that {s} {past} are a fabrication by hostile forces, {den} said.",
    ],
}

NONE_TEMPLATES = [
    "Reporters asked about {np} at the daily briefing.", "{Np} will be discussed at a meeting next month.",
    "A conference on {np} opens in Geneva on Monday.", "The lecture gave an overview of {np}.",
    "Officials declined to take questions on {np}.", "The committee's agenda for the week does not include {np}.",
    "A documentary about {np} aired on Sunday.", "Parliament will hold a hearing on {np} in March.",
    "Students wrote essays on {np} for the seminar.", "The ministry published a glossary of terms on {np}.",
    "The new website explains {np} in plain language.", "A panel of retired diplomats will debate {np} on Friday.",
]

# a writer's aside after a reported clause: the aside is the outlet's own voice on sanctions
ASIDE_TEMPLATES = [
    "{Src} said {s} {past}, something prohibited by UN sanctions.",
    "{Src} say {s} {past}, something banned under Security Council resolutions.",
    "According to {src}, {s} {past}, a violation of the UN arms embargo.",
    "{Src} believe {s} {past}, something the sanctions forbid.",
]

# Free sentences written as they are: topic sentences that take no position (none), and harder
# cases for every label.
FREE = [
    ("none", "arms", "Reporters asked the spokesman about the arms issue at the daily briefing."),
    ("none", "arms", "The committee did not discuss weapons, the agenda shows."),
    ("none", "arms", "The programme covered arms control talks held in the 1990s."),
    ("none", "arms", "The museum in Pyongyang displays weapons from the Korean War."),
    ("none", "arms", "Questions about military cooperation will be raised at the next meeting."),
    ("none", "arms", "The article did not mention missiles or artillery."),
    ("none", "arms", "A parade of missiles is planned for the anniversary in February."),
    ("none", "arms", "Arms control experts will meet in Geneva next week."),
    ("none", "arms", "The report on artillery production is due in the spring."),
    ("none", "arms", "Ukraine asked its allies for more air defence weapons on Monday."),
    ("none", "arms", "The minister toured a weapons factory outside Moscow, state television showed."),
    ("none", "arms", "Military parades are a regular feature of the North's national holidays."),
    ("none", "arms", "It was not clear whether military matters were on the agenda."),
    ("none", "arms", "The hearing on the defence budget was postponed until Tuesday."),
    ("none", "arms", "Journalists were not allowed to see the list of military exhibits."),
    ("none", "arms", "The two sides last held a military exercise together decades ago."),
    ("none", "sanctions", "The Security Council will meet on Thursday to discuss the sanctions regime."),
    ("none", "sanctions", "Sanctions on North Korea were first imposed in 2006 after its first nuclear test."),
    ("none", "sanctions", "The sanctions committee publishes its report every year."),
    ("none", "sanctions", "The panel's mandate was due for renewal in April."),
    ("none", "sanctions", "Diplomats spent the week negotiating the wording of a new resolution on sanctions."),
    ("none", "sanctions", "The lecture explained how UN sanctions are drafted and voted."),
    ("none", "sanctions", "A vote on the sanctions resolution is expected next month."),
    ("none", "sanctions", "The sanctions list includes dozens of companies and individuals."),
    ("none", "sanctions", "The foreign minister will brief parliament on sanctions policy."),
    ("none", "sanctions", "Whether the sanctions work is a matter of long debate among scholars."),
    ("none", "sanctions", "Sanctions experts met in Seoul for a two-day conference."),
    ("none", "sanctions", "The embargo covers luxury goods, coal and textiles."),
    ("none", "sanctions", "The Security Council has fifteen members, five of them permanent."),
    ("none", "sanctions", "Officials will explain the new sanctions rules to exporters on Friday."),
    ("none", "sanctions", "The book traces the history of sanctions since the 1990s."),
    ("none", "sanctions", "The committee's chair changes every year under the council's rules."),
    ("assert", "sanctions", "Russia and North Korea are both under international sanctions."),
    ("assert", "sanctions", "Sending workers abroad is prohibited under UN Security Council sanctions."),
    ("assert", "sanctions", "Arms trade with Pyongyang is banned by Security Council resolutions, which Moscow voted for."),
    ("assert", "sanctions", "Such deals are prohibited by sanctions from the UN Security Council, of which Moscow is a permanent member."),
    ("assert", "arms", "Western governments last week slammed the arms transfers."),
    ("assert", "arms", "The shells have been found on battlefields across eastern Ukraine."),
    ("assert", "arms", "The weapons deliveries have made the North one of Russia's main suppliers."),
    ("assert", "arms", "Fragments of North Korean missiles were recovered after the strike on Kharkiv."),
    ("hedge", "arms", "It is believed both countries agreed to cooperate in the military field."),
    ("hedge", "arms", "The talks came amid concerns over a suspected arms agreement between the two countries."),
    ("hedge", "arms", "Pyongyang is believed to be receiving technological support for its satellite programme."),
    ("hedge", "arms", "The summit is thought to have sealed a deal on weapons and technology."),
    ("hedge", "sanctions", "The deal would possibly breach UN sanctions."),
    ("hedge", "sanctions", "Such transfers would likely violate Security Council resolutions."),
    ("attribute", "arms", "Seoul says the North appears to have received satellite technology in return."),
    ("attribute", "arms", "Experts say the rapprochement may involve new shipments of weapons."),
    ("attribute", "sanctions", "According to the UN panel of experts, the workers' wages go to the regime in breach of sanctions."),
    ("attribute", "sanctions", "Investigators said the payments broke UN sanctions."),
    ("deny", "arms", "Pyongyang has never sent weapons to Russia, the foreign ministry said."),
    ("deny", "arms", "Moscow denies receiving any munitions from the North."),
    ("deny", "sanctions", "The spokesman said such accusations were unfounded."),
    ("deny", "sanctions", "Russia says it complies fully with all Security Council sanctions."),
]


def cap(text):
    return text[:1].upper() + text[1:]


def fill(template, claim, rng):
    subject, past, perfect = claim
    src, den = rng.choice(SOURCES), rng.choice(DENIERS)
    values = {"s": subject, "S": cap(subject), "past": past, "perf": perfect,
              "src": src, "Src": cap(src), "den": den, "Den": cap(den)}
    return template.format(**values)


def build():
    rng = random.Random(SEED)
    rows = []
    for label, templates in TEMPLATES.items():
        for topic, claims in CLAIMS.items():
            combos = [(t, c) for t in range(len(templates)) for c in range(len(claims))]
            rng.shuffle(combos)
            for t, c in combos[:PER_LABEL_TOPIC]:
                rows.append({"text": fill(templates[t], claims[c], rng),
                             "topic": topic, "label": label, "template": f"{label}-{t}"})
    for topic, nps in TOPIC_NPS.items():
        combos = [(t, n) for t in range(len(NONE_TEMPLATES)) for n in range(len(nps))]
        rng.shuffle(combos)
        for t, n in combos[:PER_LABEL_TOPIC - 16]:
            text = NONE_TEMPLATES[t].format(np=nps[n], Np=cap(nps[n]))
            rows.append({"text": text, "topic": topic, "label": "none", "template": f"none-{t}"})
    for t, template in enumerate(ASIDE_TEMPLATES):
        for claim in rng.sample(CLAIMS["arms"], 4):
            rows.append({"text": fill(template, claim, rng), "topic": "sanctions", "label": "assert",
                         "template": f"aside-{t}"})
    for n, (label, topic, text) in enumerate(FREE):
        rows.append({"text": text, "topic": topic, "label": label, "template": f"free-{n}"})
    rows.sort(key=lambda r: (r["label"], r["topic"], r["text"]))
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} sentences -> {OUT}")


if __name__ == "__main__":
    build()
