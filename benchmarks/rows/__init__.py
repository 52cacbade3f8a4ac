"""One module per group of benchmark rows; each exposes `measure(context) -> list[Row]`."""
