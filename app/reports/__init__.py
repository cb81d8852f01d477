"""Reports to the city: what the station actually aired, by topic, priority, source and area."""
