"""People who work at the console, their roles and PINs."""
