"""A large, realistic demo archive, made with the test factories: see `generate.generate_demo`."""

from .generate import DemoReport, generate_demo

__all__ = ["DemoReport", "generate_demo"]
