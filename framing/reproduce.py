"""Research reproduction: a study config (TOML) -> every table, figure and the
evaluation against gold, in one command, with a drift check.

A config (see ``reports/kozlov-2023.toml``)::

    title = "..."
    [corpus]
    path = "../../shared/corpus/kozlov-2023"     # relative to the config file
    [outlets]                                     # labels for texts that do not name their outlet
    "002_ba5fe655fe556d95" = "Unsigned rewrite"
    [gold]
    quotes = "..."                                # optional
    stance = "..."
    [nlp]
    tier = "auto"
"""
from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path

from .evaluate import QUOTE_GOLD_COLUMNS, STANCE_GOLD_COLUMNS, evaluate_quotes, evaluate_stance, read_gold
from .io import read_jsonl


def load_config(path) -> dict:
    """Parse a study config; relative paths become relative to the config file."""
    path = Path(path)
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"{path}: not a readable TOML config ({exc})") from None
    if "corpus" not in config or "path" not in config["corpus"]:
        raise ValueError(f"{path}: the config needs [corpus] path = \"...\"")
    config["_as_written"] = json.loads(json.dumps(config))
    base = path.resolve().parent
    config["corpus"]["path"] = str((base / config["corpus"]["path"]).resolve())
    for key, value in dict(config.get("gold", {})).items():
        config["gold"][key] = str((base / value).resolve())
    if config.get("nlp", {}).get("models"):
        config["nlp"]["models"] = str((base / config["nlp"]["models"]).resolve())
    config["_file"] = str(path)
    return config


def write_study(analysis, outdir, *, config: dict | None = None, title: str = "", svg: bool = False,
                force: bool = False) -> dict[str, list[str]]:
    """Evaluate against the configured gold (if any) and write the report of ``analysis``."""
    from .report import write_report

    config = config or {}
    analysis.label_overrides = dict(config.get("outlets", {}))
    evaluation = evaluate_gold(config.get("gold", {}), analysis)
    public = config.get("_as_written") or {k: v for k, v in config.items() if not k.startswith("_")}
    return write_report(analysis, outdir, title=title or config.get("title", ""), config=public, svg=svg,
                        force=force, evaluation=evaluation)


def study_options(config: dict) -> dict:
    """The analysis options a config sets (tier, models)."""
    nlp = config.get("nlp", {})
    return {"tier": nlp.get("tier", "auto"), "models": nlp.get("models")}


def evaluate_gold(gold: dict, analysis) -> dict | None:
    """Quote and stance figures against the configured gold files."""
    out = {}
    if gold.get("quotes"):
        system = [{**q.to_dict(), "doc": q.doc} for q in analysis.quotes]
        out["quotes"] = evaluate_quotes(read_gold(gold["quotes"], QUOTE_GOLD_COLUMNS), system).summary()
    if gold.get("stance"):
        result = evaluate_stance(read_gold(gold["stance"], STANCE_GOLD_COLUMNS), analysis.results)
        out["stance"] = {k: v for k, v in result.items() if k != "details"}
    return out or None


def reproduce(config_file, outdir, *, force: bool = False, analyze=None, echo=print) -> dict:
    """Run the study of ``config_file`` into ``outdir``; print where each output went.

    ``analyze(path, **options)`` defaults to :func:`framing.pipeline.analyze_corpus`.
    """
    from .pipeline import analyze_corpus

    config = load_config(config_file)
    analysis = (analyze or analyze_corpus)(config["corpus"]["path"], **study_options(config))
    written = write_study(analysis, outdir, config=config, force=force)
    for kind, paths in written.items():
        for p in paths:
            echo(f"{kind:8} {Path(outdir) / p}")
    return study_summary(Path(outdir))


def study_summary(outdir: Path) -> dict:
    """Key figures and data hashes of a written study (what --check compares)."""
    manifest = json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))
    hashes = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
              for p in sorted((outdir / "data").glob("*")) if p.suffix in (".csv", ".jsonl")}
    stance = read_jsonl(outdir / "data" / "stance.jsonl")
    evaluation = {}
    if (outdir / "data" / "evaluation.json").exists():
        evaluation = json.loads((outdir / "data" / "evaluation.json").read_text())
    return {"framing_version": manifest["framing_version"], "quality_tier": manifest["quality_tier"],
            "summary": manifest["summary"], "evaluation": evaluation,
            "stance_index": {f"{r['outlet']}|{r['topic']}": r["index"] for r in stance},
            "data_sha256": hashes}


def expected_path(config_file) -> Path:
    p = Path(config_file)
    return p.with_name(p.stem + ".expected.json")


def check_summary(config_file, summary: dict) -> list[str]:
    """Differences between ``summary`` and the stored expected one."""
    path = expected_path(config_file)
    if not path.exists():
        return [f"no expected summary at {path} (store one with --store-expected)"]
    expected = json.loads(path.read_text(encoding="utf-8"))
    return list(_diff(expected, summary, ""))


def _diff(want, got, where):
    if isinstance(want, dict) and isinstance(got, dict):
        for key in sorted(set(want) | set(got)):
            if key not in got:
                yield f"{where}{key}: missing (expected {want[key]!r})"
            elif key not in want:
                yield f"{where}{key}: new ({got[key]!r})"
            else:
                yield from _diff(want[key], got[key], f"{where}{key}.")
    elif want != got:
        yield f"{where.rstrip('.')}: expected {want!r}, got {got!r}"


def store_expected(config_file, summary: dict) -> Path:
    """Write ``summary`` as the expected one that --check compares with."""
    from .io import atomic_write

    path = expected_path(config_file)
    with atomic_write(path) as fh:
        fh.write(json.dumps(summary, indent=2, sort_keys=True) + "\n")
    return path
