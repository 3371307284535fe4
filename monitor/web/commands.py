"""`monitor serve` and `monitor users ...`: click commands the main CLI registers.

``serve`` runs the app on waitress, a production WSGI server (pure Python, threaded);
put it behind a reverse proxy (nginx, Caddy) that terminates TLS, and keep
MONITOR_BASE_URL on https so cookies are Secure; name the proxy in
MONITOR_TRUSTED_PROXIES (or ``--trusted-proxy``) so that its forwarded headers are
believed. ``--dev`` runs Werkzeug's development server instead, with a throwaway secret
key when none is set.
"""

from __future__ import annotations

import os
import secrets

import click

from monitor.commands.context import BadInput, ready_settings, settings_of
from monitor.users import ROLES, UserError

PASSWORD_ENV = "MONITOR_NEW_USER_PASSWORD"


def _password() -> str:
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    value: str = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return value


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8080, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--threads",
    default=8,
    show_default=True,
    type=click.IntRange(1, 256),
    help="Requests served at once.",
)
@click.option(
    "--trusted-proxy",
    "trusted_proxies",
    metavar="ADDRESS",
    multiple=True,
    help="A reverse proxy (address or network; repeat for more) whose X-Forwarded-For, "
    "-Proto and -Host headers are believed: client addresses for the sign-in limit, https "
    "links. Replaces MONITOR_TRUSTED_PROXIES for this server.",
)
@click.option(
    "--dev",
    is_flag=True,
    help="Werkzeug's development server instead of waitress; without MONITOR_SECRET_KEY, "
    "a random key for this process.",
)
@click.option(
    "--cookie-secure/--no-cookie-secure",
    default=None,
    help="Send session cookies over https only (default: when MONITOR_BASE_URL is https).",
)
@click.pass_context
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    threads: int,
    trusted_proxies: tuple[str, ...],
    dev: bool,
    cookie_secure: bool | None,
) -> None:
    """Run the analysts' review web app on a production server (behind a TLS proxy)."""
    from dataclasses import replace

    from monitor.db.session import upgrade
    from monitor.web.app import create_app
    from monitor.web.clients import trusted_networks

    settings = settings_of(ctx)
    if trusted_proxies:
        joined = ",".join(trusted_proxies)
        try:
            trusted_networks(joined, source="--trusted-proxy")
        except ValueError as error:
            raise click.UsageError(str(error)) from None
        settings = replace(settings, trusted_proxies=joined)
    if not settings.secret_key:
        if not dev:
            raise click.UsageError(
                "MONITOR_SECRET_KEY is not set: set it to a long random string "
                "(or pass --dev to use a throwaway key while developing)"
            )
        settings = replace(settings, secret_key=secrets.token_urlsafe(32))
        click.echo("--dev: using a random secret key for this process; sessions end with it")
    upgrade(settings.database_url)
    app = create_app(settings, cookie_secure=cookie_secure)
    if dev:
        from werkzeug.serving import run_simple

        click.echo(f"development server on http://{host}:{port}/ (Ctrl-C stops)")
        run_simple(host, port, app, threaded=True, use_reloader=False, use_debugger=False)
        return
    import waitress

    click.echo(f"serving on http://{host}:{port}/ with waitress, {threads} threads (Ctrl-C stops)")
    # forwarded headers are read by the app itself, from the trusted proxies only
    waitress.serve(app, host=host, port=port, threads=threads, ident="case-monitor", _quiet=True)


@click.group()
def users() -> None:
    """Manage the accounts that sign in to the web app."""


@users.command("add")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), default="analyst", show_default=True)
@click.pass_context
def users_add(ctx: click.Context, email: str, role: str) -> None:
    """Add an account; the password comes from a prompt or MONITOR_NEW_USER_PASSWORD."""
    from monitor.db.session import session_scope
    from monitor.users import add_user

    settings = ready_settings(ctx)
    password = _password()
    try:
        with session_scope(settings.database_url) as session:
            row = add_user(session, email, password, role=role)
            click.echo(f"added {row.email} ({row.role})")
    except UserError as error:
        raise BadInput(str(error)) from None


@users.command("list")
@click.pass_context
def users_list(ctx: click.Context) -> None:
    """List the accounts."""
    from monitor.db.session import session_scope
    from monitor.users import list_users

    settings = ready_settings(ctx)
    with session_scope(settings.database_url) as session:
        rows = list_users(session)
        if not rows:
            click.echo("no accounts: add one with `monitor users add EMAIL --role analyst`")
        for row in rows:
            state = "active" if row.active else "disabled"
            last = row.last_login_at.strftime("%Y-%m-%d %H:%M") if row.last_login_at else "never"
            click.echo(f"{row.email}\t{row.role}\t{state}\tlast sign-in {last}")


@users.command("set-password")
@click.argument("email")
@click.pass_context
def users_set_password(ctx: click.Context, email: str) -> None:
    """Set a new password (prompt or MONITOR_NEW_USER_PASSWORD); open sessions end."""
    from monitor.db.session import session_scope
    from monitor.users import set_password

    settings = ready_settings(ctx)
    password = _password()
    try:
        with session_scope(settings.database_url) as session:
            set_password(session, email, password)
    except UserError as error:
        raise BadInput(str(error)) from None
    click.echo(f"password of {email.strip().lower()} changed")


@users.command("disable")
@click.argument("email")
@click.option("--enable", is_flag=True, help="Enable the account again instead.")
@click.pass_context
def users_disable(ctx: click.Context, email: str, enable: bool) -> None:
    """Disable an account (it cannot sign in; its judgements keep its name)."""
    from monitor.db.session import session_scope
    from monitor.users import set_active

    settings = ready_settings(ctx)
    try:
        with session_scope(settings.database_url) as session:
            set_active(session, email, enable)
    except UserError as error:
        raise BadInput(str(error)) from None
    click.echo(f"{email.strip().lower()} {'enabled' if enable else 'disabled'}")
