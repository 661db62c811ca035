"""Tune the bundled MiniLM for meeting transcripts on QMSum's training split (retrieval/encoders/minilm-meetings.npz).

The training split is indexed with the published model (MINUTEBOT_MODEL_TUNING=none). Each question is searched
within its meeting as minutebot searches, over passages as indexed; a passage is gold when its lines overlap a
gold span. Each training example is (the question as searched, one of its best-ranked gold passages, one of the
best-ranked passages that is not gold), and the other passages of a batch are negatives too (in-batch softmax).
Only low-rank changes to the transformer's linear layers are learned (LoRA, rank 16): they merge into the model
(retrieval/encoders/tuned_model.py) and ship as a 1.3 MB file. Questions about most of a meeting ("Summarize the
meeting") teach nothing about where to look and are left out.

Usage: python benchmarks/train_meeting_model.py [--qmsum ../shared/qmsum-train] [--store DIR] [--out FILE]
(17 minutes on 2 cores with the index reused through --store, nearly all of it the 3 epochs).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch
from qmsum import overlaps

from retrieval import Minutebot, RetrievalSettings
from retrieval.chunking import chunk_record
from retrieval.encoders.embeddings import bundled_model_path
from retrieval.encoders.tuned_model import TUNING
from retrieval.indexing import embedding_text
from retrieval.questions.query import reduce_question
from retrieval.search import SearchFilter

SHARED = Path(__file__).resolve().parents[2] / "shared"
RANKED = 30  # passages searched per question, best first
POSITIVES = 2  # best-ranked gold passages per question
HARD_NEGATIVES = 8  # a question's negative is one of its best-ranked passages that are not gold
MOST_OF_A_MEETING = 0.5  # questions whose gold spans cover more of their meeting's passages are left out
RANK, EPOCHS, LEARNING_RATE, BATCH, SCALE = 16, 3, 5e-4, 32, 20.0


class LowRank(torch.nn.Module):
    """A frozen linear layer plus a learned low-rank change B·A (B starts at zero: training starts at the model)."""

    def __init__(self, base: torch.nn.Linear, rank: int) -> None:
        super().__init__()
        self.base = base
        self.A = torch.nn.Parameter(torch.randn(rank, base.in_features) / math.sqrt(base.in_features))
        self.B = torch.nn.Parameter(torch.zeros(base.out_features, rank))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + (x @ self.A.T) @ self.B.T


def training_triplets(core: Minutebot, queries: list[dict], rng: random.Random) -> list[tuple[str, str, str]]:
    """(question as searched, gold passage, non-gold passage) for each question's best-ranked gold passages."""
    view = core.searcher.view()
    chunks = {meeting: chunk_record(record, core.settings.chunk_chars) for meeting, record in view.records.items()}
    texts = {meeting: {c.start_char: embedding_text(c) for c in cut} for meeting, cut in chunks.items()}
    triplets = []
    for query in queries:
        meeting, spans = query["meeting"], query["gold_lines"]
        if np.mean([overlaps(c.start_line, c.end_line, spans) for c in chunks[meeting]]) > MOST_OF_A_MEETING:
            continue
        ranked = core.searcher.search(query["query"], RANKED, SearchFilter(meeting=meeting))
        gold = [p for p in ranked if overlaps(p.start_line, p.end_line, spans)][:POSITIVES]
        negatives = [p for p in ranked if not overlaps(p.start_line, p.end_line, spans)][:HARD_NEGATIVES]
        question = reduce_question(query["query"])
        for positive in gold if negatives else []:
            negative = rng.choice(negatives)
            triplets.append((question, texts[meeting][positive.start_char], texts[meeting][negative.start_char]))
    return triplets


def train(triplets: list[tuple[str, str, str]], rng: random.Random) -> dict[str, LowRank]:
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(bundled_model_path()), device="cpu")
    for parameter in model.parameters():
        parameter.requires_grad_(False)
    layers: dict[str, LowRank] = {}
    for name, module in list(model.named_modules()):
        for child_name, child in list(module.named_children()):
            if isinstance(child, torch.nn.Linear) and ".layer." in name:
                layers[f"{name}.{child_name}"] = LowRank(child, RANK)
                setattr(module, child_name, layers[f"{name}.{child_name}"])
    parameters = [p for layer in layers.values() for p in (layer.A, layer.B)]
    optimiser = torch.optim.AdamW(parameters, lr=LEARNING_RATE, weight_decay=0.0)
    steps = EPOCHS * math.ceil(len(triplets) / BATCH)
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min(1.0, (s + 1) / warmup) * (steps - s) / steps)

    def encode(texts: list[str]) -> torch.Tensor:
        return torch.nn.functional.normalize(model(model.preprocess(texts))["sentence_embedding"], dim=-1)

    model.train()
    step = 0
    for _ in range(EPOCHS):
        rng.shuffle(triplets)
        for start in range(0, len(triplets), BATCH):
            batch = triplets[start : start + BATCH]
            questions = encode([q for q, _, _ in batch])
            passages = encode([p for _, p, _ in batch] + [n for _, _, n in batch])
            loss = torch.nn.functional.cross_entropy(questions @ passages.T * SCALE, torch.arange(len(batch)))
            loss.backward()
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            print(f"step {step}/{steps} loss {loss.item():.3f}", file=sys.stderr, flush=True)
    return layers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qmsum", type=Path, default=SHARED / "qmsum-train")
    parser.add_argument("--store", type=Path, help="Index folder to reuse between runs (default: a temporary one).")
    parser.add_argument("--out", type=Path, default=TUNING)
    args = parser.parse_args()
    random.seed(0)
    torch.manual_seed(0)
    rng = random.Random(0)
    queries = [json.loads(line) for line in (args.qmsum / "queries.jsonl").open()]
    settings = RetrievalSettings(
        _env_file=None,
        data_dir=args.qmsum / "records",
        store=args.store or Path(tempfile.mkdtemp()),
        model_tuning="none",
        context_chars=0,  # passages as indexed: the texts the model embeds
    )
    core = Minutebot(settings)
    if core.needs_index():
        print("indexing…", file=sys.stderr)
        core.index()
    triplets = training_triplets(core, queries, rng)
    print(f"{len(triplets)} training examples from {len(queries)} questions", file=sys.stderr)
    layers = train(triplets, rng)
    changes = {}
    for name, layer in layers.items():
        layer_name = name[name.index("encoder.") :]  # as the model's weights file names it
        changes[f"{layer_name}.A"] = layer.A.detach().numpy().astype(np.float16)
        changes[f"{layer_name}.B"] = layer.B.detach().numpy().astype(np.float16)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **changes)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
