"""The built wheel carries the lexicons, the models, the training data and the view's templates (a user's `pip install .`)."""
import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT


def test_wheel_ships_data_files(tmp_path):
    pytest.importorskip("setuptools")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-2000:]
    [wheel] = tmp_path.glob("framing-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for lexicon in (ROOT / "lexicons").glob("*"):
        if lexicon.suffix in (".csv", ".txt"):
            assert f"framing/lexicons/{lexicon.name}" in names
    assert {"framing/trained/stance_model.json", "framing/trained/stance_sentences.jsonl",
            "framing/trained/quote_model.json"} <= names
    assert {f"framing/templates/{t}" for t in ("base.html", "index.html", "article.html", "speaker.html",
                                               "view.css", "view.js")} <= names
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    probe = ("import framing.lexicon as l, framing.stance as s, framing.stance_training as st; "
             "print(l.lexicon_dir()); print(len(l.load_csv('speakers.csv'))); "
             "print(s.StanceModel.load().classes); print(len(st.load_training_data())); "
             "import framing.quote_model as q, framing.view as v; print(len(q.QuoteModel.load().marks.weights)); "
             "print(v._environment().get_template('article.html').name)")
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env={"PYTHONPATH": str(target)},
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.splitlines()[0].startswith(str(target))
