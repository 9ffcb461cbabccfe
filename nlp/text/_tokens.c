/* A clause's tagged words made ready in C: the optional compiled form of the word-by-word part of
 * nlp/text/tokens.py's ``pos_cut_pieces`` (built by setup.py when a C compiler is there).
 *
 * ``words(tagged, separator, overrides, offset, suffixes)`` reads jieba-rs's list of
 * ``(word, tag)`` tuples once and returns ``(words, starts, candidates)``:
 *   words       the tuples, less those whose word is ``separator`` (the word jieba-rs makes of
 *               PIECE_SEPARATOR; None: none dropped), each with the lexicon's own tag where its
 *               word is a key of ``overrides`` (a new tuple; the same tuple otherwise);
 *   starts      the offset where each word starts, counted from ``offset``, and last the end;
 *   candidates  the indices (into words) of the two-character words whose first character is one
 *               of ``suffixes`` (the place suffixes the Python form finds with a scan of the text).
 * The Python form finds the words to correct by scanning the text for the suffixes and the
 * lexicon's overrides; a word starts at such a place exactly when its own first character is a
 * suffix or its own text is an override, so reading the words gives the same words.
 * tests/test_tokens_kernel.py holds the two forms to each other.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
words(PyObject *self, PyObject *args)
{
    PyObject *tagged, *separator, *overrides, *suffixes;
    Py_ssize_t offset;
    if (!PyArg_ParseTuple(args, "O!OO!nU", &PyList_Type, &tagged, &separator, &PyDict_Type, &overrides,
                          &offset, &suffixes))
        return NULL;
    if (separator != Py_None && !PyUnicode_Check(separator)) {
        PyErr_SetString(PyExc_TypeError, "words: separator must be a str or None");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(tagged);
    PyObject *out = PyList_New(0), *starts = PyList_New(0), *candidates = PyList_New(0);
    if (out == NULL || starts == NULL || candidates == NULL)
        goto fail;
    int has_overrides = PyDict_GET_SIZE(overrides) > 0;
    Py_ssize_t at = offset;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(tagged, i);
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2 || !PyUnicode_Check(PyTuple_GET_ITEM(item, 0))) {
            PyErr_SetString(PyExc_TypeError, "words: expected (word, tag) tuples");
            goto fail;
        }
        PyObject *word = PyTuple_GET_ITEM(item, 0);
        if (separator != Py_None) {
            int same = PyUnicode_Compare(word, separator);
            if (same == -1 && PyErr_Occurred())
                goto fail;
            if (same == 0)
                continue;
        }
        Py_ssize_t length = PyUnicode_GET_LENGTH(word);
        PyObject *start = PyLong_FromSsize_t(at);
        if (start == NULL || PyList_Append(starts, start) < 0) {
            Py_XDECREF(start);
            goto fail;
        }
        Py_DECREF(start);
        if (length == 2) {
            Py_UCS4 first = PyUnicode_READ_CHAR(word, 0);
            if (PyUnicode_FindChar(suffixes, first, 0, PyUnicode_GET_LENGTH(suffixes), 1) >= 0) {
                PyObject *index = PyLong_FromSsize_t(PyList_GET_SIZE(out));
                if (index == NULL || PyList_Append(candidates, index) < 0) {
                    Py_XDECREF(index);
                    goto fail;
                }
                Py_DECREF(index);
            }
        }
        PyObject *tag = has_overrides ? PyDict_GetItemWithError(overrides, word) : NULL;
        if (tag == NULL && PyErr_Occurred())
            goto fail;
        if (tag != NULL) {
            PyObject *fixed = PyTuple_Pack(2, word, tag);
            if (fixed == NULL || PyList_Append(out, fixed) < 0) {
                Py_XDECREF(fixed);
                goto fail;
            }
            Py_DECREF(fixed);
        }
        else if (PyList_Append(out, item) < 0)
            goto fail;
        at += length;
    }
    PyObject *end = PyLong_FromSsize_t(at);
    if (end == NULL || PyList_Append(starts, end) < 0) {
        Py_XDECREF(end);
        goto fail;
    }
    Py_DECREF(end);
    return Py_BuildValue("(NNN)", out, starts, candidates);
fail:
    Py_XDECREF(out);
    Py_XDECREF(starts);
    Py_XDECREF(candidates);
    return NULL;
}

static PyMethodDef methods[] = {
    {"words", words, METH_VARARGS,
     "words(tagged, separator, overrides, offset, suffixes) -> (words, starts, candidates)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_tokens", NULL, -1, methods};

PyMODINIT_FUNC
PyInit__tokens(void)
{
    return PyModule_Create(&module);
}
