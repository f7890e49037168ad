"""Open data (issue 15): every public table as CSV and XLSX, Atom feeds, and the reads they and the API share.

- `selectors`: reads of published data only, each in a fixed number of queries (a download
  of thousands of rows: a fixed number per chunk of rows).
- `table`: the columns of a download and the cells of a task, in the order the importer reads back.
- `files`: CSV (UTF-8 with BOM) and XLSX bytes, and the file names.
- `downloads`, `feeds`: the views. The JSON API is `tracker.api`.

Downloads, feeds and the API are stored and validated like the public pages
(`tracker.page_cache`, `per_language=False`): they change when the data does.
"""
