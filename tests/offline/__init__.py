"""Tests of the offline features."""
