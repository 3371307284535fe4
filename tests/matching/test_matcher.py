import pytest

from monitor.matching import Matcher, context_key, is_new_case_candidate
from monitor.model import (
    Article,
    Case,
    ChargeMention,
    Extraction,
    Judgement,
    Match,
    NamePattern,
    PersonMention,
)

from .conftest import article_with, person


def match_one(cases: list[Case], name: str, role: str = "detainee", **kw: object) -> Match:
    mention = person(name, role=role)  # type: ignore[arg-type]
    article, extraction = article_with(mention)
    return Matcher(cases, **kw).match(article, extraction)[0]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("printed", "case_id"),
    [
        ("Mekhman Guseinov", "huseynov-mehman"),
        ("Мехмана Гусейнова", "huseynov-mehman"),
        ("Mehman Hüseynov", "huseynov-mehman"),
        ("Мохйаддина Оруджева", "orujov-mohyaddin"),
        ("Mohyaddin Orucov", "orujov-mohyaddin"),
        ("Bairam Mamedov", "mammadov-bayram"),
        ("Байраму Мамедову", "mammadov-bayram"),
        ("Akhsan Nuruzade", "nuruzada-ahsan"),
        ("Тофига Ягублу", "yagublu-tofig"),
        ("Севиндж Вагифгызы", "vagifgizi-sevinj"),
        ("Sevinj Abbasova", "vagifgizi-sevinj"),
        ("Лалы Умудовой", "umudova-lala"),
        ("Orujov Mohyaddin", "orujov-mohyaddin"),
    ],
)
def test_spellings_match_their_case(cases: list[Case], printed: str, case_id: str) -> None:
    result = match_one(cases, printed)
    assert (result.case_id, result.decision) == (case_id, "match")


def test_explanation_names_the_variant(cases: list[Case]) -> None:
    result = match_one(cases, "Mekhman Guseinov")
    assert "surname transliteration match Guseinov ~ Huseynov (0.96)" in result.explanation


def test_other_first_name_is_another_man(cases: list[Case]) -> None:
    only_mohyaddin = [c for c in cases if c.id != "orujov-aziz"]
    assert match_one(only_mohyaddin, "Aziz Orujov").decision == "none"


def test_ilgar_mammadov_is_not_bayram_mammadov(cases: list[Case]) -> None:
    only_bayram = [c for c in cases if c.id != "mammadov-ilgar"]
    assert match_one(only_bayram, "Ilgar Mammadov").decision == "none"
    assert match_one(cases, "Ilgar Mammadov").case_id == "mammadov-ilgar"


def test_ilham_aliyev_is_never_a_case(cases: list[Case]) -> None:
    for role in ("official", "other"):
        assert match_one(cases, "Ilham Aliyev", role=role).decision == "none"


def test_relative_with_the_case_surname_is_not_the_case(cases: list[Case]) -> None:
    assert match_one(cases, "Nizami Orujov", role="relative").decision == "none"


def test_bare_shared_surname_never_matches(cases: list[Case]) -> None:
    assert match_one(cases, "Orujov").decision == "none"
    assert match_one(cases, "Мамедова").decision != "match"


def test_bare_unique_surname_needs_review_without_context(cases: list[Case]) -> None:
    result = match_one(cases, "Nuruzade")
    assert (result.case_id, result.decision) == ("nuruzada-ahsan", "review")


def test_woman_with_a_mans_case_surname_is_not_him(cases: list[Case]) -> None:
    assert match_one(cases, "Mammadova").decision == "none"


def test_one_match_per_person_in_order(cases: list[Case]) -> None:
    article, extraction = article_with(person("Tofig Yagublu"), person("Someone Else"))
    results = Matcher(cases).match(article, extraction)
    assert [r.case_id for r in results] == ["yagublu-tofig", None]


def test_new_case_candidate(cases: list[Case]) -> None:
    newcomer = person("Rauf Karimli")
    article, extraction = article_with(newcomer, person("Karimli"))
    results = Matcher(cases).match(article, extraction)
    assert is_new_case_candidate(newcomer, results[0])
    assert not is_new_case_candidate(extraction.people[1], results[1])
    assert not is_new_case_candidate(person("Rauf Karimli", role="lawyer"), results[0])


def test_name_patterns_cover_scripts_and_endings(cases: list[Case]) -> None:
    patterns = Matcher(cases).name_patterns()
    assert NamePattern("orujov-mohyaddin", "Mohyaddin Orudzhev") in patterns
    assert NamePattern("huseynov-mehman", "Мехмана Гусейнова") in patterns
    assert all(len(p.text.split()) >= 2 for p in patterns)


def test_case_hint_is_honoured_only_when_names_agree(cases: list[Case]) -> None:
    mention = person("Mehman Huseynov")
    mention.case_hint = "huseynov-mehman"
    article, extraction = article_with(mention)
    assert Matcher(cases).match(article, extraction)[0].case_id == "huseynov-mehman"


def test_positive_judgement_adds_a_spelling(cases: list[Case]) -> None:
    assert match_one(cases, "Lala Umudzade").decision == "none"
    judgement = Judgement("umudova-lala", "Lala Umudzade", "positive")
    result = match_one(cases, "Лала Умудзаде", judgements=[judgement])
    assert (result.case_id, result.decision) == ("umudova-lala", "match")


def test_negative_judgement_applies_in_its_context_only(cases: list[Case]) -> None:
    mention = person("Mehman Huseynov")
    article, extraction = article_with(mention)
    article.outlet = "Turan"
    key = context_key(article, extraction, mention)
    assert key == "turan||"
    rejection = Judgement("huseynov-mehman", "Мехман Гусейнов", "negative", context=key)
    matcher = Matcher(cases, judgements=[rejection])
    assert matcher.match(article, extraction)[0].decision == "none"
    article.outlet = "JAMnews"
    assert matcher.match(article, extraction)[0].decision == "match"


def test_context_key_holds_the_persons_charges(cases: list[Case]) -> None:
    mention = person("Bayram Mammadov")
    article, extraction = article_with(mention)
    extraction.charges.append(ChargeMention("drugs", "drug_trafficking", 0, 5, person=0))
    article.url = "https://www.kavkaz-uzel.eu/articles/1"
    assert context_key(article, extraction, mention) == "kavkaz-uzel.eu|drug_trafficking|"


def test_one_letter_off_surname_with_full_first_name_is_found(cases: list[Case]) -> None:
    cases.append(Case("tahirov-ulvi", "Ulvi Tahirov", gender="m"))
    result = match_one(cases, "Ulvi Tairov")
    assert (result.case_id, result.decision) == ("tahirov-ulvi", "match")


def test_another_first_name_one_letter_off_needs_review(cases: list[Case]) -> None:
    cases.append(Case("babayev-ramil", "Ramil Babayev", gender="m"))
    result = match_one(cases, "Ramin Babayev")
    assert (result.case_id, result.decision) == ("babayev-ramil", "review")


def test_a_full_name_in_an_article_with_nothing_custodial_needs_review(
    cases: list[Case],
) -> None:
    result = match_one(cases, "Tofig Yagublu", role="other")
    assert (result.case_id, result.decision) == ("yagublu-tofig", "review")
    assert "the article reports no arrest, charge, trial or prison" in result.explanation


def test_an_official_named_with_a_cases_full_name_needs_review(cases: list[Case]) -> None:
    result = match_one(cases, "Mehman Huseynov", role="official")
    assert (result.case_id, result.decision) == ("huseynov-mehman", "review")


def test_a_full_name_with_nothing_custodial_matches_beside_the_cases_occupation(
    cases: list[Case],
) -> None:
    mention = person("Aziz Orujov", role="other")
    article, extraction = article_with(
        mention, text="The journalist Aziz Orujov spoke at a conference in Baku."
    )
    result = Matcher(cases).match(article, extraction)[0]
    assert (result.case_id, result.decision) == ("orujov-aziz", "match")
    assert "occupation near the name: journalist" in result.explanation


def test_an_ambiguous_russian_form_does_not_count_against_a_womans_case(
    cases: list[Case],
) -> None:
    # "Севиндж Аббасову": a woman's accusative or a man's dative; the normalizer guessed
    mention = person("Севиндж Аббасову", normalized="Севиндж Аббасов")
    article, extraction = article_with(mention)
    result = Matcher(cases).match(article, extraction)[0]
    assert (result.case_id, result.decision) == ("vagifgizi-sevinj", "match")


def test_a_first_name_one_letter_off_goes_to_review_on_its_own() -> None:
    cases = [Case("babayev-ramil", "Ramil Babayev", gender="m", charges=["smuggling"])]
    article, extraction = article_with(person("Ramin Babayev"))
    result = Matcher(cases).match(article, extraction)[0]
    assert (result.case_id, result.decision) == ("babayev-ramil", "review")
    assert any("only the spelling (one letter off)" in line for line in result.explanation)


def test_a_name_one_letter_off_matches_with_a_fact_of_the_case() -> None:
    cases = [Case("babayev-ramil", "Ramil Babayev", gender="m", charges=["smuggling"])]
    article, extraction = article_with(person("Ramin Babayev"))
    extraction.charges.append(ChargeMention("smuggling", "smuggling", 0, 9, person=0))
    result = Matcher(cases).match(article, extraction)[0]
    assert (result.case_id, result.decision) == ("babayev-ramil", "match")


def test_a_name_misspelt_in_both_words_is_found_for_review() -> None:
    cases = [Case("safarov-heydar", "Heydar Safarov", gender="m")]
    article, extraction = article_with(person("Heydan Safarrov"))
    result = Matcher(cases).match(article, extraction)[0]
    assert (result.case_id, result.decision) == ("safarov-heydar", "review")


def test_a_surname_misspelt_by_one_letter_in_a_sports_report_is_no_match() -> None:
    cases = [Case("babayev-ramil", "Ramil Babayev", gender="m")]
    article, extraction = article_with(person("Ramin Babayev", role="other"))
    extraction.relevant = False
    result = Matcher(cases).match(article, extraction)[0]
    assert result.decision != "match"


def test_a_couples_plural_surname_tells_nothing_of_a_wifes_gender() -> None:
    # "супругов Юнусов" (the Yunus couple) was grouped with "Лейлы Юнус"
    cases = [Case("yunus-leyla", "Leyla Yunus", gender="f")]
    mention = PersonMention(
        name="Лейлы Юнус",
        normalized="Лейла Юнус",
        role="detainee",
        forms=["Юнусов", "Лейлы Юнус"],
    )
    article, extraction = article_with(mention)
    result = Matcher(cases).match(article, extraction)[0]
    assert (result.case_id, result.decision) == ("yunus-leyla", "match")


def _listed(text: str, *names: str) -> tuple[Article, Extraction]:
    """An article of ``text`` whose detainees are ``names``, each where the text has it."""
    article, extraction = article_with(text=text)
    for name in names:
        start = article.text.index(name)
        extraction.people.append(
            PersonMention(name, name, role="detainee", spans=[(start, start + len(name))])
        )
    return article, extraction


TOPLUM = [
    Case("zeynal-ali", "Ali Zeynal", gender="m", charges=["smuggling"]),
    Case("babayev-ramil", "Ramil Babayev", gender="m", charges=["smuggling"]),
]


def test_a_name_one_letter_off_matches_in_a_list_with_a_codefendant_charged_alike() -> None:
    text = "The court remanded Ali Zeynal and Ramin Babayev for four months."
    article, extraction = _listed(text, "Ali Zeynal", "Ramin Babayev")
    result = Matcher(TOPLUM).match(article, extraction)[1]
    assert (result.case_id, result.decision) == ("babayev-ramil", "match")
    assert "listed with zeynal-ali, charged alike (smuggling)" in result.explanation


def test_a_name_one_letter_off_named_apart_from_the_codefendant_needs_review() -> None:
    text = "The court remanded Ali Zeynal. Separately, Ramin Babayev spoke to reporters."
    article, extraction = _listed(text, "Ali Zeynal", "Ramin Babayev")
    result = Matcher(TOPLUM).match(article, extraction)[1]
    assert (result.case_id, result.decision) == ("babayev-ramil", "review")


def test_a_later_fuller_spelling_of_the_same_name_is_tried_too(cases: list[Case]) -> None:
    mention = PersonMention(
        name="Tofi Yagublu",
        normalized="Tofi Yagublu",
        role="detainee",
        forms=["Tofi Yagublu", "Tofig Yagublu"],
    )
    article, extraction = article_with(mention)
    result = Matcher(cases).match(article, extraction)[0]
    assert (result.case_id, result.decision) == ("yagublu-tofig", "match")
    assert any("first name exact match" in line for line in result.explanation)
