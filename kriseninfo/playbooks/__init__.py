"""Scenario playbooks: the pre-approved texts a municipality prepares before the crisis."""
