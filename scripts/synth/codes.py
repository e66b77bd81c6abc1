"""Code lists read from the dbt seeds (the single source of truth).

The generator keeps its own weights per code, keyed by code; :meth:`CodeList.pick`
fails clearly when a weighted code is not in the seed file.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SEED_DIR = Path(__file__).resolve().parents[2] / "seeds" / "code_lists"


class CodeListError(ValueError):
    """A code the generator relies on is missing from a seed code list."""


@dataclass(frozen=True)
class CodeList:
    """One seed code list: current codes, and legacy codes by canonical code."""

    name: str
    codes: tuple[str, ...]
    legacy: dict[str, str]

    def index(self, code: str) -> int:
        """Position of a current code; raises :class:`CodeListError` if absent."""
        try:
            return self.codes.index(code)
        except ValueError:
            raise CodeListError(
                f"code {code!r} is not in seeds/code_lists/code_{self.name}.csv "
                f"(has: {', '.join(self.codes)})"
            ) from None

    def probabilities(self, weights: dict[str, float]) -> np.ndarray:
        """Probability per current code from weights keyed by code (others 0)."""
        p = np.zeros(len(self.codes))
        for code, w in weights.items():
            p[self.index(code)] = w
        if p.sum() <= 0:
            raise CodeListError(f"no positive weight for code list {self.name}")
        return p / p.sum()

    def pick(self, rng: np.random.Generator, n: int, weights: dict[str, float]) -> np.ndarray:
        """Draw n code indexes with the given weights."""
        return rng.choice(len(self.codes), size=n, p=self.probabilities(weights)).astype(np.int16)

    def vocab(self) -> np.ndarray:
        """Current codes as a bytes array (index = code index)."""
        return np.array(self.codes, dtype="S")


def load_code_list(name: str, seed_dir: Path = SEED_DIR) -> CodeList:
    """Read ``code_<name>.csv``: current codes in file order, legacy codes apart."""
    path = seed_dir / f"code_{name}.csv"
    if not path.exists():
        raise CodeListError(f"seed code list {path} is missing")
    codes: list[str] = []
    legacy: dict[str, str] = {}
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["is_legacy"].strip().lower() == "true":
                legacy[row["code"]] = row["canonical_code"]
            else:
                codes.append(row["code"])
    return CodeList(name, tuple(codes), legacy)


class Codes:
    """All code lists the generator uses, loaded once."""

    NAMES = (
        "abuse_type", "assessment_outcome", "closed_reason", "condition_type",
        "conference_outcome", "country_of_birth", "cpi_outcome", "deregistration_reason",
        "diagnosis_type", "disability_degree", "discharge_reason", "discharged_to",
        "episode_reason", "ethnicity", "gender", "learning_disability_type", "legal_status",
        "physical_disability_type", "placement_type", "reason_in_care", "referral_outcome",
        "referral_reason", "registration_reason", "rejection_reason", "relationship",
        "religion", "setting_type", "trust",
    )

    def __init__(self, seed_dir: Path = SEED_DIR) -> None:
        self.lists = {name: load_code_list(name, seed_dir) for name in self.NAMES}

    def __getitem__(self, name: str) -> CodeList:
        return self.lists[name]

    def idx(self, name: str, code: str) -> int:
        """Index of ``code`` in list ``name`` (fails clearly if absent)."""
        return self.lists[name].index(code)
