"""The data the reader works from: kinds and comparators, the units table, regexes and word lists.

Values only, no functions. What each pattern is for is said beside it; how it is
applied is in the module that uses it (`quantities`, `targets`, `figures`, ...).
"""

from __future__ import annotations

import re

COUNT, AMOUNT, PERCENT, GROWTH = "count", "amount", "percent", "growth"
AT_LEAST, AT_MOST, EQUAL = ">=", "<=", "="

# Printed unit -> (normalised unit, kind). Longer spellings are tried first.
_UNITS: dict[str, tuple[str, str]] = {
    "平方公里": ("平方公里", AMOUNT),
    "平方米": ("平方米", AMOUNT),
    "平方": ("平方米", AMOUNT),
    "㎡": ("平方米", AMOUNT),
    "方": ("平方米", AMOUNT),  # 万方: the reports' shorthand for 万平方米
    "立方米": ("立方米", AMOUNT),
    "公里": ("公里", AMOUNT),
    "千米": ("公里", AMOUNT),
    "公顷": ("公顷", AMOUNT),
    "亩": ("亩", AMOUNT),
    "吨": ("吨", AMOUNT),
    "美元": ("美元", AMOUNT),
    "元": ("元", AMOUNT),
    "%": ("%", PERCENT),
    "％": ("%", PERCENT),
    "‰": ("‰", PERCENT),
    "个百分点": ("百分点", PERCENT),
    "人次": ("人次", COUNT),
    "人": ("人", COUNT),
    "名": ("人", COUNT),
    "户次": ("户次", COUNT),
    "户": ("户", COUNT),
    "家次": ("家次", COUNT),
    "家": ("家", COUNT),
    "个": ("个", COUNT),
    "条": ("条", COUNT),
    "处": ("处", COUNT),
    "座": ("座", COUNT),
    "所": ("所", COUNT),
    "张": ("张", COUNT),
    "台": ("台", COUNT),
    "场次": ("场", COUNT),
    "场": ("场", COUNT),
    "件": ("件", COUNT),
    "宗": ("宗", COUNT),
    "项": ("项", COUNT),
    "套": ("套", COUNT),
    "幢": ("幢", COUNT),
    "栋": ("幢", COUNT),
    "次": ("次", COUNT),
    "辆": ("辆", COUNT),
    "间": ("间", COUNT),
    "部": ("部", COUNT),
    "艘": ("艘", COUNT),
    "支": ("支", COUNT),
    "株": ("株", COUNT),
    "棵": ("株", COUNT),
    "册": ("册", COUNT),
    "份": ("份", COUNT),
    "批": ("批", COUNT),
    "期": ("期", COUNT),
    "千瓦": ("千瓦", AMOUNT),
    "米": ("米", AMOUNT),
    "微克/立方米": ("微克/立方米", AMOUNT),
}
# After a Chinese numeral these are words, not units: 二次供水, 三方协同.
_ARABIC_ONLY_UNITS = {"次", "方", "平方", "期", "批", "支", "部", "米"}

_CHINESE_DIGITS = "零〇一二两三四五六七八九十百千"
_QUANTITY_RE = re.compile(
    r"(?P<num>\d+(?:\.\d+)?(?:万亿|千万|百万|万|亿)?|[" + _CHINESE_DIGITS + r"]+[万亿]?)"
    r"(?P<approx>余|多)?"
    r"(?P<unit>" + "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True)) + r")"
    r"(?P<suffix>以上|以下|以内|左右)?"
)
# A range: "3-5个", "6%-7%", "5至10万元", "三至五个"; the high end is read with its unit by _QUANTITY_RE.
_RANGE_RE = re.compile(
    r"(?<![\dA-Za-z./-])(?P<low>\d+(?:\.\d+)?(?:万|亿)?)[%％]?\s*(?:-|—|–|~|～|至|到)\s*"
    r"(?P<high>\d+(?:\.\d+)?(?:万亿|千万|百万|万|亿)?)"
    r"|(?<![零〇一二两三四五六七八九十百千])(?P<cn_low>[一二两三四五六七八九十百千]+)(?:至|到)(?P<cn_high>[一二两三四五六七八九十百千]+[万亿]?)"
)
# A bare number after 达到/为 that the progress prints without its unit ("拥有量达到112").
_UNITLESS_RE = re.compile(r"(?:达到|达|为)(?P<num>\d+(?:\.\d+)?)(?![\d.%‰％万亿]|[个家条处座所张台场件宗项套幢次人名户元亩吨方米])")
_ZERO_GROWTH_RE = re.compile(r"(?P<word>零增长|正增长)(?P<suffix>以上|以下|以内)?")
_PROGRESS_GROWTH_RE = re.compile(
    r"(?P<word>增长|下降|增速|增幅|降低|减少|回落|上涨|涨幅|下跌)(?:了|为|达到|达)?(?P<num>-?\d+(?:\.\d+)?)[%％]"
)
# Words of a fall: the growth figure after them is negative.
_DECLINE_WORDS = frozenset({"下降", "降低", "减少", "回落", "下跌"})
# Explicit ratios for the whole task or one figure: 完成率97.4%, 完成总工程量的30%, 任务完成进度为105%.
_RATIO_RE = re.compile(
    r"(?P<word>完成率|开工率|任务完成进度为?|完成总工程量的|总进度|总体进度|"
    r"完成(?:本年度|全年|年度|市下达)?(?:化解)?(?:目标)?任务的|"
    r"(?:完成|占|为|达)(?:本年度|全年度|全年|年度|年)(?:投资)?(?:目标|计划|预算)(?:任务)?的?)(?:达到|达|为)?(?P<num>\d+(?:\.\d+)?)[%％]"
)
# A year's target stated in the progress: "完成市下达年度目标任务20万平方米的92.4%", "超额完成全年81.5亿元的目标数".
_PROGRESS_TARGET_RE = re.compile(
    r"完成(?:市下达|省下达|上级下达)?(?:全年度|全年|年度|本年度)?(?:目标任务|目标|任务)?(?=\d)"
)
# A task list counted in the progress: "共2815项任务,已完成2256项".
_TASK_TOTAL_RE = re.compile(r"(?:共|共计|任务)(?P<num>\d+)项(?:工作)?(?:任务)?|(?P<num2>\d+)项[^,,;;。]{0,6}任务")
_TASK_DONE_RE = re.compile(r"已完成(?P<num>\d+)项")
_TARGET_SHARE_RE = re.compile(r"的(?P<num>\d+(?:\.\d+)?)[%％]")

# Year-to-date spans that give a figure its own period: 1-8月, 上半年, 截至8月底.
_SPAN_RE = re.compile(
    r"1[-—~至](?P<end>\d{1,2})月|(?P<half>上半年)|(?P<three>前三季度)|截至(?P<upto>\d{1,2})月|(?<![前第])(?P<first>一季度)"
)

_SENTENCE_END = "。;；\n"
_CLAUSE_END = ",，:：" + _SENTENCE_END
_SENTENCE_END_RE = re.compile(f"[{_SENTENCE_END}]")
_CLAUSE_END_RE = re.compile(f"[{_CLAUSE_END}]")
_QUOTES = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』"}
_PARENS = {"(": ")", "（": "）"}

# Verbs and fillers that open or close a phrase but are not what is counted.
_GENERIC_LEAD_RE = re.compile(
    r"^(?:其中|我区|本区|全年|全区|全面|计划|累计|目前|今年以来|确保|力争|争取|持续|加快|深入|积极|大力|着力|进一步|已经|已|"
    r"共计|共|合计|总计|新增|新建|建成|建设|完成|实施|创建|开展|引进|培育|推进|实现|打造|安排|争创|招引|盯引|落地|"
    r"培养|保持|达到|新创|创成|更新|申报|按期|如期|顺利|基本|正式|安装|努力|推动|约|为|对|再|均|并|和|及|与|、|等|的|\s)+"
)
_GENERIC_TAIL_RE = re.compile(
    r"(?:已经|已|目前|均|全部|共计|共|合计|累计|总计|达到|达|增至|提升至|提高至|至|不低于|不少于|不超过|不高于|"
    r"超过|超|(?<!签)约|近|控制在|稳定在|保持在|提高到|提高至|提升到|下降到|降低到|降至|低于|高于|保持|为|是|分别|实现|新增|完成|建成|完工|竣工|新开工|新签约|开工|投用|引进|培养|确保|力争|争取|努力|"
    r"大约|左右|的|、|[(（]|\s)+$"
)
# What is done to the thing counted; a target with one is only met by a figure with a matching one.
_ACTION_FAMILIES: dict[str, frozenset[str]] = {
    "竣工交付": frozenset({"竣工", "交付", "完工", "建成", "完成"}),
    "开工及续建": frozenset({"开工", "续建"}),
    "开工": frozenset({"开工"}),
    "续建": frozenset({"续建"}),
    "竣工": frozenset({"竣工", "完工", "建成", "完成"}),
    "完工": frozenset({"竣工", "完工", "建成", "完成"}),
    "交付": frozenset({"交付"}),
    "投用": frozenset({"投用", "投入使用"}),
    "出让": frozenset({"出让"}),
    "收储": frozenset({"收储"}),
}
_ACTION_RE = re.compile("|".join(sorted(_ACTION_FAMILIES, key=len, reverse=True)))
_FIGURE_ACTION_RE = re.compile(r"竣工|完工|建成|完成|开工|续建|交付|投入使用|投用|出让|收储")
# Stages short of done: a target without an action is not met by a figure of started works.
_STAGE_ACTIONS = frozenset({"开工", "续建"})
_COMPLETION_ACTIONS = frozenset({"竣工", "完工", "建成", "完成", "交付", "投用", "投入使用"})

# Words that make a figure something other than an achievement: a plan, a recommendation,
# works under way, a scope restated or changed, a result awaiting acceptance.
_NOT_ACHIEVED_BEFORE_RE = re.compile(
    r"计划|预计|拟|推荐|申报|上报|组织|参加|筛选|排摸|监测|涉及|正在|推进|统筹|梳理|预期|意向|约定|争取|洽谈|调整为|"
    r"施工中|招标中|设计中|前期|通过方案|目标|在建|在施"
)
_NOT_ACHIEVED_AFTER_RE = re.compile(
    r"施工中|在建|招标|设计中|前期|进场施工|正在|待|评审|审查|审核|(?<!通过)(?<!完成)验收(?!合格)|洽谈|推荐|申报|参加|办理|初步|调整"
)
# Last year's figure is no actual of this year's target: "上年全区新增城镇就业4800人", "去年同期为3980人".
_LAST_YEAR_RE = re.compile(r"去年|上年|上一年|同期")
_PENDING_RE = re.compile(r"等待|待|验收中|评审中|审核中|验收准备")
# "…,三季度数据待统计部门发布": the data pending is another period's, not this figure's.
_DATA_PENDING_RE = re.compile(r"数据|统计|发布|反馈")
# Work partly done: "2家完成装修工程量70%", "其余2条完成路面铺设80%": the count is not of things done.
_PARTLY_DONE_RE = re.compile(r"(?:工程量|形象进度|进度|完成|铺设|装修)[^,，;；。]{0,8}\d+(?:\.\d+)?[%％]")
# A season or a half of the year names a part of a year's total: 夏粮 of 粮食.
_SEASON_PART_RE = re.compile(r"^(?:夏|秋|春|冬|早稻|晚稻|早|晚)")
# A component names a part of the works: "农村公路路基工程" of 农村公路.
_COMPONENT_RE = re.compile(r"路基|路面|主体工程|主体结构|基础工程|桩基|土建|地下室|标段|子项目")
# Entering the statistics (入库) is the achievement itself for 规上/限上 enterprises.
# Named statistical indicators that are easily taken for one another: a figure of one is never an
# actual of another (规上工业总产值 for 规上工业增加值, 财政总收入 for 一般公共预算收入, 出口 for 进出口总额).
# Spellings of one indicator share a name; longer names are tried first.
_INDICATORS: dict[str, str] = {
    "地区生产总值": "地区生产总值", "GDP": "地区生产总值", "生产总值": "地区生产总值",
    "规上工业增加值": "规上工业增加值", "规模以上工业增加值": "规上工业增加值",
    "规上工业总产值": "规上工业总产值", "规模以上工业总产值": "规上工业总产值", "工业总产值": "规上工业总产值",
    "工业投资": "工业投资", "固定资产投资": "固定资产投资", "民间投资": "民间投资", "房地产开发投资": "房地产开发投资",
    "社会消费品零售总额": "社会消费品零售总额", "限上消费品零售额": "限上消费品零售额",
    "进出口总额": "进出口", "外贸进出口": "进出口", "进出口": "进出口", "出口": "出口", "进口": "进口",
    "一般公共预算收入": "一般公共预算收入", "财政总收入": "财政总收入", "税收收入": "税收收入",
    "城镇居民人均可支配收入": "城镇居民人均可支配收入", "农村居民人均可支配收入": "农村居民人均可支配收入",
    "居民人均可支配收入": "居民人均可支配收入",
    "服务业增加值": "服务业增加值", "规上服务业营业收入": "规上服务业营业收入",
    "数字经济核心产业增加值": "数字经济核心产业增加值",
    "实际利用外资": "实际利用外资", "实际使用外资": "实际利用外资", "合同外资": "合同外资",
}
_INDICATOR_RE = re.compile("|".join(sorted(map(re.escape, _INDICATORS), key=len, reverse=True)))
_STATISTICS_ENTRY_RE = re.compile(r"规上|限上|规模以上|限额以上|四上")
# A target that brings things in (引进, 招引) is met by signing them: "引进…人才项目10个" by "已签约…10个".
_BRING_IN_RE = re.compile(r"引进|招引|招商|签约")
_ALL_DONE_AFTER_RE = re.compile(r"^均已(?:开工|完成|完工|建成|投用|落地)")
# Achieved, said with a verb: needed before a figure equal to its target counts as an actual.
_ACHIEVED_RE = re.compile(
    r"完成|建成|完工|竣工|新增|累计|签约|开工|投用|投入使用|运营|通车|开通|安装|认定|交付|出让|收储|拆除|引进|招引|培养|集聚|覆盖"
)
_TOTAL_RE = re.compile(r"(?:合计|共计|总计|累计|共)$")
_SUBSET_RE = re.compile(r"其中")
# A level in front of what is counted: 省级 of a target without one is only part of it.
_LEVEL_RE = re.compile(r"^(?:国家级|国家|省级|市级|区级|省|市|区)")
_GROWTH_BEFORE_RE = re.compile(r"(?:同比|比上年|较上年)?(?:增长|增速|增幅|涨幅)(?:保持在|保持|控制在|达到|达)?$")
_REDUCTION_BEFORE_RE = re.compile(r"(?:再)?(?:压减|下降|降低|减少)$")
_GROWTH_AFTER_RE = re.compile(r"^(?:的)?增长")
_AT_LEAST_BEFORE_RE = re.compile(r"(?:不低于|不少于|至少|(?<!不)超过|不小于|突破)$")
_AT_MOST_BEFORE_RE = re.compile(r"(?:不超过|不高于|控制在|(?<!不)低于)$")
# Two-character words too common to tell one thing counted from another.
_GENERIC_BIGRAMS = frozenset(
    "项目 企业 单位 工作 建设 社区 小区 街道 全区 新增 完成 省级 市级 区级 以上 重点 提升 改造 实施 推进 "
    "开展 活动 服务 管理 任务 情况 规模 工程 目前 累计 已经 新建".split()
)
# A figure that equals its target but has no verb of achievement is the target restated.
_STRICT_ACHIEVED_RE = re.compile(
    r"已完成|已建成|已完工|已竣工|完成|建成|完工|竣工|新增|累计|签约|已开工|已投用|投用|投入使用|通车|开通|安装|引进|招引"
)
_PLAUSIBLE_WEAK_RATIO = (0.1, 3.0)
# Stages of a thing counted. A figure at an earlier stage than its target (拟上市, 入库, 签约) counts
# candidates, not the thing: "9家企业入选拟上市企业库" is no actual of "上市挂牌企业5家".
_EARLY_STAGE_RE = re.compile(
    r"(?<![模虚])拟|预计|计划|储备|后备|候选|入库|入选|(?:企业|项目|培育|人才)库|意向|在谈|洽谈|谋划|辅导|报会|签约|"
    r"申报|申请|报送|受理|报批|股改|股份制改造|选址|主体完工|主体结顶|结顶|封顶|核定|鉴定|排查|摸排|核查|评估"
)
_LATE_STAGE_RE = re.compile(r"开工|竣工|完工|建成|上市|投产|投用|开业|挂牌|交付|完成")
# Words around a counted noun that say nothing of which thing it is, dropped before nouns are compared:
# marks and dates anywhere, fillers at its start or end only (共 of 公共 stays).
_NOUN_MARKS_RE = re.compile(r"“|”|‘|’|、|\d+(?:\.\d+)?(?:月份|月|日|年)?|[-—]")
_NOUN_FILLER_RE = re.compile(
    r"^(?:全区|我区|本区|全市|全县|全省|今年以来|今年|全年|年度|目前|截至目前|截至|底|末|年末|年底|最新|累计|新增|共计|合计|其中|同比|比上年|较上年|"
    r"上半年|前三季度|一季度|二季度|三季度|四季度|已经|已|共|的|另有|另)+|(?:的|等|同比|比上年|较上年)+$"
)
# Modifiers too general to tell one subject from another: 城市停车泊位 is 公共停车泊位.
_GENERIC_MODIFIER_RE = re.compile(r"^(?:城市|公共|社会|全社会|各类|各级|城区|区域|本地|地方|全域|新建|新增|新)$")
# A Chinese numeral counts something to do only after a verb: "开展百场…", not "中央八项规定".
_VERB_BEFORE_NUMERAL_RE = re.compile(
    r"(?:开展|举办|新增|新建|建设|建成|完成|创建|实施|引进|培育|培养|打造|推出|安排|组织|招引|达到|达|超过|超|近|约|共|等|为|、|"
    r"交付|开工|竣工|完工|改造|提供|帮扶|培训|发放|植树|造林|安置|筹集|投用)$"
)
# ...or anywhere after a clause that opens with one: "新增城市停车泊位八千个".
_VERB_LED_CLAUSE_RE = re.compile(r"^(?:全年|今年|年内)?(?:新增|新建|建成|完成|建设|改造|实施|培育|引进|开展|举办|创建|打造|安排|提供|交付)")
# A phrase ending in one of these is followed by what it acts on: "有序推进94条道路建设".
_VERB_END_RE = re.compile(
    r"(?:推进|完成|建设|建成|实施|新增|新建|新创|开展|举办|引进|招引|培养|培育|创建|拆除|出让|收储|开工|竣工|完工|交付|"
    r"投用|续建|覆盖|集聚|签约|落地|累计|为|达|达到|安排|提升|改造)$"
)
# Between two figures of one clause, where the first item ends and the next begins: a conjunction or
# a verb ("建成18个应急广播并安装752个喇叭", "3所学校新增学位1200个"). Without one, the first figure
# qualifies what the second counts ("10亿元以上重大产业项目20个").
_ITEM_BREAK_RE = re.compile(
    r"并且|并|以及|同时|及|和|与|安装|建成|新建|建设|完成|新增|改造|实施|开展|举办|引进|培育|培训|打造|创建|累计|实现|"
    r"覆盖|配备|设置|惠及|带动|吸纳|发放|提供|招引|签约|开工|竣工|完工|投用|交付|达到|总投资|投资|涉及|涵盖|包括"
)
# Words that bound a target ("5.5%左右(确保5%以上)", "确保5%、力争6%"): a floor, or an aim above the target.
_FLOOR_WORD_RE = re.compile(r"确保|保底|最低|至少|不低于|不少于")
_AIM_WORD_RE = re.compile(r"力争|争取|努力|冲刺")
# The text between a target and its bound, and the words before a target that belong to its written form.
_BOUND_BETWEEN_RE = re.compile(
    r"\s*[(（,，、]?\s*(?:(?P<floor>确保|保底|最低|至少|不低于|不少于)|(?P<aim>力争|争取|努力|冲刺))(?:达到|实现|增长)?\s*$"
)
_TARGET_LEAD_RE = re.compile(r"(?:(?P<floor>确保|保底)|(?P<aim>力争|争取|努力)|(?P<approx>大约|约|近))(?:达到|实现)?$")
# A figure's "noun" made only of what was done to it ("1家已完成装修并试运营", "已建成运营4个") names nothing;
# the same words at the end of a noun another figure inherits are that figure's, not the thing's.
_PREDICATE = (
    r"(?:已经|已|均|全部|基本|正在|完成|建成|运营|投入使用|投用|试运营|开工|竣工|完工|公示|认定|装修|选址|在建|施工|通车|"
    r"开通|获批|通过|验收|交付|入驻|落地|签约|申报|申请|报送|受理|启动|开业|进场|加装|安装|设计|招标|主体结顶|结顶|封顶|主体完工|"
    r"鉴定|排查|开放|开园|开馆|运行|投运|在谈|洽谈|意向|并|和|及|另)"
)
_PREDICATE_ONLY_RE = re.compile(_PREDICATE + "+")
_TRAILING_PREDICATE_RE = re.compile(_PREDICATE + "+$")
_LEADING_PREDICATE_RE = re.compile("^" + _PREDICATE + "+")
# A target naming only "the total" of something counts what the target before it counts: "…增长10%以上,总量突破500亿元".
_TOTAL_NOUNS = frozenset({"总量", "总额", "规模", "总规模", "总数"})
_MADE_INTO_RE = re.compile(r"打造为|打造成|建设为|建设成|建成为|提升为")
