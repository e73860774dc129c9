"""The benchmark's report: the steps' rates, then every engine's search times side by side."""

from __future__ import annotations

from archive.benchmark.queries import KINDS
from archive.benchmark.run import FRESH_THREADS

NAMES = {"tantivy": "tantivy", "whoosh": "Whoosh", "postgres": "PostgreSQL"}


def report(setting: list[str], per_kind: int, imported: dict, phases: dict[str, dict]) -> str:
    """Return the Markdown report of an import and each engine's phase (in the order run)."""
    total = imported["utterances"]
    lines = [
        *setting,
        f"- data: {total:,} utterances, {imported['events']:,} events, "
        f"{imported['speakers']:,} speakers; {per_kind} queries of each kind",
        "",
        "| step | utterances/s (wall) | utterances/s (CPU of this process) | seconds |",
        "|---|---:|---:|---:|",
        _rate("import (import_reading, index work queued)", total, *imported["import"]),
    ]
    for name, phase in phases.items():
        if name == "postgres":
            # The server builds the column and index while this process waits: no CPU rate.
            wall = phase["build"][0]
            label = "PostgreSQL tsvector column + GIN index build"
            lines.append(f"| {label} | {total / wall:,.0f} | – | {wall:.1f} |")
        else:
            label = f"index rebuild (rebuild_index), {NAMES[name]}"
            lines.append(_rate(label, total, *phase["rebuild"]))
    for name, phase in phases.items():
        label = f"peak memory (ru_maxrss), {NAMES[name]} process"
        lines.append(f"| {label} | {phase['peak_mb']:,.0f} MB | | |")
    return "\n".join([*lines, "", *search_table(phases)]) + "\n"


def _rate(label: str, total: int, wall: float, cpu: float) -> str:
    return f"| {label} | {total / wall:,.0f} | {total / cpu:,.0f} | {wall:.1f} |"


def search_table(phases: dict[str, dict]) -> list[str]:
    """Return the query table: p50, p95 and CPU p50 per engine, then p50 ratios to the first."""
    names = list(phases)
    first, others = names[0], names[1:]
    head = ["query (ms)"]
    for name in names:
        head += [f"{NAMES[name]} p50", f"{NAMES[name]} p95", f"{NAMES[name]} CPU p50"]
    head += [f"{NAMES[name]} : {NAMES[first]} (p50)" for name in others]
    lines = ["| " + " | ".join(head) + " |", "|---" + "|---:" * (len(head) - 1) + "|"]
    for kind in (*KINDS, FRESH_THREADS):
        cells = [kind]
        for name in names:
            found = phases[name]["search"].get(kind)
            cells += (
                [f"{found['p50']:.0f}", f"{found['p95']:.0f}", f"{found['cpu50']:.0f}"]
                if found
                else ["–"] * 3
            )
        base = phases[first]["search"].get(kind)
        for name in others:
            found = phases[name]["search"].get(kind)
            cells.append(f"{found['p50'] / base['p50']:.2g}" if found and base else "–")
        lines.append("| " + " | ".join(cells) + " |")
    return lines
