"""One visual style for every figure: palette, sizes, A4 pages, determinism.

Colours come from the Okabe-Ito palette (safe for the common forms of colour
blindness); each outlet keeps one colour in every figure. Fonts are DejaVu
Sans (shipped with matplotlib) and are embedded in the PDF as TrueType.
"""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # no display, same output everywhere

import matplotlib.pyplot as plt  # noqa: E402

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
OTHER = "#9A9A9A"
LABEL_COLOURS = {"assert": "#D55E00", "hedge": "#E69F00", "attribute": "#56B4E9", "deny": "#0072B2", "none": "#CFCFCF"}
CONNOTATION_ORDER = ["neutral", "assertive", "admitting", "tentative", "warning", "urging", "doubting", "accusing",
                     "denying", "evaluating"]
CONNOTATION_COLOURS = dict(zip(CONNOTATION_ORDER, ["#BBBBBB", "#0072B2", "#56B4E9", "#F0E442", "#E69F00",
                                                   "#009E73", "#CC79A7", "#D55E00", "#000000", "#777777"]))
A4 = (8.27, 11.69)
HALF_A4 = (8.27, 5.6)
MAX_OUTLETS = 8
MAX_SPEAKERS = 15

RC = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "pdf.fonttype": 42,  # embed TrueType
    "ps.fonttype": 42,
    "svg.hashsalt": "framing",
    "svg.fonttype": "none",
    "path.simplify": True,
}

PDF_METADATA = {"Creator": "framing", "Producer": "framing", "CreationDate": None, "ModDate": None}
PNG_METADATA = {"Software": None}


def apply() -> None:
    plt.rcParams.update(RC)


def outlet_colours(outlets: list[str]) -> dict[str, str]:
    """Outlet -> colour, stable for a given list (order of first appearance)."""
    colours = {}
    for i, name in enumerate(outlets):
        colours[name] = OTHER if name == "other" else OKABE_ITO[i % len(OKABE_ITO)]
    return colours


def new_figure(size=HALF_A4):
    apply()
    return plt.figure(figsize=size)


def wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) if text else ""


def shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"
