"""numpy.lib: of NumPy's, the text reader (_npyio_impl.loadtxt)."""
