// The ways a host call or a run can fail, kept apart because Faasm reports each differently
// (reference §2.1): a trap, a host error (Faasm's "Task … threw exception"), an exit, or a failure
// of the harness itself (the cluster unreachable), which is no outcome of the guest at all.

/** A guest passed a host call something invalid (a bad pointer or length); the message traps. */
export class HostCallTrap extends Error {
  constructor(message) {
    super(message);
    this.name = 'HostCallTrap';
  }
}

/** A host call refused the request the way Faasm's host throws, named after the call. */
export class HostError extends Error {
  constructor(call, message) {
    super(`${call}: ${message}`);
    this.name = 'HostError';
  }
}

/** A state request Faasm refuses; the calling import turns it into a HostError naming itself. */
export class StateError extends Error {
  constructor(message) {
    super(message);
    this.name = 'StateError';
  }
}

/** proc_exit: unwinds the guest with its exit code. */
export class GuestExit extends Error {
  constructor(code) {
    super(`exit code ${code}`);
    this.name = 'GuestExit';
    this.code = code;
  }
}

/** WAVM would refuse to bind the module (no constructors export, a failing zygote): no executor, rv 1. */
export class BindFailure extends Error {
  constructor(message) {
    super(message);
    this.name = 'BindFailure';
  }
}

/** A module that cannot be loaded (invalid bytes, an import of the wrong type). */
export class ModuleLoadError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ModuleLoadError';
  }
}

/** The harness could not do its part (the cluster down or failing): the spec is an ERROR, not a guest outcome. */
export class HarnessError extends Error {
  constructor(message) {
    super(message);
    this.name = 'HarnessError';
  }
}
