"""Speed and scale of itu-timeline, measured against a baseline in the same run.

    python benchmarks/run.py            # everything (about 5 minutes on 2 cores)
    python benchmarks/run.py --quick    # start-up only
    python benchmarks/run.py --ics      # export and publish against their floor only

1. Start-up: the median wall time of `itu-timeline --today 2027-01-01 upcoming` on the bundled
   calendar (piped, as cron runs it; and as a Rich table) against the floor of our stack,
   `python -c "import typer, rich.console, rich.table, tomllib, dateutil.relativedelta"`,
   run alternately, and the ratio; also with 10 subscribed feeds of 1,000 events each, and
   in French (LANG=fr_FR.UTF-8), piped and as a table.
2. Scale: synthetic calendars of 1,000, 10,000 and 100,000 events (benchmarks/generate.py),
   timing `upcoming`, `list --format json` and `export -o`, cold (empty cache) and repeated,
   and the growth factor from 10,000 to 100,000 events.
3. Peak memory (maximum resident set) of each 100,000-event run.
4. .ics: `export -o` against its floor, a plain-Python writer of the same VEVENT text
   (benchmarks/ics_floor.py, reading the calendar as tomllib read it, pickled), and
   `publish` against `export -o`, run alternately; peak memory of `publish` against
   `list --format json`; growth from 10,000 to 100,000 events.

Only the standard library: subprocess, time.perf_counter and resource.getrusage.
"""

import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).parent
PYTHON = sys.executable
TOOL = str(Path(PYTHON).parent / "itu-timeline")
FLOOR = [PYTHON, "-c", "import typer, rich.console, rich.table, tomllib, dateutil.relativedelta"]
MEASURE = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak MiB of one run, measured in a fresh process so peaks do not mix."""
    out = subprocess.run(
        [PYTHON, "-c", MEASURE, *command], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024


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


def startup(env: dict[str, str], folder: Path, rounds: int = 21) -> None:
    upcoming = [TOOL, "--today", "2027-01-01", "upcoming"]
    table = [*upcoming, "--format", "table"]
    feeds_env = with_feeds(env, folder)
    french = {**env, "LANG": "fr_FR.UTF-8"}  # the catalog read; Babel for the table's dates
    runs = (("floor", FLOOR, env), ("piped", upcoming, env), ("table", table, env),
            ("piped, 10 feeds x 1,000 events", upcoming, feeds_env),
            ("piped, in French", upcoming, french),
            ("table, in French", table, french))  # fmt: skip
    times: dict[str, list[float]] = {name: [] for name, _, _ in runs}
    for _ in range(rounds):  # alternate, so drift in the machine hits them all alike
        for name, command, run_env in runs:
            start = time.perf_counter()
            subprocess.run(command, env=run_env, stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - start)
    floor = statistics.median(times["floor"])
    print(f"start-up, medians of {rounds}:")
    print(f"  {'floor (import typer, rich, tomllib, dateutil)':<46} {floor:.3f} s")
    for name, _, _ in runs[1:]:
        median = statistics.median(times[name])
        label = f"upcoming, {name}"
        print(f"  {label:<46} {median:.3f} s  = {median / floor:.2f} x floor")


def scale(env: dict[str, str], folder: Path) -> None:
    results: dict[tuple[str, int], float] = {}
    print("scale (seconds; peak MiB for 100,000):")
    for count in (1_000, 10_000, 100_000):
        path = folder / f"cal-{count}.toml"
        subprocess.run([PYTHON, str(HERE / "generate.py"), str(count), str(path)], check=True)
        base = [TOOL, "--calendar", str(path), "--today", "2027-01-01"]
        commands = {
            "upcoming": [*base, "upcoming"],
            "list --format json": [*base, "list", "--format", "json"],
            "export -o": [*base, "export", "-o", str(folder / "out.ics")],
        }
        size = path.stat().st_size / 2**20
        print(f"  {count:>7,} events ({size:.1f} MiB)")
        for name, command in commands.items():
            cache_env = {**env, "XDG_CACHE_HOME": str(folder / f"cache-{count}-{name[:4]}")}
            cold, cold_peak = timed(command, cache_env)
            warm, warm_peak = timed(command, cache_env)
            results[(name, count)] = warm
            peak = f"   peak {max(cold_peak, warm_peak):.0f} MiB" if count == 100_000 else ""
            print(f"    {name:<20} cold {cold:6.2f}   repeated {warm:6.2f}{peak}")
    print("growth from 10,000 to 100,000 events (repeated runs; 10 would be linear):")
    for name in ("upcoming", "list --format json", "export -o"):
        print(f"  {name:<20} {results[(name, 100_000)] / results[(name, 10_000)]:.1f} x")


def ics_scale(env: dict[str, str], folder: Path) -> None:
    """`export -o` against the floor and `publish` against `export -o`, run alternately,
    repeated runs (the cache warmed first): medians of 3 (of 1 at 100,000 events)."""
    print("export and publish against their floors (repeated runs, medians; wall / CPU s):")
    medians: dict[tuple[str, int], tuple[float, float]] = {}
    for count in (1_000, 10_000, 100_000):
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
        _ics_report(count, {name: medians[(name, count)] for name in runs}, peaks, folder)
    for name in ("floor", "export", "publish"):
        wall, cpu_time = (medians[(name, 100_000)][i] / medians[(name, 10_000)][i] for i in (0, 1))
        print(f"  growth from 10,000 to 100,000 events, {name}: {wall:.1f} x wall, "
              f"{cpu_time:.1f} x CPU")  # fmt: skip


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


def _ics_report(
    count: int, median: dict[str, tuple[float, float]], peaks: dict[str, float], folder: Path
) -> None:
    def ratio(one: str, other: str) -> str:
        return " / ".join(f"{median[one][i] / median[other][i]:.2f}" for i in (0, 1))

    def seconds(name: str) -> str:
        return f"{median[name][0]:6.2f} / {median[name][1]:5.2f} s"

    mib = {name: (folder / name).stat().st_size / 2**20 for name in ("floor.ics", "out.ics")}
    print(f"  {count:>7,} events: floor (ics_floor.py) {seconds('floor')}, "
          f"{mib['floor.ics']:.1f} MiB of .ics")  # fmt: skip
    print(f"    export -o {seconds('export')} = {ratio('export', 'floor')} x floor, "
          f"{mib['out.ics']:.1f} MiB, peak {peaks['export']:.0f} MiB")  # fmt: skip
    print(f"    publish   {seconds('publish')} = {ratio('publish', 'export')} x export -o, "
          f"peak {peaks['publish']:.0f} MiB = {peaks['publish'] / peaks['json']:.2f} x that of "
          f"list --format json ({seconds('json')}, {peaks['json']:.0f} MiB)")  # fmt: skip


def main() -> None:
    unknown = [a for a in sys.argv[1:] if a not in ("--quick", "--ics")]
    if unknown:  # `--help` must not start a three-minute run
        sys.exit(__doc__.split("\n\n")[1] + f"\nunknown: {' '.join(unknown)}")
    if not Path(TOOL).exists():
        sys.exit(
            f"run this with the Python of the environment where itu-timeline is installed ({TOOL})"
        )
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
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
        for name in ("ITU_TIMELINE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):  # English
            env.pop(name, None)
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
        if "--ics" in sys.argv:
            ics_scale(env, folder)
            return
        startup(env, folder)
        if "--quick" not in sys.argv:
            scale(env, folder)
            ics_scale(env, folder)


if __name__ == "__main__":
    main()
