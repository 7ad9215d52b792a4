#!/usr/bin/env python3
"""A minimal SMTP sink for bench/outbox-dispatch.sh: accepts every message, keeps none, and writes
"<count> <first-message-time> <last-message-time>" to the file given as its second argument after each one.
It offers PIPELINING, as Postfix and Exim do: it answers line by line, so commands sent ahead are answered in order.
Its answers leave at once (TCP_NODELAY): Postfix gathers the answers to pipelined commands into one write, and a sink that
wrote them one by one behind Nagle's algorithm would wait for the client's delayed ACK and measure that, not the portal."""
import socket, socketserver, sys, threading, time

port, status_file = int(sys.argv[1]), sys.argv[2]
lock = threading.Lock()
state = {"count": 0, "first": 0.0, "last": 0.0}


def record():
    with lock:
        now = time.time()
        state["count"] += 1
        state["first"] = state["first"] or now
        state["last"] = now
        with open(status_file, "w") as f:
            f.write(f'{state["count"]} {state["first"]:.6f} {state["last"]:.6f}\n')


class Session(socketserver.StreamRequestHandler):
    def setup(self):
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def handle(self):
        send = lambda line: (self.wfile.write(line.encode() + b"\r\n"), self.wfile.flush())
        send("220 sink ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.wfile.write(b"250-sink\r\n250-PIPELINING\r\n250 8BITMIME\r\n"); self.wfile.flush()
            elif verb == b"DATA":
                send("354 go ahead")
                while True:
                    chunk = self.rfile.readline()
                    if not chunk or chunk == b".\r\n":
                        break
                record()
                send("250 queued")
            elif verb == b"QUIT":
                send("221 bye")
                return
            else:
                send("250 ok")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


Server(("127.0.0.1", port), Session).serve_forever()
