"""The ``framing`` command line: a thin layer over the Python API.

Exit codes: 0 done (warnings may have been printed), 1 bad input (nothing
could be read, bad gold or config file), 2 usage error, 3 model or lexicon
problem, 4 output cannot be written, 130 interrupted.
"""
from __future__ import annotations

import functools
import logging
import sys

import click

from . import __version__
from .corpus import CorpusError, read_corpus
from .io import FORMATS, OutputError, write_rows
from .lexicon import LexiconError
from .nlp import ModelError, installed_processors, load_backend, models_dir, notice

EXIT_INPUT, EXIT_MODEL, EXIT_OUTPUT, EXIT_INTERRUPTED = 1, 3, 4, 130
_ERRORS = ((CorpusError, EXIT_INPUT), (ValueError, EXIT_INPUT), (ModelError, EXIT_MODEL),
           (LexiconError, EXIT_MODEL), (OutputError, EXIT_OUTPUT))


class Settings:
    """Options shared by every command (set on the group)."""

    def __init__(self, quiet: bool = False, verbose: int = 0):
        self.quiet, self.verbose = quiet, verbose
        self._said: set[str] = set()

    def say(self, message: str, once: bool = False) -> None:
        """A notice on stderr, unless -q."""
        if self.quiet or (once and message in self._said):
            return
        self._said.add(message)
        click.echo(message, err=True)

    def warn(self, message: str) -> None:
        if not self.quiet:
            click.echo(f"warning: {message}", err=True)

    def progress(self, iterable, length=None, label=""):
        """A progress bar on stderr when it is a terminal (and not -q)."""
        show = not self.quiet and sys.stderr.isatty()
        return click.progressbar(iterable, length=length, label=label, file=sys.stderr,
                                 show_pos=True) if show else _NoBar(iterable)


class _NoBar:
    def __init__(self, iterable):
        self.iterable = iterable

    def __enter__(self):
        return self.iterable

    def __exit__(self, *exc):
        return False


class FramingGroup(click.Group):
    """Turns known errors into one line on stderr and a documented exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("framing: interrupted; no partial output was kept", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except Exception as exc:
            for kind, code in _ERRORS:
                if isinstance(exc, kind):
                    click.echo(f"framing: error: {exc}", err=True)
                    ctx.exit(code)
            settings = ctx.find_object(Settings)
            if settings and settings.verbose:
                raise
            click.echo(f"framing: internal error: {type(exc).__name__}: {exc} (run with -v for details)", err=True)
            ctx.exit(70)


@click.group(cls=FramingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="framing")
@click.option("-q", "--quiet", is_flag=True, help="Print no notices, warnings or progress bars.")
@click.option("-v", "--verbose", count=True, help="More detail on stderr; -vv shows debug logs.")
@click.pass_context
def cli(ctx, quiet, verbose):
    """Who is quoted and how a story is framed, across news outlets.

    \b
    Typical session, on the bundled example corpus:
      framing corpus examples/kozlov-visit          # articles, outlets, dates
      framing quotes examples/kozlov-visit          # who is quoted, and how
      framing speakers examples/kozlov-visit        # who gets the most room
      framing stance examples/kozlov-visit          # framing of the allegations
      framing report examples/kozlov-visit -o out/  # PDF + PNG comparison report

    CORPUS is a directory of .txt/.md/.html articles, one article file, or a
    manifest (CSV or JSONL with a 'path' column and optional metadata columns
    outlet, byline, date, dateline, publisher, url, title that override detection).
    """
    ctx.obj = Settings(quiet, verbose)
    level = logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


# ------------------------------------------------------------ shared options
def output_options(default_format="table"):
    def decorate(f):
        f = click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=default_format,
                         show_default=True, help="table for reading, csv for spreadsheets, jsonl for programs.")(f)
        f = click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
                         help="Write to this file (atomically) instead of stdout.")(f)
        return f
    return decorate


def corpus_options(f):
    f = click.argument("corpus", type=click.Path())(f)
    f = click.option("--max-size", type=float, default=10.0, show_default=True,
                     help="Skip article files larger than this many MB.")(f)
    f = click.option("--outlets", "outlets_file", type=click.Path(exists=True, dir_okay=False), default=None,
                     help="Your own outlets CSV (columns as lexicons/outlets.csv) for outlet detection.")(f)
    return f


def model_options(f):
    f = click.option("--models", type=click.Path(file_okay=False), default=None, envvar="STANZA_RESOURCES_DIR",
                     help="stanza models directory [default: $STANZA_RESOURCES_DIR, else stanza's own].")(f)
    f = click.option("--tier", type=click.Choice(["auto", "stanza", "builtin"]), default="auto", show_default=True,
                     help="NLP quality tier: auto uses stanza when a model is installed, else the built-in segmenter.")(f)
    return f


def load_articles(settings: Settings, corpus, max_size, outlets_file):
    """Read the corpus, warning per skipped file; errors if nothing was read."""
    return list(read_corpus(corpus, settings.warn, max_bytes=int(max_size * 1e6), outlets=outlets_file))


def get_backend(settings: Settings, models, tier):
    backend = load_backend(models, tier)
    settings.say(notice(backend), once=True)
    return backend


# ---------------------------------------------------------------- commands
@cli.command("corpus")
@corpus_options
@output_options()
@click.pass_obj
def corpus_cmd(settings, corpus, max_size, outlets_file, fmt, output):
    """List the articles of CORPUS with outlet, date and detection evidence.

    The outlet comes only from explicit evidence (dateline, agency credit,
    byline, sign-off, publisher URL); where there is none it says 'unknown'
    and shows the byline or publisher instead.

    \b
    Example:
      framing corpus examples/kozlov-visit --format jsonl
    """
    rows = [a.to_dict() for a in load_articles(settings, corpus, max_size, outlets_file)]
    columns = ["id", "label", "outlet", "byline", "date", "dateline", "publisher", "url", "title",
               "words", "encoding", "evidence", "inferred"]
    if fmt == "table":
        columns = ["id", "label", "date", "dateline", "words", "evidence"]
    write_rows(rows, fmt, output, columns)


@cli.group("models")
def models_group():
    """Show or fetch the stanza models that set the quality tier."""


@models_group.command("list")
@click.option("--models", type=click.Path(file_okay=False), default=None, envvar="STANZA_RESOURCES_DIR",
              help="stanza models directory to inspect.")
@output_options()
def models_list(models, fmt, output):
    """Show which stanza English processors are installed, and the tier they give."""
    directory = models_dir(models)
    found = installed_processors(directory)
    tier = ("stanza-full" if {"pos", "lemma", "depparse"} <= set(found)
            else "stanza-tokenize" if "tokenize" in found else "builtin")
    rows = [{"processor": p, "installed": p in found, "directory": str(directory)}
            for p in ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")]
    write_rows(rows, fmt, output)
    click.echo(f"quality tier available: {tier}", err=True)


@models_group.command("download")
@click.option("--models", type=click.Path(file_okay=False), default=None, envvar="STANZA_RESOURCES_DIR",
              help="Where to put the models.")
@click.option("--processors", default="tokenize,mwt,pos,lemma,depparse,ner", show_default=True)
@click.pass_obj
def models_download(settings, models, processors):
    """Fetch stanza English models (needs the internet; fails fast without it)."""
    from .nlp import download_models

    directory = download_models(models, processors)
    settings.say(f"models installed in {directory}")


def speaker_option(f):
    return click.option("--speakers", "speaker_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                        help="Your own speaker registry CSV (columns as lexicons/speakers.csv); repeatable.")(f)


def run_analysis(settings: Settings, corpus, max_size, outlets_file, models, tier, speaker_files=(),
                 with_stance=False):
    """Read CORPUS and analyse every article, with a progress bar.

    ``with_stance`` is False, True (the shipped model) or a model file path.
    """
    from .pipeline import Analyzer, CorpusAnalysis
    from .stance import StanceScorer

    articles = load_articles(settings, corpus, max_size, outlets_file)
    backend = get_backend(settings, models, tier)
    scorer = StanceScorer.load(with_stance) if isinstance(with_stance, str) else None
    analyzer = Analyzer(backend, stance=scorer, speakers=tuple(speaker_files), with_stance=bool(with_stance))
    with settings.progress(analyzer.analyze_many(articles), length=len(articles), label="analysing") as bar:
        results = list(bar)
    return CorpusAnalysis(results, analyzer.tier)


QUOTE_COLUMNS = ["doc", "outlet", "start", "end", "content", "kind", "cue", "cue_lemma", "connotation",
                 "mention", "mention_start", "mention_end", "speaker", "group", "speaker_source",
                 "confidence", "sentence"]


def quote_rows(analysis) -> list[dict]:
    labels = analysis.labels
    rows = []
    for q in analysis.quotes:
        row = q.to_dict()
        row["outlet"] = labels.get(q.doc, q.outlet)
        rows.append(row)
    return rows


@cli.command("quotes")
@corpus_options
@model_options
@speaker_option
@output_options()
@click.pass_obj
def quotes_cmd(settings, corpus, max_size, outlets_file, models, tier, speaker_files, fmt, output):
    """Extract every quote in CORPUS and say who said it.

    One row a quote: the content span (character offsets into the raw
    article text), its kind (direct, mixed, indirect), the reporting
    expression (cue) and its connotation, the words naming the speaker
    (mention), the canonical speaker and its group, and a confidence.

    \b
    Examples:
      framing quotes examples/kozlov-visit
      framing quotes examples/kozlov-visit --format jsonl > quotes.jsonl
      framing quotes my-corpus/ --speakers my-speakers.csv -f csv -o quotes.csv
    """
    analysis = run_analysis(settings, corpus, max_size, outlets_file, models, tier, speaker_files)
    columns = QUOTE_COLUMNS if fmt != "table" else ["doc", "outlet", "speaker", "group", "kind", "cue", "content"]
    write_rows(quote_rows(analysis), fmt, output, columns)


@cli.command("speakers")
@corpus_options
@model_options
@speaker_option
@output_options()
@click.pass_obj
def speakers_cmd(settings, corpus, max_size, outlets_file, models, tier, speaker_files, fmt, output):
    """Who gets to speak: quotes and words quoted, per speaker and outlet.

    \b
    Example:
      framing speakers examples/kozlov-visit
    """
    from .aggregate import speaker_table

    analysis = run_analysis(settings, corpus, max_size, outlets_file, models, tier, speaker_files)
    write_rows(speaker_table(analysis.quotes, analysis.labels), fmt, output,
               ["speaker", "group", "outlet", "quotes", "words", "total_quotes"])


@cli.group("evaluate")
def evaluate_group():
    """Compare framing's output with gold annotations."""


@evaluate_group.command("quotes")
@corpus_options
@model_options
@speaker_option
@click.option("--gold", "gold_file", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Gold quotes JSONL (doc, start, end, speaker, accept), as in the development set.")
@click.option("--system", "system_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Score this quotes JSONL instead of running the extractor.")
@click.option("--errors/--no-errors", default=True, show_default=True, help="List each error after the figures.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.pass_obj
def evaluate_quotes_cmd(settings, corpus, max_size, outlets_file, models, tier, speaker_files, gold_file,
                        system_file, errors, as_json):
    """Score quote detection and attribution against gold.

    Prints detection precision, recall and F1, attribution accuracy on
    matched quotes and end-to-end F1 (the same figures, computed the same
    way, as the shared score_quotes.py), then each error: missed,
    spurious, wrong speaker.

    \b
    Example:
      framing evaluate quotes ../shared/corpus/kozlov-2023 \\
          --gold ../shared/corpus/kozlov-2023/gold/quotes.jsonl
    """
    import json

    from .evaluate import evaluate_quotes
    from .io import read_jsonl

    gold = _read_gold(gold_file)
    if system_file:
        system = read_jsonl(system_file)
    else:
        system = quote_rows(run_analysis(settings, corpus, max_size, outlets_file, models, tier, speaker_files))
    result = evaluate_quotes(gold, system)
    if as_json:
        click.echo(json.dumps(result.summary()))
    else:
        for key, value in result.summary().items():
            click.echo(f"{key:22} {value}")
    if errors and not as_json and result.errors:
        click.echo(f"\n{len(result.errors)} errors:")
        for e in result.errors:
            who = f"got {e['speaker']!r}, want {e['expected']!r}" if e["error"] == "wrong speaker" else \
                e["speaker"] or e["expected"]
            click.echo(f"  {e['error']:13} {e['doc']}  {who}: {' '.join(e['text'].split())[:100]}")


@evaluate_group.command("stance")
@corpus_options
@model_options
@click.option("--gold", "gold_file", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Gold stance JSONL (doc, topic, label, evidence).")
@click.option("--model", "model_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Stance model JSON [default: the shipped model].")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.pass_obj
def evaluate_stance_cmd(settings, corpus, max_size, outlets_file, models, tier, gold_file, model_file, as_json):
    """Label accuracy of the stance classifier on gold sentences.

    Each gold row is matched to the sentence containing its evidence; the
    lexicon-only labels are scored beside the classifier's.
    """
    import json

    from .evaluate import evaluate_stance
    from .io import read_jsonl

    gold = read_jsonl(gold_file)
    for n, row in enumerate(gold, 1):
        if not {"doc", "topic", "label", "evidence"} <= set(row):
            raise ValueError(f"{gold_file}: line {n} lacks one of doc, topic, label, evidence")
    analysis = run_analysis(settings, corpus, max_size, outlets_file, models, tier, with_stance=model_file or True)
    result = evaluate_stance(gold, analysis.results)
    if as_json:
        click.echo(json.dumps({k: v for k, v in result.items() if k != "details"}))
        return
    for key in ("rows", "correct", "accuracy", "lexicon_accuracy"):
        click.echo(f"{key:22} {result[key]}")
    wrong = [d for d in result["details"] if d["predicted"] != d["gold"]]
    if wrong:
        click.echo(f"\n{len(wrong)} errors:")
        for d in wrong:
            click.echo(f"  {d['doc']}  {d['topic']:9} gold {d['gold']:9} got {d['predicted']:9} {d['evidence'][:70]}")


def _read_gold(path):
    import json

    from .io import read_jsonl

    try:
        rows = read_jsonl(path)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: not a JSONL file ({exc})") from None
    need = {"doc", "start", "end"}
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not need <= set(row):
            raise ValueError(f"{path}: line {n} lacks one of {', '.join(sorted(need))}")
        row.setdefault("accept", [row.get("speaker", "")])
    return rows


@cli.command("stance")
@corpus_options
@model_options
@speaker_option
@click.option("--by", type=click.Choice(["outlet", "sentence", "lexicon"]), default="outlet", show_default=True,
              help="outlet: label shares and stance index per outlet and topic; sentence: every scored "
                   "sentence with its label, confidence and the terms that drove it; lexicon: hedges, boosters, "
                   "allegation and denial markers per 1,000 words per outlet.")
@click.option("--model", "model_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Stance model JSON from 'framing train' [default: the shipped model].")
@output_options()
@click.pass_obj
def stance_cmd(settings, corpus, max_size, outlets_file, models, tier, speaker_files, by, model_file, fmt, output):
    """How each outlet frames the arms-transfer allegations and the sanctions.

    Every sentence about a topic is labelled assert (the outlet's own voice,
    as fact), attribute (a named source's claim), hedge (own voice, marked
    uncertain), deny (reporting a denial) or none. Per outlet and topic:
    the share of each label and a stance index in [-1, 1] (assert +1, hedge
    +0.5, attribute +0.25, deny -1; the mean over labelled sentences) with a
    bootstrap 95% confidence interval, and the same index from the lexicons
    alone so you can see where the two disagree.

    \b
    Examples:
      framing stance examples/kozlov-visit
      framing stance examples/kozlov-visit --by sentence -f csv -o sentences.csv
      framing stance examples/kozlov-visit --by lexicon
    """
    from .aggregate import lexicon_rates, outlet_stance

    analysis = run_analysis(settings, corpus, max_size, outlets_file, models, tier, speaker_files,
                            with_stance=model_file or True)
    labels = analysis.labels
    if by == "sentence":
        rows = [{**s.to_dict(), "outlet": labels.get(s.doc, s.doc)} for s in analysis.sentences]
        columns = ["doc", "outlet", "sentence", "start", "end", "topic", "label", "confidence", "lexicon_label",
                   "in_quote", "speaker_group", "terms", "text"]
        if fmt == "table":
            columns = ["doc", "topic", "label", "confidence", "lexicon_label", "terms", "text"]
        write_rows(rows, fmt, output, columns)
    elif by == "lexicon":
        write_rows(lexicon_rates(analysis.results, labels), fmt, output)
    else:
        rows = outlet_stance(analysis.sentences, labels)
        columns = None
        if fmt == "table":
            columns = ["outlet", "topic", "sentences", "share_assert", "share_attribute", "share_hedge",
                       "share_deny", "share_none", "index", "ci_low", "ci_high", "lexicon_index"]
        write_rows(rows, fmt, output, columns)


@cli.command("train")
@click.option("--data", "data_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Labelled sentences JSONL (text, topic, label) [default: framing's own].")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Where to write the model JSON [default: replace the shipped model].")
@click.pass_obj
def train_cmd(settings, data_file, output):
    """Rebuild the stance classifier from labelled sentences (deterministic).

    Trains on all sentences, stores the cross-validated macro-F1 with the
    model and prints it. The model is plain JSON (feature names,
    coefficients), never a pickle; two runs on the same data give the same
    file.

    \b
    Example:
      framing train -o my-model.json && framing stance CORPUS --model my-model.json
    """
    from .stance import MODEL_FILE, cross_validate, load_training_data, train, trained_path

    rows = load_training_data(data_file)
    model = train(rows)
    model.cv = cross_validate(rows)
    target = output or trained_path(MODEL_FILE)
    model.save(target)
    settings.say(f"trained on {len(rows)} sentences -> {target}")
    click.echo(f"cross-validated macro-F1: {model.cv['stratified']:.3f} (5-fold stratified), "
               f"{model.cv['patterns_held_out']:.3f} (whole patterns held out)")


@cli.command("report")
@corpus_options
@model_options
@speaker_option
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
              help="Directory to write the report into (must not exist, or be empty, unless --force).")
@click.option("--title", default="", help="Title on the cover page.")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="A study config (TOML, see reports/) for outlet labels and gold files.")
@click.option("--svg", is_flag=True, help="Also write every figure as SVG.")
@click.option("--force", is_flag=True, help="Replace OUTDIR if it exists.")
@click.pass_obj
def report_cmd(settings, corpus, max_size, outlets_file, models, tier, speaker_files, outdir, title, config_file,
               svg, force):
    """Write a comparison report of CORPUS: PDF, PNG figures, data, manifest.

    \b
    OUTDIR/report.pdf        A4 report: cover, share of voice, speakers,
                             stance, framing words, reporting verbs, quotes,
                             appendix (method, lexicons, model, hashes)
    OUTDIR/figures/*.png     each figure (SVG too with --svg)
    OUTDIR/data/*.csv|jsonl  the data behind every figure
    OUTDIR/manifest.json     inputs with sha256, versions, tier, config

    \b
    Example:
      framing report examples/kozlov-visit -o out/ --title "Kozlov visit"
    """
    from .reproduce import load_config, run_study

    config = load_config(config_file) if config_file else {}
    written = run_study(settings, corpus, outdir, config=config, title=title, svg=svg, force=force,
                        read=(max_size, outlets_file), models=models, tier=tier, speaker_files=speaker_files)
    for kind, paths in written.items():
        settings.say(f"{kind:8} {', '.join(paths) if len(paths) < 4 else f'{len(paths)} files in {outdir}'}")
    settings.say(f"report written to {outdir}/report.pdf")


@cli.command("reproduce")
@click.argument("config_file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
              help="Directory for every table, figure and the evaluation.")
@click.option("--check", is_flag=True, help="Compare with the stored expected summary and print what drifted.")
@click.option("--store-expected", is_flag=True,
              help="Store this run's summary as the expected one (CONFIG.expected.json beside the config).")
@click.option("--force", is_flag=True, help="Replace OUTDIR if it exists.")
@click.option("--models", type=click.Path(file_okay=False), default=None, envvar="STANZA_RESOURCES_DIR",
              help="stanza models directory.")
@click.pass_obj
def reproduce_cmd(settings, config_file, outdir, check, store_expected, force, models):
    """Regenerate every table and figure of a study from its config.

    Reads the TOML config (corpus, outlet labels, gold files), writes the
    report, its data and the evaluation against gold into OUTDIR and prints
    where each output went. With --check, compares the result with the
    expected summary stored beside the config (hashes and key figures) and
    exits 1 if anything drifted.

    \b
    Example:
      framing reproduce reports/kozlov-2023.toml -o out/kozlov-2023 --check
    """
    from .reproduce import check_summary, reproduce
    from .reproduce import store_expected as store

    summary = reproduce(settings, config_file, outdir, force=force, models=models)
    if store_expected:
        click.echo(f"expected summary stored in {store(config_file, summary)}")
    if check:
        drift = check_summary(config_file, summary)
        if drift:
            for line in drift:
                click.echo(f"drift: {line}")
            raise click.exceptions.Exit(1)
        click.echo("check: no drift from the expected summary")


@cli.command("exercise")
@corpus_options
@model_options
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
              help="Directory for the worksheets and answer keys.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["sources", "verbs", "hedges", "compare"]),
              help="Which exercise (repeatable) [default: all four].")
@click.option("--seed", default=1, show_default=True, help="Same seed, same worksheet.")
@click.option("--level", type=click.Choice(["intro", "advanced"]), default="intro", show_default=True)
@click.option("--articles", default="", help="Comma-separated article ids to draw from [default: all].")
@click.option("--force", is_flag=True, help="Replace OUTDIR if it exists.")
@click.pass_obj
def exercise_cmd(settings, corpus, max_size, outlets_file, models, tier, outdir, kinds, seed, level, articles, force):
    """Classroom worksheets with answer keys (PDF and Markdown) from CORPUS.

    \b
    Kinds:
      sources  "Who gets to speak?"  list the sources quoted, their group, their room
      verbs    "Said, claimed or admitted?"  reporting verbs blanked out
      hedges   "Fact, claim, hedge or denial?"  label how a claim is presented
      compare  "Same story, two outlets"  aligned excerpts on the same fact

    Each kind gives KIND_worksheet.pdf/.md for students and KIND_key.pdf/.md
    for the teacher (items where the tool is unsure are marked), plus a
    plain-language teacher_guide.md.

    \b
    Example:
      framing exercise examples/kozlov-visit -o lesson/ --kind hedges --seed 3
    """
    from .exercises import KINDS, write_exercise

    analysis = run_analysis(settings, corpus, max_size, outlets_file, models, tier, with_stance=True)
    chosen = [a for a in articles.split(",") if a.strip()] or None
    written = write_exercise(analysis, outdir, kinds or KINDS, seed, level, chosen, force)
    for name in written:
        click.echo(f"{outdir}/{name}")


def main(argv=None):
    """Console-script entry point."""
    return cli.main(args=argv, prog_name="framing")


if __name__ == "__main__":  # pragma: no cover
    main()
