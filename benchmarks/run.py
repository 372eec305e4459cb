"""Measure beskplan against the floors it is held to, and print the figures as Markdown.

    python benchmarks/run.py [--data DIR] [--repeat 3] [--output RESULTS.md]

1. ``beskplan evaluate frederiksberg-2019`` on the bundled data, beside the import of
   the stack alone (``python -c "import polars, typer, rich, yaml, pydantic"``);
2. ``beskplan --help``;
3. for the national data (``benchmarks/generate.py``), ``--all-municipalities`` and
   ``--periods`` over every period, cold (empty cache) and warm (cache filled), beside
   Polars reading the same CSV files and the Parquet cache;
4. the same all-municipalities evaluation written the obvious way, with pandas and a
   Python loop per municipality and goal;
5. how time grows with the work: ``--all-municipalities`` on data of 1, 10 and 98
   municipalities (cold and warm), and ``--periods`` over 12, 60 and 240 months (warm).

Every command runs as its own process; wall time is the median of the repeats, and
peak memory is that process's maximum resident set. CPU time (user and system, every
thread) is printed beside wall time, and each ratio of wall times beside the same ratio of
CPU times: the targets are of wall time, but other work on a shared machine moves CPU time
less, so a change shows there first. beskplan's modules are compiled to
bytecode first, as ``pip install`` compiles them: an editable install run with
``PYTHONDONTWRITEBYTECODE`` would otherwise compile them anew in every run. A command and its floor run by
turns, and a ratio is the median of the ratios of those pairs: this machine's speed
drifts by the minute, and two medians taken minutes apart drift with it. For the same
reason the amounts of work in 5. are run in rounds, each round running every one once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from generate import MUNICIPALITIES  # noqa: E402

PY = sys.executable
BESKPLAN = [PY, "-m", "beskplan"]
PLAN_TABLES = [
    "PTV_A02",
    "Y60A02",
    "Y38A02",
    "Y01A02",
    "Y07A02",
    "Y12A02",
    "Y11A02",
    "Y04A02",
    "langtidsledighed",
    "integrationsydelse_udenfor",
    "fleksjobledighed",
    "flygtninge_beskaeftigelse",
]


class Timed(NamedTuple):
    """One run, or the summary of several: wall seconds (median), peak resident KiB (the
    largest), and CPU seconds, user and system, of every thread (median)."""

    wall: float
    kib: int
    cpu: float


class Ratio(NamedTuple):
    """A command against its floor, the median of the pairs' ratios: of wall time, the
    targets' measure, and of CPU time, which other work on a shared machine moves less."""

    wall: float
    cpu: float


def measure(command: list[str], env: dict[str, str] | None = None) -> Timed:
    """Wall seconds, peak resident KiB and CPU seconds of one run of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise RuntimeError(
            f"{command} failed: {process.stderr.read().decode() if process.stderr else ''}"
        )
    return Timed(seconds, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)


def median(
    command: list[str], repeat: int, env: dict[str, str] | None = None, before: object = None
) -> Timed:
    runs = []
    for _ in range(repeat):
        if callable(before):
            before()
        runs.append(measure(command, env))
    return _summary(runs)


def paired(
    command: list[str],
    floor: list[str],
    repeat: int,
    env: dict[str, str] | None = None,
    before: object = None,
) -> tuple[Timed, Timed, Ratio]:
    """``command`` and its ``floor`` run by turns, ``repeat`` times each: their medians and
    the median of the ratios of each pair. The machine's speed drifts by the minute, so a
    ratio is taken of two runs side by side, not of two medians taken minutes apart."""
    runs, floors = [], []
    for _ in range(repeat):
        floors.append(measure(floor))
        if callable(before):
            before()
        runs.append(measure(command, env))
    pairs = list(zip(runs, floors, strict=True))
    ratio = Ratio(
        statistics.median(r.wall / f.wall for r, f in pairs),
        statistics.median(r.cpu / f.cpu for r, f in pairs),
    )
    return _summary(runs), _summary(floors), ratio


def _summary(runs: list[Timed]) -> Timed:
    return Timed(
        statistics.median(r.wall for r in runs),
        max(r.kib for r in runs),
        statistics.median(r.cpu for r in runs),
    )


def compiled() -> None:
    """beskplan's modules as bytecode, as an installed package has them."""
    import beskplan

    package = Path(beskplan.__file__).parent
    subprocess.run([PY, "-m", "compileall", "-q", str(package)], check=True)


def python(code: str) -> list[str]:
    return [PY, "-c", code]


def pandas_loop(data: Path) -> list[str]:
    """The obvious pandas program: read the CSVs, loop over municipalities and goals."""
    code = f"""
import pandas as pd, yaml
from pathlib import Path
data = Path({str(data)!r})
goals = {{
    "A": ["PTV_A02"], "C": ["Y60A02", "Y38A02", "integrationsydelse_udenfor"], "D": ["Y01A02"],
    "E": ["Y07A02", "Y12A02"], "F": ["fleksjobledighed"], "G": ["Y11A02", "Y04A02"], "B": ["langtidsledighed"],
}}
frames = {{}}
for table in {{t for ts in goals.values() for t in ts}}:
    df = pd.read_csv(data / f"{{table}}.csv", sep=";", dtype=str, encoding="utf-8-sig")
    df = df.rename(columns={{"Area": "Område"}})
    for dim in [c for c in df.columns[2:] if df[c].str.endswith("i alt").any()]:
        df = df[df[dim].str.endswith("i alt")]
    measure = [c for c in df.columns if "pct" in c.lower()][0]
    df["value"] = pd.to_numeric(df[measure].str.replace(",", "."), errors="coerce")
    frames[table] = df
clusters = yaml.safe_load((data / "clusters.yaml").read_text())["clusters"]
def value(table, area, period):
    df = frames[table]
    rows = df[(df["Område"] == area) & (df["Periode"] == period)]
    return None if rows.empty else rows["value"].iloc[0]
results = []
areas = sorted(set(frames["Y01A02"]["Område"]) - {{"Hele landet"}})
areas = [a for a in areas if not a.startswith("RAR")]
for municipality in areas:
    met = 0
    for goal, tables in goals.items():
        own = [value(t, municipality, "2018M06") for t in tables]
        if any(v is None for v in own):
            continue
        cluster = next((c["members"] for c in clusters if municipality in c["members"]), [])
        others = [m for m in cluster if m != municipality]
        refs = []
        for other in others:
            parts = [value(t, other, "2018M06") for t in tables]
            if all(p is not None for p in parts):
                refs.append(sum(parts))
        if refs and sum(own) < sum(refs) / len(refs):
            met += 1
    results.append((municipality, met))
print(len(results))
"""
    return python(code)


def polars_read(files: list[Path], parquet: bool = False) -> list[str]:
    reader = (
        "pl.read_parquet(f)" if parquet else "pl.read_csv(f, separator=';', infer_schema=False)"
    )
    return python(f"import polars as pl\nfor f in {[str(f) for f in files]!r}:\n    {reader}")


def run(data: Path | None, repeat: int, generate_args: list[str]) -> str:
    lines = [
        f"# beskplan benchmark, {dt.date.today().isoformat()}",
        "",
        f"Machine: {os.cpu_count()} cores, {_memory_gib():.0f} GiB memory, {platform.machine()}, "
        f"Python {platform.python_version()}.",
        "",
    ]
    compiled()
    with tempfile.TemporaryDirectory(prefix="beskplan-bench-") as temp:
        cache = Path(temp) / "cache"
        env = dict(os.environ, BESKPLAN_CACHE=str(cache), COLUMNS="120")
        if data is None:
            data = Path(temp) / "national"
            subprocess.run([PY, str(HERE / "generate.py"), str(data), *generate_args], check=True)
        csvs = [data / f"{t}.csv" for t in PLAN_TABLES]
        csv_mb = sum(f.stat().st_size for f in csvs) / 1e6

        def empty_cache() -> None:
            shutil.rmtree(cache, ignore_errors=True)

        stack = python("import polars, typer, rich, yaml, pydantic")
        bundled, floor, bundled_ratio = paired(
            [*BESKPLAN, "evaluate", "frederiksberg-2019"], stack, repeat, env
        )
        helps, _, helps_ratio = paired([*BESKPLAN, "--help"], stack, repeat, env)
        all_args = [
            *BESKPLAN,
            "evaluate",
            "frederiksberg-2019",
            "--data",
            str(data),
            "--all-municipalities",
            "--format",
            "json",
        ]
        periods = _periods(data)
        per_args = [
            *BESKPLAN,
            "evaluate",
            "frederiksberg-2019",
            "--data",
            str(data),
            "--periods",
            periods,
            "--format",
            "json",
        ]
        read_csvs = polars_read(csvs)
        cold, read_csv, cold_ratio = paired(all_args, read_csvs, repeat, env, empty_cache)
        parquet_files = sorted(cache.glob("*/frame.parquet"))  # the cold runs filled the cache
        read_parquets = polars_read(parquet_files, parquet=True)
        warm, read_parquet, warm_ratio = paired(all_args, read_parquets, repeat, env)
        per_cold, _, per_cold_ratio = paired(per_args, read_csvs, repeat, env, empty_cache)
        per_warm, _, per_warm_ratio = paired(per_args, read_parquets, repeat, env)
        pandas = median(pandas_loop(data), 1) if _has_pandas() else None
        growth = scaling(Path(temp), data, repeat, env, generate_args)

    rows = [
        ("stack import floor (polars, typer, rich, yaml, pydantic)", floor, None),
        ("`evaluate frederiksberg-2019`, bundled data", bundled, bundled_ratio),
        ("`beskplan --help`", helps, helps_ratio),
        (f"Polars reads the plan's {len(csvs)} CSV files ({csv_mb:.0f} MB)", read_csv, None),
        ("national `--all-municipalities`, cold (empty cache)", cold, cold_ratio),
        (f"Polars reads the Parquet cache ({len(parquet_files)} files)", read_parquet, None),
        ("national `--all-municipalities`, warm (cache)", warm, warm_ratio),
        (f"national `--periods {periods}`, cold", per_cold, per_cold_ratio),
        (f"national `--periods {periods}`, warm", per_warm, per_warm_ratio),
    ]
    if pandas is not None:
        pandas_ratio = Ratio(pandas.wall / warm.wall, pandas.cpu / warm.cpu)
        rows.append(("pandas and a Python loop per municipality and goal", pandas, pandas_ratio))
    lines += [
        "| measurement | wall time (s) | CPU time (s) | peak memory (MB) | ratio | by CPU time |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, timed, ratio in rows:
        shown = ["", ""] if ratio is None else [f"{ratio.wall:.2f}", f"{ratio.cpu:.2f}"]
        lines.append(
            f"| {label} | {timed.wall:.2f} | {timed.cpu:.2f} | {timed.kib / 1024:.0f} | "
            + " | ".join(shown)
            + " |"
        )
    memory_ratio = cold.kib * 1024 / (csv_mb * 1e6)
    targets: list[tuple[str, Ratio | float, str, float]] = [
        ("`evaluate frederiksberg-2019` / stack import floor", bundled_ratio, "<=", 1.3),
        ("`beskplan --help` / stack import floor", helps_ratio, "<=", 0.6),
        ("cold national `--all-municipalities` / Polars read of the CSVs", cold_ratio, "<=", 1.5),
        ("warm national run / Polars read of the cache", warm_ratio, "<=", 1.5),
        ("`--periods` over every month, warm / Polars read of the cache", per_warm_ratio, "<=", 3),
        ("peak memory, national cold run / size of the CSV files", memory_ratio, "<=", 1.5),
    ]
    if pandas is not None:
        targets.insert(
            4, ("pandas-loop equivalent / beskplan, national (warm)", pandas_ratio, ">=", 10)
        )
    lines += [
        "",
        "| target | measured | target | met | by CPU time |",
        "| --- | ---: | ---: | --- | ---: |",
    ]
    for label, found, op, bound in targets:
        value, cpu = (found.wall, f"{found.cpu:.2f}") if isinstance(found, Ratio) else (found, "")
        met = value <= bound if op == "<=" else value >= bound
        lines.append(f"| {label} | {value:.2f} | {op} {bound} | {'yes' if met else 'no'} | {cpu} |")
    lines += ["", *growth]
    return "\n".join(lines) + "\n"


def scaling(
    temp: Path, data: Path, repeat: int, env: dict[str, str], small: list[str]
) -> list[str]:
    """A line per amount of work, with the time per unit of it: municipalities (each data
    folder generated with that many) and periods (spans of the national data)."""
    cache = Path(env["BESKPLAN_CACHE"])
    counts = (1, 3, 12) if small else (1, 10, 98)
    commands: list[tuple[str, int, list[str], bool]] = []  # label, units, command, cold
    for count in counts:
        folder = data if count == counts[-1] else temp / f"municipalities-{count}"
        if folder != data:
            subprocess.run(
                [
                    PY,
                    str(HERE / "generate.py"),
                    str(folder),
                    *small,
                    "--municipalities",
                    str(count),
                ],
                check=True,
                capture_output=True,
            )
        args = [*BESKPLAN, "evaluate", "frederiksberg-2019", "--data", str(folder)]
        args += ["--all-municipalities", "--format", "json"]
        # the generator adds Frederiksberg, whose plan it is, where the first ones lack it
        units = len(set(MUNICIPALITIES[:count]) | {"Frederiksberg"})
        for state in ("cold", "warm"):
            label = f"`--all-municipalities`, {units} municipalities, {state}"
            commands.append((label, units, args, state == "cold"))
    last = _periods(data).split("..")[1]
    year, month = int(last[:4]), int(last[5:])
    spans = (12,) if small else (12, 60, 240)
    for months in spans:
        first_index = year * 12 + month - months
        first = f"{first_index // 12}M{first_index % 12 + 1:02d}"
        args = [*BESKPLAN, "evaluate", "frederiksberg-2019", "--data", str(data)]
        args += ["--periods", f"{first}..{last}", "--format", "json"]
        commands.append((f"`--periods` over {months} months, warm", months, args, False))
    # every command once in each round, so that the machine's drift falls on all of them
    # alike and the cost per unit beyond the smallest compares runs of the same minutes;
    # a warm run follows the cold run of its folder (the periods, the national one's)
    timings: dict[str, list[float]] = {label: [] for label, _, _, _ in commands}
    for _ in range(repeat):
        for label, _, args, cold in commands:
            if cold:
                shutil.rmtree(cache, ignore_errors=True)
            timings[label].append(measure(args, env)[0])
    rows = [(label, units, statistics.median(timings[label])) for label, units, _, _ in commands]
    lines = [
        "How time grows with the work (the same run):",
        "",
        "| work | units | wall time (s) | per unit (ms) | per unit beyond the smallest (ms) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    smallest: dict[str, tuple[int, float]] = {}
    for label, units, seconds in rows:
        kind = label.split(",")[0] + label.split(",")[-1]
        base = smallest.setdefault(kind, (units, seconds))
        beyond = f"{(seconds - base[1]) / (units - base[0]) * 1000:.1f}" if units > base[0] else ""
        lines.append(
            f"| {label} | {units} | {seconds:.2f} | {seconds / units * 1000:.1f} | {beyond} |"
        )
    return lines


def _has_pandas() -> bool:
    try:
        import pandas  # noqa: F401
    except ImportError:
        print("pandas is not installed: the pandas comparison is left out", file=sys.stderr)
        return False
    return True


def _periods(data: Path) -> str:
    import polars as pl

    codes = pl.read_csv(data / "Y01A02.csv", separator=";", columns=["Periode"], infer_schema=False)
    values = sorted(set(codes["Periode"].to_list()))
    return f"{values[0]}..{values[-1]}"


def _memory_gib() -> float:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):  # pragma: no cover
        return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="an existing national data directory")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--output", type=Path, help="also write the Markdown here")
    parser.add_argument("--small", action="store_true", help="a small national directory (for CI)")
    args = parser.parse_args()
    generate_args = (
        ["--first-year", "2018", "--last-year", "2018", "--municipalities", "12"]
        if args.small
        else []
    )
    text = run(args.data, args.repeat, generate_args)
    print(text, end="")
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
