import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './test/harness';
import type { App } from './app';
import { OPERATIONS } from './openapi-operations';
import { ApiToken } from '../contract/api-tokens';
import { MeasureDetail } from '../contract/measures';
import { FundingPlan } from '../contract/funding';
import { PlaceDotBody, Round, Workshop } from '../contract/workshops';
import { DOT_EXAMPLE, FUNDING_PLAN_EXAMPLE, MEASURE_EXAMPLE, ROUND_EXAMPLE, WORKSHOP_EXAMPLE } from './openapi-examples';

/* eslint-disable @typescript-eslint/no-explicit-any -- the OpenAPI document is plain JSON */
let app: App;
let close: () => Promise<void>;
let doc: any;
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  doc = app.swagger();
});
afterAll(() => close());

const operations = () =>
  Object.entries<any>(doc.paths).flatMap(([path, ops]) => Object.entries<any>(ops).map(([method, o]) => ({ key: `${method.toUpperCase()} ${path}`, o })));

/** Every property of every schema below `node`, named by where it sits. */
function undocumented(node: any, where: string, out: string[], seen = new Set<any>()) {
  if (!node || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  if (node.properties && typeof node.properties === 'object') {
    for (const [name, prop] of Object.entries<any>(node.properties)) {
      if (!prop?.description && !prop?.$ref) out.push(`${where}.${name}`);
    }
  }
  for (const [k, v] of Object.entries<any>(node)) undocumented(v, k === 'properties' ? where : `${where}`, out, seen);
}

describe('the OpenAPI document (issue 13: an API the town\'s IT can use)', () => {
  it('gives every operation a summary, a description and tags', () => {
    const missing = operations()
      .filter(({ o }) => !o.summary || !o.description || !o.tags?.length)
      .map(({ key, o }) => `${key}:${o.summary ? '' : ' summary'}${o.description ? '' : ' description'}${o.tags?.length ? '' : ' tags'}`);
    expect(missing).toEqual([]);
  });

  it('names who may call each operation and the error codes it can answer, with the shared error schema', () => {
    const missing: string[] = [];
    for (const { key, o } of operations()) {
      if (!/\*\*Berechtigt:\*\*/.test(o.description ?? '')) missing.push(`${key}: callers`);
      const codes: { status: number; code: string }[] = o['x-error-codes'] ?? [];
      if (!codes.length && key !== 'GET /health') missing.push(`${key}: x-error-codes`);
      for (const { status, code } of codes) {
        const r = o.responses?.[status];
        if (!r || !r.description.includes(`\`${code}\``) || r.content?.['application/json']?.schema?.$ref !== '#/components/schemas/Error') missing.push(`${key}: ${status} ${code}`);
      }
    }
    expect(missing).toEqual([]);
    expect(doc.components.schemas.Error.properties.error.properties.code).toBeDefined();
  });

  it('describes every field of every request and response schema and every parameter', () => {
    const missing: string[] = [];
    for (const { key, o } of operations()) {
      for (const p of o.parameters ?? []) if (!p.description) missing.push(`${key} ${p.in} ${p.name}`);
      undocumented(o.requestBody, `${key} body`, missing);
      undocumented(o.responses, `${key} response`, missing);
    }
    undocumented(doc.components, 'components', missing);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('shows the fields of multipart uploads (attachments, photos, imports)', () => {
    for (const key of [
      'post /measures/{id}/attachments',
      'post /join/{code}/briefs/{measureId}/photos',
      'post /measures/import/preview',
      'post /measures/import',
      'post /funding-programmes/import/preview',
      'post /funding-programmes/import',
    ]) {
      const [method, path] = key.split(' ');
      const schema = doc.paths[path][method].requestBody?.content?.['multipart/form-data']?.schema;
      expect([key, schema?.properties?.file?.format, schema?.required]).toEqual([key, 'binary', ['file']]);
    }
    expect(Object.keys(doc.paths['/measures/import'].post.requestBody.content['multipart/form-data'].schema.properties)).toEqual(
      expect.arrayContaining(['file', 'mapping', 'resolutions', 'encoding', 'separator']),
    );
  });

  it('has examples for the main objects, and each example is valid for its schema', () => {
    const json = JSON.stringify(doc);
    for (const path of ['/measures/{id}', '/workshops/{id}', '/rounds/{id}', '/measures/{id}/funding-plan']) {
      const schema = doc.paths[path].get.responses[200].content['application/json'].schema;
      expect([path, schema.example !== undefined]).toEqual([path, true]);
    }
    expect(doc.paths['/rounds/{id}/dots'].post.requestBody.content['application/json'].schema.example).toBeDefined();
    expect(ApiToken.parse(doc.paths['/tokens'].get.responses[200].content['application/json'].schema.items.example)).toBeTruthy();
    expect(json).toContain('"example"');
    expect(MeasureDetail.parse(MEASURE_EXAMPLE)).toEqual(MEASURE_EXAMPLE);
    expect(FundingPlan.parse(FUNDING_PLAN_EXAMPLE)).toEqual(FUNDING_PLAN_EXAMPLE);
    expect(Workshop.parse(WORKSHOP_EXAMPLE)).toEqual(WORKSHOP_EXAMPLE);
    expect(Round.parse(ROUND_EXAMPLE)).toEqual(ROUND_EXAMPLE);
    expect(PlaceDotBody.parse(DOT_EXAMPLE)).toEqual(DOT_EXAMPLE);
  });

  it('has no texts for operations that do not exist (a renamed route would lose its documentation)', () => {
    const keys = new Set(operations().map((x) => x.key));
    expect(Object.keys(OPERATIONS).filter((k) => !keys.has(k) && k !== 'POST /csp-report')).toEqual([]);
  });
});
