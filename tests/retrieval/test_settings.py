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
