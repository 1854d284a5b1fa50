"""Triage of citizens' messages: which category, whether it is an emergency and why, and
which Textbausteine answer it. Words and rules a duty officer can read (`cues.yaml`), the
incident's playbook and facts; offline, no model, no download.

- `normalize`: German text folded and stemmed as the triage compares it
- `cues`: the lexicon (`cues.yaml`) and its matcher
- `incident`: what the triage knows of one incident (playbook examples, streets)
- `model`: a small learnt model of emergencies that backs up the rules (`model.json`)
- `classify`: the verdict (category, emergency, why)
- `rank`: Textbausteine ranked for a message
- `service`: triage of an incident's feed, new triage after changes, the CLI's triage
- `evaluate`: figures on a labelled set of messages
"""
