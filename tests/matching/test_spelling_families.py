"""Each family of spellings outlets interchange, in both directions: a case listed in one
member is found when an article prints another, and the other way round."""

import pytest

from monitor.matching import Matcher
from monitor.model import Case
from monitor.names import gender

from .conftest import article_with, person

# (one spelling, another spelling of the same person) for each family
FAMILIES = [
    pytest.param("Ahsan Nuruzade", "Ahsan Nuruzadeh", id="zade-zadeh"),
    pytest.param("Ahsan Nuruzade", "Ahsan Nuruzada", id="zade-zada"),
    pytest.param("Ahsan Nuruzade", "Əhsən Nuruzadə", id="zade-zadə"),
    pytest.param("Eynulla Fatullayev", "Eynullah Fatullayev", id="ulla-ullah"),
    pytest.param("Eynulla Fatullayev", "Eynullakh Fatullayev", id="ulla-ullakh"),
    pytest.param("Heydar Safarov", "Heidar Safarov", id="ey-ei"),
    pytest.param("Heydar Safarov", "He\u0456dar Safarov", id="ey-e-cyrillic-i"),
    pytest.param("Rahim Kazimov", "Rakhim Kazimov", id="h-kh"),
    pytest.param("Rahim Kazimov", "Raxim Kazımov", id="h-x"),
    pytest.param("Rufat Aghayev", "Rufat Agayev", id="gh-g"),
    pytest.param("Rufat Aghayev", "Rufət Ağayev", id="gh-ğ"),
    pytest.param("Gunay Gasimova", "Günay Qasımova", id="azerbaijani-letters"),
    pytest.param("Eynulla Fatullayev", "Eynulla Fatullaev", id="russian-style-latin-yev"),
    pytest.param("Rufat Aghayev", "Rufat Agaev", id="russian-style-latin-gh"),
    pytest.param("Ali Zeynal", "Ali Zeynalov", id="without-ov"),
    pytest.param("Tural Zahid", "Tural Zakhidov", id="without-ov-russian-style"),
    pytest.param("Sevinj Vagifgizi", "Sevinj Vagif", id="without-gizi"),
    pytest.param("Elchin Tofigoglu", "Эльчин Тофиг", id="without-oglu-in-cyrillic"),
    pytest.param("Aynur Aghayeva", "Aynur Agaeva", id="womans-form-russian-style"),
    pytest.param("Davit Manukyan", "David Manukyan", id="given-name-davit-david"),
    pytest.param("Said Dadashbayli", "Saeed Dadashbeyli", id="given-name-said-saeed"),
    pytest.param("Samvel Karapetyan", "Samuel Karapetean", id="given-name-samvel-samuel"),
    pytest.param("Arayik Harutyunyan", "Араик Арутюнян", id="armenian-h-in-russian"),
    pytest.param("Samvel Karapetyan", "Самвел Карапетян", id="softening-y-in-cyrillic"),
    pytest.param("Ruben Vardanyan", "Ռուբէն Վարդանեան", id="classical-armenian-spelling"),
]


def _decision(listed: str, printed: str) -> tuple[str | None, str]:
    case = Case("the-case", listed, gender=gender(listed, nominative=True))
    article, extraction = article_with(person(printed))
    result = Matcher([case]).match(article, extraction)[0]
    return result.case_id, result.decision


@pytest.mark.parametrize(("one", "other"), FAMILIES)
def test_an_article_spelling_of_the_family_finds_the_listed_case(one: str, other: str) -> None:
    assert _decision(one, other) == ("the-case", "match")


@pytest.mark.parametrize(("one", "other"), FAMILIES)
def test_and_the_other_way_round(one: str, other: str) -> None:
    assert _decision(other, one) == ("the-case", "match")


@pytest.mark.parametrize(
    ("listed", "printed"),
    [
        ("Aynur Aghayeva", "Айнур Агаевой"),
        ("Aynur Aghayeva", "Айнур Агаеву"),
        ("Rufat Aghayev", "Руфата Агаева"),
        ("Eynulla Fatullayev", "Эйнуллу Фатуллаева"),
    ],
)
def test_womens_and_mens_forms_across_scripts(listed: str, printed: str) -> None:
    assert _decision(listed, printed) == ("the-case", "match")


def test_a_womans_form_is_not_a_mans_case() -> None:
    assert _decision("Rufat Aghayev", "Aynur Aghayeva")[1] == "none"
