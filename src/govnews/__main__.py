"""``python -m govnews`` runs the command line."""

from govnews.cli import main

raise SystemExit(main())
