print("storage crash writer: not yet built")
