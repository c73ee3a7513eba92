import type { App } from '../../app';
import { DepartmentHome, DepartmentHomeQuery, ProcessHome } from '../../../contract/home';
import { EDITORS, requireRole } from '../../plugins/actor';
import { departmentHome, processHome } from './home.service';

export async function homeRoutes(app: App) {
  const tags = ['home'];
  app.get('/home/department', {
    schema: {
      tags,
      summary: 'Startseite eines Amtes („Mein Amt“)',
      description:
        'Die Maßnahmen, die das Amt federführend leitet oder als Partner begleitet (mit Status), was überfällig ist (geplantes Ende oder Meilenstein vorbei, nicht erledigt) oder auf eine nicht abgeschlossene Maßnahme wartet, die offenen Bewertungen der angemeldeten Person, Antragsfristen der Maßnahmen (30 Tage zurück bis 180 Tage voraus) und die letzten Änderungen anderer an diesen Maßnahmen (höchstens 10). ' +
        'Fachbereich: nur das eigene Amt (`departmentId` weglassen oder das eigene; ein anderes: 403). Koordination und Administration: jedes Amt der Kommune über `departmentId` (ohne: das erste nach Name). Lesende: 403. Ein Amt einer anderen Kommune: 404.',
      querystring: DepartmentHomeQuery,
      response: { 200: DepartmentHome },
    },
  }, async (req) => {
    const actor = requireRole(req, 'admin', 'coordinator', 'department');
    return departmentHome(app.db, actor, req.query.departmentId);
  });

  app.get('/home/process', {
    schema: {
      tags,
      summary: 'Stand der Kommune im ISEK-Prozess',
      description:
        'Die Schritte Konzept → Workshop → Steckbriefe → Punktabfrage → Bewertung → Beschluss → Zuständigkeiten → Finanzierung → Umsetzung, je erledigt oder offen, die Zahlen dahinter und die eine nächste fällige Aktion mit dem Pfad der Seite, auf der sie erledigt wird (Regel: domain/next-step.ts). Koordination und Administration; andere Rollen: 403.',
      response: { 200: ProcessHome },
    },
  }, async (req) => {
    const actor = requireRole(req, ...EDITORS);
    return processHome(app.db, actor.municipalityId);
  });
}
