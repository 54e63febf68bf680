"""Catalogue interchange: the JSON Lines record, its validation, import and export."""
