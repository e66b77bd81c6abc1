"""The rest of the truth: adult referrals, Client 41 involvement episodes,
disabilities and mental health, family members of looked-after children and
unscheduled care attendances."""
from __future__ import annotations

import numpy as np

from .careers import Careers
from .codes import Codes
from .config import HORIZON, RECORDS_START, TRUSTS, UNSCHEDULED_CARE_START, day_number
from .population import Persons
from .tables import NEVER, Table, add_years, concat

YEAR = 365.25
UC_RATE = 0.14  # attendances per child-year, general population
UC_FLAGGED_EXTRA = 0.55  # extra attendances per year on the register or in care


def first_contact(persons: Persons, careers: Careers) -> np.ndarray:
    """Day of each person's first child referral (NEVER if none)."""
    ref = careers.referrals
    child = ~ref["adult"]
    first = np.full(persons.n, NEVER, dtype=np.int32)
    np.minimum.at(first, ref["pid"][child], ref["date"][child])
    return first


def adult_referrals(rng: np.random.Generator, persons: Persons, careers: Careers,
                    codes: Codes) -> Table:
    """Referrals of people aged 18 or over: adult-only people (one or more
    referrals) and some young adults who had been registered or in care."""
    horizon = day_number(HORIZON)
    start = day_number(RECORDS_START)
    adults = np.flatnonzero(persons.is_adult_only).astype(np.int32)
    b18 = add_years(persons.birth[adults], 18).astype(np.int64)
    lo = np.maximum(b18, start)
    hi = np.minimum(add_years(persons.birth[adults], 95).astype(np.int64), horizon)
    ok = hi > lo
    adults, lo, hi = adults[ok], lo[ok], hi[ok]
    first = lo + np.floor(rng.random(len(adults)) * (hi - lo))
    extra = rng.poisson(0.5, len(adults))
    rows = np.repeat(np.arange(len(adults)), extra)
    later = first[rows] + rng.exponential(2 * YEAR, len(rows))
    pid = np.concatenate([adults, adults[rows]])
    date = np.concatenate([first, later])
    # young adults known to children's services
    known = np.zeros(persons.n, dtype=bool)
    known[careers.registrations["pid"]] = True
    known[careers.spells["pid"]] = True
    young = np.flatnonzero(~persons.is_adult_only & (known & (rng.random(persons.n) < 0.2)
                                                      | (rng.random(persons.n) < 0.01))).astype(np.int32)
    yday = add_years(persons.birth[young], 18) + rng.random(len(young)) * 6 * YEAR
    pid = np.concatenate([pid, young])
    date = np.floor(np.concatenate([date, yday])).astype(np.int64)
    ok = (date <= horizon) & (date < persons.depart[pid]) & (date >= start)
    pid, date = pid[ok], date[ok]
    n = len(pid)
    rr, ro, rej = codes["referral_reason"], codes["referral_outcome"], codes["rejection_reason"]
    reason = rr.pick(rng, n, {"ADULT_SERVICES": 85, "OTHER": 10, "FAMILY_STRESS": 5})
    outcome = ro.pick(rng, n, {"ASSESSED": 50, "NFA": 20, "SIGNPOSTED": 15, "REJECTED": 10,
                               "TRANSFERRED": 5})
    rejection = np.where(outcome == ro.index("REJECTED"),
                         rej.pick(rng, n, {"NO_ROLE": 50, "REFERRED_ON": 40, "WITHDRAWN": 10}), -1)
    assessed = outcome == ro.index("ASSESSED")
    allocated = np.where(assessed | (rng.random(n) < 0.3), date + rng.gamma(1.5, 4, n), NEVER)
    assessment = np.where(assessed, allocated + rng.gamma(2, 8, n), NEVER)
    closed = np.where(assessed, assessment + rng.gamma(1.5, 150, n), date + rng.integers(0, 21, n))
    return {
        "pid": pid, "date": date.astype(np.int32), "reason": reason,
        "source": np.full(n, -1, dtype=np.int8), "outcome": outcome,
        "rejection": rejection.astype(np.int16), "allocated": np.floor(allocated).astype(np.int32),
        "assessment": np.floor(assessment).astype(np.int32), "closed": np.floor(closed).astype(np.int32),
        "in_need": np.zeros(n, dtype=bool), "adult": np.ones(n, dtype=bool),
    }


def client41(rng: np.random.Generator, careers: Careers, codes: Codes) -> Table:
    """Social work involvement episodes: in-need and assessed adult referrals,
    registrations and looked-after spells."""
    er, cr = codes["episode_reason"], codes["closed_reason"]
    rr = codes["referral_reason"]
    ref = careers.referrals
    involved = ref["in_need"] | (ref["adult"] & (ref["assessment"] < NEVER))
    r = np.flatnonzero(involved)
    n = len(r)
    reason = np.where(ref["adult"][r], er.index("ADULT_SERVICES"),
                      np.where(ref["reason"][r] == rr.index("CHILD_DISABILITY"),
                               er.index("DISABILITY"), er.index("FAMILY_SUPPORT")))
    closed_reason = cr.pick(rng, n, {"NO_LONGER_REQUIRED": 80, "TRANSFERRED": 8, "MOVED_AWAY": 5,
                                     "OTHER": 7})
    parts = [{"pid": ref["pid"][r], "date": ref["allocated"][r], "reason": reason.astype(np.int16),
              "end": ref["closed"][r], "end_reason": closed_reason}]
    dr = codes["deregistration_reason"]
    reg = careers.registrations
    map_reg = {"RISK_REDUCED": "NO_LONGER_REQUIRED", "TAKEN_INTO_CARE": "TRANSFERRED",
               "MOVED_AWAY": "MOVED_AWAY", "AGED_OUT": "AGED_OUT", "OTHER": "OTHER"}
    lookup = np.array([cr.index(map_reg[c]) for c in dr.codes], dtype=np.int16)
    parts.append({"pid": reg["pid"], "date": reg["date"],
                  "reason": np.full(len(reg["pid"]), er.index("CHILD_PROTECTION"), dtype=np.int16),
                  "end": reg["end"], "end_reason": lookup[reg["end_reason"]]})
    sp = careers.spells
    dch = codes["discharge_reason"]
    map_lac = {"RETURNED_HOME": "NO_LONGER_REQUIRED", "ADOPTED": "OTHER",
               "RESIDENCE_ORDER": "NO_LONGER_REQUIRED", "AGED_OUT": "AGED_OUT", "OTHER": "OTHER"}
    lookup = np.array([cr.index(map_lac[c]) for c in dch.codes], dtype=np.int16)
    parts.append({"pid": sp["pid"], "date": sp["entry"],
                  "reason": np.full(len(sp["pid"]), er.index("LOOKED_AFTER"), dtype=np.int16),
                  "end": sp["discharge"], "end_reason": lookup[sp["discharge_reason"]]})
    return concat(parts)


def disabilities(rng: np.random.Generator, persons: Persons, careers: Careers,
                 codes: Codes) -> tuple[Table, Table, Table]:
    """Physical impairment, learning disability and mental health records of
    children known to social services (from the later of onset and first contact)."""
    first = first_contact(persons, careers)
    b18 = add_years(persons.birth, 18)
    known = first < b18

    def episodes(onset: np.ndarray, end_share: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        start = np.maximum(onset, first)
        pid = np.flatnonzero(known & (onset < NEVER) & (start < b18))
        end = np.where(rng.random(len(pid)) < end_share, b18[pid], NEVER)
        return pid, start[pid], end

    pid, start, end = episodes(persons.physical_onset, 0.7)
    pd, dg = codes["physical_disability_type"], codes["diagnosis_type"]
    n = len(pid)
    physical = {"pid": pid, "date": start, "end": end,
                "type": pd.pick(rng, n, {"MOBILITY": 35, "HEARING": 15, "VISUAL": 12,
                                         "DEXTERITY": 8, "MULTIPLE": 20, "OTHER": 10}),
                "detail": dg.pick(rng, n, {"CEREBRAL_PALSY": 20, "SPINA_BIFIDA": 6,
                                           "MUSCULAR_DYSTROPHY": 5, "EPILEPSY": 15,
                                           "CONGENITAL": 20, "ACQUIRED_INJURY": 10, "OTHER": 24})}
    pid, start, end = episodes(persons.learning_onset, 0.6)
    ld, deg = codes["learning_disability_type"], codes["disability_degree"]
    n = len(pid)
    learning = {"pid": pid, "date": start, "end": end,
                "type": ld.pick(rng, n, {"GENERAL": 35, "AUTISM": 30, "DOWN_SYNDROME": 8,
                                         "SPECIFIC": 17, "OTHER": 10}),
                "detail": deg.pick(rng, n, {"MILD": 40, "MODERATE": 35, "SEVERE": 18, "PROFOUND": 7})}
    registered = np.zeros(persons.n, dtype=bool)
    registered[careers.registrations["pid"]] = True
    in_care = np.zeros(persons.n, dtype=bool)
    in_care[careers.spells["pid"]] = True
    p_mh = 0.04 + 0.08 * registered + 0.18 * in_care
    onset = np.where(rng.random(persons.n) < p_mh,
                     persons.birth + (8 + rng.random(persons.n) * 9.9) * YEAR, NEVER).astype(np.int64)
    start = np.maximum(onset, first)
    pid = np.flatnonzero(known & (onset < NEVER) & (start < b18))
    end = np.minimum(start[pid] + rng.exponential(1.5 * YEAR, len(pid)), b18[pid])
    end = np.where(rng.random(len(pid)) < 0.3, NEVER, end)
    ct = codes["condition_type"]
    mental = {"pid": pid, "date": start[pid].astype(np.int32), "end": end.astype(np.int32),
              "type": ct.pick(rng, len(pid), {"ANXIETY": 25, "DEPRESSION": 18, "ADHD": 17,
                                              "CONDUCT": 14, "SELF_HARM": 12,
                                              "EATING_DISORDER": 4, "PSYCHOSIS": 2, "OTHER": 8})}
    return physical, learning, mental


def family(rng: np.random.Generator, persons: Persons, careers: Careers, codes: Codes) -> Table:
    """Family members of each looked-after child, dated by the first care entry.

    ``member`` is a person id for siblings in the population, or a key above
    all person ids for parents and relatives (shared by siblings)."""
    rel = codes["relationship"]
    sp = careers.spells
    child, idx = np.unique(sp["pid"], return_index=True)
    entry, until = sp["entry"][idx], sp["discharge"][idx]
    fam = persons.family[child]
    base = persons.n + fam * 16
    parts = []
    for role, (code, share) in enumerate((("MOTHER", 0.95), ("FATHER", 0.65),
                                          ("GRANDPARENT", 0.35), ("AUNT_UNCLE", 0.2),
                                          ("STEP_PARENT", 0.12), ("OTHER", 0.05))):
        has = rng.random(len(child)) < share
        parts.append({"pid": child[has], "date": entry[has], "until": until[has],
                      "member": base[has] + role,
                      "relationship": np.full(int(has.sum()), rel.index(code), dtype=np.int16)})
    n_half = np.minimum(rng.poisson(0.3, len(child)), 3)
    rows = np.repeat(np.arange(len(child)), n_half)
    slot = np.arange(len(rows)) - np.repeat(np.cumsum(n_half) - n_half, n_half)
    parts.append({"pid": child[rows], "date": entry[rows], "until": until[rows],
                  "member": base[rows] + 8 + slot,
                  "relationship": np.full(len(rows), rel.index("HALF_SIBLING"), dtype=np.int16)})
    # siblings: others of the same family born before the entry
    order = np.argsort(persons.family, kind="stable")
    fam_sorted = persons.family[order]
    lo = np.searchsorted(fam_sorted, fam, side="left")
    hi = np.searchsorted(fam_sorted, fam, side="right")
    rows = np.repeat(np.arange(len(child)), hi - lo)
    pos = lo[rows] + np.arange(len(rows)) - np.repeat(np.cumsum(hi - lo) - (hi - lo), hi - lo)
    sib = order[pos]
    ok = (sib != child[rows]) & (persons.birth[sib] <= entry[rows])
    rows, sib = rows[ok], sib[ok]
    parts.append({"pid": child[rows], "date": entry[rows], "until": until[rows],
                  "member": sib.astype(np.int64),
                  "relationship": np.full(len(rows), rel.index("SIBLING"), dtype=np.int16)})
    out = concat(parts)
    order = np.lexsort((out["relationship"], out["pid"]))
    return {k: v[order] for k, v in out.items()}


def unscheduled_care(rng: np.random.Generator, persons: Persons, careers: Careers,
                     codes: Codes) -> Table:
    """Attendances of children from 2012-04-01, more while on the register or in care."""
    horizon = day_number(HORIZON) + 1
    uc0 = day_number(UNSCHEDULED_CARE_START)
    child = np.flatnonzero(~persons.is_adult_only).astype(np.int32)
    lo = np.maximum.reduce([np.full(len(child), uc0), persons.arrive[child].astype(np.int64)])
    hi = np.minimum.reduce([add_years(persons.birth[child], 18).astype(np.int64),
                            persons.depart[child].astype(np.int64), np.full(len(child), horizon)])
    ok = hi > lo
    pid, lo, hi = child[ok], lo[ok], hi[ok]
    rate = UC_RATE * (0.6 + 0.4 * np.minimum(persons.frailty[pid], 4.0))
    spans = [(pid, lo, hi, rate)]
    for table, end_col in ((careers.registrations, "end"), (careers.spells, "discharge")):
        start_col = "date" if "date" in table else "entry"
        s = np.maximum(table[start_col].astype(np.int64), uc0)
        e = np.minimum(table[end_col].astype(np.int64), horizon)
        keep = e > s
        spans.append((table["pid"][keep], s[keep], e[keep],
                      np.full(int(keep.sum()), UC_FLAGGED_EXTRA)))
    pids, days = [], []
    for p, s, e, r in spans:
        count = rng.poisson(r * (e - s) / YEAR)
        rows = np.repeat(np.arange(len(p)), count)
        pids.append(p[rows])
        days.append(s[rows] + np.floor(rng.random(len(rows)) * (e - s)[rows]))
    pid = np.concatenate(pids)
    day = np.concatenate(days).astype(np.int32)
    tie = rng.random(len(pid))
    order = np.lexsort((tie, pid, day))
    pid, day = pid[order], day[order]
    n = len(pid)
    st = codes["setting_type"]
    setting = st.pick(rng, n, {"ED": 55, "OOH": 25, "MIU": 12, "WIC": 8})
    home = persons.soa_at(pid, day)
    return {"pid": pid, "date": day, "setting": setting, "home_soa": home,
            "elsewhere": rng.random(n) < 0.1,
            "other_trust": rng.integers(1, len(TRUSTS), n).astype(np.int8)}
