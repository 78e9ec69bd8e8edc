"""Generate a deterministic corpus of realistic news articles for the benchmark.

In:  ``--articles N --out DIR [--seed S]`` and the real articles in ``seeds/``.
Out: N UTF-8 text files under ``DIR/<block of 1000>/`` (so no folder holds more
     than a thousand), each a plausible article: a headline, a dateline, and
     paragraphs that mix real sentences from the seeds with generated ones
     carrying people, organisations, countries, quotes (“...,” said X) and
     figures ("2.3 million Venezuelans").
Guarantees: article ``i`` depends only on ``(seed, i)``, so the same command
     always writes the same bytes and a 1k corpus is the first 1k of a 10k one.
     A few "core" actors recur in most articles (the benchmark's "most-mentioned
     actor"), a long tail of generated people appears in a handful each, and
     every article names at least two countries.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Generic name pools, deliberately broader than the people in the seeds, so
# the linker has to tell thousands of distinct names apart.
FIRST_NAMES = [
    "Ana",
    "Carlos",
    "María",
    "José",
    "Luis",
    "Carmen",
    "Jorge",
    "Elena",
    "Miguel",
    "Sofía",
    "Pedro",
    "Lucía",
    "Diego",
    "Isabel",
    "Andrés",
    "Valentina",
    "Javier",
    "Gabriela",
    "Fernando",
    "Camila",
    "Ricardo",
    "Paula",
    "Alejandro",
    "Daniela",
    "Rafael",
    "Mariana",
    "Eduardo",
    "Natalia",
    "Héctor",
    "Adriana",
    "Tomás",
    "Beatriz",
    "Ramón",
    "Claudia",
    "Sergio",
    "Verónica",
    "Julio",
    "Patricia",
    "Óscar",
    "Teresa",
    "John",
    "Mary",
    "Robert",
    "Linda",
    "Michael",
    "Susan",
    "David",
    "Karen",
    "James",
    "Sarah",
    "William",
    "Emily",
    "Richard",
    "Laura",
    "Thomas",
    "Helen",
    "Peter",
    "Anne",
    "Paul",
    "Margaret",
    "Mark",
    "Olga",
    "Ivan",
    "Sergei",
    "Natalia",
    "Dmitri",
    "Irina",
    "Wei",
    "Li",
    "Jun",
    "Mei",
    "Ahmed",
    "Fatima",
    "Omar",
    "Leila",
    "Pierre",
    "Claire",
    "François",
    "Amélie",
    "Hans",
    "Greta",
    "Jürgen",
    "Ingrid",
    "Giovanni",
    "Chiara",
    "Kwame",
    "Amara",
    "Raúl",
    "Inés",
]
LAST_NAMES = [
    "García",
    "Rodríguez",
    "Martínez",
    "Hernández",
    "López",
    "González",
    "Pérez",
    "Sánchez",
    "Ramírez",
    "Torres",
    "Flores",
    "Rivera",
    "Gómez",
    "Díaz",
    "Reyes",
    "Morales",
    "Cruz",
    "Ortiz",
    "Gutiérrez",
    "Chávez",
    "Ramos",
    "Vargas",
    "Castillo",
    "Jiménez",
    "Moreno",
    "Romero",
    "Herrera",
    "Medina",
    "Aguilar",
    "Mendoza",
    "Castro",
    "Rojas",
    "Guzmán",
    "Salazar",
    "Peña",
    "Vásquez",
    "Núñez",
    "Figueroa",
    "Cabello",
    "Padrino",
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Martin",
    "Jackson",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Walker",
    "Hall",
    "Allen",
    "Young",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Adams",
    "Nelson",
    "Petrov",
    "Ivanov",
    "Smirnov",
    "Volkov",
    "Zhang",
    "Wang",
    "Chen",
    "Liu",
    "Haddad",
    "Khalil",
    "Mansour",
    "Dubois",
    "Lefèvre",
    "Moreau",
    "Schmidt",
    "Müller",
    "Weber",
    "Rossi",
    "Bianchi",
    "Ferrari",
    "Mensah",
    "Okafor",
    "Lindqvist",
    "Novak",
]
TITLES = (
    "President",
    "Foreign Minister",
    "opposition leader",
    "Defence Minister",
    "Finance Minister",
    "Ambassador",
    "spokesperson",
    "envoy",
    "lawmaker",
    "Senator",
    "governor",
    "analyst",
)
ORGANISATIONS = (
    "Lima Group",
    "National Assembly",
    "Organization of American States",
    "United Nations",
    "European Union",
    "International Criminal Court",
    "International Monetary Fund",
    "Supreme Court",
    "National Electoral Council",
    "Red Cross",
    "Human Rights Watch",
    "Amnesty International",
    "World Bank",
    "Inter-American Development Bank",
    "Crisis Group",
)
COUNTRIES = (
    ("Venezuela", "Venezuelans", "Venezuelan"),
    ("Colombia", "Colombians", "Colombian"),
    ("Brazil", "Brazilians", "Brazilian"),
    ("Peru", "Peruvians", "Peruvian"),
    ("Argentina", "Argentines", "Argentine"),
    ("Chile", "Chileans", "Chilean"),
    ("Ecuador", "Ecuadorians", "Ecuadorian"),
    ("Mexico", "Mexicans", "Mexican"),
    ("Cuba", "Cubans", "Cuban"),
    ("Canada", "Canadians", "Canadian"),
    ("Russia", "Russians", "Russian"),
    ("China", "Chinese", "Chinese"),
    ("Spain", "Spaniards", "Spanish"),
    ("Germany", "Germans", "German"),
    ("France", "French", "French"),
    ("Bolivia", "Bolivians", "Bolivian"),
    ("Panama", "Panamanians", "Panamanian"),
    ("Guatemala", "Guatemalans", "Guatemalan"),
    ("Paraguay", "Paraguayans", "Paraguayan"),
    ("Turkey", "Turks", "Turkish"),
    ("Iran", "Iranians", "Iranian"),
    ("Norway", "Norwegians", "Norwegian"),
)
SOURCES = ("CBC News", "BBC News", "Crisis Group", "RT", "Reuters", "El País", "AP")
TOPICS = ("sanctions", "elections", "migration", "oil exports", "talks", "aid", "inflation")
VERBS_SAID = ("said", "told reporters", "said in a statement", "wrote on Twitter", "added")
STANCE_TEMPLATES = (
    "{a} has recognised {p} as the legitimate leader of {c}.",
    "{a} condemned the decision by {c} to expel the diplomats.",
    "{a} announced new sanctions against officials in {c}.",
    "{a} said it supports the call for new elections in {c}.",
    "{a} rejected the statement issued by the {o}.",
)
FIGURE_TEMPLATES = (
    "About {n} million {dem} have left the country since 2015, according to the {o}.",
    "Inflation reached {pct} percent last year, the {o} estimated.",
    "The government says {k} people were detained during the protests.",
    "Oil output fell to {n} million barrels a day, {pct} percent below its peak.",
    "The {o} has pledged ${n} million in humanitarian aid to {c}.",
    "At least {k} {dem} crossed into {c2} in the past week, officials said.",
)
QUOTE_TEMPLATES = (
    "We will not accept any solution that is imposed from outside",
    "The people of {c} deserve free and fair elections",
    "This is a crisis that affects the whole region, not only {c}",
    "Our priority is the humanitarian situation of the {dem}",
    "There can be no dialogue while political prisoners remain in jail",
    "The sanctions are hurting ordinary families, not the government",
    "We are ready to sit down with anyone who respects the constitution",
    "The {o} must act before it is too late",
)
# Seed people whose names the generator sometimes swaps for generated ones.
SEED_PEOPLE = re.compile(
    r"\b(Nicol[aá]s Maduro|Juan Guaid[oó]|Juan Guiado|Jorge Arreaza|Donald Trump|"
    r"Nestor Popolizio|Chrystia Freeland)\b"
)
_SENTENCE = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")


def seed_sentences(seeds: Path = SEEDS) -> list[str]:
    """Real sentences from the seed articles, without menu and caption debris."""
    sentences: list[str] = []
    for path in sorted(seeds.glob("*.txt")):
        for line in path.read_text("utf-8").splitlines():
            line = line.strip()
            if len(line) < 60 or line.count(" ") < 8:
                continue
            for sentence in _SENTENCE.split(line):
                sentence = sentence.strip()
                if 40 <= len(sentence) <= 400 and sentence[-1] in '.!?”"':
                    sentences.append(sentence)
    if not sentences:
        raise SystemExit(f"no usable sentences found in {seeds}")
    return sentences


class Cast:
    """The people of the corpus: a few core actors and a long tail."""

    def __init__(self, seed: int, *, people: int = 3000) -> None:
        rng = random.Random(f"cast-{seed}")
        names: set[str] = set()
        while len(names) < people:
            names.add(f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}")
        self.people = sorted(names)
        rng.shuffle(self.people)
        self.titles = {name: rng.choice(TITLES) for name in self.people}
        # The first few recur: the first in most articles, the next ones often.
        self.core = self.people[:8]

    def pick(self, rng: random.Random, k: int) -> list[str]:
        chosen: list[str] = []
        if rng.random() < 0.8:
            chosen.append(self.core[0])
        for name in self.core[1:]:
            if rng.random() < 0.15:
                chosen.append(name)
        # A Zipf-like tail: low indexes come back far more often than high ones.
        while len(chosen) < k:
            i = min(int(rng.paretovariate(0.9)) * 7 + rng.randrange(7), len(self.people) - 1)
            name = self.people[i]
            if name not in chosen:
                chosen.append(name)
        return chosen


def surname(name: str) -> str:
    return name.split()[-1]


def make_article(i: int, *, seed: int, sentences: Sequence[str], cast: Cast) -> tuple[str, str]:
    """Article ``i`` as ``(file name, text)``."""
    rng = random.Random(f"article-{seed}-{i}")
    people = cast.pick(rng, rng.randint(3, 7))
    countries = rng.sample(COUNTRIES, rng.randint(2, 4))
    country, demonyms, adjective = countries[0]
    org = rng.choice(ORGANISATIONS)
    day = dt.date(2017, 1, 1) + dt.timedelta(days=rng.randrange(2500))
    lead = people[0]

    def fill(template: str) -> str:
        c2 = countries[1][0]
        text = template.format(
            a=rng.choice([*people[:3], *(c for c, _, _ in countries), f"the {org}"]),
            p=rng.choice(people),
            c=country,
            c2=c2,
            dem=demonyms,
            o=rng.choice(ORGANISATIONS),
            n=f"{rng.randint(1, 9)}.{rng.randint(0, 9)}",
            pct=rng.randint(2, 99),
            k=f"{rng.randint(2, 900):,}",
        )
        return text[0].upper() + text[1:]

    def swap_people(sentence: str) -> str:
        if rng.random() < 0.5:
            return sentence
        return SEED_PEOPLE.sub(lambda _m: rng.choice(people), sentence)

    def quote() -> str:
        speaker = rng.choice(people)
        words = fill(rng.choice(QUOTE_TEMPLATES))
        if rng.random() < 0.5:
            return f"“{words},” {cast.titles[speaker]} {speaker} {rng.choice(VERBS_SAID)}."
        return f"“{words},” said {speaker}, the {adjective} {cast.titles[speaker]}."

    paragraphs: list[str] = []
    paragraphs.append(
        f"{adjective} {cast.titles[lead]} {lead} met officials from "
        f"{countries[1][0]} on {day:%A} to discuss {rng.choice(TOPICS)}, as the crisis in "
        f"{country} deepened. {swap_people(rng.choice(sentences))}"
    )
    for _ in range(rng.randint(4, 9)):
        parts: list[str] = []
        for _ in range(rng.randint(2, 4)):
            roll = rng.random()
            if roll < 0.45:
                parts.append(swap_people(rng.choice(sentences)))
            elif roll < 0.6:
                parts.append(quote())
            elif roll < 0.75:
                parts.append(fill(rng.choice(FIGURE_TEMPLATES)))
            elif roll < 0.88:
                parts.append(fill(rng.choice(STANCE_TEMPLATES)))
            else:
                who = rng.choice(people)
                parts.append(
                    f"{surname(who)} later travelled to {rng.choice(countries)[0]} "
                    f"for talks with the {rng.choice(ORGANISATIONS)}."
                )
        paragraphs.append(" ".join(parts))
    title = (
        f"{country}: {surname(lead)} {rng.choice(('urges', 'rejects', 'backs', 'warns on'))} "
        f"{rng.choice(TOPICS)} as {countries[1][0]} {rng.choice(('weighs in', 'responds'))}"
    )
    dateline = f"{day:%d %b %Y} | {rng.choice(SOURCES)}"
    text = "\n\n".join([title, dateline, *paragraphs]) + "\n"
    return f"{i // 1000:04d}/article-{i:06d}.txt", text


def write_corpus(out: Path, articles: int, *, seed: int = 1) -> int:
    """Write the corpus; return the total bytes written."""
    sentences = seed_sentences()
    cast = Cast(seed)
    total = 0
    for i in range(articles):
        name, text = make_article(i, seed=seed, sentences=sentences, cast=cast)
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    return total


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    total = write_corpus(args.out, args.articles, seed=args.seed)
    print(
        f"wrote {args.articles} articles, {total / 1e6:.1f} MB, to {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
