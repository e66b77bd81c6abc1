"""Looked-after spells: duration, discharge, legal statuses and placements.

A spell is split into episodes at each placement change and each legal status
change (the looked_after module has one row per episode). Client 27 has one
row per spell and Client 27 Legal Status one row per legal status period.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .codes import Codes
from .tables import NEVER, Table, draw_rows

YEAR = 365.25
MAX_PLACEMENT_CHANGES = 10
#: mean length in years of a long stay, by year of entry (linear between)
LONG_STAY_YEARS = {1967: 3.5, 1995: 5.0, 2010: 8.5, 2018: 11.0, 2030: 11.0}
#: gamma shape of long stays (smaller = more spread: more leave early, more stay long)
LONG_STAY_SHAPE = 1.0
SHORT_STAY_SHARE = 0.12
ADOPTION_SHARE_UNDER5 = 0.32  # of long stays starting under age 5

PLACEMENT_YOUNG = {"FOSTER_KINSHIP": 40, "FOSTER_NON_KINSHIP": 50, "PLACED_WITH_PARENTS": 6,
                   "RESIDENTIAL": 2, "OTHER": 3}
PLACEMENT_TEEN = {"FOSTER_KINSHIP": 28, "FOSTER_NON_KINSHIP": 40, "PLACED_WITH_PARENTS": 7,
                  "RESIDENTIAL": 20, "OTHER": 5}


@dataclass
class Spells:
    """Spells, their episodes and legal status periods (``spell`` indexes spells)."""

    spells: Table
    episodes: Table
    legal: Table


def simulate_spells(rng: np.random.Generator, codes: Codes, pid: np.ndarray, entry: np.ndarray,
                    age: np.ndarray, court: np.ndarray, reason: np.ndarray,
                    aged_out: np.ndarray, depart: np.ndarray, first_spell: int) -> Spells:
    """Simulate spells starting on ``entry``; ``aged_out`` is each child's 18th
    birthday, ``court`` whether the route is through the courts. Spell ids start
    at ``first_spell``."""
    n = len(pid)
    year = 1970 + entry / YEAR
    xs = np.array(sorted(LONG_STAY_YEARS))
    long_mean = np.interp(year, xs, [LONG_STAY_YEARS[x] for x in xs])
    short = rng.random(n) < SHORT_STAY_SHARE
    adopt = ~short & (age < 5) & (rng.random(n) < ADOPTION_SHARE_UNDER5)
    years = np.where(short, (3 + rng.exponential(110, n)) / YEAR,
                     rng.gamma(LONG_STAY_SHAPE, long_mean / LONG_STAY_SHAPE))
    years = np.where(adopt, 1.0 + rng.gamma(3.0, 0.5, n), years)
    discharge = (entry + np.maximum(years * YEAR, 1)).astype(np.int64)
    dr = codes["discharge_reason"]
    r_long = dr.pick(rng, n, {"RESIDENCE_ORDER": 30, "RETURNED_HOME": 55, "OTHER": 15})
    r_short = dr.pick(rng, n, {"RETURNED_HOME": 85, "RESIDENCE_ORDER": 5, "OTHER": 10})
    disc_reason = np.where(short, r_short, r_long)
    disc_reason[adopt] = dr.index("ADOPTED")
    hit18 = discharge >= aged_out
    discharge = np.where(hit18, aged_out, discharge)
    disc_reason[hit18] = dr.index("AGED_OUT")
    left = discharge >= depart
    discharge = np.where(left, depart, discharge)
    disc_reason[left] = dr.index("OTHER")
    discharge = discharge.astype(np.int32)
    adopted = disc_reason == dr.index("ADOPTED")

    dt_codes = codes["discharged_to"]
    dest = dt_codes.pick(rng, n, {"OTHER": 1})
    by_reason = {
        "RETURNED_HOME": {"PARENTS": 92, "RELATIVES": 6, "OTHER": 2},
        "ADOPTED": {"ADOPTIVE_PARENTS": 1},
        "RESIDENCE_ORDER": {"RELATIVES": 80, "OTHER": 20},
        "AGED_OUT": {"INDEPENDENT_LIVING": 60, "PARENTS": 10, "RELATIVES": 12, "OTHER": 18},
        "OTHER": {"OTHER": 60, "RELATIVES": 20, "PARENTS": 20},
    }
    for code, weights in by_reason.items():
        sel = disc_reason == dr.index(code)
        dest[sel] = dt_codes.pick(rng, int(sel.sum()), weights)

    ls = codes["legal_status"]
    status = np.full((n, 4), -1, dtype=np.int16)
    change = np.full((n, 4), NEVER, dtype=np.int64)
    change[:, 0] = entry
    epo = court & (rng.random(n) < 0.18)
    status[:, 0] = np.where(court, np.where(epo, ls.index("EMERGENCY_PROTECTION"),
                                            ls.index("INTERIM_CARE_ORDER")),
                            ls.index("ART21_ACCOMMODATED"))
    other = rng.random(n) < 0.03
    status[other, 0] = ls.index("OTHER")
    # court route: (EPO ->) ICO -> care order (-> freeing order before adoption)
    ico_day = np.where(epo, entry + 8, entry)
    status[:, 1] = np.where(epo, ls.index("INTERIM_CARE_ORDER"), ls.index("CARE_ORDER"))
    change[:, 1] = np.where(epo, ico_day, ico_day + rng.uniform(0.25, 0.9, n) * YEAR)
    status[:, 2] = np.where(epo, ls.index("CARE_ORDER"), ls.index("FREEING_ORDER"))
    co_day = ico_day + rng.uniform(0.25, 0.9, n) * YEAR
    free_day = discharge - rng.uniform(0.2, 0.8, n) * YEAR
    change[:, 2] = np.where(epo, co_day, np.where(adopted, free_day, NEVER))
    status[:, 3] = ls.index("FREEING_ORDER")
    change[:, 3] = np.where(epo & adopted, free_day, NEVER)
    # accommodated route: Article 21, sometimes a care order later
    acc = ~court
    status[acc, 1] = ls.index("CARE_ORDER")
    change[acc, 1] = np.where(rng.random(int(acc.sum())) < 0.12,
                              entry[acc] + rng.uniform(0.3, 2.0, int(acc.sum())) * YEAR, NEVER)
    change[acc, 2:] = NEVER
    change[other, 1:] = NEVER
    change = change.astype(np.int64)
    # a status is reached only after the previous one and before discharge
    for j in range(1, 4):
        change[:, j] = np.where(change[:, j] <= change[:, j - 1] + 1, NEVER, change[:, j])
    change = np.where(change >= discharge[:, None], NEVER, change)
    for j in range(1, 4):  # nothing after a status that never comes
        change[:, j] = np.where(change[:, j - 1] == NEVER, NEVER, change[:, j])

    # placements: changes spread over the spell, a type per placement
    dur_years = (discharge - entry) / YEAR
    n_changes = np.minimum(rng.poisson(0.15 + 0.45 * dur_years), MAX_PLACEMENT_CHANGES)
    pt_days = entry[:, None] + 1 + rng.random((n, MAX_PLACEMENT_CHANGES)) * np.maximum(
        discharge - entry - 1, 0)[:, None]
    pt_days = np.sort(pt_days.astype(np.int64), axis=1)
    pt_days = np.where(np.arange(MAX_PLACEMENT_CHANGES)[None, :] < n_changes[:, None], pt_days, NEVER)
    pt_days = np.where(pt_days >= discharge[:, None], NEVER, pt_days)
    pc = codes["placement_type"]
    teen = age >= 12
    probs = np.where(teen[:, None], pc.probabilities(PLACEMENT_TEEN), pc.probabilities(PLACEMENT_YOUNG))
    ptype = np.stack([draw_rows(rng, probs) for _ in range(MAX_PLACEMENT_CHANGES + 1)], axis=1)

    # episodes: the entry, then every legal or placement change (merged by day)
    starts = np.concatenate([entry[:, None].astype(np.int64), change[:, 1:], pt_days], axis=1)
    starts = np.sort(starts, axis=1)
    spell_of = np.repeat(np.arange(n), starts.shape[1])
    flat = starts.ravel()
    keep = flat < NEVER
    keep[1:] &= ~((flat[1:] == flat[:-1]) & (spell_of[1:] == spell_of[:-1]))
    spell_of, ep_start = spell_of[keep], flat[keep]
    last = np.ones(len(ep_start), dtype=bool)
    last[:-1] = spell_of[1:] != spell_of[:-1]
    ep_end = np.where(last, discharge[spell_of], np.roll(ep_start, -1))
    legal_idx = (change[spell_of] <= ep_start[:, None]).sum(axis=1) - 1
    place_idx = (pt_days[spell_of] <= ep_start[:, None]).sum(axis=1)
    placement = ptype[spell_of, place_idx].astype(np.int16)
    spell_id = first_spell + spell_of
    foster = np.isin(placement, [pc.index("FOSTER_KINSHIP"), pc.index("FOSTER_NON_KINSHIP")])
    episodes = {
        "spell": spell_id, "pid": pid[spell_of], "start": ep_start.astype(np.int32),
        "end": ep_end.astype(np.int32), "legal_status": status[spell_of, legal_idx],
        "placement_type": placement,
        "carer_key": np.where(foster, spell_id * 16 + place_idx, -1),
        "placement_moves": place_idx.astype(np.int16), "is_last": last,
    }
    # legal status periods
    reached = change < NEVER
    ls_spell, ls_j = np.nonzero(reached)
    nxt = np.where(ls_j + 1 < 4, change[ls_spell, np.minimum(ls_j + 1, 3)], NEVER)
    legal = {
        "spell": first_spell + ls_spell, "pid": pid[ls_spell],
        "status": status[ls_spell, ls_j],
        "granted": change[ls_spell, ls_j].astype(np.int32),
        "terminated": np.where(nxt < NEVER, nxt, discharge[ls_spell]).astype(np.int32),
    }
    spells = {
        "spell": first_spell + np.arange(n), "pid": pid, "entry": entry.astype(np.int32),
        "discharge": discharge, "reason": reason.astype(np.int16),
        "discharge_reason": disc_reason.astype(np.int16), "discharged_to": dest.astype(np.int16),
        "adopted": adopted,
    }
    return Spells(spells, episodes, legal)
