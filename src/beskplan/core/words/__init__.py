"""The catalogue of texts: every word beskplan shows, one module per language.

:mod:`~beskplan.core.words.da` and :mod:`~beskplan.core.words.en` hold the same keys (a test
checks); a key is namespaced by where it is shown (``headers.``, ``diff.``,
``html.``, ...). What a rule's verdict says is declared beside the rule
(:mod:`beskplan.render.verdicts`). Numbers and periods are formatted by
:mod:`beskplan.render.wording`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from beskplan.core.words import da, en

Lang = Literal["da", "en"]
LANGS: tuple[Lang, ...] = ("da", "en")
CATALOGUES: Mapping[Lang, Mapping[str, str]] = {"da": da.TEXTS, "en": en.TEXTS}


def text(lang: Lang, key: str, **args: object) -> str:
    """The text of ``key`` in ``lang``, with its arguments filled in."""
    return CATALOGUES[lang][key].format(**args)


def section(lang: Lang, name: str) -> dict[str, str]:
    """The texts under ``name.`` in ``lang``, by the rest of their key."""
    prefix = name + "."
    return {k.removeprefix(prefix): v for k, v in CATALOGUES[lang].items() if k.startswith(prefix)}
