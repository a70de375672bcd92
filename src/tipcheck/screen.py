"""The cheap first pass of a batch: which documents could concern trafficking at all.

In a national body of law most texts (budgets, pensions, treaties on fisheries) have nothing to do
with trafficking. Full analysis (segmentation, tokens, patterns) costs far more than a phrase scan of
the raw text, so a batch scans first and analyses only candidates.

The scan must never drop a document the full analysis would find relevant, i.e. one where it finds a
trafficking offence or definition, or words naming trafficking (`DocumentInfo.concerns_trafficking`).
Those come about in two ways, and the scan looks for both:

- the text names trafficking ("trafficking", "trata", "tráfico", "traite"): every phrase the analysis
  takes as naming trafficking contains one of these stems;
- an offence with acts and an exploitative purpose that does not use the word (an old pimping
  article: "whoever recruits ... for prostitution shall be punished"): a purpose or profit word
  within reach of a penalty word, in the same stretch of text an article spans.

The scan works on lower-cased text, without regex case folding (several times faster on 40 MB).
"""

from __future__ import annotations

import re
from bisect import bisect_left

# Phrases naming trafficking: those the analysis reads as naming it (structure.TRAFFICKING_CONTEXT, the
# packs' `trafficking` and `named_offence` vocabulary) and terms a definition gives it ("se entiende por
# trata", "«trata»", "on entend par traite"). Bare "trata" is also the verb of "se trata de", and
# "tráfico" is also of drugs or of cars: they need their object.
_OBJECT = r"(?:personas|pessoas|seres|mujeres|mulheres|menores|niñ|ni[ñn]as|crian|blancas|brancas|órganos|órgãos|migrantes|adolescentes)"
NAMES = re.compile(
    r"traffick|traffic in|trafic d|\btrata\s+(?:de|d[eo]s?)\s+" + _OBJECT + r"|\btrata\s+(?:interna|internacional|y|e)\b|"
    r"\b(?:la|de|contra|sobre|y|da|à|a|por)\s+trata\b|[\"“«'‘]trata\b|\bpor\s+tr[áa]fico\b|\bpar\s+traite\b|"
    r"tr[áa]fico\s+(?:de|d[eo]s?|internacional|interno|il[íi]cito)\s+(?:de\s+)?" + _OBJECT + "|"
    r"\btraite\s+(?:des|d['’]|de)\b")
# Literal stems one of which every match of NAMES contains: a substring test (C speed) before the regex.
_NAME_STEMS = ("traf", "tráf", "trata", "traite")
# An offence that needs no such name defines trafficking by its parts: acts for an exploitative purpose,
# punished. The stems below cover the purposes the packs read (every form of exploitation in
# rules/palermo/purposes.yaml, the `exploit` and `profit` vocabulary); a punishing word must be within an
# article's reach of one. Acts are not required: they are too many words to list safely. Plain
# substrings, found at C speed by str.find.
PURPOSES = (
    "exploit", "explota", "exploraç", "explorad", "prostitu", "proxen", "rufian", "lenoc", "sexual", "sexuel",
    "sexuais", "sex act", "libidinos", "pornogr", "esclav", "escrav", "slave", "servitu", "servidumbre", "servidão",
    "servidõ", "servil", "servis", "serf", "servage", "siervo", "sierva", "gleba", "forzad", "forzos", "forzar",
    "forçad", "forced", "forcé", "compuls", "obligatoire", "labor obligat", "labores obligat", "trabajo obligat",
    "trabajos obligat", "servicio obligat", "servicios obligat", "labor obrigat", "trabalho obrigat", "trabalhos obrigat",
    "serviço obrigat", "serviços obrigat", "labor or serv", "labour or serv", "trabajo o serv",
    "trabajos o serv", "trabajo o de serv", "trabalho ou serv", "trabalhos ou serv", "travail ou serv", "travaux ou serv",
    "asservi", "órganos", "órgãos", "organs", "organe", "organ removal", "organ harvest", "ablaci", "ablation",
    "extirpa", "tejido", "tecido", "tissu", "matrimonio", "casamento", "mariage", "marriage", "concubin", "mendic",
    "begging", "lucr", "ganancia", "provecho", "vantagem", "profit", "gain", "financial benefit")
PENALTIES = (
    "castig", "reprimid", "sancionad", "penad", "pena de", "pena:", "pena -", "pena –", "penas de", "penitenciaría",
    "prisión", "reclusión", "reclusão", "prisão", "detenção", "punid", "puni ", "punie", "puni d", "emprisonnement",
    "réclusion", "imprison", "guilty", "punish", "liable to", "commits an offence", "commits an offense")
# An article, with its paragraphs and its penalty, rarely runs longer than this.
REACH = 2000


def candidate(text: str) -> bool:
    """Whether full analysis could find the text relevant. Cheap: substring scans of the lowered text,
    and the second branch only in the few texts that name a purpose."""
    low = text.lower()
    if names(low):
        return True
    purposes = _positions(low, PURPOSES)
    if not purposes:
        return False
    penalties = _positions(low, PENALTIES)
    return bool(penalties) and any(_near(penalties, at) for at in purposes)


def _near(positions: list[int], at: int) -> bool:
    i = bisect_left(positions, at - REACH)
    return i < len(positions) and positions[i] <= at + REACH


def _positions(low: str, needles: tuple[str, ...]) -> list[int]:
    out = []
    for needle in needles:
        at = low.find(needle)
        while at != -1:
            out.append(at)
            at = low.find(needle, at + 1)
    out.sort()
    return out


def names(low: str) -> bool:
    """Whether the lower-cased text names trafficking: the regex runs only in a small window around each
    occurrence of a stem (a whole-text search tries its alternatives at every position)."""
    for stem in _NAME_STEMS:
        at = low.find(stem)
        while at != -1:
            if NAMES.search(low, max(0, at - 12), at + 64):
                return True
            at = low.find(stem, at + 1)
    return False
