"""Demo organisations of every kind, from every corner of the country, with offers and seeks.

Each entry holds the profile fields the organisation service accepts, plus ``day`` (days
after the start of the demo year when it joined Zwerm), ``offers`` and ``seeks``
as (title, description) pairs. KvK numbers have 8 digits; OINs have 20 (``00000001``,
an invented RSIN, ``000``). Websites use the reserved ``.example`` domain.
"""

from typing import Any

COMPANY, GOVERNMENT, KNOWLEDGE, NONPROFIT, OTHER = (
    "company", "government", "knowledge", "nonprofit", "other",
)


def _org(slug: str, name: str, kind: str, region: str, day: int, themes: list[str],
         description: str, offers: list[tuple[str, str]], seeks: list[tuple[str, str]],
         kvk: str = "", oin: str = "") -> dict[str, Any]:
    return {
        "slug": slug, "name": name, "kind": kind, "region": region, "day": day,
        "website": f"https://www.{slug}.example", "themes": themes, "description": description,
        "kvk_number": kvk, "oin": oin, "offers": offers, "seeks": seeks,
    }


BOUW, API, MOB, TEL = "Circulair bouwen", "Open API's", "Mobiliteit", "Telecom"
DATA, ENERGY, ACCESS = "Open data", "Energietransitie", "Toegankelijkheid"

ORGANISATIONS: list[dict[str, Any]] = [
    # Circular building
    _org("stichting-circulaire-bouwketen", "Stichting Circulaire Bouwketen", NONPROFIT,
         "zuid-holland", 1, [BOUW],
         "Wij verbinden opdrachtgevers, slopers en producenten zodat bouwmaterialen **een "
         "tweede leven** krijgen.",
         [("Procesbegeleiding ketensamenwerking", "Wij begeleiden ronde tafels tussen "
           "opdrachtgevers, slopers en leveranciers."),
          ("Handreiking circulair aanbesteden", "Een praktische gids met modelbestekteksten.")],
         [("Pilotprojecten in de woningbouw", "Wij zoeken opdrachtgevers die een pilot "
           "met hergebruikte materialen willen starten.")],
         kvk="61234507"),
    _org("betonkringloop", "Betonkringloop B.V.", COMPANY, "zuid-holland", 3, [BOUW, ENERGY],
         "Wij breken sloopbeton en maken er nieuw beton van, met **tot 100% "
         "betongranulaat**.",
         [("Beton met 100% betongranulaat", "Gecertificeerd constructief beton uit "
           "sloopbeton uit de regio."),
          ("CO₂-berekening per levering", "Bij elke levering een milieuprestatieberekening.")],
         [("Sloopbeton uit de regio", "Wij zoeken vaste afspraken met slopers binnen 50 km."),
          ("Opdrachtgevers die durven", "Gemeenten die circulair beton willen voorschrijven.")],
         kvk="70012345"),
    _org("houtbouw-noord", "Houtbouw Noord", COMPANY, "friesland", 8, [BOUW],
         "Prefab houtskeletbouw uit Fryslân: demontabel ontworpen en vastgelegd in een "
         "materialenpaspoort.",
         [("Demontabele houtbouwelementen", "Wanden en vloeren die na 50 jaar opnieuw "
           "gebruikt kunnen worden.")],
         [("Gecertificeerd hergebruikt hout", "Partners die gebruikt constructiehout "
           "kunnen keuren en leveren.")],
         kvk="70023456"),
    _org("demontage-de-schakel", "Demontagebedrijf De Schakel", COMPANY, "noord-brabant", 12,
         [BOUW],
         "Wij slopen niet, wij **oogsten**: gebouwen worden zorgvuldig gedemonteerd.",
         [("Oogstkaart van sloopobjecten", "Een inventarisatie van herbruikbare materialen "
           "voordat de sloop begint."),
          ("Opslag van gedemonteerde materialen", "4.000 m² overdekte opslag in Tilburg-Noord.")],
         [("Afnemers voor kozijnen en binnendeuren", "Wij zoeken partijen die deze "
           "materialen willen hergebruiken.")],
         kvk="70034567"),
    _org("bouwcombinatie-polderkracht", "Bouwcombinatie Polderkracht", COMPANY, "flevoland", 20,
         [BOUW, ENERGY],
         "Aannemerscombinatie voor utiliteitsbouw en renovatie van schoolgebouwen.",
         [("Renovatie met hergebruikte materialen", "Ervaring met drie circulaire scholen.")],
         [("Materialen met paspoort", "Leveranciers die hun materialen digitaal vastleggen.")],
         kvk="70045678"),
    _org("materiaalpaspoort", "MateriaalPaspoort B.V.", COMPANY, "utrecht", 25,
         [BOUW, DATA, API],
         "Software om materialen van gebouwen vast te leggen, te volgen en te verhandelen.",
         [("Materialenpaspoort als dienst", "Een register per gebouw, te koppelen via een "
           "open API."),
          ("Koppeling met BIM-modellen", "Import van IFC-bestanden in het paspoort.")],
         [("Gemeenten als launching customer", "Wij zoeken gemeenten die paspoorten willen "
           "eisen bij nieuwbouw.")],
         kvk="70056789"),
    _org("woonstichting-thuis-in-de-delta", "Woonstichting Thuis in de Delta", NONPROFIT,
         "zeeland", 30, [BOUW, ENERGY],
         "Woningcorporatie met 9.000 huurwoningen in de Zeeuwse delta.",
         [("Renovatieprojecten als proeftuin", "Jaarlijks 300 woningen die we circulair "
           "willen renoveren.")],
         [("Circulaire kozijnen", "Leveranciers van hergebruikte of biobased kozijnen.")],
         kvk="41112345"),
    # API collaboration
    _org("koppelvlak-software", "Koppelvlak Software B.V.", COMPANY, "gelderland", 35,
         [API, DATA],
         "Wij bouwen en beheren API's voor gemeenten en uitvoeringsorganisaties.",
         [("API-ontwerp volgens de API Design Rules", "Wij ontwerpen en toetsen API's "
           "volgens de landelijke ontwerpregels."),
          ("Beheer van API-gateways", "Beheer en monitoring, 24/7.")],
         [("Testomgevingen bij overheden", "Toegang tot realistische testdata.")],
         kvk="70067890"),
    _org("databrug", "DataBrug Integraties", COMPANY, "overijssel", 40, [API, MOB],
         "Integratiespecialist voor mobiliteits- en overheidsdata.",
         [("Realtime reisinformatie koppelen", "Wij ontsluiten dienstregelingen en "
           "voertuigposities."),
          ("Open-sourcebibliotheken", "Onze koppelstukken zijn open source (EUPL).")],
         [("Partners voor een gezamenlijke datastandaard", "Om niet elke koppeling "
           "opnieuw te bouwen.")],
         kvk="70078901"),
    _org("veilig-delen", "Veilig Delen B.V.", COMPANY, "noord-holland", 45, [API],
         "Toegangsbeheer en toestemmingen voor het veilig delen van gegevens.",
         [("Toestemmingsregister", "Burgers en bedrijven geven en trekken toestemming in.")],
         [("Afspraken over vertrouwensniveaus", "Een gezamenlijk stelsel met overheden.")],
         kvk="70089012"),
    _org("northsea-edge-cloud", "NorthSea Edge Cloud B.V.", COMPANY, "noord-holland", 60,
         [TEL, API],
         "Edge computing close to the antenna: low-latency hosting for public services.",
         [("Edge hosting near 5G sites", "Run workloads within 5 ms of the user."),
          ("Sovereign cloud for public bodies", "Data stays in the Netherlands, "
           "operated under Dutch law.")],
         [("Pilot partners in government", "Public bodies with latency-critical services."),
          ("Fibre backhaul partners", "Regional fibre networks to connect our sites.")],
         kvk="70090123"),
    # Door-to-door public transport
    _org("deur-tot-deur-mobiliteit", "Deur tot Deur Mobiliteit B.V.", COMPANY, "gelderland",
         50, [MOB, ACCESS],
         "Eén reis, één ticket: wij plannen de reis van voordeur tot voordeur.",
         [("Reisplanner voor de hele keten", "Trein, bus, deelfiets en regiotaxi in één "
           "advies."),
          ("Eén ticket voor de hele reis", "Afrekenen achteraf met één betaalmiddel.")],
         [("Vervoerders die hun data delen", "Realtime beschikbaarheid van deelvervoer.")],
         kvk="70101234"),
    _org("trapkracht", "Trapkracht Deelfietsen", COMPANY, "utrecht", 55, [MOB, ENERGY],
         "Deelfietsen en deelbakfietsen bij stations en in dorpskernen.",
         [("Deelfietsen bij 40 stations", "Open API met beschikbaarheid per station.")],
         [("Plekken in dorpskernen", "Gemeenten die stallingsruimte bieden.")],
         kvk="70112345"),
    _org("regiotaxi-samen", "RegioTaxi Samen", COMPANY, "overijssel", 65, [MOB, ACCESS],
         "Vraagafhankelijk vervoer voor wie niet met bus of trein kan.",
         [("Vervoer op afroep", "Binnen 30 minuten aan de deur, ook in het buitengebied.")],
         [("Koppeling met de reisplanner", "Zodat reizigers regiotaxi in één keer boeken.")],
         kvk="70123456"),
    # Telecom
    _org("vezelnet-infra", "Vezelnet Infra B.V.", COMPANY, "drenthe", 70, [TEL],
         "Wij leggen en beheren open glasvezelnetten in het landelijk gebied.",
         [("Open toegang tot glasvezel", "Elke dienstaanbieder kan op ons net."),
          ("Gedeelde graafwerkzaamheden", "Samen graven met netbeheerders en gemeenten.")],
         [("Locaties voor wijkcentrales", "Grond of ruimte van gemeenten en corporaties.")],
         kvk="70134567"),
    _org("mastwerk-telecom", "Mastwerk Telecom B.V.", COMPANY, "limburg", 75, [TEL],
         "Bouw en gedeeld gebruik van antennemasten.",
         [("Gedeelde masten", "Eén mast voor meerdere operators, minder horizonvervuiling.")],
         [("Afspraken over vergunningen", "Snellere, voorspelbare procedures.")],
         kvk="70145678"),
    _org("open-radio-labs", "Open Radio Labs", COMPANY, "noord-brabant", 80, [TEL],
         "Open RAN testbed and software for private 5G networks.",
         [("Open RAN test lab", "Test your equipment against open interfaces."),
          ("Private 5G for campuses", "Networks for ports, hospitals and campuses.")],
         [("Spectrum for experiments", "Temporary licences for field trials.")],
         kvk="70156789"),
    # Government bodies
    _org("gemeente-havenstad", "Gemeente Havenstad", GOVERNMENT, "zuid-holland", 2,
         [BOUW, API, DATA],
         "Havenstad wil in 2030 circulair bouwen en haar diensten via open API's aanbieden.",
         [("Gemeentelijk vastgoed als proeftuin", "Scholen en sporthallen om circulair te "
           "renoveren."),
          ("Open data over de openbare ruimte", "Bomen, lantaarnpalen en verkeer.")],
         [("Marktpartijen voor circulair beton", "Voor bruggen en kademuren."),
          ("Kennis van API-beheer", "Hoe houden we API's veilig en actueel?")],
         oin="00000001812345678000"),
    _org("gemeente-dijkhoven", "Gemeente Dijkhoven", GOVERNMENT, "gelderland", 15,
         [MOB, TEL],
         "Plattelandsgemeente met twaalf kernen langs de rivier.",
         [("Locaties voor mobiliteitshubs", "Bij elk busstation ruimte voor deelvervoer.")],
         [("Snel internet in het buitengebied", "Partners voor glasvezel en 5G.")],
         oin="00000001823456789000"),
    _org("gemeente-weidevelde", "Gemeente Weidevelde", GOVERNMENT, "utrecht", 28,
         [MOB, API, ACCESS],
         "Weidevelde werkt aan toegankelijk vervoer en digitale dienstverlening.",
         [("Gegevens over doelgroepenvervoer", "Geanonimiseerde ritdata voor onderzoek.")],
         [("Eén loket voor vervoer", "Inwoners willen één plek om hun reis te regelen.")],
         oin="00000001834567890000"),
    _org("provincie-midden-delta", "Provincie Midden-Delta", GOVERNMENT, "national", 5,
         [MOB, TEL, BOUW],
         "De provincie bestuurt het regionale openbaar vervoer en de provinciale wegen.",
         [("Concessie regionaal openbaar vervoer", "Ruimte voor experimenten in de nieuwe "
           "concessie."),
          ("Subsidie circulaire infrastructuur", "Cofinanciering voor proefprojecten.")],
         [("Dekking in het buitengebied", "Data over mobiele dekking per postcode.")],
         oin="00000001845678901000"),
    _org("rijksdienst-wegen-en-water", "Rijksdienst Wegen en Water", GOVERNMENT, "national",
         10, [BOUW, API, DATA],
         "Uitvoeringsdienst voor rijkswegen, vaarwegen en waterkeringen.",
         [("Vrijkomende materialen uit vervangingsopgave", "Betonnen liggers en "
           "stalen damwanden uit bruggen die worden vervangen."),
          ("Open API's voor verkeersdata", "Actuele wegwerkzaamheden en files.")],
         [("Hergebruik van brugdelen", "Partijen die liggers een tweede leven geven.")],
         oin="00000001856789012000"),
    _org("dienst-digitale-overheid", "Dienst Digitale Overheid", GOVERNMENT, "national", 33,
         [API, DATA],
         "Wij beheren de gezamenlijke digitale voorzieningen van de overheid.",
         [("API-register en ontwerpregels", "Eén plek voor alle overheids-API's."),
          ("Advies over standaarden", "Hulp bij het toepassen van open standaarden.")],
         [("Feedback van marktpartijen", "Waar lopen bouwers van koppelingen tegenaan?")],
         oin="00000001867890123000"),
    _org("vervoerautoriteit-randmeren", "Vervoerautoriteit Randmeren", GOVERNMENT,
         "flevoland", 48, [MOB, ACCESS],
         "Samenwerkingsverband van zeven gemeenten voor het regionale vervoer.",
         [("Regionale vervoerdata", "Reizigerstellingen per halte en per uur.")],
         [("Vervoer voor de laatste kilometer", "Oplossingen van halte tot voordeur.")],
         oin="00000001878901234000"),
    _org("rijksinspectie-netwerken", "Rijksinspectie Netwerken en Frequenties", GOVERNMENT,
         "national", 68, [TEL],
         "Toezicht op het gebruik van frequenties en de betrouwbaarheid van netwerken.",
         [("Experimenteervergunningen", "Tijdelijke toestemming voor proeven met "
           "nieuwe radiotechniek."),
          ("Metingen van dekking", "Open meetdata over mobiele netwerken.")],
         [("Signalen uit de praktijk", "Waar schiet de infrastructuur tekort?")],
         oin="00000001889012345000"),
    # Knowledge institutions
    _org("tu-lage-landen", "Technische Universiteit Lage Landen", KNOWLEDGE, "zuid-holland",
         6, [BOUW, TEL, DATA],
         "Onderzoek naar circulaire constructies en toekomstige netwerken.",
         [("Onderzoek naar hergebruik van beton", "Proefbelastingen in ons laboratorium."),
          ("Afstudeerders", "Masterstudenten voor onderzoek bij partners.")],
         [("Praktijkcases", "Echte projecten om onderzoek op te toetsen.")],
         oin="00000001890123456000"),
    _org("hogeschool-delta-oost", "Hogeschool Delta Oost", KNOWLEDGE, "zeeland", 18,
         [BOUW, MOB],
         "Praktijkgericht onderzoek met studenten in de regio.",
         [("Studententeams voor praktijkvragen", "Teams van vier studenten, 20 weken.")],
         [("Opdrachtgevers voor afstudeerprojecten", "In bouw en mobiliteit.")],
         oin="00000001801234567000"),
    _org("instituut-toegepast-onderzoek", "Instituut voor Toegepast Onderzoek", KNOWLEDGE,
         "zuid-holland", 22, [BOUW, API, TEL],
         "Onafhankelijk onderzoeksinstituut voor technologie met maatschappelijke impact.",
         [("Levenscyclusanalyses", "Onafhankelijke berekening van milieu-impact."),
          ("Interoperabiliteitstesten", "Wij testen of systemen werkelijk samenwerken.")],
         [("Data uit pilots", "Meetgegevens om modellen te valideren.")],
         oin="00000001811223344000"),
    _org("kennisinstituut-mobiliteit", "Kennisinstituut Mobiliteit en Ruimte", KNOWLEDGE,
         "utrecht", 52, [MOB, ACCESS],
         "Onderzoek naar bereikbaarheid en de gevolgen voor wie minder mobiel is.",
         [("Bereikbaarheidsanalyses", "Hoe lang duurt de reis van deur tot deur, per "
           "buurt?")],
         [("Reisdata van aanbieders", "Geanonimiseerde ritten om analyses te toetsen.")],
         kvk="41123456"),
    _org("open-data-lab-noord", "Open Data Lab Noord", KNOWLEDGE, "groningen", 42,
         [DATA, API],
         "Lab van hogeschool en bedrijfsleven voor het werken met open data.",
         [("Datasprints", "Twee dagen bouwen met open data, met studenten."),
          ("Workshop API's voor beginners", "In het Nederlands en Engels.")],
         [("Datasets met een verhaal", "Organisaties die data willen openen.")],
         kvk="41134567"),
    _org("centre-for-networked-systems", "Centre for Networked Systems", KNOWLEDGE,
         "international", 85, [TEL],
         "An international research centre on resilient and open network architectures.",
         [("Research on resilient networks", "Joint research projects and PhD positions.")],
         [("Field trial partners", "Operators and municipalities willing to host trials.")],
         kvk="41145678"),
    # Non-profits
    _org("stichting-open-standaarden", "Stichting Open Standaarden Platform", NONPROFIT,
         "national", 38, [API, DATA],
         "Wij bevorderen open standaarden zodat systemen met elkaar kunnen praten.",
         [("Begeleiding van standaardisatie", "Van eerste schets tot beheerde standaard.")],
         [("Leveranciers die open standaarden implementeren", "Voor een "
           "interoperabiliteitstest.")],
         kvk="41156789"),
    _org("vereniging-reizigers-samen", "Vereniging Reizigers Samen", NONPROFIT, "national",
         58, [MOB, ACCESS],
         "De stem van de reiziger in het openbaar vervoer.",
         [("Reizigerspanel", "1.200 leden die nieuwe diensten testen.")],
         [("Inspraak bij nieuwe concessies", "Vroeg betrokken worden, niet achteraf.")],
         kvk="41167890"),
    _org("stichting-toegankelijk-vervoer", "Stichting Toegankelijk Vervoer", NONPROFIT,
         "gelderland", 62, [MOB, ACCESS],
         "Voor reizigers met een beperking: zelfstandig van deur tot deur.",
         [("Toegankelijkheidstoets", "Ervaringsdeskundigen toetsen apps en haltes.")],
         [("Data over toegankelijke haltes", "Welke haltes zijn werkelijk toegankelijk?")],
         kvk="41178901"),
    _org("cooperatie-buurtnet", "Coöperatie Buurtnet U.A.", NONPROFIT, "overijssel", 72,
         [TEL, ENERGY],
         "Bewoners die zelf hun glasvezelnet aanleggen en beheren.",
         [("Ervaring met bewonersinitiatieven", "Vijf dorpen zelf aangesloten.")],
         [("Technische partners", "Voor beheer en onderhoud van het net.")],
         kvk="41189012"),
    _org("stichting-digitale-dorpen", "Stichting Digitale Dorpen", NONPROFIT, "groningen", 78,
         [TEL, ACCESS],
         "Wij helpen dorpen in Noord-Nederland aan goede digitale voorzieningen.",
         [("Netwerk van dorpsambassadeurs", "Dertig vrijwilligers in evenveel dorpen.")],
         [("Betaalbare aansluitingen", "Aanbieders die ook afgelegen adressen aansluiten.")],
         kvk="41190123"),
    # Other forms
    _org("netwerk-slimme-regio", "Netwerk Slimme Regio Midden-Delta", OTHER, "zuid-holland",
         82, [TEL, DATA, MOB],
         "Netwerk van overheden, bedrijven en kennisinstellingen in de regio.",
         [("Regionale netwerkbijeenkomsten", "Vier keer per jaar, wisselende gastheer.")],
         [("Gedeelde infrastructuur", "Sensoren en netwerken die de regio samen gebruikt.")]),
    _org("innovatiehub-de-werf", "Innovatiehub De Werf", OTHER, "noord-holland", 90,
         [BOUW, ENERGY],
         "Een oude scheepswerf vol start-ups, makers en proeftuinen.",
         [("Proeftuinruimte", "Hallen waar prototypes op ware grootte gebouwd worden."),
          ("Makerspace", "Werkplaats met CNC-frees en houtbewerking.")],
         [("Partners met een bouwopgave", "Echte opdrachten voor onze start-ups.")]),
]

# Later changes to profiles: (slug, day, fields changed through organisation_update).
PROFILE_UPDATES: list[tuple[str, int, dict[str, str]]] = [
    ("betonkringloop", 140, {"description": "Wij breken sloopbeton en maken er nieuw beton "
                             "van, met **tot 100% betongranulaat**. Sinds dit voorjaar ook "
                             "met een eigen breekinstallatie in de haven."}),
    ("gemeente-havenstad", 175, {"description": "Havenstad wil in 2030 circulair bouwen en "
                                 "haar diensten via open API's aanbieden. Het "
                                 "programma Circulair Havenstad loopt tot 2028."}),
    ("trapkracht", 190, {"region": "national"}),
    ("open-radio-labs", 215, {"description": "Open RAN testbed and software for private 5G "
                              "networks, now with a second lab in Eindhoven."}),
    ("materiaalpaspoort", 240, {"description": "Software om materialen van gebouwen vast te "
                                "leggen, te volgen en te verhandelen. Versie 3 met open "
                                "API verschijnt dit najaar."}),
    ("stichting-toegankelijk-vervoer", 265, {"description": "Voor reizigers met een "
                                             "beperking: zelfstandig van deur tot deur. Ons "
                                             "panel telt nu 300 ervaringsdeskundigen."}),
    ("vezelnet-infra", 290, {"description": "Wij leggen en beheren open glasvezelnetten in "
                             "het landelijk gebied, inmiddels in drie provincies."}),
    ("tu-lage-landen", 320, {"description": "Onderzoek naar circulaire constructies, "
                             "toekomstige netwerken en de data die ze verbindt."}),
    ("netwerk-slimme-regio", 340, {"description": "Netwerk van overheden, bedrijven en "
                                   "kennisinstellingen in de regio; sinds dit jaar met een "
                                   "vaste werkgroep telecom."}),
]
