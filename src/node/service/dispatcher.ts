import type { ApiError, ApiResult } from '../../common/ipc/api-error';
import { API_CONTRACT, type ApiArgs, type ApiChannel, type ApiValue } from '../../common/ipc/contract';
import { CourseFileError } from '../course-file';
import { ServiceError } from './service-error';

/** One handler per channel, each taking the validated argument object. */
export type ApiHandlers = { [C in ApiChannel]: (args: ApiArgs<C>) => Promise<ApiValue<C>> };

/** Maps failures from lower layers to an ApiError; returns null for ones it does not know. */
export type ErrorMapper = (error: unknown) => ApiError | null;

/**
 * The one entry point for every call from a window, whichever way it came (Electron IPC or the loopback
 * host): the channel must exist, the arguments are validated against the contract (types vanish at the
 * boundary), and every failure becomes a typed ApiError. Unknown failures are logged here and cross as
 * 'internal', with no stack trace or path leaking to the window.
 */
export function createDispatcher(
  handlers: ApiHandlers,
  mapError: ErrorMapper = () => null,
): (channel: string, args: unknown) => Promise<ApiResult<unknown>> {
  return async (channel, args) => {
    if (!Object.hasOwn(API_CONTRACT, channel))
      return { ok: false, error: { code: 'unknown-channel', channel } };
    const name = channel as ApiChannel;
    const parsed = API_CONTRACT[name].args.safeParse(args ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'invalid-arguments',
          channel,
          issues: parsed.error.issues.map(
            (issue) => `${issue.path.join('.') || '(arguments)'}: ${issue.message}`,
          ),
        },
      };
    }
    try {
      const handler = handlers[name] as (value: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof ServiceError) return { ok: false, error: error.apiError };
      if (error instanceof CourseFileError)
        return { ok: false, error: { code: 'course-file', problem: error.problem } };
      const mapped = mapError(error);
      if (mapped) return { ok: false, error: mapped };
      console.error(`plenum: ${channel} failed`, error);
      return { ok: false, error: { code: 'internal' } };
    }
  };
}
