#!/usr/bin/env python3
"""Runs a command, its standard output to OUT.
  timed.py time OUT CMD...    prints its wall time in seconds, the clock bracketing only the
                              command (not this script's start-up), as a user would see it;
  timed.py memory OUT CMD...  prints its peak resident memory in KB, from /usr/bin/time (a child
                              forked from this Python would count Python's own memory).
Separate runs, because /usr/bin/time's own start-up would show in a 10 ms measurement."""
import subprocess, sys, tempfile, time

def main():
    mode, out, command = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(out, "wb") as sink:
        if mode == "time":
            start = time.perf_counter()
            subprocess.run(command, stdout=sink, stderr=subprocess.DEVNULL)
            print(f"{time.perf_counter() - start:.6f}")
            return
        with tempfile.NamedTemporaryFile("r") as peak:
            subprocess.run(["/usr/bin/time", "-f", "%M", "-o", peak.name] + command,
                           stdout=sink, stderr=subprocess.DEVNULL)
            print(int(peak.read().split()[-1]))

main()
