"""Drills (Übungen): a playbook rehearsed on a drill clock, with injects, never public."""
