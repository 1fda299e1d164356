"""What the numbers were measured on: cores, memory, CPU model, load, and
which other processes were busy (the CPU may be shared)."""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def ram_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024**2
    except OSError:
        pass
    return float("nan")


def load_average() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def busy_processes(limit: int = 6, min_cpu: float = 5.0) -> list[str]:
    """The other processes using CPU right now (``ps``, by %CPU)."""
    try:
        out = subprocess.run(["ps", "-eo", "pid,pcpu,args", "--sort=-pcpu"], capture_output=True, text=True,
                             timeout=10).stdout.splitlines()[1:]
    except (OSError, subprocess.SubprocessError):
        return []
    busy = []
    for line in out:
        pid, cpu, rest = (line.split(None, 2) + ["", ""])[:3]
        try:
            if float(cpu) < min_cpu:
                break
        except ValueError:
            continue
        if pid == str(os.getpid()):
            continue
        busy.append(f"{float(cpu):.0f}% {rest.strip()[:90]}")
        if len(busy) >= limit:
            break
    return busy


def describe() -> dict[str, str]:
    import pandas as pd
    import spacy

    return {
        "cores (nproc)": str(os.cpu_count()),
        "RAM": f"{ram_gib():.1f} GiB",
        "CPU": cpu_model(),
        "Python": platform.python_version(),
        "spaCy / pandas": f"{spacy.__version__} / {pd.__version__}",
        "load average at start (1/5/15 min)": load_average(),
    }
