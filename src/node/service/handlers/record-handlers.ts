import type { AppInfo, HandoutPdfResult, SessionExportResult } from '../../../common/ipc/contract';
import { toCsv } from '../../../common/records/csv';
import { sessionRows } from '../../../common/records/session-export';
import type { ApiHandlers } from '../dispatcher';
import type { ServiceContext } from '../service-context';
import { ServiceError } from '../service-error';

/** Plans, notes, past sessions, handouts saved, settings and links: what the user keeps, and the app's facts. */
export function recordHandlers(
  context: ServiceContext,
): Pick<
  ApiHandlers,
  | 'app.info'
  | 'plans.list'
  | 'plans.save'
  | 'plans.remove'
  | 'notes.list'
  | 'notes.save'
  | 'sessions.list'
  | 'sessions.remove'
  | 'sessions.export'
  | 'handout.savePdf'
  | 'settings.update'
  | 'shell.openLink'
> {
  const { store, deps } = context;
  return {
    'app.info': async (): Promise<AppInfo> => ({
      version: deps.version,
      demo: deps.demo,
      canPickFiles: deps.pickFile !== undefined,
      audienceWindow: deps.audienceWindow ? 'native' : 'page',
    }),
    'plans.list': async ({ courseId }) => store.listPlans(courseId),
    'plans.save': async (plan) => {
      const saved = store.savePlan(plan);
      if (!saved) throw new ServiceError({ code: 'not-found', what: 'plan' });
      return saved;
    },
    'plans.remove': async ({ id }) => {
      if (!store.removePlan(id)) throw new ServiceError({ code: 'not-found', what: 'plan' });
      return null;
    },
    'notes.list': async ({ courseId }) => store.listNotes(courseId),
    'notes.save': async (note) => store.saveNote(note),
    'sessions.list': async ({ courseId }) => store.exportSessions(courseId).reverse(),
    'sessions.remove': async ({ id }) => {
      if (!context.runner.forget(id)) throw new ServiceError({ code: 'forbidden' });
      if (!store.removeSession(id)) throw new ServiceError({ code: 'not-found', what: 'session' });
      context.changed();
      return null;
    },
    'sessions.export': async ({ courseId, delimiter, summary }): Promise<SessionExportResult> => {
      const text = toCsv(sessionRows(store.exportSessions(courseId), { summary }), { delimiter });
      const day = new Date(context.now()).toISOString().slice(0, 10);
      const fileName = `plenum-${summary ? 'oppsummering' : 'okter'}-${courseId}-${day}.csv`;
      if (deps.saveFile === undefined) return { kind: 'download', fileName, text };
      return (await deps.saveFile(fileName, text)) ? { kind: 'saved' } : { kind: 'cancelled' };
    },
    'handout.savePdf': async ({ name }): Promise<HandoutPdfResult> => {
      if (deps.savePdf === undefined) return { kind: 'print' };
      return (await deps.savePdf(`${name}.pdf`)) ? { kind: 'saved' } : { kind: 'cancelled' };
    },
    'settings.update': async (partial) => {
      const settings = store.updateSettings(partial);
      context.changed();
      return settings;
    },
    'shell.openLink': async ({ url }) => {
      if (!deps.openExternal) throw new ServiceError({ code: 'forbidden' });
      await deps.openExternal(url);
      return null;
    },
  };
}
