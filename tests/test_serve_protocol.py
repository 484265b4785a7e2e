"""The server protocol sets TCP_NODELAY even on a listening socket made as uvicorn's workers make it.

A real loopback TCP connection through an asyncio server on ``socket.socket(AF_INET)`` (protocol number 0,
so asyncio itself does not set the option); the server-side socket is inspected after the handshake.
"""

from __future__ import annotations

import asyncio
import socket

from petcasefinder.serve.protocol import HTTP_PROTOCOL, NoDelayH11Protocol, set_nodelay


def _server_nodelay(fix: bool) -> int:
    async def run() -> int:
        seen: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        class Probe(asyncio.Protocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                if fix:
                    set_nodelay(transport)
                sock = transport.get_extra_info("socket")
                seen.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        listening = socket.socket(socket.AF_INET)  # what uvicorn's Config.bind_socket does for --workers > 1
        listening.bind(("127.0.0.1", 0))
        server = await asyncio.get_running_loop().create_server(Probe, sock=listening)
        async with server:
            _, writer = await asyncio.open_connection("127.0.0.1", listening.getsockname()[1])
            value = await asyncio.wait_for(seen, 10)
            writer.close()
        return value

    return asyncio.run(run())


def test_nodelay_is_set_on_connections_of_a_proto_0_socket() -> None:
    assert _server_nodelay(fix=True) != 0
    # without set_nodelay it is 0 here on Python 3.11 (asyncio sets it only when proto == IPPROTO_TCP)


def test_serve_uses_the_protocol() -> None:
    module, name = HTTP_PROTOCOL.split(":")
    assert getattr(__import__(module, fromlist=[name]), name) is NoDelayH11Protocol
