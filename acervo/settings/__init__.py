"""Settings package: base.py plus one thin file per environment."""
