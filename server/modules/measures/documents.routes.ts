import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { App } from '../../app';
import { IdParams, Locale } from '../../../contract/common';
import { MeasureQuery } from '../../../contract/measures';
import { ALL_ROLES, requireRole } from '../../plugins/actor';
import { contentDisposition } from '../../http';
import { getConcept } from '../concept/concept.service';
import { getMeasure, listMeasuresFull } from './measures.service';
import { briefViewer } from './brief-view';
import { briefPdf } from './documents/brief-pdf';
import { briefDocx } from './documents/brief-docx';
import { measuresCsv, measuresXlsx } from './documents/list-export';

const LocaleQuery = z.object({ lang: Locale.default('de') });
const ExportQuery = MeasureQuery.omit({ page: true, pageSize: true }).extend({ lang: Locale.default('de') });

function download(reply: FastifyReply, type: string, filename: string, data: Buffer | string) {
  return reply
    .header('content-type', type)
    .header('content-disposition', contentDisposition('attachment', filename))
    .header('cache-control', 'no-store')
    .send(data);
}

const slug = (s: string) => s.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/-+/g, '-').slice(0, 60).replace(/^-|-$/g, '');
const today = () => new Date().toISOString().slice(0, 10);

export async function documentsRoutes(app: App) {
  const tags = ['documents'];

  app.get('/measures/export.xlsx', { schema: { tags, querystring: ExportQuery } }, async (req, reply) => {
    const actor = requireRole(req, ...ALL_ROLES);
    const { lang, ...q } = req.query;
    const [concept, measures] = await Promise.all([getConcept(app.db, actor.municipalityId), listMeasuresFull(app.db, actor.municipalityId, q)]);
    const rows = measures.map(briefViewer(concept, lang));
    const ctx = { municipalityName: concept.municipality.name, locale: lang, generatedAt: new Date(), filterSummary: filterSummary(q) };
    return download(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `Massnahmen-${today()}.xlsx`, await measuresXlsx(rows, ctx));
  });

  app.get('/measures/export.csv', { schema: { tags, querystring: ExportQuery } }, async (req, reply) => {
    const actor = requireRole(req, ...ALL_ROLES);
    const { lang, ...q } = req.query;
    const [concept, measures] = await Promise.all([getConcept(app.db, actor.municipalityId), listMeasuresFull(app.db, actor.municipalityId, q)]);
    const rows = measures.map(briefViewer(concept, lang));
    return download(reply, 'text/csv; charset=utf-8', `Massnahmen-${today()}.csv`, measuresCsv(rows, { municipalityName: concept.municipality.name, locale: lang, generatedAt: new Date() }));
  });

  app.get('/measures/:id/brief.pdf', { schema: { tags, params: IdParams, querystring: LocaleQuery } }, async (req, reply) => {
    const actor = requireRole(req, ...ALL_ROLES);
    const [concept, m] = await Promise.all([getConcept(app.db, actor.municipalityId), getMeasure(app.db, actor, req.params.id)]);
    const view = briefViewer(concept, req.query.lang)(m);
    const pdf = await briefPdf(view, { municipalityName: concept.municipality.name, locale: req.query.lang, generatedAt: new Date() });
    return download(reply, 'application/pdf', `Steckbrief-${m.number}-${slug(m.title)}.pdf`, pdf);
  });

  app.get('/measures/:id/brief.docx', { schema: { tags, params: IdParams, querystring: LocaleQuery } }, async (req, reply) => {
    const actor = requireRole(req, ...ALL_ROLES);
    const [concept, m] = await Promise.all([getConcept(app.db, actor.municipalityId), getMeasure(app.db, actor, req.params.id)]);
    const view = briefViewer(concept, req.query.lang)(m);
    const docx = await briefDocx(view, { municipalityName: concept.municipality.name, locale: req.query.lang, generatedAt: new Date() });
    return download(reply, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', `Steckbrief-${m.number}-${slug(m.title)}.docx`, docx);
  });
}

function filterSummary(q: Record<string, unknown>): string {
  const parts = Object.entries(q)
    .filter(([k, v]) => k !== 'sort' && v != null && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`);
  return parts.length ? parts.join('; ') : 'alle Maßnahmen';
}
