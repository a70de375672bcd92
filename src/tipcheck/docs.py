"""docs/rules.md, generated from the rule files (`python -m tipcheck.docs > docs/rules.md`)."""

from __future__ import annotations

import sys

from tipcheck import catalogue
from tipcheck.rulepack import load_packs

_SYNTAX = """\
## Pattern syntax

Patterns are written per language. A pattern is a sequence of space-separated token specs:

| spec | matches |
|---|---|
| `word` | a token whose normalised lemma equals the word's (case, inflection and accents ignored: `recruit` matches "Recruited", "recruiting") |
| `a\\|b\\|c` | any of these single-token words |
| `=word` | the exact lower-case form, no lemma |
| `word?` | an optional token |
| `...` | up to 4 tokens of anything; `..N` up to N tokens (N at most 30) |

A raw spaCy Matcher pattern (a list of token dicts, e.g. `[{"NORM": "recruit"}]`) is also accepted;
attributes that need a trained pipeline (LEMMA, POS, DEP, ...) are refused. Matching runs provision by
provision, with headings blanked, so a pattern never runs from one provision into another.

Each rule names the assessment that judges its hits (`assess:`): `act`, `means`, `purpose` and
`open-list` judge hits only inside the trafficking offence (and the definitions and sections it uses);
`protection` judges operative provisions about victims, where "may", qualifiers ("to the extent
practicable") and conditions (cooperation with the prosecution) make a finding partial. `partial:`
wordings narrow a finding (`when: alone` ones count only where nothing better is found); `exclude:`
wordings cancel hits they overlap, each with the reason.
"""


def render() -> str:
    out = ["# tipcheck rules", "", "Generated from the rule files by `python -m tipcheck.docs`; do not edit by hand.", ""]
    out.append(_SYNTAX)
    for pack in load_packs(langs=()):
        out += [f"## Pack `{pack.id}` {pack.version}", "", pack.title, "",
                f"Languages: {', '.join(pack.languages)}. Instrument: {pack.instrument}.", ""]
        for rule in sorted(pack.rules, key=lambda r: catalogue.order(r.id)):
            out += [f"### `{rule.id}`: {rule.title}", "",
                    f"- **Source:** {rule.source}",
                    f"- **Strength:** {rule.strength}; **category:** {rule.category}; **assessment:** `{rule.assess}`",
                    f"- **Requires:** {rule.description}"]
            if rule.partial_when:
                out.append(f"- **Partial when:** {rule.partial_when}")
            out.append(f"- **Remediation:** {rule.remediation}")
            if rule.example:
                out.append(f"- **Example:** “{rule.example}”")
            for note, _patterns, when in rule.partial:
                out.append(f"- **Narrower wording ({when}):** {note}")
            for why, _patterns in rule.exclude:
                out.append(f"- **Excluded:** {why}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
