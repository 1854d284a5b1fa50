"""The standard answer to anything that looks like an emergency (importable cheaply)."""

EMERGENCY_ANSWER = {
    "de": "Bitte wählen Sie sofort den Notruf 112. Über soziale Medien können wir keine "
    "Hilfe schicken.",
    "en": "Please call the emergency number 112 immediately. We cannot send help through "
    "social media.",
}
