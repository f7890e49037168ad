"""Tests for `manage.py import_report`: one transaction and one summary line per file."""

import pytest
from django.db import OperationalError

from tests.commands import run_import_report
from tests.conftest import SAMPLE_2020, SAMPLE_2022
from tracker.services import importing
from tracker.models import Report, Task
from tracker.parsing import PARSER_VERSION, Severity


@pytest.mark.django_db
def test_it_prints_a_summary_line_per_file(parsed_2022):
    code, out, err = run_import_report(str(SAMPLE_2022))

    assert code == 0
    assert err == ""  # one file: no progress bar
    counts = " ".join(f"{severity} {parsed_2022.count(severity)}" for severity in Severity)
    assert out.splitlines() == [f"{SAMPLE_2022}: created  任务 108  项目 19  单位 37  诊断 {counts}"]
    assert not Report.objects.get().is_published


@pytest.mark.django_db
def test_second_import_says_unchanged():
    run_import_report(str(SAMPLE_2022))

    code, out, _ = run_import_report(str(SAMPLE_2022))

    assert code == 0
    assert f"{SAMPLE_2022}: unchanged  任务 108" in out
    assert Report.objects.count() == 1


@pytest.mark.django_db
def test_a_report_read_by_an_older_parser_is_read_again():
    run_import_report(str(SAMPLE_2022))
    Report.objects.update(parser_version=0)  # as if imported before the parser last changed

    code, out, _ = run_import_report(str(SAMPLE_2022))

    assert code == 0
    assert f"{SAMPLE_2022}: reread  任务 108" in out
    assert "行: 新增 0  变化 0  未变 108  删除 0" in out
    assert Report.objects.get().parser_version == PARSER_VERSION


@pytest.mark.django_db
def test_publish_option_publishes():
    code, out, _ = run_import_report(str(SAMPLE_2022), "--publish")

    assert code == 0
    assert out.rstrip().endswith("已发布")
    assert Report.objects.get().is_published


@pytest.mark.django_db
def test_several_files_show_a_progress_bar_on_stderr():
    code, out, err = run_import_report(str(SAMPLE_2022), str(SAMPLE_2020))

    assert code == 0
    assert len(out.splitlines()) == 2
    assert "2/2" in err
    assert Report.objects.count() == 2


@pytest.mark.django_db
def test_a_bad_file_is_reported_and_the_others_are_imported(tmp_path):
    missing = tmp_path / "missing.txt"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")

    code, out, err = run_import_report(str(missing), str(SAMPLE_2022), str(empty))

    assert code == 1
    assert out.splitlines()[0].startswith(f"{SAMPLE_2022}: created")
    assert f"{missing}: 无法读取文件: No such file or directory" in err.splitlines()
    assert any(line.startswith(f"{empty}: ") for line in err.splitlines())
    assert "2/3 个文件未导入。" in err
    assert Report.objects.count() == 1


@pytest.mark.django_db
def test_one_bad_file_alone_gives_exactly_one_line(tmp_path):
    missing = tmp_path / "missing.txt"

    code, out, err = run_import_report(str(missing))

    assert code == 1
    assert out == ""
    assert err.splitlines() == [f"{missing}: 无法读取文件: No such file or directory"]


@pytest.mark.django_db
def test_database_failure_writes_nothing_for_that_file(monkeypatch):
    def lose_the_connection(**kwargs):
        raise OperationalError("server closed the connection\nunexpectedly")

    monkeypatch.setattr(importing, "task_leaders_create", lose_the_connection)

    code, out, err = run_import_report(str(SAMPLE_2022))

    assert code == 1
    assert out == ""
    assert err.splitlines() == [
        f"{SAMPLE_2022}: 导入失败，未写入任何内容: server closed the connection unexpectedly"
    ]
    assert (Report.objects.count(), Task.objects.count()) == (0, 0)


@pytest.mark.django_db
def test_without_publish_a_corrected_file_of_a_published_report_changes_nothing_public(tmp_path, client):
    run_import_report(str(SAMPLE_2022), "--publish")
    task = Task.objects.get(progress__contains="停车泊位已新增11494个")
    corrected = tmp_path / "2022q3_corrected.txt"
    corrected.write_text(SAMPLE_2022.read_text(encoding="utf-8").replace("停车泊位已新增11494个", "停车泊位已新增12000个"), encoding="utf-8")

    code, out, _ = run_import_report(str(corrected))

    assert code == 0
    assert f"{corrected}: pending" in out and "待发布的修订: 第 2 版（公开网站未变" in out
    assert "12000" not in client.get(f"/tasks/{task.pk}/").content.decode()

    code, out, _ = run_import_report(str(corrected), "--publish")

    assert code == 0 and f"{corrected}: updated" in out
    assert "12000" in client.get(f"/tasks/{task.pk}/").content.decode()


@pytest.mark.django_db
def test_a_header_layout_an_admin_confirmed_is_read_the_same_way_by_the_command(tmp_path):
    from tests.steering_samples import Q2, ROLES
    from tracker.parsing import parse_report_bytes
    from tracker.services import column_layout_remember

    q1 = parse_report_bytes(Q2.replace("二季度", "一季度").encode("utf-8"), header_line=2, columns=ROLES)
    column_layout_remember(header_signature=q1.header_signature, columns=ROLES, labels=q1.columns)
    path = tmp_path / "q2.txt"
    path.write_text(Q2, encoding="utf-8")

    code, out, err = run_import_report(str(path))

    assert code == 0, err
    assert "created  任务 3" in out
