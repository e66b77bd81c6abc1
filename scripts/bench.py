"""Benchmark the warehouse: generation and `dbt build` at several scales.

    python scripts/bench.py                    # scales 0.1, 1 and 3
    python scripts/bench.py --scales 0.01 10   # any scales

For each scale it generates a synthetic world, times DuckDB merely reading the
raw files (the bare read: the best of three reads before the build and three
after it), then times `dbt parse` (the fixed cost of reading the project, paid
once: later commands with the same vars reuse it) and the warehouse build
exactly as `make build` runs it (`make dbt-build`: seeds, models, snapshots and
data tests; unit tests run in `make test`), each build on a fresh warehouse.
Like the read, the build is timed more than once and the fastest counts: three
builds up to scale 1, one above (--builds sets the number for every scale). On
a shared machine single builds of the same code vary by 5-15%, so one build's
ratio over a best-of-six read says more about the moment than the code. It
prints per scale: raw rows, generation seconds and peak memory, parse seconds,
the fastest build's seconds, CPU seconds (user and system: on two cores the
build is CPU-bound, and CPU time varies less from run to run than wall time),
peak memory and landing hook seconds, the slowest build's seconds, and the
fastest build's cost as a ratio over the bare read; then the slowest nodes of
the last build at the largest scale (from run_results.json). The figures are
appended to a CSV (default bench/results.csv) so versions can be compared.
Benchmarks are not tests: nothing here fails on speed. Each scale's world stays
in the scratch folder (--work) until the next run: scale 10 takes about 13 GB
there (raw files 4.3 GB, linkage truth 2.8 GB, warehouse 5.7 GB). A failed step
reports the lines of its output naming an error, then its last lines.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

PROJECT_ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


@dataclass
class Measured:
    """Wall seconds, CPU seconds (user and system, all threads) and peak resident memory of one child process."""

    seconds: float
    cpu_s: float
    peak_mib: float


@dataclass
class ScaleFigures:
    """One row of the benchmark table."""

    version: str
    scale: float
    raw_rows: int
    raw_mib: float
    generate_s: float
    generate_peak_mib: float
    bare_read_s: float
    parse_s: float
    build_s: float
    builds: int
    build_max_s: float
    build_cpu_s: float
    build_peak_mib: float
    landing_s: float
    build_over_read: float


def run_measured(command: list[str], env: dict[str, str] | None = None) -> Measured:
    """Run a command in its own process and measure its wall time, CPU time and peak memory."""
    wrapper = (
        "import resource, subprocess, sys; "
        "code = subprocess.run(sys.argv[1:]).returncode; "
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN); "
        "print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime, file=sys.stderr); "
        "sys.exit(code)"
    )
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", wrapper, *command],
        cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False,
    )
    seconds = time.perf_counter() - start
    lines = result.stdout.strip().splitlines()
    if result.returncode != 0:
        raise SystemExit(failure_report(command, lines[:-1]))
    peak_kib, cpu_s = lines[-1].split()
    return Measured(seconds=seconds, cpu_s=float(cpu_s), peak_mib=int(peak_kib) / 1024)


def failure_report(command: list[str], output: list[str], shown: int = 15) -> str:
    """What a failed step printed: its last lines naming an error (dbt prints a model's error
    well before the end of its output), then its last lines."""
    errors = [line for line in output if re.search(r"error", line, re.IGNORECASE)][-shown:]
    report = [f"benchmark step failed ({' '.join(command)})"]
    if errors:
        report += ["lines naming an error:", *errors]
    report += ["last lines:", *output[-shown:]]
    return "\n".join(report)


def bare_read(raw_dir: Path, repeats: int = 3) -> tuple[float, int]:
    """Seconds DuckDB takes to read every raw file into a table (the best of `repeats`
    fresh reads: the read varies by a third from run to run on a shared machine, and
    the fastest is the cost of reading), and the data rows read."""
    best = float("inf")
    rows = 0
    for _ in range(repeats):
        con = duckdb.connect()
        rows = 0
        start = time.perf_counter()
        for path in sorted(raw_dir.glob("*.csv*")):
            name = path.name.split(".")[0]
            con.execute(
                f"create table {name} as select * from read_csv('{path}', header = true, all_varchar = true, "
                "ignore_errors = true)"
            )
            rows += con.execute(f"select count(*) from {name}").fetchall()[0][0]
        best = min(best, time.perf_counter() - start)
        con.close()
    return best, rows


def node_seconds(target: Path) -> list[tuple[str, float]]:
    """(unique_id, seconds) of every node of the last run, slowest first."""
    results = json.loads((target / "run_results.json").read_text())["results"]
    return sorted(((r["unique_id"], float(r["execution_time"])) for r in results), key=lambda x: -x[1])


@dataclass
class Build:
    """One timed warehouse build and its landing hook's seconds."""

    measured: Measured
    landing_s: float


def default_builds(scale: float) -> int:
    """How many builds to time at a scale when --builds is not given: three up to scale 1
    (half a minute each), one above (scale 10 takes four to five minutes)."""
    return 3 if scale <= 1 else 1


def fastest_build(builds: list[Build]) -> tuple[Build, float]:
    """The fastest build (whose CPU, memory and landing figures are reported with it) and
    the slowest build's seconds."""
    if not builds:
        raise ValueError("no builds were timed")
    fastest = min(builds, key=lambda build: build.measured.seconds)
    return fastest, max(build.measured.seconds for build in builds)


def git_version() -> str:
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT_ROOT,
                            capture_output=True, text=True, check=False)
    return result.stdout.strip() or "unknown"


def bench_scale(
    scale: float, work: Path, seed: int, reference_date: str, version: str, n_builds: int | None = None
) -> ScaleFigures:
    world = work / f"scale_{scale:g}"
    shutil.rmtree(world, ignore_errors=True)
    raw = world / "raw"
    gen = run_measured([
        sys.executable, "scripts/generate.py", "--out", str(raw), "--scale", str(scale),
        "--seed", str(seed), "--reference-date", reference_date, "--quiet",
    ])
    read_s, raw_rows = bare_read(raw)
    env = dict(os.environ)
    env.update(
        SOSCARE_DB=str(world / "warehouse.duckdb"),
        DBT_TARGET_PATH=str(world / "target"),
        DBT_LOG_PATH=str(world / "logs"),
        DBT_PROFILES_DIR=str(PROJECT_ROOT),
    )
    # the same vars string as the Makefile's DBT_VARS, so `make dbt-build` reuses this parse
    dbt_vars = f'{{raw_dir: "{raw}", reference_date: "{reference_date}"}}'
    parse = run_measured([str(BIN / "dbt"), "parse", "--vars", dbt_vars], env=env)
    builds: list[Build] = []
    for _ in range(n_builds or default_builds(scale)):
        for stale in world.glob("warehouse.duckdb*"):
            stale.unlink()
        measured = run_measured(
            ["make", "--no-print-directory", "dbt-build", f"RAW_DIR={raw}", f"REFERENCE_DATE={reference_date}"],
            env=env,
        )
        landing = sum(seconds for unique_id, seconds in node_seconds(world / "target")
                      if unique_id.startswith("operation.") and "on-run-start" in unique_id)
        builds.append(Build(measured=measured, landing_s=landing))
    best, slowest_s = fastest_build(builds)
    build = best.measured
    # the bare read again, after the build: on a shared machine one moment's reads
    # can all be slow (scale 1 once gave 2.42 s and 3.34 s in two runs of the same
    # files), and the fastest read either side of the build is the cost of reading
    read_s = min(read_s, bare_read(raw)[0])
    raw_mib = sum(p.stat().st_size for p in raw.glob("*.csv*")) / 2**20
    return ScaleFigures(
        version=version, scale=scale, raw_rows=raw_rows, raw_mib=round(raw_mib, 1),
        generate_s=round(gen.seconds, 1), generate_peak_mib=round(gen.peak_mib),
        bare_read_s=round(read_s, 2), parse_s=round(parse.seconds, 1), build_s=round(build.seconds, 1),
        builds=len(builds), build_max_s=round(slowest_s, 1), build_cpu_s=round(build.cpu_s, 1),
        build_peak_mib=round(build.peak_mib), landing_s=round(best.landing_s, 1),
        build_over_read=round(build.seconds / read_s, 1),
    )


def append_csv(path: Path, rows: list[ScaleFigures]) -> None:
    """Append the rows; a file written by an older version with other columns is moved aside first."""
    fieldnames = ["run_at", *asdict(rows[0]).keys()]
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        with path.open(newline="") as handle:
            existing = next(csv.reader(handle), [])
        if existing != fieldnames:
            aside = path.with_name(f"{path.stem}.{dt.date.today():%Y%m%d}.old{path.suffix}")
            path.rename(aside)
            print(f"{path} had other columns; moved it to {aside}")
    new_file = not path.exists()
    with path.open("a", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fieldnames)
        if new_file:
            writer.writeheader()
        run_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        for figures in rows:
            writer.writerow({"run_at": run_at, **asdict(figures)})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=float, nargs="+", default=[0.1, 1.0, 3.0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/soscare_bench"), help="scratch folder")
    parser.add_argument("--csv", type=Path, default=PROJECT_ROOT / "bench" / "results.csv")
    parser.add_argument("--seed", type=int, default=1985)
    parser.add_argument("--reference-date", default="2024-03-31")
    parser.add_argument("--top", type=int, default=12, help="slowest nodes to list")
    parser.add_argument("--builds", type=int, default=None,
                        help="builds to time per scale, the fastest counting (default: 3 up to scale 1, 1 above)")
    args = parser.parse_args(argv)
    if args.builds is not None and args.builds < 1:
        parser.error(f"--builds must be at least 1, not {args.builds}")

    version = git_version()
    rows: list[ScaleFigures] = []
    header = f"{'scale':>6} {'raw rows':>11} {'gen s':>7} {'gen MiB':>8} {'read s':>7} {'parse s':>8} " \
             f"{'build s':>8} {'build CPU s':>11} {'build MiB':>9} {'landing s':>9} {'builds':>6} {'slowest s':>9} " \
             f"{'build/read':>10}"
    print(header, flush=True)
    for scale in args.scales:
        figures = bench_scale(scale, args.work, args.seed, args.reference_date, version, args.builds)
        rows.append(figures)
        print(f"{figures.scale:>6g} {figures.raw_rows:>11,} {figures.generate_s:>7} {figures.generate_peak_mib:>8} "
              f"{figures.bare_read_s:>7} {figures.parse_s:>8} {figures.build_s:>8} {figures.build_cpu_s:>11} "
              f"{figures.build_peak_mib:>9} "
              f"{figures.landing_s:>9} {figures.builds:>6} {figures.build_max_s:>9} {figures.build_over_read:>10}",
              flush=True)

    largest = args.work / f"scale_{max(args.scales):g}" / "target"
    print(f"\nslowest nodes at scale {max(args.scales):g}:")
    for unique_id, seconds in node_seconds(largest)[:args.top]:
        print(f"  {seconds:8.2f} s  {unique_id}")

    append_csv(args.csv, rows)
    print(f"\nfigures appended to {args.csv}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
