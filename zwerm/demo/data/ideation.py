"""Demo challenges: one walked from ideas to initiatives, one still collecting ideas.

Ideas are (key, author email, day, title, description, tags); comments (idea key, author
email, day, text); clusters (name, idea keys); ballots (voter email, {idea key: dots}).
Days count from the start of the demo year (day 366 is today).
"""

from typing import Any

CIRCULAR: dict[str, Any] = {
    "ecosystem": "circulaire-bouwmaterialen-delta",
    "facilitator": "sanne.bakker@example.nl",
    "co_facilitator": "laura.vanderheijden@example.nl",
    # The challenge follows up this occurrence of the ecosystem's round table (its 7th).
    "round_table": 6,
    "question": "Hoe geven we vrijkomende bouwmaterialen een tweede leven?",
    "context": "Elk jaar komt in de Delta ruim een miljoen ton bouwmateriaal vrij. Het "
               "meeste wordt gebroken of verbrand, terwijl kozijnen, balken en betonelementen "
               "prima opnieuw te gebruiken zijn.\n\nWe zoeken ideeën die **binnen een jaar** "
               "te proberen zijn, door een paar organisaties samen. Na de stemming kiezen we "
               "de initiatieven; een initiatief start zodra drie organisaties zich eraan "
               "verbinden.",
    # Phase dates (days): ideas from ``opens`` until refining, then the vote, selection, closed.
    "opens": 228, "refine": 262, "vote": 276, "select": 290, "closes": 330,
    "method": "dot", "dots": 5, "threshold": 3,
    "ideas": [
        ("register", "noor.visser@example.nl", 237, "Eén regionaal register van vrijkomende "
         "materialen", "Slopers melden materialen drie maanden voor de sloop aan in één open "
         "register; bouwers zoeken erin op soort, hoeveelheid en locatie.",
         ["register", "data"]),
        ("oogstkaart", "henk.wouters@example.nl", 238, "Verplichte oogstkaart bij "
         "sloopvergunning", "Gemeenten vragen bij elke sloopvergunning een oogstkaart: welke "
         "materialen komen vrij en wat gebeurt ermee?", ["gemeenten", "sloop"]),
        ("hub", "yara.bos@example.nl", 240, "Materialenhub per regio", "Een overdekte opslag "
         "waar gedemonteerde materialen gekeurd, opgeslagen en verkocht worden.",
         ["opslag", "logistiek"]),
        ("beton", "joost.vandam@example.nl", 241, "Betongranulaat standaard in gemeentelijke "
         "projecten", "Gemeenten schrijven in elk bestek minimaal 30% betongranulaat voor.",
         ["beton", "aanbesteden"]),
        ("keuring", "marieke.postma@example.nl", 243, "Keuringsprotocol voor gebruikt "
         "constructiehout", "Een gedeeld protocol waarmee gebruikte balken een sterkteklasse "
         "krijgen, zodat constructeurs ze durven toe te passen.", ["hout", "keuring"]),
        ("bestek", "thijs.mulder@example.nl", 245, "Modelbestek voor hergebruik",
         "Gezamenlijke bestekteksten die hergebruik toestaan en belonen, met garanties die "
         "verzekeraars accepteren.", ["aanbesteden"]),
        ("paspoort", "daan.meijer@example.nl", 247, "Materialenpaspoort bij elke "
         "nieuwbouw", "Wie nieuw bouwt, legt de materialen vast zodat ze over vijftig jaar "
         "te oogsten zijn.", ["paspoort", "data"]),
        ("registry", "laura.vanderheijden@example.nl", 249, "A shared database of "
         "reclaimed materials", "One open dataset of reclaimed materials, fed by demolition "
         "companies and searchable by builders.", ["register", "data"]),
        ("woningen", "jeroen.lammers@example.nl", 251, "Pilot: twee flats met "
         "hergebruikte kozijnen", "Bij de renovatie van twee flats in Havenstad gebruiken we "
         "kozijnen en binnendeuren uit sloopprojecten.", ["pilot", "woningbouw"]),
        ("leerlingen", "mohamed.bouzid@example.nl", 253, "Demontage als vak in het mbo",
         "Leerlingen leren zorgvuldig demonteren in plaats van slopen, met stages bij "
         "demontagebedrijven.", ["onderwijs"]),
        ("prijs", "fleur.koster@example.nl", 255, "Een CO₂-bonus in aanbestedingen",
         "Aanbieders die aantoonbaar CO₂ besparen met hergebruik krijgen een fictieve "
         "korting op hun inschrijving.", ["aanbesteden", "co2"]),
        ("marktplaats", "lisa.hoekstra@example.nl", 258, "Maandelijkse materiaalmarkt op "
         "locatie", "Elke maand een markt op een sloopterrein waar bouwers materialen "
         "kunnen zien en kopen.", ["markt"]),
    ],
    "builds_on": [("hub", "register"), ("paspoort", "register")],
    "reactions": [
        ("register", "joost.vandam@example.nl", "support"),
        ("register", "marieke.postma@example.nl", "support"),
        ("hub", "maarten.dewit@example.nl", "interested"),
        ("beton", "henk.wouters@example.nl", "concern"),
        ("keuring", "laura.vanderheijden@example.nl", "support"),
        ("woningen", "sanne.bakker@example.nl", "support"),
    ],
    "comments": [
        ("register", "joost.vandam@example.nl", 239, "Graag! Nu bellen we elke sloper apart."),
        ("register", "henk.wouters@example.nl", 240, "Wij willen aanmelden, maar alleen als "
         "prijzen niet zichtbaar zijn voor concurrenten."),
        ("oogstkaart", "lisa.hoekstra@example.nl", 242, "Havenstad onderzoekt dit al; de "
         "wet laat het toe als eis bij eigen gebouwen."),
        ("beton", "henk.wouters@example.nl", 244, "Let op: er is nu niet genoeg "
         "sloopbeton in de regio voor 30% overal."),
        ("beton", "joost.vandam@example.nl", 246, "Klopt voor dit jaar, daarom stellen we "
         "een groeipad voor: 10%, 20%, 30%."),
        ("keuring", "laura.vanderheijden@example.nl", 248, "Ons lab kan de proeven doen; "
         "we zoeken nog balken uit een sloopproject."),
        ("hub", "maarten.dewit@example.nl", 250, "Er staat een loods leeg op het "
         "haventerrein."),
        ("woningen", "noor.visser@example.nl", 253, "Wij leggen de kozijnen graag vast in "
         "een paspoort."),
        ("registry", "noor.visser@example.nl", 254, "This looks like the register idea; "
         "shall we combine them?"),
    ],
    # (duplicate key, kept key, day): the facilitator merges a duplicate while refining.
    "merges": [("registry", "register", 263)],
    "clusters": [
        ("Eén register en data", ["register", "paspoort"]),
        ("Opslag en markt", ["hub", "marktplaats"]),
        ("Slimmer aanbesteden", ["beton", "bestek", "prijs", "oogstkaart"]),
        ("Vakmanschap en keuring", ["keuring", "leerlingen", "woningen"]),
    ],
    "cluster_day": 266,
    # Dot ballots: several people per organisation; each organisation counts once.
    "ballots": [
        ("sanne.bakker@example.nl", 277, {"register": 2, "keuring": 2, "hub": 1}),
        ("thijs.mulder@example.nl", 277, {"register": 3, "bestek": 2}),
        ("joost.vandam@example.nl", 278, {"beton": 3, "register": 2}),
        ("fleur.koster@example.nl", 279, {"beton": 2, "prijs": 3}),
        ("henk.wouters@example.nl", 278, {"hub": 3, "register": 2}),
        ("yara.bos@example.nl", 280, {"hub": 4, "marktplaats": 1}),
        ("lisa.hoekstra@example.nl", 281, {"oogstkaart": 2, "register": 2, "hub": 1}),
        ("laura.vanderheijden@example.nl", 282, {"keuring": 3, "register": 2}),
        ("marieke.postma@example.nl", 282, {"keuring": 4, "register": 1}),
        ("karin.bosman@example.nl", 283, {"bestek": 3, "register": 2}),
        ("noor.visser@example.nl", 284, {"register": 3, "paspoort": 2}),
        ("jeroen.lammers@example.nl", 285, {"woningen": 4, "hub": 1}),
    ],
    # Initiatives: (source key, kind idea/cluster, title, description, select day,
    # [(committing admin email, day, text)]).
    "initiatives": [
        ("register", "idea", "Regionaal materialenregister",
         "Eén open register van vrijkomende materialen, gevoed door slopers en doorzocht "
         "door bouwers. MateriaalPaspoort levert de techniek.", 291,
         [("noor.visser@example.nl", 293, "De software en de hosting voor het eerste jaar."),
          ("henk.wouters@example.nl", 295, "Wij melden al onze sloopobjecten aan."),
          ("maarten.dewit@example.nl", 298, "Havenstad eist aanmelding bij eigen sloop."),
          ("sanne.bakker@example.nl", 302, "Procesbegeleiding en de gebruikersraad.")]),
        ("keuring", "idea", "Keuringsprotocol gebruikt constructiehout", "", 292,
         [("laura.vanderheijden@example.nl", 296, "Proeven in ons lab, twee promovendi.")]),
    ],
}

MOBILITY: dict[str, Any] = {
    "ecosystem": "deur-tot-deur",
    "facilitator": "koen.verbeek@example.nl",
    "slug": "laatste-kilometer",
    "question": "Hoe maken we de laatste kilometer van station naar voordeur makkelijk voor "
                "iedereen?",
    "context": "Wie slecht ter been is of buiten de kern woont, strandt vaak op het station. "
               "Deel je idee, hoe klein ook: tot eind december verzamelen we, daarna "
               "bundelen en stemmen we.",
    "opens": 338, "refine": 396, "vote": 410, "select": 424, "closes": 460,
    "method": "ranked", "dots": 5, "threshold": 2,
    "ideas": [
        ("buurtbus", "ingrid.hendriks@example.nl", 340, "Buurtbus op afroep vanaf het "
         "station", "Vrijwilligers rijden op afroep, gekoppeld aan de planner.", ["afroep"]),
        ("fietsen", "sem.deboer@example.nl", 342, "Driewielers en e-bikes bij elk "
         "station", "Ook voor wie niet op een gewone fiets durft.", ["fiets"]),
        ("begeleiding", "ans.claassen@example.nl", 345, "Reisbegeleiding boeken in de "
         "app", "Eén knop voor assistentie bij overstappen en uitstappen.",
         ["toegankelijkheid"]),
        ("taxi", "gertjan.mol@example.nl", 349, "Eén ticket voor trein én regiotaxi",
         "Wie met de trein komt, betaalt de laatste kilometer niet apart.", ["ticket"]),
        ("haltes", "sophie.willems@example.nl", 353, "Verhoogde perrons bij alle "
         "bushaltes", "Weidevelde begint met de tien drukste haltes.", ["toegankelijkheid"]),
        ("data", "bram.veenstra@example.nl", 358, "Open data over liften en roltrappen",
         "Realtime storingen van liften in de planner, zodat niemand voor een kapotte "
         "lift staat.", ["data"]),
    ],
    "builds_on": [("taxi", "buurtbus")],
    "reactions": [
        ("begeleiding", "gertjan.mol@example.nl", "support"),
        ("fietsen", "ans.claassen@example.nl", "concern"),
        ("data", "koen.verbeek@example.nl", "interested"),
    ],
    "comments": [
        ("buurtbus", "koen.verbeek@example.nl", 343, "Mooi; hoeveel vrijwilligers heb je "
         "nodig voor een proef?"),
        ("buurtbus", "ingrid.hendriks@example.nl", 344, "Een stuk of twaalf voor één "
         "station."),
        ("fietsen", "ans.claassen@example.nl", 347, "Denk ook aan stallingen zonder "
         "trappen."),
        ("data", "tom.hermans@example.nl", 360, "De vervoerautoriteit kan deze data "
         "eisen in de concessie."),
    ],
}

CHALLENGES = [CIRCULAR, MOBILITY]

# Introductions between organisations: (requester slug, recipient slug, day, message,
# answer: "accept", "decline" or None for pending, answer day, reply).
INTRODUCTIONS: list[tuple[Any, ...]] = [
    ("houtbouw-noord", "demontage-de-schakel", 58,
     "Wij zoeken gebruikt constructiehout; jullie oogsten het. Zullen we eens bellen?",
     "accept", 61, "Graag, we hebben net balken uit een oude school."),
    ("materiaalpaspoort", "gemeente-havenstad", 140,
     "We willen graag laten zien hoe een materialenpaspoort bij nieuwbouw werkt.",
     "accept", 146, "Leuk, kom langs bij het team Vastgoed."),
    ("open-radio-labs", "gemeente-weidevelde", 270,
     "We are looking for a municipality to test open radio equipment on a street mast.",
     "decline", 279, "Dank voor het aanbod; we hebben dit jaar geen ruimte voor een proef."),
    ("innovatiehub-de-werf", "houtbouw-noord", 352,
     "Onze start-ups bouwen prototypes met hergebruikt hout en zoeken een vakkundige "
     "partner.", None, 0, ""),
]
