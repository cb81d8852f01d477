"""The province's information-source system: organisations, the stations under them, bulletins."""
