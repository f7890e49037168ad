"""Stable diagnostic codes and the messages that go with them.

Codes are part of the JSON contract and the admin filters on them: never rename
one. Messages are for the admins who fix imports, so they are in Chinese and say
what to do. Tests import these constants instead of repeating the strings.
"""

# --- fatal: ParseError codes (nothing is imported) ---
EMPTY_INPUT = "empty-input"
NOT_TEXT = "not-text"
NO_TABLE = "no-table"

MSG_EMPTY_INPUT = "文件是空的，没有可读取的内容。请确认上传的是导出的报告文件。"
MSG_NOT_TEXT = "不是文本文件（{what}），无法按文本读取。请上传网页另存的文本（UTF-8 或 GB18030 编码）。"
MSG_UNDECODABLE = "既不是 UTF-8 也不是 GB18030 编码的文本（第 {line} 行附近无法解码）。请另存为 UTF-8 文本后再导入。"
MSG_NO_TABLE = (
    "没有找到表头（需要至少三列可识别的列名，例如 序号 / 主要工作内容 / 牵头单位 / 完成情况）。"
    "请确认文件包含进度表，或把表头改成常用列名。"
)
MSG_NO_ROWS = "找到了表头（第 {line} 行），但表头之后没有任何任务行。"

# --- diagnostics on a parsed report ---
DECODED_GB18030 = "decoded-gb18030"
MSG_DECODED_GB18030 = "文件不是 UTF-8 编码，已按 GB18030 解码。若出现乱码，请另存为 UTF-8 后重新导入。"

METADATA_NO_TITLE = "metadata-no-title"
MSG_METADATA_NO_TITLE = "表头之前没有找到报告标题（如“2022年三季度……完成情况”）。请在后台补填标题。"
METADATA_NO_YEAR = "metadata-no-year"
MSG_METADATA_NO_YEAR = "标题“{title}”中没有年份。请在后台补填年份。"
METADATA_NO_PERIOD = "metadata-no-period"
MSG_METADATA_NO_PERIOD = "标题“{title}”中没有季度或月份（如 三季度、1-9月、上半年），无法计算序时进度。请在后台补填。"

HEADER_UNKNOWN_COLUMN = "header-unknown-column"
MSG_HEADER_UNKNOWN_COLUMN = "列名“{name}”不在列名对照表中，该列内容已保留在“备注”里。如是常用列名，请反馈以加入对照表。"
HEADER_THEME_AS_CONTENT = "header-theme-as-content"
MSG_HEADER_THEME_AS_CONTENT = "表中没有“工作内容”类的列，已把“{name}”列当作任务内容。"
HEADER_RESPONSIBLE_ORDER = "header-responsible-order"
MSG_HEADER_RESPONSIBLE_ORDER = "“{name}”列列出多个单位时，按惯例第一个视为牵头单位，其余视为配合单位。如有不同，请在后台调整。"
HEADER_REPEATED = "header-repeated"
MSG_HEADER_REPEATED = "表头在第 {line} 行重复出现（分页），已跳过，不作为任务行。"

PRINT_COPY_SKIPPED = "print-copy-skipped"
MSG_PRINT_COPY_SKIPPED = "第 {line} 行起是同一张表的打印版（重复），只读取第一份。"
PRINT_COPY_DIFFERS = "print-copy-differs"
MSG_PRINT_COPY_DIFFERS = "打印版表格与页面版在第 {line} 行起内容不同，已按页面版读取。请核对两份是否一致。"
TRAILER_SKIPPED = "trailer-skipped"
MSG_TRAILER_SKIPPED = "表格之后的第 {first}–{last} 行（“{text}”）是页面栏目内容，不属于表格，已跳过。"

THEME_REPEATED_LABEL = "theme-repeated-label"
MSG_THEME_REPEATED_LABEL = "项目名称“{name}”重复出现（分页处重印），沿用原项目，不新建项目。"
THEME_RETURNS = "theme-returns"
MSG_THEME_RETURNS = "项目名称“{name}”在其他项目之后再次出现，已归入先前同名项目。请核对任务所属项目。"
THEME_MISSING_FIRST = "theme-missing-first"
MSG_THEME_MISSING_FIRST = "表格第一行没有项目名称，之前的任务没有所属项目。请在后台补填。"

DEPARTMENT_FRAGMENTS_JOINED = "department-fragments-joined"
MSG_DEPARTMENT_FRAGMENTS_JOINED = "单位名称跨行断开：“{parts}”已合并为“{name}”。"
DEPARTMENT_UNRECOGNISED = "department-unrecognised"
MSG_DEPARTMENT_UNRECOGNISED = "“{name}”被读作责任单位，但不像单位名称（没有 局/办/委/街道 等结尾）。请核对。"
DEPARTMENT_MISSING = "department-missing"
MSG_DEPARTMENT_MISSING = "任务 {seq} 没有责任单位。请在后台补填。"

CELL_PARAGRAPHS_JOINED = "cell-paragraphs-joined"
MSG_CELL_PARAGRAPHS_JOINED = "任务 {seq} 的“{column}”由第 {first}–{last} 行的 {count} 段合并而成。请核对分段是否正确。"
PROGRESS_MISSING = "progress-missing"
MSG_PROGRESS_MISSING = "任务 {seq} 没有{column}。请核对原表该格是否为空。"
ROW_TRUNCATED = "row-truncated"
MSG_ROW_TRUNCATED = "文件在任务 {seq} 处结束，该行缺少{missing}，可能被截断。请使用完整的文件重新导入。"
ROW_UNCERTAIN = "row-uncertain"
MSG_ROW_UNCERTAIN = "任务 {seq}（第 {first}–{last} 行）的单元格难以对应到各列，读取结果可能有误。请逐格核对。"

SEQ_GAP = "seq-gap"
MSG_SEQ_GAP = "序号从 {previous} 跳到 {current}，中间可能缺行。"
SEQ_NOT_NUMBER = "seq-missing"
MSG_SEQ_NOT_NUMBER = "任务 {seq} 没有序号。"
CELL_SKIPPED = "cell-skipped"
MSG_CELL_SKIPPED = "“{text}”对不上任何一列，已跳过。请核对原表。"

# --- reading web pages, Excel and Word files (tracker/parsing/formats/) ---
CORRUPT_FILE = "corrupt-file"
MSG_CORRUPT_FILE = "无法打开这个{what}：文件已损坏或不完整。请用 {app} 打开，确认内容完整后另存为 {suffix} 再导入。"
MSG_NO_TABLE_IN_FILE = (
    "{what}中没有找到进度表{searched}（需要一行可识别的表头，例如 序号 / 主要工作内容 / 牵头单位 / 完成情况）。"
    "请确认文件包含进度表，或把表头改成常用列名。"
)
MSG_FORMATS_ACCEPTED = "可以导入的格式：网页另存的文本、网页文件（.html）、Excel 文件（.xlsx）和 Word 文件（.docx）；旧版 .xls/.doc 请先另存为 .xlsx/.docx。"

TABLE_CHOSEN = "table-chosen"
MSG_TABLE_CHOSEN = "{what}中有 {count} 个表格，读取的是第 {index} 个（第 {line} 行起，表头可识别），其余表格已忽略。"
SHEETS_READ = "sheets-read"
MSG_SHEETS_READ = "工作簿中有 {count} 个工作表含有进度表（{sheets}），按工作表顺序全部读取；提示中的行号是各工作表的行号。"
SHEET_REPEATS_TABLE = "sheet-repeats-table"
MSG_SHEET_REPEATS_TABLE = "工作表“{sheet}”中的表格与工作表“{other}”中的基本相同（同一批任务），只读取了“{other}”。如应读取“{sheet}”，请把它单独另存为一个文件再导入。"
SHEET_CHOSEN = "sheet-chosen"
MSG_SHEET_CHOSEN = "进度表读自工作表“{sheet}”（共 {count} 个工作表）；提示中的行号是该工作表的行号。"
TABLES_JOINED = "tables-joined"
MSG_TABLES_JOINED = "文档中有 {count} 个列数相同的表格（第 {first} 行起），已作为同一张表连续读取。"
ROW_WITHOUT_CONTENT = "row-without-content"
MSG_ROW_WITHOUT_CONTENT = "这一行没有工作内容（“{text}”），不作为任务读取。如是任务，请在原表补上工作内容。"

# --- reading other governments' tables, and the admin steering the reader (issue 11) ---
BAD_COLUMNS = "bad-columns"
MSG_BAD_COLUMN_ROLE = "列角色“{name}”无法识别。可用的角色：{roles}。"
MSG_COLUMNS_COUNT = "指定了 {given} 个列角色，但表头有 {found} 列（第 {line} 行：{labels}）。请为每一列指定一个角色。"
MSG_HEADER_LINE_MISSING = "第 {line} 行不在文件中，或该行没有内容，无法作为表头。"
MSG_NO_TABLE_CANDIDATES = "请在导入页面指出表头所在的行（命令行：--header-line N）。"

HEADER_FORCED = "header-forced"
MSG_HEADER_FORCED = "按指定，第 {line} 行起是表头：{labels}。"
COLUMNS_FORCED = "columns-forced"
MSG_COLUMNS_FORCED = "各列按指定的角色读取：{layout}。"
COLUMNS_NOT_FORCED = "columns-not-forced"
MSG_COLUMNS_NOT_FORCED = "第 {line} 行的表格有 {found} 列，与指定的 {given} 个列角色不符，按表头自动识别读取。"
LAYOUT_REMEMBERED = "layout-remembered"
MSG_LAYOUT_REMEMBERED = "表头与已确认的版式相同，按确认的列角色读取：{layout}。"
HEADER_GUESSED_ROLE = "header-guessed-role"
MSG_HEADER_GUESSED_ROLE = "“{name}”列的内容是{what}，按“{role}”读取。"
HEADER_TWO_ROWS = "header-two-rows"
MSG_HEADER_TWO_ROWS = "表头有两行：“{parent}”下分为 {children}，各列分别读取。"
TABLES_READ = "tables-read"
MSG_TABLES_READ = "文件中有 {count} 张表（表头在第 {lines} 行），均已读取。"
TABLE_CAPTION_THEME = "table-caption-theme"
MSG_TABLE_CAPTION_THEME = "第 {line} 行的表格标题“{caption}”作为该表各任务的项目。"
GROUP_ROW_LEADER = "group-row-leader"
MSG_GROUP_ROW_LEADER = "分组行“{label}”：其下各任务的牵头领导为 {leaders}。"
ROW_FILLED_FROM_ABOVE = "row-filled-from-above"
MSG_ROW_FILLED_FROM_ABOVE = "第 {line} 行起有 {count} 行比表头少格（合并单元格只印在该组第一行），已按上一行补齐“{columns}”，其余各列不移位。"
ROW_WIDTH_DOUBTFUL = "row-width-doubtful"
MSG_ROW_WIDTH_DOUBTFUL = "第 {line} 行有 {found} 格，表头有 {expected} 列，无法确定各格对应哪一列，已按内容推断。请逐格核对。"
DEPARTMENT_CARRIED = "department-carried"
MSG_DEPARTMENT_CARRIED = "第 {line} 行起有 {count} 行没有单位格，按合并单元格沿用上一行的单位。请核对。"
MSG_PAGE_CUT_IN_TABLE = "网页在表格中途结束（第 {line} 行这一行之后没有表格的结束标记），最后一行可能不完整，可能被截断。请使用完整的网页文件重新导入。"
MSG_ROW_CUT_IN_QUOTES = "文件在第 {line} 行起的一个带引号的单元格中结束（引号没有闭合），最后一行不完整，可能被截断。请使用完整的文件重新导入。"
REPORTING_DEPARTMENT = "reporting-department"
MSG_REPORTING_DEPARTMENT = "这是“{name}”自己的报表：“{label}”下的任务都由它{role}，已把它列为各任务的{role}单位。"
ROW_REALIGNED = "row-realigned"
MSG_ROW_REALIGNED = "第 {line} 行的单元格与表头的位置对不上（合并单元格可能画错），已按各格内容对应到列。请核对该行。"
FURNITURE_ROW_SKIPPED = "furniture-row-skipped"
MSG_FURNITURE_ROW_SKIPPED = "第 {first}–{last} 行（“{text}”）是页面栏目或发布信息，不是任务，已跳过。"
COLUMNS_UNTRUSTED = "columns-untrusted"
MSG_COLUMNS_UNTRUSTED = (
    "“{column}”列有 {bad}/{total} 格不像{what}（如第 {line} 行“{example}”），各列可能错位，读取结果不可信。"
    "请核对表头，或在导入页面为各列指定角色。"
)
MSG_ROWS_OUT_OF_STEP = (
    "{total} 行中有 {count} 行的“{column}”是空的或由几段拼成，各行可能没有按表头切分，读取结果不可信。"
    "请核对表头，或在导入页面为各列指定角色。"
)
DEPARTMENT_NOT_A_NAME = "department-not-a-name"
MSG_DEPARTMENT_NOT_A_NAME = "“{column}”列中的“{text}”不是单位名称，未计入责任单位，已保留在备注中。请核对该行各列是否错位。"
TABLE_MAY_BE_INCOMPLETE = "table-may-be-incomplete"
MSG_TABLE_MAY_BE_INCOMPLETE = "表格可能不完整：{why}。请确认文件完整后重新导入。"
MSG_WHY_CUT_MID_CHARACTER = "文件在一个字符中间结束"
MSG_WHY_MID_SENTENCE = "最后一格在句子中间结束（“…{tail}”）"
MSG_WHY_NO_SECOND_PRINTING = "此类页面会把表格再印一遍（打印版），而文件在第一遍表格中结束"
FILE_CUT_MID_CHARACTER = "file-cut-mid-character"
MSG_FILE_CUT_MID_CHARACTER = "文件在一个多字节字符中间被截断，已丢弃最后不完整的字节。"
ROW_CONTINUES_TASK = "row-continues-task"
MSG_ROW_CONTINUES_TASK = "第 {line} 行起有 {count} 行没有序号和工作内容（上一任务的合并单元格之下），其内容已并入上一任务。请核对。"
TEXT_WRAPPED = "text-wrapped"
MSG_TEXT_WRAPPED = "表格文字按栏宽折行（如从 PDF 复制）：各格的折行已接回（句中折行不留换行），跨行断开的单位名称已合并。请核对。"
PAGE_NUMBER_SKIPPED = "page-number-skipped"
MSG_PAGE_NUMBER_SKIPPED = "第 {lines} 行是页码（如“— 1 —”），不属于表格，已跳过。"
TABLE_NOTE_SKIPPED = "table-note-skipped"
MSG_TABLE_NOTE_SKIPPED = "表格中的说明行（“{text}”）不是任务，已跳过。"
PROGRESS_OF_PERIOD = "progress-of-period"
MSG_PROGRESS_OF_PERIOD = "进展按期分列：取“{column}”（本期）为进展情况，“{others}”是此前各期的进展，已保留在备注里。"
TICK_COLUMNS_READ = "tick-columns-read"
MSG_TICK_COLUMNS_READ = "“{labels}”几列只打勾（√），已合并为“{column}”一列，取打勾的那一列的列名（如“已完成”）。"
METADATA_PERIOD_ELSEWHERE = "metadata-period-elsewhere"
MSG_METADATA_PERIOD_ELSEWHERE = "标题中没有统计期，已按第 {line} 行的“{words}”读作截至 {month} 月。"

# --- limits: files too big to read safely (tracker/parsing/formats/limits.py) ---
# Each message names the file ({name}), the limit, what was found and what to do. Numbers are
# written with thousands separators; sizes in KB/MB/GB.
FILE_TOO_LARGE = "file-too-large"
MSG_FILE_TOO_LARGE = "{name}有 {size}，超过可读取的上限 {limit}。请把表格拆成几个文件分别导入。"
MSG_PACKAGE_TOO_LARGE = (
    "{name}解压后共有 {size}（文件本身 {packed}），超过上限 {limit}：文件中多半有大量空白行列或多余的内容。"
    "请用 {app} 打开，删除表格之外的内容（或拆分成几个文件）后另存为 {suffix} 再导入。"
)
MSG_PART_TOO_LARGE = (
    "{name}中的“{part}”解压后有 {size}，超过单个部件的上限 {limit}。"
    "请用 {app} 打开，删除表格之外的内容（或拆分成几个文件）后另存为 {suffix} 再导入。"
)
MSG_COMPRESSION_TOO_HIGH = (
    "{name}中的“{part}”压缩了 {ratio:,} 倍（{packed} 解压成 {size}），超过上限 {limit} 倍，"
    "像是“压缩炸弹”，未读取。正常的表格压缩不到 30 倍；请用 {app} 打开后另存为 {suffix} 再导入。"
)
MSG_TOO_MANY_PARTS = "{name}由 {count:,} 个部件组成，超过上限 {limit:,}。请用 {app} 打开后另存为 {suffix} 再导入。"
MSG_PART_SIZE_WRONG = (
    "{name}中的“{part}”解压后的大小与文件目录中记录的不符，文件已损坏或被改动。"
    "请用 {app} 打开，确认内容完整后另存为 {suffix} 再导入。"
)
TEXT_TOO_LONG = "text-too-long"
MSG_TEXT_TOO_LONG = (
    "{name}有 {count:,} 个字符（不计空白），超过上限 {limit:,}。一份进度表通常只有几万字；"
    "请确认其中只有一张进度表，或按项目拆分后分别导入。"
)
MSG_CELL_TOO_LONG = (
    "{name}第 {line} 行有一个 {count:,} 个字符的单元格（或一行文字），超过上限 {limit:,}（Excel 单元格最多 32,767 个字符）。"
    "请检查该处是否缺少换行、把整张表挤在了一行里，或删去与进度表无关的内容。"
)
TOO_MANY_ELEMENTS = "too-many-elements"
MSG_TOO_MANY_ELEMENTS = (
    "{name}有约 {count:,} 个标签和属性（网页或 XML 的元素），超过上限 {limit:,}。"
    "请删除表格之外的内容，或另存为文本、Excel 文件后再导入。"
)
TOO_MANY_ROWS = "too-many-rows"
MSG_TOO_MANY_ROWS = "{name}的表格超过 {limit:,} 行（{found}），超过一次可导入的上限。请按项目或季度拆分成几个文件分别导入。"
TOO_MANY_COLUMNS = "too-many-columns"
MSG_TOO_MANY_COLUMNS = (
    "{name}第 {line} 行超过 {limit} 列的上限（读到第 {count:,} 列时停止）。进度表通常只有 4–12 列；"
    "请删除表格右侧多余的列或多余的分隔符后再导入。"
)
TOO_MANY_CELLS = "too-many-cells"
MSG_TOO_MANY_CELLS = "{name}中的单元格和段落超过上限 {limit:,} 个（{found}）。请删除表格之外的行、列和内容，或拆分成几个文件分别导入。"
MSG_SHEET_TOO_WIDE = (
    "{name}的工作表“{sheet}”使用到 {range}（{rows:,} 行 × {columns:,} 列，共 {count:,} 个单元格），超过上限 {limit:,}："
    "表格之外很远的地方还有内容或格式。请在 Excel 中按 Ctrl+End 找到最后一个单元格，删除表格之外的行和列后另存再导入。"
)
MSG_SEGMENT_TOO_LARGE = (
    "{name}是按段落排列的文本，{cells:,} 个段落按 {columns} 列拼成表格行需要约 {work:,} 步，超过上限 {limit:,}。"
    "请拆分成几个文件，或导入同一张表的 Excel、网页文件（表格结构明确，读得快）。"
)
MERGE_TOO_LARGE = "merge-too-large"
MSG_MERGE_TOO_LARGE = (
    "{name}的合并单元格（和超链接区域）共覆盖 {area:,} 个单元格（已截到有内容的范围 {extent} 之内），超过上限 {limit:,}；"
    "最大的是 {range}。请在 Excel 中取消表格之外或多余的合并单元格后另存再导入。"
)
MSG_WORKBOOK_ROWS = (
    "{name}的工作表共写有 {count:,} 行（含只设置了行高或格式的空行），超过上限 {limit:,}。"
    "请删除表格下方多余的行（或拆分文件）后另存再导入。"
)
MSG_TOO_MANY_COMMENTS = "{name}中有 {count:,} 条批注，超过上限 {limit:,}。请删除批注（审阅 → 删除）后另存再导入。"
MSG_TOO_MANY_STYLES = (
    "{name}的样式表有约 {count:,} 个元素和属性（单元格格式、字体、边框等），超过上限 {limit:,}：工作簿中积累了大量多余的格式。"
    "请把表格复制到一个新工作簿（只粘贴值和必要的格式）后再导入。"
)
PARSE_TOO_SLOW = "parse-too-slow"
MSG_PARSE_TOO_SLOW = "读取{name}超过 {limit:g} 秒仍未完成（{where}），已停止，未导入任何内容。请拆分成几个较小的文件分别导入。"
# The codes of a file beyond a limit: refused however the file is read (steered or not).
LIMIT_CODES = frozenset({
    FILE_TOO_LARGE, TEXT_TOO_LONG, TOO_MANY_ELEMENTS, TOO_MANY_ROWS, TOO_MANY_COLUMNS, TOO_MANY_CELLS, MERGE_TOO_LARGE,
    PARSE_TOO_SLOW,
})

# Warnings: something beyond a limit was cut back and the rest read (see limits.py for which).
MERGE_CLIPPED = "merge-clipped"
MSG_MERGE_CLIPPED = (
    "合并单元格（或超链接）区域 {range} 远远超出有内容的范围（到 {extent} 为止），已按 {clipped} 读取{more}。"
    "请核对表格，并在 Excel 中取消多余的合并。"
)
SPAN_CLAMPED = "span-clamped"
MSG_SPAN_CLAMPED = "这一行有单元格跨 {span:,} 列，超过上限 {limit} 列，已按 {limit} 列读取（同一表格中再有超限的不再提示）。如表格读错，请检查该单元格的合并设置。"
