"""Text as it is written: sentences, speaker turns, sections under their headings, language and vocabulary."""
