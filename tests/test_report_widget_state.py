"""The widget state a report stores is JSON inside an inline ``<script>``; a
name from the data must not be able to end that script early or swallow it
(issue 14: an outlet called ``Evil <!--<script> News`` broke 01_actors)."""

from __future__ import annotations

import json
import re

import nbformat
from traitlets.config import Config

EVIL = "Evil <!--<script> News"
MIME = "application/vnd.jupyter.widget-state+json"


def render(state: dict) -> str:
    from nbconvert import HTMLExporter

    from toolkit.report.exporter import configure

    c = Config()
    configure(c)
    c.HTMLExporter.preprocessors = []  # no widget manager needed to check the stored state
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Actors")])
    nb.metadata["widgets"] = {MIME: state}
    html, _ = HTMLExporter(config=c).from_notebook_node(nb)
    return html


def test_a_hostile_outlet_name_cannot_break_the_widget_state():
    state = {"version_major": 2, "version_minor": 0, "state": {"m1": {
        "model_name": "DropdownModel", "state": {"_options_labels": [EVIL, "Kyiv Post", "</script><b>x</b>"],
                                                 "description": "Outlet"}}}}
    html = render(state)
    [body] = re.findall(rf'<script type="{re.escape(MIME)}">(.*?)</script>', html, flags=re.S)
    # no "<" at all inside: the HTML parser stays in plain script data, whatever the names
    assert "<" not in body
    back = json.loads(body)
    assert back["state"]["m1"]["state"]["_options_labels"][0] == EVIL
    assert back == state
