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
    return html.Div(
        [
            dbc.Row(
                [
                    dbc.Col(
                        components.labelled(
                            "Pay offered (US$)",
                            dcc.Input(
                                id=ids.OFFER_SALARY,
                                type="text",
                                inputMode="decimal",
                                placeholder="e.g. 45000 or 21.50",
                                value=given["salary"],
                                className="form-control",
                                maxLength=40,
                            ),
                            ids.OFFER_SALARY,
                        ),
                        xs=12,
                        md=6,
                        lg=3,
                    ),
                    dbc.Col(
                        components.labelled(
                            "Per",
                            components.radio(
                                ids.OFFER_PERIOD,
                                PERIOD_OPTIONS,
                                given["period"] if given["period"] in PERIOD_OPTIONS else "year",
                            ),
                            ids.OFFER_PERIOD,
                        ),
                        xs=12,
                        md=6,
                        lg=2,
                    ),
                    dbc.Col(
                        _select(
                            ids.OFFER_STATE,
                            "State",
                            "Anywhere in the U.S.",
                            [(code, name) for name, code in states],
                            given["state"].upper(),
                        ),
                        xs=12,
                        md=6,
                        lg=2,
                    ),
                    dbc.Col(
                        _select(
                            ids.OFFER_SETTING,
                            "Work setting",
                            "Any setting",
                            [(code, f"{name} ({code})") for code, name in settings.items()],
                            _setting_code(given["setting"], settings),
                        ),
                        xs=12,
                        md=6,
                        lg=3,
                    ),
                    dbc.Col(
                        components.labelled(
                            "Years of experience",
                            dcc.Input(
                                id=ids.OFFER_YEARS,
                                type="text",
                                inputMode="numeric",
                                placeholder="e.g. 3",
                                value=given["years"],
                                className="form-control",
                                maxLength=40,
                            ),
                            ids.OFFER_YEARS,
                        ),
                        xs=12,
                        md=6,
                        lg=2,
                    ),
                ],
                class_name="control-bar g-3",
            ),
            html.P(INTRO, className="text-muted small mt-2"),
            dbc.Button("Check this pay", id=ids.OFFER_SUBMIT, color="primary", n_clicks=0),
        ],
        id=ids.OFFER_FORM,
        className="mb-3",
    )


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
