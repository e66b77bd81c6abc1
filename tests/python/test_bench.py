"""scripts/bench.py's bookkeeping: the bare read and the CSV of figures (no dbt, no timing asserted)."""
from __future__ import annotations

import csv
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

import bench


def figures(scale: float) -> bench.ScaleFigures:
    return bench.ScaleFigures(
        version="abc1234", scale=scale, raw_rows=10, raw_mib=0.1, generate_s=1.0, generate_peak_mib=90,
        bare_read_s=0.5, parse_s=7.0, build_s=20.0, builds=3, build_max_s=23.0, build_cpu_s=31.0, build_peak_mib=300,
        landing_s=0.4, build_over_read=40.0,
    )


def read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_appends_under_one_header(tmp_path: Path) -> None:
    path = tmp_path / "bench" / "results.csv"
    bench.append_csv(path, [figures(0.1)])
    bench.append_csv(path, [figures(1.0), figures(3.0)])
    rows = read(path)
    assert [row["scale"] for row in rows] == ["0.1", "1.0", "3.0"]
    assert list(rows[0]) == ["run_at", *asdict(figures(1.0))]
    assert path.read_text().count("run_at") == 1


def test_csv_of_an_older_version_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    path.write_text("run_at,version,scale,build_s\n2026-01-01,old,1.0,70.3\n")
    bench.append_csv(path, [figures(1.0)])
    aside = [p for p in tmp_path.iterdir() if p.name != "results.csv"]
    assert len(aside) == 1 and aside[0].read_text().startswith("run_at,version,scale,build_s\n")
    rows = read(path)
    assert len(rows) == 1 and rows[0]["parse_s"] == "7.0"


def test_bare_read_counts_data_rows_of_every_file(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("x,y\n1,2\n3,4\n")
    (tmp_path / "b.csv").write_text("z\n5\n")
    seconds, rows = bench.bare_read(tmp_path)
    assert rows == 3 and seconds >= 0


def test_run_measured_reports_cpu_and_memory_of_the_child() -> None:
    measured = bench.run_measured([sys.executable, "-c", "total = sum(range(3_000_000)); data = bytearray(50 * 2**20)"])
    assert measured.cpu_s > 0
    assert measured.peak_mib >= 50
    assert measured.seconds > 0


def test_run_measured_reports_what_the_failing_command_printed() -> None:
    # the error goes to stdout long before the end, as dbt's does; the strings
    # are built in the child so that the command line itself does not hold them
    child = (
        "import sys; print('IO ' + 'Error: no space left on device'); "
        "[print('line', n) for n in range(40)]; print('last ' + 'words', file=sys.stderr); sys.exit(3)"
    )
    with pytest.raises(SystemExit) as failure:
        bench.run_measured([sys.executable, "-c", child])
    report = str(failure.value)
    assert report.startswith("benchmark step failed (")
    assert "lines naming an error:\nIO Error: no space left on device" in report
    assert report.endswith("line 39\nlast words")


def test_fastest_build_is_reported_with_its_own_figures_and_the_slowest_time() -> None:
    builds = [
        bench.Build(bench.Measured(seconds=33.0, cpu_s=55.0, peak_mib=1400), landing_s=1.6),
        bench.Build(bench.Measured(seconds=29.5, cpu_s=49.0, peak_mib=1350), landing_s=1.3),
        bench.Build(bench.Measured(seconds=36.2, cpu_s=60.0, peak_mib=1380), landing_s=1.9),
    ]
    fastest, slowest_s = bench.fastest_build(builds)
    assert fastest is builds[1]
    assert slowest_s == 36.2


def test_fastest_build_of_none_is_an_error() -> None:
    with pytest.raises(ValueError, match="no builds"):
        bench.fastest_build([])


def test_three_builds_up_to_scale_1_and_one_above() -> None:
    assert [bench.default_builds(scale) for scale in (0.01, 0.1, 1.0, 3.0, 10.0)] == [3, 3, 3, 1, 1]


def test_builds_below_one_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        bench.main(["--builds", "0"])
    assert "--builds must be at least 1, not 0" in capsys.readouterr().err
