import { z } from 'zod';
import type { App } from '../../app';
import { CellBody, CellParams, CellResult, DepartmentLoad, LoadQuery, Matrix, MatrixQuery } from '../../../contract/responsibility';
import { ALL_ROLES, EDITORS, requireRole } from '../../plugins/actor';
import { getLoad, getMatrix, setCell } from './responsibility.service';

export async function responsibilityRoutes(app: App) {
  const tags = ['responsibility'];
  app.get('/responsibility', { schema: { tags, querystring: MatrixQuery, response: { 200: Matrix } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return getMatrix(app.db, actor.municipalityId, req.query);
  });
  app.get('/responsibility/load', { schema: { tags, querystring: LoadQuery, response: { 200: z.array(DepartmentLoad) } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return getLoad(app.db, actor.municipalityId, req.query);
  });
  app.put('/measures/:id/responsibility/:departmentId', { schema: { tags, params: CellParams, body: CellBody, response: { 200: CellResult } } }, async (req) => {
    const actor = requireRole(req, ...EDITORS, 'department');
    return setCell(app.db, actor, req.params.id, req.params.departmentId, req.body.role, req.body.version);
  });
}
