"""Tests for tracker/departments_index.py: pinyin order without the leading 区, initials, and search."""

from types import SimpleNamespace

from tracker.departments_index import department_index, initial, matches, sort_key


class Aliases(list):
    def all(self):
        return self


def department(name: str, *aliases: str):
    return SimpleNamespace(name=name, aliases=Aliases(SimpleNamespace(name=alias) for alias in aliases))


def test_names_sort_by_pinyin_without_the_leading_district():
    names = ["区住建局", "生态环境拱墅分局", "区财政局", "区城管局", "区发改经信局", "拱墅区人民法院", "区教育局"]

    assert sorted(names, key=sort_key) == ["区财政局", "区城管局", "区发改经信局", "拱墅区人民法院", "区教育局", "生态环境拱墅分局", "区住建局"]
    assert [initial(name) for name in ("区财政局", "生态环境拱墅分局", "区“三改一拆”办", "AB公司", "123")] == ["C", "S", "S", "A", "#"]


def test_polyphones_are_read_by_word():
    # 银行 is yin hang, not yin xing: pypinyin reads words, not characters one by one.
    assert sorted(["区卫健局", "区银行监管组", "区信访局"], key=sort_key) == ["区卫健局", "区信访局", "区银行监管组"]


def test_search_finds_name_alias_pinyin_and_initials_ignoring_case_and_spaces():
    assert matches("财政", "区财政局")
    assert matches("czj", "区财政局") and matches("QCZJ", "区财政局")
    assert matches("cai zheng", "区财政局")
    assert matches("财税", "区财政局", ["区财税局"]) and matches("cs", "区财政局", ["区财税局"])
    assert not matches("jyj", "区财政局")


def test_the_index_groups_by_initial_and_counts_what_it_found():
    departments = [department("区财政局"), department("区城管局"), department("区教育局", "区教委"), department("12345热线")]

    everything = department_index(departments)
    found = department_index(departments, "jw")

    assert [(letter, [entry.name for entry in entries]) for letter, entries in everything.groups] == [
        ("C", ["区财政局", "区城管局"]), ("J", ["区教育局"]), ("#", ["12345热线"]),
    ]
    assert (found.count, found.total, found.groups[0][1][0].aliases) == (1, 4, ("区教委",))
