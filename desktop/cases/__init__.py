"""The case log's domain: clients, cases, consultations, follow-ups, search, lists, statistics.

Plain Python, no Qt. Services take a session and keyword arguments and return read models
(``db.schemas``) or small frozen dataclasses, never live rows. Nothing is imported here: the
window imports what it needs lazily, after it has painted (SQLModel alone costs ~0.4 s).

Where things are:

* ``storage`` – open (create/upgrade), check, back up and restore the log;
* ``clients``, ``caseops``, ``records`` (consultations, follow-ups), ``trips`` (trips,
  referrals), ``deletion`` (delete and undo), ``local_rules``;
* ``search``, ``lists`` (cases), ``today`` (follow-ups due), ``stats``;
* ``transfer``/``importer`` (JSON export and import), ``demo`` (made-up logs);
* ``visibility`` (whose cases a counsellor sees), ``audit_log`` (reading the trail),
  ``retention`` (anonymisation and erasure), ``research`` (the pseudonymised export),
  ``quick`` (the start page's first read without SQLAlchemy).

Every service declares the permission it needs (``desktop.security.permissions.requires``)
and checks it against the actor bound to the session.
"""
