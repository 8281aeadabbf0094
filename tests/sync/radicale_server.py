"""A real Radicale CalDAV server for tests and benchmarks: 127.0.0.1 only, a random free port,
a temporary storage folder, one htpasswd user (plain text, in the temporary folder), started as
a child process with a bounded wait and stopped afterwards.

Radicale's own log (level info) goes to a file; :meth:`RadicaleServer.requests` counts the
requests it received by method, so tests can tell how many writes a sync made from the
server's side, independently of the client.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from pathlib import Path

USER = "alice"
PASSWORD = "s3cret-Test-Pw-7f41"
#: How long the server may take to accept connections before the test fails.
START_TIMEOUT_S = 20.0
_REQUEST = re.compile(r"\b(GET|PUT|DELETE|PROPFIND|REPORT|MKCALENDAR|MKCOL|PROPPATCH|OPTIONS|POST|MOVE|HEAD) request for ")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class RadicaleServer:
    """One Radicale process serving ``folder``; ``start()``/``stop()`` may be called again
    (same port, same storage) to simulate a server that goes away and comes back.
    ``storage_options`` are extra lines for Radicale's ``[storage]`` section."""

    def __init__(self, folder: Path, port: int | None = None, storage_options: tuple[str, ...] = ()) -> None:
        self.folder = folder
        self.port = port or free_port()
        self.storage = folder / "collections"
        self.log = folder / "radicale.log"
        self.users = folder / "users"
        self.config = folder / "config"
        self.users.write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
        self.config.write_text("\n".join([
            "[server]",
            f"hosts = 127.0.0.1:{self.port}",
            "[auth]",
            "type = htpasswd",
            f"htpasswd_filename = {self.users}",
            "htpasswd_encryption = plain",
            "delay = 0.01",
            "[rights]",
            "type = owner_only",
            "",
            "[storage]",
            f"filesystem_folder = {self.storage}",
            *storage_options,
            "[logging]",
            "level = info",
            "mask_passwords = True",
            "",
        ]), encoding="utf-8")
        self.process: subprocess.Popen[bytes] | None = None

    def read_only(self) -> None:
        """From the next start on, the user may read but not write (Radicale's rights file)."""
        rights = self.folder / "rights"
        rights.write_text("[read-only]\nuser: .+\ncollection: .*\npermissions: rR\n", encoding="utf-8")
        text = self.config.read_text(encoding="utf-8")
        self.config.write_text(text.replace("type = owner_only\n",
                                            f"type = from_file\nfile = {rights}\n"), encoding="utf-8")

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def calendar_url(self, name: str = "exercise") -> str:
        return f"{self.base}/{USER}/{name}/"

    def start(self) -> None:
        """Start the server and wait (at most START_TIMEOUT_S) until it accepts connections."""
        log = open(self.log, "ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", str(self.config)],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"radicale exited with {self.process.returncode}:\n{self.log.read_text()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"radicale did not start within {START_TIMEOUT_S} s:\n{self.log.read_text()}")

    def stop(self) -> None:
        """Stop the server (terminate, then kill after 10 s)."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None

    def requests(self) -> dict[str, int]:
        """How many requests of each method the server has logged so far."""
        counts: dict[str, int] = {}
        for match in _REQUEST.finditer(self.log.read_text(encoding="utf-8", errors="replace")):
            counts[match.group(1)] = counts.get(match.group(1), 0) + 1
        return counts

    def writes(self) -> int:
        """Write requests so far: PUT, DELETE, PROPPATCH, MOVE, MKCOL, MKCALENDAR, POST."""
        counts = self.requests()
        return sum(counts.get(m, 0) for m in ("PUT", "DELETE", "PROPPATCH", "MOVE", "MKCOL", "MKCALENDAR", "POST"))

    def make_calendar(self, name: str = "exercise") -> str:
        """Create a calendar collection (MKCALENDAR) and return its URL."""
        import caldav

        with caldav.DAVClient(url=self.base + "/", username=USER, password=PASSWORD) as client:
            client.principal().make_calendar(name=name, cal_id=name)
        return self.calendar_url(name)
