"""Which stored task a re-imported row continues (tracker.services.matching): pure functions, no database."""

from tracker.services.matching import FieldChange, RowKey, field_changes, match_rows, similarity

STORED = [RowKey(1, "新增停车泊位3500个。"), RowKey(2, "建设生态绿道10公里。"), RowKey(3, "完成老旧小区改造20个。")]


def test_unchanged_rows_match_wherever_they_moved():
    parsed = [RowKey(1, "新增一项全新的任务内容。"), *[RowKey(row.seq + 1, row.content) for row in STORED]]

    assert match_rows(STORED, parsed) == {1: 0, 2: 1, 3: 2}


def test_a_row_reworded_in_place_keeps_its_task():
    parsed = [STORED[0], RowKey(2, "建设生态绿道12公里。"), STORED[2]]

    assert match_rows(STORED, parsed) == {0: 0, 1: 1, 2: 2}


def test_a_row_rewritten_beyond_recognition_is_new_and_the_old_one_removed():
    parsed = [STORED[0], RowKey(2, "举办国际马拉松赛事。"), STORED[2]]

    assert match_rows(STORED, parsed) == {0: 0, 2: 2}


def test_a_row_reworded_and_moved_matches_the_most_similar_task():
    parsed = [RowKey(1, "完成老旧小区改造22个。"), RowKey(2, "新增停车泊位3500个。")]

    assert match_rows(STORED, parsed) == {0: 2, 1: 0}


def test_two_identical_rows_each_keep_one_task():
    stored = [RowKey(1, "同一内容"), RowKey(2, "同一内容")]

    assert match_rows(stored, [RowKey(1, "同一内容"), RowKey(2, "同一内容")]) == {0: 0, 1: 1}


def test_rows_shifted_by_an_insertion_and_all_reworded_still_find_their_tasks():
    """A row inserted at the top shifts every 序号, and every row is reworded: each finds its own task, not the
    one now at its old 序号 (the time this takes on 6,000 rows is in benchmarks/import_benchmark.py)."""
    stored = [RowKey(n, f"第{n}项任务：新建道路{n * 7 % 97}条、改造小区{n * 13 % 89}个，完成投资{n}亿元。") for n in range(1, 301)]
    parsed = [RowKey(1, "新插入的一行")] + [RowKey(row.seq + 1, row.content.replace("完成投资", "累计投资")) for row in stored]

    assert match_rows(stored, parsed) == {index + 1: index for index in range(300)}


def test_field_changes_lists_the_differing_fields_in_order():
    old = {"content": "a", "progress": "b", "departments": [["区财政局", "lead"]]}
    new = {"content": "a", "progress": "c", "departments": [["区财政局", "co"]]}

    assert field_changes(old, new, fields=["content", "progress", "departments"]) == [
        FieldChange("progress", "b", "c"),
        FieldChange("departments", [["区财政局", "lead"]], [["区财政局", "co"]]),
    ]


def test_similarity_is_zero_below_the_minimum_without_the_full_comparison():
    assert similarity("完全不同", "毫无关系的文字", minimum=0.8) == 0.0
    assert similarity("建设生态绿道10公里", "建设生态绿道12公里") > 0.8
