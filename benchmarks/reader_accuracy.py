"""How well the parser reads the hand-annotated tables: `python benchmarks/reader_accuracy.py --half dev`.

Each file of `tests/data/reader_corpus/<half>/` is parsed with `parse_report_bytes` and compared with its
`NAME.expected.json` (conventions in that folder's README.md). Rows are aligned by order; a row is exact when
its theme, content, departments with roles (in order), leaders and progress all equal the annotation. Text is
compared after NFKC width folding and collapsing whitespace (whitespace next to a CJK character is dropped, so a
line break inside a Chinese cell does not count). Files annotated `expect_error` are scored apart: the right
answer there is a ParseError or an error diagnostic, not rows.

Printed per file and in total: tables read, rows exact, per-field row accuracy, department precision and recall
over (row, name, role), numeric cells (target/actual/completion text), silently shifted tables (read, under half
of the rows exact, and no error diagnostic), and title / year / period correct. Standard library and our parser
only. `--verbose` shows the first differing rows of each file.

Halves: `dev` and `test` (the first corpus, split once), `dev2` (a second, independent development set, see the
README's "dev2" section), `all` (all three). The corpus is found next to this script (`tests/data/reader_corpus`
of the repository holding it) unless `--corpus DIR` says otherwise, and the parser is imported from the same
repository unless `--code-root DIR` names another checkout, e.g. to score the main branch's parser against this
corpus: `python benchmarks/reader_accuracy.py --half dev2 --code-root /path/to/main`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CORPUS = ROOT / "tests" / "data" / "reader_corpus"
HALVES = ("dev", "test")  # the first corpus, split once into a tuning half and a held-out half
EXTRA_SETS = ("dev2",)  # further development sets, scored on their own and counted in "all"
ALL_SETS = HALVES + EXTRA_SETS

parse_report_bytes = None  # bound by load_parser() once the code root is known
ParseError = Exception


def load_parser(code_root: Path) -> str:
    """Import the parser from `code_root` (a checkout of this project); says which one was loaded."""
    global parse_report_bytes, ParseError
    sys.path.insert(0, str(code_root))
    from tracker.parsing import parse_report_bytes as parse  # noqa: PLC0415
    from tracker.parsing import types  # noqa: PLC0415

    parse_report_bytes, ParseError = parse, types.ParseError
    return f"{Path(types.__file__).resolve().parent} (PARSER_VERSION {getattr(types, 'PARSER_VERSION', '?')})"
ROW_FIELDS = ("theme", "content", "departments", "leaders", "progress")
NUMERIC_FIELDS = ("target_text", "actual_text", "completion_text")
SHIFT_THRESHOLD = 0.5  # a read table with fewer exact rows than this share, and no error, was silently shifted
CJK = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
SPACE_NEXT_TO_CJK = re.compile(rf"\s+(?=[{CJK}])|(?<=[{CJK}])\s+")


def normalise_text(text: str | None) -> str:
    """NFKC, whitespace runs collapsed to one space, no whitespace next to a CJK character."""
    text = unicodedata.normalize("NFKC", text or "")
    text = re.sub(r"\s+", " ", text).strip()
    return SPACE_NEXT_TO_CJK.sub("", text)


def normalise_name(name: str) -> str:
    """A department or leader name: NFKC and no whitespace at all."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name or ""))


@dataclass
class Row:
    theme: str
    content: str
    departments: tuple[tuple[str, str], ...]
    leaders: tuple[str, ...]
    progress: str
    numeric: tuple[str, str, str]

    @classmethod
    def from_expected(cls, task: dict) -> Row:
        return cls(
            theme=normalise_text(task.get("theme")),
            content=normalise_text(task.get("content")),
            departments=tuple((normalise_name(name), role) for name, role in task.get("departments", [])),
            leaders=tuple(normalise_name(name) for name in task.get("leaders", [])),
            progress=normalise_text(task.get("progress")),
            numeric=tuple(normalise_text(task.get(key)) for key in NUMERIC_FIELDS),
        )

    @classmethod
    def from_parsed(cls, task) -> Row:
        return cls(
            theme=normalise_text(task.theme),
            content=normalise_text(task.content),
            departments=tuple((normalise_name(ref.name), str(ref.role.value)) for ref in task.departments),
            leaders=tuple(normalise_name(name) for name in task.leaders),
            progress=normalise_text(task.progress),
            numeric=tuple(normalise_text(getattr(task, key, "")) for key in NUMERIC_FIELDS),
        )

    def differing_fields(self, other: Row) -> list[str]:
        return [name for name in ROW_FIELDS if getattr(self, name) != getattr(other, name)]


@dataclass
class FileScore:
    name: str
    expect_error: bool
    read: bool = False
    failure: str = ""  # why the file was not read
    error_diagnostics: int = 0
    expected_rows: int = 0
    parsed_rows: int = 0
    exact_rows: int = 0
    field_hits: Counter = field(default_factory=Counter)
    dept_expected: int = 0
    dept_predicted: int = 0
    dept_true: int = 0
    numeric_rows: int = 0
    numeric_exact: int = 0
    title_ok: bool = False
    year_ok: bool = False
    period_ok: bool = False
    differences: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        """The parser refused the file or said the table cannot be trusted."""
        return not self.read or self.error_diagnostics > 0

    @property
    def shifted(self) -> bool:
        return (
            not self.expect_error
            and self.read
            and self.exact_rows < SHIFT_THRESHOLD * self.expected_rows
            and self.error_diagnostics == 0
        )


def department_triples(rows: list[Row]) -> Counter:
    return Counter((index, name, role) for index, row in enumerate(rows) for name, role in row.departments)


def score_file(source: Path, expected: dict) -> FileScore:
    score = FileScore(name=source.name, expect_error=bool(expected.get("expect_error")))
    expected_rows = [Row.from_expected(task) for task in expected["tasks"]]
    score.expected_rows = len(expected_rows)
    try:
        report = parse_report_bytes(source.read_bytes(), source_name=source.name)
    except ParseError as err:
        score.failure = f"ParseError {err.code}"
        return score
    except Exception as err:  # noqa: BLE001 — a crash is scored as "not read", and said so
        score.failure = f"crash {type(err).__name__}: {err}"
        return score
    score.read = True
    score.error_diagnostics = sum(1 for d in report.diagnostics if str(d.severity) == "error")
    parsed_rows = [Row.from_parsed(task) for task in report.tasks]
    score.parsed_rows = len(parsed_rows)

    for index, want in enumerate(expected_rows):
        got = parsed_rows[index] if index < len(parsed_rows) else None
        if got is None:
            if len(score.differences) < 3:
                score.differences.append(f"row {index + 1}: missing")
            continue
        differing = want.differing_fields(got)
        for name in ROW_FIELDS:
            if name not in differing:
                score.field_hits[name] += 1
        if not differing:
            score.exact_rows += 1
        elif len(score.differences) < 3:
            detail = "; ".join(f"{name}: want {getattr(want, name)!r} got {getattr(got, name)!r}" for name in differing)
            score.differences.append(f"row {index + 1}: {detail}")
        if any(want.numeric):
            score.numeric_rows += 1
            score.numeric_exact += want.numeric == got.numeric

    want_triples, got_triples = department_triples(expected_rows), department_triples(parsed_rows)
    score.dept_expected = sum(want_triples.values())
    score.dept_predicted = sum(got_triples.values())
    score.dept_true = sum((want_triples & got_triples).values())
    if len(parsed_rows) > len(expected_rows) and len(score.differences) < 3:
        score.differences.append(f"{len(parsed_rows) - len(expected_rows)} extra rows")

    meta = report.meta
    score.title_ok = normalise_text(meta.title) == normalise_text(expected.get("title"))
    score.year_ok = meta.year == expected.get("year")
    score.period_ok = meta.period_end_month == expected.get("period_end_month")
    return score


def corpus_files(half: str, corpus: Path = CORPUS) -> list[tuple[Path, dict]]:
    halves = ALL_SETS if half == "all" else (half,)
    files = []
    for name in halves:
        for expected_path in sorted((corpus / name).glob("*.expected.json")):
            stem = expected_path.name[: -len(".expected.json")]
            sources = [p for p in expected_path.parent.glob(stem + ".*") if not p.name.endswith(".expected.json")]
            if len(sources) != 1:
                raise SystemExit(f"{expected_path}: expected exactly one source file, found {len(sources)}")
            files.append((sources[0], json.loads(expected_path.read_text(encoding="utf-8"))))
    return files


def ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else f"{part}/0"


def print_report(half: str, scores: list[FileScore], verbose: bool) -> None:
    print(f"{'file':42} {'read':>5} {'rows exact':>11} {'dept P':>7} {'dept R':>7} {'title':>5} {'period':>6}  note")
    for s in scores:
        precision = f"{s.dept_true / s.dept_predicted:.2f}" if s.dept_predicted else "-"
        recall = f"{s.dept_true / s.dept_expected:.2f}" if s.dept_expected else "-"
        notes = []
        if s.failure:
            notes.append(s.failure)
        if s.expect_error:
            notes.append("expect_error: " + ("flagged" if s.flagged else "NOT flagged"))
        elif s.shifted:
            notes.append("SILENTLY SHIFTED")
        if s.read and s.parsed_rows != s.expected_rows:
            notes.append(f"{s.parsed_rows} rows read, {s.expected_rows} expected")
        if s.error_diagnostics:
            notes.append(f"{s.error_diagnostics} error diagnostics")
        print(
            f"{s.name:42} {'yes' if s.read else 'no':>5} {s.exact_rows:>5}/{s.expected_rows:<5} {precision:>7} {recall:>7}"
            f" {'ok' if s.title_ok else '-':>5} {'ok' if s.period_ok else '-':>6}  {'; '.join(notes)}"
        )
        if verbose:
            for line in s.differences:
                print(f"    {line}")

    tables = [s for s in scores if not s.expect_error]
    error_files = [s for s in scores if s.expect_error]
    rows = sum(s.expected_rows for s in tables)
    dept_true = sum(s.dept_true for s in tables)
    dept_predicted = sum(s.dept_predicted for s in tables)
    dept_expected = sum(s.dept_expected for s in tables)
    shifted = [s.name for s in tables if s.shifted]
    print()
    print(f"half: {half} — {len(tables)} tables, {len(error_files)} expected-error files")
    print(f"tables read: {ratio(sum(s.read for s in tables), len(tables))}")
    print(f"rows exact: {ratio(sum(s.exact_rows for s in tables), rows)}")
    print("field accuracy (rows): " + ", ".join(
        f"{name} {ratio(sum(s.field_hits[name] for s in tables), rows)}" for name in ROW_FIELDS))
    print(f"departments: precision {ratio(dept_true, dept_predicted)}, recall {ratio(dept_true, dept_expected)}")
    print(f"numeric cells exact (rows with target/actual/completion text): "
          f"{ratio(sum(s.numeric_exact for s in tables), sum(s.numeric_rows for s in tables))}")
    print(f"silently shifted tables: {len(shifted)}" + (f" ({', '.join(shifted)})" if shifted else ""))
    print(f"title correct: {ratio(sum(s.title_ok for s in tables), len(tables))}; "
          f"year correct: {ratio(sum(s.year_ok for s in tables), len(tables))}; "
          f"period correct: {ratio(sum(s.period_ok for s in tables), len(tables))}")
    print(f"expected-error files flagged (ParseError or error diagnostic): "
          f"{ratio(sum(s.flagged for s in error_files), len(error_files))}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=(*ALL_SETS, "all"), default="dev",
                        help="dev or test (the first corpus), dev2 (the second development set), or all three")
    parser.add_argument("--verbose", "-v", action="store_true", help="show the first differing rows of each file")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="the reader corpus folder holding dev/, test/, dev2/ (default: next to this script)")
    parser.add_argument("--code-root", type=Path, default=ROOT,
                        help="the checkout whose tracker/parsing is scored (default: the one holding this script)")
    args = parser.parse_args()
    loaded = load_parser(args.code_root.resolve())
    print(f"parser: {loaded}; corpus: {args.corpus.resolve()}")
    scores = [score_file(source, expected) for source, expected in corpus_files(args.half, args.corpus.resolve())]
    print_report(args.half, scores, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
