"""Every `sohoi` command prints its help in both languages: a lazy translation as a command's `help` made argparse
fail (`sohoi remind --help` raised TypeError), and `make bench` reads that help to find `--here`."""

import pytest
from django.core.management import get_commands, load_command_class
from django.utils import translation


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_command_of_ours_prints_its_help(language):
    ours = sorted((name, app) for name, app in get_commands().items() if app.startswith("sohoi."))
    assert ours, "no sohoi command found"
    with translation.override(language):
        for name, app in ours:
            text = load_command_class(app, name).create_parser("sohoi", name).format_help()
            assert f"sohoi {name}" in text, name
