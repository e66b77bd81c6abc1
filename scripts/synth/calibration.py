"""Calibration figures computed from the truth, against the published targets."""
from __future__ import annotations

import datetime as dt

import numpy as np

from .codes import Codes
from .config import TARGETS, Target, day_number
from .tables import age_years
from .world import World

YEAR = 365.25


def _day(y: int, m: int, d: int) -> int:
    return day_number(dt.date(y, m, d))


def _open_on(start: np.ndarray, end: np.ndarray, day: int) -> np.ndarray:
    return (start <= day) & (end > day)


def _decile_ratio(world: World, pid: np.ndarray, day: np.ndarray, pop_by_decile: np.ndarray) -> float:
    """Rate in the most deprived decile over the least deprived (distinct people)."""
    pid, first = np.unique(pid, return_index=True)
    decile = world.areas.decile[world.persons.soa_at(pid, day[first].astype(np.int32))]
    counts = np.bincount(decile, minlength=11)[1:]
    rates = counts / np.maximum(pop_by_decile, 1)
    return float(rates[0] / rates[9]) if rates[9] > 0 else float("nan")


def figures(world: World, codes: Codes, population: np.ndarray, pop_years: np.ndarray) -> dict[str, float]:
    """Every calibration figure, keyed by the target's name (truth, not scaled)."""
    c, p = world.careers, world.persons
    child = ~c.referrals["adult"]
    ref = {k: c.referrals[k][child] for k in ("pid", "date", "source")}
    fy15 = (ref["date"] >= _day(2014, 4, 1)) & (ref["date"] <= _day(2015, 3, 31))
    m15 = _day(2015, 3, 31)
    m24 = _day(2024, 3, 31)
    reg, sp, ep = c.registrations, c.spells, c.episodes
    pop = {int(y): population[i] for i, y in enumerate(pop_years)}
    deciles = world.areas.decile

    def pop_decile(year: int) -> np.ndarray:
        by_soa = pop[year].sum(axis=(1, 2))
        return np.bincount(deciles, weights=by_soa, minlength=11)[1:]

    def looked_after(day: int) -> float:
        return float(len(np.unique(sp["pid"][_open_on(sp["entry"], sp["discharge"], day)])))

    out: dict[str, float] = {}
    p15 = pop[2015]
    out["child population 0-17 at mid-2015"] = float(p15.sum())
    out["under-5 share of children 2015 (%)"] = 100 * p15[:, :, :5].sum() / max(p15.sum(), 1)
    out["children referred in year to 31 Mar 2015"] = float(len(np.unique(ref["pid"][fy15])))
    out["police share of child referrals 2014/15 (%)"] = 100 * float((ref["source"][fy15] == 0).mean())
    reg_fy15 = (reg["date"] >= _day(2014, 4, 1)) & (reg["date"] <= m15)
    out["CP registrations in year to 31 Mar 2015"] = float(reg_fy15.sum())
    on_reg = _open_on(reg["date"], reg["end"], m15)
    out["on CP register at 31 Mar 2015"] = float(len(np.unique(reg["pid"][on_reg])))
    for y in (2015, 2018, 2021, 2024):
        out[f"looked after at 31 Mar {y}"] = looked_after(_day(y, 3, 31))
    fy24_in = (sp["entry"] > _day(2023, 3, 31)) & (sp["entry"] <= m24)
    fy24_out = (sp["discharge"] > _day(2023, 3, 31)) & (sp["discharge"] <= m24)
    out["admissions to care 2023/24"] = float(fy24_in.sum())
    out["discharges from care 2023/24"] = float(fy24_out.sum())
    out["adoptions from care 2023/24"] = float((fy24_out & sp["adopted"]).sum())
    reg24 = (reg["date"] > _day(2023, 3, 31)) & (reg["date"] <= m24)
    main = reg["abuse_1"][reg24]
    out["neglect or physical, registrations 2023/24 (%)"] = 100 * float(np.isin(main, [codes.idx("abuse_type", "NEGLECT"), codes.idx("abuse_type", "PHYSICAL")]).mean()) if main.size else float("nan")
    pc = {code: codes.idx("placement_type", code) for code in codes["placement_type"].codes}
    open23 = _open_on(ep["start"], ep["end"], _day(2023, 3, 31))
    pt = ep["placement_type"][open23]
    total = max(len(pt), 1)
    out["foster share of looked after 31 Mar 2023 (%)"] = 100 * np.isin(pt, [pc["FOSTER_KINSHIP"], pc["FOSTER_NON_KINSHIP"]]).sum() / total
    out["placed with parents share 31 Mar 2023 (%)"] = 100 * (pt == pc["PLACED_WITH_PARENTS"]).sum() / total
    out["residential share 31 Mar 2023 (%)"] = 100 * (pt == pc["RESIDENTIAL"]).sum() / total
    open24 = _open_on(sp["entry"], sp["discharge"], m24)
    length = (m24 - sp["entry"][open24]) / YEAR
    out["in care under 1 year at 31 Mar 2024 (%)"] = 100 * float((length < 1).mean()) if length.size else float("nan")
    out["in care 5 years or more at 31 Mar 2024 (%)"] = 100 * float((length >= 5).mean()) if length.size else float("nan")
    d14 = pop_decile(2014)
    out["deprivation ratio D1/D10 referred 2014/15"] = _decile_ratio(world, ref["pid"][fy15], ref["date"][fy15], d14)
    out["deprivation ratio D1/D10 on CP register 2015"] = _decile_ratio(
        world, reg["pid"][on_reg], np.full(int(on_reg.sum()), m15), d14)
    lac15 = _open_on(sp["entry"], sp["discharge"], m15)
    out["deprivation ratio D1/D10 looked after 2015"] = _decile_ratio(
        world, sp["pid"][lac15], np.full(int(lac15.sum()), m15), d14)
    # children resident and under 18 at some time in 2015
    start15, end15 = _day(2015, 1, 1), _day(2015, 12, 31)
    child = ~p.is_adult_only & (p.arrive <= end15) & (p.depart > start15) & (p.birth <= end15)
    child &= age_years(p.birth, np.int32(start15)) < 18
    first = np.full(p.n, np.iinfo(np.int32).max, dtype=np.int64)
    np.minimum.at(first, ref["pid"], ref["date"])
    in15 = np.zeros(p.n, dtype=bool)
    in15[ref["pid"][(ref["date"] >= start15) & (ref["date"] <= end15)]] = True
    out["under-18s 2015 ever referred by end 2015 (%)"] = 100 * float((first[child] <= end15).mean())
    out["under-18s 2015 referred during 2015 (%)"] = 100 * float(in15[child].mean())
    return out


def report(values: dict[str, float], scale: float) -> list[tuple[Target, float, float]]:
    """(target, scaled target value, generated value) for every target."""
    rows = []
    for t in TARGETS:
        target = t.target * scale if t.is_count else t.target
        rows.append((t, target, values[t.figure]))
    return rows


def format_report(rows: list[tuple[Target, float, float]]) -> str:
    """A plain text table."""
    width = max(len(t.figure) for t, _, _ in rows)
    lines = [f"{'figure':<{width}}  {'target':>10}  {'generated':>10}"]
    for t, target, value in rows:
        lines.append(f"{t.figure:<{width}}  {target:>10.1f}  {value:>10.1f}")
    return "\n".join(lines)
