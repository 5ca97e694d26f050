"""Migrant Desk: rule sheets, stay deadlines, a case log and leaflets for migrant-support NGOs."""

__version__ = "0.1.0"
