#!/usr/bin/env python
"""Django's manage.py; `sohoi` (sohoi/cli.py) is the same entry point."""
import sys

from sohoi.cli import main

if __name__ == "__main__":
    sys.exit(main())
