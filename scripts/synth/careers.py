"""The true social care careers of children, simulated to the fixed horizon.

Each child is followed year of age by year of age. In each year the child is
referred or not, with a chance 1 - exp(-rate) whose rate depends on the
calendar year, age, the area's deprivation, a family and personal risk, the
child's history and disability. A referred child has one *primary* referral,
sometimes more, and each primary referral brings a few follow-up referrals in
the next months. (A Poisson count of referrals would give the children at
highest risk many referrals a year; the chance keeps about 1.5 referrals per
referred child a year, and the risk shows instead as referral year after
year.) Every referral is then screened: initial assessment, in need or not,
child protection investigation, conference, registration, and entry to care
(from a registration or directly).
A child in care has no new referrals until discharged.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .codes import Codes
from .config import HORIZON, day_number
from .lac import simulate_spells
from .population import Areas, Persons
from .tables import NEVER, Table, add_years, concat, draw_rows

YEAR = 365.25
MAX_REFERRALS_PER_YEAR = 8

#: yearly referral rate before the multipliers below (chance 1 - exp(-rate))
BASE_REFERRAL_RATE = 0.082
#: extra primary referrals of a referred child in the year (Poisson mean)
EXTRA_PRIMARY = 0.15
#: follow-up referrals per primary referral (within the next year of age)
FOLLOW_UPS = 0.35
#: rate multiplier per earlier referral (up to six)
HISTORY_PER_REFERRAL = 0.8
#: calendar-year multipliers (linear between anchors; years as decimals)
REFERRAL_TREND = {1967: 0.55, 1985: 0.65, 1995: 0.82, 2005: 0.9, 2012: 0.97, 2014.5: 1.0,
                  2015.5: 0.89, 2016.5: 0.98, 2019: 0.96, 2020.5: 0.84, 2022.5: 0.93, 2030: 0.93}
CP_TREND = {1967: 0.8, 1990: 1.0, 2015: 1.0, 2021: 1.08, 2024: 1.12, 2030: 1.12}
LAC_TREND = {1967: 1.0, 1985: 0.95, 1995: 0.74, 2008: 0.7, 2015: 0.68, 2020: 0.95,
             2024: 1.5, 2030: 1.5}
#: by year of age 0..17
AGE_REFERRAL = np.array([1.3, 1.0, 1.0, 1.0, 1.0, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85,
                         1.0, 1.05, 1.1, 1.1, 1.05, 0.95, 0.85])
#: most / least deprived decile ratio of the referral rate, and the extra
#: ratio applied to the chance of CP and of care once referred
DEPRIVATION_REFERRAL = 16.0
DEPRIVATION_CP = 0.9
DEPRIVATION_LAC = 0.8

REASONS_BY_AGE = (  # 0-4, 5-11, 12-17
    {"ABUSE_NEGLECT": 30, "DOMESTIC_VIOLENCE": 26, "PARENTAL_SUBSTANCE": 10,
     "PARENTAL_MENTAL_HEALTH": 9, "CHILD_DISABILITY": 4, "CHILD_BEHAVIOUR": 1,
     "FAMILY_STRESS": 12, "ABSENT_PARENTING": 3, "OTHER": 5},
    {"ABUSE_NEGLECT": 25, "DOMESTIC_VIOLENCE": 24, "PARENTAL_SUBSTANCE": 8,
     "PARENTAL_MENTAL_HEALTH": 8, "CHILD_DISABILITY": 6, "CHILD_BEHAVIOUR": 8,
     "FAMILY_STRESS": 13, "ABSENT_PARENTING": 3, "OTHER": 5},
    {"ABUSE_NEGLECT": 18, "DOMESTIC_VIOLENCE": 18, "PARENTAL_SUBSTANCE": 6,
     "PARENTAL_MENTAL_HEALTH": 6, "CHILD_DISABILITY": 5, "CHILD_BEHAVIOUR": 25,
     "FAMILY_STRESS": 14, "ABSENT_PARENTING": 4, "OTHER": 4},
)
#: chance that a police-notified referral has each reason is higher for DV
POLICE_SHARE = {"DOMESTIC_VIOLENCE": 0.85, "CHILD_BEHAVIOUR": 0.45, "ABUSE_NEGLECT": 0.30}
POLICE_OTHER = 0.2
SOURCES = ("POLICE", "SCHOOL", "HEALTH", "FAMILY", "OTHER_AGENCY")

OUTCOMES = {"ASSESSED": 56, "NFA": 17, "SIGNPOSTED": 12, "REJECTED": 10, "TRANSFERRED": 5}
REJECTIONS = {"NO_ROLE": 35, "INSUFFICIENT_INFO": 20, "REFERRED_ON": 25, "ALREADY_OPEN": 10,
              "WITHDRAWN": 10}
#: chance an assessed referral is in need, by reason
IN_NEED = {"ABUSE_NEGLECT": 0.7, "DOMESTIC_VIOLENCE": 0.55, "PARENTAL_SUBSTANCE": 0.65,
           "PARENTAL_MENTAL_HEALTH": 0.6, "CHILD_DISABILITY": 0.8, "CHILD_BEHAVIOUR": 0.55,
           "FAMILY_STRESS": 0.5, "ABSENT_PARENTING": 0.85, "OTHER": 0.4}
#: chance an in-need referral leads to a CP investigation, by reason
CPI = {"ABUSE_NEGLECT": 0.546, "DOMESTIC_VIOLENCE": 0.26, "PARENTAL_SUBSTANCE": 0.286,
       "PARENTAL_MENTAL_HEALTH": 0.13, "CHILD_DISABILITY": 0.026, "CHILD_BEHAVIOUR": 0.052,
       "FAMILY_STRESS": 0.091, "ABSENT_PARENTING": 0.156, "OTHER": 0.065}
AGE_CP = np.array([1.5] * 5 + [1.0] * 7 + [0.6] * 6)
CPI_OUTCOMES = {"CONFERENCE": 40, "CIN_SUPPORT": 35, "NFA": 25}
REGISTERED_AT_CONFERENCE = 0.9
#: chance an in-need referral leads straight to care, by reason
DIRECT_CARE = {"ABUSE_NEGLECT": 0.0255, "DOMESTIC_VIOLENCE": 0.0068, "PARENTAL_SUBSTANCE": 0.0255,
               "PARENTAL_MENTAL_HEALTH": 0.0255, "CHILD_DISABILITY": 0.021, "CHILD_BEHAVIOUR": 0.0425,
               "FAMILY_STRESS": 0.017, "ABSENT_PARENTING": 0.255, "OTHER": 0.0085}
CARE_FROM_REGISTRATION = 0.11
AGE_LAC = np.array([2.6, 1.8, 1.5, 1.3, 1.2, 1.1, 1.0, 1.0, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9,
                    0.9, 0.8, 0.6, 0.3])
#: reason in care for each referral reason
CARE_REASON = {"ABUSE_NEGLECT": "ABUSE_NEGLECT", "DOMESTIC_VIOLENCE": "ABUSE_NEGLECT",
               "PARENTAL_SUBSTANCE": "ABUSE_NEGLECT", "PARENTAL_MENTAL_HEALTH": "PARENT_ILLNESS",
               "CHILD_DISABILITY": "CHILD_DISABILITY", "CHILD_BEHAVIOUR": "CHILD_BEHAVIOUR",
               "FAMILY_STRESS": "FAMILY_DYSFUNCTION", "ABSENT_PARENTING": "ABSENT_PARENTING",
               "OTHER": "OTHER"}
#: abuse categories: weights before 2000 and from 2020 (linear between)
ABUSE_EARLY = {"NEGLECT": 38, "PHYSICAL": 30, "SEXUAL": 17, "EMOTIONAL": 15}
ABUSE_LATE = {"NEGLECT": 50, "PHYSICAL": 31, "SEXUAL": 6, "EMOTIONAL": 13}
MEAN_REGISTRATION_YEARS = 1.1


def trend(table: dict[float, float], year: np.ndarray) -> np.ndarray:
    """Piecewise-linear calendar multiplier."""
    xs = np.array(sorted(table))
    return np.interp(year, xs, [table[x] for x in xs])


def decile_ratio(ratio: float, decile: np.ndarray) -> np.ndarray:
    """Multiplier by decile with most/least deprived = ratio, geometric mean 1."""
    return ratio ** ((5.5 - decile) / 9.0)


@dataclass
class Careers:
    """Truth tables of the children's careers (dates are day numbers)."""

    referrals: Table  # children's only from the simulator; build_world adds adults'
    cin: Table
    cpi: Table
    conferences: Table
    registrations: Table
    spells: Table
    episodes: Table
    legal: Table


class _State:
    """What the simulation remembers about each person."""

    def __init__(self, n: int) -> None:
        self.in_care_until = np.full(n, np.iinfo(np.int32).min, dtype=np.int64)
        self.registered_until = np.full(n, np.iinfo(np.int32).min, dtype=np.int64)
        self.n_referrals = np.zeros(n, dtype=np.int16)
        self.ever_registered = np.zeros(n, dtype=bool)
        self.ever_looked_after = np.zeros(n, dtype=bool)
        self.adopted_on = np.full(n, NEVER, dtype=np.int32)


class CareerSimulator:
    """Simulates all children's careers; see the module docstring."""

    def __init__(self, rng: np.random.Generator, persons: Persons, areas: Areas, codes: Codes) -> None:
        self.rng, self.p, self.areas, self.codes = rng, persons, areas, codes
        self.state = _State(persons.n)
        self.b18 = add_years(persons.birth, 18)
        self.horizon = day_number(HORIZON)
        self.out: dict[str, list[Table]] = {k: [] for k in Careers.__dataclass_fields__}
        self.n_spells = 0
        rr = codes["referral_reason"]
        self.reason_probs = np.stack([rr.probabilities(w) for w in REASONS_BY_AGE])
        self.by_reason = {name: np.array([table.get(c, 0.0) for c in rr.codes])
                          for name, table in (("in_need", IN_NEED), ("cpi", CPI),
                                              ("direct", DIRECT_CARE))}
        police = np.full(len(rr.codes), POLICE_OTHER)
        for code, share in POLICE_SHARE.items():
            police[rr.index(code)] = share
        self.police = police
        rc = codes["reason_in_care"]
        self.care_reason = np.array([rc.index(CARE_REASON.get(c, "OTHER")) for c in rr.codes])

    def run(self) -> Careers:
        """Follow every child through ages 0 to 17."""
        p, rng = self.p, self.rng
        child = np.flatnonzero(~p.is_adult_only).astype(np.int32)  # person ids fit in int32
        for age in range(18):
            start = np.maximum(add_years(p.birth[child], age), p.arrive[child]).astype(np.int64)
            end = np.minimum.reduce([add_years(p.birth[child], age + 1).astype(np.int64),
                                     p.depart[child].astype(np.int64),
                                     np.full(len(child), self.horizon + 1)])
            live = end > start
            pid, start, end = child[live], start[live], end[live]
            year = 1970 + (start + end) / 2 / YEAR
            decile = self.areas.decile[p.soa_at(pid, start.astype(np.int32))]
            st = self.state
            history = (1 + HISTORY_PER_REFERRAL * np.minimum(st.n_referrals[pid], 6)
                       + 0.6 * st.ever_registered[pid])
            disabled = (p.physical_onset[pid] < end) | (p.learning_onset[pid] < end)
            adopted = st.adopted_on[pid] < start
            rate = (BASE_REFERRAL_RATE * trend(REFERRAL_TREND, year) * AGE_REFERRAL[age]
                    * decile_ratio(DEPRIVATION_REFERRAL, decile) * p.frailty[pid] * history
                    * np.where(disabled, 2.0, 1.0) * np.where(adopted, 0.3, 1.0))
            referred = rng.random(len(pid)) < -np.expm1(-rate * (end - start) / YEAR)
            n_primary = referred * (1 + rng.poisson(EXTRA_PRIMARY, len(pid)))
            rows = np.repeat(np.arange(len(pid)), n_primary)
            primary = start[rows] + np.floor(rng.random(len(rows)) * (end - start)[rows])
            n_follow = rng.poisson(FOLLOW_UPS, len(rows))
            frows = np.repeat(rows, n_follow)
            follow = np.repeat(primary, n_follow) + 14 + rng.exponential(100, len(frows))
            rows = np.concatenate([rows, frows])
            date = np.floor(np.concatenate([primary, follow])).astype(np.int64)
            ok = date < end[rows]
            rows, date = rows[ok], date[ok]
            order = np.lexsort((date, rows))
            rows, date = rows[order], date[order]
            first = np.ones(len(rows), dtype=bool)
            first[1:] = rows[1:] != rows[:-1]
            k = np.arange(len(rows)) - np.maximum.accumulate(np.where(first, np.arange(len(rows)), 0))
            for j in range(MAX_REFERRALS_PER_YEAR):
                sel = k == j
                if not sel.any():
                    break
                self._referrals(pid[rows[sel]], date[sel], age)
        return Careers(**{k: concat(v) for k, v in self.out.items()})

    def _referrals(self, pid: np.ndarray, date: np.ndarray, age: int) -> None:
        """Screen one referral per child (in date order within the child)."""
        rng, st, codes, p = self.rng, self.state, self.codes, self.p
        ok = date >= st.in_care_until[pid]
        pid, date = pid[ok], date[ok]
        n = len(pid)
        if n == 0:
            return
        band = 0 if age < 5 else 1 if age < 12 else 2
        year = 1970 + date / YEAR
        decile = self.areas.decile[p.soa_at(pid, date.astype(np.int32))]
        rr = codes["referral_reason"]
        reason = rng.choice(len(rr.codes), n, p=self.reason_probs[band])
        disabled = (p.physical_onset[pid] <= date) | (p.learning_onset[pid] <= date)
        reason = np.where(disabled & (rng.random(n) < 0.35), rr.index("CHILD_DISABILITY"), reason)
        source = np.where(rng.random(n) < self.police[reason], 0, rng.integers(1, len(SOURCES), n))
        ro = codes["referral_outcome"]
        outcome = ro.pick(rng, n, OUTCOMES)
        registered = st.registered_until[pid] > date
        already = registered & (rng.random(n) < 0.4)
        outcome[already] = ro.index("REJECTED")
        rej = codes["rejection_reason"]
        rejection = np.where(outcome == ro.index("REJECTED"), rej.pick(rng, n, REJECTIONS), -1)
        rejection[already] = rej.index("ALREADY_OPEN")
        assessed = outcome == ro.index("ASSESSED")
        allocated = np.where(assessed | (rng.random(n) < 0.4), date + rng.gamma(1.5, 3, n), NEVER)
        assessment = np.where(assessed, allocated + rng.gamma(2.0, 7, n), NEVER)
        in_need = assessed & (rng.random(n) < self.by_reason["in_need"][reason]
                              * (1 + 0.04 * (5.5 - decile)))
        closed = np.where(~assessed, date + rng.integers(0, 21, n),
                          np.where(in_need, assessment + rng.gamma(1.5, 120, n),
                                   assessment + rng.integers(0, 31, n)))
        st.n_referrals[pid] += 1
        allocated, assessment, closed = (np.floor(x).astype(np.int64) for x in (allocated, assessment, closed))
        self.out["referrals"].append({
            "pid": pid, "date": date.astype(np.int32), "reason": reason.astype(np.int16),
            "source": source.astype(np.int8), "outcome": outcome,
            "rejection": rejection.astype(np.int16), "allocated": allocated.astype(np.int32),
            "assessment": assessment.astype(np.int32), "closed": closed.astype(np.int32),
            "in_need": in_need, "adult": np.zeros(n, dtype=bool),
        })
        ao = codes["assessment_outcome"]
        a = np.flatnonzero(assessed)
        self.out["cin"].append({
            "pid": pid[a], "date": date[a].astype(np.int32), "assessment": assessment[a].astype(np.int32),
            "outcome": np.where(in_need[a], ao.index("IN_NEED"), ao.index("NOT_IN_NEED")).astype(np.int16),
        })
        # child protection investigation
        p_cpi = (self.by_reason["cpi"][reason] * AGE_CP[age] * trend(CP_TREND, year)
                 * decile_ratio(DEPRIVATION_CP, decile))
        cpi = np.flatnonzero(in_need & ~registered & (rng.random(n) < p_cpi))
        self._child_protection(pid[cpi], assessment[cpi], reason[cpi], decile[cpi], age)
        # straight into care
        p_care = (self.by_reason["direct"][reason] * AGE_LAC[age] * trend(LAC_TREND, year)
                  * decile_ratio(DEPRIVATION_LAC, decile))
        care = np.flatnonzero(in_need & (rng.random(n) < p_care))
        care = care[st.in_care_until[pid[care]] <= date[care]]
        entry = assessment[care] + rng.integers(0, 30, len(care))
        court = np.isin(reason[care], [rr.index(c) for c in ("ABUSE_NEGLECT", "DOMESTIC_VIOLENCE",
                                                             "PARENTAL_SUBSTANCE")])
        court &= rng.random(len(care)) < 0.7
        self._enter_care(pid[care], entry, court, self.care_reason[reason[care]])

    def _child_protection(self, pid: np.ndarray, day: np.ndarray, reason: np.ndarray,
                          decile: np.ndarray, age: int) -> None:
        """Investigation, conference and registration of the given children."""
        rng, codes, st = self.rng, self.codes, self.state
        n = len(pid)
        if n == 0:
            return
        cpi_day = day + rng.integers(0, 6, n)
        year = 1970 + cpi_day / YEAR
        types = self._abuse_types(len(pid), year)
        co = codes["cpi_outcome"]
        probs = np.tile(co.probabilities(CPI_OUTCOMES), (n, 1))
        probs[:, co.index("CONFERENCE")] *= 1.3 if age < 5 else 1.0
        outcome = draw_rows(rng, probs).astype(np.int16)
        outcome_day = cpi_day + 3 + rng.gamma(2.0, 5, n).astype(np.int64)
        self.out["cpi"].append({"pid": pid, "date": cpi_day.astype(np.int32), **types,
                                "outcome": outcome, "outcome_date": outcome_day.astype(np.int32)})
        c = np.flatnonzero(outcome == co.index("CONFERENCE"))
        conf_day = outcome_day[c] + 5 + rng.integers(0, 16, len(c))
        conf_types = {k: v[c] for k, v in types.items()}
        registered = rng.random(len(c)) < REGISTERED_AT_CONFERENCE
        registered &= st.registered_until[pid[c]] <= conf_day
        registered &= st.in_care_until[pid[c]] <= conf_day
        cf, rg = codes["conference_outcome"], codes["registration_reason"]
        reg_reason = rg.pick(rng, len(c), {"ACTUAL_HARM": 45, "LIKELY_HARM": 53, "TRANSFER_IN": 2})
        self.out["conferences"].append({
            "pid": pid[c], "date": conf_day.astype(np.int32), **conf_types,
            "outcome": np.where(registered, cf.index("REGISTERED"), cf.index("NOT_REGISTERED")).astype(np.int16),
            "registration_reason": np.where(registered, reg_reason, -1).astype(np.int16),
        })
        r = np.flatnonzero(registered)
        rpid, reg_day = pid[c][r], conf_day[r]
        n_r = len(r)
        length = rng.gamma(2.0, MEAN_REGISTRATION_YEARS / 2.0, n_r) * YEAR
        dereg = (reg_day + np.maximum(length, 30)).astype(np.int64)
        dr = codes["deregistration_reason"]
        dreason = dr.pick(rng, n_r, {"RISK_REDUCED": 88, "OTHER": 6, "MOVED_AWAY": 6})
        care = rng.random(n_r) < CARE_FROM_REGISTRATION * AGE_LAC[age] * decile_ratio(DEPRIVATION_LAC, decile[c][r])
        entry = (reg_day + rng.random(n_r) * (dereg - reg_day)).astype(np.int64)
        dereg = np.where(care, entry, dereg)
        dreason[care] = dr.index("TAKEN_INTO_CARE")
        aged = dereg >= self.b18[rpid]
        dereg = np.where(aged, self.b18[rpid], dereg)
        dreason[aged] = dr.index("AGED_OUT")
        gone = dereg >= self.p.depart[rpid]
        dereg = np.where(gone, self.p.depart[rpid], dereg)
        dreason[gone] = dr.index("MOVED_AWAY")
        care &= ~aged & ~gone
        st.registered_until[rpid] = dereg
        st.ever_registered[rpid] = True
        self.out["registrations"].append({
            "pid": rpid, "date": reg_day.astype(np.int32), **{k: v[c][r] for k, v in types.items()},
            "registration_reason": reg_reason[r].astype(np.int16), "end": dereg.astype(np.int32),
            "end_reason": dreason,
        })
        court = rng.random(int(care.sum())) < 0.8
        rc = self.codes["reason_in_care"]
        self._enter_care(rpid[care], entry[care], court,
                         np.full(int(care.sum()), rc.index("ABUSE_NEGLECT")))

    def _abuse_types(self, n: int, year: np.ndarray) -> Table:
        """Up to four distinct abuse categories, the first the main one."""
        at = self.codes["abuse_type"]
        w = np.clip((year - 2000) / 20, 0, 1)[:, None]
        weights = (1 - w) * at.probabilities(ABUSE_EARLY) + w * at.probabilities(ABUSE_LATE)
        keys = np.log(weights) + self.rng.gumbel(size=weights.shape)
        order = np.argsort(-keys, axis=1).astype(np.int16)
        n_types = 1 + (self.rng.random(n) < 0.3) + (self.rng.random(n) < 0.08) + (self.rng.random(n) < 0.02)
        return {f"abuse_{j + 1}": np.where(n_types > j, order[:, j], -1).astype(np.int16)
                for j in range(4)}

    def _enter_care(self, pid: np.ndarray, entry: np.ndarray, court: np.ndarray,
                    reason: np.ndarray) -> None:
        """Start spells (skipping children already in care, past 18 or gone)."""
        st, p = self.state, self.p
        ok = (entry >= st.in_care_until[pid]) & (entry < self.b18[pid]) & (entry < p.depart[pid])
        ok &= entry <= self.horizon
        pid, entry, court, reason = pid[ok], entry[ok], court[ok], reason[ok]
        # one spell per child per call
        _, first = np.unique(pid, return_index=True)
        pid, entry, court, reason = pid[first], entry[first], court[first], reason[first]
        if len(pid) == 0:
            return
        age = (entry - p.birth[pid]) / YEAR
        s = simulate_spells(self.rng, self.codes, pid, entry, age, court, reason,
                            self.b18[pid], p.depart[pid], self.n_spells)
        self.n_spells += len(pid)
        st.in_care_until[pid] = s.spells["discharge"]
        st.ever_looked_after[pid] = True
        adopted = s.spells["adopted"]
        st.adopted_on[pid[adopted]] = s.spells["discharge"][adopted]
        self.out["spells"].append(s.spells)
        self.out["episodes"].append(s.episodes)
        self.out["legal"].append(s.legal)
