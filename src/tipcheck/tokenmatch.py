"""A token-pattern matcher for the compiled rule syntax, indexed by anchor word.

spaCy's Matcher steps every pattern through every token, and expands a gap of up to N tokens into N
optional states; with hundreds of patterns holding gaps ("recruit ..8 person") it dominated the run
time. Most tokens of a statute start no pattern, so this matcher looks up, for each token, the
patterns whose first definite token it can be, and only then walks the pattern. It returns what
spaCy's Matcher returns for the same token patterns - every (start, end) of every pattern, each gap
{0,N} at most N tokens - which the tests check on every fixture and corpus statute. Raw spaCy patterns
(other token attributes or operators) still go to spaCy's Matcher.
"""

from __future__ import annotations

import re
from collections import defaultdict

_BOUNDED = re.compile(r"^\{(\d*),(\d+)\}$")
_ATTRS = {"NORM", "LOWER"}


class Step:
    """One pattern token: a set of accepted values of one attribute, optional or not; or a gap."""

    __slots__ = ("attr", "values", "optional", "gap", "negate")

    def __init__(self, attr: str | None, values: frozenset, optional: bool, gap: int, negate: bool = False):
        self.attr, self.values, self.optional = attr, values, optional
        self.gap = gap    # 0: a token; N: a gap of up to N tokens
        self.negate = negate    # NOT_IN: any token but these

    def accepts(self, value) -> bool:
        return (value in self.values) is not self.negate


def simple_steps(pattern: list[dict]) -> list[Step] | None:
    """The pattern as steps, or None when it uses anything but NORM/LOWER values, "?" and gaps."""
    steps = []
    for tok in pattern:
        op = str(tok.get("OP", ""))
        keys = set(tok) - {"OP"}
        if not keys:
            bounded = _BOUNDED.match(op)
            if not bounded:
                return None
            steps.append(Step(None, frozenset(), False, max(1, int(bounded.group(2)))))
            continue
        if len(keys) != 1 or op not in ("", "?"):
            return None
        attr = keys.pop()
        if attr not in _ATTRS:
            return None
        value = tok[attr]
        negate = False
        if isinstance(value, str):
            values = frozenset([value])
        elif isinstance(value, dict) and set(value) == {"IN"}:
            values = frozenset(value["IN"])
        elif isinstance(value, dict) and set(value) == {"NOT_IN"}:
            values, negate = frozenset(value["NOT_IN"]), True
        else:
            return None
        steps.append(Step(attr, values, op == "?", 0, negate))
    return steps


def length_limit(pattern: list[dict]) -> int:
    """The longest a match can be: bounded gaps count their maximum, other tokens one each."""
    limit = 0
    for tok in pattern:
        m = _BOUNDED.match(str(tok.get("OP", "")))
        limit += int(m.group(2)) if m and set(tok) == {"OP"} else 1
    return limit


class IndexedMatcher:
    """`encode` maps a pattern's words to what the columns hold (spaCy's hash ids; default: the words)."""

    def __init__(self, encode=None) -> None:
        self.encode = encode
        self.patterns: list[tuple[object, list[Step], int]] = []
        self.required: list[list[Step]] = []   # the steps each pattern cannot do without
        # (attribute, value) -> indexes of the patterns that value can start
        self.anchors: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.unanchored: list[int] = []

    def add(self, key: object, steps: list[Step], limit: int) -> None:
        if self.encode is not None:
            steps = [Step(s.attr, frozenset(self.encode(v) for v in s.values), s.optional, s.gap, s.negate)
                     for s in steps]
        index = len(self.patterns)
        self.patterns.append((key, steps, limit))
        self.required.append([s for s in steps if not s.gap and not s.optional and not s.negate])
        firsts = set()
        for step in steps:            # a leading optional token may be absent: the next can start
            if step.negate or step.gap:
                self.unanchored.append(index)   # it can start almost anywhere: tried at every token
                return
            firsts |= {(step.attr, v) for v in step.values}
            if not step.optional:
                break
        for anchor in firsts:
            self.anchors[anchor].append(index)

    def __call__(self, norms: list, lowers: list) -> list[tuple[object, int, int]]:
        n = len(norms)
        candidates: dict[int, set[int]] = defaultdict(set)
        anchors = self.anchors
        for attr, column in (("NORM", norms), ("LOWER", lowers)):
            for i, value in enumerate(column):
                found = anchors.get((attr, value))
                if found:
                    for p in found:
                        candidates[p].add(i)
        for p in self.unanchored:
            candidates[p].update(range(n))
        out = []
        columns = {"NORM": norms, "LOWER": lowers}
        present = {"NORM": set(norms), "LOWER": set(lowers)}
        for p, starts in candidates.items():
            # A pattern one of whose words is nowhere in the provision cannot match in it.
            if any(step.values.isdisjoint(present[step.attr]) for step in self.required[p]):
                continue
            key, steps, limit = self.patterns[p]
            for start in sorted(starts):
                for end in sorted(_ends(steps, 0, start, start + limit, n, columns, {})):
                    if end > start:
                        out.append((key, start, end))
        return out


def _ends(steps: list[Step], k: int, i: int, stop: int, n: int, columns, memo) -> set[int]:
    """Every position where steps[k:] can end when they begin at token i, never beyond `stop`."""
    if k == len(steps):
        return {i}
    cached = memo.get((k, i))
    if cached is not None:
        return cached
    step = steps[k]
    out: set[int] = set()
    if step.gap:
        for j in range(i, min(n, stop, i + step.gap) + 1):
            out |= _ends(steps, k + 1, j, stop, n, columns, memo)
    else:
        if step.optional:
            out |= _ends(steps, k + 1, i, stop, n, columns, memo)
        if i < n and i < stop and step.accepts(columns[step.attr][i]):
            out |= _ends(steps, k + 1, i + 1, stop, n, columns, memo)
    memo[(k, i)] = out
    return out
