"""OAI-PMH 2.0 provider: record tracking, metadata formats, protocol handling."""
