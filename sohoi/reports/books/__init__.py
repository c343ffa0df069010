"""Each unit's document books (sổ văn bản đến, sổ văn bản đi; issue 13 part 5): an entry points at a Document
already in the register, so a recipient registers its own copy without a second document. Numbers run per
(unit, book, year) from 1, taken as the last + 1 and guarded by a unique constraint (a clash retries), and an
entry is never deleted, so a number is never reused."""
