"""Turn the truth into recorded extracts: identifiers, cut-offs and mess.

For every module the truth rows (to the horizon) get their identifiers and
all their random recording draws first; only then are the rows cut to what an
extract at the reference date shows (events before the reference date and
before the Trust's exit, recording completeness in early years), so the same
seed with a later reference date records the same world, later. Columns come
out as compact integers (see :mod:`columns`) and become text only when written.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from . import hcn as hcn_mod
from .codes import CodeList, Codes
from .columns import HYPHEN, PLAIN, SPACED, Blanked, HcnText, Lookup, Number, Token, as_column
from .config import RECORDS_START, TRUSTS, RunConfig, day_number, stream
from .population import Areas, Persons
from .tables import NEVER, rank_within

DATE_FIRST = day_number(dt.date(1880, 1, 1))
TEAM_TYPES = ("GW", "FI", "LA", "DS", "AD")
TEAMS_PER_TRUST = (6, 5, 4, 4, 4)
TRUST_PREFIX = ("BH", "NH", "SE", "SH", "WH")
UNKNOWN_TRUSTS = (b"HSCB", b"NIHSCT", b"UNKNOWN", b"BHST", b"XX")
BAD_SEQ = (b"", b"NA", b"1a", b"0.5", b"?")


def _date_tables() -> tuple[np.ndarray, np.ndarray]:
    days = np.arange(DATE_FIRST, day_number(dt.date(2060, 12, 31)) + 1)
    iso = np.datetime_as_string(days.astype("datetime64[D]")).astype("S10")
    chars = iso.view("S1").reshape(-1, 10)
    legacy = np.concatenate([chars[:, 8:10], np.full((len(iso), 1), b"/"), chars[:, 5:7],
                             np.full((len(iso), 1), b"/"), chars[:, 0:4]], axis=1)
    return iso, np.ascontiguousarray(legacy).view("S10").ravel()


@dataclass
class Recorded:
    """A module as written: header, text columns (formatted when written),
    the person of every row and the rows written with a wrong number of fields."""

    name: str
    header: list[str]
    columns: list
    pid: np.ndarray
    malformed: np.ndarray


class Recorder:
    """Shared recording rules; one instance per run."""

    def __init__(self, cfg: RunConfig, persons: Persons, areas: Areas, codes: Codes,
                 adopted_on: np.ndarray) -> None:
        self.cfg, self.mess, self.p, self.areas, self.codes = cfg, cfg.mess, persons, areas, codes
        self.adopted_on = adopted_on
        # people whose HCN never reaches a social care record (own stream: no other draw shifts)
        self.hcn_never = stream(cfg.seed, "rec:hcn-never").random(len(persons.birth)) < cfg.mess.hcn_never_recorded
        self.cut = day_number(cfg.reference_date) + 1
        self.exit_day = np.array([day_number(cfg.trust_exits[t]) if t in cfg.trust_exits else NEVER
                                  for t in TRUSTS], dtype=np.int64)
        self.iso, legacy = _date_tables()
        years = np.ascontiguousarray(self.iso.view("S1").reshape(-1, 10)[:, :4]).view("S4").ravel()
        self.year_of_day = years.astype(np.int16)
        # every date text, by (form, day): ISO, DD/MM/YYYY, the impossible 30 February
        # of the day's year in both forms, then the placeholder and blank
        self.date_vocab = np.concatenate([self.iso, legacy, np.strings.add(years, b"-02-30"),
                                          np.strings.add(b"30/02/", years), [b"1900-01-01", b""]])
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
    def dates(self, days: np.ndarray, legacy: np.ndarray, rng: np.random.Generator) -> Lookup:
        """Dates as text: ISO or DD/MM/YYYY, blank for none, and at small rates
        the 1900-01-01 placeholder or an impossible date."""
        n_days = len(self.iso)
        u = rng.random(len(days))
        idx = np.clip(days.astype(np.int64) - DATE_FIRST, 0, n_days - 1).astype(np.int32)
        m = self.mess
        impossible = (u >= m.placeholder_date) & (u < m.placeholder_date + m.impossible_date)
        idx += n_days * (legacy + 2 * impossible).astype(np.int32)
        idx[u < m.placeholder_date] = 4 * n_days
        idx[days >= NEVER] = 4 * n_days + 1
        return Lookup(idx, self.date_vocab)

    def code(self, idx: np.ndarray, codes: CodeList, rng: np.random.Generator,
             legacy: np.ndarray | None = None) -> Lookup:
        """Codes as text (blank for -1), a few typos, legacy codes if asked."""
        n, k = len(idx), len(codes.codes)
        u = rng.random(n)
        pick = rng.integers(0, 3, n)
        known = set(codes.codes) | set(codes.legacy)
        typo = np.array([[v.encode() for v in _typos(c, known)] for c in codes.codes])
        letter = {canon: old for old, canon in codes.legacy.items()}
        old = np.array([letter.get(c, "").encode() for c in codes.codes], dtype="S")
        # vocabulary: codes, three typos per code, legacy codes, blank
        vocab = np.concatenate([codes.vocab(), typo.ravel(), old, [b""]])
        has = idx >= 0
        out = np.where(has, idx, 5 * k).astype(np.int16)
        wrong = has & (u < self.mess.unknown_code)
        out[wrong] = k + 3 * idx[wrong] + pick[wrong]
        if legacy is not None and codes.legacy:
            use = has & legacy & ~wrong
            out[use] = 4 * k + idx[use]
        return Lookup(out, vocab)

    def hcns(self, number: np.ndarray, bad_share: np.ndarray,
             rng: np.random.Generator) -> tuple[HcnText, np.ndarray]:
        """HCNs as recorded: valid (sometimes spaced or hyphenated), or one of
        the invalid forms (blank, short, 0000000000, 9999999999, failed check
        digit, outside the NI range), with the given share of bad values per
        row. Returns the values and which of them were made invalid."""
        n = len(number)
        m = self.mess
        u = rng.random(n)
        form = rng.choice(len(m.hcn_bad_forms), n, p=np.array(m.hcn_bad_forms) / sum(m.hcn_bad_forms))
        style = rng.random(n)
        short_by = rng.integers(1, 4, n)
        shift = rng.integers(1, 10, n)
        first = rng.choice(np.array([1, 2, 4, 5, 6, 7, 8, 9]), n)
        is_bad = u < bad_share
        layout = np.where(style < m.hcn_spaced, SPACED,
                          np.where(style < m.hcn_spaced + m.hcn_hyphen, HYPHEN, PLAIN)).astype(np.int8)
        value = np.asarray(number, dtype=np.int64).copy()
        width = np.full(n, 10, dtype=np.int8)
        for k, sel in enumerate(is_bad & (form == f) for f in range(6)):
            if k == 0:
                width[sel] = 0
            elif k == 1:
                value[sel] //= 10 ** short_by[sel]
                width[sel] = 10 - short_by[sel]
            elif k in (2, 3):
                value[sel] = 0 if k == 2 else 9_999_999_999
            elif k == 4:
                value[sel] = hcn_mod.with_failed_check(value[sel], shift[sel])
            else:
                value[sel] = hcn_mod.out_of_range(value[sel], first[sel])
        layout[is_bad] = PLAIN
        return HcnText(value, width, layout), is_bad

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
        return Lookup(idx.astype(np.int16), self.trust_vocab)

    def seq(self, seq_no: np.ndarray, rng: np.random.Generator) -> Number:
        """Sequence numbers, a few of them not integers."""
        u = rng.random(len(seq_no))
        which = rng.integers(0, len(BAD_SEQ), len(seq_no))
        return Number(np.where(u < self.mess.bad_seq_no, -1 - which, seq_no).astype(np.int32),
                      special=BAD_SEQ)

    def team(self, trust: np.ndarray, team_type: np.ndarray, soa: np.ndarray) -> Lookup:
        """Team code: Trust, type of team and a local team by area."""
        per_trust = np.array(TEAMS_PER_TRUST)[trust]
        idx = (trust.astype(np.int64) * len(TEAM_TYPES) + team_type) * 8 + soa % per_trust
        return Lookup(idx.astype(np.int16), self.teams)

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
               soa: np.ndarray | None = None, standing: bool = False) -> Recorded:
        """Record one module. ``spec`` lists (column, kind, ...) in contract order:
        ("hcn",), ("soscare_id",), ("team", type), ("trust",), ("seq_no",),
        ("date", days, [dependent columns]), ("code", idx, list, legacy_abuse),
        ("int", values), ("text", bytes). ``open_end`` lets rows that start
        before 1985 but are still open then be recorded. ``standing`` marks a
        module of standing records (client demographics): every row up to the
        cut is held, whatever its date or the early years' completeness (the
        draws are still made, so the random streams do not shift)."""
        n = len(pid)
        event = event.astype(np.int64)
        year = self.year_of_day[event - DATE_FIRST]
        m = self.mess
        # draws for every truth row, before any cut (each reduced to flags at once)
        kept_draw = rng.random(n) < self.completeness(np.maximum(year, RECORDS_START.year))
        duplicated = rng.random(n) < m.duplicate
        malformed = rng.random(n) < m.malformed
        u_legacy = rng.random(n)
        legacy = u_legacy < np.where(year < 1995, m.legacy_date_early, m.legacy_date_late)
        legacy_code = (year < 1995) & (u_legacy < m.legacy_abuse_early)
        del u_legacy
        cutoff = np.minimum(self.cut, self.exit_day[trust])
        start = day_number(RECORDS_START)
        opened = event >= start
        if open_end is not None:
            opened |= open_end.astype(np.int64) >= start
        if standing:
            opened[:] = True
            kept_draw[:] = True
        rows = np.flatnonzero((event < cutoff) & kept_draw & opened)
        del kept_draw
        # numbered among the rows SOSCARE holds (from 1985), whatever the cut
        key = self.client_key(pid, trust, event)
        seq_no = (rank_within(np.where(opened, key, -1), event)[rows] + 1).astype(np.int32)
        del opened
        blank_rows: dict[str, np.ndarray] = {}
        for col, kind, *args in spec:
            if kind == "date":
                late = (args[0][rows] >= cutoff[rows]) & (args[0][rows] < NEVER)
                for dep in [col, *args[1]]:
                    blank_rows[dep] = blank_rows.get(dep, np.zeros(len(rows), dtype=bool)) | late
        del cutoff
        draws = _KeptDraws(rng, rows, n)
        if soa is None:
            soa = self.p.soa_at(pid[rows], event[rows].astype(np.int32))
        else:
            soa = soa[rows]
        pid, event, year, trust, key = (a[rows] for a in (pid, event, year, trust, key))
        legacy, legacy_code = legacy[rows], legacy_code[rows]
        columns = []
        for col, kind, *args in spec:
            arg = args[0][rows] if kind != "text" and args and np.ndim(args[0]) else (args[0] if args else None)
            if kind == "hcn":
                number = hcn_mod.issue(2 * pid.astype(np.int64) + (event >= self.adopted_on[pid]))
                bad_share = np.where(self.hcn_never[pid], 1.0, self.bad_hcn_share(year))
                values, _ = self.hcns(number, bad_share, draws)
            elif kind == "soscare_id":
                values = Token(key, 48271, b"S")
            elif kind == "team":
                values = self.team(trust, arg, soa)
            elif kind == "trust":
                values = self.trusts(trust, draws)
            elif kind == "seq_no":
                values = self.seq(seq_no, draws)
            elif kind == "date":
                values = self.dates(arg, legacy, draws)
            elif kind == "code":
                values = self.code(arg, self.codes[args[1]], draws,
                                   legacy=legacy_code if len(args) > 2 and args[2] else None)
            elif kind == "int":
                values = Number(np.where(arg >= 0, arg, -1))
            elif kind == "text":
                values = as_column(arg).take(rows)
            else:
                raise ValueError(f"unknown column kind {kind}")
            if col in blank_rows:
                values = Blanked(values, blank_rows[col])
            columns.append(values)
        expand = np.repeat(np.arange(len(rows)), 1 + duplicated[rows])
        return Recorded(name, [s[0] for s in spec], [c.take(expand) for c in columns],
                        pid[expand], malformed[rows][expand])


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
