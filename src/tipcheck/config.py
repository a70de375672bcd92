"""Project configuration: `tipcheck.yaml` found upward from the working directory, or `[tool.tipcheck]`
in a pyproject.toml. Validated against a schema; errors name the file (and line, for YAML)."""

from __future__ import annotations

import json
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from tipcheck.errors import UsageError
from tipcheck.rulepack import yamlsource

NAME = "tipcheck.yaml"


def find(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / NAME).is_file():
            return folder / NAME
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "tool" in _toml(pyproject) and "tipcheck" in _toml(pyproject)["tool"]:
            return pyproject
    return None


def _toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UsageError("E309", f"invalid TOML: {exc}", path=str(path), hint="fix the [tool.tipcheck] table") from None


@lru_cache(maxsize=None)
def _schema() -> dict:
    return json.loads(resources.files("tipcheck").joinpath("schemas", "config.schema.json").read_text(encoding="utf-8"))


def load(path: Path) -> dict:
    """The configuration as a dict, with paths made relative to the working directory."""
    import jsonschema

    if path.name == "pyproject.toml":
        data, line_of = _toml(path).get("tool", {}).get("tipcheck", {}), (lambda where: None)
    else:
        try:
            doc = yamlsource.load(path.read_text(encoding="utf-8"), str(path))
        except Exception as exc:   # a RulePackError from the shared YAML loader: same message, config's code
            raise UsageError("E309", getattr(exc, "message", str(exc)), path=str(path),
                             hint="fix the YAML on that line") from None
        data, line_of = doc.data or {}, doc.line
    errors = sorted(jsonschema.Draft202012Validator(_schema()).iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        err = errors[0]
        where = ".".join(str(p) for p in err.absolute_path) or "(top level)"
        raise UsageError("E309", f"invalid configuration at {where}: {err.message}", path=str(path),
                         line=line_of(tuple(err.absolute_path)),
                         hint="see src/tipcheck/schemas/config.schema.json")
    base = path.parent
    out = dict(data)
    if "rules" in out:
        out["rules"] = [str(base / r) for r in out["rules"]]
    if "baseline" in out:
        out["baseline"] = str(base / out["baseline"])
    return out
