"""Records as text: each file format read into plain text with anchors, tables as rows, transcript conventions."""
