"""Demo people and the logins shown by ``manage.py demo_logins`` and in the README.

``PEOPLE`` maps an organisation's slug to its people: (name, email, role, language). The
first admin of each organisation creates it. Every demo account shares ``PASSWORD``.
"""

PASSWORD = "zwerm-demo-2025"

# The operator runs the instance (admin site, verification marks); they belong to no organisation.
OPERATOR = {"name": "Beheer Zwerm", "email": "beheer@example.nl"}

# (email, what to try with it) — the README lists the same accounts; a test keeps them equal.
LOGINS = [
    ("sanne.bakker@example.nl",
     "facilitator of Circulaire Bouwmaterialen Delta (Stichting Circulaire Bouwketen)"),
    ("ahmed.elamrani@example.nl",
     "facilitator of the members-only API-samenwerking (Dienst Digitale Overheid)"),
    ("joost.vandam@example.nl",
     "admin of Betonkringloop B.V., a member of Circulaire Bouwmaterialen Delta"),
    ("lisa.hoekstra@example.nl",
     "member of Gemeente Havenstad and its delegate in the API-samenwerking"),
    ("emma.clarke@example.nl", "English-speaking admin of NorthSea Edge Cloud B.V."),
    ("pieter.smit@example.nl",
     "admin of Innovatiehub De Werf, whose request to join is still open"),
    (OPERATOR["email"], "operator: admin site, verification, sees everything"),
]

ADMIN, MEMBER = "admin", "member"

PEOPLE: dict[str, list[tuple[str, str, str, str]]] = {
    "stichting-circulaire-bouwketen": [
        ("Sanne Bakker", "sanne.bakker@example.nl", ADMIN, "nl"),
        ("Thijs Mulder", "thijs.mulder@example.nl", MEMBER, "nl"),
    ],
    "betonkringloop": [
        ("Joost van Dam", "joost.vandam@example.nl", ADMIN, "nl"),
        ("Fleur Koster", "fleur.koster@example.nl", MEMBER, "nl"),
    ],
    "houtbouw-noord": [("Marieke Postma", "marieke.postma@example.nl", ADMIN, "nl")],
    "demontage-de-schakel": [
        ("Henk Wouters", "henk.wouters@example.nl", ADMIN, "nl"),
        ("Yara Bos", "yara.bos@example.nl", MEMBER, "nl"),
    ],
    "bouwcombinatie-polderkracht": [("Ruud Kramer", "ruud.kramer@example.nl", ADMIN, "nl")],
    "materiaalpaspoort": [
        ("Noor Visser", "noor.visser@example.nl", ADMIN, "nl"),
        ("Daan Meijer", "daan.meijer@example.nl", MEMBER, "nl"),
    ],
    "koppelvlak-software": [("Bas Jonker", "bas.jonker@example.nl", ADMIN, "nl")],
    "databrug": [
        ("Eline de Graaf", "eline.degraaf@example.nl", ADMIN, "nl"),
        ("Milan Prins", "milan.prins@example.nl", MEMBER, "nl"),
    ],
    "veilig-delen": [("Fatima Ouali", "fatima.ouali@example.nl", ADMIN, "nl")],
    "deur-tot-deur-mobiliteit": [
        ("Koen Verbeek", "koen.verbeek@example.nl", ADMIN, "nl"),
        ("Iris Smeets", "iris.smeets@example.nl", MEMBER, "nl"),
    ],
    "trapkracht": [("Sem de Boer", "sem.deboer@example.nl", ADMIN, "nl")],
    "regiotaxi-samen": [("Ingrid Hendriks", "ingrid.hendriks@example.nl", ADMIN, "nl")],
    "vezelnet-infra": [
        ("Wouter Brouwer", "wouter.brouwer@example.nl", ADMIN, "nl"),
        ("Zoë Dekker", "zoe.dekker@example.nl", MEMBER, "nl"),
    ],
    "mastwerk-telecom": [("Gerrit Vos", "gerrit.vos@example.nl", ADMIN, "nl")],
    "open-radio-labs": [("Julia Peeters", "julia.peeters@example.nl", ADMIN, "en")],
    "northsea-edge-cloud": [
        ("Emma Clarke", "emma.clarke@example.nl", ADMIN, "en"),
        ("Lars Nieuwenhuis", "lars.nieuwenhuis@example.nl", MEMBER, "en"),
    ],
    "gemeente-havenstad": [
        ("Maarten de Wit", "maarten.dewit@example.nl", ADMIN, "nl"),
        ("Lisa Hoekstra", "lisa.hoekstra@example.nl", MEMBER, "nl"),
    ],
    "gemeente-dijkhoven": [("Anouk Schouten", "anouk.schouten@example.nl", ADMIN, "nl")],
    "gemeente-weidevelde": [
        ("Rob van Leeuwen", "rob.vanleeuwen@example.nl", ADMIN, "nl"),
        ("Sophie Willems", "sophie.willems@example.nl", MEMBER, "nl"),
    ],
    "provincie-midden-delta": [
        ("Erik Jansen", "erik.jansen@example.nl", ADMIN, "nl"),
        ("Hanna Timmermans", "hanna.timmermans@example.nl", MEMBER, "nl"),
    ],
    "rijksdienst-wegen-en-water": [
        ("Mohamed Bouzid", "mohamed.bouzid@example.nl", ADMIN, "nl"),
        ("Karin Bosman", "karin.bosman@example.nl", MEMBER, "nl"),
    ],
    "dienst-digitale-overheid": [
        ("Ahmed El Amrani", "ahmed.elamrani@example.nl", ADMIN, "nl"),
        ("Charlotte van Vliet", "charlotte.vanvliet@example.nl", MEMBER, "nl"),
    ],
    "vervoerautoriteit-randmeren": [
        ("Tom Hermans", "tom.hermans@example.nl", ADMIN, "nl"),
        ("Esther Kuipers", "esther.kuipers@example.nl", MEMBER, "nl"),
    ],
    "rijksinspectie-netwerken": [("Paul Verhoeven", "paul.verhoeven@example.nl", ADMIN, "nl")],
    "tu-lage-landen": [
        ("Laura van der Heijden", "laura.vanderheijden@example.nl", ADMIN, "nl"),
        ("Jan-Willem Bakker", "janwillem.bakker@example.nl", MEMBER, "en"),
    ],
    "hogeschool-delta-oost": [("Mirjam Coenen", "mirjam.coenen@example.nl", ADMIN, "nl")],
    "instituut-toegepast-onderzoek": [
        ("Vincent Maas", "vincent.maas@example.nl", ADMIN, "nl"),
        ("Priya Ramdin", "priya.ramdin@example.nl", MEMBER, "nl"),
    ],
    "kennisinstituut-mobiliteit": [("Bram Veenstra", "bram.veenstra@example.nl", ADMIN, "nl")],
    "open-data-lab-noord": [("Femke Dijkstra", "femke.dijkstra@example.nl", ADMIN, "nl")],
    "centre-for-networked-systems": [
        ("Oliver Grant", "oliver.grant@example.nl", ADMIN, "en"),
    ],
    "stichting-open-standaarden": [
        ("Niels Bakker", "niels.bakker@example.nl", ADMIN, "nl"),
        ("Sara Yilmaz", "sara.yilmaz@example.nl", MEMBER, "nl"),
    ],
    "vereniging-reizigers-samen": [("Gert-Jan Mol", "gertjan.mol@example.nl", ADMIN, "nl")],
    "stichting-toegankelijk-vervoer": [("Ans Claassen", "ans.claassen@example.nl", ADMIN, "nl")],
    "cooperatie-buurtnet": [("Dirk Huisman", "dirk.huisman@example.nl", ADMIN, "nl")],
    "stichting-digitale-dorpen": [("Wilma Zijlstra", "wilma.zijlstra@example.nl", ADMIN, "nl")],
    "woonstichting-thuis-in-de-delta": [
        ("Jeroen Lammers", "jeroen.lammers@example.nl", ADMIN, "nl"),
    ],
    "netwerk-slimme-regio": [("Linda Hofman", "linda.hofman@example.nl", ADMIN, "nl")],
    "innovatiehub-de-werf": [("Pieter Smit", "pieter.smit@example.nl", ADMIN, "nl")],
}
