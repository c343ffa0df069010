"""Sổ Hội: the register of mass associations and the tracking of Directive 17-CT/TW."""
