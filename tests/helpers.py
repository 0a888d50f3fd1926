"""Small helpers shared by the tests that start a real `qa serve` process."""

from __future__ import annotations

import socket


def free_port() -> int:
    """A loopback port that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
