"""Accounts of the people who sign in to the review web app.

Passwords are hashed with argon2 (``argon2-cffi``'s recommended parameters) and never
stored or logged in clear. Emails are kept lower case; an account is disabled rather
than deleted, so the judgements it recorded keep naming their reviewer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from monitor.db import models as db

ROLES = ("analyst", "admin")
MIN_PASSWORD_LENGTH = 10

_hasher = PasswordHasher()
# Verifying against this keeps the time of a sign-in with an unknown email close to
# that of a wrong password, so the response does not tell which emails have accounts.
_DUMMY_HASH = _hasher.hash("not a real password, only for timing")


class UserError(ValueError):
    """An account that cannot be added or changed as asked; the message says why."""


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    return _hasher.hash(password)


def _check_email(email: str) -> str:
    email = email.strip().lower()
    if email.count("@") != 1 or any(c.isspace() for c in email) or email.startswith("@"):
        raise UserError(f"{email!r} is not an email address")
    return email


def get_user(session: Session, email: str) -> db.User | None:
    return session.scalars(
        select(db.User).where(db.User.email == email.strip().lower())
    ).one_or_none()


def add_user(session: Session, email: str, password: str, *, role: str = "analyst") -> db.User:
    email = _check_email(email)
    if role not in ROLES:
        raise UserError(f"role must be analyst or admin, not {role!r}")
    if get_user(session, email) is not None:
        raise UserError(f"{email} already has an account")
    row = db.User(email=email, role=role, password_hash=hash_password(password), active=True)
    session.add(row)
    session.flush()
    return row


def _existing(session: Session, email: str) -> db.User:
    row = get_user(session, email)
    if row is None:
        raise UserError(f"{email} has no account")
    return row


def set_password(session: Session, email: str, password: str) -> db.User:
    """Change the password; sessions signed in with the old one end."""
    row = _existing(session, email)
    row.password_hash = hash_password(password)
    row.password_changed_at = dt.datetime.now(dt.UTC)
    session.flush()
    return row


def set_active(session: Session, email: str, active: bool) -> db.User:
    row = _existing(session, email)
    row.active = active
    session.flush()
    return row


def list_users(session: Session) -> list[db.User]:
    return list(session.scalars(select(db.User).order_by(db.User.email)))


def authenticate(session: Session, email: str, password: str) -> db.User | None:
    """The active account with this email and password, else None (same cost either way)."""
    row = get_user(session, email)
    try:
        _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None or not row.active:
        return None
    if _hasher.check_needs_rehash(row.password_hash):
        row.password_hash = _hasher.hash(password)
    row.last_login_at = dt.datetime.now(dt.UTC)
    session.flush()
    return row


# --- sign-in sessions ------------------------------------------------------------------


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start_sign_in(session: Session, user: db.User, lifetime: dt.timedelta) -> str:
    """Record a new signed-in session of ``user``; returns the token for its cookie.
    Expired sessions of anyone are cleared on the way."""
    now = dt.datetime.now(dt.UTC)
    session.execute(delete(db.SignIn).where(db.SignIn.expires_at < now))
    token = secrets.token_urlsafe(32)
    session.add(
        db.SignIn(token_hash=_token_hash(token), user_id=user.id, expires_at=now + lifetime)
    )
    session.flush()
    return token


def signed_in(session: Session, user_id: int, token: str) -> bool:
    """Whether ``token`` is a live session of the account ``user_id``."""
    row = session.get(db.SignIn, _token_hash(token))
    return row is not None and row.user_id == user_id and row.expires_at > dt.datetime.now(dt.UTC)


def end_sign_in(session: Session, token: str) -> None:
    """Sign out: the session's cookie, and every copy of it, stops working."""
    session.execute(delete(db.SignIn).where(db.SignIn.token_hash == _token_hash(token)))
