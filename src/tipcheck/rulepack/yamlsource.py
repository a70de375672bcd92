"""Safe YAML loading that remembers where every value came from, for file:line error messages."""

from __future__ import annotations

import yaml

# libyaml's loader when PyYAML was built with it: same data and marks, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

from tipcheck.errors import RulePackError


class Located:
    """Parsed data plus a map from a JSON path (tuple of keys/indexes) to a 1-based line."""

    def __init__(self, data, lines: dict[tuple, int]):
        self.data = data
        self.lines = lines

    def line(self, path: tuple) -> int:
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def _walk(node, path: tuple, lines: dict[tuple, int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            k = key.value
            lines[path + (k,)] = key.start_mark.line + 1
            _walk(value, path + (k,), lines)
            lines[path + (k,)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), lines)


def load(text: str, path: str) -> Located:
    try:
        node = yaml.compose(text, Loader=_LOADER)
        data = yaml.load(text, Loader=_LOADER)
    except yaml.constructor.ConstructorError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise RulePackError("E202", f"YAML tag not allowed: {exc.problem}", path=path, line=line,
                            hint="rule files are plain data; remove the !tag") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RulePackError("E201", f"invalid YAML: {problem}", path=path, line=line,
                            hint="check indentation and quoting on that line") from None
    lines: dict[tuple, int] = {}
    if node is not None:
        _walk(node, (), lines)
    return Located(data, lines)
