"""The 14 SOSCARE modules and the unscheduled care file, recorded from the truth.

Column names and order follow docs/contract/raw_extracts.md exactly.
"""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from . import hcn as hcn_mod
from .columns import Lookup, Token
from .config import stream
from .recording import DATE_FIRST, TEAM_TYPES, Recorded, Recorder
from .tables import add_years
from .world import World

GW, FI, LA, DS, AD = (TEAM_TYPES.index(t) for t in ("GW", "FI", "LA", "DS", "AD"))
ABUSE = ("abuse_type_1", "abuse_type_2", "abuse_type_3", "abuse_type_4")

MODULE_COLUMNS: dict[str, tuple[str, ...]] = {
    "referrals": ("hcn", "soscare_id", "team", "trust", "seq_no", "referral_date", "referral_reason",
                  "allocated_date", "initial_assessment_date", "rejection_reason",
                  "referral_outcome", "closed_date"),
    "children_in_need": ("hcn", "soscare_id", "team", "trust", "seq_no", "referral_date",
                         "initial_assessment_date", "assessment_outcome"),
    "cp_investigations": ("hcn", "soscare_id", "team", "trust", "seq_no", "cpi_referral_date",
                          *ABUSE, "outcome", "outcome_date"),
    "cp_conferences": ("hcn", "soscare_id", "team", "trust", "seq_no", "conference_date", *ABUSE,
                       "outcome", "registration_reason"),
    "cp_registrations": ("hcn", "soscare_id", "team", "trust", "seq_no", "registration_date",
                         *ABUSE, "registration_reason", "deregistration_date",
                         "deregistration_reason"),
    "looked_after": ("hcn", "soscare_id", "team", "trust", "seq_no", "carer_code",
                     "episode_start_date", "reason_in_care", "legal_status", "placement_type",
                     "discharge_date", "discharge_reason", "discharged_to", "placement_moves"),
    "client27": ("hcn", "soscare_id", "team", "seq_no", "care_entry_date", "reason_in_care",
                 "discharge_date", "discharge_reason", "discharged_to"),
    "client27_legal_status": ("hcn", "soscare_id", "team", "legal_status", "granted_date",
                              "terminated_date"),
    "family": ("hcn", "soscare_id", "family_member_id", "relationship"),
    "client": ("hcn", "soscare_id", "team", "trust", "seq_no", "birth_month", "birth_year",
               "postcode", "gender", "religion", "ethnicity", "country_of_birth"),
    "client41": ("hcn", "soscare_id", "team", "trust", "seq_no", "start_date", "episode_reason",
                 "closed_date", "closed_reason"),
    "physical_impairment": ("hcn", "soscare_id", "start_date", "end_date", "disability_type",
                            "diagnosis_type"),
    "learning_disability": ("hcn", "soscare_id", "start_date", "end_date", "disability_type",
                            "disability_degree"),
    "mental_health": ("hcn", "soscare_id", "start_date", "end_date", "condition_type"),
}
UNSCHEDULED_COLUMNS = ("attendance_id", "hcn", "arrival_date", "setting_type", "setting_trust")
IDS = [("hcn", "hcn"), ("soscare_id", "soscare_id")]


def _abuse(table: dict) -> list[tuple]:
    """The four abuse type columns (legacy one-letter codes allowed)."""
    return [(col, "code", table[f"abuse_{j + 1}"], "abuse_type", True) for j, col in enumerate(ABUSE)]


def record_modules(world: World, rec: Recorder, seed: int) -> Iterator[Recorded]:
    """Yield each module as recorded, then unscheduled care, one at a time
    (to keep memory low)."""
    c = world.careers
    r = c.referrals
    trust = rec.trust_at(r["pid"], r["date"])
    yield rec.record("referrals", stream(seed, "rec:referrals"), r["pid"], r["date"], trust, [
        *IDS, ("team", "team", np.where(r["adult"], AD, GW)), ("trust", "trust"), ("seq_no", "seq_no"),
        ("referral_date", "date", r["date"], []), ("referral_reason", "code", r["reason"], "referral_reason"),
        ("allocated_date", "date", r["allocated"], []),
        ("initial_assessment_date", "date", r["assessment"], ["referral_outcome"]),
        ("rejection_reason", "code", r["rejection"], "rejection_reason"),
        ("referral_outcome", "code", r["outcome"], "referral_outcome"),
        ("closed_date", "date", r["closed"], []),
    ])
    t = c.cin
    yield rec.record("children_in_need", stream(seed, "rec:cin"), t["pid"], t["date"],
                     rec.trust_at(t["pid"], t["date"]), [
        *IDS, ("team", "team", GW), ("trust", "trust"), ("seq_no", "seq_no"),
        ("referral_date", "date", t["date"], []),
        ("initial_assessment_date", "date", t["assessment"], ["assessment_outcome"]),
        ("assessment_outcome", "code", t["outcome"], "assessment_outcome"),
    ])
    t = c.cpi
    yield rec.record("cp_investigations", stream(seed, "rec:cpi"), t["pid"], t["date"],
                     rec.trust_at(t["pid"], t["date"]), [
        *IDS, ("team", "team", FI), ("trust", "trust"), ("seq_no", "seq_no"),
        ("cpi_referral_date", "date", t["date"], []), *_abuse(t),
        ("outcome", "code", t["outcome"], "cpi_outcome"),
        ("outcome_date", "date", t["outcome_date"], ["outcome"]),
    ])
    t = c.conferences
    yield rec.record("cp_conferences", stream(seed, "rec:conferences"), t["pid"], t["date"],
                     rec.trust_at(t["pid"], t["date"]), [
        *IDS, ("team", "team", FI), ("trust", "trust"), ("seq_no", "seq_no"),
        ("conference_date", "date", t["date"], []), *_abuse(t),
        ("outcome", "code", t["outcome"], "conference_outcome"),
        ("registration_reason", "code", t["registration_reason"], "registration_reason"),
    ])
    t = c.registrations
    yield rec.record("cp_registrations", stream(seed, "rec:registrations"), t["pid"], t["date"],
                     rec.trust_at(t["pid"], t["date"]), [
        *IDS, ("team", "team", FI), ("trust", "trust"), ("seq_no", "seq_no"),
        ("registration_date", "date", t["date"], []), *_abuse(t),
        ("registration_reason", "code", t["registration_reason"], "registration_reason"),
        ("deregistration_date", "date", t["end"], ["deregistration_reason"]),
        ("deregistration_reason", "code", t["end_reason"], "deregistration_reason"),
    ], open_end=t["end"])
    sp = c.spells
    spell_trust = rec.trust_at(sp["pid"], sp["entry"])
    spell_soa = world.persons.soa_at(sp["pid"], sp["entry"])
    e = c.episodes
    last = e["is_last"]
    yield rec.record("looked_after", stream(seed, "rec:looked_after"), e["pid"], e["start"],
                     spell_trust[e["spell"]], [
        *IDS, ("team", "team", LA), ("trust", "trust"), ("seq_no", "seq_no"),
        ("carer_code", "text", Token(e["carer_key"], 69621, b"C", 9)),
        ("episode_start_date", "date", e["start"], []),
        ("reason_in_care", "code", sp["reason"][e["spell"]], "reason_in_care"),
        ("legal_status", "code", e["legal_status"], "legal_status"),
        ("placement_type", "code", e["placement_type"], "placement_type"),
        ("discharge_date", "date", e["end"], ["discharge_reason", "discharged_to"]),
        ("discharge_reason", "code", np.where(last, sp["discharge_reason"][e["spell"]], -1), "discharge_reason"),
        ("discharged_to", "code", np.where(last, sp["discharged_to"][e["spell"]], -1), "discharged_to"),
        ("placement_moves", "int", e["placement_moves"]),
    ], open_end=e["end"], soa=spell_soa[e["spell"]])
    yield rec.record("client27", stream(seed, "rec:client27"), sp["pid"], sp["entry"], spell_trust, [
        *IDS, ("team", "team", LA), ("seq_no", "seq_no"),
        ("care_entry_date", "date", sp["entry"], []),
        ("reason_in_care", "code", sp["reason"], "reason_in_care"),
        ("discharge_date", "date", sp["discharge"], ["discharge_reason", "discharged_to"]),
        ("discharge_reason", "code", sp["discharge_reason"], "discharge_reason"),
        ("discharged_to", "code", sp["discharged_to"], "discharged_to"),
    ], open_end=sp["discharge"], soa=spell_soa)
    t = c.legal
    yield rec.record("client27_legal_status", stream(seed, "rec:legal"), t["pid"], t["granted"],
                     spell_trust[t["spell"]], [
        *IDS, ("team", "team", LA), ("legal_status", "code", t["status"], "legal_status"),
        ("granted_date", "date", t["granted"], []),
        ("terminated_date", "date", t["terminated"], []),
    ], open_end=t["terminated"], soa=spell_soa[t["spell"]])
    t = world.family
    yield rec.record("family", stream(seed, "rec:family"), t["pid"], t["date"],
                     rec.trust_at(t["pid"], t["date"]), [
        *IDS, ("family_member_id", "text", Token(t["member"], 16807, b"F")),
        ("relationship", "code", t["relationship"], "relationship"),
    ], open_end=t["until"])
    yield _client(world, rec, seed)
    t = world.client41
    reason_team = np.array([{"FAMILY_SUPPORT": FI, "CHILD_PROTECTION": FI, "LOOKED_AFTER": LA,
                             "DISABILITY": DS, "ADULT_SERVICES": AD}.get(code, GW)
                            for code in rec.codes["episode_reason"].codes])
    yield rec.record("client41", stream(seed, "rec:client41"), t["pid"], t["date"],
                     rec.trust_at(t["pid"], t["date"]), [
        *IDS, ("team", "team", reason_team[t["reason"]]), ("trust", "trust"), ("seq_no", "seq_no"),
        ("start_date", "date", t["date"], []),
        ("episode_reason", "code", t["reason"], "episode_reason"),
        ("closed_date", "date", t["end"], ["closed_reason"]),
        ("closed_reason", "code", t["end_reason"], "closed_reason"),
    ], open_end=t["end"])
    for name, table, detail_col, detail_list, type_list in (
        ("physical_impairment", world.physical, "diagnosis_type", "diagnosis_type", "physical_disability_type"),
        ("learning_disability", world.learning, "disability_degree", "disability_degree", "learning_disability_type"),
        ("mental_health", world.mental, None, None, "condition_type"),
    ):
        t = table
        spec = [*IDS, ("start_date", "date", t["date"], []), ("end_date", "date", t["end"], []),
                ("condition_type" if detail_col is None else "disability_type", "code", t["type"], type_list)]
        if detail_col is not None:
            spec.append((detail_col, "code", t["detail"], detail_list))
        yield rec.record(name, stream(seed, f"rec:{name}"), t["pid"], t["date"],
                         rec.trust_at(t["pid"], t["date"]), spec, open_end=t["end"])
    yield record_unscheduled(world, rec, seed)


def _client(world: World, rec: Recorder, seed: int) -> Recorded:
    """One client row per SOSCARE client record and address: a new row (next
    seq_no) when a child known to a Trust has activity from a new address."""
    p, c, a = world.persons, world.careers, world.areas
    pid = np.concatenate([c.referrals["pid"], c.registrations["pid"], c.spells["pid"]])
    day = np.concatenate([c.referrals["date"], c.registrations["date"], c.spells["entry"]]).astype(np.int64)
    trust = rec.trust_at(pid, day)
    key = rec.client_key(pid, trust, day)
    res = p.residence_index(pid, day.astype(np.int32))
    order = np.lexsort((day, res, key))
    key_s, res_s = key[order], res[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = (key_s[1:] != key_s[:-1]) | (res_s[1:] != res_s[:-1])
    rows = order[first]
    rows = rows[np.lexsort((pid[rows], day[rows]))]
    pid, day, trust, res = pid[rows], day[rows], trust[rows], res[rows]
    n = len(pid)
    rng = stream(seed, "rec:client-values")
    soa = p.soas[pid, res]
    pc = a.pc_start[soa] + p.pc_pick[pid, res].astype(np.int64) % a.pc_count[soa]
    u = rng.random(n)
    style = rng.integers(0, 4, n)
    # every postcode as written: canonical, then four variants, then blank
    compact = np.strings.replace(a.postcode, b" ", b"")
    vocab = np.concatenate([a.postcode, np.strings.lower(a.postcode), compact,
                            np.strings.replace(a.postcode, b" ", b"  "), np.strings.lower(compact), [b""]])
    m = rec.mess
    form = np.where(u < m.postcode_blank + m.postcode_varied, 1 + style, 0)
    index = np.where(u < m.postcode_blank, len(vocab) - 1, form * len(a.postcode) + pc)
    postcode = Lookup(index.astype(np.int32), vocab)
    birth = p.birth[pid].astype("datetime64[D]")
    month = (birth.astype("datetime64[M]").astype(np.int64) % 12 + 1)
    year = birth.astype("datetime64[Y]").astype(np.int64) + 1970
    month = np.where(rng.random(n) < 0.005, -1, month)
    year = np.where(rng.random(n) < 0.005, -1, year)
    g = rec.codes["gender"]
    gender = np.where(p.sex[pid] == 0, g.index("M"), g.index("F"))
    gender = np.where(rng.random(n) < m.gender_unknown, g.index("U"), gender).astype(np.int16)
    adult = p.is_adult_only[pid] | (day >= add_years(p.birth[pid], 18))
    return rec.record("client", stream(seed, "rec:client"), pid, day, trust, [
        *IDS, ("team", "team", np.where(adult, AD, GW)), ("trust", "trust"), ("seq_no", "seq_no"),
        ("birth_month", "int", month), ("birth_year", "int", year), ("postcode", "text", postcode),
        ("gender", "code", gender, "gender"), ("religion", "code", p.religion[pid], "religion"),
        ("ethnicity", "code", p.ethnicity[pid], "ethnicity"),
        ("country_of_birth", "code", p.country_of_birth[pid], "country_of_birth"),
    ], soa=soa, standing=True)


def record_unscheduled(world: World, rec: Recorder, seed: int) -> Recorded:
    """Unscheduled care attendances up to the reference date (another system:
    no Trust exit, better HCN recording, ISO dates)."""
    t = world.unscheduled
    n = len(t["pid"])
    rng = stream(seed, "rec:unscheduled")
    attendance = Token(np.arange(n, dtype=np.int64), 1, b"UC", 9)  # UC000000001, ...
    number = hcn_mod.issue(2 * t["pid"].astype(np.int64) + (t["date"] >= world.adopted_on[t["pid"]]))
    bad = np.full(n, rec.mess.uc_hcn_bad)
    hcns, _ = rec.hcns(number, bad, rng)
    home_trust = world.areas.trust[t["home_soa"]]
    setting_trust = np.where(t["elsewhere"], (home_trust + t["other_trust"]) % 5, home_trust)
    keep = np.flatnonzero(t["date"] < rec.cut)
    trust_names = np.array([s.encode() for s in rec.codes["trust"].codes])
    cols = [attendance, hcns, Lookup(t["date"].astype(np.int64) - DATE_FIRST, rec.iso),
            Lookup(t["setting"], rec.codes["setting_type"].vocab()), Lookup(setting_trust, trust_names)]
    return Recorded("unscheduled_care", list(UNSCHEDULED_COLUMNS), [x.take(keep) for x in cols],
                    t["pid"][keep], np.zeros(len(keep), dtype=bool))
