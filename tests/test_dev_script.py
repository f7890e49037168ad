"""Tests for scripts/dev.py: it reinstalls packages only when requirements.txt changed."""

import importlib.util
from pathlib import Path

import pytest

DEV_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "dev.py"


@pytest.fixture(scope="module")
def dev():
    spec = importlib.util.spec_from_file_location("dev_script", DEV_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_install_is_needed_until_the_stamp_matches(dev, tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("Django==5.2.19\n")
    stamp = tmp_path / "requirements.sha256"

    assert dev.install_needed(stamp, requirements)

    stamp.write_text(dev.requirements_digest(requirements) + "\n")
    assert not dev.install_needed(stamp, requirements)

    requirements.write_text("Django==5.2.20\n")
    assert dev.install_needed(stamp, requirements)


def test_unknown_command_prints_usage(dev, capsys):
    assert dev.main(["deploy"]) == 2
    assert "usage: python3 scripts/dev.py serve | test" in capsys.readouterr().err


@pytest.mark.parametrize(
    "arguments, added",
    [
        ([], ["-n", "auto"]),
        (["-k", "services", "-x"], ["-n", "auto"]),
        (["-n", "0"], []),
        (["-n4"], []),
        (["--numprocesses=2"], []),
        (["-p", "no:xdist"], []),
        (["--no-header"], ["-n", "auto"]),
    ],
)
def test_tests_run_on_every_core_unless_the_arguments_choose(dev, arguments, added):
    assert dev.workers_args(arguments) == added
