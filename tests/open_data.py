"""Helpers of the open-data tests: a download's rows, and a report with every field a download shows filled in."""

from __future__ import annotations

import csv
import io

import openpyxl

from tests.page_factories import dashboard_report_create
from tracker.models import Metric, Report, Task


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response) -> list[list[str]]:
    """The CSV's rows as a spreadsheet reads them (BOM dropped, quoted cells whole)."""
    return list(csv.reader(io.StringIO(body(response).decode("utf-8-sig"), newline="")))


def xlsx_rows(response) -> list[list]:
    """The XLSX's rows, cell values as stored (None for an empty cell)."""
    sheet = openpyxl.load_workbook(io.BytesIO(body(response))).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def xlsx_table(response) -> list[dict]:
    """The XLSX's task rows as {header label: value}, from the row that starts with 序号."""
    rows = xlsx_rows(response)
    header_index = next(index for index, row in enumerate(rows) if row and row[0] == "序号")
    header = rows[header_index]
    return [dict(zip(header, row)) for row in rows[header_index + 1 :]]


def csv_table(response) -> list[dict]:
    rows = csv_rows(response)
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def full_report_create(**fields) -> Report:
    """A published report of two tasks; the first has a note, a status reason, a completion text and a figure."""
    report = dashboard_report_create(
        statuses=[Task.Status.BEHIND, Task.Status.ON_TRACK],
        themes=["经济发展"],
        lead="区发改经信局",
        co="区财政局",
        leader="张三",
        contents=["新增停车泊位3500个", "建成公园2个"],
        **fields,
    )
    first = report.tasks.get(seq=1)
    first.progress = "停车泊位已新增1000个"
    first.note = "市级考核"
    first.status_reason = "停车泊位完成率28.57%，低于序时进度75%"
    first.completion_text = "29%"
    first.save()
    Metric.objects.create(
        task=first, position=1, label="停车泊位", target=3500, unit="个", comparator="=", kind="count",
        actual=1000, actual_unit="个", completion=1000 / 3500,
    )
    return report
