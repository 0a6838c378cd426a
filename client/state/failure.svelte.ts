import { errorMessage } from '../lib/errors.ts';

/** What went wrong with the last thing a page tried, shown instead of thrown. */
export class Failure {
  message = $state('');

  /** Runs an action; on failure keeps its message and answers false. */
  attempt = async (action: () => Promise<unknown>): Promise<boolean> => {
    this.message = '';
    try {
      await action();
      return true;
    } catch (caught) {
      this.message = errorMessage(caught);
      return false;
    }
  };

  /** For promise chains: `.catch(failure.show)`. */
  show = (caught: unknown): void => {
    this.message = errorMessage(caught);
  };
}
