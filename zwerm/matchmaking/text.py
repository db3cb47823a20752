"""Text analysis for matching short Dutch and English entries; no Django, plain data.

An entry becomes a set of terms: Snowball stems of its words (stop words removed) and
glossary concepts (``~12``) for the field's key terms in either language, so that a Dutch
need ("koppeling met overheidsdata") meets an English offer ("government data integration").
The language of a text is guessed cheaply from its stop words and glossary words; when the
guess is unsure, both stemmers are applied.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import snowballstemmer

DATA = Path(__file__).resolve().parent / "data"
CONCEPT = "~"
MAX_PHRASE = 4
# Dutch compounds ("overheidsdata", "glasvezelnetwerk") are split against glossary words of
# at least this length, leaving at least three letters on the other side.
COMPOUND_PART = 4
COMPOUND_REST = 3
_TOKEN = re.compile(r"[a-z0-9]+")


def normalise(text: str) -> str:
    """Lower case without accents ("coöperatie" → "cooperatie"); apostrophes dropped."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.replace("'", "").replace("’", "")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalise(text))


def _read_words(name: str) -> frozenset[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(
        normalise(line.strip()) for line in lines if line.strip() and not line.startswith("#")
    )


@dataclass(frozen=True)
class Concept:
    id: int
    dutch: tuple[str, ...]
    english: tuple[str, ...]


def read_glossary(path: Path | None = None) -> list[Concept]:
    """Concepts from the TSV: Dutch terms, a tab, English terms, commas between synonyms."""
    concepts = []
    for line in (path or DATA / "glossary.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        dutch, english = line.split("\t")
        concepts.append(Concept(
            id=len(concepts),
            dutch=tuple(term.strip() for term in dutch.split(",") if term.strip()),
            english=tuple(term.strip() for term in english.split(",") if term.strip()),
        ))
    return concepts


@dataclass
class _Language:
    code: str
    stemmer: snowballstemmer.stemmer
    stop: frozenset[str]
    phrases: dict[tuple[str, ...], set[int]] = field(default_factory=dict)
    words: set[str] = field(default_factory=set)  # raw glossary words: evidence of language
    parts: dict[str, set[int]] = field(default_factory=dict)  # single words for compounds
    stems: dict[str, str] = field(default_factory=dict)  # Snowball is slow; words repeat

    def stem(self, word: str) -> str:
        stem = self.stems.get(word)
        if stem is None:
            stem = self.stems[word] = self.stemmer.stemWord(word)
        return stem


class Analyser:
    """Turns a text into matching terms; one instance is shared (it caches stems)."""

    def __init__(self, glossary: Path | None = None) -> None:
        self.dutch = _Language(
            "nl", snowballstemmer.stemmer("dutch"), _read_words("stopwords_nl.txt")
        )
        self.english = _Language(
            "en", snowballstemmer.stemmer("english"), _read_words("stopwords_en.txt")
        )
        self.concepts = read_glossary(glossary)
        for concept in self.concepts:
            for language, terms in ((self.dutch, concept.dutch), (self.english, concept.english)):
                for term in terms:
                    words = tokens(term)
                    if not words:
                        continue
                    language.words.update(words)
                    key = tuple(language.stem(word) for word in words)
                    language.phrases.setdefault(key, set()).add(concept.id)
                    if len(words) == 1 and len(words[0]) >= COMPOUND_PART:
                        language.parts.setdefault(words[0], set()).add(concept.id)
        self._stop = self.dutch.stop | self.english.stop
        digest = hashlib.sha256()
        for name in ("glossary.tsv", "stopwords_nl.txt", "stopwords_en.txt"):
            digest.update((glossary if glossary and name == "glossary.tsv" else DATA / name)
                          .read_bytes())
        digest.update(b"analyser-4")
        self.fingerprint = digest.hexdigest()[:16]

    def language(self, words: list[str]) -> str:
        """'nl', 'en' or 'both' (unsure), from stop words and glossary words of one side."""
        dutch = english = 0
        for word in words:
            in_nl = word in self.dutch.stop or word in self.dutch.words
            in_en = word in self.english.stop or word in self.english.words
            if in_nl and not in_en:
                dutch += 1
            elif in_en and not in_nl:
                english += 1
        if dutch > english:
            return "nl"
        if english > dutch:
            return "en"
        return "both"

    def terms(self, text: str) -> list[str]:
        """The distinct terms of a text, in order of appearance: stems, then concepts.

        A word that is part of a glossary term yields only the concept, not its stem, so
        that "bouwmaterialen" and "building materials" weigh the same in either language.
        """
        words = tokens(text)
        if not words:
            return []
        guess = self.language(words)
        languages = [self.dutch, self.english] if guess == "both" else (
            [self.dutch] if guess == "nl" else [self.english]
        )
        concepts: set[int] = set()
        covered: set[int] = set()
        for language in languages:
            found_here, covered_here = self._concepts(words, language)
            concepts |= found_here
            covered |= covered_here
        found: dict[str, None] = {}
        for language in languages:
            for position, word in enumerate(words):
                if position in covered or word in language.stop or (
                    len(word) < 2 and not word.isdigit()
                ):
                    continue
                found[language.stem(word)] = None
        for concept in sorted(concepts):
            found[f"{CONCEPT}{concept}"] = None
        return list(found)

    def _concepts(self, words: list[str], language: _Language) -> tuple[set[int], set[int]]:
        """Concepts found in the words, and the positions of the words they cover."""
        stems = [language.stem(word) for word in words]
        found: set[int] = set()
        covered: set[int] = set()
        for size in range(1, MAX_PHRASE + 1):
            for start in range(len(stems) - size + 1):
                if size == 1 and words[start] in self._stop:
                    continue  # "it" is a stop word before it is IT
                concepts = language.phrases.get(tuple(stems[start:start + size]))
                if concepts:
                    found |= concepts
                    covered.update(range(start, start + size))
        if language is self.dutch:
            for word in words:
                if len(word) >= COMPOUND_PART + COMPOUND_REST and word not in language.words:
                    found |= self._compound(word, language)
        return found, covered

    def _compound(self, word: str, language: _Language) -> set[int]:
        """Concepts of a Dutch compound's head and modifier: 'overheidsdata' → data."""
        found: set[int] = set()
        for cut in range(COMPOUND_REST, len(word) - COMPOUND_PART + 1):
            head = word[cut:]
            if head in language.parts:
                found |= language.parts[head]
                break
        for cut in range(len(word) - COMPOUND_REST, COMPOUND_PART - 1, -1):
            modifier = word[:cut]
            if modifier in language.parts:
                found |= language.parts[modifier]
                break
        return found

    def concept_label(self, term: str) -> str:
        concept = self.concepts[int(term[len(CONCEPT):])]
        return f"{concept.dutch[0]} / {concept.english[0]}"


@lru_cache(maxsize=1)
def default_analyser() -> Analyser:
    return Analyser()


def stop_words() -> frozenset[str]:
    analyser = default_analyser()
    return analyser.dutch.stop | analyser.english.stop


def keyword_set(texts: Iterable[str]) -> set[str]:
    """Plain keywords (lower case, stop words removed): the baseline matcher's view."""
    stop = stop_words()
    return {word for text in texts for word in tokens(text) if word not in stop and len(word) > 1}
