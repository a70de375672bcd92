"""One exception type with a stable code and a location; the CLI maps it to exit code 2.

Codes: E1xx input (ingest), E2xx rule packs, E3xx usage/options.

Input codes: E101 no such file, E102 a directory, E103 unreadable, E104 empty (no text), E105 binary or
undecodable text, E106 unsupported format (legacy DOC, images, a ZIP that is not DOCX, XML that is not
Akoma Ntoso), E107 encrypted PDF that does not open with an empty password, E108 PDF with no text layer
(scanned: run OCR), E109 damaged or truncated document (PDF, DOCX, XML; any failure of a reader's
library), E110 unsafe XML refused (DTD, entity declarations, external references), E111 DOCX too large
when decompressed (zip bomb, checked on the declared sizes before extracting), E112 no statute file in
the folders given, E113 file larger than the limit (64 MB; --max-size), checked before reading.

Usage codes: E301 unknown language, E302 language not recognisable, E303 no pack speaks the language,
E304 output not writable, E305 unknown rule, E306 fixtures, E307 unknown report language, E308 baseline,
E309 configuration, E310 batch manifest, E311 --bundle given a file, E312 no statute given.
"""

from __future__ import annotations


class TipcheckError(Exception):
    def __init__(self, code: str, message: str, *, path: str | None = None,
                 line: int | None = None, hint: str | None = None) -> None:
        self.code = code
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{self.code} {where}{self.message}{hint}"


class InputError(TipcheckError):
    """The statute file cannot be read or is not text."""


class RulePackError(TipcheckError):
    """A rule pack is malformed."""


class UsageError(TipcheckError):
    """An option value is invalid."""
