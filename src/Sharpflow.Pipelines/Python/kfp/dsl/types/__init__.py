"""Artifact classes and the type annotations components use for inputs and outputs."""
