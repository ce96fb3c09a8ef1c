"""Group the questions in any CSV file (a workshop's sticky notes, a survey export) offline.

No database: read the file, embed the chosen column, cluster, and write every row back, in order,
with three columns added: `cluster_id` (1 is the largest group), `cluster_label` (keywords) and
`similarity_to_centre` (cosine to the group's centre). Rows whose text is empty are kept with
those columns empty and are counted in the summary. Every problem with the input is raised as
`CsvToolError` with a one-line message meant to be shown to the person who ran the command.

The file is streamed, never held whole: its bytes are checked (size limit, binary, UTF-8), its
rows surveyed (header, column, row limit, malformed rows, numeric columns), then read again to
embed in batches into one float32 array, to collect a bounded sample of each group's texts for
its keywords, and to write the output. What stays in memory grows by one vector (1.5 KB at 384
dimensions) and a dozen bytes per row with text, over a fixed cost (the model, and the
clusterer's graph of at most 20k points). Measured with the transformer's forward pass stubbed
out (the tokenizer, parsing, clustering and writing real): 408k rows peaked at 3.2 GB when the
whole file and every tokenised text were held, and peak at 1.2 GB streamed. Cells written back
go through the shared CSV writer, which neutralises spreadsheet formulas.
"""

from __future__ import annotations

import codecs
import csv
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol

import numpy as np

from app.core.csvfile import Cell, SafeWriter, is_number
from app.insight.cluster import QuestionClusterer
from app.insight.graph import EXACT_BLOCK_ELEMENTS
from app.insight.label import ctfidf_keywords
from app.insight.places import without_places

OUTPUT_COLUMNS = ("cluster_id", "cluster_label", "similarity_to_centre")
KEYWORDS_PER_LABEL = 4
# Texts handed to the embedder at once: enough for it to batch by length, few enough that
# their tokenised form stays small.
EMBED_BATCH = 1024
# A group's keywords come from at most this many of its texts (a seeded sample): word
# frequencies settle long before, and the texts kept stay bounded however large the file.
KEYWORD_TEXTS_PER_GROUP = 500
SHOWN_EMPTY_LINES = 10
_SNIFF_BYTES = 64 * 1024
_READ_BYTES = 1 << 20
_DELIMITERS = ",;\t|"
_BOM = codecs.BOM_UTF8
_MB = 1024 * 1024

Dialect = type[csv.Dialect] | csv.Dialect


class CsvToolError(Exception):
    """A problem with the input or output file, described in one line for the user."""


class CsvTooLarge(CsvToolError):
    """The input is above a configured limit: `limit` says which, "rows" or "bytes"."""

    def __init__(self, message: str, limit: str) -> None:
        super().__init__(message)
        self.limit = limit


class TextEncoder(Protocol):
    """Anything that turns texts into L2-normalised row vectors (e.g. `Embedder`)."""

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Return one row per text."""
        ...


@dataclass(frozen=True)
class CsvLimits:
    """The largest input accepted; None means no limit."""

    max_rows: int | None = None
    max_bytes: int | None = None


@dataclass(frozen=True)
class CsvSurvey:
    """What a first pass over a CSV found: enough to embed, group and write it in later passes."""

    path: Path
    encoding: str
    dialect: Dialect
    header: list[str]
    column: int
    rows: int  # data rows, header excluded
    filled: int  # rows with text in the column
    empty_lines: list[int]  # the first few lines whose text is empty
    numeric: frozenset[int]  # header positions whose every non-empty cell is a number

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """Every data row (padded to the header's width) and the file line it starts on."""
        width = len(self.header)
        rows = _records(self.path, self.encoding, self.dialect)
        next(rows)  # the header
        for line, record in rows:
            yield line, record + [""] * (width - len(record))

    def texts(self) -> Iterator[str]:
        """The non-empty texts of the column, in file order."""
        for _, record in self.records():
            text = record[self.column].strip()
            if text:
                yield text


@dataclass
class CsvSummary:
    """What `cluster_csv` did; `str()` gives a sentence for the command line."""

    input_path: Path
    output_path: Path
    text_column: str
    rows: int  # data rows, header excluded
    grouped: int
    n_clusters: int
    empty_lines: list[int] = field(default_factory=list)  # the first few only
    encoding: str = "utf-8"

    def __str__(self) -> str:
        groups = "group" if self.n_clusters == 1 else "groups"
        questions = "question" if self.grouped == 1 else "questions"
        text = f"Grouped {self.grouped} {questions} into {self.n_clusters} {groups}."
        count = self.rows - self.grouped
        if count:
            shown = ", ".join(str(n) for n in self.empty_lines[:SHOWN_EMPTY_LINES])
            more = f" and {count - SHOWN_EMPTY_LINES} more" if count > SHOWN_EMPTY_LINES else ""
            were = "row was" if count == 1 else "rows were"
            where = "line" if count == 1 else "lines"
            text += (
                f" {count} {were} left ungrouped because '{self.text_column}' is empty "
                f"({where} {shown}{more})."
            )
        return text


def cluster_csv(
    input_path: Path,
    text_column: str,
    output_path: Path,
    embedder: TextEncoder,
    limits: CsvLimits = CsvLimits(),
    progress: Callable[[int], None] | None = None,
) -> CsvSummary:
    """Cluster the questions in `text_column` of a CSV and write it out with cluster columns.

    `progress` is told how many more texts were embedded after each batch.

    :raise CsvTooLarge: the file has more bytes or rows than `limits` allow.
    :raise CsvToolError: unreadable, binary or non-UTF-8 input, no header, a missing column,
        no row with text, a malformed row, or an output file that cannot be written.
    """
    survey = survey_csv(input_path, text_column, limits)
    return cluster_survey(survey, output_path, embedder, progress)


def survey_csv(input_path: Path, text_column: str, limits: CsvLimits = CsvLimits()) -> CsvSurvey:
    """Check a CSV and count its rows without keeping them: the first pass of `cluster_csv`.

    :raise CsvTooLarge: more bytes or rows than `limits` allow (rows are counted only up to
        the limit, so a huge file is refused quickly).
    :raise CsvToolError: as `cluster_csv`, for the input.
    """
    path = Path(input_path)
    encoding = _check_bytes(path, limits.max_bytes)
    dialect, header = _choose_dialect(path, encoding, text_column)
    column = _find_column(header, text_column, path)
    rows = filled = 0
    empty_lines: list[int] = []
    numeric, seen = [True] * len(header), [False] * len(header)
    records = _records(path, encoding, dialect)
    next(records)  # the header
    for line, record in records:
        rows += 1
        if limits.max_rows is not None and rows > limits.max_rows:
            raise CsvTooLarge(
                f"{path.name} has more than {limits.max_rows:,} rows, the limit; "
                "split it or raise the limit",
                "rows",
            )
        if len(record) > len(header):
            raise CsvToolError(
                f"{path.name} line {line} has {len(record)} fields but the header has "
                f"{len(header)}; put quotes around text that contains the delimiter"
            )
        if column < len(record) and record[column].strip():
            filled += 1
        elif len(empty_lines) < SHOWN_EMPTY_LINES:
            empty_lines.append(line)
        for position, cell in enumerate(record):
            if cell and numeric[position]:
                seen[position] = True
                numeric[position] = is_number(cell)
    if not filled:
        raise CsvToolError(
            f"{path.name} has no rows with text in column '{header[column]}'"
            + (f" ({rows} rows, all empty)" if rows else " (only a header row)")
        )
    return CsvSurvey(
        path=path,
        encoding=encoding,
        dialect=dialect,
        header=header,
        column=column,
        rows=rows,
        filled=filled,
        empty_lines=empty_lines,
        numeric=frozenset(i for i in range(len(header)) if numeric[i] and seen[i]),
    )


def read_header(input_path: Path, limits: CsvLimits = CsvLimits()) -> list[str]:
    """A CSV's column names, after its bytes are checked (size, binary, UTF-8): what a caller
    offers to choose the text column from before `survey_csv`.

    :raise CsvTooLarge: more bytes than `limits` allow.
    :raise CsvToolError: unreadable, binary, empty or non-UTF-8 input.
    """
    path = Path(input_path)
    encoding = _check_bytes(path, limits.max_bytes)
    return _choose_dialect(path, encoding, "")[1]


def cluster_survey(
    survey: CsvSurvey,
    output_path: Path,
    embedder: TextEncoder,
    progress: Callable[[int], None] | None = None,
    columns: Sequence[str] = OUTPUT_COLUMNS,
) -> CsvSummary:
    """Embed, group and write a surveyed CSV: the later passes of `cluster_csv`.

    `columns` names the three columns added (group number, its keywords, the similarity), for
    a caller whose readers expect other names than the command line's.

    :raise CsvToolError: the output cannot be written, or the input changed since the survey.
    """
    output_path = Path(output_path)
    folder = _output_folder(output_path)
    vectors = _embed(survey, embedder, progress)
    clusterer = QuestionClusterer().fit(vectors)
    labels = clusterer.labels_
    similarity = _similarity(vectors, clusterer.centroids_, labels)
    del vectors  # the largest thing held; the keywords and the output need only the labels
    keywords = ctfidf_keywords(_keyword_texts(survey, labels, int(clusterer.n_clusters_)))
    label_text = {g: ", ".join(words[:KEYWORDS_PER_LABEL]) for g, words in keywords.items()}
    _write(survey, output_path, folder, labels, label_text, similarity, tuple(columns))
    return CsvSummary(
        input_path=survey.path,
        output_path=output_path,
        text_column=survey.header[survey.column],
        rows=survey.rows,
        grouped=survey.filled,
        n_clusters=int(clusterer.n_clusters_),
        empty_lines=survey.empty_lines,
        encoding=survey.encoding,
    )


def _check_bytes(path: Path, max_bytes: int | None) -> str:
    """The file's encoding (utf-8 or utf-8-sig) after checking its size and every byte.

    :raise CsvTooLarge: above `max_bytes`.
    :raise CsvToolError: missing, a folder, unreadable, empty, binary or not UTF-8.
    """
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if max_bytes is not None and size > max_bytes:
                raise CsvTooLarge(
                    f"{path.name} is {size / _MB:.1f} MB, above the limit of "
                    f"{max_bytes / _MB:.1f} MB; split it or raise the limit",
                    "bytes",
                )
            head = handle.read(_SNIFF_BYTES)
            if b"\x00" in head:
                raise CsvToolError(
                    f"{path.name} is not a CSV text file (it contains binary data); "
                    "export the sheet as CSV and try again"
                )
            has_text = _check_utf8(path, handle, head)
    except FileNotFoundError:
        raise CsvToolError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CsvToolError(f"{path} is a folder, not a CSV file") from None
    except OSError as error:
        raise CsvToolError(f"cannot read {path}: {error.strerror or error}") from None
    if not has_text:
        raise CsvToolError(f"{path.name} is empty: expected a header row and one question a row")
    return "utf-8-sig" if head.startswith(_BOM) else "utf-8"


def _check_utf8(path: Path, handle: BinaryIO, head: bytes) -> bool:
    """Whether the rest of the file (after `head`) holds anything but whitespace; every byte
    is checked as UTF-8 on the way, in chunks.

    :raise CsvToolError: a byte that is not UTF-8, with its position.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset, has_text, chunk = 0, False, head
    while True:
        pending = len(decoder.getstate()[0])
        try:
            decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            bad = error.object[error.start]
            raise CsvToolError(
                f"{path.name} is not UTF-8 text (byte 0x{bad:02x} at position "
                f"{offset - pending + error.start}); save it as 'CSV UTF-8' and try again"
            ) from None
        if not chunk:
            return has_text
        has_text = has_text or bool(chunk.strip())
        offset += len(chunk)
        chunk = handle.read(_READ_BYTES)


def _records(path: Path, encoding: str, dialect: Dialect) -> Iterator[tuple[int, list[str]]]:
    """Every non-blank record and the line it starts on, read as the file is read.

    :raise CsvToolError: no record at all, or a record the csv module cannot read.
    """
    with path.open(encoding=encoding, newline="") as handle:
        reader = csv.reader(handle, dialect)
        previous_end = 0
        found = False
        try:
            for record in reader:
                if record:  # a blank line is not a record
                    found = True
                    yield previous_end + 1, record
                previous_end = reader.line_num
        except csv.Error as error:
            raise CsvToolError(
                f"{path.name} is not a readable CSV file (line {reader.line_num}: {error})"
            ) from None
        except (UnicodeDecodeError, OSError) as error:
            raise CsvToolError(f"{path.name} changed while it was read ({error})") from None
    if not found:
        raise CsvToolError(f"{path.name} is empty: expected a header row and one question a row")


def _choose_dialect(path: Path, encoding: str, wanted: str) -> tuple[Dialect, list[str]]:
    """The dialect and header: the delimiter is sniffed among , ; tab and |; if the sniffed one
    does not give a header with the wanted column but a plain comma does, the comma wins."""
    with path.open(encoding=encoding, newline="") as handle:
        sample = handle.read(_SNIFF_BYTES)
    try:
        sniffed: Dialect = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS)
    except csv.Error:
        sniffed = csv.excel
    candidates = [sniffed] if sniffed is csv.excel else [sniffed, csv.excel]
    headers = [(dialect, next(_records(path, encoding, dialect))[1]) for dialect in candidates]
    dialect, header = next(((d, h) for d, h in headers if _has_column(h, wanted)), headers[0])
    return dialect, [cell.strip() for cell in header]


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


def _output_folder(path: Path) -> Path:
    """The folder the output goes to, checked before hours of embedding rather than after."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CsvToolError(f"cannot write {path}: folder {folder} does not exist")
    return folder


def _embed(
    survey: CsvSurvey, embedder: TextEncoder, progress: Callable[[int], None] | None
) -> np.ndarray:
    """One float32 row per text with content, embedded EMBED_BATCH texts at a time, with the
    places it names neutralised (as the bank groups its questions: by what is asked)."""
    vectors: np.ndarray | None = None
    done = 0
    batch: list[str] = []

    def flush() -> None:
        nonlocal vectors, done
        encoded = np.asarray(embedder.encode(batch), dtype=np.float32)
        if vectors is None:
            vectors = np.empty((survey.filled, encoded.shape[1]), dtype=np.float32)
        if done + len(batch) > survey.filled:
            raise CsvToolError(f"{survey.path.name} changed while it was read")
        vectors[done : done + len(batch)] = encoded
        done += len(batch)
        if progress is not None:
            progress(len(batch))
        batch.clear()

    for text in survey.texts():
        batch.append(without_places(text))
        if len(batch) == EMBED_BATCH:
            flush()
    if batch:
        flush()
    if vectors is None or done != survey.filled:
        raise CsvToolError(f"{survey.path.name} changed while it was read")
    return vectors


def _similarity(vectors: np.ndarray, centroids: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Cosine of each vector to its group's centre, in blocks (no n x d temporary)."""
    out = np.empty(len(vectors), dtype=np.float32)
    step = max(1, EXACT_BLOCK_ELEMENTS // max(vectors.shape[1], 1))
    for start in range(0, len(vectors), step):
        block = vectors[start : start + step]
        norms = np.linalg.norm(block, axis=1)
        dots = np.einsum("ij,ij->i", block, centroids[labels[start : start + step]])
        out[start : start + step] = dots / np.where(norms > 0, norms, 1.0)
    return out


def _keyword_texts(survey: CsvSurvey, labels: np.ndarray, n_groups: int) -> dict[int, list[str]]:
    """Each group's texts for its keywords: all of them, or a seeded sample of
    KEYWORD_TEXTS_PER_GROUP for a larger group."""
    rng = np.random.default_rng(0)
    keep = np.zeros(len(labels), dtype=bool)
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(n_groups + 1))
    for group in range(n_groups):
        members = order[bounds[group] : bounds[group + 1]]
        if len(members) > KEYWORD_TEXTS_PER_GROUP:
            members = rng.choice(members, size=KEYWORD_TEXTS_PER_GROUP, replace=False)
        keep[members] = True
    texts: dict[int, list[str]] = {group: [] for group in range(n_groups)}
    for j, text in enumerate(survey.texts()):
        if keep[j]:
            texts[int(labels[j])].append(text)
    return texts


def _write(
    survey: CsvSurvey,
    path: Path,
    folder: Path,
    labels: np.ndarray,
    label_text: dict[int, str],
    similarity: np.ndarray,
    columns: tuple[str, ...],
) -> None:
    """Write all rows with the cluster columns (replacing them if the input already had them)."""
    keep = [i for i, h in enumerate(survey.header) if h not in columns]
    out_header = [survey.header[i] for i in keep] + list(columns)
    numeric = [n for n, i in enumerate(keep) if i in survey.numeric]
    numeric += [len(keep), len(keep) + 2]  # cluster_id and similarity_to_centre
    try:
        # Write beside the target and rename, so a failure never leaves half a file behind
        # (and writing over the input file is safe).
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise CsvToolError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(fd, "w", encoding=survey.encoding, newline="") as handle:
            writer = SafeWriter(handle, numeric)
            writer.writerow(out_header)
            j = 0
            for _, row in survey.records():
                added: list[Cell] = ["", "", ""]
                if row[survey.column].strip():
                    group = int(labels[j])
                    added = [group + 1, label_text.get(group, ""), f"{similarity[j]:.3f}"]
                    j += 1
                writer.writerow([row[i] for i in keep] + added)
        os.replace(tmp_name, path)
    except OSError as error:
        raise CsvToolError(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
