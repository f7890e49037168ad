"""`manage.py link_series`: follow every stored task through its family's reports (services.series), oldest report first.

Imports link each new report themselves; this is for a database filled before task series existed, or to
link again after a report's year or period was corrected. Links an admin made by hand are kept. It writes:
it says so first, and prints one line per report with the tasks that changed series.
"""

from django.core.management.base import BaseCommand

from tracker.models import Report
from tracker.services import report_series_link

LINE = "{report}: {count} 项任务的系列有变化"


class Command(BaseCommand):
    help = "把每份报告的任务与同一发布机构上一期报告中的同一任务连成系列（从最早的报告起；人工连接的保留）。"

    def handle(self, *args, **options):
        reports = list(Report.objects.oldest_first())
        self.stdout.write(f"将为 {len(reports)} 份报告连接任务系列（写入数据库）。")
        for report in reports:
            count = report_series_link(report=report)
            self.stdout.write(LINE.format(report=report.period_text or report.title, count=count))
