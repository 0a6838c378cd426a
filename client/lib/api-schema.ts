/**
 * The Kadence API's types, generated from the OpenAPI document the server produces
 * (`npm run gen:api`). Do not edit: change the route schemas and regenerate.
 */

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the server and its database answer */
        get: operations["health.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/csrf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A CSRF token for cookie-authenticated writes */
        get: operations["auth.csrf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the first account still has to be created */
        get: operations["setup.status"];
        put?: never;
        /** Create the first account (the administrator) */
        post: operations["setup.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password */
        post: operations["auth.login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out of this session */
        post: operations["auth.logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and their teams */
        get: operations["auth.me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the signed-in user’s password */
        post: operations["auth.password.change"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Teams the caller can see, with their role */
        get: operations["teams.list"];
        put?: never;
        /** Create a team */
        post: operations["teams.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team with its members */
        get: operations["teams.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a team or change its settings */
        patch: operations["teams.update"];
        trace?: never;
    };
    "/api/teams/{team}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an existing user to a team */
        post: operations["teams.members.add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a member’s role */
        put: operations["teams.members.setRole"];
        post?: never;
        /** Remove a member from a team */
        delete: operations["teams.members.remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open invitations of a team */
        get: operations["teams.invites.list"];
        put?: never;
        /** Invite someone to a team by email */
        post: operations["teams.invites.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/invites/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send an invitation link by e-mail, in the team’s language */
        post: operations["teams.invites.email"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/invites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an invitation */
        delete: operations["teams.invites.revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invites/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an invitation link is for */
        get: operations["invites.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invites/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation, signed in or as a new account */
        post: operations["invites.accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Improvement actions across the caller’s teams */
        get: operations["actions.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/actions/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller’s own actions that are due soon or overdue */
        get: operations["actions.reminders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/actions/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export actions as CSV or Markdown */
        get: operations["actions.export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an improvement action */
        post: operations["teams.actions.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/actions/follow-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Actions to follow up at the next meeting */
        get: operations["teams.actions.followUp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/actions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An action with its history */
        get: operations["teams.actions.get"];
        put?: never;
        post?: never;
        /** Delete an action */
        delete: operations["teams.actions.delete"];
        options?: never;
        head?: never;
        /** Change an action’s title, owner or due date */
        patch: operations["teams.actions.update"];
        trace?: never;
    };
    "/api/teams/{team}/actions/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an action to another status */
        post: operations["teams.actions.setStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/actions/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a note to an action’s history */
        post: operations["teams.actions.addNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/actions/{id}/effect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The KPI before and after an action */
        get: operations["teams.actions.effect"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outgoing webhooks of a team */
        get: operations["teams.webhooks.list"];
        put?: never;
        /** Add an outgoing webhook */
        post: operations["teams.webhooks.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an outgoing webhook */
        delete: operations["teams.webhooks.delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/imports/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a feedback file and preview it */
        post: operations["teams.imports.upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/imports/uploads/{uploadId}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Preview an uploaded file with another mapping */
        post: operations["teams.imports.preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Past imports of a team */
        get: operations["teams.imports.list"];
        put?: never;
        /** Import an uploaded file */
        post: operations["teams.imports.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/imports/mappings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Saved column mappings and presets */
        get: operations["teams.imports.mappings.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/imports/mappings/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save a column mapping under a name */
        put: operations["teams.imports.mappings.save"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Undo an import and delete its feedback */
        delete: operations["teams.imports.delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/imports/{id}/errors.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rejected rows of an import, as CSV */
        get: operations["teams.imports.errors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search and page through a team’s feedback */
        get: operations["teams.feedback.list"];
        put?: never;
        /** Send feedback from a survey tool (team API token) */
        post: operations["teams.feedback.ingest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/api-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Team API tokens for survey tools */
        get: operations["teams.apiTokens.list"];
        put?: never;
        /** Create a team API token */
        post: operations["teams.apiTokens.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/api-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a team API token */
        delete: operations["teams.apiTokens.revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/feedback/facets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Channels, tags and languages to filter feedback by */
        get: operations["teams.feedback.facets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/feedback/{id}/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tag a feedback item */
        post: operations["teams.feedback.tags.add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/feedback/{id}/tags/{tag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a tag from a feedback item */
        delete: operations["teams.feedback.tags.remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/feedback/{id}/flag": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Flag or unflag a feedback item */
        put: operations["teams.feedback.flag"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/feedback/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase a customer’s feedback everywhere */
        post: operations["teams.feedback.erase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team’s KPIs over a period */
        get: operations["teams.kpis.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/kpis/monthly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team’s KPIs month by month */
        get: operations["teams.kpis.monthly"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/themes/monthly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mentions per theme per month with new, rising and falling flags */
        get: operations["teams.themes.monthly"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/pulse/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Culture statements a team is asked about */
        get: operations["teams.pulse.statements.list"];
        put?: never;
        /** Add a team’s own culture statement */
        post: operations["teams.pulse.statements.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pulse/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a culture statement for every team */
        post: operations["pulse.statements.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pulse/statements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change or retire a culture statement */
        patch: operations["pulse.statements.update"];
        trace?: never;
    };
    "/api/pulse/threshold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the fewest answers a result is shown for */
        put: operations["pulse.threshold.set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pulse/thresholds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The anonymity thresholds for numbers and comments */
        get: operations["pulse.thresholds.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pulse/comment-threshold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the fewest answers comments are shown for */
        put: operations["pulse.commentThreshold.set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pulse/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a pulse round for several teams */
        post: operations["pulse.rounds.open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/pulse/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team’s pulse rounds */
        get: operations["teams.pulse.rounds.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/pulse/rounds/{id}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer an open pulse round anonymously */
        post: operations["teams.pulse.rounds.answer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/pulse/rounds/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close an open pulse round */
        post: operations["teams.pulse.rounds.close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/pulse/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pulse results over rounds, above the thresholds */
        get: operations["teams.pulse.results"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/cadence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team’s meeting rhythm and agenda template */
        get: operations["teams.cadence.get"];
        /** Set a team’s meeting rhythm */
        put: operations["teams.cadence.set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/agenda-template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a team’s agenda template */
        put: operations["teams.agendaTemplate.set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/cadence/exceptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Skip or move one meeting of the rhythm */
        post: operations["teams.cadence.exceptions.add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team’s planned and held meetings */
        get: operations["teams.meetings.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/meetings/{id}/calendar.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One meeting as an iCalendar file */
        get: operations["teams.meetings.calendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/calendar-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a new secret calendar feed address */
        post: operations["teams.calendarFeed.create"];
        /** Turn the calendar feed off */
        delete: operations["teams.calendarFeed.revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/calendar.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team’s meetings as a calendar feed */
        get: operations["teams.calendarFeed.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/meetings/next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team’s next meeting */
        get: operations["teams.meetings.next"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/meetings/{id}/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The feedback cards prepared for a meeting */
        get: operations["teams.meetings.board"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/meetings/{id}/frame": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the live board’s frame shows: team, date, card count and next review */
        get: operations["teams.meetings.frame"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/meetings/{id}/propose": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Propose feedback cards for a meeting */
        post: operations["teams.meetings.propose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/meetings/{id}/cards/{feedbackId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Pick or drop a feedback card for a meeting */
        put: operations["teams.meetings.cards.pick"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/meetings/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team’s held reviews with attendance, themes and decisions */
        get: operations["teams.meetings.archive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/cadence/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How well a team keeps its rhythm */
        get: operations["teams.cadence.health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cadence/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rhythm health of the teams the caller leads */
        get: operations["cadence.health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a team should prepare for its next meeting */
        get: operations["teams.reminders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller’s next reviews, open actions and pulse rounds waiting for an answer */
        get: operations["me.overview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The units the caller may see (all for the admin), with teams and leads */
        get: operations["units.list"];
        put?: never;
        /** Create a unit in the organisation tree */
        post: operations["units.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unit}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a unit that has no units below it */
        delete: operations["units.delete"];
        options?: never;
        head?: never;
        /** Rename a unit or move it below another */
        patch: operations["units.update"];
        trace?: never;
    };
    "/api/units/{unit}/teams/{team}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Place a team in a unit */
        put: operations["units.teams.place"];
        post?: never;
        /** Take a team out of a unit */
        delete: operations["units.teams.release"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unit}/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make someone a lead of a unit */
        post: operations["units.leads.add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unit}/leads/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a unit lead */
        delete: operations["units.leads.remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unit}/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rhythm and the actions of every team in a unit and below it */
        get: operations["units.dashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unit}/dashboard/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each team’s customer KPIs and the unit’s pooled figure, month by month, with completed actions */
        get: operations["units.dashboard.customers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unit}/dashboard/culture": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pulse statements rolled up over the unit’s teams that met the anonymity thresholds */
        get: operations["units.dashboard.culture"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unit}/dashboard/themes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The themes recurring across the unit’s teams in a quarter, with what the teams decided about them */
        get: operations["units.dashboard.themes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unit}/dashboard/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One dashboard table as CSV */
        get: operations["units.dashboard.export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unit}/teams/{team}/summaries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team’s held reviews and their summaries, read by a leader above it */
        get: operations["units.teams.summaries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unit}/teams/{team}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team’s improvement actions, read by a leader above it */
        get: operations["units.teams.actions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unit}/teams/{team}/kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team’s customer KPI, read by a leader above it */
        get: operations["units.teams.kpis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unit}/dashboard/wow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Praise across the unit’s teams (promoters and starred cards, masked), newest first, 20 a page */
        get: operations["units.dashboard.wow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/wow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team’s praise as its unit’s WOW wall would show it, with what the team keeps off */
        get: operations["teams.wow.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/wow/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Keep one of the team’s items off its unit’s WOW wall, or put it back */
        put: operations["teams.wow.keepOff"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/leader-digests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller’s monthly unit-lead digests, newest month first */
        get: operations["me.leaderDigests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/meetings/{id}/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a meeting decided */
        get: operations["teams.meetings.summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/themes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Themes a team has used on its boards */
        get: operations["teams.themes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/meetings/{id}/guest-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Guest links of a meeting */
        get: operations["teams.meetings.guestLinks.list"];
        put?: never;
        /** Make a guest link for a meeting */
        post: operations["teams.meetings.guestLinks.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team}/meetings/{id}/guest-links/{link}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a guest link */
        delete: operations["teams.meetings.guestLinks.revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/join/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join a meeting as a guest through a link */
        post: operations["join"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @example {
         *       "error": {
         *         "code": "NOT_FOUND",
         *         "message": "Team not found"
         *       }
         *     }
         */
        Error: {
            error: {
                code: string;
                message: string;
                details?: unknown;
            };
        };
        Ok: {
            /** @enum {boolean} */
            ok: true;
        };
        /**
         * @example {
         *       "id": 12,
         *       "email": "mette.ostergaard@example.dk",
         *       "name": "Mette Østergaard",
         *       "isAdmin": false
         *     }
         */
        User: {
            id: number;
            email: string;
            name: string;
            isAdmin: boolean;
        };
        /**
         * @example {
         *       "id": 3,
         *       "name": "Kundeservice",
         *       "slug": "kundeservice",
         *       "timezone": "Europe/Copenhagen",
         *       "language": "da",
         *       "createdAt": "2026-09-01T08:15:00.000Z"
         *     }
         */
        Team: {
            id: number;
            name: string;
            slug: string;
            timezone: string;
            language: "da" | "en";
            createdAt: string;
        };
        TeamDetail: {
            team: components["schemas"]["Team"];
            myRole: ("lead" | "facilitator" | "member") | null;
            members: components["schemas"]["Member"][];
        };
        /**
         * @example {
         *       "userId": 12,
         *       "name": "Mette Østergaard",
         *       "email": "mette.ostergaard@example.dk",
         *       "role": "facilitator"
         *     }
         */
        Member: {
            userId: number;
            name: string;
            email: string;
            role: "lead" | "facilitator" | "member";
        };
        /**
         * @example {
         *       "id": 41,
         *       "role": "member",
         *       "email": "jonas.riis@example.dk",
         *       "expiresAt": "2026-12-09T09:30:00.000Z",
         *       "usedAt": null,
         *       "revokedAt": null
         *     }
         */
        Invite: {
            id: number;
            role: "lead" | "facilitator" | "member";
            email: string | null;
            expiresAt: string;
            usedAt: string | null;
            revokedAt: string | null;
        };
        /**
         * @example {
         *       "id": 57,
         *       "team": {
         *         "id": 3,
         *         "slug": "kundeservice",
         *         "name": "Kundeservice"
         *       },
         *       "title": "Ring kunder op inden for 24 timer efter en NPS på 0–6",
         *       "description": "Vi tager fat i kritikerne, mens sagen er frisk, og noterer årsagen i sagen.",
         *       "ownerId": 12,
         *       "ownerName": "Mette Østergaard",
         *       "dueDate": "2026-12-18",
         *       "dueState": "later",
         *       "status": "in_progress",
         *       "dropReason": null,
         *       "effectMetric": "nps",
         *       "themeId": 8,
         *       "meetingId": 21,
         *       "origins": [
         *         {
         *           "kind": "feedback",
         *           "ref": "1834"
         *         }
         *       ],
         *       "createdAt": "2026-11-10T09:42:17.000Z",
         *       "updatedAt": "2026-11-24T13:05:00.000Z",
         *       "doneAt": null
         *     }
         */
        Action: {
            id: number;
            team: {
                id: number;
                slug: string;
                name: string;
            };
            title: string;
            description: string;
            ownerId: number | null;
            ownerName: string | null;
            dueDate: string | null;
            dueState: "overdue" | "due_soon" | "later" | "none";
            status: "open" | "in_progress" | "done" | "dropped";
            dropReason: string | null;
            effectMetric: ("nps" | "csat" | "ces" | "rating") | null;
            themeId: number | null;
            meetingId: number | null;
            origins: {
                kind: string;
                ref: string;
            }[];
            createdAt: string;
            updatedAt: string;
            doneAt: string | null;
        };
        ActionDetail: components["schemas"]["Action"] & {
            history: {
                id: number;
                at: string;
                actorId: number | null;
                actorName: string | null;
                kind: string;
                from: string | null;
                to: string | null;
                note: string | null;
            }[];
        };
        ActionEffect: {
            actionId: number;
            metric: ("nps" | "csat" | "ces" | "rating") | null;
            themeId: number | null;
            months: {
                month: string;
                n: number;
                value: number | null;
                ci95: [
                    number,
                    number
                ] | null;
                mentions: number;
            }[];
            markers: {
                month: string;
                at: string;
                kind: "decided" | "done";
                actionId: number;
                title: string;
            }[];
            comparison: {
                before: {
                    from: string;
                    to: string;
                    n: number;
                    value: number | null;
                    ci95: [
                        number,
                        number
                    ] | null;
                };
                after: {
                    from: string;
                    to: string;
                    n: number;
                    value: number | null;
                    ci95: [
                        number,
                        number
                    ] | null;
                } | null;
                verdict: "improved" | "worse" | "within_noise" | "too_few" | "not_done";
                test: {
                    method: "nps_z" | "two_proportion_z" | "welch_t";
                    nBefore: number;
                    nAfter: number;
                    alpha: number;
                    difference: number | null;
                    se: number | null;
                    statistic: number | null;
                    df: number | null;
                    p: number | null;
                } | null;
            } | null;
        };
        Webhook: {
            id: number;
            url: string;
            active: boolean;
            createdAt: string;
        };
        /**
         * @example {
         *       "id": 1834,
         *       "source": "Trustpilot",
         *       "receivedAt": "2026-11-03T14:12:00.000Z",
         *       "metric": "rating",
         *       "score": 2,
         *       "title": "Lang ventetid",
         *       "comment": "Jeg ventede 40 minutter i telefonen, og ingen svarede på min mail til [e-mail]. Ring på [phone].",
         *       "language": "da",
         *       "segment": "Privat",
         *       "reply": "Undskyld ventetiden. Vi har ringet dig op og løst sagen.",
         *       "repliedAt": "2026-11-04T08:30:00.000Z",
         *       "flagged": true,
         *       "tags": [
         *         "ventetid"
         *       ],
         *       "edited": {
         *         "at": "2026-11-06T10:00:00.000Z",
         *         "metric": "rating",
         *         "score": 1
         *       }
         *     }
         */
        FeedbackItem: {
            id: number;
            source: string;
            receivedAt: string;
            metric: ("nps" | "csat" | "ces" | "rating") | null;
            score: number | null;
            title: string | null;
            comment: string | null;
            language: "da" | "en" | null;
            segment: string | null;
            /** @description the reply the tool’s own team gave (Google Play’s developer reply) */
            reply: string | null;
            repliedAt: string | null;
            flagged: boolean;
            tags: string[];
            /** @description set when the answer came back changed: the latest change and the score before it; null otherwise */
            edited: {
                /** @description when Kadence saw the change */
                at: string;
                metric: ("nps" | "csat" | "ces" | "rating") | null;
                score: number | null;
            } | null;
        };
        /**
         * @example {
         *       "metric": "nps",
         *       "n": 214,
         *       "value": 31.8,
         *       "ci95": [
         *         22.4,
         *         41.2
         *       ],
         *       "topBoxPct": null,
         *       "enough": true
         *     }
         */
        KpiResult: {
            metric: "nps" | "csat" | "ces" | "rating";
            n: number;
            value: number | null;
            ci95: [
                number,
                number
            ] | null;
            topBoxPct: number | null;
            enough: boolean;
        };
        KpiMonth: components["schemas"]["KpiResult"] & {
            month: string;
            start: string;
            end: string;
        };
        ImportSummary: {
            id: number;
            status: "running" | "done" | "failed" | "undone";
            channel: "file" | "cli" | "api";
            fileName: string | null;
            preset: string;
            rows: number;
            imported: number;
            /** @description answers already held (same source and id) that came back changed and were updated */
            updated: number;
            duplicates: number;
            rejected: number;
            failure: string | null;
            createdAt: string;
            finishedAt: string | null;
        };
        PulseStatement: {
            id: number;
            scope: "workspace" | "team";
            textEn: string;
            textDa: string;
            retired: boolean;
        };
        PulseRound: {
            id: number;
            quarter: string;
            endsOn: string;
            open: boolean;
            teams: string[];
            /** @description people who answered in this team (a count, never who) */
            respondents: number;
            /** @description members who may answer: the team as it was when the round opened */
            members: number;
            /** @description whether the person asking was a member when the round opened */
            mayAnswer: boolean;
            /** @description whether the person asking has answered */
            answered: boolean;
            statements: {
                statementId: number;
                textEn: string;
                textDa: string;
            }[];
        };
        PulseRoundResult: {
            roundId: number;
            quarter: string;
            respondents: number;
            threshold: number;
            /** @description members who could answer, fixed when the round opened */
            eligible: number;
            commentThreshold: number;
            /** @description results of an open round are withheld until it closes */
            open: boolean;
            enough: boolean;
            statements: {
                statementId: number;
                textEn: string;
                textDa: string;
                distribution: [
                    number,
                    number,
                    number,
                    number,
                    number
                ];
                mean: number;
                change: number | null;
            }[];
            comments: {
                statementId: number;
                text: string;
            }[];
        };
        /**
         * @example {
         *       "endedAt": 1765184400000,
         *       "attendance": [
         *         {
         *           "name": "Mette Østergaard",
         *           "role": "facilitator"
         *         },
         *         {
         *           "name": "Jonas Riis",
         *           "role": "member"
         *         },
         *         {
         *           "name": "Sofie Juhl",
         *           "role": "member"
         *         }
         *       ],
         *       "cards": 24,
         *       "averageScores": [
         *         {
         *           "metric": "nps",
         *           "average": 6.4,
         *           "count": 18
         *         }
         *       ],
         *       "themes": [
         *         {
         *           "id": 8,
         *           "name": "Ventetid",
         *           "votes": 7,
         *           "cards": 6,
         *           "comments": 3
         *         },
         *         {
         *           "id": 9,
         *           "name": "Levering",
         *           "votes": 4,
         *           "cards": 5,
         *           "comments": 1
         *         }
         *       ],
         *       "decisions": [
         *         {
         *           "actionId": 57,
         *           "title": "Ring kunder op inden for 24 timer efter en NPS på 0–6",
         *           "ownerId": 12,
         *           "ownerName": "Mette Østergaard",
         *           "dueDate": "2026-12-18",
         *           "themeId": 8,
         *           "commentIds": [
         *             "c-3f9a"
         *           ],
         *           "cardIds": [
         *             "1834",
         *             "1840"
         *           ],
         *           "at": 1765183800000
         *         }
         *       ],
         *       "rating": {
         *         "count": 3,
         *         "mean": 4.3
         *       }
         *     }
         */
        MeetingSummary: {
            /** @description milliseconds since 1970 */
            endedAt: number;
            attendance: {
                name: string;
                role: string;
            }[];
            cards: number;
            averageScores: {
                metric: string;
                average: number;
                count: number;
            }[];
            themes: {
                id: number;
                name: string;
                votes: number;
                cards: number;
                comments: number;
            }[];
            decisions: {
                actionId: number;
                title: string;
                ownerId: number | null;
                ownerName: string | null;
                dueDate: string | null;
                themeId: number | null;
                commentIds: string[];
                cardIds: string[];
                at: number;
            }[];
            /** @description the anonymous 1–5 rating; absent when nobody answered */
            rating?: {
                count: number;
                mean: number;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "health.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server and its database answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        /**
                         * @description The Kadence release answering, as in its package.json (e.g. 0.1.0)
                         * @example 0.1.0
                         */
                        version: string;
                        /**
                         * @description The database Kadence runs on: the embedded SQLite file, or PostgreSQL (DATABASE_URL)
                         * @example sqlite
                         */
                        store: "sqlite" | "postgres";
                    };
                };
            };
            /** @description Error: see error.code */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "auth.csrf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
        };
    };
    "setup.status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        needsSetup: boolean;
                    };
                };
            };
        };
    };
    "setup.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "it-drift@example.dk",
                 *       "name": "Anders Lund",
                 *       "password": "kaffe-og-kanelsnegle-7"
                 *     }
                 */
                "application/json": {
                    /** Format: email */
                    email: string;
                    name: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["User"];
                        teams: {
                            id: number;
                            name: string;
                            slug: string;
                            timezone: string;
                            role: ("lead" | "facilitator" | "member") | null;
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "auth.login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "mette.ostergaard@example.dk",
                 *       "password": "rugbrød-på-fredag-42"
                 *     }
                 */
                "application/json": {
                    /** Format: email */
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["User"];
                        teams: {
                            id: number;
                            name: string;
                            slug: string;
                            timezone: string;
                            role: ("lead" | "facilitator" | "member") | null;
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "auth.logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "auth.me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["User"];
                        teams: {
                            id: number;
                            name: string;
                            slug: string;
                            timezone: string;
                            role: ("lead" | "facilitator" | "member") | null;
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "auth.password.change": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        teams: {
                            team: components["schemas"]["Team"];
                            role: ("lead" | "facilitator" | "member") | null;
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Kundeservice",
                 *       "slug": "kundeservice",
                 *       "timezone": "Europe/Copenhagen",
                 *       "language": "da",
                 *       "asLead": true
                 *     }
                 */
                "application/json": {
                    name: string;
                    slug: string;
                    /** @default Europe/Copenhagen */
                    timezone?: string;
                    language?: "da" | "en";
                    /** @description the person creating the team becomes its lead (the create form sends true unless the admin creates it for others) */
                    asLead?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 3,
                     *       "name": "Kundeservice",
                     *       "slug": "kundeservice",
                     *       "timezone": "Europe/Copenhagen",
                     *       "language": "da",
                     *       "createdAt": "2026-09-01T08:15:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Team"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamDetail"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Kundeservice Aarhus"
                 *     }
                 */
                "application/json": {
                    name?: string;
                    timezone?: string;
                    language?: "da" | "en";
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 3,
                     *       "name": "Kundeservice",
                     *       "slug": "kundeservice",
                     *       "timezone": "Europe/Copenhagen",
                     *       "language": "da",
                     *       "createdAt": "2026-09-01T08:15:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Team"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.members.add": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "mette.ostergaard@example.dk",
                 *       "role": "member"
                 *     }
                 */
                "application/json": {
                    /** Format: email */
                    email: string;
                    role: "lead" | "facilitator" | "member";
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": 12,
                     *       "name": "Mette Østergaard",
                     *       "email": "mette.ostergaard@example.dk",
                     *       "role": "facilitator"
                     *     }
                     */
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.members.setRole": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                userId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    role: "lead" | "facilitator" | "member";
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": 12,
                     *       "name": "Mette Østergaard",
                     *       "email": "mette.ostergaard@example.dk",
                     *       "role": "facilitator"
                     *     }
                     */
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.members.remove": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                userId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.invites.list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        invites: components["schemas"]["Invite"][];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.invites.create": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "role": "member",
                 *       "email": "jonas.riis@example.dk",
                 *       "expiresInDays": 7
                 *     }
                 */
                "application/json": {
                    role: "lead" | "facilitator" | "member";
                    /** Format: email */
                    email?: string;
                    /** @default 7 */
                    expiresInDays?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        invite: components["schemas"]["Invite"];
                        token: string;
                        url: string;
                        /** @description the server has SMTP_URL, so the link can be sent by e-mail (POST …/invites/email) */
                        canEmail: boolean;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.invites.email": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.invites.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "invites.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        teamName: string;
                        teamSlug: string;
                        role: "lead" | "facilitator" | "member";
                        email: string | null;
                        expiresAt: string;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "invites.accept": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Jonas Riis",
                 *       "email": "jonas.riis@example.dk",
                 *       "password": "rugbrød-på-fredag-42"
                 *     }
                 */
                "application/json": {
                    name?: string;
                    /** Format: email */
                    email?: string;
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        teamSlug: string;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "actions.list": {
        parameters: {
            query?: {
                team?: string;
                owner?: "me" | number;
                status?: "open" | "in_progress" | "done" | "dropped";
                due?: "overdue" | "due_soon" | "later" | "none";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actions: components["schemas"]["Action"][];
                        ledTeams: string[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "actions.reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actions: components["schemas"]["Action"][];
                    };
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "actions.export": {
        parameters: {
            query: {
                team?: string;
                owner?: "me" | number;
                status?: "open" | "in_progress" | "done" | "dropped";
                due?: "overdue" | "due_soon" | "later" | "none";
                format: "csv" | "md";
                delimiter?: "comma" | "semicolon";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "text/markdown": string;
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.actions.create": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Ring kunder op inden for 24 timer efter en NPS på 0–6",
                 *       "description": "Vi tager fat i kritikerne, mens sagen er frisk, og noterer årsagen i sagen.",
                 *       "ownerId": 12,
                 *       "dueDate": "2026-12-18",
                 *       "effectMetric": "nps",
                 *       "themeId": 8,
                 *       "feedbackIds": [
                 *         1834,
                 *         1840
                 *       ]
                 *     }
                 */
                "application/json": {
                    title: string;
                    description?: string;
                    ownerId?: number | null;
                    dueDate?: string | null;
                    effectMetric?: ("nps" | "csat" | "ces" | "rating") | null;
                    themeId?: number | null;
                    feedbackIds?: number[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionDetail"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.actions.followUp": {
        parameters: {
            query?: {
                since?: string;
            };
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actions: (components["schemas"]["Action"] & {
                            notes: {
                                at: string;
                                by: string | null;
                                note: string;
                            }[];
                        })[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.actions.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionDetail"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.actions.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.actions.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "ownerId": 15,
                 *       "dueDate": "2027-01-15"
                 *     }
                 */
                "application/json": {
                    title?: string;
                    description?: string;
                    ownerId?: number | null;
                    dueDate?: string | null;
                    effectMetric?: ("nps" | "csat" | "ces" | "rating") | null;
                    themeId?: number | null;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionDetail"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.actions.setStatus": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "to": "done",
                 *       "note": "Alle kritikere fra november er ringet op."
                 *     }
                 */
                "application/json": {
                    to: "open" | "in_progress" | "done" | "dropped";
                    reason?: string;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionDetail"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.actions.addNote": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionDetail"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.actions.effect": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionEffect"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.webhooks.list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhooks: components["schemas"]["Webhook"][];
                        deliveries: {
                            id: number;
                            webhookId: number;
                            event: string;
                            status: string;
                            attempts: number;
                            lastStatus: number | null;
                            lastError: string | null;
                            lastErrorCode: string | null;
                            nextAttemptAt: string | null;
                            createdAt: string;
                            deliveredAt: string | null;
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.webhooks.create": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"] & {
                        secret: string;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.webhooks.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.imports.upload": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @description a CSV, XLSX, JSON or NDJSON export */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        uploadId: string;
                        preview: {
                            format: string;
                            encoding: string;
                            preset: string;
                            headers: string[];
                            /** @description the line of the header row; null for JSON */
                            headerLine: number | null;
                            rows: string[][];
                            mapping: {
                                [key: string]: string;
                            };
                            /** @description columns no field takes: not imported */
                            unmapped: string[];
                            missing: string[];
                            warnings: {
                                code: "UNMAPPED_TEXT" | "NO_SCORE_OR_COMMENT" | "AMBIGUOUS_COLUMN" | "HEADER_BELOW_TITLE";
                                params: {
                                    [key: string]: string;
                                };
                            }[];
                        };
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.imports.preview": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                uploadId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "fileName": "trustpilot-november-2026.csv",
                 *       "preset": "trustpilot",
                 *       "mapping": {
                 *         "receivedAt": "Dato",
                 *         "score": "Stjerner",
                 *         "comment": "Anmeldelse"
                 *       }
                 *     }
                 */
                "application/json": {
                    fileName: string;
                    preset?: "surveymonkey" | "typeform" | "google-forms" | "microsoft-forms" | "google-play" | "trustpilot" | "delighted" | "zendesk" | "generic";
                    mapping?: {
                        receivedAt?: string;
                        score?: string;
                        comment?: string;
                        title?: string;
                        externalId?: string;
                        customer?: string;
                        segment?: string;
                        source?: string;
                        language?: string;
                        metric?: string;
                        reply?: string;
                        repliedAt?: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        format: string;
                        encoding: string;
                        preset: string;
                        headers: string[];
                        /** @description the line of the header row; null for JSON */
                        headerLine: number | null;
                        rows: string[][];
                        mapping: {
                            [key: string]: string;
                        };
                        /** @description columns no field takes: not imported */
                        unmapped: string[];
                        missing: string[];
                        warnings: {
                            code: "UNMAPPED_TEXT" | "NO_SCORE_OR_COMMENT" | "AMBIGUOUS_COLUMN" | "HEADER_BELOW_TITLE";
                            params: {
                                [key: string]: string;
                            };
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.imports.list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        imports: components["schemas"]["ImportSummary"][];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.imports.create": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "uploadId": "Qm7fK2xW9pLr4TzVb8NcY3hJd6sGa1Ue",
                 *       "fileName": "trustpilot-november-2026.csv",
                 *       "preset": "trustpilot",
                 *       "mapping": {
                 *         "receivedAt": "Dato",
                 *         "score": "Stjerner",
                 *         "comment": "Anmeldelse"
                 *       }
                 *     }
                 */
                "application/json": {
                    uploadId: string;
                    fileName: string;
                    preset?: "surveymonkey" | "typeform" | "google-forms" | "microsoft-forms" | "google-play" | "trustpilot" | "delighted" | "zendesk" | "generic";
                    mapping?: {
                        receivedAt?: string;
                        score?: string;
                        comment?: string;
                        title?: string;
                        externalId?: string;
                        customer?: string;
                        segment?: string;
                        source?: string;
                        language?: string;
                        metric?: string;
                        reply?: string;
                        repliedAt?: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        importId: number;
                        rows: number;
                        imported: number;
                        /** @description answers already held (same source and id) that came back changed and were updated, keeping their history */
                        updated: number;
                        duplicates: number;
                        rejected: number;
                        /** @description the first 100 rejected rows; the whole report is at errors.csv */
                        errors: ({
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "FIELD_TOO_LONG";
                            params: {
                                column: string;
                                length: number;
                                limit: number;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "DATE_MISSING";
                            params: {
                                column: string;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "DATE_UNREADABLE";
                            params: {
                                /** @description the value as the file has it, masked (e-mail, phone, CPR) and at most 40 characters */
                                value: string;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "REPLY_DATE_UNREADABLE";
                            params: {
                                /** @description the value as the file has it, masked (e-mail, phone, CPR) and at most 40 characters */
                                value: string;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "METRIC_UNKNOWN";
                            params: {
                                /** @description the value as the file has it, masked (e-mail, phone, CPR) and at most 40 characters */
                                value: string;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "SCORE_NOT_WHOLE";
                            params: {
                                /** @description the value as the file has it, masked (e-mail, phone, CPR) and at most 40 characters */
                                value: string;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "SCORE_NO_METRIC";
                            params: {
                                /** @description the value as the file has it, masked (e-mail, phone, CPR) and at most 40 characters */
                                value: string;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "SCORE_OUT_OF_RANGE";
                            params: {
                                /** @description the value as the file has it, masked (e-mail, phone, CPR) and at most 40 characters */
                                value: string;
                                metric: "nps" | "csat" | "ces" | "rating";
                                low: number;
                                high: number;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "RATING_NOT_GIVEN";
                            params: {
                                /** @description what the tool wrote instead (e.g. offered), or empty */
                                value: string;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "RATING_NOT_GOOD_OR_BAD";
                            params: {
                                /** @description the value as the file has it, masked (e-mail, phone, CPR) and at most 40 characters */
                                value: string;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "NO_SCORE_OR_COMMENT";
                            params: Record<string, never>;
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "FIELD_COUNT";
                            params: {
                                fields: number;
                                expected: number;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "QUOTE_NOT_CLOSED";
                            params: Record<string, never>;
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "STRAY_QUOTE";
                            params: Record<string, never>;
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "ENTRY_NOT_OBJECT";
                            params: Record<string, never>;
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "LINE_NOT_OBJECT";
                            params: Record<string, never>;
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "LINE_NOT_JSON";
                            params: Record<string, never>;
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "OTHER";
                            params: {
                                /** @description the reason as it was stored before reasons had codes, masked */
                                text: string;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        })[];
                        /** @description totals and notes below the table, left out (not counted in rows) */
                        skipped: {
                            line: number;
                            code: "SUMMARY_ROW" | "NOTE_ROW";
                            /** @description the row's first words, masked */
                            label: string;
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.imports.mappings.list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mappings: {
                            name: string;
                            mapping: {
                                receivedAt?: string;
                                score?: string;
                                comment?: string;
                                title?: string;
                                externalId?: string;
                                customer?: string;
                                segment?: string;
                                source?: string;
                                language?: string;
                                metric?: string;
                                reply?: string;
                                repliedAt?: string;
                            };
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.imports.mappings.save": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mapping: {
                        receivedAt?: string;
                        score?: string;
                        comment?: string;
                        title?: string;
                        externalId?: string;
                        customer?: string;
                        segment?: string;
                        source?: string;
                        language?: string;
                        metric?: string;
                        reply?: string;
                        repliedAt?: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        mapping: {
                            receivedAt?: string;
                            score?: string;
                            comment?: string;
                            title?: string;
                            externalId?: string;
                            customer?: string;
                            segment?: string;
                            source?: string;
                            language?: string;
                            metric?: string;
                            reply?: string;
                            repliedAt?: string;
                        };
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.imports.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.imports.errors": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.feedback.list": {
        parameters: {
            query?: {
                /** @description YYYY-MM-DD in the team’s time zone */
                from?: string;
                /** @description YYYY-MM-DD in the team’s time zone */
                to?: string;
                source?: string;
                metric?: "nps" | "csat" | "ces" | "rating";
                band?: "promoter" | "passive" | "detractor";
                language?: "da" | "en";
                tag?: string;
                flagged?: boolean;
                /** @description only items whose rating changed after the tool’s own team replied (e.g. Google Play’s developer reply) */
                ratingAfterReply?: boolean;
                q?: string;
                /** @description only items grouped into this theme on the team’s boards (name, any case) */
                theme?: string;
                /** @description with `theme`: also the items no board grouped that the suggestion model puts under it */
                suggested?: boolean;
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: (components["schemas"]["FeedbackItem"] & {
                            /** @description themes the team’s boards grouped it into */
                            themes: string[];
                            /** @description for an item no board grouped: the team’s themes the suggestion model finds it resembles (not counted as mentions) */
                            suggestedThemes: string[];
                        })[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.feedback.ingest": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "items": [
                 *         {
                 *           "id": "resp-88213",
                 *           "receivedAt": "2026-11-03T14:12:00+01:00",
                 *           "metric": "nps",
                 *           "score": 3,
                 *           "comment": "Pakken kom fem dage for sent, og ingen svarede på min mail.",
                 *           "customer": "kunde-4471",
                 *           "segment": "Privat",
                 *           "source": "SurveyMonkey",
                 *           "language": "da"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    items: {
                        id?: string | null;
                        /** @description ISO 8601; without a zone it is read in the team’s time zone */
                        receivedAt: string;
                        metric?: "nps" | "csat" | "ces" | "rating" | null;
                        score?: number | null;
                        title?: string | null;
                        comment?: string | null;
                        customer?: string | null;
                        segment?: string | null;
                        source?: string | null;
                        language?: string | null;
                        reply?: string | null;
                        repliedAt?: string | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        imported: number;
                        updated: number;
                        duplicates: number;
                        rejected: number;
                        errors: ({
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "FIELD_TOO_LONG";
                            params: {
                                column: string;
                                length: number;
                                limit: number;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "DATE_MISSING";
                            params: {
                                column: string;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "DATE_UNREADABLE";
                            params: {
                                /** @description the value as the file has it, masked (e-mail, phone, CPR) and at most 40 characters */
                                value: string;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "REPLY_DATE_UNREADABLE";
                            params: {
                                /** @description the value as the file has it, masked (e-mail, phone, CPR) and at most 40 characters */
                                value: string;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "METRIC_UNKNOWN";
                            params: {
                                /** @description the value as the file has it, masked (e-mail, phone, CPR) and at most 40 characters */
                                value: string;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "SCORE_NOT_WHOLE";
                            params: {
                                /** @description the value as the file has it, masked (e-mail, phone, CPR) and at most 40 characters */
                                value: string;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "SCORE_NO_METRIC";
                            params: {
                                /** @description the value as the file has it, masked (e-mail, phone, CPR) and at most 40 characters */
                                value: string;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "SCORE_OUT_OF_RANGE";
                            params: {
                                /** @description the value as the file has it, masked (e-mail, phone, CPR) and at most 40 characters */
                                value: string;
                                metric: "nps" | "csat" | "ces" | "rating";
                                low: number;
                                high: number;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "RATING_NOT_GIVEN";
                            params: {
                                /** @description what the tool wrote instead (e.g. offered), or empty */
                                value: string;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "RATING_NOT_GOOD_OR_BAD";
                            params: {
                                /** @description the value as the file has it, masked (e-mail, phone, CPR) and at most 40 characters */
                                value: string;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "NO_SCORE_OR_COMMENT";
                            params: Record<string, never>;
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "FIELD_COUNT";
                            params: {
                                fields: number;
                                expected: number;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "QUOTE_NOT_CLOSED";
                            params: Record<string, never>;
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "STRAY_QUOTE";
                            params: Record<string, never>;
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "ENTRY_NOT_OBJECT";
                            params: Record<string, never>;
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "LINE_NOT_OBJECT";
                            params: Record<string, never>;
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "LINE_NOT_JSON";
                            params: Record<string, never>;
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        } | {
                            /** @description the line as a spreadsheet shows it (header = line 1) */
                            line: number;
                            /** @enum {string} */
                            code: "OTHER";
                            params: {
                                /** @description the reason as it was stored before reasons had codes, masked */
                                text: string;
                            };
                            /** @description the reason in English, for API users and the command line; the app words it from code and params */
                            message: string;
                        })[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.apiTokens.list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tokens: {
                            id: number;
                            name: string;
                            createdAt: string;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.apiTokens.create": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: string;
                        apiToken: {
                            id: number;
                            name: string;
                            createdAt: string;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                        };
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.apiTokens.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.feedback.facets": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sources: string[];
                        tags: string[];
                        /** @description themes the team’s boards grouped items into */
                        themes: string[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.feedback.tags.add": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    tag: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.feedback.tags.remove": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
                tag: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.feedback.flag": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    flagged: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.feedback.erase": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    customer: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        erased: number;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.kpis.get": {
        parameters: {
            query: {
                metric: "nps" | "csat" | "ces" | "rating";
                /** @description YYYY-MM-DD in the team’s time zone */
                from?: string;
                /** @description YYYY-MM-DD in the team’s time zone */
                to?: string;
                source?: string;
            };
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "metric": "nps",
                     *       "n": 214,
                     *       "value": 31.8,
                     *       "ci95": [
                     *         22.4,
                     *         41.2
                     *       ],
                     *       "topBoxPct": null,
                     *       "enough": true
                     *     }
                     */
                    "application/json": components["schemas"]["KpiResult"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.kpis.monthly": {
        parameters: {
            query: {
                metric: "nps" | "csat" | "ces" | "rating";
                months?: number;
                source?: string;
                /** @description YYYY-MM-DD in the team’s time zone */
                since?: string;
                /** @description YYYY-MM-DD in the team’s time zone */
                until?: string;
            };
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        months: components["schemas"]["KpiMonth"][];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.themes.monthly": {
        parameters: {
            query?: {
                /** @description months shown, newest last */
                months?: number;
            };
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        months: string[];
                        themes: {
                            name: string;
                            months: {
                                /** @description YYYY-MM in the team’s time zone, by when the feedback item was received */
                                month: string;
                                /** @description cards and comments grouped into the theme on the team’s boards */
                                mentions: number;
                                /** @description the mean of the three months before */
                                usual: number;
                                flag: ("new" | "rising" | "falling") | null;
                                p: number | null;
                            }[];
                        }[];
                        latest: {
                            month: string;
                            themes: {
                                name: string;
                                mentions: number;
                                usual: number;
                                flag: ("new" | "rising" | "falling") | null;
                            }[];
                        } | null;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.pulse.statements.list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        statements: components["schemas"]["PulseStatement"][];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.pulse.statements.create": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    textEn: string;
                    textDa: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PulseStatement"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "pulse.statements.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    textEn: string;
                    textDa: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PulseStatement"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "pulse.statements.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    textEn?: string;
                    textDa?: string;
                    retired?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PulseStatement"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "pulse.threshold.set": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    threshold: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        threshold: number;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "pulse.thresholds.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description fewest respondents (and eligible members) for a result to show */
                        threshold: number;
                        /** @description fewest respondents (and eligible members) for comments to show; never below threshold */
                        commentThreshold: number;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "pulse.commentThreshold.set": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    commentThreshold: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        commentThreshold: number;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "pulse.rounds.open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "quarter": "2026-Q4",
                 *       "teams": [
                 *         "kundeservice",
                 *         "webshop"
                 *       ],
                 *       "endsOn": "2026-12-18"
                 *     }
                 */
                "application/json": {
                    quarter: string;
                    teams: string[];
                    endsOn: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        warnings: {
                            code: "PULSE_RESULTS_NEVER_SHOWN" | "PULSE_COMMENTS_NEVER_SHOWN";
                            /** @description the team slug */
                            team: string;
                            teamName: string;
                            /** @description members who may answer, fixed when the round opened */
                            eligible: number;
                            threshold: number;
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.pulse.rounds.list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rounds: components["schemas"]["PulseRound"][];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.pulse.rounds.answer": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "answers": [
                 *         {
                 *           "statementId": 1,
                 *           "score": 4
                 *         },
                 *         {
                 *           "statementId": 2,
                 *           "score": 2,
                 *           "comment": "Vi får feedbacken, men sjældent tid til at handle på den."
                 *         },
                 *         {
                 *           "statementId": 3,
                 *           "score": 5
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    answers: {
                        statementId: number;
                        score: number;
                        comment?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.pulse.rounds.close": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.pulse.results": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: components["schemas"]["PulseRoundResult"][];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.cadence.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cadence: {
                            rrule: string;
                            startTime: string;
                            timezone: string;
                            durationMinutes: number;
                            validFrom: string;
                        } | null;
                        template: {
                            key: string;
                            name: string;
                            minutes: number;
                        }[];
                        feed: boolean;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.cadence.set": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "rrule": "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2",
                 *       "time": "10:00",
                 *       "durationMinutes": 60,
                 *       "from": "2027-01-01"
                 *     }
                 */
                "application/json": {
                    rrule: string;
                    time: string;
                    durationMinutes: number;
                    from?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "rrule": "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2",
                     *       "startTime": "10:00",
                     *       "timezone": "Europe/Copenhagen",
                     *       "durationMinutes": 60,
                     *       "validFrom": "2027-01-01"
                     *     }
                     */
                    "application/json": {
                        rrule: string;
                        startTime: string;
                        timezone: string;
                        durationMinutes: number;
                        validFrom: string;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.agendaTemplate.set": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    steps: {
                        key: string;
                        name: string;
                        minutes: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        steps: {
                            key: string;
                            name: string;
                            minutes: number;
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.cadence.exceptions.add": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    occurrence: string;
                    skip?: boolean;
                    moveTo?: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.meetings.list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        meetings: {
                            id: number;
                            occurrence: string | null;
                            startsAt: string;
                            endsAt: string;
                            status: string;
                            skipReason: string | null;
                            agenda: {
                                key: string;
                                name: string;
                                minutes: number;
                            }[];
                            windowStart: string | null;
                            windowEnd: string;
                            preparedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.meetings.calendar": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.calendarFeed.create": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        url: string;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.calendarFeed.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.calendarFeed.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.meetings.next": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        meeting: {
                            id: number;
                            occurrence: string | null;
                            startsAt: string;
                            endsAt: string;
                            status: string;
                            skipReason: string | null;
                            agenda: {
                                key: string;
                                name: string;
                                minutes: number;
                            }[];
                            windowStart: string | null;
                            windowEnd: string;
                            preparedAt: string | null;
                        } | null;
                        arrived: number;
                        previous: {
                            id: number;
                            occurrence: string | null;
                            startsAt: string;
                            endsAt: string;
                            status: string;
                            skipReason: string | null;
                            agenda: {
                                key: string;
                                name: string;
                                minutes: number;
                            }[];
                            windowStart: string | null;
                            windowEnd: string;
                            preparedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.meetings.board": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        meeting: {
                            id: number;
                            occurrence: string | null;
                            startsAt: string;
                            endsAt: string;
                            status: string;
                            skipReason: string | null;
                            agenda: {
                                key: string;
                                name: string;
                                minutes: number;
                            }[];
                            windowStart: string | null;
                            windowEnd: string;
                            preparedAt: string | null;
                        };
                        arrived: number;
                        flagged: number;
                        bands: {
                            [key: string]: number;
                        };
                        cards: components["schemas"]["FeedbackItem"][];
                        candidates: components["schemas"]["FeedbackItem"][];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.meetings.frame": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        teamName: string;
                        startsAt: string;
                        windowStart: string | null;
                        windowEnd: string;
                        preparedAt: string | null;
                        cards: number;
                        nextStartsAt: string | null;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.meetings.propose": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cards: number[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.meetings.cards.pick": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
                feedbackId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    picked: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.meetings.archive": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        team: {
                            name: string;
                            slug: string;
                            timezone: string;
                        };
                        meetings: {
                            id: number;
                            startsAt: string;
                            endedAt: string | null;
                            /** @description people who took part, each counted once */
                            attendance: number;
                            /** @description theme names, most votes first */
                            themes: string[];
                            decisions: {
                                title: string;
                                ownerName: string | null;
                                dueDate: string | null;
                            }[];
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.cadence.health": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        planned: number;
                        held: number;
                        streak: number;
                        actionCompletionPct: number | null;
                        templateMinutes: number;
                        meetings: {
                            id: number;
                            startsAt: string;
                            status: string;
                            attendance: number | null;
                            actions: number;
                            actionsDoneByNext: number;
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "cadence.health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        teams: {
                            slug: string;
                            name: string;
                            planned: number;
                            held: number;
                            streak: number;
                            actionCompletionPct: number | null;
                            next: string | null;
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.reminders": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reminders: {
                            kind: string;
                            meetingId: number;
                            startsAt: string;
                            reason?: string | null;
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "me.overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        nextReviews: {
                            meetingId: number;
                            team: {
                                slug: string;
                                name: string;
                                timezone: string;
                            };
                            startsAt: string;
                            status: "planned" | "live";
                            prepared: boolean;
                            /** @description a lead or facilitator of the team, who prepares its board */
                            mayPrepare: boolean;
                        }[];
                        openActions: components["schemas"]["Action"][];
                        pulseRounds: {
                            roundId: number;
                            team: {
                                slug: string;
                                name: string;
                                timezone: string;
                            };
                            quarter: string;
                            endsOn: string;
                        }[];
                        /** @description the teams the person leads; empty for everyone else */
                        rhythm: {
                            team: {
                                slug: string;
                                name: string;
                                timezone: string;
                            };
                            planned: number;
                            held: number;
                            streak: number;
                            actionCompletionPct: number | null;
                        }[];
                        teams: {
                            slug: string;
                            name: string;
                            role: "lead" | "facilitator" | "member";
                        }[];
                        /** @description the units the person leads, each with a dashboard */
                        units: {
                            id: number;
                            name: string;
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "units.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        units: {
                            id: number;
                            name: string;
                            parentId: number | null;
                            createdAt: string;
                            teams: {
                                slug: string;
                                name: string;
                            }[];
                            leads: {
                                userId: number;
                                name: string;
                                email: string;
                            }[];
                            mayView: boolean;
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "units.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    parentId?: number | null;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        parentId: number | null;
                        createdAt: string;
                        teams: {
                            slug: string;
                            name: string;
                        }[];
                        leads: {
                            userId: number;
                            name: string;
                            email: string;
                        }[];
                        mayView: boolean;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "units.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "units.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    parentId?: number | null;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        parentId: number | null;
                        createdAt: string;
                        teams: {
                            slug: string;
                            name: string;
                        }[];
                        leads: {
                            userId: number;
                            name: string;
                            email: string;
                        }[];
                        mayView: boolean;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "units.teams.place": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: number;
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        parentId: number | null;
                        createdAt: string;
                        teams: {
                            slug: string;
                            name: string;
                        }[];
                        leads: {
                            userId: number;
                            name: string;
                            email: string;
                        }[];
                        mayView: boolean;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "units.teams.release": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: number;
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        parentId: number | null;
                        createdAt: string;
                        teams: {
                            slug: string;
                            name: string;
                        }[];
                        leads: {
                            userId: number;
                            name: string;
                            email: string;
                        }[];
                        mayView: boolean;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "units.leads.add": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        parentId: number | null;
                        createdAt: string;
                        teams: {
                            slug: string;
                            name: string;
                        }[];
                        leads: {
                            userId: number;
                            name: string;
                            email: string;
                        }[];
                        mayView: boolean;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "units.leads.remove": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: number;
                userId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        parentId: number | null;
                        createdAt: string;
                        teams: {
                            slug: string;
                            name: string;
                        }[];
                        leads: {
                            userId: number;
                            name: string;
                            email: string;
                        }[];
                        mayView: boolean;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "units.dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        unit: {
                            id: number;
                            name: string;
                            path: {
                                id: number;
                                name: string;
                            }[];
                        };
                        quarterStart: string;
                        yearStart: string;
                        rhythm: {
                            teams: {
                                team: {
                                    slug: string;
                                    name: string;
                                    timezone: string;
                                };
                                unitName: string;
                                quarter: {
                                    planned: number;
                                    held: number;
                                };
                                year: {
                                    planned: number;
                                    held: number;
                                };
                                streak: number;
                                attendanceAvg: number | null;
                                members: number;
                                lastHeldAt: string | null;
                                lost: ("missed_two" | "none_45_days") | null;
                            }[];
                            total: {
                                teams: number;
                                lost: number;
                                quarter: {
                                    planned: number;
                                    held: number;
                                };
                                year: {
                                    planned: number;
                                    held: number;
                                };
                                attendanceAvg: number | null;
                            };
                        };
                        actions: {
                            teams: {
                                team: {
                                    slug: string;
                                    name: string;
                                    timezone: string;
                                };
                                decided: number;
                                doneByNext: number;
                                doneByNextPct: number | null;
                                open: number;
                                overdue: number;
                            }[];
                            total: {
                                decided: number;
                                doneByNext: number;
                                doneByNextPct: number | null;
                                open: number;
                                overdue: number;
                            };
                            oldestOpen: {
                                id: number;
                                title: string;
                                team: {
                                    slug: string;
                                    name: string;
                                    timezone: string;
                                };
                                ownerName: string | null;
                                dueDate: string | null;
                                overdue: boolean;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "units.dashboard.customers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        months: string[];
                        minimum: number;
                        metrics: {
                            metric: "nps" | "csat" | "ces" | "rating";
                            unit: ((components["schemas"]["KpiResult"] & {
                                month: string;
                                actionsDone: number;
                            }) & {
                                /** @description teams with answers */
                                teams: number;
                            })[];
                            teams: {
                                team: {
                                    slug: string;
                                    name: string;
                                    timezone: string;
                                };
                                months: (components["schemas"]["KpiResult"] & {
                                    month: string;
                                    actionsDone: number;
                                })[];
                            }[];
                        }[];
                        completed: {
                            id: number;
                            title: string;
                            team: {
                                slug: string;
                                name: string;
                                timezone: string;
                            };
                            metric: "nps" | "csat" | "ces" | "rating";
                            month: string;
                            doneAt: string;
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "units.dashboard.culture": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        quarter: string | null;
                        threshold: number;
                        teams: {
                            team: {
                                slug: string;
                                name: string;
                                timezone: string;
                            };
                            hasRound: boolean;
                            respondents: number;
                            eligible: number;
                            open: boolean;
                            included: boolean;
                        }[];
                        pooled: {
                            teams: number;
                            respondents: number;
                            eligible: number;
                            enough: boolean;
                            statements: {
                                statementId: number;
                                textEn: string;
                                textDa: string;
                                distribution: [
                                    number,
                                    number,
                                    number,
                                    number,
                                    number
                                ];
                                n: number;
                                mean: number;
                                teams: number;
                                change: {
                                    previousMean: number;
                                    delta: number;
                                } | null;
                                noChange: ("no_previous_round" | "previous_not_enough" | "not_asked_before") | null;
                            }[];
                        };
                        previous: {
                            quarter: string;
                            teams: number;
                            respondents: number;
                            enough: boolean;
                        } | null;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "units.dashboard.themes": {
        parameters: {
            query?: {
                /** @description YYYYQn (2026Q3), or YYYY-Qn as the pulse writes it; the current quarter when absent */
                quarter?: string;
            };
            header?: never;
            path: {
                unit: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "quarter": "2026Q4",
                     *       "from": "2026-10-01",
                     *       "to": "2026-12-31",
                     *       "teams": 3,
                     *       "teamsWithThemes": 2,
                     *       "themes": [
                     *         {
                     *           "name": "Ventetid",
                     *           "names": [
                     *             "Ventetid",
                     *             "Ventetiden"
                     *           ],
                     *           "teamCount": 2,
                     *           "meetingCount": 3,
                     *           "teams": [
                     *             {
                     *               "team": {
                     *                 "slug": "kundeservice",
                     *                 "name": "Kundeservice",
                     *                 "timezone": "Europe/Copenhagen"
                     *               },
                     *               "meetings": 2,
                     *               "meetingIds": [
                     *                 41,
                     *                 37
                     *               ]
                     *             },
                     *             {
                     *               "team": {
                     *                 "slug": "webshop",
                     *                 "name": "Webshop",
                     *                 "timezone": "Europe/Copenhagen"
                     *               },
                     *               "meetings": 1,
                     *               "meetingIds": [
                     *                 44
                     *               ]
                     *             }
                     *           ],
                     *           "decisions": [
                     *             {
                     *               "actionId": 57,
                     *               "title": "Ring kunder op inden for 24 timer efter en NPS på 0–6",
                     *               "team": {
                     *                 "slug": "kundeservice",
                     *                 "name": "Kundeservice",
                     *                 "timezone": "Europe/Copenhagen"
                     *               },
                     *               "ownerName": "Mette Østergaard",
                     *               "status": "in_progress",
                     *               "dueDate": "2026-12-18",
                     *               "meetingId": 41
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description YYYYQn */
                        quarter: string;
                        /** @description the quarter’s first day */
                        from: string;
                        /** @description the quarter’s last day */
                        to: string;
                        teams: number;
                        teamsWithThemes: number;
                        themes: {
                            /** @description the name the most teams (then meetings) gave the theme */
                            name: string;
                            names: string[];
                            teamCount: number;
                            meetingCount: number;
                            teams: {
                                team: {
                                    slug: string;
                                    name: string;
                                    timezone: string;
                                };
                                /** @description the team’s held reviews this quarter that had the theme on the board */
                                meetings: number;
                                meetingIds: number[];
                            }[];
                            decisions: {
                                actionId: number;
                                title: string;
                                team: {
                                    slug: string;
                                    name: string;
                                    timezone: string;
                                };
                                ownerName: string | null;
                                status: "open" | "in_progress" | "done" | "dropped";
                                dueDate: string | null;
                                meetingId: number | null;
                            }[];
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "units.dashboard.export": {
        parameters: {
            query: {
                table: "rhythm" | "actions" | "oldest" | "customers" | "culture" | "themes";
                quarter?: string;
                delimiter?: "comma" | "semicolon";
            };
            header?: never;
            path: {
                unit: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "units.teams.summaries": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: number;
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        team: {
                            name: string;
                            slug: string;
                            timezone: string;
                        };
                        meetings: {
                            id: number;
                            startsAt: string;
                            endedAt: string | null;
                            /** @description people who took part, each counted once */
                            attendance: number;
                            /** @description theme names, most votes first */
                            themes: string[];
                            decisions: {
                                title: string;
                                ownerName: string | null;
                                dueDate: string | null;
                            }[];
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "units.teams.actions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: number;
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actions: components["schemas"]["Action"][];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "units.teams.kpis": {
        parameters: {
            query: {
                metric: "nps" | "csat" | "ces" | "rating";
                /** @description YYYY-MM-DD in the team’s time zone */
                from?: string;
                /** @description YYYY-MM-DD in the team’s time zone */
                to?: string;
            };
            header?: never;
            path: {
                unit: number;
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "metric": "nps",
                     *       "n": 214,
                     *       "value": 31.8,
                     *       "ci95": [
                     *         22.4,
                     *         41.2
                     *       ],
                     *       "topBoxPct": null,
                     *       "enough": true
                     *     }
                     */
                    "application/json": components["schemas"]["KpiResult"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "units.dashboard.wow": {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                before?: string;
            };
            header?: never;
            path: {
                unit: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description the feedback item */
                            id: number;
                            team: {
                                slug: string;
                                name: string;
                            };
                            source: string;
                            receivedAt: string;
                            metric: ("nps" | "csat" | "ces" | "rating") | null;
                            score: number | null;
                            title: string | null;
                            quote: string;
                            language: string | null;
                            /** @description the score is in its metric’s promoter band */
                            promoter: boolean;
                            /** @description the most ⭐ the card got on one of the team’s boards; 0 when never starred */
                            stars: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.wow.list": {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                before?: string;
            };
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: ({
                            /** @description the feedback item */
                            id: number;
                            team: {
                                slug: string;
                                name: string;
                            };
                            source: string;
                            receivedAt: string;
                            metric: ("nps" | "csat" | "ces" | "rating") | null;
                            score: number | null;
                            title: string | null;
                            quote: string;
                            language: string | null;
                            /** @description the score is in its metric’s promoter band */
                            promoter: boolean;
                            /** @description the most ⭐ the card got on one of the team’s boards; 0 when never starred */
                            stars: number;
                        } & {
                            keptOff: boolean;
                        })[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.wow.keepOff": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description true keeps the item off the unit’s WOW wall; false puts it back */
                    keptOff: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "me.leaderDigests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        digests: {
                            id: number;
                            unitId: number;
                            /** @description a calendar month, YYYY-MM */
                            month: string;
                            createdAt: string;
                            mailedAt: string | null;
                            mail: {
                                state: "pending" | "sent" | "failed";
                                attempts: number;
                                nextAttemptAt: string | null;
                            } | null;
                            content: {
                                unit: {
                                    id: number;
                                    name: string;
                                };
                                lead: {
                                    id: number;
                                    name: string;
                                };
                                /** @description a calendar month, YYYY-MM */
                                month: string;
                                timezone: string;
                                language: "da" | "en";
                                totals: {
                                    teams: number;
                                    /** @description reviews due in the month (held, or past their planned hour) */
                                    planned: number;
                                    held: number;
                                    /** @description actions decided at the reviews of the month */
                                    decided: number;
                                    /** @description actions marked done during the month */
                                    completed: number;
                                    lost: number;
                                };
                                teams: {
                                    team: {
                                        slug: string;
                                        name: string;
                                    };
                                    planned: number;
                                    held: number;
                                    decided: number;
                                    completed: number;
                                    lost: ("missed_two" | "none_45_days") | null;
                                    lastHeldAt: string | null;
                                }[];
                                kpis: {
                                    metric: "nps" | "csat" | "ces" | "rating";
                                    teams: number;
                                    current: {
                                        /** @description a calendar month, YYYY-MM */
                                        month: string;
                                        n: number;
                                        value: number | null;
                                        ci95: [
                                            number,
                                            number
                                        ] | null;
                                    };
                                    previous: {
                                        /** @description a calendar month, YYYY-MM */
                                        month: string;
                                        n: number;
                                        value: number | null;
                                        ci95: [
                                            number,
                                            number
                                        ] | null;
                                    };
                                    change: number | null;
                                    changeCi95: [
                                        number,
                                        number
                                    ] | null;
                                    clear: boolean;
                                }[];
                            };
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.meetings.summary": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                        summary: components["schemas"]["MeetingSummary"] | null;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.themes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        themes: string[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.meetings.guestLinks.list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        links: {
                            id: number;
                            role: string;
                            createdAt: string;
                            revokedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.meetings.guestLinks.create": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    role: "participant" | "observer";
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        token: string;
                        path: string;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "teams.meetings.guestLinks.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: string;
                id: number;
                link: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    join: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secret: string;
                        meetingId: number;
                        role: string;
                        name: string;
                        teamName: string;
                        startsAt: string;
                    };
                };
            };
            /** @description Error: see error.code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: see error.code */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
