import pytest

from retrieval.errors import InvalidSettings
from retrieval.settings import RetrievalSettings, load_settings


def test_env_example_documents_every_retrieval_setting(documented_settings: set[str]) -> None:
    prefix = RetrievalSettings.model_config["env_prefix"]
    keys = {
        (field.validation_alias or f"{prefix}{name}").upper() for name, field in RetrievalSettings.model_fields.items()
    }
    assert keys <= documented_settings


def test_an_invalid_setting_is_named_by_its_environment_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINUTEBOT_CONTEXT_CHARS", "-1")
    with pytest.raises(InvalidSettings, match="MINUTEBOT_CONTEXT_CHARS"):
        load_settings(_env_file=None)


def test_today_is_counted_in_the_time_zone_set(monkeypatch: pytest.MonkeyPatch) -> None:
    """At any moment, the day east of the date line is a day later than the day west of it."""
    monkeypatch.setenv("MINUTEBOT_TIMEZONE", "Pacific/Kiritimati")  # UTC+14
    east = load_settings(_env_file=None).today()
    monkeypatch.setenv("MINUTEBOT_TIMEZONE", "Pacific/Pago_Pago")  # UTC-11
    west = load_settings(_env_file=None).today()
    assert (east - west).days in (1, 2)  # 25 hours apart: the next day, or the one after from 23:00 in the west


def test_an_unknown_time_zone_is_named_with_how_to_write_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINUTEBOT_TIMEZONE", "Mars/Olympus_Mons")
    with pytest.raises(InvalidSettings, match=r"MINUTEBOT_TIMEZONE: .*no time zone is named 'Mars/Olympus_Mons'"):
        load_settings(_env_file=None)
