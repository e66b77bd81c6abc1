"""Snapshots keep history across extract releases (SCD type 2 on soscare_id:seq_no).

Builds two releases of one synthetic world (same seed, reference dates a year
apart) in turn into one warehouse and checks the snapshots against the raw
files: a registration or looked-after episode closed in the later release has
two versions (the open one closed when the closed one starts), and a record
identical in both releases has one.
"""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dbt_runner import Warehouse, generate

RELEASES = ("2023-03-31", "2024-03-31")
SEED = 1985
SNAPSHOTS = ("snp_soscare__client", "snp_soscare__cp_registrations", "snp_soscare__looked_after")
#: module, the column that a later release fills in when the record closes
CLOSING = {"cp_registrations": "deregistration_date", "looked_after": "discharge_date"}


def _build(root: Path, raw_dir: Path, reference_date: str) -> None:
    warehouse = Warehouse(root=root, raw_dir=raw_dir, reference_date=reference_date)
    selection = ("--select", "+path:snapshots", "--exclude", "resource_type:test", "resource_type:unit_test")
    warehouse.dbt("build", *selection)
    warehouse.dbt("test", "--select", "path:snapshots")


@pytest.fixture(scope="module")
def two_releases(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    """The warehouse after building release 1 then release 2; the raw folders by reference date."""
    root = tmp_path_factory.mktemp("snapshots")
    raw_dirs = {date: root / date / "raw" for date in RELEASES}
    for date in RELEASES:
        generate(raw_dirs[date], scale=0.01, seed=SEED, reference_date=date)
    first = Warehouse(root=root, raw_dir=raw_dirs[RELEASES[0]], reference_date=RELEASES[0])
    _build(root, raw_dirs[RELEASES[0]], RELEASES[0])
    with duckdb.connect(str(first.db_path), read_only=True) as con:
        for snapshot in SNAPSHOTS:
            versions, keys, current = con.execute(
                f"select count(*), count(distinct snapshot_key), count(*) filter (where dbt_valid_to is null) "
                f"from snapshots.{snapshot}"
            ).fetchone() or (0, 0, 0)
            assert versions == keys == current > 0, f"{snapshot} after the first release"
    _build(root, raw_dirs[RELEASES[1]], RELEASES[1])
    return first.db_path, raw_dirs


#: per well-keyed soscare_id:seq_no of a raw file, all its distinct rows as one text
_KEYED_ROWS = """
    select
        trim(soscare_id) || ':' || cast(try_cast(trim(seq_no) as integer) as varchar) as snapshot_key,
        string_agg(cast(raw as varchar), ' | ' order by cast(raw as varchar)) as row_set
    from (select distinct * from read_csv('{path}', all_varchar = true, header = true)) as raw
    where try_cast(trim(seq_no) as integer) is not null and trim(soscare_id) <> ''
    group by 1
"""


def _raw_keys(con: duckdb.DuckDBPyConnection, path: Path, where: str) -> set[str]:
    """soscare_id:seq_no of the unique, well-keyed records of a raw file matching `where`."""
    rows = con.execute(
        f"""
        with raw as (select distinct * from read_csv('{path}', all_varchar = true, header = true))
        select trim(soscare_id) || ':' || cast(cast(trim(seq_no) as integer) as varchar)
        from raw
        where try_cast(trim(seq_no) as integer) is not null and trim(soscare_id) <> ''
        group by all
        having count(*) = 1 and bool_and({where})
        """
    ).fetchall()
    return {str(row[0]) for row in rows}


@pytest.mark.parametrize("module", sorted(CLOSING))
def test_a_closed_record_has_two_versions(two_releases: tuple[Path, dict[str, Path]], module: str) -> None:
    db_path, raw_dirs = two_releases
    closing = CLOSING[module]
    with duckdb.connect() as raw:
        open_before = _raw_keys(raw, raw_dirs[RELEASES[0]] / f"{module}.csv", f"{closing} is null")
        closed_after = _raw_keys(raw, raw_dirs[RELEASES[1]] / f"{module}.csv", f"{closing} is not null")
    closed = open_before & closed_after
    assert closed, f"the later release closes no {module} record: nothing to check"
    with duckdb.connect(str(db_path), read_only=True) as con:
        history = con.execute(
            f"""
            select
                snapshot_key,
                count(*) as versions,
                count(*) filter (where dbt_valid_to is null) as current_versions,
                bool_or(dbt_valid_to is null and {closing} is not null) as current_is_closed,
                bool_or(dbt_valid_to is not null and {closing} is null) as old_is_open,
                max(dbt_valid_to) = max(dbt_valid_from) as versions_meet
            from snapshots.snp_soscare__{module}
            where list_contains(?, snapshot_key)
            group by snapshot_key
            """,
            [sorted(closed)],
        ).fetchall()
    assert {row[0] for row in history} == closed
    for key, versions, current_versions, current_is_closed, old_is_open, versions_meet in history:
        assert (versions, current_versions) == (2, 1), key
        assert current_is_closed and old_is_open and versions_meet, key


@pytest.mark.parametrize("module", ["client", *sorted(CLOSING)])
def test_an_unchanged_record_has_one_version(two_releases: tuple[Path, dict[str, Path]], module: str) -> None:
    db_path, raw_dirs = two_releases
    with duckdb.connect() as raw:
        files = [raw_dirs[date] / f"{module}.csv" for date in RELEASES]
        unchanged = raw.execute(
            f"""
            with
            first as ({_KEYED_ROWS.format(path=files[0])}),
            second as ({_KEYED_ROWS.format(path=files[1])})
            select snapshot_key from first inner join second using (snapshot_key)
            where first.row_set = second.row_set
            """
        ).fetchall()
    unchanged_keys = sorted(str(row[0]) for row in unchanged)
    assert len(unchanged_keys) > 100
    with duckdb.connect(str(db_path), read_only=True) as con:
        multi = con.execute(
            f"select snapshot_key from snapshots.snp_soscare__{module} "
            "where list_contains(?, snapshot_key) group by 1 having count(*) <> 1 or bool_or(dbt_valid_to is not null)",
            [unchanged_keys],
        ).fetchall()
    assert multi == []
