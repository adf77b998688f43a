"""reelforge.render"""
