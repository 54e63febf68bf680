"""Learning events as xAPI 1.0.3 statements sent to a Learning Record Store (see docs/xapi.md).

- `events`: what the learning writes call, inside their own transaction;
- `statements`: the statements themselves (actor, verbs, activities, stable ids);
- `outbox`: the durable queue of statements (`XapiStatement` rows) and its sending, with back-off;
- `lrs`: the HTTP client of the LRS; `tasks`: the background task; `report`: the backlog in the admin.
"""
