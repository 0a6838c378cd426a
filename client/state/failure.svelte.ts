import { errorMessage } from '../lib/errors.ts';

/** What went wrong with the last thing a page tried, shown instead of thrown. */
export class Failure {
  message = $state('');

  /** `word` turns what was caught into the message; a page with refusals of its own passes its wording. */
  constructor(private readonly word: (caught: unknown) => string = errorMessage) {}

  /** Runs an action; on failure keeps its message and answers false. */
  attempt = async (action: () => Promise<unknown>): Promise<boolean> => {
    this.message = '';
    try {
      await action();
      return true;
    } catch (caught) {
      this.message = this.word(caught);
      return false;
    }
  };

  /** For promise chains: `.catch(failure.show)`. */
  show = (caught: unknown): void => {
    this.message = this.word(caught);
  };
}
