"""Discord settings, from the environment and a `.env` file."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

IdList = Annotated[list[int], NoDecode]


class DiscordSettings(BaseSettings):
    """Who the bot is, where it answers, and who may reindex."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    discord_token: SecretStr | None = Field(None, description="Bot token from the Discord developer portal.")
    discord_guild_ids: IdList = Field([], description="Servers to sync slash commands to at once (else global).")
    answer_channel_ids: IdList = Field([], description="Channels where every message is taken as a question.")
    admin_user_ids: IdList = Field([], description="Users allowed to /reindex besides Manage Server holders.")
    admin_role_ids: IdList = Field([], description="Roles allowed to /reindex besides Manage Server holders.")
    ask_cooldown_rate: int = Field(3, ge=1, description="Questions a user may ask per cooldown period.")
    ask_cooldown_seconds: float = Field(30.0, gt=0, description="Length of the cooldown period.")

    @field_validator("discord_guild_ids", "answer_channel_ids", "admin_user_ids", "admin_role_ids", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [int(part) for part in value.replace(" ", "").split(",") if part]
        return value
