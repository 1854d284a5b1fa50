"""Publishing: the durable outbox of released messages and the channels that send them."""
