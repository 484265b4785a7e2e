"""Measured quality figures on labelled data, one module per stage (``evaluate <stage>``)."""
