"""Reading targets and actuals: one test per phenomenon, on made-up sentences and on sample rows."""

from __future__ import annotations

import pytest

from tracker.parsing.metrics import Metric, extract_metrics


def metrics_of(content: str, progress: str = "", *, period_end_month: int | None = 9) -> list[Metric]:
    return extract_metrics(content, progress, period_end_month=period_end_month)


def only(content: str, progress: str = "") -> Metric:
    found = metrics_of(content, progress)
    assert len(found) == 1, [m.to_json() for m in found]
    return found[0]


def by_label(found: list[Metric], label: str) -> Metric:
    return next(m for m in found if m.label == label)


def sample_task(report, seq: int):
    task = report.tasks[seq - 1]
    assert task.seq == seq
    return task


# --- targets ----------------------------------------------------------------------------


def test_several_targets_in_one_sentence_each_get_a_metric():
    found = metrics_of("建设生态绿道10公里、山水连廊2条,新增绿地60万平方米。")
    assert [(m.label, m.target, m.unit) for m in found] == [
        ("生态绿道", 10, "公里"),
        ("山水连廊", 2, "条"),
        ("绿地", 600000, "平方米"),
    ]


def test_yi_shang_after_a_count_reads_as_at_least():
    metric = only("引进各类首店15家以上。")
    assert (metric.target, metric.unit, metric.comparator, metric.kind) == (15, "家", ">=", "count")


def test_bu_di_yu_reads_as_at_least():
    metric = only("确保全区森林覆盖率不低于24.5%。")
    assert (metric.label, metric.target, metric.unit, metric.comparator, metric.kind) == ("森林覆盖率", 24.5, "%", ">=", "percent")


def test_yi_and_dollars_are_read_as_an_amount_at_least():
    metric = only("加大吸引外资力度,实际利用外资6亿美元以上。")
    assert (metric.target, metric.unit, metric.comparator, metric.kind) == (600000000, "美元", ">=", "amount")


def test_kong_zhi_zai_zero_growth_reads_as_growth_at_most_zero():
    metric = only("生活垃圾总量控制在零增长以下。")
    assert (metric.label, metric.target, metric.unit, metric.comparator, metric.kind) == ("生活垃圾总量", 0, "%", "<=", "growth")


def test_a_growth_rate_is_kind_growth_in_percent():
    metric = only("地区生产总值增长7%。")
    assert (metric.label, metric.target, metric.unit, metric.kind) == ("地区生产总值", 7, "%", "growth")


def test_bao_chi_above_growth_is_growth_at_least():
    metric = only("社会消费品零售总额保持7%以上增长。")
    assert (metric.label, metric.target, metric.comparator, metric.kind) == ("社会消费品零售总额", 7, ">=", "growth")


def test_a_reduction_is_a_negative_growth_ceiling():
    metric = only("一般性项目支出再压减10%以上。")
    assert (metric.target, metric.comparator, metric.kind) == (-10, "<=", "growth")


def test_jun_growth_gives_each_listed_item_a_target():
    found = metrics_of("其中,民间投资、工业投资均增长10%以上。")
    assert [(m.label, m.target, m.kind) for m in found] == [("民间投资", 10, "growth"), ("工业投资", 10, "growth")]


def test_chinese_numerals_are_read_with_cn2an():
    assert only("开展百场公益养育讲堂。").target == 100
    assert only("开展三十五场专题培训。").target == 35


def test_magnitude_words_are_multiplied_out():
    assert only("新增绿地60万平方米。").target == 600000
    assert only("完成固定资产投资1.27亿元。").target == 127000000


def test_wan_fang_is_folded_into_square_metres():
    metric = only("新增绿地60万平方米。", "新增绿地57.82万方。")
    assert (metric.actual, metric.actual_unit) == (578200, "平方米")


def test_ming_is_folded_into_ren():
    metric = only("引进市级高层次人才1000名以上。", "截至9月底,引进市级高层次人才1120人。")
    assert (metric.unit, metric.actual) == ("人", 1120)


def test_square_kilometres_stay_distinct_from_square_metres():
    metric = only("治理水土流失2平方公里。", "已治理水土流失15000平方米。")
    assert metric.unit == "平方公里"
    assert metric.actual is None


def test_percentages_are_kept_as_percent_numbers():
    assert only("完成2%海绵区域化建设。").target == 2


def test_a_figure_qualifying_the_thing_counted_is_not_a_target():
    metric = only("盯引落地10亿元以上重大产业项目20个。")
    assert (metric.label, metric.target, metric.unit) == ("10亿元以上重大产业项目", 20, "个")


def test_figures_in_quotation_marks_are_names():
    assert metrics_of("打造亚运“最后一公里”体验区精品示范。") == []


def test_a_chinese_numeral_inside_a_name_or_slogan_is_no_target():
    assert metrics_of("严格执行中央八项规定及其实施细则。") == []
    assert metrics_of("推行一项一码、一窗受理。") == []


def test_ordinals_durations_and_versions_are_no_targets():
    assert metrics_of("办好第二届峰会,实施物业综合管理三年行动,打造15分钟生活圈,上线2.0版本。") == []


def test_things_to_be_made_into_something_are_not_a_number_to_reach():
    assert metrics_of("把亚运会乒乓球、曲棍球等8项赛事打造为金牌赛事。") == []


# --- actuals ----------------------------------------------------------------------------


def test_actuals_are_matched_by_what_is_counted_not_by_position():
    found = metrics_of("新建学校10所、改造学校4所。", "已改造学校3所,新建学校9所。")
    assert [(m.label, m.actual) for m in found] == [("学校", 9), ("改造学校", 3)]


def test_actual_after_its_verb_is_found():
    metric = only("着力缓解“停车难”,新增停车泊位3500个。", "停车泊位已新增11494个。")
    assert metric.actual == 11494
    assert metric.completion == pytest.approx(3.284, abs=1e-3)


def test_completion_rate_in_the_progress_is_the_completion():
    metric = only("扩大电梯综合养老保险覆盖面,全年新增电梯参保1000台。", "累计新增974台电梯参保,完成率97.4%。")
    assert (metric.actual, metric.completion) == (974, 0.974)


def test_share_of_the_whole_work_goes_to_the_target_without_a_count():
    found = metrics_of("建设沿河生态廊道7条9公里。", "已完工2条,剩余5条施工中,完成总工程量的30%。")
    assert [(m.unit, m.actual, m.completion) for m in found] == [("条", 2, pytest.approx(0.2857, abs=1e-4)), ("公里", None, 0.3)]


def test_task_completion_progress_and_a_target_stated_in_the_progress():
    metric = only(
        "高效落实各项减税降费和惠企政策。",
        "我区累计完成减负降本金额85.54亿元,超额完成全年81.5亿元的目标数,任务完成进度为105%。",
    )
    assert (metric.target, metric.unit, metric.actual, metric.completion) == (8150000000, "元", 8554000000, 1.05)
    assert metric.target_span is None  # the target is not in the content


def test_share_of_a_target_given_by_the_city():
    metric = only("争创省级“无违建区”。", "已拆除各类违建18.48万平方米,完成市下达年度目标任务20万平方米的92.4%。")
    assert (metric.target, metric.actual, metric.completion) == (200000, 184800, 0.924)


def test_task_list_counted_in_the_progress_is_a_target():
    metric = only("实施优化营商环境专项行动。", "优化营商环境专项行动共2815项任务,已完成2256项,完成率80.14%。")
    assert (metric.target, metric.unit, metric.actual, metric.completion) == (2815, "项", 2256, 0.8014)


def test_a_ratio_without_a_target_is_a_metric_of_its_own():
    metric = only("稳妥化解隐性债务。", "1-9月已化解债务完成本年度化解任务的112.47%。")
    assert (metric.target, metric.actual, metric.completion) == (None, None, 1.1247)


def test_dates_ranks_and_years_near_a_figure_are_not_actuals():
    metric = only("新建学校5所。", "2022年5月31日新建学校2所投入使用,在全市排名第3位。")
    assert metric.actual == 2


def test_year_to_date_span_is_the_period_of_the_figure_not_an_actual():
    metric = only("实际利用外资6亿美元以上。", "1-8月,实际利用外资2.74亿美元。")
    assert (metric.actual, metric.period_end_month) == (274000000, 8)


def test_shang_ban_nian_is_the_first_six_months():
    metric = only("实现数字经济核心产业增加值增长10%以上。", "上半年数字经济核心产业增加值增速-2.2%。")
    assert (metric.actual, metric.period_end_month) == (-2.2, 6)


def test_a_growth_figure_is_the_actual_of_the_growth_target():
    found = metrics_of("完成固定资产投资700亿元,同比增长7%。", "1-8月完成固定资产投资468亿元,同比增长6.4%。")
    assert [(m.kind, m.actual) for m in found] == [("amount", 46800000000), ("growth", 6.4)]


def test_a_decline_is_a_negative_growth_actual():
    metric = only("生活垃圾总量控制在零增长以下。", "1-8月日均垃圾量1413.93吨,同比下降2.63%。")
    assert metric.actual == -2.63


def test_a_figure_printed_without_its_unit_takes_the_targets():
    metric = only("万人发明专利拥有量88件以上。", "8月万人发明专利拥有量达到112,已完成年初目标。")
    assert (metric.actual, metric.actual_unit) == (112, "件")


def test_recommended_and_applied_figures_are_not_actuals():
    metric = only("新增国家高新技术企业141家。", "推荐新申报国家高新技术企业176家。")
    assert metric.actual is None


def test_works_under_way_are_not_actuals():
    metric = only("加装电梯200台以上。", "通过方案联审285台,其中已完工158台,施工中94台。")
    assert metric.actual == 158


def test_a_figure_awaiting_acceptance_is_not_an_actual():
    metric = only("创建3个体育文化社区。", "3个体育文化社区创建标准均已达标,等待验收。")
    assert metric.actual is None


def test_one_level_of_a_target_without_levels_is_not_its_actual():
    metric = only("新增知识产权示范企业20家。", "新增省级知识产权示范企业11家,市、区级知识产权示范企业待评审。")
    assert metric.actual is None


def test_a_total_is_taken_over_its_parts():
    metric = only("交付安置房57万平方米。", "星桥农居二期15.69万方、谢村单元27.51万方合计43.2万方完成交付。")
    assert metric.actual == 432000


def test_started_works_do_not_count_as_built_ones():
    found = metrics_of("实施97条道路建设。", "97条道路中13条道路已开工,24条道路已完工。")
    assert found[0].actual == 24


def test_the_action_of_a_target_must_match_the_figures():
    found = metrics_of("开工项目14个,投用3个。", "已开工4个项目;已竣工5个项目;已投用2个项目。")
    assert [(m.label, m.actual) for m in found] == [("开工项目", 4), ("投用项目", 2)]


def test_a_changed_scope_gives_no_actual():
    metric = only("实施131个大城北开发建设项目。", "正式任务共计133个项目。已开工18个,完工20个。")
    assert metric.actual is None


def test_when_two_figures_fit_equally_there_is_no_pair():
    metric = only("完成土地出让20宗。", "已出让12宗,收储8宗。")
    assert metric.actual is None


def test_to_json_has_exactly_the_documented_keys():
    payload = only("新增绿地60万平方米。", "新增绿地57.82万方。").to_json()
    assert payload == {
        "label": "绿地",
        "target": 600000,
        "unit": "平方米",
        "comparator": "=",
        "kind": "amount",
        "actual": 578200,
        "actual_unit": "平方米",
        "completion": pytest.approx(0.9637, abs=1e-4),
        "period_end_month": None,
        "evidence": {"target": [4, 10], "actual": [4, 11]},
        "target_text": "60万平方米",
        "floor": None,
        "approx": False,
        "range_high": None,
        "source": "text",
        "confidence": "confident",
        "confidence_reason": "进度所列名称、单位与目标一致",
    }


def test_to_json_carries_the_figures_own_period():
    payload = only("实际利用外资6亿美元以上。", "1-8月,实际利用外资2.74亿美元。").to_json()
    assert payload["period_end_month"] == 8


def test_evidence_spans_point_at_the_figures():
    content, progress = "建设生态绿道10公里、山水连廊2条,新增绿地60万平方米。", "完成生态绿道23.6公里,新增绿地57.82万方。"
    found = metrics_of(content, progress)
    green = by_label(found, "绿地")
    assert content[slice(*green.target_span)] == "60万平方米"
    assert progress[slice(*green.actual_span)] == "57.82万方"
    assert by_label(found, "山水连廊").actual_span is None


# --- the examples of issue 12 -------------------------------------------------------------


def test_candidates_for_listing_are_no_actual_of_listed_companies():
    metric = only("上市挂牌企业5家。", "今年以来,9家企业入选拟上市企业库。")
    assert metric.actual is None
    assert metric.completion is None


def test_a_share_of_another_industry_is_never_a_confident_actual():
    metric = only("四大新兴产业增加值占比44%。", "1-9月,战略性新兴产业增加值占比46.3%。")
    assert metric.actual is None or metric.confidence == "doubtful"
    assert metric.completion is None


def test_growth_about_a_figure_with_a_floor_in_brackets_is_one_target():
    metric = only("地区生产总值增长5.5%左右(确保5%以上)。")
    assert (metric.label, metric.target, metric.floor, metric.kind) == ("地区生产总值", 5.5, 5, "growth")
    assert metric.approx
    assert metric.target_text == "5.5%左右(确保5%以上)"


def test_each_count_keeps_the_thing_it_counts_when_a_verb_starts_the_next():
    found = metrics_of("建成18个应急广播并安装752个喇叭。", "已建成18个应急广播,共安装752个喇叭。")
    assert [(m.label, m.target, m.unit, m.actual) for m in found] == [("应急广播", 18, "个", 18), ("喇叭", 752, "个", 752)]
    found = metrics_of("建成18个应急广播站点安装752个喇叭。", "已建成18个应急广播站点并安装752个喇叭。")
    assert [(m.label, m.target, m.unit, m.actual) for m in found] == [
        ("应急广播站点", 18, "个", 18),
        ("喇叭", 752, "个", 752),
    ]


# --- pairing only what counts the same thing ----------------------------------------------


def test_a_signing_is_no_actual_of_works_started_nor_the_reverse():
    assert only("开工产业项目20个。", "签约产业项目25个。").actual is None
    assert only("签约项目20个。", "已开工项目12个。").actual is None


def test_signed_projects_still_meet_a_target_of_projects_brought_in():
    assert only("引进外籍人才项目10个以上。", "已签约外籍人才项目10个。").actual == 10


def test_companies_put_in_a_reserve_list_are_no_actual_of_new_companies():
    assert only("新增规上工业企业10家。", "12家企业列入规上企业培育库。").actual is None


def test_a_part_named_under_qi_zhong_does_not_stand_for_the_whole():
    assert only("帮扶困难人员就业1000人。", "开展就业帮扶,其中帮扶残疾人就业300人。").actual is None
    whole = only("新增城镇就业3000人。", "新增城镇就业2500人,其中高校毕业生就业800人。")
    assert whole.actual == 2500


def test_stage_breakdowns_under_qi_zhong_still_count():
    assert only("加装电梯200台以上。", "通过方案联审285台,其中已完工158台,施工中94台。").actual == 158


def test_a_doubtful_pair_keeps_its_actual_and_reason_but_no_completion():
    metric = only("四大新兴产业增加值占比44%。", "战略性新兴产业增加值占比46.3%。")
    assert (metric.actual, metric.confidence, metric.completion) == (46.3, "doubtful", None)
    assert "战略性新兴产业增加值占比" in metric.confidence_reason


def test_a_growth_figure_of_another_named_indicator_is_no_actual():
    assert only("地区生产总值增长6%。", "1-9月,规上工业增加值增长8.2%。").actual is None
    assert only("规上工业增加值增长7%。", "规上工业总产值同比增长9.2%。").actual is None
    assert only("一般公共预算收入增长6%。", "1-9月财政总收入增长4.2%。").actual is None


def test_a_bare_growth_rate_is_the_growth_of_the_figure_before_it():
    assert only("地区生产总值增长6%。", "1-9月实现规上工业总产值300亿元,同比增长8%。").actual is None
    assert only("地区生产总值增长6%。", "1-9月实现地区生产总值300亿元,同比增长5%。").actual == 5


def test_the_only_growth_figure_naming_something_else_is_doubtful():
    metric = only("数字贸易额增长15%。", "1-9月跨境电商交易额增长20%。")
    assert (metric.actual, metric.confidence, metric.completion) == (20, "doubtful", None)
    assert "跨境电商交易额" in metric.confidence_reason


def test_the_only_growth_figure_of_the_same_indicator_for_another_subject_is_doubtful():
    metric = only("城镇居民人均可支配收入增长7%。", "前三季度农村居民人均可支配收入增长8.1%。")
    assert metric.actual is None or metric.confidence == "doubtful"


def test_a_confident_pair_says_why():
    metric = only("新增停车泊位3500个。", "停车泊位已新增3600个。")
    assert metric.confidence == "confident"
    assert metric.confidence_reason


def test_a_candidate_list_entry_is_no_listing_but_statistics_entry_is_the_thing_itself():
    assert only("新增规上工业企业120家。", "新增入库规上工业企业97家,另有38家企业纳入培育库。").actual == 97


def test_application_approval_request_and_survey_stages_are_not_done():
    assert only("新增上市公司3家。", "已有2家企业向证监会提交上市申请,1家已过会。").actual is None
    assert only("完成土地征收3000亩。", "已完成土地征收报批3000亩,实际征收到位1800亩。").actual == 1800
    assert only("完成农村危房改造200户。", "已完成鉴定危房230户,完成改造150户。").actual != 230


def test_a_signing_meets_only_a_target_that_brings_things_in():
    assert only("完成征迁1000户。", "已签约征迁户870户,腾空交地720户。").actual is None
    assert only("招引亿元以上项目20个。", "在谈亿元以上项目35个,已签约12个。").actual == 12


def test_an_earlier_stage_named_by_another_figure_is_not_inherited():
    found = metrics_of("全年新开工重大项目40个,竣工项目15个。", "1-9月签约重大项目52个,新开工29个,竣工9个。")
    assert [(m.target, m.actual) for m in found] == [(40, 29), (15, 9)]


def test_a_part_under_qi_zhong_is_a_part_even_when_written_inside_the_whole():
    assert only("实现外贸进出口总额200亿元。", "外贸进出口总额152亿元,其中出口98亿元。").actual == 152e8
    assert only("进出口总额增长5%。", "进出口总额156亿元,同比下降3.4%,其中出口增长2.1%。").actual == -3.4
    assert only("新增高效节水灌溉面积1万亩。", "建成高标准农田1.8万亩,其中高效节水灌溉0.6万亩。").actual == 6000


def test_a_season_or_a_component_is_a_part_of_the_whole():
    assert only("粮食产量稳定在21万吨以上。", "夏粮产量6.9万吨。").actual is None
    assert only("新建农村公路50公里。", "完成农村公路路基工程35公里。").actual is None


def test_another_subject_with_a_general_modifier_is_still_another_subject():
    assert only("城市污水处理率达到97%。", "农村生活污水处理率达到92%。").confidence == "doubtful"
    assert only("新建城市停车泊位1500个。", "一季度新增公共停车泊位326个。").actual == 326


def test_last_years_figure_is_no_actual():
    assert only("新增城镇就业5000人。", "上年全区新增城镇就业4800人,今年工作正在推进。").actual is None
    assert only("新增城镇就业5000人。", "1-9月新增城镇就业4120人,去年同期为3980人。").actual == 4120


def test_a_threshold_is_no_target():
    metric = only("村级集体经济收入50万元以上的村占比达到60%。", "收入50万元以上的村占比达到58%。")
    assert (metric.target, metric.actual) == (60, 58)


def test_works_under_construction_or_partly_done_are_not_done():
    assert only("加装电梯300部。", "已完成加装并投入使用186部,在建64部。").actual == 186
    assert only("社区卫生服务中心提质改造(3家)。", "1家已投入使用,2家完成装修工程量70%。").actual == 1


def test_a_figure_named_only_by_what_was_done_counts_the_targets_thing():
    assert only("新建社区嵌入式养老服务站(6个)。", "已建成运营4个,2个正在装修。").actual == 4
    assert only("新建学校5所。", "3所已完成主体结顶,2所已投入使用。").actual == 2


def test_acceptance_passed_is_done_and_acceptance_pending_is_not():
    assert only("建成5个未来社区。", "2个未来社区已通过验收,3个正在创建。").actual == 2
    assert only("创建3个体育文化社区。", "3个体育文化社区创建标准均已达标,等待验收。").actual is None


def test_data_pending_for_another_period_leaves_the_figure_an_actual():
    metric = only("单位GDP能耗下降3%。", "一季度单位GDP能耗同比下降2.1%,上半年数据待省统计局反馈。")
    assert (metric.actual, metric.period_end_month) == (-2.1, 3)


# --- targets as written -------------------------------------------------------------------


def test_zuo_you_is_an_approximate_target_with_its_words():
    metric = only("地区生产总值增长5.5%左右。")
    assert (metric.target, metric.approx, metric.floor, metric.target_text) == (5.5, True, None, "5.5%左右")


def test_que_bao_before_a_figure_gives_a_floor():
    metric = only("规上工业增加值确保5%以上增长。")
    assert (metric.target, metric.floor, metric.comparator, metric.kind) == (5, 5, ">=", "growth")


def test_li_zheng_is_part_of_the_target_as_written():
    metric = only("新增市场主体力争6000户。")
    assert (metric.label, metric.target, metric.target_text) == ("市场主体", 6000, "力争6000户")


def test_an_aim_is_a_target_of_its_own_held_to_the_main_target_and_sharing_its_actual():
    found = metrics_of("全年地区生产总值增长7%左右，力争达到7.5%。", "前三季度全县地区生产总值同比增长6.6%。")
    assert [(m.label, m.target, m.kind, m.approx, m.floor, m.target_text, m.actual) for m in found] == [
        ("地区生产总值", 7, "growth", True, None, "7%左右", 6.6),
        ("地区生产总值", 7.5, "growth", False, 7, "力争达到7.5%", 6.6),
    ]


def test_que_bao_then_li_zheng_gives_a_floor_and_an_aim():
    found = metrics_of("一般公共预算收入确保增长5%、力争6%。")
    assert [(m.label, m.target, m.floor, m.comparator, m.kind) for m in found] == [
        ("一般公共预算收入", 5, 5, ">=", "growth"),
        ("一般公共预算收入", 6, 5, "=", "growth"),
    ]


def test_an_aim_in_brackets_does_not_name_the_thing_counted():
    found = metrics_of("全年新增上市企业3家(力争5家)。", "新增上市企业2家。")
    assert [(m.label, m.target, m.actual, m.target_text) for m in found] == [("上市企业", 3, 2, "3家"), ("上市企业", 5, 2, "力争5家")]


def test_fen_bie_gives_each_listed_thing_its_figure():
    found = metrics_of(
        "城乡居民人均可支配收入分别增长6%、7.5%。",
        "上半年城镇居民人均可支配收入26845元,增长4.6%;农村居民人均可支配收入15230元,增长6.1%。",
    )
    assert [(m.label, m.target, m.kind, m.actual) for m in found] == [
        ("城镇居民人均可支配收入", 6, "growth", 4.6),
        ("农村居民人均可支配收入", 7.5, "growth", 6.1),
    ]


def test_bu_di_yu_and_yi_shang_are_their_own_floor():
    assert only("确保全区森林覆盖率不低于24.5%。").floor == 24.5
    assert only("引进各类首店15家以上。").floor == 15


def test_a_range_is_its_low_end_with_the_high_end_kept():
    metric = only("新建口袋公园3-5个。")
    assert (metric.target, metric.range_high, metric.floor, metric.comparator, metric.target_text) == (3, 5, 3, ">=", "3-5个")
    assert only("新增绿地5至10万平方米。").range_high == 100000


def test_a_range_in_chinese_numerals_is_a_range():
    metric = only("新建三至五个社区食堂。", "已建成社区食堂4个。")
    assert (metric.target, metric.range_high, metric.actual) == (3, 5, 4)
    assert only("新增就业岗位两到三万个。").target == 20000


def test_completion_is_measured_against_the_floor():
    metric = only("新建口袋公园3-5个。", "已建成口袋公园4个。")
    assert metric.completion == pytest.approx(4 / 3, abs=1e-4)


def test_bu_chao_guo_is_a_ceiling():
    metric = only("城镇调查失业率不超过5.5%。", "6月份城镇调查失业率为5.1%。")
    assert (metric.label, metric.comparator, metric.floor, metric.target_text) == ("城镇调查失业率", "<=", None, "不超过5.5%")


def test_a_comparator_before_a_growth_rate_keeps_it_a_growth_rate():
    found = metrics_of("一般公共预算收入完成210亿元,增长不低于6%。", "1-6月一般公共预算收入同比增长6.3%。")
    assert [(m.label, m.target, m.kind, m.comparator, m.actual) for m in found][1] == ("一般公共预算收入", 6, "growth", ">=", 6.3)


def test_a_total_counts_what_the_target_before_it_counts():
    found = metrics_of("规上服务业营业收入增长10%以上,总量突破500亿元。", "1-8月规上服务业营业收入358.2亿元,同比增长11.6%。")
    assert [(m.label, m.target, m.comparator, m.actual) for m in found] == [
        ("规上服务业营业收入", 10, ">=", 11.6),
        ("规上服务业营业收入", 500e8, ">=", 358.2e8),
    ]


def test_xin_kai_gong_is_met_by_started_works_not_by_finished_ones():
    assert only("新开工保障性租赁住房6000套。", "已开工保障性租赁住房5230套,其中基本建成1870套。").actual == 5230


def test_chinese_numerals_after_a_verb_led_clause_are_targets():
    assert only("新增城市停车泊位八千个。", "已新增停车泊位五千二百个。").actual == 5200
    assert [m.target for m in metrics_of("完成征迁安置房建设两千套、交付一千套。")] == [2000, 1000]


def test_ratios_against_the_years_plan_or_budget_are_completions():
    assert only("完成重点项目投资600亿元。", "重点项目累计完成投资629亿元,占年度投资计划的97.2%。").completion == 0.972
    assert only("新增城镇就业1.2万人。", "新增城镇就业9865人,完成年度目标的82.2%。").completion == 0.822


def test_a_date_range_is_not_a_range_target():
    assert metrics_of("1-8月开展专项整治。") == []


# --- numeric columns ----------------------------------------------------------------------


def columns_of(content: str, target_text: str, actual_text: str, completion_text: str = "", progress: str = "") -> list[Metric]:
    return extract_metrics(
        content, progress, period_end_month=9, target_text=target_text, actual_text=actual_text, completion_text=completion_text
    )


def test_numeric_columns_pair_directly_with_their_cells_as_evidence():
    (metric,) = columns_of("城镇新增就业(人)", "3000", "3034")
    assert (metric.label, metric.target, metric.unit, metric.actual, metric.source, metric.confidence) == (
        "城镇新增就业", 3000, "人", 3034, "columns", "confident"
    )  # fmt: skip
    assert metric.completion == pytest.approx(1.0113, abs=1e-4)
    assert (metric.target_span, metric.actual_span, metric.target_text) == ((0, 4), (0, 4), "3000")


def test_a_rate_column_is_the_completion_as_stated():
    (metric,) = columns_of("城镇新增就业(人)", "3000", "3034", "101.1%")
    assert metric.completion == pytest.approx(1.011)


def test_a_magnitude_in_the_indicators_name_applies_to_bare_cells():
    (metric,) = columns_of("固定资产投资(亿元)", "120", "95.6")
    assert (metric.target, metric.actual, metric.unit, metric.kind) == (12000000000, 9560000000, "元", "amount")


def test_a_growth_column_is_a_growth_rate():
    (metric,) = columns_of("地区生产总值增长(%)", "6.5左右", "5.8")
    assert (metric.label, metric.target, metric.actual, metric.kind, metric.approx) == ("地区生产总值", 6.5, 5.8, "growth", True)


def test_a_column_target_replaces_the_same_target_read_from_the_words():
    found = columns_of("新增城镇就业3000人。", "3000", "3034", progress="新增城镇就业3034人。")
    assert [(m.label, m.source, m.actual) for m in found] == [("城镇就业", "columns", 3034)]


def test_cells_in_the_columns_keep_their_own_units():
    (metric,) = columns_of("引进人才", "1.2万人", "9800人")
    assert (metric.target, metric.actual, metric.unit, metric.actual_span) == (12000, 9800, "人", (0, 5))


def test_an_empty_actual_cell_gives_a_target_without_actual():
    (metric,) = columns_of("城镇新增就业(人)", "3000", "/")
    assert (metric.target, metric.actual, metric.source) == (3000, None, "columns")


def test_a_comparator_in_the_indicators_name_or_cell_is_the_targets():
    (metric,) = columns_of("城镇登记失业率低于(%)", "4.5", "3.86")
    assert (metric.label, metric.comparator, metric.unit) == ("城镇登记失业率", "<=", "%")
    (metric,) = columns_of("城镇调查失业率", "≤5.5", "4.9")
    assert (metric.comparator, metric.unit, metric.kind) == ("<=", "%", "percent")


def test_a_growth_named_indicator_without_unit_is_a_growth_rate():
    (metric,) = columns_of("地区生产总值增速", "6.5", "5.8")
    assert (metric.unit, metric.kind, metric.completion) == ("%", "growth", None)


def test_a_share_in_brackets_beside_the_actual_cell_is_not_a_second_figure():
    (metric,) = columns_of("城镇新增就业(人)", "3000", "3034(占101.1%)")
    assert (metric.actual, metric.actual_span) == (3034, (0, 4))


def test_no_target_cell_gives_no_column_metric():
    assert columns_of("深化改革", "/", "3034") == []


# --- sample rows --------------------------------------------------------------------------


def test_sample_2022_row_16_pairs_green_ways_and_green_land(parsed_2022):
    task = sample_task(parsed_2022, 16)
    assert [(m.label, m.target, m.unit, m.actual) for m in task.metrics] == [
        ("生态绿道", 10, "公里", 23.6),
        ("山水连廊", 2, "条", None),
        ("绿地", 600000, "平方米", 578200),
    ]


def test_sample_2022_row_88_reads_bai_chang_and_matches_another_word_for_lecture(parsed_2022):
    lectures = by_label(sample_task(parsed_2022, 88).metrics, "公益养育讲堂")
    assert (lectures.target, lectures.actual) == (100, 151)


def test_sample_2022_row_47_uses_the_projects_qualifiers_to_tell_them_apart(parsed_2022):
    found = sample_task(parsed_2022, 47).metrics
    assert [(m.target, m.actual, m.period_end_month) for m in found] == [(20, 18, 8), (160, 187, 8), (80, 68, 8)]


def test_sample_2022_row_61_recommendations_give_no_actual(parsed_2022):
    assert [m.actual for m in sample_task(parsed_2022, 61).metrics] == [None, None]


def test_sample_2020_row_58_takes_the_total_over_three_parts(parsed_2020):
    metric = sample_task(parsed_2020, 58).metrics[0]
    assert (metric.target, metric.actual, metric.completion) == (3300, 3174, 0.9618)


def test_sample_2020_row_59_matches_start_and_finish_counts_under_their_headings(parsed_2020):
    found = sample_task(parsed_2020, 59).metrics
    assert [(m.target, m.unit, m.actual) for m in found] == [(94, "条", None), (53, "公里", None), (18, "条", 16), (10, "条", 10)]


def test_sample_2020_row_56_gives_the_area_ratio_to_the_area_metric(parsed_2020):
    plots, area = sample_task(parsed_2020, 56).metrics
    assert (plots.actual, plots.completion) == (14, pytest.approx(1.1667, abs=1e-4))
    assert (area.actual, area.completion) == (470.25, 1.045)


def test_a_cell_of_thousands_of_numbers_gives_no_pair():
    """Issue 18: a crafted 32,767-character cell of figures once held a worker for minutes; past
    MAX_NUMBERS_PER_CELL numbers the pairing is not attempted at all."""
    from tracker.parsing.metrics.extract import MAX_NUMBERS_PER_CELL

    assert extract_metrics("地区生产总值增长7%。", "7%" * (MAX_NUMBERS_PER_CELL + 1), period_end_month=9) == []
    assert extract_metrics("地区生产总值增长7%。", "增长7.5%", period_end_month=9) != []
