"""The stop-word lists, read from `data/stopwords.txt` (its comments say what each is for).

`COMMON_WORDS` is the general list, for searching questions and matching datasets;
`label_stop_words()` adds scikit-learn's English list and the words only labels drop.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

STOPWORDS_FILE = Path(__file__).parent / "data" / "stopwords.txt"


@cache
def _sections() -> dict[str, frozenset[str]]:
    """Section name -> its words, from the stop-word file."""
    words: dict[str, set[str]] = {}
    section: set[str] | None = None
    for number, raw in enumerate(STOPWORDS_FILE.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = words.setdefault(line[1:-1].strip(), set())
        elif section is None:
            raise ValueError(f"{STOPWORDS_FILE.name}:{number}: a word before any [section]")
        else:
            section.add(line.lower())
    return {name: frozenset(members) for name, members in words.items()}


# Words too common in questions and titles to search for or to count as shared keywords.
COMMON_WORDS: frozenset[str] = _sections()["common"]
# Words that shape a question rather than say what it is about; only labels drop them.
LABEL_ONLY_WORDS: frozenset[str] = _sections()["label"]


@cache
def label_stop_words() -> frozenset[str]:
    """The words left out of group keywords: scikit-learn's English list, `COMMON_WORDS` and
    `LABEL_ONLY_WORDS`. scikit-learn is imported here, not at the top, so that searching needs
    only `COMMON_WORDS` and never loads it."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | COMMON_WORDS | LABEL_ONLY_WORDS
