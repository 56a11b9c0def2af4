"""The MkDocs-free core. Nothing in this package may import ``mkdocs`` (a test enforces it).

One home per concern:

* the model and its reading: :mod:`.model`, :mod:`.frontmatter`, :mod:`.loader` (validation,
  Vietnamese errors), :mod:`.sections`, :mod:`.files` (what may be read), :mod:`.sanitize`;
* :mod:`.periods` (package): deadlines as plans write them; :mod:`.agencies` (package): the
  registry and name resolution;
* :mod:`.catalog`: every grouping of a site, computed once;
* :mod:`.status`: the one status table (the browser reads it as data); :mod:`.labels`: Vietnamese
  labels and dates; :mod:`.urls`: every URL; :mod:`.options`: every option default;
* :mod:`.pages` (package): one module per generated page kind and the ``PAGES`` registry;
  :mod:`.exports` (package): one module per data file kind and the ``EXPORTS`` registry;
* :mod:`.schema`, :mod:`.records`: the JSON Schemas generated from the model.
"""
