"""How minutebot grows with the corpus: a synthetic corpus N times the QMSum validation set, then measure.

Each synthetic record recombines two transcripts (runs of turns taken alternately, seeded), so vocabulary and
turn shapes stay realistic while no record repeats another. Reports index time, store size, peak memory while
indexing and while answering, and answer latency, for each multiple.
Usage: python benchmarks/scale.py [--multiples 5,20] [--questions 48]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from run import BOT_PROCESS, QMSUM, child_peak, latencies, minutebot, percentile

RUN_OF_TURNS = 12
SEED = 7


def synthetic_corpus(target: Path, multiple: int) -> int:
    """Write `multiple` × 35 recombined transcripts into `target`; return their total characters."""
    rng = random.Random(SEED)
    sources = [path.read_text().splitlines(keepends=True) for path in sorted((QMSUM / "records").glob("*.txt"))]
    target.mkdir(parents=True)
    total = 0
    for copy in range(multiple):
        for number, lines in enumerate(sources):
            other = rng.choice(sources)
            runs = [lines[i : i + RUN_OF_TURNS] for i in range(0, len(lines), RUN_OF_TURNS)]
            others = [other[i : i + RUN_OF_TURNS] for i in range(0, len(other), RUN_OF_TURNS)]
            mixed = [line for pair in zip(runs, others, strict=False) for run in pair for line in run]
            text = "".join(mixed[: len(lines)])
            (target / f"synthetic_{copy:02d}_{number:02d}.txt").write_text(text)
            total += len(text)
    return total


def folder_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def measure(multiple: int, questions: list[str], work: Path) -> dict[str, float]:
    from retrieval import Minutebot, RetrievalSettings

    records, store = work / f"x{multiple}", work / f"store-x{multiple}"
    characters = synthetic_corpus(records, multiple)
    index_s, index_rss = child_peak(minutebot(records, store, "index"))
    core = Minutebot(RetrievalSettings(_env_file=None, data_dir=records, store=store))
    core.searcher.view()
    single = latencies(core.ask, questions, 1)
    concurrent = latencies(core.ask, questions, 8)
    bot_rss = child_peak([sys.executable, "-c", BOT_PROCESS, str(records), str(store), json.dumps(questions)])[1]
    return {
        "multiple": multiple,
        "records": len(list(records.glob("*.txt"))),
        "mb_of_text": characters / 1e6,
        "chunks": core.status().chunks,
        "index_s": index_s,
        "index_rss_mb": index_rss,
        "store_mb": folder_mb(store),
        "p50_ms": percentile(single, 0.5) * 1e3,
        "p95_ms": percentile(single, 0.95) * 1e3,
        "p95_8_at_once_ms": percentile(concurrent, 0.95) * 1e3,
        "bot_rss_mb": bot_rss,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--multiples", default="5,20")
    parser.add_argument("--questions", type=int, default=48)
    args = parser.parse_args()
    questions = [json.loads(line)["query"] for line in (QMSUM / "queries.jsonl").open()][: args.questions]
    columns = (
        "multiple",
        "records",
        "mb_of_text",
        "chunks",
        "index_s",
        "index_rss_mb",
        "store_mb",
        "p50_ms",
        "p95_ms",
        "p95_8_at_once_ms",
        "bot_rss_mb",
    )
    print("| " + " | ".join(columns) + " |\n|" + "---|" * len(columns), flush=True)
    with tempfile.TemporaryDirectory() as work:
        for multiple in map(int, args.multiples.split(",")):
            row = measure(multiple, questions, Path(work))
            print(
                "| "
                + " | ".join(f"{row[c]:,.1f}" if isinstance(row[c], float) else str(row[c]) for c in columns)
                + " |",
                flush=True,
            )
            subprocess.run(["rm", "-rf", f"{work}/x{multiple}", f"{work}/store-x{multiple}"], check=True)


if __name__ == "__main__":
    main()
