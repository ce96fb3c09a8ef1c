"""Read a spreadsheet (CSV or XLSX) into a header and rows of text, within limits.

No database and no rules here: ``service`` maps the columns and checks the rows. A CSV's
delimiter is sniffed among , ; tab and |; an XLSX is read with openpyxl in read-only mode
(the first sheet, values only, formulas' cached values), so a large workbook streams.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime

from app.core.errors import Refused

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 60
CELL_MAX = 2000
_DELIMITERS = ",;\t|"
_SNIFF = 64 * 1024


@dataclass(frozen=True)
class Sheet:
    """A spreadsheet's header and its non-blank rows, each with the line it was on."""

    header: list[str]
    rows: list[tuple[int, list[str]]]


def read_sheet(content: bytes, filename: str) -> Sheet:
    """The header and rows of an uploaded CSV or XLSX file.

    :raise Refused: on ``file``: too large, empty, not UTF-8, not a spreadsheet, no header,
        or more rows than the limit.
    """
    if len(content) > MAX_BYTES:
        raise Refused.on("file", f"The file is over {MAX_BYTES // (1024 * 1024)} MB: split it up.")
    if not content.strip():
        raise Refused.on("file", "The file is empty.")
    if filename.lower().endswith((".xlsx", ".xlsm")) or content[:4] == b"PK\x03\x04":
        records = _xlsx_records(content)
    else:
        records = _csv_records(content)
    return _sheet(records)


def _csv_records(content: bytes) -> list[tuple[int, list[str]]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Refused.on(
            "file", "The file is not UTF-8 text: save it as “CSV UTF-8” and upload it again."
        ) from None
    if "\x00" in text[:_SNIFF]:
        raise Refused.on("file", "The file is not a CSV or XLSX spreadsheet.")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:_SNIFF], delimiters=_DELIMITERS
        )
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    records = []
    try:
        for record in reader:
            records.append((reader.line_num, record))
            if len(records) > MAX_ROWS + 1:
                break
    except csv.Error as error:
        raise Refused.on(
            "file", f"Line {reader.line_num} cannot be read as CSV ({error})."
        ) from None
    return records


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_records(content: bytes) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise Refused.on("file", "The file is not a CSV or XLSX spreadsheet.") from None
    try:
        sheet = workbook.worksheets[0]
        records = []
        for line, values in enumerate(sheet.iter_rows(values_only=True), 1):
            records.append((line, [_cell(value) for value in values[:MAX_COLUMNS]]))
            if len(records) > MAX_ROWS + 1:
                break
    finally:
        workbook.close()
    return records


def _sheet(records: list[tuple[int, list[str]]]) -> Sheet:
    filled = [(line, [cell.strip()[:CELL_MAX] for cell in record]) for line, record in records]
    filled = [(line, record) for line, record in filled if any(record)]
    if not filled:
        raise Refused.on("file", "The file is empty.")
    (_, header), rows = filled[0], filled[1:]
    header = header[:MAX_COLUMNS]
    if not any(header):
        raise Refused.on("file", "The first row should name the columns.")
    if not rows:
        raise Refused.on("file", "The file has a header row but no questions under it.")
    if len(rows) > MAX_ROWS:
        raise Refused.on("file", f"Import at most {MAX_ROWS:,} rows at once: split the file.")
    width = len(header)
    names = [name or f"Column {n}" for n, name in enumerate(header, 1)]
    return Sheet(names, [(line, (row + [""] * width)[:width]) for line, row in rows])
