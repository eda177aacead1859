"""The offer check over HTTP: GET /api/v1/offer (JSON) and GET /export/offer-report.pdf.

Both read the offer page's own query (?salary=21.50&period=hour&state=WA&setting=6214&years=3)
through the one validation (dashboard.offer.inputs): a bad field is a 400 naming it, as JSON
{"error", "field"} for the API and as plain text for the PDF, never a 500. The PDF is drawn by
the shared export renderer, so it shares the image render limit: 503 with Retry-After when
every render slot is taken, 503 when no browser is available.
"""

from __future__ import annotations

import logging

import dash
from flask import Response, jsonify, request

from dashboard import data
from dashboard.export.core import now
from dashboard.export.render import RenderBusy, Renderer, RenderUnavailable
from dashboard.offer import inputs, report
from dashboard.offer.answer import answer

log = logging.getLogger(__name__)

API_PATH = "api/v1/offer"
PDF_PATH = "export/offer-report.pdf"
PDF_NAME = "offer-report.pdf"
UNAVAILABLE = "The PDF report is not available on this server right now; try again later."


def register(app: dash.Dash) -> None:
    """Add both routes. /export/offer-report.pdf has no variable part, so Flask's router
    prefers it over /export/<path:name>, which keeps serving the charts."""
    prefix = app.config.routes_pathname_prefix
    app.server.add_url_rule(f"{prefix}{API_PATH}", "cma_offer_api", offer_json, methods=["GET"])
    app.server.add_url_rule(f"{prefix}{PDF_PATH}", "cma_offer_pdf", offer_pdf, methods=["GET"])


def _query() -> str:
    return request.query_string.decode("utf-8", "replace")


def offer_json() -> Response:
    tables = data.current()
    try:
        offer = inputs.from_query_string(_query(), tables)
    except inputs.OfferError as err:
        response = jsonify(err.as_json())
        response.status_code = 400
        return response
    response = jsonify(answer(offer, tables))
    response.headers["Cache-Control"] = "no-store"
    return response


def offer_pdf() -> Response:
    tables = data.current()
    try:
        offer = inputs.from_query_string(_query(), tables)
    except inputs.OfferError as err:
        return _plain(f"{err.field}: {err.message}", 400)
    figure = report.figure(answer(offer, tables), inputs.settings(tables), now())
    try:
        payload = Renderer.shared().image(figure, "pdf")
    except RenderBusy as err:  # every render slot taken: a moment later will do
        busy = _plain(UNAVAILABLE, 503)
        busy.headers["Retry-After"] = str(err.retry_after)
        return busy
    except RenderUnavailable as err:
        log.warning("Offer report failed: %s", err)
        return _plain(UNAVAILABLE, 503)
    response = Response(payload, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{PDF_NAME}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def _plain(text: str, status: int) -> Response:
    return Response(text + "\n", status=status, mimetype="text/plain")
