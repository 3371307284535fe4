import datetime as dt

from monitor.matching import features as f
from monitor.matching.context import PersonContext
from monitor.matching.names import case_name, name_words
from monitor.model import Case, KnownEvent, Role

ORUJOV = Case(
    "orujov-mohyaddin",
    "Mohyaddin Orujov",
    gender="m",
    occupation="trade union activist",
    charges=["drug_trafficking"],
    facility="Correctional Facility No. 13",
    events=[KnownEvent("sentence", dt.date(2025, 2, 25))],
)


def compare(
    mention: str,
    *,
    role: Role = "other",
    gender: str | None = None,
    charges: frozenset[str] = frozenset(),
    facilities: tuple[str, ...] = (),
    window: str = "",
    dates: frozenset[tuple[str, dt.date]] = frozenset(),
    sharing: int = 1,
    rejected: bool = False,
) -> f.Comparison:
    name = case_name(0, "name", ORUJOV.name)
    assert name is not None
    context = PersonContext(role, gender, charges, facilities, dates, window, "ck|")
    return f.Comparison(tuple(name_words(mention)), name, ORUJOV, context, sharing, rejected)


def test_surname_exact() -> None:
    assert f.surname_agreement(compare("Mohyaddin Orujov"))[0] == 1.0


def test_surname_transliteration_names_both_spellings() -> None:
    score, detail = f.surname_agreement(compare("Mukhiaddin Orudzhev"))
    assert score == 0.96
    assert detail == "surname transliteration match Orudzhev ~ Orujov (0.96)"


def test_surname_case_form() -> None:
    score, detail = f.surname_agreement(compare("Мохйаддину Оруджеву"))
    assert score == 0.94
    assert "case form" in detail


def test_surname_that_differs_scores_nothing() -> None:
    assert f.surname_agreement(compare("Mohyaddin Hasanli"))[0] == 0.0


def test_first_name_agrees_across_scripts() -> None:
    assert f.first_name_agreement(compare("Мохйаддина Оруджева"))[0] > 0.9


def test_other_first_name_conflicts() -> None:
    score, detail = f.first_name_agreement(compare("Aziz Orujov"))
    assert score == -1.0
    assert detail == "first name conflicts: Aziz is not Mohyaddin"


def test_initial_agrees_weakly() -> None:
    assert f.first_name_agreement(compare("M. Orujov"))[0] == 0.5


def test_bare_surname_says_so() -> None:
    assert f.first_name_agreement(compare("Orujov")) == (0.0, "no first name (bare surname)")


def test_bare_surname_shared_by_cases_is_penalised() -> None:
    assert f.bare_shared_surname(compare("Orujov", sharing=3))[0] == -1.0
    assert f.bare_shared_surname(compare("Mohyaddin Orujov", sharing=3))[0] == 0.0


def test_relative_lawyer_official_are_not_the_case() -> None:
    for role in ("relative", "lawyer", "official"):
        assert f.role_agreement(compare("Mohyaddin Orujov", role=role))[0] < 0
    assert f.role_agreement(compare("Mohyaddin Orujov", role="detainee"))[0] == 1.0


def test_an_official_speaks_against_the_case_more_than_a_relative() -> None:
    official = f.role_agreement(compare("Mohyaddin Orujov", role="official"))[0]
    relative = f.role_agreement(compare("Mohyaddin Orujov", role="relative"))[0]
    assert official < relative


def test_gender_conflict() -> None:
    assert f.gender_agreement(compare("Orujova", gender="f"))[0] == -1.0
    assert f.gender_agreement(compare("Orujov", gender="m"))[0] == 1.0
    assert f.gender_agreement(compare("Orujov"))[0] == 0.0


def test_charge_in_case() -> None:
    charges = frozenset({"drug_trafficking"})
    assert f.charge_agreement(compare("Orujov", charges=charges)) == (
        1.0,
        "charge in case: drug_trafficking",
    )
    assert f.charge_agreement(compare("Orujov", charges=frozenset({"treason"})))[0] < 0


def test_facility_in_case_whatever_the_wording() -> None:
    assert (
        f.facility_agreement(compare("Orujov", facilities=("Correctional Facility No. 13",)))[0]
        == 1.0
    )
    assert f.facility_agreement(compare("Orujov", facilities=("Prison No. 13",)))[0] == 0.0


def test_occupation_found_in_either_language() -> None:
    assert f.occupation_agreement(compare("Orujov", window="the trade union activist"))[0] == 1
    assert f.occupation_agreement(compare("Orujov", window="активист профсоюза"))[0] == 1
    assert f.occupation_agreement(compare("Orujov", window="a footballer"))[0] == 0


def test_known_event_date() -> None:
    dates = frozenset({("sentence", dt.date(2025, 2, 25))})
    assert f.date_agreement(compare("Orujov", dates=dates)) == (
        1.0,
        "known sentence date: 2025-02-25",
    )


def test_analyst_rejection() -> None:
    assert f.analyst_rejection(compare("Mohyaddin Orujov", rejected=True))[0] == -1.0


def test_an_outlet_the_person_works_for_is_an_organisation_not_an_occupation() -> None:
    editor = Case(
        "vagifgizi-sevinj", "Sevinj Vagifgizi", occupation="editor-in-chief of Abzas Media"
    )
    name = case_name(0, "name", editor.name)
    assert name is not None
    context = PersonContext("other", None, frozenset(), (), frozenset(), "jailed abzas staff", "k|")
    words = tuple(name_words("Sevinj Vagifgizi"))
    score, reason = f.occupation_agreement(f.Comparison(words, name, editor, context))
    assert (score, reason) == (1.0, "organisation near the name: Abzas Media")
