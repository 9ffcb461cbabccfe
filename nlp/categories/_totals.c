/* The category model's per-text sums in C: the optional compiled form of nlp/categories/weights.py's
 * ``_row_totals`` (built by setup.py when a C compiler is there).
 *
 * For each run of equal ``rows`` (sorted) and each class c, the sum over the run's entries i of
 * ``coef[cols[i]][c] * weights[i]``, added as numpy's ``add.reduceat`` adds them down a column: the
 * run's first value plus the pairwise sum of the others (numpy's ``pairwise_sum``: fewer than 8
 * values one by one from 0.0; up to 128 in eight interleaved partial sums combined as
 * ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)), then the rest one by one; more split in two
 * halves, the first a multiple of 8). So the totals are numpy's to the last bit
 * (tests/test_category_weights.py holds the two forms to each other).
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define MAX_CLASSES 64
#define BLOCK 128

typedef struct {
    const double *coef; /* features x classes */
    const int64_t *cols;
    const double *weights;
    Py_ssize_t classes;
} Entries;

/* out[c] = pairwise sum of the values of entries [first, first + n), for every class at once */
static void
pairwise(const Entries *e, Py_ssize_t first, Py_ssize_t n, double *out)
{
    Py_ssize_t C = e->classes, i, c, k;
    if (n < 8) {
        for (c = 0; c < C; c++)
            out[c] = 0.;
        for (i = first; i < first + n; i++) {
            const double *row = e->coef + e->cols[i] * C;
            double w = e->weights[i];
            for (c = 0; c < C; c++)
                out[c] += row[c] * w;
        }
    }
    else if (n <= BLOCK) {
        double r[8][MAX_CLASSES];
        for (k = 0; k < 8; k++) {
            const double *row = e->coef + e->cols[first + k] * C;
            double w = e->weights[first + k];
            for (c = 0; c < C; c++)
                r[k][c] = row[c] * w;
        }
        for (i = 8; i < n - (n % 8); i += 8)
            for (k = 0; k < 8; k++) {
                const double *row = e->coef + e->cols[first + i + k] * C;
                double w = e->weights[first + i + k];
                for (c = 0; c < C; c++)
                    r[k][c] += row[c] * w;
            }
        for (c = 0; c < C; c++)
            out[c] = ((r[0][c] + r[1][c]) + (r[2][c] + r[3][c])) + ((r[4][c] + r[5][c]) + (r[6][c] + r[7][c]));
        for (; i < n; i++) {
            const double *row = e->coef + e->cols[first + i] * C;
            double w = e->weights[first + i];
            for (c = 0; c < C; c++)
                out[c] += row[c] * w;
        }
    }
    else {
        double second[MAX_CLASSES];
        Py_ssize_t n2 = n / 2;
        n2 -= n2 % 8;
        pairwise(e, first, n2, out);
        pairwise(e, first + n2, n - n2, second);
        for (c = 0; c < C; c++)
            out[c] += second[c];
    }
}

static int
get_buffer(PyObject *obj, Py_buffer *view, char kind, int writable, const char *name)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0)) < 0)
        return -1;
    const char *f = view->format ? view->format : "B";
    int ok = view->itemsize == 8
             && (kind == 'd' ? strcmp(f, "d") == 0 : (strcmp(f, "l") == 0 || strcmp(f, "q") == 0));
    if (!ok) {
        PyErr_Format(PyExc_TypeError, "%s: expected a C-contiguous array of %s (8 bytes), got '%s'", name,
                     kind == 'd' ? "float64" : "int64", f);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

PyDoc_STRVAR(row_totals_doc,
"row_totals(rows, cols, weights, coef, totals)\n\n"
"Into ``totals`` (float64, texts x classes, zeros): for each text ``rows`` names (int64, sorted),\n"
"the sum of ``weights[i] * coef[cols[i]]`` over its entries (``coef``: float64, features x classes).");

static PyObject *
row_totals(PyObject *self, PyObject *args)
{
    PyObject *objs[5];
    Py_buffer rows, cols, weights, coef, totals;
    PyObject *result = NULL;
    if (!PyArg_ParseTuple(args, "OOOOO:row_totals", &objs[0], &objs[1], &objs[2], &objs[3], &objs[4]))
        return NULL;
    if (get_buffer(objs[0], &rows, 'l', 0, "rows") < 0)
        return NULL;
    if (get_buffer(objs[1], &cols, 'l', 0, "cols") < 0)
        goto release_rows;
    if (get_buffer(objs[2], &weights, 'd', 0, "weights") < 0)
        goto release_cols;
    if (get_buffer(objs[3], &coef, 'd', 0, "coef") < 0)
        goto release_weights;
    if (get_buffer(objs[4], &totals, 'd', 1, "totals") < 0)
        goto release_coef;
    Py_ssize_t n = rows.len / 8, C = coef.ndim == 2 ? coef.shape[1] : 0;
    Py_ssize_t features = coef.ndim == 2 ? coef.shape[0] : 0;
    Py_ssize_t texts = totals.ndim == 2 ? totals.shape[0] : 0;
    if (C < 1 || C > MAX_CLASSES || cols.len / 8 != n || weights.len / 8 != n || totals.ndim != 2
        || totals.shape[1] != C) {
        PyErr_SetString(PyExc_ValueError, "row_totals: the arrays' shapes do not agree (or over 64 classes)");
        goto release_all;
    }
    const int64_t *r = rows.buf, *k = cols.buf;
    for (Py_ssize_t i = 0; i < n; i++)
        if (r[i] < 0 || r[i] >= texts || (i && r[i] < r[i - 1]) || k[i] < 0 || k[i] >= features) {
            PyErr_SetString(PyExc_ValueError, "row_totals: rows must be sorted and in range, columns in range");
            goto release_all;
        }
    Entries e = {coef.buf, k, weights.buf, C};
    double *out = totals.buf;
    Py_BEGIN_ALLOW_THREADS
    Py_ssize_t first = 0;
    while (first < n) {
        Py_ssize_t last = first + 1;
        while (last < n && r[last] == r[first])
            last++;
        double *total = out + r[first] * C;
        const double *row = e.coef + k[first] * C;
        double rest[MAX_CLASSES];
        for (Py_ssize_t c = 0; c < C; c++)
            total[c] = row[c] * e.weights[first];
        if (last - first > 1) {
            pairwise(&e, first + 1, last - first - 1, rest);
            for (Py_ssize_t c = 0; c < C; c++)
                total[c] += rest[c];
        }
        first = last;
    }
    Py_END_ALLOW_THREADS
    result = Py_NewRef(Py_None);
release_all:
    PyBuffer_Release(&totals);
release_coef:
    PyBuffer_Release(&coef);
release_weights:
    PyBuffer_Release(&weights);
release_cols:
    PyBuffer_Release(&cols);
release_rows:
    PyBuffer_Release(&rows);
    return result;
}

static PyMethodDef methods[] = {
    {"row_totals", row_totals, METH_VARARGS, row_totals_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_totals", "The category model's per-text sums in C (see weights.py).", -1, methods,
};

PyMODINIT_FUNC
PyInit__totals(void)
{
    return PyModule_Create(&module);
}
