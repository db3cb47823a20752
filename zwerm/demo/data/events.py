"""Demo events: a monthly round table in every ecosystem, and a few single events.

Days count from the start of the demo year (day 366 is today), so a day above 366 lies in
the future: those events are still to come when the demo is shown. Times are local
(Europe/Amsterdam). ``attendees`` is how many people of the ecosystem's active members
register; the loader picks them. Every name and place is invented.
"""

from typing import Any

# Monthly round tables, one series per ecosystem. ``topics`` name each occurrence's main
# agenda item; ``minutes`` are written after the first occurrences (not all: that is life).
SERIES: list[dict[str, Any]] = [
    {
        "ecosystem": "circulaire-bouwmaterialen-delta",
        "organiser": "sanne.bakker@example.nl",
        "co_organiser": ("thijs.mulder@example.nl", 45),
        "created": 28, "first": 36, "count": 13, "time": ("15:00", "17:00"),
        "title": "Ronde tafel Materiaalmarkt",
        "description": "Eens per maand aan tafel: wie heeft welke materialen vrij, wie zoekt "
                       "wat, en welke afspraken maken we samen? Koffie en vlaai staan klaar.",
        "mode": "in_person", "venue": "Stichting Circulaire Bouwketen, De Loods",
        "address": "Keileweg 8, 3029 BS Havenstad", "visibility": "public", "capacity": 30,
        "attendees": (6, 10),
        "topics": [
            "Kennismaking en de oogstkaart van De Schakel",
            "Betongranulaat in constructief beton: wat mag er al?",
            "Een gezamenlijk register van vrijkomende materialen",
            "Bestekteksten voor hergebruik: eerste versie",
            "Houtbouw en gebruikt constructiehout keuren",
            "Materialenpaspoort koppelen aan BIM",
            "Pilotprojecten voor 2026 kiezen",
            "Zomereditie: bezoek aan de opslag in Tilburg-Noord",
            "De uitdaging 'tweede leven': ideeën bespreken",
            "Uitkomst van de stemming en de eerste initiatieven",
            "Jaarplan en het congres",
            "Terugblik op het jaar",
            "Nieuwe leden stellen zich voor",
        ],
        "minutes": [
            "**Aanwezig:** tien mensen van zeven organisaties.\n\n- De Schakel deelt de "
            "oogstkaart van het oude belastingkantoor.\n- Afgesproken: iedere maand één "
            "sloopobject op tafel.\n\n**Actie:** Henk stuurt de kaart rond.",
            "- Betonkringloop licht de certificering toe; tot 100% granulaat mag bij "
            "binnenwanden.\n- Gemeente Havenstad onderzoekt een proefproject in de "
            "wijk Kop van Zuid-West.\n\n**Besluit:** werkgroep beton start in mei.",
            "- Drie registers bestaan naast elkaar; niemand wil een vierde.\n- MateriaalPaspoort "
            "biedt een open API aan.\n\n**Actie:** Noor schrijft een voorstel voor één register.",
            "- Eerste versie van de bestekteksten besproken; de juristen van Rijksdienst Wegen "
            "en Water kijken mee.\n- Vragen over garanties op hergebruikte kozijnen.",
            "- Houtbouw Noord zoekt een keuringsmethode; TU Lage Landen heeft een "
            "meetprotocol.\n\n**Actie:** Laura en Marieke plannen een proef.",
            "- Demo van de koppeling tussen paspoort en BIM-model.\n- Afgesproken om IFC als "
            "standaard uitwisselformaat te gebruiken.",
            "- Tien pilotlocaties voorgedragen; Woonstichting Thuis in de Delta stelt twee "
            "flats beschikbaar.\n\n**Besluit:** we starten een uitdaging om ideeën te "
            "verzamelen.",
            "Zomereditie op locatie: twintig deelnemers bekeken 4.000 m² opgeslagen "
            "materiaal. Er is veel vraag naar binnendeuren.",
        ],
    },
    {
        "ecosystem": "api-samenwerking-publiek-privaat",
        "organiser": "ahmed.elamrani@example.nl",
        "co_organiser": ("niels.bakker@example.nl", 80),
        "created": 78, "first": 92, "count": 11, "time": ("13:30", "15:30"),
        "title": "API-tafel",
        "description": "De maandelijkse werksessie van API-ontwerpers uit overheid en markt. "
                       "Neem je ontwerp mee; we bespreken er twee per keer.",
        "mode": "hybrid", "venue": "Dienst Digitale Overheid, zaal Koppeling",
        "address": "Prinses Beatrixlaan 40, 2595 AL Den Haag",
        "online_url": "https://meet.example.nl/api-tafel", "visibility": "members",
        "capacity": 24, "attendees": (5, 8),
        "topics": [
            "Versiebeheer van API's: major, minor en deprecation",
            "Foutmeldingen volgens RFC 9457",
            "Paginering en filtering in lijsten",
            "Autorisatie met OAuth NL-profiel",
            "Webhooks en CloudEvents",
            "Testomgevingen delen: de gezamenlijke sandbox",
            "OpenAPI-linting in de pijplijn",
            "Beheer en ondersteuning na livegang",
            "Jaarplanning en de ontwerpregels 2.0",
            "Terugblik en wensen voor volgend jaar",
            "Nieuwjaarssessie: de API-agenda voor het komende jaar",
        ],
        "minutes": [
            "- Afspraak: een breaking change krijgt minstens een jaar overgangstijd.\n"
            "- Koppelvlak Software deelt hun deprecation-header.",
            "- Iedereen gebruikt voortaan `application/problem+json`.\n- Databrug maakt een "
            "voorbeeldimplementatie.",
            "- Keuze voor cursor-paginering bij grote lijsten, offset bij kleine.\n"
            "**Actie:** Sara werkt de ontwerpregel uit.",
        ],
    },
    {
        "ecosystem": "deur-tot-deur",
        "organiser": "tom.hermans@example.nl",
        "co_organiser": ("koen.verbeek@example.nl", 135),
        "created": 118, "first": 134, "count": 10, "time": ("19:30", "21:30"),
        "title": "Ronde tafel Deur tot deur",
        "description": "Vervoerders, reizigers en overheden bespreken de gaten in de reis. "
                       "Reizigers van het panel zijn altijd welkom.",
        "mode": "in_person", "venue": "Stationsrestauratie Randmeren",
        "address": "Stationsplein 1, 3841 AA Harderwijk", "visibility": "public",
        "capacity": 40, "attendees": (5, 9),
        "topics": [
            "Waar lopen reizigers vast? De reizigersenquête",
            "Deelfietsen bij kleine stations",
            "Regiotaxi en OV in één planner",
            "Toegankelijkheid van haltes: de nulmeting",
            "Eén ticket: wat vraagt het van de vervoerders?",
            "Het reizigerspanel test de planner",
            "Winterdienstregeling en de laatste kilometer",
            "Resultaten van de proef in Weidevelde",
            "Jaarplan",
            "Ideeën voor de laatste kilometer: de stand van zaken",
        ],
        "minutes": [
            "- Grootste knelpunt: de laatste kilometer na 20.00 uur.\n- Vereniging Reizigers "
            "Samen deelt de volledige enquête.",
            "- Trapkracht plaatst twintig deelfietsen bij twee stations.\n**Actie:** "
            "Gemeente Weidevelde regelt de vergunning.",
            "- Regiotaxi Samen levert ritdata in GTFS-Flex.\n- De planner toont de regiotaxi "
            "vanaf het voorjaar.",
            "- De nulmeting laat zien dat 40% van de haltes niet toegankelijk is.",
        ],
    },
    {
        "ecosystem": "telecominfrastructuur-van-morgen",
        "organiser": "paul.verhoeven@example.nl",
        "co_organiser": ("emma.clarke@example.nl", 245),
        "created": 164, "first": 178, "count": 8, "time": ("14:00", "16:00"),
        "title": "Ronde tafel Gedeelde Infrastructuur",
        "description": "Netbouwers, gemeenten en bewonerscoöperaties plannen samen. "
                       "The meeting switches to English whenever someone prefers it.",
        "mode": "hybrid", "venue": "Rijksinspectie Netwerken, Groningen",
        "address": "Hereweg 95, 9721 AA Groningen",
        "online_url": "https://meet.example.nl/gedeelde-infra", "visibility": "members",
        "capacity": 20, "attendees": (4, 7),
        "topics": [
            "Dekkingskaarten delen: formaat en frequentie",
            "Gedeelde masten in het buitengebied",
            "Open access fibre: the wholesale model",
            "Edge sites next to the street cabinets",
            "Coöperaties en de aanleg van de laatste meters",
            "Meetdata publiceren als open data",
            "Jaarplan en de aanvraag bij de provincie",
            "Nieuwe leden en de witte vlekken",
        ],
        "minutes": [
            "- Dekkingskaarten worden elk kwartaal gedeeld als GeoJSON.\n- Mastwerk levert de "
            "eerste kaart aan.",
            "- Drie mastlocaties kunnen gedeeld worden; Gemeente Dijkhoven zoekt de "
            "vergunningen uit.",
            "- NorthSea Edge Cloud presented the wholesale model.\n- Agreed: one price list for "
            "all members, published in the ecosystem.",
        ],
    },
]

# Single events. ``registrations``: how many register (``waitlist`` events more than fit);
# ``cancel``: how many people with a seat cancel later (the waiting list moves on).
EVENTS: list[dict[str, Any]] = [
    {
        "ecosystem": "circulaire-bouwmaterialen-delta",
        "organiser": "sanne.bakker@example.nl",
        "created": 300, "opens": 318, "closes": 392, "day": 396, "time": ("09:30", "17:00"),
        "kind": "annual_event", "title": "Jaarcongres Circulair Bouwen Delta",
        "description": "Het jaarlijkse congres van het ecosysteem: **tien pilotprojecten** "
                       "laten zien wat hergebruik oplevert, met een materiaalmarkt en een "
                       "excursie naar een oogstlocatie. Open voor iedereen.",
        "mode": "in_person", "venue": "De Kraanhal", "address": "Kade 12, 3011 AB Havenstad",
        "visibility": "public", "capacity": 150, "per_organisation_limit": 4,
        "registrations": 18, "from_everywhere": True,
        "questions": [
            ("Welke sessie wil je 's middags bijwonen?", "choice",
             ["Hergebruik in de woningbouw", "Circulair aanbesteden", "Materialenpaspoorten"],
             True),
            ("Heb je dieetwensen?", "choice",
             ["Geen", "Vegetarisch", "Veganistisch", "Glutenvrij"], False),
            ("Ga je mee op de excursie naar de oogstlocatie?", "yes_no", [], False),
            ("Wat hoop je mee naar huis te nemen?", "text", [], False),
        ],
        "hopes": [
            "Contacten met slopers in onze regio.",
            "Voorbeelden van bestekteksten die werken.",
            "Inzicht in de pilots van dit jaar.",
            "Een afnemer voor onze binnendeuren!",
            "Ideas for our own circular procurement.",
        ],
        "guest": ("Anneke de Ruiter", "anneke.deruiter@example.org", 341),
    },
    {
        "ecosystem": "deur-tot-deur",
        "organiser": "koen.verbeek@example.nl",
        "created": 330, "day": 377, "time": ("18:30", "21:00"),
        "kind": "meetup", "title": "Reizigerspanel: test de deur-tot-deur-planner",
        "description": "Probeer de nieuwe planner uit met je eigen reizen en vertel ons wat "
                       "beter moet. We hebben plaats voor tien testers; daarna is er een "
                       "wachtlijst.",
        "mode": "in_person", "venue": "Bibliotheek Weidevelde, leeszaal",
        "address": "Marktstraat 3, 8251 BB Weidevelde", "visibility": "public",
        "capacity": 10, "registrations": 13, "cancel": 1,
    },
    {
        "ecosystem": "deur-tot-deur",
        "organiser": "koen.verbeek@example.nl",
        "created": 345, "day": 372, "time": ("19:30", "21:30"),
        "kind": "ideation_session", "title": "Ideeënsessie: de laatste kilometer",
        "description": "Samen ideeën uitwerken voor de uitdaging over de laatste kilometer. "
                       "Neem je eigen reiservaring mee; wij zorgen voor post-its en soep.",
        "mode": "in_person", "venue": "Stationsrestauratie Randmeren",
        "address": "Stationsplein 1, 3841 AA Harderwijk", "visibility": "public",
        "capacity": 25, "registrations": 6,
    },
    {
        "ecosystem": "api-samenwerking-publiek-privaat",
        "organiser": "niels.bakker@example.nl",
        "created": 250, "day": 281, "time": ("12:00", "13:00"),
        "kind": "webinar", "title": "Webinar: werken met de API-ontwerpregels 2.0",
        "description": "Een lunchwebinar over wat er verandert in de ontwerpregels, met "
                       "voorbeelden uit Havenstad en Databrug. Vragen via de chat.",
        "mode": "online", "online_url": "https://meet.example.nl/webinar-ontwerpregels",
        "visibility": "members", "registrations": 9,
        "minutes": "De opname en de slides staan in de gedeelde map van het ecosysteem.\n\n"
                   "- 42 vragen gesteld; de belangrijkste komen in de FAQ.\n"
                   "- Volgende webinar: beveiliging met het OAuth NL-profiel.",
    },
    {
        "ecosystem": "telecominfrastructuur-van-morgen",
        "organiser": "emma.clarke@example.nl",
        "created": 340, "day": 383, "time": ("16:00", "17:00"),
        "kind": "webinar", "title": "Webinar: shared edge sites for rural 5G",
        "description": "An English-language webinar on placing edge compute next to shared "
                       "masts: costs, ownership models and the first pilot in Dijkhoven.",
        "mode": "online", "online_url": "https://meet.example.nl/edge-sites",
        "visibility": "public", "registrations": 7,
    },
]
