from pathlib import Path

import pytest

from monitor.config import load_settings, mask_url


def test_defaults_put_everything_under_var_in_the_working_folder() -> None:
    settings = load_settings({})
    assert settings.home == Path.cwd() / "var"
    assert settings.database_url == f"sqlite:///{Path.cwd() / 'var' / 'monitor.db'}"


def test_environment_variables_with_the_prefix_override_defaults() -> None:
    settings = load_settings(
        {"MONITOR_HOME": "/tmp/x", "MONITOR_SMTP_PORT": "2525", "MONITOR_LOG_JSON": "yes"}
    )
    assert settings.home == Path("/tmp/x")
    assert settings.smtp_port == 2525
    assert settings.log_json is True


def test_db_url_selects_another_database() -> None:
    url = "postgresql+psycopg://root@127.0.0.1/monitor"
    assert load_settings({"MONITOR_DB_URL": url}).database_url == url


def test_a_malformed_number_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="MONITOR_SMTP_PORT must be a whole number"):
        load_settings({"MONITOR_SMTP_PORT": "twenty-five"})


def test_unknown_smtp_security_is_refused() -> None:
    with pytest.raises(ValueError, match="starttls"):
        load_settings({"MONITOR_SMTP_SECURITY": "ssl3"})


def test_a_negative_outbox_retention_is_refused() -> None:
    with pytest.raises(ValueError, match="MONITOR_OUTBOX_KEEP_DAYS must be 0"):
        load_settings({"MONITOR_OUTBOX_KEEP_DAYS": "-1"})


def test_secrets_are_masked_when_settings_are_shown() -> None:
    settings = load_settings({"MONITOR_SMTP_PASSWORD": "hunter2", "MONITOR_SECRET_KEY": "k"})
    shown = settings.redacted()
    assert shown["smtp_password"] == "***"
    assert shown["secret_key"] == "***"
    assert "hunter2" not in repr(shown)


def test_a_database_url_is_shown_without_its_password() -> None:
    settings = load_settings({"MONITOR_DB_URL": "postgresql+psycopg://monitor:s3cret@db/monitor"})
    assert settings.redacted()["db_url"] == "postgresql+psycopg://monitor:***@db/monitor"
    assert settings.shown_database == "postgresql+psycopg://monitor:***@db/monitor"


def test_passwords_in_the_query_and_of_redis_are_masked() -> None:
    assert mask_url("postgresql://db/monitor?user=m&password=s3cret&sslmode=require") == (
        "postgresql://db/monitor?user=m&password=***&sslmode=require"
    )
    assert mask_url("redis://:s3cret@cache:6379/0") == "redis://:***@cache:6379/0"
    assert mask_url("sqlite:////srv/monitor.db") == "sqlite:////srv/monitor.db"
