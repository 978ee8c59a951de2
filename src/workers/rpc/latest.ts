/**
 * "Latest request wins" for the stores: a ticket's outcome and its events are applied only while
 * it is still the request a store slot is waiting for (its `requestId`). A superseded or
 * cancelled request can therefore never change what the user sees.
 */
import type { Ticket } from './client';
import { asFailure, type WorkerFailure } from './failure';

/** `fn`, run only while `id()` is the slot's current request. */
export function whileCurrent<A extends unknown[]>(current: () => number | null, id: () => number, fn: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    if (current() === id()) fn(...args);
  };
}

/** Applies the ticket's result (`done`) or failure (`failed`) only while it is the slot's current request. */
export function follow<T>(ticket: Ticket<T>, current: () => number | null, done: (r: T) => void, failed: (f: WorkerFailure) => void): void {
  ticket.result.then(
    (r) => {
      if (current() === ticket.id) done(r);
    },
    (e: unknown) => {
      if (current() === ticket.id) failed(asFailure(e));
    },
  );
}
