import type { z } from 'zod';
import type { MeasureDetail } from '../contract/measures';
import type { FundingPlan } from '../contract/funding';
import type { PlaceDotBody, Round, Workshop } from '../contract/workshops';

/**
 * Examples for the main objects of the OpenAPI document, taken from the Musterstadt demo data
 * (db/seed): a measure with its funding plan, the 2023 leadership workshop, its dot round and a dot.
 * Typed by the contract, and `server/openapi-completeness.test.ts` parses each with its zod schema,
 * so an example cannot drift from the API.
 */
export const MEASURE_EXAMPLE: MeasureDetail = {
  "id": "9e73e74a-73cc-481e-a20c-a6166cffad03",
  "number": 1,
  "title": "Umgestaltung des Marktplatzes",
  "need": "Der Marktplatz ist fast vollständig versiegelt, dient überwiegend als Parkplatz und bietet an heißen Tagen kaum Schatten. Wochenmarkt und Stadtfeste finden zwischen parkenden Autos statt.",
  "goal": "Ein weitgehend autofreier, schattiger und barrierefreier Marktplatz, der das ganze Jahr über zum Verweilen einlädt.",
  "description": "Neuordnung der Platzfläche mit zwölf großkronigen Bäumen, Wasserspiel und Sitzstufen; Verlagerung der Stellplätze in die Parkpalette am Schlossgraben. Vorgeschaltet wird ein freiraumplanerischer Wettbewerb mit Bürgerbeteiligung.",
  "districtIds": [
    "89240586-3db9-418c-a684-48f049b08e31"
  ],
  "leadDepartmentId": "e531ef8f-06eb-41cf-abe6-a50fb5a63e2b",
  "partnerDepartmentIds": [
    "52e745dc-bb32-4ac3-8166-c84cd03fe5b9",
    "b0c52462-ab08-4fff-a29d-4a0889ab72d9",
    "d31888d3-1719-447d-a839-a8579f404510"
  ],
  "externalActors": "Gewerbeverein Altstadt, Marktbeschicker, Stadtwerke Musterstadt, Landesamt für Denkmalpflege",
  "targetGroups": "Bewohnerinnen und Bewohner, Marktbesucher, Gastronomie und Handel, Gäste der Stadt",
  "costCents": 480000000,
  "horizon": "medium",
  "plannedStart": "2027-01-01",
  "plannedEnd": "2030-12-31",
  "status": "prioritised",
  "goalIds": [
    "8cc16a32-74b8-48da-8da9-1e2f942125ca",
    "807ed576-c73a-4a52-b439-bec8877cb97e",
    "6db7631a-772e-499d-a821-579731fb0b60"
  ],
  "actionFieldIds": [
    "bb7d6e84-7037-4405-afc6-faa6ab048197",
    "727df9df-272e-4eb6-aa7f-90b202013b17"
  ],
  "dimensionIds": [
    "eca9ca33-4261-46f6-adc4-3c7c012655bd",
    "0528ec93-dca5-4462-80e7-52e5bb126131",
    "ef07f88a-ef77-4284-8745-2289ef5a5d24"
  ],
  "origin": "Führungskräfteworkshop 22./23.06.2023, Gruppe Altstadt",
  "tags": [
    "Innenstadt",
    "Aufenthaltsqualität",
    "Barrierefreiheit",
    "Entsiegelung"
  ],
  "originWorkshopId": "03a92300-f251-477b-8870-9a8adacacd7e",
  "originGroupId": "a9d7af8f-6f05-4d2d-ae61-dd9889c6cd16",
  "dots": 9,
  "dotRank": 1,
  "priority": "A",
  "createdAt": "2026-03-02T08:15:00.000Z",
  "updatedAt": "2026-10-14T11:40:12.000Z",
  "version": 2,
  "attachments": []
};

export const FUNDING_PLAN_EXAMPLE: FundingPlan = {
  "measureId": "9e73e74a-73cc-481e-a20c-a6166cffad03",
  "costCents": 480000000,
  "sources": [
    {
      "id": "321b175b-3826-460d-bee9-13bbd3003952",
      "kind": "programme",
      "programmeId": "41fd3943-536c-431a-a5a8-72201776b50a",
      "label": "",
      "status": "preparing",
      "applicationDeadline": "2026-12-28",
      "amounts": {
        "2027": 80004000,
        "2028": 80004000,
        "2029": 80004000,
        "2030": 80004000
      },
      "note": ""
    },
    {
      "id": "87f34651-2c85-4a16-b81a-de9c8e4b97af",
      "kind": "municipal_budget",
      "programmeId": null,
      "label": "Haushalt 2027 ff., Eigenanteil",
      "status": "idea",
      "applicationDeadline": null,
      "amounts": {
        "2027": 39996000,
        "2028": 39996000,
        "2029": 39996000,
        "2030": 39996000
      },
      "note": ""
    }
  ],
  "problems": [],
  "totals": {
    "byLevel": {
      "eu": 0,
      "federal": 320016000,
      "state": 0,
      "municipality": 159984000,
      "third_party": 0
    },
    "fundedCents": 320016000,
    "ownShareCents": 159984000,
    "gapCents": 0
  },
  "version": 1
};

export const WORKSHOP_EXAMPLE: Workshop = {
  "id": "03a92300-f251-477b-8870-9a8adacacd7e",
  "title": "Führungskräfteworkshop ISEK",
  "kind": "leadership",
  "startsOn": "2023-06-22",
  "endsOn": "2023-06-23",
  "place": "Ratssaal, Rathaus Musterstadt",
  "onlineUrl": "",
  "facilitators": "Dr. Karin Vogt (Amt für Stadtentwicklung und Stadtplanung), Büro StadtRaum",
  "agenda": "Tag 1: Leitbild und Ziele, Arbeit in Gruppen nach Stadtteilen, Projektsteckbriefe.\nTag 2: Vorstellung der Steckbriefe, Punktabfrage (je 3 Punkte), nächste Schritte.",
  "status": "done",
  "admission": "open",
  "joinCode": "YG7-UJW",
  "groups": [
    {
      "id": "a9d7af8f-6f05-4d2d-ae61-dd9889c6cd16",
      "name": "Gruppe Altstadt",
      "districtId": "89240586-3db9-418c-a684-48f049b08e31",
      "position": 0
    },
    {
      "id": "c635806d-e56e-4178-94bf-ed0dd3b43d2f",
      "name": "Gruppe Neustadt",
      "districtId": "11c36121-299f-4bf4-851e-e460c0fa557e",
      "position": 1
    }
  ],
  "participantCount": 21,
  "createdAt": "2023-05-10T07:30:00.000Z",
  "version": 2
};

export const ROUND_EXAMPLE: Round = {
  "id": "c848f4d0-9e33-4ccd-8e7e-d63120d808bb",
  "workshopId": "03a92300-f251-477b-8870-9a8adacacd7e",
  "title": "Punktabfrage: Welche Maßnahmen zuerst? (je 3 Punkte)",
  "subject": "measures",
  "rules": {
    "dotsPerParticipant": 3,
    "allowCumulation": false,
    "maxDotsPerItem": 1,
    "anonymous": true,
    "resultsVisibility": "live",
    "timerSeconds": null,
    "topN": 8
  },
  "status": "closed",
  "openedAt": "2023-06-23T09:10:00.000Z",
  "closesAt": null,
  "closedAt": "2023-06-23T09:25:00.000Z",
  "parentRoundId": null,
  "decision": null,
  "decisionHistory": [],
  "items": [
    {
      "id": "2a11b1ff-60d8-4afd-abfa-b7d9b880ee31",
      "label": "Nr. 1: Umgestaltung des Marktplatzes",
      "refId": "9e73e74a-73cc-481e-a20c-a6166cffad03",
      "position": 0
    },
    {
      "id": "ae65851d-7585-4d48-a39d-3dcc224e2120",
      "label": "Nr. 2: Sanierung des Ständehauses",
      "refId": "06e0a724-3d0c-441f-9186-93e214157a2c",
      "position": 1
    },
    {
      "id": "0728c97b-243b-4344-9627-e7f18144c336",
      "label": "Nr. 3: Leerstandsmanagement und Zwischennutzung von Ladenlokalen",
      "refId": "79651f69-4029-4232-8ca7-0ed49c608482",
      "position": 2
    }
  ],
  "version": 3
};

export const DOT_EXAMPLE: z.input<typeof PlaceDotBody> = {
  "itemId": "2a11b1ff-60d8-4afd-abfa-b7d9b880ee31",
  "dotId": "5b0d7c3e-2f1a-4e8b-9c6d-7a8b9c0d1e2f"
};

/** Where each example goes: the JSON response (by status) or the request body of an operation. */
export const EXAMPLES: { op: string; at: 'request' | number; example: unknown }[] = [
  ...['GET /measures/{id}', 'PATCH /measures/{id}'].map((op) => ({ op, at: 200, example: MEASURE_EXAMPLE })),
  { op: 'POST /measures', at: 201, example: MEASURE_EXAMPLE },
  ...['GET /measures/{id}/funding-plan', 'PUT /measures/{id}/funding-plan'].map((op) => ({ op, at: 200, example: FUNDING_PLAN_EXAMPLE })),
  ...['GET /workshops/{id}', 'PATCH /workshops/{id}'].map((op) => ({ op, at: 200, example: WORKSHOP_EXAMPLE })),
  { op: 'POST /workshops', at: 201, example: WORKSHOP_EXAMPLE },
  ...['GET /rounds/{id}', 'PATCH /rounds/{id}', 'POST /rounds/{id}/open', 'POST /rounds/{id}/close'].map((op) => ({ op, at: 200, example: ROUND_EXAMPLE })),
  { op: 'POST /rounds/{id}/dots', at: 'request', example: DOT_EXAMPLE },
];
