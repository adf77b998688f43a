"""reelforge.blobs"""
