import type { ApiError } from '../../common/ipc/api-error';

/** A failure the service itself reports (something not found, a course not unlocked), already an ApiError. */
export class ServiceError extends Error {
  constructor(readonly apiError: ApiError) {
    super(`service: ${apiError.code}`);
    this.name = 'ServiceError';
  }
}
