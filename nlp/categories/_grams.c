/* The known character n-grams of many texts in C: the optional compiled form of
 * nlp/categories/grams.py's ``known_grams`` (built by setup.py when a C compiler is there).
 *
 * The same reading: at each position of each text (before ``starts_before[i]`` where given), the
 * 1-gram is looked up, and each longer n-gram (up to ``high`` <= 3 characters, inside the text)
 * only while the shorter one is held by the table (a term or only a term's prefix); the terms found
 * with ``low`` <= n are counted per (text, column). The table is the ``GramTable``'s own arrays:
 * single characters by code point + 1 in ``singles``, longer keys (21 bits a character, the first
 * highest) by open addressing from their Fibonacci hash, an empty slot holding key 0. The pairs
 * text * width + column are sorted by a radix sort (a byte a pass, as many as texts * width needs)
 * and counted, so the result
 * is the same three arrays as numpy's (tests/test_category_weights.py holds the two forms to each
 * other).
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define BITS 21
#define PREFIX_ONLY (-2)
#define GOLDEN 0x9E3779B97F4A7C15ULL

typedef struct {
    const int64_t *keys;
    const int32_t *columns;
    const int32_t *singles;
    Py_ssize_t n_singles;
    uint64_t mask;
    int shift;
} Table;

static int32_t
entry_of(const Table *t, int64_t key)
{
    uint64_t slot = ((uint64_t)key * GOLDEN) >> t->shift;
    for (;;) {
        int64_t held = t->keys[slot];
        if (held == key)
            return t->columns[slot];
        if (held == 0)
            return -1;
        slot = (slot + 1) & t->mask;
    }
}

typedef struct {
    uint64_t *items;
    Py_ssize_t size, capacity;
} Pairs;

static int
push(Pairs *p, uint64_t value)
{
    if (p->size == p->capacity) {
        Py_ssize_t capacity = p->capacity ? 2 * p->capacity : 4096;
        uint64_t *items = PyMem_Realloc(p->items, sizeof(uint64_t) * (size_t)capacity);
        if (items == NULL)
            return -1;
        p->items = items;
        p->capacity = capacity;
    }
    p->items[p->size++] = value;
    return 0;
}

/* Sort ``items`` (all below 2 ** (8 * passes)) with ``passes`` passes of 8 bits, least first. The
 * counts of a pass are 256 (2 KB): they stay in the first-level cache, where 16-bit digits needed a
 * table of 65,536 (512 KB) cleared and summed on every pass, more than the pairs of a call (about
 * 12,000 for a long report) and more than the cache holds. */
static int
radix_sort(uint64_t *items, Py_ssize_t n, int passes)
{
    uint64_t *other = PyMem_Malloc(sizeof(uint64_t) * (size_t)(n ? n : 1));
    if (other == NULL)
        return -1;
    Py_ssize_t count[256];
    uint64_t *from = items, *to = other;
    for (int pass = 0; pass < passes; pass++) {
        int shift = 8 * pass;
        memset(count, 0, sizeof(count));
        for (Py_ssize_t i = 0; i < n; i++)
            count[(from[i] >> shift) & 0xFF]++;
        Py_ssize_t at = 0;
        for (int b = 0; b < 256; b++) {
            Py_ssize_t c = count[b];
            count[b] = at;
            at += c;
        }
        for (Py_ssize_t i = 0; i < n; i++)
            to[count[(from[i] >> shift) & 0xFF]++] = from[i];
        uint64_t *swap = from;
        from = to;
        to = swap;
    }
    if (from != items)
        memcpy(items, from, sizeof(uint64_t) * (size_t)n);
    PyMem_Free(other);
    return 0;
}

static int
get_buffer(PyObject *obj, Py_buffer *view, int itemsize, const char *name)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0)
        return -1;
    const char *f = view->format ? view->format : "B";
    int ok = view->itemsize == itemsize
             && (itemsize == 8 ? (strcmp(f, "l") == 0 || strcmp(f, "q") == 0) : strcmp(f, "i") == 0);
    if (!ok) {
        PyErr_Format(PyExc_TypeError, "%s: expected a C-contiguous array of int%d, got '%s'", name, 8 * itemsize, f);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

PyDoc_STRVAR(known_grams_doc,
"known_grams(docs, keys, columns, singles, shift, low, high, width, starts_before)\n\n"
"The pairs text * width + column of the known n-grams of ``docs`` (a list of str), distinct and\n"
"sorted, and the count of each: two bytes objects of native int64. ``keys`` (int64), ``columns`` (int32) and\n"
"``singles`` (int32) are the GramTable's arrays, ``shift`` its hash's; ``starts_before`` is None\n"
"or a list of int, one per text.");

static PyObject *
known_grams(PyObject *self, PyObject *args)
{
    PyObject *docs, *keys_obj, *columns_obj, *singles_obj, *before;
    int shift, low, high;
    long long width;
    if (!PyArg_ParseTuple(args, "O!OOOiiiLO:known_grams", &PyList_Type, &docs, &keys_obj, &columns_obj,
                          &singles_obj, &shift, &low, &high, &width, &before))
        return NULL;
    if (high < 1 || high > 3 || low < 1 || width < 1 || shift < 1 || shift > 63
        || (before != Py_None && (!PyList_Check(before) || PyList_GET_SIZE(before) != PyList_GET_SIZE(docs)))) {
        PyErr_SetString(PyExc_ValueError, "known_grams: bad arguments");
        return NULL;
    }
    Py_buffer keys, columns, singles;
    if (get_buffer(keys_obj, &keys, 8, "keys") < 0)
        return NULL;
    if (get_buffer(columns_obj, &columns, 4, "columns") < 0) {
        PyBuffer_Release(&keys);
        return NULL;
    }
    if (get_buffer(singles_obj, &singles, 4, "singles") < 0) {
        PyBuffer_Release(&keys);
        PyBuffer_Release(&columns);
        return NULL;
    }
    PyObject *result = NULL, *pair_list = NULL, *count_list = NULL;
    Pairs pairs = {NULL, 0, 0};
    Py_ssize_t slots = keys.len / 8;
    if (slots < 1 || (slots & (slots - 1)) != 0 || columns.len / 4 != slots || ((uint64_t)slots >> (64 - shift)) != 1
        || singles.len / 4 != 0x110000 + 2) {
        PyErr_SetString(PyExc_ValueError, "known_grams: the table's arrays do not agree");
        goto done;
    }
    Table table = {keys.buf, columns.buf, singles.buf, singles.len / 4, (uint64_t)slots - 1, shift};
    Py_ssize_t n_docs = PyList_GET_SIZE(docs);
    for (Py_ssize_t row = 0; row < n_docs; row++) {
        PyObject *doc = PyList_GET_ITEM(docs, row);
        if (!PyUnicode_Check(doc)) {
            PyErr_SetString(PyExc_TypeError, "known_grams: docs must be str");
            goto done;
        }
        Py_ssize_t length = PyUnicode_GET_LENGTH(doc), limit = length;
        if (before != Py_None) {
            Py_ssize_t b = PyLong_AsSsize_t(PyList_GET_ITEM(before, row));
            if (b == -1 && PyErr_Occurred())
                goto done;
            limit = b < 0 ? 0 : (b > length ? length : b);
        }
        int kind = PyUnicode_KIND(doc);
        const void *data = PyUnicode_DATA(doc);
        uint64_t base = (uint64_t)row * (uint64_t)width;
        for (Py_ssize_t p = 0; p < limit; p++) {
            int64_t code = (int64_t)PyUnicode_READ(kind, data, p) + 1;
            int32_t entry = table.singles[code];
            if (entry == -1)
                continue;
            if (low <= 1 && entry >= 0 && push(&pairs, base + (uint64_t)entry) < 0)
                goto no_memory;
            int64_t key = code << (BITS * 2);
            for (int n = 2; n <= high && p + n - 1 < length; n++) {
                key |= ((int64_t)PyUnicode_READ(kind, data, p + n - 1) + 1) << (BITS * (3 - n));
                entry = entry_of(&table, key);
                if (entry == -1)
                    break;
                if (n >= low && entry >= 0 && push(&pairs, base + (uint64_t)entry) < 0)
                    goto no_memory;
            }
        }
    }
    {
        /* every pair is below n_docs * width: as many bytes as that needs */
        uint64_t largest = (uint64_t)n_docs * (uint64_t)width;
        int passes = 0;
        while (passes < 8 && (largest >> (8 * passes)) != 0)
            passes++;
        if (radix_sort(pairs.items, pairs.size, passes) < 0)
            goto no_memory;
    }
    {
        Py_ssize_t distinct = 0;
        for (Py_ssize_t i = 0; i < pairs.size; i++)
            distinct += i == 0 || pairs.items[i] != pairs.items[i - 1];
        if ((pair_list = PyBytes_FromStringAndSize(NULL, 8 * distinct)) == NULL
            || (count_list = PyBytes_FromStringAndSize(NULL, 8 * distinct)) == NULL)
            goto done;
        int64_t *out_pairs = (int64_t *)PyBytes_AS_STRING(pair_list);
        int64_t *out_counts = (int64_t *)PyBytes_AS_STRING(count_list);
        Py_ssize_t k = -1;
        for (Py_ssize_t i = 0; i < pairs.size; i++) {
            if (i == 0 || pairs.items[i] != pairs.items[i - 1]) {
                out_pairs[++k] = (int64_t)pairs.items[i];
                out_counts[k] = 0;
            }
            out_counts[k]++;
        }
    }
    result = PyTuple_Pack(2, pair_list, count_list);
    goto done;
no_memory:
    PyErr_NoMemory();
done:
    Py_XDECREF(pair_list);
    Py_XDECREF(count_list);
    PyMem_Free(pairs.items);
    PyBuffer_Release(&keys);
    PyBuffer_Release(&columns);
    PyBuffer_Release(&singles);
    return result;
}

static PyMethodDef methods[] = {
    {"known_grams", known_grams, METH_VARARGS, known_grams_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_grams", "The known character n-grams of many texts, in C (see grams.py).", -1, methods,
};

PyMODINIT_FUNC
PyInit__grams(void)
{
    return PyModule_Create(&module);
}
