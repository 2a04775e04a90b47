"""Benchmark: the cost of the Swedish edition (issue 26: building both languages takes at most 1.6 times building one).
Not a test.

``.venv/bin/python bench/editions.py [--runs 3]`` times, from a clean build folder each time, ``make book EDITIONS=en``
(English alone) and ``make book`` (both editions), alternately, ``--runs`` times each; and prints each run (wall time,
the CPU time of the build's processes, the load average before it), the median and the fastest of each, and the
ratios. The machine may be shared: the CPU time is less moved by other processes than the wall time, and the load
average says how busy the machine was. Only the build's own outputs are removed before each run (``_build/html``,
``_build/sv``, the doctrees and MyST-NB's ``jupyter_execute``); axe-core, Lighthouse and the PDF stay.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

from bistand import ROOT

BUILD = ROOT / "_build"
#: What ``make book`` writes (both editions); removed before each run.
OUTPUTS = ("html", "sv", ".doctrees", "jupyter_execute")
LIMIT = 1.6


def clean() -> None:
    for name in OUTPUTS:
        shutil.rmtree(BUILD / name, ignore_errors=True)


def timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and its children: user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/editions.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="clean builds of each kind (default 3)")
    runs = parser.parse_args(argv).runs
    make = ["make", "--no-print-directory", "book"]
    kinds = {"English alone (make book EDITIONS=en)": make + ["EDITIONS=en"], "both editions (make book)": make}
    results: dict[str, list[tuple[float, float]]] = {kind: [] for kind in kinds}
    print(f"{os.cpu_count()} CPUs; load average (1, 5, 15 min) before each run")
    for run in range(1, runs + 1):
        for kind, command in kinds.items():
            clean()
            load = os.getloadavg()
            wall, cpu = timed(command)
            results[kind].append((wall, cpu))
            print(
                f"  run {run}, {kind:38s} {wall:6.1f} s wall {cpu:6.1f} s CPU  "
                f"(load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})"
            )
    (english, en_runs), (both, both_runs) = results.items()
    print(f"{'':48s}{'median':>12s}{'fastest':>12s}   (wall; CPU)")
    for kind, found in results.items():
        walls, cpus = [w for w, _ in found], [c for _, c in found]
        print(
            f"  {kind:46s}{statistics.median(walls):7.1f} s{min(walls):10.1f} s"
            f"   CPU {statistics.median(cpus):6.1f} s, fastest {min(cpus):6.1f} s"
        )
    for label, pick in (("median", statistics.median), ("fastest", min)):
        wall = pick(w for w, _ in both_runs) / pick(w for w, _ in en_runs)
        cpu = pick(c for _, c in both_runs) / pick(c for _, c in en_runs)
        print(f"  both / English alone, {label:8s} wall {wall:.2f}x, CPU {cpu:.2f}x  (issue 26: at most {LIMIT}x)")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
