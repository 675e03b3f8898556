import type { ApiError, ApiResult } from '../../../src/common/ipc/api-error';

/**
 * Awaits an API call and folds a rejected promise (the host went away, the IPC pipe broke) into the same
 * result shape, so every caller handles exactly one failure path and nothing is left hanging.
 */
export async function callApi<T>(call: () => Promise<ApiResult<T>>): Promise<ApiResult<T> | Unreachable> {
  try {
    return await call();
  } catch {
    return UNREACHABLE;
  }
}

/** A call that never got an answer: it threw or rejected instead of returning an ApiResult. */
export interface Unreachable {
  ok: false;
  error: 'unreachable';
}

const UNREACHABLE: Unreachable = { ok: false, error: 'unreachable' };

/** What went wrong in a call: a typed error from main, or no answer at all. */
export type CallFailure = ApiError | 'unreachable';
