"""The publishing layer: charts, glue, Swedish formats, citation, bibliography, PDF, the ledger's HTML, notebook tooling.

Imports from the data and analysis layers."""
