"""Builds the XLSX and DOCX files of the reader corpus: `python tests/data/reader_corpus/build.py`.

The tables are invented (see SOURCES.md for the real layouts they imitate) and written here cell by cell, so
the binary files can be rebuilt and reviewed as text. The output is deterministic: document dates and the
timestamps inside the ZIP packages are fixed, so rebuilding gives byte-identical files. Each file goes to the
half (dev/ or test/) fixed by the split in README.md; its NAME.expected.json was written by hand next to it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
FIXED_TIME = dt.datetime(2024, 9, 17, 8, 0, 0)
FIXED_ZIP_TIME = (2024, 9, 17, 8, 0, 0)


# --- determinism ---------------------------------------------------------------------------------

def normalise_package(path: Path) -> None:
    """Rewrite a saved .xlsx/.docx with fixed entry timestamps and fixed core-property dates."""
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info.filename)) for info in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, data)
    path.write_bytes(buffer.getvalue())


def new_workbook() -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    wb.properties.creator = "进度看板 corpus"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    return wb


def new_document() -> docx.Document:
    document = docx.Document()
    props = document.core_properties
    props.author = "进度看板 corpus"
    props.last_modified_by = "进度看板 corpus"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.revision = 1
    return document


def save_workbook(wb: openpyxl.Workbook, half: str, name: str) -> None:
    path = HERE / half / name
    wb.save(path)
    normalise_package(path)


def save_document(document: docx.Document, half: str, name: str) -> None:
    path = HERE / half / name
    document.save(path)
    normalise_package(path)


# --- small writers -------------------------------------------------------------------------------

def put_rows(ws, first_row: int, rows: list[list]) -> None:
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, start=1):
            if value is not None:
                cell = ws.cell(row=first_row + offset, column=column, value=value)
                cell.alignment = Alignment(wrap_text=True, vertical="center")


def set_cell_paragraphs(cell, paragraphs: list[str], bold: bool = False) -> None:
    """Fill a Word cell with one paragraph per item (a header split over two lines is two paragraphs)."""
    cell.paragraphs[0].text = ""
    for index, text in enumerate(paragraphs):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        run = paragraph.add_run(text)
        run.bold = bold


def add_title(document, text: str, size: int = 16) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = True
    run.font.size = Pt(size)


def fill_table(table, rows: list[list], header_rows: int = 1) -> None:
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            paragraphs = value if isinstance(value, list) else [value]
            set_cell_paragraphs(table.cell(r, c), paragraphs, bold=r < header_rows)


def merge_down(table, column: int, first: int, last: int) -> None:
    """Merge a column's cells vertically; the text stays in the first cell only."""
    top = table.cell(first, column)
    top.merge(table.cell(last, column))


# --- dev half ------------------------------------------------------------------------------------

def xlsx_merged_theme_lead() -> None:
    wb = new_workbook()
    ws = wb.active
    ws.title = "推进情况"
    ws["A1"] = "附件"
    ws["A2"] = "2023年市政府工作报告重点工作任务推进情况（截至10月31日）"
    ws.merge_cells("A2:G2")
    ws["A2"].font = Font(bold=True, size=16)
    ws["A3"] = "填报单位：市政府督查室"
    ws["G3"] = "2023年11月6日"
    header = ["序号", "项目", "工作任务", "牵头单位", "配合单位", "当前进度", "备注"]
    rows = [
        [1, "产业发展", "实施技改项目200个，完成工业技改投资150亿元。", "市工信局", "各县（市、区）政府",
         "1-10月实施技改项目186个，完成工业技改投资132.4亿元，同比增长9.8%。", None],
        [2, None, "培育百亿级产业集群2个。", None, "市发改委",
         "新能源装备产业集群产值突破百亿元，生物医药产业集群预计年底达到96亿元。", None],
        [3, None, "新增规上工业企业120家。", "市统计局、市工信局", "各县（市、区）政府",
         "新增入库规上工业企业97家，另有38家企业纳入培育库。", None],
        [4, None, "全年招引亿元以上项目60个，其中制造业项目40个。", "市投资促进局", "各县（市、区）政府",
         "1-10月签约亿元以上项目71个，其中制造业项目45个；已开工项目38个。", None],
        [5, "城乡建设", "新开工保障性租赁住房6000套。", "市住建局", "市发改委、市自然资源局",
         "已开工保障性租赁住房5230套，其中基本建成1870套。", None],
        [6, None, "完成城市危旧房改造40万平方米。", None, "各区政府",
         "已完成危旧房改造31.6万平方米，完成率79%。", None],
        [7, None, "建成市域快速路12公里。", "市交通运输局", "市城投集团",
         "快速路一期已完成主线桥梁施工，预计12月底通车8.5公里。", None],
        [8, "社会事业", "新增三级医院2家。", "市卫健委", "各县（市、区）政府",
         "市中医院三级医院评审已通过省级现场评审，待正式发文；县人民医院完成创建自评。", "已延期至11月评审"],
        [9, None, "新增公办养老机构床位1200张。", "市民政局", "市发改委、各县（市、区）政府",
         "新增公办养老机构床位960张，占年度任务80%。", None],
    ]
    put_rows(ws, 4, [header] + rows)
    for rng in ("B5:B8", "D5:D6", "B9:B11", "D9:D10", "B12:B13"):
        ws.merge_cells(rng)
    ws["A14"] = "备注：当前进度为截至10月31日数据。"
    ws.merge_cells("A14:G14")
    for column, width in zip("ABCDEFG", (6, 10, 36, 14, 18, 44, 14)):
        ws.column_dimensions[column].width = width
    save_workbook(wb, "dev", "xlsx_merged_theme_lead.xlsx")


def xlsx_numeric_percent_format() -> None:
    wb = new_workbook()
    ws = wb.active
    ws.title = "1-7月"
    ws["A1"] = "2024年1-7月县政府工作报告重点任务完成情况"
    ws.merge_cells("A1:H1")
    ws["A1"].font = Font(bold=True, size=14)
    header = ["序号", "重点任务", "单位", "年度目标", "1-7月完成", "完成率", "责任单位", "进展情况"]
    rows = [
        [1, "新增城镇就业", "人", 3000, 2134, 0.7113, "县人社局", "1-7月新增城镇就业2134人，其中高校毕业生就业612人。"],
        [2, "粮食播种面积", "万亩", 45.6, 45.8, 1.0044, "县农业农村局",
         "夏粮、早稻已收获，秋粮播种面积已落实，全年粮食播种面积45.8万亩。"],
        [3, "农村公路建设", "公里", 120, 86.5, 0.7208, "县交通运输局、各乡镇", "已完成农村公路建设86.5公里，其中通组公路31公里。"],
        [4, "改造提升农贸市场", "个", 6, 3, 0.5, "县市场监管局", "3个农贸市场已完成改造并开业，3个正在施工。"],
        [5, "造林绿化", "亩", 8000, 8600, 1.075, "县林业局", "完成植树造林8600亩，超额完成年度任务。"],
        [6, "污水管网建设", "公里", 25, 11.2, 0.448, "县住建局、县水利局", "新建污水管网11.2公里，受汛期影响进度滞后。"],
        [7, "招商引资到位资金", "亿元", 80, 49.6, 0.62, "县商务局", "1-7月招商引资到位资金49.6亿元，新签约项目23个。"],
        [8, "新增市场主体", "户", 5000, 3412, 0.6824, "县市场监管局", "新增市场主体3412户。"],
    ]
    put_rows(ws, 2, [header] + rows)
    for row in range(3, 3 + len(rows)):
        ws.cell(row=row, column=6).number_format = "0.0%"
    save_workbook(wb, "dev", "xlsx_numeric_percent_format.xlsx")


def docx_department_lead_co_sections() -> None:
    document = new_document()
    document.add_paragraph("附件2")
    add_title(document, "区教育局2023年政府工作报告重点工作任务推进情况")
    document.add_paragraph("（截至6月底）").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("填报单位（盖章）：区教育局　　　　填报时间：2023年7月5日")
    rows = [
        ["序号", "承担的重点工作(牵头工作3项)", "配合单位", "截至6月底进展情况"],
        ["1", "新建改扩建中小学校4所，新增学位5400个。", "区住建局、区自然资源局",
         "4所学校中3所已开工，1所完成土地挂牌；预计秋季开学新增学位1350个。"],
        ["2", "普惠性幼儿园覆盖率达到92%以上。", "区财政局、各街道",
         "上半年新认定普惠性民办幼儿园6所，全区普惠性幼儿园覆盖率达到91.3%。"],
        ["3", "完成“智慧校园”建设30所。", "区大数据局", "已完成“智慧校园”建设验收18所，其余12所完成设备招标。"],
        ["序号", "重点工作任务(配合工作2项)", "牵头单位", "截至6月底进展情况"],
        ["1", "实施“一老一小”服务提升工程，新增托位800个。", "区卫健委",
         "配合完成幼儿园托班设置，上半年开设托班12个，新增托位246个。"],
        ["2", "开展青少年心理健康筛查全覆盖。", "区卫健委、团区委", "完成中小学生心理健康筛查4.2万人次，建立重点关注学生档案。"],
    ]
    table = document.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    fill_table(table, rows)
    for cell in table.rows[4].cells:  # the second section's header row is bold too
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.bold = True
    document.add_paragraph("联系人：周老师　联系电话：0571-8800000")
    save_document(document, "dev", "docx_department_lead_co_sections.docx")


def docx_table_split_pages() -> None:
    document = new_document()
    add_title(document, "鹤川县2024年政府工作报告重点工作推进情况（第三季度）")
    header = ["序号", "重点工作", "分管县领导", "牵头单位", "协同单位", "工作进展"]
    first = [
        ["1", "全年地区生产总值增长7%左右，力争达到7.5%。", "王立军", "县发改局", "县统计局",
         "前三季度全县地区生产总值同比增长6.6%，增速居全市第3位。"],
        ["2", "完成固定资产投资105亿元，其中工业投资40亿元。", "王立军", "县发改局", "县工信局、各乡镇",
         "1-9月完成固定资产投资78.6亿元，其中工业投资31.2亿元，分别完成年度目标的74.9%、78%。"],
        ["3", "新增“四上”企业50家。", "李红梅", "县统计局", "县工信局、县商务局、县住建局",
         "新增“四上”企业37家，另有19家企业已达标待入库。"],
        ["4", "建成投用县城第二水厂，日供水能力达到10万吨。", "张卫东", "县水利局", "县城投公司",
         "水厂主体工程已完工，正在进行设备调试，预计11月投入试运行。"],
        ["5", "新增省级以上农业龙头企业3家。", "李红梅", "县农业农村局", "各乡镇",
         "2家企业被正式认定为省级龙头企业，1家企业申报材料已报送市级。"],
    ]
    second = [
        ["6", "城镇新增就业4500人，农村劳动力转移就业6000人。", "张卫东", "县人社局", "各乡镇",
         "1-9月城镇新增就业3620人；新增农村劳动力转移就业4875人。"],
        ["7", "完成农村危房改造320户。", "张卫东", "县住建局", "县民政局、各乡镇", "已完成改造285户，完成率89.1%。"],
        ["8", "创建国家级全域旅游示范区。", "王立军、李红梅", "县文旅局", "县各有关单位", "已通过省级初审，等待文化和旅游部验收。"],
        ["9", "年内实现县域内一级公路乡镇通达率100%。", "王立军", "县交通运输局", "各乡镇",
         "全县14个乡镇中已有13个通达一级公路，通达率92.9%。"],
    ]
    for part, rows in enumerate((first, second)):
        if part:
            document.add_paragraph("续表")
        table = document.add_table(rows=1 + len(rows), cols=len(header))
        table.style = "Table Grid"
        fill_table(table, [header] + rows)
    save_document(document, "dev", "docx_table_split_pages.docx")


# --- test half -----------------------------------------------------------------------------------

def xlsx_leader_group_rows() -> None:
    wb = new_workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws["A1"] = "2022年县政府工作报告重点任务1-10月推进情况"
    ws.merge_cells("A1:F1")
    ws["A1"].font = Font(bold=True, size=14)
    header = ["序号", "重点工作任务", "牵头单位", "配合单位", "进展情况", "备注"]
    body = [
        "一、经济发展（陈刚副县长牵头）",
        [1, "固定资产投资增长12%。", "县发改局", "各乡镇、县直各部门", "1-10月固定资产投资同比增长13.6%。", None],
        [2, "新增规上工业企业15家。", "县工信局", "县统计局",
         "1-10月新增规上工业企业11家，另有6家达到入规标准，年底可纳统。", None],
        [3, "实现旅游综合收入增长15%，接待游客突破800万人次。", "县文旅局", "各景区管委会",
         "1-10月接待游客716.3万人次，实现旅游综合收入68.4亿元，同比增长18.2%。", None],
        "二、城乡建设（刘芳副县长牵头）",
        [4, "完成县城棚户区改造1500户。", "县住建局", "县征收办", "已签订征收协议1320户，完成房屋拆除986户。", "征收进度偏慢"],
        [5, "建成乡镇污水处理设施8座。", "县水利局、县生态环境分局", "各乡镇", "8座污水处理设施已建成6座，2座正在调试。", None],
        [6, "新改建农村公路120公里。", "县交通运输局", "各乡镇", "已完成新改建农村公路108公里。", None],
        "三、民生事业（刘芳副县长、孙伟副县长牵头）",
        [7, "城镇新增就业2000人。", "县人社局", "各乡镇", "1-10月城镇新增就业1856人。", None],
        [8, "新增医保参保人数1.5万人，基本医保参保率稳定在97%以上。", "县医保局", "县税务局、各乡镇",
         "新增参保9680人，基本医保参保率96.8%。", None],
    ]
    put_rows(ws, 2, [header])
    row = 3
    for item in body:
        if isinstance(item, str):  # a group row merged across the whole table
            ws.cell(row=row, column=1, value=item).font = Font(bold=True)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        else:
            put_rows(ws, row, [item])
        row += 1
    save_workbook(wb, "test", "xlsx_leader_group_rows.xlsx")


def xlsx_notes_sheet_two_row_header() -> None:
    wb = new_workbook()
    notes = wb.active
    notes.title = "填报说明"
    notes["A1"] = "填报说明"
    notes["A2"] = "1. 本表数据截至2023年6月30日。"
    notes["A3"] = "2. 完成率=截至6月底完成值/年度目标值；增速类、浓度类指标不计算完成率。"
    notes["A4"] = "3. 请于7月10日前报区政府督查室。"
    ws = wb.create_sheet("主要指标")
    ws["A1"] = "2023年上半年区政府工作报告主要指标完成情况"
    ws.merge_cells("A1:H1")
    ws["A1"].font = Font(bold=True, size=14)
    put_rows(ws, 2, [
        ["序号", "目标任务", "年度目标值", "责任单位", None, "完成情况", None, "工作进展"],
        [None, None, None, "牵头单位", "配合单位", "截至6月底完成值", "完成率", None],
    ])
    for rng in ("A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:G2", "H2:H3"):
        ws.merge_cells(rng)
    rows = [
        ["1", "地区生产总值(亿元)", "820", "区发改局", "区统计局", "402.7", "49.1%", "上半年地区生产总值402.7亿元，同比增长5.6%。"],
        ["2", "规上工业增加值增速(%)", "7.5", "区经信局", "各街道", "8.1", "/", "1-6月规上工业增加值增长8.1%。"],
        ["3", "社会消费品零售总额(亿元)", "350", "区商务局", "区统计局", "171.2", "48.9%", "上半年社零总额171.2亿元，增长6.4%。"],
        ["4", "实际使用外资(亿美元)", "3.5", "区商务局", "区投促局", "2.08", "59.4%", "1-6月实际使用外资2.08亿美元。"],
        ["5", "城镇居民人均可支配收入(元)", "68000", "区统计局", "区人社局", "35120", "51.6%",
         "上半年城镇居民人均可支配收入35120元，增长5.1%。"],
        ["6", "新增就业(人)", "12000", "区人社局", "各街道", "7045", "58.7%", "上半年新增就业7045人。"],
        ["7", "PM2.5平均浓度(微克/立方米)", "≤30", "区生态环境分局", "区各有关单位", "33", "/",
         "上半年PM2.5平均浓度33微克/立方米，同比下降2.9%。"],
    ]
    put_rows(ws, 4, rows)  # figures typed as text, as many sheets have them
    wb.active = 1
    save_workbook(wb, "test", "xlsx_notes_sheet_two_row_header.xlsx")


def docx_header_two_paragraphs() -> None:
    document = new_document()
    add_title(document, "2024年市政府工作报告重点任务推进情况")
    document.add_paragraph("市政府督查室　2024年10月15日").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    rows = [
        ["序号", "项目", "工作任务", ["市级牵头", "责任单位"], "配合单位", ["截至9月底", "进展情况"]],
        ["1", "扩大有效投资", "全年实施市级重点项目300个，完成投资800亿元以上。", "市发改委", "各县（市、区）政府",
         ["1-9月市级重点项目完成投资651.2亿元，完成年度计划的81.4%。", "新开工项目87个。"]],
        ["2", None, "争取地方政府专项债券资金120亿元。", "市财政局", "市发改委", "已获批专项债券额度108.6亿元，已发行96.3亿元。"],
        ["3", None, "新建充电桩5000个。", "市发改委、市城管局", "国网市供电公司", "已建成公共充电桩3846个，另有920个完成选址。"],
        ["4", "城乡融合", "粮食总产量稳定在150万吨以上。", "市农业农村局", "各县（市、区）政府",
         ["夏粮总产量38.2万吨，秋粮长势良好。", "预计全年粮食总产量152万吨。"]],
        ["5", None, "新增农村集体经济年收入50万元以上的村80个。", "市农业农村局", "市财政局", "1-9月已新增47个，预计年底可新增86个。"],
        ["6", None, "改造提升农村公路200公里。", "市交通运输局", "各县（市、区）政府", "已完成改造提升163.4公里。"],
        ["7", "民生保障", "城镇新增就业5.5万人。", "市人社局", "各县（市、区）政府", "1-9月城镇新增就业4.62万人，其中高校毕业生就业1.38万人。"],
        ["8", None, "新增公办中小学学位1.2万个。", "市教育局", "市住建局、各县（市、区）政府", "秋季学期新增公办中小学学位1.35万个，超额完成年度任务。"],
    ]
    table = document.add_table(rows=len(rows), cols=6)
    table.style = "Table Grid"
    fill_table(table, rows)
    merge_down(table, 1, 1, 3)
    merge_down(table, 1, 4, 6)
    merge_down(table, 1, 7, 8)
    save_document(document, "test", "docx_header_two_paragraphs.docx")


def docx_leader_and_responsible_cols() -> None:
    document = new_document()
    document.add_paragraph("附件")
    add_title(document, "2023年区政府工作报告重点工作任务全年完成情况")
    rows = [
        ["序号", "项目", "工作任务", "分管副区长", "牵头单位", "责任单位", "进展情况"],
        ["1", "经济运行", "地区生产总值增长6%左右。", "张伟", "区发改局", "各街道、区级各部门",
         "全年地区生产总值预计增长5.8%，前三季度增长5.5%。"],
        ["2", None, "实际利用外资1.8亿美元。", "张伟", "区商务局", "区投资促进中心", "全年实际利用外资1.92亿美元，完成年度目标的106.7%。"],
        ["3", None, "新增上市企业1家，新增新三板挂牌企业3家。", ["张伟", "李静"], "区金融办", "区科技局、区工信局",
         "1家企业已于11月在北交所上市；新增新三板挂牌企业2家，另有4家企业入选区拟上市企业后备库。"],
        ["4", "城市建设", "完成旧城改造征收签约1800户。", "李静", "区征收中心", "各街道", "全年完成征收签约1865户，已腾空交地1530户。"],
        ["5", None, "新增公共停车泊位3000个，新建城市驿站15个。", "李静", "区城管局", "区住建局、区交警大队",
         "新增公共停车泊位3215个；新建城市驿站12个，3个因用地问题调整至明年。"],
        ["6", "社会事业", "新建、改扩建学校6所，新增学位7200个。", "王强", "区教育局", "区住建局", "6所学校全部竣工并投入使用，新增学位7380个。"],
        ["7", None, "建成区域性养老服务中心4家。", "王强", "区民政局", "各街道", "已建成区域性养老服务中心3家，1家完成主体施工。"],
    ]
    table = document.add_table(rows=len(rows), cols=7)
    table.style = "Table Grid"
    fill_table(table, rows)
    merge_down(table, 1, 1, 3)
    merge_down(table, 1, 4, 5)
    merge_down(table, 1, 6, 7)
    save_document(document, "test", "docx_leader_and_responsible_cols.docx")


BUILDERS = [
    xlsx_merged_theme_lead,
    xlsx_numeric_percent_format,
    docx_department_lead_co_sections,
    docx_table_split_pages,
    xlsx_leader_group_rows,
    xlsx_notes_sheet_two_row_header,
    docx_header_two_paragraphs,
    docx_leader_and_responsible_cols,
]


def main() -> int:
    for build in BUILDERS:
        build()
        print(build.__name__)
    return 0


if __name__ == "__main__":
    sys.exit(main())
