/* Sentence and clause pieces found in C: the optional compiled form of nlp/text/sentences.py's
 * ``_split`` (built by setup.py when a C compiler is there).
 *
 * The pieces are those of ``_pieces(ends)``'s pattern,
 *     solid (?: body (?: run | solid ))? | run
 * found by ``finditer`` between ``start`` and ``end``: solid is a character neither blank (the
 * ``blank`` characters, line break included) nor one of ``ends``; body any run of characters
 * neither in ``ends`` nor a line break; run one of ``ends`` followed by any of ``ends`` and
 * ``closers``. So a piece opens at a solid character and either runs through the first run of
 * terminators after it, or, where a line break or ``end`` comes first, stops after its last solid
 * character; a run of terminators with no piece before it is a piece of its own. Each piece is
 * made as sentences.py's ``spans_as_sentences`` makes it: a ``Sentence`` (a frozen dataclass with
 * slots) allocated and its two slots set through their member descriptors, as its ``__init__``
 * sets them. tests/test_sentences.py holds the two forms to each other.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

enum { END = 1, CLOSER = 2, BLANK = 4 };

/* What each character is (END, CLOSER, BLANK bits): read from the table for the Basic
 * Multilingual Plane, looked up in the lists beyond it. */
typedef struct {
    const unsigned char *bmp;
    Py_UCS4 *lists[3];
    Py_ssize_t sizes[3];
} Classes;

static int
class_of(const Classes *classes, Py_UCS4 ch)
{
    if (ch < 0x10000)
        return classes->bmp[ch];
    int found = 0;
    for (int k = 0; k < 3; k++)
        for (Py_ssize_t i = 0; i < classes->sizes[k]; i++)
            if (classes->lists[k][i] == ch)
                found |= 1 << k;
    return found;
}

static PyMemberDef *
slot_of(PyObject *descr, const char *name)
{
    if (!Py_IS_TYPE(descr, &PyMemberDescr_Type)) {
        PyErr_Format(PyExc_TypeError, "pieces: %s must be a slot's member descriptor", name);
        return NULL;
    }
    return ((PyMemberDescrObject *)descr)->d_member;
}

static int
append_piece(PyObject *out, PyTypeObject *type, PyMemberDef *start_slot, PyMemberDef *end_slot,
             Py_ssize_t start, Py_ssize_t end)
{
    PyObject *piece = type->tp_alloc(type, 0);
    if (piece == NULL)
        return -1;
    PyObject *a = PyLong_FromSsize_t(start);
    PyObject *b = a ? PyLong_FromSsize_t(end) : NULL;
    int failed = b == NULL || PyMember_SetOne((char *)piece, start_slot, a) < 0
                 || PyMember_SetOne((char *)piece, end_slot, b) < 0 || PyList_Append(out, piece) < 0;
    Py_XDECREF(a);
    Py_XDECREF(b);
    Py_DECREF(piece);
    return failed ? -1 : 0;
}

PyDoc_STRVAR(pieces_doc,
"pieces(text, start, end, table, ends, closers, blank, sentence_type, start_slot, end_slot)\n\n"
"The pieces of ``text[start:end]`` as a tuple of ``sentence_type`` (see the module's comment);\n"
"``table`` holds a byte per character of the Basic Multilingual Plane: 1 in ``ends``, 2 in\n"
"``closers``, 4 in ``blank`` (which holds the line break), as ``ends``, ``closers`` and ``blank`` list them.");

static PyObject *
pieces(PyObject *self, PyObject *args)
{
    PyObject *text, *ends_str, *closers_str, *blank_str, *type_obj, *start_descr, *end_descr;
    Py_buffer table;
    Py_ssize_t start, end;
    if (!PyArg_ParseTuple(args, "Unny*UUUOOO:pieces", &text, &start, &end, &table, &ends_str, &closers_str,
                          &blank_str, &type_obj, &start_descr, &end_descr))
        return NULL;
    PyMemberDef *start_slot = PyType_Check(type_obj) ? slot_of(start_descr, "start_slot") : NULL;
    PyMemberDef *end_slot = start_slot ? slot_of(end_descr, "end_slot") : NULL;
    if (end_slot == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "pieces: sentence_type must be a type");
        PyBuffer_Release(&table);
        return NULL;
    }
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    if (start < 0)
        start = 0;
    if (end > length)
        end = length;
    if (table.len != 0x10000) {
        PyErr_SetString(PyExc_ValueError, "pieces: the table must have 65536 bytes");
        PyBuffer_Release(&table);
        return NULL;
    }
    Classes classes;
    classes.bmp = (const unsigned char *)table.buf;
    PyObject *strings[3] = {ends_str, closers_str, blank_str};
    for (int k = 0; k < 3; k++) {
        classes.lists[k] = NULL;
        classes.sizes[k] = PyUnicode_GET_LENGTH(strings[k]);
    }
    PyObject *out = NULL, *result = NULL;
    for (int k = 0; k < 3; k++)
        if ((classes.lists[k] = PyUnicode_AsUCS4Copy(strings[k])) == NULL)
            goto done;
    if ((out = PyList_New(0)) == NULL)
        goto done;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyTypeObject *type = (PyTypeObject *)type_obj;
    Py_ssize_t p = start;
    while (p < end) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, p);
        int what = class_of(&classes, ch);
        Py_ssize_t q, stop;
        if (what & END) { /* a run alone */
            for (q = p + 1; q < end && (class_of(&classes, PyUnicode_READ(kind, data, q)) & (END | CLOSER)); q++)
                ;
            stop = q;
        }
        else if (what & BLANK) { /* the line break is blank too */
            p++;
            continue;
        }
        else { /* solid: through the first run, or to the last solid before a line break or the end */
            stop = p + 1;
            for (q = p + 1; q < end; q++) {
                Py_UCS4 c = PyUnicode_READ(kind, data, q);
                int is = class_of(&classes, c);
                if (is & END) {
                    for (q = q + 1; q < end && (class_of(&classes, PyUnicode_READ(kind, data, q)) & (END | CLOSER)); q++)
                        ;
                    stop = q;
                    break;
                }
                if (c == '\n')
                    break;
                if (!(is & BLANK))
                    stop = q + 1;
            }
        }
        if (append_piece(out, type, start_slot, end_slot, p, stop) < 0)
            goto done;
        p = stop;
    }
    result = PyList_AsTuple(out);
done:
    Py_XDECREF(out);
    for (int k = 0; k < 3; k++)
        PyMem_Free(classes.lists[k]);
    PyBuffer_Release(&table);
    return result;
}

static PyMethodDef methods[] = {
    {"pieces", pieces, METH_VARARGS, pieces_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_sentences", "Sentence and clause pieces found in C (see sentences.py).", -1, methods,
};

PyMODINIT_FUNC
PyInit__sentences(void)
{
    return PyModule_Create(&module);
}
