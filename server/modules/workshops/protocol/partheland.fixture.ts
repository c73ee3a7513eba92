/**
 * Test fixture: a protocol like the Partheland strategy workshop (18.12.2019, Ratssaal Großpösna):
 * three groups, six briefs, 21 participants, 3 sticky dots each on 8 goals (63 dots) with a tie at the
 * Top-5 cut, a run-off and the facilitator's decision, two flip-chart photos (PNGs drawn here).
 */
import { deflateSync } from 'node:zlib';
import type { ProtocolView } from './types';

// ---- a minimal PNG encoder (8-bit RGB, filter 0) ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** Encodes `width × height` pixels given by `pixel(x, y) → [r, g, b]`. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A flip chart: paper, a few "handwritten" lines and sticky dots next to them. */
export function flipChartPng(width: number, height: number, dotsPerLine: number[], dotColor: [number, number, number]): Buffer {
  const lineH = height / (dotsPerLine.length + 1);
  return encodePng(width, height, (x, y) => {
    if (x < 4 || y < 4 || x >= width - 4 || y >= height - 4) return [120, 120, 120]; // frame
    const line = Math.floor(y / lineH) - 1;
    if (line >= 0 && line < dotsPerLine.length) {
      const cy = (line + 1) * lineH + lineH / 2;
      const textEnd = width * (0.45 + ((line * 37) % 20) / 100);
      if (Math.abs(y - cy) < 1.5 && x > 20 && x < textEnd && x % 23 < 19) return [40, 60, 120]; // "writing"
      for (let d = 0; d < dotsPerLine[line]; d++) {
        const cx = width * 0.72 + d * 14;
        if ((x - cx) ** 2 + (y - cy) ** 2 < 30) return dotColor;
      }
    }
    return [250, 249, 244];
  });
}

const GOALS = {
  admin: 'Gemeinsame Erledigung von Verwaltungsaufgaben, Sicherstellung der Pflichtaufgabenerfüllung',
  participation: 'Stärkung von Bürgerbeteiligung',
  culture: 'Stärkung kultureller Angebote sowie Naherholungsangebot, Etablierung eines gemeinsamen Marketings (z. B. „Partheland-App“)',
  transit: 'Ausbau des gemeinsamen ÖPNV sowie Vernetzung der Parthelandkommunen',
  coworking: 'Schaffung von Co-working-spaces',
  business: 'Gemeinsame Entwicklung von Gewerbeflächen',
  schools: 'Abgestimmte Schul- und Kitaplanung',
  energy: 'Interkommunale Energie- und Klimaschutzstrategie',
};

const NAMES: Array<[string, number, boolean]> = [
  ['Arno Jesse', 0, false],
  ['Daniel Strobel', 0, false],
  ['Ines Hübner', 0, false],
  ['Jörg Schöne', 0, false],
  ['Katrin Weißbach', 0, false],
  ['Matthias Götze', 0, true],
  ['Sabine Köhler', 0, false],
  ['Frank Rösler', 1, false],
  ['Gudrun Männel', 1, false],
  ['Heiko Dreßler', 1, false],
  ['Jana Fröhlich', 1, true],
  ['Lutz Weiß', 1, false],
  ['Monika Zöllner', 1, false],
  ['Peter Großmann', 1, false],
  ['Ralf Böhme', 2, false],
  ['Simone Krüger', 2, false],
  ['Thomas Müller', 2, false],
  ['Uta Schäfer', 2, true],
  ['Volker Lößner', 2, false],
  ['Werner Günther', 2, false],
  ['Yvonne Bär', -1, true],
];

const GROUPS = ['Verwaltung & Bürgerbeteiligung', 'Kultur, Naherholung & Marketing', 'Mobilität & Arbeiten'];

export function parthelandProtocol(): ProtocolView {
  return {
    municipalityName: 'Partheland (Brandis, Borsdorf, Großpösna, Naunhof, Belgershain, Parthenstein, Machern)',
    workshop: {
      title: 'Strategiewerkstatt „Quo vadis Partheland?“ – interkommunale Zusammenarbeit',
      kindLabel: 'Strategiewerkstatt',
      startsOn: '2019-12-18',
      endsOn: '2019-12-18',
      place: 'Ratssaal Großpösna',
      onlineUrl: '',
      facilitators: 'Büro für Stadtentwicklung (Moderation), Gemeindeverwaltung Großpösna',
      agenda: [
        '17:00 Begrüßung durch die Bürgermeister',
        '17:15 Impulse: strategische Ziele der beteiligten Kommunen',
        '18:00 Gruppenarbeit I: Perspektiven der interkommunalen Zusammenarbeit',
        '18:45 Gruppenarbeit II: strategische Ziele je Handlungsfeld',
        '19:30 Priorisierung mit Klebepunkten (3 Punkte je Person)',
        '20:00 Ergebnisse, Ausblick und Verabschiedung',
      ].join('\n'),
    },
    participants: NAMES.map(([name, g, guest]) => ({ name, group: g >= 0 ? GROUPS[g] : null, guest })),
    groups: [
      {
        name: GROUPS[0],
        briefs: [
          { number: 1, title: 'Gemeinsames Bürgerbüro im Partheland', need: 'Kleine Verwaltungen können Pflichtaufgaben kaum noch allein erfüllen.', goal: 'Ein gemeinsames Servicebüro mit Außensprechstunden in allen Orten.', costCents: 45000000 },
          { number: 2, title: 'Beteiligungsplattform „Partheland fragt“', need: 'Bürgerinnen und Bürger werden zu spät beteiligt.', goal: 'Eine gemeinsame Online-Plattform und jährliche Bürgerforen.', costCents: 8500000 },
        ],
      },
      {
        name: GROUPS[1],
        briefs: [
          { number: 3, title: 'Partheland-App und gemeinsames Marketing', need: 'Angebote der Orte sind verstreut und kaum bekannt.', goal: 'Eine App mit Veranstaltungen, Wegen und Gastronomie.', costCents: 12000000 },
          { number: 4, title: 'Parthe-Radweg und Naherholung an den Seen', need: 'Lücken im Radwegenetz entlang der Parthe.', goal: 'Durchgehender Radweg mit Rastplätzen.', costCents: 123456700 },
        ],
      },
      {
        name: GROUPS[2],
        briefs: [
          { number: 5, title: 'Rufbus Partheland', need: 'Abends und am Wochenende fehlen Verbindungen zwischen den Orten.', goal: 'Ein Rufbus-Angebot im Verbund mit dem MDV.', costCents: 30000000 },
          { number: 6, title: 'Co-Working im Bahnhof Borsdorf', need: 'Pendelnde verlieren viel Zeit auf dem Weg nach Leipzig.', goal: 'Arbeitsplätze zum Mieten im sanierten Bahnhofsgebäude.', costCents: null },
        ],
      },
    ],
    rounds: [
      {
        title: 'Priorisierung der strategischen Ziele',
        subjectLabel: 'Ziele',
        statusLabel: 'Abgeschlossen',
        rulesText: [
          'Jede Person hat 3 Klebepunkte.',
          'Pro Ziel höchstens 1 Punkt – Punkte können nicht gehäuft werden.',
          'Die Abstimmung ist anonym; das Ergebnis ist live sichtbar.',
          'Die 5 Ziele mit den meisten Punkten bilden die Top 5.',
        ],
        openedAt: '2019-12-18T18:30:00Z',
        closedAt: '2019-12-18T18:45:00Z',
        eligible: 21,
        voters: 21,
        totalDots: 63,
        topN: 5,
        rows: [
          { rankLabel: '1', label: GOALS.admin, dots: 14, supporters: 14, share: 14 / 63, selected: true },
          { rankLabel: '2', label: GOALS.participation, dots: 12, supporters: 12, share: 12 / 63, selected: true },
          { rankLabel: '3', label: GOALS.culture, dots: 10, supporters: 10, share: 10 / 63, selected: true },
          { rankLabel: '4', label: GOALS.transit, dots: 8, supporters: 8, share: 8 / 63, selected: true },
          { rankLabel: '5 (gleichauf)', label: GOALS.business, dots: 6, supporters: 6, share: 6 / 63, selected: false },
          { rankLabel: '5 (gleichauf)', label: GOALS.coworking, dots: 6, supporters: 6, share: 6 / 63, selected: true },
          { rankLabel: '7', label: GOALS.schools, dots: 4, supporters: 4, share: 4 / 63, selected: false },
          { rankLabel: '8', label: GOALS.energy, dots: 3, supporters: 3, share: 3 / 63, selected: false },
        ],
        cutTie: { candidates: [GOALS.business, GOALS.coworking], seatsLeft: 1 },
        decision: {
          chosen: [GOALS.coworking],
          reason: 'Die Stichwahl ergab 13 zu 8 Punkte für die Co-working-spaces; die Gewerbeflächen werden im Handlungsfeld Wirtschaft weiterverfolgt.',
          by: 'Katrin Weißbach (Moderation)',
          at: '2019-12-18T19:05:00Z',
        },
        runoffOf: null,
      },
      {
        title: 'Stichwahl um Platz 5',
        subjectLabel: 'Ziele',
        statusLabel: 'Abgeschlossen',
        rulesText: ['Jede Person hat 1 Punkt.', 'Gewählt ist das Ziel mit den meisten Punkten.'],
        openedAt: '2019-12-18T18:55:00Z',
        closedAt: '2019-12-18T19:00:00Z',
        eligible: 21,
        voters: 21,
        totalDots: 21,
        topN: 1,
        rows: [
          { rankLabel: '1', label: GOALS.coworking, dots: 13, supporters: 13, share: 13 / 21, selected: true },
          { rankLabel: '2', label: GOALS.business, dots: 8, supporters: 8, share: 8 / 21, selected: false },
        ],
        cutTie: null,
        decision: null,
        runoffOf: 'Priorisierung der strategischen Ziele',
      },
    ],
    photos: [
      { caption: 'Flipchart Gruppe 1: Ziele mit Klebepunkten', mimeType: 'image/png', data: flipChartPng(360, 240, [5, 4, 3, 2, 1], [220, 40, 40]) },
      { caption: 'Flipchart Gruppe 3: Mobilität und Arbeiten', mimeType: 'image/png', data: flipChartPng(240, 320, [3, 5, 1, 2, 4, 2], [30, 120, 200]) },
    ],
  };
}
