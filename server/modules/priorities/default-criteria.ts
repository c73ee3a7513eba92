import type { Axis } from '../../../contract/priorities';

/**
 * The criteria a municipality starts with (issue 4): editable afterwards. Every scale reads "5 = best
 * for the measure": for cost and feasibility that means cheap and easy, which is why they feed the
 * effort axis of the chart inverted (effort = 100 − score).
 */
export const DEFAULT_CRITERIA: { name: string; description: string; weight: number; axis: Axis; levels: [string, string, string, string, string] }[] = [
  {
    name: 'Beitrag zu den Zielen',
    description: 'Wie stark die Maßnahme die strategischen Ziele und Handlungsfelder des ISEK voranbringt.',
    weight: 25,
    axis: 'impact',
    levels: [
      'Kein erkennbarer Beitrag zu den Zielen',
      'Geringer Beitrag zu einem Ziel',
      'Deutlicher Beitrag zu einem Ziel',
      'Deutlicher Beitrag zu mehreren Zielen',
      'Schlüsselmaßnahme für mehrere Ziele und Dimensionen',
    ],
  },
  {
    name: 'Dringlichkeit',
    description: 'Wie bald gehandelt werden muss (Missstände, Fristen, Abhängigkeiten).',
    weight: 20,
    axis: 'impact',
    levels: [
      'Kann ohne Nachteile warten (mehr als 10 Jahre)',
      'Mittelfristig nötig (5–10 Jahre)',
      'In den nächsten 3–5 Jahren nötig',
      'In 1–2 Jahren nötig, sonst drohen Nachteile',
      'Sofort nötig: akuter Missstand oder Fristablauf',
    ],
  },
  {
    name: 'Umsetzbarkeit',
    description: 'Wie leicht die Maßnahme umzusetzen ist: Flächen, Rechte, Zuständigkeit, Personal (5 = leicht).',
    weight: 15,
    axis: 'effort',
    levels: [
      'Große Hürden: Fläche, Recht oder Zuständigkeit ungeklärt',
      'Mehrere Voraussetzungen noch offen',
      'Mit üblichem Aufwand machbar, einzelne Fragen offen',
      'Voraussetzungen weitgehend erfüllt',
      'Sofort umsetzbar: Fläche, Zuständigkeit und Personal vorhanden',
    ],
  },
  {
    name: 'Kosten',
    description: 'Geschätzte Gesamtkosten für die Kommune (5 = günstig).',
    weight: 15,
    axis: 'effort',
    levels: [
      'Sehr hohe Kosten (über 5 Mio. €)',
      'Hohe Kosten (1–5 Mio. €)',
      'Mittlere Kosten (250.000 € bis 1 Mio. €)',
      'Geringe Kosten (50.000–250.000 €)',
      'Sehr geringe Kosten (unter 50.000 €)',
    ],
  },
  {
    name: 'Förderchancen',
    description: 'Wie wahrscheinlich Fördermittel den Eigenanteil senken (5 = sehr gute Chancen).',
    weight: 15,
    axis: 'effort',
    levels: [
      'Kein passendes Förderprogramm bekannt',
      'Förderung denkbar, aber unsicher',
      'Passendes Programm vorhanden, geringer Fördersatz',
      'Passendes Programm mit gutem Fördersatz',
      'Förderung zugesagt oder sehr wahrscheinlich',
    ],
  },
  {
    name: 'Synergien mit anderen Maßnahmen',
    description: 'Wie sehr die Maßnahme andere Maßnahmen, auch anderer Ämter, stärkt oder ergänzt.',
    weight: 10,
    axis: 'impact',
    levels: [
      'Steht für sich allein',
      'Berührt eine andere Maßnahme',
      'Ergänzt eine andere Maßnahme spürbar',
      'Stärkt mehrere Maßnahmen anderer Ämter',
      'Verknüpft viele Maßnahmen zu einem Gesamtvorhaben',
    ],
  },
];
