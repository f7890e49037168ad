"""Tests for `manage.py parse_report`: output formats, and one-line failures. No database here:
pytest-django refuses database access in tests without the django_db mark, so these also
prove the command never touches it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.commands import run_parse_report
from tests.conftest import SAMPLE_2022

PROJECT_DIR = Path(__file__).resolve().parent.parent


def test_json_has_report_tasks_and_diagnostics():
    code, out, err = run_parse_report(str(SAMPLE_2022), "--format", "json")

    assert code == 0
    assert err == ""
    document = json.loads(out)
    assert set(document) == {"report", "tasks", "diagnostics"}
    assert len(document["tasks"]) == 108
    assert document["report"]["index_no"] == "K1493206-6/2022-25614"
    assert document["report"]["content_hash"]


def test_json_is_the_default_and_keeps_chinese_readable():
    code, out, _ = run_parse_report(str(SAMPLE_2022))

    assert code == 0
    assert "区发改经信局" in out  # ensure_ascii=False: no \\u escapes


def test_text_lists_meta_tasks_and_diagnostics(parsed_2022):
    code, out, _ = run_parse_report(str(SAMPLE_2022), "--format", "text")

    assert code == 0
    assert "K1493206-6/2022-25614" in out
    assert "任务 108" in out
    task_lines = [line for line in out.splitlines() if line.startswith("   1  ")]
    assert task_lines == [f"   1  主要经济指标  [区发改经信局]  {parsed_2022.tasks[0].content}"]
    for diagnostic in parsed_2022.diagnostics:
        where = f"{SAMPLE_2022}:{diagnostic.line}" if diagnostic.line else str(SAMPLE_2022)
        assert f"{where}: {diagnostic.severity} {diagnostic.code}: {diagnostic.message}" in out


def test_missing_file_gives_one_line_and_exit_1(tmp_path):
    missing = tmp_path / "missing.txt"

    code, out, err = run_parse_report(str(missing))

    assert code == 1
    assert out == ""
    assert err.splitlines() == [f"{missing}: 无法读取文件: No such file or directory"]


def test_directory_gives_one_line_and_exit_1(tmp_path):
    code, _, err = run_parse_report(str(tmp_path))

    assert code == 1
    assert err.splitlines() == [f"{tmp_path}: 无法读取文件: Is a directory"]


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x01\x02\xff" * 100, "这只是一段文字，没有表格。\n".encode()],
    ids=["empty", "binary", "no-table"],
)
def test_unparseable_file_gives_the_parse_error_on_one_line(tmp_path, content):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)

    code, out, err = run_parse_report(str(path))

    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}: ")


def test_command_line_run_needs_no_database_and_prints_no_traceback(tmp_path):
    # A database URL nobody listens on: the command must not try it.
    env = {**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:9/nowhere"}
    missing = tmp_path / "missing.txt"

    good = subprocess.run(
        [sys.executable, "manage.py", "parse_report", str(SAMPLE_2022), "--format", "text"],
        cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=60,
    )
    bad = subprocess.run(
        [sys.executable, "manage.py", "parse_report", str(missing)],
        cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=60,
    )

    assert good.returncode == 0, good.stderr
    assert "任务 108" in good.stdout
    assert bad.returncode == 1
    assert bad.stdout == ""
    assert bad.stderr.splitlines() == [f"{missing}: 无法读取文件: No such file or directory"]


UNKNOWN_HEADER_TABLE = "\n\n".join(
    ["2023年三季度镇重点工作推进情况", "次序", "事由", "主办", "情况", "1", "新建城市书房10家。", "镇文化站", "已建成7家。"]
) + "\n"


def test_columns_and_header_line_read_a_table_whose_header_the_reader_does_not_know(tmp_path):
    path = tmp_path / "unknown.txt"
    path.write_text(UNKNOWN_HEADER_TABLE, encoding="utf-8")

    refused, _, refused_err = run_parse_report(str(path))
    code, out, err = run_parse_report(str(path), "--header-line", "3", "--columns", "seq,content,lead,progress")

    assert refused == 1 and "--header-line" in refused_err
    assert code == 0, err
    document = json.loads(out)
    assert document["report"]["layout"] == "seq|content|lead|progress"
    assert document["report"]["header_signature"]
    assert document["tasks"][0]["departments"] == ["镇文化站"]


def test_unknown_role_in_columns_gives_one_line_and_exit_1(tmp_path):
    path = tmp_path / "unknown.txt"
    path.write_text(UNKNOWN_HEADER_TABLE, encoding="utf-8")

    code, out, err = run_parse_report(str(path), "--header-line", "3", "--columns", "seq,content,boss,progress")

    assert code == 1
    assert out == ""
    assert len(err.splitlines()) == 1 and "boss" in err
