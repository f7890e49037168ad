"""Browser test: a <script> tag imported in a progress cell shows as text on the public task page and never runs.

Run alone with `pytest -m browser`; skips without /usr/bin/chromium or playwright.
"""

import pytest

from tests.test_bad_input import SCRIPT_IN_CELL, sample_with_markup_in_a_cell
from tracker.models import Task
from tracker.parsing import parse_report_bytes
from tracker.services import report_import

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_a_script_in_a_progress_cell_is_shown_as_text_and_does_not_run(chromium, live_server):
    parsed = parse_report_bytes(sample_with_markup_in_a_cell(), source_name="markup.txt")
    report_import(parsed=parsed, publish=True)
    task = Task.objects.get(seq=5)
    page = chromium.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    page.goto(f"{live_server.url}/tasks/{task.pk}/")
    page.wait_for_load_state("networkidle")

    progress = page.locator("#progress-heading + p").inner_text()
    assert progress.startswith(SCRIPT_IN_CELL)  # the tags as the reader sees them: text
    assert page.title() != "pwned"  # the script would have set the title
    assert page.locator("main script:not([src]):not([type='application/json'])").count() == 0
    assert page.locator("main b").count() == 0
    assert dialogs == []
