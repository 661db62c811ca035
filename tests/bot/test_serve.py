import json

import aiohttp
import discord
import pytest
from click.testing import CliRunner

from bot.app import MinuteBot
from bot.cli import main


def serve_check(monkeypatch: pytest.MonkeyPatch, **env: str) -> tuple[int, str, str]:
    for key in ("DISCORD_TOKEN", "DISCORD_GUILD_IDS"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = CliRunner().invoke(main, ["serve", "--check"])
    return result.exit_code, result.stdout, result.stderr


def test_check_lists_commands_offline(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)  # no .env here
    code, out, _ = serve_check(monkeypatch, DISCORD_TOKEN="test-token")
    specs = {spec["name"]: spec for spec in json.loads(out)}
    assert code == 0
    assert set(specs) == {"ask", "cite", "reindex", "meetings", "status"}
    assert specs["reindex"]["default_member_permissions"] == 32
    options = {o["name"]: o for o in specs["ask"]["options"]}
    assert list(options) == ["question", "meeting", "after", "before"]
    assert all(options[day]["autocomplete"] and not options[day]["required"] for day in ("after", "before"))


def test_check_without_token_explains(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = serve_check(monkeypatch)
    assert (
        code == 1
        and err.strip() == "Error: DISCORD_TOKEN is not set: put the bot token in .env (see README, 'Discord')."
    )


def test_check_with_invalid_ids_explains(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = serve_check(monkeypatch, DISCORD_TOKEN="t", DISCORD_GUILD_IDS="my-server")
    assert code == 1 and "DISCORD_GUILD_IDS" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("failure", "message"),
    [
        (discord.LoginFailure("Improper token"), "Error: Discord rejected DISCORD_TOKEN"),
        (aiohttp.ClientConnectionError("Cannot connect to host discord.com:443"), "Error: Cannot reach Discord"),
    ],
)
def test_serve_failures_are_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path, failure: Exception, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_TOKEN", "not-a-real-token")

    def run(self: MinuteBot, token: str, **kwargs: object) -> None:
        raise failure

    monkeypatch.setattr(MinuteBot, "run", run)
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "store"), "serve"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1].startswith(message)
    assert "Traceback" not in result.output
