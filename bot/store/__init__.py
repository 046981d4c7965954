"""SQLite storage: the escalation outbox, feedback votes, the question log and the reload audit.

``open_database`` (in ``database``) opens and migrates the file; each store takes the open
``Database``. ``Stores.open`` (in ``stores``) builds all of them at once.
"""
