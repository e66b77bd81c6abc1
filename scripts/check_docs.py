"""Docs coverage check: every documented resource of the project has a description.

Reads dbt's `manifest.json` and `catalog.json` (written by `dbt docs generate`)
and lists every model, source, seed, snapshot, macro and exposure of the project
without a description, and every column without one. Columns of models, seeds,
snapshots and sources are taken from the catalog (what the database really
holds), so a column that exists but is not declared in a yml counts as missing.
dbt's own macros (another package) and tests are ignored.

Usage: ``check_docs.py [TARGET_DIR]`` or
``check_docs.py --manifest PATH --catalog PATH``. Prints coverage per resource
type; exits 1 naming everything undocumented, 0 when all is described, 2 when
an artefact is missing.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: resource types whose own description is checked, in report order
RESOURCE_TYPES: tuple[str, ...] = ("model", "source", "seed", "snapshot", "macro", "exposure")
#: resource types whose columns are checked against the catalog
COLUMN_PARENTS: tuple[str, ...] = ("model", "seed", "snapshot", "source")


@dataclass
class Coverage:
    """Described and undescribed items of one kind (e.g. `model` or `model column`)."""

    described: int = 0
    missing: list[str] = field(default_factory=list)

    def add(self, name: str, description: object) -> None:
        """Count `name` as described when `description` is non-blank text."""
        if isinstance(description, str) and description.strip():
            self.described += 1
        else:
            self.missing.append(name)

    @property
    def total(self) -> int:
        return self.described + len(self.missing)


def _load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _resources(manifest: dict[str, Any], project: str) -> list[dict[str, Any]]:
    """The project's own models, seeds, snapshots, sources, macros and exposures."""
    candidates = [
        *manifest.get("nodes", {}).values(),
        *manifest.get("sources", {}).values(),
        *manifest.get("macros", {}).values(),
        *manifest.get("exposures", {}).values(),
    ]
    return [
        resource
        for resource in candidates
        if resource.get("resource_type") in RESOURCE_TYPES and resource.get("package_name") == project
    ]


def _label(resource: dict[str, Any]) -> str:
    if resource["resource_type"] == "source":
        return f"{resource['source_name']}.{resource['name']}"
    return str(resource["name"])


def check(manifest: dict[str, Any], catalog: dict[str, Any]) -> dict[str, Coverage]:
    """Coverage per kind: the resource types, then `<type> column` for columns."""
    project = manifest.get("metadata", {}).get("project_name") or "soscare"
    catalog_entries: dict[str, Any] = {**catalog.get("nodes", {}), **catalog.get("sources", {})}
    report: dict[str, Coverage] = {kind: Coverage() for kind in RESOURCE_TYPES}
    report.update({f"{kind} column": Coverage() for kind in COLUMN_PARENTS})
    for resource in sorted(_resources(manifest, project), key=lambda r: str(r["unique_id"])):
        kind = resource["resource_type"]
        label = _label(resource)
        report[kind].add(f"{kind} {label}", resource.get("description"))
        if kind not in COLUMN_PARENTS:
            continue
        declared = {name.lower(): col for name, col in (resource.get("columns") or {}).items()}
        entry = catalog_entries.get(resource["unique_id"])
        # Not built (e.g. ephemeral): only the declared columns can be checked.
        names = list(entry["columns"]) if entry else list(declared)
        for name in names:
            description = declared.get(name.lower(), {}).get("description")
            report[f"{kind} column"].add(f"column {label}.{name}", description)
    return report


def not_in_catalog(manifest: dict[str, Any], catalog: dict[str, Any]) -> list[str]:
    """Project relations the catalog lacks (not built): only their declared columns were checked."""
    project = manifest.get("metadata", {}).get("project_name") or "soscare"
    known = {*catalog.get("nodes", {}), *catalog.get("sources", {})}
    return sorted(
        _label(resource)
        for resource in _resources(manifest, project)
        if resource["resource_type"] in COLUMN_PARENTS
        and resource["unique_id"] not in known
        and resource.get("config", {}).get("materialized") != "ephemeral"
    )


def format_report(report: dict[str, Coverage]) -> str:
    """Coverage lines per kind, then every undocumented item."""
    lines = ["docs coverage:"]
    for kind, coverage in report.items():
        if coverage.total == 0:
            lines.append(f"  {kind:<16} -")
            continue
        percent = 100 * coverage.described / coverage.total
        lines.append(f"  {kind:<16} {coverage.described}/{coverage.total} described ({percent:.1f}%)")
    missing = [name for coverage in report.values() for name in coverage.missing]
    if missing:
        lines.append(f"{len(missing)} without a description:")
        lines.extend(f"  {name}" for name in missing)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the check; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", nargs="?", default="target", type=Path, help="dbt target folder (default: target)")
    parser.add_argument("--manifest", type=Path, help="manifest.json (default: TARGET/manifest.json)")
    parser.add_argument("--catalog", type=Path, help="catalog.json (default: TARGET/catalog.json)")
    args = parser.parse_args(argv)
    manifest_path: Path = args.manifest or args.target / "manifest.json"
    catalog_path: Path = args.catalog or args.target / "catalog.json"
    for path in (manifest_path, catalog_path):
        if not path.is_file():
            print(f"check_docs: {path} not found; run `dbt docs generate` first", file=sys.stderr)
            return 2
    manifest, catalog = _load(manifest_path), _load(catalog_path)
    report = check(manifest, catalog)
    print(format_report(report))
    unbuilt = not_in_catalog(manifest, catalog)
    if unbuilt:
        print(f"note: not in the catalog (not built?), declared columns checked only: {', '.join(unbuilt)}")
    return 1 if any(coverage.missing for coverage in report.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
