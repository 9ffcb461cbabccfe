/* The activity tagger's linear-chain CRF decoded in C: the optional compiled form of
 * nlp/activities/crf_decode.py (``decode_many``), built by setup.py when a C compiler is there.
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

static PyMethodDef methods[] = {
    {"decode", decode, METH_VARARGS, decode_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_crf", "The activity tagger's CRF decoded in C (see crf_decode.py).", -1, methods,
};

PyMODINIT_FUNC
PyInit__crf(void)
{
    return PyModule_Create(&module);
}
