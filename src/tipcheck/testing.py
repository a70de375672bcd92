"""Rule fixtures: small statute excerpts annotated with `#>` directives, run without pytest.

    #> expect: met|partial|missing     status of the fixture's rule (its directory name) for the excerpt
    #> note: ...                       why (documentation only)
    #> lang: en                        language of the excerpt (default: the pack's first language)
    #> ruleid:                         evidence for the rule must start on the next text line
    #> ok:                             no evidence for the rule may start on the next text line
    #> todo-expect: STATUS             a known gap: the rule currently gets it wrong (strict xfail)

Directives are removed before analysis, and line numbers are mapped back to the fixture file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tipcheck.errors import RulePackError

_DIRECTIVE = re.compile(r"^#>\s*(?P<key>[a-z-]+)\s*:?\s*(?P<value>.*)$")
_KEYS = {"expect", "note", "lang", "ruleid", "ok", "todo-expect"}
STATUSES = ("met", "partial", "missing")


@dataclass
class Fixture:
    path: Path
    rule: str
    text: str
    expect: str
    lang: str | None = None
    todo: bool = False
    must_hit: list[int] = field(default_factory=list)      # lines (1-based, in `text`) where evidence must start
    must_not_hit: list[int] = field(default_factory=list)
    line_map: dict[int, int] = field(default_factory=dict)  # text line -> fixture file line


@dataclass
class Outcome:
    fixture: Fixture
    status: str
    problems: list[str]
    report: object = None       # the whole report, for tests that check more than the fixture's rule

    @property
    def passed(self) -> bool:
        return not self.problems


def parse(path: Path) -> Fixture:
    rule = path.parent.name
    out_lines: list[str] = []
    line_map: dict[int, int] = {}
    expect = todo_expect = lang = None
    pending: list[str] = []
    must, must_not = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        m = _DIRECTIVE.match(line)
        if m:
            key, value = m.group("key"), m.group("value").strip()
            if key not in _KEYS:
                raise RulePackError("E220", f"unknown fixture directive {key!r}", path=str(path), line=number,
                                    hint=f"use one of: {', '.join(sorted(_KEYS))}")
            if key in ("expect", "todo-expect"):
                if value not in STATUSES:
                    raise RulePackError("E221", f"expected status {value!r} is not one of {', '.join(STATUSES)}",
                                        path=str(path), line=number)
                if key == "expect":
                    expect = value
                else:
                    todo_expect = value
            elif key == "lang":
                lang = value
            elif key in ("ruleid", "ok"):
                pending.append(key)
            continue
        out_lines.append(line)
        line_map[len(out_lines)] = number
        for key in pending:
            (must if key == "ruleid" else must_not).append(len(out_lines))
        pending = []
    if expect is None and todo_expect is None:
        raise RulePackError("E222", "fixture has no `#> expect:` directive", path=str(path), line=1,
                            hint="start the file with `#> expect: met` (or partial / missing)")
    return Fixture(path, rule, "\n".join(out_lines) + "\n", todo_expect or expect, lang,
                   todo=todo_expect is not None, must_hit=must, must_not_hit=must_not, line_map=line_map)


def discover(root: Path) -> list[Path]:
    return sorted(root.glob("**/fixtures/*/*.txt"))


def run(fixture: Fixture, *, packs=None, rules_dirs=None) -> Outcome:
    from tipcheck.api import check_text

    report = check_text(fixture.text, name=str(fixture.path), packs=packs, rules_dirs=rules_dirs,
                        lang=fixture.lang or "en")
    result = next((r for r in report.results if r.id == fixture.rule), None)
    if result is None:
        return Outcome(fixture, "?", [f"no rule {fixture.rule} in the selected packs"])
    problems = []
    if result.status != fixture.expect:
        problems.append(f"status {result.status}, expected {fixture.expect}"
                        + (f" (note: {result.note})" if result.note else ""))
    lines = {e.line for e in result.evidence}
    for line in fixture.must_hit:
        if line not in lines:
            problems.append(f"line {fixture.line_map[line]}: expected evidence here, found on "
                            f"{sorted(fixture.line_map[x] for x in lines) or 'no line'}")
    for line in fixture.must_not_hit:
        if line in lines:
            problems.append(f"line {fixture.line_map[line]}: evidence found on a line marked `ok`")
    if fixture.todo and not problems:
        problems.append("marked todo-expect but now passes: change `todo-expect` to `expect`")
    elif fixture.todo:
        problems = []
    return Outcome(fixture, result.status, problems, report)
