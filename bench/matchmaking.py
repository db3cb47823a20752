"""Matchmaking: build the index for many organisations, answer top-10s fast, and measure quality.

Mixes the labelled organisations (``zwerm/matchmaking/tests/labelled.json``) into ``--n``
organisations in all (default 10,000); the others get realistic Dutch and English offers and
seeks generated from templates and a vocabulary of the four demo domains plus general
collaboration (deterministic seed). Then it:

- builds the index through the database (``index.rebuild``: analyse and store every entry)
  and loads it into a process (``IndexCache.engine``): ``build_s`` is both together;
- times one organisation's top 10 as a request would get it (the version check against the
  database, then the ranking): ``top10_ms_p50`` / ``top10_ms_p95``, and the whole selector
  with names and reasons (``suggestions_ms_p95``);
- times another process catching up after one profile changed (``reload_ms``);
- measures precision@5 on the labelled cases among all these organisations, against plain
  keyword overlap (``baseline_precision_at_5``), for same- and cross-language cases.

Run: ``python -m bench matchmaking [--n 10000] [--seed 7]``.
"""

from __future__ import annotations

import random
import time
from typing import Any

from bench.common import parser, percentile, report, say, setup_django, stopwatch, timed

QUERIES = 200
SELECTOR_QUERIES = 50

# Each domain: themes, then (Dutch, English) phrases of things offered or sought.
DOMAINS: dict[str, dict[str, Any]] = {
    "bouw": {
        "themes": ["circulair bouwen", "woningbouw"],
        "nl": ["houtbouw", "prefab woningen", "betonrecycling", "hergebruik van kozijnen",
               "demontabel bouwen", "renovatie van scholen", "isolatie van daken",
               "bouwlogistiek", "materiaalregistratie", "sloopafval scheiden",
               "duurzaam vastgoedbeheer", "bouwplaatsen zonder stikstof"],
        "en": ["timber construction", "modular housing", "concrete recycling",
               "reuse of window frames", "design for disassembly", "school renovation",
               "roof insulation", "construction logistics", "material registration",
               "sorting demolition waste", "sustainable property management",
               "zero emission building sites"],
    },
    "data": {
        "themes": ["open data", "digitale overheid"],
        "nl": ["datadeling tussen gemeenten", "API-beheer", "digitale identiteit",
               "archivering van documenten", "zaakgericht werken", "dataplatform voor de regio",
               "algoritmeregister", "gegevensbeheer", "webtoegankelijkheid",
               "cloudmigratie", "informatiebeveiliging", "burgerportalen"],
        "en": ["data sharing between municipalities", "API management", "digital identity",
               "document archiving", "case management", "regional data platform",
               "algorithm register", "data governance", "web accessibility",
               "cloud migration", "information security", "citizen portals"],
    },
    "mobiliteit": {
        "themes": ["mobiliteit", "openbaar vervoer"],
        "nl": ["busvervoer", "laadpalen voor elektrische auto's", "fietsparkeren bij stations",
               "verkeersdata", "parkeerbeheer", "leerlingenvervoer", "hubs voor deelmobiliteit",
               "slimme verkeerslichten", "logistiek in de binnenstad", "zero-emissiebussen",
               "toegankelijk reizen", "reizigerstellingen"],
        "en": ["bus services", "electric vehicle charging", "bicycle parking at stations",
               "traffic data", "parking management", "school transport", "shared mobility hubs",
               "smart traffic lights", "city logistics", "zero emission buses",
               "accessible travel", "passenger counts"],
    },
    "telecom": {
        "themes": ["digitale infrastructuur", "telecom"],
        "nl": ["glasvezel in bedrijventerreinen", "wifi in openbare gebouwen",
               "antennebeleid", "dekkingsmetingen", "netwerkbeheer", "datacenters met restwarmte",
               "kabelregistratie", "noodcommunicatie", "private 5G-netwerken",
               "straatmeubilair met sensoren", "satellietverbindingen", "netwerkbeveiliging"],
        "en": ["fibre on business parks", "wifi in public buildings", "antenna policy",
               "coverage measurements", "network operations", "data centres with waste heat",
               "cable registration", "emergency communication", "private 5G networks",
               "street furniture with sensors", "satellite links", "network security"],
    },
    "algemeen": {
        "themes": ["samenwerking", "innovatie"],
        "nl": ["subsidieaanvragen", "communicatie en campagnes", "projectmanagement",
               "evenementen organiseren", "juridisch advies", "financieel advies",
               "bedrijfsvoering", "werving van personeel", "onderwijs en stages",
               "gedragsonderzoek", "co-creatiesessies", "monitoring en evaluatie"],
        "en": ["grant applications", "communication and campaigns", "project management",
               "organising events", "legal advice", "financial advice", "operations",
               "recruitment", "education and internships", "behavioural research",
               "co-creation sessions", "monitoring and evaluation"],
    },
}
OFFER_TEMPLATES = {
    "nl": ["Advies over {x}", "Ervaring met {x}", "Wij leveren {x}", "Onderzoek naar {x}",
           "Ondersteuning bij {x}", "{X} voor gemeenten", "Kennis van {x}"],
    "en": ["Advice on {x}", "Experience with {x}", "We deliver {x}", "Research into {x}",
           "Support for {x}", "{X} for municipalities", "Expertise in {x}"],
}
SEEK_TEMPLATES = {
    "nl": ["Partners voor {x}", "Wij zoeken hulp bij {x}", "Gezocht: {x}",
           "Samenwerking rond {x}", "Een leverancier voor {x}", "Proeftuin voor {x}"],
    "en": ["Partners for {x}", "Looking for help with {x}", "Wanted: {x}",
           "Collaboration on {x}", "A supplier for {x}", "Pilot site for {x}"],
}
KINDS = ["company"] * 5 + ["government"] * 2 + ["knowledge"] * 2 + ["nonprofit"]


def _phrase(rng: random.Random, templates: dict[str, list[str]], domain: str, lang: str) -> str:
    topic = rng.choice(DOMAINS[domain][lang])
    return rng.choice(templates[lang]).format(x=topic, X=topic[:1].upper() + topic[1:])


def _synthetic(rng: random.Random, count: int) -> list[dict[str, Any]]:
    organisations = []
    for number in range(count):
        lang = "nl" if rng.random() < 0.6 else "en"
        main = rng.choice(list(DOMAINS))
        domains = [main, rng.choice(list(DOMAINS))] if rng.random() < 0.3 else [main]
        organisations.append({
            "name": f"{'Organisatie' if lang == 'nl' else 'Organisation'} {number}",
            "kind": rng.choice(KINDS),
            "themes": rng.sample(DOMAINS[main]["themes"], rng.randint(0, 2)),
            "offers": [_phrase(rng, OFFER_TEMPLATES, rng.choice(domains), lang)
                       for _ in range(rng.randint(1, 3))],
            "seeks": [_phrase(rng, SEEK_TEMPLATES, rng.choice(domains), lang)
                      for _ in range(rng.randint(1, 2))],
        })
    return organisations


def _store(items: list[dict[str, Any]]) -> list[int]:
    """Organisations, entries and themes with the models (set-up, not measured)."""
    from zwerm.organisations.models import Organisation, ProfileEntry, Theme

    names = sorted({name for item in items for name in item["themes"]})
    themes = {theme.name: theme for theme in Theme.objects.bulk_create(
        Theme(name=name, slug=f"thema-{index}") for index, name in enumerate(names))}
    organisations = Organisation.objects.bulk_create(
        Organisation(name=item["name"], slug=f"org-{index}", kind=item["kind"])
        for index, item in enumerate(items)
    )
    entries = []
    for organisation, item in zip(organisations, items, strict=True):
        for kind in ("offer", "seek"):
            for position, title in enumerate(item[f"{kind}s"]):
                entries.append(ProfileEntry(organisation=organisation, kind=kind, title=title,
                                            position=position))
    ProfileEntry.objects.bulk_create(entries, batch_size=2000)
    through = Organisation.themes.through
    through.objects.bulk_create(
        [through(organisation_id=organisation.pk, theme_id=themes[name].pk)
         for organisation, item in zip(organisations, items, strict=True)
         for name in item["themes"]], batch_size=2000,
    )
    return [organisation.pk for organisation in organisations]


def main(argv: list[str]) -> int:
    arguments = parser(__doc__.splitlines()[0], default_n=10_000)
    arguments.add_argument("--seed", type=int, default=7, help="random seed of the generator")
    options = arguments.parse_args(argv)
    setup_django("matchmaking")

    import json

    from zwerm.matchmaking import index, quality
    from zwerm.matchmaking.baseline import keyword_rank
    from zwerm.matchmaking.selectors import suggestions_for
    from zwerm.organisations.models import Organisation

    data = json.loads(quality.LABELLED.read_text(encoding="utf-8"))
    labelled = [{**item, "name": item["name"]} for item in data["organisations"]]
    rng = random.Random(options.seed)
    synthetic = _synthetic(rng, max(options.n - len(labelled), 0))
    items = labelled + synthetic
    rng.shuffle(items)
    say(f"Storing {len(items):,} organisations ({len(labelled)} labelled)…")
    ids = _store(items)
    by_key = {item["key"]: pk for item, pk in zip(items, ids, strict=True) if "key" in item}
    languages = {by_key[item["key"]]: item["lang"] for item in labelled}

    say("Building the index…")
    with stopwatch() as indexing:
        index.rebuild()
    cache = index.IndexCache()
    with stopwatch() as loading:
        engine = cache.engine()
        engine.build()
    build_s = indexing["seconds"] + loading["seconds"]
    say(f"  stored in {indexing['seconds']:.1f} s, loaded in {loading['seconds']:.1f} s")

    sample = rng.sample(ids, min(QUERIES, len(ids)))
    queue = iter(sample * 2)
    top10 = timed(lambda: cache.engine().rank(next(queue), limit=10), len(sample))
    say(f"  top 10: p50 {percentile(top10, 50)} ms, p95 {percentile(top10, 95)} ms")
    index.current_engine().ready()  # this process's shared copy, as a running server has it
    organisations = Organisation.objects.in_bulk(sample[:SELECTOR_QUERIES])
    selector_queue = iter(list(organisations.values()))
    selector = timed(
        lambda: suggestions_for(viewer=None, organisation=next(selector_queue), limit=10),
        len(organisations),
    )

    changed = by_key[data["cases"][0]["org"]]
    other = index.IndexCache()
    other.engine().rank(changed, limit=10)  # another process, warmed up
    index.reindex([changed])
    start = time.perf_counter()
    other.engine().rank(changed, limit=10)
    reload_ms = (time.perf_counter() - start) * 1000

    cases = [
        quality.Case(by_key[case["org"]], frozenset(by_key[key] for key in case["relevant"]),
                     any(languages[by_key[key]] != languages[by_key[case["org"]]]
                         for key in case["relevant"]))
        for case in data["cases"]
    ]
    ours = quality.evaluate(cases, quality.engine_ranker(cache.engine()))
    say("Keyword-overlap baseline over all organisations…")
    profiles = [engine.profile(pk) for pk in ids if engine.profile(pk) is not None]
    baseline = quality.evaluate(
        cases, lambda organisation: [key for key, _ in keyword_rank(profiles, organisation,
                                                                    limit=quality.K)]
    )
    report("matchmaking", {
        "database": "sqlite-wal",
        "orgs": len(items),
        "entries": sum(len(item["offers"]) + len(item["seeks"]) for item in items),
        "labelled_cases": len(cases),
        "build_s": round(build_s, 2),
        "index_store_s": round(indexing["seconds"], 2),
        "index_load_s": round(loading["seconds"], 2),
        "top10_ms_p50": percentile(top10, 50),
        "top10_ms_p95": percentile(top10, 95),
        "suggestions_ms_p95": percentile(selector, 95),
        "reload_ms": round(reload_ms, 2),
        "precision_at_5": ours["all"],
        "baseline_precision_at_5": baseline["all"],
        "precision_at_5_same_language": ours["same_language"],
        "precision_at_5_cross_language": ours["cross_language"],
        "baseline_precision_at_5_cross_language": baseline["cross_language"],
    })
    return 0
