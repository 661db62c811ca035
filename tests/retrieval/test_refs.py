import pytest

from retrieval.errors import UnknownRef
from retrieval.refs import ParsedRef, make_ref, parse_ref


def test_char_ref_round_trips() -> None:
    assert parse_ref(make_ref("education_4", 10, 250)) == ParsedRef("education_4", 10, 250, "char")


@pytest.mark.parametrize(
    ("ref", "parsed"),
    [
        ("ES2006a:31-33", ParsedRef("ES2006a", 31, 33, "line")),
        ("ES2006a:7", ParsedRef("ES2006a", 7, 7, "line")),
        ("team-a:notes#0-5", ParsedRef("team-a:notes", 0, 5, "char")),
    ],
)
def test_parse_ref_forms(ref: str, parsed: ParsedRef) -> None:
    assert parse_ref(ref) == parsed


@pytest.mark.parametrize("ref", ["", "meeting", "m#5-5", "m#9-3", "m:0", "m:5-2", "m#a-b"])
def test_malformed_refs_are_unknown(ref: str) -> None:
    with pytest.raises(UnknownRef):
        parse_ref(ref)
