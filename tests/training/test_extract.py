"""The Babel extractor for scenario files yields the texts translators need, and nothing else."""

from __future__ import annotations

import io

from desktop.training import SCENARIOS_DIR, load_scenarios
from desktop.training.extract import extract_scenarios


def _messages(path):
    with path.open("rb") as fh:
        return list(extract_scenarios(fh, None, [], {}))


def test_titles_and_narration_with_their_place(bundled):
    """Title, summary and each step's title and narration, with the scenario id and step."""
    path = SCENARIOS_DIR / "04-kz-uz-visa-runs-2022-2023.toml"
    messages = _messages(path)
    scenario = bundled.get("kz-uz-visa-runs-2022-2023")
    texts = [m[2] for m in messages]
    assert texts[0] == scenario.title and texts[1] == scenario.summary
    assert scenario.steps[3].narration in texts
    assert len(texts) == 2 + 2 * len(scenario.steps)
    assert "Aziz" not in {t for t in texts if len(t) < 10}, "names are not messages"
    comments = [m[3][0] for m in messages]
    assert "kz-uz-visa-runs-2022-2023 step 4 (narration)" in comments
    lines = path.read_text(encoding="utf-8").splitlines()
    for lineno, _func, _text, comment in messages:
        key = comment[0].rsplit("(", 1)[1].rstrip(")")
        assert lines[lineno - 1].startswith(f"{key} ="), (lineno, key)


def test_msgids_match_what_the_app_looks_up():
    """The extractor folds white space exactly as the loader does, so every text is found."""
    wanted = set()
    for scenario in load_scenarios().scenarios:
        wanted |= {scenario.title, scenario.summary} - {""}
        wanted |= {s.title for s in scenario.steps} | {s.narration for s in scenario.steps}
    extracted = {m[2] for p in SCENARIOS_DIR.glob("*.toml") for m in _messages(p)}
    assert wanted - {""} == extracted


def test_works_through_babels_own_extraction():
    """Registered as a method, Babel's extract_from_dir picks the scenario texts up."""
    from babel.messages.extract import extract_from_dir

    found = list(
        extract_from_dir(
            str(SCENARIOS_DIR.parent.parent),
            method_map=[
                ("resources/scenarios/*.toml", "desktop.training.extract:extract_scenarios")
            ],
        )
    )
    assert any("visa runs" in message for _f, _l, message, _c, _ctx in found)


def test_multi_line_strings_are_folded():
    """A narration written over several lines becomes one message."""
    text = 'id = "x"\ntitle = "T"\n[[step]]\ntitle = "S"\nnarration = """one\n  two"""\n'
    messages = list(extract_scenarios(io.BytesIO(text.encode()), None, [], {}))
    assert messages[-1][2] == "one two" and messages[-1][0] == 5
