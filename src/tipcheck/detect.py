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
    "en": {"the", "of", "and", "shall", "any", "person", "who", "which", "or", "by", "with", "is", "be"},
    "es": {"el", "los", "las", "del", "por", "con", "será", "serán", "que", "una", "persona", "cuando", "y"},
    "pt": {"os", "das", "dos", "pelo", "pela", "com", "não", "será", "que", "uma", "pessoa", "quando", "ou", "e", "em", "ao"},
    "fr": {"le", "les", "des", "du", "est", "sont", "et", "qui", "une", "personne", "lorsque", "dans", "ou", "au", "aux"},
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def scores(text: str) -> dict[str, float]:
    words = [w.lower() for w in _WORD.findall(text[:60000])]
    if not words:
        return {lang: 0.0 for lang in _MARKERS}
    counts = Counter(words)
    return {lang: sum(counts[w] for w in markers) / len(words) for lang, markers in _MARKERS.items()}


def detect(text: str, path: str | None = None) -> str:
    ranked = sorted(scores(text).items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (second, runner) = ranked[0], ranked[1]
    if top < 0.08 or top < 1.3 * runner:
        raise UsageError("E302", f"cannot tell the statute's language (best guesses: {best} {top:.2f}, "
                                 f"{second} {runner:.2f}); the text may be mixed or in another language",
                         path=path, hint="give --lang en|es|pt|fr")
    return best
