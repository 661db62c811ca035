import pytest

from bot.settings import DiscordSettings


def test_id_lists_accept_comma_separated_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_GUILD_IDS", "1, 2,3")
    monkeypatch.setenv("ADMIN_ROLE_IDS", "")
    settings = DiscordSettings(_env_file=None)
    assert settings.discord_guild_ids == [1, 2, 3] and settings.admin_role_ids == []


def test_token_is_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", "very-secret")
    assert "very-secret" not in repr(DiscordSettings(_env_file=None))


def test_env_example_documents_every_discord_setting(documented_settings: set[str]) -> None:
    assert {name.upper() for name in DiscordSettings.model_fields} <= documented_settings
