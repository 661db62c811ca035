"""The `minutebot` command line: index records, ask questions, cite sources, list meetings, run the bot."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from bot.render import render_answer, render_citation, render_meetings, render_summary
from retrieval.errors import (
    EmptyQuestion,
    InvalidDay,
    MinutebotError,
    QuestionInAnotherLanguage,
    UnreadableQuestion,
)
from retrieval.models import Answer
from retrieval.questions.days import parse_day
from retrieval.settings import RetrievalSettings, load_settings

if TYPE_CHECKING:
    from retrieval.engine import Minutebot
    from retrieval.indexing import IndexProgress, ProgressCallback


class Day(click.ParamType):
    """A day written YYYY-MM-DD, with the same message for a mistyped one as in Discord."""

    name = "day"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return parse_day(value)
        except InvalidDay as error:
            self.fail(str(error), param, ctx)


DAY = Day()


class MinutebotGroup(click.Group):
    """Turns domain errors into one line on stderr and exit code 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MinutebotError as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(1)


@click.group(cls=MinutebotGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    help="Folder of meeting records [env MINUTEBOT_DATA_DIR; default: the bundled sample].",
)
@click.option("--store", type=click.Path(path_type=Path), help="Folder of the local index [env MINUTEBOT_STORE].")
@click.option("-v", "--verbose", count=True, help="More logs on stderr (-v info, -vv debug).")
@click.version_option(package_name="minutebot")
@click.pass_context
def main(ctx: click.Context, data_dir: Path | None, store: Path | None, verbose: int) -> None:
    """Answer questions about meeting records with verbatim quotes and exact sources.

    \b
    Examples:
      minutebot ask "How many old residential areas were renovated?"
      minutebot ask --json --meeting ES2006a "What did the marketing expert say about the remote?"
      printf 'first question\\nsecond question\\n' | minutebot ask --json -
      minutebot cite 'city-party-history-summary-2022-06-20#1876-2065'
    """
    _configure_logging(verbose)
    overrides = {"data_dir": data_dir, "store": store}
    ctx.obj = _LazyMinutebot(load_settings(**{k: v for k, v in overrides.items() if v is not None}))


@main.command()
@click.option("--full", is_flag=True, help="Re-embed every passage, not only those whose text changed.")
@click.option("--dry-run", is_flag=True, help="Only list what would change and count the passages to embed.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
@click.pass_obj
def index(core: _LazyMinutebot, full: bool, dry_run: bool, as_json: bool) -> None:
    """Index the records in the data folder (incremental; the previous index serves until the new one is ready)."""
    with _progress_bar() as progress:
        summary = core.get().index(full=full, dry_run=dry_run, progress=progress)
    click.echo(json.dumps(summary.to_dict()) if as_json else render_summary(summary))


@main.command()
@click.argument("question")
@click.option("-k", "--top-k", type=click.IntRange(1, 50), help="Passages to return [env MINUTEBOT_TOP_K; default 5].")
@click.option("-m", "--meeting", help="Search only this meeting (its id, as 'minutebot meetings' lists).")
@click.option("--after", type=DAY, metavar="YYYY-MM-DD", help="Only meetings dated on or after this day.")
@click.option("--before", type=DAY, metavar="YYYY-MM-DD", help="Only meetings dated on or before this day.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per answer.")
@click.pass_obj
def ask(
    core: _LazyMinutebot,
    question: str,
    top_k: int | None,
    meeting: str | None,
    after: dt.date | None,
    before: dt.date | None,
    as_json: bool,
) -> None:
    """Answer QUESTION with verbatim quotes; '-' reads one question per line from stdin.

    Indexes the data folder first if nothing is indexed yet. Without --meeting, --after or --before, a meeting's
    day named in the question keeps to that meeting: "the meeting of 2025-03-14", "the March 14 meeting",
    "yesterday's meeting", "Monday's call", "the last meeting", "last week's meetings".
    """
    if not question.strip():
        raise EmptyQuestion()
    batch = question == "-"
    questions = list(_stdin_questions()) if batch else [question]
    bot = core.get_indexed()
    for number, text in enumerate(questions):
        try:
            answer = bot.ask(text, top_k, meeting, after, before)
        except (EmptyQuestion, UnreadableQuestion, QuestionInAnotherLanguage) as error:
            if not batch:
                raise
            answer = Answer(question=text.strip(), answer=str(error), quotes=[], passages=[])
        if as_json:
            click.echo(json.dumps(answer.to_dict(), ensure_ascii=False))
        else:
            click.echo(("\n" if number else "") + render_answer(answer))


@main.command()
@click.argument("ref")
@click.option("--json", "as_json", is_flag=True, help="Print the citation as a JSON object.")
@click.pass_obj
def cite(core: _LazyMinutebot, ref: str, as_json: bool) -> None:
    """Show the passage behind REF (as 'meeting#start-end' from an answer, or 'meeting:LINE[-LINE]')."""
    citation = core.get().cite(ref)
    click.echo(json.dumps(citation.to_dict(), ensure_ascii=False) if as_json else render_citation(citation))


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per meeting.")
@click.pass_obj
def meetings(core: _LazyMinutebot, as_json: bool) -> None:
    """List the indexed meetings with their title, date and number of chunks."""
    found = core.get().meetings()
    if as_json:
        for meeting in found:
            click.echo(json.dumps(meeting.to_dict(), ensure_ascii=False))
    else:
        click.echo(render_meetings(found))


@main.command()
@click.option("--check", is_flag=True, help="Validate the configuration and print the slash commands as JSON, offline.")
@click.pass_obj
def serve(core: _LazyMinutebot, check: bool) -> None:
    """Run the Discord bot (needs DISCORD_TOKEN; see README, 'Discord')."""
    from bot import serve as discord_serve

    settings = discord_serve.load_discord_settings()
    if check:
        click.echo(json.dumps(discord_serve.check(settings), indent=2))
        return
    discord_serve.serve(core.settings, settings)


class _LazyMinutebot:
    """Builds the core only for commands that need it, so `--help` and usage errors stay instant."""

    def __init__(self, settings: RetrievalSettings) -> None:
        self.settings = settings
        self._core: Minutebot | None = None

    def get(self) -> Minutebot:
        if self._core is None:
            from retrieval.engine import Minutebot  # search, LangChain and the store load only when needed

            self._core = Minutebot(self.settings)
        return self._core

    def get_indexed(self) -> Minutebot:
        core = self.get()
        if reason := core.needs_index():
            from retrieval.loading import require_data_folder

            require_data_folder(self.settings.data_dir)  # before saying it indexes a folder that is not there
            click.echo(f"Indexing {self.settings.data_dir} ({reason})…", err=True)
            with _progress_bar() as progress:
                summary = core.index(progress=progress)
            click.echo(render_summary(summary), err=True)
        return core


def _stdin_questions() -> Iterator[str]:
    """Every line of stdin, blank ones too: each gets one answer line, so answers line up with questions."""
    for line in sys.stdin:
        yield line.rstrip("\n")


@contextmanager
def _progress_bar() -> Iterator[ProgressCallback]:
    """A tqdm bar on stderr that follows the embedding stage of an index run."""
    from tqdm import tqdm

    bar: tqdm | None = None

    def update(event: IndexProgress) -> None:
        nonlocal bar
        if event.stage == "embedding":
            bar = bar or tqdm(total=event.total, desc="embedding", unit="chunk", file=sys.stderr, disable=None)
            bar.update(event.done - bar.n)

    try:
        yield update
    finally:
        if bar is not None:
            bar.close()


NOISY_LIBRARIES = ("httpx", "chromadb", "sentence_transformers", "filelock", "bm25s", "discord.gateway", "discord.http")


class QuietLibraries(logging.Filter):
    """Passes only warnings and errors from chatty libraries, whatever level they set on import (bm25s: DEBUG)."""

    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = max(level, logging.WARNING)

    def filter(self, record: logging.LogRecord) -> bool:
        chatty = any(record.name == name or record.name.startswith(f"{name}.") for name in NOISY_LIBRARIES)
        return not chatty or record.levelno >= self.level


def _configure_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:
        handler.addFilter(QuietLibraries(level))
