"""Find, validate and compile rule packs. Every failure is a RulePackError with file:line and a fix hint."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from tipcheck import cache, catalogue
from tipcheck.errors import RulePackError
from tipcheck.rulepack import yamlsource
from tipcheck.rulepack.patterns import PatternError, compile_patterns, probe


# Assessments that judge the rule's own wording; the others read the offence model and the language
# tables (penalties, jurisdiction, the existence of an offence), so their patterns are optional.
PATTERN_KINDS = {"act", "means", "purpose", "open-list", "consent", "child-no-means", "child-age", "ancillary",
                 "legal-persons", "protection", "provision", "intent", "related-offence", "aggravation",
                 "legal-person-sanctions", "due-diligence"}


@dataclass(frozen=True)
class Rule:
    id: str
    pack: str
    title: str
    source: str
    assess: str
    strength: str
    category: str
    description: str
    remediation: str
    partial_when: str
    example: str
    # lang -> element -> list of compiled token patterns ("main" is the rule's own patterns)
    patterns: dict = field(compare=False, repr=False)
    # list of (note, lang -> patterns, when)
    partial: tuple = field(compare=False, repr=False)
    # list of (why, lang -> patterns)
    exclude: tuple = field(compare=False, repr=False)
    file: str = ""
    line: int = 0
    movement: bool = False
    in_definitions: bool = False
    implied_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pack:
    id: str
    title: str
    version: str
    languages: tuple[str, ...]
    instrument: str
    path: str
    rules: tuple[Rule, ...]
    preview: tuple[str, ...] = ()
    directory: str = ""

    def speaks(self, lang: str) -> bool:
        return lang in self.languages or lang in self.preview

    def texts(self, lang: str) -> dict[str, dict]:
        """The rules' titles, remediation and notes in `lang` (messages/<lang>.yaml); {} for English."""
        from tipcheck.rulepack import messages
        return messages.load(self.directory, self.path, lang, frozenset(r.id for r in self.rules))


def builtin_dir() -> Path:
    """A source checkout (src/tipcheck beside rules/) uses its rules/ (an editable install must never
    read a stale copy); an installed wheel uses the copy it ships as tipcheck/_packs."""
    package = Path(__file__).resolve().parents[1]
    checkout = package.parents[1] / "rules"
    if package.parent.name == "src" and checkout.is_dir():
        return checkout
    return Path(str(resources.files("tipcheck"))) / "_packs"


@lru_cache(maxsize=None)
def _schema(name: str) -> dict:
    return json.loads(resources.files("tipcheck").joinpath("schemas", name).read_text(encoding="utf-8"))


def _validate(doc: yamlsource.Located, schema_name: str, path: str) -> None:
    import jsonschema   # only when a pack is compiled, not when it comes from the cache
    validator = jsonschema.Draft202012Validator(_schema(schema_name))
    errors = sorted(validator.iter_errors(doc.data), key=lambda e: (doc.line(e.absolute_path), list(map(str, e.absolute_path))))
    if not errors:
        return
    err = errors[0]
    where = tuple(err.absolute_path)
    line = doc.line(where)
    if err.validator == "additionalProperties":
        allowed = sorted(err.schema.get("properties", {}))
        extra = sorted(set(err.instance) - set(allowed))
        bad = extra[0] if extra else "?"
        line = doc.line(where + (bad,))
        raise RulePackError("E203", f"unknown key {bad!r}", path=path, line=line,
                            hint=f"allowed keys here: {', '.join(allowed)}")
    if err.validator == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        raise RulePackError("E204", f"missing required field {missing!r}", path=path, line=line,
                            hint=f"add `{missing}:` to this entry")
    field_name = ".".join(str(p) for p in where) or "(top level)"
    raise RulePackError("E203", f"invalid value at {field_name}: {err.message}", path=path, line=line,
                        hint="see the rule-file JSON Schema shipped in tipcheck/schemas")


def _compile_map(raw: dict, languages: tuple[str, ...], path: str, doc, where: tuple, wanted=None) -> dict:
    """Compile the patterns of the wanted languages (all when None); only check the others' keys."""
    out: dict[str, list] = {}
    for lang, patterns in raw.items():
        if lang not in languages:
            raise RulePackError("E208", f"patterns for language {lang!r}, which the pack does not declare",
                                path=path, line=doc.line(where + (lang,)),
                                hint=f"add {lang} to `languages` in pack.yaml or remove these patterns")
        compiled = []
        if wanted is not None and lang not in wanted:
            continue
        for i, pattern in enumerate(patterns):
            try:
                for tokens in compile_patterns(pattern, lang):
                    probe(tokens, lang)
                    compiled.append(tokens)
            except PatternError as exc:
                raise RulePackError("E207", f"bad pattern {pattern!r}: {exc}", path=path,
                                    line=doc.line(where + (lang, i)),
                                    hint="see the pattern syntax in docs/rules.md") from None
        out[lang] = compiled
    return out


def load_pack(directory: Path, display: str | None = None, wanted: tuple[str, ...] | None = None) -> Pack:
    """Validate and compile a pack; a pack compiled before from the same files (and the same catalogue,
    languages and versions) comes from the on-disk cache instead."""
    display = display or str(directory)
    digest = _digest(directory, display, wanted)
    if digest is not None:
        frozen = cache.load("packs", digest)
        if frozen is not None:
            try:   # the same files may sit in another directory now (a copy, a moved checkout)
                return replace(_thaw(frozen), directory=str(directory))
            except (TypeError, ValueError, IndexError):
                pass
    pack = _load_pack(directory, display, wanted)
    if digest is not None:
        cache.store("packs", digest, _freeze(pack))
    return pack


def _digest(directory: Path, display: str, wanted) -> str | None:
    try:
        files = sorted(directory.glob("*.yaml"))
        parts = [display, repr(wanted), resources.files("tipcheck").joinpath("catalogue.yaml").read_bytes()]
        for f in files:
            parts += [f.name, f.read_bytes()]
    except OSError:
        return None
    return cache.key("pack", *parts)


def _freeze(pack: Pack) -> tuple:
    rules = tuple(tuple(getattr(r, f.name) for f in fields(Rule)) for r in pack.rules)
    return tuple(rules if f.name == "rules" else getattr(pack, f.name) for f in fields(Pack))


def _thaw(frozen: tuple) -> Pack:
    values = {f.name: v for f, v in zip(fields(Pack), frozen, strict=True)}
    values["rules"] = tuple(Rule(*r) for r in values["rules"])
    return Pack(**values)


def _load_pack(directory: Path, display: str, wanted: tuple[str, ...] | None) -> Pack:
    meta_path = directory / "pack.yaml"
    if not meta_path.is_file():
        raise RulePackError("E209", "no pack.yaml in rule pack directory", path=display,
                            hint="create pack.yaml with id, title, version, languages and instrument")
    meta_display = f"{display}/pack.yaml"
    meta_doc = yamlsource.load(meta_path.read_text(encoding="utf-8"), meta_display)
    _validate(meta_doc, "pack.schema.json", meta_display)
    meta = meta_doc.data
    languages = tuple(meta["languages"])
    preview = tuple(meta.get("preview_languages") or ())
    known = catalogue.by_id()
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for rule_file in sorted(directory.glob("*.yaml")):
        if rule_file.name == "pack.yaml":
            continue
        shown = f"{display}/{rule_file.name}"
        doc = yamlsource.load(rule_file.read_text(encoding="utf-8"), shown)
        if doc.data is None:
            raise RulePackError("E204", "empty rule file", path=shown, hint="add a `rules:` list")
        _validate(doc, "rule-file.schema.json", shown)
        for i, raw in enumerate(doc.data["rules"]):
            rules.append(_rule(raw, meta, languages + preview, known, seen, shown, doc, ("rules", i), wanted))
    claimed = {lang for lang in languages}
    for rule in rules:
        for lang in claimed:
            if wanted is not None and lang not in wanted:
                continue
            if rule.assess in PATTERN_KINDS and not rule.patterns.get(lang, {}).get("main"):
                raise RulePackError("E208", f"rule {rule.id} has no patterns for {lang}, which the pack claims",
                                    path=rule.file, line=rule.line,
                                    hint=f"add `{lang}:` patterns or remove {lang} from the pack's languages")
    return Pack(meta["id"], meta["title"], meta["version"], languages, meta["instrument"], display,
                tuple(rules), preview, str(directory))


def _rule(raw: dict, meta: dict, languages, known: dict, seen: dict, shown: str, doc, where, wanted=None) -> Rule:
    rid = raw["id"]
    line = doc.line(where + ("id",))
    if rid not in known:
        raise RulePackError("E205", f"id {rid!r} is not in the requirements catalogue", path=shown, line=line,
                            hint="use an id from catalogue.yaml (`tipcheck rules list --all`); ids are never invented in packs")
    if rid in seen:
        raise RulePackError("E206", f"duplicate rule id {rid!r} (first defined in {seen[rid]})", path=shown,
                            line=line, hint="each requirement has exactly one rule per pack")
    seen[rid] = f"{shown}:{line}"
    entry = known[rid]
    if raw["assess"] in PATTERN_KINDS and not raw.get("patterns"):
        raise RulePackError("E204", f"rule {rid} (assess: {raw['assess']}) needs `patterns:`", path=shown, line=line,
                            hint="add patterns for each language of the pack")
    patterns: dict[str, dict[str, list]] = {}
    for lang, plist in _compile_map(raw.get("patterns") or {}, languages, shown, doc, where + ("patterns",), wanted).items():
        patterns.setdefault(lang, {})["main"] = plist
    for name, pmap in (raw.get("elements") or {}).items():
        for lang, plist in _compile_map(pmap, languages, shown, doc, where + ("elements", name), wanted).items():
            patterns.setdefault(lang, {})[name] = plist
    partial = tuple((p["note"], _compile_map(p["patterns"], languages, shown, doc, where + ("partial", k, "patterns"), wanted),
                     p.get("when", "qualifies"))
                    for k, p in enumerate(raw.get("partial") or []))
    exclude = tuple((e["why"], _compile_map(e["patterns"], languages, shown, doc, where + ("exclude", k, "patterns"), wanted))
                    for k, e in enumerate(raw.get("exclude") or []))
    return Rule(rid, meta["id"], raw["title"], raw["source"], raw["assess"], entry["strength"], entry["category"],
                raw["description"].strip(), raw["remediation"].strip(), (raw.get("partial_when") or "").strip(),
                (raw.get("example") or "").strip(), patterns, partial, exclude, shown, line,
                bool(raw.get("movement", False)), bool(raw.get("in_definitions", False)),
                _implied_by(raw, known, shown, doc, where))


def _implied_by(raw: dict, known: dict, shown: str, doc, where) -> tuple[str, ...]:
    for k, rid in enumerate(raw.get("implied_by") or []):
        if rid not in known:
            raise RulePackError("E205", f"implied_by names {rid!r}, which is not in the requirements catalogue",
                                path=shown, line=doc.line(where + ("implied_by", k)),
                                hint="name requirement ids from catalogue.yaml (`tipcheck rules list --all`)")
    return tuple(raw.get("implied_by") or ())


def load_packs(selected: list[str] | None = None, extra_dirs: list[str] | None = None,
               langs: tuple[str, ...] | None = None) -> list[Pack]:
    """Built-in packs (all, or those named in `selected`) plus third-party pack directories, with the
    patterns of `langs` compiled (all languages when None; none for () - enough to list rules)."""
    base = builtin_dir()
    available = {d.name: d for d in sorted(base.iterdir()) if (d / "pack.yaml").is_file()} if base.is_dir() else {}
    packs: list[Pack] = []
    for extra in extra_dirs or []:
        p = Path(extra)
        if not p.is_dir():
            raise RulePackError("E210", "rule pack directory not found", path=extra,
                                hint="--rules takes a directory holding pack.yaml")
        pack = load_pack(p, extra, langs)
        available.pop(pack.id, None)
        packs.append(pack)
    names = selected or sorted(available)
    for name in names:
        if name not in available and name not in {p.id for p in packs}:
            raise RulePackError("E210", f"unknown pack {name!r}",
                                hint=f"available packs: {', '.join(sorted(available)) or 'none'}")
        if name in available:
            packs.append(_cached_pack(str(available[name]), name, langs))
    ids: dict[str, str] = {}
    for pack in packs:
        for rule in pack.rules:
            if rule.id in ids and ids[rule.id] != pack.id:
                raise RulePackError("E206", f"rule {rule.id} is defined by packs {ids[rule.id]} and {pack.id}",
                                    path=rule.file, line=rule.line, hint="select only one of these packs")
            ids[rule.id] = pack.id
    return sorted(packs, key=lambda p: p.id)


@lru_cache(maxsize=None)
def _cached_pack(path: str, name: str, langs: tuple[str, ...] | None) -> Pack:
    return load_pack(Path(path), f"rules/{name}", langs)
