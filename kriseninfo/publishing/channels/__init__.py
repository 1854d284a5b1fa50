"""One module per channel kind, each exposing its class as `CHANNEL` (see `registry`)."""
