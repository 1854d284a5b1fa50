"""Bundled scenario playbooks (YAML), installed as the data package kriseninfo_playbooks."""
