"""The landing loader on damaged copies of real-looking (generated) extracts.

Covers the raw contract's rules: BOM and Windows line endings accepted; wrong
field counts, broken quoting and empty lines rejected with their line numbers
and never read into other columns; the rest of the file still read; columns
matched by name in any order; extra columns ignored and reported; gzip
accepted; a missing file, a missing column or a file present twice stops the
load with an error naming it.
"""
from __future__ import annotations

import csv
import gzip
import io
import shutil
from pathlib import Path

import duckdb
import pytest

from dbt_runner import Warehouse, contract_columns, generate


@pytest.fixture(scope="module")
def generated_raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("landing_world") / "raw"
    generate(out, scale=0.002, seed=11)
    return out


@pytest.fixture()
def raw_copy(generated_raw: Path, tmp_path: Path) -> Path:
    target = tmp_path / "raw"
    shutil.copytree(generated_raw, target)
    return target


def read_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def write_rows(path: Path, header: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def query(warehouse: Warehouse, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse.db_path), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_damaged_extract_is_read_line_by_line(raw_copy: Path, tmp_path: Path) -> None:
    referrals = raw_copy / "referrals.csv"
    header, rows = read_rows(referrals)
    assert len(rows) >= 10, "the generated world is too small to damage"
    reason = header.index("referral_reason")
    rows[0][reason] = 'OTHER, with "quotes"'  # a quoted comma and escaped quotes: a valid line
    hcn, sid = header.index("hcn"), header.index("soscare_id")
    rows[1][hcn] = ""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *rows])
    lines = buffer.getvalue().split("\r\n")[:-1]
    # an empty first field followed by a quoted one: both are fields
    fields = lines[2].split(",")
    assert fields[hcn] == "" and '"' not in lines[2]
    fields[sid] = f'"{fields[sid]}"'
    lines[2] = ",".join(fields)
    # physical lines 1 header, 2..4 good rows, then the damage, then the rest
    damage = [
        ",".join(rows[3][:3]),  # too few fields
        lines[4] + ",surplus",  # too many fields
        '"' + lines[5],  # an unterminated quote: must not swallow the lines after it
        "",  # an empty line
        lines[2] + ",surplus",  # too many fields, with an empty first field and a quoted one
    ]
    damaged = lines[:4] + damage + lines[4:]
    referrals.write_bytes(b"\xef\xbb\xbf" + ("\r\n".join(damaged) + "\r\n").encode("utf-8"))

    warehouse = Warehouse(tmp_path, raw_copy)
    warehouse.land()

    assert query(warehouse, "select data_lines, rows_loaded, rows_rejected from landing.load_log "
                            "where module = 'referrals'") == [(len(rows) + 5, len(rows), 5)]
    assert query(warehouse, "select line_no, reason from landing.rejects where module = 'referrals' "
                            "order by line_no") == [
        (5, "too_few_fields"), (6, "too_many_fields"), (7, "broken_quoting"), (8, "empty_line"),
        (9, "too_many_fields"),
    ]
    # the accepted rows keep their physical line numbers and their values
    loaded = query(warehouse, "select _line_no, hcn, soscare_id, referral_reason from raw.referrals order by _line_no")
    expected_lines = [2, 3, 4] + list(range(10, len(rows) + 7))
    assert [row[0] for row in loaded] == expected_lines
    for (line_no, got_hcn, got_sid, _), source in zip(loaded, rows):
        assert (got_hcn or "", got_sid or "") == (source[hcn], source[sid]), line_no
    assert loaded[0][3] == 'OTHER, with "quotes"'
    # the header's byte-order mark does not leak into the first column name
    assert query(warehouse, "select count(*) from raw.referrals where hcn is not null")[0][0] > 0


def test_columns_by_name_extra_columns_reported_and_gzip(raw_copy: Path, tmp_path: Path) -> None:
    registrations = raw_copy / "cp_registrations.csv"
    header, rows = read_rows(registrations)
    order = list(reversed(range(len(header))))
    write_rows(registrations, [header[i] for i in order] + ["extra_note"],
               [[row[i] for i in order] + ["note"] for row in rows])
    client = raw_copy / "client.csv"
    client_header, client_rows = read_rows(client)
    with gzip.open(raw_copy / "client.csv.gz", "wb") as handle:
        handle.write(client.read_bytes())
    client.unlink()

    warehouse = Warehouse(tmp_path, raw_copy)
    result = warehouse.land()

    assert "extra_note" in result.stdout
    assert query(warehouse, "select extra_columns from landing.load_log where module = 'cp_registrations'") == [
        ("extra_note",)
    ]
    first = rows[0]
    assert query(warehouse, "select registration_date, abuse_type_1 from raw.cp_registrations where _line_no = 2") == [
        (first[header.index("registration_date")] or None, first[header.index("abuse_type_1")] or None)
    ]
    assert query(warehouse, "select rows_loaded, source_file like '%.csv.gz' from landing.load_log "
                            "where module = 'client'") == [(len(client_rows), True)]
    # every contract file is landed and balanced
    counts = query(warehouse, "select module, data_lines = rows_loaded + rows_rejected from landing.load_log")
    assert sorted(module for module, _ in counts) == sorted(contract_columns())
    assert all(balanced for _, balanced in counts)


def test_missing_file_is_named(raw_copy: Path, tmp_path: Path) -> None:
    (raw_copy / "mental_health.csv").unlink()
    result = Warehouse(tmp_path, raw_copy).land(check=False)
    assert result.returncode != 0
    assert "mental_health.csv" in result.stdout and "'mental_health'" in result.stdout


def test_missing_column_is_named(raw_copy: Path, tmp_path: Path) -> None:
    referrals = raw_copy / "referrals.csv"
    header, rows = read_rows(referrals)
    drop = header.index("referral_date")
    write_rows(referrals, header[:drop] + header[drop + 1:], [row[:drop] + row[drop + 1:] for row in rows])
    result = Warehouse(tmp_path, raw_copy).land(check=False)
    assert result.returncode != 0
    assert "'referrals'" in result.stdout and "referral_date" in result.stdout


def test_file_present_twice_is_an_error(raw_copy: Path, tmp_path: Path) -> None:
    with gzip.open(raw_copy / "family.csv.gz", "wb") as handle:
        handle.write((raw_copy / "family.csv").read_bytes())
    result = Warehouse(tmp_path, raw_copy).land(check=False)
    assert result.returncode != 0
    assert "family.csv.gz" in result.stdout and "present twice" in result.stdout


def test_header_only_file_is_an_empty_module(raw_copy: Path, tmp_path: Path) -> None:
    header, _ = read_rows(raw_copy / "learning_disability.csv")
    write_rows(raw_copy / "learning_disability.csv", header, [])
    warehouse = Warehouse(tmp_path, raw_copy)
    warehouse.land()
    assert query(warehouse, "select data_lines, rows_loaded from landing.load_log "
                            "where module = 'learning_disability'") == [(0, 0)]
    assert query(warehouse, "select count(*) from raw.learning_disability") == [(0,)]


def test_raw_relations_are_views_or_tables(raw_copy: Path, tmp_path: Path) -> None:
    """By default raw.<file> is a view over the file; raw_relation: table copies the same rows in."""
    for folder in ("views", "tables", "bad"):
        (tmp_path / folder).mkdir()
    views = Warehouse(tmp_path / "views", raw_copy)
    views.land()
    tables = Warehouse(tmp_path / "tables", raw_copy, extra_vars={"raw_relation": "table"})
    tables.land()
    kinds = "select distinct table_type from information_schema.tables where table_schema = 'raw'"
    assert query(views, kinds) == [("VIEW",)]
    assert query(tables, kinds) == [("BASE TABLE",)]
    modules = sorted(contract_columns())
    for module in modules:
        rows = f"select * from raw.{module} order by _line_no"
        assert query(views, rows) == query(tables, rows), module
    log = "select module, data_lines, rows_loaded, rows_rejected from landing.load_log order by module"
    assert query(views, log) == query(tables, log)
    with pytest.raises(AssertionError, match="raw_relation must be 'view' or 'table'"):
        Warehouse(tmp_path / "bad", raw_copy, extra_vars={"raw_relation": "copy"}).land()
