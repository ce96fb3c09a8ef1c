"""Noun-phrase candidates for group keywords: runs of content words taken from the questions.

A question is cut into runs of words at punctuation, at stop words, at verbs and adverbs
(`data/phrase_breaks.txt`) and at place names (the places vocabulary); the sector's fixed
terms (`data/phrase_terms.txt`: "buy now pay later") are read as one word first. Each run gives its
sub-phrases of one to three words; a phrase may hold a weak word ("older people") but never
be one alone ("people"). Place names are cut out unless the group is about that place: a place
that most of the group's questions name stays in them, so a group about Cornwall can say so.
No tagger is needed, so the candidates come fast and the same for everyone.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from app.insight.places import canonical_place, is_known_place
from app.insight.stopwords import LABEL_ONLY_WORDS, label_stop_words

BREAKS_FILE = Path(__file__).parent / "data" / "phrase_breaks.txt"
TERMS_FILE = Path(__file__).parent / "data" / "phrase_terms.txt"
MAX_WORDS = 3
# The longest place name read as one: "Yorkshire and the Humber", "Newcastle upon Tyne".
PLACE_WORDS = 5
# A place named by at least this share of a group's questions is what the group is about.
PLACE_SHARE = 0.5

_WORD = re.compile(r"(?u)\b[^\W\d_](?:[^\W_]|['’-](?=[^\W_]))*")
_POSSESSIVE = re.compile(r"['’]s$")
_PHRASE_BREAK = re.compile(r"[.?!;:,()\[\]{}\"/|\n\r\t…–—]+")


@cache
def _sections() -> dict[str, frozenset[str]]:
    """Section name -> its words, from the phrase-break file."""
    words: dict[str, set[str]] = defaultdict(set)
    section = ""
    for raw in BREAKS_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip().lower()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif line:
            words[section].add(line)
    return {name: frozenset(members) for name, members in words.items()}


@cache
def break_words() -> frozenset[str]:
    """Words that end a phrase: stop words (less the weak words, which may sit in a phrase),
    verbs and adverbs."""
    sections = _sections()
    stops = (label_stop_words() - LABEL_ONLY_WORDS) - sections["keep"]
    return stops | sections["verbs"] | sections["adverbs"]


def is_break(word: str) -> bool:
    """Whether a lower-case word ends a phrase (an adverb in "-ly" included)."""
    if word in break_words():
        return True
    return len(word) > 4 and word.endswith("ly") and word not in _sections()["not-adverbs"]


@lru_cache(maxsize=262144)
def fold(phrase: str) -> str:
    """A phrase's key: lower case, each word crudely singular ("Food Banks" -> "food bank")."""
    return " ".join(
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")) else w
        for w in phrase.lower().replace("’", "'").split()
    )


@lru_cache(maxsize=65536)
def _place(words: tuple[str, ...]) -> str | None:
    """The canonical place these words name, if they name one."""
    name = " ".join(words)
    return canonical_place(name) if is_known_place(name) else None


@dataclass(frozen=True)
class _Span:
    start: int
    stop: int
    place: str


def _place_spans(words: Sequence[str]) -> list[_Span]:
    """The place names among some words, longest first from the left, never overlapping.

    Only a capitalised word that is no stop word starts a place name: a lower-case "reading" or
    "bath" is a word, and a question's first "How" is never looked up.
    """
    spans: list[_Span] = []
    i = 0
    while i < len(words):
        found = None
        if words[i][:1].isupper() and words[i].lower() not in break_words():
            for length in range(min(PLACE_WORDS, len(words) - i), 0, -1):
                place = _place(tuple(_POSSESSIVE.sub("", w) for w in words[i : i + length]))
                if place is not None:
                    found = _Span(i, i + length, place)
                    break
        if found is None:
            i += 1
        else:
            spans.append(found)
            i = found.stop
    return spans


@cache
def fixed_terms() -> dict[tuple[str, ...], int]:
    """The fixed terms as lower-case word tuples, each with its length in words."""
    terms = (
        tuple(line.split())
        for raw in TERMS_FILE.read_text(encoding="utf-8").splitlines()
        if (line := raw.split("#", 1)[0].strip().lower())
    )
    return {term: len(term) for term in terms}


@cache
def _term_lengths() -> tuple[int, ...]:
    return tuple(sorted(set(fixed_terms().values()), reverse=True))


def _joined_terms(words: list[str]) -> list[str]:
    """The words with each fixed term joined into one, as written ("Buy now pay later")."""
    terms = fixed_terms()
    joined: list[str] = []
    i = 0
    while i < len(words):
        length = next(
            (n for n in _term_lengths() if tuple(w.lower() for w in words[i : i + n]) in terms),
            1,
        )
        joined.append(" ".join(words[i : i + length]))
        i += length
    return joined


def _split(text: str) -> list[tuple[list[str], list[_Span]]]:
    """A text's phrases (between punctuation) as words, each with its place names."""
    return [
        (words, _place_spans(words))
        for words in (_joined_terms(_WORD.findall(phrase)) for phrase in _PHRASE_BREAK.split(text))
    ]


def places_named(text: str) -> set[str]:
    """The canonical places a text names."""
    return {span.place for _, spans in _split(text) for span in spans}


def _runs(
    split: list[tuple[list[str], list[_Span]]], keep_places: Collection[str]
) -> Iterator[list[str]]:
    """The runs of phrase words of a split text, in their written case."""
    for words, spans in split:
        cut = [is_break(w.lower()) for w in words]
        for span in spans:
            for i in range(span.start, span.stop):
                cut[i] = span.place not in keep_places
        run: list[str] = []
        for word, is_cut in zip(words, cut, strict=True):
            if is_cut:
                if run:
                    yield run
                run = []
            else:
                run.append(word)
        if run:
            yield run


def text_phrases(
    text: str | list[tuple[list[str], list[_Span]]],
    keep_places: Collection[str] = (),
    heads: Counter[str] | None = None,
) -> dict[str, str]:
    """Each candidate phrase of one text: key (see `fold`) -> the words as written.

    ``heads`` counts, for each word, the runs it ends (where English puts the noun a phrase is
    about) as +1 and the runs it only qualifies as -1.
    """
    found: dict[str, str] = {}
    weak = LABEL_ONLY_WORDS
    for run in _runs(_split(text) if isinstance(text, str) else text, keep_places):
        if heads is not None:
            for position, word in enumerate(run):
                heads[fold(word)] += 1 if position == len(run) - 1 else -1
        for length in range(1, min(MAX_WORDS, len(run)) + 1):
            for start in range(len(run) - length + 1):
                words = run[start : start + length]
                lower = [w.lower() for w in words]
                if all(w in weak for w in lower) or len(set(lower)) < len(lower):
                    continue
                if _reads_as_verb(lower):
                    continue
                found.setdefault(fold(" ".join(words)), " ".join(words))
    return found


def _reads_as_verb(words: Sequence[str]) -> bool:
    """Whether a phrase ends like a clause, not a noun: a lone participle ("registered", or
    "waiting" but not "housing": data/phrase_breaks.txt), or a plural noun followed by an "-ing"
    word ("tenants turning", but "social housing" passes)."""
    last = words[-1]
    if len(words) == 1:
        if last.endswith("ing"):
            return last not in _sections()["ing-nouns"]
        return len(last) > 4 and last.endswith("ed")
    return last.endswith("ing") and words[-2].endswith("s") and not words[-2].endswith("ss")


@dataclass(frozen=True)
class GroupPhrases:
    """A group's candidate phrases: how many of its questions hold each, and how it is written."""

    size: int
    counts: Counter[str]
    written: dict[str, str]


def group_phrases(texts: Sequence[str]) -> GroupPhrases:
    """The candidate phrases of one group's questions.

    A place is kept in the phrases only when at least `PLACE_SHARE` of the questions name it.
    A phrase that never appears without the same longer phrase around it ("new universal",
    always "new universal credit") is left out for that longer one, and so is a single word
    that more often qualifies another word than ends a phrase ("rural" of "rural buses").
    Each key is written the way most of the questions write it ("Universal Credit").
    """
    split = [_split(t) for t in texts]
    named: Counter[str] = Counter(
        p for parts in split for p in {span.place for _, spans in parts for span in spans}
    )
    keep = {p for p, n in named.items() if n >= PLACE_SHARE * len(texts) and len(texts) > 1}
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    heads: Counter[str] = Counter()
    for parts in split:
        for key, words in text_phrases(parts, keep, heads).items():
            counts[key] += 1
            forms[key][words] += 1
    # A word that mostly qualifies another ("rural", "free") is not a keyword alone.
    closed = {k for k in _closed(counts) if " " in k or heads[k] >= 0}
    return GroupPhrases(
        size=len(texts),
        counts=Counter({k: n for k, n in counts.items() if k in closed}),
        written={k: _usual_form(forms[k]) for k in closed},
    )


def _usual_form(forms: Counter[str]) -> str:
    """The most common way of writing a phrase, lower case on a tie ("food banks" over
    "Food banks")."""
    return min(forms.items(), key=lambda item: (-item[1], item[0] != item[0].lower(), item[0]))[0]


def _closed(counts: Mapping[str, int]) -> set[str]:
    """The phrases not always seen inside one longer phrase (with as many questions)."""
    longer: dict[str, int] = defaultdict(int)
    for key, n in counts.items():
        words = key.split()
        for length in range(1, len(words)):
            for start in range(len(words) - length + 1):
                part = " ".join(words[start : start + length])
                longer[part] = max(longer[part], n)
    return {k for k, n in counts.items() if longer.get(k, 0) < n}
