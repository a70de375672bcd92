"""Running a batch: prepare every item (cheap, in this process), analyse the candidates (in `jobs`
worker processes), keep the state file current, then write the matrices.

Workers are forked after the analysis machinery (spaCy, rule packs, matchers) is loaded for the
languages the candidates are in, so they share it instead of loading it again. The largest items
are handed out first, so that two workers finish together. Rows come back in any order and are
sorted by name: the outputs do not depend on `--jobs`.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from tipcheck.batch import matrix, state
from tipcheck.batch.inputs import Item
from tipcheck.batch.work import Prepared, Settings, analyse, prepare
from tipcheck.errors import UsageError

SAVE_EVERY = 2.0   # seconds between state saves while analysing (more in a large batch, see run())

# One sentence per language that loads every part of the analysis (packs, lemmas, matchers, texts).
_WARM = {"en": "Section 1. A person who recruits another person for the purpose of exploitation commits an offence.",
         "es": "Artículo 1. El que captare a una persona con fines de explotación será castigado con prisión.",
         "pt": "Art. 1º Recrutar pessoa com a finalidade de exploração: pena de reclusão.",
         "fr": "Article 1. Le recrutement d'une personne en vue de son exploitation est puni d'emprisonnement."}


def run(items: list[Item], settings: Settings, *, jobs: int = 1, force: bool = False,
        on_total: Callable[[int], None] | None = None, on_row: Callable[[dict, bool], None] | None = None) -> list[dict]:
    out = Path(settings.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError("E304", f"cannot create the output folder ({exc.strerror or exc})", path=settings.out) from None
    if not os.access(out, os.W_OK):
        raise UsageError("E304", "the output folder is not writable", path=settings.out)
    key = settings.key()
    previous = {} if force else state.load(settings.out)
    names = {i.name for i in items}
    rows: dict[str, dict] = {}

    def save() -> None:
        kept = {k: v for k, v in previous.items() if k in names and k not in rows}
        state.save(settings.out, {**kept, **rows})

    if on_total:
        on_total(len(items))
    done = on_row or (lambda row, unchanged: None)
    try:
        pending: list[Prepared] = []
        for item in items:
            prepared = prepare(item, settings, key, previous.get(item.name))
            if prepared.row is None:
                pending.append(prepared)
            else:
                rows[item.name] = prepared.row
                done(prepared.row, prepared.unchanged)
        last, cost = time.monotonic(), 0.0
        for row in _analyse_all(pending, settings, jobs):
            rows[row["document"]] = row
            done(row, False)
            # The state grows with the batch: saving it must not take the workers' CPU (at most ~5%).
            if time.monotonic() - last > max(SAVE_EVERY, 20 * cost):
                began = time.monotonic()
                save()
                last = time.monotonic()
                cost = last - began
    except KeyboardInterrupt:
        save()          # what is done stays done: the rerun resumes here
        raise
    save()
    return [rows[i.name] for i in sorted(items, key=lambda i: i.name)]


def _analyse_all(pending: list[Prepared], settings: Settings, jobs: int):
    if not pending:
        return
    # Largest first: the long tail of a batch is its biggest document.
    pending = sorted(pending, key=lambda p: (-_size(p.item), p.item.name))
    _warm(sorted({p.language for p in pending if p.language}), settings)
    if jobs <= 1 or len(pending) == 1:
        for p in pending:
            yield analyse(p, settings)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    pool = context.Pool(min(jobs, len(pending)), initializer=_worker_init, initargs=(settings,))
    try:
        yield from pool.imap_unordered(_analyse_one, pending, chunksize=1)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


_SETTINGS: Settings | None = None


def _worker_init(settings: Settings) -> None:
    global _SETTINGS
    _SETTINGS = settings
    # Ctrl-C reaches the whole process group: the parent stops the workers and saves the state.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _analyse_one(prepared: Prepared) -> dict:
    assert _SETTINGS is not None
    return analyse(prepared, _SETTINGS)


def _warm(languages: list[str], settings: Settings) -> None:
    """Load the analysis for these languages once, before workers fork and share it."""
    from tipcheck.api import check_text

    for lang in languages:
        if lang in _WARM:
            try:
                check_text(_WARM[lang], packs=list(settings.packs) if settings.packs else None,
                           rules_dirs=list(settings.rules_dirs), lang=lang)
            except Exception:
                pass    # an error belongs to the documents' rows, where analyse() records it


def _size(item: Item) -> int:
    total = 0
    for p in item.paths:
        try:
            total += os.path.getsize(p)
        except OSError:
            pass
    return total


def requirements(settings: Settings, language: str) -> list[dict]:
    """The matrix's columns: every requirement of the selected packs, in catalogue order."""
    from tipcheck import catalogue
    from tipcheck.i18n import Texts
    from tipcheck.report.terminal import _short
    from tipcheck.rulepack import load_packs

    packs = load_packs(list(settings.packs) if settings.packs else None, list(settings.rules_dirs), langs=())
    texts = Texts(language, packs)
    rules = catalogue.ordered_rules(packs)
    return [{"id": r.id, "title": texts.rule(r, "title"), "short": _short(r.id, language), "strength": r.strength,
             "category": r.category} for r in rules]


def matrix_language(rows: list[dict], settings: Settings) -> str:
    if settings.report_lang not in ("auto", "", None):
        return settings.report_lang
    langs = Counter(r["language"] for r in rows if r.get("language"))
    return min(langs, key=lambda lang: (-langs[lang], lang)) if langs else "en"


def write_matrices(rows: list[dict], settings: Settings, formats: tuple[str, ...]) -> dict[str, str]:
    from tipcheck.i18n import text as say
    from tipcheck.outputs import write_atomic

    language = matrix_language(rows, settings)
    reqs = requirements(settings, language)
    options = {"packs": list(settings.packs or []), "rules": list(settings.rules_dirs), "lang": settings.lang,
               "report_lang": settings.report_lang, "screen": settings.screen, "formats": list(settings.formats)}
    written = {}
    for fmt in formats:
        if fmt == "csv":
            content = matrix.to_csv(rows, reqs)
        elif fmt == "json":
            content = matrix.to_json(rows, reqs, options)
        else:
            keys = ("title", "documents", "analysed", "concern", "screened", "errors", "document", "verdict")
            texts = {k: say(f"batch.{k}", language) for k in keys}
            texts.update(lang=language, only_relevant=say("batch.only-relevant", language),
                         screened_list=say("batch.screened-list", language),
                         status={s: say(f"status.{s}", language) for s in ("met", "partial", "missing", "waived",
                                                                            "not-applicable")})
            content = matrix.to_html(rows, reqs, options, texts)
        target = str(Path(settings.out) / f"matrix.{fmt}")
        write_atomic(target, content)
        written[fmt] = target
    return written
