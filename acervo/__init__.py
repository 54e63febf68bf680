"""Acervo: open repository of educational resources and teacher-training courses."""
