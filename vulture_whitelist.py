"""Names that vulture reports as unused because a framework calls them, each with why.

Run as: vulture src/beskplan vulture_whitelist.py --min-confidence 60
"""

from beskplan.cli import _main
from beskplan.core.fields import Strict
from beskplan.evaluation.saved import _Saved, _SavedGoal
from beskplan.extracts import __getattr__
from beskplan.plan.schema import CatalogueEntry
from beskplan.rules.gap_shrink import Params as GapShrinkParams

_main  # typer calls the app's callback (@app.callback) before any command
__getattr__  # Python calls a module's __getattr__ for a name the module does not define
GapShrinkParams._consistent  # pydantic calls a @model_validator when the model is validated
Strict.model_config  # pydantic reads a model's configuration (extra="forbid")
CatalogueEntry._one_form  # pydantic calls a @model_validator when the model is validated
_SavedGoal.definition_sha256  # pydantic validates the field; the diff reads it from model_dump()
_Saved.schema_version  # pydantic checks the saved file's version (Literal[1]) on validation
