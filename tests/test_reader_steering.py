"""The admin steers the reader (issue 11, item 9, the parser's half): column roles given by hand, the header
line pointed at when none was found, and a confirmed layout remembered by its header signature."""

import io

import openpyxl
import pytest

from tracker.parsing import ParseError, Severity, header_signature, parse_report_bytes, parse_report_text
from tracker.parsing import errors
from tracker.parsing.roles import ROLE_NAMES

TITLE = "2023年三季度镇重点工作推进情况"
# Labels the reader has no synonym for: no header is found by itself.
UNKNOWN = ["次序", "事由", "主办", "情况"]
ROWS = [
    ["1", "新建城市书房10家。", "镇文化站", "已建成7家。"],
    ["2", "改造提升农贸市场6个。", "镇市场监管所", "已完工4个。"],
]


def flat(labels: list[str], title: str = TITLE) -> bytes:
    cells = [title, *labels, *[cell for row in ROWS for cell in row]]
    return ("\n\n".join(cells) + "\n").encode("utf-8")


def header_line_of(data: bytes, label: str) -> int:
    return data.decode("utf-8").split("\n").index(label) + 1


def test_no_header_raises_no_table_with_the_first_lines_as_candidates():
    data = flat(UNKNOWN)
    with pytest.raises(ParseError) as raised:
        parse_report_bytes(data, source_name="unknown.txt")
    error = raised.value
    assert error.code == errors.NO_TABLE
    assert error.candidates[0] == (1, [TITLE])
    assert (header_line_of(data, "次序"), ["次序"]) in error.candidates
    assert all(isinstance(line, int) and isinstance(cells, list) for line, cells in error.candidates)
    assert len(error.candidates) <= 40
    assert "\n" not in str(error)


def test_header_line_and_columns_read_a_table_with_unknown_labels():
    data = flat(UNKNOWN)
    line = header_line_of(data, "次序")
    report = parse_report_bytes(data, source_name="unknown.txt", header_line=line, columns=["seq", "content", "lead", "progress"])
    assert report.layout == "seq|content|lead|progress"
    assert report.columns == UNKNOWN
    assert [t.content for t in report.tasks] == ["新建城市书房10家。", "改造提升农贸市场6个。"]
    assert [t.department_names for t in report.tasks] == [["镇文化站"], ["镇市场监管所"]]
    assert [t.progress for t in report.tasks] == ["已建成7家。", "已完工4个。"]
    assert {errors.HEADER_FORCED, errors.COLUMNS_FORCED} <= {d.code for d in report.diagnostics}
    assert report.header_signature == header_signature(UNKNOWN)


def test_header_line_alone_reads_known_labels_and_keeps_the_others_as_notes():
    data = flat(["次序", "工作任务", "主办", "进展情况"])
    report = parse_report_bytes(data, source_name="half.txt", header_line=header_line_of(data, "次序"))
    assert report.layout == "other|content|other|progress"  # 次序 and 主办: labels we do not know, kept as notes
    assert report.tasks[0].content == "新建城市书房10家。"


def test_a_confirmed_layout_is_read_again_with_no_help():
    data = flat(UNKNOWN)
    first = parse_report_bytes(
        data, source_name="q3.txt", header_line=header_line_of(data, "次序"), columns=["seq", "content", "lead", "progress"]
    )
    remembered = {first.header_signature: first.layout.split("|")}
    next_quarter = flat(UNKNOWN, title="2023年四季度镇重点工作推进情况")
    report = parse_report_bytes(next_quarter, source_name="q4.txt", known_layouts=remembered)
    assert report.layout == "seq|content|lead|progress"
    assert [t.department_names for t in report.tasks] == [["镇文化站"], ["镇市场监管所"]]
    assert errors.LAYOUT_REMEMBERED in [d.code for d in report.diagnostics]


def test_columns_override_the_roles_of_a_header_that_was_found():
    data = flat(["序号", "工作任务", "牵头单位", "进展情况"])
    report = parse_report_bytes(data, source_name="known.txt", columns=["seq", "content", "ignore", "note"])
    assert report.layout == "seq|content|ignore|note"
    assert report.tasks[0].department_names == []
    assert report.tasks[0].note == "已建成7家。"


def test_a_remembered_mapping_applies_to_a_found_header_with_that_signature():
    data = flat(["序号", "工作任务", "牵头单位", "进展情况"])
    found = parse_report_bytes(data, source_name="known.txt")
    report = parse_report_bytes(data, source_name="known.txt", known_layouts={found.header_signature: ["seq", "content", "co", "progress"]})
    assert [ref.role.value for ref in report.tasks[0].departments] == ["co"]


def test_unknown_role_name_and_wrong_count_are_refused():
    data = flat(["序号", "工作任务", "牵头单位", "进展情况"])
    with pytest.raises(ParseError) as unknown:
        parse_report_bytes(data, columns=["seq", "content", "boss", "progress"])
    assert unknown.value.code == errors.BAD_COLUMNS and "boss" in str(unknown.value)
    with pytest.raises(ParseError) as count:
        parse_report_bytes(data, columns=["seq", "content", "lead"])
    assert count.value.code == errors.BAD_COLUMNS


def test_every_documented_role_name_is_accepted():
    assert {"seq", "theme", "content", "lead", "responsible", "co", "leader", "progress", "completion", "target",
            "actual", "note", "ignore"} <= set(ROLE_NAMES)


def test_signature_ignores_the_period_in_labels_and_spaces():
    assert header_signature(["序号", "任务", "截至6月底完成情况"]) == header_signature(["序 号", "任务", "截至9月底完成情况"])
    assert header_signature(["序号", "任务", "进展"]) != header_signature(["序号", "任务", "进展", "备注"])


def test_signature_is_in_the_json_contract():
    report = parse_report_bytes(flat(["序号", "工作任务", "牵头单位", "进展情况"]))
    document = report.to_json()["report"]
    assert document["header_signature"] == report.header_signature and len(report.header_signature) == 64
    assert document["tables"][0]["layout"] == "seq|content|lead|progress"


def test_pasted_text_takes_the_same_steering():
    text = flat(UNKNOWN).decode("utf-8")
    line = text.split("\n").index("次序") + 1
    report = parse_report_text(text, header_line=line, columns=["seq", "content", "lead", "progress"])
    assert len(report.tasks) == 2


def test_pipe_rows_give_their_cells_as_candidates_and_take_a_header_line():
    lines = [TITLE, " | ".join(UNKNOWN), *[" | ".join(row) for row in ROWS]]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with pytest.raises(ParseError) as raised:
        parse_report_bytes(data, source_name="pipes.txt")
    assert (2, UNKNOWN) in raised.value.candidates
    report = parse_report_bytes(data, header_line=2, columns=["seq", "content", "lead", "progress"])
    assert [t.department_names for t in report.tasks] == [["镇文化站"], ["镇市场监管所"]]


def test_excel_rows_give_their_cells_as_candidates_and_take_a_header_line():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append([TITLE])
    sheet.append(UNKNOWN)
    for row in ROWS:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(ParseError) as raised:
        parse_report_bytes(buffer.getvalue(), source_name="unknown.xlsx")
    assert (2, UNKNOWN) in raised.value.candidates
    report = parse_report_bytes(buffer.getvalue(), header_line=2, columns=["seq", "content", "lead", "progress"])
    assert [t.progress for t in report.tasks] == ["已建成7家。", "已完工4个。"]
    assert report.count(Severity.ERROR) == 0


def test_a_confirmed_excel_layout_is_read_again_with_no_help():
    def workbook_bytes(title: str) -> bytes:
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append([title])
        sheet.append(UNKNOWN)
        for row in ROWS:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    first = parse_report_bytes(workbook_bytes(TITLE), header_line=2, columns=["seq", "content", "lead", "progress"])
    report = parse_report_bytes(
        workbook_bytes("2023年四季度镇重点工作推进情况"), known_layouts={first.header_signature: first.layout.split("|")}
    )
    assert [t.department_names for t in report.tasks] == [["镇文化站"], ["镇市场监管所"]]
