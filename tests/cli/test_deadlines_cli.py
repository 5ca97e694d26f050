"""``migrant-desk deadlines``: the JSON of the contract, the text form and the exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.i18n import current_language, set_language

EXAMPLE = ["deadlines", "--citizen", "UZ", "--to", "KZ", "--entry", "2024-03-01",
           "--trip", "2024-01-01:2024-01-20", "--on", "2024-03-01"]  # fmt: skip

# A local rule file for a destination no bundled file covers (Iceland), so the tests do not
# depend on the bundled data: 90 in 180 with 30 days a stay, registration in 5 working days.
LOCAL_IS = """
destination = "IS"

[[rule]]
id = "local-is-stay"
applies_to = ["UZ"]
topic = "stay_limit"
status = "in_force"
effective_from = 2020-01-01
text = "At most 30 days at a time and 90 days within any 180 days."
value = { kind = "rolling", max_days = 90, window_days = 180, per_stay_days = 30 }
source_title = "Made-up rule for the tests"

[[rule]]
id = "local-is-registration"
applies_to = ["UZ"]
topic = "registration"
status = "in_force"
effective_from = 2020-01-01
text = "Register within 5 working days."
value = { days = 5, counting = "working" }
source_title = "Made-up rule for the tests"
"""


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "local-rules"
    folder.mkdir()
    (folder / "is.toml").write_text(textwrap.dedent(LOCAL_IS), encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def _restore_language():
    """``--lang`` switches the process-wide language; put it back after each test."""
    before = current_language()
    yield
    set_language(before)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_worked_example_of_the_interface(capsys):
    """The command in INTERFACES.md prints exactly the JSON shown there."""
    from desktop.rules import load_rulebook

    if load_rulebook().get("kz-stay-visa-free-2023") is None:
        pytest.skip("the bundled rule kz-stay-visa-free-2023 is not there yet")
    code, out, err = run(capsys, *EXAMPLE, "--json")
    assert code == 0, err
    assert json.loads(out) == {
        "as_of": "2024-03-01",
        "registration": None,
        "stay": {"max_days": 90, "window_days": 180, "days_used": 21, "days_left": 69,
                 "latest_exit": "2024-05-09", "overstay_from": None,
                 "rule": "kz-stay-visa-free-2023"},
        "per_stay": {"max_days": 30, "latest_exit": "2024-03-30",
                     "rule": "kz-stay-visa-free-2023"},
        "latest_lawful_exit": "2024-03-30",
        "warnings": ["The sources state no registration deadline for citizens of UZ in KZ."],
    }  # fmt: skip


def test_json_from_a_local_rules_folder(capsys, rules_dir):
    """Local rules drive the JSON; working days skip Iceland's National Day."""
    code, out, err = run(
        capsys, "deadlines", "--rules-dir", str(rules_dir), "--citizen", "uz", "--to", "is",
        "--entry", "2024-06-14", "--trip", "2024-01-01:2024-01-30", "--on", "2024-07-20",
        "--json",
    )  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    # Monday 17 June is National Day: 18, 19, 20, 21 and 24 June.
    assert data["registration"] == {"due": "2024-06-24", "days": 5, "counting": "working",
                                    "rule": "local-is-registration"}  # fmt: skip
    assert data["per_stay"]["latest_exit"] == "2024-07-13"
    # The window of 20 July starts on 23 January: 8 January days, plus 14 Jun-20 Jul (37).
    assert (data["stay"]["days_used"], data["stay"]["days_left"]) == (8 + 37, 45)
    # Not 45 days more: January leaves the window as the stay goes on; day 90 is 11 September.
    assert data["stay"]["latest_exit"] == "2024-09-11"
    assert data["latest_lawful_exit"] == "2024-07-13"
    assert data["stay"]["overstay_from"] is None
    assert any("unlawful since 2024-07-14" in w for w in data["warnings"])


def test_text_form_in_the_chosen_language(capsys, rules_dir):
    """``--lang ru`` writes the dates in Russian for the person at the desk."""
    code, out, err = run(
        capsys, "deadlines", "--lang", "ru", "--rules-dir", str(rules_dir), "--citizen", "UZ",
        "--to", "IS", "--entry", "2024-10-25", "--on", "2024-10-25",
    )  # fmt: skip
    assert code == 0, err
    assert "23 ноября 2024" in out  # leave by, per-stay cap
    assert "local-is-stay" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--entry", "2024-02-30"], "--entry needs a date like 2024-03-01"),
        (["--trip", "2024-01-01"], "--trip needs entry:exit"),
        (["--trip", "2024-01-20:2024-01-01"], "ends before it starts"),
        (["--to", "XX"], "Unknown country code 'XX'"),
        (["--entry", "1985-01-01"], "before 1991"),
    ],
)
def test_user_errors_exit_1_with_one_line(capsys, args, message):
    """Bad input gives exit code 1 and a single line on stderr, never a traceback."""
    base = {"--citizen": "UZ", "--to": "KZ", "--entry": "2024-03-01", "--on": "2024-03-01"}
    pairs = dict(zip(args[::2], args[1::2], strict=True))
    argv = ["deadlines"] + [x for k, v in {**base, **pairs}.items() for x in (k, v)]
    code, out, err = run(capsys, *argv)
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and message in err


def test_missing_option_is_a_usage_error():
    """Leaving out --entry is a usage error: exit code 2, from a real process."""
    proc = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "deadlines", "--citizen", "UZ", "--to", "KZ"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "--entry" in proc.stderr and "Traceback" not in proc.stderr
