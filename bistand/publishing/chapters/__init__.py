"""One module per chapter: the chapter's own charts and display tables, drawn from its analysis module's frames."""
