"""Property tests: the parser never crashes and its diagnostics always point at real lines.

Hypothesis generates tables in the shapes districts publish (header synonyms,
split labels, merged theme cells, broken department names, pipes, CRLF) and then
mutates them (lines dropped, repeated, cut, shuffled). Whatever comes in, the
parser either reads it or raises ParseError; nothing else.
"""

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tracker.parsing import ParseError, parse_report_bytes
from tracker.parsing.columns import HEADER_SYNONYMS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SAMPLE_LINES = [
    (FIXTURES / name).read_text(encoding="utf-8").split("\n") for name in ("2022q3_gongshu.txt", "2020q3_gongshu.txt")
]

LABELS = sorted(HEADER_SYNONYMS)
THEMES = ["主要经济指标", "(二)", "支持实体企业发展", "(十一)提高城市承载能力", "高标准完成亚运任务"]
CONTENTS = ["新增停车泊位3500个。", "建设生态绿道10公里、山水连廊2条", "地区生产总值增长7%", "推进“僵尸企业”处置"]
DEPARTMENTS = ["区住建局", "区综合行政", "执法局", "生态环境", "拱墅分局", "区发改经信局、各街道", "区委统战部（区民宗局）", "张三"]
PROGRESS = ["已完成。", "正常推进", "停车泊位已新增11494个", "1-8月完成有效投资468亿元,同比增长6.4%。", "75%", "/"]
NOISE = ["", "\u00a0", "规划计划", "1", "12", "(三)", "序号", "<b>加粗</b>", "\ufeff"]

cell_text = st.one_of(
    st.sampled_from(THEMES + CONTENTS + DEPARTMENTS + PROGRESS + NOISE),
    st.text(min_size=0, max_size=30),
)


@st.composite
def generated_tables(draw) -> str:
    header = draw(st.lists(st.sampled_from(LABELS), min_size=0, max_size=7))
    if header and draw(st.booleans()):  # a label split over two paragraphs, "项目" / "名称"
        index = draw(st.integers(0, len(header) - 1))
        label = header[index]
        cut = draw(st.integers(0, len(label)))
        header[index : index + 1] = [label[:cut], label[cut:]]
    rows = draw(st.lists(st.lists(cell_text, min_size=1, max_size=8), min_size=0, max_size=12))
    title = draw(st.sampled_from(["2022年三季度《政府工作报告》主要目标任务完成情况", "2021年1-8月进展情况", "", "政府工作报告"]))
    if draw(st.booleans()):
        lines = [title, " | ".join(header)] + [" | ".join(row) for row in rows]
        separator = "\n"
    else:
        lines = [title] + header + [cell for row in rows for cell in row]
        separator = draw(st.sampled_from(["\n\n", "\r\n\r\n", "\n", "\r"]))
    return separator.join(lines)


@st.composite
def mutated_samples(draw) -> str:
    lines = list(draw(st.sampled_from(SAMPLE_LINES)))
    # Keep the mutated files short so 2,000 cases stay fast: a window of the sample.
    start = draw(st.integers(0, len(lines) - 1))
    lines = lines[: 12] + lines[start : start + draw(st.integers(0, 120))]
    for _ in range(draw(st.integers(0, 8))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(["drop", "repeat", "cut", "replace"]))
        if operation == "drop":
            del lines[index]
        elif operation == "repeat":
            lines.insert(index, lines[draw(st.integers(0, len(lines) - 1))])
        elif operation == "cut":
            lines[index] = lines[index][: draw(st.integers(0, len(lines[index])))]
        else:
            lines[index] = draw(cell_text)
    return "\n".join(lines)


# Shapes the reader learnt later (a Markdown table, text copied from a sheet with merged cells left blank and one
# progress line per sub-row, text copied from a PDF wrapped at the column width, ticks under status columns).
SHAPES = [
    "# 东陵区2023年重点任务1-10月推进情况\n\n| 序号 | 工作任务 | 牵头单位 | 协办单位 | 进展情况 |\n|:---:|:---|:---|:---|:---|\n"
    "| **一、产业升级** |  |  |  |  |\n| 1 | 新增**小巨人**企业2家。 | 区工信局 | 区发改局<br>区科技局 | 已认定1家。<br>另有2家公示。 |\n"
    "| 2 | 实施技改项目60个。 | 区工信局 | 各街道 | 已实施52个。 |\n\n*注：本表由区督查室汇总。*",
    "2023年区级部门重点任务第三季度落实情况\r\n责任单位\t序号\t重点任务\t一季度进展\t二季度进展\r\n"
    "区发展和改革局\t1\t地区生产总值增长6%。\t增长5.9%。\t增长6.3%。\r\n\t2\t新开工项目30个。\t开工9个。\t开工26个。\r\n"
    "\t\t\t\t其余4个办理许可。\r\n区教育局\t1-1\t新增学位3150个。\t\t新增3240个。\r\n",
    "附件2\n云岭县2023年重点工作任务前三季度推进情况\n序号\n重点工作任务\n牵头\n单位\n配合\n单位\n进展情况\n1\n全县地区生产总值增长6.5%左\n"
    "右，力争实现7%。\n县发改局\n县统计局、各乡\n镇\n前三季度实现地区生产总值152.\n36亿元，同比增长5.9%。\n— 1 —\n2\n"
    "完成固定资产投资86亿元，其中\n产业投资占比45%以上。\n县住房和城乡\n建设局\n县水利局\n1-9月完成投资63.8亿元，\n完成年度目标的74.2%。\n— 2 —",
    "白鹭镇2024年重点工作全年完成情况\n序号 | 工作任务 | 牵头单位 | 已完成 | 推进中 | 未启动 | 进展说明\n"
    "1 | 改造主街道1.5公里。 | 村镇建设办 | √ |  |  | 已全部完工。\n2 | 新增规上企业2家。 | 经济发展办 |  | √ |  | 新增1家。\n"
    "3 | 建设数字平台。 | 综合指挥室 |  |  | √ | 暂未启动。",
]


@st.composite
def mutated_shapes(draw) -> str:
    lines = draw(st.sampled_from(SHAPES)).split("\n")
    for _ in range(draw(st.integers(0, 6))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(["drop", "repeat", "cut", "replace"]))
        if operation == "drop":
            del lines[index]
        elif operation == "repeat":
            lines.insert(index, lines[draw(st.integers(0, len(lines) - 1))])
        elif operation == "cut":
            lines[index] = lines[index][: draw(st.integers(0, len(lines[index])))]
        else:
            lines[index] = draw(st.one_of(cell_text, st.sampled_from(["√", "|---|---|", "— 3 —", "1 | 稳住经济基本盘", "注：说明"])))
    return "\n".join(lines)


def assert_reads_or_refuses(text: str, encoding: str = "utf-8") -> None:
    data = text.encode(encoding, errors="replace")
    line_count = len(data.decode(encoding, errors="replace").replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    try:
        report = parse_report_bytes(data, source_name="fuzz.txt")
    except ParseError as err:
        assert "\n" not in str(err)
        return
    for diagnostic in report.diagnostics:
        assert diagnostic.line is None or 1 <= diagnostic.line <= line_count, diagnostic
    assert [task.seq for task in report.tasks] == list(range(1, len(report.tasks) + 1))
    for task in report.tasks:
        assert 1 <= task.first_line <= task.last_line <= line_count
        assert task.content


# How many examples: the Hypothesis profile's (tests/conftest.py: 100 locally, 1,000 in CI).
FUZZ_SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)


@FUZZ_SETTINGS
@given(generated_tables(), st.sampled_from(["utf-8", "gb18030"]))
# A pipe row missing its last cells, filled from the row above: the task's lines run from the row above.
@example(
    "2022年三季度《政府工作报告》主要目标任务完成情况\n | 主要任务 | 主要任务 | 主体责任单位 | NO.\n主要经济指标\n"
    "主要经济指标 | 主要经济指标 | 主要经济指标\n主要经济指标 | 主要经济指标 | \ufeff",
    "utf-8",
)
def test_generated_tables_are_read_or_refused_never_crash(text, encoding):
    assert_reads_or_refuses(text, encoding)


@FUZZ_SETTINGS
@given(mutated_samples())
def test_mutated_samples_are_read_or_refused_never_crash(text):
    assert_reads_or_refuses(text)


@FUZZ_SETTINGS
@given(mutated_shapes())
def test_mutated_later_shapes_are_read_or_refused_never_crash(text):
    assert_reads_or_refuses(text)


@settings(deadline=None, database=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_are_read_or_refused_never_crash(data):
    try:
        parse_report_bytes(data, source_name="fuzz.bin")
    except ParseError as err:
        assert "\n" not in str(err)
