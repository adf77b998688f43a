"""reelforge.generate"""
