"""The command line: parse options, call the library, pick a formatter, map errors to exit codes.

Exit codes (every command): 0 nothing at or above --fail-on; 1 gaps at or above it; 2 usage, input or
rule-pack error (one line on stderr, no traceback); 130 interrupted.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from tipcheck import __version__
from tipcheck.errors import TipcheckError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="Check anti-trafficking legislation against the Palermo Protocol and related instruments.")
rules_app = typer.Typer(no_args_is_help=True, help="List, explain, validate and test rule packs.",
                        context_settings={"help_option_names": ["-h", "--help"]})
app.add_typer(rules_app, name="rules")


class Format(str, Enum):
    terminal = "terminal"
    json = "json"
    markdown = "markdown"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    html = "html"


class FailOn(str, Enum):
    mandatory = "mandatory"
    any = "any"
    never = "never"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tipcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                          help="Show the version and exit.")] = None) -> None:
    """tipcheck reads statutes and reports, requirement by requirement, what they meet and what they lack."""


def _color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _emit(content: str, output: Optional[str]) -> None:
    if output:
        from tipcheck.outputs import write_atomic
        write_atomic(output, content)
    else:
        sys.stdout.write(content)
        sys.stdout.flush()


def exit_code(report, fail_on: str, gaps=None) -> int:
    """1 when a gap (of those given: by default all of the report's) reaches the --fail-on level."""
    if fail_on == "never":
        return 0
    for r in report.results if gaps is None else gaps:
        if r.status in ("partial", "missing") and (fail_on == "any" or r.strength == "mandatory"):
            return 1
    return 0


@app.command()
def analyze(
    files: Annotated[Optional[list[Path]], typer.Argument(help="Statute file(s); several files are judged as one jurisdiction's law.",
                                                          show_default=False)] = None,
    bundle: Annotated[Optional[list[Path]], typer.Option("--bundle", "-b", help="A folder of one jurisdiction's statutes, judged with the files given (repeatable).")] = None,
    pack: Annotated[Optional[list[str]], typer.Option("--pack", "-p", help="Rule pack to apply (repeatable; default: all).")] = None,
    rules: Annotated[Optional[list[str]], typer.Option("--rules", help="Directory of an extra rule pack (repeatable).")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", help="Language of the statute: auto (detected), en, es, pt or fr.")] = None,
    report_lang: Annotated[Optional[str], typer.Option("--report-lang", help="Language of the report: auto (the statute's), en, es, pt or fr.")] = None,
    fmt: Annotated[Optional[Format], typer.Option("--format", "-f", help="Report format (default: terminal).")] = None,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write the report to this file instead of stdout.")] = None,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="Exit 1 on gaps in mandatory requirements (default), any gap, or never.")] = None,
    baseline: Annotated[Optional[str], typer.Option("--baseline", help="Accept the gaps recorded in this file: only new or worse gaps fail.")] = None,
    update_baseline: Annotated[bool, typer.Option("--update-baseline", help="Record today's gaps in the --baseline file (and exit 0).")] = False,
    config: Annotated[Optional[Path], typer.Option("--config", help="Configuration file (default: tipcheck.yaml or [tool.tipcheck] in pyproject.toml, found upward).")] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore any configuration file.")] = False,
    max_size: Annotated[Optional[float], typer.Option("--max-size", min=0, help="Refuse files larger than this many MB (default 64; 0: no limit).")] = None,
) -> None:
    """Analyse statute(s) and print the gap report. Options given here override the configuration file."""
    from tipcheck import baseline as baselines
    from tipcheck import config as configs
    from tipcheck.api import check
    from tipcheck.batch.inputs import bundle_files
    from tipcheck.report import render
    from tipcheck.waivers import apply as apply_waivers

    found = None if no_config else (config or configs.find())
    if config is not None and not config.is_file():
        raise TipcheckError("E309", "configuration file not found", path=str(config), hint="give an existing tipcheck.yaml")
    conf = configs.load(found) if found else {}
    fmt = fmt or Format(conf.get("format", "terminal"))
    fail = (fail_on.value if fail_on else conf.get("fail_on", "mandatory"))
    baseline = baseline or conf.get("baseline")
    if update_baseline and not baseline:
        raise TipcheckError("E308", "--update-baseline needs --baseline FILE", hint="name the baseline file to write")
    # A baseline that cannot be read fails before any report is printed.
    prior = baselines.load(baseline, missing_ok=update_baseline) if baseline else None
    paths = [str(f) for f in files or []]
    for folder in bundle or []:
        paths += bundle_files(str(folder))
    if not paths:
        raise TipcheckError("E312", "no statute given", hint="name statute files, or a folder with --bundle DIR")
    report = check(paths, packs=pack or conf.get("packs"), rules_dirs=rules or conf.get("rules"),
                   lang=lang or conf.get("lang", "auto"), report_lang=report_lang or conf.get("report_lang", "auto"),
                   max_bytes=_max_bytes(max_size))
    report, notices = apply_waivers(report, conf.get("waivers", []))
    for notice in notices:
        typer.echo(f"tipcheck: warning: {found}: {notice}", err=True)
    options = {"color": _color() and not output} if fmt is Format.terminal else {}
    _emit(render(report, fmt.value, **options), output)
    if update_baseline:
        from tipcheck.outputs import write_atomic
        write_atomic(baseline, baselines.dump(baselines.build(report, prior)))
        raise typer.Exit(0)
    gaps = baselines.new_gaps(report, prior) if baseline else None
    raise typer.Exit(exit_code(report, fail, gaps))


class ReportFormat(str, Enum):
    json = "json"
    html = "html"
    markdown = "markdown"
    sarif = "sarif"
    junit = "junit"
    none = "none"


class MatrixFormat(str, Enum):
    csv = "csv"
    json = "json"
    html = "html"


@app.command()
def batch(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Statute files and folders (folders are read recursively).",
                                                          show_default=False)] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the reports, the matrices and the state of the batch.")] = Path("tipcheck-batch"),
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes for the full analysis (0: one per CPU).")] = 1,
    manifest: Annotated[Optional[Path], typer.Option("--manifest", help="YAML file naming bundles: `bundles: [{name: ..., files: [...]}]`.")] = None,
    by_folder: Annotated[bool, typer.Option("--by-folder", help="Each sub-folder of a folder given is one jurisdiction's bundle.")] = False,
    pack: Annotated[Optional[list[str]], typer.Option("--pack", "-p", help="Rule pack to apply (repeatable; default: all).")] = None,
    rules: Annotated[Optional[list[str]], typer.Option("--rules", help="Directory of an extra rule pack (repeatable).")] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the statutes: auto (detected per document), en, es, pt or fr.")] = "auto",
    report_lang: Annotated[str, typer.Option("--report-lang", help="Language of the reports: auto (each statute's), en, es, pt or fr.")] = "auto",
    report_format: Annotated[Optional[list[ReportFormat]], typer.Option("--report-format", help="Report written per item (repeatable; default json; none for no report).")] = None,
    matrix: Annotated[Optional[list[MatrixFormat]], typer.Option("--matrix", help="Matrix format (repeatable; default: csv, json and html).")] = None,
    screen: Annotated[bool, typer.Option("--screen/--no-screen", help="Scan raw text first and analyse only documents that may concern trafficking.")] = True,
    force: Annotated[bool, typer.Option("--force", help="Redo every item, even those unchanged since the last run.")] = False,
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Progress bar on stderr (default: when stderr is a terminal).")] = None,
    max_size: Annotated[Optional[float], typer.Option("--max-size", min=0, help="Refuse files larger than this many MB (default 64; 0: no limit).")] = None,
) -> None:
    """Check many documents (or bundles) and write one report per item plus a comparison matrix (document x
    requirement) as CSV, JSON and an HTML heatmap. A document that cannot be read becomes an error row and
    the batch goes on; a rerun skips items whose content and options are unchanged, and an interrupted
    batch resumes where it stopped. Exit 0 when every item was analysed or screened out, 2 when some could
    not be read (their rows say why), 3 when tipcheck failed on one (a bug)."""
    from tipcheck import api
    from tipcheck.batch import Settings, collect, run, write_matrices
    from tipcheck.batch.matrix import summary
    from tipcheck.batch.progress import BatchProgress
    from tipcheck.batch.work import rules_digest
    from tipcheck.rulepack import load_packs

    api.check_languages(lang, report_lang)
    load_packs(pack, rules, langs=())          # an unknown pack fails here, before any work
    items = collect([str(p) for p in paths or []], by_folder=by_folder, manifest=str(manifest) if manifest else None)
    formats = tuple(dict.fromkeys(f.value for f in (report_format or [ReportFormat.json]) if f is not ReportFormat.none))
    settings = Settings(out=str(out), packs=tuple(pack) if pack else None, rules_dirs=tuple(rules or ()), lang=lang,
                        report_lang=report_lang, formats=formats, screen=screen, rules_digest=rules_digest(pack, rules),
                        max_bytes=_max_bytes(max_size))
    workers = jobs or os.cpu_count() or 1
    show = sys.stderr.isatty() if progress is None else progress
    _INTERRUPTED[0] = "tipcheck: interrupted; the items done are saved: run the same command again to resume"
    with BatchProgress(show) as bar:
        rows = run(items, settings, jobs=workers, force=force, on_total=bar.total, on_row=bar.advance)
    write_matrices(rows, settings, tuple(dict.fromkeys(m.value for m in (matrix or list(MatrixFormat)))))
    total = summary(rows)
    typer.echo(f"tipcheck: {total['documents']} items: {total['analysed']} analysed ({total['concern_trafficking']} concern "
               f"trafficking), {total['screened_out']} screened out, {total['errors']} failed, {bar.unchanged} unchanged "
               f"since the last run; matrices and reports in {out}", err=True)
    for r in rows:
        if r["state"] == "error":
            typer.echo(f"tipcheck: {r['document']}: {r['error']}", err=True)
    if any(r.get("internal") for r in rows):
        raise typer.Exit(3)
    raise typer.Exit(2 if total["errors"] else 0)


def _max_bytes(megabytes: float | None) -> int | None:
    return None if megabytes is None else int(megabytes * 1_000_000)


class DiffFormat(str, Enum):
    terminal = "terminal"
    markdown = "markdown"
    json = "json"


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The earlier version of the statute.", show_default=False)],
    new: Annotated[Path, typer.Argument(help="The revised version.", show_default=False)],
    pack: Annotated[Optional[list[str]], typer.Option("--pack", "-p", help="Rule pack to apply (repeatable; default: all).")] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the statutes: auto (detected), en, es, pt or fr.")] = "auto",
    report_lang: Annotated[str, typer.Option("--report-lang", help="Language of the report: auto (the new statute's), en, es, pt or fr.")] = "auto",
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.terminal,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
) -> None:
    """What a revision gained and lost, requirement by requirement. Exit 1 when a requirement got worse."""
    from tipcheck.api import check
    from tipcheck.diff import RENDERERS, compare, worse

    before = check([str(old)], packs=pack, lang=lang, report_lang=report_lang)
    after = check([str(new)], packs=pack, lang=lang, report_lang=report_lang if report_lang != "auto" else before.language)
    changes = compare(before, after)
    _emit(RENDERERS[fmt.value](before, after, changes), output)
    raise typer.Exit(1 if worse(changes) else 0)


@app.command()
def segment(
    file: Annotated[Path, typer.Argument(help="Statute file.", show_default=False)],
    lang: Annotated[str, typer.Option("--lang", help="Language of the statute: auto (detected), en, es, pt or fr.")] = "auto",
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.terminal,
) -> None:
    """Show the provisions and definitions tipcheck finds in a statute (the first thing to debug)."""
    from tipcheck.inspect import render_segments

    _emit(render_segments(str(file), lang, fmt.value), None)


@rules_app.command("list")
def rules_list(
    pack: Annotated[Optional[list[str]], typer.Option("--pack", "-p", help="Only these packs.")] = None,
    category: Annotated[Optional[str], typer.Option("--category", help="Only this category.")] = None,
    strength: Annotated[Optional[str], typer.Option("--strength", help="Only this strength.")] = None,
    rules: Annotated[Optional[list[str]], typer.Option("--rules", help="Directory of an extra rule pack.")] = None,
) -> None:
    """List the rules of the selected packs."""
    from tipcheck.inspect import list_rules

    _emit(list_rules(pack, category, strength, rules), None)


@rules_app.command("show")
def rules_show(rule_id: Annotated[str, typer.Argument(help="A requirement id, e.g. palermo.3a.act.recruitment.", show_default=False)],
               rules: Annotated[Optional[list[str]], typer.Option("--rules", help="Directory of an extra rule pack.")] = None,
               report_lang: Annotated[str, typer.Option("--report-lang", help="Language of the texts: en, es, pt or fr.")] = "en") -> None:
    """Everything about one requirement: source, meaning, partial conditions, remediation, example."""
    from tipcheck.inspect import show_rule

    _emit(show_rule(rule_id, rules, report_lang), None)


@rules_app.command("validate")
def rules_validate(path: Annotated[Path, typer.Argument(help="A rule pack directory.", show_default=False)]) -> None:
    """Validate a rule pack: schema, catalogue ids, patterns, message files. Exit 2 with file:line on the first error."""
    from tipcheck.i18n import LANGUAGES
    from tipcheck.rulepack.loader import load_pack

    pack = load_pack(path, str(path))
    texts = ["en"] + [lang for lang in LANGUAGES if lang != "en" and pack.texts(lang)]
    typer.echo(f"{pack.id} {pack.version}: {len(pack.rules)} rules, languages {', '.join(pack.languages)}, "
               f"texts in {', '.join(texts)}: valid")


@rules_app.command("test")
def rules_test(path: Annotated[Optional[Path], typer.Argument(help="A rule pack directory (default: the built-in packs).")] = None) -> None:
    """Run rule fixtures (rules/<pack>/fixtures/<rule-id>/*.txt) without pytest. Exit 1 on a failure."""
    from tipcheck.inspect import run_fixtures

    text, failed = run_fixtures(path)
    _emit(text, None)
    raise typer.Exit(1 if failed else 0)


# What Ctrl-C prints: a command may say more (how to resume).
_INTERRUPTED = ["tipcheck: interrupted"]


def main() -> None:
    try:
        code = app(standalone_mode=False)
    except TipcheckError as exc:
        typer.echo(f"tipcheck: error: {exc.one_line()}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("tipcheck: interrupted", err=True)
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.BadParameter, typer.Abort) as exc:  # pragma: no cover - click handles most itself
        typer.echo(f"tipcheck: error: {exc}", err=True)
        sys.exit(2)
    except Exception as exc:
        import click
        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(2)
        if os.environ.get("TIPCHECK_DEBUG"):
            raise
        # A bug in tipcheck, not in the input: one line, a distinct exit code, the traceback on demand.
        typer.echo(f"tipcheck: internal error: {type(exc).__name__}: {exc} (a bug in tipcheck; please report it, "
                   "with TIPCHECK_DEBUG=1 to show the traceback)", err=True)
        sys.exit(3)
    if code == 130:         # Typer turns Ctrl-C into a silent exit 130
        typer.echo(_INTERRUPTED[0], err=True)
    sys.exit(code if isinstance(code, int) else 0)
