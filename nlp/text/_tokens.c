/* A clause's tagged words made ready in C: the optional compiled form of the word-by-word part of
 * nlp/text/tokens.py's ``pos_cut_pieces`` (built by setup.py when a C compiler is there).
 *
 * ``words(tagged, separator, overrides, offset, suffixes, firsts)`` reads jieba-rs's list of
 * ``(word, tag)`` tuples once and returns ``(words, starts, candidates)``:
 *   words       the tuples, less those whose word is ``separator`` (the word jieba-rs makes of
 *               PIECE_SEPARATOR; None: none dropped), each with the lexicon's own tag where its
 *               word is a key of ``overrides`` (a new tuple; the same tuple otherwise; ``firsts``
 *               holds the first characters of the keys);
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
words(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 6) {
        PyErr_SetString(PyExc_TypeError, "words takes 6 arguments");
        return NULL;
    }
    PyObject *tagged = args[0], *separator = args[1], *overrides = args[2], *suffixes = args[4],
             *firsts = args[5];
    Py_ssize_t offset = PyLong_AsSsize_t(args[3]);
    if (offset == -1 && PyErr_Occurred())
        return NULL;
    if (!PyList_Check(tagged) || !PyDict_Check(overrides) || !PyUnicode_Check(suffixes) ||
        !PyUnicode_Check(firsts) || (separator != Py_None && !PyUnicode_Check(separator))) {
        PyErr_SetString(PyExc_TypeError, "words(list, str | None, dict, int, str, str)");
        return NULL;
    }
    Py_ssize_t nfirsts = PyUnicode_GET_LENGTH(firsts);
    Py_ssize_t n = PyList_GET_SIZE(tagged);
    /* Both lists are made at their largest size and cut to the words kept at the end. */
    PyObject *out = PyList_New(n), *starts = PyList_New(n + 1), *candidates = PyList_New(0);
    if (out == NULL || starts == NULL || candidates == NULL)
        goto fail;
    /* (slots not yet set hold NULL, which a list's deallocation, traversal and slice deletion
     * all accept) */
    /* A quick screen before either string is searched: a bit per character's low six bits. */
    unsigned long long suffix_mask = 0, first_mask = 0;
    Py_ssize_t nsuffixes = PyUnicode_GET_LENGTH(suffixes);
    for (Py_ssize_t k = 0; k < nsuffixes; k++)
        suffix_mask |= 1ULL << (PyUnicode_READ_CHAR(suffixes, k) & 63);
    for (Py_ssize_t k = 0; k < nfirsts; k++)
        first_mask |= 1ULL << (PyUnicode_READ_CHAR(firsts, k) & 63);
    int has_overrides = PyDict_GET_SIZE(overrides) > 0;
    Py_ssize_t at = offset, kept = 0;
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
        if (start == NULL)
            goto fail;
        PyList_SET_ITEM(starts, kept, start);
        Py_UCS4 first = length ? PyUnicode_READ_CHAR(word, 0) : 0;
        unsigned long long bit = 1ULL << (first & 63);
        if (length == 2 && (suffix_mask & bit) && PyUnicode_FindChar(suffixes, first, 0, nsuffixes, 1) >= 0) {
            PyObject *index = PyLong_FromSsize_t(kept);
            if (index == NULL || PyList_Append(candidates, index) < 0) {
                Py_XDECREF(index);
                goto fail;
            }
            Py_DECREF(index);
        }
        /* (the dictionary is asked only for words opening with an override's first character:
         * hashing each new word would cost more than the rest of the pass) */
        PyObject *tag = NULL;
        if (has_overrides && length && (first_mask & bit) && PyUnicode_FindChar(firsts, first, 0, nfirsts, 1) >= 0) {
            tag = PyDict_GetItemWithError(overrides, word);
            if (tag == NULL && PyErr_Occurred())
                goto fail;
        }
        PyObject *kept_item = tag != NULL ? PyTuple_Pack(2, word, tag) : Py_NewRef(item);
        if (kept_item == NULL)
            goto fail;
        PyList_SET_ITEM(out, kept, kept_item);
        kept++;
        at += length;
    }
    PyObject *end = PyLong_FromSsize_t(at);
    if (end == NULL)
        goto fail;
    PyList_SET_ITEM(starts, kept, end);
    if (kept < n && (PyList_SetSlice(out, kept, n, NULL) < 0 || PyList_SetSlice(starts, kept + 1, n + 1, NULL) < 0))
        goto fail;
    PyObject *result = PyTuple_Pack(3, out, starts, candidates);
    Py_DECREF(out);
    Py_DECREF(starts);
    Py_DECREF(candidates);
    return result;
fail:
    Py_XDECREF(out);
    Py_XDECREF(starts);
    Py_XDECREF(candidates);
    return NULL;
}

static PyMethodDef methods[] = {
    {"words", (PyCFunction)(void (*)(void))words, METH_FASTCALL,
     "words(tagged, separator, overrides, offset, suffixes, firsts) -> (words, starts, candidates)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_tokens", NULL, -1, methods};

PyMODINIT_FUNC
PyInit__tokens(void)
{
    return PyModule_Create(&module);
}
