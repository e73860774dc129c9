"""A small read-only JSON API: search, utterances, speakers and events, paginated."""
