import type { App } from '../../app';
import { IdParams, VersionQuery } from '../../../contract/common';
import { Dependency, DependencyBody, DependencyParams, MeasureRoadmap, Milestone, MilestoneInput, MilestoneUpdate, Roadmap, RoadmapExportQuery, RoadmapQuery } from '../../../contract/roadmap';
import { ALL_ROLES, EDITORS, requireRole } from '../../plugins/actor';
import { contentDisposition } from '../../http';
import { getMunicipality } from '../concept/concept.service';
import { addDependency, removeDependency } from './dependencies.service';
import { createMilestone, deleteMilestone, updateMilestone } from './milestones.service';
import { measureRoadmap, roadmapAll, roadmapPage } from './roadmap.service';
import { roadmapPdf } from './roadmap-pdf';

const PLANNERS = [...EDITORS, 'department' as const];

export async function roadmapRoutes(app: App) {
  const tags = ['roadmap'];
  app.get('/roadmap', { schema: { tags, querystring: RoadmapQuery, response: { 200: Roadmap } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return roadmapPage(app.db, actor.municipalityId, req.query);
  });
  app.get('/roadmap/export.pdf', { schema: { tags, querystring: RoadmapExportQuery } }, async (req, reply) => {
    const actor = requireRole(req, ...ALL_ROLES);
    const [r, m, names] = await Promise.all([
      roadmapAll(app.db, actor.municipalityId, req.query),
      getMunicipality(app.db, actor.municipalityId),
      app.db.query<{ id: string; name: string }>(
        `SELECT id, name FROM district WHERE municipality_id = $1 UNION ALL SELECT id, name FROM action_field WHERE municipality_id = $1
         UNION ALL SELECT id, name FROM department WHERE municipality_id = $1`,
        [actor.municipalityId],
      ),
    ]);
    const byId = new Map(names.map((n) => [n.id, n.name]));
    const filters = Object.entries(req.query).filter(([k, v]) => k !== 'group' && v != null && !(Array.isArray(v) && v.length === 0));
    const pdf = await roadmapPdf(r, {
      municipalityName: m.name,
      generatedAt: new Date(),
      filterSummary: filters.length ? `${filters.length} Filter` : 'alle Maßnahmen',
      group: req.query.group,
      name: (id) => (id ? (byId.get(id) ?? '?') : 'ohne Zuordnung'),
    });
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', contentDisposition('attachment', `Fahrplan-${new Date().toISOString().slice(0, 10)}.pdf`))
      .header('cache-control', 'no-store')
      .send(pdf);
  });

  app.get('/measures/:id/roadmap', { schema: { tags, params: IdParams, response: { 200: MeasureRoadmap } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return measureRoadmap(app.db, actor.municipalityId, req.params.id);
  });
  app.post('/measures/:id/milestones', { schema: { tags, params: IdParams, body: MilestoneInput, response: { 201: Milestone } } }, async (req, reply) => {
    const actor = requireRole(req, ...PLANNERS);
    reply.code(201);
    return createMilestone(app.db, actor, req.params.id, req.body);
  });
  app.patch('/milestones/:id', { schema: { tags, params: IdParams, body: MilestoneUpdate, response: { 200: Milestone } } }, async (req) => {
    const actor = requireRole(req, ...PLANNERS);
    return updateMilestone(app.db, actor, req.params.id, req.body);
  });
  app.delete('/milestones/:id', { schema: { tags, params: IdParams, querystring: VersionQuery } }, async (req, reply) => {
    const actor = requireRole(req, ...PLANNERS);
    await deleteMilestone(app.db, actor, req.params.id, req.query.version);
    reply.code(204);
  });
  app.post('/measures/:id/dependencies', { schema: { tags, params: IdParams, body: DependencyBody, response: { 201: Dependency } } }, async (req, reply) => {
    const actor = requireRole(req, ...PLANNERS);
    reply.code(201);
    return addDependency(app.db, actor, req.params.id, req.body.dependsOnId);
  });
  app.delete('/measures/:id/dependencies/:dependsOnId', { schema: { tags, params: DependencyParams } }, async (req, reply) => {
    const actor = requireRole(req, ...PLANNERS);
    await removeDependency(app.db, actor, req.params.id, req.params.dependsOnId);
    reply.code(204);
  });
}
