"""``python -m toolkit.report install-config | render CORPUS OUT``.

``install-config`` makes a plain ``jupyter nbconvert --to html --execute
notebooks/<name>.ipynb`` produce the offline report: it writes
``<env>/etc/jupyter/jupyter_nbconvert_config.py`` (a directory on Jupyter's
config path for this environment) that applies
:func:`toolkit.report.exporter.configure`. Jupyter does not read config from
the working directory, so a file at the repository root alone is not enough.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

MARKER = "# newsframe-toolkit: offline HTML reports"
CONFIG_TEXT = f"""{MARKER}
# Written by `python -m toolkit.report install-config` (part of `make install`).
# Makes `jupyter nbconvert --to html` use the project's offline template:
# inline Vega and widget manager, no CDN links, stored widget state.
from toolkit.report.exporter import configure

configure(c)  # noqa: F821 -- `c` is the config object Jupyter provides
"""


def install_config(prefix: str | Path = sys.prefix) -> Path:
    """Write the nbconvert config into ``prefix/etc/jupyter`` (refuses to
    overwrite a config file that is not ours)."""
    path = Path(prefix) / "etc" / "jupyter" / "jupyter_nbconvert_config.py"
    if path.exists() and MARKER not in path.read_text(encoding="utf-8"):
        raise SystemExit(f"{path} exists and was not written by the toolkit; merge this into it:\n{CONFIG_TEXT}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(CONFIG_TEXT, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.report")
    sub = parser.add_subparsers(dest="command", required=True)
    inst = sub.add_parser("install-config", help="make plain `jupyter nbconvert --to html` render offline reports")
    inst.add_argument("--prefix", default=sys.prefix, help="environment prefix (default: %(default)s)")
    render = sub.add_parser("render", help="render the notebooks against an annotated corpus")
    render.add_argument("corpus")
    render.add_argument("out")
    render.add_argument("--notebook", action="append")
    args = parser.parse_args(argv)
    if args.command == "install-config":
        print(f"wrote {install_config(args.prefix)}")
        return 0
    from toolkit.report.render import render_all

    for path in render_all(args.corpus, args.out, notebooks=args.notebook, progress=True):
        print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
