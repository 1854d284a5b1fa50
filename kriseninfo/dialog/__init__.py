"""The dialog feed: citizens' questions from feeds, platforms, mail and the hotline."""
