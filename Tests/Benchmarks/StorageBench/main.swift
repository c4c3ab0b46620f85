print("storage bench: not yet built")
