"""A task whose 序号, text and unit cells are merged down over several rows, with one progress line per row, is one
task: its progress is those lines, in order (Excel, Word and web pages lay the merged cells out)."""

from tracker.parsing import Severity, parse_report_bytes
from tracker.parsing import errors

TITLE = "<h1>碧溪区2023年重点工作推进情况（1-11月）</h1>"


def parse_html(rows: str):
    page = f"<html><body>{TITLE}<table>{rows}</table></body></html>"
    return parse_report_bytes(page.encode("utf-8"), source_name="made-up.html")


HEADER = "<tr><td>序号</td><td>重点工作</td><td>牵头单位</td><td>推进情况</td></tr>"


def test_a_task_merged_over_sub_rows_is_one_task_with_their_progress_lines():
    report = parse_html(
        HEADER
        + '<tr><td rowspan="3">1</td><td rowspan="3">完成棚户区改造征收2000户。</td><td rowspan="3">区住建局</td>'
        + "<td>1.城东片区已交付。</td></tr>"
        + "<tr><td>2.城西片区主体封顶。</td></tr><tr><td>3.累计签约2130户。</td></tr>"
        + "<tr><td>2</td><td>新增规上工业企业30家。</td><td>区工信局</td><td>新增26家。</td></tr>"
    )
    assert [t.content for t in report.tasks] == ["完成棚户区改造征收2000户。", "新增规上工业企业30家。"]
    assert report.tasks[0].progress == "1.城东片区已交付。\n2.城西片区主体封顶。\n3.累计签约2130户。"
    assert [t.department_names for t in report.tasks] == [["区住建局"], ["区工信局"]]
    assert errors.SEQ_GAP not in [d.code for d in report.diagnostics]
    assert report.count(Severity.ERROR) == 0


def test_rows_with_their_own_seq_under_a_shared_cell_stay_tasks():
    report = parse_html(
        HEADER
        + '<tr><td>1</td><td rowspan="2">完成棚户区改造。</td><td>区住建局</td><td>已交付。</td></tr>'
        + "<tr><td>2</td><td>区征收中心</td><td>已签约。</td></tr>"
    )
    assert len(report.tasks) == 2
    assert [t.progress for t in report.tasks] == ["已交付。", "已签约。"]
