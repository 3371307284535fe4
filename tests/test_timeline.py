"""Case timelines: which reports open a development, which only add a source."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from monitor.alerts.config import load_alert_config
from monitor.db import models as db
from monitor.timeline import derive_status, record_developments
from tests.alerts.builders import add_article, add_case, add_event, add_facility

JAN_10 = dt.date(2026, 1, 10)


def alerts(session: Session) -> list[db.Alert]:
    return list(session.scalars(select(db.Alert).order_by(db.Alert.id)))


def news_of_hunger_strike(session: Session, published: dt.date = JAN_10) -> db.Article:
    sentence = "Jailed blogger Ramil Safarli began a hunger strike in prison on Friday."
    article = add_article(session, "Blogger starts hunger strike", [sentence], published=published)
    add_event(session, article, "safarli-ramil", "hunger_strike", sentence, name="Ramil Safarli")
    return article


def test_a_lead_report_opens_a_development_with_its_source_and_one_alert(session: Session) -> None:
    add_case(session, "safarli-ramil", "Ramil Safarli")
    article = news_of_hunger_strike(session)

    (development,) = record_developments(session, article)

    assert (development.case_id, development.type, development.date) == (
        "safarli-ramil",
        "hunger_strike",
        JAN_10,
    )
    assert [s.article_id for s in development.sources] == [article.id]
    (alert,) = alerts(session)
    assert alert.key == f"dev:{development.id}"
    assert alert.severity == "immediate"


def test_an_undated_event_takes_the_date_of_the_article(session: Session) -> None:
    add_case(session, "safarli-ramil", "Ramil Safarli")
    (development,) = record_developments(session, news_of_hunger_strike(session))
    assert development.date == JAN_10


def test_one_development_in_two_languages_from_two_outlets_is_one_development(
    session: Session,
) -> None:
    add_case(session, "safarli-ramil", "Ramil Safarli")
    first = news_of_hunger_strike(session)
    russian = "Блогер Рамиль Сафарли, находящийся в заключении, объявил голодовку."
    second = add_article(
        session,
        "Заключённый блогер объявил голодовку",
        [russian],
        published=JAN_10 + dt.timedelta(days=2),
        outlet="other-outlet",
        language="ru",
    )
    add_event(session, second, "safarli-ramil", "hunger_strike", russian, name="Рамиль Сафарли")

    created = record_developments(session, first) + record_developments(session, second)

    (development,) = created
    assert [s.article_id for s in development.sources] == [first.id, second.id]
    assert len(alerts(session)) == 1


def test_a_background_paragraph_raises_nothing(session: Session) -> None:
    add_case(session, "safarli-ramil", "Ramil Safarli")
    lead = "Relatives of political prisoners held a picket outside the ministry."
    old = "As reported earlier, Ramil Safarli was arrested in the capital."
    article = add_article(session, "Picket in the capital", [lead, (old, True)], published=JAN_10)
    add_event(session, article, "safarli-ramil", "arrest", old, name="Ramil Safarli")

    assert record_developments(session, article) == []
    assert alerts(session) == []


def test_a_fact_dated_long_before_the_article_opens_no_development(session: Session) -> None:
    add_case(session, "safarli-ramil", "Ramil Safarli")
    sentence = "Ramil Safarli was detained by the police in March 2024."
    article = add_article(session, "Ramil Safarli detained", [sentence], published=JAN_10)
    add_event(
        session,
        article,
        "safarli-ramil",
        "arrest",
        sentence,
        name="Ramil Safarli",
        date=dt.date(2024, 3, 5),
    )
    assert record_developments(session, article) == []


def test_a_restated_fact_becomes_a_source_of_the_known_development(session: Session) -> None:
    case = add_case(
        session, "safarli-ramil", "Ramil Safarli", known=[("arrest", dt.date(2024, 3, 5))]
    )
    sentence = "Ramil Safarli was detained by the police in March 2024."
    article = add_article(session, "Ramil Safarli detained", [sentence], published=JAN_10)
    add_event(
        session,
        article,
        "safarli-ramil",
        "arrest",
        sentence,
        name="Ramil Safarli",
        date=dt.date(2024, 3, 5),
    )

    assert record_developments(session, article) == []
    (known,) = case.developments
    assert [s.article_id for s in known.sources] == [article.id]


def test_a_development_already_known_from_the_list_raises_no_alert(session: Session) -> None:
    add_case(
        session, "safarli-ramil", "Ramil Safarli", known=[("hunger_strike", dt.date(2026, 1, 1))]
    )
    assert record_developments(session, news_of_hunger_strike(session)) == []
    assert alerts(session) == []


def test_a_mention_outside_the_headline_and_lead_only_adds_sources(session: Session) -> None:
    add_case(session, "safarli-ramil", "Ramil Safarli")
    lead = "The appeal court upheld the verdict against Ramil Safarli on Tuesday."
    later = "His lawyer said that Ramil Safarli had been tried behind closed doors."
    article = add_article(session, "Appeal rejected", [lead, later], published=JAN_10)
    add_event(session, article, "safarli-ramil", "appeal", lead, name="Ramil Safarli")
    add_event(session, article, "safarli-ramil", "trial", later, name="Ramil Safarli")

    created = record_developments(session, article)

    assert [d.type for d in created] == ["appeal"]


def test_a_syndicated_copy_outside_the_window_is_the_same_development(session: Session) -> None:
    add_case(session, "safarli-ramil", "Ramil Safarli")
    record_developments(session, news_of_hunger_strike(session))
    sentence = "Jailed blogger Ramil Safarli began a hunger strike in prison on Friday!"
    late = add_article(
        session,
        "Blogger on hunger strike",
        [sentence],
        published=JAN_10 + dt.timedelta(days=45),
        outlet="aggregator",
    )
    add_event(session, late, "safarli-ramil", "hunger_strike", sentence, name="Ramil Safarli")

    assert record_developments(session, late) == []
    assert session.scalar(select(func.count()).select_from(db.DevelopmentSource)) == 2


def test_a_rejected_or_uncertain_match_records_nothing(session: Session) -> None:
    add_case(session, "safarli-ramil", "Ramil Safarli")
    sentence = "Ramil Safarli was detained outside his home on Monday."
    article = add_article(session, "Blogger detained", [sentence], published=JAN_10)
    add_event(
        session,
        article,
        "safarli-ramil",
        "arrest",
        sentence,
        name="Ramil Safarli",
        review_status="rejected",
    )
    other = add_article(session, "Another detention", [sentence + " "], published=JAN_10)
    add_event(
        session, other, "safarli-ramil", "arrest", sentence, name="Ramil Safarli", decision="review"
    )

    assert record_developments(session, article) == []
    assert record_developments(session, other) == []


def test_processing_an_article_twice_adds_no_second_source_or_alert(session: Session) -> None:
    add_case(session, "safarli-ramil", "Ramil Safarli")
    article = news_of_hunger_strike(session)
    (development,) = record_developments(session, article)
    assert record_developments(session, article) == []
    assert len(development.sources) == 1
    assert len(alerts(session)) == 1


def test_an_inactive_case_gets_its_timeline_but_no_alert(session: Session) -> None:
    add_case(session, "safarli-ramil", "Ramil Safarli", active=False)
    assert len(record_developments(session, news_of_hunger_strike(session))) == 1
    assert alerts(session) == []


def test_the_case_status_follows_the_timeline(session: Session) -> None:
    case = add_case(session, "safarli-ramil", "Ramil Safarli", status="imprisoned")
    sentence = "Ramil Safarli was released from prison under a pardon decree."
    article = add_article(session, "Blogger pardoned", [sentence], published=JAN_10)
    add_event(session, article, "safarli-ramil", "release", sentence, name="Ramil Safarli")

    record_developments(session, article)

    assert case.status == "released"


def development(event_type: str, day: int, ident: int) -> db.Development:
    return db.Development(
        id=ident, type=event_type, date=dt.date(2025, 1, day), origin="article", status="active"
    )


def test_derive_status_takes_the_latest_development_that_changes_custody() -> None:
    config = load_alert_config({})
    timeline = [
        development("release", 20, 3),
        development("arrest", 1, 1),
        development("trial", 25, 4),
    ]
    assert derive_status(timeline, config) == "released"
    timeline.append(development("sentence", 10, 2))
    assert derive_status(timeline, config) == "released"
    assert derive_status([development("sentence", 10, 2)], config) == "imprisoned"
    assert derive_status([development("house_arrest", 10, 2)], config) == "house_arrest"


def test_derive_status_keeps_the_default_when_nothing_changes_custody() -> None:
    config = load_alert_config({})
    assert derive_status([development("trial", 3, 1)], config, "detained") == "detained"
    assert derive_status([], config) == "unknown"


def test_death_is_final_whatever_is_dated_after_it() -> None:
    config = load_alert_config({})
    timeline = [development("death", 5, 1), development("release", 9, 2)]
    assert derive_status(timeline, config) == "deceased"


def test_several_mentions_of_one_development_in_an_article_are_one(session: Session) -> None:
    add_case(session, "safarli-ramil", "Ramil Safarli")
    first = "Ramil Safarli began a hunger strike on Friday."
    second = "Ramil Safarli is refusing food, his hunger strike continues."
    article = add_article(session, "Hunger strike", [f"{first} {second}"], published=JAN_10)
    add_event(session, article, "safarli-ramil", "hunger_strike", first, name="Ramil Safarli")
    add_event(session, article, "safarli-ramil", "hunger_strike", second, name="Ramil Safarli")

    assert len(record_developments(session, article)) == 1
    assert len(alerts(session)) == 1


def test_an_appeal_lead_recaps_the_sentence_as_context(session: Session) -> None:
    add_case(session, "safarli-ramil", "Ramil Safarli")
    lead = "The appeal court upheld the six-year sentence of Ramil Safarli."
    article = add_article(session, "Verdict against blogger stands", [lead], published=JAN_10)
    add_event(session, article, "safarli-ramil", "appeal", lead, name="Ramil Safarli")
    add_event(session, article, "safarli-ramil", "sentence", lead, name="Ramil Safarli")

    assert [d.type for d in record_developments(session, article)] == ["appeal"]


def test_a_case_named_only_further_down_has_its_own_lead(session: Session) -> None:
    add_case(session, "safarli-ramil", "Ramil Safarli")
    lead = "The president pardoned two hundred convicts on Monday."
    named = "Among those freed is the blogger Ramil Safarli."
    later = "Ramil Safarli had been arrested in 2023 and tried last year."
    article = add_article(session, "Pardon decree signed", [lead, named, later], published=JAN_10)
    add_event(session, article, "safarli-ramil", "release", named, name="Ramil Safarli")
    add_event(session, article, "safarli-ramil", "trial", later, name="Ramil Safarli")

    assert [d.type for d in record_developments(session, article)] == ["release"]


def test_the_headline_and_the_lead_paragraph_are_both_news(session: Session) -> None:
    add_case(session, "safarli-ramil", "Ramil Safarli")
    title = "Ramil Safarli on hunger strike"
    lead = "Guards beat Ramil Safarli on Monday after he refused food, his wife said."
    article = add_article(session, title, [lead], published=JAN_10)
    add_event(session, article, "safarli-ramil", "hunger_strike", title, name="Ramil Safarli")
    add_event(session, article, "safarli-ramil", "ill_treatment", lead, name="Ramil Safarli")

    created = record_developments(session, article)

    assert sorted(d.type for d in created) == ["hunger_strike", "ill_treatment"]


def test_a_release_lead_recaps_the_arrest_as_context(session: Session) -> None:
    add_case(session, "safarli-ramil", "Ramil Safarli")
    lead = "Ramil Safarli walked free after serving 30 days of administrative arrest."
    article = add_article(session, "Blogger freed", [lead], published=JAN_10)
    add_event(session, article, "safarli-ramil", "release", lead, name="Ramil Safarli")
    add_event(session, article, "safarli-ramil", "arrest", lead, name="Ramil Safarli")

    assert [d.type for d in record_developments(session, article)] == ["release"]


def test_a_month_or_year_stands_for_its_last_day_when_telling_old_from_new() -> None:
    from monitor.model import last_day

    assert last_day(dt.date(2026, 2, 1), "month") == dt.date(2026, 2, 28)
    assert last_day(dt.date(2025, 12, 1), "month") == dt.date(2025, 12, 31)
    assert last_day(dt.date(2024, 1, 1), "year") == dt.date(2024, 12, 31)
    assert last_day(dt.date(2026, 2, 14), "day") == dt.date(2026, 2, 14)


def test_what_the_headline_reports_is_news_even_when_the_lead_reports_a_later_step(
    session: Session,
) -> None:
    add_case(session, "safarli-ramil", "Ramil Safarli")
    title = "Court extends the detention of Ramil Safarli"
    lead = "At the trial of Ramil Safarli on Friday the court extended his detention."
    article = add_article(session, title, [lead], published=JAN_10)
    add_event(session, article, "safarli-ramil", "pretrial_detention", title, name="Ramil Safarli")
    add_event(session, article, "safarli-ramil", "trial", lead, name="Ramil Safarli")

    created = record_developments(session, article)

    assert sorted(d.type for d in created) == ["pretrial_detention", "trial"]


def test_steps_the_headline_tells_of_nobody_by_name_are_news_for_the_lead(
    session: Session,
) -> None:
    add_case(session, "safarli-ramil", "Ramil Safarli")
    title = "Two bloggers convicted and freed"
    lead = "A Baku court convicted Ramil Safarli on Monday and freed him in the courtroom."
    article = add_article(session, title, [lead], published=JAN_10)
    add_event(session, article, None, "sentence", title, name="bloggers")
    add_event(session, article, None, "release", title, name="bloggers")
    add_event(session, article, "safarli-ramil", "sentence", lead, name="Ramil Safarli")
    add_event(session, article, "safarli-ramil", "release", lead, name="Ramil Safarli")

    created = record_developments(session, article)

    assert sorted(d.type for d in created) == ["release", "sentence"]


def report_on_safarli(
    session: Session, event_type: str, body: str, *, title: str = "Blogger news", **event: object
) -> tuple[db.Case, db.Article]:
    """The case of Ramil Safarli and an article whose body reports ``event_type``."""
    case = session.get(db.Case, "safarli-ramil") or add_case(
        session, "safarli-ramil", "Ramil Safarli"
    )
    article = add_article(session, title, [body], published=JAN_10)
    add_event(session, article, "safarli-ramil", event_type, body, name="Ramil Safarli", **event)  # type: ignore[arg-type]
    return case, article


def test_the_body_sentence_with_its_own_date_makes_the_development_not_the_headline(
    session: Session,
) -> None:
    title = "Ramil Safarli on hunger strike"
    body = "Ramil Safarli refused food on 8 January in Prison No. 13, his lawyer said."
    _, article = report_on_safarli(
        session, "hunger_strike", body, title=title, date=dt.date(2026, 1, 8)
    )
    add_event(session, article, "safarli-ramil", "hunger_strike", title, name="Ramil Safarli")

    (development,) = record_developments(session, article)

    assert development.date == dt.date(2026, 1, 8)
    assert development.summary == body
    assert [s.sentence for s in development.sources] == [body]
    (alert,) = alerts(session)
    assert alert.sentence == body


def test_a_date_said_without_a_day_keeps_its_precision(session: Session) -> None:
    body = "Ramil Safarli was moved to another prison in January."
    _, article = report_on_safarli(session, "transfer", body, date=dt.date(2026, 1, 1))
    article.event_mentions[0].date_precision = "month"

    (development,) = record_developments(session, article)

    assert (development.date, development.date_precision) == (dt.date(2026, 1, 1), "month")


def test_a_transfer_moves_the_case_to_the_last_place_its_sentence_names(session: Session) -> None:
    body = "Ramil Safarli was moved from the Baku detention centre to Prison No. 13 on Friday."
    case, article = report_on_safarli(session, "transfer", body)
    case.facility = case.imported_facility = "Baku Pretrial Detention Center No. 1"
    add_facility(session, article, "Baku detention centre", "Baku Pretrial Detention Center No. 1")
    add_facility(session, article, "Prison No. 13", "Prison No. 13")

    (development,) = record_developments(session, article)

    assert development.facility == "Prison No. 13"
    assert case.facility == "Prison No. 13"
    assert case.imported_facility == "Baku Pretrial Detention Center No. 1"


def test_a_release_leaves_the_case_held_nowhere(session: Session) -> None:
    body = "Ramil Safarli was released from prison under a pardon on Friday."
    case, article = report_on_safarli(session, "release", body)
    case.facility = case.imported_facility = "Prison No. 13"

    record_developments(session, article)

    assert (case.status, case.facility) == ("released", None)


def test_an_undated_step_of_another_case_further_down_is_a_recap(session: Session) -> None:
    add_case(session, "safarli-ramil", "Ramil Safarli")
    add_case(session, "guliyev-elnur", "Elnur Guliyev")
    lead = "A Baku court sentenced the blogger Ramil Safarli to six years on Monday."
    later = "His colleague Elnur Guliyev had been arrested after a protest."
    article = add_article(session, "Blogger sentenced", [lead, later], published=JAN_10)
    add_event(session, article, "safarli-ramil", "sentence", lead, name="Ramil Safarli")
    add_event(session, article, "guliyev-elnur", "arrest", later, name="Elnur Guliyev")

    assert [d.case_id for d in record_developments(session, article)] == ["safarli-ramil"]


def test_a_case_further_down_that_shared_the_leads_step_is_news(session: Session) -> None:
    add_case(session, "safarli-ramil", "Ramil Safarli")
    add_case(session, "guliyev-elnur", "Elnur Guliyev")
    lead = "A Baku court sentenced the blogger Ramil Safarli to six years on Monday."
    later = "His colleague Elnur Guliyev was also sentenced, to five years."
    article = add_article(session, "Blogger sentenced", [lead, later], published=JAN_10)
    add_event(session, article, "safarli-ramil", "sentence", lead, name="Ramil Safarli")
    add_event(session, article, "guliyev-elnur", "sentence", later, name="Elnur Guliyev")

    cases = {d.case_id for d in record_developments(session, article)}
    assert cases == {"safarli-ramil", "guliyev-elnur"}


def test_a_case_further_down_that_shared_a_step_the_lead_tells_of_nobody_named_is_news(
    session: Session,
) -> None:
    add_case(session, "safarli-ramil", "Ramil Safarli")
    lead = "A presidential decree pardoned 51 political prisoners on Monday, Ilham Mammadov said."
    later = "Also pardoned was the blogger Ramil Safarli."
    article = add_article(session, "Fifty prisoners pardoned", [lead, later], published=JAN_10)
    add_event(session, article, None, "release", lead, name="Ilham Mammadov")
    add_event(session, article, "safarli-ramil", "release", later, name="Ramil Safarli")

    assert [d.case_id for d in record_developments(session, article)] == ["safarli-ramil"]
