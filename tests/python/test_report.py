"""scripts/report.py on a small fake warehouse of published tables (contract columns)."""
from __future__ import annotations

import math
import re
import subprocess
import sys
from pathlib import Path
from typing import cast

import duckdb
import numpy
import pytest
from matplotlib.patches import Rectangle

import report

PROJECT_ROOT = Path(__file__).resolve().parents[2]
STAGES = ("referral", "cin", "cp", "lac")
MEASURES = ("referred", "cp_registered", "looked_after")


def _fake_warehouse(path: Path, tables: set[str]) -> None:
    """Write the published tables named in `tables`, with a few suppressed cells."""
    con = duckdb.connect(str(path))
    con.execute("create schema published")
    if "cumulative_exposure" in tables:
        con.execute(
            """
            create table published.cumulative_exposure as
            with grid as (
                select birth_year, stage, age, list_position(['referral', 'cin', 'cp', 'lac'], stage) as depth
                from range(1980, 2006) as b(birth_year),
                    unnest(['referral', 'cin', 'cp', 'lac']) as s(stage),
                    range(0, 18) as a(age)
            )
            select
                birth_year, stage, age,
                case when depth >= 3 and age < 3 then null
                     else (age + 1) * (40 - 9 * depth) * (case when birth_year < 1985 then 3 else 1 end)
                end as children,
                5000 as cohort_population,
                100.0 * children / cohort_population as cumulative_pct,
                birth_year < 1985 as is_left_truncated,
                children is null as is_suppressed,
                case when children is null then 'primary' end as suppression_reason
            from grid
            """
        )
    if "deprivation_rates" in tables:
        con.execute(
            """
            create table published.deprivation_rates as
            select
                year_ending, measure, decile as deprivation_decile,
                case when decile = 10 and measure = 'looked_after' and year_ending = 2010 then null
                     else (11 - decile) * 20 + year_ending - 2000 end as children,
                case when decile is null then null else 45000 end as population,
                10000.0 * children / population as rate_per_10000,
                children is null as is_suppressed,
                case when children is null then 'primary' end as suppression_reason
            from range(2000, 2024) as y(year_ending),
                unnest(['referred', 'cp_registered', 'looked_after']) as m(measure),
                unnest([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null]) as d(decile)
            """
        )
    if "cpis_summary" in tables:
        # as published.cpis_summary: per year x responsible Trust, plus the year's `ALL` row
        con.execute(
            """
            create table published.cpis_summary as
            with cells as (
                select
                    year_ending, trust as responsible_trust, false as is_all_trusts,
                    case when trust = 'WHSCT' then null else 30 + year_ending % 7 end as alerts,
                    case when trust = 'WHSCT' then null else 10 end as cross_border_alerts
                from range(2015, 2024) as y(year_ending), unnest(['BHSCT', 'SHSCT', 'WHSCT']) as t(trust)
            )
            select *, alerts is null as is_suppressed from cells
            union all
            select year_ending, 'ALL', true, 2 * (30 + year_ending % 7) + 5, 25, false
            from range(2015, 2024) as y(year_ending)
            """
        )
    if "data_quality" in tables:
        # as published.data_quality: per module x Trust x year, plus the `ALL` row; small counts nulled
        con.execute(
            """
            create table published.data_quality as
            with cells as (
                select
                    module, trust as trust_group, year_ending, false as is_all_trusts,
                    100 as records,
                    case when module = 'family' then null
                         when trust = 'BHSCT' then 100 - (year_ending - 1985)
                         else 50 end as records_with_valid_hcn
                from unnest(['referrals', 'client', 'looked_after', 'family']) as m(module),
                    unnest(['BHSCT', 'SHSCT']) as t(trust),
                    range(1985, 2024) as y(year_ending)
            ),
            with_totals as (
                select * from cells
                union all
                select module, 'ALL', year_ending, true, sum(records), sum(records_with_valid_hcn)
                from cells group by module, year_ending
            ),
            shown as (
                select
                    * replace (
                        case when trust_group = 'SHSCT' and year_ending = 1990 then null else records end as records
                    )
                from with_totals
            )
            select
                *,
                records_with_valid_hcn / records as share_valid_hcn,
                records is null or records_with_valid_hcn is null as is_suppressed
            from shown
            """
        )
    con.close()


ALL_TABLES = {"cumulative_exposure", "deprivation_rates", "cpis_summary", "data_quality"}


def test_every_chart_is_drawn_and_referenced(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    _fake_warehouse(db, ALL_TABLES)
    out = tmp_path / "reports"
    result = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "scripts" / "report.py"), "--db", str(db), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    page = (out / "index.html").read_text()
    referenced = set(re.findall(r'<img src="([^"]+)"', page))
    expected = {f"{chart.slug}.png" for chart in report.CHARTS}
    assert referenced == expected
    for image in expected:
        data = (out / image).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 5000, image
    assert "Not drawn" not in page and "Missing data" not in page


def test_the_warehouse_is_opened_read_only(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    _fake_warehouse(db, ALL_TABLES)
    writer = duckdb.connect(str(db))  # a writer holds the file: a read-write open would fail
    try:
        with pytest.raises(duckdb.Error):
            report.build_report(db, tmp_path / "reports")
    finally:
        writer.close()
    outcomes = report.build_report(db, tmp_path / "reports")
    assert all(outcome.image for outcome in outcomes)


def test_missing_tables_are_named_not_fatal(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    _fake_warehouse(db, {"deprivation_rates"})
    out = tmp_path / "reports"
    outcomes = report.build_report(db, out)
    drawn = {o.chart.slug for o in outcomes if o.image}
    assert drawn == {"deprivation_gradients", "deprivation_ratio"}
    page = (out / "index.html").read_text()
    for table in ("published.cumulative_exposure", "published.cpis_summary", "published.data_quality"):
        assert f"table {table} is missing" in page
    assert not (out / "cumulative_exposure.png").exists()


def test_funnel_pools_complete_untruncated_cohorts(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    _fake_warehouse(db, {"cumulative_exposure"})
    with duckdb.connect(str(db), read_only=True) as con:
        fig = report.draw_pathway_funnel(con)
    bars = fig.axes[0].patches
    assert "cumulative_exposure" in fig.axes[0].get_xlabel()
    # age 17, cohorts 1985-2005: children = 18 * (40 - 9 * depth) of 5000, depth 1 (referral) to 4 (lac);
    # the truncated cohorts (three times as many) must not count
    assert [round(cast(Rectangle, bar).get_width(), 2) for bar in bars] == [11.16, 7.92, 4.68, 1.44]
    assert "birth years 1985-2005" in fig.axes[0].get_xlabel()


def test_funnel_prefers_pathway_transitions(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    _fake_warehouse(db, {"cumulative_exposure"})
    with duckdb.connect(str(db)) as con:
        con.execute(
            """
            create table published.pathway_transitions as
            select * from (values
                ('referral', 'cin', 1000, 400, false), ('referral', 'cp', 1000, 90, false),
                ('referral', 'lac', 1000, 60, false), ('cin', 'cp', 400, 85, false),
                ('cp', 'lac', 90, null, true)
            ) as t(from_stage, to_stage, children_reached_from_stage, children_moved, is_suppressed)
            """
        )
    with duckdb.connect(str(db), read_only=True) as con:
        fig = report.draw_pathway_funnel(con)
    ax = fig.axes[0]
    assert [cast(Rectangle, bar).get_width() for bar in ax.patches] == [1000, 400, 90, 60]
    assert "pathway_transitions" in ax.get_xlabel()
    assert [text.get_text() for text in ax.texts][-1] == "60 (6.0%)"


@pytest.mark.parametrize("with_totals", [True, False])
def test_quality_heat_map_adds_trusts_once(tmp_path: Path, with_totals: bool) -> None:
    db = tmp_path / "w.duckdb"
    _fake_warehouse(db, {"data_quality"})
    if not with_totals:  # a table without its own all-Trusts rows: the Trust rows are summed
        with duckdb.connect(str(db)) as con:
            con.execute("delete from published.data_quality where is_all_trusts")
            con.execute("alter table published.data_quality drop column is_all_trusts")
    with duckdb.connect(str(db), read_only=True) as con:
        fig = report.draw_data_quality(con)
    hcn_panel, records_panel = fig.axes[0], fig.axes[1]  # the colour bars come after
    modules = [label.get_text() for label in hcn_panel.get_yticklabels()]
    assert modules == ["client", "family", "looked_after", "referrals"]
    grid = hcn_panel.images[0].get_array()
    records = records_panel.images[0].get_array()
    assert grid is not None and records is not None
    referrals = modules.index("referrals")
    # 1995: (90 + 50) valid of 200 records, counted once (not again through the ALL row)
    assert grid[referrals][1995 - 1985] == pytest.approx(70.0)
    assert records[referrals][1995 - 1985] == 200
    # 1990: the SHSCT records are suppressed; the ALL row still says 145 of 200, else only BHSCT's 95 of 100
    assert grid[referrals][1990 - 1985] == pytest.approx(72.5 if with_totals else 95.0)
    assert all(math.isnan(value) for value in numpy.ma.filled(grid, math.nan)[modules.index("family")])


def test_cpis_chart_uses_the_all_trusts_rows(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    _fake_warehouse(db, {"cpis_summary"})
    with duckdb.connect(str(db), read_only=True) as con:
        fig = report.draw_cpis_alerts(con)
    ax = fig.axes[0]
    heights = [cast(Rectangle, bar).get_height() for bar in ax.patches]
    totals = [2 * (30 + year % 7) + 5 for year in range(2015, 2024)]
    assert heights == totals + [25] * len(totals)
    legend = ax.get_legend()
    assert legend is not None
    assert [text.get_text() for text in legend.get_texts()] == ["all alerts", "of which cross-border"]


def test_no_warehouse_exits_2(tmp_path: Path) -> None:
    assert report.main(["--db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path)]) == 2
