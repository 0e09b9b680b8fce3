#!/usr/bin/env python3
"""Time from starting a program in a pseudo-terminal to a text appearing on its screen.

    first-screen.py RUNS MARKER -- COMMAND...      # until MARKER is on screen, then killed
    first-screen.py RUNS --exit -- COMMAND...      # until the program exits (a baseline)
    first-screen.py RUNS MARKER --then KEYS PATTERN -- COMMAND...
        # once MARKER is on screen, types KEYS (Python escapes such as \\r and \\x1b allowed) and times
        # from the keys to PATTERN (a regular expression) appearing after them

Prints the median, the fastest and the slowest in milliseconds, one run per line on stderr.
A real terminal (80x24) as the learner has it: no hidden flag in the product is needed.
"""
import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import termios
import time


def once(command, marker, timeout=10.0, keys=None, pattern=None):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    elapsed = None
    typed = False
    deadline = start + timeout
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b""
        if not data:
            break
        seen += data
        if keys is not None and not typed:
            if marker in seen:
                # The screen is up: type, then time what the keys bring.
                os.write(fd, keys)
                start = time.perf_counter()
                deadline = start + timeout
                seen = b""
                typed = True
            continue
        if (pattern.search(seen) if typed else marker is not None and marker in seen):
            elapsed = time.perf_counter() - start
            break
    if marker is None:
        os.waitpid(pid, 0)
        elapsed = time.perf_counter() - start
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)
    if elapsed is None:
        wanted = pattern.pattern.decode() if typed else marker.decode()
        sys.exit(f"first-screen: '{wanted}' never appeared; the screen was:\n{seen[-2000:].decode(errors='replace')}")
    return elapsed * 1000


def main():
    args = sys.argv[1:]
    runs = int(args[0])
    split = args.index("--")
    marker = None if args[1] == "--exit" else args[1].encode()
    keys = pattern = None
    if "--then" in args[:split]:
        at = args.index("--then")
        keys = args[at + 1].encode("utf-8").decode("unicode_escape").encode("latin-1")
        pattern = re.compile(args[at + 2].encode())
    command = args[split + 1 :]

    def run():
        return once(command, marker, keys=keys, pattern=pattern)

    run()  # warm-up: page cache, the database's first open
    times = []
    for _ in range(runs):
        t = run()
        times.append(t)
        print(f"{t:.1f}", file=sys.stderr)
    print(f"{statistics.median(times):.1f} {min(times):.1f} {max(times):.1f}")


main()
