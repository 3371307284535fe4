"""Who is asking: the client's address, read through the reverse proxies we trust.

Behind a proxy every request comes from the proxy's address, so a sign-in limit counted
per address would lock every analyst out at once when one attacker guesses passwords.
``MONITOR_TRUSTED_PROXIES`` names the proxies (addresses or networks, comma-separated);
a request from one of them is attributed to the address its ``X-Forwarded-For`` header
names last that is not itself a trusted proxy (the one the outermost trusted proxy saw:
entries further left come from the client and may be forged). A request from anywhere
else is attributed to its own address, whatever headers it sends.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def trusted_networks(text: str) -> list[Network]:
    """``MONITOR_TRUSTED_PROXIES`` parsed; a bad entry is a ValueError naming it."""
    networks = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ValueError(
                f"MONITOR_TRUSTED_PROXIES: {item!r} is not an IP address or network"
            ) from None
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
