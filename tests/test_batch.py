"""`tipcheck batch`: items from files, folders and manifests; screening; error rows; matrices; reruns
that skip unchanged items; an interrupted batch that resumes; the same outputs whatever --jobs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tipcheck.batch import Settings, collect, run, write_matrices
from tipcheck.errors import TipcheckError
from conftest import CONSENT_LAW, EXAMPLES, tipcheck_cli

# Our own texts: a law on fisheries (nothing on trafficking) and a victims' law that names trafficking
# only in its title, so that it concerns trafficking without an offence.
FISHERIES = ("Artículo 1. La pesca en aguas jurisdiccionales requiere un permiso del Ministerio.\n"
             "Artículo 2. El permiso se renovará cada dos años.\n")
VICTIMS = ("Ley de asistencia a las víctimas de trata de personas\n"
           "Artículo 1. El Estado proporcionará alojamiento, asistencia médica y psicológica a las víctimas.\n")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    base = tmp_path / "laws"
    (base / "uy").mkdir(parents=True)
    (base / "uy" / "pesca.md").write_text(FISHERIES, encoding="utf-8")
    (base / "uy" / "victimas.txt").write_text(VICTIMS, encoding="utf-8")
    (base / "model.txt").write_text((EXAMPLES / "en" / "model-law" / "statute.txt").read_text(encoding="utf-8"),
                                    encoding="utf-8")
    (base / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (base / "notes.yaml").write_text("not a statute: ignored\n", encoding="utf-8")
    (base / ".hidden").mkdir()
    (base / ".hidden" / "x.txt").write_text(CONSENT_LAW, encoding="utf-8")
    return base


def _run(folder: Path, out: Path, **kw):
    seen = []
    settings = Settings(out=str(out), **{k: v for k, v in kw.items() if k not in ("jobs", "force")})
    rows = run(collect([str(folder)]), settings, jobs=kw.get("jobs", 1), force=kw.get("force", False),
               on_row=lambda row, unchanged: seen.append((row["document"], unchanged)))
    write_matrices(rows, settings, ("csv", "json", "html"))
    return rows, dict(seen)


def test_items_are_the_statute_files_of_a_folder_in_order(folder):
    names = [i.name for i in collect([str(folder)])]
    assert names == [f"{folder.as_posix()}/{n}" for n in ("broken.txt", "model.txt", "uy/pesca.md", "uy/victimas.txt")]


def test_by_folder_makes_one_bundle_per_sub_folder(folder):
    items = {i.name: i.paths for i in collect([str(folder)], by_folder=True)}
    assert items[f"{folder.as_posix()}/uy"] == (f"{folder.as_posix()}/uy/pesca.md", f"{folder.as_posix()}/uy/victimas.txt")
    assert f"{folder.as_posix()}/model.txt" in items


def test_a_manifest_names_bundles(folder, tmp_path):
    manifest = tmp_path / "bundles.yaml"
    manifest.write_text("bundles:\n  - name: Uruguay\n    files: [laws/uy/victimas.txt, laws/model.txt]\n", encoding="utf-8")
    (item,) = collect([], manifest=str(manifest))
    assert item.name == "Uruguay" and [Path(p).name for p in item.paths] == ["victimas.txt", "model.txt"]


@pytest.mark.parametrize("content,code", [
    ("bundles: [oops\n", "E310"),                                   # not YAML
    ("countries: []\n", "E310"),                                    # no bundles
    ("bundles:\n  - name: X\n", "E310"),                            # no files
    ("bundles:\n  - name: X\n    files: [a.txt]\n    extra: 1\n", "E310"),   # unknown key
    ("bundles:\n  - name: X\n    files: [missing.txt]\n", "E101"),  # a file that is not there
])
def test_a_bad_manifest_is_one_clear_error(tmp_path, content, code):
    manifest = tmp_path / "m.yaml"
    manifest.write_text(content, encoding="utf-8")
    with pytest.raises(TipcheckError) as err:
        collect([], manifest=str(manifest))
    assert err.value.code == code and "m.yaml" in err.value.one_line()


def test_a_batch_screens_analyses_records_errors_and_writes_matrices(folder, tmp_path):
    out = tmp_path / "out"
    rows, _ = _run(folder, out)
    by_name = {Path(r["document"]).name: r for r in rows}
    assert by_name["pesca.md"]["state"] == "screened-out"
    assert by_name["broken.txt"]["state"] == "error" and by_name["broken.txt"]["error"].startswith("E105")
    model, victims = by_name["model.txt"], by_name["victimas.txt"]
    assert model["state"] == "analysed" and model["verdict"] == "IN_LINE" and model["concerns_trafficking"]
    assert victims["state"] == "analysed" and victims["verdict"] == "NO_OFFENCE" and victims["concerns_trafficking"]
    assert victims["statuses"]["palermo.6.3.recovery-services"] in ("met", "partial")
    # One report per analysed item, named after it.
    report = json.loads((out / model["reports"]["json"]).read_text(encoding="utf-8"))
    assert report["documents"][0]["path"].endswith("model.txt")
    # The CSV matrix: one row per item, one column per requirement, the statuses of the reports.
    table = list(csv.DictReader(io.StringIO((out / "matrix.csv").read_text(encoding="utf-8"))))
    assert [Path(r["document"]).name for r in table] == ["broken.txt", "model.txt", "pesca.md", "victimas.txt"]
    row = next(r for r in table if r["document"].endswith("model.txt"))
    assert all(row[r["id"]] == r["status"] for r in report["results"])
    matrix = json.loads((out / "matrix.json").read_text(encoding="utf-8"))
    assert matrix["summary"] == {"documents": 4, "analysed": 2, "screened_out": 1, "errors": 1,
                                 "concern_trafficking": 2, "verdicts": {"IN_LINE": 1, "PARTIAL": 0, "NO_OFFENCE": 1}}
    assert "fingerprint" not in json.dumps(matrix)
    html = (out / "matrix.html").read_text(encoding="utf-8")
    assert 'id="heatmap"' in html and "pesca.md" in html and "s-met" in html


def test_a_rerun_skips_unchanged_items_and_redoes_changed_ones(folder, tmp_path):
    out = tmp_path / "out"
    first, seen = _run(folder, out)
    assert not any(seen.values())
    again, seen = _run(folder, out)
    unchanged = {Path(k).name for k, v in seen.items() if v}
    assert unchanged == {"model.txt", "pesca.md", "victimas.txt"}      # the failed one is tried again
    assert again == first
    (folder / "uy" / "pesca.md").write_text(FISHERIES + "Artículo 3. Comuníquese.\n", encoding="utf-8")
    _, seen = _run(folder, out)
    assert {Path(k).name for k, v in seen.items() if not v} == {"pesca.md", "broken.txt"}
    _, seen = _run(folder, out, formats=("json", "markdown"))             # other options: everything again
    assert not any(seen.values())
    _, seen = _run(folder, out, formats=("json", "markdown"), force=True)
    assert not any(seen.values())


def test_an_interrupted_batch_resumes_where_it_stopped(folder, tmp_path):
    out = tmp_path / "out"
    settings = Settings(out=str(out))
    done = []

    def interrupt(row, unchanged):
        done.append(row["document"])
        if len(done) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(collect([str(folder)]), settings, on_row=interrupt)
    seen = []
    run(collect([str(folder)]), settings, on_row=lambda row, unchanged: seen.append((row["document"], unchanged)))
    skipped = [name for name, unchanged in seen if unchanged]
    finished_before = [d for d in done if not d.endswith("broken.txt")]
    assert sorted(skipped) == sorted(finished_before) and len(seen) == 4


def test_the_outputs_do_not_depend_on_jobs(folder, tmp_path):
    _run(folder, tmp_path / "one", jobs=1, formats=("json", "sarif"))
    _run(folder, tmp_path / "two", jobs=2, formats=("json", "sarif"))
    for name in ("matrix.csv", "matrix.json", "matrix.html"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    one = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one" / "reports").rglob("*") if p.is_file())
    two = sorted(p.relative_to(tmp_path / "two") for p in (tmp_path / "two" / "reports").rglob("*") if p.is_file())
    assert one == two and len(one) == 4
    for rel in one:
        assert (tmp_path / "one" / rel).read_bytes() == (tmp_path / "two" / rel).read_bytes(), rel


def test_the_command_line_reports_failures_and_exits_2(folder, tmp_path):
    out = tmp_path / "out"
    proc = tipcheck_cli("batch", folder, "--out", out, "--jobs", "2")
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines[0].startswith("tipcheck: 4 items: 2 analysed (2 concern trafficking), 1 screened out, 1 failed")
    assert lines[1].startswith("tipcheck: ") and "broken.txt: E105" in lines[1]
    assert (out / "matrix.csv").is_file() and proc.stdout == ""
    (folder / "broken.txt").unlink()
    proc = tipcheck_cli("batch", folder, "--out", out)
    assert proc.returncode == 0 and "3 unchanged since the last run" in proc.stderr


@pytest.mark.parametrize("args,code", [
    (["missing-folder"], "E101"),
    (["--lang", "xx", "corpora"], "E301"),
    (["--pack", "nope", "corpora"], "E210"),
    (["--report-lang", "de", "corpora"], "E307"),
])
def test_bad_batch_options_are_one_line_errors(tmp_path, args, code):
    proc = tipcheck_cli("batch", *args, "--out", tmp_path / "o")
    assert proc.returncode == 2 and proc.stderr.startswith(f"tipcheck: error: {code}")
    assert len(proc.stderr.strip().splitlines()) == 1


def test_progress_bar_shows_count_rate_and_eta_on_stderr(folder, tmp_path):
    proc = tipcheck_cli("batch", folder, "--out", tmp_path / "out", "--progress")
    bar = proc.stderr.splitlines()[0]
    assert "4/4" in bar and "docs/s" in bar and "ETA" in bar and proc.stdout == ""
    quiet = tipcheck_cli("batch", folder, "--out", tmp_path / "out2")        # not a terminal: no bar
    assert quiet.stderr.startswith("tipcheck: 4 items")
