"""Two-row headers whose sub-labels say more than their parent: 责任单位 over 牵头单位 | 配合单位, 完成情况 over
ticked 已完成 | 推进中 | 未启动; and such a header typed again in the middle of the table."""

from tracker.parsing import DepartmentRole, Severity, parse_report_bytes
from tracker.parsing import errors

TITLE = "<h1>2024年镇政府重点工作全年完成情况</h1>"


def parse_html(rows: str):
    page = f"<html><body>{TITLE}<table>{rows}</table></body></html>"
    return parse_report_bytes(page.encode("utf-8"), source_name="made-up.html")


def codes(report, severity=None):
    return [d.code for d in report.diagnostics if severity is None or d.severity is severity]


TICK_HEADER = (
    '<tr><td rowspan="2">序号</td><td rowspan="2">工作任务</td><td rowspan="2">牵头单位</td>'
    '<td colspan="3">完成情况</td><td rowspan="2">进展说明</td></tr>'
    "<tr><td>已完成</td><td>推进中</td><td>未启动</td></tr>"
)


def test_a_tick_under_status_sub_columns_gives_the_ticked_label_as_completion_not_progress():
    report = parse_html(
        TICK_HEADER
        + "<tr><td>1</td><td>改造主街道1.5公里。</td><td>村镇建设办</td><td>√</td><td></td><td></td><td>已全部完工。</td></tr>"
        + "<tr><td>2</td><td>新增规上企业2家。</td><td>经济发展办</td><td></td><td>√</td><td></td><td>新增1家。</td></tr>"
        + "<tr><td>3</td><td>建设数字治理平台。</td><td>综合信息指挥室</td><td></td><td></td><td>√</td><td>暂未启动。</td></tr>"
    )
    assert [t.completion_text for t in report.tasks] == ["已完成", "推进中", "未启动"]
    assert [t.progress for t in report.tasks] == ["已全部完工。", "新增1家。", "暂未启动。"]  # 进展说明 is the progress
    assert report.layout == "seq|content|lead|completion|progress"
    assert report.columns[3] == "完成情况"
    assert errors.TICK_COLUMNS_READ in codes(report, Severity.INFO)
    assert report.count(Severity.ERROR) == 0


def test_sub_columns_with_text_are_not_read_as_ticks():
    report = parse_html(
        '<tr><td rowspan="2">序号</td><td rowspan="2">工作任务</td><td rowspan="2">牵头单位</td>'
        '<td colspan="2">本月进展情况</td></tr><tr><td>前期手续</td><td>在建形象进度</td></tr>'
        "<tr><td>1</td><td>建设体育馆。</td><td>县文旅局</td><td>已取得施工许可。</td><td>主体封顶。</td></tr>"
    )
    assert report.tasks[0].progress == "已取得施工许可。\n主体封顶。"
    assert errors.TICK_COLUMNS_READ not in codes(report)


UNITS_HEADER = (
    '<tr><td rowspan="2">序号</td><td rowspan="2">重点任务</td><td colspan="2">责任单位</td>'
    '<td rowspan="2">进展情况</td></tr><tr><td>牵头单位</td><td>配合单位</td></tr>'
)


def test_lead_and_co_sub_labels_under_a_responsible_parent_keep_their_own_roles():
    report = parse_html(
        UNITS_HEADER
        + "<tr><td>1</td><td>社会消费品零售总额增长7%。</td><td>市商务局</td><td>市统计局</td><td>增长6.8%。</td></tr>"
    )
    assert [(d.name, d.role) for d in report.tasks[0].departments] == [
        ("市商务局", DepartmentRole.LEAD), ("市统计局", DepartmentRole.CO),
    ]
    assert report.layout == "seq|content|lead|co|progress"


def test_a_two_row_header_typed_again_mid_table_is_skipped_and_the_group_goes_on():
    report = parse_html(
        UNITS_HEADER
        + '<tr><td colspan="5">二、建设宜居城市</td></tr>'
        + "<tr><td>5</td><td>改造老旧小区150个。</td><td>市住建局</td><td>各区县政府</td><td>已开工150个。</td></tr>"
        + UNITS_HEADER
        + "<tr><td>6</td><td>整治内涝点45处。</td><td>市水务局</td><td>市城管局</td><td>已整治38处。</td></tr>"
    )
    assert [t.content for t in report.tasks] == ["改造老旧小区150个。", "整治内涝点45处。"]
    assert [t.theme for t in report.tasks] == ["建设宜居城市", "建设宜居城市"]
    assert len(report.tables) == 1
    assert errors.HEADER_REPEATED in codes(report, Severity.INFO)


def test_a_status_sub_column_nobody_ticked_is_still_one_of_the_status_columns():
    report = parse_html(
        TICK_HEADER
        + "<tr><td>1</td><td>改造主街道1.5公里。</td><td>村镇建设办</td><td>√</td><td></td><td></td><td>已全部完工。</td></tr>"
        + "<tr><td>2</td><td>新增规上企业2家。</td><td>经济发展办</td><td></td><td>√</td><td></td><td>新增1家。</td></tr>"
    )
    assert [t.completion_text for t in report.tasks] == ["已完成", "推进中"]
    assert [t.progress for t in report.tasks] == ["已全部完工。", "新增1家。"]


def test_ticks_beside_an_empty_note_column_leave_the_note_column_alone():
    report = parse_html(
        "<tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>已完成</td><td>推进中</td><td>备注</td></tr>"
        + "<tr><td>1</td><td>改造主街道1.5公里。</td><td>村镇建设办</td><td>√</td><td></td><td></td></tr>"
        + "<tr><td>2</td><td>新增规上企业2家。</td><td>经济发展办</td><td></td><td>√</td><td></td></tr>"
    )
    assert [t.completion_text for t in report.tasks] == ["已完成", "推进中"]
    assert report.layout == "seq|content|lead|completion|note"
