/**
 * Demo data for the fictional town "Musterstadt": a complete ISEK with vision, the three
 * dimensions of the New Leipzig Charter, action fields, strategic goals, districts, the town
 * hall's departments and the 43 project briefs of a (fictional) leadership workshop.
 *
 * Pure data: no imports, no side effects. Everything is referenced by name; the seeder resolves
 * names to ids. All persons, places and figures are invented.
 */

export type DemoStatus = 'idea' | 'brief' | 'prioritised' | 'planning' | 'implementation' | 'done' | 'on_hold';
export type DemoHorizon = 'short' | 'medium' | 'long';
export type DemoPriority = 'A' | 'B' | 'C';

/** A GeoJSON Polygon (RFC 7946): one exterior ring of [longitude, latitude], first == last. */
export interface DemoPolygon {
  type: 'Polygon';
  coordinates: [number, number][][];
}

export interface DemoBrief {
  title: string;
  need: string;
  goal: string;
  description: string;
  districts: string[];
  leadDepartment: string;
  partnerDepartments: string[];
  externalActors: string;
  targetGroups: string;
  costEur: number | null;
  horizon: DemoHorizon;
  plannedStart: string | null;
  plannedEnd: string | null;
  status: DemoStatus;
  /** the class of an earlier decision; required for 'prioritised', none for 'idea' and 'brief' (domain/measure-state.ts) */
  priority?: DemoPriority;
  goals: string[];
  actionFields: string[];
  dimensions: string[];
  origin: string;
  tags: string[];
}

export interface DemoData {
  vision: string;
  horizonStart: number;
  horizonEnd: number;
  dimensions: { name: string; description: string; color: string }[];
  actionFields: { name: string; description: string }[];
  goals: { title: string; description: string; actionFields: string[]; dimensions: string[] }[];
  /** designations: the kinds of funding areas the district lies in (contract/concept.ts AreaKind) */
  districts: { name: string; description: string; boundary: DemoPolygon; designations?: ('lebendige_zentren' | 'sozialer_zusammenhalt' | 'wachstum_nachhaltige_erneuerung' | 'leader' | 'efre')[] }[];
  departments: { name: string; shortName: string; head: string }[];
  briefs: DemoBrief[];
}

// ---------------------------------------------------------------------------------------------
// Names used as references (kept in constants so that a typo is a compile error, not a dangling
// reference).

const GERECHT = 'Gerechte Stadt';
const GRUEN = 'Grüne Stadt';
const PRODUKTIV = 'Produktive Stadt';

const AF_WOHNEN = 'Wohnen und Quartiersentwicklung';
const AF_MOBIL = 'Mobilität und Verkehr';
const AF_KLIMA = 'Klima, Umwelt und Grün';
const AF_WIRTSCHAFT = 'Wirtschaft, Handel und Innenstadt';
const AF_BILDUNG = 'Bildung, Kultur und Sport';
const AF_SOZIAL = 'Soziales und Teilhabe';
const AF_DIGITAL = 'Digitalisierung und Verwaltung';
const AF_TOURISMUS = 'Tourismus und Stadtbild';

const ALTSTADT = 'Altstadt';
const NEUSTADT = 'Neustadt';
const SUEDSTADT = 'Südstadt';
const BAHNHOF = 'Bahnhofsviertel';
const GARTENSTADT = 'Gartenstadt';
const INDUSTRIE = 'Industriegebiet Nord';
const WALLENDORF = 'Ortsteil Wallendorf';
const KOETZSCHEN = 'Ortsteil Kötzschen';

const SPA = 'Amt für Stadtentwicklung und Stadtplanung';
const TBA = 'Tiefbauamt';
const UGA = 'Amt für Umwelt und Grünflächen';
const WFA = 'Amt für Wirtschaftsförderung';
const BSA = 'Amt für Bildung, Schule und Sport';
const SOZ = 'Sozialamt';
const KTA = 'Kultur- und Tourismusamt';
const HA = 'Hauptamt / Digitalisierung';
const KAEM = 'Kämmerei';
const OA = 'Ordnungsamt';

const Z_WOHNRAUM = 'Bezahlbaren und vielfältigen Wohnraum sichern';
const Z_QUARTIERE = 'Lebendige Quartiere mit starker Nachbarschaft entwickeln';
const Z_NAHMOBIL = 'Nahmobilität, Radverkehr und ÖPNV stärken';
const Z_OEFFRAUM = 'Öffentliche Räume barrierefrei, sicher und einladend gestalten';
const Z_KLIMAANPASSUNG = 'Die Stadt an Hitze und Starkregen anpassen';
const Z_GRUENNETZ = 'Grün- und Freiflächen vernetzen und aufwerten';
const Z_KLIMANEUTRAL = 'Kommunale Gebäude und Infrastruktur bis 2040 klimaneutral betreiben';
const Z_INNENSTADT = 'Die Innenstadt als Ort für Handel, Dienstleistung und Begegnung stärken';
const Z_GEWERBE = 'Gewerbeflächen zukunftsfähig entwickeln und Fachkräfte gewinnen';
const Z_BILDUNG = 'Bildungsorte modernisieren und für den Stadtteil öffnen';
const Z_KULTURSPORT = 'Kultur, Sport und Vereinsleben als Identitätsanker fördern';
const Z_TEILHABE = 'Teilhabe aller Generationen ermöglichen';
const Z_VERWALTUNG = 'Eine digitale, bürgernahe und ämterübergreifend arbeitende Verwaltung';
const Z_BAUKULTUR = 'Baukulturelles Erbe bewahren und das Stadtbild pflegen';
const Z_ORTSTEILE = 'Die Ortsteile als eigenständige Lebensorte stärken';

const WORKSHOP = 'Führungskräfteworkshop 22./23.06.2023, Gruppe';
const origin = (district: string) => `${WORKSHOP} ${district}`;

// ---------------------------------------------------------------------------------------------
// District boundaries: a tiled town around 11.99° E / 51.35° N. Neighbouring districts share
// their boundary vertices exactly, so the polygons touch but do not overlap. Rings run
// counter-clockwise as RFC 7946 recommends.

const W = 11.965; // west edge of the core town (boundary to Wallendorf)
const D = 11.985; // west edge of the Altstadt
const E = 11.997; // east edge of the Altstadt
const F = 12.01; // east edge of the core town (boundary to Kötzschen)
const G = 12.03; // north-east corner of Kötzschen
const P = 51.335; // south edge
const Q = 51.345; // Altstadt south edge
const R = 51.355; // Altstadt north edge
const S = 51.365; // Neustadt north edge / Industriegebiet south edge
const T = 51.375; // north edge
const ALT_EAST: [number, number] = [11.999, 51.35]; // Altstadt bulges into the Bahnhofsviertel
const ALT_WEST: [number, number] = [11.983, 51.35]; // ... and into the Gartenstadt

const polygon = (...ring: [number, number][]): DemoPolygon => ({ type: 'Polygon', coordinates: [[...ring, ring[0]]] });

// ---------------------------------------------------------------------------------------------

export const demoData: DemoData = {
  vision:
    'Musterstadt 2045 ist eine lebenswerte, klimaresiliente und wirtschaftlich starke Kleinstadt, in der alle Generationen gut und bezahlbar wohnen. ' +
    'Die historische Altstadt ist wieder das lebendige Herz der Stadt, die Quartiere und Ortsteile sind durch sichere Rad- und Fußwege, einen verlässlichen Nahverkehr und ein zusammenhängendes Netz aus Grünflächen miteinander verbunden. ' +
    'Innovative Betriebe, Handwerk und Handel finden hier Flächen, Fachkräfte und eine Verwaltung, die digital, schnell und ämterübergreifend arbeitet. ' +
    'Bürgerinnen und Bürger, Vereine und Unternehmen gestalten die Entwicklung ihrer Stadt aktiv mit – entlang der drei Säulen der Neuen Leipzig-Charta: gerecht, grün und produktiv.',
  horizonStart: 2025,
  horizonEnd: 2045,

  dimensions: [
    {
      name: GERECHT,
      description:
        'Chancengleichheit, bezahlbares Wohnen, gute Bildung und Teilhabe für alle – unabhängig von Herkunft, Alter, Geschlecht oder Einkommen.',
      color: '#8B1E3F',
    },
    {
      name: GRUEN,
      description:
        'Klimaschutz, Anpassung an Hitze und Starkregen, Biodiversität und ein Netz hochwertiger Grün- und Freiräume für eine gesunde Stadt.',
      color: '#1E6B3A',
    },
    {
      name: PRODUKTIV,
      description:
        'Eine vielfältige lokale Wirtschaft, gute Arbeit, Innovation und eine gemischte Stadt der kurzen Wege zwischen Wohnen und Arbeiten.',
      color: '#1F4E8C',
    },
  ],

  actionFields: [
    {
      name: AF_WOHNEN,
      description:
        'Bedarfsgerechter Wohnungsbau, Bestandserneuerung, Stadtumbau und die Stärkung der Nachbarschaften in allen Stadtteilen.',
    },
    {
      name: AF_MOBIL,
      description:
        'Fuß- und Radverkehr, öffentlicher Nahverkehr, Straßenraum, Parken und die Vernetzung der Verkehrsmittel.',
    },
    {
      name: AF_KLIMA,
      description:
        'Klimaschutz und Klimaanpassung, Stadtgrün, Gewässer, Biodiversität sowie Lärm- und Umweltschutz.',
    },
    {
      name: AF_WIRTSCHAFT,
      description:
        'Bestandspflege und Ansiedlung von Unternehmen, Gewerbeflächen, Einzelhandel, Gastronomie und die Belebung der Innenstadt.',
    },
    {
      name: AF_BILDUNG,
      description: 'Kitas, Schulen und außerschulische Lernorte, kulturelle Einrichtungen, Sportstätten und Vereine.',
    },
    {
      name: AF_SOZIAL,
      description:
        'Soziale Infrastruktur, Angebote für Familien, Jugendliche und ältere Menschen, Integration, Inklusion und Beteiligung.',
    },
    {
      name: AF_DIGITAL,
      description:
        'Digitale Bürgerdienste, Breitband, Daten und eine ämterübergreifende, projektorientierte Zusammenarbeit in der Verwaltung.',
    },
    {
      name: AF_TOURISMUS,
      description:
        'Denkmalpflege, Baukultur, Gestaltung öffentlicher Räume, Stadtmarketing und touristische Angebote.',
    },
  ],

  goals: [
    {
      title: Z_WOHNRAUM,
      description:
        'Bis 2035 entstehen in Musterstadt 600 neue Wohnungen überwiegend im Bestand und auf Brachen, davon mindestens ein Viertel mietpreisgebunden oder barrierefrei.',
      actionFields: [AF_WOHNEN],
      dimensions: [GERECHT],
    },
    {
      title: Z_QUARTIERE,
      description:
        'Jeder Stadtteil hat einen Treffpunkt und eine Ansprechperson vor Ort; Nachbarschaftsinitiativen werden unbürokratisch unterstützt.',
      actionFields: [AF_WOHNEN, AF_SOZIAL],
      dimensions: [GERECHT],
    },
    {
      title: Z_NAHMOBIL,
      description:
        'Der Anteil von Fuß-, Rad- und Busverkehr an allen Wegen steigt bis 2040 auf 60 Prozent; alle Stadtteile und Ortsteile sind über sichere Radwege angebunden.',
      actionFields: [AF_MOBIL],
      dimensions: [GRUEN, GERECHT],
    },
    {
      title: Z_OEFFRAUM,
      description:
        'Straßen, Plätze und Haltestellen werden schrittweise barrierefrei umgebaut, gut beleuchtet und mit Sitzgelegenheiten und Schatten ausgestattet.',
      actionFields: [AF_MOBIL, AF_TOURISMUS],
      dimensions: [GERECHT],
    },
    {
      title: Z_KLIMAANPASSUNG,
      description:
        'Versiegelte Flächen werden entsiegelt, Regenwasser wird vor Ort zurückgehalten und besonders hitzebelastete Quartiere erhalten mehr Bäume und Schatten.',
      actionFields: [AF_KLIMA],
      dimensions: [GRUEN],
    },
    {
      title: Z_GRUENNETZ,
      description:
        'Parks, Kleingärten, Friedhöfe und die Lauteraue werden zu einem zusammenhängenden, gut erreichbaren Grünnetz verbunden.',
      actionFields: [AF_KLIMA, AF_TOURISMUS],
      dimensions: [GRUEN],
    },
    {
      title: Z_KLIMANEUTRAL,
      description:
        'Schulen, Sporthallen, Verwaltungsgebäude und die Straßenbeleuchtung werden energetisch saniert und auf erneuerbare Energien umgestellt.',
      actionFields: [AF_KLIMA],
      dimensions: [GRUEN, PRODUKTIV],
    },
    {
      title: Z_INNENSTADT,
      description:
        'Die Leerstandsquote in der Altstadt sinkt bis 2032 unter fünf Prozent; Markt, Gastronomie, Kultur und Wohnen ergänzen den Einzelhandel.',
      actionFields: [AF_WIRTSCHAFT, AF_TOURISMUS],
      dimensions: [PRODUKTIV],
    },
    {
      title: Z_GEWERBE,
      description:
        'Brachflächen werden vorrangig vor Neuausweisungen reaktiviert; Unternehmen finden Unterstützung bei der Gewinnung und Bindung von Fachkräften.',
      actionFields: [AF_WIRTSCHAFT],
      dimensions: [PRODUKTIV],
    },
    {
      title: Z_BILDUNG,
      description:
        'Alle Schulen und Kitas sind bis 2035 saniert, digital ausgestattet und öffnen Schulhöfe, Aulen und Sporthallen für die Nachbarschaft.',
      actionFields: [AF_BILDUNG],
      dimensions: [GERECHT, PRODUKTIV],
    },
    {
      title: Z_KULTURSPORT,
      description:
        'Kultureinrichtungen und Sportstätten werden erhalten und modernisiert, das Ehrenamt in Vereinen wird gezielt gestärkt.',
      actionFields: [AF_BILDUNG, AF_TOURISMUS],
      dimensions: [GERECHT],
    },
    {
      title: Z_TEILHABE,
      description:
        'Kinder, Jugendliche, Familien und ältere Menschen finden wohnortnah Beratung, Begegnung und Unterstützung – auch bei Hitze und in Krisen.',
      actionFields: [AF_SOZIAL],
      dimensions: [GERECHT],
    },
    {
      title: Z_VERWALTUNG,
      description:
        'Die wichtigsten Verwaltungsleistungen sind online verfügbar; Projekte werden ämterübergreifend gesteuert und Fördermittel systematisch eingeworben.',
      actionFields: [AF_DIGITAL],
      dimensions: [PRODUKTIV, GERECHT],
    },
    {
      title: Z_BAUKULTUR,
      description:
        'Denkmale und stadtbildprägende Gebäude werden gesichert, saniert und mit neuen Nutzungen belebt; Neubauten fügen sich in das Stadtbild ein.',
      actionFields: [AF_TOURISMUS, AF_WOHNEN],
      dimensions: [PRODUKTIV, GERECHT],
    },
    {
      title: Z_ORTSTEILE,
      description:
        'Wallendorf und Kötzschen behalten ihre Nahversorgung, ihre Treffpunkte und ihren dörflichen Charakter und sind gut an die Kernstadt angebunden.',
      actionFields: [AF_WOHNEN, AF_SOZIAL],
      dimensions: [GERECHT, GRUEN],
    },
  ],

  districts: [
    {
      name: ALTSTADT,
      description:
        'Historischer Stadtkern mit Marktplatz, Rathaus und Ständehaus; dichte, teils denkmalgeschützte Bebauung, Einzelhandel und Gastronomie, zunehmender Leerstand in den Nebenlagen.',
      boundary: polygon([D, Q], [E, Q], ALT_EAST, [E, R], [D, R], ALT_WEST),
      // the old town is the redevelopment area of the Städtebauförderung programme "Lebendige Zentren"
      designations: ['lebendige_zentren'],
    },
    {
      name: NEUSTADT,
      description:
        'Großwohnsiedlung der 1970er- und 1980er-Jahre nördlich der Altstadt mit rund 6.500 Einwohnerinnen und Einwohnern; viele ältere Menschen und Familien mit geringem Einkommen.',
      boundary: polygon([W, R], [D, R], [E, R], [F, R], [F, S], [W, S]),
    },
    {
      name: SUEDSTADT,
      description:
        'Gründerzeitliches und durch Zeilenbauten geprägtes Wohnquartier zwischen Altstadt und Lauteraue mit zwei Schulen, Sportstätten und kleinteiligem Gewerbe.',
      boundary: polygon([D, P], [11.995, 51.331], [F, P], [F, Q], [E, Q], [D, Q]),
    },
    {
      name: BAHNHOF,
      description:
        'Quartier rund um den Bahnhof mit leerstehendem Empfangsgebäude, Brachflächen und viel Durchgangsverkehr; Eingangstor für Pendlerinnen, Pendler und Gäste.',
      boundary: polygon([E, Q], [F, Q], [F, R], [E, R], ALT_EAST),
    },
    {
      name: GARTENSTADT,
      description:
        'Durchgrünte Siedlung der 1920er-Jahre mit Ein- und Zweifamilienhäusern, Kleingartenanlagen und dem Freibad; alternde Bewohnerschaft und beginnender Generationswechsel.',
      boundary: polygon([W, P], [11.975, 51.332], [D, P], [D, Q], ALT_WEST, [D, R], [W, R]),
    },
    {
      name: INDUSTRIE,
      description:
        'Gewerbe- und Industriestandort mit Logistik-, Chemie- und Zulieferbetrieben sowie der Brache der ehemaligen Zuckerfabrik; größter Arbeitsplatzschwerpunkt der Stadt.',
      boundary: polygon([W, S], [F, S], [G, S], [12.028, T], [W, T]),
    },
    {
      name: WALLENDORF,
      description:
        'Dörflich geprägter Ortsteil im Westen, 2009 eingemeindet, mit Dorfgemeinschaftshaus, Freiwilliger Feuerwehr und dem Wallendorfer Bach; ohne eigene Nahversorgung.',
      boundary: polygon([11.95, 51.338], [W, P], [W, R], [W, S], [W, T], [11.948, 51.372]),
    },
    {
      name: KOETZSCHEN,
      description:
        'Ortsteil im Osten mit historischem Dorfkern, Kita und regem Vereinsleben; außerhalb der Schulzeiten kaum an den Busverkehr angebunden.',
      boundary: polygon([F, P], [12.028, 51.337], [G, S], [F, S], [F, R], [F, Q]),
    },
  ],

  departments: [
    { name: SPA, shortName: 'SPA', head: 'Dr. Karin Vogt' },
    { name: TBA, shortName: 'TBA', head: 'Jens Hoffmann' },
    { name: UGA, shortName: 'UGA', head: 'Sabine Krüger' },
    { name: WFA, shortName: 'WFA', head: 'Thomas Brandt' },
    { name: BSA, shortName: 'BSA', head: 'Petra Schäfer' },
    { name: SOZ, shortName: 'SOZ', head: 'Michael Lehmann' },
    { name: KTA, shortName: 'KTA', head: 'Dr. Annette Förster' },
    { name: HA, shortName: 'HA', head: 'Markus Weißenborn' },
    { name: KAEM, shortName: 'KÄM', head: 'Ulrike Möller' },
    { name: OA, shortName: 'OA', head: 'Frank Böttcher' },
  ],

  briefs: [
    // ----------------------------------------------------------------------- Gruppe Altstadt
    {
      title: 'Umgestaltung des Marktplatzes',
      need: 'Der Marktplatz ist fast vollständig versiegelt, dient überwiegend als Parkplatz und bietet an heißen Tagen kaum Schatten. Wochenmarkt und Stadtfeste finden zwischen parkenden Autos statt.',
      goal: 'Ein weitgehend autofreier, schattiger und barrierefreier Marktplatz, der das ganze Jahr über zum Verweilen einlädt.',
      description:
        'Neuordnung der Platzfläche mit zwölf großkronigen Bäumen, Wasserspiel und Sitzstufen; Verlagerung der Stellplätze in die Parkpalette am Schlossgraben. Vorgeschaltet wird ein freiraumplanerischer Wettbewerb mit Bürgerbeteiligung.',
      districts: [ALTSTADT],
      leadDepartment: SPA,
      partnerDepartments: [TBA, UGA, WFA],
      externalActors: 'Gewerbeverein Altstadt, Marktbeschicker, Stadtwerke Musterstadt, Landesamt für Denkmalpflege',
      targetGroups: 'Bewohnerinnen und Bewohner, Marktbesucher, Gastronomie und Handel, Gäste der Stadt',
      costEur: 4_800_000,
      horizon: 'medium',
      plannedStart: '2027-01-01',
      plannedEnd: '2030-12-31',
      status: 'prioritised',
      priority: 'A',
      goals: [Z_INNENSTADT, Z_OEFFRAUM, Z_KLIMAANPASSUNG],
      actionFields: [AF_WIRTSCHAFT, AF_TOURISMUS],
      dimensions: [PRODUKTIV, GRUEN, GERECHT],
      origin: origin(ALTSTADT),
      tags: ['Innenstadt', 'Aufenthaltsqualität', 'Barrierefreiheit', 'Entsiegelung'],
    },
    {
      title: 'Sanierung des Ständehauses',
      need: 'Das denkmalgeschützte Ständehaus steht seit dem Auszug der Musikschule weitgehend leer. Dach, Fenster und Haustechnik sind dringend sanierungsbedürftig.',
      goal: 'Das Ständehaus wird als Kultur- und Veranstaltungsort mit Stadtbibliothek und Trauzimmer wieder zum offenen Haus der Altstadt.',
      description:
        'Denkmalgerechte Sanierung von Dach, Fassade und Haustechnik, Einbau eines Aufzugs und Umbau des Festsaals für Veranstaltungen mit bis zu 250 Gästen. Finanzierung über Städtebauförderung und Denkmalschutzmittel.',
      districts: [ALTSTADT],
      leadDepartment: KTA,
      partnerDepartments: [SPA, KAEM],
      externalActors: 'Landesamt für Denkmalpflege, Förderverein Ständehaus e. V., Stadtbibliothek',
      targetGroups: 'Kulturinteressierte, Vereine, Brautpaare, Schulklassen',
      costEur: 7_500_000,
      horizon: 'long',
      plannedStart: '2028-04-01',
      plannedEnd: '2034-12-31',
      status: 'brief',
      goals: [Z_BAUKULTUR, Z_KULTURSPORT],
      actionFields: [AF_TOURISMUS, AF_BILDUNG],
      dimensions: [PRODUKTIV, GERECHT],
      origin: origin(ALTSTADT),
      tags: ['Denkmalschutz', 'Kultur', 'Sanierung'],
    },
    {
      title: 'Leerstandsmanagement und Zwischennutzung von Ladenlokalen',
      need: 'In der Brüderstraße und am Kirchplatz stehen 14 Ladenlokale leer; Eigentümerinnen und Eigentümer sind oft schwer erreichbar.',
      goal: 'Leerstände werden erfasst, Eigentümer aktiv angesprochen und Ladenlokale für Pop-up-Stores, Kreative und Gründungen zwischengenutzt.',
      description:
        'Aufbau eines digitalen Leerstandskatasters, Einrichtung eines Verfügungsfonds für Mietzuschüsse bei Zwischennutzungen und regelmäßiger Eigentümerstammtisch mit dem Gewerbeverein.',
      districts: [ALTSTADT],
      leadDepartment: WFA,
      partnerDepartments: [SPA],
      externalActors: 'Gewerbeverein Altstadt, Immobilieneigentümer, IHK, Kreativwirtschaft',
      targetGroups: 'Gründerinnen und Gründer, Einzelhandel, Eigentümerinnen und Eigentümer',
      costEur: 180_000,
      horizon: 'short',
      plannedStart: '2025-09-01',
      plannedEnd: '2027-08-31',
      status: 'implementation',
      goals: [Z_INNENSTADT],
      actionFields: [AF_WIRTSCHAFT],
      dimensions: [PRODUKTIV],
      origin: origin(ALTSTADT),
      tags: ['Leerstand', 'Einzelhandel', 'Innenstadt'],
    },
    {
      title: 'Sanierungen von Straßen und Gassen in der Altstadt',
      need: 'Das Kopfsteinpflaster in Brüder-, Kirch- und Burgstraße ist stark beschädigt. Mit Rollator, Kinderwagen oder Rollstuhl sind die Gassen kaum passierbar.',
      goal: 'Alle Altstadtgassen erhalten bis 2031 eine durchgehende, barrierearme Gehspur, ohne den historischen Charakter zu verlieren.',
      description:
        'Abschnittsweise Sanierung von Fahrbahnen und Gehwegen mit gesägtem Natursteinpflaster als Gehspur sowie Erneuerung der Entwässerung und der Leitungen gemeinsam mit den Stadtwerken.',
      districts: [ALTSTADT],
      leadDepartment: TBA,
      partnerDepartments: [SPA],
      externalActors: 'Stadtwerke Musterstadt, Behindertenbeirat, Landesamt für Denkmalpflege',
      targetGroups: 'Ältere Menschen, Menschen mit Behinderung, Familien, Anliegerinnen und Anlieger',
      costEur: 3_200_000,
      horizon: 'medium',
      plannedStart: '2026-03-01',
      plannedEnd: '2031-10-31',
      status: 'brief',
      goals: [Z_OEFFRAUM, Z_BAUKULTUR],
      actionFields: [AF_MOBIL, AF_TOURISMUS],
      dimensions: [GERECHT, PRODUKTIV],
      origin: origin(ALTSTADT),
      tags: ['Sanierung', 'Straßenbau', 'Barrierefreiheit'],
    },
    {
      title: 'Digitale Stadtführung und Besucherleitsystem',
      need: 'Gäste finden Sehenswürdigkeiten, Toiletten und Parkplätze nur schwer; die Beschilderung in der Altstadt ist veraltet und uneinheitlich.',
      goal: 'Ein einheitliches Leitsystem mit QR-Codes führt Gäste durch die Altstadt und bietet Informationen in mehreren Sprachen und in Leichter Sprache.',
      description:
        'Neue Wegweiser und Informationsstelen an 25 Standorten, verknüpft mit einer Audio-Stadtführung im Browser. Inhalte entstehen gemeinsam mit dem Heimatverein.',
      districts: [ALTSTADT],
      leadDepartment: KTA,
      partnerDepartments: [HA],
      externalActors: 'Heimatverein Musterstadt e. V., Tourismusverband der Region',
      targetGroups: 'Tagesgäste, Radtouristen, Schulklassen',
      costEur: 95_000,
      horizon: 'short',
      plannedStart: null,
      plannedEnd: null,
      status: 'idea',
      goals: [Z_BAUKULTUR, Z_INNENSTADT],
      actionFields: [AF_TOURISMUS, AF_DIGITAL],
      dimensions: [PRODUKTIV],
      origin: origin(ALTSTADT),
      tags: ['Tourismus', 'Digitalisierung', 'Leitsystem'],
    },
    {
      title: 'Sondernutzungssatzung für Außengastronomie',
      need: 'Die Genehmigung von Freisitzen dauert mehrere Wochen, die Regeln sind unübersichtlich und Gebühren werden je nach Lage uneinheitlich erhoben.',
      goal: 'Klare, einfache Regeln und ein Online-Antrag machen Außengastronomie in der Altstadt attraktiver.',
      description:
        'Neufassung der Sondernutzungssatzung mit Gestaltungsleitlinien für Möblierung und Schirme, pauschalen Gebühren und einem digitalen Antragsverfahren.',
      districts: [ALTSTADT],
      leadDepartment: OA,
      partnerDepartments: [WFA, SPA],
      externalActors: 'DEHOGA-Kreisverband, Gewerbeverein Altstadt',
      targetGroups: 'Gastronomiebetriebe, Gäste der Innenstadt',
      costEur: 15_000,
      horizon: 'short',
      plannedStart: '2025-03-01',
      plannedEnd: '2025-10-31',
      status: 'done',
      goals: [Z_INNENSTADT],
      actionFields: [AF_WIRTSCHAFT],
      dimensions: [PRODUKTIV],
      origin: origin(ALTSTADT),
      tags: ['Gastronomie', 'Innenstadt', 'Satzung'],
    },
    {
      title: 'Digitale Bürgerdienste und Online-Terminvergabe',
      need: 'Im Bürgerbüro im Rathaus entstehen lange Wartezeiten; viele Anliegen könnten ohne persönlichen Besuch erledigt werden.',
      goal: 'Die 30 am häufigsten nachgefragten Verwaltungsleistungen sind online verfügbar, Termine werden digital gebucht.',
      description:
        'Einführung eines Bürgerportals mit Online-Terminvergabe, digitalen Anträgen und Bezahlfunktion sowie eines Service-Terminals im Rathausfoyer mit Unterstützung durch geschulte Digitallotsen.',
      districts: [ALTSTADT],
      leadDepartment: HA,
      partnerDepartments: [OA, SOZ],
      externalActors: 'Kommunaler IT-Dienstleister, Seniorenbeirat, Volkshochschule',
      targetGroups: 'Alle Bürgerinnen und Bürger, insbesondere Berufstätige und weniger digitalaffine Menschen',
      costEur: 650_000,
      horizon: 'short',
      plannedStart: '2025-04-01',
      plannedEnd: '2027-03-31',
      status: 'implementation',
      goals: [Z_VERWALTUNG],
      actionFields: [AF_DIGITAL],
      dimensions: [PRODUKTIV, GERECHT],
      origin: origin(ALTSTADT),
      tags: ['Digitalisierung', 'Bürgerservice', 'OZG'],
    },
    {
      title: 'Zentrales Fördermittelmanagement',
      need: 'Fördermöglichkeiten werden in den Ämtern oft zu spät erkannt; Eigenanteile sind im Haushalt nicht eingeplant und Fristen verstreichen.',
      goal: 'Eine zentrale Stelle recherchiert Förderprogramme, bündelt Anträge und sichert die Eigenanteile für die ISEK-Maßnahmen im Haushalt.',
      description:
        'Einrichtung einer Stelle für Fördermittelmanagement in der Kämmerei, eine gemeinsame Fördermitteldatenbank für alle Ämter und eine vierteljährliche Abstimmung mit der ISEK-Koordination.',
      districts: [ALTSTADT],
      leadDepartment: KAEM,
      partnerDepartments: [SPA, HA],
      externalActors: 'Landesverwaltungsamt, Förderbank des Landes, Landkreis',
      targetGroups: 'Ämter der Stadtverwaltung, Stadtrat',
      costEur: 190_000,
      horizon: 'short',
      plannedStart: '2025-07-01',
      plannedEnd: '2027-06-30',
      status: 'prioritised',
      priority: 'A',
      goals: [Z_VERWALTUNG],
      actionFields: [AF_DIGITAL],
      dimensions: [PRODUKTIV],
      origin: origin(ALTSTADT),
      tags: ['Fördermittel', 'Verwaltung', 'Haushalt'],
    },

    // ----------------------------------------------------------------------- Gruppe Neustadt
    {
      title: 'Quartiersmanagement Neustadt',
      need: 'In der Neustadt fehlen Ansprechpersonen vor Ort; Nachbarschaftskonflikte nehmen zu und Angebote sozialer Träger sind kaum bekannt.',
      goal: 'Ein Quartiersbüro vernetzt Bewohnerschaft, Wohnungsunternehmen und Träger und stößt gemeinsame Projekte an.',
      description:
        'Beauftragung eines Quartiersmanagements für fünf Jahre mit Büro im Erdgeschoss der Lindenstraße 12, Verfügungsfonds für Nachbarschaftsprojekte und jährlicher Stadtteilkonferenz.',
      districts: [NEUSTADT],
      leadDepartment: SOZ,
      partnerDepartments: [SPA, BSA],
      externalActors: 'Wohnungsbaugesellschaft Musterstadt, Wohnungsgenossenschaft „Aufbau“, freie Träger der Jugendhilfe',
      targetGroups: 'Bewohnerinnen und Bewohner der Neustadt, Familien, ältere Menschen, Zugewanderte',
      costEur: 420_000,
      horizon: 'medium',
      plannedStart: '2025-10-01',
      plannedEnd: '2030-09-30',
      status: 'prioritised',
      priority: 'B',
      goals: [Z_QUARTIERE, Z_TEILHABE],
      actionFields: [AF_SOZIAL, AF_WOHNEN],
      dimensions: [GERECHT],
      origin: origin(NEUSTADT),
      tags: ['Quartiersmanagement', 'Nachbarschaft', 'Beteiligung'],
    },
    {
      title: 'Stadtteilzentrum am Lindenplatz',
      need: 'Die ehemalige Kaufhalle am Lindenplatz steht leer; Vereine, Jugendliche und Seniorengruppen haben keine bezahlbaren Räume.',
      goal: 'Ein Stadtteilzentrum bündelt Begegnung, Beratung, Jugendtreff und Seniorencafé unter einem Dach.',
      description:
        'Umbau der ehemaligen Kaufhalle zu einem Stadtteilzentrum mit Mehrzwecksaal, Lehrküche und Beratungsräumen. Betrieb durch einen freien Träger in Kooperation mit dem Quartiersmanagement.',
      districts: [NEUSTADT],
      leadDepartment: SOZ,
      partnerDepartments: [SPA, KTA],
      externalActors: 'Freie Wohlfahrtspflege, Seniorenbeirat, Jugendverbände',
      targetGroups: 'Jugendliche, Familien, ältere Menschen, Vereine',
      costEur: 2_600_000,
      horizon: 'medium',
      plannedStart: '2027-06-01',
      plannedEnd: '2030-12-31',
      status: 'brief',
      goals: [Z_QUARTIERE, Z_TEILHABE],
      actionFields: [AF_SOZIAL],
      dimensions: [GERECHT],
      origin: origin(NEUSTADT),
      tags: ['Stadtteilzentrum', 'Begegnung', 'Umnutzung'],
    },
    {
      title: 'Mehrgenerationenspielplatz im Lindenpark',
      need: 'Der Spielplatz im Lindenpark ist veraltet, und für ältere Menschen gibt es im Park keine Bewegungsangebote oder schattigen Sitzplätze.',
      goal: 'Ein Spiel- und Bewegungsort für alle Generationen, an dem sich Kinder, Eltern und Großeltern begegnen.',
      description:
        'Neugestaltung mit inklusiven Spielgeräten, Outdoor-Fitnessgeräten für Ältere, Boulefläche, Trinkbrunnen und schattigen Sitzbereichen. Planung gemeinsam mit Kita- und Seniorengruppen.',
      districts: [NEUSTADT],
      leadDepartment: UGA,
      partnerDepartments: [SOZ, BSA],
      externalActors: 'Kita „Sonnenschein“, Seniorenbeirat, Quartiersmanagement',
      targetGroups: 'Kinder, Eltern, Großeltern, Menschen mit Behinderung',
      costEur: 350_000,
      horizon: 'short',
      plannedStart: '2026-03-01',
      plannedEnd: '2026-10-31',
      status: 'brief',
      goals: [Z_TEILHABE, Z_GRUENNETZ],
      actionFields: [AF_SOZIAL, AF_KLIMA],
      dimensions: [GERECHT, GRUEN],
      origin: origin(NEUSTADT),
      tags: ['Spielplatz', 'Generationen', 'Inklusion'],
    },
    {
      title: 'Energetische Sanierung der Grundschule Am Park',
      need: 'Das Schulgebäude aus dem Jahr 1974 hat einen hohen Energieverbrauch, im Sommer überhitzen die Klassenräume, und der Schulhof ist vollständig asphaltiert.',
      goal: 'Eine klimafreundliche, hitzeresiliente Schule mit einem grünen Schulhof, der nachmittags auch der Nachbarschaft offensteht.',
      description:
        'Dämmung der Gebäudehülle, neue Fenster mit außenliegendem Sonnenschutz, Lüftungsanlage und Photovoltaik auf dem Dach. Die Schulhofsanierung mit Entsiegelung und Baumpflanzungen erfolgt im selben Bauabschnitt.',
      districts: [NEUSTADT],
      leadDepartment: BSA,
      partnerDepartments: [UGA, KAEM],
      externalActors: 'Schulleitung und Förderverein der Grundschule Am Park, Stadtelternrat',
      targetGroups: 'Schülerinnen und Schüler, Lehrkräfte, Kinder aus der Nachbarschaft',
      costEur: 5_400_000,
      horizon: 'medium',
      plannedStart: '2026-07-01',
      plannedEnd: '2029-08-31',
      status: 'planning',
      priority: 'A',
      goals: [Z_BILDUNG, Z_KLIMANEUTRAL],
      actionFields: [AF_BILDUNG, AF_KLIMA],
      dimensions: [GERECHT, GRUEN],
      origin: origin(NEUSTADT),
      tags: ['Schule', 'Sanierung', 'Klimaschutz'],
    },
    {
      title: 'Wohnumfeldverbesserung und Teilrückbau in der Plattenbausiedlung',
      need: 'Einzelne Wohnblöcke an der Nordkante der Neustadt stehen zu einem Drittel leer, während barrierefreie Wohnungen fehlen; die Höfe sind eintönig und kaum nutzbar.',
      goal: 'Ein aufgelockertes, grünes Wohnquartier mit barrierefreien Wohnungen und nutzbaren Gemeinschaftshöfen.',
      description:
        'Teilrückbau zweier Wohnblöcke um die oberen Geschosse, Nachrüstung von Aufzügen und Umgestaltung der Innenhöfe mit Mietergärten, Spielflächen und Regenwassermulden.',
      districts: [NEUSTADT],
      leadDepartment: SPA,
      partnerDepartments: [UGA],
      externalActors: 'Wohnungsbaugesellschaft Musterstadt, Wohnungsgenossenschaft „Aufbau“',
      targetGroups: 'Mieterinnen und Mieter, ältere Menschen, Familien',
      costEur: 1_900_000,
      horizon: 'long',
      plannedStart: '2029-01-01',
      plannedEnd: '2035-12-31',
      status: 'brief',
      goals: [Z_WOHNRAUM, Z_QUARTIERE],
      actionFields: [AF_WOHNEN],
      dimensions: [GERECHT, GRUEN],
      origin: origin(NEUSTADT),
      tags: ['Wohnen', 'Stadtumbau', 'Barrierefreiheit'],
    },
    {
      title: 'Modernisierung der Straßenbeleuchtung auf LED',
      need: 'Rund 1.800 Leuchten sind älter als 30 Jahre, verbrauchen viel Strom und fallen häufig aus; dunkle Wege werden als unsicher empfunden.',
      goal: 'Eine energieeffiziente, insektenfreundliche und bedarfsgerecht gesteuerte Straßenbeleuchtung in allen Stadtteilen.',
      description:
        'Austausch der Leuchtenköpfe gegen warmweiße LED mit Nachtabsenkung, beginnend in der Neustadt und im Bahnhofsviertel, sowie Ergänzung fehlender Lichtpunkte an Fuß- und Radwegen.',
      districts: [NEUSTADT, BAHNHOF],
      leadDepartment: TBA,
      partnerDepartments: [UGA, KAEM],
      externalActors: 'Stadtwerke Musterstadt, Nationale Klimaschutzinitiative',
      targetGroups: 'Fußgängerinnen und Fußgänger, Radfahrende, Anliegerinnen und Anlieger',
      costEur: 1_600_000,
      horizon: 'short',
      plannedStart: '2025-09-01',
      plannedEnd: '2027-12-31',
      status: 'planning',
      priority: 'B',
      goals: [Z_KLIMANEUTRAL, Z_OEFFRAUM],
      actionFields: [AF_KLIMA, AF_MOBIL],
      dimensions: [GRUEN, GERECHT],
      origin: origin(NEUSTADT),
      tags: ['Straßenbeleuchtung', 'Energie', 'Sicherheit'],
    },

    // ----------------------------------------------------------------------- Gruppe Südstadt
    {
      title: 'Hitzeaktionsplan für Musterstadt',
      need: 'In den vergangenen Sommern gab es mehr als 20 Hitzetage im Jahr; ältere und alleinlebende Menschen in der Süd- und Neustadt sind besonders gefährdet.',
      goal: 'Ein abgestimmter Hitzeaktionsplan schützt besonders gefährdete Menschen und macht kühle Orte in der Stadt bekannt.',
      description:
        'Erarbeitung eines Hitzeaktionsplans mit Hitzewarnkette, Karte kühler Orte, Trinkwasserbrunnen, hitzeangepassten Öffnungszeiten und einem Telefon-Patenschaftsprogramm für Alleinlebende.',
      districts: [SUEDSTADT, NEUSTADT],
      leadDepartment: UGA,
      partnerDepartments: [SOZ, OA],
      externalActors: 'Gesundheitsamt des Landkreises, Pflegedienste, Kirchengemeinden, Deutscher Wetterdienst',
      targetGroups: 'Ältere Menschen, Pflegebedürftige, Kleinkinder, Wohnungslose, Beschäftigte im Freien',
      costEur: 60_000,
      horizon: 'short',
      plannedStart: '2025-05-01',
      plannedEnd: '2026-06-30',
      status: 'planning',
      priority: 'A',
      goals: [Z_KLIMAANPASSUNG, Z_TEILHABE],
      actionFields: [AF_KLIMA, AF_SOZIAL],
      dimensions: [GRUEN, GERECHT],
      origin: origin(SUEDSTADT),
      tags: ['Klimaanpassung', 'Hitze', 'Gesundheit'],
    },
    {
      title: 'Schulhofsanierung und Entsiegelung an der Oberschule Südstadt',
      need: 'Der Schulhof der Oberschule ist eine asphaltierte Fläche ohne Schatten; bei Starkregen läuft das Wasser in den Keller der Turnhalle.',
      goal: 'Ein grüner, schattiger Schulhof mit Lern- und Bewegungsinseln, der Regenwasser aufnimmt.',
      description:
        'Entsiegelung von rund 2.000 Quadratmetern, Pflanzung von 20 Bäumen, grünes Klassenzimmer, Bolzplatz mit Kunststoffbelag und Versickerungsmulden. Schülerinnen und Schüler planen in einer Projektwoche mit.',
      districts: [SUEDSTADT],
      leadDepartment: BSA,
      partnerDepartments: [UGA],
      externalActors: 'Schülervertretung, Förderverein der Oberschule, Landschaftsarchitekturbüro',
      targetGroups: 'Schülerinnen und Schüler, Lehrkräfte, Jugendliche aus dem Stadtteil',
      costEur: 650_000,
      horizon: 'short',
      plannedStart: '2026-04-01',
      plannedEnd: '2027-09-30',
      status: 'brief',
      goals: [Z_BILDUNG, Z_KLIMAANPASSUNG],
      actionFields: [AF_BILDUNG, AF_KLIMA],
      dimensions: [GERECHT, GRUEN],
      origin: origin(SUEDSTADT),
      tags: ['Schule', 'Entsiegelung', 'Klimaanpassung'],
    },
    {
      title: 'Radweg am Lauterufer',
      need: 'Zwischen Südstadt und Gartenstadt fehlt eine sichere Radverbindung; Radfahrende weichen auf die stark befahrene Hauptstraße aus.',
      goal: 'Ein durchgehender, beleuchteter Rad- und Fußweg entlang der Lauter verbindet die Stadtteile und die Naherholungsgebiete.',
      description:
        'Neubau eines 3,2 Kilometer langen, drei Meter breiten Geh- und Radwegs auf dem Uferweg mit Brücke über den Mühlgraben, Rastplätzen und Anschluss an den regionalen Lauter-Radweg.',
      districts: [SUEDSTADT, GARTENSTADT],
      leadDepartment: TBA,
      partnerDepartments: [UGA, KTA],
      externalActors: 'Landestalsperrenverwaltung, ADFC-Ortsgruppe, Naturschutzverbände',
      targetGroups: 'Radfahrende, Schülerinnen und Schüler, Erholungssuchende, Radtouristen',
      costEur: 2_100_000,
      horizon: 'medium',
      plannedStart: '2027-03-01',
      plannedEnd: '2029-11-30',
      status: 'prioritised',
      priority: 'B',
      goals: [Z_NAHMOBIL, Z_GRUENNETZ],
      actionFields: [AF_MOBIL, AF_KLIMA],
      dimensions: [GRUEN, GERECHT],
      origin: origin(SUEDSTADT),
      tags: ['Radverkehr', 'Naherholung', 'Lauteraue'],
    },
    {
      title: 'Sanierung der Sporthalle Südstadt',
      need: 'Die Dreifeldhalle ist baulich verschlissen, die Sanitäranlagen sind gesperrt und die Halle ist für den Vereinssport nur noch eingeschränkt nutzbar.',
      goal: 'Eine sanierte, barrierefreie Sporthalle für Schul- und Vereinssport mit deutlich geringerem Energieverbrauch.',
      description:
        'Sanierung von Dach, Hallenboden, Umkleiden und Sanitäranlagen, Einbau einer Wärmepumpe und einer Tribüne für 200 Personen.',
      districts: [SUEDSTADT],
      leadDepartment: BSA,
      partnerDepartments: [KAEM],
      externalActors: 'Stadtsportbund, SV Musterstadt 1990 e. V., Handballverein HV Lauter',
      targetGroups: 'Schulen, Sportvereine, Zuschauerinnen und Zuschauer',
      costEur: 3_800_000,
      horizon: 'medium',
      plannedStart: '2028-01-01',
      plannedEnd: '2030-06-30',
      status: 'brief',
      goals: [Z_KULTURSPORT, Z_KLIMANEUTRAL],
      actionFields: [AF_BILDUNG],
      dimensions: [GERECHT, GRUEN],
      origin: origin(SUEDSTADT),
      tags: ['Sport', 'Sanierung', 'Vereine'],
    },
    {
      title: 'Familienzentrum in der Südstadt',
      need: 'Beratungsangebote für Familien sind über die ganze Stadt verteilt; junge Eltern in der Südstadt nutzen sie kaum.',
      goal: 'Ein niedrigschwelliges Familienzentrum an der Kita „Lauterspatzen“ bündelt Beratung, Elterncafé und Bildungsangebote.',
      description:
        'Anbau eines Familienraums an die Kita, Sprechstunden von Erziehungsberatung, Hebammen und Schuldnerberatung vor Ort sowie offene Eltern-Kind-Angebote.',
      districts: [SUEDSTADT],
      leadDepartment: SOZ,
      partnerDepartments: [BSA],
      externalActors: 'Kita-Träger, Erziehungsberatungsstelle des Landkreises, Familienhebammen',
      targetGroups: 'Familien mit kleinen Kindern, Alleinerziehende, werdende Eltern',
      costEur: null,
      horizon: 'medium',
      plannedStart: null,
      plannedEnd: null,
      status: 'idea',
      goals: [Z_TEILHABE, Z_QUARTIERE],
      actionFields: [AF_SOZIAL, AF_BILDUNG],
      dimensions: [GERECHT],
      origin: origin(SUEDSTADT),
      tags: ['Familie', 'Beratung', 'Kita'],
    },
    {
      title: 'Sichere Schulwege und Tempo 30 in der Südstadt',
      need: 'Vor den beiden Schulen der Südstadt wird zu schnell gefahren; Elterntaxis blockieren morgens Gehwege und Querungen.',
      goal: 'Kinder können ihren Schulweg selbstständig und sicher zu Fuß oder mit dem Rad zurücklegen.',
      description:
        'Tempo 30 vor Schulen, Hol- und Bringzonen, zusätzliche Querungshilfen und ein Schulwegplan; Kontrollen durch den Gemeindlichen Vollzugsdienst in den ersten Wochen.',
      districts: [SUEDSTADT],
      leadDepartment: OA,
      partnerDepartments: [TBA, BSA],
      externalActors: 'Polizeirevier Musterstadt, Verkehrswacht, Elternvertretungen',
      targetGroups: 'Schulkinder, Eltern, Anliegerinnen und Anlieger',
      costEur: 120_000,
      horizon: 'short',
      plannedStart: '2025-08-01',
      plannedEnd: '2026-07-31',
      status: 'implementation',
      goals: [Z_OEFFRAUM, Z_NAHMOBIL],
      actionFields: [AF_MOBIL],
      dimensions: [GERECHT],
      origin: origin(SUEDSTADT),
      tags: ['Verkehrssicherheit', 'Schulweg', 'Tempo 30'],
    },

    // ----------------------------------------------------------------------- Gruppe Bahnhofsviertel
    {
      title: 'Co-Working im Empfangsgebäude des Bahnhofs',
      need: 'Das Empfangsgebäude steht seit Jahren leer; viele Pendlerinnen und Pendler würden gern einzelne Tage wohnortnah arbeiten.',
      goal: 'Ein Co-Working-Space mit Café macht den Bahnhof wieder zu einem belebten Ort und hält Fachkräfte in der Stadt.',
      description:
        'Erwerb und Sanierung des Empfangsgebäudes, Einbau von 40 flexiblen Arbeitsplätzen, Besprechungsräumen und einem Café. Betrieb durch eine Genossenschaft lokaler Unternehmen.',
      districts: [BAHNHOF],
      leadDepartment: WFA,
      partnerDepartments: [SPA, HA],
      externalActors: 'DB InfraGO, Gründernetzwerk der Region, lokale Unternehmen, Hochschule',
      targetGroups: 'Pendlerinnen und Pendler, Selbstständige, Gründerinnen und Gründer',
      costEur: 1_400_000,
      horizon: 'medium',
      plannedStart: '2026-09-01',
      plannedEnd: '2028-12-31',
      status: 'brief',
      goals: [Z_GEWERBE, Z_INNENSTADT],
      actionFields: [AF_WIRTSCHAFT, AF_DIGITAL],
      dimensions: [PRODUKTIV],
      origin: origin(BAHNHOF),
      tags: ['Co-Working', 'Bahnhof', 'Gründung'],
    },
    {
      title: 'Mobilitätsstation am Bahnhof',
      need: 'Am Bahnhof fehlen sichere Fahrradabstellanlagen und Umsteigemöglichkeiten; wild abgestellte Räder und Pkw prägen das Bild.',
      goal: 'Eine Mobilitätsstation verknüpft Bahn, Bus, Fahrrad und Carsharing an einem Ort.',
      description:
        'Fahrradparkhaus mit 250 Plätzen und Ladeschränken für E-Bikes, Carsharing- und Lastenradstation, Ladesäulen und digitale Abfahrtsanzeigen.',
      districts: [BAHNHOF],
      leadDepartment: TBA,
      partnerDepartments: [SPA, OA],
      externalActors: 'Nahverkehrsgesellschaft, Verkehrsverbund, Carsharing-Anbieter, DB Station&Service',
      targetGroups: 'Pendlerinnen und Pendler, Schülerinnen und Schüler, Gäste',
      costEur: 1_150_000,
      horizon: 'medium',
      plannedStart: '2026-05-01',
      plannedEnd: '2028-06-30',
      status: 'prioritised',
      priority: 'B',
      goals: [Z_NAHMOBIL],
      actionFields: [AF_MOBIL],
      dimensions: [GRUEN, PRODUKTIV],
      origin: origin(BAHNHOF),
      tags: ['Mobilität', 'Radverkehr', 'ÖPNV'],
    },
    {
      title: 'Umgestaltung des Bahnhofsvorplatzes',
      need: 'Der Bahnhofsvorplatz ist ein unübersichtlicher Parkplatz ohne Aufenthaltsqualität; Gäste erhalten einen schlechten ersten Eindruck von der Stadt.',
      goal: 'Ein einladender, übersichtlicher Stadteingang mit klarer Wegeführung in die Altstadt.',
      description:
        'Neuordnung von Busbahnhof, Taxi- und Kurzzeitparken, barrierefreie Bussteige, Baumdach und Sitzgelegenheiten sowie ein gestalteter Fußweg zur Altstadt.',
      districts: [BAHNHOF],
      leadDepartment: SPA,
      partnerDepartments: [TBA, OA, UGA],
      externalActors: 'Nahverkehrsgesellschaft, DB InfraGO, Taxiunternehmen',
      targetGroups: 'Fahrgäste, Gäste der Stadt, Anliegerinnen und Anlieger',
      costEur: 2_900_000,
      horizon: 'medium',
      plannedStart: '2028-03-01',
      plannedEnd: '2031-06-30',
      status: 'brief',
      goals: [Z_OEFFRAUM, Z_INNENSTADT],
      actionFields: [AF_MOBIL, AF_TOURISMUS],
      dimensions: [GERECHT, PRODUKTIV],
      origin: origin(BAHNHOF),
      tags: ['Stadtbild', 'Aufenthaltsqualität', 'Barrierefreiheit'],
    },
    {
      title: 'Sicherheits- und Präventionskonzept Bahnhofsviertel',
      need: 'Viele Menschen meiden das Bahnhofsviertel abends; Vermüllung, Vandalismus und Konflikte im Bahnhofspark haben zugenommen.',
      goal: 'Das Bahnhofsviertel wird sauberer und sicherer, ohne Menschen zu verdrängen.',
      description:
        'Gemeinsame Streifen von Ordnungsdienst und Polizei, aufsuchende Sozialarbeit, zusätzliche Reinigungsintervalle und ein Runder Tisch mit Gewerbetreibenden und Anwohnenden.',
      districts: [BAHNHOF],
      leadDepartment: OA,
      partnerDepartments: [SOZ],
      externalActors: 'Polizeirevier Musterstadt, Streetwork des Landkreises, Anliegergemeinschaft',
      targetGroups: 'Anwohnende, Reisende, Gewerbetreibende, Menschen in schwierigen Lebenslagen',
      costEur: 85_000,
      horizon: 'short',
      plannedStart: '2025-06-01',
      plannedEnd: '2026-05-31',
      status: 'planning',
      priority: 'B',
      goals: [Z_OEFFRAUM, Z_TEILHABE],
      actionFields: [AF_SOZIAL],
      dimensions: [GERECHT],
      origin: origin(BAHNHOF),
      tags: ['Sicherheit', 'Prävention', 'Sozialarbeit'],
    },

    // ----------------------------------------------------------------------- Gruppe Gartenstadt
    {
      title: 'Förderprogramm zur Begrünung von Dächern und Fassaden',
      need: 'Private Gebäude bieten viel Fläche für Begrünung, doch Eigentümerinnen und Eigentümer scheuen Kosten und Aufwand.',
      goal: 'Bis 2030 werden 15.000 Quadratmeter Dach- und Fassadenflächen begrünt.',
      description:
        'Kommunales Förderprogramm mit Zuschüssen von bis zu 50 Prozent, kostenloser Erstberatung und Mustergründächern auf städtischen Garagen in der Gartenstadt.',
      districts: [GARTENSTADT],
      leadDepartment: UGA,
      partnerDepartments: [SPA, KAEM],
      externalActors: 'Haus & Grund Musterstadt, Garten- und Landschaftsbaubetriebe, Verbraucherzentrale',
      targetGroups: 'Private Eigentümerinnen und Eigentümer, Wohnungsunternehmen, Gewerbetreibende',
      costEur: 250_000,
      horizon: 'short',
      plannedStart: '2026-01-01',
      plannedEnd: '2028-12-31',
      status: 'brief',
      goals: [Z_KLIMAANPASSUNG],
      actionFields: [AF_KLIMA],
      dimensions: [GRUEN],
      origin: origin(GARTENSTADT),
      tags: ['Dachbegrünung', 'Klimaanpassung', 'Förderprogramm'],
    },
    {
      title: 'Sanierung des Freibads Gartenstadt',
      need: 'Das Freibad aus den 1930er-Jahren hat erhebliche Wasserverluste; Becken und Technik entsprechen nicht mehr den Anforderungen.',
      goal: 'Das Freibad bleibt als beliebter Sommertreffpunkt und Ort des Schwimmunterrichts erhalten.',
      description:
        'Sanierung der Becken mit Edelstahlauskleidung, neue Badewassertechnik mit Solarthermie, barrierefreie Umkleiden und ein Kleinkinderbereich mit Sonnensegeln.',
      districts: [GARTENSTADT],
      leadDepartment: BSA,
      partnerDepartments: [KAEM, UGA],
      externalActors: 'Förderverein Freibad Gartenstadt e. V., DLRG-Ortsgruppe, Schwimmverein',
      targetGroups: 'Familien, Schulen, Schwimmvereine, Badegäste aus der Region',
      costEur: 6_200_000,
      horizon: 'long',
      plannedStart: '2030-01-01',
      plannedEnd: '2033-05-31',
      status: 'on_hold',
      goals: [Z_KULTURSPORT],
      actionFields: [AF_BILDUNG, AF_TOURISMUS],
      dimensions: [GERECHT],
      origin: origin(GARTENSTADT),
      tags: ['Sport', 'Freibad', 'Sanierung'],
    },
    {
      title: 'Kleingartenentwicklungskonzept',
      need: 'In einigen Kleingartenanlagen stehen Parzellen leer, während an anderer Stelle Wartelisten bestehen; die Anlagen sind kaum öffentlich zugänglich.',
      goal: 'Die Kleingartenanlagen bleiben als grüne Lunge erhalten und öffnen sich für Nachbarschaft, Schulen und neue Nutzungen.',
      description:
        'Bestandsaufnahme aller zwölf Anlagen, Konzept für Gemeinschaftsgärten, Schulgärten und öffentliche Durchwegung sowie für die Umwandlung dauerhaft leerer Flächen in Parkanlagen.',
      districts: [GARTENSTADT],
      leadDepartment: UGA,
      partnerDepartments: [SPA],
      externalActors: 'Kreisverband der Gartenfreunde, Kleingartenvereine, Schulen',
      targetGroups: 'Kleingärtnerinnen und Kleingärtner, Familien ohne eigenen Garten, Schulen',
      costEur: 40_000,
      horizon: 'short',
      plannedStart: '2025-10-01',
      plannedEnd: '2026-09-30',
      status: 'brief',
      goals: [Z_GRUENNETZ, Z_WOHNRAUM],
      actionFields: [AF_KLIMA, AF_WOHNEN],
      dimensions: [GRUEN],
      origin: origin(GARTENSTADT),
      tags: ['Kleingärten', 'Grünflächen', 'Konzept'],
    },
    {
      title: 'Seniorengerechtes Wohnen in der Gartenstadt',
      need: 'Viele ältere Menschen leben allein in zu großen Häusern und würden gern im Stadtteil in eine kleinere, barrierefreie Wohnung ziehen.',
      goal: 'Barrierefreie Wohnangebote mit Gemeinschaftsräumen ermöglichen den Verbleib im vertrauten Stadtteil und machen Häuser für Familien frei.',
      description:
        'Konzeptvergabe eines städtischen Grundstücks an der Rosenstraße für ein gemeinschaftliches Wohnprojekt mit etwa 30 Wohnungen, ergänzt um eine Wohnungstauschbörse.',
      districts: [GARTENSTADT],
      leadDepartment: SPA,
      partnerDepartments: [SOZ],
      externalActors: 'Wohnungsgenossenschaft, Seniorenbeirat, Pflegedienste',
      targetGroups: 'Ältere Menschen, Familien auf Wohnungssuche',
      costEur: null,
      horizon: 'long',
      plannedStart: null,
      plannedEnd: null,
      status: 'idea',
      goals: [Z_WOHNRAUM, Z_TEILHABE],
      actionFields: [AF_WOHNEN, AF_SOZIAL],
      dimensions: [GERECHT],
      origin: origin(GARTENSTADT),
      tags: ['Wohnen', 'Senioren', 'Barrierefreiheit'],
    },
    {
      title: 'Schwammstadt-Pilotprojekt Gartenstadt',
      need: 'Bei Starkregen laufen in der Gartenstadt regelmäßig Keller voll, weil die Mischwasserkanäle überlastet sind.',
      goal: 'Regenwasser wird im Straßenraum zurückgehalten, versickert oder von Bäumen genutzt, statt die Kanalisation zu überlasten.',
      description:
        'Umbau von zwei Wohnstraßen mit Baumrigolen, Versickerungsmulden und Notwasserwegen; begleitende Beratung der Anwohnenden zur Abkopplung von Dachflächen.',
      districts: [GARTENSTADT],
      leadDepartment: TBA,
      partnerDepartments: [UGA],
      externalActors: 'Abwasserzweckverband, Hochschule für Technik, Anwohnerinitiative',
      targetGroups: 'Anwohnende, Hauseigentümerinnen und Hauseigentümer',
      costEur: 1_300_000,
      horizon: 'medium',
      plannedStart: '2027-04-01',
      plannedEnd: '2030-10-31',
      status: 'brief',
      goals: [Z_KLIMAANPASSUNG],
      actionFields: [AF_KLIMA],
      dimensions: [GRUEN],
      origin: origin(GARTENSTADT),
      tags: ['Schwammstadt', 'Starkregen', 'Klimaanpassung'],
    },

    // ----------------------------------------------------------------------- Gruppe Industriegebiet Nord
    {
      title: 'Revitalisierung der Industriebrache ehemalige Zuckerfabrik',
      need: 'Das 18 Hektar große Gelände der ehemaligen Zuckerfabrik liegt seit 1995 brach und ist teilweise mit Altlasten belastet.',
      goal: 'Die Brache wird zu einem klimaneutralen Gewerbe- und Technologiestandort, statt neue Flächen auf der grünen Wiese zu versiegeln.',
      description:
        'Erwerb, Altlastensanierung und Erschließung in drei Bauabschnitten, Erhalt des denkmalgeschützten Silos als Gründerzentrum und Aufbau eines Nahwärmenetzes mit Abwärme der Nachbarbetriebe.',
      districts: [INDUSTRIE],
      leadDepartment: WFA,
      partnerDepartments: [SPA, UGA],
      externalActors: 'Landesgesellschaft für Flächenrecycling, Untere Bodenschutzbehörde, Investoren',
      targetGroups: 'Unternehmen, Gründerinnen und Gründer, Arbeitnehmerinnen und Arbeitnehmer',
      costEur: 12_000_000,
      horizon: 'long',
      plannedStart: '2030-01-01',
      plannedEnd: '2038-12-31',
      status: 'brief',
      goals: [Z_GEWERBE, Z_KLIMANEUTRAL],
      actionFields: [AF_WIRTSCHAFT],
      dimensions: [PRODUKTIV, GRUEN],
      origin: origin(INDUSTRIE),
      tags: ['Brachfläche', 'Gewerbe', 'Flächenrecycling'],
    },
    {
      title: 'Straßenplanung für die Erschließung des Gewerbegebiets Nord-Ost',
      need: 'Die Zufahrt zum Gewerbegebiet führt durch ein Wohngebiet; Lkw-Verkehr belastet die Anwohnenden und blockiert die Erweiterung ansässiger Betriebe.',
      goal: 'Eine leistungsfähige, direkte Anbindung an die Bundesstraße entlastet das Wohngebiet und ermöglicht Betriebserweiterungen.',
      description:
        'Straßenplanung und Bau einer 900 Meter langen Erschließungsstraße mit Kreisverkehr, begleitendem Radweg zum Bahnhof und Lkw-Stellplätzen.',
      districts: [INDUSTRIE],
      leadDepartment: TBA,
      partnerDepartments: [WFA, SPA],
      externalActors: 'Landesstraßenbaubehörde, ansässige Unternehmen, IHK',
      targetGroups: 'Unternehmen, Beschäftigte, Anwohnende an der bisherigen Zufahrt',
      costEur: 4_300_000,
      horizon: 'medium',
      plannedStart: '2027-01-01',
      plannedEnd: '2030-06-30',
      status: 'planning',
      priority: 'C',
      goals: [Z_GEWERBE],
      actionFields: [AF_WIRTSCHAFT, AF_MOBIL],
      dimensions: [PRODUKTIV],
      origin: origin(INDUSTRIE),
      tags: ['Gewerbe', 'Erschließung', 'Straßenbau'],
    },
    {
      title: 'Solaroffensive auf Gewerbedächern',
      need: 'Auf den großen Hallendächern im Industriegebiet wird bisher kaum Solarstrom erzeugt, obwohl die Betriebe hohe Energiekosten haben.',
      goal: 'Bis 2030 sind 20 Megawatt Photovoltaik auf Gewerbedächern installiert.',
      description:
        'Solarkataster für alle Gewerbedächer, kostenlose Initialberatung, Vermittlung von Pachtmodellen mit den Stadtwerken und ein Netzwerk der Energiebeauftragten der Betriebe.',
      districts: [INDUSTRIE],
      leadDepartment: UGA,
      partnerDepartments: [WFA, HA],
      externalActors: 'Stadtwerke Musterstadt, Landesenergieagentur, Handwerkskammer',
      targetGroups: 'Gewerbe- und Industriebetriebe, Immobilieneigentümer',
      costEur: 75_000,
      horizon: 'short',
      plannedStart: '2025-11-01',
      plannedEnd: '2026-10-31',
      status: 'brief',
      goals: [Z_KLIMANEUTRAL, Z_GEWERBE],
      actionFields: [AF_KLIMA, AF_WIRTSCHAFT],
      dimensions: [GRUEN, PRODUKTIV],
      origin: origin(INDUSTRIE),
      tags: ['Photovoltaik', 'Energie', 'Gewerbe'],
    },
    {
      title: 'Fachkräfte-Willkommensservice',
      need: 'Betriebe finden kaum Auszubildende und Fachkräfte; Zuziehende müssen Wohnung, Kita-Platz und Behördengänge mühsam selbst organisieren.',
      goal: 'Neue Fachkräfte und ihre Familien erhalten aus einer Hand Unterstützung beim Ankommen in Musterstadt.',
      description:
        'Willkommenslotsin in der Wirtschaftsförderung, mehrsprachiges Onlineportal, Willkommenspaket und Vermittlung von Wohnungen, Kita-Plätzen und Sprachkursen in Kooperation mit den Betrieben.',
      districts: [INDUSTRIE, BAHNHOF],
      leadDepartment: WFA,
      partnerDepartments: [HA, SOZ],
      externalActors: 'Agentur für Arbeit, IHK, Handwerkskammer, Wohnungsunternehmen',
      targetGroups: 'Fachkräfte, Auszubildende, Zugewanderte, Rückkehrerinnen und Rückkehrer',
      costEur: 210_000,
      horizon: 'short',
      plannedStart: '2026-01-01',
      plannedEnd: '2028-12-31',
      status: 'brief',
      goals: [Z_GEWERBE, Z_VERWALTUNG],
      actionFields: [AF_WIRTSCHAFT],
      dimensions: [PRODUKTIV, GERECHT],
      origin: origin(INDUSTRIE),
      tags: ['Fachkräfte', 'Willkommenskultur'],
    },
    {
      title: 'Pendlerbuslinie Industriegebiet – Bahnhof',
      need: 'Die Schichtzeiten der Betriebe passen nicht zum Busfahrplan; fast alle Beschäftigten kommen mit dem eigenen Auto.',
      goal: 'Eine auf die Schichtzeiten abgestimmte Buslinie verbindet Bahnhof und Industriegebiet.',
      description:
        'Einjähriger Testbetrieb einer Schichtbuslinie mit Kleinbussen, gemeinsam finanziert von Stadt und Unternehmen, mit Auswertung der Fahrgastzahlen für die Übernahme in den Nahverkehrsplan.',
      districts: [INDUSTRIE, BAHNHOF],
      leadDepartment: WFA,
      partnerDepartments: [TBA],
      externalActors: 'Nahverkehrsgesellschaft, ansässige Unternehmen, Landkreis als Aufgabenträger',
      targetGroups: 'Schichtarbeitende, Auszubildende, Pendlerinnen und Pendler',
      costEur: 320_000,
      horizon: 'short',
      plannedStart: '2025-01-01',
      plannedEnd: '2025-12-31',
      status: 'done',
      goals: [Z_NAHMOBIL, Z_GEWERBE],
      actionFields: [AF_MOBIL, AF_WIRTSCHAFT],
      dimensions: [PRODUKTIV, GRUEN],
      origin: origin(INDUSTRIE),
      tags: ['ÖPNV', 'Pendler', 'Pilotprojekt'],
    },

    // ----------------------------------------------------------------------- Gruppe Ortsteil Wallendorf
    {
      title: 'Sanierung des Dorfgemeinschaftshauses Wallendorf',
      need: 'Das Dorfgemeinschaftshaus ist der einzige öffentliche Treffpunkt im Ortsteil, aber Heizung, Sanitäranlagen und Saalboden sind marode.',
      goal: 'Ein saniertes, barrierefreies Dorfgemeinschaftshaus für Vereine, Feste und Sprechstunden der Verwaltung.',
      description:
        'Sanierung von Heizung, Sanitär und Saal, barrierefreier Zugang, neue Küche und ein Raum für mobile Bürgersprechstunden und Beratungsangebote.',
      districts: [WALLENDORF],
      leadDepartment: KTA,
      partnerDepartments: [KAEM],
      externalActors: 'Ortschaftsrat Wallendorf, Heimat- und Karnevalsverein, Freiwillige Feuerwehr, LEADER-Aktionsgruppe',
      targetGroups: 'Bewohnerinnen und Bewohner von Wallendorf, Vereine',
      costEur: 890_000,
      horizon: 'medium',
      plannedStart: '2026-05-01',
      plannedEnd: '2028-06-30',
      status: 'prioritised',
      priority: 'C',
      goals: [Z_ORTSTEILE, Z_KULTURSPORT],
      actionFields: [AF_SOZIAL, AF_BILDUNG],
      dimensions: [GERECHT],
      origin: origin(WALLENDORF),
      tags: ['Ortsteil', 'Dorfgemeinschaft', 'Sanierung'],
    },
    {
      title: 'Radweg Wallendorf – Gartenstadt',
      need: 'Zwischen Wallendorf und der Kernstadt gibt es keinen Radweg; Kinder fahren auf der unbeleuchteten Kreisstraße zur Schule.',
      goal: 'Ein sicherer, beleuchteter Radweg bindet Wallendorf an Schulen, Freibad und Kernstadt an.',
      description:
        'Bau eines 2,4 Kilometer langen straßenbegleitenden Radwegs entlang der Kreisstraße mit solarbetriebener Beleuchtung und Querungshilfe am Ortseingang Gartenstadt.',
      districts: [WALLENDORF, GARTENSTADT],
      leadDepartment: TBA,
      partnerDepartments: [UGA],
      externalActors: 'Landkreis als Straßenbaulastträger, Ortschaftsrat Wallendorf, ADFC-Ortsgruppe',
      targetGroups: 'Schulkinder, Pendlerinnen und Pendler, Freizeitradfahrende',
      costEur: 1_750_000,
      horizon: 'medium',
      plannedStart: '2027-03-01',
      plannedEnd: '2029-10-31',
      status: 'brief',
      goals: [Z_NAHMOBIL, Z_ORTSTEILE],
      actionFields: [AF_MOBIL],
      dimensions: [GRUEN, GERECHT],
      origin: origin(WALLENDORF),
      tags: ['Radverkehr', 'Ortsteil', 'Schulweg'],
    },
    {
      title: 'Dorfladen mit Paketstation und digitalem Bürgerterminal',
      need: 'Seit der Schließung des letzten Lebensmittelgeschäfts müssen ältere Menschen für jeden Einkauf in die Kernstadt fahren.',
      goal: 'Ein genossenschaftlicher Dorfladen sichert die Nahversorgung und wird zum Treffpunkt mit digitalen Verwaltungsdiensten.',
      description:
        'Unterstützung einer Bürgergenossenschaft beim Aufbau eines Dorfladens in der ehemaligen Post mit regionalen Produkten, Paketstation, Café-Ecke und einem Terminal für Online-Anträge.',
      districts: [WALLENDORF],
      leadDepartment: HA,
      partnerDepartments: [WFA],
      externalActors: 'Bürgergenossenschaft Wallendorf (in Gründung), regionale Erzeuger, LEADER-Aktionsgruppe',
      targetGroups: 'Ältere Menschen, Familien, Menschen ohne Auto',
      costEur: 140_000,
      horizon: 'short',
      plannedStart: '2026-02-01',
      plannedEnd: '2027-06-30',
      status: 'brief',
      goals: [Z_ORTSTEILE, Z_VERWALTUNG],
      actionFields: [AF_DIGITAL, AF_SOZIAL],
      dimensions: [GERECHT, PRODUKTIV],
      origin: origin(WALLENDORF),
      tags: ['Nahversorgung', 'Ortsteil', 'Digitalisierung'],
    },
    {
      title: 'Renaturierung des Wallendorfer Baches',
      need: 'Der Bach ist auf 1,5 Kilometern begradigt und in ein Betonbett gefasst; bei Starkregen tritt er am Ortsausgang über die Ufer.',
      goal: 'Ein naturnaher Bachlauf mit Überflutungsflächen schützt den Ort vor Hochwasser und schafft Lebensraum.',
      description:
        'Rückbau des Betonbetts, Anlage von Mäandern und Auwaldstreifen, Erwerb von Retentionsflächen und ein Erlebnispfad für Schulklassen.',
      districts: [WALLENDORF],
      leadDepartment: UGA,
      partnerDepartments: [TBA],
      externalActors: 'Untere Wasserbehörde, Unterhaltungsverband, Landwirtschaftsbetriebe, NABU-Ortsgruppe',
      targetGroups: 'Anwohnende, Landwirtschaft, Schulklassen, Erholungssuchende',
      costEur: 980_000,
      horizon: 'long',
      plannedStart: '2029-04-01',
      plannedEnd: '2032-09-30',
      status: 'on_hold',
      goals: [Z_GRUENNETZ, Z_KLIMAANPASSUNG],
      actionFields: [AF_KLIMA],
      dimensions: [GRUEN],
      origin: origin(WALLENDORF),
      tags: ['Gewässer', 'Hochwasserschutz', 'Biodiversität'],
    },

    // ----------------------------------------------------------------------- Gruppe Ortsteil Kötzschen
    {
      title: 'Ortskernsanierung Kötzschen',
      need: 'Im historischen Dorfkern stehen mehrere Vierseithöfe leer und verfallen; der Dorfplatz ist eine ungestaltete Schotterfläche.',
      goal: 'Ein belebter Dorfkern mit sanierten Höfen, neuen Wohnungen und einem Dorfplatz als Treffpunkt.',
      description:
        'Festlegung eines Sanierungsgebiets, Förderung privater Sanierungen von Höfen und Scheunen, Umgestaltung des Dorfplatzes und Umnutzung eines Hofes für gemeinschaftliches Wohnen.',
      districts: [KOETZSCHEN],
      leadDepartment: SPA,
      partnerDepartments: [TBA, KAEM],
      externalActors: 'Ortschaftsrat Kötzschen, Eigentümerinnen und Eigentümer, Landgesellschaft',
      targetGroups: 'Bewohnerinnen und Bewohner, junge Familien, Eigentümerinnen und Eigentümer',
      costEur: 2_400_000,
      horizon: 'long',
      plannedStart: '2028-01-01',
      plannedEnd: '2034-12-31',
      status: 'brief',
      goals: [Z_ORTSTEILE, Z_BAUKULTUR],
      actionFields: [AF_WOHNEN, AF_TOURISMUS],
      dimensions: [GERECHT, PRODUKTIV],
      origin: origin(KOETZSCHEN),
      tags: ['Ortsteil', 'Sanierung', 'Dorfkern'],
    },
    {
      title: 'Rufbus für Kötzschen',
      need: 'Außerhalb der Schulzeiten fährt kein Bus nach Kötzschen; ältere Menschen ohne Auto sind bei Arzt- und Behördenterminen auf Nachbarn angewiesen.',
      goal: 'Ein bedarfsgesteuerter Rufbus sichert die Anbindung an die Kernstadt an allen Tagen.',
      description:
        'Einführung eines Rufbusses mit Buchung per App und Telefon, stündlich zwischen 6 und 21 Uhr, als Teil des Nahverkehrsplans des Landkreises.',
      districts: [KOETZSCHEN],
      leadDepartment: SPA,
      partnerDepartments: [HA],
      externalActors: 'Landkreis als Aufgabenträger, Nahverkehrsgesellschaft, Ortschaftsrat Kötzschen',
      targetGroups: 'Ältere Menschen, Jugendliche, Menschen ohne Auto',
      costEur: null,
      horizon: 'medium',
      plannedStart: '2027-01-01',
      plannedEnd: '2028-12-31',
      status: 'brief',
      goals: [Z_NAHMOBIL, Z_ORTSTEILE],
      actionFields: [AF_MOBIL],
      dimensions: [GERECHT, GRUEN],
      origin: origin(KOETZSCHEN),
      tags: ['ÖPNV', 'Rufbus', 'Ortsteil'],
    },
    {
      title: 'Kita-Erweiterung mit Naturspielraum in Kötzschen',
      need: 'Die Kita „Kleine Strolche“ hat eine Warteliste von 25 Kindern, weil junge Familien zuziehen; das Außengelände ist zu klein.',
      goal: 'Ausreichend Kita-Plätze im Ortsteil und ein naturnahes Außengelände zum Spielen und Lernen.',
      description:
        'Anbau in Holzbauweise für zwei zusätzliche Gruppen, Erweiterung des Außengeländes auf die angrenzende Streuobstwiese mit Naturspielraum und Hochbeeten.',
      districts: [KOETZSCHEN],
      leadDepartment: BSA,
      partnerDepartments: [UGA],
      externalActors: 'Kita-Träger, Elternvertretung, Obstbauverein Kötzschen',
      targetGroups: 'Kinder im Kita-Alter, junge Familien, pädagogische Fachkräfte',
      costEur: 2_200_000,
      horizon: 'medium',
      plannedStart: '2026-09-01',
      plannedEnd: '2028-08-31',
      status: 'brief',
      goals: [Z_BILDUNG, Z_ORTSTEILE],
      actionFields: [AF_BILDUNG],
      dimensions: [GERECHT, GRUEN],
      origin: origin(KOETZSCHEN),
      tags: ['Kita', 'Familie', 'Naturerfahrung'],
    },
    {
      title: 'Glasfaserausbau und öffentliches WLAN in den Ortsteilen',
      need: 'In Kötzschen und Wallendorf liegen die Bandbreiten unter 16 Mbit/s; Homeoffice, Homeschooling und die Ansiedlung kleiner Betriebe scheitern daran.',
      goal: 'Alle Haushalte und Betriebe in den Ortsteilen erhalten einen Glasfaseranschluss, Dorfplätze und Gemeinschaftshäuser freies WLAN.',
      description:
        'Geförderter Glasfaserausbau in den unterversorgten Bereichen im Rahmen des Bundesförderprogramms und öffentliches WLAN an Dorfplätzen, Gemeinschaftshäusern und Bushaltestellen.',
      districts: [KOETZSCHEN, WALLENDORF],
      leadDepartment: HA,
      partnerDepartments: [WFA, KAEM],
      externalActors: 'Telekommunikationsunternehmen, Breitbandkompetenzzentrum des Landes, Landkreis',
      targetGroups: 'Haushalte, Schülerinnen und Schüler, kleine Betriebe, Selbstständige',
      costEur: 3_500_000,
      horizon: 'medium',
      plannedStart: '2025-07-01',
      plannedEnd: '2028-12-31',
      status: 'implementation',
      goals: [Z_VERWALTUNG, Z_ORTSTEILE],
      actionFields: [AF_DIGITAL],
      dimensions: [PRODUKTIV, GERECHT],
      origin: origin(KOETZSCHEN),
      tags: ['Breitband', 'Digitalisierung', 'Ortsteil'],
    },
    {
      title: 'Bürgerbudget für die Ortsteile',
      need: 'Die Ortschaftsräte haben kaum eigene Mittel; kleine Anliegen wie Sitzbänke oder Vereinsfeste scheitern an langen Haushaltsverfahren.',
      goal: 'Bürgerinnen und Bürger der Ortsteile entscheiden jedes Jahr selbst über ein eigenes Budget für kleine Projekte.',
      description:
        'Jährliches Bürgerbudget von 50.000 Euro je Ortsteil, Vorschläge und Abstimmung online und auf Papier, Umsetzung innerhalb eines Jahres mit Rechenschaftsbericht.',
      districts: [KOETZSCHEN, WALLENDORF],
      leadDepartment: KAEM,
      partnerDepartments: [HA, SOZ],
      externalActors: 'Ortschaftsräte Kötzschen und Wallendorf, Vereine, Jugendparlament',
      targetGroups: 'Bewohnerinnen und Bewohner der Ortsteile, Vereine, Jugendliche',
      costEur: 100_000,
      horizon: 'short',
      plannedStart: '2026-01-01',
      plannedEnd: '2026-12-31',
      status: 'brief',
      goals: [Z_ORTSTEILE, Z_VERWALTUNG],
      actionFields: [AF_SOZIAL, AF_DIGITAL],
      dimensions: [GERECHT],
      origin: origin(KOETZSCHEN),
      tags: ['Beteiligung', 'Ortsteil', 'Bürgerhaushalt'],
    },
  ],
};
