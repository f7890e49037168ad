#!/usr/bin/env python3
"""Local development in one command, on a fresh checkout, with nothing but Python 3.11.

    python3 scripts/dev.py serve          # venv, migrate, demo data, http://127.0.0.1:8000/
    python3 scripts/dev.py test [ARGS]    # venv, then pytest ARGS (on every core); exits with pytest's code

The project's packages go into `.venv/`, installed again only when
requirements.txt has changed since the last install. Standard library only:
this runs before any package is there.
"""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
VENV_PYTHON = VENV / "bin" / "python"
REQUIREMENTS = ROOT / "requirements.txt"
# Where the hash of the last installed requirements.txt is kept.
INSTALLED_STAMP = VENV / "requirements.sha256"

USAGE = "usage: python3 scripts/dev.py serve | test [pytest args]"


def requirements_digest(requirements: Path = REQUIREMENTS) -> str:
    return hashlib.sha256(requirements.read_bytes()).hexdigest()


def install_needed(stamp: Path = INSTALLED_STAMP, requirements: Path = REQUIREMENTS) -> bool:
    return not stamp.exists() or stamp.read_text().strip() != requirements_digest(requirements)


def run(*command: str | Path) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], cwd=ROOT, check=True)


def venv_ready() -> None:
    if not VENV_PYTHON.exists():
        run(sys.executable, "-m", "venv", VENV)
    if install_needed():
        run(VENV_PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", REQUIREMENTS)
        INSTALLED_STAMP.write_text(requirements_digest() + "\n")


def exec_in_venv(*args: str) -> None:
    """Replace this process, so Ctrl-C and the exit code go straight to the command."""
    os.chdir(ROOT)
    os.execv(VENV_PYTHON, [str(VENV_PYTHON), *args])


def serve() -> None:
    venv_ready()
    run(VENV_PYTHON, "manage.py", "migrate", "--no-input")
    run(VENV_PYTHON, "manage.py", "seed_demo")
    exec_in_venv("manage.py", "runserver", "127.0.0.1:8000")


def test(pytest_args: list[str]) -> None:
    venv_ready()
    exec_in_venv("-m", "pytest", *workers_args(pytest_args), *pytest_args)


def workers_args(pytest_args: list[str]) -> list[str]:
    """`-n auto` (pytest-xdist: a worker per core, each with its own test database) unless the arguments say how
    many workers, or `-p no:xdist` turns it off."""
    chosen = any(
        arg.startswith(("-n", "--numprocesses", "--dist")) or arg in ("no:xdist", "-pno:xdist") for arg in pytest_args
    )
    return [] if chosen else ["-n", "auto"]


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 10):
        print(f"Python 3.10 or newer is needed (this is {sys.version.split()[0]}).", file=sys.stderr)
        return 2
    if argv[:1] == ["serve"] and len(argv) == 1:
        serve()
    elif argv[:1] == ["test"]:
        test(argv[1:])
    else:
        print(USAGE, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as err:
        sys.exit(err.returncode)
