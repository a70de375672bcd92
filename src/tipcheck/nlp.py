"""spaCy, offline: a blank pipeline per language whose token NORM is the unaccented lookup lemma.

Matching on NORM makes rules insensitive to case, inflection and dropped accents at once
(SPACY-NOTES: the blank lookup lemmatizer only lemmatises lower-case text, and LOWER keeps accents).

The lemma tables of spacy-lookups-data hold up to 800,000 forms and take seconds to load. Rules only
ever compare NORM with the words of their patterns, so once the matcher declares those words
(`use_vocabulary`), tokens are normalised with the entries that can produce or shadow one of them,
a table of a few thousand forms kept in the on-disk cache. That gives every token the NORM the full
table gives it whenever that NORM is a pattern word, and a NORM that no pattern can match otherwise.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from tipcheck import cache


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


@lru_cache(maxsize=None)
def lemma_table(lang: str) -> dict[str, str]:
    """The whole lookup table, form -> lemma (the French table lists candidates: the first is taken)."""
    import spacy_lookups_data

    with gzip.open(spacy_lookups_data.get_file(f"{lang}_lemma_lookup.json.gz")) as fh:
        raw = json.load(fh)
    return {form: (lemma[0] if lemma else form) if isinstance(lemma, list) else lemma for form, lemma in raw.items()}


def normalise_word(word: str, lang: str) -> str:
    lower = word.lower()
    lemma = lemma_table(lang).get(lower, lower)
    return strip_accents(lemma if isinstance(lemma, str) else lower)


class _Norms:
    """Token text -> NORM for one language: with the whole table, or with the part of it that can
    matter to a declared vocabulary of NORM values."""

    def __init__(self, lang: str):
        self.lang = lang
        self.vocabulary: frozenset[str] | None = None   # None: the whole table
        self.table: dict[str, str] | None = None        # form -> NORM, when a vocabulary is declared
        self.memo: dict[str, str] = {}
        self.lexemes: dict[int, int] = {}   # orth id -> NORM id of lexemes set under the current table

    def use_vocabulary(self, words: frozenset[str]) -> None:
        if self.vocabulary is not None and words <= self.vocabulary:
            return
        wanted = words | (self.vocabulary or frozenset())
        digest = cache.key("lemmas", self.lang, "\n".join(sorted(wanted)))
        table = cache.load("lemmas", digest)
        if not isinstance(table, dict):
            table = _entries_for(lemma_table(self.lang), wanted)
            cache.store("lemmas", digest, table)
        self.table, self.vocabulary, self.memo, self.lexemes = table, wanted, {}, {}

    def __call__(self, text: str) -> str:
        norm = self.memo.get(text)
        if norm is None:
            lower = text.lower()
            if self.table is None:      # nobody declared a vocabulary: the whole table
                norm = strip_accents(lemma_table(self.lang).get(lower, lower))
            else:
                norm = self.table.get(lower)
                if norm is None:
                    norm = strip_accents(lower)
            self.memo[text] = norm
        return norm


def _entries_for(full: dict[str, str], wanted: frozenset[str]) -> dict[str, str]:
    """The entries whose lemma normalises to a wanted word, or whose form does (so that the form is not
    mistaken for that word when its lemma is another)."""
    stripped: dict[str, str] = {}
    out = {}
    for form, lemma in full.items():
        norm = stripped.get(lemma)
        if norm is None:
            norm = stripped[lemma] = strip_accents(lemma)
        if norm in wanted or (form if form.isascii() else strip_accents(form)) in wanted:
            out[form] = norm
    return out


@lru_cache(maxsize=None)
def norms(lang: str) -> _Norms:
    return _Norms(lang)


def use_vocabulary(lang: str, words) -> None:
    """Declare the NORM values the patterns compare with (see the module docstring)."""
    norms(lang).use_vocabulary(frozenset(words))


def _french() -> Language:
    """French without spaCy's French tokenizer exceptions: that module compiles a regex of thousands of
    hyphenated words on import (about 3 s, more than everything else together). Statutes need only
    elision split off ("l'exploitation" -> "l'" "exploitation"), which one infix does; hyphenated words
    stay whole. On the French statutes of the corpus it gives spaCy's French tokens, token for token."""
    from spacy.lang.char_classes import ALPHA
    from spacy.lang.punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
    from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
    from spacy.language import BaseDefaults

    # Numbers and demonstratives stay whole as in spaCy's French ("dix-huit", "quatre-vingt-dix",
    # "celle-ci", "ci-dessus"): "quatre-vingt-dix jours" must not read as "dix jours". Other hyphenated
    # words split. French has no possessive "'s" to split off.
    number = (r"(?:et|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|"
              r"quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille)")
    whole = re.compile(rf"^(?:{number}(?:-{number})+|(?:celle|celui|celles|ceux|ci)-(?:ci|là|la|dessus|dessous|"
                       rf"après|apres|contre|joint|jointe|inclus))$", re.IGNORECASE)

    class FrenchDefaults(BaseDefaults):
        prefixes = TOKENIZER_PREFIXES
        suffixes = [s for s in TOKENIZER_SUFFIXES if s not in ("'s", "'S", "’s", "’S")]
        infixes = TOKENIZER_INFIXES + [r"(?<=[{a}][’'])(?=[{a}])".format(a=ALPHA)]
        token_match = whole.match
        tokenizer_exceptions = BASE_EXCEPTIONS

    class French(Language):
        lang = "fr"
        Defaults = FrenchDefaults

    return French()


def token_norms(doc: Doc, lang: str):
    """Each token's NORM (hash ids, a numpy array), set where spaCy reads it too.

    The NORM is a property of the word, so it is set once on the word's lexeme, the first time the
    word is seen, and every token of it inherits it: no Python work per token (a whole code has
    millions). Tokenizer exceptions may have set a token's own NORM ("n't" -> "not"); those rare
    tokens get the lexeme's, so that spaCy's Matcher sees what the indexed matcher sees."""
    norm = norms(lang)
    vocab, done = doc.vocab, norm.lexemes      # orth id -> NORM id, for lexemes already set
    if not len(doc):
        return numpy.zeros(0, dtype="uint64")
    unique, inverse = numpy.unique(doc.to_array(ORTH), return_inverse=True)
    lexeme_norms = []
    for orth in unique.tolist():
        value = done.get(orth)
        if value is None:
            lexeme = vocab[orth]
            lexeme.norm_ = norm(lexeme.orth_)
            value = done[orth] = lexeme.norm
        lexeme_norms.append(value)
    values = numpy.array(lexeme_norms, dtype="uint64")[inverse]
    for i in numpy.nonzero(values != doc.to_array(NORM))[0].tolist():
        doc[i].norm_ = vocab.strings[int(values[i])]
    return values


@lru_cache(maxsize=None)
def get_nlp(lang: str) -> Language:
    nlp = _french() if lang == "fr" else spacy.blank(lang)
    nlp.max_length = 2_000_000

    @Language.component(f"tipcheck_norm_{lang}")
    def set_norm(doc: Doc) -> Doc:
        token_norms(doc, lang)
        return doc

    nlp.add_pipe(f"tipcheck_norm_{lang}")
    return nlp
