"""Small immutable records passed along the pipeline (stdlib only).

Provisions, definitions and hits have slots: a whole code has millions of them, and an instance
dictionary each doubled the memory of a run."""

from __future__ import annotations

from dataclasses import dataclass


# How far a status goes toward meeting a requirement (a waived one counts as met elsewhere).
STATUS_RANK = {"missing": 0, "partial": 1, "met": 2, "waived": 2, "not-applicable": 2}
GAPS = ("partial", "missing")


@dataclass(frozen=True)
class SourceDoc:
    path: str
    text: str
    encoding: str
    format: str          # txt | md | pdf | docx | html | akn
    sha256: str
    pages: tuple[int, ...] = ()    # PDF: offset in `text` where each page starts (page 1 first)
    title: str = ""                # front matter, AKN/HTML title, or DOCX core title
    metadata: tuple[tuple[str, str], ...] = ()   # Markdown front matter: its string items, in file order


@dataclass(frozen=True, slots=True)
class Provision:
    """A numbered unit of a statute: a section, subsection, paragraph... or a heading-only block."""

    index: int
    kind: str            # part | chapter | section | subsection | paragraph | subparagraph | clause
    number: str          # as numbered locally: "3", "(1)", "(a)"
    label: str           # full citation: "s. 3(1)(a)", "§ 1590(a)"
    heading: str         # nearest heading text ("Human trafficking")
    start: int           # offsets into the decoded text; the provision's own text runs start:end
    end: int
    depth: int
    parent: int | None   # index of the enclosing provision
    section: int | None  # index of the top-level section it belongs to


@dataclass(frozen=True, slots=True)
class Definition:
    term: str            # lower-cased term defined ("exploitation")
    provision: int       # index of the provision holding it
    start: int           # span of the definition text
    end: int
    inclusive: bool      # "includes" (open) rather than "means" (closed)


@dataclass(frozen=True)
class Segmentation:
    provisions: tuple[Provision, ...]
    definitions: tuple[Definition, ...]
    headings: tuple[tuple[int, int], ...] = ()   # spans of heading text (titles, not law)


@dataclass(frozen=True, slots=True)
class Hit:
    """A pattern match: rule id, element, span in the decoded text."""

    rule: str
    element: str
    start: int
    end: int
    provision: int
    kind: str = "positive"   # positive | partial | exclude


@dataclass(frozen=True)
class Evidence:
    document: str
    provision: str
    line: int
    column: int
    start: int
    end: int
    quote: str
    page: int | None = None    # 1-based page of a PDF; None for formats without pages


@dataclass(frozen=True)
class Result:
    id: str
    status: str
    strength: str
    category: str
    source: str
    title: str
    evidence: tuple[Evidence, ...] = ()
    note: str = ""
    remediation: str = ""
    waived_status: str = ""     # the status a waiver replaced
    waiver_reason: str = ""
    waiver_where: str = ""      # where the obligation is met instead


@dataclass(frozen=True)
class DocumentInfo:
    path: str
    sha256: str
    language: str
    format: str
    provisions: int
    encoding: str = "utf-8"
    # An offence or definition of trafficking, or words naming it: the document matters to the check.
    concerns_trafficking: bool = False


@dataclass(frozen=True)
class PackInfo:
    id: str
    version: str


@dataclass(frozen=True)
class Report:
    tool_version: str
    packs: tuple[PackInfo, ...]
    documents: tuple[DocumentInfo, ...]
    results: tuple[Result, ...]
    verdict: str
    language: str = "en"     # the language the report speaks (titles, notes, remediation)

    def gaps(self) -> list[Result]:
        """The requirements found partial or missing, in report order."""
        return [r for r in self.results if r.status in GAPS]

    def counts(self) -> dict[str, int]:
        out = {"met": 0, "partial": 0, "missing": 0, "waived": 0, "not_applicable": 0}
        for r in self.results:
            out[r.status.replace("-", "_")] = out.get(r.status.replace("-", "_"), 0) + 1
        return out
