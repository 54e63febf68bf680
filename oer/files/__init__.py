"""A resource's stored file: attaching it, fetching it from its URL, reading it in the background."""
