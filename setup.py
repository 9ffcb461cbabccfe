"""The optional compiled part of the package; everything else is declared in pyproject.toml.

Two small kernels in C, each the faster form of a Python function kept beside it: the activity
tagger's decoder (nlp/activities/_crf.c, for crf_decode.py: the same labels, marginals to
rounding) and the sentence and clause splitter (nlp/text/_sentences.c, for sentences.py: the same
pieces). Both are optional: where no C compiler is found the build says so and goes on, and the
package runs the Python forms. In a checkout, ``python setup.py build_ext --inplace`` (or
``pip install -e .``) builds them beside their sources.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("nlp.activities._crf", ["nlp/activities/_crf.c"], optional=True),
        Extension("nlp.text._sentences", ["nlp/text/_sentences.c"], optional=True),
        Extension("nlp.categories._totals", ["nlp/categories/_totals.c"], optional=True),
        Extension("nlp.categories._grams", ["nlp/categories/_grams.c"], optional=True),
    ]
)
