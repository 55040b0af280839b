"""Reading and writing workbook files: the reader, the parser, the builder, migrations, raw-part checks, safe text, styles, and the sheets the tools write."""
