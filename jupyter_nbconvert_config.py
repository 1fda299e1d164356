# The project's nbconvert settings: offline, self-contained HTML reports
# (inline Vega bundle and widget manager, no CDN links, stored widget state,
# code cells hidden). Jupyter does not read config from the working directory:
# `make install` runs `python -m toolkit.report install-config`, which puts the
# same two lines into the environment's Jupyter config path, so that
#   jupyter nbconvert --to html --execute notebooks/01_actors.ipynb
# from the project root gives the same report as `make report`. Without that
# step, pass this file explicitly: jupyter nbconvert --config jupyter_nbconvert_config.py ...
from toolkit.report.exporter import configure

configure(c)  # noqa: F821 -- `c` is the config object Jupyter provides
