"""reelforge.agent"""
