"""Demo keeping-together in Circulaire Bouwmaterialen Delta: working groups, deliverables,
commitments, a two-sided ledger, consent decisions and a hand-over.

Days count from the start of the demo year (day 366 is today). People are given by email;
each acts for their own organisation.
"""

from typing import Any

ECOSYSTEM = "circulaire-bouwmaterialen-delta"

SETTINGS: dict[str, Any] = {
    "day": 100, "by": "thijs.mulder@example.nl", "unit_of_account": "euro",
    "decision_mode": "organisation", "quorum_percent": 50,
}

# Working groups: key, name, purpose, description, lead, day, join policy, role term (months),
# members [(email, day)], secretary (email, day) or None, posts [(email, day, kind, body)],
# archived (day, by, reason) or None, initiative (challenge key, source key) or None.
WORKING_GROUPS: list[dict[str, Any]] = [
    {
        "key": "bestek", "name": "Modelbestek hergebruik", "day": 112,
        "lead": "thijs.mulder@example.nl", "policy": "open", "term": 6,
        "purpose": "Bestekteksten die hergebruik toestaan en belonen, met garanties die "
                   "verzekeraars accepteren.",
        "description": "We schrijven één modelbestek dat gemeenten en woningcorporaties "
                       "zonder juridisch maatwerk kunnen gebruiken.\n\n- Hergebruik als "
                       "gunningscriterium\n- Garantiebepalingen\n- Keuring van gebruikte "
                       "materialen",
        "members": [("maarten.dewit@example.nl", 113), ("karin.bosman@example.nl", 115),
                    ("joost.vandam@example.nl", 118), ("jeroen.lammers@example.nl", 121)],
        "secretary": ("karin.bosman@example.nl", 116),
        "posts": [
            ("thijs.mulder@example.nl", 119, "announcement",
             "Welkom! We starten met een inventarisatie van bestaande bestekteksten. Deel "
             "wat je hebt in de map van het ecosysteem."),
            ("maarten.dewit@example.nl", 126, "message",
             "Havenstad heeft drie bestekken met hergebruik als eis. Ik zet ze erbij."),
            ("joost.vandam@example.nl", 131, "message",
             "Voor beton kunnen we een percentage granulaat voorschrijven: 30% is haalbaar."),
        ],
        "archived": None, "initiative": None,
    },
    {
        "key": "markt", "name": "Materiaalmarkt voorjaar", "day": 60,
        "lead": "henk.wouters@example.nl", "policy": "open", "term": None,
        "purpose": "Een materiaalmarkt waar slopers en bouwers elkaar ontmoeten.",
        "description": "De eerste markt trok 140 bezoekers; de markt draait nu zelfstandig.",
        "members": [("yara.bos@example.nl", 61), ("noor.visser@example.nl", 65)],
        "secretary": None,
        "posts": [("henk.wouters@example.nl", 70, "announcement",
                   "De markt is op 12 april in de hal van De Schakel. Meld je stand aan!")],
        "archived": (180, "henk.wouters@example.nl",
                     "De markt is gehouden en wordt voortaan door De Schakel zelf "
                     "georganiseerd."),
        "initiative": None,
    },
    {
        "key": "register", "name": "Regionaal materialenregister", "day": 305,
        "lead": "noor.visser@example.nl", "policy": "request", "term": 12,
        "purpose": "Eén open register van vrijkomende materialen, gevoed door slopers en "
                   "doorzocht door bouwers.",
        "description": "",
        "members": [("daan.meijer@example.nl", 308), ("lisa.hoekstra@example.nl", 309)],
        "secretary": ("daan.meijer@example.nl", 310),
        "posts": [
            ("noor.visser@example.nl", 311, "announcement",
             "Het datamodel staat in de repository. Reageer voor vrijdag op de velden."),
            ("henk.wouters@example.nl", 315, "message",
             "Wij kunnen vanaf januari al onze sloopobjecten aanmelden via de API."),
        ],
        "archived": None, "initiative": (ECOSYSTEM, "register"),
    },
]

# Deliverables: key, group key, owner organisation slug, by (email), day, title,
# description, due (day), milestones [(title, due day, state, day set)], links
# [(kind, url, title)], state changes [(day, state)].
DELIVERABLES: list[dict[str, Any]] = [
    {
        "key": "bestek-v1", "group": "bestek", "owner": "stichting-circulaire-bouwketen",
        "by": "thijs.mulder@example.nl", "day": 120, "due": 250,
        "title": "Modelbestek hergebruik, versie 1",
        "description": "Bestekteksten met hergebruik als gunningscriterium, inclusief "
                       "garantiebepalingen.",
        "milestones": [("Inventarisatie bestaande bestekken", 150, "done", 148),
                       ("Concept met juristen besproken", 200, "done", 205),
                       ("Vastgesteld door de werkgroep", 245, "done", 244)],
        "links": [("document", "https://www.stichting-circulaire-bouwketen.example/"
                   "modelbestek-v1.pdf", "Modelbestek hergebruik v1 (pdf)")],
        "states": [(130, "in_progress"), (246, "delivered")],
    },
    {
        "key": "register-api", "group": "register", "owner": "materiaalpaspoort",
        "by": "noor.visser@example.nl", "day": 312, "due": 400,
        "title": "Open API van het materialenregister",
        "description": "Een OpenAPI 3-beschreven API waarmee slopers materialen aanmelden en "
                       "bouwers zoeken op soort, hoeveelheid en locatie.",
        "milestones": [("Datamodel vastgesteld", 330, "done", 328),
                       ("Prototype met drie slopers", 360, "in_progress", 345),
                       ("Pilot in Havenstad", 390, "open", None)],
        "links": [("repository", "https://git.materiaalpaspoort.example/register",
                   "Broncode"),
                  ("api", "https://api.materiaalpaspoort.example/register/v0/openapi.json",
                   "OpenAPI-beschrijving (v0)")],
        "states": [(320, "in_progress")],
    },
    {
        "key": "aanmeldplicht", "group": "register", "owner": "gemeente-havenstad",
        "by": "maarten.dewit@example.nl", "day": 313, "due": 350,
        "title": "Aanmeldplicht bij sloopvergunning Havenstad",
        "description": "Havenstad vraagt bij elke sloopvergunning om aanmelding in het "
                       "register.",
        "milestones": [("Collegebesluit", 335, "done", 338),
                       ("Aangepaste aanvraagformulieren", 350, "open", None)],
        "links": [], "states": [(330, "in_progress")],
    },
]

# Commitments: key, email, day, target ("deliverable"|"group", key), type, quantity, unit,
# due day, description.
COMMITMENTS: list[tuple[Any, ...]] = [
    ("api-uren", "noor.visser@example.nl", 314, ("deliverable", "register-api"), "hours",
     "120", "hours", 395, "Ontwikkeling en hosting van de API."),
    ("sloopdata", "henk.wouters@example.nl", 316, ("deliverable", "register-api"), "data",
     "12", "datasets", 380, "Gegevens van twaalf sloopprojecten als testdata."),
    ("havenstad-geld", "maarten.dewit@example.nl", 317, ("group", "register"), "money",
     "15000", "EUR", 420, "Subsidie voor de pilot in Havenstad."),
    ("juristen", "karin.bosman@example.nl", 122, ("deliverable", "bestek-v1"), "expertise",
     "40", "hours", 240, "Juridische toets door twee inkoopjuristen."),
    ("opslag", "ruud.kramer@example.nl", 318, ("group", "register"), "facilities",
     "20", "days", 400, "Opslagruimte voor gekeurde materialen in Lelystad."),
]

# Contributions: email, day, type, quantity, unit, value (euro) or None, receiver
# ("deliverable"|"group"|"organisation", key), commitment key or None, beneficiaries
# (organisation slugs), description, reusable {link, licence, format, schema} or None,
# acknowledged (email, day) or None.
CONTRIBUTIONS: list[tuple[Any, ...]] = [
    ("karin.bosman@example.nl", 160, "expertise", "24", "hours", "2400",
     ("deliverable", "bestek-v1"), "juristen", [], "Juridische toets van de eerste drie "
     "hoofdstukken.", None, ("thijs.mulder@example.nl", 163)),
    ("karin.bosman@example.nl", 230, "expertise", "16", "hours", "1600",
     ("deliverable", "bestek-v1"), "juristen", [], "Garantiebepalingen met verzekeraars "
     "afgestemd.", None, ("thijs.mulder@example.nl", 232)),
    ("noor.visser@example.nl", 330, "hours", "46", "hours", "4140",
     ("deliverable", "register-api"), "api-uren", [], "Datamodel en eerste endpoints.",
     None, None),
    ("henk.wouters@example.nl", 340, "data", "5", "datasets", None,
     ("deliverable", "register-api"), "sloopdata", [], "Vijf sloopprojecten met "
     "materiaalstaten.", {"link": "https://data.deschakel.example/sloop/2025",
                          "licence": "CC BY 4.0", "format": "CSV",
                          "schema": "https://api.materiaalpaspoort.example/schema/v0"},
     ("noor.visser@example.nl", 342)),
    ("maarten.dewit@example.nl", 345, "money", "5000", "EUR", "5000",
     ("group", "register"), "havenstad-geld", ["materiaalpaspoort"], "Eerste tranche "
     "pilotsubsidie.", None, ("noor.visser@example.nl", 347)),
    ("joost.vandam@example.nl", 200, "facilities", "3", "days", "1500",
     ("organisation", "tu-lage-landen"), None, [], "Drie dagen de breker en het "
     "proefterrein voor de granulaatproeven van de TU.", None,
     ("laura.vanderheijden@example.nl", 204)),
    ("laura.vanderheijden@example.nl", 260, "expertise", "30", "hours", "3000",
     ("organisation", "betonkringloop"), None, [], "Labproeven op betongranulaat, met "
     "rapport.", {"link": "https://doi.org/10.0000/tulagelanden.granulaat.2025",
                  "licence": "CC BY 4.0", "format": "PDF", "schema": ""}, None),
]

# Proposals: key, email, day, scope group key or None, kind, title, body, deadline (days
# after opening), options (polls), positions [(email, day, stance or option index, reason)],
# amendment (day, title, body, reason, deadline days) or None, positions after amendment.
PROPOSALS: list[dict[str, Any]] = [
    {
        "key": "licentie", "by": "noor.visser@example.nl", "day": 318, "group": None,
        "kind": "consent", "days": 10,
        "title": "Registerdata delen onder CC BY 4.0",
        "body": "Alle gegevens in het materialenregister publiceren we onder **CC BY 4.0**, "
                "zodat bouwers, onderzoekers en gemeenten ze vrij kunnen gebruiken. "
                "Prijzen staan niet in het register.",
        "positions": [("fleur.koster@example.nl", 319, "consent", ""),
                      ("henk.wouters@example.nl", 319, "consent", ""),
                      ("maarten.dewit@example.nl", 320, "consent", ""),
                      ("laura.vanderheijden@example.nl", 320, "concern",
                       "Let op persoonsgegevens in sloopdossiers: die horen er niet in."),
                      ("marieke.postma@example.nl", 321, "abstain", ""),
                      ("mohamed.bouzid@example.nl", 322, "consent", "")],
        "amendment": None,
    },
    {
        "key": "bijdrage", "by": "thijs.mulder@example.nl", "day": 340, "group": None,
        "kind": "consent", "days": 7,
        "title": "Jaarbijdrage van € 500 per lid",
        "body": "Vanaf 2026 betaalt elke lid-organisatie € 500 per jaar voor de "
                "procesbegeleiding en de materiaalmarkt.",
        "positions": [("fleur.koster@example.nl", 341, "consent", ""),
                      ("marieke.postma@example.nl", 342, "objection",
                       "Voor kleine bedrijven is een vast bedrag te zwaar; maak het "
                       "afhankelijk van de omvang."),
                      ("henk.wouters@example.nl", 343, "concern",
                       "Liever een bijdrage in uren mogelijk maken.")],
        "amendment": (350, "Jaarbijdrage naar omvang, ook in uren",
                      "Vanaf 2026 draagt elke lid-organisatie bij naar omvang: € 250 tot "
                      "50 medewerkers, € 750 daarboven. Een bijdrage in uren mag ook, "
                      "gewaardeerd tegen € 90 per uur.",
                      "Het bezwaar van Houtbouw Noord en de zorg over uren verwerkt.", 20),
        "positions_after": [("marieke.postma@example.nl", 352, "consent",
                             "Zo kunnen wij meedoen."),
                            ("fleur.koster@example.nl", 353, "consent", "")],
    },
    {
        "key": "marktdatum", "by": "henk.wouters@example.nl", "day": 66, "group": "markt",
        "kind": "poll", "days": 5, "title": "Wanneer houden we de materiaalmarkt?",
        "body": "Kies de datum die voor jouw organisatie het beste past.",
        "options": ["Zaterdag 12 april", "Zaterdag 26 april", "Zaterdag 10 mei"],
        "positions": [("henk.wouters@example.nl", 66, 0, ""),
                      ("noor.visser@example.nl", 67, 0, "")],
        "amendment": None,
    },
]

# Hand-over: Polderkracht pauses; its storage commitment goes to Betonkringloop.
HAND_OVER: dict[str, Any] = {
    "commitment": "opslag", "by": "ruud.kramer@example.nl", "day": 355,
    "to": "betonkringloop", "note": "Wij pauzeren tot de zomer; Betonkringloop heeft "
                                    "opslag in Rotterdam.",
    "accepted_by": "joost.vandam@example.nl", "accepted_day": 357,
}
