"""Kriseninfo console (PySide6), installed as kriseninfo_ui."""
