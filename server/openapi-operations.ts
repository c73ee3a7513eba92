/**
 * Summary, description, callers and error codes of every API operation, in German as the product, keyed
 * by `METHOD /path` as in the OpenAPI document (path relative to /api/v1). `server/openapi-docs.ts` adds
 * them to the generated document; a route's own `summary`/`description` in its schema wins. The codes
 * listed here are the operation's own; the generic ones (validation_failed, unauthenticated, forbidden,
 * not_found, version_conflict, read_only_token, …) are derived from the operation's shape.
 * `server/openapi-completeness.test.ts` fails for an operation without texts.
 */

/** Who may call an operation; the text appears in the description ("Berechtigt: …"). */
export const CALLERS = {
  public: 'alle, ohne Anmeldung',
  signedIn: 'jede angemeldete Person',
  session: 'jede angemeldete Person, nur mit Sitzung (nicht mit API-Token)',
  member: 'alle Rollen der Kommune (admin, coordinator, department, reader)',
  editors: 'admin, coordinator',
  admin: 'admin',
  measureEditors: 'admin, coordinator; department nur bei Maßnahmen, die das eigene Amt federführend leitet',
  pairEditors: 'admin, coordinator; department nur bei Paaren, in denen eine Maßnahme vom eigenen Amt geleitet wird',
  participant: 'Teilnehmende des Workshops (Gerät über das Cookie `rf_device` oder das eigene Konto)',
  roundViewer: 'Mitglieder der Kommune sowie Teilnehmende des Workshops, solange die Runde ihnen Ergebnisse zeigt',
  rater: 'alle Rollen, aber nur wer als bewertende Person der Runde eingetragen ist',
  savedSearchOwner: 'admin, coordinator; nur die eigenen gespeicherten Suchen',
  calendarToken: 'alle, die den geheimen Abo-Link kennen (das Token im Pfad ist der Schlüssel)',
  departmentHome: 'admin, coordinator (jedes Amt der Kommune); department nur für das eigene Amt',
  reporters: 'admin, coordinator; department nur bei Maßnahmen, die das eigene Amt federführend leitet',
  commenters: 'admin, coordinator; department nur bei Maßnahmen, die das eigene Amt leitet oder an denen es mitwirkt',
  valueEnterers: 'admin, coordinator; department nur bei Indikatoren, für die das eigene Amt zuständig ist',
} as const;
export type Callers = keyof typeof CALLERS;

export interface OperationDoc {
  summary: string;
  description: string;
  who: Callers;
  /** Codes of this operation beyond the generic ones: `status code`, e.g. `409 workshop_ended`. */
  errors?: string[];
}

const op = (who: Callers, summary: string, description: string, errors: string[] = []): OperationDoc => ({ summary, description, who, errors });

const FILTERS =
  'Filter wie in der Maßnahmenliste: `q` (Volltextsuche, findet Beugungen, Komposita und Tippfehler), `district`, `department`, `actionField`, `goal`, `dimension`, `status`, `horizon`, `priority` (A/B/C), `tag` (mehrere Werte mit Komma = oder).';

/** The concept lists share one set of routes; their texts differ only in the item's name. */
const CONCEPT: Record<string, [singular: string, plural: string, note: string]> = {
  dimensions: ['Dimension', 'Dimensionen', 'Dimensionen der Nachhaltigkeit (z. B. ökologisch, sozial), mit Farbe und Reihenfolge.'],
  'action-fields': ['Handlungsfeld', 'Handlungsfelder', 'Handlungsfelder des Konzepts (z. B. Mobilität), mit Reihenfolge.'],
  goals: ['Ziel', 'Ziele', 'Strategische Ziele mit ihren Handlungsfeldern und Dimensionen.'],
  districts: ['Stadtteil', 'Stadtteile', 'Stadtteile mit optionaler Grenze (GeoJSON), Fördergebietsarten (`designations`) und Reihenfolge.'],
  departments: ['Amt', 'Ämter', 'Ämter (Fachbereiche), die Maßnahmen federführend leiten oder mitwirken.'],
};
const conceptOps = (): Record<string, OperationDoc> => {
  const out: Record<string, OperationDoc> = {};
  for (const [path, [one, many, note]] of Object.entries(CONCEPT)) {
    out[`GET /${path}`] = op('member', `${many} auflisten`, `Alle ${many} der aktuellen Kommune in ihrer Reihenfolge. ${note}`);
    out[`POST /${path}`] = op('editors', `${one} anlegen`, `Legt ein(e) ${one} an; der Name ist je Kommune eindeutig (409 \`conflict\`). Audit-Eintrag.`, ['409 conflict']);
    out[`PATCH /${path}/{id}`] = op('editors', `${one} ändern`, `Ändert die gesendeten Felder; \`version\` ist die gelesene Fassung (409 \`version_conflict\` mit der aktuellen in \`details.current\`). Audit-Eintrag.`, ['409 conflict']);
    out[`DELETE /${path}/{id}`] = op(
      'editors',
      `${one} löschen`,
      `Löscht mit \`?version=\`. Solange Maßnahmen (oder Ziele) es verwenden, 409 \`in_use\` mit der Anzahl.${path === 'departments' ? ' Ein Amt, das nur informiert wird, blockiert das Löschen nicht.' : ''}`,
      ['409 in_use'],
    );
  }
  return out;
};

export const OPERATIONS: Record<string, OperationDoc> = {
  // ---- system
  'GET /health': op('public', 'Lebenszeichen', 'Antwortet `{ ok: true }`, solange der Server läuft (für Load-Balancer und Überwachung). Prüft die Datenbank nicht.'),
  'POST /csp-report': op('public', 'CSP-Verstoß melden', 'Browser melden hierhin Verstöße gegen die Content-Security-Policy (`application/csp-report` oder `application/reports+json`). Der Server schreibt sie ins Protokoll (höchstens 20 pro Minute) und antwortet 204.'),

  // ---- auth
  'GET /setup': op('public', 'Einrichtungsstand', 'Ob die Erstinstallation noch offen ist (`needsSetup`) und ob dafür der Einrichtungsschlüssel aus dem Serverprotokoll nötig ist (`tokenRequired`: bei Aufruf von einem anderen Rechner).'),
  'POST /setup': op(
    'public',
    'Erstinstallation',
    'Legt die erste Kommune und das erste Administrationskonto an (optional mit den Musterstadt-Demodaten) und meldet an (Cookie `rf_session`). Nur solange kein Konto existiert; von einem anderen Rechner nur mit `setupToken` aus dem Serverprotokoll.',
    ['403 setup_token_required', '403 setup_token_invalid', '409 setup_done'],
  ),
  'POST /auth/login': op(
    'public',
    'Anmelden',
    'Prüft E-Mail und Passwort und setzt das Sitzungs-Cookie `rf_session` (HttpOnly, SameSite=Lax); mit eingeschaltetem zweiten Faktor statt dessen 202 mit `pendingToken`, weiter mit `POST /auth/login/second-factor`. Die aktuelle Kommune ist die erste Mitgliedschaft. Fehlversuche werden gezählt: 5 je Konto und Adresse bzw. 50 je Adresse in 15 Minuten, dann 429. Für Skripte statt dessen ein API-Token verwenden.',
    ['401 invalid_credentials', '429 rate_limited'],
  ),
  'POST /auth/logout': op('session', 'Abmelden', 'Beendet die Sitzung (löscht sie in der Datenbank) und das Cookie; antwortet 204.'),
  'GET /auth/me': op('signedIn', 'Wer bin ich', 'Konto, aktuelle Kommune mit Rolle und Amt sowie alle Mitgliedschaften. Auch mit API-Token erlaubt: so prüft ein Skript, als wer es handelt.'),
  'POST /auth/switch': op('session', 'Kommune wechseln', 'Setzt die aktuelle Kommune der Sitzung auf eine andere, in der die Person Mitglied ist (sonst 404).'),
  'PATCH /auth/profile': op('session', 'Eigenes Profil ändern', 'Ändert Namen und Sprache (`de`/`en`) der angemeldeten Person.'),

  // ---- users
  'GET /users': op('admin', 'Personen der Kommune', 'Alle Mitglieder der aktuellen Kommune mit Rolle und Amt.'),
  'POST /users': op('admin', 'Person hinzufügen', 'Fügt eine Person mit Rolle (und bei `department` ihrem Amt) der Kommune hinzu; ist die E-Mail neu, wird das Konto mit dem Passwort angelegt (Passwortregeln: Länge, keine häufigen Passwörter), 201. Hat die Adresse schon ein Konto (einer anderen Kommune), wird die Person nur **eingeladen** (202 `{ invited: true }`, ohne ihren Namen): Sie wird Mitglied, wenn sie nach der Anmeldung annimmt (`POST /invitations/{id}/accept`); die Einladung gilt 14 Tage und kommt als Benachrichtigung (per E-Mail, wenn eingerichtet). Audit-Eintrag.', ['409 conflict']),
  'PATCH /users/{id}': op('admin', 'Person ändern', 'Ändert Name, Rolle, Amt oder setzt ein neues Passwort (beendet dann die anderen Sitzungen der Person; nicht mit API-Token: 403 `session_required`). Die letzte Administration kann nicht herabgestuft werden; Name und Passwort einer Person, die auch zu einer anderen Kommune gehört, nicht ändern (403). Eine gelöschte (pseudonymisierte) Person nicht mehr (409 `already_erased`).', ['409 conflict', '403 session_required', '409 already_erased']),
  'DELETE /users/{id}': op('admin', 'Person entfernen', 'Entfernt die Mitgliedschaft in der aktuellen Kommune (das Konto bleibt für andere Kommunen). Ihre API-Tokens dieser Kommune wirken danach nicht mehr. Die letzte Administration bleibt (409).', ['409 conflict']),
  'POST /municipalities': op('admin', 'Weitere Kommune anlegen', 'Legt eine neue Kommune an (optional mit der Standardstruktur aus Dimensionen und Handlungsfeldern); die anlegende Person wird dort admin. Antwortet mit `Me`.', ['409 conflict']),

  // ---- concept
  'GET /concept': op('member', 'Konzept lesen', 'Die Kommune (Leitbild, Zeithorizont, Einstellungen) und alle Konzeptlisten — Dimensionen, Handlungsfelder, Ziele, Stadtteile, Ämter — in einer Antwort (für Formulare).'),
  'PATCH /municipality': op('editors', 'Kommune ändern', 'Ändert Leitbild, Zeithorizont, Haushaltslage (`financiallyWeak`) und Siedlungstyp der Kommune; mit `version` (409 bei veralteter Fassung). Audit-Eintrag.'),
  ...conceptOps(),

  // ---- measures
  'GET /measures': op('member', 'Maßnahmen suchen und auflisten', `Eine Seite der Maßnahmen (Steckbriefe). ${FILTERS} Sortierung mit \`sort\`, Seiten mit \`page\`/\`pageSize\`. Antworten werden je Kommune und Listenstand zwischengespeichert.`),
  'POST /measures': op('measureEditors', 'Maßnahme anlegen', 'Legt einen Steckbrief an (Nummer fortlaufend je Kommune). Verknüpfte Kennungen (Stadtteile, Ämter, Ziele, …) müssen zur Kommune gehören (400). Eine Person mit Rolle department legt nur Maßnahmen des eigenen Amtes an. Audit-Eintrag.', ['400 priority_class_required', '400 priority_class_not_allowed']),
  'GET /measures/{id}': op('member', 'Maßnahme lesen', 'Der vollständige Steckbrief mit Verknüpfungen, Anhängen (ohne Inhalt), Herkunft (Workshop) und `version`.'),
  'PATCH /measures/{id}': op('measureEditors', 'Maßnahme ändern', 'Ändert die gesendeten Felder; `version` ist die gelesene Fassung (409 `version_conflict` mit der aktuellen in `details.current`). Status und Prioritätsklasse müssen zueinander passen. Audit-Eintrag.', ['400 priority_class_required', '400 priority_class_not_allowed']),
  'DELETE /measures/{id}': op('measureEditors', 'Maßnahme löschen', 'Löscht den Steckbrief mit `?version=` samt Anhängen, Meilensteinen und Abhängigkeiten. Audit-Eintrag.'),
  'POST /measures/{id}/merge': op('editors', 'Dubletten zusammenführen', 'Führt die Dublette `duplicateId` in diese Maßnahme zusammen (Texte, Verknüpfungen, Anhänge, Beziehungen) und löscht sie; `version` und `duplicateVersion` werden geprüft (409). Audit-Einträge.'),
  'GET /measures/{id}/audit': op('member', 'Änderungsverlauf einer Maßnahme', 'Alle Änderungen am Steckbrief, neueste zuerst: wer, wann, Feld vorher → nachher.'),
  'GET /audit': op('editors', 'Änderungsprotokoll', 'Das Audit-Protokoll der Kommune, neueste zuerst, gefiltert nach `entityType` und `entityId`, seitenweise.'),
  'POST /measures/{id}/attachments': op(
    'measureEditors',
    'Anhang hochladen',
    'Lädt eine Datei als `multipart/form-data` im Feld `file` hoch (höchstens `MAX_UPLOAD_MB`, Standard 10 MB). Bilder, PDF und Office-Dateien; Typen, die ein Browser ausführen könnte (HTML, SVG), werden abgelehnt. Der Dateiname wird bereinigt (≤ 200 Zeichen). Gespeichert in der Datenbank.',
    ['413 file_too_large', '415 unsupported_type'],
  ),
  'GET /measures/{id}/attachments/{attachmentId}': op('member', 'Anhang herunterladen', 'Die Datei mit ihrem Typ und Namen (Content-Disposition).'),
  'DELETE /measures/{id}/attachments/{attachmentId}': op('measureEditors', 'Anhang löschen', 'Löscht die Datei. Audit-Eintrag.'),
  'GET /measures/{id}/brief.pdf': op('member', 'Steckbrief als PDF', 'Der Steckbrief als einseitiges PDF.'),
  'GET /measures/{id}/brief.docx': op('member', 'Steckbrief als Word-Datei', 'Der Steckbrief als DOCX zum Weiterbearbeiten.'),
  'GET /measures/export.xlsx': op('member', 'Maßnahmenliste als Excel', `Alle Maßnahmen des Filters als .xlsx (deutsche Spaltennamen). ${FILTERS}`),
  'GET /measures/export.csv': op('member', 'Maßnahmenliste als CSV', `Alle Maßnahmen des Filters als CSV (UTF-8 mit BOM, Trennzeichen \`;\`, Dezimalkomma). ${FILTERS}`),
  'POST /measures/import/preview': op(
    'editors',
    'Maßnahmenimport prüfen',
    'Liest eine Tabelle (`multipart/form-data`: Feld `file` mit .xlsx oder .csv, optional Feld `mapping` mit einer JSON-Zuordnung Spalte → Feld) und zeigt erkannte Spalten, Zuordnung und Zeilenfehler. Schreibt nichts.',
    ['400 unreadable_file', '413 file_too_large', '413 sheet_too_large', '422 sheet_too_complex'],
  ),
  'POST /measures/import': op(
    'editors',
    'Maßnahmen importieren',
    'Importiert die Tabelle (`multipart/form-data`: Feld `file`, Feld `mapping` als JSON) ganz oder gar nicht: bei einem Zeilenfehler 422 `import_invalid` mit allen Fehlern in `details.errors`, nichts wird angelegt.',
    ['400 unreadable_file', '413 file_too_large', '413 sheet_too_large', '422 sheet_too_complex', '422 import_invalid'],
  ),
  'GET /dashboard': op('member', 'Übersicht in Zahlen', `Anzahl und Kosten der Maßnahmen nach Status, Dimension, Stadtteil, Amt und Zeithorizont. ${FILTERS}`),

  // ---- workshops
  'GET /workshops': op('member', 'Workshops auflisten', 'Alle Workshops der Kommune, neueste zuerst.'),
  'POST /workshops': op('editors', 'Workshop anlegen', 'Legt einen Workshop an (Art, Termine, Ort, Moderation, Ablauf, Zulassung `open` oder `named`); ein 6-stelliger Beitrittscode wird erzeugt. Audit-Eintrag.'),
  'GET /workshops/{id}': op('member', 'Workshop lesen', 'Der Workshop mit Gruppen, Beitrittscode und Status.'),
  'PATCH /workshops/{id}': op('editors', 'Workshop ändern', 'Ändert die gesendeten Felder mit `version`. Der Wechsel zu `named` wird abgelehnt, solange Gäste über den Workshopcode beigetreten sind (409). Bei Status `done` ist der Workshop beendet: keine Beitritte, Punkte oder Steckbriefe mehr.', ['409 conflict']),
  'DELETE /workshops/{id}': op('editors', 'Workshop löschen', 'Löscht den Workshop mit `?version=` samt Gruppen, Teilnehmenden und Runden; Steckbriefe bleiben. Audit-Eintrag.'),
  'POST /workshops/{id}/groups': op('editors', 'Kleingruppe anlegen', 'Fügt dem Workshop eine Kleingruppe hinzu (Name, optional Stadtteil). Antwortet mit dem Workshop.', ['409 conflict']),
  'PATCH /workshops/{id}/groups/{groupId}': op('editors', 'Kleingruppe ändern', 'Ändert Name oder Stadtteil einer Kleingruppe.', ['409 conflict']),
  'DELETE /workshops/{id}/groups/{groupId}': op('editors', 'Kleingruppe löschen', 'Löscht die Kleingruppe; ihre Teilnehmenden bleiben ohne Gruppe.'),
  'GET /workshops/{id}/participants': op('member', 'Teilnehmende auflisten', 'Konten und Gäste des Workshops mit Gruppe (ohne persönliche Codes).'),
  'POST /workshops/{id}/participants': op('editors', 'Teilnehmende eintragen', 'Trägt ein Konto der Kommune oder (bei Zulassung `named`) eine Person mit Namen ein; benannte Teilnehmende erhalten einen 10-stelligen persönlichen Code.', ['409 conflict', '409 workshop_ended']),
  'PATCH /workshops/{id}/participants/{participantId}': op('editors', 'Teilnehmende ändern', 'Ändert Gruppe oder Namen einer teilnehmenden Person.'),
  'DELETE /workshops/{id}/participants/{participantId}': op('editors', 'Teilnehmende entfernen', 'Entfernt die Person aus dem Workshop samt ihrer Punkte.'),
  'GET /workshops/{id}/measures': op('member', 'Steckbriefe des Workshops', 'Die im Workshop geschriebenen Steckbriefe mit ihrer Kleingruppe.'),
  'GET /workshops/{id}/protocol.pdf': op('member', 'Protokoll als PDF', 'Das Workshop-Protokoll: Teilnehmende, Gruppen und Steckbriefe, Runden mit Regeln, Ergebnissen, Diagramm, Top N und Fotos.'),
  'GET /workshops/{id}/protocol.docx': op('member', 'Protokoll als Word-Datei', 'Das Workshop-Protokoll als DOCX zum Weiterbearbeiten.'),
  'GET /workshops/{id}/qr.svg': op('member', 'QR-Code zum Beitreten', 'QR-Code (SVG) des Beitrittslinks `/join/<Code>`.'),
  'GET /workshops/{id}/codes': op('editors', 'Persönliche Codes', 'Die persönlichen Codes der benannten Teilnehmenden mit Beitrittslink (nur für die Moderation: ein Code ist der Schlüssel zu einem Punktebudget).'),
  'POST /workshops/{id}/participants/{participantId}/code': op('editors', 'Persönlichen Code erneuern', 'Erzeugt einen neuen persönlichen Code; der alte gilt nicht mehr.'),
  'GET /workshops/{id}/participants/{participantId}/qr.svg': op('editors', 'QR-Code einer Person', 'QR-Code (SVG) des persönlichen Beitrittslinks.'),

  // ---- voting
  'GET /workshops/{id}/rounds': op('member', 'Punkterunden eines Workshops', 'Alle Punkterunden des Workshops mit Regeln, Einträgen und Status.'),
  'POST /workshops/{id}/rounds': op('editors', 'Punkterunde anlegen', 'Legt eine Runde im Status `draft` an: Regeln (Punkte je Person, höchstens je Eintrag, Top N, Timer) und Einträge aus beliebigen Maßnahmen der Kommune (`refIds`, höchstens 200), Zielen oder freien Optionen. Fremde Kennungen: 400.'),
  'GET /rounds/{id}': op('member', 'Punkterunde lesen', 'Regeln, Einträge, Status, Timer und Entscheidung der Runde.'),
  'PATCH /rounds/{id}': op('editors', 'Punkterunde ändern', 'Ändert Regeln und Einträge, nur im Status `draft`.', ['409 round_not_draft']),
  'DELETE /rounds/{id}': op('editors', 'Punkterunde löschen', 'Löscht eine Runde im Status `draft`.', ['409 round_not_draft']),
  'POST /rounds/{id}/open': op('editors', 'Punkterunde öffnen', 'Öffnet die Runde zum Punkten (Status `open`, startet den Timer); die Telefone der Teilnehmenden zeigen sie sofort.', ['409 round_not_draft', '409 workshop_ended']),
  'POST /rounds/{id}/close': op('editors', 'Punkterunde schließen', 'Schließt die Runde, speichert das Ergebnis und schreibt Punkte und Rang an die bewerteten Steckbriefe oder Ziele. Runden mit Timer schließen von selbst.', ['409 round_not_open']),
  'POST /rounds/{id}/runoff': op('editors', 'Stichwahl anlegen', 'Legt eine neue Runde (`draft`) mit den Einträgen an, die an der Top-N-Grenze gleichauf liegen.', ['409 round_not_closed', '409 no_tie']),
  'POST /rounds/{id}/decision': op('editors', 'Gleichstand entscheiden', 'Die Moderation entscheidet einen Gleichstand an der Top-N-Grenze mit Begründung. Eine zweite Entscheidung nur als Revision (`revise: true` mit `revisionReason`); alle Entscheidungen bleiben im Verlauf.', ['409 round_not_closed', '409 no_tie', '409 decision_already_recorded', '409 no_decision_recorded']),
  'GET /rounds/{id}/results': op('roundViewer', 'Ergebnis einer Runde', 'Punkte je Eintrag, Ränge mit Gleichstand, Top N und Gleichstand an der Grenze. Wer weder Mitglied noch Teilnehmende ist, erhält 404.'),
  'GET /rounds/{id}/events': op('roundViewer', 'Live-Ergebnis (Server-Sent Events)', 'Ein `text/event-stream`: Ereignis `results` mit dem Ergebnis, sobald sich Punkte oder Status ändern (höchstens alle 100 ms); beim (Wieder-)Verbinden sofort der aktuelle Stand.'),
  'POST /rounds/{id}/dots': op(
    'participant',
    'Punkt setzen',
    'Setzt einen Punkt auf einen Eintrag. `dotId` erzeugt das Telefon je Tipp: dieselbe Kennung zählt nur einmal (Wiederholung nach Funkloch). Budget und Höchstzahl je Eintrag prüft der Server. Antwortet mit dem eigenen Stand der Runde.',
    ['401 not_joined', '400 unknown_item', '409 round_closed', '409 no_dots_left', '409 item_max_reached', '409 workshop_ended', '409 conflict'],
  ),
  'DELETE /rounds/{id}/dots': op('participant', 'Punkt zurücknehmen', 'Nimmt einen eigenen Punkt von einem Eintrag zurück, solange die Runde offen ist.', ['401 not_joined', '409 round_closed', '409 workshop_ended']),

  // ---- join (guests)
  'GET /join/{code}': op('public', 'Workshop zum Code', 'Name, Termin und Zulassung des Workshops zu einem Workshop- oder persönlichen Code; unbekannter Code: 404.'),
  'POST /join/{code}': op(
    'public',
    'Workshop beitreten',
    'Tritt als Konto (angemeldete Mitglieder) oder als Gast mit Namen bei und setzt das Gerät-Cookie `rf_device` (ein Jahr); erneuter Beitritt desselben Geräts ergibt dieselbe Person. Mit persönlichem Code als die benannte Person. Neue Teilnehmende je Adresse begrenzt (`JOIN_LIMIT`). Die Antwort enthält unter `home` schon die eigene Startseite (wie `GET /join/{code}/me`, in der Sprache der Anfrage).',
    ['403 named_only', '409 workshop_ended', '429 join_limited'],
  ),
  'GET /join/{code}/me': op('participant', 'Eigene Startseite im Workshop', 'Die eigene Teilnahme, der Workshop und die offenen und geschlossenen Runden mit eigenen Punkten und sichtbaren Ergebnissen.', ['401 not_joined']),
  'GET /join/{code}/events': op('participant', 'Live-Ereignisse für Teilnehmende', 'Ein `text/event-stream`: `rounds`, wenn eine Runde öffnet, schließt oder sich ändert; `results` für sichtbare Ergebnisse.', ['401 not_joined']),
  'POST /join/{code}/briefs': op('participant', 'Steckbrief im Workshop schreiben', 'Legt einen Steckbrief als Idee an, mit Herkunft Workshop und der Kleingruppe der Person.', ['401 not_joined', '409 workshop_ended']),
  'POST /join/{code}/briefs/{measureId}/photos': op(
    'participant',
    'Foto zum Steckbrief',
    'Lädt ein Foto (z. B. des Flipcharts) als `multipart/form-data` im Feld `file` hoch (nur Bilder, höchstens `MAX_UPLOAD_MB`) zu einem Steckbrief dieses Workshops.',
    ['401 not_joined', '409 workshop_ended', '413 file_too_large', '415 unsupported_type'],
  ),

  // ---- funding
  'GET /funding-programmes': op('member', 'Förderprogramme auflisten', 'Der Förderkatalog der Kommune (beim ersten Aufruf aus dem mitgelieferten Katalog befüllt), nach Namen.'),
  'POST /funding-programmes': op('admin', 'Förderprogramm anlegen', 'Legt ein Programm an (Ebene, Art, Sätze, Beträge, Antragsberechtigte, Themen, Fördergebiete, Fenster). Gespeicherte Suchen werden in derselben Transaktion ausgewertet.', ['409 conflict']),
  'GET /funding-programmes/{id}': op('member', 'Förderprogramm lesen', 'Ein Programm mit allen Angaben und `version`.'),
  'PATCH /funding-programmes/{id}': op('admin', 'Förderprogramm ändern', 'Ändert die gesendeten Felder mit `version`; gespeicherte Suchen werden ausgewertet, wenn sich passungsrelevante Felder ändern.', ['409 conflict']),
  'DELETE /funding-programmes/{id}': op('admin', 'Förderprogramm löschen', 'Löscht mit `?version=`; solange ein Finanzierungsplan es verwendet, 409 `in_use`.', ['409 in_use']),
  'GET /funding-programmes/{id}/measures': op('member', 'Passende Maßnahmen zu einem Programm', 'Die Maßnahmen der Kommune, die zum Programm passen, nach Zustand und Passung geordnet, mit Gründen (`?lang=en` für englische Gründe).'),
  'GET /measures/{id}/funding-matches': op('member', 'Passende Förderprogramme', 'Programme für die Maßnahme: zuerst förderfähig, dann zu prüfen, je nach Passung (0–100), mit Gründen dafür und dagegen, erwartbarer Förderung und nächster Frist (`?lang=en`).'),
  'GET /measures/{id}/funding-plan': op('member', 'Finanzierungsplan lesen', 'Quellen (Programm, Haushalt, Dritte) mit Beträgen je Jahr, Summen je Ebene, Eigenanteil, Lücke und Hinweise (`?lang=en`).'),
  'PUT /measures/{id}/funding-plan': op('measureEditors', 'Finanzierungsplan speichern', 'Speichert den ganzen Plan (alle Quellen) mit der `version` des Plans. Die Quellen dürfen die Kosten nicht übersteigen.', ['400 plan_exceeds_cost']),
  'GET /kofi': op('member', 'Kofinanzierungsübersicht (KoFi)', `Jede Maßnahme des Filters nach Jahr und Ebene (EU, Bund, Land, Kommune, Dritte) mit Summen, Eigenanteil und Lücke. ${FILTERS}`),
  'GET /kofi/export.xlsx': op('member', 'KoFi als Excel', 'Die Kofinanzierungsübersicht als Tabelle für den Rat (Jahre × Ebenen, Summen), Überschrift nennt die Filter.'),
  'GET /kofi/export.pdf': op('member', 'KoFi als PDF', 'Die Kofinanzierungsübersicht als PDF im Querformat.'),
  'GET /funding-programmes/export.xlsx': op('admin', 'Förderkatalog als Excel', 'Der ganze Katalog, eine Zeile je Programm, deutsche Spaltennamen (Format in docs/api.md).'),
  'GET /funding-programmes/export.csv': op('admin', 'Förderkatalog als CSV', 'Der ganze Katalog als CSV (UTF-8 mit BOM, `;`, Dezimalkomma).'),
  'POST /funding-programmes/import/preview': op(
    'admin',
    'Programmimport prüfen',
    'Liest eine Katalogtabelle (`multipart/form-data`: Feld `file` mit .xlsx oder .csv) und zeigt je Zeile anlegen / ändern (mit geänderten Spalten) / unverändert / Fehler. Schreibt nichts.',
    ['400 unreadable_file', '413 file_too_large', '413 sheet_too_large', '422 sheet_too_complex'],
  ),
  'POST /funding-programmes/import': op(
    'admin',
    'Programme importieren',
    'Importiert dieselbe Datei (Feld `file`) ganz oder gar nicht: Zeilen mit ID ändern genau dieses Programm, ohne ID das gleichnamige oder ein neues; nichts wird gelöscht. Bei einem Zeilenfehler 400 `import_invalid` mit der Vorschau in `details`.',
    ['400 unreadable_file', '400 import_invalid', '413 file_too_large', '413 sheet_too_large', '422 sheet_too_complex'],
  ),
  'GET /saved-searches': op('savedSearchOwner', 'Gespeicherte Suchen', 'Die eigenen gespeicherten Suchen mit Anzahl neuer und aller Treffer.'),
  'POST /saved-searches': op('savedSearchOwner', 'Suche speichern', 'Speichert einen Maßnahmen- und Programmfilter; neue passende Paare (Maßnahme, Programm) werden bei jeder Katalogänderung gemeldet, mit `notifyEmail` auch per E-Mail. Name je Person eindeutig.', ['409 conflict']),
  'GET /saved-searches/unseen': op('savedSearchOwner', 'Anzahl neuer Treffer', 'Die Zahl der ungesehenen Treffer über alle eigenen Suchen.'),
  'GET /saved-searches/{id}': op('savedSearchOwner', 'Gespeicherte Suche lesen', 'Eine eigene Suche; die einer anderen Person ergibt 404.'),
  'PATCH /saved-searches/{id}': op('savedSearchOwner', 'Gespeicherte Suche ändern', 'Ändert die gesendeten Felder mit `version`.', ['409 conflict']),
  'DELETE /saved-searches/{id}': op('savedSearchOwner', 'Gespeicherte Suche löschen', 'Löscht mit `?version=`.'),
  'GET /saved-searches/{id}/hits': op('savedSearchOwner', 'Treffer einer Suche', 'Gemeldete Paare (Maßnahme, Programm), neueste zuerst, mit Passung, Art der Änderung und `isNew`.'),
  'POST /saved-searches/{id}/seen': op('savedSearchOwner', 'Treffer als gesehen markieren', 'Markiert alle Treffer der Suche als gesehen; antwortet mit der Anzahl.'),
  'GET /funding/deadlines': op('member', 'Antragsfristen', 'Fristen aus Finanzierungsplänen (Quellen im Status Idee oder in Vorbereitung), sonst das nächste Antragsfenster des Programms, nach Datum, mit Tagen bis dahin; Zeitraum `from`/`to` (`2027-01-15` oder `15.01.2027`).'),
  'GET /funding/calendar': op('editors', 'Kalenderabo: Stand', 'Ob es ein iCal-Abo der Fristen gibt und seit wann (ohne Link: gespeichert ist nur ein HMAC).'),
  'POST /funding/calendar': op('editors', 'Kalenderabo anlegen', 'Legt das geheime iCal-Abo an, falls es noch keins gibt, und zeigt seinen Link einmal.'),
  'POST /funding/calendar/regenerate': op('editors', 'Kalenderabo erneuern', 'Erzeugt einen neuen Abo-Link; der alte gilt nicht mehr (404).'),
  'GET /funding/calendar/{file}': op('calendarToken', 'Fristen als iCal', 'Die Fristen als `text/calendar` (`<token>.ics`): ein ganztägiger Termin je Frist mit Erinnerung 14 Tage vorher. Unbekanntes Token: 404.'),

  // ---- priorities
  'GET /priorities/criteria': op('member', 'Bewertungskriterien', 'Die Kriterien in Reihenfolge (Gewicht, Achse Wirkung/Aufwand, Bedeutung der Werte 1–5) mit der `version` des Satzes; beim ersten Aufruf die sechs Standardkriterien.'),
  'PUT /priorities/criteria': op('editors', 'Bewertungskriterien speichern', 'Speichert den ganzen Satz mit `version`. Die Gewichte müssen 100 ergeben, Namen eindeutig, je Kriterium fünf Bedeutungen. Laufende Runden behalten ihre Kopie.', ['400 weights_invalid']),
  'GET /priorities/round-options': op('editors', 'Auswahl für eine Bewertungsrunde', 'Die Mitglieder (mögliche Bewertende) und die geschlossenen Punkterunden über Steckbriefe.'),
  'GET /priorities/rounds': op('member', 'Bewertungsrunden', 'Alle Bewertungsrunden, neueste zuerst, mit Fortschritt und dem eigenen Fortschritt.'),
  'POST /priorities/rounds': op('editors', 'Bewertungsrunde anlegen', 'Legt eine Runde an (Name, Maßnahmen, Bewertende, optional eine geschlossene Punkterunde mit Gewicht 0–100); sie kopiert die aktuellen Kriterien.', ['400 dot_round_invalid']),
  'GET /priorities/rounds/{id}': op('member', 'Bewertungsrunde lesen', 'Kriterien, Maßnahmen, Bewertende mit Fortschritt und die eigenen Werte. Werte anderer und die Rangliste erst nach der Aufdeckung; Moderierende sehen vorher nur, wo Bewertungen auseinandergehen.'),
  'PATCH /priorities/rounds/{id}': op('editors', 'Bewertungsrunde ändern', 'Ändert Name, Maßnahmen, Bewertende oder Punkterunde mit `version`; herausgenommene Maßnahmen und Bewertende verlieren ihre Werte.', ['409 round_closed']),
  'DELETE /priorities/rounds/{id}': op('editors', 'Bewertungsrunde löschen', 'Löscht mit `?version=`; erfasste Beschlüsse bleiben.'),
  'PUT /priorities/rounds/{id}/scores': op('rater', 'Eigene Bewertungen speichern', 'Speichert die eigenen Werte 1–5 je Maßnahme und Kriterium (`value: null` entfernt einen). Das Protokoll hält fest, dass bewertet wurde, nicht die Werte.', ['403 not_a_rater', '409 round_closed']),
  'POST /priorities/rounds/{id}/reveal': op('editors', 'Bewertungen aufdecken', 'Deckt die Runde auf (open → revealed): alle sehen Werte, Rangliste und Abweichungen.', ['409 invalid_status']),
  'POST /priorities/rounds/{id}/close': op('editors', 'Bewertungsrunde schließen', 'Schließt die Runde (keine Werte oder Änderungen mehr); deckt dabei auch auf.', ['409 invalid_status']),
  'POST /priorities/rounds/{id}/decisions': op(
    'editors',
    'Beschluss erfassen',
    'Erfasst einen Beschluss (Gremium, Datum, Notiz) mit Klasse A/B/C und Zeithorizont je Maßnahme und der `version` jeder Maßnahme. Eine Transaktion: der Beschluss mit dem berechneten Rang, dann Priorität und Horizont an jeder Maßnahme (Ideen und Steckbriefe werden „priorisiert“); ändert eine Maßnahme sich zwischendurch, wird nichts übernommen.',
    ['409 round_not_revealed'],
  ),

  // ---- responsibility, roadmap
  'GET /responsibility': op('member', 'Zuständigkeitsmatrix', `Ämter als Spalten, eine Seite der Maßnahmen mit der Rolle jedes Amtes (federführend, mitwirkend, informiert), \`withoutLead\` über den ganzen Filter. ${FILTERS} \`noLead=true\` nur Maßnahmen ohne Federführung.`),
  'GET /responsibility/load': op('member', 'Auslastung je Amt', 'Je Amt die Zahl der Maßnahmen als federführend, mitwirkend, informiert, die Kosten der geleiteten Maßnahmen und dasselbe je Zeithorizont.'),
  'PUT /measures/{id}/responsibility/{departmentId}': op(
    'measureEditors',
    'Rolle eines Amtes setzen',
    'Setzt die Rolle eines Amtes an der Maßnahme mit ihrer `version`. Wird ein Amt federführend, wird das bisherige mitwirkend (`previousLeadId`); die Federführung kann man nicht wegnehmen, nur weitergeben; ein Amt (department) gibt sie nicht an ein anderes ab (403). Audit-Eintrag an der Maßnahme.',
    ['400 lead_required'],
  ),
  'GET /roadmap': op('member', 'Gemeinsamer Zeitplan', `Eine Seite der Maßnahmen mit geplantem Beginn und Ende, gruppiert (\`group\`), mit Meilensteinen, Abhängigkeiten und Konflikten; ungeplante Maßnahmen gesondert. ${FILTERS}`),
  'GET /roadmap/export.pdf': op('member', 'Zeitplan als PDF', 'Der Zeitplan im Querformat: Balken auf einer Jahresachse, Meilensteine, Abhängigkeiten, Konflikte in Rot (bis 1.000 Maßnahmen).'),
  'GET /measures/{id}/roadmap': op('member', 'Zeitplan einer Maßnahme', 'Meilensteine, wovon die Maßnahme abhängt, was von ihr abhängt, und Konflikte.'),
  'POST /measures/{id}/milestones': op('measureEditors', 'Meilenstein anlegen', 'Legt einen Meilenstein (Titel, Fälligkeit, erledigt) an. Audit-Eintrag an der Maßnahme.'),
  'PATCH /milestones/{id}': op('measureEditors', 'Meilenstein ändern', 'Ändert Titel, Fälligkeit oder erledigt mit `version`.'),
  'DELETE /milestones/{id}': op('measureEditors', 'Meilenstein löschen', 'Löscht mit `?version=`.'),
  'POST /measures/{id}/dependencies': op('measureEditors', 'Abhängigkeit anlegen', 'Die Maßnahme wartet auf das Ende von `dependsOnId` (Ende → Beginn). Kreise werden abgelehnt und benannt („Nr. 3 → Nr. 7 → Nr. 3“); gibt es sie schon: 409.', ['400 dependency_cycle', '409 conflict']),
  'DELETE /measures/{id}/dependencies/{dependsOnId}': op('measureEditors', 'Abhängigkeit entfernen', 'Entfernt die Abhängigkeit; gibt es keine: 404.'),

  // ---- monitoring: status reports
  'GET /measures/{id}/reports': op('member', 'Statusberichte einer Maßnahme', 'Zeitleiste der Statusberichte (neueste zuerst) mit Kommentaren; `latest` ist der aktuelle Umsetzungsstand und die Vorbelegung des Formulars; `flags` die Hinweise mit Begründung (Ausgaben vor Fortschritt ab 25 Prozentpunkten, geplantes Ende überschritten, länger als `cycleDays` kein Bericht, Hindernis in zwei Berichten in Folge, Entscheidung des Beirats nötig); `canReport`/`canComment` für die angemeldete Person.'),
  'GET /measures/{id}/reports/latest': op('member', 'Neuester Statusbericht', 'Der neueste Bericht (aktueller Umsetzungsstand) oder `latest: null`.'),
  'POST /measures/{id}/reports': op(
    'reporters',
    'Statusbericht abgeben',
    'Stand, Fortschritt (0–100 %), bisherige Ausgaben (Cent, nicht negativ), erreichte Meilensteine der Maßnahme, nächste Schritte, Hindernisse, Entscheidung nötig. `basedOn` ist der neueste Bericht, den das Formular zeigte; kam inzwischen ein neuerer: 409 `report_stale` mit ihm in `details.current`. Der Umsetzungsstand ändert sich nur so; der Planungsstatus (`status`) der Maßnahme bleibt. Audit-Eintrag an der Maßnahme.',
    ['400 report_milestone_foreign', '400 report_done_progress', '409 report_stale'],
  ),
  'POST /measures/{id}/reports/unchanged': op('reporters', 'Unverändert berichten', 'Übernimmt den neuesten Bericht (`basedOn`) mit neuem Datum und neuer Autorin bzw. neuem Autor (`unchanged: true`). Ohne vorigen Bericht 400 `report_nothing_to_repeat`; kam inzwischen ein neuerer: 409 `report_stale`.', ['400 report_nothing_to_repeat', '409 report_stale']),
  'GET /measures/{id}/reports/{reportId}/comments': op('member', 'Kommentare zu einem Statusbericht', 'Kommentare zum Bericht, älteste zuerst.'),
  'POST /measures/{id}/reports/{reportId}/comments': op('commenters', 'Statusbericht kommentieren', 'Kommentar eines mitwirkenden oder des federführenden Amtes. Das federführende Amt und die berichtende Person werden benachrichtigt (Art `measure_comment`). Audit-Eintrag an der Maßnahme.'),

  // ---- monitoring: dashboard
  'GET /monitoring/dashboard': op(
    'member',
    'Umsetzungsstand im Überblick',
    'Fortschritt zusammengefasst je Ziel, Handlungsfeld, Dimension, Stadtteil und federführendem Amt, mit Regel (`weighting=cost` nach geplanten Kosten, Standard; `equal` gleich), den Gewichten je Maßnahme zum Nachrechnen, den abgebrochenen (nicht gezählt) und den Maßnahmen ohne Bericht (mit 0 % gezählt). Getrennt davon: Anzahl je Umsetzungsstand (Ampel) und bei Zielen die Indikatoren je Zustand. Dazu die Hinweise je Maßnahme mit Begründung. ' + FILTERS,
  ),

  // ---- monitoring: reporting cycles
  'GET /reporting-cycles': op('member', 'Berichtszyklen', 'Alle Berichtszyklen der Kommune, neueste zuerst; höchstens einer ist offen (`closedAt: null`).'),
  'POST /reporting-cycles': op('editors', 'Berichtszyklus öffnen', 'Öffnet einen Zyklus mit Fälligkeit (`dueOn`), Bezeichnung (ohne Angabe das Quartal der Fälligkeit, z. B. „Q1 2027“) und Erinnerung `reminderDaysBefore` Tage vorher (Standard 7). Berichte seit dem Abschluss des vorigen Zyklus und alle weiteren bis zum Abschluss gehören zu ihm. Jedes Mitglied eines federführenden Amtes erhält eine Benachrichtigung (Art `status_report_requested`, per E-Mail nach seiner Einstellung) mit den Maßnahmen des Amtes und dem Link auf „Meine Berichte“ (`/my-reports`). Ist schon ein Zyklus offen: 409 `cycle_open_exists`.', ['400 cycle_due_past', '409 cycle_open_exists', '409 cycle_title_taken']),
  'GET /reporting-cycles/{id}': op('editors', 'Berichtszyklus mit Stand je Amt', 'Je federführendem Amt: geleitete Maßnahmen, davon im Zyklus berichtet, die fehlenden und die letzte Erinnerung. Maßnahmen, deren neuester Bericht aus einem früheren Zyklus „abgeschlossen“ oder „abgebrochen“ ist, werden nicht mehr angefordert. Nach dem Abschluss `snapshot`: der neueste Bericht jeder Maßnahme beim Abschluss, unveränderlich.'),
  'GET /reporting-cycles/{id}/my-reports': op('reporters', 'Meine Berichte', 'Die Maßnahmen, die das eigene Amt federführend leitet, mit neuestem Bericht (für `basedOn` und „Unverändert“) und ob im Zyklus schon berichtet wurde; admin und coordinator sehen die aller Ämter.'),
  'POST /reporting-cycles/{id}/departments/{departmentId}/remind': op('editors', 'Amt erneut erinnern', 'Benachrichtigt die Mitglieder des Amtes über seine fehlenden Berichte (Art `status_report_overdue`, eine Benachrichtigung je Person). Nicht innerhalb einer Stunde nach der letzten Erinnerung des Amtes (409 `cycle_remind_too_soon` mit `details.lastReminderAt`); fehlt nichts, wird niemand benachrichtigt. Die automatische Erinnerung geht `reminderDaysBefore` Tage vor der Fälligkeit einmal je Amt hinaus (täglicher Lauf, auch mit mehreren Instanzen nur einmal).', ['409 cycle_closed', '409 cycle_remind_too_soon']),
  'POST /reporting-cycles/{id}/close': op('editors', 'Berichtszyklus abschließen', 'Schließt den Zyklus mit `version` und hält den neuesten Bericht jeder Maßnahme als unveränderlichen Stand fest (`snapshot`). Spätere Berichte gehören zum nächsten Zyklus. Ein abgeschlossener Zyklus lehnt jede Änderung ab: 409 `cycle_closed`.', ['409 cycle_closed']),

  // ---- monitoring: goal indicators
  'GET /goals/{goalId}/indicators': op('member', 'Indikatoren eines Ziels', 'Jeder Indikator mit Zielpfad, Messwerten und Stand (`evaluation`: auf Kurs, gefährdet, nicht auf Kurs, keine Daten) samt der Regel, die entschieden hat, in Worten; `rules` ist die Regelliste in ihrer Reihenfolge (höchstens 5 % hinter dem Sollwert auf dem Zielpfad: auf Kurs; höchstens 15 %: gefährdet; kein Messwert in 18 Monaten: keine Daten; Bereiche: innerhalb auf Kurs, höchstens 5 % außerhalb gefährdet).'),
  'POST /goals/{goalId}/indicators': op('editors', 'Indikator anlegen', 'Name (je Ziel eindeutig), Einheit, Quelle, Ausgangswert mit Datum, Art, zuständiges Amt (optional) und Zielpfad (mindestens ein Zielwert nach dem Ausgangsdatum; bei `within_range` Bereiche `min`/`max`). Audit-Eintrag.', ['400 indicator_target_value', '400 indicator_target_range', '400 indicator_target_order', '400 indicator_target_date', '400 indicator_target_twice', '409 conflict']),
  'POST /goals/{goalId}/indicators/import/preview': op('valueEnterers', 'Messwerte-Import prüfen', 'Liest eine .xlsx- oder .csv-Datei (Feld `file`; Spalten Indikator, Datum, Wert, optional Anmerkung; Datum 21.11.2026 oder 2026-11-21, Zahlen 1.234,5) und zeigt die Zeilen und alle Fehler („Zeile 18: …“), ohne etwas zu speichern.', ['400 unreadable_file', '400 indicator_import_columns', '413 file_too_large', '413 sheet_too_large', '422 sheet_too_complex', '422 import_invalid']),
  'POST /goals/{goalId}/indicators/import': op('valueEnterers', 'Messwerte importieren', 'Speichert dieselbe Datei ganz oder gar nicht: bei einem Zeilenfehler 422 `import_invalid` mit allen Fehlern in `details.errors`, nichts wird gespeichert. Audit-Eintrag je Indikator.', ['400 unreadable_file', '400 indicator_import_columns', '413 file_too_large', '413 sheet_too_large', '422 sheet_too_complex', '422 import_invalid']),
  'GET /indicators/{id}': op('member', 'Indikator', 'Ein Indikator mit Zielpfad, Messwerten und Stand.'),
  'PATCH /indicators/{id}': op('editors', 'Indikator ändern', 'Ändert Felder mit `version`; `targets` ersetzt den ganzen Zielpfad. Audit-Eintrag.', ['400 indicator_target_value', '400 indicator_target_range', '400 indicator_target_order', '400 indicator_target_date', '400 indicator_target_twice', '409 conflict']),
  'DELETE /indicators/{id}': op('editors', 'Indikator löschen', 'Löscht mit `?version=` samt Zielpfad und Messwerten. Audit-Eintrag.'),
  'POST /indicators/{id}/values': op('valueEnterers', 'Messwert eintragen', 'Datum, Wert, Anmerkung; je Datum ein Wert (sonst 409 `conflict` mit `details.existingId`). Audit-Eintrag.', ['409 conflict']),
  'DELETE /indicators/{id}/values/{valueId}': op('valueEnterers', 'Messwert löschen', 'Löscht einen falschen Messwert. Audit-Eintrag.'),

  // ---- synergies, map
  'GET /synergies': op('member', 'Synergien finden', 'Paare von Maßnahmen verschiedener Ämter mit Punktzahl 0–100 und Gründen (gemeinsame Stadtteile, Ziele, Handlungsfelder, Partner, ähnlicher Text, gleiche Zeit am gleichen Ort). `status` open/related/dismissed, `minScore`, `department`, Seiten.'),
  'GET /synergies/in-my-districts': op('member', 'Was andere Ämter in meinen Stadtteilen planen', 'Je Stadtteil, in dem das Amt Maßnahmen leitet, die Maßnahmen anderer Ämter dort (die ersten 50). Ohne `department` das eigene Amt (ohne Amt: 400).'),
  'POST /synergies/relations': op('pairEditors', 'Paar als verwandt verknüpfen', 'Verknüpft zwei Maßnahmen als verwandt (auf beiden sichtbar) und hebt ein Verwerfen auf. Audit-Eintrag.', ['409 conflict']),
  'DELETE /synergies/relations/{a}/{b}': op('pairEditors', 'Verknüpfung lösen', 'Löst die Verknüpfung (Reihenfolge beliebig); gibt es keine: 404.'),
  'POST /synergies/dismissals': op('pairEditors', 'Paar verwerfen', 'Das Paar erscheint nicht mehr unter den offenen, auch wenn sich die Maßnahmen ändern. 409, wenn schon verworfen oder verknüpft.', ['409 conflict']),
  'DELETE /synergies/dismissals/{a}/{b}': op('pairEditors', 'Verwerfen rückgängig machen', 'Holt das Paar zurück; war es nicht verworfen: 404.'),
  'GET /measures/{id}/related': op('member', 'Verwandte Maßnahmen', 'Die als verwandt verknüpften Maßnahmen mit Nummer, Titel, Federführung, Status und wer sie wann verknüpft hat.'),
  'GET /map': op('member', 'Kartendaten', 'Jeder Stadtteil mit Grenze (GeoJSON), Zahl und Kosten der Maßnahmen; Maßnahmen ohne Stadtteil; die Kachel-URL (`MAP_TILE_URL`).'),

  // ---- security, audit trail, homes (their routes carry their own summary and description; here who and codes)
  'POST /auth/login/second-factor': op('public', 'Anmelden: zweiter Schritt', 'Code aus der Authenticator-App oder ein Wiederherstellungscode nach `POST /auth/login` (202).', ['401 second_factor_invalid', '401 sign_in_expired', '429 rate_limited']),
  'GET /auth/two-factor': op('session', 'Zweiter Faktor: Stand', 'Ob die Anmeldung mit zweitem Faktor eingeschaltet ist.'),
  'POST /auth/two-factor/setup': op('session', 'Zweiten Faktor einrichten', 'Beginnt die Einrichtung (Geheimnis und QR-Code für die Authenticator-App).', ['409 two_factor_already_on']),
  'POST /auth/two-factor/confirm': op('session', 'Zweiten Faktor bestätigen', 'Schaltet den zweiten Faktor mit einem ersten Code ein und zeigt die Wiederherstellungscodes.', ['400 two_factor_code_invalid', '409 two_factor_not_started', '409 two_factor_already_on']),
  'POST /auth/two-factor/disable': op('session', 'Zweiten Faktor ausschalten', 'Schaltet den zweiten Faktor aus (mit erneuter Bestätigung).', ['403 two_factor_reauth_failed', '409 two_factor_not_on']),
  'GET /auth/sessions': op('session', 'Eigene Sitzungen', 'Wo die Person angemeldet ist.'),
  'DELETE /auth/sessions/{id}': op('session', 'Eigene Sitzung beenden', 'Beendet eine andere eigene Sitzung.'),
  'POST /auth/sessions/end-others': op('session', 'Andere Sitzungen beenden', 'Beendet alle eigenen Sitzungen außer der aktuellen.'),
  'GET /security/settings': op('admin', 'Sicherheitseinstellungen', 'Sicherheitseinstellungen der Kommune.'),
  'PUT /security/settings': op('admin', 'Sicherheitseinstellungen ändern', 'Ändert die Sicherheitseinstellungen der Kommune. Nur mit Sitzung (403 `session_required` mit API-Token). Verlangen darf es nur, wer selbst den zweiten Faktor nutzt (409 `two_factor_needed_first`).', ['403 session_required', '409 two_factor_needed_first']),
  'GET /audit/trail': op('admin', 'Änderungsprotokoll der Kommune', 'Das Audit-Protokoll der Kommune, gefiltert und seitenweise.'),
  'GET /audit/trail.csv': op('admin', 'Änderungsprotokoll als CSV', 'Das gefilterte Audit-Protokoll als CSV.'),
  'GET /audit/trail.xlsx': op('admin', 'Änderungsprotokoll als Excel', 'Das gefilterte Audit-Protokoll als .xlsx.'),
  'GET /home/department': op('departmentHome', 'Startseite eines Amtes', 'Was das Amt als Nächstes zu tun hat.'),
  'GET /home/process': op('editors', 'Stand im ISEK-Prozess', 'Die Schritte des Prozesses und die nächste Aktion.'),

  // ---- tokens (texts also in the route)
  'GET /tokens': op('session', 'Eigene API-Tokens auflisten', 'Die eigenen API-Tokens in der aktuellen Kommune.'),
  'POST /tokens': op('session', 'API-Token erstellen', 'Erstellt ein persönliches API-Token; es wird nur einmal gezeigt.'),
  'DELETE /tokens/{id}': op('session', 'API-Token widerrufen', 'Widerruft eines der eigenen Tokens sofort.'),

  // ---- single sign-on (issue 14; modules/sso)
  'GET /auth/sso/providers': op('public', 'Anmeldung über Identitätsanbieter: Auswahl', 'Die eingerichteten Identitätsanbieter mit Kommune, für die Schaltflächen „Anmelden mit …“ der Anmeldeseite.'),
  'GET /auth/sso/start': op('public', 'Anmeldung über Identitätsanbieter beginnen', 'Leitet (302) zum Anbieter weiter: OpenID Connect mit Authorization Code Flow, PKCE (S256), `state` und `nonce` (beides nur auf dem Server, einmal verwendbar, 10 Minuten gültig, an diesen Browser gebunden über das Cookie `rf_sso`). Ist der Anbieter nicht erreichbar oder unbekannt: 303 zur Seite `/login/refused?reason=…`.', ['400 validation_failed']),
  'GET /auth/sso/oidc/callback': op('public', 'Rückkehr vom Identitätsanbieter (OIDC)', 'Die Redirect-URI beim Anbieter. Prüft `state` (einmal verwendbar), tauscht den Code mit dem PKCE-Verifier und lässt openid-client das ID-Token prüfen (Signatur, Issuer, Audience, Ablauf, Nonce). Legt beim ersten Mal das Konto an oder verknüpft ein bestehendes über die E-Mail, aber nur mit `email_verified` true; Rolle und Amt folgen bei jeder Anmeldung der Gruppenzuordnung. Erfolg: Sitzungs-Cookie `rf_session` und 303 nach `/` (ohne zweiten Faktor: die Mehrfaktor-Anmeldung des Anbieters zählt). Jede Ablehnung: 303 nach `/login/refused?reason=<Grund>` (nie 500) und ein Eintrag im Audit-Protokoll.', ['400 validation_failed']),
  'POST /auth/sso/saml/acs': op('public', 'Rückkehr vom Identitätsanbieter (SAML)', 'Die ACS-URL (Assertion Consumer Service, HTTP-POST-Binding) beim SAML-Anbieter; Formular mit `SAMLResponse` und `RelayState` (Kennung des Anbieters). node-saml prüft die Signatur der Assertion mit dem eingetragenen Zertifikat, Audience (unsere Entity-ID), Gültigkeit (1 Minute Uhrabweichung) und `InResponseTo` (eine von uns gesendete Anfrage, einmal verwendbar); zusätzlich wird der Issuer der Assertion geprüft. Rolle und Amt wie bei OIDC aus dem Gruppen-Attribut; die E-Mail einer signierten Assertion des eigenen Anbieters gilt als bestätigt. Erfolg: `rf_session` und 303 nach `/`; jede Ablehnung 303 nach `/login/refused?reason=…`. Von der Herkunftsprüfung für Schreibzugriffe ausgenommen (die Seite des Anbieters sendet das Formular; die Sitzung wird nicht gelesen). Über HTTPS muss die Antwort im Browser ankommen, der die Anmeldung begonnen hat (Cookie `rf_sso_saml`, SameSite=None; Secure), sonst `state_unknown`.', ['400 validation_failed']),
  'GET /auth/sso/saml/metadata': op('public', 'SAML-Metadaten von Roter Faden', 'Die Service-Provider-Metadaten (XML) für den Anbieter der Kommune: Entity-ID und ACS-URL, zum Import beim Identitätsanbieter (z. B. ADFS „Relying Party Trust“). Unbekannter oder kein SAML-Anbieter: 404.'),
  'POST /auth/sso/logout': op('session', 'Abmelden (auch beim Identitätsanbieter)', 'Beendet die Sitzung wie `POST /auth/logout`; kam sie über OpenID Connect, steht in `providerLogoutUrl` die Abmeldeadresse des Anbieters (end_session_endpoint mit `id_token_hint`), zu der die Web-App weiterleitet.'),
  'GET /sso/provider': op('admin', 'Identitätsanbieter der Kommune', 'Die Einstellungen der Anmeldung über den Identitätsanbieter; das Client-Geheimnis nie (nur `hasClientSecret`). Dazu die beim Anbieter einzutragenden Adressen. Ohne Anbieter 404.'),
  'PUT /sso/provider': op('admin', 'Identitätsanbieter einrichten oder ändern', 'Speichert Anbieter, Gruppenzuordnung und ob lokale Passwörter aus sind (dann nur noch die Notfall-Administration mit Passwort; sie muss Administration der Kommune sein). Das Client-Geheimnis wird verschlüsselt gespeichert; weggelassen bleibt das bisherige. Nur mit Sitzung. Audit-Eintrag ohne Geheimnis.', ['403 session_required']),
  'DELETE /sso/provider': op('admin', 'Identitätsanbieter entfernen', 'Entfernt den Anbieter; dessen Sitzungen enden, Passwörter gelten wieder. Nur mit Sitzung.', ['403 session_required']),

  // ---- data protection (texts also in the routes)
  'GET /me/data-export': op('session', 'Eigene Daten als JSON', 'Auskunft über alle gespeicherten Daten der angemeldeten Person (maschinenlesbar).'),
  'GET /me/data-export.pdf': op('session', 'Eigene Daten als PDF', 'Auskunft über alle gespeicherten Daten der angemeldeten Person (lesbares Dokument).'),
  'GET /users/{id}/data-export': op('admin', 'Daten eines Mitglieds als JSON', 'Auskunft über die Daten eines Mitglieds in dieser Kommune.'),
  'GET /users/{id}/data-export.pdf': op('admin', 'Daten eines Mitglieds als PDF', 'Auskunft über die Daten eines Mitglieds in dieser Kommune als PDF.'),
  'GET /users/{id}/erasure': op('admin', 'Löschung eines Kontos: Vorschau', 'Was die Löschung ändern würde.'),
  'POST /users/{id}/erasure': op('admin', 'Konto löschen', 'Pseudonymisiert das Konto (nur mit Sitzung).', ['400 erasure_confirmation_mismatch', '403 session_required', '409 erasure_self', '409 already_erased', '409 conflict']),
  'GET /workshops/{id}/participants/{participantId}/erasure': op('admin', 'Löschung eines Gastes: Vorschau', 'Was die Löschung eines Gastes ändern würde.', ['409 erasure_account_participant']),
  'POST /workshops/{id}/participants/{participantId}/erasure': op('admin', 'Gast löschen', 'Pseudonymisiert einen Workshop-Gast (nur mit Sitzung).', ['400 erasure_confirmation_mismatch', '403 session_required', '409 already_erased', '409 erasure_account_participant']),
  'GET /privacy/settings': op('admin', 'Datenschutz-Einstellungen', 'Datenschutzseite und Aufbewahrungsfrist.'),
  'PUT /privacy/settings': op('admin', 'Datenschutz-Einstellungen ändern', 'Datenschutzseite und Aufbewahrungsfrist speichern.'),
  'GET /privacy/notice/{municipalityId}': op('public', 'Datenschutzseite (öffentlich)', 'Die Datenschutzseite einer Kommune ohne Anmeldung.'),
  'GET /join/{code}/privacy': op('public', 'Datenschutzseite zum Workshopcode', 'Die Datenschutzseite der Kommune eines Workshops, für Gäste.'),

  // ---- notifications (issue 14)
  'GET /notifications': op('member', 'Eigene Benachrichtigungen', 'Die Benachrichtigungen der angemeldeten Person in der aktuellen Kommune, neueste zuerst, seitenweise (`page`, `pageSize`, `unread=true` nur ungelesene), mit der Zahl der ungelesenen (`unread`). Der Satz (`title`) steht in der Sprache der Anfrage.'),
  'POST /notifications/{id}/read': op('member', 'Benachrichtigung gelesen', 'Markiert eine eigene Benachrichtigung als gelesen und gibt die neue Zahl der ungelesenen zurück. Die einer anderen Person oder Kommune: 404.'),
  'POST /notifications/read-all': op('member', 'Alle gelesen', 'Markiert alle eigenen Benachrichtigungen der aktuellen Kommune als gelesen.'),
  'GET /notifications/preferences': op('member', 'Einstellungen zu Benachrichtigungen', 'Je Art, wie sie per E-Mail ankommt: `immediate` sofort, `digest` in der täglichen Zusammenfassung (ab `DIGEST_HOUR`, Europe/Berlin), `off` gar nicht; in der App erscheint jede Benachrichtigung. Gilt für die Person in allen ihren Kommunen. `mailEnabled` false: ohne `SMTP_URL` werden keine E-Mails versendet.'),
  'PUT /notifications/preferences': op('member', 'Einstellungen ändern', 'Setzt die genannten Arten; nicht genannte bleiben. Noch nicht versendete Benachrichtigungen folgen der neuen Wahl. Jede Art nur einmal (400 `validation_failed`).'),
  'GET /notifications/unsubscribe': op('public', 'Abbestellen: Bestätigungsseite', 'Der Link aus jeder E-Mail (`List-Unsubscribe`): eine kleine HTML-Seite mit der Schaltfläche „Abbestellen“, ohne Anmeldung. Ändert selbst nichts (Link-Prüfer der Mailserver öffnen jeden Link). Ein ungültiges Token: Seite mit Status 400.'),
  'POST /notifications/unsubscribe': op('public', 'Abbestellen (One-Click, RFC 8058)', 'Ohne Anmeldung: das Token (je Person und Art, signiert) schaltet diese Art für die Person auf `off` (Token `digest`: alle Arten der täglichen Zusammenfassung). Mail-Programme senden `List-Unsubscribe=One-Click` als Formular. Wiederholbar.', ['400 unsubscribe_invalid']),
  'GET /admin/mail-outbox': op('admin', 'Postausgang der E-Mails', 'Die E-Mails der Kommune im Postausgang, neueste zuerst (`status` filtert), mit Versuchen und letztem Fehler; `failed` zählt die aufgegebenen.'),
  'GET /invitations': op('session', 'Eigene Einladungen', 'Offene Einladungen der angemeldeten Person in andere Kommunen (14 Tage gültig), unabhängig von der aktuellen Kommune: Kommune, Rolle, Amt, wer eingeladen hat.'),
  'POST /invitations/{id}/accept': op('session', 'Einladung annehmen', 'Die Person wird Mitglied der einladenden Kommune mit der vorgesehenen Rolle (Audit-Eintrag dort); danach kann sie wechseln (`POST /auth/switch`). Fremde, abgelaufene oder schon beantwortete Einladung: 404.'),
  'POST /invitations/{id}/decline': op('session', 'Einladung ablehnen', 'Die Einladung verfällt; die Kommune erfährt davon nichts außer, dass die Person nicht Mitglied wird. Fremde oder schon beantwortete: 404.'),
  'POST /admin/mail-outbox/{id}/retry': op('admin', 'E-Mail erneut senden', 'Eine aufgegebene E-Mail wird sofort wieder fällig, mit neuer Zählung der Versuche. Nur bei Stand `failed` (sonst 409 `mail_not_failed`).', ['409 mail_not_failed']),
};
