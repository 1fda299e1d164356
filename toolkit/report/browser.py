"""The browser the report tests and the screenshot script drive: Debian's
Chromium (``apt-get install -y chromium``), through Playwright, with every
network request blocked by the caller.

On a machine without it, :func:`require_chromium` skips the browser tests
with one message naming the install command -- except under ``CI=true``,
where a missing browser fails the run (CI installs it; a green run without
the browser tests would hide that the reports were never opened).
"""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = os.environ.get("TOOLKIT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
INSTALL_HINT = "sudo apt-get install -y chromium   (`make test` runs it where it is root and apt-get exists)"


def chromium_missing() -> str | None:
    """Why the browser tests cannot run here, or ``None``."""
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is not installed; install it with: {INSTALL_HINT}"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed; install the dev extras: pip install -e '.[dev]'"
    return None


def require_chromium() -> str:
    """The Chromium path, or skip (fail under ``CI=true``) with the reason."""
    import pytest

    reason = chromium_missing()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and the browser tests cannot run: {reason}")
        pytest.skip(f"browser tests skipped: {reason}")
    return CHROMIUM
