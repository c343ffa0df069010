"""Vietnamese number format as people write it: 1.234.567 (Django's own vi formats do not group digits)."""

from django.conf.locale.vi.formats import *  # noqa: F403 - extend Django's Vietnamese formats

NUMBER_GROUPING = 3
THOUSAND_SEPARATOR = "."
DECIMAL_SEPARATOR = ","

# dd/mm/yyyy first, as every page prints it (core.widgets.DateWidget); ISO stays accepted for links and the API.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M",
                          "%Y-%m-%d"]
