"""The command line: version, help that teaches, models commands."""
from click.testing import CliRunner

from framing import __version__
from framing.cli import cli

from .conftest import EXAMPLES, STANZA_DIR, needs_stanza


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_version():
    assert run("--version").stdout.strip() == f"framing, version {__version__}"


def test_every_command_has_help_with_an_example():
    for command in ("corpus", "quotes", "speakers", "stance", "report", "exercise", "analyze", "reproduce", "train"):
        text = run(command, "--help").stdout
        assert "Usage: " in text and ("Example" in text or "framing " in text), command


def test_models_list_without_models_says_builtin(tmp_path):
    result = run("models", "list", "--models", tmp_path, "-f", "csv")
    assert result.exit_code == 0 and "quality tier available: builtin" in result.stderr


@needs_stanza
def test_models_list_sees_the_tokenizer():
    result = run("models", "list", "--models", STANZA_DIR, "-f", "jsonl")
    assert '"processor": "tokenize", "installed": true' in result.stdout
    assert "stanza-tokenize" in result.stderr


def test_models_download_fails_fast_offline(tmp_path, monkeypatch):
    import requests

    def offline(*args, **kwargs):
        raise requests.ConnectionError("no network")

    monkeypatch.setattr(requests, "head", offline)
    result = run("models", "download", "--models", tmp_path)
    assert result.exit_code == 3 and "cannot reach the stanza model server" in result.stderr


def test_tier_notice_is_said_once_on_stderr(tmp_path):
    result = run("quotes", EXAMPLES, "--tier", "builtin", "-f", "jsonl")
    assert result.stderr.count("quality tier: builtin") == 1
    assert "quality tier" not in result.stdout
