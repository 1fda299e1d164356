"""The JavaScript a report carries inline, so it opens with no network.

Two libraries, both installed from a package registry at install time and
never fetched at run time:

* the Vega / Vega-Lite / vega-embed bundle, built by ``vl-convert-python``
  (PyPI) from the Vega versions it ships (:func:`vega_bundle`);
* the Jupyter widgets HTML manager, ``@jupyter-widgets/html-manager`` from
  the npm registry, installed by ``npm ci`` into ``toolkit/report/js``
  (pinned in ``package.json`` / ``package-lock.json``; :func:`widget_manager`).

We inline the manager's standalone ``dist/embed.js`` rather than
``embed-amd.js`` + require.js: the standalone build renders the standard
controls and Output widgets by itself (the only widgets the notebooks use), is
half the size (1.9 MB against 3.6 MB, which keeps a report under the 5 MB
budget), and without an AMD loader on the page no UMD library can register
itself as an anonymous AMD module instead of a global.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

JS_DIR = Path(__file__).parent / "js"
HTML_MANAGER = JS_DIR / "node_modules" / "@jupyter-widgets" / "html-manager" / "dist" / "embed.js"
NPM_INSTALL_HINT = "npm ci --prefix toolkit/report/js --ignore-scripts --no-audit --no-fund  (`make install` runs it)"

_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)
#: webpack finds its "public path" (where it would load fonts and chunks
#: from) through the src of the script that runs it; an inline script has
#: none, and webpack then throws. Resolving against the page instead is what
#: a file shipped next to the report would do.
_PUBLIC_PATH_THROW = 'throw new Error("Automatic publicPath is not supported in this browser")'
_PUBLIC_PATH_FIX = "e=document.baseURI"


class AssetMissing(RuntimeError):
    """A JavaScript asset that the install step provides is not installed."""


@functools.lru_cache(maxsize=1)
def vega_bundle() -> str:
    """Vega + Vega-Lite + vega-embed as one script that sets ``window.vegaEmbed``.

    The bundle declares top-level ``const`` names, so it is wrapped in a
    function: a second copy on the page (two notebooks pasted together, a
    re-run cell in JupyterLab) must not collide with the first.
    """
    import vl_convert

    return "(function(){\n" + _script_safe(vl_convert.javascript_bundle()) + "\n})();"


@functools.lru_cache(maxsize=1)
def widget_manager() -> str:
    """The standalone Jupyter widgets HTML manager (``embed.js``), script-safe."""
    if not HTML_MANAGER.exists():
        raise AssetMissing(f"{HTML_MANAGER} is not installed; run: {NPM_INSTALL_HINT}")
    js = HTML_MANAGER.read_text(encoding="utf-8")
    if js.count(_PUBLIC_PATH_THROW) != 1:
        raise AssetMissing(f"{HTML_MANAGER}: not the pinned build (its public-path code changed); "
                           f"reinstall with: {NPM_INSTALL_HINT}")
    return _script_safe(js.replace(_PUBLIC_PATH_THROW, _PUBLIC_PATH_FIX))


def _script_safe(js: str) -> str:
    """Make library code safe to place inside an inline ``<script>`` element:
    no ``</script`` or ``<!--`` that would end or confuse the element, and no
    source-map comment that would make devtools fetch a file that is not there."""
    js = _SOURCE_MAP.sub("", js)
    return js.replace("</script", "<\\/script").replace("<!--", "<\\!--")
