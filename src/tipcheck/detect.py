"""Which language a statute is written in, from its most frequent function words.

A statute quotes foreign names and treaty titles, so the decision needs a clear margin; a text with no
clear winner (mixed or another language) is an error, never a silent English analysis.
"""

from __future__ import annotations

import re
from collections import Counter

from tipcheck.errors import UsageError

# Function words frequent in legal prose and rare in the other three languages.
_MARKERS = {
    "en": {"the", "of", "and", "shall", "any", "person", "who", "which", "or", "by", "with", "is", "be", "to", "in",
           "this", "act", "section"},
    "es": {"el", "los", "las", "del", "por", "con", "será", "serán", "que", "una", "persona", "cuando", "y", "la", "en",
           "al", "ley", "artículo"},
    "pt": {"os", "das", "dos", "pelo", "pela", "com", "não", "será", "que", "uma", "pessoa", "quando", "ou", "e", "em", "ao",
           "na", "no", "do", "da", "lei", "artigo"},
    "fr": {"le", "les", "des", "du", "est", "sont", "et", "qui", "une", "personne", "lorsque", "dans", "ou", "au", "aux",
           "la", "en", "loi", "article"},
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def scores(text: str) -> dict[str, float]:
    return _scores(text)[0]


def _scores(text: str) -> tuple[dict[str, float], int]:
    words = [w.lower() for w in _WORD.findall(text[:60000])]
    if not words:
        return {lang: 0.0 for lang in _MARKERS}, 0
    counts = Counter(words)
    return {lang: sum(counts[w] for w in markers) / len(words) for lang, markers in _MARKERS.items()}, len(words)


def _clear(top: float, runner: float, words: int) -> bool:
    """A long text needs a high share of one language's function words and a margin; a short one
    (a one-article law whose words are mostly names and numbers) a few of them and a wide margin."""
    if top >= 0.08 and top >= 1.3 * runner:
        return True
    return top * words >= 3 and top >= 0.04 and top >= 2 * runner


def detect(text: str, path: str | None = None) -> str:
    found, words = _scores(text)
    ranked = sorted(found.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (second, runner) = ranked[0], ranked[1]
    if not _clear(top, runner, words):
        raise UsageError("E302", f"cannot tell the statute's language (best guesses: {best} {top:.2f}, "
                                 f"{second} {runner:.2f}); the text may be mixed or in another language",
                         path=path, hint="give --lang en|es|pt|fr")
    return best
