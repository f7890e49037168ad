"""Page furniture: the site's words around a table (索引号, 发布机构, 规划计划, 打印本页...), never a task.

A saved page carries its metadata block, channel names and buttons above and
below the table. After the last row they must not be read as one more row; a
row made only of them is refused with a diagnostic (see `reader.py`).
"""

from __future__ import annotations

import re

from .markers import is_seq

# Whole paragraphs a government site prints around its tables.
_FURNITURE_RE = re.compile(
    r"^(?:(?:信息)?索引号|发布机构|发布单位|发文机关|发文单位|生成日期|发布日期|公布日期|成文日期|印发日期|公开方式|"
    r"公开范围|公开时限|公开属性|主动公开|依申请公开|不予公开|文号|发文字号|备注/文号|主题分类|组配分类|体裁分类|"
    r"规划计划|点击(?:率|数|量|次数)?|浏览(?:次数|量)?|阅读(?:次数|量)|访问量|"
    r"【?(?:打印|关闭|收藏|分享|返回)(?:本页|此页|窗口|正文|顶部)?】?|分享到|扫一扫|字号|"
    r"(?:信息)?来源\s*:|作者\s*:|责任编辑|上一篇|下一篇|返回顶部|网站地图|版权所有|主办单位\s*:|承办单位\s*:|"
    r"联系我们|网站标识码|政府网站标识码|[京沪浙苏粤皖鲁]ICP|ICP备|公网安备|附件下载|相关附件|相关链接|相关文件|"
    r"政策解读|无障碍|长者模式|关怀版|长辈版|【字体|您现在所在的位置|当前位置|"
    r"(?:主办|承办|协办|技术支持|地址|邮编|电话|传真|网站)\s*:)"
)
# An attachment's file name: "附件1.2023年…情况表.xlsx".
_ATTACHMENT_FILE_RE = re.compile(r"\.(?:xlsx?|docx?|pdf|wps|et|zip|rar)$", re.IGNORECASE)
_SENTENCE_RE = re.compile(r"[。;!?]")
# A short paragraph between furniture lines (a channel name, "政府工作报告重点任务") belongs with them.
_SHORT = 30


def is_furniture(key: str) -> bool:
    """A paragraph that is the site's, not the table's (key: normalised text)."""
    return bool(_FURNITURE_RE.match(key) or _ATTACHMENT_FILE_RE.search(key))


def furniture_tail_start(keys: list[str], *, title_key: str | None = None) -> int | None:
    """Where the page furniture after a table's last row begins in `keys`, or None when there is none.

    The tail starts at a furniture paragraph (or the report's title printed again) and
    holds nothing but furniture and short labels after it: never a row's prose.
    """
    start = None
    for index in range(len(keys) - 1, -1, -1):
        key = keys[index]
        if is_furniture(key) or (title_key is not None and key == title_key):
            start = index
        elif len(key) > _SHORT or _SENTENCE_RE.search(key) or is_seq(key):
            break
    return start


def is_furniture_row(keys: list[str], *, title_key: str | None = None) -> bool:
    """A rebuilt row whose cells are all page furniture (or the title printed again)."""
    keys = [key for key in keys if key]
    if not keys or any(is_seq(key) for key in keys):
        return False
    if not any(is_furniture(key) or key == title_key for key in keys):
        return False
    return all(is_furniture(key) or key == title_key or (len(key) <= _SHORT and not _SENTENCE_RE.search(key)) for key in keys)
