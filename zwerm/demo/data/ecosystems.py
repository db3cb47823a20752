"""Demo ecosystems around four real challenges, with a year of membership history.

``members`` lists (organisation slug, kind, day, steps): from ``day`` (days into the demo
year) the organisation goes through the steps, a few days apart. A step is an action of
the membership state machine, or (action, reason). Members-only ecosystems cannot be
seen by outsiders, so organisations enter them by invitation, never by request.
"""

from typing import Any

MEMBER, OBSERVER = "member", "observer"

# Reusable step sequences.
REQUESTED_ACCEPTED = ["request", "accept"]
INVITED_ACCEPTED = ["invite", "accept_invitation"]


def _left(reason: str) -> list[Any]:
    return ["request", "accept", ("leave", reason)]


ECOSYSTEMS: list[dict[str, Any]] = [
    {
        "slug": "circulaire-bouwmaterialen-delta",
        "name": "Circulaire Bouwmaterialen Delta",
        "goal": "In 2030 komt de helft van de bouwmaterialen in onze regio uit hergebruik, "
                "en weet iedere opdrachtgever waar materialen te vinden zijn.",
        "description": "Slopers, producenten, bouwers, overheden en onderzoekers maken samen "
                       "een markt voor **hergebruikte bouwmaterialen**: van oogstkaart tot "
                       "materialenpaspoort.\n\n- Maandelijkse materiaalmarkt\n"
                       "- Gezamenlijke bestekteksten\n- Eén register van vrijkomende materialen",
        "visibility": "public",
        "join_policy": "request",
        "themes": ["Circulair bouwen", "Energietransitie"],
        "founder": "sanne.bakker@example.nl",
        "day": 14,
        "charter": {
            "reciprocity": "Wie materialen of kennis haalt, brengt ook iets: een dataset, "
                           "een pilotlocatie of uren.",
            "transparency": "Prijzen blijven vertrouwelijk, maar hoeveelheden en herkomst "
                            "van materialen delen we open.",
        },
        "members": [
            ("betonkringloop", MEMBER, 16, REQUESTED_ACCEPTED),
            ("demontage-de-schakel", MEMBER, 18, REQUESTED_ACCEPTED),
            ("gemeente-havenstad", MEMBER, 20, INVITED_ACCEPTED),
            ("tu-lage-landen", MEMBER, 24, INVITED_ACCEPTED),
            ("houtbouw-noord", MEMBER, 30, REQUESTED_ACCEPTED),
            ("rijksdienst-wegen-en-water", MEMBER, 41, INVITED_ACCEPTED),
            ("materiaalpaspoort", MEMBER, 45, REQUESTED_ACCEPTED),
            ("provincie-midden-delta", OBSERVER, 50, REQUESTED_ACCEPTED),
            ("woonstichting-thuis-in-de-delta", MEMBER, 63, REQUESTED_ACCEPTED),
            ("bouwcombinatie-polderkracht", MEMBER, 70,
             ["request", "accept", ("pause", "Wij hebben tot de zomer geen capaciteit door "
                                    "een groot renovatieproject."), "resume"]),
            ("hogeschool-delta-oost", MEMBER, 95,
             ["request", "accept", ("pause", "Het lectoraat wordt opnieuw ingericht; we "
                                    "komen na de herfst terug.")]),
            ("gemeente-dijkhoven", MEMBER, 110,
             _left("Onze bouwopgave is kleiner dan gedacht; we volgen het ecosysteem via "
                   "de provincie.")),
            ("trapkracht", MEMBER, 180,
             ["request", ("decline", "Jullie vraag past beter bij het ecosysteem Deur tot "
                                     "deur; daar sluiten jullie vast mooi aan.")]),
            ("instituut-toegepast-onderzoek", MEMBER, 356, ["invite"]),
            ("innovatiehub-de-werf", MEMBER, 350,
             [("request", "Onze start-ups bouwen prototypes met hergebruikt hout en "
                          "zoeken materiaal.")]),
        ],
        "facilitators": [("thijs.mulder@example.nl", "stichting-circulaire-bouwketen", 40),
                         ("laura.vanderheijden@example.nl", "tu-lage-landen", 120)],
        "delegates": [("betonkringloop", "fleur.koster@example.nl", 200)],
        "updates": [(150, {"goal": "In 2030 komt de helft van de bouwmaterialen in onze regio "
                                   "uit hergebruik; in 2026 draaien tien pilotprojecten."})],
    },
    {
        "slug": "api-samenwerking-publiek-privaat",
        "name": "API-samenwerking Publiek-Privaat",
        "goal": "Overheden en bedrijven ontwerpen samen API's die op elkaar aansluiten, "
                "zodat een koppeling één keer gebouwd wordt in plaats van honderd keer.",
        "description": "Een besloten werkplaats voor API-ontwerpers van overheid en markt. "
                       "We delen ontwerpen, testomgevingen en lessen over beheer.\n\n"
                       "*Members only*: what we share here is work in progress.",
        "visibility": "members",
        "join_policy": "request",
        "themes": ["Open API's", "Open data"],
        "founder": "ahmed.elamrani@example.nl",
        "day": 60,
        "charter": {
            "interoperability": "Elke API volgt de landelijke API-ontwerpregels en wordt "
                                "beschreven in OpenAPI 3.",
            "elasticity": "Wie vertrekt, laat ontwerpen en testgevallen achter onder een "
                          "open licentie.",
        },
        "members": [
            ("stichting-open-standaarden", MEMBER, 62, INVITED_ACCEPTED),
            ("koppelvlak-software", MEMBER, 63, INVITED_ACCEPTED),
            ("gemeente-havenstad", MEMBER, 66, INVITED_ACCEPTED),
            ("databrug", MEMBER, 70, INVITED_ACCEPTED),
            ("veilig-delen", MEMBER, 77, INVITED_ACCEPTED),
            ("rijksdienst-wegen-en-water", MEMBER, 84, INVITED_ACCEPTED),
            ("open-data-lab-noord", MEMBER, 90, INVITED_ACCEPTED),
            ("gemeente-weidevelde", MEMBER, 105, INVITED_ACCEPTED),
            ("instituut-toegepast-onderzoek", OBSERVER, 120, INVITED_ACCEPTED),
            ("northsea-edge-cloud", MEMBER, 160, INVITED_ACCEPTED),
            ("materiaalpaspoort", MEMBER, 200,
             ["invite", "accept_invitation", ("pause", "We bouwen eerst onze nieuwe "
                                              "versie; daarna sluiten we weer aan.")]),
            ("tu-lage-landen", OBSERVER, 340, ["invite"]),
        ],
        "facilitators": [("niels.bakker@example.nl", "stichting-open-standaarden", 75)],
        "delegates": [("gemeente-havenstad", "lisa.hoekstra@example.nl", 100)],
        "updates": [],
    },
    {
        "slug": "deur-tot-deur",
        "name": "Deur tot deur: OV zonder gaten",
        "goal": "Iedereen in de regio reist van voordeur tot voordeur met één planner en "
                "één ticket, ook wie slecht ter been is of buiten de kernen woont.",
        "description": "Vervoerders, overheden, reizigersorganisaties en onderzoekers "
                       "sluiten de gaten in de reis: de eerste en de laatste kilometer.",
        "visibility": "public",
        "join_policy": "open",
        "themes": ["Mobiliteit", "Toegankelijkheid"],
        "founder": "tom.hermans@example.nl",
        "day": 100,
        "charter": {
            "reciprocity": "Vervoerders delen hun realtime data; de planner deelt "
                           "geanonimiseerde reisvragen terug.",
            "self_organisation": "Werkgroepen kiezen zelf hun trekker; de facilitator "
                                 "bewaakt alleen het geheel.",
        },
        "members": [
            ("deur-tot-deur-mobiliteit", MEMBER, 101, ["join"]),
            ("trapkracht", MEMBER, 103, ["join"]),
            ("regiotaxi-samen", MEMBER, 104, ["join"]),
            ("vereniging-reizigers-samen", MEMBER, 108, ["join"]),
            ("stichting-toegankelijk-vervoer", MEMBER, 112, ["join"]),
            ("gemeente-weidevelde", MEMBER, 115, ["join"]),
            ("kennisinstituut-mobiliteit", OBSERVER, 120, ["join"]),
            ("provincie-midden-delta", MEMBER, 126, INVITED_ACCEPTED),
            ("gemeente-dijkhoven", MEMBER, 150, ["join"]),
            ("databrug", MEMBER, 170,
             ["join", ("pause", "Ons team werkt dit kwartaal aan een aanbesteding.")]),
            ("hogeschool-delta-oost", MEMBER, 175,
             ["join", ("leave", "Het studentenproject is afgerond; dank voor de "
                                "gastvrijheid!")]),
            ("netwerk-slimme-regio", OBSERVER, 300, ["invite"]),
        ],
        "facilitators": [("koen.verbeek@example.nl", "deur-tot-deur-mobiliteit", 130)],
        "delegates": [],
        "updates": [(200, {"description": "Vervoerders, overheden, reizigersorganisaties en "
                                          "onderzoekers sluiten de gaten in de reis: de "
                                          "eerste en de laatste kilometer. Sinds de zomer "
                                          "test een reizigerspanel de gezamenlijke planner."})],
    },
    {
        "slug": "telecominfrastructuur-van-morgen",
        "name": "Telecominfrastructuur van morgen",
        "goal": "Samen bepalen hoe glasvezel, 5G en edge computing ook het buitengebied "
                "bereiken — open, gedeeld en toekomstbestendig.",
        "description": "Netbouwers, overheden, onderzoekers en bewonerscoöperaties werken "
                       "aan gedeelde infrastructuur. Shared masts, open access fibre and "
                       "edge sites: we plan them together.",
        "visibility": "members",
        "join_policy": "request",
        "themes": ["Telecom", "Open data"],
        "founder": "paul.verhoeven@example.nl",
        "day": 150,
        "charter": {
            "transparency": "Dekkingskaarten en meetdata publiceren we open; "
                            "bedrijfsgevoelige netplannen blijven in het ecosysteem.",
        },
        "members": [
            ("vezelnet-infra", MEMBER, 152, INVITED_ACCEPTED),
            ("mastwerk-telecom", MEMBER, 153, INVITED_ACCEPTED),
            ("open-radio-labs", MEMBER, 158, INVITED_ACCEPTED),
            ("gemeente-dijkhoven", MEMBER, 160, INVITED_ACCEPTED),
            ("cooperatie-buurtnet", MEMBER, 170, INVITED_ACCEPTED),
            ("stichting-digitale-dorpen", MEMBER, 172, INVITED_ACCEPTED),
            ("northsea-edge-cloud", MEMBER, 185, INVITED_ACCEPTED),
            ("centre-for-networked-systems", MEMBER, 190, INVITED_ACCEPTED),
            ("provincie-midden-delta", OBSERVER, 200, INVITED_ACCEPTED),
            ("tu-lage-landen", OBSERVER, 230,
             ["invite", "accept_invitation", ("leave", "Het onderzoeksproject is "
                                                       "beëindigd.")]),
            ("netwerk-slimme-regio", MEMBER, 320, ["invite", "decline_invitation"]),
            ("gemeente-havenstad", MEMBER, 358, ["invite"]),
        ],
        "facilitators": [("emma.clarke@example.nl", "northsea-edge-cloud", 240)],
        "delegates": [("vezelnet-infra", "zoe.dekker@example.nl", 260)],
        "updates": [],
    },
]
