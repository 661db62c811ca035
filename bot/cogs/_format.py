"""Embeds for answers and citations, trimmed to Discord's limits without cutting words silently."""

from __future__ import annotations

import discord
from discord.utils import escape_markdown

from bot.render import built_from, format_time, lines_label
from retrieval import Answer, Citation, Quote
from retrieval.store import Generation
from retrieval.text.turns import opens_with_label

MIN_SHOWN_QUOTES = 4  # quotes shown with an answer, or all it is built from when more (a meeting's summary)
MAX_SHOWN_QUOTES = 10  # two rows of Source buttons
CONTENT_LIMIT = 2000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
QUOTES_BUDGET = MIN_SHOWN_QUOTES * FIELD_VALUE_LIMIT  # characters for all the quotes' fields, shared among them
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000
CHOICES_LIMIT = 25  # autocomplete choices shown at once
CHOICE_NAME_LIMIT = 100
ELLIPSIS = "…"
ANSWER_COLOUR = discord.Colour.blurple()


def trim(text: str, limit: int) -> str:
    """`text` if it fits, else cut at the last word boundary before `limit` and end with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - len(ELLIPSIS) + 1)
    cut = cut if cut > limit // 2 else limit - len(ELLIPSIS)  # one huge word: cut it, but say so
    return text[:cut].rstrip() + ELLIPSIS


def quote_location(quote: Quote) -> str:
    date = f" ({quote.date})" if quote.date else ""
    return f"{quote.title}{date} · {lines_label(quote, quote.anchor)}"


def shown_quotes(answer: Answer) -> list[Quote]:
    """The quotes shown with an answer: MIN_SHOWN_QUOTES, or every one its line is built from (up to
    MAX_SHOWN_QUOTES), so that the line's "from quotes …" names only quotes shown."""
    return answer.quotes[: min(max(MIN_SHOWN_QUOTES, len(answer.answer_quotes)), MAX_SHOWN_QUOTES)]


def answer_embed(answer: Answer, generation: Generation | None) -> discord.Embed:
    """The short answer, its quotes (`shown_quotes`) with ref and location, and how fresh the index is."""
    sources = f"\n-# {built_from(answer)}" if len(answer.answer_quotes) > 1 else ""
    embed = discord.Embed(
        title=trim(answer.question, TITLE_LIMIT),
        description=trim(escape_markdown(answer.answer), DESCRIPTION_LIMIT - len(sources)) + sources,
        colour=ANSWER_COLOUR,
    )
    quotes = shown_quotes(answer)
    value_limit = min(FIELD_VALUE_LIMIT, QUOTES_BUDGET // max(len(quotes), 1))
    for number, quote in enumerate(quotes, start=1):
        ref_line = f"\n`{quote.ref}`"
        speaker = (
            f"**{escape_markdown(quote.speaker)}:** "
            if quote.speaker and not opens_with_label(quote.text, quote.speaker)
            else ""
        )
        body = trim(speaker + escape_markdown(" ".join(quote.text.split())), value_limit - len(ref_line) - 2)
        embed.add_field(
            name=trim(f"[{number}] {quote_location(quote)}", FIELD_NAME_LIMIT),
            value=f"> {body}{ref_line}",
            inline=False,
        )
    if answer.note:
        embed.add_field(name="Note", value=trim(answer.note, FIELD_VALUE_LIMIT), inline=False)
    footer = f"{freshness(generation)} · " if generation is not None else ""
    embed.set_footer(text=trim(f"{footer}mode: {answer.mode}", FOOTER_LIMIT))
    return fit_embed(embed)


def freshness(generation: Generation) -> str:
    records = f"{generation.records} record{'s' if generation.records != 1 else ''}"
    return f"Index built {format_time(generation.built_at)} · {records} · {generation.chunks} passages"


def citation_embed(citation: Citation) -> discord.Embed:
    """The cited passage in bold with the sentences around it, and where it comes from."""
    span = citation.span
    cited = f"**{escape_markdown(span.text)}**"
    room = max(DESCRIPTION_LIMIT - len(cited) - 2, 0)
    before = _trim_start(escape_markdown(citation.context_before), room // 2)
    after = trim(escape_markdown(citation.context_after), room - len(before))
    description = " ".join(part for part in (before, cited, after) if part)
    embed = discord.Embed(
        title=trim(citation.title, TITLE_LIMIT),
        description=trim(description, DESCRIPTION_LIMIT),
        colour=ANSWER_COLOUR,
    )
    embed.add_field(
        name="Source", value=trim(f"{span.source}, {lines_label(span, citation.anchor)}", FIELD_VALUE_LIMIT)
    )
    embed.add_field(name="Date", value=citation.date or "unknown")
    embed.add_field(name="Ref", value=trim(f"`{span.ref}`", FIELD_VALUE_LIMIT), inline=False)
    return fit_embed(embed)


def fit_embed(embed: discord.Embed) -> discord.Embed:
    """Shorten the description until the whole embed is within Discord's 6000-character total."""
    excess = len(embed) - EMBED_TOTAL_LIMIT
    if excess > 0 and embed.description:
        embed.description = trim(embed.description, max(len(embed.description) - excess, 1))
    return embed


def _trim_start(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return ""
    cut = text.find(" ", len(text) - limit + len(ELLIPSIS))
    return ELLIPSIS + text[cut if cut != -1 else len(text) - limit + len(ELLIPSIS) :].lstrip()
