/**
 * The name and one-line summary of every API operation, keyed by "METHOD /path" as the document
 * writes it. Kept in one table so a generated client's method names never change by accident;
 * a route missing here fails the OpenAPI test, so new routes get a name when they land.
 * `auth` says how the caller proves who they are when it is not the session cookie.
 */
export interface OperationDoc {
  id: string;
  summary: string;
  auth?: 'none' | 'optional-session' | 'bearer' | 'calendar-token';
}

export const OPERATIONS: Record<string, OperationDoc> = {
  'GET /api/health': { id: 'health.get', summary: 'Whether the server and its database answer', auth: 'none' },

  'GET /api/auth/csrf': { id: 'auth.csrf', summary: 'A CSRF token for cookie-authenticated writes', auth: 'none' },
  'GET /api/setup': { id: 'setup.status', summary: 'Whether the first account still has to be created', auth: 'none' },
  'POST /api/setup': { id: 'setup.create', summary: 'Create the first account (the administrator)', auth: 'none' },
  'POST /api/auth/login': { id: 'auth.login', summary: 'Sign in with email and password', auth: 'none' },
  'POST /api/auth/logout': { id: 'auth.logout', summary: 'Sign out of this session' },
  'GET /api/auth/me': { id: 'auth.me', summary: 'The signed-in user and their teams' },
  'POST /api/auth/password': { id: 'auth.password.change', summary: 'Change the signed-in user’s password' },

  'GET /api/me/overview': {
    id: 'me.overview',
    summary: 'The caller’s next reviews, open actions and pulse rounds waiting for an answer',
  },

  'GET /api/units': {
    id: 'units.list',
    summary: 'The units the caller may see (all for the admin), with teams and leads',
  },
  'POST /api/units': { id: 'units.create', summary: 'Create a unit in the organisation tree' },
  'PATCH /api/units/{unit}': { id: 'units.update', summary: 'Rename a unit or move it below another' },
  'DELETE /api/units/{unit}': { id: 'units.delete', summary: 'Delete a unit that has no units below it' },
  'PUT /api/units/{unit}/teams/{team}': { id: 'units.teams.place', summary: 'Place a team in a unit' },
  'DELETE /api/units/{unit}/teams/{team}': { id: 'units.teams.release', summary: 'Take a team out of a unit' },
  'POST /api/units/{unit}/leads': { id: 'units.leads.add', summary: 'Make someone a lead of a unit' },
  'DELETE /api/units/{unit}/leads/{userId}': { id: 'units.leads.remove', summary: 'Remove a unit lead' },
  'GET /api/units/{unit}/dashboard': {
    id: 'units.dashboard',
    summary: 'The rhythm and the actions of every team in a unit and below it',
  },
  'GET /api/units/{unit}/dashboard/export': { id: 'units.dashboard.export', summary: 'One dashboard table as CSV' },
  'GET /api/units/{unit}/teams/{team}/summaries': {
    id: 'units.teams.summaries',
    summary: 'A team’s held reviews and their summaries, read by a leader above it',
  },
  'GET /api/units/{unit}/teams/{team}/actions': {
    id: 'units.teams.actions',
    summary: 'A team’s improvement actions, read by a leader above it',
  },
  'GET /api/units/{unit}/teams/{team}/kpis': {
    id: 'units.teams.kpis',
    summary: 'A team’s customer KPI, read by a leader above it',
  },

  'GET /api/teams': { id: 'teams.list', summary: 'Teams the caller can see, with their role' },
  'POST /api/teams': { id: 'teams.create', summary: 'Create a team' },
  'GET /api/teams/{team}': { id: 'teams.get', summary: 'A team with its members' },
  'PATCH /api/teams/{team}': { id: 'teams.update', summary: 'Rename a team or change its settings' },
  'POST /api/teams/{team}/members': { id: 'teams.members.add', summary: 'Add an existing user to a team' },
  'PUT /api/teams/{team}/members/{userId}': { id: 'teams.members.setRole', summary: 'Change a member’s role' },
  'DELETE /api/teams/{team}/members/{userId}': { id: 'teams.members.remove', summary: 'Remove a member from a team' },

  'POST /api/teams/{team}/invites': { id: 'teams.invites.create', summary: 'Invite someone to a team by email' },
  'POST /api/teams/{team}/invites/email': {
    id: 'teams.invites.email',
    summary: 'Send an invitation link by e-mail, in the team’s language',
  },
  'GET /api/teams/{team}/invites': { id: 'teams.invites.list', summary: 'Open invitations of a team' },
  'DELETE /api/teams/{team}/invites/{id}': { id: 'teams.invites.revoke', summary: 'Revoke an invitation' },
  'GET /api/invites/{token}': { id: 'invites.get', summary: 'What an invitation link is for', auth: 'none' },
  'POST /api/invites/{token}/accept': {
    id: 'invites.accept',
    summary: 'Accept an invitation, signed in or as a new account',
    auth: 'optional-session',
  },

  'GET /api/actions': { id: 'actions.list', summary: 'Improvement actions across the caller’s teams' },
  'GET /api/actions/reminders': {
    id: 'actions.reminders',
    summary: 'The caller’s own actions that are due soon or overdue',
  },
  'GET /api/actions/export': { id: 'actions.export', summary: 'Export actions as CSV or Markdown' },
  'POST /api/teams/{team}/actions': { id: 'teams.actions.create', summary: 'Create an improvement action' },
  'GET /api/teams/{team}/actions/follow-up': {
    id: 'teams.actions.followUp',
    summary: 'Actions to follow up at the next meeting',
  },
  'GET /api/teams/{team}/actions/{id}': { id: 'teams.actions.get', summary: 'An action with its history' },
  'PATCH /api/teams/{team}/actions/{id}': {
    id: 'teams.actions.update',
    summary: 'Change an action’s title, owner or due date',
  },
  'DELETE /api/teams/{team}/actions/{id}': { id: 'teams.actions.delete', summary: 'Delete an action' },
  'POST /api/teams/{team}/actions/{id}/status': {
    id: 'teams.actions.setStatus',
    summary: 'Move an action to another status',
  },
  'POST /api/teams/{team}/actions/{id}/notes': {
    id: 'teams.actions.addNote',
    summary: 'Add a note to an action’s history',
  },
  'GET /api/teams/{team}/actions/{id}/effect': {
    id: 'teams.actions.effect',
    summary: 'The KPI before and after an action',
  },
  'GET /api/teams/{team}/webhooks': { id: 'teams.webhooks.list', summary: 'Outgoing webhooks of a team' },
  'POST /api/teams/{team}/webhooks': { id: 'teams.webhooks.create', summary: 'Add an outgoing webhook' },
  'DELETE /api/teams/{team}/webhooks/{id}': { id: 'teams.webhooks.delete', summary: 'Remove an outgoing webhook' },

  'POST /api/teams/{team}/imports/uploads': {
    id: 'teams.imports.upload',
    summary: 'Upload a feedback file and preview it',
  },
  'POST /api/teams/{team}/imports/uploads/{uploadId}/preview': {
    id: 'teams.imports.preview',
    summary: 'Preview an uploaded file with another mapping',
  },
  'POST /api/teams/{team}/imports': { id: 'teams.imports.create', summary: 'Import an uploaded file' },
  'GET /api/teams/{team}/imports': { id: 'teams.imports.list', summary: 'Past imports of a team' },
  'GET /api/teams/{team}/imports/mappings': {
    id: 'teams.imports.mappings.list',
    summary: 'Saved column mappings and presets',
  },
  'PUT /api/teams/{team}/imports/mappings/{name}': {
    id: 'teams.imports.mappings.save',
    summary: 'Save a column mapping under a name',
  },
  'DELETE /api/teams/{team}/imports/{id}': {
    id: 'teams.imports.delete',
    summary: 'Undo an import and delete its feedback',
  },
  'GET /api/teams/{team}/imports/{id}/errors.csv': {
    id: 'teams.imports.errors',
    summary: 'The rejected rows of an import, as CSV',
  },

  'POST /api/teams/{team}/feedback': {
    id: 'teams.feedback.ingest',
    summary: 'Send feedback from a survey tool (team API token)',
    auth: 'bearer',
  },
  'GET /api/teams/{team}/feedback': { id: 'teams.feedback.list', summary: 'Search and page through a team’s feedback' },
  'GET /api/teams/{team}/feedback/facets': {
    id: 'teams.feedback.facets',
    summary: 'Channels, tags and languages to filter feedback by',
  },
  'POST /api/teams/{team}/feedback/{id}/tags': { id: 'teams.feedback.tags.add', summary: 'Tag a feedback item' },
  'DELETE /api/teams/{team}/feedback/{id}/tags/{tag}': {
    id: 'teams.feedback.tags.remove',
    summary: 'Remove a tag from a feedback item',
  },
  'PUT /api/teams/{team}/feedback/{id}/flag': { id: 'teams.feedback.flag', summary: 'Flag or unflag a feedback item' },
  'POST /api/teams/{team}/feedback/erase': {
    id: 'teams.feedback.erase',
    summary: 'Erase a customer’s feedback everywhere',
  },
  'GET /api/teams/{team}/api-tokens': { id: 'teams.apiTokens.list', summary: 'Team API tokens for survey tools' },
  'POST /api/teams/{team}/api-tokens': { id: 'teams.apiTokens.create', summary: 'Create a team API token' },
  'DELETE /api/teams/{team}/api-tokens/{id}': { id: 'teams.apiTokens.revoke', summary: 'Revoke a team API token' },

  'GET /api/teams/{team}/kpis': { id: 'teams.kpis.get', summary: 'A team’s KPIs over a period' },
  'GET /api/teams/{team}/kpis/monthly': { id: 'teams.kpis.monthly', summary: 'A team’s KPIs month by month' },

  'GET /api/teams/{team}/pulse/statements': {
    id: 'teams.pulse.statements.list',
    summary: 'Culture statements a team is asked about',
  },
  'POST /api/teams/{team}/pulse/statements': {
    id: 'teams.pulse.statements.create',
    summary: 'Add a team’s own culture statement',
  },
  'POST /api/pulse/statements': { id: 'pulse.statements.create', summary: 'Add a culture statement for every team' },
  'PATCH /api/pulse/statements/{id}': {
    id: 'pulse.statements.update',
    summary: 'Change or retire a culture statement',
  },
  'PUT /api/pulse/threshold': { id: 'pulse.threshold.set', summary: 'Set the fewest answers a result is shown for' },
  'GET /api/pulse/thresholds': {
    id: 'pulse.thresholds.get',
    summary: 'The anonymity thresholds for numbers and comments',
  },
  'PUT /api/pulse/comment-threshold': {
    id: 'pulse.commentThreshold.set',
    summary: 'Set the fewest answers comments are shown for',
  },
  'POST /api/pulse/rounds': { id: 'pulse.rounds.open', summary: 'Open a pulse round for several teams' },
  'GET /api/teams/{team}/pulse/rounds': { id: 'teams.pulse.rounds.list', summary: 'A team’s pulse rounds' },
  'POST /api/teams/{team}/pulse/rounds/{id}/answers': {
    id: 'teams.pulse.rounds.answer',
    summary: 'Answer an open pulse round anonymously',
  },
  'POST /api/teams/{team}/pulse/rounds/{id}/close': {
    id: 'teams.pulse.rounds.close',
    summary: 'Close an open pulse round',
  },
  'GET /api/teams/{team}/pulse/results': {
    id: 'teams.pulse.results',
    summary: 'Pulse results over rounds, above the thresholds',
  },

  'GET /api/teams/{team}/cadence': { id: 'teams.cadence.get', summary: 'A team’s meeting rhythm and agenda template' },
  'PUT /api/teams/{team}/cadence': { id: 'teams.cadence.set', summary: 'Set a team’s meeting rhythm' },
  'PUT /api/teams/{team}/agenda-template': { id: 'teams.agendaTemplate.set', summary: 'Set a team’s agenda template' },
  'POST /api/teams/{team}/cadence/exceptions': {
    id: 'teams.cadence.exceptions.add',
    summary: 'Skip or move one meeting of the rhythm',
  },
  'GET /api/teams/{team}/cadence/health': { id: 'teams.cadence.health', summary: 'How well a team keeps its rhythm' },
  'GET /api/cadence/health': { id: 'cadence.health', summary: 'Rhythm health of the teams the caller leads' },
  'GET /api/teams/{team}/meetings': { id: 'teams.meetings.list', summary: 'A team’s planned and held meetings' },
  'GET /api/teams/{team}/meetings/next': { id: 'teams.meetings.next', summary: 'A team’s next meeting' },
  'GET /api/teams/{team}/meetings/archive': {
    id: 'teams.meetings.archive',
    summary: 'A team’s held reviews with attendance, themes and decisions',
  },
  'GET /api/teams/{team}/meetings/{id}/frame': {
    id: 'teams.meetings.frame',
    summary: 'What the live board’s frame shows: team, date, card count and next review',
  },
  'GET /api/teams/{team}/meetings/{id}/calendar.ics': {
    id: 'teams.meetings.calendar',
    summary: 'One meeting as an iCalendar file',
  },
  'POST /api/teams/{team}/calendar-token': {
    id: 'teams.calendarFeed.create',
    summary: 'Make a new secret calendar feed address',
  },
  'DELETE /api/teams/{team}/calendar-token': { id: 'teams.calendarFeed.revoke', summary: 'Turn the calendar feed off' },
  'GET /api/teams/{team}/calendar.ics': {
    id: 'teams.calendarFeed.get',
    summary: 'The team’s meetings as a calendar feed',
    auth: 'calendar-token',
  },
  'GET /api/teams/{team}/meetings/{id}/board': {
    id: 'teams.meetings.board',
    summary: 'The feedback cards prepared for a meeting',
  },
  'POST /api/teams/{team}/meetings/{id}/propose': {
    id: 'teams.meetings.propose',
    summary: 'Propose feedback cards for a meeting',
  },
  'PUT /api/teams/{team}/meetings/{id}/cards/{feedbackId}': {
    id: 'teams.meetings.cards.pick',
    summary: 'Pick or drop a feedback card for a meeting',
  },
  'GET /api/teams/{team}/reminders': {
    id: 'teams.reminders',
    summary: 'What a team should prepare for its next meeting',
  },

  'GET /api/teams/{team}/meetings/{id}/summary': { id: 'teams.meetings.summary', summary: 'What a meeting decided' },
  'GET /api/teams/{team}/themes': { id: 'teams.themes', summary: 'Themes a team has used on its boards' },
  'GET /api/teams/{team}/themes/monthly': {
    id: 'teams.themes.monthly',
    summary: 'Mentions per theme per month with new, rising and falling flags',
  },
  'GET /api/teams/{team}/meetings/{id}/guest-links': {
    id: 'teams.meetings.guestLinks.list',
    summary: 'Guest links of a meeting',
  },
  'POST /api/teams/{team}/meetings/{id}/guest-links': {
    id: 'teams.meetings.guestLinks.create',
    summary: 'Make a guest link for a meeting',
  },
  'DELETE /api/teams/{team}/meetings/{id}/guest-links/{link}': {
    id: 'teams.meetings.guestLinks.revoke',
    summary: 'Revoke a guest link',
  },
  'POST /api/join/{token}': { id: 'join', summary: 'Join a meeting as a guest through a link', auth: 'none' },
};

/** Responses that are not JSON, by operation: the media type of the success body. */
export const MEDIA_TYPES: Record<string, string[]> = {
  'GET /api/actions/export': ['text/csv', 'text/markdown'],
  'GET /api/units/{unit}/dashboard/export': ['text/csv'],
  'GET /api/teams/{team}/imports/{id}/errors.csv': ['text/csv'],
  'GET /api/teams/{team}/meetings/{id}/calendar.ics': ['text/calendar'],
  'GET /api/teams/{team}/calendar.ics': ['text/calendar'],
};
