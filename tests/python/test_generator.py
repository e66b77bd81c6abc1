"""Tests of the synthetic data generator (scripts/synth, scripts/generate.py)."""
from __future__ import annotations

import csv
import datetime as dt
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from synth import hcn
from synth.calibration import figures
from synth.codes import CodeListError, Codes, load_code_list
from synth.config import DEFAULT_TRUST_EXITS, HORIZON, TARGETS, MessRates, RunConfig
from synth.pipeline import ALL_FILES, run
from synth.population import population_counts
from synth.recording import Recorder
from synth.world import build_world

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "docs" / "contract" / "raw_extracts.md"
REFERENCE = dt.date(2024, 3, 31)
SCALE = 0.02
SEED = 11


def _generate(tmp: Path, reference: dt.date = REFERENCE, **kw) -> RunConfig:
    cfg = RunConfig(out_dir=tmp / "raw", truth_dir=tmp / "truth", scale=SCALE, seed=SEED,
                    reference_date=reference, quiet=True, **kw)
    run(cfg)
    return cfg


@pytest.fixture(scope="module")
def world_dir(tmp_path_factory) -> Path:
    return _generate(tmp_path_factory.mktemp("a")).out_dir.parent


def _rows(path: Path) -> list[dict[str, str]]:
    """Data rows with their physical line number (``_line``); malformed lines left out."""
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        rows = []
        for row in reader:
            if None in row or None in row.values():
                continue
            row["_line"] = str(reader.line_num)
            rows.append(row)
        return rows


def _parse(text: str) -> dt.date | None:
    """A raw date in either accepted format, None if blank or impossible."""
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    return None


def _contract_columns() -> dict[str, list[str]]:
    """Module and reference file columns, read from the contract document."""
    out = {}
    for line in CONTRACT.read_text().splitlines():
        m = re.match(r"\| `(\w+)` \| ([^|]+) \|", line)
        if m and m.group(1) in ALL_FILES:
            cols = re.sub(r"\([^)]*\)", "", m.group(2))
            out[m.group(1)] = [c.strip() for c in cols.split(",")]
    return out


# HCN ------------------------------------------------------------------------------

def test_issued_hcns_are_valid_distinct_and_in_range():
    numbers = hcn.issue(np.arange(0, 300_000) * 97)
    assert len(np.unique(numbers)) == len(numbers)
    assert hcn.is_valid_array(numbers.astype("S10")).all()
    nine = numbers // 10
    assert ((nine >= hcn.NI_LOW) & (nine <= hcn.NI_HIGH)).all()
    assert all(hcn.is_valid(str(x)) for x in numbers[:2000])


def test_modulus_11_rule_by_hand():
    # 943 476 5919 is the NHS documentation example: weights 10..2, check 9
    assert int(hcn.check_digit(np.array([943476591]))[0]) == 9
    assert not hcn.is_valid("9434765919")  # valid check digit but outside the NI range
    valid = str(hcn.issue(np.array([5]))[0])
    assert hcn.is_valid(valid)
    assert hcn.is_valid(f"{valid[:3]} {valid[3:6]} {valid[6:]}")
    assert hcn.is_valid(f"{valid[:3]}-{valid[3:6]}-{valid[6:]}")
    assert not hcn.is_valid(valid[:-1] + str((int(valid[-1]) + 1) % 10))
    for bad in ("", "0000000000", "9999999999", valid[:9], "32000000010"):
        assert not hcn.is_valid(bad)


def test_recorded_hcns_valid_exactly_when_marked_valid(tmp_path):
    codes = Codes()
    cfg = RunConfig(out_dir=tmp_path, truth_dir=tmp_path, scale=SCALE, seed=1, reference_date=REFERENCE)
    world = build_world(3, 0.005, codes)
    rec = Recorder(cfg, world.persons, world.areas, codes, world.adopted_on)
    numbers = hcn.issue(np.arange(50_000))
    values, bad = rec.hcns(numbers, np.full(len(numbers), 0.5), np.random.default_rng(0))
    valid = hcn.is_valid_array(values)
    assert 0.45 < bad.mean() < 0.55
    assert (valid == ~bad).all()
    assert all(hcn.is_valid(v.decode()) for v in values[~bad][:3000])
    assert not any(hcn.is_valid(v.decode()) for v in values[bad][:3000])
    kinds = {v for v in values[bad].tolist() if v in (b"", b"0000000000", b"9999999999")}
    assert kinds == {b"", b"0000000000", b"9999999999"}
    assert any(b" " in v for v in values[~bad].tolist()) and any(b"-" in v for v in values[~bad].tolist())


# files and contract -------------------------------------------------------------------

def test_every_contract_file_with_exact_columns(world_dir):
    contract = _contract_columns()
    assert set(contract) == set(ALL_FILES) and len(ALL_FILES) == 18
    for name, columns in contract.items():
        with (world_dir / "raw" / f"{name}.csv").open(newline="", encoding="utf-8") as f:
            assert next(csv.reader(f)) == columns, name


def test_one_physical_line_per_record_and_truth_lines(world_dir):
    links = _rows(world_dir / "truth" / "record_person.csv")
    by_module = Counter(r["module"] for r in links)
    malformed = {(r["module"], int(r["line_no"])) for r in links if r["malformed"] == "1"}
    n_persons = sum(1 for _ in (world_dir / "truth" / "persons.csv").open()) - 1
    assert max(int(r["person_id"]) for r in links) < n_persons
    for name in ALL_FILES:
        raw = (world_dir / "raw" / f"{name}.csv").read_bytes()
        assert raw.endswith(b"\n") and b"\r" not in raw
        lines = raw.decode("utf-8").split("\n")[:-1]
        records = list(csv.reader(lines))
        width = len(records[0])
        for i, fields in enumerate(records[1:], start=2):
            assert (len(fields) != width) == ((name, i) in malformed), (name, i)
        if name not in ("soa_deprivation", "postcode_soa", "population"):
            assert by_module[name] == len(lines) - 1, name
    assert by_module["referrals"] > 1000


def test_same_arguments_give_identical_files(world_dir, tmp_path):
    cfg = _generate(tmp_path)
    for folder in ("raw", "truth"):
        names = sorted(p.name for p in (world_dir / folder).iterdir())
        assert names == sorted(p.name for p in (tmp_path / folder).iterdir())
        for name in names:
            assert (world_dir / folder / name).read_bytes() == (cfg.out_dir.parent / folder / name).read_bytes(), name


def test_gzip_output_is_deterministic(tmp_path):
    import gzip

    a = _generate(tmp_path / "a", gzip=True)
    b = _generate(tmp_path / "b", gzip=True)
    files = sorted(a.out_dir.iterdir())
    assert len(files) == 18 and all(f.name.endswith(".csv.gz") for f in files)
    for f in files:
        assert f.read_bytes() == (b.out_dir / f.name).read_bytes()
    assert gzip.decompress((a.out_dir / "referrals.csv.gz").read_bytes()).startswith(b"hcn,soscare_id,")


def test_later_reference_date_is_the_same_world_later(world_dir, tmp_path):
    later = _generate(tmp_path, reference=dt.date(2026, 3, 31))

    def events(folder: Path) -> Counter:
        return Counter((r["soscare_id"], r["referral_date"], r["referral_reason"], r["seq_no"])
                       for r in _rows(folder / "referrals.csv")
                       if (d := _parse(r["referral_date"])) and 1900 < d.year and d <= REFERENCE)
    assert events(world_dir / "raw") == events(later.out_dir)
    early = _rows(world_dir / "raw" / "unscheduled_care.csv")
    assert _rows(later.out_dir / "unscheduled_care.csv")[:len(early)] == early
    assert max(_parse(r["referral_date"]) or dt.date.min for r in _rows(world_dir / "raw" / "referrals.csv")) <= REFERENCE


def test_default_truth_folder_beside_out(tmp_path):
    out = tmp_path / "x" / "raw"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "generate.py"), "--out", str(out),
                    "--scale", "0.002", "--seed", "2", "--reference-date", "2020-03-31", "--quiet"],
                   check=True, cwd=ROOT, capture_output=True)
    assert (tmp_path / "x" / "truth" / "record_person.csv").exists()
    assert not (out / "truth").exists() and len(list(out.iterdir())) == 18


# codes -------------------------------------------------------------------------------

def test_weighted_code_missing_from_seed_fails_clearly(tmp_path):
    (tmp_path / "code_trust.csv").write_text("code,canonical_code,label,description,is_legacy\n"
                                            "BHSCT,BHSCT,Belfast,,false\n")
    codes = load_code_list("trust", tmp_path)
    with pytest.raises(CodeListError, match="NHSCT"):
        codes.probabilities({"BHSCT": 1, "NHSCT": 1})


def test_coded_values_come_from_the_seeds(world_dir):
    checks = {("referrals", "referral_reason"): "referral_reason",
              ("looked_after", "placement_type"): "placement_type",
              ("cp_registrations", "abuse_type_1"): "abuse_type",
              ("client", "religion"): "religion"}
    for (module, column), list_name in checks.items():
        cl = load_code_list(list_name)
        values = [r[column] for r in _rows(world_dir / "raw" / f"{module}.csv") if r[column]]
        unknown = sum(v not in cl.codes and v not in cl.legacy for v in values)
        assert unknown / len(values) < 0.02, (module, column)
    legacy = [r for r in _rows(world_dir / "raw" / "cp_registrations.csv") if r["abuse_type_1"] in "NPSE"]
    assert legacy and all(_parse(r["registration_date"]).year < 1995 for r in legacy)


# mess -------------------------------------------------------------------------------

def test_hcn_missing_share_falls_over_time(world_dir):
    rows = _rows(world_dir / "raw" / "referrals.csv")
    early = [r["hcn"] for r in rows if (d := _parse(r["referral_date"])) and d.year < 1995]
    recent = [r["hcn"] for r in rows if (d := _parse(r["referral_date"])) and d.year >= 2010]
    bad_early = 1 - hcn.is_valid_array(np.array(early)).mean()
    bad_recent = 1 - hcn.is_valid_array(np.array(recent)).mean()
    assert 0.33 < bad_early < 0.47 and 0.05 < bad_recent < 0.10
    assert sum(h == "" for h in early) > sum(h in ("0000000000", "9999999999") for h in early) > 0


def test_legacy_dates_duplicates_and_placeholders(world_dir):
    rows = _rows(world_dir / "raw" / "referrals.csv")
    early = [r["referral_date"] for r in rows if (d := _parse(r["referral_date"])) and d.year < 1995]
    late = [r["referral_date"] for r in rows if (d := _parse(r["referral_date"])) and d.year >= 1995]
    assert 0.5 < np.mean(["/" in d for d in early]) < 0.7
    assert np.mean(["/" in d for d in late]) < 0.03
    lines = (world_dir / "raw" / "referrals.csv").read_text().splitlines()[1:]
    dup_share = 1 - len(set(lines)) / len(lines)
    assert 0.002 < dup_share < 0.009
    dates = [r[c] for r in rows for c in ("allocated_date", "closed_date") if r[c]]
    assert 0 < sum(d == "1900-01-01" for d in dates) / len(dates) < 0.006


def test_adult_referrals_are_present_and_adults(world_dir):
    rows = _rows(world_dir / "raw" / "referrals.csv")
    person_of = {r["line_no"]: r["person_id"] for r in _rows(world_dir / "truth" / "record_person.csv")
                 if r["module"] == "referrals"}
    persons = {r["person_id"]: r for r in _rows(world_dir / "truth" / "persons.csv")}
    adult = child = 0
    for row in rows:
        d = _parse(row["referral_date"])
        if d is None or d.year == 1900:
            continue
        born = dt.date.fromisoformat(persons[person_of[row["_line"]]]["birth_date"])
        is_adult = (d.year - born.year - ((d.month, d.day) < (born.month, born.day))) >= 18
        adult += is_adult
        child += not is_adult
        if row["referral_reason"] == "ADULT_SERVICES":
            assert is_adult
    assert 0.02 < adult / (adult + child) < 0.15


def test_exited_trusts_have_no_records_after_exit(world_dir):
    events = {"referrals": "referral_date", "children_in_need": "referral_date",
              "cp_investigations": "cpi_referral_date", "cp_conferences": "conference_date",
              "cp_registrations": "registration_date", "looked_after": "episode_start_date",
              "client41": "start_date"}
    seen_before = Counter()
    for module, column in events.items():
        for r in _rows(world_dir / "raw" / f"{module}.csv"):
            trust, d = r["trust"].strip().upper(), _parse(r[column])
            if trust in DEFAULT_TRUST_EXITS and d is not None and d.year > 1900:
                assert d < DEFAULT_TRUST_EXITS[trust], (module, r)
                seen_before[trust] += d >= DEFAULT_TRUST_EXITS[trust] - dt.timedelta(days=730)
            for col in r:
                if col.endswith("_date") and col != "_line" and trust in DEFAULT_TRUST_EXITS and (e := _parse(r[col])):
                    assert e < DEFAULT_TRUST_EXITS[trust] or e.year == 1900
    assert all(seen_before[t] > 0 for t in DEFAULT_TRUST_EXITS)


def test_trust_values_vary_in_case_and_spacing(world_dir):
    values = Counter(r["trust"] for r in _rows(world_dir / "raw" / "referrals.csv"))
    canonical = {"BHSCT", "NHSCT", "SEHSCT", "SHSCT", "WHSCT"}
    varied = sum(n for v, n in values.items() if v not in canonical and v.strip().upper() in canonical)
    total = sum(values.values())
    assert 0.10 < varied / total < 0.20


def test_sparse_early_years(world_dir):
    rows = _rows(world_dir / "raw" / "referrals.csv")
    years = Counter(_parse(r["referral_date"]).year for r in rows if _parse(r["referral_date"]))
    assert years[1986] < 0.6 * years[1996]


def test_population_counts_agree_with_people(world_dir):
    pop = Counter()
    for r in _rows(world_dir / "raw" / "population.csv"):
        pop[int(r["year"])] += int(r["population"])
    persons = _rows(world_dir / "truth" / "persons.csv")
    for year in (1970, 2015, 2024):
        mid = dt.date(year, 6, 30)
        count = 0
        for p in persons:
            if p["is_adult_only"] == "1":
                continue
            born = dt.date.fromisoformat(p["birth_date"])
            age = mid.year - born.year - ((mid.month, mid.day) < (born.month, born.day))
            arrived = dt.date.fromisoformat(p["arrival_date"]) <= mid
            gone = p["departure_date"] and dt.date.fromisoformat(p["departure_date"]) <= mid
            count += 0 <= age <= 17 and arrived and not gone
        assert pop[year] == count
    assert min(pop) == 1967 and max(pop) == REFERENCE.year


# calibration -------------------------------------------------------------------------

def test_calibration_within_tolerance_at_small_scale():
    """Counts scaled by the scale, rates as they are. Figures resting on very
    few children at this scale are checked for direction only."""
    scale = 0.1
    codes = Codes()
    world = build_world(5, scale, codes)
    years = np.arange(1967, HORIZON.year + 1)
    values = figures(world, codes, population_counts(world.persons, world.areas, years), years)
    failures = []
    for t in TARGETS:
        target = t.target * scale if t.is_count else t.target
        if t.is_count and target < 60 or t.figure.startswith("under-18s 2015 referred during"):
            continue  # too few events at this scale / known to conflict with the referral count
        if t.figure.startswith(("deprivation ratio D1/D10 on CP", "deprivation ratio D1/D10 looked")):
            assert values[t.figure] > 2, t.figure
            continue
        if abs(values[t.figure] - target) > t.tolerance * target:
            failures.append(f"{t.figure}: target {target:.1f}, generated {values[t.figure]:.1f}")
    assert not failures, "\n".join(failures)


def test_mess_rates_are_configurable(tmp_path):
    cfg = _generate(tmp_path, mess=MessRates(hcn_bad_early=0.0, hcn_bad_recent=0.0, hcn_never_recorded=0.0,
                                             duplicate=0.0),
                    trust_exits={})
    rows = _rows(cfg.out_dir / "referrals.csv")
    assert hcn.is_valid_array(np.array([r["hcn"] for r in rows])).all()
    lines = (cfg.out_dir / "referrals.csv").read_text().splitlines()
    assert len(set(lines)) == len(lines)
    assert any(r["trust"].strip().upper() == "SEHSCT" and _parse(r["referral_date"])
               and _parse(r["referral_date"]) >= dt.date(2016, 1, 1) for r in rows)


def test_some_people_never_have_a_valid_hcn_on_record(tmp_path):
    """With per-record HCN mess off, a person's records are all valid or all
    invalid, and the all-invalid people are the configured share."""
    cfg = _generate(tmp_path, mess=MessRates(hcn_bad_early=0.0, hcn_bad_recent=0.0, hcn_never_recorded=0.3),
                    trust_exits={})
    person_of = {r["line_no"]: r["person_id"] for r in _rows(cfg.truth_dir / "record_person.csv")
                 if r["module"] == "referrals"}
    validity: dict[str, set[bool]] = {}
    for row in _rows(cfg.out_dir / "referrals.csv"):
        valid = bool(hcn.is_valid_array(np.array([row["hcn"]]))[0])
        validity.setdefault(person_of[row["_line"]], set()).add(valid)
    assert all(len(kinds) == 1 for kinds in validity.values())
    never = sum(1 for kinds in validity.values() if kinds == {False}) / len(validity)
    assert 0.25 < never < 0.35
