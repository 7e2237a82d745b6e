"""Speed and scale of itu-timeline, each run measured against a floor in the same run.

    python benchmarks/run.py               # everything (minutes; far more on busy cores)
    python benchmarks/run.py --quick       # start-up only
    python benchmarks/run.py --ics         # export and publish against their floor only
    python benchmarks/run.py --markdown    # the same, as the README's tables

1. Start-up: the median wall and CPU time of `itu-timeline --today 2027-01-01 upcoming` on
   the bundled calendar (piped, as cron runs it; as a Rich table; piped with 10 subscribed
   feeds of 1,000 events each; in French, piped and as a table), each against its own
   floor: a Python process that imports exactly the modules (standard library and
   third-party) that this run of the command has in `sys.modules` at its end, found by
   running it (with its cache filled, as it is measured), and nothing of ours. Runs and floors
   alternate, so drift in the machine hits them all alike.
2. Scale: synthetic calendars of 1,000, 10,000 and 100,000 events (benchmarks/generate.py).
   Each command cold (empty cache) and repeated (median of 3, taken in turn with the others
   and the floors); floors in the same run:
   `tomllib.load` of the file (for the cold runs) and `json.dumps` of `list`'s records
   unpickled (C encoder, compact: less text than ours, so a strict floor); the one-year
   `list --from --to` against `upcoming --days 365`. Growth from 10,000 to 100,000 events.
3. Peak memory (maximum resident set) of each 100,000-event run.
4. .ics: `export -o` against its floor, a plain-Python writer of the same VEVENT text
   (benchmarks/ics_floor.py, reading the calendar as tomllib read it, pickled), and
   `publish` against `export -o`, run alternately; peak memory of `publish` against
   `list --format json`; growth from 10,000 to 100,000 events.

Only the standard library: subprocess, time.perf_counter and resource.getrusage.
"""

import json
import os
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
PYTHON = sys.executable
TOOL = str(Path(PYTHON).parent / "itu-timeline")
MEASURE = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)
# What the command has imported when it is done, as the installed script runs it (which
# imports re and sys first).
PROBE = """import re, sys
from itu_timeline.cli.main import main
sys.argv = ["itu-timeline", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
sys.stderr.write("\\n" + " ".join(sys.modules))
"""
BARE = "import sys; sys.stderr.write('\\n' + ' '.join(sys.modules))"
IMPORT = "import sys\nfor name in sys.argv[1:]:\n    __import__(name)"
JSON_FLOOR = (
    "import json, pickle, sys; "
    "sys.stdout.write(json.dumps(pickle.load(open(sys.argv[1], 'rb')), ensure_ascii=False))"
)
TIMES = "\u00d7"  # the sign the README's tables use
TOML_FLOOR = "import sys, tomllib; tomllib.load(open(sys.argv[1], 'rb'))"


@dataclass
class Table:
    """What one part measured: printed as aligned text, or as Markdown for the README."""

    title: str
    header: tuple[str, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def show(self, markdown: bool) -> None:
        if markdown:
            print(f"{self.title}\n")
            print("| " + " | ".join(self.header) + " |")
            print("|" + " --- |" * len(self.header))
            for row in self.rows:
                print("| " + " | ".join(row) + " |")
        else:
            widths = [
                max(len(r[i]) for r in [self.header, *self.rows]) for i in range(len(self.header))
            ]
            print(self.title)
            for row in [self.header, *self.rows]:
                print("  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
        for note in self.notes:
            print(f"\n{note}" if markdown else f"  {note}")
        print()


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak MiB of one run, measured in a fresh process so peaks do not mix."""
    out = subprocess.run(
        [PYTHON, "-c", MEASURE, *command], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def modules_after(code: list[str], env: dict[str, str]) -> set[str]:
    done = subprocess.run(
        [PYTHON, "-c", *code], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True, check=True,
    )  # fmt: skip
    return set(done.stderr.rsplit("\n", 1)[-1].split())


def honest_floor(args: list[str], env: dict[str, str]) -> list[str]:
    """A process that imports what `itu-timeline ARGS` really imports, less our own modules
    and what every Python process has anyway: the imports of a run served from the cache,
    as every measured run is (a first run, which fills it, also imports what writing files
    needs: tempfile, random)."""
    modules_after([PROBE, *args], env)  # fills the cache
    needed = modules_after([PROBE, *args], env) - modules_after([BARE], env)
    theirs = sorted(m for m in needed if m.split(".")[0] not in ("itu_timeline", "__main__"))
    return [PYTHON, "-c", IMPORT, *theirs]


def with_feeds(
    env: dict[str, str], folder: Path, feeds: int = 10, events: int = 1_000
) -> dict[str, str]:
    """An environment with `feeds` subscribed feeds of `events` events each, their last good
    copies in the state folder (as `feeds refresh` leaves them), warmed once."""
    config, cache, state = folder / "feeds-config", folder / "feeds-cache", folder / "feeds-state"
    copies = state / "itu-timeline" / "feeds"
    copies.mkdir(parents=True)
    one = folder / "feed.toml"
    subprocess.run([PYTHON, str(HERE / "generate.py"), str(events), str(one)], check=True)
    text = one.read_text()
    lines = []
    for n in range(feeds):
        (copies / f"feed-{n}.toml").write_text(text.replace('id = "bench-', f'id = "f{n}-'))
        lines.append(f'[[feeds]]\nname = "feed-{n}"\nurl = "https://example.org/{n}.ics"\n')
    (config / "itu-timeline").mkdir(parents=True)
    (config / "itu-timeline" / "feeds.toml").write_text("\n".join(lines))
    feeds_env = {**env, "XDG_CONFIG_HOME": str(config), "XDG_CACHE_HOME": str(cache),
                 "XDG_STATE_HOME": str(state)}  # fmt: skip
    subprocess.run([TOOL, "upcoming"], env=feeds_env, stdout=subprocess.DEVNULL, check=True)
    return feeds_env


def alternated(
    runs: dict[str, tuple[list[str], dict[str, str]]], rounds: int
) -> dict[str, tuple[float, float]]:
    """The median wall and CPU seconds (user and system) of each run, the runs taken in turn
    `rounds` times. On a machine shared with other work, wall time counts the waits for a
    core; CPU time is what the run itself costs."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, (command, run_env) in runs.items():
            before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
            subprocess.run(command, env=run_env, stdout=subprocess.DEVNULL, check=True)
            wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
            times[name].append((wall, cpu))
    return {
        name: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t))
        for name, t in times.items()
    }


def startup(env: dict[str, str], folder: Path, rounds: int = 21) -> Table:
    args = ["--today", "2027-01-01", "upcoming"]
    cases = {
        "piped (the cron case)": (args, env),
        "as a Rich table": ([*args, "--format", "table"], env),
        "piped, with 10 subscribed feeds of 1,000 events each": (args, with_feeds(env, folder)),
        # the catalog read; Babel for the table's dates
        "piped, in French (LANG=fr_FR.UTF-8)": (args, {**env, "LANG": "fr_FR.UTF-8"}),
        "as a Rich table, in French": (
            [*args, "--format", "table"],
            {**env, "LANG": "fr_FR.UTF-8"},
        ),
    }
    runs = {}
    for name, (case_args, case_env) in cases.items():
        runs[name] = ([TOOL, *case_args], case_env)
        runs[f"floor of {name}"] = (honest_floor(case_args, case_env), case_env)
    medians = alternated(runs, rounds)
    table = Table(
        f"Start-up, `itu-timeline {' '.join(args)}` on the bundled calendar, medians of "
        f"{rounds} runs alternated with their floors (wall time, and CPU time):",
        ("run", "its floor: wall / CPU", "run: wall / CPU", "against its floor: wall / CPU"),
    )
    for name in cases:
        (floor, floor_cpu), (wall, cpu) = medians[f"floor of {name}"], medians[name]
        table.rows.append((
            name,
            f"{floor:.3f} / {floor_cpu:.3f} s",
            f"{wall:.3f} / {cpu:.3f} s",
            f"{wall / floor:.2f} / {cpu / floor_cpu:.2f} {TIMES}",
        ))  # fmt: skip
    return table


YEAR = ["--from", "2027-01-01", "--to", "2027-12-31"]
# name: (arguments after the calendar and --today, what its repeated run is compared with)
SCALE_RUNS = {
    "upcoming": (["upcoming"], None),
    "upcoming --days 365": (["upcoming", "--days", "365"], None),
    "list --from --to (a year)": (["list", *YEAR], "upcoming --days 365"),
    "list --format json": (["list", "--format", "json"], "json.dumps of its records"),
}


@dataclass
class Sized:
    """The runs of one calendar size: cold and repeated seconds, peak MiB."""

    cold: dict[str, float] = field(default_factory=dict)
    repeated: dict[str, float] = field(default_factory=dict)
    peak: dict[str, float] = field(default_factory=dict)


def measure_size(env: dict[str, str], folder: Path, count: int, repeats: int = 3) -> Sized:
    """Each run cold, once, with an empty cache of its own; then the repeated runs and the
    floors in turn, `repeats` times, so that a busy spell of the machine hits them alike."""
    path = folder / f"cal-{count}.toml"
    subprocess.run([PYTHON, str(HERE / "generate.py"), str(count), str(path)], check=True)
    base = [TOOL, "--calendar", str(path), "--today", "2027-01-01"]
    sized = Sized()
    runs = {"tomllib.load of the file": ([PYTHON, "-c", TOML_FLOOR, str(path)], env)}
    for name, (args, _) in SCALE_RUNS.items():
        command = [*base, *(a.format(folder=folder) for a in args)]
        cache_env = {**env, "XDG_CACHE_HOME": str(folder / f"cache-{count}-{len(sized.cold)}")}
        sized.cold[name], sized.peak[name] = timed(command, cache_env)
        runs[name] = (command, cache_env)
        if name == "list --format json":
            runs["json.dumps of its records"] = (json_floor(command, cache_env, folder), env)
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, (command, run_env) in runs.items():
            spent, peak = timed(command, run_env)
            seconds[name].append(spent)
            sized.peak[name] = max(peak, sized.peak.get(name, 0))
    sized.repeated = {name: statistics.median(spent) for name, spent in seconds.items()}
    return sized


def json_floor(command: list[str], env: dict[str, str], folder: Path) -> list[str]:
    """A process that unpickles the records `command` writes and writes json.dumps of them."""
    records = json.loads(subprocess.run(command, env=env, capture_output=True, check=True).stdout)
    pickled = folder / "records.pickle"
    pickled.write_bytes(pickle.dumps(records, pickle.HIGHEST_PROTOCOL))
    return [PYTHON, "-c", JSON_FLOOR, str(pickled)]


def scale(
    env: dict[str, str], folder: Path, counts: tuple[int, ...] = (1_000, 10_000, 100_000)
) -> list[Table]:
    sizes = {count: measure_size(env, folder, count) for count in counts}
    table = Table(
        "Scale (seconds; cold: empty cache; repeated: median of 3; peak: the 100,000-event runs):",
        ("events (file)", "run", "cold", "cold ÷ tomllib.load", "repeated", "repeated ÷", "peak"),
    )
    for count, sized in sizes.items():
        size = (folder / f"cal-{count}.toml").stat().st_size / 2**20
        toml = sized.repeated["tomllib.load of the file"]
        label = f"{count:,} ({size:.1f} MiB)"
        for name, (_, reference) in SCALE_RUNS.items():
            cold, warm = sized.cold[name], sized.repeated[name]
            against = (
                f"{warm / sized.repeated[reference]:.2f} {TIMES} {reference}" if reference else ""
            )
            peak = f"{sized.peak[name]:.0f} MiB" if count == max(counts) else ""
            table.rows.append(
                (
                    label,
                    f"`{name}`",
                    f"{cold:.2f}",
                    f"{cold / toml:.1f} {TIMES}",
                    f"{warm:.2f}",
                    against,
                    peak,
                )
            )
            label = ""
        for name in ("tomllib.load of the file", "json.dumps of its records"):
            peak = f"{sized.peak[name]:.0f} MiB" if count == max(counts) else ""
            table.rows.append(
                ("", f"floor: {name}", "", "", f"{sized.repeated[name]:.2f}", "", peak)
            )
    growth = Table(
        f"Growth from {counts[-2]:,} to {counts[-1]:,} events (10 {TIMES} is linear):",
        ("run", "cold", "repeated"),
    )
    for name in [*SCALE_RUNS, "json.dumps of its records"]:
        first, last = sizes[counts[-2]], sizes[counts[-1]]
        cold = f"{last.cold[name] / first.cold[name]:.1f} {TIMES}" if name in first.cold else ""
        growth.rows.append(
            (f"`{name}`", cold, f"{last.repeated[name] / first.repeated[name]:.1f} {TIMES}")
        )
    return [table, growth]


def ics_scale(
    env: dict[str, str], folder: Path, counts: tuple[int, ...] = (1_000, 10_000, 100_000)
) -> list[Table]:
    """`export -o` against the floor and `publish` against `export -o`, run alternately,
    repeated runs (the cache warmed first): medians of 3 (of 1 at 100,000 events)."""
    table = Table(
        "`export -o` against its floor (benchmarks/ics_floor.py, a plain-Python writer of the "
        "same VEVENT text) and `publish` against `export -o`: repeated runs, medians of 3 (of "
        "1 at 100,000 events), wall / CPU seconds:",
        ("events", "floor", "`export -o`", "`publish`", "peaks: export, publish, list json"),
    )
    medians: dict[tuple[str, int], tuple[float, float]] = {}
    for count in counts:
        path = folder / f"cal-{count}.toml"
        if not path.exists():
            subprocess.run([PYTHON, str(HERE / "generate.py"), str(count), str(path)], check=True)
        base = [TOOL, "--calendar", str(path), "--today", "2027-01-01"]
        data = path.with_suffix(".pickle")  # what tomllib reads, as a cache holds it
        data.write_bytes(pickle.dumps(tomllib.loads(path.read_text(encoding="utf-8"))))
        runs = {
            "floor": [PYTHON, str(HERE / "ics_floor.py"), str(data), str(folder / "floor.ics")],
            "export": [*base, "export", "-o", str(folder / "out.ics")],
            "publish": [*base, "publish", str(folder / "site")],
            "json": [*base, "list", "--format", "json"],
        }
        run_env = {**env, "XDG_CACHE_HOME": str(folder / f"cache-ics-{count}")}
        subprocess.run(runs["json"], env=run_env, stdout=subprocess.DEVNULL, check=True)
        times, cpu, peaks = _alternated(runs, run_env, 1 if count == 100_000 else 3)
        for name in runs:
            medians[(name, count)] = statistics.median(times[name]), statistics.median(cpu[name])
        table.rows.append(_ics_row(count, {n: medians[(n, count)] for n in runs}, peaks, folder))
    first, last = counts[-2], counts[-1]
    growth = (
        f"{name} {medians[(name, last)][0] / medians[(name, first)][0]:.1f} / "
        f"{medians[(name, last)][1] / medians[(name, first)][1]:.1f} {TIMES}"
        for name in ("floor", "export", "publish")
    )
    table.notes.append(
        f"Growth from {first:,} to {last:,} events, wall / CPU: {', '.join(growth)}."
    )
    return [table]


# Also the CPU seconds of the run: on a machine shared with others, wall times follow the
# load more than the work.
MEASURE_CPU = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
    "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(time.perf_counter() - t, u.ru_utime + u.ru_stime, u.ru_maxrss)"
)


def _alternated(
    runs: dict[str, list[str]], env: dict[str, str], rounds: int
) -> tuple[dict[str, list[float]], dict[str, list[float]], dict[str, float]]:
    """Wall and CPU seconds of each run, and its largest peak MiB, in `rounds` rounds."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    peaks = dict.fromkeys(runs, 0.0)
    for _ in range(rounds):
        for name, command in runs.items():
            measure = [PYTHON, "-c", MEASURE_CPU, *command]
            done = subprocess.run(measure, env=env, capture_output=True, text=True, check=True)
            out = done.stdout.split()
            times[name].append(float(out[0]))
            cpu[name].append(float(out[1]))
            peaks[name] = max(peaks[name], int(out[2]) / 1024)
    return times, cpu, peaks


def _ics_row(
    count: int, median: dict[str, tuple[float, float]], peaks: dict[str, float], folder: Path
) -> tuple[str, ...]:
    def ratio(one: str, other: str) -> str:
        return " / ".join(f"{median[one][i] / median[other][i]:.2f}" for i in (0, 1))

    def seconds(name: str) -> str:
        return f"{median[name][0]:.2f} / {median[name][1]:.2f} s"

    mib = {name: (folder / name).stat().st_size / 2**20 for name in ("floor.ics", "out.ics")}
    return (
        f"{count:,}",
        f"{seconds('floor')} ({mib['floor.ics']:.1f} MiB)",
        f"{seconds('export')} = {ratio('export', 'floor')} {TIMES} floor "
        f"({mib['out.ics']:.1f} MiB)",
        f"{seconds('publish')} = {ratio('publish', 'export')} {TIMES} export",
        f"{peaks['export']:.0f}, {peaks['publish']:.0f} (= {peaks['publish'] / peaks['json']:.2f} "
        f"{TIMES} list json, {peaks['publish'] / peaks['export']:.2f} {TIMES} export), "
        f"{peaks['json']:.0f} MiB",
    )


def environment(folder: Path) -> dict[str, str]:
    """The environment of every measured run, its scratch folders in `folder`."""
    # No user calendar, feeds, cache or state: the bundled calendar only, measured as
    # shipped, and nothing of the user's read or written.
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_CACHE_HOME": str(folder / "c"),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_STATE_HOME": str(folder / "state"),
    }
    env.pop("ITU_TIMELINE_CALENDAR", None)
    # Bytecode as an installed copy has it (pip compiles it at install): a shell that
    # forbids writing it would time Python compiling our source at every run (about 30
    # ms), and not the floor's, whose packages were compiled at install.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for name in ("ITU_TIMELINE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):  # English
        env.pop(name, None)
    return env


def main() -> None:
    flags = {"--quick", "--markdown", "--ics"}
    unknown = [a for a in sys.argv[1:] if a not in flags]
    if unknown:  # `--help` must not start a five-minute run
        sys.exit(__doc__.split("\n\n")[1] + f"\nunknown: {' '.join(unknown)}")
    if not Path(TOOL).exists():
        sys.exit(
            f"run this with the Python of the environment where itu-timeline is installed ({TOOL})"
        )
    markdown = "--markdown" in sys.argv
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        env = environment(folder)
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
        parts: list[Callable[[], list[Table]]] = [lambda: [startup(env, folder)]]
        if "--ics" in sys.argv:
            parts = [lambda: ics_scale(env, folder)]
        elif "--quick" not in sys.argv:
            parts += [lambda: scale(env, folder), lambda: ics_scale(env, folder)]
        for part in parts:
            for table in part():
                table.show(markdown)


if __name__ == "__main__":
    main()
