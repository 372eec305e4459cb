"""The foundations every stage stands on: errors, periods, areas, source files, words.

- :mod:`~beskplan.core.errors`: what a user's mistake is (:class:`InputError`, its problems
  with file, line and what to do);
- :mod:`~beskplan.core.periods`: Jobindsats period codes, the kinds of period and the
  period a command asks for;
- :mod:`~beskplan.core.areas`: how an area's name is matched;
- :mod:`~beskplan.core.sources`: a file read, with its SHA-256;
- :mod:`~beskplan.core.words`: every text shown, a catalogue per language;
- :mod:`~beskplan.core.yamlfile` and :mod:`~beskplan.core.fields`: YAML read with its
  places, and the value types (numbers as written, periods, text) every file is made of;
- :mod:`~beskplan.core.output`: writing a file whole or not at all.

May import: nothing of beskplan outside ``core``.
"""
