"""English pages still read and accept dates as dd/mm/yyyy: the data are Vietnamese documents (issue 16).
Django's own English formats would read 05/03/2026 as 3 May."""

from django.conf.locale.en.formats import *  # noqa: F403 - extend Django's English formats

from sohoi.formats.vi.formats import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS  # noqa: F401
