"""What an answer is made of: quotes located in their records, the answer line, summaries, the chat model."""
