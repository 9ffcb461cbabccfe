"""The refactoring snapshot names the first changed line of a record."""

from evaluation.snapshot import first_difference


def test_first_difference_shows_the_changed_line_pair():
    before = '{\n "value": 41,\n "unit": "名"\n}'
    after = '{\n "value": 41,\n "unit": "人"\n}'
    assert first_difference(before, after) == '- "unit": "名"\n+ "unit": "人"'


def test_first_difference_of_equal_records_is_empty():
    record = '{\n "value": 320\n}'
    assert first_difference(record, record) == ""
