"""A continuous live stream per mount: what it carries now (`onair`) and the feeder that
encodes it to Icecast without ever dropping its listeners (`feeder`). No database."""
