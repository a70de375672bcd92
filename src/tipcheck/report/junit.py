"""`--format junit`: one test case per requirement, so any CI shows what passes and what fails. A gap
(partial or missing) is a failure whose type is its status; a met requirement passes."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tipcheck.models import GAPS


def render(report, **_options) -> str:
    name = "tipcheck: " + ", ".join(d.path for d in report.documents)
    gaps = report.gaps()
    suites = ET.Element("testsuites", name="tipcheck", tests=str(len(report.results)), failures=str(len(gaps)))
    suite = ET.SubElement(suites, "testsuite", name=name, tests=str(len(report.results)), failures=str(len(gaps)),
                          errors="0", skipped="0")
    props = ET.SubElement(suite, "properties")
    ET.SubElement(props, "property", name="verdict", value=report.verdict)
    ET.SubElement(props, "property", name="tool_version", value=report.tool_version)
    for r in report.results:
        case = ET.SubElement(suite, "testcase", classname=f"{r.id.split('.', 1)[0]}.{r.category}", name=f"{r.id}: {r.title}")
        if r.status in GAPS:
            failure = ET.SubElement(case, "failure", type=r.status, message=r.note or r.status)
            where = [f"{e.document}:{e.line}:{e.column} {e.provision}: {' '.join(e.quote.split())}" for e in r.evidence]
            failure.text = "\n".join([f"{r.source} ({r.strength})", *where, r.remediation])
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
