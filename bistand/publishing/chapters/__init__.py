"""The publishing side of each chapter: its charts and display tables, built from bistand.analysis.chapters."""
