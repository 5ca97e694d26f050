"""Describing a leaflet: file names, defaults, the reader's name and the QR target."""

from __future__ import annotations

import pytest

from desktop.leaflets import LeafletSpec, PrintSettings, batch_specs, default_citizenship
from desktop.settings import Organisation, Settings
from tests.leaflets.conftest import ON


def test_file_names_say_destination_citizenship_language_and_layout():
    """Batch files can be told apart at a glance in a folder."""
    assert LeafletSpec("RU", "ky", "KG").file_name() == "ru-kg-ky.pdf"
    spec = LeafletSpec("RU", "ky", "KG", size="A5", bilingual=True)
    assert spec.file_name() == "ru-kg-ky-a5-bilingual.pdf"
    assert LeafletSpec("RU", "ru", "KG", bilingual=True).file_name() == "ru-kg-ru.pdf"


def test_only_the_first_word_of_a_clients_name_is_kept():
    """ "Aziz Karimov" prints as "Aziz"; an empty name makes no client leaflet."""
    spec = LeafletSpec("RU", "en", "UZ", client_name="  Aziz   Karimov ")
    assert spec.first_name == "Aziz" and spec.is_client
    assert not LeafletSpec("RU", "en", "UZ").is_client


def test_unknown_language_or_paper_is_refused():
    """A typo in the language or paper size fails at once, not halfway through a batch."""
    with pytest.raises(ValueError):
        LeafletSpec("RU", "de", "UZ")
    with pytest.raises(ValueError):
        LeafletSpec("RU", "en", "UZ", size="Letter")


def test_default_citizenship_is_never_the_destination():
    """Uzbek by default, but a leaflet for Uzbekistan is for Tajik citizens."""
    assert default_citizenship("RU", "UZ") == "UZ"
    assert default_citizenship("UZ", "UZ") == "TJ"
    assert default_citizenship("KZ", "kg") == "KG"


def test_batch_covers_every_destination_and_language_and_skips_nonsense():
    """Two destinations × two languages; no leaflet for citizens of the destination itself."""
    specs = batch_specs(["RU", "UZ"], ["en", "tg"], on=ON)
    assert [(s.destination, s.citizenship, s.lang) for s in specs] == [
        ("RU", "UZ", "en"),
        ("RU", "UZ", "tg"),
        ("UZ", "TJ", "en"),
        ("UZ", "TJ", "tg"),
    ]
    both = batch_specs(["KZ"], ["en"], citizenships=["KZ", "KG"], on=ON)
    assert [s.citizenship for s in both] == ["KG"]


def test_qr_code_dials_the_ngo_or_opens_its_web_site():
    """A phone number wins (scanning dials it); a web address is the fallback; off means none."""
    org = Organisation(name="X", phone="+998 (71) 123-45-67", web="x.example.org")
    assert PrintSettings(org=org).qr_target() == ("tel:+998711234567", "+998 (71) 123-45-67")
    web_only = Organisation(name="X", web="x.example.org")
    assert PrintSettings(org=web_only).qr_target() == ("https://x.example.org", "x.example.org")
    assert PrintSettings(org=org, qr=False).qr_target() is None
    assert PrintSettings(org=Organisation(name="X")).qr_target() is None


def test_print_settings_come_from_the_apps_settings(tmp_path):
    """The contact block and the QR preference are read from Settings."""
    settings = Settings(tmp_path / "settings.json")
    settings.set("org_name", "Safe Journey Centre")
    settings.set("org_phone", "+998 71 123 45 67")
    settings.set("leaflet_qr", False)
    prefs = PrintSettings.from_settings(settings)
    assert prefs.org.name == "Safe Journey Centre" and prefs.org.phone == "+998 71 123 45 67"
    assert prefs.qr is False and prefs.qr_target() is None
