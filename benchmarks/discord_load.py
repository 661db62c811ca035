"""The Discord bot under load, through discord.py's event dispatch (dpytest's fake gateway and HTTP layer).

200 questions from 50 members in 10 answer channels, all at once, over the QMSum validation transcripts, with a
full reindex started at the same moment: questions per second, reply time, event-loop lag (how late a 10 ms
sleep wakes up), lost and doubled replies, and the process's peak memory. The same scenario, on a small record,
is a test (tests/bot/cogs/test_ask.py), which asserts that no reply is lost or doubled.

Usage: python benchmarks/discord_load.py [--questions 200] [--users 50] [--channels 10]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import tempfile
from pathlib import Path

import numpy as np

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from retrieval import Minutebot, RetrievalSettings  # noqa: E402
from tests.bot.gateway import run_load, start_gateway  # noqa: E402

QMSUM = PROJECT.parent / "shared" / "qmsum-val"


async def main(args: argparse.Namespace) -> None:
    queries = [json.loads(line)["query"] for line in (QMSUM / "queries.jsonl").open()]
    questions = [queries[i % len(queries)] for i in range(args.questions)]
    with tempfile.TemporaryDirectory() as store:  # an index of the 35 transcripts: not left behind
        core = Minutebot(RetrievalSettings(_env_file=None, data_dir=QMSUM / "records", store=Path(store)))
        core.index()
        core.ask("warm up")
        bot = await start_gateway(core)
        during = asyncio.to_thread(core.index, True)
        report = await run_load(bot, questions, args.users, args.channels, during=during)
    reply = np.array(report.reply_seconds) * 1000
    lag = np.array(report.loop_lag_seconds) * 1000
    limited = sum(
        "asking quickly" in (replies[0].get("content") or "") for replies in report.replies.values() if replies
    )
    print(
        f"questions {report.questions}, lost {report.lost}, doubled {report.doubled}, rate-limited {limited}; all "
        f"replied within {max(report.reply_seconds):.2f} s ({report.questions / max(report.reply_seconds):.0f} "
        f"questions/s) while a full reindex of the 35 transcripts ran ({report.seconds:.1f} s until it finished)"
    )
    print(
        f"reply time ms: p50 {np.percentile(reply, 50):.0f}, p95 {np.percentile(reply, 95):.0f}, max {reply.max():.0f}"
    )
    print(
        f"event-loop lag ms: p50 {np.percentile(lag, 50):.1f}, p99 {np.percentile(lag, 99):.1f}, "
        f"max {lag.max():.1f} ({len(lag)} samples)"
    )
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--channels", type=int, default=10)
    asyncio.run(main(parser.parse_args()))
