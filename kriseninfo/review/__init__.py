"""After-action review (Nachbereitung): figures of a drill or a closed incident, and the report."""
