"""Static HTML report on the SOSCARE warehouse's published (disclosure-controlled) tables.

Reads only the `published` schema, through a read-only DuckDB connection, and
writes `index.html` plus one PNG per chart into the output folder:

- cumulative exposure curves by stage and birth cohort (`published.cumulative_exposure`);
- the pathway funnel: children referred who went on to each deeper stage
  (`published.pathway_transitions`: from_stage, to_stage,
  children_reached_from_stage, children_moved), or, without that table, the %
  of children reaching each stage by age 17 (`published.cumulative_exposure`);
- deprivation gradients by decile over time, and the most/least deprived rate
  ratio (`published.deprivation_rates`);
- CP-IS alerts over time (`published.cpis_summary`: the all-Trusts rows'
  alerts and cross_border_alerts);
- a data-quality heat map by module and year (`published.data_quality`: the
  % of records with a valid HCN, from records_with_valid_hcn / records, and
  the records themselves).

Columns are those of the mart contract (docs/contract/marts.md). For the two
tables the contract does not list, the report accepts a few names (see
`CPIS_*` and `QUALITY_*` below). Suppressed cells (null counts or rates) are
left out of the charts. A missing table or column is named in the report
instead of a chart; the report never fails for it.

Usage: ``report.py [--db PATH] [--out DIR]`` (defaults: $SOSCARE_DB, reports/).
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.colors import LogNorm, Normalize  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

SCHEMA = "published"
STAGE_ORDER = ("referral", "cin", "cp", "lac")
STAGE_LABELS = {
    "referral": "Referred",
    "cin": "Child in need",
    "cp": "Child protection registration",
    "lac": "Looked after",
}
MEASURE_LABELS = {
    "referred": "Referred in the year",
    "cp_registered": "On the CP register at 31 March",
    "looked_after": "Looked after at 31 March",
}
#: accepted names, in order of preference, for the tables outside the contract
CPIS_TIME = ("year_ending", "year", "arrival_year", "month", "arrival_month")
CPIS_COUNT = ("alerts", "n_alerts", "alert_count", "attendances", "n_attendances")
CPIS_GROUP = ("flag_type", "responsible_trust", "setting_type")
#: a published table's own margin-total rows (the `ALL` Trust row) are flagged by this column
TOTAL_FLAG = "is_all_trusts"
QUALITY_YEAR = ("year", "year_ending", "record_year")
QUALITY_VALUE = ("share_valid_hcn", "pct_valid_hcn")
MAX_LINES = 8


class MissingData(Exception):
    """A table or column the chart needs is not in the warehouse."""


@dataclass(frozen=True)
class Chart:
    """One chart of the report: where it comes from and how it is drawn."""

    slug: str
    title: str
    source: str
    caption: str
    draw: Callable[[duckdb.DuckDBPyConnection], Figure]


@dataclass(frozen=True)
class Outcome:
    """What happened to one chart: drawn into `image`, or the reason it was not."""

    chart: Chart
    image: str | None
    problem: str | None = None


def columns_of(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """The columns of `published.<table>`; MissingData when the table does not exist."""
    rows = con.execute(
        "select column_name from information_schema.columns "
        "where table_schema = ? and table_name = ? order by ordinal_position",
        [SCHEMA, table],
    ).fetchall()
    if not rows:
        raise MissingData(f"table {SCHEMA}.{table} is missing from the warehouse")
    return [str(row[0]) for row in rows]


def require(con: duckdb.DuckDBPyConnection, table: str, needed: Sequence[str]) -> list[str]:
    """Check `published.<table>` has every column in `needed`; return all its columns."""
    have = columns_of(con, table)
    absent = [name for name in needed if name not in have]
    if absent:
        raise MissingData(f"{SCHEMA}.{table} lacks column(s) {', '.join(absent)}")
    return have


def pick_optional(have: Sequence[str], candidates: Sequence[str]) -> str | None:
    """The first of `candidates` in `have`, or None."""
    return next((name for name in candidates if name in have), None)


def pick(have: Sequence[str], table: str, candidates: Sequence[str]) -> str:
    """The first of `candidates` that `published.<table>` has; MissingData when none."""
    name = pick_optional(have, candidates)
    if name is None:
        raise MissingData(f"{SCHEMA}.{table} has none of the columns {', '.join(candidates)}")
    return name


def spread(values: Sequence[int], limit: int = MAX_LINES) -> list[int]:
    """At most `limit` values, evenly spread over the sorted `values`, first and last kept."""
    ordered = sorted(set(values))
    if len(ordered) <= limit:
        return ordered
    step = (len(ordered) - 1) / (limit - 1)
    return sorted({ordered[round(i * step)] for i in range(limit)})


def _ordered_stages(stages: set[str]) -> list[str]:
    return [s for s in STAGE_ORDER if s in stages] + sorted(stages - set(STAGE_ORDER))


def draw_cumulative_exposure(con: duckdb.DuckDBPyConnection) -> Figure:
    """Cumulative % of each birth cohort reaching each stage, by age."""
    require(con, "cumulative_exposure", ["birth_year", "stage", "age", "cumulative_pct", "is_left_truncated"])
    rows = con.execute(
        "select birth_year, stage, age, cumulative_pct, is_left_truncated "
        f"from {SCHEMA}.cumulative_exposure where cumulative_pct is not null order by birth_year, stage, age"
    ).fetchall()
    if not rows:
        raise MissingData(f"{SCHEMA}.cumulative_exposure has no unsuppressed rows")
    complete = [r[0] for r in rows if not r[4]]
    cohorts = spread(complete or [r[0] for r in rows])
    stages = _ordered_stages({r[1] for r in rows})
    fig, axes = plt.subplots(1, len(stages), figsize=(4 * len(stages), 4), sharex=True, squeeze=False)
    cmap = plt.get_cmap("viridis")
    for ax, stage in zip(axes[0], stages):
        for i, cohort in enumerate(cohorts):
            points = [(r[2], r[3]) for r in rows if r[0] == cohort and r[1] == stage]
            if points:
                ages, pcts = zip(*points)
                ax.plot(ages, pcts, color=cmap(i / max(len(cohorts) - 1, 1)), label=str(cohort), marker=".")
        ax.set_title(STAGE_LABELS.get(stage, stage))
        ax.set_xlabel("age (completed years)")
        ax.grid(alpha=0.3)
    axes[0][0].set_ylabel("% of birth cohort")
    axes[0][-1].legend(title="birth year", fontsize="small")
    return fig


def _funnel_bars(ax: Axes, stages: Sequence[str], values: Sequence[float], labels: Sequence[str]) -> None:
    bars = ax.barh([STAGE_LABELS.get(s, s) for s in stages], values, color="#3b6ea5")
    ax.invert_yaxis()
    ax.bar_label(bars, labels=list(labels), padding=3)
    ax.set_xlim(0, max(values) * 1.35 if max(values) > 0 else 1)


def draw_pathway_funnel(con: duckdb.DuckDBPyConnection) -> Figure:
    """The pathway funnel: from published.pathway_transitions when there, else from cumulative exposure."""
    try:
        return draw_funnel_from_transitions(con)
    except MissingData:
        return draw_funnel_from_exposure(con)


def draw_funnel_from_transitions(con: duckdb.DuckDBPyConnection) -> Figure:
    """Children referred, and how many of them went on to each deeper stage."""
    require(con, "pathway_transitions", ["from_stage", "to_stage", "children_reached_from_stage", "children_moved"])
    rows = con.execute(
        "select to_stage, max(children_reached_from_stage), sum(children_moved) "
        f"from {SCHEMA}.pathway_transitions where from_stage = 'referral' and children_moved is not null "
        "group by to_stage"
    ).fetchall()
    referred = max((r[1] for r in rows if r[1] is not None), default=None)
    if not rows or not referred:
        raise MissingData(f"{SCHEMA}.pathway_transitions has no unsuppressed transitions from referral")
    moved = {str(r[0]): float(r[2]) for r in rows}
    stages = ["referral", *_ordered_stages(set(moved) - {"referral"})]
    values = [float(referred), *(moved[s] for s in stages[1:])]
    fig, ax = plt.subplots(figsize=(8, 1 + 0.8 * len(stages)))
    _funnel_bars(ax, stages, values, [f"{v:,.0f} ({100 * v / referred:.1f}%)" for v in values])
    ax.set_xlabel(
        f"children referred, and of them those who went on to each stage\n(source: {SCHEMA}.pathway_transitions)"
    )
    return fig


def draw_funnel_from_exposure(con: duckdb.DuckDBPyConnection) -> Figure:
    """% of children reaching each stage by age 17, pooled over complete, non-truncated cohorts."""
    require(con, "cumulative_exposure", ["birth_year", "stage", "age", "children", "cohort_population"])
    rows = con.execute(
        f"""
        with eligible as (
            select *
            from {SCHEMA}.cumulative_exposure
            where not coalesce(is_left_truncated, false)
                and age = (select max(age) from {SCHEMA}.cumulative_exposure)
                and children is not null
                and cohort_population > 0
        )
        select stage, 100.0 * sum(children) / sum(cohort_population), min(birth_year), max(birth_year), max(age)
        from eligible
        group by stage
        """
    ).fetchall()
    if not rows:
        raise MissingData(f"{SCHEMA}.cumulative_exposure has no unsuppressed complete cohorts")
    by_stage = {r[0]: r for r in rows}
    stages = _ordered_stages(set(by_stage))
    pcts = [float(by_stage[s][1]) for s in stages]
    first, last, age = min(r[2] for r in rows), max(r[3] for r in rows), rows[0][4]
    fig, ax = plt.subplots(figsize=(8, 1 + 0.8 * len(stages)))
    _funnel_bars(ax, stages, pcts, [f"{p:.1f}%" for p in pcts])
    ax.set_xlabel(
        f"% of children reaching the stage by age {age}, birth years {first}-{last}\n"
        f"(source: {SCHEMA}.cumulative_exposure)"
    )
    return fig


def _deprivation_rows(con: duckdb.DuckDBPyConnection) -> list[tuple[int, str, int, float]]:
    require(con, "deprivation_rates", ["year_ending", "measure", "deprivation_decile", "rate_per_10000"])
    rows = con.execute(
        "select year_ending, measure, deprivation_decile, rate_per_10000 "
        f"from {SCHEMA}.deprivation_rates "
        "where deprivation_decile is not null and rate_per_10000 is not null "  # not the unknown or `all` rows
        "order by measure, year_ending, deprivation_decile"
    ).fetchall()
    if not rows:
        raise MissingData(f"{SCHEMA}.deprivation_rates has no unsuppressed rates")
    return [(int(r[0]), str(r[1]), int(r[2]), float(r[3])) for r in rows]


def _measures(rows: Sequence[tuple[int, str, int, float]]) -> list[str]:
    present = {r[1] for r in rows}
    return [m for m in MEASURE_LABELS if m in present] + sorted(present - set(MEASURE_LABELS))


def draw_deprivation_gradients(con: duckdb.DuckDBPyConnection) -> Figure:
    """Rate per 10,000 children by deprivation decile, one line per year."""
    rows = _deprivation_rows(con)
    measures = _measures(rows)
    years = spread([r[0] for r in rows if r[3] > 0], limit=6)  # years before the records begin are all zero
    fig, axes = plt.subplots(1, len(measures), figsize=(4.5 * len(measures), 4), squeeze=False)
    cmap = plt.get_cmap("plasma")
    for ax, measure in zip(axes[0], measures):
        for i, year in enumerate(years):
            points = [(r[2], r[3]) for r in rows if r[0] == year and r[1] == measure]
            if points:
                deciles, rates = zip(*points)
                ax.plot(deciles, rates, color=cmap(i / max(len(years) - 1, 1)), marker="o", ms=3, label=str(year))
        if not any(r[3] > 0 for r in rows if r[1] == measure):
            note = "every shown rate is zero:\nthe others are suppressed"
            ax.text(0.5, 0.5, note, ha="center", transform=ax.transAxes)
        ax.set_title(MEASURE_LABELS.get(measure, measure))
        ax.set_xlabel("deprivation decile (1 = most deprived)")
        ax.set_xticks(range(1, 11))
        ax.grid(alpha=0.3)
    axes[0][0].set_ylabel("rate per 10,000 children")
    axes[0][-1].legend(title="year to 31 March", fontsize="small")
    return fig


def draw_deprivation_ratio(con: duckdb.DuckDBPyConnection) -> Figure:
    """Rate in the most deprived decile over the least deprived, by year and measure."""
    rows = _deprivation_rows(con)
    fig, ax = plt.subplots(figsize=(8, 4))
    drawn = 0
    for measure in _measures(rows):
        most = {r[0]: r[3] for r in rows if r[1] == measure and r[2] == 1}
        least = {r[0]: r[3] for r in rows if r[1] == measure and r[2] == 10 and r[3] > 0}
        years = sorted(set(most) & set(least))
        if years:
            ratios = [most[y] / least[y] for y in years]
            ax.plot(years, ratios, marker="o", ms=3, label=MEASURE_LABELS.get(measure, measure))
            drawn += 1
    if not drawn:
        raise MissingData(f"{SCHEMA}.deprivation_rates has no year with both decile 1 and decile 10 rates")
    ax.axhline(1, color="grey", lw=0.8)
    ax.set_xlabel("year to 31 March")
    ax.set_ylabel("rate ratio, decile 1 / decile 10")
    ax.grid(alpha=0.3)
    ax.legend(fontsize="small")
    return fig


def draw_cpis_alerts(con: duckdb.DuckDBPyConnection) -> Figure:
    """CP-IS alerts per year: the all-Trusts totals (and the cross-border ones), else stacked by group."""
    have = columns_of(con, "cpis_summary")
    time = pick(have, "cpis_summary", CPIS_TIME)
    count = pick(have, "cpis_summary", CPIS_COUNT)
    series: list[tuple[str, dict[str, float]]] = []
    if TOTAL_FLAG in have:
        # the table carries its own totals (the ALL rows): chart those, never the sum of the Trust rows
        measures = [(count, "all alerts")]
        if "cross_border_alerts" in have:
            measures.append(("cross_border_alerts", "of which cross-border"))
        for column, label in measures:
            rows = con.execute(
                f"select cast({time} as varchar), sum({column}) from {SCHEMA}.cpis_summary "
                f"where {TOTAL_FLAG} and {column} is not null group by 1"
            ).fetchall()
            series.append((label, {str(r[0]): float(r[1]) for r in rows}))
        stacked, legend_title = False, "all Trusts"
    else:
        group = pick_optional(have, CPIS_GROUP)
        group_sql = f"cast({group} as varchar)" if group else "'alerts'"
        rows = con.execute(
            f"select cast({time} as varchar), {group_sql}, sum({count}) "
            f"from {SCHEMA}.cpis_summary where {count} is not null group by all"
        ).fetchall()
        for grp in sorted({str(r[1]) for r in rows}):
            series.append((grp, {str(r[0]): float(r[2]) for r in rows if str(r[1]) == grp}))
        stacked, legend_title = True, (group or "").replace("_", " ")
    periods = sorted({period for _, values in series for period in values})
    if not periods:
        raise MissingData(f"{SCHEMA}.cpis_summary has no unsuppressed counts")
    fig, ax = plt.subplots(figsize=(max(8, 0.35 * len(periods)), 4))
    bottom = [0.0] * len(periods)
    for i, (label, values) in enumerate(series):
        heights = [values.get(p, 0.0) for p in periods]
        width = 0.8 if stacked or i == 0 else 0.45
        ax.bar(periods, heights, bottom=bottom if stacked else None, width=width, label=label)
        if stacked:
            bottom = [b + h for b, h in zip(bottom, heights)]
    ax.set_xlabel(time.replace("_", " "))
    ax.set_ylabel(f"{count.replace('_', ' ')} (suppressed cells left out)")
    ax.tick_params(axis="x", rotation=60, labelsize="small")
    ax.legend(title=legend_title or None, fontsize="small")
    return fig


def _quality_value(have: Sequence[str]) -> tuple[str, str]:
    """SQL for the % of records with a valid HCN per group, and its label."""
    if "records_with_valid_hcn" in have and "records" in have:
        # only rows where both counts are shown (one may be suppressed)
        return (
            "100.0 * sum(case when records is not null then records_with_valid_hcn end)"
            " / nullif(sum(case when records_with_valid_hcn is not null then records end), 0)",
            "% of records with a valid HCN",
        )
    column = pick(have, "data_quality", QUALITY_VALUE)
    scale = "100.0 * " if column.startswith("share_") else ""
    return f"{scale}avg({column})", column.replace("_", " ")


def draw_data_quality(con: duckdb.DuckDBPyConnection) -> Figure:
    """Heat maps by module (rows) and year (columns): % valid HCN, and records (where published)."""
    have = require(con, "data_quality", ["module"])
    year = pick(have, "data_quality", QUALITY_YEAR)
    value_sql, value_label = _quality_value(have)
    # the table's own all-Trusts rows where it has them (never add them to the Trust rows)
    only_totals = f"{TOTAL_FLAG} and " if TOTAL_FLAG in have else ""
    panels = [(value_sql, value_label, "RdYlGn", False)]
    if "records" in have:
        panels.append(("sum(records)", "records (log scale)", "viridis", True))
    grids = []
    modules: list[str] = []
    years: list[int] = []
    for sql, _, _, _ in panels:
        rows = con.execute(
            f"select module, {year}, {sql} as value from {SCHEMA}.data_quality "
            f"where {only_totals}{year} is not null group by all having value is not null"
        ).fetchall()
        grids.append({(str(r[0]), int(r[1])): float(r[2]) for r in rows})
    if not grids[0]:
        raise MissingData(f"{SCHEMA}.data_quality has no unsuppressed {value_label}")
    modules = sorted({key[0] for grid in grids for key in grid})
    years = sorted({key[1] for grid in grids for key in grid})
    fig, axes = plt.subplots(
        len(panels), 1, figsize=(max(9, 0.25 * len(years)), (1.5 + 0.35 * len(modules)) * len(panels)), squeeze=False
    )
    tick_step = max(1, len(years) // 20)
    for ax, (_, label, cmap, log), grid in zip(axes[:, 0], panels, grids):
        matrix = [[grid.get((module, yr), float("nan")) for yr in years] for module in modules]
        norm = LogNorm(vmin=1) if log else Normalize(vmin=0, vmax=100)
        image = ax.imshow(matrix, aspect="auto", cmap=cmap, norm=norm, interpolation="nearest")
        ax.set_yticks(range(len(modules)), modules)
        ax.set_xticks(range(0, len(years), tick_step), [str(y) for y in years[::tick_step]], rotation=60)
        ax.set_xlabel(year.replace("_", " "))
        fig.colorbar(image, ax=ax, label=label.replace(" (log", "\n(log"))
    return fig


CHARTS: tuple[Chart, ...] = (
    Chart(
        "cumulative_exposure",
        "Cumulative exposure by stage and birth cohort",
        "published.cumulative_exposure",
        "Percentage of each birth cohort who reached the stage before their (age+1)th birthday. "
        "Stages nest: looked after and child protection imply child in need, which implies referral. "
        "Cohorts born before 1985 (left-truncated) are drawn only when no other is available.",
        draw_cumulative_exposure,
    ),
    Chart(
        "pathway_funnel",
        "Pathway funnel",
        "published.pathway_transitions, else published.cumulative_exposure",
        "From published.pathway_transitions when the warehouse has it: the children referred, and how "
        "many of them went on to each deeper stage. Otherwise from published.cumulative_exposure: the "
        "children of the complete, non-truncated birth cohorts who reached each stage by the oldest "
        "published age, as a percentage of the cohorts' populations. Suppressed cells are left out.",
        draw_pathway_funnel,
    ),
    Chart(
        "deprivation_gradients",
        "Deprivation gradients by decile over time",
        "published.deprivation_rates",
        "Rate per 10,000 children aged 0-17 in each decile of the NI Multiple Deprivation Measure "
        "(1 = most deprived). Children whose area is unknown are not shown.",
        draw_deprivation_gradients,
    ),
    Chart(
        "deprivation_ratio",
        "Most over least deprived decile",
        "published.deprivation_rates",
        "Rate in decile 1 divided by the rate in decile 10, by year: the steepness of the gradient.",
        draw_deprivation_ratio,
    ),
    Chart(
        "cpis_alerts",
        "CP-IS alerts over time",
        "published.cpis_summary",
        "Attendances at unscheduled care settings by children on the child protection register or "
        "looked after on the day (Child Protection Information Sharing alerts).",
        draw_cpis_alerts,
    ),
    Chart(
        "data_quality",
        "Data quality by module and year",
        "published.data_quality",
        "Left: the percentage of each module's records with a valid Health and Care Number, by year "
        "(greener is better). Right, where published: the number of records, which shows the sparse "
        "1985-1994 years and the fall after 2015 as three Trusts moved to Paris. Blank cells: no "
        "records, no HCN column, or suppressed.",
        draw_data_quality,
    ),
)


def render_html(outcomes: Sequence[Outcome], db_label: str) -> str:
    """The report page: one section per chart, or a notice naming what is missing."""
    generated = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    missing = [o for o in outcomes if o.image is None]
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>SOSCARE warehouse report</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}"
        "figure{margin:1em 0}img{max-width:100%;border:1px solid #ddd}"
        ".missing{background:#fff4e5;border-left:4px solid #e69500;padding:.6em 1em}"
        "code{background:#f3f3f3;padding:0 .2em}</style></head><body>",
        "<h1>SOSCARE warehouse report</h1>",
        "<p>Built from the <code>published</code> tier (statistical disclosure control applied: "
        "suppressed cells are left out of every chart) of "
        f"<code>{html.escape(db_label)}</code>, {generated}. In a small world (a low <code>SCALE</code>) "
        "most counts fall under the threshold and are suppressed, so the charts are sparse.</p>",
    ]
    if missing:
        parts.append('<div class="missing"><strong>Not drawn:</strong><ul>')
        parts.extend(f"<li>{html.escape(o.chart.title)}: {html.escape(o.problem or '')}</li>" for o in missing)
        parts.append("</ul></div>")
    parts.append("<ul>")
    parts.extend(f'<li><a href="#{o.chart.slug}">{html.escape(o.chart.title)}</a></li>' for o in outcomes)
    parts.append("</ul>")
    for outcome in outcomes:
        chart = outcome.chart
        parts.append(f'<section id="{chart.slug}"><h2>{html.escape(chart.title)}</h2>')
        if outcome.image:
            parts.append(
                f'<figure><img src="{outcome.image}" alt="{html.escape(chart.title)}">'
                f"<figcaption>{html.escape(chart.caption)} Source: <code>{chart.source}</code>.</figcaption></figure>"
            )
        else:
            parts.append(f'<p class="missing">Missing data: {html.escape(outcome.problem or "")}.</p>')
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def build_report(db_path: Path, out_dir: Path) -> list[Outcome]:
    """Draw every chart from `db_path` (opened read-only) into `out_dir`, with index.html."""
    out_dir.mkdir(parents=True, exist_ok=True)
    outcomes: list[Outcome] = []
    with duckdb.connect(str(db_path), read_only=True) as con:
        for chart in CHARTS:
            try:
                fig = chart.draw(con)
            except MissingData as problem:
                outcomes.append(Outcome(chart, None, str(problem)))
                continue
            fig.suptitle(chart.title)
            fig.tight_layout()
            image = f"{chart.slug}.png"
            fig.savefig(out_dir / image, dpi=110)
            plt.close(fig)
            outcomes.append(Outcome(chart, image))
    (out_dir / "index.html").write_text(render_html(outcomes, db_path.name), encoding="utf-8")
    return outcomes


def main(argv: list[str] | None = None) -> int:
    """Build the report; 0 when written (missing tables are reported in it), 2 without a warehouse."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path(os.environ.get("SOSCARE_DB", "data/soscare.duckdb")))
    parser.add_argument("--out", type=Path, default=Path("reports"))
    args = parser.parse_args(argv)
    if not args.db.is_file():
        print(f"report: warehouse {args.db} not found; build it first (make build)", file=sys.stderr)
        return 2
    outcomes = build_report(args.db, args.out)
    for outcome in outcomes:
        status = outcome.image or f"NOT DRAWN ({outcome.problem})"
        print(f"  {outcome.chart.slug:<22} {status}")
    print(f"report: {args.out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
