"""Load the parser in the server that starts a worker pool's processes.

:func:`govnews.batch.map_pages` asks the ``forkserver`` to import this module
before it forks any worker. Each worker then starts with the pipeline
imported and the word tables loaded, and shares those pages with the server
and the other workers instead of loading its own copy: most of a worker's
memory is these tables.
"""

from __future__ import annotations

import gc


def _load() -> None:
    # Anything but an ImportError raised here would take the forkserver
    # down with it; a worker that finds nothing loaded loads for itself.
    try:
        import govnews.parse  # noqa: F401  (the pipeline's modules)
        from govnews.batch import warm_up
        from govnews.repair import lexicon

        warm_up()
        lexicon.load_words()  # otherwise loaded by each worker's first damaged page
    except Exception:
        return
    # Objects the collector never moves are never written to: their pages
    # stay shared with every worker forked from here.
    gc.freeze()


_load()
