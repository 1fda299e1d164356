"""Screenshots of two reports for the README, generated so they stay true.

    python scripts/screenshots.py [--corpus build/sample] [--out docs/screenshots]

Renders 05_side_by_side and 01_actors from the annotated corpus (default: the
sample, annotated on the fly if build/sample is missing) and photographs the
top of each in Debian's Chromium with every network request aborted.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DIR = ROOT / "data" / "articles"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SHOTS = {"05_side_by_side": 1500, "01_actors": 1500}  # notebook -> height in pixels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(ROOT / "build" / "sample"))
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not (corpus / "manifest.json").exists():
        import toolkit

        toolkit.annotate(toolkit.load(SAMPLE_DIR), cache_dir=None, progress=False).save(corpus)
    from playwright.sync_api import sync_playwright

    from toolkit.report.render import render_all

    with tempfile.TemporaryDirectory() as tmp:
        render_all(corpus, Path(tmp), notebooks=list(SHOTS))
        reports = {name: Path(tmp) / f"{name}.html" for name in SHOTS}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                for name, height in SHOTS.items():
                    page = browser.new_page(viewport={"width": 1280, "height": height})
                    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
                    page.goto(reports[name].resolve().as_uri())
                    page.wait_for_selector(".newsframe-chart svg.marks", timeout=30_000)
                    page.wait_for_timeout(1500)  # let every chart and widget finish drawing
                    out = Path(args.out) / f"{name}.png"
                    out.parent.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(out))
                    print(f"wrote {out}")
                    page.close()
            finally:
                browser.close()


if __name__ == "__main__":
    main()
