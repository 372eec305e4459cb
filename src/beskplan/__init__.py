"""beskplan: the goals of Danish employment plans, made executable.

The public API, stage by stage (each name is importable from its module too):

- :func:`beskplan.goalfile.load_plan` reads and validates a goal file;
- :class:`beskplan.extracts.DataStore` reads Jobindsats extracts and own data;
- :func:`beskplan.evaluate.evaluate_plan` evaluates a plan and returns a report;
- :mod:`beskplan.render` turns a report into a table or JSON.

Heavy modules (Polars) are imported where they are used, so that importing the
package and ``beskplan --help`` stay fast.
"""

__version__ = "0.1.0"
