"""`tipcheck batch`: many documents (or bundles) checked at once, with a comparison matrix.

inputs (what the items are) -> work (one item: read, fingerprint, screen, analyse, report) ->
run (the order, the workers, the state file) -> matrix (CSV, JSON, HTML heatmap)."""

from tipcheck.batch.inputs import Item, collect
from tipcheck.batch.run import run, write_matrices
from tipcheck.batch.work import Settings

__all__ = ["Item", "Settings", "collect", "run", "write_matrices"]
