"""The web app's forms (Flask-WTF: every one carries and checks a CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    DecimalField,
    EmailField,
    HiddenField,
    IntegerField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from monitor.labels import label
from monitor.model import EVENT_TYPES
from monitor.subscribers import MODES
from monitor.users import MIN_PASSWORD_LENGTH, ROLES

EVENT_CHOICES = [SelectChoice(t, label("events", t)) for t in EVENT_TYPES]


class LoginForm(FlaskForm):  # type: ignore[misc]
    email = EmailField("Email", validators=[DataRequired(), Length(max=320)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=1000)])


class ButtonForm(FlaskForm):  # type: ignore[misc]
    """A form that is only a button: the CSRF token is its whole content."""


class ReassignForm(FlaskForm):  # type: ignore[misc]
    case_id = HiddenField("Case id", validators=[DataRequired(), Length(max=120)])


class RetractForm(FlaskForm):  # type: ignore[misc]
    reason = StringField("Why", validators=[Optional(), Length(max=300)])


class AliasForm(FlaskForm):  # type: ignore[misc]
    alias = StringField("New alias", validators=[DataRequired(), Length(max=300)])


class DevelopmentForm(FlaskForm):  # type: ignore[misc]
    type = SelectField("Type", choices=EVENT_CHOICES)
    date = DateField("Date", validators=[Optional()])
    summary = TextAreaField("Summary", validators=[DataRequired(), Length(max=2000)])
    article_id = IntegerField("Source article id", validators=[Optional()])


class MultiCheckboxField(SelectMultipleField):  # type: ignore[misc]
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class SubscriptionForm(FlaskForm):  # type: ignore[misc]
    cases = StringField("Case ids (comma separated; empty: all)", validators=[Length(max=5000)])
    countries = StringField("Countries (ISO codes, comma separated)", validators=[Length(max=200)])
    event_types = MultiCheckboxField("Event types (none ticked: all)", choices=EVENT_CHOICES)
    min_confidence = DecimalField(
        "Minimum confidence (0 to 1)", places=2, validators=[Optional(), NumberRange(0, 1)]
    )
    mode = SelectField("Delivery", choices=[SelectChoice(m, m) for m in MODES])


class NewUserForm(FlaskForm):  # type: ignore[misc]
    email = EmailField("Email", validators=[DataRequired(), Length(max=320)])
    role = SelectField("Role", choices=[SelectChoice(r, r) for r in ROLES])
    password = PasswordField(
        "Password", validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH, max=1000)]
    )
