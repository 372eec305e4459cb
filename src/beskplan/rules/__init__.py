"""The registry of rule kinds: the value of a goal's ``rule`` key names one.

Each rule is one module (its docstring is its reference) that declares what
:class:`~beskplan.rules.base.RuleKind` asks; adding a rule means writing the
module and listing it here. The README's "Writing a rule" walks through one.

Below the rules is what a rule sees: :mod:`~beskplan.rules.base` (what a rule declares,
the view it reads figures from), :mod:`~beskplan.rules.outcome` (what it returns),
:mod:`~beskplan.rules.references`, :mod:`~beskplan.rules.compare` and
:mod:`~beskplan.rules.frames` (the columnar form). May import: the data and ``core``.
"""

from __future__ import annotations

from beskplan.rules import (
    baseline,
    change,
    cluster_best,
    cluster_mean,
    cluster_rank,
    gap_shrink,
    municipality,
    national,
    threshold,
)
from beskplan.rules.base import RuleKind


def _checked(module: RuleKind) -> RuleKind:
    """A rule module, checked against :class:`RuleKind` by the type checker."""
    return module


RULES: dict[str, RuleKind] = {
    rule.NAME: rule
    for rule in (
        _checked(cluster_mean),
        _checked(cluster_best),
        _checked(cluster_rank),
        _checked(municipality),
        _checked(national),
        _checked(threshold),
        _checked(gap_shrink),
        _checked(baseline),
        _checked(change),
    )
}
