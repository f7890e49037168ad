"""Builds the XLSX and DOCX files of the dev2 set: `python tests/data/reader_corpus/dev2/build.py`.

Like `../build.py` (whose helpers it reuses: fixed document dates, fixed ZIP entry times, so rebuilding gives
byte-identical files), the tables are invented and written here cell by cell; SOURCES.md (section "dev2") lists
the published layouts each one imitates. Each file's NAME.expected.json was written by hand next to it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from build import (  # noqa: E402  (the first corpus's deterministic helpers)
    add_title,
    fill_table,
    merge_down,
    new_document,
    new_workbook,
    normalise_package,
    put_rows,
)


def save_workbook(wb, name: str) -> None:
    path = HERE / name
    wb.save(path)
    normalise_package(path)


def save_document(document, name: str) -> None:
    path = HERE / name
    document.save(path)
    normalise_package(path)


def repeat_as_header(row) -> None:
    """Word's "repeat as header row at the top of each page" (w:tblHeader) on a table row."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def merge_across(table, row: int) -> None:
    """Merge a whole row into one cell (a group row spanning the table)."""
    table.cell(row, 0).merge(table.cell(row, len(table.columns) - 1))


def bold_row(table, row: int) -> None:
    for cell in table.rows[row].cells:
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.bold = True


def shade(cell, fill: str = "D9D9D9") -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


# --- XLSX ----------------------------------------------------------------------------------------

def xlsx_cover_sheet_spacer_columns() -> None:
    """A cover sheet first (the active sheet), then the table sheet: blank column A, a blank spacer column."""
    wb = new_workbook()
    cover = wb.active
    cover.title = "封面"
    cover["A3"] = "金水县2023年政府工作报告重点任务推进情况"
    cover.merge_cells("A3:H3")
    cover["A3"].font = Font(bold=True, size=22)
    cover["A3"].alignment = Alignment(horizontal="center")
    cover["A6"] = "报送单位：金水县人民政府督查室"
    cover["A7"] = "报送日期：2023年10月12日"
    ws = wb.create_sheet("推进情况")
    ws["B1"] = "金水县2023年政府工作报告重点任务推进情况"
    ws.merge_cells("B1:J1")
    ws["B1"].font = Font(bold=True, size=16)
    ws["B1"].alignment = Alignment(horizontal="center")
    ws["B2"] = "（截至2023年9月30日）"
    ws.merge_cells("B2:J2")
    ws["B2"].alignment = Alignment(horizontal="center")
    # column A stays empty (a margin), column D is an empty spacer column between 重点任务 and 责任领导
    header = [None, "序号", "重点任务", None, "责任领导", "牵头单位", "配合单位", "完成时限", "截至9月底进展情况", "备注"]
    rows = [
        [None, 1, "全县规上工业增加值增长8%。", None, "赵明", "县工信局", "县统计局", "2023年12月",
         "1-9月规上工业增加值同比增长8.4%。", None],
        [None, 2, "新签约亿元以上招商项目30个。", None, "赵明\n钱芳", "县招商服务中心", "各乡镇、县经开区管委会", "2023年12月",
         "已签约亿元以上项目27个，协议投资126亿元。", None],
        [None, 3, "建成县城第二污水处理厂。", None, "钱芳", "县住建局", "县城投公司", "2023年9月",
         "已建成并通水试运行，日处理能力3万吨。", "已完成"],
        [None, 4, "新增高标准农田3万亩。", None, "孙雷", "县农业农村局", "县财政局、各乡镇", "2023年11月",
         "已完工2.4万亩，其余0.6万亩正在进行田间工程。", None],
        [None, 5, "完成县中医院迁建主体工程。", None, "钱芳", "县卫健局", "县发改局", "2023年12月",
         "主体结构已封顶，正在进行二次结构施工。", None],
        [None, 6, "开展职业技能培训6000人次。", None, "孙雷", "县人社局", "县教育局、县总工会", "2023年12月",
         "累计开展职业技能培训5120人次。", None],
        [None, 7, "新建村级养老服务站15个。", None, "孙雷", "县民政局", "有关乡镇", "2023年9月",
         "15个养老服务站已全部建成运营。", "已完成"],
        [None, 8, "创建省级文明城市。", None, "赵明\n钱芳\n孙雷", "县文明办", "县直各部门", "2023年12月",
         "已迎接省级实地测评，成绩待公布。", None],
    ]
    put_rows(ws, 3, [header] + rows)
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEFGHIJ", (2, 6, 34, 2, 10, 16, 22, 12, 40, 10)):
        ws.column_dimensions[column].width = width
    wb.active = 0  # the workbook opens on its cover
    save_workbook(wb, "xlsx_cover_sheet_spacer_columns.xlsx")


def xlsx_two_data_sheets() -> None:
    """Two tables of one report on two sheets, then an empty sheet; number formats change what is displayed."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "主要指标"
    ws["A1"] = "松原县2024年上半年政府工作报告主要指标完成情况"
    ws.merge_cells("A1:G1")
    ws["A1"].font = Font(bold=True, size=14)
    header = ["序号", "指标名称", "单位", "年度目标", "1-6月完成", "完成率", "责任单位"]
    rows = [
        [1, "地区生产总值", "亿元", 268, 131.6, 0.491, "县发改局"],
        [2, "一般公共预算收入", "亿元", 15.6, 8.42, 0.54, "县财政局、县税务局"],
        [3, "城镇新增就业", "人", 12000, 6275, 0.523, "县人社局"],
        [4, "粮食播种面积", "万亩", 86.5, 86.5, 1.0, "县农业农村局"],
        [5, "城镇居民人均可支配收入增长", "%", 6, 5.8, "/", "县统计局"],
    ]
    put_rows(ws, 2, [header] + rows)
    ws["D4"].number_format = "0.00"  # 15.6 is displayed 15.60
    ws["E4"].number_format = "0.00"
    ws["D5"].number_format = "#,##0"  # 12000 is displayed 12,000
    ws["E5"].number_format = "#,##0"
    for row in range(3, 7):
        ws.cell(row=row, column=6).number_format = "0.0%"
    ws2 = wb.create_sheet("重点任务")
    ws2["A1"] = "松原县2024年上半年政府工作报告重点任务推进情况"
    ws2.merge_cells("A1:E1")
    ws2["A1"].font = Font(bold=True, size=14)
    put_rows(ws2, 2, [
        ["序号", "重点任务", "牵头单位", "配合单位", "进展情况"],
        [1, "新开工亿元以上项目20个。", "县发改局", "各乡镇", "已开工亿元以上项目12个，总投资43.6亿元。"],
        [2, "建成县城东环路。", "县交通运输局", "县自然资源局", "路基工程完成80%，桥梁下部结构完工。"],
        [3, "新增公办幼儿园学位600个。", "县教育局", "县住建局", "2所新建幼儿园主体完工，预计秋季开学新增学位630个。"],
        [4, "完成农村改厕1500户。", "县农业农村局", "县卫健局、各乡镇", "已完成改厕980户。"],
        [5, "创建国家卫生县城。", "县爱卫办", "县直各单位", "已完成市级初审，省级暗访评估预计8月进行。"],
    ])
    wb.create_sheet("Sheet3")
    save_workbook(wb, "xlsx_two_data_sheets.xlsx")


def xlsx_merged_subrow_progress() -> None:
    """A task's 序号, text and units merged down over several rows, one progress line per row."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "推进情况"
    ws["A1"] = "碧溪区2023年政府工作报告重点工作推进情况（1-11月）"
    ws.merge_cells("A1:E1")
    ws["A1"].font = Font(bold=True, size=14)
    put_rows(ws, 2, [
        ["序号", "重点工作", "牵头单位", "配合单位", "推进情况"],
        [1, "推进城市更新，完成棚户区改造征收2000户，交付安置房3000套。", "区住建局", "区征收中心、各街道",
         "1.城东片区6个安置小区已交付使用。"],
        [None, None, None, None, "2.城西片区安置房主体结构封顶。"],
        [None, None, None, None, "3.累计完成征收签约2130户。"],
        [2, "新增规上工业企业30家。", "区工信局", "区统计局", "新增入库规上工业企业26家，另有5家12月可入库。"],
        [3, "建成区级智慧城市运行管理中心。", "区大数据局", "区城管局、区公安分局", "1.运行管理中心大楼装修完工。"],
        [None, None, None, None, "2.城市运行平台接入部门数据28类，试运行中。"],
        [4, "城镇新增就业8000人。", "区人社局", "各街道", "1-11月城镇新增就业7860人。"],
        [5, "完成河湖生态治理5处。", "区水利局", "区生态环境分局、有关街道", "1.青龙河、白鹭湖治理工程已完工。"],
        [None, None, None, None, "2.东沟河治理完成80%。"],
        [None, None, None, None, "3.南湖、北塘治理完成设计招标。"],
        [6, "新建改建公厕20座。", "区城管局", "各街道", "已建成改建公厕20座。"],
    ])
    for first, last in ((3, 5), (7, 8), (10, 12)):
        for column in "ABCD":
            ws.merge_cells(f"{column}{first}:{column}{last}")
    for column, width in zip("ABCDE", (6, 40, 14, 24, 44)):
        ws.column_dimensions[column].width = width
    save_workbook(wb, "xlsx_merged_subrow_progress.xlsx")


# --- DOCX ----------------------------------------------------------------------------------------

def docx_repeated_header_in_table() -> None:
    """One long Word table: a two-row header marked to repeat on every page, and typed again mid-table."""
    document = new_document()
    add_title(document, "清河市2024年政府工作报告重点任务推进情况（第三季度）")
    header = [
        ["序号", "重点任务", "责任单位", None, "截至9月底进展情况"],
        [None, None, "牵头单位", "配合单位", None],
    ]
    body = [
        "一、扩大有效需求",
        ["1", "全年完成固定资产投资1200亿元。", "市发改委", "各区县政府", "1-9月完成固定资产投资928.4亿元，完成年度目标的77.4%。"],
        ["2", "社会消费品零售总额增长7%。", "市商务局", "市统计局", "前三季度社会消费品零售总额同比增长6.8%。"],
        ["3", "新增市场主体3万户。", "市市场监管局", "各区县政府", "1-9月新增市场主体2.47万户。"],
        ["4", "实际使用外资3亿美元。", "市商务局", "市投促中心", "1-9月实际使用外资2.31亿美元。"],
        "二、建设宜居城市",
        ["5", "改造城镇老旧小区150个。", "市住建局", "各区县政府", "150个小区已全部开工，完工96个。"],
        ["6", "新建城市绿道80公里。", "市园林局", "市自然资源局", "已建成绿道63公里。"],
        "HEADER",  # the author pasted the next page's rows under a copy of the header
        ["7", "完成城市内涝治理点位整治45处。", "市水务局", "市城管局、各区县政府", "已完成整治38处，其余7处正在施工。"],
        "三、办好民生实事",
        ["8", "新增养老床位2000张。", "市民政局", "各区县政府", "新增养老床位1640张。"],
        ["9", "新建改扩建中小学12所。", "市教育局", "市住建局、市自然资源局", "12所学校中已建成投用9所，3所完成主体施工。"],
    ]
    rows: list[list] = [header[0], header[1]]
    header_starts = [0]
    group_rows = []
    for item in body:
        if item == "HEADER":
            header_starts.append(len(rows))
            rows += [header[0], header[1]]
        elif isinstance(item, str):
            group_rows.append(len(rows))
            rows.append([item, None, None, None, None])
        else:
            rows.append(item)
    table = document.add_table(rows=len(rows), cols=5)
    table.style = "Table Grid"
    fill_table(table, rows, header_rows=0)
    for start in header_starts:
        for c in range(5):
            for paragraph in table.cell(start, c).paragraphs + table.cell(start + 1, c).paragraphs:
                for run in paragraph.runs:
                    run.bold = True
        merge_down(table, 0, start, start + 1)
        merge_down(table, 1, start, start + 1)
        merge_down(table, 4, start, start + 1)
        table.cell(start, 2).merge(table.cell(start, 3))
    repeat_as_header(table.rows[0])
    repeat_as_header(table.rows[1])
    for r in group_rows:
        merge_across(table, r)
        bold_row(table, r)
    document.add_paragraph("注：进展情况由各牵头单位报送，市政府督查室汇总。")
    save_document(document, "docx_repeated_header_in_table.docx")


def docx_tick_status_columns() -> None:
    """完成情况 spans three sub-columns (已完成 | 推进中 | 未启动); a √ marks the status of each row."""
    document = new_document()
    add_title(document, "白鹭镇2024年政府工作报告重点工作全年完成情况")
    document.add_paragraph("填报单位：白鹭镇党政办　　　　填报日期：2025年1月8日")
    tick = "√"
    rows = [
        ["序号", "工作任务", "牵头单位", "完成情况", None, None, "进展说明"],
        [None, None, None, "已完成", "推进中", "未启动", None],
        ["1", "完成镇区主街道提升改造1.5公里。", "村镇建设办", tick, "", "", "主街道提升改造1.5公里全部完工。"],
        ["2", "新增规上企业2家。", "经济发展办", "", tick, "", "新增规上企业1家，另1家已达标待审核。"],
        ["3", "建设农村生活污水处理终端8个。", "村镇建设办", tick, "", "", "8个处理终端均已建成运行。"],
        ["4", "创建市级美丽乡村示范村2个。", "农业农村办", "", tick, "", "1个村已通过市级验收，1个村完成整改待复验。"],
        ["5", "建设镇级数字化治理平台。", "综合信息指挥室", "", "", tick, "因上级平台统一建设，暂未启动。"],
        ["6", "完成农村土地承包经营权确权颁证扫尾。", "农业农村办", tick, "", "", "已全部完成颁证。"],
        ["7", "新建居家养老服务站3个。", "社会事务办、各村", tick, "", "", "3个服务站已建成运营。"],
        ["8", "开展安全生产隐患排查整治。", "应急管理站", "", tick, "", "累计排查企业和场所326家次，整改隐患214处，整治工作常态化推进。"],
    ]
    table = document.add_table(rows=len(rows), cols=7)
    table.style = "Table Grid"
    fill_table(table, rows, header_rows=2)
    for column in (0, 1, 2, 6):
        merge_down(table, column, 0, 1)
    table.cell(0, 3).merge(table.cell(0, 5))
    for r in range(2, len(rows)):
        for c in (3, 4, 5):
            table.cell(r, c).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("说明：在对应完成情况栏内打“√”。")
    save_document(document, "docx_tick_status_columns.docx")


def docx_paren_seq_group_rows() -> None:
    """Group rows 一、二、三、 merged across; 序号 （1）（2） restarting in every group."""
    document = new_document()
    document.add_paragraph("附件1")
    add_title(document, "2022年长岭区政府工作报告目标任务完成情况（截至12月底）")
    rows = [
        ["序号", "目标任务", "分管领导", "牵头单位", "责任单位", "进展情况"],
        "一、稳增长促发展",
        ["（1）", "地区生产总值增长6.5%。", "吴刚", "区发改局", "区统计局、各街道",
         ["全年地区生产总值预计增长4.8%。", "受疫情等因素影响，未完成年度目标。"]],
        ["（2）", "固定资产投资增长12%。", "吴刚", "区发改局", "区住建局、区自然资源分局", "全年固定资产投资预计增长12.6%。"],
        ["（3）", "新增规上工业企业20家。", "吴刚、陈霞", "区工信局", "区统计局", "新增入库规上工业企业22家。"],
        "二、抓改革优环境",
        ["（1）", "企业开办时间压缩至1个工作日内。", "陈霞", "区行政审批局", "区市场监管局、区税务局", "已实现企业开办0.5个工作日办结。"],
        ["（2）", "完成区属国有企业整合重组。", "陈霞", "区国资中心", "区财政局",
         ["组建区城发集团、区产投集团。", "原12家区属企业全部完成划转。"]],
        ["（3）", "新增上市企业1家。", "吴刚", "区金融办", "区工信局", "1家企业已向交易所提交上市申请，年内未实现上市。"],
        "三、惠民生增福祉",
        ["（1）", "新建公办幼儿园3所。", "林芳", "区教育局", "区住建局", "3所幼儿园均已竣工并开园。"],
        ["（2）", "建成区社会福利中心。", "林芳", "区民政局", "区发改局、区财政局", "已建成并投入试运营，入住老人86人。"],
    ]
    group_rows = [i for i, row in enumerate(rows) if isinstance(row, str)]
    grid = [[row] + [None] * 5 if isinstance(row, str) else row for row in rows]
    table = document.add_table(rows=len(grid), cols=6)
    table.style = "Table Grid"
    fill_table(table, grid)
    for r in group_rows:
        merge_across(table, r)
        bold_row(table, r)
        shade(table.cell(r, 0))
    save_document(document, "docx_paren_seq_group_rows.docx")


BUILDERS = [
    xlsx_cover_sheet_spacer_columns,
    xlsx_two_data_sheets,
    xlsx_merged_subrow_progress,
    docx_repeated_header_in_table,
    docx_tick_status_columns,
    docx_paren_seq_group_rows,
]


def main() -> int:
    for build in BUILDERS:
        build()
        print(build.__name__)
    return 0


if __name__ == "__main__":
    sys.exit(main())
