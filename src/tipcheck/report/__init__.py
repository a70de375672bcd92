"""One report record, many formatters. Each formatter is a function (report, **options) -> str."""

from __future__ import annotations

from tipcheck.report import github, html, json_format, junit, markdown, sarif, terminal

FORMATTERS = {
    "terminal": terminal.render,
    "json": json_format.render,
    "markdown": markdown.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "html": html.render,
}


def render(report, fmt: str, **options) -> str:
    return FORMATTERS[fmt](report, **options)
