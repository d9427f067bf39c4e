"""Shared fixtures: paths to the example corpus and to ../shared when present."""
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "kozlov-visit"
SHARED = ROOT.parent / "shared"
DEV_CORPUS = SHARED / "corpus" / "kozlov-2023"
STANZA_DIR = Path(os.environ.get("STANZA_RESOURCES_DIR") or SHARED / "stanza_resources")
FIXTURES = Path(__file__).parent / "fixtures"

needs_shared = pytest.mark.skipif(not DEV_CORPUS.is_dir(), reason="../shared/corpus/kozlov-2023 is not beside the checkout")
needs_stanza = pytest.mark.skipif(not (STANZA_DIR / "en" / "tokenize").is_dir(),
                                  reason="no stanza tokenize model ($STANZA_RESOURCES_DIR or ../shared/stanza_resources)")


@pytest.fixture(scope="session")
def stanza_backend():
    if not (STANZA_DIR / "en" / "tokenize").is_dir():
        pytest.skip("no stanza tokenize model")
    from framing.nlp import StanzaBackend
    return StanzaBackend(STANZA_DIR)


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Tests never touch the user's result cache."""
    old = os.environ.get("FRAMING_CACHE_DIR")
    os.environ["FRAMING_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        os.environ.pop("FRAMING_CACHE_DIR", None)
    else:
        os.environ["FRAMING_CACHE_DIR"] = old
