/**
 * The send state every workspace form keeps — busy, errors beside fields, a failure line — as a Lit
 * controller, so each form states only what it checks and what it sends.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { refusalOf, type FieldErrors } from './field-errors';

/** Busy flag, field errors and failure line of one form; any change re-renders the form. */
export class FormSender implements ReactiveController {
  private state = { busy: false, errors: {} as FieldErrors, failure: '' };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Whether a send is under way (the submit button is disabled meanwhile). */
  get busy(): boolean { return this.state.busy; }
  /** Field path → the message shown beside that field. */
  get errors(): FieldErrors { return this.state.errors; }
  set errors(errors: FieldErrors) { this.set({ errors }); }
  /** The line shown above the form when the server refused. */
  get failure(): string { return this.state.failure; }
  set failure(failure: string) { this.set({ failure }); }

  /** Runs `action` while busy; a refusal shows the server's field errors and its message. Returns success. */
  async send(action: () => Promise<void>): Promise<boolean> {
    this.set({ busy: true, failure: '' });
    try {
      await action();
      return true;
    } catch (err) {
      const refusal = refusalOf(err);
      this.set({ errors: refusal.errors ?? this.state.errors, failure: refusal.failure });
      return false;
    } finally {
      this.set({ busy: false });
    }
  }

  private set(patch: Partial<FormSender['state']>): void {
    this.state = { ...this.state, ...patch };
    this.host.requestUpdate();
  }
}
