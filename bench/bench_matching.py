"""How matching time per article grows with the number of known cases.

Builds one matcher over 400 generated cases and one over 20,000 (plausible Azerbaijani
names from the lists below, the same 400 first), runs the same synthetic articles
through both (taking turns, best of seven rounds), and prints the time per article, the
ratio (should stay <= 1.5: the blocking index makes the cost independent of the number
of cases), the memory the 20,000-case matcher holds (tracemalloc), and what the
extraction stage's known-name ruler costs to build over the same 20,000 cases.
Run: ``.venv/bin/python bench/bench_matching.py``.
"""

from __future__ import annotations

import random
import time
import tracemalloc

import spacy

from monitor.matching import Matcher
from monitor.model import Article, Case, Extraction, Paragraph, PersonMention
from monitor.names import name_spellings
from monitor.nlp.case_names import CaseNameMatcher

FIRST_M = [
    "Anar",
    "Bayram",
    "Elchin",
    "Elnur",
    "Elvin",
    "Emin",
    "Farid",
    "Fuad",
    "Gubad",
    "Hafiz",
    "Ilgar",
    "Ilkin",
    "Kamran",
    "Mahir",
    "Mehman",
    "Murad",
    "Natig",
    "Nurlan",
    "Orkhan",
    "Polad",
    "Ramin",
    "Rashid",
    "Rauf",
    "Rovshan",
    "Sabuhi",
    "Samad",
    "Tofig",
    "Tural",
    "Ulvi",
    "Vugar",
    "Zaur",
    "Agil",
    "Akif",
    "Arif",
    "Bakhtiyar",
    "Eynulla",
    "Giyas",
    "Jahad",
    "Rufat",
    "Vusal",
    "Yashar",
    "Adil",
    "Afgan",
    "Akram",
    "Alakbar",
    "Amil",
    "Asif",
    "Azer",
    "Babak",
    "Bahruz",
    "Chingiz",
    "Dashgin",
    "Eldar",
    "Elshad",
    "Elmar",
    "Emil",
    "Etibar",
    "Fikrat",
    "Firuz",
    "Hikmat",
    "Huseyn",
    "Ibrahim",
    "Idris",
    "Ilham",
    "Imran",
    "Isa",
    "Jamil",
    "Kamal",
    "Khalid",
    "Mirza",
    "Mubariz",
    "Nadir",
    "Namig",
    "Nijat",
    "Oktay",
    "Parviz",
    "Rafig",
    "Ramil",
    "Rasim",
    "Rovshan",
    "Sahil",
    "Seymur",
    "Shahin",
    "Shamil",
    "Tabriz",
    "Taleh",
    "Togrul",
    "Vagif",
    "Vidadi",
    "Yusif",
    "Zahir",
    "Zaur",
    "Zakir",
    "Zamig",
]
FIRST_F = [
    "Aynur",
    "Aysel",
    "Elnara",
    "Gozal",
    "Gunel",
    "Khadija",
    "Lala",
    "Nargiz",
    "Sevinj",
    "Ulviyya",
    "Aytaj",
    "Leyla",
    "Afag",
    "Aygun",
    "Banu",
    "Dilara",
    "Esmira",
    "Farida",
    "Gulnar",
    "Gulnara",
    "Jamila",
    "Kamala",
    "Konul",
    "Lamiya",
    "Malahat",
    "Nigar",
    "Nurlana",
    "Parvana",
    "Rena",
    "Sabina",
    "Samira",
    "Shahla",
    "Sevda",
    "Tarana",
    "Turkan",
    "Ulker",
    "Zarifa",
]
SURNAME_ROOTS = [
    "Mammad",
    "Huseyn",
    "Aliy",
    "Hasan",
    "Guliy",
    "Ismayil",
    "Abbas",
    "Orujl",
    "Babay",
    "Gurban",
    "Ahmad",
    "Samad",
    "Rahim",
    "Kazim",
    "Jafar",
    "Hajiy",
    "Mustaf",
    "Ibrahim",
    "Karim",
    "Nasir",
    "Rustam",
    "Sadig",
    "Tahir",
    "Valiy",
    "Yusif",
    "Zeynal",
    "Bayram",
    "Shirin",
    "Agha",
    "Asad",
    "Heydar",
    "Jabbar",
    "Khalil",
    "Musay",
    "Najaf",
    "Rasul",
    "Salim",
    "Talib",
    "Umud",
    "Safar",
    "Abdullay",
    "Akbar",
    "Alasgar",
    "Allahverdiy",
    "Amrah",
    "Asgar",
    "Aslan",
    "Azim",
    "Bagir",
    "Bakhish",
    "Dadash",
    "Eyvaz",
    "Farhad",
    "Gafar",
    "Gambar",
    "Garay",
    "Habib",
    "Hamid",
    "Hidayat",
    "Imamverdiy",
    "Iskandar",
    "Jalil",
    "Kamil",
    "Karam",
    "Latif",
    "Mahmud",
    "Mehdiy",
    "Mirzay",
    "Murad",
    "Nabiy",
    "Novruz",
    "Pashay",
    "Rajab",
    "Sadikh",
    "Shukur",
    "Suleyman",
    "Tagiy",
    "Yagub",
    "Zakir",
    "Zulfugar",
    "Huseynali",
    "Gasim",
    "Ganbar",
    "Hajibay",
]
SUFFIXES_M = ("ov", "ov", "li", "zade")
OTHER_NAMES = ["Ilham Aliyev", "Kamala Harris", "Nizami Babayev", "Some Official", "Ravan Sultan"]


def surname(root: str, suffix: str, female: bool) -> str:
    if suffix == "ov" and root.endswith(("y", "a")):
        suffix = "ev" if root.endswith("y") else "yev"
    word = root + suffix
    if female and suffix == "ov":
        word += "a"
    return word.replace("ll", "l")


def generate_cases(n: int, seed: int = 7) -> list[Case]:
    rng = random.Random(seed)
    cases: list[Case] = []
    seen: set[str] = set()
    while len(cases) < n:
        female = rng.random() < 0.25
        first = rng.choice(FIRST_F if female else FIRST_M)
        name = f"{first} {surname(rng.choice(SURNAME_ROOTS), rng.choice(SUFFIXES_M), female)}"
        if name in seen:
            name = f"{name} {rng.choice(FIRST_M)}oglu"
        if name in seen:
            continue
        seen.add(name)
        slug = name.lower().replace(" ", "-")
        cases.append(Case(slug, name, gender="f" if female else "m", charges=["other"]))
    return cases


Sample = tuple[Article, Extraction, list[str]]


def generate_articles(cases: list[Case], n: int, seed: int = 11) -> list[Sample]:
    """Articles naming four known cases (any spelling), two officials and a bare surname."""
    rng = random.Random(seed)
    articles = []
    for _ in range(n):
        people = []
        chosen = rng.sample(cases, 4)
        for case in chosen:
            spelling = rng.choice(name_spellings(case.name, case.gender))
            people.append(PersonMention(spelling, spelling, role="detainee"))
        for other in rng.sample(OTHER_NAMES, 2):
            people.append(PersonMention(other, other, role="official"))
        people.append(PersonMention("Mammadov", "Mammadov"))
        article = Article("A hearing in Baku", [Paragraph("The court heard the case.")])
        articles.append((article, Extraction("en", True, people), [c.id for c in chosen]))
    return articles


def times_per_article(
    matchers: list[Matcher], articles: list[Sample], rounds: int = 7
) -> list[float]:
    """The best CPU time per article of each matcher over ``rounds`` rounds, the matchers
    taking turns in each round. CPU time, not wall time: on a machine other work shares,
    waiting for a core is not matching; the best round is the one least disturbed, and
    taking turns gives both matchers the same disturbances."""
    best = [float("inf")] * len(matchers)
    for _ in range(rounds):
        for i, matcher in enumerate(matchers):
            start = time.process_time()
            for article, extraction, _ids in articles:
                matcher.match(article, extraction)
            best[i] = min(best[i], (time.process_time() - start) / len(articles))
    return best


def main() -> None:
    all_cases = generate_cases(20_000)
    small_cases = all_cases[:400]
    articles = generate_articles(small_cases, 200)
    small = Matcher(small_cases)
    tracemalloc.start()
    large = Matcher(all_cases)
    memory, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    times_per_article([small, large], articles[:20], rounds=1)  # warm the spelling caches
    t_small, t_large = times_per_article([small, large], articles)
    results = [
        (r, expected)
        for a, e, ids in articles
        for r, expected in zip(large.match(a, e)[:4], ids, strict=True)
    ]
    matched = sum(r.decision == "match" and r.case_id == c for r, c in results) / len(results)
    review = sum(r.decision == "review" for r, _ in results) / len(results)
    wrong = sum(r.decision == "match" and r.case_id != c for r, c in results) / len(results)
    print(f"cases               400 vs 20,000 ({len(articles)} articles, 7 people each)")
    print(f"time per article    {t_small * 1e3:.3f} ms vs {t_large * 1e3:.3f} ms")
    print(f"ratio 20,000 / 400  {t_large / t_small:.2f}")
    print(f"matcher memory      {memory / 2**20:.1f} MiB at 20,000 cases")
    print(
        f"known names at 20,000 cases: matched {matched:.3f}, review {review:.3f}, "
        f"wrong case {wrong:.3f} (review: namesakes the generator made)"
    )
    patterns = large.name_patterns()
    tracemalloc.start()
    start = time.perf_counter()
    ruler = CaseNameMatcher(spacy.blank("ru"), patterns)
    built = time.perf_counter() - start
    memory, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"known-name ruler    {len(patterns):,} spellings as {ruler.size:,} key sequences, "
        f"built in {built:.1f} s, {memory / 2**20:.1f} MiB at 20,000 cases"
    )


if __name__ == "__main__":
    main()
