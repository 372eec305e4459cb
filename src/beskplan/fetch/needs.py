"""What a fetch asks for: a table with the categories and periods the plans read of it.

The evaluation stage works out what the plans read (:mod:`beskplan.evaluation.needs`);
fetch takes it as these plain records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from beskplan.core.periods import Period


@dataclass
class Need:
    """One table as the plans read it."""

    table: str  # as the first goal reading it writes it
    categories: dict[str, set[str]] = field(default_factory=dict)  # dimension -> categories
    periods: set[Period] = field(default_factory=set)
    readers: list[str] = field(default_factory=list)  # "plan goal", for messages
