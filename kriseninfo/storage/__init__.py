"""Storage: the ORM rows, the database connection and its migrations."""
