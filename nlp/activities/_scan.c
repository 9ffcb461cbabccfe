/* Word lists scanned in C: the optional compiled form of nlp/activities/word_scan.py.
 *
 * A word list is read into a trie (``trie(words)``, a capsule). ``spans(trie, text)`` gives what
 * ``re.compile(trie_pattern(words)).finditer(text)`` finds: at the leftmost offset where a word
 * starts, the longest word starting there, then on from its end (the trie pattern's greedy
 * optional branches try the longer words first, and two words that match at one offset are
 * prefixes of one another). Each match comes with the index of its word in ``words``.
 * ``covered(trie, text)`` gives the offsets inside some word, as grammar_index.covered reads them:
 * those of every match of the scan, and of the longest word starting inside each match.
 * tests/test_activity_word_scan.py holds the two forms to each other.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    Py_UCS4 ch;
    Py_ssize_t child;
} Edge;

typedef struct {
    Edge *edges; /* sorted by ch once the trie is made */
    Py_ssize_t count, room;
    Py_ssize_t word; /* index of the word ending here, -1: none */
} Node;

typedef struct {
    Node *nodes;
    Py_ssize_t count, room;
    unsigned char first[0x10000 / 8]; /* BMP characters some word starts with */
    int first_beyond;                 /* some word starts beyond the BMP */
} Trie;

static void
trie_free(Trie *trie)
{
    if (trie == NULL)
        return;
    for (Py_ssize_t i = 0; i < trie->count; i++)
        free(trie->nodes[i].edges);
    free(trie->nodes);
    free(trie);
}

static void
capsule_free(PyObject *capsule)
{
    trie_free((Trie *)PyCapsule_GetPointer(capsule, "zongjie.trie"));
}

static Py_ssize_t
new_node(Trie *trie)
{
    if (trie->count == trie->room) {
        Py_ssize_t room = trie->room ? 2 * trie->room : 64;
        Node *nodes = realloc(trie->nodes, room * sizeof(Node));
        if (nodes == NULL)
            return -1;
        trie->nodes = nodes;
        trie->room = room;
    }
    Node *node = &trie->nodes[trie->count];
    node->edges = NULL;
    node->count = node->room = 0;
    node->word = -1;
    return trie->count++;
}

static Py_ssize_t
find_child(const Node *node, Py_UCS4 ch)
{
    Py_ssize_t lo = 0, hi = node->count;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        Py_UCS4 at = node->edges[mid].ch;
        if (at == ch)
            return node->edges[mid].child;
        if (at < ch)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* the child of ``parent`` by ``ch``, made when missing (edges kept sorted as they are added) */
static Py_ssize_t
child_of(Trie *trie, Py_ssize_t parent, Py_UCS4 ch)
{
    Node *node = &trie->nodes[parent];
    Py_ssize_t lo = 0, hi = node->count;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (node->edges[mid].ch == ch)
            return node->edges[mid].child;
        if (node->edges[mid].ch < ch)
            lo = mid + 1;
        else
            hi = mid;
    }
    Py_ssize_t child = new_node(trie);
    if (child < 0)
        return -1;
    node = &trie->nodes[parent]; /* (the nodes may have moved) */
    if (node->count == node->room) {
        Py_ssize_t room = node->room ? 2 * node->room : 4;
        Edge *edges = realloc(node->edges, room * sizeof(Edge));
        if (edges == NULL)
            return -1;
        node->edges = edges;
        node->room = room;
    }
    memmove(&node->edges[lo + 1], &node->edges[lo], (node->count - lo) * sizeof(Edge));
    node->edges[lo].ch = ch;
    node->edges[lo].child = child;
    node->count++;
    return child;
}

static PyObject *
make_trie(PyObject *self, PyObject *words)
{
    if (!PyList_Check(words)) {
        PyErr_SetString(PyExc_TypeError, "trie: words must be a list of str");
        return NULL;
    }
    Trie *trie = calloc(1, sizeof(Trie));
    if (trie == NULL || new_node(trie) < 0) {
        trie_free(trie);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t w = 0; w < PyList_GET_SIZE(words); w++) {
        PyObject *word = PyList_GET_ITEM(words, w);
        if (!PyUnicode_Check(word) || PyUnicode_GET_LENGTH(word) == 0) {
            trie_free(trie);
            PyErr_SetString(PyExc_ValueError, "trie: every word must be a non-empty str");
            return NULL;
        }
        int kind = PyUnicode_KIND(word);
        const void *data = PyUnicode_DATA(word);
        Py_ssize_t node = 0;
        for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(word); i++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            if (i == 0) {
                if (ch < 0x10000)
                    trie->first[ch >> 3] |= (unsigned char)(1 << (ch & 7));
                else
                    trie->first_beyond = 1;
            }
            node = child_of(trie, node, ch);
            if (node < 0) {
                trie_free(trie);
                return PyErr_NoMemory();
            }
        }
        if (trie->nodes[node].word < 0) /* (a repeated word: its first index) */
            trie->nodes[node].word = w;
    }
    PyObject *capsule = PyCapsule_New(trie, "zongjie.trie", capsule_free);
    if (capsule == NULL)
        trie_free(trie);
    return capsule;
}

/* The length of the longest word starting at ``at`` (0: none), and its index in ``*word``. */
static Py_ssize_t
longest_at(const Trie *trie, int kind, const void *data, Py_ssize_t n, Py_ssize_t at, Py_ssize_t *word)
{
    Py_UCS4 ch = PyUnicode_READ(kind, data, at);
    if (ch < 0x10000 ? !(trie->first[ch >> 3] & (1 << (ch & 7))) : !trie->first_beyond)
        return 0;
    Py_ssize_t node = 0, best = 0;
    for (Py_ssize_t i = at; i < n; i++) {
        node = find_child(&trie->nodes[node], PyUnicode_READ(kind, data, i));
        if (node < 0)
            break;
        if (trie->nodes[node].word >= 0) {
            best = i + 1 - at;
            *word = trie->nodes[node].word;
        }
    }
    return best;
}

static Trie *
trie_arg(PyObject *capsule)
{
    return (Trie *)PyCapsule_GetPointer(capsule, "zongjie.trie");
}

static int
append_int(PyObject *list, Py_ssize_t value)
{
    PyObject *item = PyLong_FromSsize_t(value);
    if (item == NULL)
        return -1;
    int failed = PyList_Append(list, item);
    Py_DECREF(item);
    return failed;
}

/* The arguments of spans and covered: a trie's capsule and the text it scans. */
typedef struct {
    Trie *trie;
    int kind;
    const void *data;
    Py_ssize_t n;
} ScanInput;

static int
scan_input(PyObject *args, const char *format, ScanInput *in)
{
    PyObject *capsule, *text;
    if (!PyArg_ParseTuple(args, format, &capsule, &text))
        return -1;
    in->trie = trie_arg(capsule);
    if (in->trie == NULL)
        return -1;
    in->kind = PyUnicode_KIND(text);
    in->data = PyUnicode_DATA(text);
    in->n = PyUnicode_GET_LENGTH(text);
    return 0;
}

static PyObject *
spans(PyObject *self, PyObject *args)
{
    ScanInput in;
    if (scan_input(args, "OU:spans", &in) < 0)
        return NULL;
    Trie *trie = in.trie;
    int kind = in.kind;
    const void *data = in.data;
    Py_ssize_t n = in.n;
    PyObject *starts = PyList_New(0), *ends = PyList_New(0), *words = PyList_New(0);
    if (starts == NULL || ends == NULL || words == NULL)
        goto fail;
    for (Py_ssize_t at = 0; at < n;) {
        Py_ssize_t word = -1, length = longest_at(trie, kind, data, n, at, &word);
        if (length == 0) {
            at++;
            continue;
        }
        if (append_int(starts, at) < 0 || append_int(ends, at + length) < 0 || append_int(words, word) < 0)
            goto fail;
        at += length;
    }
    return Py_BuildValue("(NNN)", starts, ends, words);
fail:
    Py_XDECREF(starts);
    Py_XDECREF(ends);
    Py_XDECREF(words);
    return NULL;
}

static PyObject *
covered(PyObject *self, PyObject *args)
{
    ScanInput in;
    if (scan_input(args, "OU:covered", &in) < 0)
        return NULL;
    Trie *trie = in.trie;
    int kind = in.kind;
    const void *data = in.data;
    Py_ssize_t n = in.n;
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_ssize_t reach = 0; /* the offsets before it are given already */
    for (Py_ssize_t at = 0; at < n;) {
        Py_ssize_t word, length = longest_at(trie, kind, data, n, at, &word);
        if (length == 0) {
            at++;
            continue;
        }
        /* a match of the scan and the longest word starting inside it: together [at, far) */
        Py_ssize_t end = at + length, far = end;
        for (Py_ssize_t inner = at + 1; inner < end; inner++) {
            Py_ssize_t inner_length = longest_at(trie, kind, data, n, inner, &word);
            if (inner + inner_length > far)
                far = inner + inner_length;
        }
        for (Py_ssize_t k = at > reach ? at : reach; k < far; k++)
            if (append_int(out, k) < 0) {
                Py_DECREF(out);
                return NULL;
            }
        if (far > reach)
            reach = far;
        at = end;
    }
    return out;
}

/* Whether some word lies wholly in text[start:end] (``holds(trie, text[, start, end])``): what
 * ``pattern.search(text, start, end) is not None`` tells, without the engine trying every branch
 * of the alternation at each offset holding a first character. */
static PyObject *
holds(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 && nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "holds(trie, text[, start, end])");
        return NULL;
    }
    Trie *trie = trie_arg(args[0]);
    if (trie == NULL)
        return NULL;
    PyObject *text = args[1];
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "holds: the text must be a str");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), start = 0, end = n;
    if (nargs == 4) {
        start = PyLong_AsSsize_t(args[2]);
        end = PyLong_AsSsize_t(args[3]);
        if ((start == -1 || end == -1) && PyErr_Occurred())
            return NULL;
        /* as ``re`` reads pos and endpos: negative ones count as 0, beyond the text as its end */
        if (start < 0)
            start = 0;
        if (end < 0)
            end = 0;
        if (end > n)
            end = n;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t word;
    for (Py_ssize_t at = start; at < end; at++)
        if (longest_at(trie, kind, data, end, at, &word) > 0)
            Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

/* The index of the longest word starting at the leftmost offset where one starts (-1: none):
 * the word of ``pattern.search(text)`` (``first_word(trie, text)``). */
static PyObject *
first_word(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "first_word(trie, text)");
        return NULL;
    }
    Trie *trie = trie_arg(args[0]);
    if (trie == NULL)
        return NULL;
    PyObject *text = args[1];
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), word = -1;
    for (Py_ssize_t at = 0; at < n; at++)
        if (longest_at(trie, kind, data, n, at, &word) > 0)
            return PyLong_FromSsize_t(word);
    return PyLong_FromSsize_t(-1);
}

/* The least index of a word found anywhere in the text, overlapping ones too (-1: none): with the
 * words ranked (longest first), the best of every match an overlapped scan finds
 * (``least_word(trie, text)``). */
static PyObject *
least_word(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "least_word(trie, text)");
        return NULL;
    }
    Trie *trie = trie_arg(args[0]);
    if (trie == NULL)
        return NULL;
    PyObject *text = args[1];
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), best = -1;
    for (Py_ssize_t at = 0; at < n; at++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, at);
        if (ch < 0x10000 ? !(trie->first[ch >> 3] & (1 << (ch & 7))) : !trie->first_beyond)
            continue;
        Py_ssize_t node = 0;
        for (Py_ssize_t i = at; i < n; i++) {
            node = find_child(&trie->nodes[node], PyUnicode_READ(kind, data, i));
            if (node < 0)
                break;
            Py_ssize_t word = trie->nodes[node].word;
            if (word >= 0 && (best < 0 || word < best))
                best = word;
        }
    }
    return PyLong_FromSsize_t(best);
}

static PyMethodDef methods[] = {
    {"first_word", (PyCFunction)(void (*)(void))first_word, METH_FASTCALL,
     "first_word(trie, text) -> the index of the word the leftmost-longest search finds, -1: none."},
    {"least_word", (PyCFunction)(void (*)(void))least_word, METH_FASTCALL,
     "least_word(trie, text) -> the least index of a word found anywhere in text, overlapping too; -1: none."},
    {"holds", (PyCFunction)(void (*)(void))holds, METH_FASTCALL,
     "holds(trie, text[, start, end]) -> whether some word lies wholly in text[start:end]."},
    {"trie", make_trie, METH_O, "trie(words) -> the words read into a trie (a capsule)."},
    {"spans", spans, METH_VARARGS,
     "spans(trie, text) -> (starts, ends, words): the leftmost-longest matches, one after another."},
    {"covered", covered, METH_VARARGS, "covered(trie, text) -> the sorted offsets inside a word."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_scan", "Word lists scanned in C (nlp/activities/word_scan.py).", -1, methods,
};

PyMODINIT_FUNC
PyInit__scan(void)
{
    return PyModule_Create(&module);
}
