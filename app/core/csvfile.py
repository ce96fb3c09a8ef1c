"""The one way the service writes CSV: every cell a spreadsheet would run as a formula is
neutralised (OWASP's CSV injection advice), and numbers stay numbers.

A text cell starting with ``= + - @``, a tab or a carriage return gets a leading quote, so
Excel, LibreOffice and Google Sheets show it as text and never evaluate it (``=HYPERLINK(...)``,
``=cmd|' /C calc'!A0``). A number is not a formula: Python ints and floats are written as they
are, and a text cell in a column the caller declares numeric is left alone when it is a plain
number (``-0.5``), so a sheet still sums that column. Standard library only: the insight
engine's command-line tool writes through it too.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Collection, Iterable, Iterator
from typing import Any, TextIO

# What a spreadsheet reads as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")

Cell = str | int | float | None


def neutralise(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs: formula-like starts get a leading quote."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def is_number(text: str) -> bool:
    """Whether a cell is one plain decimal number (``-0.5``, ``12``, ``1e-3``) and nothing else."""
    return _NUMBER.fullmatch(text) is not None


class SafeWriter:
    """A ``csv.writer`` whose every row is neutralised against formulas.

    ``numeric`` names the positions of columns whose text cells are kept as they are when
    they are plain numbers; ints and floats are kept in any column, None is written empty.
    """

    def __init__(self, handle: TextIO, numeric: Collection[int] = (), **fmtparams: Any) -> None:
        self._writer = csv.writer(handle, **fmtparams)
        self._numeric = frozenset(numeric)

    def writerow(self, row: Iterable[Cell]) -> None:
        """Write one row, each cell made safe."""
        self._writer.writerow([self._safe(position, cell) for position, cell in enumerate(row)])

    def writerows(self, rows: Iterable[Iterable[Cell]]) -> None:
        """Write many rows, each cell made safe."""
        for row in rows:
            self.writerow(row)

    def _safe(self, position: int, cell: Cell) -> str | int | float:
        if cell is None:
            return ""
        if isinstance(cell, int | float) and not isinstance(cell, bool):
            return cell
        text = str(cell)
        if position in self._numeric and is_number(text):
            return text
        return neutralise(text)


def csv_lines(
    header: Iterable[str], rows: Iterable[Iterable[Cell]], numeric: Collection[int] = ()
) -> Iterator[str]:
    """A CSV document line by line (header first, CRLF line ends), written through
    `SafeWriter`: for streaming a file of any length in constant memory."""
    out = io.StringIO()
    writer = SafeWriter(out, numeric)
    for row in itertools.chain([header], rows):
        writer.writerow(row)
        yield out.getvalue()
        out.seek(0)
        out.truncate()


def csv_text(
    header: Iterable[str], rows: Iterable[Iterable[Cell]], numeric: Collection[int] = ()
) -> str:
    """A whole CSV document (header first, CRLF line ends) written through `SafeWriter`."""
    return "".join(csv_lines(header, rows, numeric))
