"""Adapters between people and the retrieval core: the `minutebot` command line and the Discord bot."""
