"""Column roles: what a column of a progress table holds, whatever its header calls it."""

from __future__ import annotations

from enum import Enum


class Role(str, Enum):
    SEQ = "seq"  # 序号
    THEME = "theme"  # 项目名称: the group a task belongs to, a merged cell
    CONTENT = "content"  # 主要工作内容: the task and its target
    LEAD = "lead"  # 牵头单位: every department named leads (collective names such as 各街道 co-operate)
    RESPONSIBLE = "responsible"  # 责任单位: first named leads, the rest co-operate
    CO = "co"  # 配合单位
    LEADER = "leader"  # 牵头领导: people, not departments
    PROGRESS = "progress"  # 累计完成情况: prose
    COMPLETION = "completion"  # 完成进度: a bare percentage, "/" or a status word
    TARGET = "target"  # 目标任务 as a figure: "3000"
    ACTUAL = "actual"  # 实际完成 as a figure: "3034"
    NOTE = "note"  # 备注
    OTHER = "other"  # a header we do not recognise; its cells are kept as notes
    IGNORE = "ignore"  # a column an admin chose to leave out (never chosen by the reader itself)

    @property
    def is_department(self) -> bool:
        return self in (Role.LEAD, Role.RESPONSIBLE, Role.CO)


# The names an admin (or `parse_report --columns`) gives column roles by: every role's value.
ROLE_NAMES: dict[str, Role] = {role.value: role for role in Role}
