"""The one error a service raises for a request it refuses, and the messages it says (tests import them).

Only refusals a person can act on are ServiceErrors; a bug or a lost database connection
stays whatever exception it is, so the admin never shows it as if it were a bad request.
"""

from __future__ import annotations


class ServiceError(Exception):
    """A write refused for a reason the user can act on; `str()` is the message to show."""


REPORT_WITHOUT_CONTENT_HASH = "解析结果没有内容哈希（content_hash），无法判断是否重复导入。请用 parse_report_bytes 解析原始文件。"
REPORT_WITHOUT_TASKS = "解析结果没有任何任务，不导入。"
THEME_OF_ANOTHER_REPORT = "项目“{theme}”属于另一份报告，不能把任务移入。"
DEPARTMENT_MERGE_SAME = "不能把单位合并到它自己。"
DEPARTMENT_NAME_TAKEN = "已有名为“{name}”的单位或别名；要把两者当作同一单位，请用“合并”。"
REPORT_BUSY = "该报告正在导入，请稍后再试。"
REVISION_NOT_PENDING = "第 {number} 版不是待发布的修订，不能发布或放弃。"
REVISION_NOT_PREVIOUS = "第 {number} 版不是以前发布过的版本，不能恢复。"
UNKNOWN_COLUMN_ROLE = "不认识的列角色：{names}。"
SERIES_NEEDS_TWO_TASKS = "请至少选择两项任务（来自不同的报告）来连成同一任务系列。"
SERIES_SAME_REPORT = "同一份报告中的两项任务不能连成同一任务系列：一个系列在每份报告中只有一项任务。"
