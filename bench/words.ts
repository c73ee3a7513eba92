/**
 * Word lists for the benchmark data: German project briefs built from parts, so that full-text
 * search has a realistic selectivity. Topics carry weights (parts per 1000 rows); the search terms
 * of the benchmark each live in a few percent of the rows:
 *   "Sanierung" ~5 %, "Radweg" ~3 %, "Spielplatz" ~3 %, "Straßenplanung" ~2 %,
 *   any "...straße" (matched by the trigram search for "Strasse") ~15 %.
 */

/** [nominative, genitive with article] */
export const BUILDINGS: [string, string][] = [
  ['die Grundschule am Stadtpark', 'der Grundschule am Stadtpark'],
  ['die Oberschule Neustadt', 'der Oberschule Neustadt'],
  ['die Turnhalle Südstadt', 'der Turnhalle Südstadt'],
  ['die Stadtbibliothek', 'der Stadtbibliothek'],
  ['das Rathaus', 'des Rathauses'],
  ['die Feuerwache Nord', 'der Feuerwache Nord'],
  ['der Jugendclub „Lokschuppen“', 'des Jugendclubs „Lokschuppen“'],
  ['die Kita „Sonnenblume“', 'der Kita „Sonnenblume“'],
  ['das Bürgerhaus Gartenstadt', 'des Bürgerhauses Gartenstadt'],
  ['das Freibad', 'des Freibads'],
  ['das Heimatmuseum', 'des Heimatmuseums'],
  ['das Dorfgemeinschaftshaus Wallendorf', 'des Dorfgemeinschaftshauses Wallendorf'],
  ['die Sporthalle am Ring', 'der Sporthalle am Ring'],
  ['die Musikschule', 'der Musikschule'],
  ['der Seniorentreff Altstadt', 'des Seniorentreffs Altstadt'],
  ['die Kulturscheune Kötzschen', 'der Kulturscheune Kötzschen'],
  ['die Alte Mühle', 'der Alten Mühle'],
  ['das Vereinsheim am Sportplatz', 'des Vereinsheims am Sportplatz'],
];

export const PLACES: [string, string][] = [
  ['der Marktplatz', 'des Marktplatzes'],
  ['der Kirchplatz', 'des Kirchplatzes'],
  ['der Bahnhofsvorplatz', 'des Bahnhofsvorplatzes'],
  ['der Lindenplatz', 'des Lindenplatzes'],
  ['der Stadtpark', 'des Stadtparks'],
  ['der Schlossgarten', 'des Schlossgartens'],
  ['der Mühlteich', 'des Mühlteichs'],
  ['die Lauteraue', 'der Lauteraue'],
  ['der Dorfanger Wallendorf', 'des Dorfangers Wallendorf'],
  ['die Festwiese', 'der Festwiese'],
  ['der Schulhof der Grundschule', 'des Schulhofs der Grundschule'],
  ['das Gewerbegebiet Nord', 'des Gewerbegebiets Nord'],
];

/** Street names (dative after "in der" / "entlang der"); most contain "straße". */
export const STREETS = [
  'Bahnhofstraße', 'Hauptstraße', 'Lindenstraße', 'Brüderstraße', 'Leipziger Straße', 'Ringstraße',
  'Schulstraße', 'Gartenstraße', 'Mühlweg', 'Kirchgasse', 'Am Anger', 'Wallendorfer Weg',
];

export const SERVICES = [
  'der Bauantragsverfahren', 'des Bürgerservice', 'der Kita-Platzvergabe', 'der Ratsarbeit', 'des Meldewesens',
  'der Gewerbeanmeldung', 'der Vereinsförderung', 'der Hallenbelegung', 'des Friedhofswesens', 'der Sondernutzungserlaubnisse',
];

export const GROUPS = [
  'Familien mit Kindern', 'ältere Menschen', 'Jugendliche', 'Pendlerinnen und Pendler', 'Gewerbetreibende', 'Vereine',
  'Menschen mit Behinderung', 'Schülerinnen und Schüler', 'Anliegerinnen und Anlieger', 'Gäste der Stadt', 'Neubürgerinnen und Neubürger',
];

/**
 * A topic: weight (per 1000 rows), title patterns, its own sentences for need and description, and tags.
 * Slots: {b} building, {bg} building genitive, {p} place, {pg} place genitive, {s} street,
 * {d}/{d2} districts, {sv} service, {g} group, {n} number, {y} year.
 */
export interface Topic { weight: number; titles: string[]; need: string[]; desc: string[]; tags: string[] }

export const TOPICS: Topic[] = [
  { weight: 45, titles: ['Sanierung {bg}', 'Energetische Sanierung {bg}', 'Sanierung und Umbau {bg}'],
    need: ['Dach, Fenster und Haustechnik {bg} sind dringend sanierungsbedürftig.', 'Der Zustand {bg} hat sich in den letzten Jahren deutlich verschlechtert.'],
    desc: ['Die Sanierung erfolgt in zwei Bauabschnitten bei laufendem Betrieb.', 'Vorgesehen sind Wärmedämmung, neue Fenster und eine Photovoltaikanlage auf dem Dach.'],
    tags: ['Sanierung', 'Energie'] },
  { weight: 30, titles: ['Radweg entlang der {s}', 'Neuer Radweg zwischen {d} und {d2}', 'Lückenschluss im Radweg {d} – {d2}'],
    need: ['Zwischen {d} und {d2} fehlt eine sichere Verbindung für den Radverkehr.', 'Radfahrende teilen sich die Fahrbahn mit dem Lkw-Verkehr.'],
    desc: ['Geplant ist ein durchgehend {n},5 Meter breiter Zweirichtungsradweg mit Beleuchtung.', 'Der Radweg wird an das Netz des Landkreises angeschlossen.'],
    tags: ['Radverkehr', 'Mobilität'] },
  { weight: 30, titles: ['Neugestaltung des Spielplatzes am {p}', 'Inklusiver Spielplatz in {d}', 'Naturnaher Spielplatz an {p}'],
    need: ['Der Spielplatz ist veraltet, mehrere Geräte mussten gesperrt werden.', 'In {d} gibt es für {n}00 Kinder keinen erreichbaren Spielplatz.'],
    desc: ['Kinder aus den umliegenden Kitas planen den Spielplatz in zwei Werkstätten mit.', 'Die Spielgeräte sind barrierefrei erreichbar und teilweise unterfahrbar.'],
    tags: ['Spielplatz', 'Familie'] },
  { weight: 20, titles: ['Straßenplanung {s}', 'Straßenplanung und Umbau der {s}', 'Vorplanung: Straßenplanung für das Quartier {d}'],
    need: ['Die Fahrbahn der {s} ist schadhaft, Gehwege sind zu schmal.', 'Die Straßenplanung muss Leitungsarbeiten der Stadtwerke berücksichtigen.'],
    desc: ['Die Straßenplanung sieht Baumscheiben, breitere Gehwege und Querungshilfen vor.', 'Anliegerinnen und Anlieger werden in zwei Planungswerkstätten beteiligt.'],
    tags: ['Straßenbau', 'Verkehrssicherheit'] },
  { weight: 60, titles: ['Tempo 30 in der {s}', 'Sicherer Schulweg über die {s}', 'Neue Straßenbeleuchtung in der {s}'],
    need: ['In der {s} kommt es vor allem morgens zu gefährlichen Situationen.', 'Die Beleuchtung der {s} stammt aus den 1970er-Jahren.'],
    desc: ['Vorgesehen sind Querungshilfen, Fahrbahnmarkierungen und LED-Leuchten.', 'Die Maßnahme wird mit der Verkehrsbehörde des Landkreises abgestimmt.'],
    tags: ['Verkehrssicherheit', 'Schulweg'] },
  { weight: 815, titles: [
      'Umgestaltung {pg}', 'Neubau {bg}', 'Modernisierung {bg}', 'Erweiterung {bg}', 'Begrünung {pg}', 'Entsiegelung {pg}',
      'Quartiersmanagement {d}', 'Digitalisierung {sv}', 'Machbarkeitsstudie zur Nachnutzung {bg}', 'Förderprogramm für {g} in {d}',
      'Beteiligungsverfahren zur Zukunft {pg}', 'Barrierefreie Bushaltestellen in {d}', 'Klimaanpassungskonzept für {d}',
      'Regenwassermanagement an {p}', 'Nachbarschaftsfest und Stadtteilfonds {d}', 'Leerstandsmanagement in {d}',
      'Photovoltaik auf {b}', 'Mobilitätsstation an {p}', 'Baumpflanzprogramm {d}', 'Wohnungsbau auf der Brache in {d}',
      'Aufwertung {pg}', 'Treffpunkt für {g} in {d}', 'Beratungsangebot für {g}', 'Hitzeschutzplan für {g}',
    ],
    need: [], desc: [], tags: [] },
];

export const NEED = [
  'Die Bewohnerinnen und Bewohner von {d} haben im Beteiligungsverfahren {y} wiederholt auf den Handlungsbedarf hingewiesen.',
  'Für {g} fehlt in {d} bisher ein passendes Angebot.',
  '{b} wird von rund {n}00 Menschen pro Woche genutzt, ist aber nicht barrierefrei.',
  'An heißen Tagen heizt sich {p} stark auf; Schatten fehlt fast vollständig.',
  'Seit {y} sind die Nutzerzahlen deutlich gestiegen, die Kapazitäten reichen nicht mehr aus.',
  'Die Verwaltung bearbeitet viele Vorgänge noch auf Papier, Wartezeiten von {n} Wochen sind die Regel.',
  'Bei Starkregen kommt es in {d} regelmäßig zu überfluteten Kellern.',
  'Mehrere Ladenlokale stehen leer, die Kaufkraft fließt ins Umland ab.',
  'Es fehlen Treffpunkte, an denen sich die Nachbarschaft ungezwungen begegnen kann.',
  'Die Kosten für Energie und Unterhalt sind in den letzten Jahren stark gestiegen.',
  'Die Fläche ist versiegelt und wird überwiegend zum Parken genutzt.',
  'Viele {g} fühlen sich abends in {d} nicht sicher.',
];

export const GOAL = [
  '{p} wird zu einem Ort, an dem sich {g} gerne aufhalten.',
  'Bis {y} ist das Angebot für {g} in {d} verlässlich und gut erreichbar.',
  'Die Maßnahme senkt den Energieverbrauch um mindestens {n}0 Prozent.',
  '{d} wird grüner, kühler und besser an den Klimawandel angepasst.',
  'Wege zwischen {d} und {d2} werden kürzer, sicherer und barrierefrei.',
  'Die Verwaltung arbeitet ämterübergreifend und digital; Bürgerinnen und Bürger sparen Wege.',
  'Das Quartier gewinnt an Lebensqualität und bleibt für alle bezahlbar.',
  'Vereine, Schulen und Nachbarschaft nutzen {b} gemeinsam.',
  'Die Innenstadt wird als Ort für Handel und Begegnung gestärkt.',
];

export const DESC = [
  'Das Vorhaben wird in enger Abstimmung mit {g} geplant und in {n} Schritten umgesetzt.',
  'Die Finanzierung erfolgt über die Städtebauförderung mit einem Eigenanteil der Stadt von einem Drittel.',
  'Vorgeschaltet ist eine Bestandsaufnahme mit Begehungen vor Ort und einer Online-Umfrage.',
  'Ein Pilot startet {y} in {d}; nach einer Auswertung folgen die übrigen Stadtteile.',
  'Die Pflege übernimmt nach Fertigstellung das Amt für Umwelt und Grünflächen gemeinsam mit Paten aus der Nachbarschaft.',
  'Geplant sind {n} neue Bäume, Sitzgelegenheiten und ein Trinkbrunnen.',
  'Die Ausschreibung erfolgt losweise, um regionale Handwerksbetriebe zu beteiligen.',
  'Ein Lenkungskreis aus Verwaltung, Politik und Zivilgesellschaft begleitet die Umsetzung.',
  'Die Ergebnisse werden jährlich im Stadtrat und auf der Website der Stadt veröffentlicht.',
  'Für {g} werden eigene Sprechstunden und mehrsprachige Informationen angeboten.',
  'Regenwasser wird vor Ort versickert oder in Zisternen gesammelt und zur Bewässerung genutzt.',
  'Die Umsetzung ist eng mit den Vorhaben in {d2} verzahnt.',
];

export const ORIGINS = [
  'Führungskräfteworkshop 22./23.06.2023', 'Bürgerwerkstatt {d} {y}', 'Antrag aus dem Stadtrat {y}', 'Online-Beteiligung ISEK {y}',
  'Jugendforum {y}', 'Ortschaftsrat {d}', 'Verwaltungsinterne Klausur {y}',
];

export const EXTERNAL = [
  'Stadtwerke Musterstadt', 'Landesamt für Denkmalpflege', 'Gewerbeverein Altstadt', 'Wohnungsbaugenossenschaft Musterstadt eG',
  'Landkreis (Straßenverkehrsbehörde)', 'Verkehrsverbund', 'IHK', 'Handwerkskammer', 'Förderverein', 'Kirchgemeinde',
  'Seniorenbeirat', 'Jugendparlament', 'ADFC Ortsgruppe', 'NABU Regionalgruppe', 'Sportverein Musterstadt 1901 e. V.',
];

/** Tags besides the topic tags (none of the benchmark's search words). */
export const TAGS = [
  'Barrierefreiheit', 'Klimaanpassung', 'Digitalisierung', 'ÖPNV', 'Innenstadt', 'Gewerbe', 'Wohnen', 'Sport', 'Sicherheit',
  'Schule', 'Kita', 'Entsiegelung', 'Beteiligung', 'Aufenthaltsqualität', 'Ortsteil', 'Tourismus', 'Stadtbild', 'Senioren',
  'Schwammstadt', 'Quartiersmanagement', 'Nachbarschaft', 'Leerstand', 'Kultur', 'Klimaschutz', 'Grünflächen', 'Förderprogramm',
  'Fachkräfte', 'Einzelhandel', 'Denkmalschutz', 'Bürgerservice', 'Inklusion', 'Hitze', 'Starkregen', 'Generationen',
];
