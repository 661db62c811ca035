"""A reindex killed at any point leaves the previous index working, and the next reindex recovers."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from filelock import FileLock

from retrieval.indexing import LOCK_NAME
from tests.conftest import TRANSCRIPT

CLI = [sys.executable, "-c", "from bot.cli import main; main()"]
START_TIMEOUT_SECONDS = 120


def cli(data: Path, store: Path, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [*CLI, "--data-dir", str(data), "--store", str(store), *args], capture_output=True, text=True, env=env, **kwargs
    )


def many_records(folder: Path, count: int) -> None:
    for i in range(count):
        turns = TRANSCRIPT.replace("remote control", f"remote control model {i}").replace("twelve", f"{i} hundred")
        (folder / f"weekly_{i:03d}.txt").write_text(turns * 4)


def test_reindex_killed_mid_build_leaves_the_previous_index_working(records_dir: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert cli(records_dir, store, "index").returncode == 0
    many_records(records_dir, 80)
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    build = subprocess.Popen(
        [*CLI, "-v", "--data-dir", str(records_dir), "--store", str(store), "index", "--full"],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    for line in build.stderr:
        if "to embed" in line or time.monotonic() > deadline:
            break
    time.sleep(1.0)  # well into embedding and writing
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert build.returncode == -signal.SIGKILL

    asked = cli(records_dir, store, "ask", "--json", "What does the budget allow per unit?")
    assert asked.returncode == 0 and "twelve Euro fifty" in asked.stdout
    meetings = cli(records_dir, store, "meetings")
    assert meetings.stdout.count("\n") == 2  # header and the one meeting indexed before the crash

    reindexed = cli(records_dir, store, "index", "--json")
    assert reindexed.returncode == 0, reindexed.stderr
    assert '"added": ["weekly_000"' in reindexed.stdout
    assert len(cli(records_dir, store, "meetings").stdout.splitlines()) == 82


def test_a_reindex_in_another_process_is_refused_while_one_runs(records_dir: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    store.mkdir()
    with FileLock(store / LOCK_NAME):
        refused = cli(records_dir, store, "index")
    assert refused.returncode == 1
    assert refused.stderr.strip() == "Error: Another reindex is already running; try again when it has finished."
    assert cli(records_dir, store, "index").returncode == 0
