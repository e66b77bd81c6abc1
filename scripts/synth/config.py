"""Run options, recording mess rates and calibration targets.

Every tunable number of the generator that is not a behavioural weight of the
career model lives here, as frozen dataclasses, so that a run is fully
described by its :class:`RunConfig`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

#: first birth year of the simulated child population
FIRST_BIRTH_YEAR = 1967
#: SOSCARE records begin on this day; events before it are not recorded
RECORDS_START = dt.date(1985, 1, 1)
#: the truth is always simulated up to this day, whatever the reference date,
#: so that a later reference date shows the same world, later
HORIZON = dt.date(2030, 3, 31)
#: unscheduled care attendances are generated from this day on
UNSCHEDULED_CARE_START = dt.date(2012, 4, 1)

TRUSTS = ("BHSCT", "NHSCT", "SEHSCT", "SHSCT", "WHSCT")

#: default Trust exits from SOSCARE (move to Paris)
DEFAULT_TRUST_EXITS = {
    "SEHSCT": dt.date(2015, 4, 1),
    "NHSCT": dt.date(2017, 4, 1),
    "WHSCT": dt.date(2019, 4, 1),
}


def day_number(d: dt.date) -> int:
    """Days since 1970-01-01 (the integer date used throughout)."""
    return (d - dt.date(1970, 1, 1)).days


def days_of(values: np.ndarray) -> np.ndarray:
    """Convert an array of datetime64 to int32 day numbers."""
    return values.astype("datetime64[D]").astype(np.int64).astype(np.int32)


def years_of(days: np.ndarray) -> np.ndarray:
    """Calendar year of each day number."""
    return days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970


@dataclass(frozen=True)
class MessRates:
    """How the recording departs from the truth (all shares are per record
    or per cell, as noted).

    HCN: the share of records whose HCN is missing or invalid falls linearly
    from ``hcn_bad_early`` (events in 1985-1994) to ``hcn_bad_recent`` (events
    from 2010 on). Bad HCNs are split by ``hcn_bad_forms`` (blank, short,
    0000000000, 9999999999, failed check digit, out of the NI range). Valid
    HCNs are sometimes written with spaces or hyphens. For a share
    ``hcn_never_recorded`` of people the number never reaches their social care
    records at all (every one has a missing or invalid HCN), though health
    settings know it: the children CP-IS cannot flag.
    """

    hcn_bad_early: float = 0.40
    hcn_bad_recent: float = 0.07
    hcn_bad_forms: tuple[float, ...] = (0.50, 0.12, 0.07, 0.06, 0.15, 0.10)
    hcn_spaced: float = 0.05
    hcn_hyphen: float = 0.02
    #: per person: no social care record of theirs carries a valid HCN
    hcn_never_recorded: float = 0.01
    #: unscheduled care comes from another system with better HCN recording
    uc_hcn_bad: float = 0.03
    #: share of records before 1995 (and after) whose dates are DD/MM/YYYY
    legacy_date_early: float = 0.60
    legacy_date_late: float = 0.01
    #: share of abuse codes written N/P/S/E in records before 1995
    legacy_abuse_early: float = 0.70
    #: per date cell: the placeholder 1900-01-01, an impossible date
    placeholder_date: float = 0.002
    impossible_date: float = 0.0005
    #: per coded cell: a value not in the code list (a typo)
    unknown_code: float = 0.002
    #: per trust cell: differs in case or surrounding spaces; unknown value
    trust_varied: float = 0.15
    trust_unknown: float = 0.002
    #: per row: seq_no not an integer
    bad_seq_no: float = 0.001
    #: per row: written twice (an exact duplicate)
    duplicate: float = 0.005
    #: per line: wrong number of fields
    malformed: float = 1e-5
    #: share of records kept in 1985, rising linearly to 1 in 1995
    completeness_1985: float = 0.30
    completeness_full_year: int = 1995
    #: client postcodes: blank, or in another case/spacing
    postcode_blank: float = 0.03
    postcode_varied: float = 0.30
    #: client gender recorded U
    gender_unknown: float = 0.005


@dataclass(frozen=True)
class RunConfig:
    """Everything a run depends on."""

    out_dir: Path
    truth_dir: Path
    scale: float
    seed: int
    reference_date: dt.date
    gzip: bool = False
    quiet: bool = False
    trust_exits: dict[str, dt.date] = field(default_factory=lambda: dict(DEFAULT_TRUST_EXITS))
    mess: MessRates = field(default_factory=MessRates)


@dataclass(frozen=True)
class Target:
    """One published figure to compare the truth against."""

    figure: str
    target: float
    #: counts are multiplied by the scale; rates and ratios are not
    is_count: bool
    #: relative tolerance used by the tests at small scale
    tolerance: float


TARGETS: tuple[Target, ...] = (
    Target("child population 0-17 at mid-2015", 430_000, True, 0.10),
    Target("under-5 share of children 2015 (%)", 25.0, False, 0.15),
    Target("children referred in year to 31 Mar 2015", 38_418, True, 0.15),
    Target("police share of child referrals 2014/15 (%)", 38.0, False, 0.10),
    Target("CP registrations in year to 31 Mar 2015", 1_904, True, 0.25),
    Target("on CP register at 31 Mar 2015", 1_969, True, 0.25),
    Target("looked after at 31 Mar 2015", 2_875, True, 0.20),
    Target("looked after at 31 Mar 2018", 3_109, True, 0.20),
    Target("looked after at 31 Mar 2021", 3_530, True, 0.20),
    Target("looked after at 31 Mar 2024", 3_999, True, 0.20),
    Target("admissions to care 2023/24", 1_096, True, 0.30),
    Target("discharges from care 2023/24", 866, True, 0.30),
    Target("adoptions from care 2023/24", 97, True, 0.60),
    Target("neglect or physical, registrations 2023/24 (%)", 80.0, False, 0.10),
    Target("foster share of looked after 31 Mar 2023 (%)", 83.0, False, 0.08),
    Target("placed with parents share 31 Mar 2023 (%)", 7.0, False, 0.50),
    Target("residential share 31 Mar 2023 (%)", 6.0, False, 0.50),
    Target("in care under 1 year at 31 Mar 2024 (%)", 28.0, False, 0.35),
    Target("in care 5 years or more at 31 Mar 2024 (%)", 29.0, False, 0.35),
    Target("deprivation ratio D1/D10 referred 2014/15", 4.5, False, 0.30),
    Target("deprivation ratio D1/D10 on CP register 2015", 6.0, False, 0.45),
    Target("deprivation ratio D1/D10 looked after 2015", 6.0, False, 0.50),
    Target("under-18s 2015 ever referred by end 2015 (%)", 17.2, False, 0.35),
    Target("under-18s 2015 referred during 2015 (%)", 4.8, False, 1.00),
)


def stream(seed: int, name: str) -> np.random.Generator:
    """An independent random stream per named component, so that adding draws
    to one component never shifts another's (stable across Python runs)."""
    import zlib

    return np.random.default_rng(np.random.SeedSequence([seed, zlib.crc32(name.encode())]))
