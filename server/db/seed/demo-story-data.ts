/**
 * The story of Musterstadt's briefs (pure data, names invented): the leadership workshop of June 2023
 * where they were written, its dot vote, the steering group's scoring round and the council's
 * decision. Read by demo-story.ts; briefs are referenced by title.
 */
export const demoStory = {
  workshop: {
    title: 'Führungskräfteworkshop ISEK',
    kind: 'leadership' as const,
    startsOn: '2023-06-22',
    endsOn: '2023-06-23',
    place: 'Ratssaal, Rathaus Musterstadt',
    facilitators: 'Dr. Karin Vogt (Amt für Stadtentwicklung und Stadtplanung), Büro StadtRaum',
    agenda: 'Tag 1: Leitbild und Ziele, Arbeit in Gruppen nach Stadtteilen, Projektsteckbriefe.\nTag 2: Vorstellung der Steckbriefe, Punktabfrage (je 3 Punkte), nächste Schritte.',
  },
  /** the 21 people in the room: heads of department, deputies and the mayor's office */
  participants: [
    'Claudia Reinhardt', 'Dr. Karin Vogt', 'Jens Hoffmann', 'Sabine Krüger', 'Thomas Brandt', 'Petra Schäfer', 'Michael Lehmann',
    'Dr. Annette Förster', 'Markus Weißenborn', 'Ulrike Möller', 'Frank Böttcher', 'Anja Seidel', 'Holger Wendt', 'Katrin Albrecht',
    'Stefan Richter', 'Melanie Kühn', 'Tobias Schulze', 'Birgit Naumann', 'René Scholz', 'Ines Hartmann', 'Daniel Köhler',
  ],
  dotRound: {
    title: 'Punktabfrage: Welche Maßnahmen zuerst? (je 3 Punkte)',
    topN: 8,
    /** dots per brief; 63 in all (21 × 3); the Top 8 are clear of the ninth place */
    dots: [
      ['Umgestaltung des Marktplatzes', 9],
      ['Energetische Sanierung der Grundschule Am Park', 7],
      ['Quartiersmanagement Neustadt', 6],
      ['Radweg am Lauterufer', 5],
      ['Mobilitätsstation am Bahnhof', 5],
      ['Sanierung des Dorfgemeinschaftshauses Wallendorf', 4],
      ['Glasfaserausbau und öffentliches WLAN in den Ortsteilen', 4],
      ['Leerstandsmanagement und Zwischennutzung von Ladenlokalen', 3],
      ['Hitzeaktionsplan für Musterstadt', 2],
      ['Zentrales Fördermittelmanagement', 2],
      ['Schulhofsanierung und Entsiegelung an der Oberschule Südstadt', 2],
      ['Stadtteilzentrum am Lindenplatz', 2],
      ['Sanierung des Ständehauses', 2],
      ['Modernisierung der Straßenbeleuchtung auf LED', 2],
      ['Digitale Bürgerdienste und Online-Terminvergabe', 1],
      ['Sichere Schulwege und Tempo 30 in der Südstadt', 1],
      ['Kita-Erweiterung mit Naturspielraum in Kötzschen', 1],
      ['Schwammstadt-Pilotprojekt Gartenstadt', 1],
      ['Revitalisierung der Industriebrache ehemalige Zuckerfabrik', 1],
      ['Co-Working im Empfangsgebäude des Bahnhofs', 1],
      ['Mehrgenerationenspielplatz im Lindenpark', 1],
      ['Bürgerbudget für die Ortsteile', 1],
    ] as [string, number][],
  },
  scoring: {
    name: 'Priorisierung der Lenkungsgruppe ISEK 2023',
    /** the vote's Top 8 and four runners-up */
    measures: [
      'Umgestaltung des Marktplatzes', 'Energetische Sanierung der Grundschule Am Park', 'Quartiersmanagement Neustadt', 'Radweg am Lauterufer',
      'Mobilitätsstation am Bahnhof', 'Sanierung des Dorfgemeinschaftshauses Wallendorf', 'Glasfaserausbau und öffentliches WLAN in den Ortsteilen',
      'Leerstandsmanagement und Zwischennutzung von Ladenlokalen', 'Hitzeaktionsplan für Musterstadt', 'Zentrales Fördermittelmanagement',
      'Schulhofsanierung und Entsiegelung an der Oberschule Südstadt', 'Stadtteilzentrum am Lindenplatz',
    ],
  },
  decision: {
    body: 'Stadtrat Musterstadt (Beschluss 2023/117)',
    decidedOn: '2023-11-16',
    note: 'Die ersten fünf Ränge als Priorität A, die Ränge 6 bis 8 als B (gleichauf liegende gemeinsam); über die übrigen Maßnahmen der Runde wird später entschieden.',
    classA: 5,
    classB: 3,
  },
  /** steps of the implementation: milestones (days from the day the demo is loaded) and finish-to-start dependencies */
  plan: {
    milestones: [
      { measure: 'Mobilitätsstation am Bahnhof', title: 'Entwurfsplanung abgeschlossen', inDays: -60, done: true },
      { measure: 'Mobilitätsstation am Bahnhof', title: 'Gestattungsvertrag mit der Deutschen Bahn', inDays: -14, done: false },
      { measure: 'Mobilitätsstation am Bahnhof', title: 'Ausschreibung der Bauleistungen', inDays: 75, done: false },
    ],
    /** [measure, waits for] */
    dependencies: [['Radweg Wallendorf – Gartenstadt', 'Kleingartenentwicklungskonzept']] as [string, string][],
  },
  /**
   * Status reports (issue 15), oldest first per measure, dated days before the demo is loaded: one measure on
   * track, one spending ahead of its progress (80 % of the cost at 30 %), one with the same blocker in two
   * reports in a row and a decision asked of the board. `milestones`: titles of the plan's milestones reached.
   */
  reports: [
    { measure: 'Leerstandsmanagement und Zwischennutzung von Ladenlokalen', daysAgo: 120, state: 'on_track', progress: 20, spentEur: 30_000, milestones: [], nextSteps: 'Eigentümergespräche in der Altstadt, Aufruf für Zwischennutzungen', blockers: '', boardDecisionNeeded: false },
    { measure: 'Leerstandsmanagement und Zwischennutzung von Ladenlokalen', daysAgo: 30, state: 'on_track', progress: 40, spentEur: 70_000, milestones: [], nextSteps: 'Drei Pop-up-Läden eröffnen im Frühjahr', blockers: '', boardDecisionNeeded: false },
    { measure: 'Digitale Bürgerdienste und Online-Terminvergabe', daysAgo: 20, state: 'minor_issues', progress: 30, spentEur: 520_000, milestones: [], nextSteps: 'Schnittstelle zum Fachverfahren Meldewesen testen', blockers: '', boardDecisionNeeded: false },
    { measure: 'Mobilitätsstation am Bahnhof', daysAgo: 80, state: 'minor_issues', progress: 25, spentEur: 140_000, milestones: ['Entwurfsplanung abgeschlossen'], nextSteps: 'Gestattungsvertrag mit der Deutschen Bahn abschließen', blockers: 'Die Deutsche Bahn hat den Gestattungsvertrag noch nicht unterschrieben.', boardDecisionNeeded: false },
    { measure: 'Mobilitätsstation am Bahnhof', daysAgo: 7, state: 'major_issues', progress: 30, spentEur: 160_000, milestones: ['Entwurfsplanung abgeschlossen'], nextSteps: 'Gespräch mit der DB-Regionalleitung; Ausweichfläche am Busbahnhof prüfen', blockers: 'Die Deutsche Bahn hat den Gestattungsvertrag noch nicht unterschrieben.', boardDecisionNeeded: true },
  ] as const,
};
