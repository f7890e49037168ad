"""Tests for tracker/services/series.py: the same task linked across the quarters of a year and across years."""

import pytest

from tests.factories import parsed_report_build, parsed_task_build
from tracker.models import Task, TaskSeries
from tracker.services import ServiceError, report_import
from tracker.services.errors import SERIES_SAME_REPORT
from tracker.services.series import SeriesKey, series_matches, tasks_series_link, tasks_series_unlink

CONTENTS = ["地区生产总值增长7%。", "新建中小学校3所。", "新增停车泊位3500个。", "完成老旧小区改造20个。"]


def quarter(year: int, month: int, contents=CONTENTS, *, themes=None, statuses=None, prefix="K1493206-6", revision=""):
    """A parsed quarterly report of one family: index numbers share their organisation prefix."""
    return parsed_report_build(
        title=f"{year}年1-{month}月完成情况",
        index_no=f"{prefix}/{year}-{month:02d}",
        year=year,
        period_end_month=month,
        tasks=[
            parsed_task_build(
                seq=seq,
                content=content,
                theme=(themes or {}).get(seq, "主要经济指标"),
                **({"status": statuses[seq - 1]} if statuses else {}),
            )
            for seq, content in enumerate(contents, start=1)
        ],
        revision=revision,
    )


def imported(*args, **kwargs):
    return report_import(parsed=quarter(*args, **kwargs), publish=True).report


def series_of(report) -> dict[str, tuple[int, float | None]]:
    return {task.content: (task.series_id, task.series_score) for task in report.tasks.all()}


def test_series_matches_pairs_the_same_content_first_then_the_most_alike():
    previous = [SeriesKey(1, "民生", "新建中小学校3所。"), SeriesKey(2, "民生", "新增停车泊位3500个。")]
    current = [SeriesKey(1, "民生", "新增停车泊位4000个。"), SeriesKey(2, "民生", "新建中小学校3所。"), SeriesKey(3, "民生", "植树。")]

    assert series_matches(previous, current) == {1: (0, 1.0), 0: (1, 0.833)}


def test_series_matches_asks_more_of_a_task_that_changed_theme():
    previous = [SeriesKey(1, "交通", "新增停车泊位3500个。")]
    reworded = [SeriesKey(1, "交通", "新增公共停车泊位4000个以上。")]  # 0.71 alike
    moved = [SeriesKey(1, "民生", "新增公共停车泊位4000个以上。")]

    assert series_matches(previous, reworded)[0][0] == 0
    assert series_matches(previous, moved) == {}


@pytest.mark.django_db
def test_every_task_of_a_first_report_starts_its_own_series():
    report = imported(2022, 3)

    series = series_of(report)
    assert len({series_id for series_id, _ in series.values()}) == len(CONTENTS)
    assert all(score is None for _, score in series.values())


@pytest.mark.django_db
def test_the_same_task_is_linked_across_the_quarters_of_a_year():
    q1, q2, q3 = imported(2022, 3), imported(2022, 6), imported(2022, 9)

    first, second, third = series_of(q1), series_of(q2), series_of(q3)
    for content in CONTENTS:
        assert first[content][0] == second[content][0] == third[content][0]
        assert second[content][1] == third[content][1] == 1.0
    assert TaskSeries.objects.count() == len(CONTENTS)


@pytest.mark.django_db
def test_a_task_reworded_between_quarters_stays_in_its_series_with_a_lower_score():
    q2 = imported(2022, 6)
    q3 = imported(2022, 9, ["地区生产总值增长7%。", "新建中小学校3所，新增学位2000个。", *CONTENTS[2:]])

    before, after = series_of(q2), series_of(q3)
    series_id, score = after["新建中小学校3所，新增学位2000个。"]
    assert series_id == before["新建中小学校3所。"][0]
    assert 0.6 <= score < 1


@pytest.mark.django_db
def test_the_same_task_is_linked_across_years_where_it_recurs():
    last_year = imported(2021, 12, ["地区生产总值增长6.5%左右。", "新建中小学校3所。", "举办亚运会测试赛。"])
    this_year = imported(2022, 3, ["地区生产总值增长7%左右。", "新建中小学校3所。", "新增停车泊位3500个。"])

    before, after = series_of(last_year), series_of(this_year)
    assert after["地区生产总值增长7%左右。"][0] == before["地区生产总值增长6.5%左右。"][0]
    assert after["新建中小学校3所。"] == (before["新建中小学校3所。"][0], 1.0)
    assert after["新增停车泊位3500个。"][0] not in {series_id for series_id, _ in before.values()}
    assert after["新增停车泊位3500个。"][1] is None


@pytest.mark.django_db
def test_a_task_that_disappears_ends_its_series_and_a_new_one_starts_its_own():
    q2 = imported(2022, 6)
    q3 = imported(2022, 9, [CONTENTS[0], CONTENTS[1], CONTENTS[3], "建成城市书房5家。"])

    before, after = series_of(q2), series_of(q3)
    dropped_series = before["新增停车泊位3500个。"][0]
    assert not Task.objects.filter(report=q3, series_id=dropped_series).exists()
    assert after["建成城市书房5家。"][0] not in {series_id for series_id, _ in before.values()}


@pytest.mark.django_db
def test_reports_of_another_family_are_not_linked():
    ours = imported(2022, 6)
    theirs = imported(2022, 9, prefix="K0000001-1")

    assert not set(series_of(ours).values()) & set(series_of(theirs).values())
    assert all(score is None for _, score in series_of(theirs).values())


@pytest.mark.django_db
def test_a_quarter_imported_late_joins_the_chain_between_its_neighbours():
    q1 = imported(2022, 3, ["甲项目建设完成投资10亿元。"])
    q3 = imported(2022, 9, ["甲项目建设完成投资10亿元，新开工乙项目。"])  # alike enough to Q2's wording, not to Q1's
    q2 = imported(2022, 6, ["甲项目建设完成投资10亿元，新开工乙项目。"])

    series_ids = {report.tasks.get().series_id for report in (q1, q2, q3)}
    assert len(series_ids) == 1
    assert q3.tasks.get().series_score == 1.0


@pytest.mark.django_db
def test_a_reimport_that_takes_a_task_out_of_its_series_keeps_the_later_quarters_linked_to_each_other():
    q1, q2, q3, q4 = (imported(2022, month) for month in (3, 6, 9, 12))
    # A corrected Q2 file: the second row reworded and under another theme. It is still the same row of Q2
    # (its id is kept), but no longer reads as Q1's task.
    rewording = [CONTENTS[0], "新建中小学校3所，建成城市书房。", *CONTENTS[2:]]
    report_import(parsed=quarter(2022, 6, rewording, themes={2: "社会事业"}, revision="fix"), publish=True)

    school = [report.tasks.get(seq=2) for report in (q1, q2, q3, q4)]
    assert school[1].series_score is None
    assert school[1].series_id != school[0].series_id
    assert school[2].series_id not in {school[0].series_id, school[1].series_id}  # other theme: not continued
    assert school[3].series_id == school[2].series_id  # Q4 still continues Q3


@pytest.mark.django_db
def test_a_task_missing_from_one_quarter_stays_linked_to_the_quarters_before_the_gap():
    q1 = imported(2022, 3)
    imported(2022, 6, [CONTENTS[0], CONTENTS[2], CONTENTS[3]])
    q3 = imported(2022, 9)

    assert series_of(q3)["新建中小学校3所。"][0] != series_of(q1)["新建中小学校3所。"][0]  # Q3 is compared with Q2 only
    # An admin links the gap by hand; the next re-import of Q3 keeps it.
    tasks_series_link(tasks=[q1.tasks.get(seq=2), q3.tasks.get(seq=2)])
    report_import(parsed=quarter(2022, 9, revision="again"), publish=True)
    assert series_of(q3)["新建中小学校3所。"][0] == series_of(q1)["新建中小学校3所。"][0]


@pytest.mark.django_db
def test_an_admins_link_and_unlink_are_kept_across_reimports():
    q2 = imported(2022, 6)
    q3 = imported(2022, 9, ["经济运行稳中向好。", *CONTENTS[1:]])  # too different to be linked automatically
    gdp_q2 = q2.tasks.get(seq=1)
    gdp_q3 = q3.tasks.get(seq=1)
    assert gdp_q3.series_id != gdp_q2.series_id

    tasks_series_link(tasks=[gdp_q2, gdp_q3])
    school_q3 = q3.tasks.get(seq=2)
    tasks_series_unlink(tasks=[school_q3])
    report_import(parsed=quarter(2022, 9, ["经济运行稳中向好。", *CONTENTS[1:]], revision="again"), publish=True)

    gdp_q3.refresh_from_db()
    school_q3.refresh_from_db()
    assert gdp_q3.series_id == gdp_q2.series_id and "series" in gdp_q3.corrected_fields
    assert school_q3.series_id != q2.tasks.get(seq=2).series_id and "series" in school_q3.corrected_fields


@pytest.mark.django_db
def test_linking_by_hand_moves_out_the_row_that_was_linked_by_mistake():
    q2 = imported(2022, 6)
    q3 = imported(2022, 9)
    parking_q2 = q2.tasks.get(seq=3)
    renovation_q3 = q3.tasks.get(seq=4)

    tasks_series_link(tasks=[parking_q2, renovation_q3])

    parking_q3 = q3.tasks.get(seq=3)
    assert parking_q3.series_id != parking_q2.series_id
    assert Task.objects.filter(series_id=parking_q2.series_id).count() == 2


@pytest.mark.django_db
def test_two_tasks_of_one_report_cannot_be_one_series():
    report = imported(2022, 9)

    with pytest.raises(ServiceError, match=SERIES_SAME_REPORT):
        tasks_series_link(tasks=list(report.tasks.all()[:2]))
