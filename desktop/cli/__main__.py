"""``python -m desktop.cli`` is the same as ``migrant-desk``."""

from desktop.cli import main

raise SystemExit(main())
