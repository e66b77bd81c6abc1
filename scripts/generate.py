"""Generate synthetic SOSCARE raw extracts (see docs/contract/raw_extracts.md).

    python scripts/generate.py --out data/raw --scale 1 --seed 1985 --reference-date 2024-03-31

Writes the 14 module files and 4 reference files into --out, and the ground
truth (record_person.csv, persons.csv, calibration.csv) into --truth-out
(default: a folder ``truth`` beside --out).
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import fields, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth.config import DEFAULT_TRUST_EXITS, TRUSTS, MessRates, RunConfig  # noqa: E402
from synth.pipeline import run  # noqa: E402


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {text!r}") from None


def _exit(text: str) -> tuple[str, dt.date]:
    trust, _, day = text.partition("=")
    if trust not in TRUSTS:
        raise argparse.ArgumentTypeError(f"unknown Trust {trust!r} (one of {', '.join(TRUSTS)})")
    return trust, _date(day)


def parse_args(argv: list[str] | None = None) -> RunConfig:
    """Command line to :class:`RunConfig`."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, type=Path, help="raw directory to write")
    ap.add_argument("--scale", type=float, default=1.0, help="1 = the whole NI child population")
    ap.add_argument("--seed", type=int, default=1985)
    ap.add_argument("--reference-date", type=_date, required=True, help="extract date YYYY-MM-DD")
    ap.add_argument("--truth-out", type=Path, help="ground truth folder (default: <parent of --out>/truth)")
    ap.add_argument("--gzip", action="store_true", help="write <module>.csv.gz")
    ap.add_argument("--quiet", action="store_true", help="no progress bar")
    ap.add_argument("--trust-exit", type=_exit, action="append", metavar="TRUST=YYYY-MM-DD",
                    help="a Trust leaving SOSCARE (repeatable; replaces the defaults "
                         + ", ".join(f"{t}={d}" for t, d in DEFAULT_TRUST_EXITS.items()) + ")")
    ap.add_argument("--no-trust-exits", action="store_true", help="every Trust stays on SOSCARE")
    for f in fields(MessRates):
        if f.type in ("float", float):
            ap.add_argument(f"--{f.name.replace('_', '-')}", type=float, metavar="RATE",
                            help=f"mess rate (default {f.default})")
    args = ap.parse_args(argv)
    if args.scale <= 0:
        ap.error("--scale must be positive")
    exits = dict(DEFAULT_TRUST_EXITS)
    if args.no_trust_exits:
        exits = {}
    if args.trust_exit:
        exits = dict(args.trust_exit)
    mess = replace(MessRates(), **{f.name: getattr(args, f.name) for f in fields(MessRates)
                                   if getattr(args, f.name, None) is not None})
    out = args.out.resolve()
    truth = args.truth_out.resolve() if args.truth_out else out.parent / "truth"
    if truth == out or out in truth.parents:
        ap.error("--truth-out must not be the raw directory or inside it")
    return RunConfig(out_dir=out, truth_dir=truth, scale=args.scale, seed=args.seed,
                     reference_date=args.reference_date, gzip=args.gzip, quiet=args.quiet,
                     trust_exits=exits, mess=mess)


def main(argv: list[str] | None = None) -> int:
    run(parse_args(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
