/* A word's vocabulary marks in C: the optional compiled form of ``_MarkIndex.of``
 * (nlp/activities/word_marks.py), for the words new to the tagger.
 *
 * ``marks_of(words, tables)`` gives, for every word of ``words``, the tuple of marks the Python form
 * gives: the marks of the lists the word is in, ends with, starts with or contains, in the order of
 * the lists. ``tables`` (made once by ``_MarkIndex.kernel_tables``) holds each list's position as a
 * bit of a mask:
 *
 *   whole            dict: a listed word -> the mask of the "in" lists holding it
 *   ends             dict: a listed ending -> the mask of the "endswith" lists holding it
 *   end_chars        str: the last characters of the listed endings, ascending
 *   end_lengths      bytes: for each of end_chars, bit k - 1 set when a listed ending of k
 *                    characters ends with it
 *   starts, start_chars, start_lengths: the same for the "startswith" lists' beginnings
 *   contained_chars  str: the first characters of the "contains" lists' words, ascending
 *   contained        tuple: for each of contained_chars, a tuple of (word, mask) pairs
 *   marks            tuple: the mark of every position
 *   by_mask          dict: a mask -> its tuple of marks (filled here as masks are met)
 *
 * One call per batch, no Python call per word, and a word's edge characters looked up by binary
 * search without making a string: the Python form makes a list, slices, a set and a sorted list per
 * word. tests/test_word_marks_kernel.py holds the two forms to each other.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

/* ``table[key]`` as a mask ORed into ``*mask``: 0, or -1 on an error. */
static int
or_mask(PyObject *table, PyObject *key, uint64_t *mask)
{
    PyObject *found = PyDict_GetItemWithError(table, key); /* borrowed */
    if (found == NULL)
        return PyErr_Occurred() ? -1 : 0;
    unsigned long long bits = PyLong_AsUnsignedLongLong(found);
    if (bits == (unsigned long long)-1 && PyErr_Occurred())
        return -1;
    *mask |= (uint64_t)bits;
    return 0;
}

/* Where ``ch`` stands in ``chars`` (a str of distinct characters in ascending order), or -1: a
 * binary search, no string made. */
static Py_ssize_t
char_at(PyObject *chars, Py_UCS4 ch)
{
    int kind = PyUnicode_KIND(chars);
    const void *data = PyUnicode_DATA(chars);
    Py_ssize_t low = 0, high = PyUnicode_GET_LENGTH(chars);
    while (low < high) {
        Py_ssize_t middle = (low + high) / 2;
        Py_UCS4 found = PyUnicode_READ(kind, data, middle);
        if (found == ch)
            return middle;
        if (found < ch)
            low = middle + 1;
        else
            high = middle;
    }
    return -1;
}

/* The listed edges of ``word`` (its endings when ``at_end``, else its beginnings): ``lengths``
 * holds, for the edge character's place in ``chars``, a byte whose bit k - 1 says a listed edge of
 * k characters has it; for each such k up to the word's length, ``table[the edge of k]``. */
static int
or_edges(PyObject *table, PyObject *chars, PyObject *lengths, PyObject *word, Py_ssize_t n, int at_end,
         uint64_t *mask)
{
    Py_UCS4 ch = PyUnicode_READ_CHAR(word, at_end ? n - 1 : 0);
    Py_ssize_t place = char_at(chars, ch);
    if (place < 0)
        return 0;
    unsigned int bits = (unsigned char)PyBytes_AS_STRING(lengths)[place];
    for (Py_ssize_t length = 1; bits && length <= n; length++, bits >>= 1) {
        if (!(bits & 1))
            continue;
        PyObject *piece = at_end ? PyUnicode_Substring(word, n - length, n) : PyUnicode_Substring(word, 0, length);
        if (piece == NULL)
            return -1;
        int failed = or_mask(table, piece, mask);
        Py_DECREF(piece);
        if (failed)
            return -1;
    }
    return 0;
}

/* The "contains" lists' words found anywhere in ``word``: at each character that is in ``chars``,
 * the (word, mask) pairs of its place in ``pairs_by_place``. */
static int
or_contained(PyObject *chars, PyObject *pairs_by_place, PyObject *word, Py_ssize_t n, uint64_t *mask)
{
    int kind = PyUnicode_KIND(word);
    const void *data = PyUnicode_DATA(word);
    for (Py_ssize_t at = 0; at < n; at++) {
        Py_ssize_t place = char_at(chars, PyUnicode_READ(kind, data, at));
        if (place < 0)
            continue;
        PyObject *pairs = PyTuple_GET_ITEM(pairs_by_place, place);
        if (!PyTuple_Check(pairs)) {
            PyErr_SetString(PyExc_TypeError, "marks_of: contained words must be tuples of pairs");
            return -1;
        }
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(pairs); i++) {
            PyObject *pair = PyTuple_GET_ITEM(pairs, i);
            if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
                PyErr_SetString(PyExc_TypeError, "marks_of: contained words must be (word, mask) pairs");
                return -1;
            }
            Py_ssize_t hit = PyUnicode_Tailmatch(word, PyTuple_GET_ITEM(pair, 0), at, n, -1);
            if (hit < 0)
                return -1;
            if (hit) {
                unsigned long long bits = PyLong_AsUnsignedLongLong(PyTuple_GET_ITEM(pair, 1));
                if (bits == (unsigned long long)-1 && PyErr_Occurred())
                    return -1;
                *mask |= (uint64_t)bits;
            }
        }
    }
    return 0;
}

/* The tuple of marks of ``mask`` (a new reference), from ``by_mask`` or made and stored there. */
static PyObject *
marks_tuple(PyObject *by_mask, PyObject *marks, uint64_t mask)
{
    PyObject *key = PyLong_FromUnsignedLongLong(mask);
    if (key == NULL)
        return NULL;
    PyObject *found = PyDict_GetItemWithError(by_mask, key); /* borrowed */
    if (found != NULL) {
        Py_DECREF(key);
        Py_INCREF(found);
        return found;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(key);
        return NULL;
    }
    Py_ssize_t count = 0;
    for (uint64_t bits = mask; bits; bits &= bits - 1)
        count++;
    PyObject *out = PyTuple_New(count);
    if (out == NULL) {
        Py_DECREF(key);
        return NULL;
    }
    Py_ssize_t filled = 0;
    for (Py_ssize_t position = 0; position < 64 && filled < count; position++) {
        if (!(mask >> position & 1))
            continue;
        if (position >= PyTuple_GET_SIZE(marks)) {
            PyErr_SetString(PyExc_ValueError, "marks_of: a mask names a position with no mark");
            Py_DECREF(out);
            Py_DECREF(key);
            return NULL;
        }
        PyObject *mark = PyTuple_GET_ITEM(marks, position);
        Py_INCREF(mark);
        PyTuple_SET_ITEM(out, filled++, mark);
    }
    int failed = PyDict_SetItem(by_mask, key, out) < 0;
    Py_DECREF(key);
    if (failed) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

static PyObject *
marks_of(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyTuple_Check(args[1]) || PyTuple_GET_SIZE(args[1]) != 11) {
        PyErr_SetString(PyExc_TypeError, "marks_of(words, tables: a tuple of eleven)");
        return NULL;
    }
    PyObject **t = &PyTuple_GET_ITEM(args[1], 0);
    PyObject *whole = t[0], *ends = t[1], *end_chars = t[2], *end_lengths = t[3];
    PyObject *starts = t[4], *start_chars = t[5], *start_lengths = t[6];
    PyObject *contained_chars = t[7], *contained = t[8], *marks = t[9], *by_mask = t[10];
    if (!PyDict_Check(whole) || !PyDict_Check(ends) || !PyUnicode_Check(end_chars) || !PyBytes_Check(end_lengths)
        || PyBytes_GET_SIZE(end_lengths) != PyUnicode_GET_LENGTH(end_chars) || !PyDict_Check(starts)
        || !PyUnicode_Check(start_chars) || !PyBytes_Check(start_lengths)
        || PyBytes_GET_SIZE(start_lengths) != PyUnicode_GET_LENGTH(start_chars) || !PyUnicode_Check(contained_chars)
        || !PyTuple_Check(contained) || PyTuple_GET_SIZE(contained) != PyUnicode_GET_LENGTH(contained_chars)
        || !PyTuple_Check(marks) || !PyDict_Check(by_mask)) {
        PyErr_SetString(PyExc_TypeError, "marks_of: tables do not have the shapes of _MarkIndex.kernel_tables");
        return NULL;
    }
    PyObject *seq = PySequence_Fast(args[0], "marks_of: words must be a sequence");
    if (seq == NULL)
        return NULL;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    PyObject *out = PyList_New(count);
    if (out == NULL) {
        Py_DECREF(seq);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *word = items[i];
        if (!PyUnicode_Check(word)) {
            PyErr_SetString(PyExc_TypeError, "marks_of: words must be str");
            goto fail;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(word);
        uint64_t mask = 0;
        if (or_mask(whole, word, &mask) < 0)
            goto fail;
        if (n > 0
            && (or_edges(ends, end_chars, end_lengths, word, n, 1, &mask) < 0
                || or_edges(starts, start_chars, start_lengths, word, n, 0, &mask) < 0
                || or_contained(contained_chars, contained, word, n, &mask) < 0))
            goto fail;
        PyObject *found = mask ? marks_tuple(by_mask, marks, mask) : PyTuple_New(0); /* (most words) */
        if (found == NULL)
            goto fail;
        PyList_SET_ITEM(out, i, found);
    }
    Py_DECREF(seq);
    return out;
fail:
    Py_DECREF(seq);
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef methods[] = {
    {"marks_of", (PyCFunction)(void (*)(void))marks_of, METH_FASTCALL,
     "marks_of(words, tables) -> the tuple of vocabulary marks of every word (_MarkIndex.of)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_marks", "Vocabulary marks of words in C (nlp/activities/word_marks.py).", -1, methods,
};

PyMODINIT_FUNC
PyInit__marks(void)
{
    return PyModule_Create(&module);
}
