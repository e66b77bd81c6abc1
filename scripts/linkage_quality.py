"""Linkage quality: the warehouse's identity resolution against the generator's truth.

Reads the built DuckDB warehouse (`intermediate.int_records_linked`: one row per
staged record with its `child_id`, the internal key of its child) and the
synthetic generator's truth folder (`record_person.csv`: module, line_no ->
person_id; `persons.csv`: adoption date and post-adoption HCN). A staged `record_id` is `<module>:<line_no>` of
the record's first line. Only records carrying an identifier (a valid HCN or a
`soscare_id`) are scored.

Pairwise figures over pairs of records: precision = pairs linked that are the
same person / pairs linked; recall = same-person pairs linked / same-person
pairs. "Children split": true persons whose records fall into 2+ linked
children; "children merged": linked children holding 2+ true persons.

After adoption a child gets a new HCN and `soscare_id`, so post-adoption
records cannot be linked to earlier ones by design. A record counts as
post-adoption when its person was adopted and the record carries the person's
post-adoption HCN or is dated on or after the adoption; recall (and splits) are
also reported excluding pairs across an adoption (a pre- with a post-adoption
record of the same person).

Usage: ``linkage_quality.py --db WAREHOUSE.duckdb --truth TRUTH_DIR
[--min-precision 0.995] [--min-recall 0.98] [--json]``. Exits 1 when a
threshold is given and missed.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

#: the scored records: identified staged records with their person and adoption side
_SCORED_SQL = """
create temp table scored as
with
truth as (
    select module || ':' || cast(line_no as varchar) as record_id, person_id
    from read_csv(?, header = true, all_varchar = true)
),
persons as (
    select
        person_id,
        try_cast(nullif(adopted_date, '') as date) as adopted_date,
        regexp_replace(coalesce(hcn_after_adoption, ''), '[^0-9]', '', 'g') as hcn_after_adoption
    from read_csv(?, header = true, all_varchar = true)
)
select
    linked.record_id,
    linked.child_id,
    truth.person_id,
    persons.adopted_date is not null
    and (
        (linked.hcn is not null and linked.hcn = persons.hcn_after_adoption)
        or linked.record_date >= persons.adopted_date
    ) as is_post_adoption
from intermediate.int_records_linked as linked
inner join truth
    on linked.record_id = truth.record_id
left join persons
    on truth.person_id = persons.person_id
where linked.hcn is not null or linked.soscare_id is not null
"""

_PAIRS_SQL = """
with
cells as (
    select child_id, person_id, is_post_adoption, count(*) as n
    from scored group by all
),
cell_pairs as (
    select child_id, person_id, sum(n) as n, sum(n * (n - 1) / 2) as same_side_pairs
    from cells group by all
),
child_sizes as (select child_id, count(*) as n from scored group by all),
person_sizes as (select person_id, count(*) as n from scored group by all),
person_sides as (
    select person_id, sum(n * (n - 1) / 2) as same_side_pairs
    from (select person_id, is_post_adoption, count(*) as n from scored group by all) as sides
    group by all
),
person_children as (
    select person_id, count(distinct child_id) as n_children from scored group by all
),
person_side_children as (
    select person_id, is_post_adoption, count(distinct child_id) as n_children from scored group by all
)
select
    (select count(*) from scored) as records,
    (select count(*) from person_sizes) as persons,
    (select count(*) from child_sizes) as children,
    (select sum(n * (n - 1) / 2) from child_sizes) as linked_pairs,
    (select sum(n * (n - 1) / 2) from person_sizes) as true_pairs,
    (select sum(n * (n - 1) / 2) from cell_pairs) as true_linked_pairs,
    (select sum(same_side_pairs) from person_sides) as true_pairs_within_adoption_side,
    (select sum(same_side_pairs) from cell_pairs) as true_linked_pairs_within_adoption_side,
    (select count(*) from person_children where n_children > 1) as children_split,
    (
        select count(distinct person_id) from person_side_children where n_children > 1
    ) as children_split_within_adoption_side,
    (select count(*) from (select child_id from scored group by all having count(distinct person_id) > 1))
        as children_merged,
    (select count(distinct person_id) from scored where is_post_adoption) as persons_with_post_adoption_records
"""


@dataclass(frozen=True)
class LinkageQuality:
    """Pairwise and per-child linkage figures for the identified records."""

    records: int
    persons: int
    children: int
    linked_pairs: int
    true_pairs: int
    true_linked_pairs: int
    true_pairs_within_adoption_side: int
    true_linked_pairs_within_adoption_side: int
    children_split: int
    children_split_within_adoption_side: int
    children_merged: int
    persons_with_post_adoption_records: int

    @property
    def precision(self) -> float:
        return self.true_linked_pairs / self.linked_pairs if self.linked_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.true_linked_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def recall_excluding_adoption(self) -> float:
        """Recall over same-person pairs that do not straddle an adoption."""
        pairs = self.true_pairs_within_adoption_side
        return self.true_linked_pairs_within_adoption_side / pairs if pairs else 1.0

    def as_dict(self) -> dict[str, float | int]:
        figures: dict[str, float | int] = dict(asdict(self))
        figures.update(
            precision=self.precision,
            recall=self.recall,
            recall_excluding_adoption=self.recall_excluding_adoption,
        )
        return figures


def measure(db_path: Path, truth_dir: Path) -> LinkageQuality:
    """Score `intermediate.int_records_linked` of the warehouse at `db_path` against `truth_dir`."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        con.execute(
            _SCORED_SQL,
            [str(truth_dir / "record_person.csv"), str(truth_dir / "persons.csv")],
        )
        row = con.execute(_PAIRS_SQL).fetchone()
    finally:
        con.close()
    if row is None:
        raise RuntimeError("no linkage figures computed")
    return LinkageQuality(*(int(value or 0) for value in row))


def _report(quality: LinkageQuality) -> str:
    lines = [
        f"records scored (with an identifier): {quality.records:,}",
        f"true persons: {quality.persons:,}   linked children: {quality.children:,}",
        f"pairwise precision: {quality.precision:.5f}",
        f"pairwise recall: {quality.recall:.5f}",
        f"pairwise recall excluding pairs across an adoption: {quality.recall_excluding_adoption:.5f}",
        f"children split: {quality.children_split:,} "
        f"({quality.children_split_within_adoption_side:,} within one side of an adoption)",
        f"children merged: {quality.children_merged:,}",
        f"persons with post-adoption records: {quality.persons_with_post_adoption_records:,}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True, help="the built DuckDB warehouse")
    parser.add_argument("--truth", type=Path, required=True, help="the generator's truth folder")
    parser.add_argument("--min-precision", type=float, default=None)
    parser.add_argument("--min-recall", type=float, default=None)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    quality = measure(args.db, args.truth)
    print(json.dumps(quality.as_dict(), indent=2) if args.json else _report(quality))

    failures = []
    if args.min_precision is not None and quality.precision < args.min_precision:
        failures.append(f"precision {quality.precision:.5f} < {args.min_precision}")
    if args.min_recall is not None and quality.recall < args.min_recall:
        failures.append(f"recall {quality.recall:.5f} < {args.min_recall}")
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
