import type { Lang } from './language';

/**
 * Every message the API writes into an error, keyed by the error's code — or, where one code covers
 * several situations (`validation_failed`, `conflict`, `forbidden`, `not_found`, …), by `code.situation`
 * — in German (the default) and English. `AppError` carries the key and the values the sentence names;
 * the error handler picks the language of the request (server/i18n/language.ts).
 *
 * Placeholders: `{name}` is replaced by the value (numbers formatted for the language; a `{ de, en }`
 * value in the matching language); `{n#one|other}` chooses by the number n, with `#` standing for it.
 * `server/i18n/errors.test.ts` fails when a code thrown in server/ has no entry in either language.
 */
const MESSAGES = {
  // ---- generic codes and their situations
  unauthenticated: { de: 'Bitte melden Sie sich an.', en: 'Please sign in.' },
  forbidden: { de: 'Dafür fehlt Ihnen die Berechtigung.', en: 'You do not have permission to do this.' },
  'forbidden.foreign_origin': { de: 'Anfragen von fremden Seiten sind nicht erlaubt.', en: 'Requests from other sites are not allowed.' },
  'forbidden.no_municipality': {
    de: 'Ihr Konto gehört zu keiner Kommune. Bitte wenden Sie sich an die Administration.',
    en: 'Your account does not belong to any municipality. Please contact your administrator.',
  },
  'forbidden.shared_account': {
    de: 'Diese Person gehört auch zu einer anderen Kommune. Passwort und Name kann nur sie selbst oder die Administration aller ihrer Kommunen ändern.',
    en: 'This person also belongs to another municipality. Only they themselves or the administrators of all their municipalities can change their password and name.',
  },
  'forbidden.own_department_measures': { de: 'Sie können nur Maßnahmen Ihres Amtes bearbeiten.', en: "You can only edit your department's measures." },
  'forbidden.lead_department_edit': {
    de: 'Sie können nur Maßnahmen bearbeiten, für die Ihr Amt federführend ist.',
    en: 'You can only edit measures led by your department.',
  },
  'forbidden.lead_department_plan': {
    de: 'Sie können nur Maßnahmen planen, für die Ihr Amt federführend ist.',
    en: 'You can only plan measures led by your department.',
  },
  'forbidden.lead_department_responsibilities': {
    de: 'Sie können nur Zuständigkeiten von Maßnahmen ändern, für die Ihr Amt federführend ist.',
    en: 'You can only change the responsibilities of measures led by your department.',
  },
  'forbidden.hand_over_lead': {
    de: 'Die Federführung an ein anderes Amt abgeben kann nur die Koordination.',
    en: 'Only the coordination can hand the lead over to another department.',
  },
  'forbidden.synergy_pair': {
    de: 'Sie können nur Paare bearbeiten, an denen eine Maßnahme Ihres Amtes beteiligt ist.',
    en: "You can only handle pairs that include one of your department's measures.",
  },
  'forbidden.own_department_funding': {
    de: 'Sie können nur die Finanzierung von Maßnahmen Ihres Amtes bearbeiten.',
    en: "You can only edit the funding of your department's measures.",
  },
  not_found: { de: '{what} nicht gefunden.', en: '{what} not found.' },
  'not_found.address': { de: 'Unbekannte Adresse.', en: 'Unknown address.' },
  conflict: { de: 'Diesen Eintrag gibt es schon.', en: 'This entry already exists.' },
  'conflict.already_member': { de: '{email} gehört bereits zu dieser Kommune.', en: '{email} already belongs to this municipality.' },
  'conflict.last_admin': {
    de: 'Die Kommune braucht mindestens eine Administratorin oder einen Administrator.',
    en: 'The municipality needs at least one administrator.',
  },
  'conflict.already_related': { de: 'Diese Maßnahmen sind bereits als verwandt verknüpft.', en: 'These measures are already linked as related.' },
  'conflict.related_first': {
    de: 'Diese Maßnahmen sind als verwandt verknüpft; lösen Sie erst die Verknüpfung.',
    en: 'These measures are linked as related; remove the link first.',
  },
  'conflict.already_dismissed': { de: 'Dieses Paar wurde bereits verworfen.', en: 'This pair has already been dismissed.' },
  'conflict.dependency_exists': { de: 'Diese Abhängigkeit gibt es schon.', en: 'This dependency already exists.' },
  'conflict.saved_search_name': { de: 'Sie haben schon eine gespeicherte Suche „{name}“.', en: 'You already have a saved search “{name}”.' },
  'conflict.programme_name': { de: 'Das Förderprogramm „{name}“ gibt es schon.', en: 'The funding programme “{name}” already exists.' },
  'conflict.group_name': { de: 'Die Gruppe „{name}“ gibt es schon.', en: 'The group “{name}” already exists.' },
  'conflict.concept_name': { de: '{what} „{name}“ gibt es schon.', en: '{what} “{name}” already exists.' },
  'conflict.already_participant': { de: '{name} nimmt bereits teil.', en: '{name} is already taking part.' },
  'conflict.guests_joined': {
    de: 'Es sind bereits {n} Gäste mit dem Workshop-Code beigetreten. Entfernen Sie sie unter „Teilnehmende“, bevor nur namentlich eingeladene Personen teilnehmen.',
    en: '{n#One guest has|# guests have} already joined with the workshop code. Remove them under “Participants” before only invited people take part.',
  },
  'conflict.no_personal_code': { de: 'Diese Person ist ohne persönlichen Code beigetreten.', en: 'This person joined without a personal code.' },
  'conflict.dot_id_reused': { de: 'Diese Punkt-Kennung wurde schon für einen anderen Punkt verwendet.', en: 'This dot id has already been used for another dot.' },
  version_conflict: {
    de: 'Dieser Eintrag wurde inzwischen von jemand anderem geändert. Bitte prüfen Sie die aktuelle Fassung.',
    en: 'Someone else has changed this entry in the meantime. Please check the current version.',
  },
  validation_failed: { de: 'Die Eingaben sind unvollständig oder ungültig.', en: 'The input is incomplete or invalid.' },
  'validation_failed.password_required': { de: 'Für ein neues Konto ist ein Passwort nötig.', en: 'A new account needs a password.' },
  'validation_failed.merge_self': { de: 'Eine Maßnahme kann nicht mit sich selbst zusammengeführt werden.', en: 'A measure cannot be merged with itself.' },
  'validation_failed.file_missing': { de: 'Bitte wählen Sie eine Datei aus.', en: 'Please choose a file.' },
  'validation_failed.duplicate_kind': { de: 'Jede Art von Benachrichtigung darf nur einmal vorkommen.', en: 'Each kind of notification may appear only once.' },
  'validation_failed.file_empty': { de: 'Die Datei ist leer.', en: 'The file is empty.' },
  'validation_failed.photo_missing': { de: 'Bitte wählen Sie ein Foto aus.', en: 'Please choose a photo.' },
  'validation_failed.multipart_required': {
    de: 'Bitte laden Sie eine Datei hoch (multipart/form-data).',
    en: 'Please upload a file (multipart/form-data).',
  },
  'validation_failed.sheet_missing': { de: 'Bitte wählen Sie eine Datei (.xlsx oder .csv) aus.', en: 'Please choose a file (.xlsx or .csv).' },
  'validation_failed.field_json': { de: '{what} ist kein gültiges JSON.', en: '{what} is not valid JSON.' },
  'validation_failed.field_invalid': { de: '{what} ist ungültig.', en: '{what} is invalid.' },
  'validation_failed.field_value': { de: '{what} „{value}“ ist nicht vorgesehen.', en: '{what} “{value}” is not supported.' },
  'validation_failed.import_target_unknown': {
    de: 'Die Zuordnung für {what} „{value}“ verweist auf etwas, das es nicht gibt.',
    en: 'The assignment for {what} “{value}” refers to something that does not exist.',
  },
  'validation_failed.import_not_creatable': {
    de: '{what} „{value}“ kann nicht angelegt, nur zugeordnet werden.',
    en: '{what} “{value}” cannot be created, only assigned.',
  },
  'validation_failed.import_name_too_long': {
    de: '{what} „{value}…“ ist als Name zu lang (höchstens {max} Zeichen).',
    en: '{what} “{value}…” is too long for a name (at most {max} characters).',
  },
  'validation_failed.measure_end_before_start': { de: 'Das geplante Ende liegt vor dem Beginn.', en: 'The planned end is before the start.' },
  'validation_failed.end_before_start': { de: 'Das Ende liegt vor dem Beginn.', en: 'The end is before the start.' },
  'validation_failed.horizon_end_before_start': {
    de: 'Das Ende des Zeithorizonts liegt vor dem Anfang.',
    en: 'The end of the time horizon is before its start.',
  },
  'validation_failed.window_end_before_start': { de: 'Ein Antragsfenster endet vor seinem Beginn.', en: 'An application window ends before it starts.' },
  'validation_failed.min_over_max': { de: 'Der Mindestbetrag liegt über dem Höchstbetrag.', en: 'The minimum amount is above the maximum amount.' },
  'validation_failed.unknown_link': { de: 'Unbekannte Verknüpfung.', en: 'Unknown link.' },
  'validation_failed.unknown_predecessor': {
    de: 'Die Maßnahme, von der abhängen soll, gibt es in dieser Kommune nicht.',
    en: 'The measure to depend on does not exist in this municipality.',
  },
  'validation_failed.unknown_group': { de: 'Unbekannte Gruppe.', en: 'Unknown group.' },
  'validation_failed.not_a_member': { de: 'Diese Person gehört nicht zur Kommune.', en: 'This person does not belong to the municipality.' },
  'validation_failed.unknown_measures': {
    de: 'Unbekannte Maßnahme in der Auswahl.',
    en: '{n#One measure|# measures} in the selection {n#is|are} unknown.',
  },
  'validation_failed.raters_not_members': { de: 'Bewertende müssen Mitglieder der Kommune sein.', en: 'Raters must be members of the municipality.' },
  'validation_failed.dot_weight_without_round': {
    de: 'Ein Gewicht für die Punkte braucht eine Punkteabfrage.',
    en: 'A weight for the dots needs a dot vote.',
  },
  'validation_failed.measure_not_in_round': { de: 'Die Maßnahme gehört nicht zu dieser Runde.', en: 'The measure does not belong to this round.' },
  'validation_failed.criterion_not_in_round': { de: 'Das Kriterium gehört nicht zu dieser Runde.', en: 'The criterion does not belong to this round.' },
  'validation_failed.measure_twice': { de: 'Die Maßnahme steht doppelt in der Entscheidung.', en: 'The measure appears twice in the decision.' },
  'validation_failed.criteria': { de: '{problems}', en: 'The criteria cannot be saved: check the names and weights.' },
  'validation_failed.round_rules': { de: '{problems}', en: 'The rules of the round are not valid: {n#one problem|# problems} (see details).' },
  'validation_failed.min_two_items': { de: 'Eine Abstimmung braucht mindestens zwei Einträge.', en: 'A vote needs at least two items.' },
  'validation_failed.unknown_briefs': {
    de: '{n} der gewählten Steckbriefe gibt es in dieser Kommune nicht (mehr).',
    en: '{n#One of the chosen briefs does|# of the chosen briefs do} not exist (any more) in this municipality.',
  },
  'validation_failed.unknown_goals': {
    de: '{n} der gewählten Ziele gibt es in dieser Kommune nicht (mehr).',
    en: '{n#One of the chosen goals does|# of the chosen goals do} not exist (any more) in this municipality.',
  },
  'validation_failed.decision_choice': { de: '{problem}', en: 'The chosen items do not resolve the tie: {problem}' },
  'validation_failed.funding_sources': { de: '{problems}', en: '{problems}' },
  'funding.programme_required': { de: 'Bitte ein Förderprogramm wählen.', en: 'Please choose a funding programme.' },
  'funding.programme_unknown': { de: 'Unbekanntes Förderprogramm.', en: 'Unknown funding programme.' },
  'funding.programme_not_allowed': { de: 'Nur eine Fördermittel-Quelle hat ein Programm.', en: 'Only a funding source has a programme.' },
  'validation_failed.same_measure': { de: 'Ein Paar besteht aus zwei verschiedenen Maßnahmen.', en: 'A pair consists of two different measures.' },
  'validation_failed.department_required': { de: 'Bitte wählen Sie ein Amt.', en: 'Please choose a department.' },
  // password problems, named by domain/password-rules.ts
  'password.too_short': { de: 'Das Passwort muss mindestens {min} Zeichen lang sein.', en: 'The password must be at least {min} characters long.' },
  'password.too_long': { de: 'Das Passwort darf höchstens {max} Zeichen lang sein.', en: 'The password may be at most {max} characters long.' },
  'password.repeated': {
    de: 'Das Passwort besteht nur aus einem wiederholten Zeichen oder Muster. Bitte wählen Sie ein anderes.',
    en: 'The password is just a repeated character or pattern. Please choose another one.',
  },
  'password.sequence': {
    de: 'Das Passwort ist eine Zeichenfolge wie „abcdef“, „123456“ oder eine Tastaturreihe. Bitte wählen Sie ein anderes.',
    en: 'The password is a sequence such as “abcdef”, “123456” or a keyboard row. Please choose another one.',
  },
  'password.common': {
    de: 'Dieses Passwort ist sehr verbreitet oder aus Datenlecks bekannt und wird zuerst ausprobiert. Bitte wählen Sie ein anderes, z. B. mehrere Wörter.',
    en: 'This password is very common or known from data breaches and is tried first. Please choose another one, e.g. several words.',
  },
  'password.personal': {
    de: 'Das Passwort beruht auf Ihrer E-Mail-Adresse, Ihrem Namen oder dem Namen der Kommune. Bitte wählen Sie ein anderes.',
    en: 'The password is based on your e-mail address, your name or the name of the municipality. Please choose another one.',
  },
  bad_request: { de: 'Ungültige Anfrage: {reason}', en: 'Invalid request: {reason}' },
  payload_too_large: { de: 'Die Datei oder Anfrage ist zu groß.', en: 'The file or request is too large.' },
  internal: { de: 'Interner Fehler. Bitte versuchen Sie es erneut.', en: 'Internal error. Please try again.' },
  unavailable: { de: 'Kein freier Beitrittscode gefunden.', en: 'No free join code found.' },
  'unavailable.personal_code': { de: 'Kein freier persönlicher Code gefunden.', en: 'No free personal code found.' },
  in_use: {
    de: 'Das Programm steht in {n} Finanzierungsplan(en). Entfernen Sie es dort zuerst.',
    en: 'The programme is used in {n#one funding plan|# funding plans}. Remove it there first.',
  },
  'in_use.participant_dots': {
    de: 'Diese Person hat bereits {n} Punkt(e) vergeben und kann nicht mehr entfernt werden.',
    en: 'This person has already placed {n#one dot|# dots} and can no longer be removed.',
  },
  'in_use.concept': {
    de: '{what} wird noch von {n} Maßnahme(n) verwendet. Entfernen Sie die Verknüpfung dort zuerst.',
    en: '{what} is still used by {n#one measure|# measures}. Remove the link there first.',
  },

  // ---- sign-in and setup
  invalid_credentials: { de: 'E-Mail-Adresse oder Passwort ist falsch.', en: 'The e-mail address or password is wrong.' },
  rate_limited: { de: 'Zu viele fehlgeschlagene Versuche. Bitte warten Sie einige Minuten.', en: 'Too many failed attempts. Please wait a few minutes.' },
  'rate_limited.pair': {
    de: 'Zu viele fehlgeschlagene Anmeldeversuche für dieses Konto. Bitte warten Sie {minutes} Minuten.',
    en: 'Too many failed sign-in attempts for this account. Please wait {minutes} minutes.',
  },
  'rate_limited.client': {
    de: 'Zu viele fehlgeschlagene Anmeldeversuche von diesem Gerät. Bitte warten Sie {minutes} Minuten.',
    en: 'Too many failed sign-in attempts from this device. Please wait {minutes} minutes.',
  },
  'rate_limited.account': {
    de: 'Für dieses Konto gab es viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie {minutes} Minuten oder melden Sie sich von einem anderen Gerät an.',
    en: 'There were many failed sign-in attempts for this account. Please wait {minutes} minutes or sign in from another device.',
  },

  // ---- single sign-on (server/modules/sso)
  password_sign_in_off: {
    de: 'Ihre Kommune hat die Anmeldung mit Passwort ausgeschaltet. Bitte melden Sie sich mit „{provider}“ an.',
    en: 'Your municipality has turned off signing in with a password. Please sign in with “{provider}”.',
  },
  sso_session_bound: {
    de: 'Diese Anmeldung über den Identitätsanbieter gilt nur für seine Kommune. Für eine andere Kommune melden Sie sich bitte dort an.',
    en: "This sign-in through the identity provider is valid for its municipality only. Please sign in to the other municipality there.",
  },
  'validation_failed.sso_settings_missing': {
    de: 'Für diese Art der Anmeldung fehlen Angaben (bei OpenID Connect: Issuer, Client-ID und beim ersten Speichern das Client-Geheimnis).',
    en: 'Settings are missing for this kind of sign-in (for OpenID Connect: issuer, client id and, when first saved, the client secret).',
  },
  'validation_failed.sso_emergency_admin': {
    de: 'Wer sich bei ausgeschalteten Passwörtern noch mit Passwort anmelden darf, muss eine Administratorin oder ein Administrator dieser Kommune sein.',
    en: 'Who may still sign in with a password while passwords are off must be an administrator of this municipality.',
  },

  // ---- two-factor sign-in and sessions (server/modules/auth/two-factor*.ts, second-factor.service.ts)
  two_factor_required: {
    de: 'Ihre Kommune verlangt für Administratorinnen und Administratoren die Anmeldung mit zweitem Faktor. Bitte richten Sie sie zuerst in Ihrem Profil ein.',
    en: 'Your municipality requires two-factor sign-in for administrators. Please set it up in your profile first.',
  },
  two_factor_needed_first: {
    de: 'Bitte schalten Sie zuerst für sich selbst die Anmeldung mit zweitem Faktor ein, bevor Sie sie für alle Administratorinnen und Administratoren verlangen.',
    en: 'Please turn on two-factor sign-in for yourself before requiring it of all administrators.',
  },
  two_factor_already_on: { de: 'Die Anmeldung mit zweitem Faktor ist bereits eingeschaltet.', en: 'Two-factor sign-in is already on.' },
  two_factor_not_on: { de: 'Die Anmeldung mit zweitem Faktor ist nicht eingeschaltet.', en: 'Two-factor sign-in is not on.' },
  two_factor_not_started: { de: 'Bitte richten Sie die Anmeldung mit zweitem Faktor zuerst ein.', en: 'Please set up two-factor sign-in first.' },
  two_factor_code_invalid: {
    de: 'Der Code stimmt nicht. Bitte geben Sie den aktuellen Code aus Ihrer App ein.',
    en: 'The code is not right. Please enter the current code from your app.',
  },
  two_factor_reauth_failed: {
    de: 'Passwort oder Code stimmt nicht. Die Anmeldung mit zweitem Faktor bleibt eingeschaltet.',
    en: 'The password or code is not right. Two-factor sign-in stays on.',
  },
  sign_in_expired: {
    de: 'Die Anmeldung ist abgelaufen. Bitte melden Sie sich erneut mit Ihrem Passwort an.',
    en: 'The sign-in has expired. Please sign in again with your password.',
  },
  second_factor_invalid: { de: 'Der Code stimmt nicht oder wurde schon verwendet.', en: 'The code is not right or has already been used.' },
  setup_token_invalid: {
    de: 'Der Einrichtungsschlüssel stimmt nicht. Sie finden ihn im Protokoll des Servers (Zeile „Setup key“).',
    en: 'The setup key is wrong. You find it in the server log (line “Setup key”).',
  },
  setup_token_required: {
    de: 'Für die Einrichtung von einem anderen Rechner aus ist der Einrichtungsschlüssel aus dem Protokoll des Servers nötig.',
    en: 'Setting up from another computer needs the setup key from the server log.',
  },
  setup_done: { de: 'Roter Faden ist bereits eingerichtet. Bitte melden Sie sich an.', en: 'Roter Faden is already set up. Please sign in.' },

  // ---- measures, uploads, imports
  priority_class_required: {
    de: 'Der Status „Priorisiert“ braucht eine Prioritätsklasse (A, B oder C). Die Klasse setzt ein festgehaltener Beschluss in der Priorisierung; bis dahin bleibt die Maßnahme ein Steckbrief.',
    en: 'The status “Prioritised” needs a priority class (A, B or C). The class is set by a decision recorded in the prioritisation; until then the measure stays a brief.',
  },
  priority_class_not_allowed: {
    de: 'Die Maßnahme hat aus einem Beschluss die Prioritätsklasse {priority} und kann deshalb nicht wieder Idee oder Steckbrief sein. Wählen Sie „Zurückgestellt“ oder entscheiden Sie in der Priorisierung neu.',
    en: 'A decision gave the measure priority class {priority}, so it cannot become an idea or brief again. Choose “Deferred” or decide again in the prioritisation.',
  },
  file_too_large: {
    de: 'Die Datei ist größer als {mb} MB und wurde nicht gespeichert. Bitte laden Sie eine kleinere Datei hoch.',
    en: 'The file is larger than {mb} MB and was not saved. Please upload a smaller file.',
  },
  unsupported_type: {
    de: 'Dateityp {type} wird nicht unterstützt. Erlaubt sind Bilder, PDF, Text- und Office-Dateien.',
    en: 'File type {type} is not supported. Images, PDF, text and Office files are allowed.',
  },
  'unsupported_type.photo': { de: 'Bitte laden Sie ein Foto (Bild) hoch.', en: 'Please upload a photo (an image).' },
  unreadable_file: {
    de: '{reason}',
    en: 'The file cannot be read. Please save the list as an Excel workbook (.xlsx) or a CSV file and upload it again.',
  },
  sheet_too_large: {
    de: 'Die Excel-Datei ist entpackt größer als {mb} MB und wird nicht gelesen. Bitte nur die benötigte Tabelle speichern oder als CSV-Datei hochladen.',
    en: 'Unpacked, the Excel file is larger than {mb} MB and is not read. Please save only the sheet needed or upload it as a CSV file.',
  },
  sheet_too_complex: {
    de: 'Die Excel-Datei kann nicht gelesen werden. Bitte die Tabelle verkleinern oder als CSV-Datei hochladen.',
    en: 'The Excel file cannot be read. Please make the sheet smaller or upload it as a CSV file.',
  },
  'sheet_too_complex.timeout': {
    de: 'Die Excel-Datei kann nicht gelesen werden: Das Lesen dauerte länger als {seconds} Sekunden. Bitte die Tabelle verkleinern oder als CSV-Datei hochladen.',
    en: 'The Excel file cannot be read: reading it took longer than {seconds} seconds. Please make the sheet smaller or upload it as a CSV file.',
  },
  'sheet_too_complex.memory': {
    de: 'Die Excel-Datei kann nicht gelesen werden: Sie braucht zu viel Arbeitsspeicher. Bitte die Tabelle verkleinern oder als CSV-Datei hochladen.',
    en: 'The Excel file cannot be read: it needs too much memory. Please make the sheet smaller or upload it as a CSV file.',
  },
  'sheet_too_complex.rows': {
    de: 'Die Tabelle hat {rows} Zeilen; gelesen werden höchstens {maxRows} Zeilen (und eine Kopfzeile). Bitte die Liste aufteilen.',
    en: 'The sheet has {rows} rows; at most {maxRows} rows (and a header row) are read. Please split the list.',
  },
  'sheet_too_complex.columns': {
    de: 'Zeile {row} der Tabelle hat {columns} Spalten; gelesen werden höchstens {maxColumns}. Bitte überzählige Spalten löschen.',
    en: 'Row {row} of the sheet has {columns} columns; at most {maxColumns} are read. Please delete the extra columns.',
  },
  import_invalid: {
    de: '{n} Fehler in der Datei – es wurde nichts importiert. {n#|Erster Fehler: }{where}: {first}',
    en: '{n#One error|# errors} in the file – nothing was imported. The errors are listed with their rows.',
  },
  'import_invalid.empty': { de: 'Die Datei enthält keine Zeilen – es wurde nichts importiert.', en: 'The file contains no rows – nothing was imported.' },
  'import_invalid.programmes': {
    de: '{n#1 Zeile enthält|# Zeilen enthalten} Fehler – es wurde nichts übernommen.',
    en: '{n#One row contains|# rows contain} errors – nothing was taken over.',
  },
  'import_invalid.programmes_file': { de: '{problem}', en: 'The file cannot be imported as a programme catalogue (see details).' },
  'import_invalid.no_programmes': { de: 'Die Datei enthält keine Programme.', en: 'The file contains no programmes.' },

  // ---- responsibilities, roadmap
  lead_required: {
    de: 'Jede Maßnahme braucht ein federführendes Amt. Wählen Sie zuerst ein anderes Amt als federführend; das bisherige wird dann Partner.',
    en: 'Every measure needs a lead department. First choose another department as lead; the previous one then becomes a partner.',
  },
  dependency_cycle: {
    de: 'Diese Abhängigkeit ergäbe einen Kreis ({chain}): keine der Maßnahmen könnte je beginnen.',
    en: 'This dependency would close a cycle ({chain}): none of the measures could ever start.',
  },
  'dependency_cycle.self': { de: 'Eine Maßnahme kann nicht von sich selbst abhängen.', en: 'A measure cannot depend on itself.' },

  // ---- monitoring (status reports)
  report_stale: {
    de: 'Inzwischen hat jemand anderes einen neueren Bericht abgegeben. Bitte prüfen Sie ihn und berichten Sie dann erneut.',
    en: 'Someone else has filed a newer report in the meantime. Please check it, then report again.',
  },
  'report_stale.first': {
    de: 'Inzwischen hat jemand anderes den ersten Bericht abgegeben. Bitte prüfen Sie ihn und berichten Sie dann erneut.',
    en: 'Someone else has filed the first report in the meantime. Please check it, then report again.',
  },
  report_milestone_foreign: {
    de: 'Als erreicht können nur Meilensteine dieser Maßnahme gewählt werden.',
    en: 'Only milestones of this measure can be marked as reached.',
  },
  report_done_progress: {
    de: 'Eine abgeschlossene Maßnahme hat 100 % Fortschritt. Bitte setzen Sie den Fortschritt auf 100 % oder wählen Sie einen anderen Stand.',
    en: 'A finished measure has 100 % progress. Please set the progress to 100 % or choose another state.',
  },
  report_nothing_to_repeat: {
    de: 'Es gibt noch keinen Bericht, der unverändert übernommen werden könnte. Bitte füllen Sie den ersten Bericht aus.',
    en: 'There is no report yet that could be repeated unchanged. Please fill in the first report.',
  },
  'forbidden.report_lead_only': {
    de: 'Berichten kann nur das federführende Amt der Maßnahme (oder die Koordination).',
    en: "Only the measure's lead department (or the coordinators) can report on it.",
  },
  'forbidden.report_comment': {
    de: 'Kommentieren können das federführende und die mitwirkenden Ämter der Maßnahme (und die Koordination).',
    en: "The measure's lead and partner departments (and the coordinators) can comment.",
  },

  // ---- monitoring (reporting cycles)
  cycle_open_exists: {
    de: 'Es ist schon ein Berichtszyklus offen ({title}). Bitte schließen Sie ihn, bevor Sie einen neuen öffnen.',
    en: 'A reporting cycle is already open ({title}). Please close it before opening a new one.',
  },
  cycle_closed: {
    de: 'Dieser Berichtszyklus ist abgeschlossen und kann nicht mehr geändert werden. Spätere Berichte gehören zum nächsten Zyklus.',
    en: 'This reporting cycle is closed and can no longer be changed. Later reports belong to the next cycle.',
  },
  cycle_title_taken: { de: 'Einen Berichtszyklus „{title}“ gibt es schon. Bitte wählen Sie eine andere Bezeichnung.', en: 'A reporting cycle “{title}” already exists. Please choose another title.' },
  cycle_due_past: { de: 'Die Fälligkeit darf nicht in der Vergangenheit liegen.', en: 'The due date cannot be in the past.' },
  cycle_remind_too_soon: {
    de: 'Dieses Amt wurde vor weniger als einer Stunde erinnert. Bitte warten Sie, bevor Sie erneut erinnern.',
    en: 'This department was reminded less than an hour ago. Please wait before reminding it again.',
  },

  // ---- monitoring (goal indicators)
  indicator_target_value: { de: 'Zielwert {n}: Bitte einen Zielwert angeben (bei „steigern auf“ und „senken auf“ keinen Bereich).', en: 'Target {n}: please give a target value (no range for “increase to” and “decrease to”).' },
  indicator_target_range: { de: 'Zielwert {n}: Bitte untere und obere Grenze des Zielbereichs angeben (keinen einzelnen Wert).', en: 'Target {n}: please give the lower and upper bound of the target range (not a single value).' },
  indicator_target_order: { de: 'Zielwert {n}: Die untere Grenze ist größer als die obere.', en: 'Target {n}: the lower bound is greater than the upper bound.' },
  indicator_target_date: { de: 'Zielwert {n}: Das Datum muss nach dem Datum des Ausgangswerts liegen.', en: 'Target {n}: the date must be after the date of the baseline.' },
  indicator_target_twice: { de: 'Zielwert {n}: Für dieses Datum gibt es schon einen Zielwert.', en: 'Target {n}: there is already a target for this date.' },
  indicator_import_columns: { de: 'Der Datei fehlen Spalten: {columns}. Erwartet: Indikator, Datum, Wert (optional Anmerkung).', en: 'The file lacks columns: {columns}. Expected: Indikator (indicator), Datum (date), Wert (value), optionally Anmerkung (note).' },
  'conflict.indicator_name': { de: 'Einen Indikator „{name}“ hat dieses Ziel schon.', en: 'This goal already has an indicator “{name}”.' },
  'conflict.indicator_value_date': { de: 'Für den {date} gibt es schon einen Messwert. Bitte löschen Sie ihn zuerst, wenn er falsch ist.', en: 'There is already a measured value for {date}. Please delete it first if it is wrong.' },
  'forbidden.indicator_values': {
    de: 'Messwerte tragen das für den Indikator zuständige Amt und die Koordination ein.',
    en: 'Measured values are entered by the department responsible for the indicator and by the coordinators.',
  },

  // ---- prioritisation
  round_not_revealed: {
    de: 'Bitte decken Sie die Bewertungen zuerst auf: entschieden wird über die sichtbare Rangfolge.',
    en: 'Please reveal the scores first: the decision is taken on the visible ranking.',
  },
  not_a_rater: { de: 'Sie gehören in dieser Runde nicht zu den Bewertenden.', en: 'You are not one of the raters of this round.' },
  round_closed: {
    de: 'Die Bewertungsrunde ist abgeschlossen: Bewertungen können nicht mehr geändert werden.',
    en: 'The scoring round is closed: scores can no longer be changed.',
  },
  'round_closed.scoring': { de: 'Die Bewertungsrunde ist abgeschlossen.', en: 'The scoring round is closed.' },
  'round_closed.dot_place': {
    de: 'Die Runde ist geschlossen – es können keine Punkte mehr geklebt werden.',
    en: 'The round is closed – no more dots can be placed.',
  },
  'round_closed.dot_remove': {
    de: 'Die Runde ist geschlossen – Punkte können nicht mehr zurückgenommen werden.',
    en: 'The round is closed – dots can no longer be taken back.',
  },
  invalid_status: { de: 'Die Bewertungen sind schon aufgedeckt.', en: 'The scores have already been revealed.' },
  'invalid_status.closed': { de: 'Die Bewertungsrunde ist schon abgeschlossen.', en: 'The scoring round is already closed.' },
  dot_round_invalid: {
    de: 'Bitte eine abgeschlossene Punkteabfrage zu Maßnahmen wählen.',
    en: 'Please choose a closed dot vote on measures.',
  },
  weights_invalid: { de: '{problems}', en: 'The weights of the criteria must add up to exactly 100 % (see details).' },
  plan_exceeds_cost: { de: '{problem}', en: '{problem}' },

  // ---- workshops and voting
  workshop_ended: {
    de: 'Dieser Workshop ist beendet. Beitreten, Punkte vergeben und neue Steckbriefe sind nicht mehr möglich.',
    en: 'This workshop has ended. Joining, placing dots and new briefs are no longer possible.',
  },
  not_joined: { de: 'Bitte treten Sie dem Workshop zuerst mit dem Code bei.', en: 'Please join the workshop with its code first.' },
  named_only: {
    de: 'An diesem Workshop nehmen nur eingeladene Personen teil. Bitte geben Sie Ihren persönlichen Code ein.',
    en: 'Only invited people take part in this workshop. Please enter your personal code.',
  },
  join_limited: {
    de: 'Aus diesem Netzwerk sind in den letzten {minutes} Minuten schon {limit} Personen beigetreten. Bitte versuchen Sie es in einigen Minuten noch einmal oder fragen Sie die Moderation.',
    en: '{limit} people have already joined from this network in the last {minutes} minutes. Please try again in a few minutes or ask the facilitator.',
  },
  unknown_item: { de: 'Diesen Eintrag gibt es in dieser Runde nicht.', en: 'This item does not exist in this round.' },
  no_dots_left: {
    de: 'Sie haben {n#Ihren Punkt|alle # Punkte} schon geklebt. Nehmen Sie einen Punkt zurück, um ihn woanders zu kleben.',
    en: 'You have already placed {n#your dot|all # of your dots}. Take one back to place it elsewhere.',
  },
  item_max_reached: {
    de: 'Auf diesem Eintrag haben Sie schon {placed#einen Punkt|# Punkte}. Pro Eintrag {max#ist nur 1 Punkt erlaubt|sind höchstens # Punkte erlaubt}.',
    en: 'You already have {placed#a dot|# dots} on this item. {max#Only 1 dot per item is allowed|At most # dots per item are allowed}.',
  },
  no_dot_on_item: {
    de: 'Sie haben auf diesem Eintrag keinen Punkt, den Sie zurücknehmen könnten.',
    en: 'You have no dot on this item that you could take back.',
  },
  round_not_draft: { de: 'Die Regeln einer geöffneten Runde ändern sich nicht mehr.', en: 'The rules of an opened round no longer change.' },
  'round_not_draft.delete': {
    de: 'Eine geöffnete oder geschlossene Runde bleibt als Protokoll erhalten.',
    en: 'An opened or closed round is kept as a record.',
  },
  'round_not_draft.open': { de: 'Die Runde ist bereits geöffnet.', en: 'The round is already open.' },
  'round_not_draft.reopen': { de: 'Eine geschlossene Runde kann nicht wieder geöffnet werden.', en: 'A closed round cannot be opened again.' },
  round_not_open: { de: 'Nur eine geöffnete Runde kann geschlossen werden.', en: 'Only an open round can be closed.' },
  round_not_closed: { de: 'Eine Stichwahl ist erst nach dem Schließen der Runde möglich.', en: 'A run-off is possible only after the round is closed.' },
  'round_not_closed.decision': {
    de: 'Eine Entscheidung wird erst nach dem Schließen der Runde festgehalten.',
    en: 'A decision can be recorded only after the round is closed.',
  },
  no_tie: { de: 'An der Grenze der Top N gibt es keinen Gleichstand.', en: 'There is no tie at the cut-off of the top N.' },
  decision_already_recorded: {
    de: 'Für diese Runde hat {by} bereits eine Entscheidung festgehalten. Sie lässt sich nur als Revision mit Begründung ändern.',
    en: '{by} has already recorded a decision for this round. It can only be changed as a revision with a reason.',
  },
  no_decision_recorded: {
    de: 'Für diese Runde ist noch keine Entscheidung festgehalten, die geändert werden könnte.',
    en: 'No decision has been recorded for this round yet that could be changed.',
  },
  // ---- personal API tokens (server/modules/tokens)
  invalid_token: { de: 'Das API-Token ist ungültig, abgelaufen oder widerrufen.', en: 'The API token is invalid, expired or revoked.' },
  read_only_token: { de: 'Dieses API-Token darf nur lesen.', en: 'This API token may only read.' },
  mail_not_failed: {
    de: 'Nur aufgegebene E-Mails können erneut gesendet werden.',
    en: 'Only e-mails that were given up can be sent again.',
  },
  unsubscribe_invalid: {
    de: 'Dieser Abmelde-Link ist ungültig.',
    en: 'This unsubscribe link is not valid.',
  },
  session_required: {
    de: 'Das geht nur angemeldet in der App, nicht mit einem API-Token.',
    en: 'This needs a signed-in session in the app, not an API token.',
  },
  // ---- data protection (server/modules/privacy)
  erasure_confirmation_mismatch: {
    de: 'Der eingetippte Name stimmt nicht mit dem gespeicherten überein; es wurde nichts gelöscht.',
    en: 'The name typed does not match the stored one; nothing was erased.',
  },
  erasure_self: { de: 'Das eigene Konto kann man nicht selbst löschen; das muss eine andere Person mit Admin-Rolle tun.', en: 'You cannot erase your own account; another admin must do it.' },
  already_erased: { de: 'Diese Person ist bereits gelöscht.', en: 'This person has already been erased.' },
  erasure_account_participant: {
    de: 'Diese teilnehmende Person ist ein Konto der Kommune: Löschen Sie das Konto unter „Benutzer“.',
    en: 'This participant is an account of the municipality: erase the account under “Users”.',
  },
} as const satisfies Record<string, { de: string; en: string }>;

/** The things `notFound` can name, in both languages. */
export const ENTITIES = {
  entry: { de: 'Eintrag', en: 'Entry' },
  person: { de: 'Person', en: 'Person' },
  municipality: { de: 'Kommune', en: 'Municipality' },
  measure: { de: 'Maßnahme', en: 'Measure' },
  attachment: { de: 'Anhang', en: 'Attachment' },
  department: { de: 'Amt', en: 'Department' },
  dimension: { de: 'Dimension', en: 'Dimension' },
  actionField: { de: 'Handlungsfeld', en: 'Field of action' },
  goal: { de: 'Ziel', en: 'Goal' },
  district: { de: 'Stadtteil', en: 'District' },
  status: { de: 'Status', en: 'Status' },
  horizon: { de: 'Zeithorizont', en: 'Time horizon' },
  relation: { de: 'Verknüpfung', en: 'Link' },
  dismissedPair: { de: 'Verworfenes Paar', en: 'Dismissed pair' },
  dependency: { de: 'Abhängigkeit', en: 'Dependency' },
  milestone: { de: 'Meilenstein', en: 'Milestone' },
  statusReport: { de: 'Statusbericht', en: 'Status report' },
  reportingCycle: { de: 'Berichtszyklus', en: 'Reporting cycle' },
  indicator: { de: 'Indikator', en: 'Indicator' },
  indicatorValue: { de: 'Messwert', en: 'Measured value' },
  scoringRound: { de: 'Bewertungsrunde', en: 'Scoring round' },
  savedSearch: { de: 'Gespeicherte Suche', en: 'Saved search' },
  programme: { de: 'Förderprogramm', en: 'Funding programme' },
  calendar: { de: 'Kalender', en: 'Calendar' },
  voteRound: { de: 'Abstimmungsrunde', en: 'Voting round' },
  workshop: { de: 'Workshop', en: 'Workshop' },
  workshopByCode: { de: 'Workshop mit diesem Code', en: 'Workshop with this code' },
  group: { de: 'Gruppe', en: 'Group' },
  participant: { de: 'Teilnehmende Person', en: 'Participant' },
  workshopBrief: { de: 'Steckbrief dieses Workshops', en: 'Brief of this workshop' },
  personalCode: { de: 'Persönlicher Code', en: 'Personal code' },
  session: { de: 'Sitzung', en: 'Session' },
  apiToken: { de: 'API-Token', en: 'API token' },
} as const satisfies Record<string, { de: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;
export type Entity = keyof typeof ENTITIES;
export type Localized = { de: string; en: string };
/** Values a message names: numbers are formatted for the language; `{ de, en }` is chosen by it. */
export type MessageParams = Record<string, string | number | Localized | null | undefined>;

export const ERROR_MESSAGES: Record<MessageKey, Localized> = MESSAGES;

/** The same text made in both languages, for a parameter whose words come from elsewhere (domain texts). */
export const localized = (make: (lang: Lang) => string): Localized => ({ de: make('de'), en: make('en') });

const numberFormat = { de: new Intl.NumberFormat('de-DE'), en: new Intl.NumberFormat('en-GB') };

function valueIn(v: MessageParams[string], lang: Lang): string {
  if (v == null) return '';
  if (typeof v === 'number') return numberFormat[lang].format(v);
  if (typeof v === 'object') return v[lang];
  return v;
}

/** The message of `key` in `lang` with its placeholders filled; an unknown key (a bug) shows as itself. */
export function errorMessage(key: string, lang: Lang, params: MessageParams = {}): string {
  const entry = (ERROR_MESSAGES as Record<string, Localized | undefined>)[key];
  if (!entry) return key;
  return entry[lang]
    .replace(/\{(\w+)#([^{}|]*)\|([^{}]*)\}/g, (_, name: string, one: string, other: string) => {
      const n = params[name];
      const value = valueIn(n, lang);
      return (n === 1 ? one : other).replaceAll('#', value);
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? valueIn(params[name], lang) : whole));
}

/**
 * A service's list of problems (`details` of a 400) may name each problem's catalogue entry as `key`
 * (with `params`): its `message` is then written in the request's language, and the key stays as the
 * problem's stable `code`-like name for programs.
 */
export function localizeDetails(details: unknown, lang: Lang, error?: { key: string; params?: MessageParams }): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d: unknown) => {
    if (!d || typeof d !== 'object') return d;
    if (!('key' in d) || typeof d.key !== 'string' || !(d.key in ERROR_MESSAGES)) {
      // A problem written only as a German sentence: in another language it says what the error itself says.
      if (lang !== 'de' && error && 'message' in d && typeof d.message === 'string') return { ...d, message: errorMessage(error.key, lang, error.params) };
      return d;
    }
    const { params, ...rest } = d as { key: string; params?: MessageParams };
    return { ...rest, message: errorMessage(rest.key, lang, params) };
  });
}
