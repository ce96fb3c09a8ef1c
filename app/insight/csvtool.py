"""Group the questions in any CSV file (a workshop's sticky notes, a survey export) offline.

No database: read the file, embed the chosen column, cluster, and write every row back, in order,
with three columns added: `cluster_id` (1 is the largest group), `cluster_label` (keywords) and
`similarity_to_centre` (cosine to the group's centre). Rows whose text is empty are kept with
those columns empty and are counted in the summary. Every problem with the input is raised as
`CsvToolError` with a one-line message meant to be shown to the person who ran the command.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from app.insight.cluster import QuestionClusterer
from app.insight.label import ctfidf_keywords

OUTPUT_COLUMNS = ("cluster_id", "cluster_label", "similarity_to_centre")
KEYWORDS_PER_LABEL = 4
_SNIFF_BYTES = 64 * 1024
_DELIMITERS = ",;\t|"


class CsvToolError(Exception):
    """A problem with the input or output file, described in one line for the user."""


class TextEncoder(Protocol):
    """Anything that turns texts into L2-normalised row vectors (e.g. `Embedder`)."""

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Return one row per text."""
        ...


@dataclass
class CsvSummary:
    """What `cluster_csv` did; `str()` gives a sentence for the command line."""

    input_path: Path
    output_path: Path
    text_column: str
    rows: int  # data rows, header excluded
    grouped: int
    n_clusters: int
    empty_lines: list[int] = field(default_factory=list)
    encoding: str = "utf-8"

    def __str__(self) -> str:
        groups = "group" if self.n_clusters == 1 else "groups"
        questions = "question" if self.grouped == 1 else "questions"
        text = f"Grouped {self.grouped} {questions} into {self.n_clusters} {groups}."
        if self.empty_lines:
            count = len(self.empty_lines)
            shown = ", ".join(str(n) for n in self.empty_lines[:10])
            more = f" and {count - 10} more" if count > 10 else ""
            were = "row was" if count == 1 else "rows were"
            where = "line" if count == 1 else "lines"
            text += (
                f" {count} {were} left ungrouped because '{self.text_column}' is empty "
                f"({where} {shown}{more})."
            )
        return text


def cluster_csv(
    input_path: Path, text_column: str, output_path: Path, embedder: TextEncoder
) -> CsvSummary:
    """Cluster the questions in `text_column` of a CSV and write it out with cluster columns.

    :raise CsvToolError: unreadable, binary or non-UTF-8 input, no header, a missing column,
        no row with text, a malformed row, or an output file that cannot be written.
    """
    input_path, output_path = Path(input_path), Path(output_path)
    text, encoding = _read_text(input_path)
    header, rows, lines = _parse(text, input_path, text_column)
    column = _find_column(header, text_column, input_path)

    texts = [row[column].strip() for row in rows]
    filled = [i for i, t in enumerate(texts) if t]
    empty_lines = [line for line, t in zip(lines, texts, strict=True) if not t]
    if not filled:
        raise CsvToolError(
            f"{input_path.name} has no rows with text in column '{header[column]}'"
            + (f" ({len(rows)} rows, all empty)" if rows else " (only a header row)")
        )

    vectors = np.asarray(embedder.encode([texts[i] for i in filled]), dtype=np.float32)
    clusterer = QuestionClusterer().fit(vectors)
    labels = clusterer.labels_
    keywords = ctfidf_keywords(
        {
            g: [texts[filled[j]] for j in np.flatnonzero(labels == g)]
            for g in range(labels.max() + 1)
        }
    )
    norms = np.linalg.norm(vectors, axis=1)
    similarity = np.einsum("ij,ij->i", vectors, clusterer.centroids_[labels]) / np.where(
        norms > 0, norms, 1.0
    )

    extra: list[tuple[str, str, str]] = [("", "", "")] * len(rows)
    for j, i in enumerate(filled):
        group = int(labels[j])
        extra[i] = (
            str(group + 1),
            ", ".join(keywords.get(group, [])[:KEYWORDS_PER_LABEL]),
            f"{float(similarity[j]):.3f}",
        )
    _write(output_path, header, rows, extra, encoding)
    return CsvSummary(
        input_path=input_path,
        output_path=output_path,
        text_column=header[column],
        rows=len(rows),
        grouped=len(filled),
        n_clusters=int(clusterer.n_clusters_),
        empty_lines=empty_lines,
        encoding=encoding,
    )


def _read_text(path: Path) -> tuple[str, str]:
    """The file's text and its encoding (utf-8 or utf-8-sig), or a CsvToolError."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CsvToolError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CsvToolError(f"{path} is a folder, not a CSV file") from None
    except OSError as error:
        raise CsvToolError(f"cannot read {path}: {error.strerror or error}") from None
    if not data.strip():
        raise CsvToolError(f"{path.name} is empty: expected a header row and one question a row")
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise CsvToolError(
            f"{path.name} is not a CSV text file (it contains binary data); "
            "export the sheet as CSV and try again"
        )
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as error:
        raise CsvToolError(
            f"{path.name} is not UTF-8 text (byte 0x{data[error.start]:02x} at position "
            f"{error.start}); save it as 'CSV UTF-8' and try again"
        ) from None


def _parse(text: str, path: Path, wanted: str) -> tuple[list[str], list[list[str]], list[int]]:
    """Header, data rows (padded to the header's width) and the file line each row starts on.

    The delimiter is sniffed among , ; tab and |; if the sniffed one does not give a header
    with the wanted column but a plain comma does, the comma wins.
    """
    try:
        sniffed: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:_SNIFF_BYTES], delimiters=_DELIMITERS
        )
    except csv.Error:
        sniffed = csv.excel
    parsed = [_records(text, path, sniffed)]
    if sniffed is not csv.excel and not _has_column(parsed[0][0][0], wanted):
        parsed.append(_records(text, path, csv.excel))
    records, lines = next((p for p in parsed if _has_column(p[0][0], wanted)), parsed[0])
    header = [cell.strip() for cell in records[0]]
    rows = records[1:]
    for row, line in zip(rows, lines[1:], strict=True):
        if len(row) > len(header):
            raise CsvToolError(
                f"{path.name} line {line} has {len(row)} fields but the header has "
                f"{len(header)}; put quotes around text that contains the delimiter"
            )
    return header, [row + [""] * (len(header) - len(row)) for row in rows], lines[1:]


def _records(
    text: str, path: Path, dialect: type[csv.Dialect] | csv.Dialect
) -> tuple[list[list[str]], list[int]]:
    """All non-blank records and the line each starts on; raises CsvToolError if none."""
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    records: list[list[str]] = []
    lines: list[int] = []
    previous_end = 0
    try:
        for record in reader:
            if record:  # a blank line is not a record
                records.append(record)
                lines.append(previous_end + 1)
            previous_end = reader.line_num
    except csv.Error as error:
        raise CsvToolError(
            f"{path.name} is not a readable CSV file (line {reader.line_num}: {error})"
        ) from None
    if not records:
        raise CsvToolError(f"{path.name} is empty: expected a header row and one question a row")
    return records, lines


def _has_column(header: list[str], wanted: str) -> bool:
    folded = {h.strip().casefold() for h in header}
    return wanted in header or wanted.strip().casefold() in folded


def _find_column(header: list[str], wanted: str, path: Path) -> int:
    """Position of `wanted` in the header: exact match first, then ignoring case and spaces."""
    if wanted in header:
        return header.index(wanted)
    folded = [h.strip().casefold() for h in header]
    if wanted.strip().casefold() in folded:
        return folded.index(wanted.strip().casefold())
    columns = ", ".join(f"'{h}'" for h in header if h) or "none"
    raise CsvToolError(f"{path.name} has no column '{wanted}'; its columns are: {columns}")


def _write(
    path: Path,
    header: list[str],
    rows: list[list[str]],
    extra: list[tuple[str, str, str]],
    encoding: str,
) -> None:
    """Write all rows with the cluster columns (replacing them if the input already had them)."""
    keep = [i for i, h in enumerate(header) if h not in OUTPUT_COLUMNS]
    out_header = [header[i] for i in keep] + list(OUTPUT_COLUMNS)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CsvToolError(f"cannot write {path}: folder {folder} does not exist")
    try:
        # Write beside the target and rename, so a failure never leaves half a file behind
        # (and writing over the input file is safe).
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise CsvToolError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(out_header)
            for row, added in zip(rows, extra, strict=True):
                writer.writerow([row[i] for i in keep] + list(added))
        os.replace(tmp_name, path)
    except OSError as error:
        raise CsvToolError(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
