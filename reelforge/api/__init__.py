"""reelforge.api"""
