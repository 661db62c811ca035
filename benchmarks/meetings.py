"""Does corpus-wide search find the question's meeting? By QMSum domain, with the default pipeline.

QMSum questions rarely name their meeting. This measures, for each domain, how often the top passage and any of
the top five passages come from the question's own meeting, which limits corpus-wide hit@1 and hit@5.
Usage: python benchmarks/meetings.py [--qmsum DIR]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from qmsum import DEFAULT_QMSUM, indexed_core, load_queries

DOMAINS = {"ES": "AMI design meetings", "IS": "AMI design meetings", "TS": "AMI design meetings", "B": "ICSI research"}


def domain(meeting: str) -> str:
    """QMSum's domain of a meeting, from its id (ES2006a: AMI, Bmr005: ICSI, education_0: parliament)."""
    return DOMAINS.get(meeting[:2], DOMAINS.get(meeting[:1], "Welsh and Canadian parliament"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qmsum", type=Path, default=DEFAULT_QMSUM)
    args = parser.parse_args()
    queries = load_queries(args.qmsum)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    meetings_per_domain: dict[str, set[str]] = defaultdict(set)
    with indexed_core(args.qmsum) as core:
        for query in queries:
            found = [p.meeting for p in core.searcher.search(query["query"], 5)]
            row = counts[domain(query["meeting"])]
            row[0] += 1
            row[1] += bool(found) and found[0] == query["meeting"]
            row[2] += query["meeting"] in found
        for meeting in core.meetings():
            meetings_per_domain[domain(meeting.meeting)].add(meeting.meeting)
    print("| questions about | meetings | questions | top passage from its meeting | its meeting in the top five |")
    print("|---|---|---|---|---|")
    for name, (total, first, any_of_five) in sorted(counts.items()):
        meetings = len(meetings_per_domain[name])
        print(f"| {name} | {meetings} | {total} | {first / total:.2f} | {any_of_five / total:.2f} |")


if __name__ == "__main__":
    main()
