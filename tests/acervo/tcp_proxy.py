"""A TCP proxy for fault tests: forwards connections to a server and cuts them all on demand.

`cut()` drops every open connection at once, as a PostgreSQL restart or a network failure would.
`cut_when(pattern)` arms a cut for the moment a client sends bytes containing `pattern` (a SQL
statement's text, say): those bytes never reach the server and every connection is dropped, so a
request can be cut at an exact point in the middle of its transaction. New connections are
accepted again straight away, so a retry reaches the server.
"""

import socket
import threading

CHUNK = 65536


class TcpProxy:
    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._pairs = set()
        self._trigger = None
        self.cuts = 0
        self.triggered = threading.Event()
        self._running = True
        threading.Thread(target=self._accept, daemon=True).start()

    # --- control ---------------------------------------------------------------------------

    def cut(self):
        """Drop every open connection; the proxy keeps accepting new ones."""
        with self._lock:
            pairs, self._pairs = self._pairs, set()
            self.cuts += 1
        for pair in pairs:
            for sock in pair:
                _close(sock)

    def cut_when(self, pattern):
        """Cut everything when a client next sends `pattern` (bytes), before the server sees it."""
        self.triggered.clear()
        self._trigger = pattern

    def disarm(self):
        self._trigger = None

    def close(self):
        self._running = False
        _close(self._listener)
        self.cut()

    # --- forwarding ------------------------------------------------------------------------

    def _accept(self):
        while self._running:
            try:
                client, _address = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target)
            except OSError:
                _close(client)
                continue
            pair = (client, server)
            with self._lock:
                self._pairs.add(pair)
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, source, destination, from_client):
        while True:
            try:
                data = source.recv(CHUNK)
            except OSError:
                data = b""
            if not data:
                break
            trigger = self._trigger
            if from_client and trigger is not None and trigger in data:
                self._trigger = None
                self.cut()
                self.triggered.set()
                return
            try:
                destination.sendall(data)
            except OSError:
                break
        _close(source)
        _close(destination)


def _close(sock):
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
