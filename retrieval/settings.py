"""Settings for the retrieval core, from the environment and a `.env` file (keys prefixed MINUTEBOT_)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from retrieval.errors import InvalidSettings

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DATA_DIR = PROJECT_ROOT / "data" / "records"
DEFAULT_STORE = PROJECT_ROOT / ".minutebot" / "store"
DEFAULT_MODEL_CACHE = PROJECT_ROOT / ".minutebot" / "models"
MODEL_NAMES: dict[str, str] = {  # the embedding models MINUTEBOT_EMBEDDING_MODEL may name, as people know them
    "minilm": "all-MiniLM-L6-v2 (English)",
    "e5": "multilingual-e5-small (about 100 languages)",
}


class RetrievalSettings(BaseSettings):
    """Where records and the index live, and how passages are cut and searched."""

    model_config = SettingsConfigDict(env_prefix="MINUTEBOT_", env_file=".env", extra="ignore")

    data_dir: Path = Field(SAMPLE_DATA_DIR, description="Folder of meeting records (searched recursively).")
    store: Path = Field(DEFAULT_STORE, description="Folder of the local Chroma store, lock and BM25 cache.")
    collection: str = Field("minutebot", description="Name prefix of the Chroma collections.")
    top_k: int = Field(5, ge=1, le=50, description="Passages returned per question.")
    chunk_chars: int = Field(800, ge=200, le=4000, description="Largest indexed passage, in characters.")
    context_chars: int = Field(
        800,
        ge=0,
        le=4000,
        description="Returned passages grow by whole sentences around them up to this, and by the reply to a "
        "question they end on; 0: off.",
    )
    max_file_mb: float = Field(20.0, gt=0, description="Records larger than this are skipped.")
    embedding_model: Literal["auto", "minilm", "e5"] = Field(
        "auto",
        description="minilm (English), e5 (multilingual), or auto: e5 when the records are mostly not English.",
    )
    model_path: Path | None = Field(None, description="Sentence-transformers model folder; default: bundled MiniLM.")
    model_tuning: Literal["meetings", "none"] = Field(
        "meetings",
        description="The bundled MiniLM tuned for meeting transcripts (meetings), or as published (none).",
    )
    embedding_backend: Literal["onnx", "onnx-int8", "torch"] = Field(
        "onnx-int8",
        description="How MiniLM runs: onnx-int8 (default: int8 weights per channel), onnx (float32), or torch.",
    )
    model_cache: Path = Field(DEFAULT_MODEL_CACHE, description="Folder for the model's one-time ONNX export.")
    llm: str | None = Field(
        None, description="Chat model for written answers, as 'provider:model' (e.g. openai:gpt-4o-mini); unset: none."
    )
    llm_timeout: float = Field(30.0, gt=0, description="Seconds to wait for the chat model before falling back.")
    chroma_host: str | None = Field(None, validation_alias="CHROMA_HOST", description="Chroma server host.")
    chroma_port: int = Field(8000, validation_alias="CHROMA_PORT", description="Chroma server port.")
    timezone: str | None = Field(
        None, description="IANA time zone (Europe/Berlin) that \"yesterday's meeting\" counts in; unset: the machine's."
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, name: str | None) -> str | None:
        if name:
            try:
                ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                raise ValueError(f"no time zone is named {name!r}: write one as Region/City (Europe/Berlin)") from None
        return name or None

    def today(self) -> date:
        """The day it is where the records' readers are (MINUTEBOT_TIMEZONE), or on the machine's clock."""
        return datetime.now(ZoneInfo(self.timezone)).date() if self.timezone else date.today()


def load_settings(**overrides: object) -> RetrievalSettings:
    """Settings from the environment and .env with `overrides` on top; InvalidSettings says which key is wrong."""
    try:
        return RetrievalSettings(**overrides)
    except ValidationError as error:
        raise InvalidSettings(describe(error, prefix="MINUTEBOT_")) from None


def describe(error: ValidationError, prefix: str = "") -> str:
    """One line naming each invalid setting as its environment key, and why."""
    problems = "; ".join(f"{prefix}{'.'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in error.errors())
    return f"Invalid settings ({problems}); see .env.example."
