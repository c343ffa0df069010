"""Dissemination sessions (quán triệt): who studied which document, when, how, and how many attended.

Models live in `models.py` (imported by `sohoi.directives.models`, so they belong to the directives app);
writes in `services.py`, reads in `selectors.py`, pages in `views.py`.
"""
