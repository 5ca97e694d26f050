"""Who may do what, and how the case log is kept unreadable to everyone else.

Plain Python, no Qt (the window's dialogs live in ``desktop.ui``):

* ``permissions`` – roles, permissions, the :class:`~desktop.security.permissions.Actor`
  acting, and :func:`~desktop.security.permissions.require`, the one check every service call
  passes through;
* ``passphrase`` – where a passphrase or password comes from (environment, terminal) and what
  a new one must be like;
* ``unlock`` – checking a passphrase against the log file before anything else is loaded;
* ``accounts`` – user accounts with Argon2id password hashes, signing in;
* ``signin`` – which actor a command-line run acts as;
* ``idle`` – the idle-lock clock (the window's event filter feeds it).

The file encryption itself (SQLCipher, Argon2id key derivation) is ``db.cipher``.
Nothing here is imported before the window paints except ``permissions``, ``passphrase``
and ``unlock``, which import neither SQLAlchemy nor SQLModel.
"""
