"""One error page and one JSON error envelope for every failure, never a stack trace.

    {"ok": false, "error": {"status": 404, "message": "No case with id 123."}}

A path ending in ``.json`` gets the envelope; anything else gets ``error.html``.
Errors we raise on purpose (``PetCaseError``) keep their own status and message;
anything else is logged with its traceback on the server and shown as a plain 500.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import PetCaseError

log = logging.getLogger("petcasefinder.serve")

FRIENDLY = {
    400: "We could not run that request.",
    404: "There is no page at this address.",
    405: "This address does not accept that kind of request.",
    500: "Something went wrong on our side. Please try again later.",
    503: "The case database is not available right now. Please try again later.",
}


def wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json")


def envelope(status: int, message: str) -> dict[str, Any]:
    return {"ok": False, "error": {"status": status, "message": message}}


def error_response(
    request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
) -> Response:
    """The error in the form the path asks for: the JSON envelope or the error page."""
    if wants_json(request):
        return JSONResponse(envelope(status, message), status_code=status, headers=headers)
    templates = request.app.state.templates
    return templates.TemplateResponse(  # type: ignore[no-any-return]
        request,
        "error.html",
        {"status": status, "message": message, "q": request.query_params.get("q", "")[:2000]},
        status_code=status,
        headers=headers,
    )


async def on_http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = FRIENDLY.get(exc.status_code, exc.detail or "Request failed.")
    return error_response(request, exc.status_code, message, exc.headers)


async def on_petcase_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, PetCaseError)
    return error_response(request, exc.status, exc.message)


class CatchAll:
    """Turn any unexpected exception into the 500 page/envelope, logging the traceback server-side.

    Sits inside the security-headers middleware so even these responses carry the headers.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:  # the web boundary: log it, show one plain message
            log.exception("unhandled error on %s", scope.get("path"))
            if started:
                raise
            response: Response
            try:
                response = error_response(Request(scope), 500, FRIENDLY[500])
            except Exception:  # even the error page failed: plain text, still no trace
                log.exception("error page failed")
                response = PlainTextResponse(FRIENDLY[500], status_code=500)
            await response(scope, receive, send)
