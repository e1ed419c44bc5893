/**
 * The error a host service throws to control the code and problems a caller
 * sees (the dispatcher turns it into the call's error value). On its own so
 * that code run outside a dispatcher (the CLI, the background thread) does
 * not load the dispatcher and, through it, every method's argument schemas.
 */
import type { ApiErrorData } from '../../shared/api';

export class HostError extends Error {
  constructor(readonly data: ApiErrorData) {
    super(data.message);
    this.name = 'HostError';
  }
}
