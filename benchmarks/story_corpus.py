"""A generated digest with known stories: several publishers' rewrites of each, and
look-alikes that are other stories (same company, another product; same template, other
facts). `pair_scores` measures a clustering against the truth."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from digest_tui.model import Article

COMPANIES = (
    "Halvorsen Motors",
    "Quillfeather",
    "Brightmoor Labs",
    "Tessaly Bank",
    "Orvane Health",
    "Kettleby Foods",
    "Marlowe Aerospace",
    "Pinecrest Games",
    "Solvik Energy",
    "Duneview Media",
    "Castell Robotics",
    "Ferrobright",
    "Yellowpine Telecom",
    "Ashgrove Pharma",
    "Nordlys Air",
    "Calloway Retail",
    "Vantor Semiconductors",
    "Riverlight Studios",
    "Obsidian Freight",
    "Maplestone Insurance",
    "Helmsworth",
    "Corrigan Steel",
    "Lattice Mobility",
    "Sundial Cloud",
)
PRODUCTS = (
    "Zephyr X2 drone",
    "Aurora battery pack",
    "Nimbus 7 tablet",
    "Lumen smart glasses",
    "Tundra electric pickup",
    "Cobalt payments app",
    "Harbor cargo ship",
    "Quartz AI assistant",
    "Falcon 9 satellite",
    "Meridian heart monitor",
    "Pulse fitness band",
    "Atlas home robot",
    "Summit gaming console",
    "Verdant plant-based burger",
    "Beacon mesh router",
    "Orion weather radar",
    "Sable noise-cancelling headphones",
    "Juniper savings account",
    "Granite data center",
    "Willow insulin pen",
    "Echo 3 smart speaker",
    "Ridge mountain bike",
    "Kestrel cargo drone",
    "Halo VR headset",
    "Ember induction stove",
    "Prism camera sensor",
)
EVENTS = {
    "launch": ("unveils", "launches", "introduces", "debuts", "announces"),
    "delay": ("delays", "postpones"),
    "recall": ("recalls",),
    "cut": ("cuts price of", "slashes price of", "lowers price of"),
    "acquire": ("acquires", "buys"),
}
NOUNS = {
    "launch": "launch",
    "delay": "delay",
    "recall": "recall",
    "cut": "price cut",
    "acquire": "acquisition",
}
PASSIVE = {
    "launch": ("unveiled by", "launched by", "introduced by"),
    "delay": ("delayed by", "postponed by"),
    "recall": ("recalled by",),
    "cut": ("gets cheaper at", "price cut by"),
    "acquire": ("acquired by", "bought by"),
}
NUMBERS = (10, 15, 20, 25, 30, 40)
PLACES = ("Japan", "Brazil", "Germany", "Kenya", "Canada", "India", "Norway", "Mexico")
PEOPLE = (
    "Ada Lindqvist",
    "Tomas Okafor",
    "Mei Tanaka",
    "Rafael Duarte",
    "Ingrid Holm",
    "Samuel Achebe",
    "Lena Petrova",
    "Jonah Whitfield",
)
PUBLISHERS = (
    "Daily Ledger",
    "Orbital Wire",
    "Greenline",
    "The Signal",
    "Northern Post",
    "Metro Tribune",
    "Circuit News",
    "Harbor Times",
    "Market Watchtower",
    "Tech Bulletin",
)
LABELS = ("Report:", "Exclusive:", "Breaking:", "Update:", "Analysis:", "Watch:")
ATTRIBUTIONS = (", report says", ", sources say", ", according to {pub}", ", {pub} reports")
TRAILERS = (" - {pub}", " | {pub}", " — {pub}", " ({pub})")
FILLER = str.split(
    "analysts expect the move to shape the market for months while rivals weigh their "
    "options and investors watch closely as suppliers adjust plans across the region and "
    "customers ask what changes for them this year"
)
START = datetime(2025, 3, 1, 8, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Fact:
    """What a story is about: who did what to which product, and its particulars."""

    company: str
    event: str
    product: str
    number: int | None = None
    place: str | None = None
    person: str | None = None


def story_corpus(seed: int = 7, stories: int = 160) -> tuple[list[Article], dict[str, int]]:
    """Articles, and the story number of each article's path (one number per story)."""
    rng = random.Random(seed)
    articles: list[Article] = []
    truth: dict[str, int] = {}

    def add(fact: Fact, day: datetime, story: int, copies: int, text: str) -> None:
        for copy in range(copies):
            when = day + timedelta(hours=rng.uniform(0, 60)) if copy else day
            publisher = rng.choice(PUBLISHERS)
            title = _dress(rng, _headline(rng, fact), publisher)
            shared = copy and rng.random() < 0.5
            if shared and rng.random() < 0.5:
                title = _other_angle(rng, fact)
            description = text if shared or not copy else _own_words(rng, fact)
            path = f"{story:04d}-{copy}-{publisher.lower().replace(' ', '-')}.md"
            articles.append(_article(path, title, when, publisher, description))
            truth[path] = story

    number = 0
    told: set[tuple[str, str]] = set()
    for _ in range(stories):
        fact = _fact(rng)
        while (fact.company, fact.product) in told:  # one story per company and product
            fact = _fact(rng)
        told.add((fact.company, fact.product))
        day = START + timedelta(days=rng.uniform(0, 90))
        add(fact, day, number, rng.choice((1, 1, 2, 3, 3, 4, 5)), _press_text(rng, fact))
        number += 1
        if rng.random() < 0.6:
            twin = _lookalike(rng, fact)
            when = day + timedelta(hours=rng.uniform(-48, 48))
            add(twin, when, number, rng.choice((1, 1, 2)), _press_text(rng, twin))
            number += 1
    return articles, truth


def pair_scores(
    truth: dict[str, int], cluster_of: Callable[[str], str | None]
) -> tuple[float, float]:
    """Precision and recall over pairs of articles: of the pairs put in one cluster, the
    share that tell one story; of the pairs that tell one story, the share put together."""
    found = _pairs(truth, lambda path: cluster_of(path))
    true = _pairs(truth, lambda path: truth[path])
    hits = len(found & true)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(true) if true else 1.0
    return precision, recall


def _pairs(paths: Iterable[str], group_of: Callable[[str], object]) -> set[tuple[str, str]]:
    groups: dict[object, list[str]] = defaultdict(list)
    for path in paths:
        group = group_of(path)
        if group is not None:
            groups[group].append(path)
    return {
        (first, second)
        for members in groups.values()
        for first in members
        for second in members
        if first < second
    }


def _fact(rng: random.Random) -> Fact:
    event = rng.choice(tuple(EVENTS))
    number = rng.choice(NUMBERS) if event == "cut" else None
    place = rng.choice(PLACES) if rng.random() < 0.3 else None
    person = rng.choice(PEOPLE) if rng.random() < 0.15 else None
    return Fact(rng.choice(COMPANIES), event, rng.choice(PRODUCTS), number, place, person)


def _lookalike(rng: random.Random, fact: Fact) -> Fact:
    """Another story that looks like `fact`: another product or event, or the same
    template with another particular (number, place, person) where it has one."""
    kinds = ["product", "product", "event"]
    kinds += [kind for kind in ("number", "place", "person") if getattr(fact, kind)]
    kind = rng.choice(kinds)
    if kind == "product":
        other = rng.choice([p for p in PRODUCTS if p != fact.product])
        return replace(fact, product=other)
    if kind == "number":
        return replace(fact, number=rng.choice([n for n in NUMBERS if n != fact.number]))
    if kind == "place":
        return replace(fact, place=rng.choice([p for p in PLACES if p != fact.place]))
    if kind == "person":
        return replace(fact, person=rng.choice([p for p in PEOPLE if p != fact.person]))
    event = rng.choice([e for e in EVENTS if e not in (fact.event, "cut")])
    return replace(fact, event=event, number=None)


def _headline(rng: random.Random, fact: Fact) -> str:
    company, product = fact.company, fact.product
    if rng.random() < 0.25:
        text = f"{product} {rng.choice(PASSIVE[fact.event])} {company}"
    else:
        text = f"{company} {rng.choice(EVENTS[fact.event])} {product}"
    if fact.number is not None:
        text += f" by {fact.number}%"
    if fact.place is not None:
        text += f" in {fact.place}"
    if fact.person is not None:
        text += f" under CEO {fact.person}"
    return text[0].upper() + text[1:]


def _dress(rng: random.Random, title: str, publisher: str) -> str:
    """A publisher's way with a headline: a label, an attribution, its name, its case."""
    if rng.random() < 0.3:
        title = f"{rng.choice(LABELS)} {title}"
    roll = rng.random()
    if roll < 0.2:
        title += rng.choice(ATTRIBUTIONS).format(pub=rng.choice(PUBLISHERS))
    elif roll < 0.45:
        title += rng.choice(TRAILERS).format(pub=publisher)
    roll = rng.random()
    if roll < 0.2:
        title = title.title()
    elif roll < 0.27:
        title = title.upper()
    elif roll < 0.35:
        title = title.lower()
    return title + ("!" if rng.random() < 0.05 else "")


def _other_angle(rng: random.Random, fact: Fact) -> str:
    """A headline written from another angle, sharing few words with the others (but
    naming the story's particulars, as a headline would)."""
    product, event = fact.product, NOUNS[fact.event]
    angles = (
        f"What the {product} {event} means for {fact.company}",
        f"Inside {fact.company}'s {product} {event}",
        f"{fact.company} and the {product} {event}: what we know",
    )
    particulars = [f"{fact.number}%" if fact.number else "", fact.place or "", fact.person or ""]
    extra = ", ".join(filter(None, particulars))
    return rng.choice(angles) + (f" ({extra})" if extra else "")


def _press_text(rng: random.Random, fact: Fact) -> str:
    """The press release every copy may quote: one story's own text."""
    words = rng.sample(FILLER, len(FILLER))
    particulars = " ".join(str(x) for x in (fact.number, fact.place, fact.person) if x)
    return (
        f"{fact.company} said on {rng.choice(('Monday', 'Tuesday', 'Thursday'))} that its "
        f"{fact.product} {EVENTS[fact.event][0]} {particulars} as " + " ".join(words[:18])
    )


def _own_words(rng: random.Random, fact: Fact) -> str:
    """A publisher's own summary: the facts in its words, then its own comment."""
    summary = f"{fact.company} {rng.choice(EVENTS[fact.event])} the {fact.product}"
    if fact.number:
        summary += f" by {fact.number} percent"
    if fact.place:
        summary += f" in {fact.place}"
    if fact.person:
        summary += f", a move led by {fact.person}"
    return summary + ". " + " ".join(rng.sample(FILLER, 12)).capitalize() + "."


def _article(path: str, title: str, when: datetime, publisher: str, text: str) -> Article:
    return Article(
        path=path,
        title=title,
        date=when.isoformat(),
        timestamp=when.timestamp(),
        description=text,
        source_name=publisher,
        source_url=f"https://{publisher.lower().replace(' ', '')}.example/{path}",
    )
