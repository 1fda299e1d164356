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
import hashlib
import os
import re
import tempfile
from pathlib import Path

JS_DIR = Path(__file__).parent / "js"
HTML_MANAGER = JS_DIR / "node_modules" / "@jupyter-widgets" / "html-manager" / "dist" / "embed.js"
#: where the built Vega bundle is kept between kernels (building it costs
#: vl-convert 4-6 s of CPU, once per notebook otherwise); override with
#: ``$TOOLKIT_ASSET_CACHE``
ASSET_CACHE_ENV = "TOOLKIT_ASSET_CACHE"
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

    vl-convert builds the bundle from the Vega versions it ships, which takes
    it several seconds each time; the result is kept on disk per vl-convert
    version (:func:`asset_cache_dir`) with its SHA-256, so every notebook
    after the first reads it. A cached copy whose digest does not match is
    rebuilt, never used.
    """
    import vl_convert

    name = f"vega-bundle-{getattr(vl_convert, '__version__', 'unknown')}.js"
    cached = _read_cached(name)
    if cached is not None:
        return cached
    js = "(function(){\n" + _script_safe(vl_convert.javascript_bundle()) + "\n})();"
    _write_cached(name, js)
    return js


def asset_cache_dir() -> Path:
    """``$TOOLKIT_ASSET_CACHE``, else ``$XDG_CACHE_HOME/newsframe``, else ``~/.cache/newsframe``."""
    chosen = os.environ.get(ASSET_CACHE_ENV)
    if chosen:
        return Path(chosen)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsframe"


def _read_cached(name: str) -> str | None:
    path = asset_cache_dir() / name
    try:
        data = path.read_bytes()
        digest = path.with_name(name + ".sha256").read_text(encoding="ascii").strip()
    except OSError:
        return None
    if hashlib.sha256(data).hexdigest() != digest:
        return None  # torn or edited: rebuild
    return data.decode("utf-8")


def _write_cached(name: str, text: str) -> None:
    """Write ``name``, then its digest, each atomically (a reader that finds
    the digest finds the whole file); a cache that cannot be written (a
    read-only home) only costs the rebuild next time."""
    directory = asset_cache_dir()
    data = text.encode("utf-8")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for target, payload in ((directory / name, data),
                                (directory / (name + ".sha256"), hashlib.sha256(data).hexdigest().encode("ascii"))):
            fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.")
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
            os.replace(tmp, target)
    except OSError:
        pass


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
