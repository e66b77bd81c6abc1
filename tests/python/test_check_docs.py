"""scripts/check_docs.py on a small hand-made manifest/catalog pair."""
from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import check_docs

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _node(kind: str, name: str, description: str, columns: dict[str, str] | None = None) -> dict[str, Any]:
    return {
        "unique_id": f"{kind}.soscare.{name}",
        "resource_type": kind,
        "package_name": "soscare",
        "name": name,
        "description": description,
        "columns": {col: {"name": col, "description": text} for col, text in (columns or {}).items()},
    }


def _catalog_entry(unique_id: str, columns: list[str]) -> dict[str, Any]:
    return {
        "unique_id": unique_id,
        "columns": {col: {"name": col, "type": "VARCHAR", "index": i + 1} for i, col in enumerate(columns)},
    }


@pytest.fixture()
def documented() -> tuple[dict[str, Any], dict[str, Any]]:
    """A fully documented project, with dbt's own macros and a test left undescribed."""
    model = _node("model", "stg_x", "A model.", {"record_id": "Key.", "hcn": "HCN."})
    seed = _node("seed", "code_trust", "Trusts.", {"code": "Code.", "description": "Text."})
    snapshot = _node("snapshot", "snap_client", "History.", {"soscare_id": "Id.", "dbt_valid_to": "To."})
    test = _node("test", "not_null_stg_x_hcn", "")
    source = _node("source", "referrals", "Raw referrals.", {"hcn": "Raw HCN."})
    source["unique_id"] = "source.soscare.soscare.referrals"
    source["source_name"] = "soscare"
    own_macro = _node("macro", "clean_date", "Cleans a date.")
    dbt_macro = {**_node("macro", "dbt_is_incremental", ""), "package_name": "dbt", "unique_id": "macro.dbt.x"}
    exposure = _node("exposure", "report", "The report.")
    manifest = {
        "metadata": {"project_name": "soscare"},
        "nodes": {n["unique_id"]: n for n in (model, seed, snapshot, test)},
        "sources": {source["unique_id"]: source},
        "macros": {m["unique_id"]: m for m in (own_macro, dbt_macro)},
        "exposures": {exposure["unique_id"]: exposure},
    }
    catalog = {
        "nodes": {
            model["unique_id"]: _catalog_entry(model["unique_id"], ["record_id", "hcn"]),
            seed["unique_id"]: _catalog_entry(seed["unique_id"], ["code", "description"]),
            snapshot["unique_id"]: _catalog_entry(snapshot["unique_id"], ["soscare_id", "dbt_valid_to"]),
        },
        "sources": {source["unique_id"]: _catalog_entry(source["unique_id"], ["hcn"])},
    }
    return manifest, catalog


def _write(tmp_path: Path, manifest: dict[str, Any], catalog: dict[str, Any]) -> Path:
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    (tmp_path / "catalog.json").write_text(json.dumps(catalog))
    return tmp_path


def test_fully_documented_passes(tmp_path: Path, documented: tuple[dict[str, Any], dict[str, Any]]) -> None:
    manifest, catalog = documented
    report = check_docs.check(manifest, catalog)
    assert all(not cov.missing for cov in report.values())
    assert report["model"].described == 1
    assert report["model column"].described == 2
    assert report["macro"].total == 1  # dbt's own macro ignored
    assert check_docs.main([str(_write(tmp_path, manifest, catalog))]) == 0


def test_every_kind_of_gap_is_named(tmp_path: Path, documented: tuple[dict[str, Any], dict[str, Any]]) -> None:
    manifest, catalog = copy.deepcopy(documented)
    manifest["nodes"]["model.soscare.stg_x"]["description"] = "  "
    manifest["nodes"]["seed.soscare.code_trust"]["columns"]["description"]["description"] = ""
    manifest["sources"]["source.soscare.soscare.referrals"]["description"] = ""
    manifest["macros"]["macro.soscare.clean_date"]["description"] = ""
    manifest["exposures"]["exposure.soscare.report"]["description"] = ""
    # A column the database has but no yml declares counts as undocumented.
    catalog["nodes"]["model.soscare.stg_x"]["columns"]["hcn_issue"] = {"name": "hcn_issue", "type": "VARCHAR"}
    report = check_docs.check(manifest, catalog)
    missing = {name for cov in report.values() for name in cov.missing}
    assert missing == {
        "model stg_x",
        "column stg_x.hcn_issue",
        "column code_trust.description",
        "source soscare.referrals",
        "macro clean_date",
        "exposure report",
    }
    result = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "scripts" / "check_docs.py"), str(_write(tmp_path, manifest, catalog))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "column stg_x.hcn_issue" in result.stdout
    assert "model column     2/3 described (66.7%)" in result.stdout


def test_column_names_match_case_insensitively(documented: tuple[dict[str, Any], dict[str, Any]]) -> None:
    manifest, catalog = copy.deepcopy(documented)
    columns = catalog["nodes"]["model.soscare.stg_x"]["columns"]
    columns["HCN"] = columns.pop("hcn")
    assert not check_docs.check(manifest, catalog)["model column"].missing


def test_unbuilt_relations_fall_back_to_declared_columns(documented: tuple[dict[str, Any], dict[str, Any]]) -> None:
    manifest, catalog = copy.deepcopy(documented)
    del catalog["nodes"]["model.soscare.stg_x"]
    manifest["nodes"]["model.soscare.stg_x"]["columns"]["hcn"]["description"] = ""
    report = check_docs.check(manifest, catalog)
    assert report["model column"].missing == ["column stg_x.hcn"]
    assert check_docs.not_in_catalog(manifest, catalog) == ["stg_x"]


def test_missing_artefacts_exit_2(tmp_path: Path) -> None:
    assert check_docs.main([str(tmp_path)]) == 2
