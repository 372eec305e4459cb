"""beskplan: the goals of Danish employment plans, made executable.

The public API is :mod:`beskplan.api` (``Project.open()``, then ``plan``, ``evaluate``,
``every_municipality``, ``timeline``, ``diff``, ``check``, ``overview``, ``report``), over
the stages it calls:

- :func:`beskplan.plan.goalfile.load_plan` reads and validates a goal file;
- :class:`beskplan.extracts.DataStore` reads Jobindsats extracts and own data, in every
  format :data:`beskplan.extracts.readers.READERS` registers;
- :func:`beskplan.evaluation.evaluate.evaluate_plan` evaluates a plan and returns a report;
- :func:`beskplan.render.render` turns a document into any registered format.

Heavy modules (Polars) are imported where they are used, so that importing the
package and ``beskplan --help`` stay fast.
"""

__version__ = "0.1.0"
