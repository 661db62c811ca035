"""How to cut Chinese for BM25, measured on the CMRC 2018 trial set (../shared/cmrc-dev): BM25 alone, in process.

For each way of cutting, over minutebot's own passages (800 characters): doc_hit@1/5 (a passage of the question's
record comes first / in the top five) and answer_in_passage@1 (the first passage holds an answer string), on all
questions and on the two halves of the records taken alternately by name.

Usage: python benchmarks/segmenters.py [../shared/cmrc-dev]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import retrieval.lexical as lexical
from retrieval.chunking import chunk_record
from retrieval.loading import load_records

CUTS: dict[str, Callable[[str], list[str]]] = {
    "jieba words and character pairs (default)": lexical._chinese_words,
    "jieba words (rjieba)": lexical._dictionary_words,
    "character pairs": lexical._character_pairs,
    "no cutting (whole runs of characters)": lambda token: [token],
}


def has_answer(text: str, answers: list[str]) -> bool:
    flat = "".join(text.split())
    return any("".join(answer.split()) in flat for answer in answers)


def main(prep: Path) -> None:
    records = load_records(prep / "records", 10**8).records
    chunks = [chunk for record in records for chunk in chunk_record(record, 800)]
    queries = [json.loads(line) for line in (prep / "queries.jsonl").read_text(encoding="utf-8").splitlines()]
    names = sorted({q["meeting"] for q in queries})
    print("| cutting | doc_hit@1 | doc_hit@5 | answer_in_passage@1 | half A | half B |")
    print("|---|---|---|---|---|---|")
    for label, cut in CUTS.items():
        lexical._chinese_words = cut  # type: ignore[assignment]
        index = lexical.LexicalIndex.build([chunk.text for chunk in chunks])
        rows = []
        for query in queries:
            found = [chunks[i] for i, _ in index.search(query["query"], 5)]
            rows.append(
                (
                    bool(found) and found[0].meeting == query["meeting"],
                    any(chunk.meeting == query["meeting"] for chunk in found),
                    bool(found) and has_answer(found[0].text, query["answers"]),
                    names.index(query["meeting"]) % 2,
                )
            )
        share = [round(sum(row[i] for row in rows) / len(rows), 3) for i in range(3)]
        halves = [
            round(sum(row[2] for row in rows if row[3] == h) / sum(row[3] == h for row in rows), 3) for h in (0, 1)
        ]
        print(f"| {label} | {' | '.join(map(str, share))} | {halves[0]} | {halves[1]} |")
    lexical._chinese_words = CUTS["jieba words and character pairs (default)"]  # type: ignore[assignment]


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "cmrc-dev"))
