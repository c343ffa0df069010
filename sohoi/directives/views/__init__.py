"""Thin views: parse input, call one service or selector, render (design.md, convention 4)."""
