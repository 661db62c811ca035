"""What a question asks (its topic, a count, a time, a reason, a person, an act…) and whether a sentence gives it."""
