"""Turn the truth into recorded extracts: identifiers, cut-offs and mess.

For every module the truth rows (to the horizon) get their identifiers and
all their random recording draws first; only then are the rows cut to what an
extract at the reference date shows (events before the reference date and
before the Trust's exit, recording completeness in early years), so the same
seed with a later reference date records the same world, later.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from . import hcn as hcn_mod
from .codes import CodeList, Codes
from .config import RECORDS_START, TRUSTS, RunConfig, day_number
from .population import Areas, Persons
from .tables import NEVER, digits, rank_within

P31 = 2**31 - 1  # a prime: tokens are (multiplier * (key + 1)) mod P31
DATE_FIRST = day_number(dt.date(1880, 1, 1))
TEAM_TYPES = ("GW", "FI", "LA", "DS", "AD")
TEAMS_PER_TRUST = (6, 5, 4, 4, 4)
TRUST_PREFIX = ("BH", "NH", "SE", "SH", "WH")
UNKNOWN_TRUSTS = (b"HSCB", b"NIHSCT", b"UNKNOWN", b"BHST", b"XX")
BAD_SEQ = (b"", b"NA", b"1a", b"0.5", b"?")


def token(key: np.ndarray, multiplier: int, prefix: bytes, width: int = 10) -> np.ndarray:
    """Anonymised identifier: a bijective scramble of a non-negative key."""
    key = np.asarray(key, dtype=np.int64)
    if key.size and key.max() >= P31 - 1:
        raise ValueError("identifier key space exhausted; the scale is too large")
    value = (multiplier * (key + 1)) % P31
    return np.strings.add(prefix, digits(value, width))


def _date_tables() -> tuple[np.ndarray, np.ndarray]:
    days = np.arange(DATE_FIRST, day_number(dt.date(2060, 12, 31)) + 1)
    iso = np.datetime_as_string(days.astype("datetime64[D]")).astype("S10")
    chars = iso.view("S1").reshape(-1, 10)
    legacy = np.concatenate([chars[:, 8:10], np.full((len(iso), 1), b"/"), chars[:, 5:7],
                             np.full((len(iso), 1), b"/"), chars[:, 0:4]], axis=1)
    return iso, np.ascontiguousarray(legacy).view("S10").ravel()


@dataclass
class Recorded:
    """A module as written: header, bytes columns, the person of every row
    and the rows written with a wrong number of fields."""

    name: str
    header: list[str]
    columns: list[np.ndarray]
    pid: np.ndarray
    malformed: np.ndarray


class Recorder:
    """Shared recording rules; one instance per run."""

    def __init__(self, cfg: RunConfig, persons: Persons, areas: Areas, codes: Codes,
                 adopted_on: np.ndarray) -> None:
        self.cfg, self.mess, self.p, self.areas, self.codes = cfg, cfg.mess, persons, areas, codes
        self.adopted_on = adopted_on
        self.cut = day_number(cfg.reference_date) + 1
        self.exit_day = np.array([day_number(cfg.trust_exits[t]) if t in cfg.trust_exits else NEVER
                                  for t in TRUSTS], dtype=np.int64)
        self.iso, self.legacy = _date_tables()
        self.years = np.ascontiguousarray(self.iso.view("S1").reshape(-1, 10)[:, :4]).view("S4").ravel()
        self.year_of_day = self.years.astype(np.int64)
        self.teams = np.array([f"{TRUST_PREFIX[t]}-{ty}-{k + 1:02d}".encode()
                               for t in range(len(TRUSTS)) for ty in TEAM_TYPES for k in range(8)])
        variants = []
        for t in TRUSTS:
            variants += [t.lower(), t.title(), " " + t, t + " ", " " + t.lower() + " "]
        self.trust_vocab = np.array([t.encode() for t in TRUSTS] + [v.encode() for v in variants]
                                    + list(UNKNOWN_TRUSTS))

    # identifiers -----------------------------------------------------------
    def trust_at(self, pid: np.ndarray, day: np.ndarray) -> np.ndarray:
        """Trust of each person's home area on the day."""
        return self.areas.trust[self.p.soa_at(pid, np.minimum(day, NEVER - 1).astype(np.int32))]

    def client_key(self, pid: np.ndarray, trust: np.ndarray, day: np.ndarray) -> np.ndarray:
        """One key per SOSCARE client record: person, Trust, before/after adoption."""
        phase = day >= self.adopted_on[pid]
        return pid.astype(np.int64) * 12 + trust.astype(np.int64) * 2 + phase

    # formatting --------------------------------------------------------------
    def dates(self, days: np.ndarray, legacy: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """Dates as text: ISO or DD/MM/YYYY, blank for none, and at small rates
        the 1900-01-01 placeholder or an impossible date."""
        n = len(days)
        u = rng.random(n)
        has = days < NEVER
        idx = np.clip(days.astype(np.int64) - DATE_FIRST, 0, len(self.iso) - 1)
        out = np.where(legacy, self.legacy[idx], self.iso[idx])
        year = self.years[idx]
        impossible = np.where(legacy, np.strings.add(b"30/02/", year), np.strings.add(year, b"-02-30"))
        m = self.mess
        out = np.where(u < m.placeholder_date, b"1900-01-01", out)
        out = np.where((u >= m.placeholder_date) & (u < m.placeholder_date + m.impossible_date),
                       impossible, out)
        return np.where(has, out, b"")

    def code(self, idx: np.ndarray, codes: CodeList, rng: np.random.Generator,
             legacy: np.ndarray | None = None) -> np.ndarray:
        """Codes as text (blank for -1), a few typos, legacy codes if asked."""
        n = len(idx)
        u = rng.random(n)
        pick = rng.integers(0, 3, n)
        vocab = np.append(codes.vocab(), b"")
        out = vocab[idx]
        known = set(codes.codes) | set(codes.legacy)
        typo = np.array([[v.encode() for v in _typos(c, known)] for c in codes.codes])
        has = idx >= 0
        wrong = has & (u < self.mess.unknown_code)
        out = np.where(wrong, typo[np.maximum(idx, 0), pick], out)
        if legacy is not None and codes.legacy:
            letter = {canon: old for old, canon in codes.legacy.items()}
            old = np.array([letter[c].encode() for c in codes.codes])
            out = np.where(has & legacy & ~wrong, old[np.maximum(idx, 0)], out)
        return out

    def hcns(self, number: np.ndarray, bad_share: np.ndarray,
             rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """HCNs as recorded: valid (sometimes spaced or hyphenated), or one of
        the invalid forms, with the given share of bad values per row.
        Returns the values and which of them were made invalid."""
        n = len(number)
        m = self.mess
        u = rng.random(n)
        form = rng.choice(len(m.hcn_bad_forms), n, p=np.array(m.hcn_bad_forms) / sum(m.hcn_bad_forms))
        style = rng.random(n)
        short_by = rng.integers(1, 4, n)
        shift = rng.integers(1, 10, n)
        first = rng.choice(np.array([1, 2, 4, 5, 6, 7, 8, 9]), n)
        plain = digits(number, 10)
        parts = (digits(number // 10**7, 3), digits(number // 10**4 % 1000, 3), digits(number % 10**4, 4))
        spaced = np.strings.add(np.strings.add(np.strings.add(parts[0], b" "), np.strings.add(parts[1], b" ")), parts[2])
        hyphen = np.strings.replace(spaced, b" ", b"-")
        valid = np.where(style < m.hcn_spaced, spaced,
                         np.where(style < m.hcn_spaced + m.hcn_hyphen, hyphen, plain))
        bad = [np.full(n, b""), digits(number // 10**short_by), np.full(n, b"0000000000"),
               np.full(n, b"9999999999"), digits(hcn_mod.with_failed_check(number, shift), 10),
               digits(hcn_mod.out_of_range(number, first), 10)]
        out = valid.astype("S12")
        is_bad = u < bad_share
        for k, value in enumerate(bad):
            out = np.where(is_bad & (form == k), value, out)
        return out, is_bad

    def trusts(self, trust: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """Trust codes in varied case and spacing; a few unknown values."""
        n = len(trust)
        u = rng.random(n)
        variant = rng.integers(0, 5, n)
        unknown = rng.integers(0, len(UNKNOWN_TRUSTS), n)
        m = self.mess
        idx = np.where(u < m.trust_unknown, len(TRUSTS) * 6 + unknown,
                       np.where(u < m.trust_unknown + m.trust_varied,
                                len(TRUSTS) + trust * 5 + variant, trust))
        return self.trust_vocab[idx]

    def seq(self, seq_no: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """Sequence numbers, a few of them not integers."""
        u = rng.random(len(seq_no))
        which = rng.integers(0, len(BAD_SEQ), len(seq_no))
        return np.where(u < self.mess.bad_seq_no, np.array(BAD_SEQ)[which], digits(seq_no))

    def team(self, trust: np.ndarray, team_type: np.ndarray, soa: np.ndarray) -> np.ndarray:
        """Team code: Trust, type of team and a local team by area."""
        per_trust = np.array(TEAMS_PER_TRUST)[trust]
        return self.teams[(trust.astype(np.int64) * len(TEAM_TYPES) + team_type) * 8 + soa % per_trust]

    # the common recording path ----------------------------------------------------
    def completeness(self, year: np.ndarray) -> np.ndarray:
        m = self.mess
        span = m.completeness_full_year - RECORDS_START.year
        frac = np.clip((year - RECORDS_START.year) / span, 0, 1)
        return m.completeness_1985 + (1 - m.completeness_1985) * frac

    def bad_hcn_share(self, year: np.ndarray) -> np.ndarray:
        m = self.mess
        return np.interp(year, [1994.999, 2010], [m.hcn_bad_early, m.hcn_bad_recent])

    def record(self, name: str, rng: np.random.Generator, pid: np.ndarray, event: np.ndarray,
               trust: np.ndarray, spec: list[tuple], *, open_end: np.ndarray | None = None,
               soa: np.ndarray | None = None) -> Recorded:
        """Record one module. ``spec`` lists (column, kind, ...) in contract order:
        ("hcn",), ("soscare_id",), ("team", type), ("trust",), ("seq_no",),
        ("date", days, [dependent columns]), ("code", idx, list, legacy_abuse),
        ("int", values), ("text", bytes). ``open_end`` lets rows that start
        before 1985 but are still open then be recorded."""
        n = len(pid)
        event = event.astype(np.int64)
        year = self.year_of_day[event - DATE_FIRST]
        key = self.client_key(pid, trust, event)
        if soa is None:
            soa = self.p.soa_at(pid, event.astype(np.int32))
        # draws for every truth row, before any cut
        u_keep, u_dup, u_bad_line, u_legacy = (rng.random(n) for _ in range(4))
        legacy = u_legacy < np.where(year < 1995, self.mess.legacy_date_early, self.mess.legacy_date_late)
        cutoff = np.minimum(self.cut, self.exit_day[trust])
        keep = (event < cutoff) & (u_keep < self.completeness(np.maximum(year, RECORDS_START.year)))
        start = day_number(RECORDS_START)
        opened = event >= start
        if open_end is not None:
            opened |= open_end.astype(np.int64) >= start
        keep &= opened
        # numbered among the rows SOSCARE holds (from 1985), whatever the cut
        seq_no = rank_within(np.where(opened, key, -1), event) + 1
        blank_rows: dict[str, np.ndarray] = {}
        for col, kind, *args in spec:
            if kind == "date":
                late = (args[0] >= cutoff) & (args[0] < NEVER)
                for dep in [col, *args[1]]:
                    blank_rows[dep] = blank_rows.get(dep, np.zeros(n, dtype=bool)) | late
        rows = np.flatnonzero(keep)
        draws = _KeptDraws(rng, rows, n)
        pid, event, year, trust, soa, key = (a[rows] for a in (pid, event, year, trust, soa, key))
        legacy, u_legacy = legacy[rows], u_legacy[rows]
        columns = []
        for col, kind, *args in spec:
            arg = args[0][rows] if args and np.ndim(args[0]) else (args[0] if args else None)
            if kind == "hcn":
                number = hcn_mod.issue(2 * pid.astype(np.int64) + (event >= self.adopted_on[pid]))
                values, _ = self.hcns(number, self.bad_hcn_share(year), draws)
            elif kind == "soscare_id":
                values = token(key, 48271, b"S")
            elif kind == "team":
                values = self.team(trust, arg, soa)
            elif kind == "trust":
                values = self.trusts(trust, draws)
            elif kind == "seq_no":
                values = self.seq(seq_no[rows], draws)
            elif kind == "date":
                values = self.dates(arg, legacy, draws)
            elif kind == "code":
                values = self.code(arg, self.codes[args[1]], draws,
                                   legacy=(year < 1995) & (u_legacy < self.mess.legacy_abuse_early)
                                   if len(args) > 2 and args[2] else None)
            elif kind == "int":
                values = np.where(arg >= 0, digits(np.maximum(arg, 0)), b"")
            elif kind == "text":
                values = arg
            else:
                raise ValueError(f"unknown column kind {kind}")
            if col in blank_rows:
                values = np.where(blank_rows[col][rows], b"", values)
            columns.append(values)
        copies = 1 + (u_dup[rows] < self.mess.duplicate)
        expand = np.repeat(np.arange(len(rows)), copies)
        return Recorded(name, [s[0] for s in spec], [c[expand] for c in columns],
                        pid[expand], (u_bad_line[rows] < self.mess.malformed)[expand])


class _KeptDraws:
    """Random draws made for every truth row and handed out for the kept rows
    only: the values a row gets never depend on which other rows are kept
    (so a later reference date records the same rows the same way)."""

    def __init__(self, rng: np.random.Generator, rows: np.ndarray, n_all: int) -> None:
        self.rng, self.rows, self.n_all = rng, rows, n_all

    def random(self, _n: int) -> np.ndarray:
        return self.rng.random(self.n_all)[self.rows]

    def integers(self, low: int, high: int, _n: int) -> np.ndarray:
        return self.rng.integers(low, high, self.n_all)[self.rows]

    def choice(self, a, _n: int, p: np.ndarray | None = None) -> np.ndarray:
        return self.rng.choice(a, self.n_all, p=p)[self.rows]


def _typos(code: str, known: set[str]) -> list[str]:
    """Three misspellings of a code that are not codes (repeated if fewer)."""
    cands = [code[:-1], code + code[-1], code[0] + code[2:3] + code[1:2] + code[3:], code + "X",
             code.replace("_", "")]
    out = [c for c in dict.fromkeys(cands) if c and c not in known]
    return (out * 3)[:3]
