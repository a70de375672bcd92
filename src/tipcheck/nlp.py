"""spaCy, offline: a blank pipeline per language whose token NORM is the unaccented lookup lemma.

Matching on NORM makes rules insensitive to case, inflection and dropped accents at once
(SPACY-NOTES: the blank lookup lemmatizer only lemmatises lower-case text, and LOWER keeps accents).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


@lru_cache(maxsize=None)
def lemma_table(lang: str):
    from spacy.lookups import load_lookups
    lookups = load_lookups(lang, ["lemma_lookup"])
    return lookups.get_table("lemma_lookup")


def normalise_word(word: str, lang: str) -> str:
    lower = word.lower()
    table = lemma_table(lang)
    lemma = table.get(lower, lower)
    if isinstance(lemma, list):         # the French table lists candidate lemmas: take the first
        lemma = lemma[0] if lemma else lower
    return strip_accents(lemma if isinstance(lemma, str) else lower)


@lru_cache(maxsize=None)
def get_nlp(lang: str) -> Language:
    nlp = spacy.blank(lang)
    nlp.max_length = 2_000_000
    cache: dict[str, str] = {}

    @Language.component(f"tipcheck_norm_{lang}")
    def set_norm(doc: Doc) -> Doc:
        for token in doc:
            text = token.text
            norm = cache.get(text)
            if norm is None:
                norm = cache[text] = normalise_word(text, lang)
            token.norm_ = norm
        return doc

    nlp.add_pipe(f"tipcheck_norm_{lang}")
    return nlp
