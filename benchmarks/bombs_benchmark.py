"""Peak memory and time of parsing each bomb, each big real-like file and each sample: `python benchmarks/bombs_benchmark.py`.

Every file is parsed by `parse_report_bytes` in a fresh Python process (as a worker would, with the
parser and its libraries already imported), and the child's peak RSS is read from the kernel
(`os.wait4`'s ru_maxrss), so one file's memory never hides another's. The target: every file, read
or refused, stays under 300 MB. A child is capped at 2 GB of address space and 120 s, so a
regression fails here instead of taking the machine down.

The bombs are those of the security sweep (issue 18), built by tests/bombs.py; "at the limits" are
the largest files the limits let through (tracker/parsing/formats/limits.py). To see what the bombs
did before the limits: `--parser /path/to/a/checkout/without/them --seconds 30`.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402
import openpyxl.comments  # noqa: E402

from tests import bombs  # noqa: E402

TARGET_MB = 300
CHILD_ADDRESS_SPACE = 2 * 1024**3
CHILD_SECONDS = 120

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
import docx, lxml.html, openpyxl  # noqa: F401  (a worker has them loaded; the parse is what is measured)
from tracker.parsing import ParseError, parse_report_bytes
data = open(sys.argv[2], "rb").read()
started = time.perf_counter()
try:
    report = parse_report_bytes(data, source_name=sys.argv[3])
    limit_warnings = sorted({d.code for d in report.diagnostics if d.code in ("merge-clipped", "span-clamped")})
    outcome = f"read {len(report.tasks):,} tasks" + (f" ({', '.join(limit_warnings)})" if limit_warnings else "")
except ParseError as error:
    outcome = f"refused {error.code}"
print(json.dumps({"outcome": outcome, "seconds": time.perf_counter() - started}))
"""

BASELINE = r"""
import sys
sys.path.insert(0, sys.argv[1])
import docx, lxml.html, openpyxl  # noqa: F401
import tracker.parsing  # noqa: F401
print('{"outcome": "imports only", "seconds": 0}')
"""


def flattened_6000() -> bytes:
    return bombs.flattened_rows(6_000)


def html_rows(count: int) -> bytes:
    rows = [bombs._row(bombs.HEADER, "th")]
    rows += [bombs._row((str(i), f"完成第{i}项重点工程建设任务。", "区发改经信局", f"1-9月已完成投资{i}亿元。")) for i in range(1, count + 1)]
    return bombs._page("\n".join(rows))


def docx_rows(count: int) -> bytes:
    """The small document with its table replaced by `count` rows, written as XML (python-docx would take a minute)."""

    def cell(text: str) -> str:
        return f"<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    def table(xml: bytes) -> bytes:
        rows = ["<w:tr>" + "".join(cell(label) for label in bombs.HEADER) + "</w:tr>"]
        rows += [
            "<w:tr>" + "".join(cell(text) for text in (str(i), f"完成第{i}项重点工程建设任务。", "区发改经信局", f"已完成投资{i}亿元。")) + "</w:tr>"
            for i in range(1, count + 1)
        ]
        grid = "<w:tblGrid>" + '<w:gridCol w:w="2000"/>' * len(bombs.HEADER) + "</w:tblGrid>"
        new_table = f"<w:tbl><w:tblPr/>{grid}{''.join(rows)}</w:tbl>".encode()
        return re.sub(rb"<w:tbl>.*</w:tbl>", lambda _: new_table, xml, flags=re.DOTALL)

    return bombs.replace_part(bombs.small_document(), "word/document.xml", table)


def _sheet_data(rows: int, extra_columns: int = 0) -> bytes:
    """<sheetData> of the header and `rows` tasks (four cells each, and `extra_columns` numbers beyond the header)."""

    def text(ref: str, value: str) -> str:
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'

    extra = [f"{chr(ord('E') + index)}" for index in range(extra_columns)]
    lines = ['<row r="1">' + "".join(text(f"{letter}1", label) for letter, label in zip("ABCD", bombs.HEADER)) + "</row>"]
    for row in range(2, rows + 2):
        cells = [f'<c r="A{row}"><v>{row - 1}</v></c>', text(f"B{row}", f"完成第{row}项重点工程"), text(f"C{row}", "区住建局"), text(f"D{row}", "已完成")]
        cells += [f'<c r="{letter}{row}"><v>{row}</v></c>' for letter in extra]
        lines.append(f'<row r="{row}">' + "".join(cells) + "</row>")
    return ("<sheetData>" + "".join(lines) + "</sheetData>").encode()


def _with_sheet_data(package: bytes, sheet_data: bytes) -> bytes:
    return bombs.replace_part(
        package, "xl/worksheets/sheet1.xml", lambda xml: re.sub(rb"<sheetData>.*</sheetData>", lambda _: sheet_data, xml, flags=re.DOTALL)
    )


def xlsx_rows(rows: int) -> bytes:
    """A sheet of the header and `rows` tasks, written as XML (openpyxl would take long)."""
    return _with_sheet_data(bombs.small_workbook(), _sheet_data(rows))


def xlsx_at_every_openpyxl_limit(rows: int = 14_900) -> bytes:
    """Near every limit on what openpyxl makes at once: a style sheet of 9,500 cell formats (~57,000 nodes),
    4,900 comments and `rows` rows of 4 cells, together under the package's node limit."""
    workbook = openpyxl.Workbook()
    for row in range(1, 4_901):
        workbook.active.cell(row, 6).comment = openpyxl.comments.Comment("批注", "编辑")
    buffer = io.BytesIO()
    workbook.save(buffer)
    styles = "".join(f'<xf numFmtId="{index % 200}" fontId="0" fillId="0" borderId="0" xfId="0"/>' for index in range(9_500))
    package = bombs.replace_part(
        buffer.getvalue(), "xl/styles.xml",
        lambda xml: re.sub(rb'<cellXfs count="\d+">.*?</cellXfs>', f'<cellXfs count="9500">{styles}</cellXfs>'.encode(), xml, flags=re.DOTALL),
    )
    return _with_sheet_data(package, _sheet_data(rows))


def html_valueless_attributes() -> bytes:
    """A page just under the page size limit of paragraphs with 30 attributes without "=" each (uncounted nodes)."""
    names = " ".join(f"a{index}" for index in range(30))
    return bombs._page(bombs._row(bombs.HEADER, "th") + "<tr><td>" + f"<p {names}>x</p>" * 40_000 + "</td></tr>")


def one_character_lines(count: int) -> bytes:
    return "\n".join([bombs.TITLE, *bombs.HEADER, *["a"] * count]).encode()


AT_THE_LIMITS = {
    "text 6,000 rows (flattened)": ("rows-6k.txt", flattened_6000),
    "html 6,000 rows": ("rows-6k.html", lambda: html_rows(6_000)),
    "docx 6,000 rows": ("rows-6k.docx", lambda: docx_rows(6_000)),
    "xlsx 14,999 rows and the header (the row limit)": ("rows-15k.xlsx", lambda: xlsx_rows(14_999)),
    "xlsx at every openpyxl limit at once": ("openpyxl-limits.xlsx", xlsx_at_every_openpyxl_limit),
    "html 290,000 <br> (under the node limit)": ("br-290k.html", lambda: bombs.html_many_elements(290_000)),
    "html 4.7 MB of attributes without = (size limit)": ("attributes.html", html_valueless_attributes),
    "text 240,000 one-character lines": ("lines-240k.txt", lambda: one_character_lines(240_000)),
    "text 7,000 one-row tables (flattened)": ("tables-7k.txt", lambda: bombs.flattened_tables(7_000)),
    "html 7,000 one-row tables": ("tables-7k.html", lambda: bombs.html_tables(7_000)),
}


def measure(script: str, path: Path, name: str, *, parser_root: Path = ROOT, seconds: int = CHILD_SECONDS) -> tuple[dict, float]:
    """(what the child printed, its peak RSS in MB)."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (CHILD_ADDRESS_SPACE, CHILD_ADDRESS_SPACE))
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))

    child = subprocess.Popen(
        [sys.executable, "-c", script, str(parser_root), str(path), name], stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=cap
    )
    # wait4 rather than wait: the rusage of this child alone, even when it was killed.
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    out, err = child.stdout.read(), child.stderr.read()
    if child.returncode != 0:
        last = (err.decode(errors="replace").strip().splitlines() or ["killed"])[-1]
        cpu = usage.ru_utime + usage.ru_stime
        return {"outcome": f"CRASHED after {cpu:.0f} s CPU: {last[:28]}", "seconds": float("nan")}, usage.ru_maxrss / 1024
    return json.loads(out), usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run only the cases whose name contains this")
    parser.add_argument(
        "--parser", type=Path, default=ROOT, help="the checkout whose parser is measured (e.g. one without the limits, to compare)"
    )
    parser.add_argument("--seconds", type=int, default=CHILD_SECONDS, help=f"CPU seconds per child (default {CHILD_SECONDS})")
    args = parser.parse_args()
    run = {"parser_root": args.parser.resolve(), "seconds": args.seconds}
    cases = {f"sample {path.name}": (path.name, path.read_bytes) for path in sorted((ROOT / "fixtures").glob("*.txt"))}
    cases.update({f"bomb: {name}": value for name, value in bombs.BOMBS.items()})
    cases.update({f"limit: {name}": value for name, value in AT_THE_LIMITS.items()})
    if args.only:
        cases = {name: value for name, value in cases.items() if args.only in name}

    print(f"| {'file':52} | {'size':>9} | {'outcome':44} | {'parse s':>7} | {'peak RSS':>8} |")
    print(f"|{'-' * 54}|{'-' * 11}|{'-' * 46}|{'-' * 9}|{'-' * 10}|")
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty"
        empty.write_bytes(b"")
        result, peak = measure(BASELINE, empty, "", **run)
        print(f"| {'baseline: interpreter, parser and libraries':52} | {'':>9} | {result['outcome']:44} | {'':>7} | {peak:>5.0f} MB |")
        worst = 0.0
        for case, (file_name, build) in cases.items():
            path = Path(folder) / file_name
            path.write_bytes(build())
            result, peak = measure(CHILD, path, file_name, **run)
            worst = max(worst, peak)
            size = path.stat().st_size
            print(f"| {case:52} | {size / 1024:>6.0f} KB | {result['outcome']:44} | {result['seconds']:>7.2f} | {peak:>5.0f} MB |")
            path.unlink()
    print(f"\nlargest peak: {worst:.0f} MB — {'OK' if worst < TARGET_MB else 'OVER'} (target < {TARGET_MB} MB per worker)")
    return 0 if worst < TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
