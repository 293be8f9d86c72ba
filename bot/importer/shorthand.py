"""Principles as people abbreviate, misspell or translate them: "CO", "HB/D&C", "bias 4 action",
"Obsesión por el cliente". The strict matcher (bot/principles.py) knows the names and their usual
variants; this is what a prep note adds. Pure."""

from __future__ import annotations

import difflib
import unicodedata
from functools import lru_cache

from bot.principles import PRINCIPLES, PrincipleError, is_exact, match_principle, normalise

# Shorthand people use for principles, by normalised form ("D&C" normalises to "d and c").
SHORTHAND: dict[str, str] = {
    form: name
    for name, forms in {
        "Customer Obsession": ("co", "cust obs", "cust obsession"),
        "Ownership": ("own", "ow"),
        "Invent and Simplify": ("ias", "i and s", "ins", "inv simp", "i s", "invent simplify"),
        "Are Right, A Lot": ("aral", "ral", "arl", "right alot", "are right alot", "judgment", "judgement"),
        "Learn and Be Curious": ("lbc", "labc", "l and bc", "lnbc", "curious", "curiosity"),
        "Hire and Develop the Best": ("hdb", "hdtb", "handdtb", "h and d", "h and dtb", "hire and dev", "hire dev"),
        "Insist on the Highest Standards": ("ihs", "iths", "iohs", "ioths", "hs", "hss", "hsb", "high bar"),
        "Think Big": ("tb",),
        "Bias for Action": ("bfa", "b4a", "bias", "bias 4 action", "bias4action"),
        "Frugality": ("frugal",),
        "Earn Trust": ("et", "trust"),
        "Dive Deep": ("dd", "deep dive", "deepdive"),
        "Have Backbone; Disagree and Commit": (
            "hb", "hbdc", "hb dc", "d and c", "dac", "dnc", "hb d and c", "hbd and c", "backbone",
            "disagree commit", "disagree and commit", "have backbone",
        ),
        "Deliver Results": ("dr", "deliver", "results"),
        "Strive to be Earth's Best Employer": ("sebe", "ebe", "stbebe", "earths best", "best employer"),
        "Success and Scale Bring Broad Responsibility": ("ssbbr", "sas", "s and s", "success scale"),
    }.items()
    for form in forms
}  # fmt: skip
SPOKEN = {
    "4": "for",
    "2": "to",
    "n": "and",
    "nd": "and",
    "w": "with",
}  # "bias 4 action", "learn n be curious"
# The principles as Spanish speakers write them (accents removed): Amazon's own wording and common others.
SPANISH: dict[str, str] = {
    form: name
    for name, forms in {
        "Customer Obsession": ("obsesion por el cliente", "obsesion por los clientes", "obsesion con el cliente",
                               "obsesion por cliente", "enfoque en el cliente"),
        "Ownership": ("sentido de pertenencia", "sentido de propiedad", "ser dueno", "apropiacion",
                      "actitud de dueno", "mentalidad de dueno"),
        "Invent and Simplify": ("inventar y simplificar", "inventa y simplifica", "innovar y simplificar"),
        "Are Right, A Lot": ("tener razon", "acertar mucho", "tienen razon", "acertar"),
        "Learn and Be Curious": ("aprender y ser curioso", "aprende y se curioso", "aprender y ser curiosos"),
        "Hire and Develop the Best": ("contratar y desarrollar", "contrata y desarrolla"),
        "Insist on the Highest Standards": ("altos estandares", "estandares mas altos", "estandares altos"),
        "Think Big": ("pensar en grande", "piensa en grande"),
        "Bias for Action": ("predisposicion a la accion", "sesgo por la accion", "sesgo hacia la accion",
                            "inclinacion a la accion", "orientacion a la accion", "predisposicion para la accion"),
        "Frugality": ("frugalidad",),
        "Earn Trust": ("ganar confianza", "ganarse la confianza", "ganar la confianza", "generar confianza"),
        "Dive Deep": ("profundizar", "ir a fondo", "ir al detalle"),
        "Have Backbone; Disagree and Commit": ("discrepar y comprometerse", "tener determinacion",
                                               "desacuerdo y compromiso", "tener agallas", "tener firmeza"),
        "Deliver Results": ("entregar resultados", "lograr resultados", "obtener resultados", "dar resultados"),
        "Strive to be Earth's Best Employer": ("mejor empleador",),
        "Success and Scale Bring Broad Responsibility": ("exito y la escala", "exito y escala"),
    }.items()
    for form in forms
}  # fmt: skip


def loose_principle(typed: str) -> str | None:
    """What the strict matcher does not know: "CO", "HB/D&C", "bias 4 action", "Pensar en grande"."""
    key = normalise(typed)
    if key in SHORTHAND:
        return SHORTHAND[key]
    spoken = " ".join(SPOKEN.get(word, word) for word in key.split())
    if spoken != key:
        try:
            name = match_principle(spoken)
        except PrincipleError:
            name = None
        if name and (is_exact(spoken) or len(spoken.split()) >= 2):  # "learn n be curious"
            return name
    bare = unaccented(key)
    words = f" {bare} "
    spanish = next((name for form, name in SPANISH.items() if f" {form} " in words), None)
    return spanish or misspelt(key)


# A word this close to a principle's word is that word mistyped ("Ownershp", "Deliver Reslts"); short
# words are left alone, as one letter changes them into other words.
TYPO_CUTOFF = 0.85
TYPO_LENGTH = 6
_VOCABULARY = sorted({word for name in PRINCIPLES for word in normalise(name).split() if len(word) >= 4})


def misspelt(key: str) -> str | None:
    """The principle a name mistyped by a letter or two names ("Frugalty"), when the corrected words
    name exactly one."""
    words = key.split()
    if not words or len(words) > 6:
        return None
    fixed = [_corrected(word) for word in words]
    if fixed == words:
        return None
    typed = " ".join(fixed)
    if typed in SHORTHAND:
        return SHORTHAND[typed]
    return match_principle(typed) if is_exact(typed) else None


@lru_cache(maxsize=4096)
def _corrected(word: str) -> str:
    if len(word) < TYPO_LENGTH or word in _VOCABULARY:
        return word
    close = difflib.get_close_matches(word, _VOCABULARY, n=1, cutoff=TYPO_CUTOFF)
    return close[0] if close else word


def unaccented(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
