"""Renderers: pure functions from a :class:`~beskplan.results.Report` to output.

Chosen by name from :data:`FORMATS`; a renderer writes to the console or file it
is given and never decides a verdict.
"""

from __future__ import annotations

FORMATS = ("table", "json")
