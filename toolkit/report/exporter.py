"""nbconvert configuration for the offline reports.

:func:`configure` is the single source of truth: ``render_all`` applies it to
its exporter, the repository's ``jupyter_nbconvert_config.py`` applies it to a
plain ``jupyter nbconvert --to html --execute notebooks/<name>.ipynb`` run from
the project root (once ``python -m toolkit.report install-config`` -- part of
``make install`` -- has linked it into the environment's Jupyter config path).
"""

from __future__ import annotations

from pathlib import Path

from nbconvert.preprocessors import Preprocessor

TEMPLATES = Path(__file__).parent / "templates"
TEMPLATE_NAME = "newsframe"
#: seconds one cell may run: annotating is done before, a cell only aggregates
CELL_TIMEOUT = 600


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


class StaticExplorers(Preprocessor):
    """Keep the HTML rendering of an explorer, drop its widget view.

    An explorer output (:class:`toolkit.report.explorer.StaticExplorer`)
    carries both; a report has no kernel to run the widget, so it keeps the
    client-side table. When no widget view is left, the stored widget state
    goes too, and the report does not carry the widget manager.
    """

    def preprocess(self, nb, resources):
        from toolkit.report.explorer import MARKER

        left = 0
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if WIDGET_VIEW not in data:
                    continue
                if MARKER in "".join(data.get("text/html", "")):
                    del data[WIDGET_VIEW]
                else:
                    left += 1
        if not left:
            nb.metadata.pop("widgets", None)
        return nb, resources


class InlineAssets(Preprocessor):
    """Put the widget manager's code into the resources the template inlines.

    Runs after ``ExecutePreprocessor`` (nbconvert runs its default
    preprocessors first), so it sees the widget state execution stored.
    """

    def preprocess(self, nb, resources):
        from toolkit.report.assets import widget_manager

        resources["newsframe_widget_manager"] = widget_manager() if "widgets" in nb.metadata else ""
        return nb, resources


def configure(c) -> None:
    """Apply the report settings to a traitlets ``Config`` ``c``.

    The template replaces every CDN script of JupyterLab's template with an
    inline copy; the widget state is stored so widgets render without a
    kernel; code cells are hidden (a report is read, not re-run: the
    notebooks hold the code); the kernel is the environment's own
    ``python3`` (ipykernel resolves it to this interpreter on any machine).
    """
    c.HTMLExporter.extra_template_basedirs = [str(TEMPLATES)]
    c.HTMLExporter.template_name = TEMPLATE_NAME
    c.HTMLExporter.preprocessors = [f"{__name__}.StaticExplorers", f"{__name__}.InlineAssets"]
    c.HTMLExporter.exclude_input = True
    c.HTMLExporter.exclude_input_prompt = True
    c.HTMLExporter.exclude_output_prompt = True
    c.HTMLExporter.embed_images = True
    c.ExecutePreprocessor.store_widget_state = True
    c.ExecutePreprocessor.timeout = CELL_TIMEOUT
    c.ExecutePreprocessor.kernel_name = "python3"
