"""The registry of rule kinds: the value of a goal's ``rule`` key names one.

Each rule is one module (its docstring is its reference); adding a rule means
writing the module and listing it here.
"""

from __future__ import annotations

from beskplan.rules import (
    baseline,
    cluster_best,
    cluster_mean,
    cluster_rank,
    gap_shrink,
    municipality,
    national,
    threshold,
)
from beskplan.rules.base import RuleKind

RULES: dict[str, RuleKind] = {
    module.NAME: module
    for module in (
        cluster_mean,
        cluster_best,
        cluster_rank,
        municipality,
        national,
        threshold,
        gap_shrink,
        baseline,
    )
}
