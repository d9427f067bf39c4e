"""Speed of the HTML view: render the pages of N synthetic articles (built-in tier analysis first).

    python benchmarks/view.py [N]      # default 1,000 articles; prints seconds and files
"""
import sys
import tempfile
import time
from pathlib import Path

from framing.pipeline import analyze_corpus
from framing.view import write_view

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import make  # noqa: E402


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        make(n, corpus)
        started = time.perf_counter()
        analysis = analyze_corpus(corpus, tier="builtin")
        analysed = time.perf_counter()
        files = write_view(analysis, Path(tmp) / "view")
        done = time.perf_counter()
    print(f"{n} articles: analysis {analysed - started:.2f} s, view {done - analysed:.2f} s, {len(files)} files")


if __name__ == "__main__":
    main()
