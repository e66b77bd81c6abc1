"""One generator run: truth, reference files, recorded modules, ground truth."""
from __future__ import annotations

import numpy as np
from tqdm import tqdm

from . import hcn as hcn_mod
from .calibration import figures, format_report, report
from .codes import Codes
from .config import FIRST_BIRTH_YEAR, HORIZON, RunConfig, day_number
from .modules import MODULE_COLUMNS, record_modules
from .population import population_counts
from .recording import DATE_FIRST, Recorded, Recorder
from .tables import NEVER, digits
from .world import World, build_world
from .writer import CsvWriter, write_csv

#: persons.csv is formatted this many people at a time
PERSON_CHUNK = 1_000_000

REFERENCE_FILES = ("soa_deprivation", "postcode_soa", "population", "unscheduled_care")
ALL_FILES = (*MODULE_COLUMNS, *REFERENCE_FILES)


def run(cfg: RunConfig) -> dict[str, int]:
    """Generate everything; returns rows written per file (in file order)."""
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    cfg.truth_dir.mkdir(parents=True, exist_ok=True)
    ext = ".csv.gz" if cfg.gzip else ".csv"
    steps = tqdm(total=4 + len(ALL_FILES), desc="generating", disable=cfg.quiet, unit="step")
    codes = Codes()
    world = build_world(cfg.seed, cfg.scale, codes)
    steps.update(2)
    ref_year = cfg.reference_date.year
    pop_years = np.arange(FIRST_BIRTH_YEAR, max(ref_year, 2024, HORIZON.year) + 1)
    population = population_counts(world.persons, world.areas, pop_years)
    steps.update(1)
    rows: dict[str, int] = {}

    def out(name: str) -> object:
        return cfg.out_dir / f"{name}{ext}"

    a = world.areas
    rows["soa_deprivation"] = write_csv(out("soa_deprivation"), ["soa_code", "soa_name", "lgd_name", "trust", "mdm_rank"], [
        a.soa_code.astype("S"), a.soa_name.astype("S"), a.lgd_name.astype("S"),
        np.array([codes["trust"].codes[t] for t in a.trust], dtype="S"), digits(a.rank)], cfg.gzip)
    pc_soa = np.repeat(np.arange(a.n), a.pc_count)
    rows["postcode_soa"] = write_csv(out("postcode_soa"), ["postcode", "soa_code"],
                                     [a.postcode, a.soa_code.astype("S")[pc_soa]], cfg.gzip)
    rows["population"] = _write_population(out("population"), world, population, pop_years, ref_year, cfg.gzip)
    steps.update(3)

    rec = Recorder(cfg, world.persons, world.areas, codes, world.adopted_on)
    with CsvWriter(cfg.truth_dir / "record_person.csv", ["module", "line_no", "person_id", "malformed"]) as links:
        for module in record_modules(world, rec, cfg.seed):
            rows[module.name] = write_csv(out(module.name), module.header, module.columns, cfg.gzip,
                                          module.malformed)
            _write_links(links, module)
            del module
            steps.update(1)
    _write_persons(cfg, world, rec)
    values = figures(world, codes, population, pop_years)
    table = report(values, cfg.scale)
    write_csv(cfg.truth_dir / "calibration.csv", ["figure", "target", "generated", "tolerance"], [
        np.array([t.figure for t, _, _ in table], dtype="S"),
        np.array([f"{v:.1f}" for _, v, _ in table], dtype="S"),
        np.array([f"{g:.1f}" for _, _, g in table], dtype="S"),
        np.array([f"{t.tolerance:.2f}" for t, _, _ in table], dtype="S")])
    steps.update(1)
    steps.close()
    width = max(len(n) for n in ALL_FILES)
    print("rows written")
    for name in ALL_FILES:
        print(f"  {name + ext:<{width + 7}} {rows[name]:>10,}")
    print()
    print(format_report(table))
    return {name: rows[name] for name in ALL_FILES}


def _write_population(path, world: World, population: np.ndarray, years: np.ndarray,
                      ref_year: int, compress: bool) -> int:
    """Mid-year estimates 1967..reference year; cells with nobody are left out."""
    upto = years <= ref_year
    counts = population[upto]
    y, soa, sex, age = np.nonzero(counts)
    return write_csv(path, ["year", "soa_code", "sex", "age", "population"], [
        digits(years[upto][y]), world.areas.soa_code.astype("S")[soa],
        np.array([b"M", b"F"])[sex], digits(age), digits(counts[y, soa, sex, age])], compress)


def _write_links(links: CsvWriter, module: Recorded) -> None:
    """record_person.csv rows of one module: the person of every data line."""
    n = len(module.pid)
    for lo in range(0, n, PERSON_CHUNK):
        hi = min(n, lo + PERSON_CHUNK)
        links.write([np.full(hi - lo, module.name.encode()), digits(np.arange(lo + 2, hi + 2)),
                     digits(module.pid[lo:hi]), digits(module.malformed[lo:hi].astype(np.int8))])


def _write_persons(cfg: RunConfig, world: World, rec: Recorder) -> None:
    """persons.csv: every person of the truth, a chunk of people at a time."""
    p = world.persons
    ref = day_number(cfg.reference_date)
    ever = {}
    refs = world.careers.referrals
    for name, pid in (("referred", refs["pid"][~refs["adult"]]), ("registered", world.careers.registrations["pid"]),
                      ("looked_after", world.careers.spells["pid"])):
        ever[name] = np.zeros(p.n, dtype=np.int8)
        ever[name][pid] = 1
    soa_codes = world.areas.soa_code.astype("S")

    def iso(days: np.ndarray) -> np.ndarray:
        idx = np.clip(days.astype(np.int64) - DATE_FIRST, 0, len(rec.iso) - 1)
        return np.where(days < NEVER, rec.iso[idx], b"")

    with CsvWriter(cfg.truth_dir / "persons.csv", [
            "person_id", "birth_date", "birth_year", "birth_month", "sex", "soa_code", "is_adult_only",
            "arrival_date", "departure_date", "family_id", "hcn", "hcn_after_adoption", "adopted_date",
            "ever_referred_as_child", "ever_registered", "ever_looked_after"]) as w:
        for lo in range(0, p.n, PERSON_CHUNK):
            pid = np.arange(lo, min(p.n, lo + PERSON_CHUNK))
            soa = p.soa_at(pid, np.full(len(pid), ref, dtype=np.int32))
            resident = (p.arrive[pid] <= ref) & (p.depart[pid] > ref)
            birth = p.birth[pid].astype("datetime64[D]")
            adopted_on = world.adopted_on[pid]
            w.write([
                digits(pid), iso(p.birth[pid]), digits(birth.astype("datetime64[Y]").astype(np.int64) + 1970),
                digits(birth.astype("datetime64[M]").astype(np.int64) % 12 + 1),
                np.array([b"M", b"F"])[p.sex[pid]], np.where(resident, soa_codes[soa], b""),
                digits(p.is_adult_only[pid].astype(np.int8)), iso(p.arrive[pid]), iso(p.depart[pid]),
                digits(p.family[pid]), digits(hcn_mod.issue(2 * pid), 10),
                np.where(adopted_on < NEVER, digits(hcn_mod.issue(2 * pid + 1), 10), b""), iso(adopted_on),
                *(digits(ever[name][pid]) for name in ("referred", "registered", "looked_after"))])
