"""Group labels on the demo bank: today's c-TF-IDF against KeyBERT, BERTopic and ours.

Each demo family of paraphrases (app/demo/data/questions.json) is taken as one group, so the
labels are compared on the same groups whatever the clustering does. Printed: a table of each
family's labels, then per method the share of its keywords that are fragments (a keyword that
starts or ends with a verb, an adverb or a stop word, a lone weak word, or a place name in a
group not about a place), how many titles are distinct and the seconds taken.

KeyBERT and BERTopic are measured only when installed (``pip install keybert bertopic``); both
run the local all-MiniLM-L6-v2 through sentence-transformers. Run:

    HF_HUB_OFFLINE=1 PYTHONPATH=. .venv/bin/python -m bench.labels [--markdown]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from app.insight.embed import get_embedder, resolve_model_dir
from app.insight.label import ctfidf_keywords, label_groups
from app.insight.phrases import is_break, places_named
from app.insight.stopwords import LABEL_ONLY_WORDS

DEMO = Path(__file__).resolve().parent.parent / "app" / "demo" / "data" / "questions.json"
SHOWN = 3

Labeller = Callable[[dict[int, list[str]], dict[int, np.ndarray]], dict[int, tuple[str, list[str]]]]


def families() -> dict[str, list[str]]:
    """The demo questions by family."""
    grouped: dict[str, list[str]] = {}
    for item in json.loads(DEMO.read_text(encoding="utf-8"))["items"]:
        grouped.setdefault(item["family"], []).append(item["text"])
    return grouped


def ctfidf(
    texts: dict[int, list[str]], _c: dict[int, np.ndarray]
) -> dict[int, tuple[str, list[str]]]:
    """Before: the first three c-TF-IDF terms, joined, are the label."""
    words = ctfidf_keywords(texts)
    return {g: (", ".join(w[:SHOWN]), w) for g, w in words.items()}


def ours(
    texts: dict[int, list[str]], centres: dict[int, np.ndarray]
) -> dict[int, tuple[str, list[str]]]:
    """After: noun phrases, c-TF-IDF candidates, contrastive cosine and MMR, a title."""
    encode = get_embedder("all-MiniLM-L6-v2").encode
    labels = label_groups(texts, centres, encode)
    return {g: (label.title, list(label.keywords)) for g, label in labels.items()}


def _sentence_model() -> object:
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(resolve_model_dir("all-MiniLM-L6-v2")), device="cpu")


def keybert(
    texts: dict[int, list[str]], _c: dict[int, np.ndarray]
) -> dict[int, tuple[str, list[str]]]:
    """KeyBERT on each group's questions as one document: 1-3-grams, English stop words, MMR."""
    from keybert import KeyBERT

    model = KeyBERT(model=_sentence_model())
    out = {}
    for g, group in texts.items():
        found = model.extract_keywords(
            " ".join(group),
            keyphrase_ngram_range=(1, 3),
            stop_words="english",
            use_mmr=True,
            diversity=0.5,
            top_n=5,
        )
        words = [w for w, _ in found]
        out[g] = (", ".join(words[:SHOWN]), words)
    return out


def bertopic(
    texts: dict[int, list[str]], _c: dict[int, np.ndarray]
) -> dict[int, tuple[str, list[str]]]:
    """BERTopic given the groups (no UMAP, no HDBSCAN): KeyBERTInspired then MMR, on 1-3-grams."""
    from bertopic import BERTopic
    from bertopic.cluster import BaseCluster
    from bertopic.dimensionality import BaseDimensionalityReduction
    from bertopic.representation import KeyBERTInspired, MaximalMarginalRelevance
    from sklearn.feature_extraction.text import CountVectorizer

    model = _sentence_model()
    docs = [t for g in texts for t in texts[g]]
    owners = [g for g in texts for _ in texts[g]]
    topic_model = BERTopic(
        embedding_model=model,
        umap_model=BaseDimensionalityReduction(),
        hdbscan_model=BaseCluster(),
        vectorizer_model=CountVectorizer(ngram_range=(1, 3), stop_words="english"),
        representation_model=[KeyBERTInspired(), MaximalMarginalRelevance(diversity=0.5)],
    )
    topics, _ = topic_model.fit_transform(docs, y=np.array(owners))
    # BERTopic renumbers the given groups by size: read each group's topic off its documents.
    topic_of = {g: t for g, t in zip(owners, topics, strict=True)}
    out = {}
    for g in texts:
        words = [w for w, _ in topic_model.get_topic(topic_of[g]) or []][:5]
        out[g] = (", ".join(words[:SHOWN]), words)
    return out


def is_fragment(keyword: str, group_places: set[str]) -> bool:
    """A keyword that is no phrase a person would use."""
    words = keyword.lower().replace(",", " ").split()
    if not words:
        return True
    if is_break(words[0]) or is_break(words[-1]):
        return True
    if len(words) == 1 and words[0] in LABEL_ONLY_WORDS:
        return True
    named = places_named(keyword.title()) | places_named(keyword)
    return bool(named - group_places)


def main(argv: Sequence[str] | None = None) -> None:
    """Print the table and the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    named = families()
    names = list(named)
    texts = {g: named[n] for g, n in enumerate(names)}
    encode = get_embedder("all-MiniLM-L6-v2").encode
    centres = {g: encode(t).mean(axis=0) for g, t in texts.items()}
    methods: dict[str, Labeller] = {"c-TF-IDF (before)": ctfidf}
    if importlib.util.find_spec("keybert"):
        methods["KeyBERT MMR"] = keybert
    if importlib.util.find_spec("bertopic"):
        methods["BERTopic KeyBERTInspired+MMR"] = bertopic
    methods["ours (after)"] = ours
    results, seconds = {}, {}
    for name, method in methods.items():
        start = time.perf_counter()
        results[name] = method(texts, centres)
        seconds[name] = time.perf_counter() - start

    header = ["family", *methods, "our keywords"]
    rows = [
        [names[g], *(results[m][g][0] for m in methods), "; ".join(results["ours (after)"][g][1])]
        for g in texts
    ]
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(row) + " |")
    else:
        for row in [header, *rows]:
            print(" | ".join(cell[:48].ljust(48 if i else 30) for i, cell in enumerate(row)))
    print()
    for name in methods:
        keywords = [(w, g) for g in texts for w in results[name][g][1][:SHOWN]]
        about = {
            g: {
                p
                for p in places_named(" ".join(texts[g]))
                if sum(p in places_named(t) for t in texts[g]) * 2 >= len(texts[g])
            }
            for g in texts
        }
        fragments = sum(is_fragment(w, about[g]) for w, g in keywords)
        titles = len({results[name][g][0].lower() for g in texts})
        share = fragments / max(len(keywords), 1)
        print(
            f"{name:30s} fragments {fragments}/{len(keywords)} ({share:.0%})"
            f"  distinct titles {titles}/{len(texts)}  {seconds[name]:.1f} s"
        )


if __name__ == "__main__":
    main()
