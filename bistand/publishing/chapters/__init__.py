"""One module per chapter: its chart builders and display tables, drawn from bistand.analysis.chapters frames."""
