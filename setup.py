"""The optional compiled part of the package; everything else is declared in pyproject.toml.

``nlp.activities._crf`` decodes the activity tagger in C (nlp/activities/_crf.c). It is optional:
where no C compiler is found the build says so and goes on, and the package decodes with numpy
(nlp/activities/crf_decode.py), to the same labels. In a checkout, ``python setup.py build_ext
--inplace`` (or ``pip install -e .``) builds it beside its source.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("nlp.activities._crf", ["nlp/activities/_crf.c"], optional=True),
    ]
)
