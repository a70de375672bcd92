"""One batch item from file to matrix row, in whichever process runs it.

`prepare` is cheap (read, fingerprint, skip what is unchanged, screen raw text); `analyse` is the full
analysis and writes the item's reports. Both return plain data (a row dict) so that worker processes
hand back nothing heavier than a few hundred bytes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath

from tipcheck import __version__, ingest
from tipcheck.batch.inputs import Item
from tipcheck.errors import TipcheckError

# Report formats a batch writes per item, with their file suffix.
SUFFIX = {"json": ".json", "html": ".html", "markdown": ".md", "sarif": ".sarif", "junit": ".junit.xml"}


@dataclass(frozen=True)
class Settings:
    out: str
    packs: tuple[str, ...] | None = None
    rules_dirs: tuple[str, ...] = ()
    lang: str = "auto"
    report_lang: str = "auto"
    formats: tuple[str, ...] = ("json",)
    screen: bool = True
    rules_digest: str = ""        # the content of the rule packs: a changed rule re-runs everything
    max_bytes: int | None = None  # the largest file read (default ingest.MAX_BYTES; 0: no limit)

    def key(self) -> str:
        """What, besides the documents, decides a row: reruns skip an item only when this is unchanged."""
        data = asdict(self)
        data.pop("out")
        data["tool"] = __version__
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


@dataclass
class Prepared:
    item: Item
    fingerprint: str
    row: dict | None = None           # final already (unchanged, screened out, unreadable)
    language: str | None = None       # of the first text document, when cheap to tell
    unchanged: bool = False           # the row is the last run's: same documents, same options


def report_paths(name: str, formats: tuple[str, ...]) -> dict[str, str]:
    """Where an item's reports go under the output folder: its name made a safe relative path."""
    parts = [p for p in PurePosixPath(name.replace("\\", "/")).parts if p not in ("/", "", ".", "..") and ":" not in p]
    stem = "/".join(parts) or "document"
    return {fmt: f"reports/{stem}{SUFFIX[fmt]}" for fmt in formats}


def prepare(item: Item, settings: Settings, key: str, previous: dict | None) -> Prepared:
    digest = hashlib.sha256(key.encode())
    raw: list[bytes] = []
    try:
        for path in item.paths:
            data = ingest.read_raw(path, settings.max_bytes)
            raw.append(data)
            digest.update(b"\0" + path.encode() + b"\0" + hashlib.sha256(data).digest())
    except TipcheckError as exc:
        return Prepared(item, "", _error_row(item, exc.one_line()))
    fingerprint = digest.hexdigest()
    if previous and previous.get("fingerprint") == fingerprint and _reports_exist(settings.out, previous):
        return Prepared(item, fingerprint, dict(previous), unchanged=True)
    language = None
    if settings.screen and all(Path(p).suffix.lower() in ingest.TEXT_SUFFIXES for p in item.paths):
        from tipcheck.screen import candidate

        texts = [_text(data) for data in raw]
        if not any(t is None or candidate(t) for t in texts):
            return Prepared(item, fingerprint, _row(item, fingerprint, "screened-out"))
        language = _language(settings.lang, next((t for t in texts if t), None))
    return Prepared(item, fingerprint, None, language)


def analyse(prepared: Prepared, settings: Settings) -> dict:
    """Full analysis of one item (screening PDF/DOCX once their text is extracted), reports written."""
    item = prepared.item
    try:
        from tipcheck.api import check_docs
        from tipcheck.report import render
        from tipcheck.outputs import write_atomic

        docs = [ingest.from_bytes(ingest.read_raw(p, settings.max_bytes), p) for p in item.paths]
        if settings.screen and not any(Path(p).suffix.lower() in ingest.TEXT_SUFFIXES for p in item.paths):
            from tipcheck.screen import candidate

            if not any(candidate(d.text) for d in docs):
                return _row(item, prepared.fingerprint, "screened-out")
        report = check_docs(docs, packs=list(settings.packs) if settings.packs else None,
                            rules_dirs=list(settings.rules_dirs), lang=settings.lang, report_lang=settings.report_lang)
        reports = report_paths(item.name, settings.formats)
        for fmt, rel in reports.items():
            target = Path(settings.out) / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(str(target), render(report, fmt))
    except TipcheckError as exc:
        return _error_row(item, exc.one_line(), prepared.fingerprint)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:          # a bug in tipcheck: recorded on the row, the batch goes on
        return _error_row(item, f"internal error: {type(exc).__name__}: {exc}", prepared.fingerprint, internal=True)
    row = _row(item, prepared.fingerprint, "analysed")
    row.update(language=report.language if len(report.documents) > 1 else report.documents[0].language,
               verdict=report.verdict,
               concerns_trafficking=any(d.concerns_trafficking for d in report.documents),
               counts=report.counts(), statuses={r.id: r.status for r in report.results}, reports=reports)
    return row


def rules_digest(pack, rules) -> str:
    """The rule packs' content: a rerun after a rule changed redoes every item."""
    from tipcheck.rulepack import builtin_dir

    h = hashlib.sha256()
    dirs = [Path(r) for r in rules or []] + [d for d in sorted(builtin_dir().iterdir()) if d.is_dir()
                                            and (not pack or d.name in pack)]
    for d in dirs:
        for f in sorted(d.glob("*.yaml")) + sorted(d.glob("messages/*.yaml")):
            h.update(f.as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def _row(item: Item, fingerprint: str, state: str) -> dict:
    return {"document": item.name, "files": list(item.paths), "state": state, "fingerprint": fingerprint}


def _error_row(item: Item, message: str, fingerprint: str = "", internal: bool = False) -> dict:
    row = _row(item, fingerprint, "error")
    row["error"] = message
    if internal:
        row["internal"] = True
    return row


def _text(data: bytes) -> str | None:
    """Raw text for screening; None when the reader must look at it (it will say what is wrong, or decode
    UTF-16): empty files and NUL bytes are never quietly screened out."""
    if not data.strip() or b"\x00" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return ingest.decode(data)[0]
        except TipcheckError:
            return None


def _language(lang: str, text: str | None) -> str | None:
    if lang not in ("auto", "", None):
        return lang
    if not text:
        return None
    from tipcheck.detect import detect

    try:
        return detect(text)
    except TipcheckError:
        return None


def _reports_exist(out: str, row: dict) -> bool:
    return all((Path(out) / rel).is_file() for rel in row.get("reports", {}).values())
