"""Stable group identities across re-clusters: new labels matched to the existing groups.

A group that persists keeps its id (and so its title and everything attached to it); the
events say what happened to every group: kept, split, merged, new, dissolved or locked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

EVENT_KINDS = ("kept", "split", "merged", "new", "dissolved", "locked")


@dataclass(frozen=True)
class ClusterEvent:
    """What a re-cluster did to existing groups and new labels.

    kind: kept | split | merged | new | dissolved | locked.
    cluster_id: the existing id that carries on (kept, split, merged, locked), else None.
    clusters: existing ids involved; labels: new labels involved.
    old_sizes / new_sizes: sizes of `clusters` before and of `labels` after, in the same order.
    """

    kind: str
    cluster_id: int | None
    clusters: tuple[int, ...]
    labels: tuple[int, ...]
    old_sizes: tuple[int, ...]
    new_sizes: tuple[int, ...]


@dataclass
class Reconciliation:
    """How a new clustering maps onto the existing groups.

    assignment: question id -> existing cluster id, or None when it goes to a new group (its
        label is then a key of `new_groups`).
    label_to_cluster: new label -> the existing cluster id it continues.
    new_groups: new label -> question ids, for labels that need a fresh cluster id.
    merged_into: existing id that lost its identity -> the existing id that absorbed it.
    events: the kept / split / merged / new / dissolved / locked record.
    """

    assignment: dict[int, int | None] = field(default_factory=dict)
    label_to_cluster: dict[int, int] = field(default_factory=dict)
    new_groups: dict[int, set[int]] = field(default_factory=dict)
    merged_into: dict[int, int] = field(default_factory=dict)
    events: list[ClusterEvent] = field(default_factory=list)


def reconcile(
    previous: Mapping[int, set[int]],
    new_labels: Mapping[int, int],
    locked: Collection[int] = (),
    min_overlap: float = 0.5,
    min_share: float = 0.25,
) -> Reconciliation:
    """Match new labels to existing cluster ids so that persisting groups keep their ids.

    previous: existing cluster id -> its question ids. new_labels: question id -> new label.
    locked: existing ids whose membership is kept as is: their questions keep their cluster
    even if they appear in new_labels, and a locked id is never given to a new label.

    Rules, all on the questions present in this run:
    - match: labels and old groups are paired one to one, greedily by the number of shared
      questions, when the overlap coefficient |old & new| / min(|old|, |new|) >= min_overlap;
      the label then continues the old id ("kept");
    - merged: an unmatched old group with >= min_overlap of its questions in a label that
      continues another group is merged into that group (the largest contributor keeps its id,
      having been matched first);
    - split: a matched old group that also sent >= min_share of its questions to other labels;
      the largest piece keeps the id, the others get new ids;
    - dissolved: an unmatched old group that is not merged; new: a label from no old group.
    """
    return _Reconciler(previous, new_labels, locked, min_overlap, min_share).run()


class _Reconciler:
    """The steps of ``reconcile``, sharing what each one works out."""

    def __init__(
        self,
        previous: Mapping[int, set[int]],
        new_labels: Mapping[int, int],
        locked: Collection[int],
        min_overlap: float,
        min_share: float,
    ) -> None:
        self.min_overlap, self.min_share = min_overlap, min_share
        self.locked_ids = {int(c) for c in locked}
        self.prev = {int(c): {int(q) for q in qs} for c, qs in previous.items()}
        self.result = Reconciliation()
        self.events: list[ClusterEvent] = []
        locked_of = {q: c for c in sorted(self.locked_ids & self.prev.keys()) for q in self.prev[c]}
        old_of = {q: c for c, qs in self.prev.items() if c not in self.locked_ids for q in qs}
        self.members: dict[int, set[int]] = defaultdict(set)
        for q, label in new_labels.items():
            if int(q) in locked_of:
                self.result.assignment[int(q)] = locked_of[int(q)]
            else:
                self.members[int(label)].add(int(q))
        # spread[cid][label] = how many of old group cid's questions now carry label
        self.spread: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        for label, qs in self.members.items():
            for q in qs:
                if q in old_of:
                    self.spread[old_of[q]][label] += 1
        self.present = {cid: sum(by_label.values()) for cid, by_label in self.spread.items()}
        self.cluster_of: dict[int, int] = {}  # label -> continued cid
        self.label_of: dict[int, int] = {}  # cid -> its continuing label
        self.absorbed: dict[int, list[int]] = defaultdict(list)

    def run(self) -> Reconciliation:
        """Pair, assign, retire the unmatched, then describe what happened to each group."""
        self._pair()
        self._assign()
        self._retire_unmatched()
        split_pieces = self._describe_matched()
        for label in sorted(self.result.new_groups):
            if label not in split_pieces:
                self.events.append(ClusterEvent("new", None, (), (label,), (), (self._new(label),)))
        for cid in sorted(self.locked_ids):
            sizes = (len(self.prev[cid]),) if cid in self.prev else ()
            self.events.append(ClusterEvent("locked", cid, (cid,), (), sizes, ()))
        self.result.events = self.events
        return self.result

    def _old(self, cid: int) -> int:
        return len(self.prev[cid])

    def _new(self, label: int) -> int:
        return len(self.members[label])

    def _pair(self) -> None:
        """Pair labels and old groups one to one, greedily by shared questions."""
        pairs = sorted(
            (
                (count, count / min(self.present[cid], len(self.members[label])), cid, label)
                for cid, by_label in self.spread.items()
                for label, count in by_label.items()
            ),
            key=lambda t: (-t[0], -t[1], t[2], t[3]),
        )
        for _count, coefficient, cid, label in pairs:
            free = cid not in self.label_of and label not in self.cluster_of
            if coefficient >= self.min_overlap and free:
                self.cluster_of[label] = cid
                self.label_of[cid] = label

    def _assign(self) -> None:
        """Give each question its continued group, or mark its label as a new group."""
        self.result.label_to_cluster = dict(sorted(self.cluster_of.items()))
        for label in sorted(self.members):
            continued = self.cluster_of.get(label)
            if continued is None:
                self.result.new_groups[label] = set(self.members[label])
            for q in self.members[label]:
                self.result.assignment[q] = continued

    def _retire_unmatched(self) -> None:
        """An unmatched old group is merged into the group most of it joined, or dissolved."""
        unmatched = (c for c in self.prev if c not in self.locked_ids and c not in self.label_of)
        for cid in sorted(unmatched):
            by_label = self.spread.get(cid, {})
            if by_label:
                label, count = min(by_label.items(), key=lambda t: (-t[1], t[0]))
                target = self.cluster_of.get(label)
                if target is not None and count >= self.min_overlap * self.present[cid]:
                    self.result.merged_into[cid] = target
                    self.absorbed[target].append(cid)
                    continue
            labels = tuple(sorted(by_label))
            sizes = tuple(self._new(label) for label in labels)
            self.events.append(
                ClusterEvent("dissolved", None, (cid,), labels, (self._old(cid),), sizes)
            )

    def _describe_matched(self) -> set[int]:
        """Events for each matched group (merged into, split, or kept); the split-off labels."""
        split_pieces: set[int] = set()
        for cid in sorted(self.label_of):
            label = self.label_of[cid]
            share = self.min_share * self.present[cid]
            pieces = tuple(
                sorted(o for o, n in self.spread[cid].items() if o != label and n >= share)
            )
            if self.absorbed[cid]:
                group = (cid, *self.absorbed[cid])
                old_sizes = tuple(self._old(c) for c in group)
                self.events.append(
                    ClusterEvent("merged", cid, group, (label,), old_sizes, (self._new(label),))
                )
            if pieces:
                split_pieces.update(p for p in pieces if p not in self.cluster_of)
                new_sizes = tuple(self._new(p) for p in (label, *pieces))
                self.events.append(
                    ClusterEvent(
                        "split", cid, (cid,), (label, *pieces), (self._old(cid),), new_sizes
                    )
                )
            if not self.absorbed[cid] and not pieces:
                self.events.append(
                    ClusterEvent(
                        "kept", cid, (cid,), (label,), (self._old(cid),), (self._new(label),)
                    )
                )
        return split_pieces
