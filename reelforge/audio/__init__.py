"""reelforge.audio"""
