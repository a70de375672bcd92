"""What a batch checks: documents, or bundles of documents forming one jurisdiction's law.

A bundle comes from a manifest (YAML: `bundles: [{name, files: [...]}]`, paths relative to the
manifest) or, with `by_folder`, from each sub-folder of a folder given. Everything else is one item
per file. Names are the paths as given (never made absolute), so reports and matrices are the same
wherever the batch runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tipcheck.errors import InputError, UsageError
from tipcheck.ingest import SUFFIXES


@dataclass(frozen=True)
class Item:
    name: str                     # row name in the matrix; the report's file name derives from it
    paths: tuple[str, ...]        # the documents judged together


def statute_files(folder: str) -> list[str]:
    """The files tipcheck reads under a folder, recursively, in a stable order; hidden entries skipped."""
    root = Path(folder)
    found = []
    for p in root.rglob("*"):
        rel = p.relative_to(root).parts
        if any(part.startswith(".") for part in rel) or not p.is_file() or p.suffix.lower() not in SUFFIXES:
            continue
        found.append(p)
    return [_shown(folder, p.relative_to(root)) for p in sorted(found, key=lambda q: q.relative_to(root).as_posix())]


def bundle_files(folder: str) -> list[str]:
    """The statutes of a folder given as one jurisdiction's law (`analyze --bundle DIR`)."""
    p = Path(folder)
    if not p.exists():
        raise InputError("E101", "no such folder", path=folder)
    if not p.is_dir():
        raise UsageError("E311", "--bundle takes a folder", path=folder, hint="give a file as an argument instead")
    found = statute_files(folder)
    if not found:
        raise InputError("E112", "no statute files found in the folder", path=folder, hint=_READS)
    return found


_READS = f"tipcheck reads {' '.join(SUFFIXES)}"


def _shown(folder: str, rel: Path) -> str:
    return (Path(folder) / rel).as_posix()


def collect(paths: list[str], *, by_folder: bool = False, manifest: str | None = None) -> list[Item]:
    items: list[Item] = []
    if manifest:
        items += _manifest(manifest)
    for given in paths:
        p = Path(given)
        if not p.exists():
            raise InputError("E101", "no such file or folder", path=given)
        if p.is_file():
            items.append(Item(Path(given).as_posix(), (Path(given).as_posix(),)))
            continue
        if not by_folder:
            items += [Item(f, (f,)) for f in statute_files(given)]
            continue
        for child in sorted(p.iterdir(), key=lambda c: c.name):
            if child.name.startswith("."):
                continue
            shown = _shown(given, Path(child.name))
            if child.is_dir():
                files = statute_files(shown)
                if files:
                    items.append(Item(shown, tuple(files)))
            elif child.suffix.lower() in SUFFIXES:
                items.append(Item(shown, (shown,)))
    seen: dict[str, Item] = {}
    for item in items:
        if item.name in seen and seen[item.name] != item:
            raise UsageError("E310", f"two batch items are both named {item.name!r}",
                             hint="give each bundle of the manifest its own name")
        seen[item.name] = item
    if not seen:
        raise InputError("E112", "no statute files found", path=", ".join(paths) or manifest, hint=_READS)
    return sorted(seen.values(), key=lambda i: i.name)


def _manifest(path: str) -> list[Item]:
    """A manifest names bundles: `bundles: [{name: Peru, files: [penal-code.txt, law-28950.pdf]}]`."""
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError("E101", f"cannot read the manifest ({exc.strerror or exc})", path=path) from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise UsageError("E310", "the manifest is not valid YAML", path=path,
                         line=line + 1 if line is not None else None, hint="see `tipcheck batch --help`") from None
    bundles = data.get("bundles") if isinstance(data, dict) else None
    hint = "write `bundles:` as a list of {name: ..., files: [...]}"
    if not isinstance(bundles, list) or not bundles:
        raise UsageError("E310", "the manifest has no list of bundles", path=path, hint=hint)
    base = Path(path).parent
    items = []
    for i, b in enumerate(bundles, 1):
        if not (isinstance(b, dict) and isinstance(b.get("name"), str) and b["name"].strip()
                and isinstance(b.get("files"), list) and b["files"] and all(isinstance(f, str) for f in b["files"])
                and set(b) <= {"name", "files"}):
            raise UsageError("E310", f"bundle {i} of the manifest needs a name and a list of files, and nothing else",
                             path=path, hint=hint)
        files = []
        for f in b["files"]:
            target = base / f
            if target.is_dir():
                files += statute_files(target.as_posix())
            elif target.is_file():
                files.append(target.as_posix())
            else:
                raise InputError("E101", f"bundle {b['name']!r}: no such file {f!r}", path=path)
        items.append(Item(b["name"].strip(), tuple(files)))
    return items
