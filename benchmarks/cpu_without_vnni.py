"""The embedding model on an x86 CPU without VNNI, measured on any x86 machine through valgrind.

valgrind runs a program on an emulated CPU that has AVX2 but neither AVX-512 nor VNNI, so ONNX Runtime and torch
pick the kernels they would pick on such a CPU (most AVX2-only machines, many AMD EPYCs). Emulated time says
nothing of real time, so work is counted in instructions (callgrind): the count with two passes over the same
texts less the count with one, which leaves out start-up and loading. Instructions are not time (some take
longer than others), but the kernels compared here do the same multiply-adds with instructions of similar cost.

Systems: minutebot's int8 MiniLM with exact int8 products (what it runs on such a CPU), the same with ONNX Runtime's
default kernels (unsigned × signed 8-bit products summed in 16 bits, which can saturate), float32 through ONNX
Runtime, and the plain pipeline's float32 torch (sentence-transformers, as benchmarks/run.py's baseline).
Vectors are compared with float32's computed natively.

Usage: python benchmarks/cpu_without_vnni.py [--texts N]  (about an hour on 2 cores for 24 texts, most of it torch;
needs valgrind)
Writes results/cpu_without_vnni.json and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from unittest import mock

import numpy as np
from langchain_core.embeddings import Embeddings
from run import QMSUM, cpu_description

from retrieval.encoders import onnx_encoder
from retrieval.encoders.embeddings import build_embeddings, bundled_model_path, minilm_folder
from retrieval.settings import RetrievalSettings

RESULTS = Path(__file__).resolve().parent / "results" / "cpu_without_vnni.json"
EXACT = "int8, exact products (minutebot)"  # the row the others are compared with
SYSTEMS = {
    EXACT: "int8-exact",
    "int8, ONNX Runtime's default kernels (16-bit sums)": "int8-default",
    "float32, ONNX Runtime": "float32-onnx",
    "float32, torch (plain pipeline)": "float32-torch",
}
_TOTALS = re.compile(r"^summary:\s*(\d+)", re.MULTILINE)


def sample_texts(count: int) -> list[str]:
    """Questions and transcript lines of QMSum validation, a quarter questions, the same on every run."""
    questions = [json.loads(line)["query"] for line in (QMSUM / "queries.jsonl").open()]
    lines = [
        line
        for record in sorted((QMSUM / "records").glob("*.txt"))[:6]
        for line in record.read_text().splitlines()[:400]
        if len(line.split()) > 8
    ]
    quarter = count // 4
    return questions[:quarter] + lines[:: max(1, len(lines) // (count - quarter))][: count - quarter]


def model_files() -> tuple[Path, Path]:
    """The MiniLM folder minutebot runs by default (tuned for meetings), and the cache of its ONNX exports."""
    settings = RetrievalSettings(_env_file=None)
    return minilm_folder(settings) or bundled_model_path(), settings.model_cache


def encoder(system: str) -> Embeddings:
    """The embedding model as `system` runs it, on one thread."""
    folder, cache = model_files()
    if system == "float32-torch":
        import torch

        torch.set_num_threads(1)
        return build_embeddings(folder, "torch")
    # As if /proc/cpuinfo listed VNNI (default kernels) or did not (exact products); the emulated CPU has none.
    flags = frozenset({"avx512_vnni"}) if system == "int8-default" else frozenset()
    with mock.patch.object(onnx_encoder, "cpu_flags", lambda: flags):  # one worker: its session is made here
        return onnx_encoder.OnnxEncoder(folder, cache, quantized=system != "float32-onnx", workers=1)


def work(system: str, passes: int, texts: int, out: Path) -> None:
    """One child process: embed the texts `passes` times, save the vectors."""
    model, sample = encoder(system), sample_texts(texts)
    for _ in range(passes):
        vectors = np.asarray(model.embed_documents(sample), dtype=np.float32)
    np.save(out, vectors)


def counted(system: str, passes: int, texts: int, folder: Path) -> tuple[int, np.ndarray]:
    """Instructions of one child run under callgrind, and the vectors it made."""
    stem = folder / f"{system}-{passes}"
    command = [
        "valgrind", "--tool=callgrind", f"--callgrind-out-file={stem}.out",
        sys.executable, __file__, "--worker", system, "--passes", str(passes),
        "--texts", str(texts), "--out", f"{stem}.npy",
    ]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True)
    return int(_TOTALS.search(Path(f"{stem}.out").read_text()).group(1)), np.load(f"{stem}.npy")


def measure(texts: int) -> dict:
    sample = sample_texts(texts)
    model_dir, cache = model_files()
    shipped = build_embeddings(model_dir, "onnx-int8", cache)
    native_int8 = np.asarray(shipped.embed_documents(sample), dtype=np.float32)  # as minutebot runs on this CPU
    reference = np.asarray(encoder("float32-onnx").embed_documents(sample), dtype=np.float32)
    runs = [(system, passes) for system in SYSTEMS.values() for passes in (1, 2)]
    with tempfile.TemporaryDirectory() as folder, ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        done = dict(zip(runs, pool.map(lambda run: counted(*run, texts, Path(folder)), runs), strict=True))
    rows = {}
    for label, system in SYSTEMS.items():
        (one, vectors), (two, _) = done[(system, 1)], done[(system, 2)]
        cosines = (vectors * reference).sum(axis=1)
        rows[label] = {
            "instructions_per_text": (two - one) / texts,
            "cosine_to_float32_mean": float(cosines.mean()),
            "cosine_to_float32_min": float(cosines.min()),
            "max_difference_from_this_cpu_int8": float(np.abs(vectors - native_int8).max()),
        }
    return {"date": date.today().isoformat(), "host_cpu": cpu_description(), "texts": texts,
            "rows": rows}  # fmt: skip


def table(results: dict) -> str:
    exact = results["rows"][EXACT]["instructions_per_text"]
    lines = [
        "| system on an emulated AVX2 CPU without VNNI | instructions per text | vs int8 exact | cosine to float32, "
        "mean / min | max difference from this CPU's int8 |",
        "|---|---|---|---|---|",
    ]
    for label, row in results["rows"].items():
        lines.append(
            f"| {label} | {row['instructions_per_text'] / 1e6:,.1f} M | {row['instructions_per_text'] / exact:.2f}× "
            f"| {row['cosine_to_float32_mean']:.4f} / {row['cosine_to_float32_min']:.4f} "
            f"| {row['max_difference_from_this_cpu_int8']:.4f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=int, default=24)
    parser.add_argument("--worker", choices=sorted(SYSTEMS.values()), help=argparse.SUPPRESS)
    parser.add_argument("--passes", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        work(args.worker, args.passes, args.texts, args.out)
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is needed: it emulates the CPU without VNNI (apt install valgrind)")
    results = measure(args.texts)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(table(results))


if __name__ == "__main__":
    main()
