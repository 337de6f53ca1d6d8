"""The small-numbers rule (``disclosure``), checked from the outside: an attacker who knows
every published cell, every sum between them and what each label means solves the integer
program for the smallest and largest value of every suppressed cell (SciPy's HiGHS, an
independent solver). No suppressed cell may come out with one possible value.

The published sums are written out here again, from the contract of the pages (a year's
total, municipality totals, category totals, municipality by category per breakdown), not
taken from the module under test."""

from __future__ import annotations

import itertools
from collections.abc import Mapping

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import LinearConstraint, milp

from meldwijzer.disclosure import TOTAL, Cell, Status, Year, protect


def published_sums(gemeenten: list[str], dims: dict[str, list[str]]
                   ) -> list[tuple[Cell, list[Cell]]]:
    sums: list[tuple[Cell, list[Cell]]] = [(TOTAL, [(g, None, None) for g in gemeenten])]
    for name, cats in dims.items():
        sums.append((TOTAL, [(None, name, x) for x in cats]))
        sums += [((g, None, None), [(g, name, x) for x in cats]) for g in gemeenten]
        sums += [((None, name, x), [(g, name, x) for g in gemeenten]) for x in cats]
    return sums


def attacker_ranges(values: Mapping[Cell, int], status: Mapping[Cell, Status],
                    sums: list[tuple[Cell, list[Cell]]], threshold: int
                    ) -> dict[Cell, tuple[float, float]]:
    """(smallest, largest) possible value of every suppressed cell, given what a public
    build shows. A label "minder dan" means 1 to threshold-1, or 0 to threshold-1 when the
    cell is in a sum whose total reads "minder dan" (where zeros are hidden too)."""
    hidden = sorted((c for c, s in status.items() if s is not Status.PUBLIEK),
                    key=lambda c: tuple(p or "" for p in c))
    index = {c: i for i, c in enumerate(hidden)}
    small_totals = {t for t, _ in sums if status[t] is Status.KLEIN}
    may_be_zero = {m for t, members in sums if t in small_totals for m in members}
    rows, rhs = [], []
    for total, members in sums:
        row = np.zeros(len(hidden))
        constant = 0
        for cell, sign in [(total, -1), *((m, 1) for m in members)]:
            if cell in index:
                row[index[cell]] += sign
            else:
                constant += sign * values[cell]
        if row.any():
            rows.append(row)
            rhs.append(-constant)
        else:
            assert constant == 0
    low, high = [], []
    for cell in hidden:
        kind = status[cell]
        if kind is Status.KLEIN:
            low.append(0 if cell in may_be_zero else 1)
            high.append(threshold - 1)
        elif kind is Status.AFGESCHERMD:
            low.append(threshold)
            high.append(np.inf)
        else:
            low.append(0)
            high.append(np.inf)
    constraints = [LinearConstraint(np.array(rows), rhs, rhs)] if rows else []
    bounds = (np.array(low, dtype=float), np.array(high, dtype=float))
    out = {}
    for cell, i in index.items():
        found = []
        for direction in (1, -1):
            objective = np.zeros(len(hidden))
            objective[i] = direction
            result = milp(objective, constraints=constraints, integrality=np.ones(len(hidden)),
                          bounds=bounds)
            if result.status in (3, 4):  # unbounded (the true values are feasible)
                found.append(np.inf * -direction)
            else:
                assert result.success, result.message
                found.append(direction * result.fun)
        out[cell] = (found[0], found[1])
    return out


def check(year: Year, threshold: int) -> dict[Cell, Status]:
    status = protect(year, threshold)
    values = dict(year.values)
    gemeenten = list(year.municipalities)
    dims = {name: list(cats) for name, cats in year.breakdowns}
    for cell, value in values.items():  # the labels are true
        kind = status[cell]
        if kind is Status.KLEIN:
            assert value < threshold, (cell, value)
        elif kind is Status.AFGESCHERMD:
            assert value >= threshold, (cell, value)
        elif kind is Status.PUBLIEK:
            assert value == 0 or value >= threshold, (cell, value)
    ranges = attacker_ranges(values, status, published_sums(gemeenten, dims), threshold)
    for cell, (low, high) in ranges.items():
        assert low <= values[cell] <= high, (cell, values[cell], low, high)
        assert low < high, f"{cell} = {values[cell]} can be derived from what is published"
    return status


def year_of(table: dict[tuple[str, tuple[str, ...]], int], gemeenten: list[str],
            dims: dict[str, list[str]]) -> Year:
    return Year.from_counts(gemeenten, list(dims.items()), [
        (g, dict(zip(dims, cats, strict=True)), n) for (g, cats), n in table.items()])


@st.composite
def years(draw: st.DrawFn) -> tuple[Year, int]:
    gemeenten = [f"g{i}" for i in range(draw(st.integers(1, 4)))]
    dims = {f"d{i}": [f"x{j}" for j in range(draw(st.integers(1, 4)))]
            for i in range(draw(st.integers(0, 2)))}
    combos = [(g, cats) for g in gemeenten
              for cats in itertools.product(*dims.values())] if dims else \
        [(g, ()) for g in gemeenten]
    small = st.integers(0, 4)
    count = st.one_of(small, small, st.integers(0, 12))
    table = {combo: draw(count) for combo in combos}
    threshold = draw(st.sampled_from([5, 5, 5, 3, 10]))
    return year_of(table, gemeenten, dims), threshold


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(years())
def test_no_suppressed_cell_can_be_derived(case: tuple[Year, int]) -> None:
    check(*case)


def test_a_single_small_cell_needs_company() -> None:
    """Hilversum 12 = 3 + 9: publishing the 9 and the 12 would give the 3 away."""
    year = year_of({("hilversum", ("arbeid",)): 3, ("hilversum", ("seks",)): 9,
                    ("laren", ("arbeid",)): 8, ("laren", ("seks",)): 7},
                   ["hilversum", "laren"], {"vorm": ["arbeid", "seks"]})
    status = check(year, 5)
    assert status[("hilversum", "vorm", "arbeid")] is Status.KLEIN
    assert status[("hilversum", "vorm", "seks")] is Status.AFGESCHERMD
    assert status[TOTAL] is Status.PUBLIEK


def test_two_ones_are_not_safe_together() -> None:
    """Two municipalities with 1 each, the total 2+10 published: "1 to 4" twice adding up
    to 2 gives both away; a third cell must be hidden."""
    year = year_of({("a", ()): 1, ("b", ()): 1, ("c", ()): 10}, ["a", "b", "c"], {})
    status = check(year, 5)
    assert status[("c", None, None)] is Status.AFGESCHERMD


def test_zeros_around_a_small_group_are_hidden() -> None:
    year = year_of({("a", ("x",)): 3, ("a", ("y",)): 0, ("b", ("x",)): 6, ("b", ("y",)): 9},
                   ["a", "b"], {"vorm": ["x", "y"]})
    status = check(year, 5)
    assert status[("a", "vorm", "y")] is Status.KLEIN  # a 0, but in Laren's small row


def test_a_region_of_one_case_is_withheld_or_protected() -> None:
    year = year_of({("a", ("x",)): 1}, ["a"], {"vorm": ["x"]})
    check(year, 5)


def test_large_counts_are_published() -> None:
    year = year_of({("a", ("x",)): 7, ("a", ("y",)): 5, ("b", ("x",)): 0, ("b", ("y",)): 12},
                   ["a", "b"], {"vorm": ["x", "y"]})
    status = check(year, 5)
    assert set(status.values()) == {Status.PUBLIEK}


@pytest.mark.parametrize("threshold", [1, 2])
def test_a_threshold_below_three_is_refused(threshold: int) -> None:
    with pytest.raises(ValueError):
        protect(year_of({("a", ()): 1}, ["a"], {}), threshold)
