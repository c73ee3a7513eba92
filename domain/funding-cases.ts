/**
 * Hand-ranked funding cases: for realistic measures of a Saxon town like Musterstadt, the order in which
 * a planner would look at the programmes of the shipped catalogue (server/db/seed/funding-programmes.ts).
 * They were written before the matcher was tuned, and the matcher is measured against them
 * (funding-cases.test.ts); do not adapt a case to the matcher — change the matcher or the catalogue.
 *
 * `planner` lists groups of programmes, best first; programmes in one group are equally good in the
 * planner's eyes (ties). Programmes not listed are "not relevant" for the measure and share the last
 * rank. An empty `planner` means no programme of the catalogue is worth an application.
 *
 * Programme keys: LZ, SZ, WNE = Städtebauförderung Lebendige Zentren / Sozialer Zusammenhalt /
 * Wachstum und nachhaltige Erneuerung; KFW432 = KfW 432 Energetische Stadtsanierung; SJK = Sanierung
 * kommunaler Einrichtungen Sport, Jugend und Kultur; KRL = Kommunalrichtlinie; EFRE = EFRE Nachhaltige
 * Stadtentwicklung Sachsen; LEADER = LEADER Sachsen.
 */

export type ProgrammeKey = 'LZ' | 'SZ' | 'WNE' | 'KFW432' | 'SJK' | 'KRL' | 'EFRE' | 'LEADER';

/** How a catalogue name maps to its key. */
export const PROGRAMME_KEYS: readonly (readonly [ProgrammeKey, RegExp])[] = [
  ['LZ', /Lebendige Zentren/],
  ['SZ', /Sozialer Zusammenhalt/],
  ['WNE', /Wachstum und nachhaltige Erneuerung/],
  ['KFW432', /KfW 432/],
  ['SJK', /Sport, Jugend und Kultur/],
  ['KRL', /Kommunalrichtlinie/],
  ['EFRE', /^EFRE/],
  ['LEADER', /^LEADER/],
];

export interface CaseDistrict {
  name: string;
  /** the kinds of designated funding areas the district lies in */
  designations: string[];
}

export interface FundingCase {
  id: string;
  measure: {
    title: string;
    description: string;
    tags: string[];
    actionFieldNames: string[];
    districts: CaseDistrict[];
    costCents: number;
    plannedStart: string;
  };
  planner: ProgrammeKey[][];
  /** why the planner orders them so */
  why: string;
}

/** The day the cases are judged on: the sport/youth/culture call (deadline 15.01.2026) is still open. */
export const CASES_TODAY = '2025-12-01';
/** Musterstadt is a town: urban, not financially weak. */
export const CASES_MUNICIPALITY = { settlementType: 'urban' as const, financiallyWeak: false };

// Musterstadt's districts and their designations
const ALTSTADT: CaseDistrict = { name: 'Altstadt', designations: ['lebendige_zentren'] };
const NORDSTADT: CaseDistrict = { name: 'Nordstadt', designations: ['sozialer_zusammenhalt', 'efre'] };
const WESTSTADT: CaseDistrict = { name: 'Weststadt', designations: ['sozialer_zusammenhalt'] };
const SUEDSTADT: CaseDistrict = { name: 'Südstadt', designations: [] };
const BAHNHOF: CaseDistrict = { name: 'Bahnhofsviertel', designations: ['wachstum_nachhaltige_erneuerung'] };
const LAUTERBACH: CaseDistrict = { name: 'Lauterbach', designations: ['leader'] };

const START = '2026-09-01';

export const FUNDING_CASES: FundingCase[] = [
  {
    id: 'marktplatz',
    measure: {
      title: 'Umgestaltung des Marktplatzes',
      description:
        'Der Marktplatz wird neu gestaltet: mehr Aufenthaltsqualität, Bäume und Entsiegelung, barrierearme Wege und Raum für den Wochenmarkt.',
      tags: ['Marktplatz', 'Aufenthaltsqualität', 'Entsiegelung'],
      actionFieldNames: ['Lebendige Altstadt'],
      districts: [ALTSTADT],
      costCents: 220_000_000,
      plannedStart: START,
    },
    planner: [['LZ'], ['EFRE', 'WNE'], ['SZ']],
    why: 'Der Markt im Sanierungsgebiet „Lebendige Zentren“ ist der Kernfall des Programms; EFRE und Wachstum kämen nur mit einer weiteren Gebietsfestlegung in Frage; LEADER fördert keine Stadt.',
  },
  {
    id: 'schulhof',
    measure: {
      title: 'Grüner Schulhof der Grundschule Weststadt',
      description:
        'Asphaltflächen werden entsiegelt, Bäume und Beete gepflanzt, Regenwasser versickert; der Hof wird nachmittags für Kinder aus dem Quartier geöffnet.',
      tags: ['Schulhof', 'Entsiegelung', 'Klimaanpassung'],
      actionFieldNames: ['Grün und Klima'],
      districts: [WESTSTADT],
      costCents: 18_000_000,
      plannedStart: START,
    },
    planner: [['SZ'], ['WNE', 'EFRE']],
    why: 'Die Weststadt ist Gebiet „Sozialer Zusammenhalt“: Bildungsort und Wohnumfeld in einem; Wachstum und EFRE fördern Entsiegelung, setzen aber ihr eigenes Gebiet voraus.',
  },
  {
    id: 'schule-energie',
    measure: {
      title: 'Energetische Sanierung der Oberschule Südstadt',
      description:
        'Dämmung der Gebäudehülle, neue Fenster, Lüftungsanlage mit Wärmerückgewinnung und Photovoltaik auf dem Dach; der Energieverbrauch soll sich halbieren.',
      tags: ['Energetische Sanierung', 'Schule', 'Klimaschutz'],
      actionFieldNames: ['Klima und Energie'],
      districts: [SUEDSTADT],
      costCents: 350_000_000,
      plannedStart: START,
    },
    planner: [['KRL'], ['EFRE'], ['WNE']],
    why: 'Die Kommunalrichtlinie fördert investiven Klimaschutz an Schulen (Lüftung, Beleuchtung) ohne Gebiet; EFRE fördert energetische Sanierung öffentlicher Gebäude, aber nur im EFRE-Gebiet; KfW 432 fördert Quartierskonzepte, keinen Schulbau.',
  },
  {
    id: 'dorfgemeinschaftshaus',
    measure: {
      title: 'Dorfgemeinschaftshaus Lauterbach',
      description: 'Die alte Schule im Ortsteil wird zum Dorfgemeinschaftshaus für Vereine, Feste und Sprechstunden umgebaut.',
      tags: ['Dorfgemeinschaftshaus', 'Vereine', 'Ehrenamt'],
      actionFieldNames: ['Ortsteile und ländlicher Raum'],
      districts: [LAUTERBACH],
      costCents: 45_000_000,
      plannedStart: START,
    },
    planner: [['LEADER'], ['SZ']],
    why: 'Lauterbach liegt im LEADER-Gebiet, ein Dorfgemeinschaftshaus ist ein typisches LEADER-Vorhaben; Städtebauförderung bräuchte erst ein Gebiet.',
  },
  {
    id: 'radweg',
    measure: {
      title: 'Radweg Bahnhof – Gewerbegebiet Ost',
      description: 'Ein 3,2 km langer, beleuchteter Radweg verbindet den Bahnhof mit dem Gewerbegebiet; sichere Querungen an zwei Kreuzungen.',
      tags: ['Radverkehr', 'Radweg'],
      actionFieldNames: ['Mobilität'],
      districts: [BAHNHOF],
      costCents: 120_000_000,
      plannedStart: START,
    },
    planner: [['KRL']],
    why: 'Radverkehr ist ein Förderschwerpunkt der Kommunalrichtlinie; die übrigen Programme des Katalogs fördern keine Radwege.',
  },
  {
    id: 'quartiersmanagement',
    measure: {
      title: 'Quartiersmanagement Nordstadt',
      description:
        'Ein Quartiersbüro mit zwei Fachkräften stärkt Nachbarschaft und Beteiligung, berät Bewohnerinnen und Bewohner und verwaltet einen Verfügungsfonds.',
      tags: ['Quartiersmanagement', 'Nachbarschaft', 'Beteiligung'],
      actionFieldNames: ['Soziales Miteinander'],
      districts: [NORDSTADT],
      costCents: 30_000_000,
      plannedStart: '2026-07-01',
    },
    planner: [['SZ'], ['EFRE']],
    why: 'Quartiersmanagement ist das Kerninstrument von „Sozialer Zusammenhalt“ im festgelegten Gebiet; EFRE fördert die soziale Belebung benachteiligter Quartiere.',
  },
  {
    id: 'quartierskonzept',
    measure: {
      title: 'Energetisches Quartierskonzept Südstadt mit Wärmenetz',
      description:
        'Ein integriertes Quartierskonzept klärt, wie die Südstadt über ein Wärmenetz aus Abwärme und Solarthermie versorgt werden kann; danach begleitet ein Sanierungsmanagement die Umsetzung.',
      tags: ['Quartierskonzept', 'Wärmenetz', 'Klimaschutz'],
      actionFieldNames: ['Klima und Energie'],
      districts: [SUEDSTADT],
      costCents: 15_000_000,
      plannedStart: START,
    },
    planner: [['KFW432'], ['KRL']],
    why: 'Genau das fördert KfW 432 (Konzept und Sanierungsmanagement); die Kommunalrichtlinie kommt für Teile in Frage.',
  },
  {
    id: 'waermeplanung',
    measure: {
      title: 'Kommunale Wärmeplanung',
      description: 'Die Stadt erstellt den kommunalen Wärmeplan: Bestandsanalyse, Potenziale, Zielszenario und Maßnahmen.',
      tags: ['Wärmeplanung', 'Klimaschutz', 'Energie'],
      actionFieldNames: ['Klima und Energie'],
      districts: [],
      costCents: 12_000_000,
      plannedStart: START,
    },
    planner: [['KRL'], ['KFW432']],
    why: 'Strategischer Klimaschutz der ganzen Stadt gehört zur Kommunalrichtlinie; KfW 432 ist auf ein Quartier beschränkt.',
  },
  {
    id: 'brache',
    measure: {
      title: 'Revitalisierung der Gaswerksbrache',
      description:
        'Das Gelände des ehemaligen Gaswerks wird von Altlasten befreit und für Wohnen und Gewerbe neu erschlossen; ein Teil wird entsiegelt und als Park angelegt.',
      tags: ['Brachfläche', 'Flächenrecycling', 'Altlasten'],
      actionFieldNames: ['Stadtumbau und Wohnen'],
      districts: [BAHNHOF],
      costCents: 400_000_000,
      plannedStart: START,
    },
    planner: [['WNE'], ['EFRE']],
    why: 'Das Bahnhofsviertel ist Gebiet „Wachstum und nachhaltige Erneuerung“, Brachen sind dessen Kernaufgabe; EFRE fördert Brachflächen nur im EFRE-Gebiet.',
  },
  {
    id: 'jugendzentrum',
    measure: {
      title: 'Sanierung des Jugendzentrums „Alte Feuerwache“',
      description: 'Dach, Heizung und Sanitäranlagen des Jugendzentrums werden saniert, der Saal wird barrierefrei.',
      tags: ['Jugend', 'Sanierung', 'Barrierefreiheit'],
      actionFieldNames: ['Bildung, Jugend und Soziales'],
      districts: [SUEDSTADT],
      costCents: 90_000_000,
      plannedStart: START,
    },
    planner: [['SJK'], ['SZ']],
    why: 'Das Bundesprogramm für Sport, Jugend und Kultur ist genau dafür da (Aufruf offen); „Sozialer Zusammenhalt“ bräuchte erst ein Gebiet.',
  },
  {
    id: 'digitale-dienste',
    measure: {
      title: 'Digitale Bürgerdienste',
      description: 'Anträge der Bürgerdienste werden online angeboten; Terminbuchung und Bezahlung laufen digital.',
      tags: ['Digitalisierung', 'Verwaltung'],
      actionFieldNames: ['Verwaltung und Digitales'],
      districts: [],
      costCents: 20_000_000,
      plannedStart: START,
    },
    planner: [],
    why: 'Kein Programm des Katalogs fördert die Digitalisierung der Verwaltung.',
  },
  {
    id: 'staendehaus',
    measure: {
      title: 'Ständehaus: Stadtbibliothek und Kulturort',
      description: 'Das denkmalgeschützte Ständehaus am Markt wird saniert und zur Stadtbibliothek mit Veranstaltungssaal umgebaut.',
      tags: ['Kultur', 'Denkmalschutz', 'Bibliothek'],
      actionFieldNames: ['Lebendige Altstadt'],
      districts: [ALTSTADT],
      costCents: 500_000_000,
      plannedStart: START,
    },
    planner: [['LZ'], ['SJK']],
    why: 'Denkmal im Gebiet „Lebendige Zentren“ mit zwei Dritteln Förderung; das Bundesprogramm für Kultureinrichtungen ist die zweite Wahl.',
  },
  {
    id: 'spielplatz',
    measure: {
      title: 'Spielplatz am Nordpark',
      description: 'Der Spielplatz wird erneuert und mit Schatten, Wasserspiel und barrierefreien Geräten für alle Altersgruppen ausgestattet.',
      tags: ['Spielplatz', 'Familien'],
      actionFieldNames: ['Soziales Miteinander'],
      districts: [NORDSTADT],
      costCents: 25_000_000,
      plannedStart: START,
    },
    planner: [['SZ'], ['EFRE']],
    why: 'Wohnumfeld im Gebiet „Sozialer Zusammenhalt“; EFRE (Grünflächen im EFRE-Gebiet) als zweite Möglichkeit.',
  },
  {
    id: 'led',
    measure: {
      title: 'LED-Straßenbeleuchtung',
      description: 'Umstellung von 1.800 Leuchten auf LED mit Nachtabsenkung.',
      tags: ['Straßenbeleuchtung', 'LED', 'Energieeffizienz'],
      actionFieldNames: ['Klima und Energie'],
      districts: [],
      costCents: 90_000_000,
      plannedStart: START,
    },
    planner: [['KRL']],
    why: 'LED-Außenbeleuchtung ist ein klassischer Förderschwerpunkt der Kommunalrichtlinie.',
  },
];
