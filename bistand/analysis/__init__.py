"""The analysis layer: metrics, claims and their verdicts, the summary, and each chapter's figures and tables.

Imports from the data layer only; nothing from publishing."""
