from tests.organisations.province import province

__all__ = ["province"]
