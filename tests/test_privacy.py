"""The personal-data guard's rules: which numbers are CPR numbers, and which details raise a warning."""

import pytest

from portal.shared.privacy import find_cpr_numbers, identifying_details


@pytest.mark.parametrize(
    "text",
    [
        "Borgeren (010190-1234) startede i praktik.",
        "CPR 0101901234 stod i journalen",
        "cpr: 311299 1234",
        "<p>Se 290200-4321</p>",  # 29 February 2000 exists
        '{"type": "paragraph", "value": "<p>150385-0007</p>"}',
        "150385-0008",  # fails the modulus-11 check, still a CPR number
        # Issue 13: whatever stands before or after (a hyphen included): a journal number holding one is refused.
        "Sag nr. 2024-010190-1234-5",
    ],
)
def test_cpr_numbers_are_found_with_and_without_a_dash(text):
    assert find_cpr_numbers(text)


@pytest.mark.parametrize(
    "text",
    [
        "Telefon 75 12 34 56",
        "Perioden 2023-2024, 40 borgere",
        "321390-1234",  # day 32 is not a date
        "011390-1234",  # month 13 is not a date
        "290201-1234",  # 29 February 1901 and 2001 do not exist
        "12345678901",  # eleven digits
    ],
)
def test_other_numbers_are_not_cpr_numbers(text):
    assert not find_cpr_numbers(text)


def test_a_name_next_to_a_diagnosis_is_flagged():
    [message] = identifying_details("Mette Hansen har angst og kom i praktik.")
    assert "Mette Hansen" in message and "angst" in message


def test_an_exact_age_with_a_municipality_is_flagged():
    messages = identifying_details("En 34-årig kvinde fra Varde fik job.", municipalities=["Varde"])
    assert any("34-årig" in message and "Varde" in message for message in messages)


def test_email_and_phone_numbers_in_the_text_are_flagged():
    messages = identifying_details("Skriv til borger@example.dk eller ring 20 30 40 50.")
    assert len(messages) == 2


def test_an_ordinary_practice_text_raises_no_warning():
    text = "Virksomhedskonsulenten fra Jobcenter Varde fulgte borgerne, der var i 30'erne, i perioden 2023 2024."
    assert identifying_details(text, municipalities=["Varde"]) == []


def test_streamfield_block_ids_are_not_taken_for_cpr_numbers():
    """A block id is a random UUID; one ending in "…-ab2507831234" once refused a clean story."""
    from wagtail.blocks import StreamValue

    from portal.shared.blocks import PracticeStreamBlock
    from portal.shared.privacy import text_of

    def practice(text, block_id):
        return StreamValue(PracticeStreamBlock(), [{"type": "paragraph", "value": text, "id": block_id}], is_lazy=True)

    unlucky_id = "9c2f0783-1a34-4abc-8def-ab2507831234"
    assert not find_cpr_numbers(text_of(practice("<p>Første møde var en kop kaffe.</p>", unlucky_id)))
    assert find_cpr_numbers(text_of(practice("<p>Borgeren 010190-1234 fik job.</p>", unlucky_id)))
