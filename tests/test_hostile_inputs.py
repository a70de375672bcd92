"""Bad and hostile input, table-driven: each case gives one line on stderr with a stable code and a
distinct exit code, or is read as what it is; never a traceback, never a hang, never markup or code
from a document running in a report."""

from __future__ import annotations

import codecs
import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import statute_formats as sf
from conftest import CONSENT_LAW, EXAMPLES, ROOT

STATUTE = CONSENT_LAW
MODEL = (EXAMPLES / "en" / "model-law" / "statute.txt").read_text(encoding="utf-8")
SPANISH = "Artículo 1. El que captare a una persona con fines de explotación sexual será castigado con prisión de cuatro a diez años.\n"
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE akomaNtoso [<!ENTITY a "trafficking">'
          + "".join(f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(8))
          + ']><akomaNtoso><act><body><p>&i;</p></body></act></akomaNtoso>')


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def write(name: str, content):
    """A file to analyse; `content` may be a function making it (built when the case runs)."""
    def build(tmp: Path) -> list[str]:
        data = content() if callable(content) else content
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return ["analyze", str(path)]
    return build


def pdf(**options):
    def make() -> bytes:
        if sf.font_file() is None:
            pytest.skip("no TrueType font to write a PDF with (.ci/run installs one)")
        return sf.to_pdf("en", **options)
    return make


def sparse(name: str, size: int):
    def build(tmp: Path) -> list[str]:
        with open(tmp / name, "wb") as handle:
            handle.truncate(size)          # 200 MB on disk costs nothing: the size alone is refused
        return ["analyze", str(tmp / name)]
    return build


def args(*argv: str, files: dict[str, bytes | str] | None = None):
    def build(tmp: Path) -> list[str]:
        for name, content in (files or {}).items():
            path = tmp / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return [a.replace("{tmp}", str(tmp)) for a in argv]
    return build


def _unwritable(tmp: Path) -> list[str]:
    (tmp / "law.txt").write_text(STATUTE, encoding="utf-8")
    locked = tmp / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    return ["analyze", str(tmp / "law.txt"), "--output", str(locked / "sub" / "report.json"), "--format", "json"]


# (case, build, expected error code or None when the input is read, exit code)
CASES = [
    ("missing path", args("analyze", "{tmp}/nope.txt"), "E101", 2),
    ("directory for a file", args("analyze", "{tmp}"), "E102", 2),
    ("empty file", write("empty.txt", b""), "E104", 2),
    ("whitespace only", write("blank.txt", " \n\t\n   \n"), "E104", 2),
    ("binary file", write("prog.txt", bytes(range(256)) * 40), "E105", 2),
    ("NUL bytes in text", write("nul.txt", STATUTE.encode() + b"\x00\x00" + STATUTE.encode()), "E105", 2),
    ("control characters", write("ctl.txt", "\x01\x02\x03\x04\x05\x06\x07\x08" * 200), "E105", 2),
    ("invalid UTF-8 behind a UTF-8 BOM", write("bom.txt", codecs.BOM_UTF8 + b"Section 1. \xff\xfe\xfa bad"), "E105", 2),
    ("invalid UTF-8 (read as cp1252)", write("latin.txt", SPANISH.encode("cp1252")), None, 1),
    ("UTF-16 with BOM", write("u16bom.txt", codecs.BOM_UTF16_LE + STATUTE.encode("utf-16-le")), None, 1),
    ("UTF-16 without BOM", write("u16.txt", STATUTE.encode("utf-16-le")), None, 1),
    ("a 200 MB statute", sparse("huge.txt", 200_000_000), "E113", 2),
    ("a single 5 MB line", write("line.txt", lambda: MODEL.replace("\n", " ") * (5_000_000 // len(MODEL))), None, 1),
    ("encrypted PDF", write("locked.pdf", pdf(encrypt="secret")), "E107", 2),
    ("PDF without text layer", write("scan.pdf", sf.scanned_pdf), "E108", 2),
    ("truncated PDF", write("cut.pdf", lambda: pdf()()[:900]), "E109", 2),
    ("corrupt DOCX", write("bad.docx", lambda: sf.to_docx("en")[:2000]), "E109", 2),
    ("DOCX zip bomb", write("bomb.docx", lambda: _zip({"[Content_Types].xml": b"<Types/>",
                                                      "word/document.xml": b"A" * (300 << 20)})), "E111", 2),
    ("XML entity expansion", write("laughs.xml", LAUGHS), "E110", 2),
    ("XML external entity", write("xxe.xml", '<?xml version="1.0"?><!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM '
                                             '"file:///etc/passwd">]><akomaNtoso>&x;</akomaNtoso>'), "E110", 2),
    ("XML that is not Akoma Ntoso", write("other.xml", "<catalog><book>Trafficking</book></catalog>"), "E106", 2),
    ("legacy Word document", write("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), "E106", 2),
    ("an image", write("photo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100), "E106", 2),
    ("HTML with scripts", write("page.html", "<html><body><script>document.write('Section 9. Whoever recruits "
                                             "is guilty')</script><main><pre>" + STATUTE + "</pre></main></body></html>"),
     None, 1),
    ("malformed rule YAML", args("rules", "validate", "{tmp}/pack", files={"pack/pack.yaml": "id: x\nrules: [\n"}), "E201", 2),
    ("YAML tag that builds a Python object",
     args("rules", "validate", "{tmp}/pack", files={"pack/pack.yaml": "id: !!python/object/apply:os.system ['echo hi']\n"}),
     "E202", 2),
    ("unknown pack", args("analyze", "{tmp}/law.txt", "--pack", "nope", files={"law.txt": STATUTE}), "E210", 2),
    ("unknown language", args("analyze", "{tmp}/law.txt", "--lang", "xx", files={"law.txt": STATUTE}), "E301", 2),
    ("language that cannot be told", write("names.txt", "GARCÍA - PÉREZ - 1975 - 1976\n" * 3), "E302", 2),
    ("unknown report language", args("analyze", "{tmp}/law.txt", "--report-lang", "de", files={"law.txt": STATUTE}), "E307", 2),
    ("unwritable output path", _unwritable, "E304", 2),
    ("output path inside a file (unwritable, even for root)",
     args("analyze", "{tmp}/law.txt", "-o", "{tmp}/law.txt/report.json", files={"law.txt": STATUTE}), "E304", 2),
    ("output path is a directory", args("analyze", "{tmp}/law.txt", "-o", "{tmp}", files={"law.txt": STATUTE}), "E304", 2),
    ("corrupt baseline", args("analyze", "{tmp}/law.txt", "--baseline", "{tmp}/b.json",
                              files={"law.txt": STATUTE, "b.json": "{not json"}), "E308", 2),
    ("bad configuration", args("analyze", "{tmp}/law.txt", "--config", "{tmp}/tipcheck.yaml",
                               files={"law.txt": STATUTE, "tipcheck.yaml": "fail_on: sometimes\n"}), "E309", 2),
    ("bad batch manifest", args("batch", "--manifest", "{tmp}/m.yaml", "--out", "{tmp}/out",
                                files={"m.yaml": "bundles: [{name: x}]\n"}), "E310", 2),
    ("--bundle given a file", args("analyze", "--bundle", "{tmp}/law.txt", files={"law.txt": STATUTE}), "E311", 2),
    ("no statute at all", args("analyze"), "E312", 2),
    ("a folder with no statutes", args("batch", "{tmp}/empty", "--out", "{tmp}/out", files={"empty/notes.csv": "a,b\n"}),
     "E112", 2),
]


def run_cli(argv: list[str], tmp: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tipcheck", *argv], capture_output=True, text=True, cwd=tmp,
                          timeout=240, env=dict(os.environ, NO_COLOR="1"))


@pytest.mark.parametrize("case,build,code,exit_code", CASES, ids=[c[0] for c in CASES])
def test_bad_or_hostile_input(tmp_path, case, build, code, exit_code):
    if case == "unwritable output path" and os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    proc = run_cli(build(tmp_path), tmp_path)
    assert "Traceback" not in proc.stderr
    assert proc.returncode == exit_code, proc.stderr
    if code:
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"tipcheck: error: {code} "), proc.stderr
        assert proc.stdout == ""
    else:
        assert "error" not in proc.stderr and proc.stdout


def test_at_least_thirty_cases_with_distinct_codes():
    assert len(CASES) >= 30
    assert len({c[2] for c in CASES if c[2]}) >= 20


def test_an_existing_output_file_is_replaced_whole(tmp_path, model_law):
    target = tmp_path / "report.json"
    target.write_text("old report\n" * 10_000, encoding="utf-8")
    proc = run_cli(["analyze", str(model_law), "--format", "json", "-o", str(target)], tmp_path)
    assert proc.returncode in (0, 1) and target.read_text(encoding="utf-8").startswith("{")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_scripts_and_templates_in_a_statute_stay_text(tmp_path):
    law = tmp_path / "law.txt"
    law.write_text("Section 4. Trafficking <script>alert('x')</script> {{ 7*7 }} {% raw %}\n(1) A person who recruits "
                   "<script>alert('y')</script> another person by force {{ config }} for the purpose of exploitation "
                   "commits an offence and is liable to imprisonment for 15 years.\n", encoding="utf-8")
    html = run_cli(["analyze", str(law), "--format", "html"], tmp_path).stdout
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#39;x&#39;)" in html
    assert "{{ 7*7 }}" in html and ">49<" not in html         # a template in the statute is never evaluated
    markdown = run_cli(["analyze", str(law), "--format", "markdown"], tmp_path).stdout
    assert "<script>" not in markdown.replace("`<script>", "")


def test_an_interrupted_batch_exits_130_and_resumes(tmp_path):
    folder = tmp_path / "laws"
    folder.mkdir()
    for k in range(30):
        (folder / f"law-{k:02}.txt").write_text(MODEL.replace("Section 1", f"Section 1 ({k})", 1), encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "tipcheck", "batch", str(folder), "--out", str(out), "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and len(list((out / "reports").rglob("*.json")) if out.exists() else []) < 3:
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and err.strip().splitlines()[-1].startswith("tipcheck: interrupted; "), err
    assert "Traceback" not in err and (out / ".tipcheck-batch.json").is_file()
    done = len(list((out / "reports").rglob("*.json")))
    assert 3 <= done < 30
    again = subprocess.run([sys.executable, "-m", "tipcheck", "batch", str(folder), "--out", str(out)],
                           capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert again.returncode == 0
    unchanged = int(again.stderr.split(" unchanged since the last run")[0].rsplit(" ", 1)[1])
    assert unchanged >= 3 and "30 items: 30 analysed" in again.stderr
