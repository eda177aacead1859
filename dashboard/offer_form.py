"""The offer check's form (/offer): labelled inputs for pay, period, state, setting and years,
filled from the address; dashboard.pages.offer lays it out and answers it."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import components, data, ids
from dashboard.offer import inputs

PERIOD_OPTIONS = {"year": "a year", "hour": "an hour"}
INTRO = (
    "Type the pay you were offered (a year's pay, or an hour's with 'an hour'), and if you "
    "like your state, the setting and your years of experience, then press Enter or "
    "'Check this pay'."
)


def form(tables: data.Tables, given: dict[str, str]) -> html.Div:
    """Labelled inputs; Enter in a text box or the button submits."""
    states = sorted(
        (name, code)
        for code, name in inputs.state_names(tables).items()
        if code in inputs.known_states(tables)
    )
    settings = inputs.settings(tables)
    period = given["period"] if given["period"] in PERIOD_OPTIONS else "year"
    fields = [
        (_text(ids.OFFER_SALARY, "Pay offered (US$)", "e.g. 45000 or 21.50", given["salary"]), 3),
        (
            components.labelled(
                "Per", components.radio(ids.OFFER_PERIOD, PERIOD_OPTIONS, period), ids.OFFER_PERIOD
            ),
            2,
        ),
        (
            _select(
                ids.OFFER_STATE,
                "State",
                "Anywhere in the U.S.",
                [(code, name) for name, code in states],
                given["state"].upper(),
            ),
            2,
        ),
        (
            _select(
                ids.OFFER_SETTING,
                "Work setting",
                "Any setting",
                [(code, f"{name} ({code})") for code, name in settings.items()],
                _setting_code(given["setting"], settings),
            ),
            3,
        ),
        (
            _text(ids.OFFER_YEARS, "Years of experience", "e.g. 3", given["years"], "numeric"),
            2,
        ),
    ]
    return html.Div(
        [
            dbc.Row(
                [dbc.Col(field, xs=12, md=6, lg=lg) for field, lg in fields],
                class_name="control-bar g-3",
            ),
            html.P(INTRO, className="text-muted small mt-2"),
            dbc.Button("Check this pay", id=ids.OFFER_SUBMIT, color="primary", n_clicks=0),
        ],
        id=ids.OFFER_FORM,
        className="mb-3",
    )


def _text(control_id: str, label: str, example: str, value: str, mode: str = "decimal"):
    """A labelled text box (Enter submits the form); typed text, so that "38,000" is kept."""
    box = dcc.Input(
        id=control_id,
        type="text",
        inputMode=mode,
        placeholder=example,
        value=value,
        className="form-control",
        maxLength=40,
    )
    return components.labelled(label, box, control_id)


def _select(control_id: str, label: str, blank: str, options, value: str):
    choices = [{"label": blank, "value": ""}] + [{"label": t, "value": v} for v, t in options]
    known = {c["value"] for c in choices}
    return components.labelled(
        label,
        # The placeholder shows while nothing is chosen (dbc.Select hides a "" option's label).
        dbc.Select(
            id=control_id,
            options=choices,
            value=value if value in known else "",
            placeholder=blank,
        ),
        control_id,
    )


def _setting_code(given: str, settings: dict[str, str]) -> str:
    """The listed code for a setting typed in BLS's 6-digit form (621400 is 6214)."""
    listed = {inputs.canonical(code): code for code in settings}
    return listed.get(inputs.canonical(given), "") if given.isdigit() else ""
