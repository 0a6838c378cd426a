/**
 * Whether this tab is older than the server it talks to. App-wide rather than per page: any of the
 * tab's sockets can learn it, and every page shows the same notice.
 */
class UpdateNotice {
  shown = $state(false);
  show = (): void => {
    this.shown = true;
  };
}

export const updateNotice = new UpdateNotice();
