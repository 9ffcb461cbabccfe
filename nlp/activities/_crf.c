/* The activity tagger's linear-chain CRF decoded in C: the optional compiled form of
 * nlp/activities/crf_decode.py (``decode_many``), built by setup.py when a C compiler is there.
 * (Below it, ``score_sums``: the sums of scoring.py's ``scores_of`` in the same order.)
 *
 * For every sentence of a document (consecutive rows of ``scores``, ``lengths`` tokens each):
 * Viterbi's best labels (the first of equal maxima, as numpy's argmax takes it) and the
 * marginal probability of each label at each token by forward-backward. The arithmetic is
 * crf_decode.py's and CRFsuite's: a transition adds the weight of the label pair, there is no
 * start or end weight; the forward and backward rows are scaled to sum 1 at every position (the
 * scale cancels in the marginals), so the marginals equal the numpy decoder's to rounding and the
 * labels exactly (tests/test_activity_crf.py holds both to python-crfsuite and to each other).
 *
 * Plain C with the buffer protocol: no numpy headers, so building needs only a C compiler.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* One sentence of n tokens (n >= 1) and L labels; scratch holds 2 * n * L doubles and n * L ints. */
static void
decode_sentence(const double *trans, const double *exp_trans, const double *scores, Py_ssize_t n,
                Py_ssize_t L, int64_t *best, double *marginals, double *delta, double *beta,
                Py_ssize_t *back)
{
    Py_ssize_t t, i, j;
    /* Viterbi: delta[t][j] = max_i (delta[t-1][i] + trans[i][j]) + scores[t][j] */
    for (j = 0; j < L; j++)
        delta[j] = scores[j];
    for (t = 1; t < n; t++) {
        const double *prev = delta + (t - 1) * L;
        double *here = delta + t * L;
        Py_ssize_t *pointers = back + t * L;
        for (j = 0; j < L; j++) {
            Py_ssize_t best_i = 0;
            double best_value = prev[0] + trans[j];
            for (i = 1; i < L; i++) {
                double value = prev[i] + trans[i * L + j];
                if (value > best_value) {
                    best_i = i;
                    best_value = value;
                }
            }
            pointers[j] = best_i;
            here[j] = scores[t * L + j] + best_value;
        }
    }
    {
        const double *last = delta + (n - 1) * L;
        Py_ssize_t arg = 0;
        for (j = 1; j < L; j++)
            if (last[j] > last[arg])
                arg = j;
        best[n - 1] = arg;
        for (t = n - 1; t > 0; t--)
            best[t - 1] = back[t * L + best[t]];
    }
    /* exp(score - the row's largest) into delta (Viterbi is done with it) */
    for (t = 0; t < n; t++) {
        const double *row = scores + t * L;
        double *out = delta + t * L;
        double top = row[0];
        for (j = 1; j < L; j++)
            if (row[j] > top)
                top = row[j];
        for (j = 0; j < L; j++)
            out[j] = exp(row[j] - top);
    }
    /* forward, written into marginals: alpha[t][j] = sum_i alpha[t-1][i] exp_trans[i][j] * es[t][j] */
    for (j = 0; j < L; j++)
        marginals[j] = delta[j];
    for (t = 1; t < n; t++) {
        const double *prev = marginals + (t - 1) * L;
        double *here = marginals + t * L;
        double total = 0.0;
        for (j = 0; j < L; j++) {
            double sum = 0.0;
            for (i = 0; i < L; i++)
                sum += prev[i] * exp_trans[i * L + j];
            here[j] = sum * delta[t * L + j];
            total += here[j];
        }
        for (j = 0; j < L; j++)
            here[j] /= total;
    }
    /* backward: beta[t][i] = sum_j exp_trans[i][j] beta[t+1][j] es[t+1][j], 1 at the last token */
    for (j = 0; j < L; j++)
        beta[(n - 1) * L + j] = 1.0;
    for (t = n - 2; t >= 0; t--) {
        const double *next = beta + (t + 1) * L;
        const double *es = delta + (t + 1) * L;
        double *here = beta + t * L;
        double total = 0.0;
        for (i = 0; i < L; i++) {
            double sum = 0.0;
            for (j = 0; j < L; j++)
                sum += exp_trans[i * L + j] * (next[j] * es[j]);
            here[i] = sum;
            total += sum;
        }
        for (i = 0; i < L; i++)
            here[i] /= total;
    }
    for (t = 0; t < n; t++) {
        double *row = marginals + t * L;
        const double *b = beta + t * L;
        double total = 0.0;
        for (j = 0; j < L; j++) {
            row[j] *= b[j];
            total += row[j];
        }
        for (j = 0; j < L; j++)
            row[j] /= total;
    }
}

static int
get_buffer(PyObject *obj, Py_buffer *view, const char *format, int writable, const char *name)
{
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, view, flags) < 0)
        return -1;
    /* int64 is 'l' where a long has 8 bytes, 'q' elsewhere (Windows) */
    int same = view->format != NULL
               && (strcmp(view->format, format) == 0
                   || (strcmp(format, "l") == 0 && strcmp(view->format, "q") == 0));
    if (view->itemsize != 8 || !same) {
        PyErr_Format(PyExc_TypeError, "%s: expected a C-contiguous array of '%s' (8 bytes), got '%s'",
                     name, format, view->format ? view->format : "B");
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

PyDoc_STRVAR(decode_doc,
"decode(trans, scores, lengths, best, marginals)\n\n"
"Best labels and marginals of consecutive sentences: ``trans`` (labels x labels, float64), ``scores``\n"
"(tokens x labels, float64), ``lengths`` (int64, summing to the tokens); written into ``best``\n"
"(int64, tokens) and ``marginals`` (float64, tokens x labels).");

static PyObject *
decode(PyObject *self, PyObject *args)
{
    PyObject *objs[5];
    Py_buffer trans, scores, lengths, best, marginals;
    Py_ssize_t L, tokens, sentences, k, total = 0, longest = 0;
    PyObject *result = NULL;
    if (!PyArg_ParseTuple(args, "OOOOO:decode", &objs[0], &objs[1], &objs[2], &objs[3], &objs[4]))
        return NULL;
    if (get_buffer(objs[0], &trans, "d", 0, "trans") < 0)
        return NULL;
    if (get_buffer(objs[1], &scores, "d", 0, "scores") < 0)
        goto release_trans;
    if (get_buffer(objs[2], &lengths, "l", 0, "lengths") < 0)
        goto release_scores;
    if (get_buffer(objs[3], &best, "l", 1, "best") < 0)
        goto release_lengths;
    if (get_buffer(objs[4], &marginals, "d", 1, "marginals") < 0)
        goto release_best;
    L = (Py_ssize_t)(trans.ndim == 2 ? trans.shape[0] : 0);
    if (L < 1 || trans.shape[1] != L || scores.ndim != 2 || scores.shape[1] != L || marginals.ndim != 2
        || marginals.shape[1] != L || marginals.shape[0] != scores.shape[0]
        || best.len / 8 != scores.shape[0]) {
        PyErr_SetString(PyExc_ValueError, "decode: the arrays' shapes do not agree");
        goto release_all;
    }
    tokens = scores.shape[0];
    sentences = lengths.len / 8;
    {
        const int64_t *n = (const int64_t *)lengths.buf;
        for (k = 0; k < sentences; k++) {
            if (n[k] < 0) {
                PyErr_SetString(PyExc_ValueError, "decode: a negative length");
                goto release_all;
            }
            total += n[k];
            if (n[k] > longest)
                longest = n[k];
        }
    }
    if (total != tokens) {
        PyErr_SetString(PyExc_ValueError, "decode: the lengths do not sum to the number of tokens");
        goto release_all;
    }
    {
        double *exp_trans = PyMem_RawMalloc(sizeof(double) * (size_t)(L * L));
        double *scratch = PyMem_RawMalloc(sizeof(double) * (size_t)(2 * (longest ? longest : 1) * L));
        Py_ssize_t *back = PyMem_RawMalloc(sizeof(Py_ssize_t) * (size_t)((longest ? longest : 1) * L));
        if (exp_trans == NULL || scratch == NULL || back == NULL) {
            PyMem_RawFree(exp_trans);
            PyMem_RawFree(scratch);
            PyMem_RawFree(back);
            PyErr_NoMemory();
            goto release_all;
        }
        Py_BEGIN_ALLOW_THREADS
        const double *w = (const double *)trans.buf;
        const int64_t *n = (const int64_t *)lengths.buf;
        Py_ssize_t at = 0;
        for (k = 0; k < L * L; k++)
            exp_trans[k] = exp(w[k]);
        for (k = 0; k < sentences; k++) {
            if (n[k] > 0)
                decode_sentence(w, exp_trans, (const double *)scores.buf + at * L, n[k], L,
                                (int64_t *)best.buf + at, (double *)marginals.buf + at * L, scratch,
                                scratch + longest * L, back);
            at += n[k];
        }
        Py_END_ALLOW_THREADS
        PyMem_RawFree(exp_trans);
        PyMem_RawFree(scratch);
        PyMem_RawFree(back);
    }
    result = Py_NewRef(Py_None);
release_all:
    PyBuffer_Release(&marginals);
release_best:
    PyBuffer_Release(&best);
release_lengths:
    PyBuffer_Release(&lengths);
release_scores:
    PyBuffer_Release(&scores);
release_trans:
    PyBuffer_Release(&trans);
    return result;
}

/* --- the token scores: the rows of each token summed, in scoring.py's order --------------------- */

typedef struct {
    Py_buffer *views;
    int count;
} Views;

static void
release_views(Views *v)
{
    for (int i = 0; i < v->count; i++)
        PyBuffer_Release(&v->views[i]);
    PyMem_Free(v->views);
    v->views = NULL;
    v->count = 0;
}

/* The buffers of a list of arrays, each of ``format`` and (``columns`` > 0) that many columns. */
static int
list_views(PyObject *list, Views *v, const char *format, Py_ssize_t length, Py_ssize_t columns, const char *name)
{
    v->views = NULL;
    v->count = 0;
    if (!PyList_Check(list)) {
        PyErr_Format(PyExc_TypeError, "score_sums: %s must be a list of arrays", name);
        return -1;
    }
    Py_ssize_t n = PyList_GET_SIZE(list);
    v->views = PyMem_Calloc((size_t)(n ? n : 1), sizeof(Py_buffer));
    if (v->views == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (get_buffer(PyList_GET_ITEM(list, i), &v->views[i], format, 0, name) < 0) {
            release_views(v);
            return -1;
        }
        v->count++;
        Py_buffer *b = &v->views[i];
        int ok = columns > 0 ? (b->ndim == 2 && b->shape[1] == columns) : (b->len / 8 == length);
        if (!ok) {
            PyErr_Format(PyExc_ValueError, "score_sums: the shapes of %s do not agree", name);
            release_views(v);
            return -1;
        }
    }
    return 0;
}

PyDoc_STRVAR(score_sums_doc,
"score_sums(rows, words, tables, values, pairs, out)\n\n"
"Into ``out`` (float64, tokens x labels), each token's score: ``rows[words[0][t]]`` plus each\n"
"further ``rows[words[k][t]]``, plus its context (0.0 plus ``tables[k][values[k][t]]`` for each\n"
"slot k), plus ``rows[pairs[k][t]]`` for each pair: the additions scoring.py makes with numpy,\n"
"in its order. ``rows`` and ``tables`` are float64 (n x labels), the index arrays int64.");

static PyObject *
score_sums(PyObject *self, PyObject *args)
{
    PyObject *rows_obj, *words_obj, *tables_obj, *values_obj, *pairs_obj, *out_obj;
    if (!PyArg_ParseTuple(args, "OOOOOO:score_sums", &rows_obj, &words_obj, &tables_obj, &values_obj, &pairs_obj,
                          &out_obj))
        return NULL;
    Py_buffer rows, out;
    Views words = {NULL, 0}, tables = {NULL, 0}, values = {NULL, 0}, pairs = {NULL, 0};
    PyObject *result = NULL;
    if (get_buffer(rows_obj, &rows, "d", 0, "rows") < 0)
        return NULL;
    if (get_buffer(out_obj, &out, "d", 1, "out") < 0) {
        PyBuffer_Release(&rows);
        return NULL;
    }
    if (rows.ndim != 2 || out.ndim != 2 || rows.shape[1] != out.shape[1] || rows.shape[1] < 1) {
        PyErr_SetString(PyExc_ValueError, "score_sums: rows and out must have the same columns");
        goto done;
    }
    Py_ssize_t n = out.shape[0], L = out.shape[1], n_rows = rows.shape[0];
    if (list_views(words_obj, &words, "l", n, 0, "words") < 0 || list_views(tables_obj, &tables, "d", 0, L, "tables") < 0
        || list_views(values_obj, &values, "l", n, 0, "values") < 0 || list_views(pairs_obj, &pairs, "l", n, 0, "pairs") < 0)
        goto done;
    if (words.count < 1 || values.count != tables.count) {
        PyErr_SetString(PyExc_ValueError, "score_sums: one word column at least, and a table per value");
        goto done;
    }
    /* every index in range, before any is read */
    for (int k = 0; k < words.count + pairs.count; k++) {
        const int64_t *index = (k < words.count ? words.views[k] : pairs.views[k - words.count]).buf;
        for (Py_ssize_t t = 0; t < n; t++)
            if (index[t] < 0 || index[t] >= n_rows) {
                PyErr_SetString(PyExc_IndexError, "score_sums: a row index out of range");
                goto done;
            }
    }
    for (int k = 0; k < values.count; k++) {
        const int64_t *index = values.views[k].buf;
        Py_ssize_t size = tables.views[k].shape[0];
        for (Py_ssize_t t = 0; t < n; t++)
            if (index[t] < 0 || index[t] >= size) {
                PyErr_SetString(PyExc_IndexError, "score_sums: a context value out of its table");
                goto done;
            }
    }
    {
        const double *r = rows.buf;
        double *o = out.buf;
        for (Py_ssize_t t = 0; t < n; t++) {
            double *total = o + t * L;
            const double *first = r + ((const int64_t *)words.views[0].buf)[t] * L;
            for (Py_ssize_t c = 0; c < L; c++)
                total[c] = first[c];
            for (int k = 1; k < words.count; k++) {
                const double *row = r + ((const int64_t *)words.views[k].buf)[t] * L;
                for (Py_ssize_t c = 0; c < L; c++)
                    total[c] += row[c];
            }
            for (Py_ssize_t c = 0; c < L; c++) {
                double context = 0.0;
                for (int k = 0; k < values.count; k++)
                    context += ((const double *)tables.views[k].buf)[((const int64_t *)values.views[k].buf)[t] * L + c];
                total[c] += context;
            }
            for (int k = 0; k < pairs.count; k++) {
                const double *row = r + ((const int64_t *)pairs.views[k].buf)[t] * L;
                for (Py_ssize_t c = 0; c < L; c++)
                    total[c] += row[c];
            }
        }
    }
    result = Py_NewRef(Py_None);
done:
    release_views(&words);
    release_views(&tables);
    release_views(&values);
    release_views(&pairs);
    PyBuffer_Release(&rows);
    PyBuffer_Release(&out);
    return result;
}

static PyMethodDef methods[] = {
    {"decode", decode, METH_VARARGS, decode_doc},
    {"score_sums", score_sums, METH_VARARGS, score_sums_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_crf", "The activity tagger's scores summed and its CRF decoded in C (see scoring.py, crf_decode.py).", -1, methods,
};

PyMODINIT_FUNC
PyInit__crf(void)
{
    return PyModule_Create(&module);
}
