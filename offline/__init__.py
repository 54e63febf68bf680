"""Working without a connection: grade packs, offline lessons and community nodes."""
