/* Integer keys of the tagger's tokens in C: the optional compiled form of the look-up in
 * ``WordKeys.encode`` (nlp/activities/token_arrays.py).
 *
 * ``encode(ids, words, known)`` gives the key of every (word, tag) pair of ``words`` as native
 * 64-bit integers in a bytearray: its value in the dict ``ids``, or, for a pair not in it, the next
 * free key (``len(known)``), which is then stored in ``ids`` and the pair appended to ``known``, so
 * new pairs get keys in order of first sight, as the Python form gives them. One pass, without a
 * Python call per token: the Python form reads the keys through ``np.fromiter`` over a ``map`` of
 * ``dict.get`` and makes the new ones in a second pass. ``describe`` reads what the tagger needs of
 * the new words' forms (length, white space, clause mark, quotes) in one pass too.
 * tests/test_word_keys_kernel.py holds the two forms of each to each other.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

static PyObject *
encode(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3 || !PyDict_Check(args[0]) || !PyList_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "encode(ids: dict, words, known: list)");
        return NULL;
    }
    PyObject *ids = args[0], *known = args[2];
    PyObject *words = PySequence_Fast(args[1], "encode: words must be a sequence");
    if (words == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(words);
    PyObject *out = PyByteArray_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(int64_t));
    if (out == NULL) {
        Py_DECREF(words);
        return NULL;
    }
    int64_t *keys = (int64_t *)PyByteArray_AS_STRING(out);
    PyObject **items = PySequence_Fast_ITEMS(words);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *found = PyDict_GetItemWithError(ids, items[i]); /* borrowed */
        if (found != NULL) {
            long long key = PyLong_AsLongLong(found);
            if (key == -1 && PyErr_Occurred())
                goto fail;
            keys[i] = (int64_t)key;
            continue;
        }
        if (PyErr_Occurred())
            goto fail;
        Py_ssize_t next = PyList_GET_SIZE(known);
        PyObject *key = PyLong_FromSsize_t(next);
        if (key == NULL)
            goto fail;
        int failed = PyDict_SetItem(ids, items[i], key) < 0 || PyList_Append(known, items[i]) < 0;
        Py_DECREF(key);
        if (failed)
            goto fail;
        keys[i] = (int64_t)next;
    }
    Py_DECREF(words);
    return out;
fail:
    Py_DECREF(words);
    Py_DECREF(out);
    return NULL;
}

/* Whether the one-character string at ``at`` of ``word`` (for an empty word, the empty string) is
 * in the set ``marks``: 1, 0, or -1 on an error. */
static int
char_in(PyObject *marks, PyObject *word, Py_ssize_t at)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(word);
    PyObject *piece = n ? PyUnicode_Substring(word, at, at + 1) : PyUnicode_Substring(word, 0, 0);
    if (piece == NULL)
        return -1;
    int found = PySet_Contains(marks, piece);
    Py_DECREF(piece);
    return found;
}

/* What the tagger reads of each word's form: for every (word, tag) pair of ``words``, five native
 * 64-bit integers in a bytearray: the word's length, whether it is all white space (``not
 * word.strip()``), whether it is in ``clause_marks``, whether its first character is in
 * ``open_quotes``, whether its last one is in ``close_quotes`` (``word[:1]``, ``word[-1:]``: the
 * empty string for an empty word). */
static PyObject *
describe(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 4 || !PyAnySet_Check(args[1]) || !PyAnySet_Check(args[2]) || !PyAnySet_Check(args[3])) {
        PyErr_SetString(PyExc_TypeError, "describe(words, clause_marks: set, open_quotes: set, close_quotes: set)");
        return NULL;
    }
    PyObject *words = PySequence_Fast(args[0], "describe: words must be a sequence");
    if (words == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(words);
    PyObject *out = PyByteArray_FromStringAndSize(NULL, 5 * n * (Py_ssize_t)sizeof(int64_t));
    if (out == NULL) {
        Py_DECREF(words);
        return NULL;
    }
    int64_t *row = (int64_t *)PyByteArray_AS_STRING(out);
    PyObject **items = PySequence_Fast_ITEMS(words);
    for (Py_ssize_t i = 0; i < n; i++, row += 5) {
        PyObject *pair = items[i];
        if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) < 1 || !PyUnicode_Check(PyTuple_GET_ITEM(pair, 0))) {
            PyErr_SetString(PyExc_TypeError, "describe: each word must be a (str, tag) tuple");
            goto fail;
        }
        PyObject *word = PyTuple_GET_ITEM(pair, 0);
        Py_ssize_t length = PyUnicode_GET_LENGTH(word);
        int kind = PyUnicode_KIND(word);
        const void *data = PyUnicode_DATA(word);
        int blank = 1;
        for (Py_ssize_t at = 0; at < length && blank; at++)
            blank = Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, at));
        int mark = PySet_Contains(args[1], word);
        int opens = mark < 0 ? -1 : char_in(args[2], word, 0);
        int closes = opens < 0 ? -1 : char_in(args[3], word, length - 1);
        if (closes < 0)
            goto fail;
        row[0] = length;
        row[1] = blank;
        row[2] = mark;
        row[3] = opens;
        row[4] = closes;
    }
    Py_DECREF(words);
    return out;
fail:
    Py_DECREF(words);
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef methods[] = {
    {"encode", (PyCFunction)(void (*)(void))encode, METH_FASTCALL,
     "encode(ids, words, known) -> the keys of words (native int64 in a bytearray), new pairs added "
     "to ids and known in order of first sight."},
    {"describe", (PyCFunction)(void (*)(void))describe, METH_FASTCALL,
     "describe(words, clause_marks, open_quotes, close_quotes) -> per word: length, blank, clause mark, "
     "opens a quote, closes a quote (five native int64 each, in a bytearray)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_keys", "Token keys in C (nlp/activities/token_arrays.py).", -1, methods,
};

PyMODINIT_FUNC
PyInit__keys(void)
{
    return PyModule_Create(&module);
}
