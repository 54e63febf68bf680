"""Offline packs: a grade of the catalogue as a static site in a zip, built in the background."""
