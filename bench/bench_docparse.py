"""Throughput of sohoi.docparse.parse_text on the seed letter, one core.

Run: python bench/bench_docparse.py [seconds]
Target: at least 500 documents per second.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sohoi.docparse import extract_text, parse_text  # noqa: E402

SEED = ROOT / "sohoi" / "docparse" / "tests" / "fixtures" / "752-CV-TU.txt"
TARGET = 500


def main() -> int:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    text = extract_text(SEED.read_bytes(), SEED.name)
    parse_text(text)  # warm up: first call pays for nothing but is excluded anyway
    count = 0
    start = time.perf_counter()
    deadline = start + seconds
    while time.perf_counter() < deadline:
        parse_text(text)
        count += 1
    elapsed = time.perf_counter() - start
    rate = count / elapsed
    verdict = "OK" if rate >= TARGET else f"BELOW TARGET {TARGET}"
    print(f"docparse: {count} documents in {elapsed:.2f} s = {rate:.0f} docs/s ({verdict})")
    return 0 if rate >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
