import { z } from 'zod';
import type { App } from '../../app';
import { IdParams } from '../../../contract/common';
import { CloseCycleInput, CycleDetail, MyReports, OpenCycleInput, RemindParams, RemindResult, ReportingCycle } from '../../../contract/cycles';
import { ALL_ROLES, requireRole } from '../../plugins/actor';
import { closeCycle, cycleDetail, listCycles, myReports, openCycle, remindDepartment } from './cycles.service';

/** Reporting cycles (issue 15, part 4): coordinators and admins run them; lead departments report in them. */
export async function cyclesRoutes(app: App) {
  const tags = ['monitoring'];
  app.get('/reporting-cycles', { schema: { tags, response: { 200: z.array(ReportingCycle) } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return listCycles(app.db, actor.municipalityId);
  });
  app.post('/reporting-cycles', { schema: { tags, body: OpenCycleInput, response: { 201: CycleDetail } } }, async (req, reply) => {
    const actor = requireRole(req, 'admin', 'coordinator');
    const cycle = await openCycle(app.db, actor, req.body);
    reply.code(201);
    return cycle;
  });
  app.get('/reporting-cycles/:id', { schema: { tags, params: IdParams, response: { 200: CycleDetail } } }, async (req) => {
    const actor = requireRole(req, 'admin', 'coordinator');
    return cycleDetail(app.db, actor.municipalityId, req.params.id);
  });
  app.get('/reporting-cycles/:id/my-reports', { schema: { tags, params: IdParams, response: { 200: MyReports } } }, async (req) => {
    const actor = requireRole(req, 'admin', 'coordinator', 'department');
    return myReports(app.db, actor, req.params.id);
  });
  app.post('/reporting-cycles/:id/departments/:departmentId/remind', { schema: { tags, params: RemindParams, response: { 200: RemindResult } } }, async (req) => {
    const actor = requireRole(req, 'admin', 'coordinator');
    return remindDepartment(app.db, actor, req.params.id, req.params.departmentId);
  });
  app.post('/reporting-cycles/:id/close', { schema: { tags, params: IdParams, body: CloseCycleInput, response: { 200: CycleDetail } } }, async (req) => {
    const actor = requireRole(req, 'admin', 'coordinator');
    return closeCycle(app.db, actor, req.params.id, req.body.version);
  });
}
