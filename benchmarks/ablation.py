"""Which retrieval choice earns its place: the real pipeline on QMSum with one technique switched at a time.

Builds a real index (Chroma + BM25) per passage size in a temporary store, then scores each search variant
in process, for all meetings at once ('corpus') and within the query's meeting ('meeting'), with the same
hit definition as ../shared/bench/qmsum_eval.py (a returned passage of the query's meeting overlapping a gold span).
Usage: python benchmarks/ablation.py [--sizes 800,1200] [--qmsum DIR]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from qmsum import DEFAULT_QMSUM, indexed_core, load_queries, overlaps

from retrieval import Minutebot
from retrieval.search import HybridSearcher, SearchConfig

FULL = SearchConfig()
PLAIN = replace(FULL, candidates=50, context_chars=0, speaker_boost=1.0, neighbour_gap=0, reduce_question=False)
VARIANTS = {
    "dense only": replace(PLAIN, fusion="dense"),
    "BM25 only": replace(PLAIN, fusion="lexical"),
    "RRF fusion": replace(PLAIN, fusion="rrf"),
    "weighted fusion": PLAIN,
    "+ question reduction": replace(PLAIN, reduce_question=True),
    "+ speaker boost": replace(PLAIN, reduce_question=True, speaker_boost=FULL.speaker_boost),
    "+ neighbour gap": replace(FULL, candidates=50, context_chars=0),
    "+ 200 candidates": replace(FULL, context_chars=0),
    "+ context widening (default)": FULL,
}
TOP_K = 10
COLUMNS = (
    "passage size",
    "variant",
    "corpus hit@1",
    "corpus hit@5",
    "meeting hit@5",
    "corpus quote_hit@1",
    "meeting quote_hit@1",
    "chars",
)


def evaluate(core: Minutebot, queries: list[dict], scope: str) -> dict[str, float]:
    hit1 = hit5 = mrr = quote1 = 0.0
    chars: list[int] = []
    for query in queries:
        answer = core.ask(query["query"], TOP_K, query["meeting"] if scope == "meeting" else None)
        good = [
            rank
            for rank, p in enumerate(answer.passages)
            if p.meeting == query["meeting"] and overlaps(p.start_line, p.end_line, query["gold_lines"])
        ]
        chars += [len(p.text) for p in answer.passages[:5]]
        if good:
            hit1 += good[0] == 0
            hit5 += good[0] < 5
            mrr += 1 / (good[0] + 1)
        first = answer.quotes[0] if answer.quotes else None
        quote1 += bool(
            first
            and first.meeting == query["meeting"]
            and overlaps(first.start_line, first.end_line, query["gold_lines"])
        )
    n = len(queries)
    return {
        "hit@1": round(hit1 / n, 3),
        "hit@5": round(hit5 / n, 3),
        "mrr@10": round(mrr / n, 3),
        "quote_hit@1": round(quote1 / n, 3),
        "chars": round(sum(chars) / max(len(chars), 1)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qmsum", type=Path, default=DEFAULT_QMSUM)
    parser.add_argument("--sizes", default="800,1200")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--backend", default="onnx", choices=("onnx", "onnx-int8", "torch"), help="Embedding backend.")
    args = parser.parse_args()
    queries = load_queries(args.qmsum)
    print("| " + " | ".join(COLUMNS) + " |")
    print("|" + "---|" * len(COLUMNS))
    for size in map(int, args.sizes.split(",")):
        with indexed_core(args.qmsum, chunk_chars=size, embedding_backend=args.backend) as core:
            for name in args.variants.split(","):
                core.searcher = HybridSearcher(core.store, core.embeddings_for, VARIANTS[name])
                corpus, meeting = evaluate(core, queries, "corpus"), evaluate(core, queries, "meeting")
                print(
                    f"| {size} | {name} | {corpus['hit@1']} | {corpus['hit@5']} | {meeting['hit@5']} | "
                    f"{corpus['quote_hit@1']} | {meeting['quote_hit@1']} | {corpus['chars']} |",
                    flush=True,
                )
    print(f"\n{len(queries)} questions, top-{TOP_K} passages; chars = mean length of the top 5.", file=sys.stderr)


if __name__ == "__main__":
    main()
