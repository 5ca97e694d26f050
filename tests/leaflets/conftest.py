"""A small rule book written into each test's tmp folder and loaded with the real loader.

Russia has a rule for every section (registration in 15 days for Uzbek citizens, 90 days in
180, a work licence with its cost, a warning and two contacts); Kazakhstan has gaps only,
so both the filled and the "not in the sources" paths are printed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.leaflets import PrintSettings
from desktop.settings import Organisation

DOC = "004_20f1d4492639c7cb.txt"
SHORT = "Migration Yearbook: Central Asia and Russia 2023"


def _src(line: int = 917, quote: str = "a grace period for migration registration") -> str:
    return f'\n[[rule.sources]]\ndocument = "{DOC}"\nline = {line}\nquote = "{quote}"\n'


PATENT = (
    "To work, citizens of visa-free countries need a patent (work licence) & a medical check "
    "<before> starting."
)
PASSPORTS = (
    "Employers who keep workers' passports are a sign of forced labour; never hand over your "
    "passport."
)

RU = (
    """
destination = "RU"

[[rule]]
id = "ru-registration-uz-2021"
applies_to = ["UZ"]
topic = "registration"
status = "in_force"
effective_from = 2021-06-17
text = "Citizens of Uzbekistan register at their place of stay within 15 days of arrival."
value = { days = 15, counting = "unspecified" }
"""
    + _src()
    + """
[[rule]]
id = "ru-stay-90-180"
applies_to = ["all"]
topic = "stay_limit"
status = "in_force"
text = "Foreigners who need no visa may stay 90 days in any 180 days."
value = { kind = "rolling", max_days = 90, window_days = 180 }
"""
    + _src(930, "90 days within 180 days")
    + """
[[rule]]
id = "ru-patent"
applies_to = ["UZ", "TJ"]
topic = "work_licence"
status = "in_force"
"""
    + f'text = "{PATENT}"\n'
    + _src(940, "patent")
    + """
[[rule]]
id = "ru-patent-cost-moscow"
applies_to = ["UZ", "TJ"]
topic = "cost"
status = "in_force"
text = "In Moscow the patent costs 7,500 roubles a month."
value = { amount = 7500, currency = "RUB", per = "month", region = "Moscow" }
"""
    + _src(950, "7500 rubles")
    + """
[[rule]]
id = "ru-trafficking-passport"
applies_to = ["all"]
topic = "trafficking"
status = "in_force"
"""
    + f'text = "{PASSPORTS}"\n'
    + _src(960, "passports")
    + """
[[rule]]
id = "ru-contact-hotline"
applies_to = ["UZ"]
topic = "contact"
status = "in_force"
text = "The agency's hotline answers labour migrants' questions."
value = { name = "Agency hotline", kind = "hotline", country = "UZ", phone = "+998 71 200 00 00" }
"""
    + _src(970, "hotline")
    + """
[[rule]]
id = "ru-old-registration"
applies_to = ["UZ"]
topic = "other"
status = "historical"
effective_to = 2010-12-31
text = "An old rule that must never be printed as current."
"""
    + _src(980, "old")
)

KZ = """
destination = "KZ"

[[rule]]
id = "kz-registration-uz-gap"
applies_to = ["UZ"]
topic = "registration"
status = "gap"
text = "The sources do not state a registration deadline for citizens of Uzbekistan in Kazakhstan."
"""

GROUPS = """
[[group]]
name = "EAEU"
[[group.member]]
country = "KZ"
"""

LOCAL = """
destination = "RU"

[[rule]]
id = "local-ru-registration-tj"
applies_to = ["TJ"]
topic = "registration"
status = "in_force"
effective_from = 2024-01-01
text = "Citizens of Tajikistan register within 15 days of arrival."
value = { days = 15, counting = "calendar" }
checked_by = "Dilnoza"
checked_on = 2024-02-10
source_title = "Federal Law 109-FZ, art. 20"
"""


@pytest.fixture
def book(tmp_path: Path):
    """The sample rule book (bundled RU and KZ files, plus one local rule for TJ)."""
    from desktop.rules import load_rulebook

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "ru.toml").write_text(RU, encoding="utf-8")
    (rules / "kz.toml").write_text(KZ, encoding="utf-8")
    local = tmp_path / "local"
    local.mkdir()
    (local / "mine.toml").write_text(LOCAL, encoding="utf-8")
    groups = tmp_path / "groups.toml"
    groups.write_text(GROUPS, encoding="utf-8")
    loaded = load_rulebook([local], rules_dir=rules, groups_path=groups)
    assert not loaded.problems, loaded.problems
    return loaded


@pytest.fixture
def prefs() -> PrintSettings:
    """An NGO with a phone number, so gaps say whom to ask and the QR code dials it."""
    org = Organisation(
        name="Safe Journey Centre",
        address="12 Navoi Street, Tashkent",
        phone="+998 71 123 45 67",
        messenger="@safejourney",
        web="safejourney.example.org",
    )
    return PrintSettings(org=org, qr=True, draft_note=True)


ON = date(2024, 3, 1)
