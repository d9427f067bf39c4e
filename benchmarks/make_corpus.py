"""Make a synthetic corpus by recombining the example corpus's paragraphs (fixed seed).

    python benchmarks/make_corpus.py 1000 /tmp/corpus-1000

Each article gets a wire dateline naming one of 20 fictional outlets and 4-8 body
paragraphs drawn from the six example articles, so quotes, speakers and topic
sentences occur at realistic rates.
"""
import random
import re
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "kozlov-visit"
OUTLETS = [f"Bench Outlet {i:02d}" for i in range(20)]
CITIES = ["SEOUL", "MOSCOW", "TOKYO", "BEIJING", "WASHINGTON"]


def paragraphs() -> list[str]:
    out = []
    for p in sorted(EXAMPLES.glob("0*.*")):
        for para in p.read_text(encoding="utf-8").split("\n\n"):
            para = re.sub(r"^[A-Z]+, Nov\. \d+ \([^)]*\) -- ", "", para.strip())
            if len(para.split()) > 8 and not para.startswith(("[", "#", "By ")):
                out.append(para)
    return out


def make(n: int, outdir: Path, seed: int = 7) -> int:
    rng = random.Random(seed)
    pool = paragraphs()
    outdir.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(n):
        body = rng.sample(pool, rng.randint(4, min(8, len(pool))))
        head = f"{rng.choice(CITIES)}, Nov. {rng.randint(1, 28)} ({OUTLETS[i % len(OUTLETS)]}) -- "
        text = f"Synthetic benchmark article {i}\n\nNovember 15, 2023\n\n{head}" + "\n\n".join(body) + "\n"
        (outdir / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


if __name__ == "__main__":
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    print(f"{n} articles, {make(n, out)} words -> {out}")
