"""An Altair renderer that works offline, in JupyterLab and in nbconvert HTML.

Why not Altair's own renderers: the default mimetype output
(``application/vnd.vegalite.v6+json``) makes ``nbconvert --execute`` fail
nbformat validation and its HTML fallback loads Vega from jsdelivr; the
``html`` renderer with ``inline=True`` repeats the 900 kB bundle in every
chart and breaks with several charts on a page.

So the Vega bundle is emitted once per notebook (:func:`bundle_html`, shown by
:func:`toolkit.report.setup` in the first cell) and each chart is a ``div``
plus a few lines that call ``vegaEmbed`` (and hand the view to the report
runtime, so a click on a mark opens its article) -- straight away when the bundle is
loaded, or from a queue the bundle drains when it arrives (a chart inside a
widget's Output area can be drawn before or after the bundle's cell).
"""

from __future__ import annotations

import json
import uuid

import altair as alt

from toolkit.report.assets import vega_bundle

RENDERER_NAME = "newsframe_offline"
QUEUE = "__newsframeVegaQueue"

#: vega-embed options: no "open in editor" action (it links to a web site) and
#: no view-source actions (they would repeat the data); SVG so text is crisp
#: and selectable.
EMBED_OPTIONS = {"renderer": "svg", "actions": {"export": True, "source": False, "compiled": False, "editor": False}}


def bundle_html() -> str:
    """The ``<script>`` that defines ``vegaEmbed`` and draws queued charts."""
    return (
        '<script type="text/javascript" data-newsframe="vega-bundle">\n'
        "if (!window.vegaEmbed) {\n" + vega_bundle() + "\n}\n"
        f"(window.{QUEUE} || []).splice(0).forEach(function (draw) {{ draw(); }});\n"
        "</script>"
    )


def chart_html(spec: dict, element_id: str | None = None) -> str:
    """HTML that draws one Vega-Lite ``spec`` with the page's ``vegaEmbed``.

    The spec is embedded as JSON with ``<``, ``>`` and ``&`` escaped, so text
    from articles inside it (tooltips, titles) can never close the script
    element or be parsed as markup.
    """
    element_id = element_id or f"nf-chart-{uuid.uuid4().hex}"
    return (
        f'<div id="{element_id}" class="newsframe-chart"></div>\n'
        '<script type="text/javascript">\n'
        "(function () {\n"
        f"  var spec = {script_json(spec)};\n"
        f"  var options = {script_json(EMBED_OPTIONS)};\n"
        "  function draw() {\n"
        f"    var el = document.getElementById({script_json(element_id)});\n"
        "    if (!el) { return; }\n"
        "    window.vegaEmbed(el, spec, options).then(function (result) {\n"
        "      if (window.NF && window.NF.attachChart) { window.NF.attachChart(result); }\n"
        "    }).catch(function (err) {\n"
        "      el.textContent = 'Chart error: ' + err;\n"
        "      console.error(err);\n"
        "    });\n"
        "  }\n"
        f"  if (window.vegaEmbed) {{ draw(); }} else {{ (window.{QUEUE} = window.{QUEUE} || []).push(draw); }}\n"
        "})();\n"
        "</script>"
    )


def script_json(value) -> str:
    """JSON safe to place inside an inline ``<script>``."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render(spec: dict, **metadata) -> dict:
    """Altair renderer entry point: a mimebundle with HTML and a plain-text
    fallback (what a terminal or a text export shows)."""
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    return {"text/html": chart_html(spec), "text/plain": f"<Chart: {title or 'untitled'}>"}


def enable() -> None:
    """Register and enable the renderer for this process (idempotent)."""
    alt.renderers.register(RENDERER_NAME, render)
    alt.renderers.enable(RENDERER_NAME)
