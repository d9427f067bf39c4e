"""The ``framing`` command line: a thin layer over the Python API.

Exit codes: 0 done (warnings may have been printed), 1 bad input (nothing
could be read, bad gold or config file), 2 usage error, 3 model or lexicon
problem, 4 output cannot be written, 130 interrupted.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from . import __version__
from .corpus import CorpusError, read_corpus
from .io import FORMATS, OutputError, write_rows
from .lexicon import LexiconError
from .nlp import ModelError, installed_processors, models_dir

EXIT_INPUT, EXIT_MODEL, EXIT_OUTPUT, EXIT_INTERRUPTED = 1, 3, 4, 130
_ERRORS = ((CorpusError, EXIT_INPUT), (ModelError, EXIT_MODEL), (LexiconError, EXIT_MODEL),
           (OutputError, EXIT_OUTPUT), (ValueError, EXIT_INPUT))  # LexiconError is a ValueError: first


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
        except BrokenPipeError:  # the reader left ("framing quotes ... | head"): stop quietly
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(0)
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


def engine_options(f):
    f = click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
                     help="Worker processes (each loads the models once).")(f)
    f = click.option("--no-cache", is_flag=True,
                     help="Do not read or write the per-article result cache ($FRAMING_CACHE_DIR).")(f)
    return f


def model_options(f):
    f = click.option("--models", type=click.Path(file_okay=False), default=None, envvar="STANZA_RESOURCES_DIR",
                     help="stanza models directory [default: $STANZA_RESOURCES_DIR, else stanza's own].")(f)
    f = click.option("--tier", type=click.Choice(["auto", "stanza", "builtin"]), default="auto", show_default=True,
                     help="NLP quality tier: auto uses stanza when a model is installed, else the built-in segmenter.")(f)
    return engine_options(f)


def load_articles(settings: Settings, corpus, max_size, outlets_file):
    """Read the corpus, warning per skipped file; errors if nothing was read."""
    return list(read_corpus(corpus, settings.warn, max_bytes=int(max_size * 1e6), outlets=outlets_file))


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


def topics_option(f):
    """--topics FILE / --extend-topics: the claims whose framing is scored (kept in ctx.meta for run_analysis)."""
    def keep(ctx, param, value):
        ctx.meta[param.name] = value
        return value

    f = click.option("--extend-topics", is_flag=True, expose_value=False, callback=keep,
                     help="Score the topics of --topics FILE besides the built-in ones (arms, sanctions).")(f)
    return click.option("--topics", "topics_file", type=click.Path(exists=True, dir_okay=False), default=None,
                        expose_value=False, callback=keep,
                        help="Topics to score instead of the built-in ones: a CSV with columns term, topic, "
                             "weight, as lexicons/topics.csv (see its header).")(f)


def topic_settings() -> tuple[str | None, bool]:
    """(topics file, extend) given to the running command."""
    meta = click.get_current_context().meta
    return meta.get("topics_file"), bool(meta.get("extend_topics"))


def speaker_option(f):
    return click.option("--speakers", "speaker_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                        help="Your own speaker registry CSV (columns as lexicons/speakers.csv); repeatable.")(f)


def run_analysis(settings: Settings, corpus, max_size, outlets_file, models, tier, speaker_files=(),
                 with_stance=False):
    """``analyze_corpus`` with the current command's options, notices and progress bar.

    ``with_stance`` is False, True (the shipped model) or a model file path.
    """
    from .engine import AnalysisConfig
    from .pipeline import analyze_corpus

    params = click.get_current_context().params
    config = AnalysisConfig(models, tier, tuple(speaker_files),
                            with_stance if isinstance(with_stance, str) else None, bool(with_stance),
                            *topic_settings())

    def progress(stream, length):
        with settings.progress(stream, length=length, label="analysing") as bar:
            yield from bar

    return analyze_corpus(corpus, config=config, jobs=params.get("jobs", 1), cache=not params.get("no_cache", False),
                          warn=settings.warn, say=lambda m: settings.say(m, once=True), progress=progress,
                          max_bytes=int(max_size * 1e6), outlets=outlets_file)


def say_tier(settings: Settings, config, jobs: int = 1) -> None:
    """Say once which quality tier runs (models load later, only if needed)."""
    from .engine import tier_notice

    settings.say(tier_notice(config, jobs), once=True)


QUOTE_COLUMNS = ["doc", "outlet", "start", "end", "content", "kind", "cue", "cue_lemma", "connotation",
                 "mention", "mention_start", "mention_end", "speaker", "group", "speaker_source",
                 "confidence", "sentence", "fragments"]


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
def quotes_cmd(settings, corpus, max_size, outlets_file, models, tier, jobs, no_cache, speaker_files, fmt, output):
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
def speakers_cmd(settings, corpus, max_size, outlets_file, models, tier, jobs, no_cache, speaker_files, fmt, output):
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
              help="Gold quotes JSONL (doc, start, end, speaker, accept), as in the development set, "
                   "or PolNeAR's attributions.jsonl.")
@click.option("--system", "system_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Score this quotes JSONL instead of running the extractor.")
@click.option("--errors/--no-errors", default=True, show_default=True, help="List each error after the figures.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.pass_obj
def evaluate_quotes_cmd(settings, corpus, max_size, outlets_file, models, tier, jobs, no_cache, speaker_files, gold_file,
                        system_file, errors, as_json):
    """Score quote detection and attribution against gold.

    Prints detection precision, recall and F1, attribution accuracy on
    matched quotes and end-to-end F1 (the same figures, computed the same
    way, as the shared score_quotes.py), then each error: missed,
    spurious, wrong speaker.

    GOLD may also be PolNeAR's attributions.jsonl (recognised by its keys):
    then the figures are those of score_polnear.py (precision; recall over
    all attributions, attributions of saying and quoted ones; attribution
    accuracy; end-to-end F1 on attributions of saying).

    \b
    Examples:
      framing evaluate quotes ../shared/corpus/kozlov-2023 \\
          --gold ../shared/corpus/kozlov-2023/gold/quotes.jsonl
      framing evaluate quotes ../shared/polnear/dev/text \\
          --gold ../shared/polnear/dev/attributions.jsonl --no-errors
    """
    import json

    from .evaluate import QUOTE_GOLD_COLUMNS, evaluate_quotes, read_gold
    from .io import read_jsonl
    from .polnear import errors as polnear_errors, is_polnear, score as polnear_score

    gold = read_gold(gold_file, QUOTE_GOLD_COLUMNS)
    if system_file:
        system = read_jsonl(system_file)
    else:
        system = quote_rows(run_analysis(settings, corpus, max_size, outlets_file, models, tier, speaker_files))
    if is_polnear(gold):
        summary, found = polnear_score(gold, system), polnear_errors(gold, system) if errors else []
    else:
        result = evaluate_quotes(gold, system)
        summary, found = result.summary(), result.errors
    if as_json:
        click.echo(json.dumps(summary))
    else:
        for key, value in summary.items():
            click.echo(f"{key:22} {value}")
    if errors and not as_json and found:
        click.echo(f"\n{len(found)} errors:")
        for e in found:
            who = f"got {e['speaker']!r}, want {e['expected']!r}" if e["error"] == "wrong speaker" else \
                e["speaker"] or e["expected"]
            click.echo(f"  {e['error']:13} {e['doc']}  {who}: {' '.join(e['text'].split())[:100]}")


@evaluate_group.command("stance")
@corpus_options
@model_options
@topics_option
@click.option("--gold", "gold_file", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Gold stance JSONL (doc, topic, label, evidence).")
@click.option("--model", "model_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Stance model JSON [default: the shipped model].")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.pass_obj
def evaluate_stance_cmd(settings, corpus, max_size, outlets_file, models, tier, jobs, no_cache, gold_file, model_file, as_json):
    """Stance labels against gold sentences: where it fails, and how.

    Each gold row is matched to the sentence containing its evidence. Prints
    accuracy (a row is right when the label is one the gold accepts) and,
    beside it, that of the lexicon-only rule, of the classifier (trained with
    framing's synthetic sentences as a minority: model_label) and of the same
    classifier trained without them; then per-label precision and recall, a
    confusion matrix, the rows never labelled (topic missed) apart from the
    rows labelled wrong, and each error with its sentence and the decisions
    behind its label (why).

    \b
    Example:
      framing evaluate stance ../shared/corpus/nk-russia-2023-24 \\
          --gold ../shared/corpus/nk-russia-2023-24/gold/stance.jsonl
    """
    import json

    from .evaluate import STANCE_GOLD_COLUMNS, evaluate_stance, read_gold

    gold = read_gold(gold_file, STANCE_GOLD_COLUMNS)
    analysis = run_analysis(settings, corpus, max_size, outlets_file, models, tier, with_stance=model_file or True)
    result = evaluate_stance(gold, analysis.results)
    if as_json:
        click.echo(json.dumps({k: v for k, v in result.items() if k != "details"}))
        return
    for key in ("rows", "correct", "accuracy", "lexicon_accuracy", "model_accuracy",
                "model_accuracy_without_synthetic", "unlabelled", "labelled_wrong"):
        click.echo(f"{key:33} {result[key]}")
    _stance_model_note(model_file, corpus)
    click.echo("\nper label              precision  recall  gold  predicted")
    for label, f in result["per_label"].items():
        show = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
        click.echo(f"  {label:20} {show(f['precision']):>9}  {show(f['recall']):>6}  {f['gold']:>4}  {f['predicted']:>9}")
    columns = list(next(iter(result["confusion"].values())))
    click.echo("\nconfusion (rows: gold, columns: framing)")
    click.echo("  " + " " * 10 + "".join(f"{c:>12}" for c in columns))
    for gold_label, counts in result["confusion"].items():
        click.echo(f"  {gold_label:10}" + "".join(f"{counts[c]:>12}" for c in columns))
    wrong = [d for d in result["details"] if not d["right"]]
    if wrong:
        click.echo(f"\n{len(wrong)} errors:")
        for d in sorted(wrong, key=lambda d: d["predicted"] not in ("no-topic", "no-sentence")):
            kind = "topic missed" if d["predicted"] in ("no-topic", "no-sentence", "missing-doc") else "wrong label"
            click.echo(f"  {kind:13} {d['doc']}  {d['topic']:9} gold {d['gold']:9} got {d['predicted']:11} "
                       f"{' '.join(d['evidence'].split())[:90]}" + (f"\n  {'':13} why: {d['why']}" if d["why"] else ""))


def _stance_model_note(model_file, corpus) -> None:
    """What the classifier was trained on and its cross-validation, and whether ``corpus`` was in it."""
    from .stance import StanceModel

    model = StanceModel.load(model_file)
    if not model.cv:
        return
    acc = model.cv["accuracy"]
    click.echo(f"classifier trained on: {'; '.join(model.trained_on)}")
    click.echo(f"  cross-validated by article there: decisions {acc['decisions']}, classifier {acc['with_synthetic']} "
               f"(with synthetic sentences), {acc['without_synthetic']} (without)")
    if any(t.split(":")[0] == Path(corpus).name for t in model.trained_on):
        click.echo(f"  {Path(corpus).name} is in its training data: the model accuracies above are in-sample")


@cli.command("stance")
@corpus_options
@model_options
@topics_option
@speaker_option
@click.option("--by", type=click.Choice(["outlet", "sentence", "lexicon"]), default="outlet", show_default=True,
              help="outlet: label shares and stance index per outlet and topic; sentence: every scored "
                   "sentence with its label, confidence and the terms that drove it; lexicon: hedges, boosters, "
                   "allegation and denial markers per 1,000 words per outlet.")
@click.option("--model", "model_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Stance model JSON from 'framing train stance' [default: the shipped model].")
@output_options()
@click.pass_obj
def stance_cmd(settings, corpus, max_size, outlets_file, models, tier, jobs, no_cache, speaker_files, by, model_file, fmt, output):
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
        columns = ["doc", "outlet", "sentence", "start", "end", "headline", "topic", "label", "why", "confidence",
                   "model_label", "lexicon_label", "in_quote", "speaker_group", "terms", "text"]
        if fmt == "table":
            columns = ["doc", "topic", "label", "why", "terms", "text"]
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


@cli.group("train")
def train_group():
    """Rebuild framing's trained models (deterministic; plain JSON, never a pickle).

    \b
    framing train quotes PART   the quote extractor's decisions, from PolNeAR
    framing train voice PART    whose voice a stretch of a sentence is in, from PolNeAR
    framing train stance CORPUS...  the stance classifier, from labelled real sentences
    """


@train_group.command("quotes")
@click.argument("part", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Where to write the model JSON [default: replace the shipped model].")
@click.option("--folds", default=5, show_default=True, help="Cross-validation folds (by article).")
@click.pass_obj
def train_quotes_cmd(settings, part, output, folds):
    """Learn the quote extractor's decisions from a PolNeAR part (PART: its train/ folder).

    Every candidate the extractor weighs (passages between quotation marks,
    reporting expressions found by the rules) is labelled by PolNeAR's human
    attributions; a logistic regression per decision is fitted on them. The
    cross-validation (by article) is stored with the model and printed. The
    model holds feature weights only, no text of the corpus.

    \b
    Example:
      framing train quotes ../shared/polnear/train -o quote-model.json
    """
    from .io import atomic_write
    from .polnear import train
    from .quote_model import MODEL_FILE
    from .trained import trained_path

    def bar(items):
        with settings.progress(items, length=len(items), label="candidates") as shown:
            yield from shown

    model = train(part, folds, progress=bar)
    target = output or trained_path(MODEL_FILE)
    with atomic_write(target) as fh:
        fh.write(model.to_json())
    cv = model.meta["cross_validation"]
    settings.say(f"trained on {model.meta['trained_on']} -> {target}")
    e2e = cv["end_to_end"]
    click.echo(f"{folds}-fold cross-validation by article: precision {e2e['precision']}, recall speech "
               f"{e2e['recall_speech']}, recall quoted {e2e['recall_quoted']}, attribution "
               f"{e2e['attribution_accuracy']}, end-to-end F1 speech {e2e['end_to_end_f1_speech']}")
    for name, figures in cv["decisions"].items():
        click.echo(f"  decision {name}: precision {figures['precision']}, recall {figures['recall']}, "
                   f"F1 {figures['f1']}")


@train_group.command("voice")
@click.argument("part", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Where to write the model JSON [default: replace the shipped model].")
@click.option("--folds", default=5, show_default=True, help="Cross-validation folds (by article).")
@click.pass_obj
def train_voice_cmd(settings, part, output, folds):
    """Learn the stance voice decision from a PolNeAR part (PART: its train/ folder).

    Every third word of every sentence is labelled by whether a human-annotated
    attribution of saying covers it; a logistic regression over the cue words
    around it (learned from the annotated cues), quotation marks, "that" and
    "according to" learns to tell a source's words from the writer's. The
    threshold and the cross-validation (by article) are stored with the model
    and printed. The model holds a cue vocabulary and weights, no text.

    \b
    Example:
      framing train voice ../shared/polnear/train -o voice-model.json
    """
    from .io import atomic_write
    from .trained import trained_path
    from .voice import MODEL_FILE, train

    def bar(items):
        with settings.progress(items, length=len(items), label="articles") as shown:
            yield from shown

    model = train(part, folds, progress=bar)
    target = output or trained_path(MODEL_FILE)
    with atomic_write(target) as fh:
        fh.write(model.to_json())
    cv = model.meta["cross_validation"]
    settings.say(f"trained on {model.meta['trained_on']} -> {target}")
    click.echo(f"{folds}-fold cross-validation by article: accuracy {cv['accuracy']} (majority "
               f"{cv['majority_baseline']}), attributed precision {cv['precision_attributed']}, recall "
               f"{cv['recall_attributed']}; threshold {model.decision.threshold}")


@train_group.command("stance")
@click.argument("corpora", nargs=-1, type=click.Path(exists=True, file_okay=False))
@click.option("--data", "data_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Synthetic labelled sentences JSONL (text, topic, label) [default: framing's own].")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Where to write the model JSON [default: replace the shipped model].")
@click.pass_obj
def train_stance_cmd(settings, corpora, data_file, output):
    """Rebuild the stance classifier from real labelled sentences (deterministic).

    CORPORA are corpus folders whose gold/stance.jsonl labels every topic
    sentence (see the gold README). Each row's evidence is read as
    documents are scored (built-in tier); framing's synthetic sentences join
    as a minority (at most a third). A second classifier is trained on the
    real sentences alone. Both weigh the evidence of the decisions, never
    words, and are stored as plain JSON with their cross-validation by
    article, which is printed beside that of the decisions themselves.

    \b
    Example (the shipped model):
      framing train stance ../shared/corpus/kozlov-2023 ../shared/corpus/nk-russia-2023-24
    """
    from .stance import MODEL_FILE
    from .stance_training import cross_validate, gold_examples, load_training_data, minority, synthetic_examples, \
        train
    from .trained import trained_path

    real, trained_on = [], []
    for corpus in corpora:
        if not (Path(corpus) / "gold" / "stance.jsonl").is_file():
            raise click.UsageError(f"{corpus}: no gold/stance.jsonl (a corpus with labelled topic sentences)")
        examples, missed = gold_examples(corpus)
        real += examples
        trained_on.append(f"{Path(corpus).name}: {len(examples)} of {len(examples) + missed} rows"
                          + (f" ({missed} left out: topic not found)" if missed else ""))
    synthetic = synthetic_examples(load_training_data(data_file))
    model = train(real, synthetic)
    trained_on.append(f"synthetic: {len(minority(synthetic, real))} of {len(synthetic)} sentences")
    model.trained_on = trained_on
    if real:
        model.cv = cross_validate(real, synthetic)
    target = output or trained_path(MODEL_FILE)
    model.save(target)
    settings.say(f"trained on {'; '.join(trained_on)} -> {target}")
    if not real:
        click.echo("no real sentences given: the synthetic sentences are the whole training data")
        return
    acc = model.cv["accuracy"]
    click.echo(f"accuracy on {model.cv['examples']} real sentences, cross-validated by article "
               f"({model.cv['folds']} folds, {model.cv['articles']} articles): decisions {acc['decisions']}, "
               f"classifier {acc['with_synthetic']} (with synthetic sentences), {acc['without_synthetic']} "
               f"(without), {acc['synthetic_only']} (synthetic only)")


@cli.command("report")
@corpus_options
@model_options
@topics_option
@speaker_option
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
              help="Directory to write the report into (must not exist, or be empty, unless --force).")
@click.option("--title", default="", help="Title on the cover page.")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="A study config (TOML, see reports/) for outlet labels and gold files.")
@click.option("--svg", is_flag=True, help="Also write every figure as SVG.")
@click.option("--force", is_flag=True, help="Replace OUTDIR if it exists.")
@click.pass_obj
def report_cmd(settings, corpus, max_size, outlets_file, models, tier, jobs, no_cache, speaker_files, outdir, title, config_file,
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
    from .reproduce import load_config, study_options, write_study

    config = load_config(config_file) if config_file else {}
    options = study_options(config) if config else {}
    analysis = run_analysis(settings, corpus, max_size, outlets_file, options.get("models") or models,
                            options.get("tier", tier), speaker_files, with_stance=True)
    written = write_study(analysis, outdir, config=config, title=title, svg=svg, force=force)
    for kind, paths in written.items():
        settings.say(f"{kind:8} {', '.join(paths) if len(paths) < 4 else f'{len(paths)} files in {outdir}'}")
    settings.say(f"report written to {outdir}/report.pdf")


@cli.command("view")
@corpus_options
@model_options
@topics_option
@speaker_option
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
              help="Directory for the pages (must not exist, or be empty, unless --force).")
@click.option("--exercise", is_flag=True, help="Classroom mode: speakers, groups and labels hidden until 'Show'.")
@click.option("--title", default="", help="Title of the index page.")
@click.option("--force", is_flag=True, help="Replace OUTDIR if it exists.")
@click.pass_obj
def view_cmd(settings, corpus, max_size, outlets_file, models, tier, jobs, no_cache, speaker_files, outdir, exercise,
             title, force):
    """Write an annotated HTML view of CORPUS: read each article with its analysis on it.

    A static site that opens from the file system in any browser (no server,
    nothing loaded from the network):

    \b
    OUTDIR/index.html            every article: outlet, date, headline, quotes,
                                 speakers, stance per topic (sort, filter)
    OUTDIR/articles/*.html       the text with quotes highlighted by speaker
                                 group, speaker and cue marked, topic sentences
                                 labelled; hover or focus a quote for details
    OUTDIR/speakers/*.html       every quote of one speaker, outlet by outlet

    With --exercise the answers (speakers, groups, stance labels) stay hidden
    until the reader chooses "Show", for class discussion.

    \b
    Example:
      framing view examples/kozlov-visit -o out/view && open out/view/index.html
    """
    from .io import atomic_dir
    from .view import write_view

    analysis = run_analysis(settings, corpus, max_size, outlets_file, models, tier, speaker_files, with_stance=True)
    with atomic_dir(outdir, force=force) as tmp:
        files = write_view(analysis, tmp, exercise=exercise, title=title)
    settings.say(f"{len(files)} files written; open {Path(outdir) / 'index.html'}")


@cli.command("reproduce")
@click.argument("config_file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
              help="Directory for every table, figure and the evaluation.")
@click.option("--check", is_flag=True, help="Compare with the stored expected summary and print what drifted.")
@click.option("--store-expected", is_flag=True,
              help="Store this run's summary as the expected one (CONFIG.expected.json beside the config).")
@click.option("--force", is_flag=True, help="Replace OUTDIR if it exists.")
@click.option("--models", type=click.Path(file_okay=False), default=None, envvar="STANZA_RESOURCES_DIR",
              help="stanza models directory (when the config names none).")
@click.option("--no-cache", is_flag=True, help="Do not use the per-article result cache.")
@click.pass_obj
def reproduce_cmd(settings, config_file, outdir, check, store_expected, force, models, no_cache):
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

    from .engine import AnalysisConfig
    from .pipeline import analyze_corpus

    def analyze(path, tier="auto", models=None):
        return analyze_corpus(path, config=AnalysisConfig(models or default_models, tier), cache=not no_cache,
                              warn=settings.warn, say=lambda m: settings.say(m, once=True))

    default_models = models
    summary = reproduce(config_file, outdir, force=force, analyze=analyze)
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
@topics_option
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
              help="Directory for the worksheets and answer keys.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["sources", "verbs", "hedges", "compare"]),
              help="Which exercise (repeatable) [default: all four].")
@click.option("--seed", default=1, show_default=True, help="Same seed, same worksheet.")
@click.option("--level", type=click.Choice(["intro", "advanced"]), default="intro", show_default=True)
@click.option("--articles", default="", help="Comma-separated article ids to draw from [default: all].")
@click.option("--force", is_flag=True, help="Replace OUTDIR if it exists.")
@click.pass_obj
def exercise_cmd(settings, corpus, max_size, outlets_file, models, tier, jobs, no_cache, outdir, kinds, seed, level, articles, force):
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


@cli.command("analyze")
@corpus_options
@model_options
@topics_option
@speaker_option
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
              help="Directory for the partitioned results (part-00000.jsonl, ...).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine (--jobs processes); dask: a Dask cluster.")
@click.option("--scheduler", default=None, help="Dask scheduler address [default: start a LocalCluster].")
@click.option("--workers", default=2, show_default=True, help="Workers of the LocalCluster started for --engine dask.")
@click.option("--per-part", default=500, show_default=True, help="Articles per output partition.")
@click.option("--force", is_flag=True, help="Replace OUTDIR if it exists.")
@click.pass_obj
def analyze_cmd(settings, corpus, max_size, outlets_file, models, tier, jobs, no_cache, speaker_files, outdir, engine,
                scheduler, workers, per_part, force):
    """Analyse a large corpus into partitioned JSONL files (one article a line).

    Each line holds the article's metadata, its quotes and its scored
    sentences. The local engine streams articles through --jobs processes
    and the cache; the Dask engine runs the same per-article function on a
    cluster (--scheduler ADDRESS, or a LocalCluster) and writes the same files.

    \b
    Examples:
      framing analyze big-corpus/ -o results/ --jobs 2
      framing analyze manifest.csv -o results/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from .cache import ResultCache
    from .corpus import corpus_entries, read_corpus
    from .engine import AnalysisConfig, analyze_articles, result_record, run_dask, run_partitions, write_partitions
    from .io import atomic_dir

    topics, extend_topics = topic_settings()
    config = AnalysisConfig(models, tier, tuple(speaker_files), topics=topics, extend_topics=extend_topics)
    say_tier(settings, config, jobs if engine == "local" else 1)
    with atomic_dir(outdir, force=force) as tmp:
        if engine == "dask":
            entries = [(str(p), o) for p, o in corpus_entries(corpus, settings.warn)]
            parts = run_dask(entries, config, tmp, scheduler=scheduler, workers=workers, per_part=per_part,
                             log_level=logging.INFO if settings.verbose else logging.WARNING, warn=settings.warn,
                             outlets=outlets_file, max_bytes=int(max_size * 1e6))
        elif jobs > 1:  # each worker reads its articles and writes its own partitions
            entries = [(str(p), o) for p, o in corpus_entries(corpus, settings.warn)]
            parts = run_partitions(entries, config, tmp, jobs=jobs, per_part=per_part,
                                   cache_path=None if no_cache else str(ResultCache.default_path()),
                                   warn=settings.warn, outlets=outlets_file, max_bytes=int(max_size * 1e6))
        else:
            cache = None if no_cache else ResultCache()
            articles = read_corpus(corpus, settings.warn, max_bytes=int(max_size * 1e6), outlets=outlets_file)
            try:
                results = analyze_articles(articles, config, jobs=jobs, cache=cache)
                parts = write_partitions((result_record(r, r.article.source_label) for r in results), tmp, per_part)
            finally:
                if cache:
                    cache.close()
    settings.say(f"{len(parts)} partition(s) written to {outdir}")


@cli.group("cache")
def cache_group():
    """Inspect or clear the per-article result cache ($FRAMING_CACHE_DIR)."""


@cache_group.command("info")
@output_options()
def cache_info(fmt, output):
    """Entries per pipeline stage, and where the cache lives."""
    from .cache import ResultCache

    cache = ResultCache()
    info = cache.info()
    cache.close()
    rows = [{"stage": s["stage"], "entries": s["entries"], "fingerprints": s["fingerprints"],
             "payload_bytes": s["payload_bytes"]} for s in info["stages"]]
    write_rows(rows, fmt, output, ["stage", "entries", "fingerprints", "payload_bytes"])
    click.echo(f"cache: {info['path']} ({info['bytes']:,} bytes)", err=True)


@cache_group.command("clear")
def cache_clear():
    """Delete every cached result."""
    from .cache import ResultCache

    cache = ResultCache()
    n = cache.clear()
    cache.close()
    click.echo(f"removed {n} cached results from {cache.path}")


def main(argv=None):
    """Console-script entry point."""
    return cli.main(args=argv, prog_name="framing")


if __name__ == "__main__":  # pragma: no cover
    main()
