"""Progress split by period (一季度进展 | 二季度进展, each quarter's report adding a column): the progress is the
column of the period the report covers; the earlier columns are history, kept as notes."""

from tracker.parsing import Severity, parse_report_bytes
from tracker.parsing import errors


def parse_tabs(title: str, rows: list[list[str]]):
    text = title + "\r\n" + "\r\n".join("\t".join(row) for row in rows) + "\r\n"
    return parse_report_bytes(text.encode("utf-8"), source_name="made-up.txt")


def codes(report, severity=None):
    return [d.code for d in report.diagnostics if severity is None or d.severity is severity]


ROWS = [
    ["序号", "重点工作", "责任单位", "一季度进展", "二季度进展", "三季度进展"],
    ["1", "招引亿元以上项目25个。", "县商务局", "签约6个。", "累计签约13个。", ""],
    ["2", "建成污水处理厂三期。", "县住建局", "完成招标。", "主体完成60%。", ""],
]


def test_the_progress_is_the_column_of_the_period_the_report_covers():
    report = parse_tabs("平岗县2024年重点工作上半年推进情况", ROWS)
    assert [t.progress for t in report.tasks] == ["累计签约13个。", "主体完成60%。"]
    assert report.tasks[0].note == "一季度进展: 签约6个。"
    assert report.layout == "seq|content|responsible|other|progress|other"
    assert errors.PROGRESS_OF_PERIOD in codes(report, Severity.INFO)
    assert errors.HEADER_UNKNOWN_COLUMN not in codes(report)


def test_without_the_report_period_among_them_the_latest_column_is_the_progress():
    rows = [row[:5] for row in ROWS]
    report = parse_tabs("平岗县2024年重点工作推进情况", rows)
    assert [t.progress for t in report.tasks] == ["累计签约13个。", "主体完成60%。"]
    assert report.meta.period_end_month == 6  # the title names none: the latest period of the header


def test_progress_columns_that_name_no_period_are_still_joined():
    report = parse_tabs("平岗县2024年重点工作上半年推进情况", [
        ["序号", "重点工作", "责任单位", "累计进展情况", "本月进展情况"],
        ["1", "建成污水处理厂三期。", "县住建局", "主体完成60%。", "完成设备招标。"],
    ])
    assert report.tasks[0].progress == "主体完成60%。\n完成设备招标。"
    assert errors.PROGRESS_OF_PERIOD not in codes(report)
