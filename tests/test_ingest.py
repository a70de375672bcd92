"""Decoding of the encodings statutes come in, and one clear error for inputs that are not statutes."""

from __future__ import annotations

import codecs

import pytest

from tipcheck import ingest
from tipcheck.errors import InputError

TEXT = "Artículo 1. La captación, el transporte y la acogida de personas — «explotación» “exploitation” €\n"

ENCODINGS = [
    ("utf-8", TEXT.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8 (BOM)"),
    ("utf-16-le with BOM", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le (BOM)"),
    ("utf-16-be with BOM", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be (BOM)"),
    ("utf-16-le without BOM", TEXT.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be without BOM", TEXT.encode("utf-16-be"), "utf-16-be"),
    ("cp1252", TEXT.encode("cp1252"), "cp1252"),
]


@pytest.mark.parametrize("name,data,encoding", ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_ingest_decodes_common_encodings(name, data, encoding):
    doc = ingest.from_bytes(data, "law.txt")
    assert doc.text == TEXT
    assert doc.encoding == encoding


def test_ingest_latin1_without_cp1252_extras():
    text = "Sección 2. Niños y niñas menores de dieciocho años\n"
    assert ingest.from_bytes(text.encode("latin-1")).text == text


def test_ingest_normalises_line_endings_and_hashes_raw_bytes():
    data = b"Section 1.\r\nA person commits an offence.\r\n"
    doc = ingest.from_bytes(data)
    assert doc.text == "Section 1.\nA person commits an offence.\n"
    import hashlib
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


BAD = [
    ("empty", b"", "E104"),
    ("whitespace only", b"  \n\t\n  ", "E104"),
    ("NUL bytes", b"Section 1.\x00\x01\x02 binary \x00\x00\x07" * 10, "E105"),
    # PDF and DOCX are read now (tipcheck.readers): a few bytes of one are a damaged document.
    ("truncated PDF", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "E109"),
    ("truncated DOCX (zip)", b"PK\x03\x04\x14\x00\x06\x00", "E109"),
    ("legacy DOC", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "E106"),
    ("PNG", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E106"),
    ("control characters", bytes(range(1, 9)) * 200, "E105"),
]


@pytest.mark.parametrize("name,data,code", BAD, ids=[b[0] for b in BAD])
def test_ingest_rejects_non_statutes_with_a_code(name, data, code):
    with pytest.raises(InputError) as err:
        ingest.from_bytes(data, "bad.txt")
    assert err.value.code == code
    assert "bad.txt" in err.value.one_line()
    assert "\n" not in err.value.one_line()


def test_ingest_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError) as err:
        ingest.read(tmp_path / "nope.txt")
    assert err.value.code == "E101"
    with pytest.raises(InputError) as err:
        ingest.read(tmp_path)
    assert err.value.code == "E102"
