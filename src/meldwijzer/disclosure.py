"""Small numbers: which counts of one year's figures a public build may publish.

A pure function (``protect``) on one year of one kind of figures, the way statistical offices
do it (statistical disclosure control, as CBS and Eurostat describe it):

* **What is published** of a year: the region's total ``N``; per municipality its total
  ``R[g]``; per breakdown (form, sector, source, ...) the region's count per category
  ``C[i, x]`` and each municipality's count per category ``T[i, g, x]``. Breakdowns are never
  crossed with each other and years never summed, so a year is a set of two-way tables
  (municipality by category) that share the municipality totals and the year total. Every
  page, chart, the open data and the yearly report print these cells and nothing else.
* **Primary suppression**: a count from 1 to ``threshold - 1`` is not published; it reads
  "minder dan 5" (``Status.KLEIN``).
* **Small groups**: in a line (a row, a column or a list of totals) whose total is such a
  small count, every cell is suppressed, zeros too. Otherwise the zeros around a small count
  say which category every case of that small group is in ("all three cases in that town were
  criminal exploitation"). Elsewhere a 0 is published: it reveals nobody, and it is a known
  value in every sum (the attacker below uses it).
* **Secondary suppression**: more cells are suppressed (``Status.AFGESCHERMD``: a count of at
  least the threshold, hidden so that no small count can be computed) until no suppressed
  cell can be derived from what is published: every total, every other table of the year.

**The attacker** knows every published cell, every sum that holds between cells, and what
each label means: a "minder dan 5" cell is 1 to 4, or 0 to 4 in a small group's line (the
only place where zeros are suppressed); an "afgeschermd" cell is at least the threshold.
A suppressed cell is *protected* when another table exists that agrees with everything
published and those labels and differs in that cell.

**The proof it carries**: a cell is suppressed only together with a *certificate*, a move of
one case that keeps every published sum (swap the category of two cases in two
municipalities, re-categorise one case, move a case to another municipality, or add or
remove one) and changes only suppressed cells, each staying within its label. The table with
that move applied is such another table, so every suppressed cell is protected. Certificates
never expire: cells are only ever added to the suppressed set, and labels never change.
When no certificate can be found for a cell (a one-municipality region with one case), the
whole year is withheld (``Status.NIET``). ``tests/test_disclosure.py`` checks the outcome
with an independent solver (integer programming over all published sums) on random tables.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

Cell = tuple[str | None, str | None, str | None]
"""(municipality, breakdown, category); None where the cell is a total over that part."""
TOTAL: Cell = (None, None, None)
Move = dict[Cell, int]
Cost = tuple[int, int]
FREE: Cost = (0, 0)
UNBOUNDED = 1 << 62


class Status(enum.Enum):
    """What a public build shows of a cell."""

    PUBLIEK = "gepubliceerd"
    KLEIN = "minder-dan-drempel"
    """A count below the threshold (or a 0 in a small group): "minder dan 5"."""
    AFGESCHERMD = "afgeschermd"
    """A count of at least the threshold, hidden so that no small count can be computed."""
    NIET = "niet-gepubliceerd"
    """The whole year is withheld: its figures cannot be protected."""


@dataclass(frozen=True)
class Year:
    """One year's counts of one kind of figures, with every published cell computed."""

    municipalities: tuple[str, ...]
    breakdowns: tuple[tuple[str, tuple[str, ...]], ...]
    values: Mapping[Cell, int] = field(hash=False, compare=False)

    @classmethod
    def from_counts(cls, municipalities: Iterable[str],
                    breakdowns: Iterable[tuple[str, Iterable[str]]],
                    counts: Iterable[tuple[str, Mapping[str, str], int]]) -> Year:
        """The year from records (municipality, {breakdown: category}, count); every
        record has a category in every breakdown."""
        gemeenten = tuple(municipalities)
        dims = tuple((name, tuple(cats)) for name, cats in breakdowns)
        values: dict[Cell, int] = dict.fromkeys(_cells(gemeenten, dims), 0)
        for municipality, categories, count in counts:
            values[TOTAL] += count
            values[(municipality, None, None)] += count
            for name, _ in dims:
                category = categories[name]
                values[(None, name, category)] += count
                values[(municipality, name, category)] += count
        return cls(gemeenten, dims, values)

    def lines(self) -> Iterator[tuple[Cell, tuple[Cell, ...]]]:
        """Every published sum: (total, the cells that add up to it)."""
        yield TOTAL, tuple((g, None, None) for g in self.municipalities)
        for name, cats in self.breakdowns:
            yield TOTAL, tuple((None, name, x) for x in cats)
            for g in self.municipalities:
                yield (g, None, None), tuple((g, name, x) for x in cats)
            for x in cats:
                yield (None, name, x), tuple((g, name, x) for g in self.municipalities)


def _cells(gemeenten: tuple[str, ...],
           dims: tuple[tuple[str, tuple[str, ...]], ...]) -> Iterator[Cell]:
    yield TOTAL
    for g in gemeenten:
        yield (g, None, None)
    for name, cats in dims:
        for x in cats:
            yield (None, name, x)
            for g in gemeenten:
                yield (g, name, x)


WEIGHT = {0: 1, 1: 3, 2: 20}
"""The cost of hiding one more published cell: a municipality's count per category 1, a
total of a municipality or of a category 3, the year's total 20 (tie: the smaller count)."""


def _weight(cell: Cell) -> int:
    if cell == TOTAL:
        return WEIGHT[2]
    return WEIGHT[0] if cell[0] is not None and cell[1] is not None else WEIGHT[1]


class _Protection:
    """The state of one run of ``protect``: the suppressed cells and the labels' bounds."""

    def __init__(self, year: Year, threshold: int) -> None:
        self.year = year
        self.values = year.values
        self.threshold = threshold
        self.hidden: set[Cell] = set()
        self.bounds: dict[Cell, tuple[int, int]] = {}
        self.ready = False
        self.in_row: dict[tuple[str, str], set[str]] = {}
        self.in_column: dict[tuple[str, str], set[str]] = {}
        for cell, value in self.values.items():
            if 0 < value < threshold:
                self.hide(cell)
        self.lines = list(year.lines())
        self._small_groups()
        self.bounds = {cell: self._bounds(cell) for cell in self.hidden}
        self.ready = True
        self.cats = dict(year.breakdowns)
        self.names = [name for name, _ in year.breakdowns]

    def _small_groups(self) -> None:
        """Hide every cell of a line whose total is a small count (to a fixed point), and
        note which cells may be 0 behind "minder dan 5"."""
        small = self.threshold
        changed = True
        while changed:
            changed = False
            zero = self._known_zero()
            for total, members in self.lines:
                if total in self.hidden and self.values[total] < small:
                    new = [m for m in members if m not in self.hidden and m not in zero]
                    for member in new:
                        self.hide(member)
                        changed = True
        self.may_be_zero = {m for total, members in self.lines
                            if total in self.hidden and self.values[total] < small
                            for m in members}

    def _bounds(self, cell: Cell) -> tuple[int, int]:
        """The values a reader knows a hidden cell can have, from its label."""
        if self.values[cell] < self.threshold:
            return 0 if cell in self.may_be_zero else 1, self.threshold - 1
        return self.threshold, UNBOUNDED

    def _known_zero(self) -> set[Cell]:
        """Cells in a line whose total is a published 0: every reader knows they are 0, so
        hiding them protects nothing (and they stay published)."""
        return {m for total, members in self.lines
                if self.values[total] == 0 and total not in self.hidden for m in members}

    def step(self, cell: Cell, delta: int) -> Cost | None:
        """The cost of changing ``cell`` by ``delta`` in a certificate, or None when the
        changed value would contradict what is published about the cell."""
        value = self.values[cell]
        new = value + delta
        bounds = self.bounds.get(cell)
        if bounds is not None:
            return FREE if bounds[0] <= new <= bounds[1] else None
        if value >= self.threshold and new >= self.threshold:
            return _weight(cell), value
        return None

    def cost(self, move: Move) -> Cost | None:
        total = (0, 0)
        for cell, delta in move.items():
            step = self.step(cell, delta)
            if step is None:
                return None
            total = (total[0] + step[0], total[1] + step[1])
        return total

    def choose(self, make: Iterable[Move]) -> tuple[Cost, Move] | None:
        """The cheapest feasible of the moves (the first of equal cost); stops at a free one."""
        return self.cheapest([(0, make)])

    def cheapest(self, families: Iterable[tuple[int, Iterable[Move]]]
                 ) -> tuple[Cost, Move] | None:
        """The cheapest feasible move of families given as (lower bound of the weight of
        every move in it, moves), in rising order of the bound: a family is not looked at
        once a move as cheap as its bound is found."""
        best: tuple[Cost, Move] | None = None
        for bound, moves in families:
            if best is not None and best[0][0] <= bound:
                break
            for move in moves:
                cost = self.cost(move)
                if cost is not None and (best is None or cost < best[0]):
                    best = (cost, move)
                    if cost == (0, 0):
                        return best
        return best

    def hide(self, cell: Cell) -> None:
        self.hidden.add(cell)
        if self.ready:
            self.bounds[cell] = self._bounds(cell)
        g, name, x = cell
        if g is not None and name is not None and x is not None:
            self.in_row.setdefault((g, name), set()).add(x)
            self.in_column.setdefault((name, x), set()).add(g)

    def _along(self, sign: int, fixed: dict[str, str], source: str | None,
               target: str | None) -> Move | None:
        """One case's cells in every breakdown: leaving municipality ``source`` and arriving
        in ``target`` (``source`` None: added to or removed from the region), in the same
        category or in another one; at ``target`` in the category in ``fixed`` where given.
        The cheapest feasible choice per breakdown."""
        move: Move = {}
        for name in self.names:
            arrive = [b for b in ([fixed[name]] if name in fixed else self.cats[name])
                      if self.step((target, name, b), sign) is not None]
            if source is None:
                found = self.choose(_case_cells(name, None, b, sign, None, target)
                                    for b in arrive)
            else:
                leave = [a for a in self.cats[name]
                         if self.step((source, name, a), -sign) is not None]
                found = self.choose(_case_cells(name, b, b, sign, source, target)
                                    for b in arrive if b in leave)
                if found is None or found[0] != (0, 0):
                    other = self.choose(_case_cells(name, a, b, sign, source, target)
                                        for b in arrive for a in leave if a != b)
                    if other is not None and (found is None or other[0] < found[0]):
                        found = other
            if found is None:
                return None
            move.update(found[1])
        return move

    def _weight_if_published(self, cell: Cell) -> int:
        return 0 if cell in self.hidden else _weight(cell)

    def families(self, cell: Cell) -> list[tuple[int, Iterable[Move]]]:
        """The candidate certificates that change ``cell``, in families with a lower bound
        of their weight (see ``cheapest``), cheapest family first."""
        g, name, x = cell
        out: list[tuple[int, Iterable[Move]]] = []
        fixed = {name: x} if name is not None and x is not None else {}
        if g is not None and name is not None and x is not None:
            out += self._swaps(g, name, x)
            out.append((self._weight_if_published((None, name, x)), self._recategorise([g],
                                                                                       name, x)))
        if g is not None:
            out += self._relocation_families(g, fixed)
        if g is None and name is not None and x is not None:
            out.append((0, self._recategorise(self.year.municipalities, name, x)))
        places = [g] if g is not None else list(self.year.municipalities)
        out.append((self._weight_if_published(TOTAL), self._additions(places, fixed)))
        return sorted(out, key=lambda family: family[0])

    def _recategorise(self, places: Iterable[str], name: str, x: str) -> Iterator[Move]:
        for sign in (1, -1):
            for h in places:
                for y in self.cats[name]:
                    if y != x:
                        yield {(h, name, x): sign, (h, name, y): -sign,
                               (None, name, x): sign, (None, name, y): -sign}

    def _relocation_families(self, g: str, fixed: dict[str, str]
                             ) -> list[tuple[int, Iterable[Move]]]:
        """Moves of one case between ``g`` and another municipality h: first the h whose
        total is hidden and whose cell in the fixed category can take the move (the only
        ones that can be free), then every other h."""
        own = self._weight_if_published((g, None, None))
        split: list[dict[int, list[str]]] = []

        def sources(likely: bool) -> Iterator[Move]:
            if not split:  # worked out only when a family is reached
                split.extend(({1: [], -1: []}, {1: [], -1: []}))
                for h in self.year.municipalities:
                    if h == g:
                        continue
                    for sign in (1, -1):
                        fits = (h, None, None) in self.hidden and \
                            self.step((h, None, None), -sign) is not None and all(
                                (h, name, x) in self.hidden and
                                self.step((h, name, x), -sign) is not None
                                for name, x in fixed.items())
                        split[0 if fits else 1][sign].append(h)
            yield from self._relocations(g, split[0 if likely else 1], fixed)

        return [(own, sources(True)), (own + 1, sources(False))]

    def _relocations(self, g: str, sources: dict[int, list[str]], fixed: dict[str, str]
                     ) -> Iterator[Move]:
        for sign in (1, -1):
            for h in sources[sign]:
                move = self._along(sign, fixed, h, g)
                if move is not None:
                    yield {(g, None, None): sign, (h, None, None): -sign, **move}

    def _additions(self, places: list[str], fixed: dict[str, str]) -> Iterator[Move]:
        for sign in (1, -1):
            for h in places:
                move = self._along(sign, fixed, None, h)
                if move is not None:
                    yield {TOTAL: sign, (h, None, None): sign, **move}

    def _swaps(self, g: str, name: str, x: str) -> list[tuple[int, Iterable[Move]]]:
        """Swaps of category ``x`` with another category ``y`` between ``g`` and another
        municipality ``h``, in families by the number of the three other cells that are
        still published: none first (found through the index of hidden cells), the rest
        only when that finds nothing."""
        cats, places = self.cats[name], self.year.municipalities

        def swap(y: str, h: str, sign: int) -> Move:
            return {(g, name, x): sign, (g, name, y): -sign, (h, name, x): -sign,
                    (h, name, y): sign}

        def sides(sign: int) -> tuple[list[str], list[str]]:
            """The categories y whose cell in ``g``, and the municipalities h whose cell in
            ``x``, can move against the target (each on its own)."""
            if self.step((g, name, x), sign) is None:
                return [], []
            ys = [y for y in cats if y != x and self.step((g, name, y), -sign) is not None]
            hs = [h for h in places if h != g and self.step((h, name, x), -sign) is not None]
            return ys, hs

        def free() -> Iterator[Move]:
            row = self.in_row.get((g, name), set())
            for sign in (1, -1):
                if self.step((g, name, x), sign) is None:
                    continue
                column = self.in_column.get((name, x), set())
                for y in cats:
                    if y == x or y not in row or self.step((g, name, y), -sign) is None:
                        continue
                    for h in sorted(column & self.in_column.get((name, y), set())):
                        if h != g and self.step((h, name, x), -sign) is not None:
                            yield swap(y, h, sign)

        def with_published(count: int) -> Iterator[Move]:
            for sign in (1, -1):
                ys, hs = sides(sign)
                for y in ys:
                    for h in hs:
                        cells = ((g, name, y), (h, name, x), (h, name, y))
                        if sum(c not in self.hidden for c in cells) == count:
                            yield swap(y, h, sign)

        return [(0, free()), *((count, with_published(count)) for count in (1, 2, 3))]

    def run(self) -> dict[Cell, Status]:
        certified: set[Cell] = set()
        for target in sorted(self.hidden, key=_order):
            if target in certified:
                continue
            found = self.cheapest(self.families(target))
            if found is None:
                return dict.fromkeys(self.values, Status.NIET)
            for cell in found[1]:
                self.hide(cell)
                certified.add(cell)
        return {cell: self.status(cell) for cell in self.values}

    def status(self, cell: Cell) -> Status:
        if cell not in self.hidden:
            return Status.PUBLIEK
        return Status.KLEIN if self.values[cell] < self.threshold else Status.AFGESCHERMD


def _case_cells(name: str, leave: str | None, arrive: str, sign: int, source: str | None,
                target: str | None) -> Move:
    """The cells of breakdown ``name`` that change by ``sign`` when one case leaves
    municipality ``source`` in category ``leave`` and arrives in ``target`` in category
    ``arrive`` (``source`` None: the case is added, or removed for a negative sign)."""
    move: Move = {(target, name, arrive): sign, (None, name, arrive): sign}
    if source is not None:
        move[(source, name, leave)] = -sign
        move[(None, name, leave)] = move.get((None, name, leave), 0) - sign
    return {cell: delta for cell, delta in move.items() if delta}


def _order(cell: Cell) -> tuple[int, str, str, str]:
    """Municipality totals first (their certificates touch every breakdown, and the cells
    they hide serve the others), then category totals, then the rest, the year total last."""
    g, name, x = cell
    rank = 3 if cell == TOTAL else 0 if name is None else 1 if g is None else 2
    return rank, g or "", name or "", x or ""


def protect(year: Year, threshold: int) -> dict[Cell, Status]:
    """The status of every cell of ``year`` in a public build with ``threshold``."""
    if threshold < 3:
        raise ValueError("a threshold below 3 leaves 'minder dan' a single possible count")
    return _Protection(year, threshold).run()
