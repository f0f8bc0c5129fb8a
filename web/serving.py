"""How `govkg serve` runs the viewer: waitress (a production WSGI server) with threads.

The Flask development server is only for `govkg serve --debug`. Waitress refuses
a body over the app's MAX_CONTENT_LENGTH (plus a little, so that Flask answers a
slightly larger one with its own JSON 413) before reading it, and headers over
MAX_HEADER_BYTES, so a 200 MB POST never reaches memory.

Waitress answers "400 Bad URI" to a request line holding raw UTF-8 (HTTP allows
only ASCII there, but curl and scripts send `?q=柳岸` as it is). Browsers send the
same text percent-encoded, so the parser here percent-encodes those bytes first:
both forms then give the same search.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence

from flask import Flask
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
MAX_HEADER_BYTES = 64 * 1024
BODY_SLACK = 64 * 1024


def trusted_hosts(host: str, extra: Sequence[str] = ()) -> list[str] | None:
    """Host header values to accept: the bound address (and its loopback names), plus `extra`.
    None (any host) only when bound to every interface with no --trusted-host given."""
    names = [h for h in extra if h]
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if address is not None and address.is_unspecified:  # 0.0.0.0 or ::
        return names or None
    if host == "localhost" or (address is not None and address.is_loopback):
        names.extend(LOOPBACK_NAMES)
    else:
        names.append(host)
    return sorted(set(names))


_NON_ASCII = re.compile(rb"[\x80-\xff]")


class _Parser(HTTPRequestParser):
    """Waitress's parser, with non-ASCII bytes of the request line percent-encoded first."""

    def parse_header(self, header_plus: bytes) -> None:
        end = header_plus.find(b"\r\n")
        line = header_plus if end < 0 else header_plus[:end]
        if _NON_ASCII.search(line):
            line = _NON_ASCII.sub(lambda m: b"%%%02X" % m.group()[0], line)
            header_plus = line if end < 0 else line + header_plus[end:]
        super().parse_header(header_plus)


class _Channel(HTTPChannel):
    parser_class = _Parser


def make_server(app: Flask, host: str, port: int, threads: int = 8):  # noqa: ANN201 (waitress's server classes)
    """A waitress server for the app, not yet running (port 0 picks a free one: `.effective_port`)."""
    from waitress.server import create_server

    server = create_server(
        app,
        host=host,
        port=port,
        threads=threads,
        ident="GovKG",
        max_request_body_size=int(app.config["MAX_CONTENT_LENGTH"]) + BODY_SLACK,
        max_request_header_size=MAX_HEADER_BYTES,
        channel_timeout=60,
        expose_tracebacks=False,
    )
    server.channel_class = _Channel  # type: ignore[union-attr]
    return server


def serve(app: Flask, host: str, port: int, threads: int = 8) -> None:
    """Serve the app with waitress until interrupted."""
    server = make_server(app, host, port, threads)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
