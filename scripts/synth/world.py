"""The whole truth of one seed and scale (independent of the reference date)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .careers import CareerSimulator, Careers
from .codes import Codes
from .config import stream
from .extras import adult_referrals, client41, disabilities, family, unscheduled_care
from .population import Areas, Persons, make_areas, make_persons
from .tables import NEVER, Table, concat


@dataclass
class World:
    """Areas, people, careers and every other truth table."""

    areas: Areas
    persons: Persons
    careers: Careers  # careers.referrals: children's and adults' referrals, by date
    client41: Table
    physical: Table
    learning: Table
    mental: Table
    family: Table
    unscheduled: Table
    adopted_on: np.ndarray  # day of adoption per person (NEVER if none)


def build_world(seed: int, scale: float, codes: Codes) -> World:
    """Simulate the truth to the horizon; each part draws from its own stream."""
    areas = make_areas(stream(seed, "areas"))
    persons = make_persons(stream(seed, "persons"), areas, scale, codes)
    careers = CareerSimulator(stream(seed, "careers"), persons, areas, codes).run()
    adults = adult_referrals(stream(seed, "adults"), persons, careers, codes)
    # one table of all referrals, sorted in place column by column (memory)
    referrals = concat([careers.referrals, adults])
    careers.referrals = referrals
    del adults
    order = np.lexsort((referrals["pid"], referrals["date"]))
    for k in referrals:
        referrals[k] = referrals[k][order]
    del order
    physical, learning, mental = disabilities(stream(seed, "disabilities"), persons, careers, codes)
    adopted_on = np.full(persons.n, NEVER, dtype=np.int32)
    sp = careers.spells
    adopted = sp["adopted"]
    adopted_on[sp["pid"][adopted]] = sp["discharge"][adopted]
    return World(
        areas=areas, persons=persons, careers=careers,
        client41=client41(stream(seed, "client41"), careers, codes),
        physical=physical, learning=learning, mental=mental,
        family=family(stream(seed, "family"), persons, careers, codes),
        unscheduled=unscheduled_care(stream(seed, "unscheduled"), persons, careers, codes),
        adopted_on=adopted_on,
    )
