"""The plan and its catalogues: goal files, their schema and validation, measures and clusters.

- :mod:`~beskplan.plan.goalfile`: a goal file read into a :class:`Plan` of goals, each
  with its rule and the rule's parameters;
- :mod:`~beskplan.plan.schema` and :mod:`~beskplan.plan.validation`: the format as strict
  models, and their errors at file:line:column; :mod:`~beskplan.plan.goalschema`, the
  format as JSON Schema;
- :mod:`~beskplan.plan.catalogue`: ``measures.yaml``, ``clusters.yaml`` and
  ``ministermaal.yaml`` of the data folder.

May import: ``core``, the data (``extracts``, ``fetch``) and ``rules`` (a goal's rule
declares its parameters).
"""
