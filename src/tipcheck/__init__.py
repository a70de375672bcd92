"""tipcheck: checks anti-trafficking statutes against the Palermo Protocol and related instruments."""

__version__ = "0.1.0"

try:  # the api is importable once the package is complete
    from tipcheck.api import check, check_text, load_packs  # noqa: E402
except ModuleNotFoundError:  # pragma: no cover
    pass

__all__ = ["check", "check_text", "load_packs", "__version__"]
