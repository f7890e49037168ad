"""Running a management command in a test as the shell would: its exit code, stdout and stderr."""

import io

from django.core.management import call_command


def run_command(name: str, *args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `manage.py name args...`; a SystemExit is the code, not an error."""
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command(name, *args, stdout=stdout, stderr=stderr)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, stdout.getvalue(), stderr.getvalue()


def run_import_report(*args: str) -> tuple[int, str, str]:
    return run_command("import_report", *args)


def run_parse_report(*args: str) -> tuple[int, str, str]:
    return run_command("parse_report", *args)
