"""Incidents (Lagen) and their Lagebild."""
