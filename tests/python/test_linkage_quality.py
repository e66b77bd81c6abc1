"""Identity resolution against the generator's truth, on a small private warehouse.

Generates a synthetic world at scale 0.01, builds the models identity
resolution needs (seeds, staging, `int_records_unioned`, `int_records_linked`)
into a temporary DuckDB file, and scores the linkage with
`scripts/linkage_quality.py`: pairwise precision at least 0.995 and recall at
least 0.98 (the goal at scale 1), no children merged.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from dbt_runner import Warehouse, generate
from linkage_quality import LinkageQuality, main, measure

MIN_PRECISION = 0.995
MIN_RECALL = 0.98


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Warehouse, Path]:
    root = tmp_path_factory.mktemp("linkage_world")
    raw_dir = root / "raw"
    generate(raw_dir, scale=0.01, seed=1)
    warehouse = Warehouse(root=root, raw_dir=raw_dir)
    warehouse.dbt(
        "build",
        "--select", "+int_records_linked",
        "--exclude-resource-type", "test",
        "--exclude-resource-type", "unit_test",
    )
    return warehouse, root / "truth"


@pytest.fixture(scope="module")
def quality(built: tuple[Warehouse, Path]) -> LinkageQuality:
    warehouse, truth_dir = built
    return measure(warehouse.db_path, truth_dir)


def test_linkage_scores_the_identified_records(quality: LinkageQuality) -> None:
    assert quality.records > 1_000
    assert quality.persons > 100
    assert quality.true_pairs > 0


def test_pairwise_precision(quality: LinkageQuality) -> None:
    assert quality.precision >= MIN_PRECISION, quality.as_dict()


def test_pairwise_recall(quality: LinkageQuality) -> None:
    assert quality.recall >= MIN_RECALL, quality.as_dict()
    # pairs across an adoption are the only ones the rule cannot link
    assert quality.recall_excluding_adoption >= quality.recall


def test_no_children_merged(quality: LinkageQuality) -> None:
    assert quality.children_merged == 0, quality.as_dict()


def test_command_line_enforces_thresholds(built: tuple[Warehouse, Path]) -> None:
    warehouse, truth_dir = built
    args = ["--db", str(warehouse.db_path), "--truth", str(truth_dir)]
    assert main([*args, "--min-precision", str(MIN_PRECISION), "--min-recall", str(MIN_RECALL)]) == 0
    assert main([*args, "--min-recall", "1.01"]) == 1
