"""The synthetic Northern Ireland: areas, postcodes, people and where they live.

Areas: 890 Super Output Areas in 11 council areas and the 5 Trusts, with a
deprivation rank (1 = most deprived) that is higher on average in Belfast and
the West. People: every child born in NI from 1967 to the horizon, children
who arrive from elsewhere, and adults who only appear as adult referrals.
Each person has up to ``MAX_MOVES`` moves between areas.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .codes import Codes
from .config import FIRST_BIRTH_YEAR, HORIZON, TRUSTS, day_number
from .tables import NEVER, age_years

MAX_MOVES = 4

YEAR = 365.25

#: council areas: (name, trust, SOAs, BT postcode districts)
LGDS: tuple[tuple[str, str, int, tuple[int, ...]], ...] = (
    ("Belfast", "BHSCT", 170, tuple(range(1, 18))),
    ("Antrim and Newtownabbey", "NHSCT", 60, (36, 37, 39, 41)),
    ("Causeway Coast and Glens", "NHSCT", 65, (51, 52, 53, 54, 55, 56, 57)),
    ("Mid and East Antrim", "NHSCT", 55, (38, 40, 42, 43, 44)),
    ("Mid Ulster", "NHSCT", 60, (45, 46, 71, 80)),
    ("Ards and North Down", "SEHSCT", 75, (18, 19, 20, 21, 22, 23)),
    ("Lisburn and Castlereagh", "SEHSCT", 60, (26, 27, 28)),
    ("Newry, Mourne and Down", "SEHSCT", 50, (24, 30, 31)),
    ("Armagh City, Banbridge and Craigavon", "SHSCT", 100, (32, 60, 61, 62, 63, 64, 65, 66, 67)),
    ("Newry, Mourne and Down", "SHSCT", 55, (34, 35)),
    ("Derry City and Strabane", "WHSCT", 75, (47, 48, 49, 81, 82)),
    ("Fermanagh and Omagh", "WHSCT", 65, (74, 78, 79, 92, 93, 94)),
)
#: deprivation level of each Trust (higher = more deprived areas)
TRUST_DEPRIVATION = {"BHSCT": 0.6, "NHSCT": -0.15, "SEHSCT": -0.45, "SHSCT": 0.0, "WHSCT": 0.45}

#: births per year at scale 1 (linear between anchors)
BIRTHS = {1967: 27_500, 1980: 27_200, 1990: 26_000, 2000: 25_000, 2008: 25_000, 2010: 22_500,
          2015: 21_300, 2020: 20_500, 2030: 20_000}
ARRIVALS_PER_YEAR = 1_100  # children arriving from outside NI, scale 1
DEPARTURE_RATE = 0.004  # per year: emigration and death
MOVE_RATE = 0.045  # moves between areas per year of childhood
#: gamma shape of the family risk (mean 1): smaller = risk more concentrated
FAMILY_RISK_SHAPE = 0.1
ADULTS_PER_YEAR = 1_600  # new adult-only people referred per year from 1985, scale 1

_SYL1 = ("Bally", "Kil", "Drum", "Carn", "Knock", "Lis", "Rath", "Tully", "Glen", "Derry",
         "Clough", "Mullagh", "Dun", "Ard", "Cran", "Ennis")
_SYL2 = ("more", "beg", "ard", "na", "vale", "field", "hill", "keel", "lough", "mount",
         "town", "brook", "glass", "reagh", "macash", "carrick")
_UNIT_LETTERS = np.array(list("ABDEFGHJLNPQRSTUWXYZ"))


@dataclass
class Areas:
    """Super Output Areas and their postcodes."""

    soa_code: np.ndarray
    soa_name: np.ndarray
    lgd_name: np.ndarray
    trust: np.ndarray  # index into TRUSTS
    rank: np.ndarray  # 1 = most deprived
    decile: np.ndarray  # 1..10, 1 = most deprived
    weight: np.ndarray  # relative share of births
    catholic: np.ndarray  # share of Catholic residents
    postcode: np.ndarray  # all postcodes, canonical "BT12 5AB"
    pc_start: np.ndarray  # first postcode of each SOA
    pc_count: np.ndarray

    @property
    def n(self) -> int:
        return len(self.soa_code)


def make_areas(rng: np.random.Generator) -> Areas:
    """890 SOAs with ranks, names and 4-12 postcodes each."""
    trust_names = [t for _, t, n, _ in LGDS for _ in range(n)]
    lgd = np.array([name for name, _, n, _ in LGDS for _ in range(n)])
    trust = np.array([TRUSTS.index(t) for t in trust_names], dtype=np.int8)
    n = len(trust)
    codes, within = [], []
    for li, (_, _, count, _) in enumerate(LGDS):
        for i in range(count):
            codes.append(f"95{chr(65 + li // 26)}{chr(65 + li % 26)}{i // 3 + 1:02d}S{i % 3 + 1}")
            within.append(i)
    score = np.array([TRUST_DEPRIVATION[t] for t in trust_names]) + rng.normal(0, 0.9, n)
    rank = np.empty(n, dtype=np.int16)
    rank[np.argsort(-score, kind="stable")] = np.arange(1, n + 1)
    decile = ((rank - 1) * 10 // n + 1).astype(np.int8)
    weight = rng.lognormal(0, 0.2, n) * (1 + 0.25 * (10 - decile) / 9)
    catholic = rng.beta(2, 2, n)
    s1 = rng.integers(0, len(_SYL1), n)
    s2 = rng.integers(0, len(_SYL2), n)
    names = np.array([f"{_SYL1[a]}{_SYL2[b]} {w % 3 + 1}" for a, b, w in zip(s1, s2, within)])
    # postcodes: distinct units within each council area's districts
    pc_count = rng.integers(4, 13, n)
    postcodes = np.empty(int(pc_count.sum()), dtype=object)
    pc_start = np.concatenate([[0], np.cumsum(pc_count)[:-1]])
    offset = 0
    for _, _, count, districts in LGDS:
        soas = np.arange(offset, offset + count)
        need = int(pc_count[soas].sum())
        units = rng.choice(len(districts) * 10 * 400, need, replace=False)
        district = np.array(districts)[units // 4000]
        sector = units % 4000 // 400
        letters = _UNIT_LETTERS[units % 400 // 20], _UNIT_LETTERS[units % 20]
        first = pc_start[offset]
        postcodes[first:first + need] = [
            f"BT{d} {s}{a}{b}" for d, s, a, b in zip(district, sector, *letters)
        ]
        offset += count
    return Areas(np.array(codes), names, lgd, trust, rank, decile, weight, catholic,
                 postcodes.astype("S"), pc_start, pc_count)


@dataclass
class Persons:
    """Everyone in the truth, children first, then arrivals, then adults."""

    birth: np.ndarray  # day number
    sex: np.ndarray  # 0 male, 1 female
    arrive: np.ndarray  # day of arrival in NI (birth for those born here)
    depart: np.ndarray  # day of emigration or death (NEVER if none)
    move_dates: np.ndarray  # (n, MAX_MOVES) day of each move, NEVER if none
    soas: np.ndarray  # (n, MAX_MOVES + 1) SOA of each residence
    pc_pick: np.ndarray  # (n, MAX_MOVES + 1) random pick of a postcode in the SOA
    family: np.ndarray  # family id (siblings share it)
    frailty: np.ndarray  # latent family and individual risk, mean about 1
    country_of_birth: np.ndarray
    religion: np.ndarray
    ethnicity: np.ndarray
    physical_onset: np.ndarray  # day, NEVER if no physical impairment
    learning_onset: np.ndarray
    is_adult_only: np.ndarray

    @property
    def n(self) -> int:
        return len(self.birth)

    def residence_index(self, pid: np.ndarray, day: np.ndarray) -> np.ndarray:
        """Which residence (0 = first) each person had on each day."""
        return (self.move_dates[pid] <= day[:, None]).sum(axis=1)

    def soa_at(self, pid: np.ndarray, day: np.ndarray) -> np.ndarray:
        """SOA index of each person on each day."""
        return self.soas[pid, self.residence_index(pid, day)]


def _interp_births(year: np.ndarray) -> np.ndarray:
    xs = np.array(sorted(BIRTHS))
    return np.interp(year, xs, [BIRTHS[x] for x in xs])


def _uniform_days(rng: np.random.Generator, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    return (start + np.floor(rng.random(len(start)) * (end - start))).astype(np.int32)


def make_persons(rng: np.random.Generator, areas: Areas, scale: float, codes: Codes) -> Persons:
    """Births 1967 to the horizon, arrivals, and adult-only people."""
    horizon = day_number(HORIZON)
    years = np.arange(FIRST_BIRTH_YEAR, HORIZON.year + 1)
    year_start = np.array([np.datetime64(f"{y}-01-01") for y in years]).astype(np.int64)
    year_end = np.minimum(year_start[1:].tolist() + [horizon + 1], horizon + 1)
    fraction = (year_end - year_start) / 365.0
    n_births = rng.poisson(_interp_births(years) * fraction * scale)
    by = np.repeat(np.arange(len(years)), n_births)
    birth = _uniform_days(rng, year_start[by], year_end[by])
    n_born = len(birth)
    # arrivals: aged 0-17 on arrival, arriving 1967 to the horizon
    n_arr = rng.poisson(ARRIVALS_PER_YEAR * scale * len(years))
    arrive_arr = _uniform_days(rng, np.full(n_arr, year_start[0]), np.full(n_arr, horizon))
    arr_age = rng.random(n_arr) * 18 * YEAR
    birth_arr = (arrive_arr - arr_age).astype(np.int32)
    # adults: first referral between 1985 and the horizon, aged 18-95 then
    first_adult_year = np.datetime64("1985-01-01").astype(np.int64)
    n_adult = rng.poisson(ADULTS_PER_YEAR * scale * (horizon - first_adult_year) / 365.25)
    adult_ref = _uniform_days(rng, np.full(n_adult, first_adult_year), np.full(n_adult, horizon))
    adult_age = (18 + 77 * rng.beta(2.2, 1.3, n_adult)) * YEAR
    birth_adult = (adult_ref - adult_age).astype(np.int32)

    birth = np.concatenate([birth, birth_arr, birth_adult])
    n = len(birth)
    is_adult = np.zeros(n, dtype=bool)
    is_adult[n_born + n_arr:] = True
    arrive = np.concatenate([birth[:n_born], arrive_arr, np.full(n_adult, birth_adult.min(initial=0))])
    arrive = arrive.astype(np.int32)
    depart = arrive + rng.exponential(1 / DEPARTURE_RATE, n) * YEAR
    depart = np.where(is_adult | (depart > horizon), NEVER, depart).astype(np.int32)
    sex = (rng.random(n) < 0.487).astype(np.int8)

    # residences: first SOA by births weight, moves keep a similar deprivation
    p_soa = areas.weight / areas.weight.sum()
    soas = np.empty((n, MAX_MOVES + 1), dtype=np.int16)
    soas[:, 0] = rng.choice(areas.n, n, p=p_soa)
    childhood_end = birth + 18 * YEAR
    n_moves = np.minimum(rng.poisson(MOVE_RATE * 18, n), MAX_MOVES)
    n_moves[is_adult] = 0
    span = np.maximum(childhood_end - arrive, 1)
    move_dates = arrive[:, None] + np.sort(rng.random((n, MAX_MOVES)), axis=1) * span[:, None]
    move_dates = np.where(np.arange(MAX_MOVES)[None, :] < n_moves[:, None], move_dates, NEVER)
    move_dates = move_dates.astype(np.int32)
    by_rank = np.argsort(areas.rank)  # SOA index of rank r+1
    trust_soas = [np.flatnonzero(areas.trust == t) for t in range(len(TRUSTS))]
    trust_ranks = [np.sort(areas.rank[s]) for s in trust_soas]
    trust_soa_by_rank = [s[np.argsort(areas.rank[s])] for s in trust_soas]
    for k in range(MAX_MOVES):
        prev = soas[:, k]
        target = np.clip(areas.rank[prev] + rng.normal(0, 90, n), 1, areas.n).astype(np.int64)
        dest = by_rank[target - 1]
        local = rng.random(n) < 0.7
        for t in range(len(TRUSTS)):
            sel = local & (areas.trust[prev] == t)
            pos = np.clip(np.searchsorted(trust_ranks[t], target[sel]), 0, len(trust_ranks[t]) - 1)
            dest[sel] = trust_soa_by_rank[t][pos]
        soas[:, k + 1] = np.where(move_dates[:, k] < NEVER, dest, prev)
    pc_pick = rng.integers(0, 1 << 15, (n, MAX_MOVES + 1), dtype=np.int16)

    family = _families(rng, birth, soas[:, 0], is_adult, areas.n)
    fam_frailty = rng.gamma(FAMILY_RISK_SHAPE, 1 / FAMILY_RISK_SHAPE, family.max() + 1)
    frailty = (fam_frailty[family] * rng.gamma(2.0, 0.5, n)).astype(np.float32)

    cob = codes["country_of_birth"]
    country = np.full(n, cob.index("NI"), dtype=np.int16)
    moved_in = np.arange(n) >= n_born
    country[moved_in] = cob.pick(rng, int(moved_in.sum()), {"GB": 45, "ROI": 15, "EU": 25, "OTHER": 15})
    eth = codes["ethnicity"]
    white = eth.index("WHITE")
    ethnicity = np.where(
        rng.random(n) < np.where(moved_in, 0.25, 0.015),
        eth.pick(rng, n, {"IRISH_TRAVELLER": 25, "MIXED": 25, "ASIAN": 25, "BLACK": 15, "OTHER": 10}),
        white,
    ).astype(np.int16)
    rel = codes["religion"]
    catholic = rng.random(n) < areas.catholic[soas[:, 0]] * 0.9
    religion = np.where(
        catholic, rel.index("CATHOLIC"),
        rel.pick(rng, n, {"PROTESTANT": 75, "OTHER_RELIGION": 2, "NONE": 14, "NOT_STATED": 9}),
    ).astype(np.int16)
    physical = np.where(rng.random(n) < 0.012, birth + rng.random(n) * 10 * YEAR, NEVER)
    learning = np.where(rng.random(n) < 0.02, birth + (1 + rng.random(n) * 6) * YEAR, NEVER)
    physical[is_adult] = NEVER
    learning[is_adult] = NEVER
    return Persons(birth, sex, arrive, depart, move_dates, soas, pc_pick, family, frailty,
                   country, religion, ethnicity, physical.astype(np.int32),
                   learning.astype(np.int32), is_adult)


def _families(rng: np.random.Generator, birth: np.ndarray, soa: np.ndarray,
              is_adult: np.ndarray, n_soas: int) -> np.ndarray:
    """Group children born in the same SOA into families of siblings.

    Within an SOA, births in date order are dealt into chains about three
    years apart; chains are cut at random into families (mean about 2.2).
    """
    n = len(birth)
    order = np.lexsort((birth, soa))
    soa_sorted = soa[order]
    first = np.concatenate([[0], np.flatnonzero(np.diff(soa_sorted)) + 1])
    counts = np.diff(np.concatenate([first, [n]]))
    rank = np.arange(n) - np.repeat(first, counts)
    span_years = (birth.max() - birth.min()) / YEAR
    stride = np.maximum(1, np.round(counts / span_years * 3.0)).astype(np.int64)
    chain = rank % np.repeat(stride, counts)
    pos = rank // np.repeat(stride, counts)
    o2 = np.lexsort((pos, chain, soa_sorted))
    new = np.ones(n, dtype=bool)
    new[1:] = (soa_sorted[o2][1:] != soa_sorted[o2][:-1]) | (chain[o2][1:] != chain[o2][:-1])
    new |= rng.random(n) < 0.45
    new |= is_adult[order][o2]
    fam = np.empty(n, dtype=np.int64)
    fam[order[o2]] = np.cumsum(new) - 1
    return fam


def population_counts(persons: Persons, areas: Areas, years: np.ndarray) -> np.ndarray:
    """Mid-year (30 June) counts of children 0-17, by year, SOA, sex and age,
    counted from the simulated people. Returns an array (year, soa, sex, age)."""
    child = np.flatnonzero(~persons.is_adult_only)
    out = np.zeros((len(years), areas.n, 2, 18), dtype=np.int32)
    birth = persons.birth[child]
    for i, y in enumerate(years):
        mid = np.int32(np.datetime64(f"{y}-06-30").astype(np.int64))
        age = age_years(birth, mid)
        here = (persons.arrive[child] <= mid) & (persons.depart[child] > mid) & (age >= 0) & (age <= 17)
        pid = child[here]
        soa = persons.soa_at(pid, np.full(len(pid), mid, dtype=np.int32))
        key = (soa.astype(np.int64) * 2 + persons.sex[pid]) * 18 + age[here]
        out[i] = np.bincount(key, minlength=areas.n * 36).reshape(areas.n, 2, 18)
    return out
