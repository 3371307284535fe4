"""Who is asking: the client's address, read through the reverse proxies we trust.

Behind a proxy every request comes from the proxy's address, so a sign-in limit counted
per address would lock every analyst out at once when one attacker guesses passwords.
``MONITOR_TRUSTED_PROXIES`` (or ``monitor serve --trusted-proxy``) names the proxies
(addresses or networks, comma-separated); a request from one of them is attributed to
the address its ``X-Forwarded-For`` header names last that is not itself a trusted proxy
(the one the outermost trusted proxy saw: entries further left come from the client and
may be forged), and takes its scheme and host from ``X-Forwarded-Proto`` and
``X-Forwarded-Host``. A request from anywhere else keeps its own address, scheme and
host, whatever headers it sends. :class:`ForwardedByProxies` applies this to every
request, under waitress and the development server alike.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def trusted_networks(text: str, source: str = "MONITOR_TRUSTED_PROXIES") -> list[Network]:
    """``MONITOR_TRUSTED_PROXIES`` parsed; a bad entry is a ValueError naming it."""
    networks = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ValueError(f"{source}: {item!r} is not an IP address or network") from None
    return networks


def _trusted(address: str, networks: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(
    remote: str | None, forwarded_for: str | None, networks: Sequence[Network]
) -> str:
    """The address a request is counted against (module docs)."""
    address = remote or "unknown"
    if not _trusted(address, networks):
        return address
    hops = [hop.strip() for hop in (forwarded_for or "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, networks):
            return hop
        address = hop
    return address


def _last(header: str | None) -> str:
    """The value the nearest proxy gave a comma-separated forwarding header ('' if none)."""
    values = [value.strip() for value in (header or "").split(",") if value.strip()]
    return values[-1] if values else ""


class ForwardedByProxies:
    """WSGI middleware: a request a trusted proxy passes on carries the client's address
    (``REMOTE_ADDR``), scheme and host as the proxy forwarded them (module docs)."""

    def __init__(self, app: WSGIApplication, networks: Sequence[Network]) -> None:
        self.app, self.networks = app, list(networks)

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        remote = environ.get("REMOTE_ADDR")
        if remote and _trusted(remote, self.networks):
            environ["REMOTE_ADDR"] = client_address(
                remote, environ.get("HTTP_X_FORWARDED_FOR"), self.networks
            )
            scheme = _last(environ.get("HTTP_X_FORWARDED_PROTO")).lower()
            if scheme in ("http", "https"):
                environ["wsgi.url_scheme"] = scheme
            if host := _last(environ.get("HTTP_X_FORWARDED_HOST")):
                environ["HTTP_HOST"] = host
        return self.app(environ, start_response)
