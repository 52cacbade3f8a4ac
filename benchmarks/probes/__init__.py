"""Small programs run in fresh interpreters, each printing one JSON line of figures."""
