"""Learn the weights of the sentence score (retrieval/answering.py, SENTENCE_WEIGHTS) from QMSum's training split.

Each training question is searched within its meeting as minutebot does; every candidate sentence of the best
passages is a row of `sentence_features`, labelled 1 when its lines overlap a gold span. The weights maximise,
question by question, the probability that a softmax over the candidates' scores puts on the gold sentences
(a listwise objective: what matters is which sentence comes first within a question, not how good sentences
are across questions), with an L2 penalty, by Newton's method. They are printed for SENTENCE_WEIGHTS, with how
often the best-scored sentence lies in a gold span (quote_hit@1) on the training questions, before and after.

Usage: python benchmarks/train_sentence_scorer.py [--qmsum ../shared/qmsum-train] [--store DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np
from qmsum import overlaps

from retrieval import Minutebot, RetrievalSettings
from retrieval.answering import FEATURES, SENTENCE_WEIGHTS, sentence_features
from retrieval.search import SearchFilter

SHARED = Path(__file__).resolve().parents[2] / "shared"
L2 = 1.0  # ridge penalty


def training_rows(core: Minutebot, queries: list[dict]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per question: the candidate sentences' features and their labels."""
    groups = []
    for query in queries:
        passages = core.searcher.search(query["query"], 5, SearchFilter(meeting=query["meeting"]))
        quotes, features, *_ = sentence_features(query["query"], passages, core.searcher.idf)
        labels = np.array([overlaps(q.start_line, q.end_line, query["gold_lines"]) for q in quotes], dtype=float)
        if len(quotes):
            groups.append((features, labels))
    return groups


def fit(groups: list[tuple[np.ndarray, np.ndarray]], iterations: int = 100) -> np.ndarray:
    """Weights maximising Σ log Σ_gold softmax(features · w) over questions with a gold candidate, minus L2.

    A constant feature (the bias) does not change a softmax: its weight stays 0.
    """
    usable = [(features, labels / labels.sum()) for features, labels in groups if labels.any()]
    weights = np.zeros(usable[0][0].shape[1])
    for _ in range(iterations):
        gradient, hessian = L2 * weights, np.diag(np.full(len(weights), L2))
        for features, target in usable:
            scores = features @ weights
            p = np.exp(scores - scores.max())
            p /= p.sum()
            gradient += features.T @ (p - target)
            hessian += features.T @ (np.diag(p) - np.outer(p, p)) @ features
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return weights


def first_hit(groups: list[tuple[np.ndarray, np.ndarray]], weights: np.ndarray) -> float:
    return float(np.mean([labels[int(np.argmax(features @ weights))] for features, labels in groups]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qmsum", type=Path, default=SHARED / "qmsum-train")
    parser.add_argument("--store", type=Path, help="Index folder to reuse between runs (default: a temporary one).")
    args = parser.parse_args()
    queries = [json.loads(line) for line in (args.qmsum / "queries.jsonl").open()]
    store = args.store or Path(tempfile.mkdtemp())
    core = Minutebot(RetrievalSettings(_env_file=None, data_dir=args.qmsum / "records", store=store))
    if core.needs_index():
        print("indexing…", file=sys.stderr)
        core.index()
    groups = training_rows(core, queries)
    weights = fit(groups)
    print(f"{len(groups)} questions, {sum(len(y) for _, y in groups)} sentences")
    print(
        f"quote_hit@1 on these questions: {first_hit(groups, SENTENCE_WEIGHTS):.3f} with the weights in use, "
        f"{first_hit(groups, weights):.3f} with the learned ones"
    )
    for name, weight in zip(FEATURES, weights, strict=True):
        print(f"  {name:40s} {weight:+.3f}")
    print("SENTENCE_WEIGHTS = np.array([" + ", ".join(f"{w:.3f}" for w in weights) + "])")


if __name__ == "__main__":
    main()
