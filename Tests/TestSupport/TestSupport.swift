import H2
