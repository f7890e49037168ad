"""Judging a task's status from its figures and its words, with the reason kept in Chinese."""

from __future__ import annotations

import copy

from tracker.parsing import Status
from tracker.parsing.metrics import extract_metrics
from tracker.parsing.status import judge_status, judge_tasks


def judge(content: str, progress: str, *, completion_text: str = "", period_end_month: int | None = 9) -> tuple[Status, str]:
    metrics = extract_metrics(content, progress, period_end_month=period_end_month)
    return judge_status(
        content=content, progress=progress, completion_text=completion_text, metrics=metrics, period_end_month=period_end_month
    )


# --- figures ------------------------------------------------------------------------------


def test_completion_below_the_elapsed_share_is_behind():
    status, reason = judge("回迁安置1000户以上", "已完成回迁安置588户,完成率58.8%")
    assert status is Status.BEHIND
    assert reason == "回迁安置完成率58.8%,低于序时进度75%"


def test_completion_at_or_above_the_elapsed_share_is_on_track():
    status, reason = judge("开工配套项目20个", "已开工配套项目18个,开工率90%")
    assert status is Status.ON_TRACK
    assert "不低于序时进度75%" in reason


def test_every_target_reached_is_completed():
    status, reason = judge("新增停车泊位3500个、地下空间40万平方米以上。", "停车泊位已新增11494个、地下空间已完成68.8万平方米。")
    assert status is Status.COMPLETED
    assert reason.startswith("各项指标均已完成")


def test_a_target_without_a_figure_keeps_the_task_from_completed():
    status, _ = judge("建设生态绿道10公里、山水连廊2条。", "完成生态绿道23.6公里。")
    assert status is Status.ON_TRACK


def test_a_figure_with_its_own_period_is_held_to_that_period():
    status, reason = judge("实际利用外资6亿美元以上。", "1-8月,实际利用外资4.2亿美元。")
    assert status is Status.ON_TRACK  # 70% against 8/12, though below 75%
    assert reason == "实际利用外资完成率70%,不低于序时进度66.67%(1-8月)"


def test_a_growth_rate_below_its_target_is_behind():
    status, reason = judge("地区生产总值增长7%。", "1-6月,我区实现地区生产总值952亿元,同比增长1.2%,增速列全市第8位。")
    assert status is Status.BEHIND
    assert reason == "地区生产总值增长1.2%,低于目标7%"


def test_a_growth_rate_at_its_target_is_on_track_not_completed():
    status, _ = judge("地区生产总值增长7%。", "上半年地区生产总值同比增长8%。")
    assert status is Status.ON_TRACK  # the year's rate is not final before the year ends


def test_one_target_behind_makes_the_task_behind():
    status, reason = judge("竣工学校6所、开工学校10所。", "已竣工6所;沈塘湾幼儿园等2所已开工。")
    assert status is Status.BEHIND
    assert "开工学校完成率20%" in reason


def test_a_completion_column_percentage_is_a_figure():
    status, reason = judge("建设文化中心。", "正常推进中。", completion_text="60%")
    assert status is Status.BEHIND
    assert reason == "完成进度60%,低于序时进度75%"


def test_without_a_report_period_the_pace_is_not_judged():
    status, reason = judge("新增停车泊位3500个。", "停车泊位已新增2000个。", period_end_month=None)
    assert status is Status.ON_TRACK
    assert "报告期不明" in reason


def test_growth_between_floor_and_target_is_on_track():
    status, reason = judge("地区生产总值增长5.5%左右(确保5%以上)。", "1-9月,地区生产总值增长5.2%。")
    assert status is Status.ON_TRACK
    assert reason == "地区生产总值增长5.2%,未达目标5.5%,不低于保底目标5%"


def test_growth_below_the_floor_is_behind():
    status, reason = judge("地区生产总值增长5.5%左右(确保5%以上)。", "1-9月,地区生产总值增长4.8%。")
    assert status is Status.BEHIND
    assert reason == "地区生产总值增长4.8%,低于保底目标5%"


def test_missing_an_aim_above_a_target_met_is_not_behind():
    status, reason = judge("地区生产总值增长5.5%左右,力争6%。", "上半年全市地区生产总值同比增长5.7%。", period_end_month=6)
    assert status is Status.ON_TRACK
    assert reason == "地区生产总值增长5.7%,达到目标5.5%;地区生产总值增长5.7%,未达目标6%,不低于保底目标5.5%"


def test_a_count_is_held_to_the_floor_of_its_range():
    status, reason = judge("新建口袋公园4-6个。", "已建成口袋公园4个。")
    assert status is Status.COMPLETED
    assert "达到目标4个" in reason


def test_a_doubtful_pair_does_not_drive_the_status():
    status, reason = judge("四大新兴产业增加值占比44%。", "战略性新兴产业增加值占比46.3%,各项工作有序推进。")
    assert status is Status.ON_TRACK
    assert reason == "进度写明“各项工作有序推进”"  # the words decide: the figure waits for an admin


def test_a_refused_pair_does_not_complete_a_task():
    status, _ = judge("上市挂牌企业5家。", "今年以来,9家企业入选拟上市企业库。")
    assert status is Status.UNKNOWN


def test_numeric_columns_drive_the_status_once():
    metrics = extract_metrics("城镇新增就业(人)", "", period_end_month=9, target_text="3000", actual_text="2000", completion_text="66.7%")
    status, reason = judge_status(content="城镇新增就业(人)", progress="", completion_text="66.7%", metrics=metrics, period_end_month=9)
    assert status is Status.BEHIND
    assert reason == "城镇新增就业完成率66.7%,低于序时进度75%"


# --- words --------------------------------------------------------------------------------


def test_yi_wan_cheng_alone_is_completed():
    assert judge("开展店招店牌视觉设计管理试点", "已完成")[0] is Status.COMPLETED
    assert judge("争创省“食品安全区”", "已完成。我区被正式命名为“省食品安全区”")[0] is Status.COMPLETED


def test_yi_wan_gong_and_quan_bu_wan_cheng_are_completed():
    assert judge("新建、改造公厕12座", "已完工")[0] is Status.COMPLETED
    assert judge("推动亚运场馆建设圆满收官。", "全区3个亚运场馆建设全部完成。")[0] is Status.COMPLETED


def test_a_step_done_is_not_the_whole_task_done():
    status, reason = judge("加快基层公共文化示范项目建设", "已完成示范项目评审,各街道积极实施中")
    assert status is Status.ON_TRACK
    assert reason == "进度写明“各街道积极实施中”"


def test_figures_decide_over_words():
    status, reason = judge("新增停车泊位3500个。", "已完成。停车泊位新增2000个。")
    assert status is Status.BEHIND
    assert "以数字为准" in reason


def test_words_of_normal_progress_are_on_track():
    for progress in ("正常进行中", "正常推进", "各项工作有序推进中"):
        assert judge("落实减税降费政策", progress)[0] is Status.ON_TRACK, progress


def test_work_under_way_is_on_track_only_when_it_is_all_the_progress_says():
    assert judge("点亮暗点盲区20处", "施工中,正在进行管线敷设")[0] is Status.ON_TRACK
    long_account = "完成方案设计。一期已竣工;二期正在施工。三期完成招标。"
    assert judge("建设产业园", long_account)[0] is Status.UNKNOWN


def test_faster_than_schedule_is_on_track_and_failing_the_target_is_behind():
    assert judge("财政收入增长与经济增长基本同步。", "1-9月,全区收入快于序时进度6.32个百分点。")[0] is Status.ON_TRACK
    assert judge("节能减排完成市下达目标任务。", "主城区均未能完成市下达的2022年目标任务。")[0] is Status.BEHIND


def test_preparation_only_is_not_started():
    status, reason = judge("开工人才专项租赁房项目2个", "铁路北站单元人才专项租赁房准备EPC招标;半山单元人才房项目方案技术审查")
    assert status is Status.NOT_STARTED
    assert "准备EPC招标" in reason


def test_wei_kai_gong_is_not_started_even_with_preparation_under_way():
    assert judge("开工人才房项目2个", "项目尚未开工,正在办理前期手续")[0] is Status.NOT_STARTED


def test_preparatory_stage_of_some_parts_does_not_override_figures():
    status, _ = judge("加梯60台以上", "已完工57台,完成率95%;施工中33台,前期阶段47台")
    assert status is Status.ON_TRACK


def test_stopped_or_cancelled_is_suspended():
    for progress in ("活动停办", "受疫情影响,活动今年停办", "赛事取消", "项目暂停"):
        status, reason = judge("办好首届邀请赛", progress)
        assert status is Status.SUSPENDED, progress
        assert reason.startswith("进度写明“")


def test_one_event_stopped_among_others_done_is_not_suspended():
    status, _ = judge("扩大传统品牌活动影响力", "完成“新年走大运”活动;中国皮划艇巡回赛今年停办")
    assert status is not Status.SUSPENDED


def test_nothing_telling_is_unknown():
    status, reason = judge("深化国有企业改革", "召开全区国企改革动员大会")
    assert status is Status.UNKNOWN
    assert reason == "进度未写明完成数或状态"


# --- wiring -------------------------------------------------------------------------------


def test_judge_tasks_sets_metrics_status_and_reason(parsed_2022):
    task = copy.deepcopy(parsed_2022.tasks[81])  # the parsed report is shared by the session
    task.metrics, task.status, task.status_reason = [], Status.UNKNOWN, ""
    judge_tasks([task], period_end_month=9)
    assert [m.label for m in task.metrics] == ["停车泊位", "地下空间"]
    assert task.status is Status.COMPLETED
    assert task.status_reason.startswith("各项指标均已完成")


def test_judge_tasks_pairs_the_numeric_columns_of_a_row(parsed_2022):
    task = copy.deepcopy(parsed_2022.tasks[88])
    task.content, task.progress, task.completion_text = "城镇新增就业(人)", "", "101.1%"
    task.target_text, task.actual_text = "3000", "3034"
    judge_tasks([task], period_end_month=9)
    assert [(m.source, m.target, m.actual, m.completion) for m in task.metrics] == [("columns", 3000, 3034, 1.011)]
    assert task.status is Status.COMPLETED


def test_the_parsed_report_carries_statuses_and_metrics_in_its_json(parsed_2020):
    rows = parsed_2020.to_json()["tasks"]
    relocation = rows[54]
    assert relocation["status"] == "behind"
    assert relocation["status_reason"] == "回迁安置完成率58.8%,低于序时进度75%"
    assert relocation["metrics"][0]["evidence"] == {"target": [4, 11], "actual": [7, 11]}
    statuses = {row["status"] for row in rows}
    assert {"completed", "on_track", "behind", "not_started", "suspended", "unknown"} <= statuses
