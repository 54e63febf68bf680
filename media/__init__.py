"""Media storage, video and caption assets, upload validation and presigned uploads."""
