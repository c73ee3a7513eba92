/**
 * Seed catalogue of real funding programmes that German municipalities use for urban development.
 *
 * These entries are Roter Faden's own short summaries (no copied source texts; the Förderdatenbank's
 * texts are CC BY-ND). They state facts as of the `lastChecked` date (2026-11-21), taken from the
 * sources in /work/shared/reference/domain-facts.md. Rates, amounts and deadlines change from call to
 * call and between the federal states: always check the source before an application. Where a fact
 * was not confirmed, the field is left null/empty and the text says "je nach Förderaufruf".
 */
import type { FundingProgrammeInput } from '../../../contract/funding';

export const FUNDING_LAST_CHECKED = '2026-11-21';

const STAEDTEBAUFOERDERUNG_URL = 'https://www.staedtebaufoerderung.info/DE/Startseite/startseite_node.html';

const STBF_RATE_TEXT =
  'in der Regel je ein Drittel Bund, Land und Kommune; Länder weichen ab (z. B. Bayern 60 %, NRW 50 %)';

const STBF_DOCUMENTS =
  'Programmanmeldung über das Land, in der Regel jährlich (Verfahren und Fristen je nach Land und Förderaufruf). ' +
  'Typischerweise erforderlich: integriertes städtebauliches Entwicklungskonzept (ISEK) mit Kosten- und ' +
  'Finanzierungsübersicht (§ 149 BauGB), festgelegtes Fördergebiet, Maßnahmenbeschreibung, ' +
  'Ratsbeschluss zum Eigenanteil.';

const STBF_SHARE_NOTE =
  'Der angegebene Satz von 66,67 % ist der übliche gemeinsame Anteil von Bund und Land (je ein Drittel); ' +
  'das letzte Drittel trägt die Kommune. Einzelne Länder setzen andere Quoten.';

export const FUNDING_PROGRAMMES: FundingProgrammeInput[] = [
  {
    name: 'Städtebauförderung – Lebendige Zentren',
    provider: 'Bund (BMWSB) und Länder',
    level: 'federal',
    kind: 'grant',
    rateText: STBF_RATE_TEXT,
    ratePercent: 66.67,
    rateWeakPercent: null,
    minAmountCents: null,
    maxAmountCents: null,
    applicants: ['municipality'],
    topics: [
      'Innenstadt',
      'Ortskern',
      'Stadtkern',
      'Ortsmitte',
      'Altstadt',
      'Stadtteilzentrum',
      'Denkmalschutz',
      'Baukultur',
      'Leerstand',
      'Einzelhandel',
      'Öffentlicher Raum',
      'Aufenthaltsqualität',
      'Marktplatz',
      'Platzgestaltung',
      'Zentrenmanagement',
    ],
    requiresDesignatedArea: true,
    areaKinds: ['lebendige_zentren'],
    settlementTypes: [],
    typicalMinCents: null,
    typicalMaxCents: null,
    climateRequirement: true,
    windows: [],
    requiredDocuments: STBF_DOCUMENTS,
    description:
      'Bund-Länder-Programm der Städtebauförderung, mit dem Kommunen ihre Innenstädte, Ortskerne und ' +
      'Stadtteilzentren als Orte zum Wohnen, Arbeiten, Einkaufen und für Kultur stärken; auch der ' +
      'städtebauliche Denkmalschutz gehört dazu (Bundesmittel 2020: 300 Mio. €). Gefördert werden ' +
      'Gesamtmaßnahmen in einem festgelegten Gebiet; seit 2020 sind Maßnahmen für Klimaschutz oder ' +
      'Klimaanpassung (etwa grüne Infrastruktur) Fördervoraussetzung. ' +
      STBF_SHARE_NOTE,
    sourceUrl: STAEDTEBAUFOERDERUNG_URL,
    lastChecked: FUNDING_LAST_CHECKED,
  },
  {
    name: 'Städtebauförderung – Sozialer Zusammenhalt',
    provider: 'Bund (BMWSB) und Länder',
    level: 'federal',
    kind: 'grant',
    rateText: STBF_RATE_TEXT,
    ratePercent: 66.67,
    rateWeakPercent: null,
    minAmountCents: null,
    maxAmountCents: null,
    applicants: ['municipality'],
    topics: [
      'Quartiersmanagement',
      'Stadtteilzentrum',
      'Nachbarschaft',
      'Integration',
      'Teilhabe',
      'Bildung',
      'Jugend',
      'Familien',
      'Senioren',
      'Spielplatz',
      'Wohnumfeld',
      'Soziales',
      'Begegnung',
      'Gemeinbedarf',
      'Öffentlicher Raum',
      'Grün',
    ],
    requiresDesignatedArea: true,
    areaKinds: ['sozialer_zusammenhalt'],
    settlementTypes: [],
    typicalMinCents: null,
    typicalMaxCents: null,
    climateRequirement: true,
    windows: [],
    requiredDocuments: STBF_DOCUMENTS,
    description:
      'Bund-Länder-Programm der Städtebauförderung (früher „Soziale Stadt“) für benachteiligte Stadt- ' +
      'und Ortsteile: bauliche Aufwertung von Wohnumfeld und sozialer Infrastruktur, verbunden mit ' +
      'Quartiersmanagement und Angeboten für Nachbarschaft und Teilhabe (Bundesmittel 2020: 200 Mio. €). ' +
      'Gefördert wird in einem festgelegten Gebiet; Klimaschutz oder Klimaanpassung sind seit 2020 ' +
      'Voraussetzung. ' +
      STBF_SHARE_NOTE,
    sourceUrl: STAEDTEBAUFOERDERUNG_URL,
    lastChecked: FUNDING_LAST_CHECKED,
  },
  {
    name: 'Städtebauförderung – Wachstum und nachhaltige Erneuerung',
    provider: 'Bund (BMWSB) und Länder',
    level: 'federal',
    kind: 'grant',
    rateText: STBF_RATE_TEXT,
    ratePercent: 66.67,
    rateWeakPercent: null,
    minAmountCents: null,
    maxAmountCents: null,
    applicants: ['municipality'],
    topics: [
      'Stadtumbau',
      'Brachfläche',
      'Rückbau',
      'Konversion',
      'Umnutzung',
      'Klimaanpassung',
      'Entsiegelung',
      'Grün- und Freiflächen',
      'Wohnen',
      'Wohnungsbestand',
      'Innenentwicklung',
      'Flächenrecycling',
      'Demografischer Wandel',
    ],
    requiresDesignatedArea: true,
    areaKinds: ['wachstum_nachhaltige_erneuerung'],
    settlementTypes: [],
    typicalMinCents: null,
    typicalMaxCents: null,
    climateRequirement: true,
    windows: [],
    requiredDocuments: STBF_DOCUMENTS,
    description:
      'Bund-Länder-Programm der Städtebauförderung (Nachfolger des Stadtumbaus) für Städte im ' +
      'strukturellen oder demografischen Wandel: Brachen und Konversionsflächen neu nutzen, nicht mehr ' +
      'benötigte Bauten zurückbauen, Quartiere klimagerecht und grüner erneuern (Bundesmittel 2020: ' +
      '290 Mio. €). Gefördert wird in einem festgelegten Gebiet; Klimaschutz oder Klimaanpassung sind ' +
      'seit 2020 Voraussetzung. ' +
      STBF_SHARE_NOTE,
    sourceUrl: STAEDTEBAUFOERDERUNG_URL,
    lastChecked: FUNDING_LAST_CHECKED,
  },
  {
    name: 'KfW 432 – Energetische Stadtsanierung (Zuschuss)',
    provider: 'KfW im Auftrag des Bundes (BMWSB)',
    level: 'federal',
    kind: 'grant',
    rateText:
      '75 % der förderfähigen Ausgaben, 90 % für finanzschwache Kommunen; integriertes Quartierskonzept ' +
      'bis 200.000 €, Sanierungsmanagement bis 400.000 € je Quartier (bis zu 5 Jahre)',
    ratePercent: 75,
    rateWeakPercent: 90,
    minAmountCents: null,
    maxAmountCents: 200_000_00,
    applicants: ['municipality', 'municipal_enterprise'],
    topics: [
      'Quartierskonzept',
      'Energetisches Quartierskonzept',
      'Energetische Stadtsanierung',
      'Sanierungsmanagement',
      'Wärmeversorgung',
      'Wärmenetz',
      'Energieeffizienz im Quartier',
    ],
    requiresDesignatedArea: false,
    areaKinds: [],
    settlementTypes: [],
    typicalMinCents: null,
    typicalMaxCents: null,
    climateRequirement: true,
    windows: [],
    requiredDocuments:
      'Antrag bei der KfW, je Quartier ein eigener Antrag; Fristen und Bedingungen je nach Förderaufruf. ' +
      'Typischerweise: Abgrenzung und Beschreibung des Quartiers, Leistungsbeschreibung für Konzept bzw. ' +
      'Sanierungsmanagement, Kosten- und Finanzierungsplan, Ratsbeschluss zum Eigenanteil.',
    description:
      'Zuschuss für ein integriertes energetisches Quartierskonzept und für ein Sanierungsmanagement, ' +
      'das dessen Umsetzung steuert. Antragsberechtigt sind Kommunen, ihre Eigenbetriebe und kommunale ' +
      'Zweckverbände. Der angegebene Höchstbetrag von 200.000 € gilt für das Konzept; für das ' +
      'Sanierungsmanagement sind bis zu 400.000 € je Quartier über bis zu fünf Jahre möglich.',
    sourceUrl: 'https://plattformklima.nrw/kfw-432-energetische-stadtsanierung-zuschuss-jetzt-beantragen',
    lastChecked: FUNDING_LAST_CHECKED,
  },
  {
    name: 'Sanierung kommunaler Einrichtungen in den Bereichen Sport, Jugend und Kultur',
    provider: 'Bund (BMWSB), Abwicklung durch das BBSR',
    level: 'federal',
    kind: 'grant',
    rateText: '45 % Bundesanteil; 75–90 % bei Haushaltsnotlage der Kommune',
    ratePercent: 45,
    rateWeakPercent: 90,
    minAmountCents: null,
    maxAmountCents: null,
    applicants: ['municipality'],
    topics: [
      'Sport',
      'Sportstätte',
      'Sporthalle',
      'Sportplatz',
      'Schwimmbad',
      'Hallenbad',
      'Freibad',
      'Jugend',
      'Jugendzentrum',
      'Jugendclub',
      'Jugendtreff',
      'Kultur',
      'Kulturzentrum',
      'Theater',
      'Bibliothek',
      'Soziale Infrastruktur',
    ],
    requiresDesignatedArea: false,
    areaKinds: [],
    settlementTypes: [],
    // Typical size: in the 2020 call the federal share was, depending on the project, 0,5 to 3 Mio. €
    // (about 45 % of the cost) — https://bibliotheksportal.de/2020/09/04/ausschreibung-sanierung-kommunaler-einrichtungen-in-den-bereichen-sport-jugend-und-kultur/
    typicalMinCents: 500_000_00,
    typicalMaxCents: 3_000_000_00,
    climateRequirement: false,
    windows: [
      { opensOn: null, closesOn: '2026-01-15', note: 'Projektaufruf (Nachfolgeaufruf Sportstätten)' },
    ],
    requiredDocuments:
      'Bewerbung auf einen Projektaufruf des Bundes; Fristen je nach Förderaufruf. Typischerweise: ' +
      'Projektskizze bzw. Projektbeschreibung, Kosten- und Finanzierungsplan, Ratsbeschluss zum Eigenanteil.',
    description:
      'Bundesprogramm für die Sanierung kommunaler Sportstätten, Schwimmbäder, Jugend- und ' +
      'Kultureinrichtungen mit besonderer Bedeutung für das Gemeinwesen. Es läuft über einzelne ' +
      'Projektaufrufe; zuletzt ein Nachfolgeaufruf für Sportstätten mit Frist 15.01.2026. Weitere ' +
      'Aufrufe und ihre Bedingungen je nach Förderaufruf.',
    sourceUrl: 'https://www.sport-jugend-kultur.de/',
    lastChecked: FUNDING_LAST_CHECKED,
  },
  {
    name: 'Kommunalrichtlinie (Nationale Klimaschutzinitiative)',
    provider: 'Bund (BMUKN), Projektträger ZUG',
    level: 'federal',
    kind: 'grant',
    rateText:
      'bis 70 % der förderfähigen Ausgaben, bis 90 % für finanzschwache Kommunen; Sätze je Förderschwerpunkt ' +
      'laut Richtlinie',
    ratePercent: 70,
    rateWeakPercent: 90,
    minAmountCents: null,
    maxAmountCents: null,
    applicants: ['municipality', 'municipal_enterprise'],
    topics: [
      'Klimaschutz',
      'Klimaschutzkonzept',
      'Klimaschutzmanagement',
      'Radverkehr',
      'Radweg',
      'Mobilität',
      'Straßenbeleuchtung (LED)',
      'Straßenbeleuchtung',
      'Beleuchtung',
      'LED',
      'Abfall',
      'Abwasser',
      'Energie',
      'Energieeffizienz',
      'Energiemanagement',
      'Wärmeplanung',
    ],
    requiresDesignatedArea: false,
    areaKinds: [],
    settlementTypes: [],
    typicalMinCents: null,
    typicalMaxCents: null,
    climateRequirement: true,
    windows: [{ opensOn: null, closesOn: '2027-12-31', note: 'Förderfenster laut Richtlinie vom 10.10.2024' }],
    requiredDocuments:
      'Antrag beim Projektträger ZUG innerhalb der Förderfenster. Typischerweise: Vorhabenbeschreibung mit ' +
      'erwarteter Treibhausgasminderung, Kosten- und Finanzierungsplan, Ratsbeschluss zum Eigenanteil.',
    description:
      'Breitenförderung des Bundes für kommunalen Klimaschutz: strategische Vorhaben wie Klimaschutzkonzepte ' +
      'und Klimaschutzmanagement sowie investive Vorhaben, etwa LED-Beleuchtung, Radverkehr oder ' +
      'klimafreundlichere Abfallwirtschaft. Antragsberechtigt sind Kommunen und Unternehmen mit mind. ' +
      '25 % kommunaler Beteiligung; Grundlage ist die Richtlinie vom 10.10.2024 mit Förderfenstern bis ' +
      '31.12.2027.',
    sourceUrl: 'https://www.klimaschutz.de/de/foerderung-der-nki/foerderprogramme/kommunalrichtlinie',
    lastChecked: FUNDING_LAST_CHECKED,
  },
  {
    name: 'EFRE Nachhaltige Stadtentwicklung Sachsen 2021–2027',
    provider: 'EU (EFRE) und Freistaat Sachsen',
    level: 'eu',
    kind: 'grant',
    rateText: 'EU-Anteil 50 % (Region Leipzig), 60 % (Regionen Chemnitz, Dresden)',
    ratePercent: 50,
    rateWeakPercent: null,
    minAmountCents: null,
    maxAmountCents: null,
    applicants: ['municipality'],
    topics: [
      'Stadtquartier',
      'Benachteiligte Quartiere',
      'Klimaschutz',
      'Energetische Sanierung',
      'Stadtökologie',
      'Grün- und Freiflächen',
      'Grün',
      'Brachfläche',
      'Öffentlicher Raum',
      'Spielplatz',
      'Sportplatz',
      'Innenstadt',
      'Erneuerbare Energien',
      'CO2-Minderung',
      'Kleinunternehmen',
      'Wirtschaftliche Belebung',
      'Soziale Belebung',
    ],
    requiresDesignatedArea: true,
    areaKinds: ['efre'],
    settlementTypes: ['urban'],
    // towns and municipalities with at least 5.000 inhabitants, in designated areas (bauen-wohnen.sachsen.de)
    typicalMinCents: null,
    typicalMaxCents: null,
    climateRequirement: false,
    windows: [],
    requiredDocuments:
      'Verfahren und Fristen je nach Förderaufruf des Freistaats. Typischerweise: gebietsbezogenes ' +
      'integriertes Handlungskonzept für das Fördergebiet, Projektbeschreibung, Kosten- und ' +
      'Finanzierungsplan, Ratsbeschluss zum Eigenanteil.',
    description:
      'EU-Strukturfondsprogramm des Freistaats Sachsen (rund 156 Mio. €) für die integrierte Erneuerung ' +
      'benachteiligter Stadtgebiete in drei Handlungsfeldern: weniger CO2 (etwa energetische Sanierung ' +
      'öffentlicher Gebäude), Stadtökologie sowie wirtschaftliche und soziale Belebung (etwa Spiel- und ' +
      'Sportplätze, lokale Kleinunternehmen, Innenstädte). Antragsberechtigt sind Städte und Gemeinden mit mindestens 5.000 ' +
      'Einwohnern; gefördert wird nur in festgelegten Gebieten. Der EU-Anteil beträgt 50 % in der ' +
      'Region Leipzig und 60 % in den Regionen Chemnitz und Dresden; der Rest je nach Förderaufruf.',
    sourceUrl: 'https://www.bauen-wohnen.sachsen.de/efre-stadtentwicklung-2021-2027-6159.html',
    lastChecked: FUNDING_LAST_CHECKED,
  },
  {
    name: 'LEADER Sachsen 2023–2027',
    provider: 'EU (ELER) und Freistaat Sachsen, über die lokalen Aktionsgruppen (LAG)',
    level: 'eu',
    kind: 'grant',
    rateText: 'je nach LEADER-Entwicklungsstrategie (LES) der LAG und je nach Förderaufruf',
    ratePercent: null,
    rateWeakPercent: null,
    minAmountCents: null,
    maxAmountCents: null,
    applicants: ['local_action_group', 'municipality', 'association', 'private'],
    topics: [
      'Ländlicher Raum',
      'Dorfentwicklung',
      'Dorfgemeinschaftshaus',
      'Gemeinschaftshaus',
      'Ortskern',
      'Grundversorgung',
      'Lebensqualität',
      'Tourismus',
      'Naherholung',
      'Dorfladen',
      'Coworking',
      'Mobilität',
      'Vereine',
      'Wohnen',
      'Bildung',
      'Natur und Umwelt',
    ],
    requiresDesignatedArea: true,
    areaKinds: ['leader'],
    settlementTypes: ['rural'],
    // Only in the LEADER areas of the rural parts of Saxony. Typical size: 2014–2022 the 30 areas had
    // 427 Mio. € (MDR, 06/2019: https://www.mdr.de/sachsen/chemnitz/vogtland/leader-programm-eu-scheune-oberlauterbach-100.html)
    // for 7.500 approved applications (MDR, 06/2023: https://www.mdr.de/nachrichten/sachsen/leipzig/leipzig-leipzig-land/kabinett-tourismus-urlaubsregionen-wirtschaft-100.html),
    // about 57.000 € per project on average; 200.000 € (3½ times that) is taken as the typical upper end.
    typicalMinCents: null,
    typicalMaxCents: 200_000_00,
    climateRequirement: false,
    windows: [],
    requiredDocuments:
      'Bewerbung über die lokale Aktionsgruppe (LAG) auf deren Aufrufe; Auswahl nach der ' +
      'LEADER-Entwicklungsstrategie, Fristen je nach Förderaufruf. Typischerweise: Projektbeschreibung, ' +
      'Kosten- und Finanzierungsplan, bei Kommunen Ratsbeschluss zum Eigenanteil.',
    description:
      'EU-Förderung für den ländlichen Raum in Sachsen (240,9 Mio. € in 30 LEADER-Gebieten). Jede lokale ' +
      'Aktionsgruppe legt in ihrer Entwicklungsstrategie selbst fest, was sie mit welchem Satz fördert, ' +
      'und wählt die Vorhaben aus; das Vorhaben muss im jeweiligen LEADER-Gebiet liegen. Antragstellende ' +
      'können Kommunen, Vereine und Private sein, jeweils über die lokale Aktionsgruppe (LAG).',
    sourceUrl: 'https://www.laendlicher-raum.sachsen.de/leader-2021-2027-11098.html',
    lastChecked: FUNDING_LAST_CHECKED,
  },
];
