"""Start-up counted in instructions: what load on a shared machine does not move.

    python benchmarks/instructions.py            # piped, 10 feeds, French piped
    python benchmarks/instructions.py --more     # also `list` and `remind --dry-run`

Each run of `benchmarks/run.py`'s start-up part (`itu-timeline --today 2027-01-01 upcoming`
on the bundled calendar, piped; with 10 subscribed feeds of 1,000 events; in French) and its
honest floor (run.py's: a Python process importing exactly the standard-library and
third-party modules the run has in `sys.modules`, none of ours) is run once under
`valgrind --tool=callgrind`, with PYTHONHASHSEED=0 and bytecode written, after a run that
warms the cache and the bytecode. CPU-time ratios on this machine move by a tenth or two
between runs minutes apart; these counts move by well under 0.1 %.

Needs valgrind; run with the Python of the environment where itu-timeline is installed.
"""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import run  # the start-up cases' floors and feeds, as run.py makes them

ARGS = ["--today", "2027-01-01", "upcoming"]
MORE = {
    "`list` piped": ["--today", "2027-01-01", "list"],
    "`remind --dry-run`": ["--today", "2027-01-01", "remind", "--dry-run"],
}


def instructions(command: list[str], env: dict[str, str], out: Path) -> int:
    """Instructions one run of `command` executes, as callgrind counts them."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True,
    )  # fmt: skip
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        sys.exit(f"no count from valgrind for {command}:\n{done.stderr}")
    return int(found[1])


def main() -> None:
    if not Path(run.TOOL).exists():
        sys.exit("run this with the Python of the environment where itu-timeline is installed")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        env = {**run.environment(folder), "PYTHONHASHSEED": "0"}
        cases = {
            "piped": (ARGS, env),
            "10 feeds x 1,000 events": (ARGS, run.with_feeds(env, folder)),
            "French piped": (ARGS, {**env, "LANG": "fr_FR.UTF-8"}),
        }
        if "--more" in sys.argv:
            cases |= {name: (args, env) for name, args in MORE.items()}
        print("| run | M instructions | its floor | ratio |\n| --- | --- | --- | --- |")
        for name, (args, case_env) in cases.items():
            floor = run.honest_floor(args, case_env)
            for command in ([run.TOOL, *args], floor):  # bytecode written, cache warm
                subprocess.run(command, env=case_env, capture_output=True, check=False)
            count = instructions([run.TOOL, *args], case_env, folder / "run.out")
            if args != ARGS:  # a run of its own, not a start-up case: no floor
                print(f"| {name} | {count / 1e6:.1f} | | |", flush=True)
                continue
            base = instructions(floor, case_env, folder / "floor.out")
            print(f"| {name} | {count / 1e6:.1f} | {base / 1e6:.1f} | {count / base:.3f} |",
                  flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
