"""The data layer: loading and validating the data package, its vocabularies, periods, units and derived values.

Imports nothing from the analysis or publishing layers."""
