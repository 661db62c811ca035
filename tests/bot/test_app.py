import pytest

from bot.app import MinuteBot, find_extensions, is_admin
from tests.bot.conftest import discord_settings
from tests.helpers import MockMember, MockRole

EXPECTED_COMMANDS = {"ask", "cite", "reindex", "meetings", "status"}


def test_every_cog_module_is_an_extension_and_helpers_are_not() -> None:
    names = set(find_extensions())
    assert names == {f"bot.cogs.{n}" for n in ("admin", "ask", "cite", "errors", "info")}


async def test_extensions_load_with_unique_commands(sample_bot: MinuteBot) -> None:
    names = [command.name for command in sample_bot.tree.get_commands()]
    assert sorted(names) == sorted(EXPECTED_COMMANDS)
    assert set(sample_bot.cogs) == {"Admin", "Ask", "Cite", "ErrorHandler", "Info"}


async def test_command_specs_hide_reindex_from_non_admins(sample_bot: MinuteBot) -> None:
    specs = {spec["name"]: spec for spec in sample_bot.command_specs()}
    assert specs["reindex"]["default_member_permissions"] == 32  # Manage Server
    assert specs["ask"]["default_member_permissions"] is None
    assert all(spec["description"] for spec in specs.values())


async def test_failing_extension_is_logged_not_fatal(
    sample_bot: MinuteBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    bot = MinuteBot(sample_bot.core, sample_bot.settings)
    monkeypatch.setattr("bot.app.find_extensions", lambda: iter(["bot.cogs.missing", "bot.cogs.info"]))
    await bot.load_extensions()
    assert "Info" in bot.cogs and "could not load extension bot.cogs.missing" in caplog.text


@pytest.mark.parametrize(
    ("member", "settings", "allowed"),
    [
        (MockMember(manage_guild=True), {}, True),
        (MockMember(), {}, False),
        (MockMember(id=77), {"admin_user_ids": [77]}, True),
        (MockMember(roles=[MockRole(id=5)]), {"admin_role_ids": [5]}, True),
    ],
)
def test_is_admin(member: MockMember, settings: dict, allowed: bool) -> None:
    assert is_admin(member, discord_settings(**settings)) is allowed


def test_recent_refs_are_newest_first_and_unique(sample_bot: MinuteBot) -> None:
    sample_bot.remember_refs(1, ["a#0-1", "b#0-1"])
    sample_bot.remember_refs(1, ["a#0-1"])
    assert sample_bot.recent_refs(1) == ["a#0-1", "b#0-1"]
    assert sample_bot.recent_refs(2) == []
