"""The evaluation: a plan's goals judged against the data, and plans compared.

- :mod:`~beskplan.evaluation.timing`: which period each goal reads (one rule that every
  command asks), and how old each figure is;
- :mod:`~beskplan.evaluation.context` and :mod:`~beskplan.evaluation.view`: what a rule
  reads its figures from;
- :mod:`~beskplan.evaluation.evaluate`: one plan at one period, a goal at a time;
- :mod:`~beskplan.evaluation.batches` and :mod:`~beskplan.evaluation.nationwide`: one plan
  at every municipality or every period, a goal's rows in one frame;
- :mod:`~beskplan.evaluation.check`: coverage without evaluating;
- :mod:`~beskplan.evaluation.diff` and :mod:`~beskplan.evaluation.overview`: two plans, or
  many, side by side;
- :mod:`~beskplan.evaluation.results`: the records all of it returns.

May import: ``core``, the data, ``rules`` and ``plan``.
"""
