"""The clustering assistant: groups ideas by their words, for a facilitator to judge.

TF-IDF over stemmed words (Dutch or English per idea, stop words of both removed), then
agglomerative clustering with cosine distance. Pure over plain text; the services store
what it proposes, with its origin, and the facilitator accepts, edits or rejects it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import snowballstemmer

_DUTCH = """
aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus
een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand
iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets
nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel
voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder
zou we wij onze jullie hen deze ieder elke meer minder heel erg graag samen willen gaan
komen maken via per bijvoorbeeld zoals welke waar wanneer hoe
"""
DUTCH_STOP_WORDS = frozenset(_DUTCH.split())

_ENGLISH = """
a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further
had has have having he her here hers herself him himself his how i if in into is it its
itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves
also make use using us let get via per e.g like new way ways
"""
ENGLISH_STOP_WORDS = frozenset(_ENGLISH.split())

DISTANCE = 0.9
WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_stemmers = {
    "nl": snowballstemmer.stemmer("dutch"),
    "en": snowballstemmer.stemmer("english"),
}


@dataclass(frozen=True)
class Proposal:
    """A group of ideas (their keys) with a name made of its most telling words."""

    name: str
    keys: tuple[str, ...]
    keywords: tuple[str, ...]


def language_of(words: Sequence[str]) -> str:
    dutch = sum(1 for word in words if word in DUTCH_STOP_WORDS)
    english = sum(1 for word in words if word in ENGLISH_STOP_WORDS)
    return "en" if english > dutch else "nl"


def terms(text: str) -> tuple[list[str], dict[str, Counter]]:
    """Stemmed content words of ``text``, and for each stem the surface forms seen."""
    words = [word.lower() for word in WORD.findall(text)]
    stemmer = _stemmers[language_of(words)]
    stems, forms = [], {}
    for word in words:
        if word in DUTCH_STOP_WORDS or word in ENGLISH_STOP_WORDS:
            continue
        stem = stemmer.stemWord(word)
        stems.append(stem)
        forms.setdefault(stem, Counter())[word] += 1
    return stems, forms


def propose(texts: dict[str, str], max_clusters: int = 12) -> list[Proposal]:
    """Propose clusters of at least two ideas from ``{key: text}``; deterministic."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    keys, documents, all_forms = [], [], {}
    for key, text in sorted(texts.items()):
        stems, forms = terms(text)
        if stems:
            keys.append(key)
            documents.append(stems)
            for stem, counter in forms.items():
                all_forms.setdefault(stem, Counter()).update(counter)
    if len(keys) < 3:
        return []
    vectorizer = TfidfVectorizer(analyzer=lambda stems: stems, sublinear_tf=True)
    matrix = vectorizer.fit_transform(documents)
    # Ideas join only when they share telling words (cosine distance below the threshold);
    # at most ``max_clusters`` groups, so a long list still gives a readable proposal.
    dense = matrix.toarray()
    labels = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=DISTANCE
    ).fit_predict(dense)
    if len(set(labels)) > max_clusters:
        labels = AgglomerativeClustering(
            n_clusters=max_clusters, metric="cosine", linkage="average"
        ).fit_predict(dense)
    vocabulary = vectorizer.get_feature_names_out()
    proposals = []
    for label in sorted(set(labels), key=lambda lab: list(labels).index(lab)):
        rows = [i for i, value in enumerate(labels) if value == label]
        if len(rows) < 2:
            continue
        weights = matrix[rows].sum(axis=0).A1
        top = sorted(range(len(vocabulary)), key=lambda i: (-weights[i], vocabulary[i]))[:3]
        words = tuple(all_forms[vocabulary[i]].most_common(1)[0][0] for i in top
                      if weights[i] > 0)
        proposals.append(Proposal(
            name=", ".join(words).capitalize() or "Cluster",
            keys=tuple(keys[i] for i in rows), keywords=words,
        ))
    return proposals
