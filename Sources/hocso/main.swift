print("hocso")
