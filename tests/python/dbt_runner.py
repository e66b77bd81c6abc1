"""Run dbt and the generator against a private warehouse, for the end-to-end tests.

Every call gets its own database file, target and log folders, so tests never
touch the analyst's warehouse (`data/soscare.duckdb`) or each other's.
"""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
SOURCES_YML = PROJECT_ROOT / "models" / "staging" / "soscare" / "_soscare__sources.yml"


def contract_columns() -> dict[str, list[str]]:
    """The raw contract as the project defines it: {file: [columns]} from the sources yml."""
    sources = yaml.safe_load(SOURCES_YML.read_text())["sources"]
    soscare = next(source for source in sources if source["name"] == "soscare")
    return {
        table["name"]: [c["name"] for c in table["columns"] if not c["name"].startswith("_")]
        for table in soscare["tables"]
    }


@dataclass
class Warehouse:
    """A private DuckDB warehouse under `root`, built from the raw files in `raw_dir`."""

    root: Path
    raw_dir: Path
    reference_date: str = "2024-03-31"
    extra_vars: dict[str, str] = field(default_factory=dict)

    @property
    def db_path(self) -> Path:
        return self.root / "warehouse.duckdb"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            SOSCARE_DB=str(self.db_path),
            DBT_TARGET_PATH=str(self.root / "target"),
            DBT_LOG_PATH=str(self.root / "logs"),
            DBT_PROFILES_DIR=str(PROJECT_ROOT),
            DBT_SEND_ANONYMOUS_USAGE_STATS="false",
        )
        return env

    def vars_arg(self) -> str:
        extra = "".join(f', {name}: "{value}"' for name, value in self.extra_vars.items())
        return f'{{raw_dir: "{self.raw_dir}", reference_date: "{self.reference_date}"{extra}}}'

    def dbt(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run `dbt <args> --vars ...` in the project; raise with dbt's output if it fails and check is set."""
        command = [str(VENV_BIN / "dbt"), *args, "--vars", self.vars_arg()]
        result = subprocess.run(
            command, cwd=PROJECT_ROOT, env=self.env(), capture_output=True, text=True, check=False
        )
        if check and result.returncode != 0:
            raise AssertionError(f"dbt {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def land(self, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run only the landing loader."""
        return self.dbt("run-operation", "land_raw_extracts", "--args", "{force: true}", check=check)


def generate(out: Path, scale: float, seed: int = 7, reference_date: str = "2024-03-31") -> None:
    """Write a synthetic world's raw files into `out` (its truth beside it)."""
    subprocess.run(
        [
            sys.executable,
            str(PROJECT_ROOT / "scripts" / "generate.py"),
            "--out", str(out),
            "--scale", str(scale),
            "--seed", str(seed),
            "--reference-date", reference_date,
            "--quiet",
        ],
        cwd=PROJECT_ROOT,
        check=True,
        capture_output=True,
    )
