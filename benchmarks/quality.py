"""Retrieval quality on QMSum: minutebot against plain LangChain baselines, both scopes, in one run.

Runs ../shared/bench/qmsum_eval.py (the shared scorer) for each system and scope and prints a Markdown table.
Usage: python benchmarks/quality.py [--qmsum DIR] [--systems project,baseline-bm25,...] [--out FILE.json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SYSTEMS = ("project", "baseline-bm25", "baseline-dense")
SCOPES = ("corpus", "meeting")
COLUMNS = (
    "hit@1",
    "hit@5",
    "mrr@10",
    "chars_per_passage",
    "quote_hit@1",
    "exact_passages",
    "exact_quotes",
    "index_s",
    "query_s",
)


def evaluate(qmsum: Path, system: str, scope: str) -> dict[str, object]:
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    command = [sys.executable, str(SHARED / "bench" / "qmsum_eval.py"), str(qmsum), system, "--scope", scope]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def table(rows: list[dict[str, object]]) -> str:
    header = ["system", "scope", *COLUMNS]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(row.get(c, "")) for c in header) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qmsum", type=Path, default=SHARED / "qmsum-val")
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--scopes", default=",".join(SCOPES))
    parser.add_argument("--out", type=Path, help="Also write the rows as JSON here.")
    args = parser.parse_args()
    rows = []
    for system in args.systems.split(","):
        for scope in args.scopes.split(","):
            print(f"evaluating {system} ({scope})…", file=sys.stderr)
            rows.append(evaluate(args.qmsum, system, scope))
    print(table(rows))
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1) + "\n")


if __name__ == "__main__":
    main()
