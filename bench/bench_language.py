"""A certificate in French, and in both languages, against the same certificate in English, same run.

Figures (one JSON line each):
- French: ms per certificate (render_pdf) of the French certificate against the English one with the
  same register content. The French words are longer, the layout the same: goal at most 1.15x.
- bilingual: the certificate in both languages (about twice the words, often a second page) against
  the English one. Goal: at most 2x, i.e. no more than drawing the two certificates one after the other.

Times are CPU time per certificate (time.process_time), the languages alternating certificate by
certificate, so that other work on a shared machine does not tilt the ratios.

Usage: .venv/bin/python bench/bench_language.py [--quick] [--count N]
"""

import argparse
import json
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.document.certificates import render_pdf  # noqa: E402
from bench.bench_render import contents  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer certificates")
    parser.add_argument("--count", type=int, default=0)
    args = parser.parse_args()
    count = args.count or (12 if args.quick else 60)
    items = contents(count)
    languages = ("en", "fr", "bilingual")
    for language in languages:  # warm up: fonts, imports, first-use caches
        render_pdf(replace(items[0], language=language))
    times: dict[str, list[float]] = {language: [] for language in languages}
    for _round in range(3):
        for content in items:
            for language in languages:
                one = replace(content, language=language)
                started = time.process_time()
                render_pdf(one)
                times[language].append((time.process_time() - started) * 1000)
    english, french, bilingual = (statistics.median(times[lang]) for lang in languages)
    print(f"{count} certificates x 3 rounds in each language; medians of the per-certificate CPU times")
    print(f"  English    {english:7.2f} ms/cert")
    print(f"  French     {french:7.2f} ms/cert   ratio {french / english:.2f}x (goal <= 1.15x)")
    print(f"  bilingual  {bilingual:7.2f} ms/cert   ratio {bilingual / english:.2f}x (goal <= 2x)")
    for name, value, goal in (("French", french, 1.15), ("bilingual", bilingual, 2.0)):
        print(
            json.dumps(
                {
                    "figure": f"{name} certificate rendering (ms/cert) vs the same certificate in English",
                    "project": round(value, 2),
                    "baseline": round(english, 2),
                    "ratio": round(value / english, 2),
                    "goal": f"<= {goal}x English",
                    "met": value / english <= goal,
                }
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
