import itertools

from retrieval.questions.topics import held_share, topic_term_weights, topic_terms


def test_a_term_in_every_candidate_weighs_less_than_one_that_tells_them_apart() -> None:
    sentences = [{"tanaka", "born"}, {"tanaka", "law"}, {"tanaka", "appointed"}]
    weights = topic_term_weights({"tanaka", "appointed"}, sentences, lambda term: 1.0)
    assert weights["appointed"] > weights["tanaka"] > 0


def test_now_in_a_question_is_when_it_is_asked_not_its_topic() -> None:
    """ "How often will the committee meet now?" was answered "Debug logs are now kept for 7 days…" of another
    record, where "now" was the rarest of its terms."""
    assert topic_terms("How often will the committee meet now?") == topic_terms("How often will the committee meet?")


def test_a_number_in_a_question_is_one_term_as_the_index_reads_it() -> None:
    assert topic_terms("What happened in Lab 2.14?") == {"lab", "2.14"}
    assert topic_terms("Who approved the 1,200 euros?") == {"approv", "1200", "euro"}


def test_a_word_that_orders_things_in_time_is_no_word_of_a_topic_but_within_a_compound() -> None:
    """ "How long did checkout take after the redesign?" was answered "…look at the ticket numbers after two
    weeks.", by its "after"; "looked-after children" are named by it."""
    assert topic_terms("How long did checkout take after the redesign?") == {"checkout", "redesign"}
    assert topic_terms("What happened before the launch?") == topic_terms("What happened at the launch?")
    assert "after" in topic_terms("What is the exclusion rate of looked-after children?")


def test_do_is_no_word_of_a_topic() -> None:
    """ "What should we start doing?" was answered "The tombola did best at £610.", by its "did"."""
    assert topic_terms("What should we start doing?") == {"start"}


def test_a_share_of_the_topic_is_the_same_in_whatever_order_its_terms_come() -> None:
    """A set's order changes from one process to the next (string hashing is salted): summed in that order, two
    equal shares could part in their last bit, and one question get two answers."""
    weights = {"a": 0.1, "b": 0.2, "c": 0.3}
    shares = {held_share(dict.fromkeys(order).keys(), weights) for order in itertools.permutations(weights)}
    assert len(shares) == 1
