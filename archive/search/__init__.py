"""Full-text search of utterances: the index backend, the queue that feeds it, the search page."""
