"""The `monitor` command: thin subcommands over the library.

Exit codes follow what cron and systemd understand: 0 done, 1 done with errors (some
articles, files or deliveries failed; details in the log), 2 bad usage or input (a
one-line error, nothing changed), 75 busy (another run holds the lock).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table

from monitor.commands.context import BadInput, ready_settings, settings_of
from monitor.config import load_settings
from monitor.logs import setup_logging

log = logging.getLogger("monitor")
F = TypeVar("F", bound=Callable[..., Any])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Log debug details.")
@click.option("--log-json", is_flag=True, help="Log as JSON lines (also MONITOR_LOG_JSON=1).")
@click.version_option(package_name="case-monitor")
@click.pass_context
def main(ctx: click.Context, verbose: bool, log_json: bool) -> None:
    """Case monitor: crawl outlets, find developments in known cases, alert monitors.

    Settings come from MONITOR_* environment variables (see README); data lives under
    MONITOR_HOME (default ./var).
    """
    try:
        settings = load_settings()
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    setup_logging(verbose, log_json or settings.log_json)
    ctx.obj = settings


def _console() -> Console:
    """Rich output that fits a terminal, and is never cut when piped or redirected."""
    return Console() if sys.stdout.isatty() else Console(width=10_000)


def _print_table(table: Table, none: str) -> None:
    """The table, or a line saying there is nothing to show."""
    if table.row_count:
        _console().print(table)
    else:
        click.echo(none)


def _cases_and_articles(cases_file: Path, paths: tuple[Path, ...]) -> list[Any]:
    """The cases of ``cases_file``; bad input (the file, or no article file among
    ``paths``) is a one-line error and exit status 2."""
    from monitor.article_files import ARTICLE_SUFFIXES, expand_paths
    from monitor.cases import CaseFileError, load_cases

    try:
        known = load_cases(cases_file)
    except CaseFileError as error:
        raise BadInput(str(error)) from None
    if not expand_paths(paths):
        where = ", ".join(str(p) for p in paths)
        raise BadInput(f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in {where}")
    return list(known)


@main.command()
@click.pass_context
def init(ctx: click.Context) -> None:
    """Create the database, or upgrade it to the current schema (no data is lost)."""
    from monitor.db.session import upgrade

    settings = settings_of(ctx)
    before, after = upgrade(settings.database_url)
    where = settings.shown_database
    if before == after:
        click.echo(f"database {where} is up to date (revision {after})")
    elif before is None:
        click.echo(f"database {where} created (revision {after})")
    else:
        click.echo(f"database {where} upgraded from {before} to {after}")


# --- cases -------------------------------------------------------------------------------


@main.group()
def cases() -> None:
    """Manage the list of known cases."""


@cases.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--keep-missing",
    is_flag=True,
    help="Leave cases that the file no longer lists active (default: mark them inactive).",
)
@click.option(
    "--replace",
    is_flag=True,
    help="The file replaces the whole list: allow it to leave none of the active cases.",
)
@click.pass_context
def cases_import(ctx: click.Context, file: Path, keep_missing: bool, replace: bool) -> None:
    """Import or update cases from a YAML or CSV FILE and report what changed.

    Cases keep their timeline, matches and analyst-confirmed aliases across imports. A
    file that lists none of the active cases (empty, or the wrong file) is refused
    unless --replace says it replaces the whole list.
    """
    from monitor.cases import CaseFileError, load_cases
    from monitor.db.session import session_scope
    from monitor.registry import ImportRefused, import_cases

    try:
        parsed = load_cases(file)
    except CaseFileError as error:
        raise BadInput(str(error)) from None
    settings = ready_settings(ctx)  # only once the file is known to be good
    try:
        with session_scope(settings.database_url) as session:
            report = import_cases(
                session, parsed, deactivate_missing=not keep_missing, replace=replace
            )
    except ImportRefused as error:
        raise BadInput(f"{file}: {error}") from None
    for line in report.lines():
        click.echo(line)


@cases.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File.")
@click.pass_context
def cases_export(ctx: click.Context, output: Path | None) -> None:
    """Write the cases as a YAML list (the import format) to standard output or a file."""
    from monitor.cases import dump_yaml
    from monitor.db.session import session_scope
    from monitor.registry import export_cases

    settings = ready_settings(ctx)
    with session_scope(settings.database_url) as session:
        text = dump_yaml(export_cases(session))
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@cases.command("list")
@click.option("--all", "show_all", is_flag=True, help="Include cases no longer listed.")
@click.pass_context
def cases_list(ctx: click.Context, show_all: bool) -> None:
    """Show the known cases with their status and number of developments."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from monitor.db import models as db
    from monitor.db.session import session_scope
    from monitor.labels import label

    settings = ready_settings(ctx)
    table = Table("id", "name", "status", "facility", "developments", "active")
    with session_scope(settings.database_url) as session:
        query = select(db.Case).options(selectinload(db.Case.developments)).order_by(db.Case.id)
        if not show_all:
            query = query.where(db.Case.active.is_(True))
        for row in session.scalars(query):
            table.add_row(
                row.id,
                row.name,
                label("statuses", row.status),
                row.facility or "",
                str(len(row.developments)),
                "yes" if row.active else "no",
            )
    _print_table(table, "no cases: import a list with `monitor cases import FILE`")


@cases.command("candidates")
@click.option("--limit", type=int, default=50, show_default=True)
@click.pass_context
def cases_candidates(ctx: click.Context, limit: int) -> None:
    """Detained or prosecuted people named in full whom no known case matched."""
    from monitor.candidates import new_case_candidates
    from monitor.db.session import session_scope

    settings = ready_settings(ctx)
    table = Table("name", "articles", "last seen", "spellings", "latest source")
    with session_scope(settings.database_url) as session:
        for c in new_case_candidates(session, limit=limit):
            table.add_row(
                c.name,
                str(c.articles),
                f"{c.last_seen:%Y-%m-%d}" if c.last_seen else "-",
                ", ".join(sorted(c.spellings)),
                c.urls[-1],
            )
    _print_table(table, "none found: every detainee named in full matched a known case")


# --- pipeline ----------------------------------------------------------------------------


@main.command()
@click.argument("outlets", nargs=-1)
@click.option("--refetch", is_flag=True, help="Download known articles again.")
@click.pass_context
def crawl(ctx: click.Context, outlets: tuple[str, ...], refetch: bool) -> None:
    """Crawl OUTLETS (slugs; default: all) for new articles, politely and incrementally."""
    from monitor.crawl import run_crawl
    from monitor.pipeline import describe

    settings = ready_settings(ctx)
    try:
        summaries = run_crawl(settings, list(outlets) or None, refetch=refetch)
    except ValueError as error:  # an unknown outlet
        raise click.UsageError(str(error)) from None
    failed = False
    for summary in summaries:
        click.echo(describe(summary))
        failed = failed or summary.status != "finished"
    if failed:
        sys.exit(1)


@main.command()
@click.option("--limit", type=int, help="Process at most this many articles.")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Analyse in this many processes (extraction is CPU-bound).",
)
@click.pass_context
def process(ctx: click.Context, limit: int | None, workers: int) -> None:
    """Extract and match every article not yet processed; update case timelines."""
    from monitor.db.session import session_factory
    from monitor.logs import batch_progress
    from monitor.processing import process_pending, waiting

    settings = ready_settings(ctx)
    sessions = session_factory(settings.database_url)
    total = waiting(sessions) if limit is None else min(limit, waiting(sessions))
    with batch_progress(total, "analysing") as advance:
        report = process_pending(sessions, limit=limit, workers=workers, on_batch=advance)
    click.echo(
        f"processed {report.processed} articles ({report.relevant} relevant, {report.failed} "
        f"failed): {report.matches} case matches, {report.needs_review} for review, "
        f"{report.developments} new developments"
    )
    if report.failed or report.errors:
        sys.exit(1)


@main.command()
@click.argument("outlets", nargs=-1)
@click.option("--once", is_flag=True, help="One pass and exit, for system cron (the default).")
@click.pass_context
def run(ctx: click.Context, outlets: tuple[str, ...], once: bool) -> None:
    """Crawl, process and alert in one pass: the cron entry point.

    Exit status: 0 all done; 1 some part failed (see the log; the rest was done);
    75 another run holds the lock, nothing was done (cron and systemd may retry).
    """
    from monitor.pipeline import run_once

    settings = ready_settings(ctx)
    result = run_once(settings, list(outlets) or None)
    for line in result.lines():
        click.echo(line)
    sys.exit(result.exit_code)


@main.command()
@click.argument("outlets", nargs=-1)
@click.pass_context
def schedule(ctx: click.Context, outlets: tuple[str, ...]) -> None:
    """Run the scheduler service: each outlet on its own schedule, plus the daily digest.

    Stops cleanly on SIGTERM or SIGINT. Only one scheduler runs per database.
    """
    from monitor.scheduler import serve

    settings = ready_settings(ctx)
    sys.exit(serve(settings, list(outlets) or None))


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
@click.pass_context
def status(ctx: click.Context, as_json: bool) -> None:
    """Show, per outlet, the last crawl, its figures and the next scheduled run."""
    import dataclasses
    import json

    from monitor.db.session import session_scope
    from monitor.status import collect_status

    settings = ready_settings(ctx)
    with session_scope(settings.database_url) as session:
        state = collect_status(session, settings)
    if as_json:
        click.echo(json.dumps(dataclasses.asdict(state), default=str, indent=2))
        return
    table = Table("outlet", "slug", "last run", "result", "pages", "new", "errors", "next run")
    longest = max((len(o.name) for o in state.outlets), default=6)
    table.columns[0].min_width = longest  # names whole: both editions of one outlet differ
    table.columns[0].no_wrap = True
    for o in state.outlets:
        table.add_row(
            o.name,
            o.slug,
            f"{o.last_started:%Y-%m-%d %H:%M}" if o.last_started else "never",
            o.last_status or "-",
            str(o.pages),
            str(o.new_articles),
            str(o.errors),
            f"{o.next_run:%Y-%m-%d %H:%M %Z}" if o.next_run else "not scheduled",
        )
    console = _console()
    console.print(table)
    last = f", last {state.last_sent:%Y-%m-%d %H:%M} UTC" if state.last_sent else ""
    console.print(
        f"articles {state.articles} ({state.pending} waiting, {state.failed} failed); "
        f"alerts {state.alerts} ({state.corrections} corrections)\n"
        f"deliveries: {state.deliveries_sent} sent{last}; {state.deliveries_pending} waiting "
        f"({state.deliveries_for_digest} for the daily digest, {state.deliveries_retrying} "
        f"retrying after a failure); {state.deliveries_unsure} unsure; "
        f"{state.deliveries_failed} failed"
    )
    if state.delivery_problems:
        problems = Table("delivery", "to", "state", "attempts", "next attempt", "error")
        for d in state.delivery_problems:
            problems.add_row(
                str(d.id),
                d.recipient,
                d.status,
                str(d.attempts),
                f"{d.next_attempt:%Y-%m-%d %H:%M} UTC" if d.next_attempt else "-",
                d.error or "",
            )
        console.print(problems)
    for lock in state.locks:
        console.print(f"lock: {lock}")


@main.command()
@click.option(
    "--cases",
    "cases_file",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='Known cases: the YAML list of README\'s "The case list".',
)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def analyze(cases_file: Path, fmt: str, paths: tuple[Path, ...]) -> None:
    """Analyse article files (or folders of them) against a cases file; JSON lines out.

    Offline and deterministic: one JSON object per file on standard output, in input
    order. README ("Analysing article files") shows the file format and the output;
    DESIGN ("Contract") is the stable contract behind it.
    """
    from monitor.commands.analyze import analyze_files

    known = _cases_and_articles(cases_file, paths)
    sys.exit(analyze_files(known, list(paths), sys.stdout))


# --- alerts ------------------------------------------------------------------------------


@main.group()
def alerts() -> None:
    """Deliver alerts, and simulate what a set of articles would raise."""


@alerts.command("send")
@click.pass_context
def alerts_send(ctx: click.Context) -> None:
    """Deliver pending alerts (email, webhook) and due digests; retry failed ones.

    Exit status 1 while deliveries are failing (see `monitor status`).
    """
    from monitor.alerts.outbox import send_and_check
    from monitor.db.session import session_factory

    settings = ready_settings(ctx)
    report, trouble = send_and_check(session_factory(settings.database_url), settings)
    for line in report.lines():
        click.echo(line)
    if trouble:
        click.echo(f"FAILED: {trouble}")
        sys.exit(1)


@alerts.command("simulate")
@click.option(
    "--cases",
    "cases_file",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='Known cases with their known events (README: "The case list").',
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def alerts_simulate(cases_file: Path, paths: tuple[Path, ...]) -> None:
    """Replay articles in date order into a temporary store; print the alerts raised.

    One JSON line per alert (README, "Analysing article files"); nothing is sent.
    """
    import json

    from monitor.alerts.simulate import simulate

    known = _cases_and_articles(cases_file, paths)
    raised = 0
    for alert in simulate(known, list(paths)):
        click.echo(json.dumps(alert, ensure_ascii=False))
        raised += 0 if alert.get("update") else 1
    log.info("%d alerts would be raised", raised)


@alerts.command("feed")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the feed (default: $MONITOR_HOME/alerts.atom).",
)
@click.option("--limit", type=int, default=200, show_default=True, help="Newest alerts kept.")
@click.pass_context
def alerts_feed(ctx: click.Context, output: Path | None, limit: int) -> None:
    """Write an Atom feed of the newest case alerts and corrections (a second channel)."""
    from sqlalchemy import select

    from monitor.alerts.feed import build_atom
    from monitor.db import models as db
    from monitor.db.session import session_scope

    settings = ready_settings(ctx)
    target = output or settings.home / "alerts.atom"
    with session_scope(settings.database_url) as session:
        rows = session.scalars(
            select(db.Alert)
            .where(db.Alert.kind.in_(("case", "correction")))
            .order_by(db.Alert.id.desc())
            .limit(limit)
        ).all()
        text = build_atom(rows, base_url=settings.base_url)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)
    click.echo(f"{len(rows)} alerts written to {target}")


# --- subscribers ---------------------------------------------------------------------------


@main.group()
def subscribers() -> None:
    """Manage the monitors who receive alerts, and their filters."""


def _filters_from(
    cases: tuple[str, ...],
    countries: tuple[str, ...],
    types: tuple[str, ...],
    min_confidence: float | None,
) -> dict[str, object]:
    from monitor.subscribers import make_filters

    return make_filters(
        cases=cases, countries=countries, event_types=types, min_confidence=min_confidence
    )


def _subscriber_options(command: F) -> F:
    options = [
        click.option("--case", "cases", multiple=True, help="Only this case id (repeatable)."),
        click.option("--country", "countries", multiple=True, help="Only cases of this country."),
        click.option("--type", "types", multiple=True, help="Only this event type (repeatable)."),
        click.option("--min-confidence", type=float, help="Only matches at least this sure."),
        click.option("--mode", type=click.Choice(["immediate", "digest"]), help="Delivery mode."),
        click.option("--name", help="The monitor's name."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@subscribers.command("add")
@click.argument("email")
@_subscriber_options
@click.pass_context
def subscribers_add(
    ctx: click.Context,
    email: str,
    cases: tuple[str, ...],
    countries: tuple[str, ...],
    types: tuple[str, ...],
    min_confidence: float | None,
    mode: str | None,
    name: str | None,
) -> None:
    """Subscribe EMAIL to alerts (all cases unless filtered)."""
    from monitor.db.session import session_scope
    from monitor.subscribers import SubscriberError, add_subscriber

    settings = ready_settings(ctx)
    try:
        with session_scope(settings.database_url) as session:
            row = add_subscriber(
                session,
                email,
                mode=mode or "immediate",
                name=name,
                filters=_filters_from(cases, countries, types, min_confidence),
            )
            click.echo(f"subscribed {row.email} ({row.mode}; filters {row.filters or 'none'})")
    except SubscriberError as error:
        raise BadInput(str(error)) from None


@subscribers.command("update")
@click.argument("email")
@_subscriber_options
@click.option("--clear-filters", is_flag=True, help="Receive every alert again.")
@click.pass_context
def subscribers_update(
    ctx: click.Context,
    email: str,
    cases: tuple[str, ...],
    countries: tuple[str, ...],
    types: tuple[str, ...],
    min_confidence: float | None,
    mode: str | None,
    name: str | None,
    clear_filters: bool,
) -> None:
    """Change a subscriber's delivery mode or filters (given filters replace the old ones)."""
    from monitor.db.session import session_scope
    from monitor.subscribers import SubscriberError, update_subscriber

    settings = ready_settings(ctx)
    given = cases or countries or types or min_confidence is not None
    filters = _filters_from(cases, countries, types, min_confidence) if given else None
    try:
        with session_scope(settings.database_url) as session:
            row = update_subscriber(
                session,
                email,
                mode=mode,
                name=name,
                filters={} if clear_filters else filters,
                active=True,
            )
            click.echo(f"updated {row.email} ({row.mode}; filters {row.filters or 'none'})")
    except SubscriberError as error:
        raise BadInput(str(error)) from None


@subscribers.command("remove")
@click.argument("email")
@click.pass_context
def subscribers_remove(ctx: click.Context, email: str) -> None:
    """Stop alerts to EMAIL (the record is kept for the delivery history)."""
    from monitor.db.session import session_scope
    from monitor.subscribers import remove_subscriber

    settings = ready_settings(ctx)
    with session_scope(settings.database_url) as session:
        removed = remove_subscriber(session, email)
    click.echo(f"{email}: {'unsubscribed' if removed else 'was not subscribed'}")


@subscribers.command("list")
@click.option("--all", "show_all", is_flag=True, help="Include unsubscribed monitors.")
@click.pass_context
def subscribers_list(ctx: click.Context, show_all: bool) -> None:
    """Show subscribers, their mode and filters."""
    from monitor.db.session import session_scope
    from monitor.subscribers import list_subscribers

    settings = ready_settings(ctx)
    table = Table("email", "name", "mode", "filters", "active")
    with session_scope(settings.database_url) as session:
        for row in list_subscribers(session, active_only=not show_all):
            table.add_row(
                row.email,
                row.name or "",
                row.mode,
                str(row.filters or "all alerts"),
                "yes" if row.active else "no",
            )
    _print_table(table, "no subscribers: add one with `monitor subscribers add EMAIL`")


# --- demo --------------------------------------------------------------------------------


@main.command()
@click.pass_context
def demo(ctx: click.Context) -> None:
    """Run the whole pipeline offline on the bundled replay site and example cases."""
    from monitor.demo.run import run_demo

    sys.exit(run_demo(settings_of(ctx)))


def _register_web_commands() -> None:
    from monitor.web.commands import serve, users

    main.add_command(serve)
    main.add_command(users)


_register_web_commands()

if __name__ == "__main__":
    main()
