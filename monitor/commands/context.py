"""What every `monitor` subcommand starts with: the settings, and a database at the
current schema."""

from __future__ import annotations

import click

from monitor.config import Settings, load_settings


class BadInput(click.ClickException):
    """A file or an argument that cannot be used as given: one line on standard error
    saying why, exit status 2 (nothing was changed)."""

    exit_code = 2


def settings_of(ctx: click.Context) -> Settings:
    """The settings the `monitor` group loaded (or loaded now, for a command run alone)."""
    if isinstance(ctx.obj, Settings):
        return ctx.obj
    try:
        return load_settings()
    except ValueError as error:
        raise click.UsageError(str(error)) from None


def ready_settings(ctx: click.Context) -> Settings:
    """The settings, with the database created or upgraded (no data is lost)."""
    from monitor.db.session import upgrade

    settings = settings_of(ctx)
    upgrade(settings.database_url)
    return settings
