"""One module per chapter: its own chart builders and display tables, from the analysis layer's frames."""
