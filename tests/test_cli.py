"""The `monitor` command as a user runs it (in-process, through click's runner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import main
from monitor.config import Settings

FILES = Path(__file__).parent / "files"


@pytest.fixture
def runner(settings: Settings) -> CliRunner:
    return CliRunner()


def test_every_command_explains_itself(runner: CliRunner) -> None:
    for args in (
        [],
        ["init"],
        ["cases", "import"],
        ["cases", "export"],
        ["cases", "list"],
        ["crawl"],
        ["process"],
        ["run"],
        ["analyze"],
        ["alerts", "send"],
        ["alerts", "simulate"],
        ["demo"],
    ):
        result = runner.invoke(main, [*args, "--help"])
        assert result.exit_code == 0, args
        assert "Usage:" in result.output


def test_init_creates_then_reports_up_to_date(runner: CliRunner, settings: Settings) -> None:
    first = runner.invoke(main, ["init"])
    second = runner.invoke(main, ["init"])
    assert "created" in first.output
    assert "up to date" in second.output
    assert settings.db_url or settings.db_path.exists()


def test_cases_import_reports_changes_and_list_shows_them(runner: CliRunner) -> None:
    first = runner.invoke(main, ["cases", "import", str(FILES / "cases.yaml")])
    again = runner.invoke(main, ["cases", "import", str(FILES / "cases.yaml")])
    listed = runner.invoke(main, ["cases", "list"])
    assert "2 added" in first.output
    assert "0 added, 0 updated, 2 unchanged" in again.output
    assert "orujov-mohyaddin" in listed.output


def test_a_bad_cases_file_is_a_clear_error_and_changes_nothing(
    runner: CliRunner, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: x, name: X, charges: [jaywalking]}\n", encoding="utf-8")
    result = runner.invoke(main, ["cases", "import", str(bad)])
    assert result.exit_code == 2
    assert "unknown charge codes" in result.output


def active_cases(runner: CliRunner) -> list[str]:
    listed = runner.invoke(main, ["cases", "list"], env={"COLUMNS": "200"}).output
    return [case for case in ("orujov-mohyaddin", "yagublu-tofig") if case in listed]


def test_an_empty_cases_file_does_not_deactivate_every_case(
    runner: CliRunner, tmp_path: Path
) -> None:
    runner.invoke(main, ["cases", "import", str(FILES / "cases.yaml")])
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(main, ["cases", "import", str(empty)])
    assert result.exit_code == 2
    assert "none of the 2 active cases" in result.output and "--replace" in result.output
    assert active_cases(runner) == ["orujov-mohyaddin", "yagublu-tofig"]


def test_replace_lets_a_new_list_retire_every_old_case(runner: CliRunner, tmp_path: Path) -> None:
    runner.invoke(main, ["cases", "import", str(FILES / "cases.yaml")])
    other = tmp_path / "other.yaml"
    other.write_text("- {id: someone-else, name: Someone Else}\n", encoding="utf-8")
    assert runner.invoke(main, ["cases", "import", str(other)]).exit_code == 2
    result = runner.invoke(main, ["cases", "import", "--replace", str(other)])
    assert result.exit_code == 0, result.output
    assert "2 no longer listed" in result.output
    assert active_cases(runner) == []


def test_an_impossible_date_is_a_one_line_error_with_exit_2(
    runner: CliRunner, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: a, name: A, events: [{date: 2024-02-30, type: arrest}]}\n")
    result = runner.invoke(main, ["cases", "import", str(bad)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "2024-02-30" in result.output
    assert "Traceback" not in result.output


def test_cases_export_writes_the_import_format(runner: CliRunner, tmp_path: Path) -> None:
    runner.invoke(main, ["cases", "import", str(FILES / "cases.yaml")])
    out = tmp_path / "out.yaml"
    runner.invoke(main, ["cases", "export", "-o", str(out)])
    assert "Mohyaddin Orujov" in out.read_text(encoding="utf-8")


def test_analyze_prints_one_contract_object_per_file_in_order(runner: CliRunner) -> None:
    result = runner.invoke(
        main,
        ["analyze", "--cases", str(FILES / "cases.yaml"), str(FILES / "articles")],
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"] for r in records] == ["en_sentence.txt", "ru_transfer.txt", "weather.txt"]
    for record in records:
        assert set(record) >= {
            "file",
            "url",
            "language",
            "relevant",
            "people",
            "facilities",
            "charges",
            "events",
        }
    sentence, transfer, weather = records
    assert sentence["language"] == "en" and transfer["language"] == "ru"
    assert weather["relevant"] is False
    assert {p["case_id"] for p in sentence["people"] if p["case_id"]} == {"orujov-mohyaddin"}
    assert {p["case_id"] for p in transfer["people"] if p["case_id"]} == {"orujov-mohyaddin"}
    assert ("sentence", "orujov-mohyaddin") in {
        (e["type"], e["case_id"]) for e in sentence["events"]
    }
    assert {f["canonical"] for f in transfer["facilities"]} == {"Correctional Facility No. 13"}


def test_analyze_reports_a_bad_file_and_still_analyses_the_rest(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "a_bad.txt").write_bytes(b"\xff\xfe\xfa")
    (tmp_path / "b_good.txt").write_text("Snow in Baku\nIt snowed.", encoding="utf-8")
    result = runner.invoke(main, ["analyze", "--cases", str(FILES / "cases.yaml"), str(tmp_path)])
    assert result.exit_code == 1
    bad, good = (json.loads(line) for line in result.stdout.splitlines())
    assert bad["file"] == "a_bad.txt" and "error" in bad
    assert good["file"] == "b_good.txt" and "error" not in good


def test_analyze_is_deterministic(runner: CliRunner) -> None:
    args = ["analyze", "--cases", str(FILES / "cases.yaml"), str(FILES / "articles")]
    assert runner.invoke(main, args).stdout == runner.invoke(main, args).stdout


def test_subscribers_are_added_filtered_listed_and_removed(runner: CliRunner) -> None:
    runner.invoke(main, ["cases", "import", str(FILES / "cases.yaml")])
    added = runner.invoke(
        main,
        [
            "subscribers",
            "add",
            "Monitor@Example.org",
            "--case",
            "orujov-mohyaddin",
            "--type",
            "transfer",
            "--mode",
            "digest",
        ],
    )
    assert added.exit_code == 0, added.output
    assert "monitor@example.org" in added.output
    twice = runner.invoke(main, ["subscribers", "add", "monitor@example.org"])
    assert twice.exit_code == 2 and "already subscribed" in twice.output
    listed = runner.invoke(main, ["subscribers", "list"])
    assert "orujov-mohyaddin" in listed.output and "digest" in listed.output
    removed = runner.invoke(main, ["subscribers", "remove", "monitor@example.org"])
    assert "unsubscribed" in removed.output
    assert "monitor@example.org" not in runner.invoke(main, ["subscribers", "list"]).output


def test_an_unknown_event_type_in_a_filter_is_refused(runner: CliRunner) -> None:
    result = runner.invoke(main, ["subscribers", "add", "a@example.org", "--type", "picnic"])
    assert result.exit_code == 2 and "unknown event types" in result.output


def test_the_atom_feed_is_written_under_home(runner: CliRunner, settings: Settings) -> None:
    result = runner.invoke(main, ["alerts", "feed"])
    assert result.exit_code == 0, result.output
    assert (settings.home / "alerts.atom").read_text(encoding="utf-8").startswith("<?xml")


def test_init_never_prints_the_database_password(
    runner: CliRunner, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.engine import make_url

    if not settings.db_url:
        pytest.skip("a PostgreSQL database URL (MONITOR_TEST_DB=postgres)")
    # the test server trusts local connections: the password is only there to be hidden
    with_password = make_url(settings.db_url).set(password="s3cret-word")
    monkeypatch.setenv("MONITOR_DB_URL", with_password.render_as_string(hide_password=False))
    result = runner.invoke(main, ["init"])
    assert result.exit_code == 0, result.output
    assert "s3cret-word" not in result.output and ":***@" in result.output


def test_alerts_send_says_what_it_did_in_words(runner: CliRunner) -> None:
    result = runner.invoke(main, ["alerts", "send"])
    assert result.exit_code == 0, result.output
    assert result.output == "nothing was due: no alert waits for delivery\n"


def test_the_summary_of_a_send_counts_messages_and_problems() -> None:
    from monitor.alerts.outbox import SendReport

    report = SendReport(planned=3, messages=2, sent=3, retrying=1, errors=["a@b: refused"])
    assert report.lines() == [
        "sent 2 messages (3 deliveries); 3 new deliveries planned",
        "1 deliveries failed for now and will be retried",
        "  error: a@b: refused",
    ]


def test_cases_candidates_says_none_were_found(runner: CliRunner) -> None:
    result = runner.invoke(main, ["cases", "candidates"])
    assert result.exit_code == 0, result.output
    assert "none found" in result.output


def test_an_empty_case_or_subscriber_list_says_so(runner: CliRunner) -> None:
    assert "no cases" in runner.invoke(main, ["cases", "list"]).output
    assert "no subscribers" in runner.invoke(main, ["subscribers", "list"]).output


def test_analyze_on_a_folder_without_articles_is_bad_input(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(main, ["analyze", "--cases", str(FILES / "cases.yaml"), str(tmp_path)])
    assert result.exit_code == 2
    assert f"no article files (.txt, .html, .htm) in {tmp_path}" in result.output
    assert result.stdout == ""


def test_simulate_on_a_folder_without_articles_is_bad_input(
    runner: CliRunner, tmp_path: Path
) -> None:
    args = ["alerts", "simulate", "--cases", str(FILES / "cases.yaml"), str(tmp_path)]
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert "no article files" in result.output


def test_a_subscription_to_an_unknown_case_is_refused(runner: CliRunner) -> None:
    runner.invoke(main, ["cases", "import", str(FILES / "cases.yaml")])
    result = runner.invoke(main, ["subscribers", "add", "a@example.org", "--case", "no-such"])
    assert result.exit_code == 2
    assert "no such cases: no-such" in result.output
    assert "no subscribers" in runner.invoke(main, ["subscribers", "list"]).output


def test_malformed_yaml_is_bad_input_told_in_one_line(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: x\n  name: [unclosed\n", encoding="utf-8")
    result = runner.invoke(main, ["cases", "import", str(bad)])
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"Error: {bad}: not valid YAML at line 3, column 1:")


def test_other_libraries_log_warnings_only_unless_verbose() -> None:
    import logging

    from monitor.logs import setup_logging

    library = logging.getLogger("pymorphy2.opencorpora_dict.wrapper")
    ours = logging.getLogger("monitor.processing")
    setup_logging(verbose=False)
    assert not library.isEnabledFor(logging.INFO)
    assert ours.isEnabledFor(logging.INFO) and not ours.isEnabledFor(logging.DEBUG)
    setup_logging(verbose=True)
    assert library.isEnabledFor(logging.INFO)
    assert ours.isEnabledFor(logging.DEBUG)
    setup_logging(verbose=False)


def test_status_names_outlets_whole_and_counts_deliveries(runner: CliRunner) -> None:
    result = runner.invoke(main, ["status"])
    assert result.exit_code == 0, result.output
    assert "Caucasian Knot" in result.output and "Кавказский узел" in result.output
    assert "kavkaz_uzel_en" in result.output and "kavkaz_uzel_ru" in result.output
    assert "…" not in result.output
    assert (
        "deliveries: 0 sent; 0 waiting (0 for the daily digest, 0 retrying after a failure); "
        "0 unsure; 0 failed"
    ) in result.output


def test_help_points_to_documents_the_repository_holds(runner: CliRunner) -> None:
    for args in (["analyze", "--help"], ["alerts", "simulate", "--help"]):
        text = runner.invoke(main, args).output
        assert "analysis contract" not in text.replace("\n", " ").replace("  ", " ")
        assert "README" in text
