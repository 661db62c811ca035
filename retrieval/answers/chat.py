"""The chat model for written answers, built in one place from MINUTEBOT_LLM ('provider:model')."""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel

from retrieval.errors import MinutebotError

MAX_RETRIES = 1  # a retry hides a blip; more would keep people waiting before the fallback


def build_chat_model(spec: str, timeout: float) -> BaseChatModel:
    """A LangChain chat model, e.g. 'openai:gpt-4o-mini', 'anthropic:claude-3-5-haiku-latest', 'ollama:llama3.1'."""
    try:
        from langchain.chat_models import init_chat_model
    except ImportError:
        raise MinutebotError("MINUTEBOT_LLM needs the llm extra: pip install 'minutebot[llm]'") from None
    return init_chat_model(spec, timeout=timeout, max_retries=MAX_RETRIES)
