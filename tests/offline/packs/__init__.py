"""Tests of the offline grade packs."""
