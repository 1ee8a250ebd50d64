"""One search over the information service and the directory (see `index` and `query`)."""
