"""Vietnamese number format as people write it: 1.234.567 (Django's own vi formats do not group digits)."""

from django.conf.locale.vi.formats import *  # noqa: F403 - extend Django's Vietnamese formats

NUMBER_GROUPING = 3
THOUSAND_SEPARATOR = "."
DECIMAL_SEPARATOR = ","
