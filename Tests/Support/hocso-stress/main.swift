// Placeholder until the stress loop lands.
print("hocso-stress")
