"""Pure extraction rate on one core: `Pipeline.classify` over the generated corpus.

Runs in its own interpreter pinned to one CPU, so the peak RSS it reports is the extractor's
(lexicon + one chunk of articles + working memory), not the benchmark's, and the rate is a
single core's.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, replace
from datetime import date

from services.bench.corpus import CorpusConfig, generate

_CHUNK = 1000  # articles generated (untimed) before each timed classify pass


@dataclass(frozen=True)
class ExtractionResult:
    articles: int
    seconds: float
    articles_per_s: float
    peak_rss_mb: float
    lexicon_build_s: float
    relevant: int
    relevant_with_events: int
    irrelevant_with_events: int


def measure_extraction(config: CorpusConfig, warmup: int = 300,
                       max_seconds: float | None = None) -> ExtractionResult:
    """Time classify only; the corpus is generated in chunks outside the timed sections.

    With `max_seconds`, stop after the chunk that crosses it (a slow build is timed on fewer
    articles rather than for longer).
    """
    from services.pipeline import Pipeline

    started = time.perf_counter()
    pipeline = Pipeline.build()
    build_s = time.perf_counter() - started
    fallback = date(2023, 1, 1)
    for item in generate(CorpusConfig(size=warmup, seed=config.seed + 1)):
        pipeline.classify(item.article, fallback)
    seconds = 0.0
    relevant = relevant_hits = noise_hits = done = 0
    for first in range(0, config.size, _CHUNK):
        if max_seconds is not None and seconds >= max_seconds:
            break
        chunk = list(generate(replace(config, size=min(_CHUNK, config.size - first)), first=first))
        articles = [item.article for item in chunk]
        t0 = time.perf_counter()
        results = [pipeline.classify(article, fallback) for article in articles]
        seconds += time.perf_counter() - t0
        done += len(articles)
        for item, result in zip(chunk, results, strict=True):
            relevant += item.relevant
            if result.events:
                relevant_hits += item.relevant
                noise_hits += not item.relevant
    return ExtractionResult(
        articles=done,
        seconds=seconds,
        articles_per_s=done / seconds if seconds else 0.0,
        peak_rss_mb=peak_rss_self_mb(),
        lexicon_build_s=build_s,
        relevant=relevant,
        relevant_with_events=relevant_hits,
        irrelevant_with_events=noise_hits,
    )


def peak_rss_self_mb() -> float:
    """ru_maxrss is in KiB on Linux."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_isolated(config: CorpusConfig, max_seconds: float | None = None,
                 timeout_s: float = 120.0) -> ExtractionResult:
    """`measure_extraction` in a fresh interpreter on one CPU; its JSON comes back on stdout."""
    limit = ["--max-seconds", str(max_seconds)] if max_seconds is not None else []
    completed = subprocess.run(
        [sys.executable, "-m", "services.bench.extraction", "--size", str(config.size),
         "--share", str(config.relevant_share), "--seed", str(config.seed), *limit],
        capture_output=True, timeout=timeout_s, check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(
            f"extraction benchmark failed ({completed.returncode}): "
            f"{completed.stderr.decode(errors='replace')[-2000:]}"
        )
    data = json.loads(completed.stdout.decode().strip().splitlines()[-1])
    return ExtractionResult(**data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services.bench.extraction")
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--share", type=float, default=0.03)
    parser.add_argument("--seed", type=int, default=CorpusConfig(size=0).seed)
    parser.add_argument("--max-seconds", type=float, default=None)
    args = parser.parse_args(argv)
    cpus = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpus[-1]})  # one core, and not the one the broker likes first
    result = measure_extraction(
        CorpusConfig(size=args.size, relevant_share=args.share, seed=args.seed),
        max_seconds=args.max_seconds,
    )
    print(json.dumps(asdict(result)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
